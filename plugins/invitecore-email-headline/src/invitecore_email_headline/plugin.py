"""Hook implementations of the email-headline plugin (entry point ``email-headline``).

The logic lives in :mod:`.detect` (finding addresses), :mod:`.signals` (profile evidence) and
:mod:`.checks` (the invitation's email); this module only wires them to invitecore's hooks.
"""

from __future__ import annotations

from collections.abc import Iterable

from invitecore import Finding, Invitation, Profile, Rule, Setting, Settings, Signal, hookimpl
from invitecore_email_headline.checks import email_findings
from invitecore_email_headline.detect import finder_for
from invitecore_email_headline.rules import RULES
from invitecore_email_headline.settings import SETTINGS
from invitecore_email_headline.signals import email_signals

__all__ = [
    "invitecore_invitation_checks",
    "invitecore_profile_signals",
    "invitecore_rules",
    "invitecore_settings",
]


@hookimpl
def invitecore_rules() -> Iterable[Rule]:
    """Declare EMH101-EMH103 (signals) and EMH201-EMH203 (invitation findings)."""
    return RULES


@hookimpl
def invitecore_settings() -> Iterable[Setting]:
    """Declare the weights, word lists and limits, each with its source."""
    return SETTINGS


@hookimpl
def invitecore_profile_signals(profile: Profile, settings: Settings) -> list[Signal]:
    """An open-camp signal for each address in the name, headline or about text."""
    weights = {
        "headline": settings["headline-weight"],
        "name": settings["name-weight"],
        "about": settings["about-weight"],
    }
    return email_signals(profile, finder_for(settings), weights)


@hookimpl
def invitecore_invitation_checks(
    invitation: Invitation, profile: Profile, settings: Settings
) -> list[Finding]:
    """Findings about the invitation's email: missing (EMH201), different (EMH202), malformed."""
    return email_findings(
        invitation, profile, finder_for(settings), min_tld_length=settings["min-tld-length"]
    )
