"""Hook implementations of the email-headline plugin (entry point ``email-headline``).

The logic lives in :mod:`.detect` (finding addresses), :mod:`.signals` (profile evidence) and
:mod:`.checks` (the invitation's email); this module only wires them to invitecore's hooks.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from invitecore import Finding, Invitation, Profile, Rule, Setting, Settings, Signal, hookimpl
from invitecore_email_headline.checks import ASKS_FOR_EMAIL, email_findings
from invitecore_email_headline.detect import AddressFinder, finder_for
from invitecore_email_headline.rules import RULES
from invitecore_email_headline.settings import SETTINGS
from invitecore_email_headline.signals import email_signals

__all__ = [
    "invitecore_invitation_checks",
    "invitecore_profile_signals",
    "invitecore_rules",
    "invitecore_settings",
]


class _Prepared(NamedTuple):
    """What the hooks read from one settings table, in the shapes they use it in."""

    finder: AddressFinder
    weights: Mapping[str, float]
    min_tld_length: int


@functools.lru_cache(maxsize=8)
def _prepared(settings: Settings) -> _Prepared:
    # Once per run (Settings hash by identity): Settings look-ups are Python-level calls, too
    # slow to repeat for every profile.
    return _Prepared(
        finder=finder_for(settings),
        weights={
            "headline": settings["headline-weight"],
            "name": settings["name-weight"],
            "about": settings["about-weight"],
        },
        min_tld_length=settings["min-tld-length"],
    )


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
    prepared = _prepared(settings)
    return email_signals(profile, prepared.finder, prepared.weights)


@hookimpl
def invitecore_invitation_checks(
    invitation: Invitation, profile: Profile, settings: Settings
) -> list[Finding]:
    """Findings about the invitation's email: missing (EMH201), different (EMH202), malformed."""
    if not invitation.email and invitation.relationship not in ASKS_FOR_EMAIL:
        return []  # most cases: no email to check and none needed, so no settings to read
    prepared = _prepared(settings)
    return email_findings(
        invitation, profile, prepared.finder, min_tld_length=prepared.min_tld_length
    )
