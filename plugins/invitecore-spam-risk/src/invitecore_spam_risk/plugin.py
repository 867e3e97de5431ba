"""Hook implementations of the spam-risk plugin: a transparent risk scorecard and next steps.

The logic lives in :mod:`~invitecore_spam_risk.scorecard` and :mod:`~invitecore_spam_risk.advice`;
these functions only adapt the hooks to it. Settings are checked once per run
(:func:`~invitecore_spam_risk.settings.scorecard_config` caches per ``Settings`` object).
"""

from __future__ import annotations

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
from invitecore_spam_risk.settings import SETTINGS, scorecard_config


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
    return scorecard.risk_factors(
        invitation, profile, classification, findings, scorecard_config(settings)
    )


@hookimpl
def invitecore_advice(result: CaseResult, settings: Settings) -> list[Advice]:
    """Approach-first steps for a risky stranger; the listed email for an open networker."""
    return advice.advice_for(result, scorecard_config(settings))
