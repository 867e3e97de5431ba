"""The orderings the issue asks for, through the real engine and the core's default cut-offs.

The signal and note plugins are replaced by the crude test doubles in ``fakes.py``; the risk
score, its clamping, its level and the verdict come from the core.
"""

from __future__ import annotations

from typing import Any

import fakes

from invitecore import CaseResult, RiskLevel, Verdict
from invitecore.testing import evaluate_case
from invitecore_spam_risk import plugin

PERSONAL_NOTE = (
    "Hi Dana, I read your post on low-energy street lighting and run a similar project in "
    "Example-Town; I'd be glad to share our measurements if they help."
)


def evaluate(**case: Any) -> CaseResult:
    result = evaluate_case(plugin, fakes.signals(), fakes.personalization(), **case)
    assert not result.errors, result.errors
    assert result.risk is not None
    return result


def score(result: CaseResult) -> float:
    assert result.risk is not None
    return result.risk.score


def test_selective_stranger_with_default_text_far_above_open_networker_with_personal_note() -> None:
    selective = evaluate(
        profile={"name": "Dana Lumen", "headline": "Lighting engineer [selective]"},
        invitation={"note": fakes.DEFAULT_TEXT, "relationship": "none"},
    )
    open_networker = evaluate(
        profile={"name": "Dana Lumen", "headline": "Lighting engineer [open]"},
        invitation={"note": PERSONAL_NOTE + " We met at the Fair.", "relationship": "other"},
    )
    assert selective.classification is not None
    assert selective.classification.camp == "selective_connector"
    assert selective.risk is not None
    assert selective.risk.level is RiskLevel.HIGH
    assert open_networker.risk is not None
    assert open_networker.risk.level is RiskLevel.LOW
    assert score(selective) - score(open_networker) >= 50


def test_adding_how_we_met_lowers_risk() -> None:
    profile = {"name": "Dana Lumen"}
    without = evaluate(profile=profile, invitation={"note": PERSONAL_NOTE, "relationship": "none"})
    with_met = evaluate(
        profile=profile,
        invitation={"note": PERSONAL_NOTE + " We met at the Example Fair.", "relationship": "none"},
    )
    assert score(with_met) < score(without)
    assert score(without) - score(with_met) == 10.0


def test_former_colleague_with_a_good_note_is_low() -> None:
    result = evaluate(
        profile={"name": "Dana Lumen", "member_since": 2004, "shared_connections": 0},
        invitation={
            "note": "Hi Dana, we met at Example Lighting when we both worked on the harbour "
            "project; I'd like to stay in touch and swap notes on the new standards.",
            "relationship": "colleague",
        },
    )
    assert result.risk is not None
    assert result.risk.level is RiskLevel.LOW
    assert score(result) == 0.0
    assert result.verdict is Verdict.SEND


def test_the_score_clamps_at_100() -> None:
    result = evaluate(
        profile={
            "name": "Dana Lumen",
            "headline": "[selective]",
            "member_since": 2004,
            "shared_connections": 0,
        },
        invitation={
            "note": fakes.DEFAULT_TEXT + " https://example.com/offer",
            "relationship": "other",
        },
    )
    assert result.risk is not None
    raw = sum(f.points for f in result.risk.factors)
    assert raw > 100
    assert result.risk.score == 100.0


def test_the_score_clamps_at_0() -> None:
    result = evaluate(
        profile={"name": "Dana Lumen", "headline": "[open]", "shared_connections": 8},
        invitation={
            "note": PERSONAL_NOTE,
            "relationship": "colleague",
            "email": "dana@example.com",
        },
    )
    assert result.risk is not None
    assert sum(f.points for f in result.risk.factors) < 0
    assert result.risk.score == 0.0
