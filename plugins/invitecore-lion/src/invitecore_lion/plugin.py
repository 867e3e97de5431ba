"""Hook implementations of the lion plugin: LION and selective-connector evidence.

Entry point ``lion``; configure it under ``[tool.invitecore.plugins.lion]``. The detection lives
in :mod:`invitecore_lion.detect`; this module declares the rules and settings and turns evidence
into weighted :class:`~invitecore.Signal` objects.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from invitecore import Camp, Profile, Rule, Setting, Signal, hookimpl
from invitecore_lion import rules
from invitecore_lion.detect import first_evidence
from invitecore_lion.plan import plan_for
from invitecore_lion.settings import SETTINGS

__all__ = ["forget", "invitecore_profile_signals", "invitecore_rules", "invitecore_settings"]

# Rule code -> (camp, weight setting). Every code the detector emits is here.
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
    rules.KNOWN_PEOPLE_ONLY: (Camp.SELECTIVE, "known-people-only-weight"),
    rules.NOT_A_LION: (Camp.SELECTIVE, "not-a-lion-weight"),
    rules.EARLY_MEMBER: (Camp.SELECTIVE, "early-member-weight"),
    rules.CONDITIONS: (Camp.SELECTIVE, "conditions-weight"),
}

_RULE_SUMMARY = {rule.code: rule.summary for rule in rules.RULES}


@hookimpl
def invitecore_rules() -> tuple[Rule, ...]:
    """Declare LIO101-LIO110 (open evidence) and LIO151-LIO154 (selective evidence)."""
    return rules.RULES


@hookimpl
def invitecore_settings() -> tuple[Setting, ...]:
    """Declare every weight, threshold and phrase list, with its default and source."""
    return SETTINGS


@hookimpl
def invitecore_profile_signals(profile: Profile, settings: Mapping[str, Any]) -> list[Signal]:
    """One signal per rule code found in the profile, for the first place it is found.

    The core combines signals with a noisy-OR, which treats them as independent; the same kind
    of evidence repeated (LION in the name and again in the headline, a second emoji) is not
    independent, so only its first occurrence counts.
    """
    found = first_evidence(profile, settings)
    if not found:
        return []  # most profiles
    return [_signal(settings, code, *evidence) for code, evidence in found.items()]


def forget(settings: Mapping[str, Any]) -> None:
    """Forget the fields remembered for ``settings`` and every remembered signal, as if no
    profile had been checked yet (compiled patterns stay): for benchmarks and tests that time
    or check a first look at a profile."""
    plan_for(settings).forget()
    _signal.cache_clear()


# Building a Signal (its converters and validators) costs more than finding the evidence in a
# typical profile, and the same evidence recurs across a list ("LION |" opening a headline, a
# stock "I only connect with people I know"). A Signal is immutable and a pure function of these
# arguments (settings hash by identity), so it is built once per distinct evidence; the bound
# keeps memory flat over any number of profiles. (The core stamps ``plugin`` on a signal in
# place, the same value every time.)
@functools.lru_cache(maxsize=4096)
def _signal(
    settings: Mapping[str, Any],
    code: str,
    field: str,
    span: tuple[int, int] | None,
    text: str,
    value: str | None,
) -> Signal:
    camp, weight = SIGNAL_KINDS[code]
    summary = _RULE_SUMMARY[code]
    where = f" in {field}"
    label = f"{summary}{where}: {text!r}" if text else f"{summary}{where}"
    if value is not None and not text:
        label = f"{label} ({value})"
    return Signal(
        code=code,
        camp=camp,
        weight=float(settings[weight]),
        label=label,
        field=field,
        span=span,
        value=value,
    )
