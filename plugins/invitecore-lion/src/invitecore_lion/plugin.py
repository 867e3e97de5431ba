"""Hook implementations of the lion plugin: LION and selective-connector evidence.

Entry point ``lion``; configure it under ``[tool.invitecore.plugins.lion]``. This module only
declares the rules and settings and turns evidence into weighted :class:`~invitecore.Signal`
objects; reading the profile is :mod:`invitecore_lion.reader`'s job.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from invitecore import Camp, Profile, Rule, Setting, Signal, hookimpl
from invitecore_lion import rules
from invitecore_lion.reader import Evidence, plan_for, read_profile
from invitecore_lion.settings import SETTINGS

__all__ = ["SIGNAL_KINDS", "forget", "invitecore_profile_signals", "invitecore_rules",
           "invitecore_settings"]

# Rule code -> (camp, weight setting). Every code the reader emits is here.
SIGNAL_KINDS: Mapping[str, tuple[Camp, str]] = {
    rules.LION_TOKEN: (Camp.OPEN, "lion-token-weight"),
    rules.OPEN_NETWORKER_PHRASE: (Camp.OPEN, "open-networker-phrase-weight"),
    rules.ACCEPT_ALL_PHRASE: (Camp.OPEN, "accept-all-weight"),
    rules.LINK_FAMILY: (Camp.OPEN, "link-family-weight"),
    rules.OPEN_NETWORKER_GROUP: (Camp.OPEN, "group-weight"),
    rules.COUNT_BRAGGING: (Camp.OPEN, "count-bragging-weight"),
    rules.OPEN_LINK: (Camp.OPEN, "open-link-weight"),
    rules.EMOJI_WITH_NETWORKING: (Camp.OPEN, "emoji-networking-weight"),
    rules.LARGE_NETWORK: (Camp.OPEN, "large-network-weight"),
    rules.EMOJI_ALONE: (Camp.OPEN, "emoji-alone-weight"),
    rules.SCOPED_WELCOME: (Camp.OPEN, "scoped-welcome-weight"),
    rules.KNOWN_PEOPLE_ONLY: (Camp.SELECTIVE, "known-people-only-weight"),
    rules.NOT_A_LION: (Camp.SELECTIVE, "not-a-lion-weight"),
    rules.EARLY_MEMBER: (Camp.SELECTIVE, "early-member-weight"),
    rules.CONDITIONS: (Camp.SELECTIVE, "conditions-weight"),
}

_SUMMARY = {rule.code: rule.summary for rule in rules.RULES}


@hookimpl
def invitecore_rules() -> tuple[Rule, ...]:
    """Declare LIO101-LIO111 (open evidence) and LIO151-LIO154 (selective evidence)."""
    return rules.RULES


@hookimpl
def invitecore_settings() -> tuple[Setting, ...]:
    """Declare every weight, threshold and phrase list, with its default and source."""
    return SETTINGS


@hookimpl
def invitecore_profile_signals(profile: Profile, settings: Mapping[str, Any]) -> list[Signal]:
    """One signal per rule code found in the profile, for the first place it is found.

    The core combines signals with a noisy-OR, which treats them as independent; the same kind
    of evidence repeated (LION in the name and again in the headline) is not independent, so
    only its first occurrence counts.
    """
    found = read_profile(profile, plan_for(settings))
    return [_signal(settings, field, evidence) for field, evidence in found.values()]


def forget(settings: Mapping[str, Any]) -> None:
    """Forget the sentences remembered for ``settings`` and every Signal built, as if no
    profile had been read yet: for benchmarks and tests that time or check a first look."""
    plan_for(settings).forget()
    _signal.cache_clear()


# Building a Signal (its converters and validators) costs more than reading a sentence from
# memory, and lists repeat evidence (a "[LION]" headline segment, a stock "I only connect with
# people I know"): a Signal is immutable and a pure function of these arguments (settings hash
# by identity), so it is built once per distinct evidence, for the last 4,096.
@functools.lru_cache(maxsize=4096)
def _signal(settings: Mapping[str, Any], field: str, evidence: Evidence) -> Signal:
    code, span, text, value = evidence
    camp, weight = SIGNAL_KINDS[code]
    label = f"{_SUMMARY[code]} in {field}"
    if text:
        label = f"{label}: {text!r}"
    elif value is not None:
        label = f"{label} ({value})"
    return Signal(code=code, camp=camp, weight=float(settings[weight]), label=label,
                  field=field, span=span, value=value)
