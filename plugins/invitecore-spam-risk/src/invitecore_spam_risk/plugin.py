"""Hook implementations of the spam-risk plugin: a transparent risk scorecard and next steps.

The logic lives in :mod:`~invitecore_spam_risk.scorecard` and :mod:`~invitecore_spam_risk.advice`;
these functions only adapt the hooks to it. Settings are checked, and the scorecard's fixed lines
built, once per run: :func:`_prepared` caches them per ``Settings`` object.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from invitecore import (
    Advice,
    CaseResult,
    Classification,
    Finding,
    Invitation,
    Profile,
    RiskFactor,
    Rule,
    Setting,
    Settings,
    hookimpl,
)
from invitecore_spam_risk import advice, scorecard
from invitecore_spam_risk.rules import RULES
from invitecore_spam_risk.settings import SETTINGS, ScorecardConfig, scorecard_config


class _Prepared(NamedTuple):
    settings: Settings
    config: ScorecardConfig
    scorecard: scorecard.Scorecard


@functools.lru_cache(maxsize=8)
def _prepare(settings: Settings) -> _Prepared:
    # Raises (uncached) for invalid settings, so the error is reported on every case.
    config = scorecard_config(settings)
    return _Prepared(settings, config, scorecard.Scorecard(config))


# The last settings seen. A run passes the same Settings object to every call, and an identity
# check is several times cheaper than the lru_cache look-up, which calls Settings.__hash__ in
# Python. Holding the object keeps its id from being reused; the entry is replaced whole, so a
# concurrent reader sees either the old pair or the new one.
_last: _Prepared | None = None


def _prepared(settings: Settings) -> _Prepared:
    global _last
    last = _last
    if last is not None and last.settings is settings:
        return last
    last = _last = _prepare(settings)
    return last


@hookimpl
def invitecore_rules() -> tuple[Rule, ...]:
    """Declare the SPM rule codes: scorecard factors SPM101-125, advice SPM131-135."""
    return RULES


@hookimpl
def invitecore_settings() -> tuple[Setting, ...]:
    """Declare every weight, threshold and code table, each with its source."""
    return SETTINGS


@hookimpl
def invitecore_risk_factors(
    invitation: Invitation,
    profile: Profile,
    classification: Classification,
    findings: tuple[Finding, ...],
    settings: Settings,
) -> list[RiskFactor]:
    """Score the invitation factor by factor; the core sums, clamps and bands the total."""
    return _prepared(settings).scorecard.factors(invitation, profile, classification, findings)


@hookimpl
def invitecore_advice(result: CaseResult, settings: Settings) -> list[Advice]:
    """Approach-first steps for a risky stranger; the listed email for an open networker."""
    return advice.advice_for(result, _prepared(settings).config)
