"""Hook implementations of the personalization plugin (entry point ``personalization``).

The plugin checks the invitation note: no note or a default text, greeting and name, unfilled
placeholders, how met / how found, why, benefit, length, pitches and links, group claims.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from invitecore import Finding, Invitation, Profile, Rule, Sender, Setting, Settings, hookimpl
from invitecore_personalization.checks import NoteChecker
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
    """Limits, default texts and cue lists (see :mod:`invitecore_personalization.settings`)."""
    return SETTINGS


@hookimpl
def invitecore_invitation_checks(
    invitation: Invitation, profile: Profile, sender: Sender, settings: Settings
) -> list[Finding]:
    """Check that the note is personal, correct and within the sender's limit."""
    return _checker(settings).check(invitation, profile, sender)


@functools.lru_cache(maxsize=8)
def _checker(settings: Settings) -> NoteChecker:
    # Settings hash by identity and the core builds them once per run: one checker (and one
    # note cache) per run, as for the compiled patterns.
    return NoteChecker(compiled(settings))
