"""The plugin alone with the core: no signal or note plugins, so the camp is unknown."""

from __future__ import annotations

import fakes

from invitecore import RiskLevel, Verdict
from invitecore.testing import evaluate_case
from invitecore_spam_risk import plugin


def test_alone_with_the_core_a_bare_stranger_invitation_is_high_risk() -> None:
    result = evaluate_case(
        plugin, profile={"name": "Dana Lumen"}, invitation={"note": "", "relationship": "none"}
    )
    assert not result.errors
    assert result.classification is not None
    assert result.classification.camp == "unknown"
    assert result.risk is not None
    assert {f.code: f.points for f in result.risk.factors} == {"SPM101": 40.0, "SPM102": 25.0}
    assert result.risk.level is RiskLevel.HIGH
    assert result.verdict is Verdict.WARM_UP
    assert [a.code for a in result.advice] == ["SPM131", "SPM134"]


def test_alone_with_the_core_a_known_person_with_a_note_is_low() -> None:
    result = evaluate_case(
        plugin,
        profile={"name": "Dana Lumen"},
        invitation={"note": "Hi Dana, good to see you at the reunion", "relationship": "classmate"},
    )
    assert not result.errors
    assert result.risk is not None
    assert result.risk.score == 0.0
    assert result.advice == ()


def test_config_table_reaches_the_plugin() -> None:
    result = evaluate_case(
        plugin,
        profile={"name": "Dana Lumen"},
        invitation={"note": "", "relationship": "none"},
        settings={"spam-risk": {"no-note-points": 5, "stranger-unknown-points": 20}},
    )
    assert result.risk is not None
    assert result.risk.score == 25.0
    assert result.risk.level is RiskLevel.LOW


def test_a_bad_table_value_is_a_plugin_error_not_a_crash() -> None:
    result = evaluate_case(
        plugin,
        profile={"name": "Dana Lumen"},
        settings={"spam-risk": {"finding-factors": {"PER101": "SPM999"}}},
    )
    assert [e.hook for e in result.errors] == ["invitecore_risk_factors", "invitecore_advice"]
    assert "finding-factors.PER101" in result.errors[0].message


def test_factors_carry_the_plugin_name() -> None:
    result = evaluate_case(plugin, profile={"name": "Dana Lumen"})
    assert result.risk is not None
    assert {f.plugin for f in result.risk.factors} == {"spam-risk"}


def test_open_networker_listing_an_email_gets_use_it_advice() -> None:
    result = evaluate_case(
        plugin,
        fakes.signals(),
        profile={"name": "Dana Lumen", "headline": "[open] [email]"},
        invitation={"note": "Hi Dana, we met at the Example Fair.", "relationship": "none"},
    )
    assert not result.errors
    use_email = [a for a in result.advice if a.code == "SPM135"]
    assert len(use_email) == 1
    assert fakes.LISTED_EMAIL in use_email[0].text
    assert "'other'" in use_email[0].text


def test_no_use_it_advice_when_the_listed_email_is_already_given() -> None:
    result = evaluate_case(
        plugin,
        fakes.signals(),
        profile={"name": "Dana Lumen", "headline": "[open] [email]"},
        invitation={"note": "Hi", "relationship": "other", "email": fakes.LISTED_EMAIL},
    )
    assert "SPM135" not in [a.code for a in result.advice]


def test_no_use_it_advice_for_someone_you_know() -> None:
    result = evaluate_case(
        plugin,
        fakes.signals(),
        profile={"name": "Dana Lumen", "headline": "[open] [email]"},
        invitation={"note": "Hi", "relationship": "friend"},
    )
    assert "SPM135" not in [a.code for a in result.advice]
