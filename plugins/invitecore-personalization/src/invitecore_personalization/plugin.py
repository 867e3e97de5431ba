"""Hook implementations of the personalization plugin (entry point ``personalization``).

The plugin checks the invitation note: no note or a default text, a generic note, greeting and
name, unfilled placeholders, how met / how found, why, benefit, length, pitches and links,
group claims. Reading the note is :func:`invitecore_personalization.read_note`; turning a
reading into findings is :mod:`invitecore_personalization.checks`.
"""

from __future__ import annotations

from collections.abc import Iterable

from invitecore import (
    Classification,
    Finding,
    Invitation,
    Profile,
    Rule,
    Sender,
    Setting,
    Settings,
    hookimpl,
)
from invitecore_personalization.checks import check_note
from invitecore_personalization.patterns import compiled
from invitecore_personalization.rules import RULES
from invitecore_personalization.settings import SETTINGS

__all__ = ["invitecore_invitation_checks", "invitecore_rules", "invitecore_settings"]


@hookimpl
def invitecore_rules() -> Iterable[Rule]:
    """The PER rules (see :mod:`invitecore_personalization.rules`)."""
    return RULES


@hookimpl
def invitecore_settings() -> Iterable[Setting]:
    """Limits, default texts, word families and rules (see :mod:`.settings`)."""
    return SETTINGS


@hookimpl
def invitecore_invitation_checks(
    invitation: Invitation,
    profile: Profile,
    classification: Classification,
    sender: Sender,
    settings: Settings,
) -> list[Finding]:
    """Check that the note is personal, correct and within the sender's limit.

    ``classification`` decides only whether a blank invitation is normal practice (PER101).
    """
    return check_note(invitation, profile, sender, compiled(settings), classification)
