"""aggregate.py: noisy-OR classification, risk clamp and levels, and every verdict branch."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from invitecore import (
    Classification,
    Finding,
    Invitation,
    NetworkingCamp,
    Risk,
    RiskFactor,
    RiskLevel,
    Severity,
    Signal,
    Verdict,
)
from invitecore.aggregate import Thresholds, classify, decide_verdict, score_risk
from invitecore.models import VerdictReason

DEFAULT = Thresholds()


def signal(camp: str, weight: float) -> Signal:
    return Signal(code="TST101", camp=camp, weight=weight, label="test")


def factor(points: float) -> RiskFactor:
    return RiskFactor(code="TST301", points=points, reason="r")


class TestClassify:
    def test_no_signals_is_unknown_with_zero_confidence(self) -> None:
        result = classify([], DEFAULT)
        assert result.camp is NetworkingCamp.UNKNOWN
        assert result.confidence == 0.0
        assert result.signals == ()

    def test_noisy_or_per_camp(self) -> None:
        result = classify(
            [signal("open", 0.5), signal("open", 0.5), signal("selective", 0.2)], DEFAULT
        )
        assert result.open_strength == 0.75
        assert result.selective_strength == 0.2
        # net = 0.55 >= 0.5
        assert result.camp is NetworkingCamp.OPEN_NETWORKER
        assert result.confidence == pytest.approx(0.55)

    def test_second_weak_signal_adds_less_than_the_first(self) -> None:
        one = classify([signal("open", 0.3)], DEFAULT).open_strength
        two = classify([signal("open", 0.3), signal("open", 0.3)], DEFAULT).open_strength
        assert two == pytest.approx(0.51)
        assert two - one < one

    def test_weight_one_is_conclusive(self) -> None:
        result = classify([signal("open", 1.0), signal("open", 0.2)], DEFAULT)
        assert result.open_strength == 1.0

    @pytest.mark.parametrize(
        ("signals", "camp", "confidence"),
        [
            ([("open", 0.9)], NetworkingCamp.OPEN_NETWORKER, 0.9),
            ([("open", 0.5)], NetworkingCamp.OPEN_NETWORKER, 0.5),  # at the threshold
            ([("open", 0.49)], NetworkingCamp.IN_BETWEEN, 0.51),
            ([("selective", 0.3)], NetworkingCamp.SELECTIVE_CONNECTOR, 0.3),  # at the threshold
            ([("selective", 0.29)], NetworkingCamp.IN_BETWEEN, 0.71),
            ([("selective", 0.9)], NetworkingCamp.SELECTIVE_CONNECTOR, 0.9),
            ([("open", 0.8), ("selective", 0.8)], NetworkingCamp.IN_BETWEEN, 1.0),
            ([("open", 0.9), ("selective", 0.5)], NetworkingCamp.IN_BETWEEN, 0.6),
        ],
    )
    def test_camp_and_confidence(
        self, signals: list[tuple[str, float]], camp: NetworkingCamp, confidence: float
    ) -> None:
        result = classify([signal(c, w) for c, w in signals], DEFAULT)
        assert result.camp is camp
        assert result.confidence == pytest.approx(confidence)

    def test_thresholds_come_from_config(self) -> None:
        strict = Thresholds(open_threshold=0.95, selective_threshold=0.95)
        assert classify([signal("open", 0.9)], strict).camp is NetworkingCamp.IN_BETWEEN
        assert classify([signal("selective", 0.9)], strict).camp is NetworkingCamp.IN_BETWEEN

    def test_rounds_to_four_places(self) -> None:
        result = classify([signal("open", 1 / 3)], DEFAULT)
        assert result.open_strength == 0.3333
        assert result.confidence == 0.6667

    @given(
        st.lists(
            st.tuples(
                st.sampled_from(["open", "selective"]),
                st.floats(min_value=0.001, max_value=1.0),
            ),
            max_size=8,
        )
    )
    def test_properties(self, pairs: list[tuple[str, float]]) -> None:
        result = classify([signal(c, w) for c, w in pairs], DEFAULT)
        assert 0.0 <= result.confidence <= 1.0
        assert 0.0 <= result.open_strength <= 1.0
        assert 0.0 <= result.selective_strength <= 1.0
        if not pairs:
            assert result.camp is NetworkingCamp.UNKNOWN
            return
        open_strength = 1 - math.prod(1 - w for c, w in pairs if c == "open")
        selective_strength = 1 - math.prod(1 - w for c, w in pairs if c == "selective")
        net = open_strength - selective_strength
        if net >= 0.5 + 1e-9:
            assert result.camp is NetworkingCamp.OPEN_NETWORKER
        elif net <= -0.3 - 1e-9:
            assert result.camp is NetworkingCamp.SELECTIVE_CONNECTOR
        elif -0.3 + 1e-9 < net < 0.5 - 1e-9:
            assert result.camp is NetworkingCamp.IN_BETWEEN


class TestScoreRisk:
    def test_sums_points_and_keeps_factors(self) -> None:
        factors = [factor(10), factor(12.5), factor(-2.5)]
        risk = score_risk(factors, DEFAULT)
        assert risk.score == 20.0
        assert risk.factors == tuple(factors)

    @pytest.mark.parametrize(("points", "score"), [([80, 50], 100.0), ([-10, 5], 0.0), ([], 0.0)])
    def test_clamped_to_0_100(self, points: list[float], score: float) -> None:
        assert score_risk([factor(p) for p in points], DEFAULT).score == score

    @pytest.mark.parametrize(
        ("score", "level"),
        [
            (0, RiskLevel.LOW),
            (29.99, RiskLevel.LOW),
            (30, RiskLevel.MEDIUM),
            (59.99, RiskLevel.MEDIUM),
            (60, RiskLevel.HIGH),
            (100, RiskLevel.HIGH),
        ],
    )
    def test_levels(self, score: float, level: RiskLevel) -> None:
        assert score_risk([factor(score)], DEFAULT).level is level

    def test_levels_come_from_config(self) -> None:
        custom = Thresholds(risk_medium=10, risk_high=20)
        assert score_risk([factor(15)], custom).level is RiskLevel.MEDIUM
        assert score_risk([factor(20)], custom).level is RiskLevel.HIGH

    def test_rounds_to_two_places(self) -> None:
        assert score_risk([factor(1 / 3)], DEFAULT).score == 0.33

    @given(st.lists(st.floats(min_value=-500, max_value=500), max_size=10))
    def test_score_always_in_range(self, points: list[float]) -> None:
        risk = score_risk([factor(p) for p in points], DEFAULT)
        assert 0.0 <= risk.score <= 100.0


def decided(
    relationship: str,
    camp: str,
    confidence: float = 0.5,
    level: str = "low",
    severities: tuple[str | None, ...] = (),
    thresholds: Thresholds = DEFAULT,
    score: float = 0.0,
) -> tuple[Verdict, VerdictReason]:
    findings = [Finding(code="TST201", message="m", severity=s) for s in severities]
    return decide_verdict(
        Invitation(relationship=relationship),
        Classification(camp=camp, confidence=confidence),
        findings,
        Risk(score=score, level=level),
        thresholds,
    )


def verdict(
    relationship: str,
    camp: str,
    confidence: float = 0.5,
    level: str = "low",
    severities: tuple[str | None, ...] = (),
    thresholds: Thresholds = DEFAULT,
) -> Verdict:
    return decided(relationship, camp, confidence, level, severities, thresholds)[0]


class TestVerdictReason:
    """Every verdict names the rule that decided it and the facts it used."""

    @pytest.mark.parametrize(
        ("arguments", "rule", "words"),
        [
            (("none", "selective_connector", 0.96), "stranger-selective-sure",
             ["selective connector", "0.96", "at or above 0.8"]),
            (("other", "selective_connector", 0.5), "stranger-selective",
             ["relationship 'other'", "0.50", "below 0.8"]),
            (("none", "unknown", 0.0), "stranger-unknown", ["camp is unknown"]),
            (("none", "in_between", 0.7, "high", (), DEFAULT, 72.0),
             "stranger-in-between-high-risk", ["in between", "risk 72", "at or above 60"]),
            (("colleague", "unknown", 0.0, "high", (), DEFAULT, 65.0), "high-risk",
             ["risk 65", "at or above 60"]),
            (("colleague", "unknown", 0.0, "low", ("warning", "info")), "findings",
             ["1 finding at warning or above: TST201"]),
            (("colleague", "unknown", 0.0, "low", ("info",)), "nothing-blocks",
             ["no finding at warning or above", "below 60"]),
        ],
    )
    def test_the_reason_names_its_rule_and_facts(
        self, arguments: tuple[Any, ...], rule: str, words: list[str]
    ) -> None:
        _, reason = decided(*arguments)
        assert reason.rule == rule
        for word in words:
            assert word in reason.text


class TestVerdict:
    @pytest.mark.parametrize("stranger", ["none", "other"])
    def test_strong_selective_stranger_do_not_send(self, stranger: str) -> None:
        assert verdict(stranger, "selective_connector", 0.8) is Verdict.DO_NOT_SEND
        assert verdict(stranger, "selective_connector", 0.99) is Verdict.DO_NOT_SEND

    def test_weaker_selective_stranger_warm_up(self) -> None:
        assert verdict("none", "selective_connector", 0.79) is Verdict.WARM_UP

    def test_unknown_stranger_warm_up(self) -> None:
        assert verdict("other", "unknown", 0.0) is Verdict.WARM_UP

    def test_in_between_stranger_with_high_risk_warm_up(self) -> None:
        assert verdict("none", "in_between", level="high") is Verdict.WARM_UP
        assert verdict("none", "in_between", level="medium") is Verdict.SEND

    def test_stranger_rules_beat_findings(self) -> None:
        assert verdict("none", "unknown", severities=("error",)) is Verdict.WARM_UP

    @pytest.mark.parametrize("known", ["colleague", "classmate", "business", "friend", "group"])
    def test_known_people_skip_the_stranger_rules(self, known: str) -> None:
        assert verdict(known, "selective_connector", 0.99) is Verdict.SEND
        assert verdict(known, "unknown", 0.0) is Verdict.SEND

    def test_high_risk_revises(self) -> None:
        assert verdict("colleague", "unknown", level="high") is Verdict.REVISE
        assert verdict("none", "open_networker", 0.9, level="high") is Verdict.REVISE

    @pytest.mark.parametrize(
        ("severities", "expected"),
        [
            (("warning",), Verdict.REVISE),
            (("error",), Verdict.REVISE),
            (("info", "info"), Verdict.SEND),
            ((None,), Verdict.SEND),
            ((), Verdict.SEND),
        ],
    )
    def test_findings_at_or_above_warning_revise(
        self, severities: tuple[str | None, ...], expected: Verdict
    ) -> None:
        assert verdict("none", "open_networker", 0.9, severities=severities) is expected

    def test_revise_at_comes_from_config(self) -> None:
        only_errors = Thresholds(revise_at=Severity.ERROR)
        assert verdict("friend", "in_between", severities=("warning",), thresholds=only_errors) is (
            Verdict.SEND
        )
        everything = Thresholds(revise_at=Severity.INFO)
        assert verdict("friend", "in_between", severities=("info",), thresholds=everything) is (
            Verdict.REVISE
        )

    def test_do_not_send_confidence_comes_from_config(self) -> None:
        lenient = Thresholds(do_not_send_confidence=0.95)
        assert verdict("none", "selective_connector", 0.9, thresholds=lenient) is Verdict.WARM_UP

    def test_open_stranger_low_risk_sends(self) -> None:
        assert verdict("none", "open_networker", 0.9) is Verdict.SEND
