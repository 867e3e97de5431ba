"""Advice from hand-built results: which steps, naming what the profile offers."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from conftest import build_settings

from invitecore import (
    Advice,
    CaseResult,
    Classification,
    Invitation,
    Profile,
    Risk,
    RiskFactor,
    Signal,
    Verdict,
)
from invitecore_spam_risk import plugin

STRANGER = RiskFactor(code="SPM101", points=40, reason="stranger")
DANA = Profile(name="Dana Lumen", groups=("", "Example Lighting Circle", "Harbour Makers"))


def result(
    *,
    verdict: Verdict = Verdict.WARM_UP,
    level: str = "high",
    factors: tuple[RiskFactor, ...] = (STRANGER,),
    profile: Profile | None = DANA,
    camp: str = "unknown",
    signals: tuple[Signal, ...] = (),
) -> CaseResult:
    return CaseResult(
        id=None,
        source=None,
        profile=profile,
        classification=Classification(camp=camp, confidence=0.9, signals=signals),
        risk=Risk(score=70, level=level, factors=factors),
        verdict=verdict,
    )


def advise(case: Any, **overrides: Any) -> list[Advice]:
    return plugin.invitecore_advice(result=case, settings=build_settings(overrides))


def codes(advice: list[Advice]) -> list[str]:
    return [a.code for a in advice]


def test_warm_up_stranger_gets_the_approach_steps_in_order() -> None:
    profile = Profile(name="Dana Lumen", groups=["Example Lighting Circle"], shared_connections=2)
    advice = advise(result(profile=profile))
    assert codes(advice) == ["SPM131", "SPM132", "SPM133", "SPM134"]
    assert "Dana" in advice[0].text
    assert "'Example Lighting Circle'" in advice[1].text
    assert "2 connections" in advice[2].text


def test_group_advice_names_the_first_listed_group_when_none_is_shared() -> None:
    advice = advise(result())
    group = next(a for a in advice if a.code == "SPM132")
    assert "Join 'Example Lighting Circle'" in group.text


def test_group_advice_prefers_a_shared_group() -> None:
    advice = advise(result(), **{"sender-groups": ["harbour makers"]})
    group = next(a for a in advice if a.code == "SPM132")
    assert "both in 'Harbour Makers'" in group.text


def test_no_group_or_introduction_step_without_groups_or_shared_connections() -> None:
    profile = Profile(name="Dana Lumen", shared_connections=0)
    assert codes(advise(result(profile=profile))) == ["SPM131", "SPM134"]


def test_one_shared_connection_reads_singular() -> None:
    profile = Profile(name="Dana Lumen", shared_connections=1)
    intro = next(a for a in advise(result(profile=profile)) if a.code == "SPM133")
    assert "1 connection with" in intro.text


def test_do_not_send_says_not_yet() -> None:
    advice = advise(result(verdict=Verdict.DO_NOT_SEND, camp="selective_connector"))
    assert "do not invite yet" in advice[0].text


def test_high_risk_stranger_gets_steps_even_when_the_verdict_is_revise() -> None:
    assert "SPM131" in codes(advise(result(verdict=Verdict.REVISE, level="high")))


@pytest.mark.parametrize(
    ("verdict", "level", "factors"),
    [
        (Verdict.REVISE, "medium", (STRANGER,)),  # a stranger, but not high risk
        (Verdict.REVISE, "high", ()),  # high risk, but not a stranger
        (Verdict.SEND, "low", ()),
    ],
)
def test_no_approach_steps_otherwise(
    verdict: Verdict, level: str, factors: tuple[RiskFactor, ...]
) -> None:
    assert advise(result(verdict=verdict, level=level, factors=factors)) == []


def test_unread_input_gets_no_advice() -> None:
    assert advise(CaseResult(id=None, source=None, profile=None, classification=None)) == []


EMAIL_SIGNAL = Signal(
    code="EMH101", camp="open", weight=0.6, label="email in headline", value="dana@example.com"
)


def test_open_networker_with_listed_email() -> None:
    case = result(verdict=Verdict.SEND, level="low", factors=(), camp="open_networker",
                  signals=(EMAIL_SIGNAL,))
    (advice,) = advise(case)
    assert advice.code == "SPM135"
    assert advice.text == (
        "Dana lists dana@example.com: choose 'other' in the invitation form and enter "
        "dana@example.com."
    )


@pytest.mark.parametrize(
    "signal",
    [
        Signal(code="LIO101", camp="open", weight=0.9, label="LION", value="dana@example.com"),
        Signal(code="EMH101", camp="open", weight=0.6, label="email"),
        Signal(code="EMH101", camp="selective", weight=0.6, label="odd", value="d@example.com"),
    ],
)
def test_only_open_email_signals_with_a_value_are_listed_addresses(signal: Signal) -> None:
    case = result(verdict=Verdict.SEND, level="low", factors=(), camp="open_networker",
                  signals=(signal,))
    assert advise(case) == []


def test_listed_email_advice_only_for_open_networkers() -> None:
    case = result(verdict=Verdict.SEND, level="low", factors=(), camp="in_between",
                  signals=(EMAIL_SIGNAL,))
    assert advise(case) == []


def test_listed_email_signal_prefixes_are_a_setting() -> None:
    case = result(verdict=Verdict.SEND, level="low", factors=(), camp="open_networker",
                  signals=(EMAIL_SIGNAL,))
    assert advise(case, **{"listed-email-signals": ["XYZ1"]}) == []


def _with_invitation(invitation: Invitation) -> CaseResult:
    base = result(verdict=Verdict.SEND, level="low", factors=(), camp="open_networker",
                  signals=(EMAIL_SIGNAL,))
    return attrs.evolve(base, invitation=invitation)


def test_the_results_invitation_is_read_directly() -> None:
    same = _with_invitation(Invitation(relationship="other", email="DANA@example.com "))
    other = _with_invitation(Invitation(relationship="other", email="d.l@example.org"))
    known = _with_invitation(Invitation(relationship="colleague"))
    stranger = _with_invitation(Invitation(relationship="none"))
    assert advise(same) == []
    assert codes(advise(other)) == ["SPM135"]
    assert advise(known) == []
    assert codes(advise(stranger)) == ["SPM135"]


def test_without_an_invitation_a_credited_email_means_it_was_already_used() -> None:
    given = RiskFactor(code="SPM123", points=-10, reason="email given")
    case = result(verdict=Verdict.SEND, level="low", factors=(given,), camp="open_networker",
                  signals=(EMAIL_SIGNAL,))
    assert case.invitation is None
    assert advise(case) == []


def test_without_an_invitation_a_real_relationship_factor_means_known() -> None:
    known = RiskFactor(code="SPM122", points=-20, reason="colleague")
    case = result(verdict=Verdict.SEND, level="low", factors=(known,), camp="open_networker",
                  signals=(EMAIL_SIGNAL,))
    assert advise(case) == []


def test_with_an_invitation_a_high_risk_non_stranger_gets_no_approach_steps() -> None:
    case = attrs.evolve(result(verdict=Verdict.REVISE, level="high"),
                        invitation=Invitation(relationship="group"))
    assert advise(case) == []
