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
    Sender,
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


# -- the selective-camp step rests on the evidence that fired, and quotes it ------------------

NOT_A_LION_NOTE = Profile(name="Dana Lumen", about="Not a LION. Please include a note.")
NOT_A_LION = Signal(code="LIO152", camp="selective", weight=0.45, label="not a LION",
                    field="about", span=(0, 10), value="not-a-lion")
ASKS_NOTE = Signal(code="LIO154", camp="selective", weight=0.5, label="asks for a note",
                   field="about", span=(12, 33), value="note")


def _selective(
    *signals: Signal, verdict: Verdict = Verdict.WARM_UP, profile: Profile = NOT_A_LION_NOTE
) -> CaseResult:
    return result(verdict=verdict, camp="selective_connector", signals=signals, profile=profile)


def test_a_condition_is_quoted_as_a_condition_not_as_a_refusal() -> None:
    first = advise(_selective(NOT_A_LION, ASKS_NOTE))[0]
    assert first.text.startswith(
        "Dana's profile asks for a note ('Please include a note'). Approach Dana first:"
    )
    assert "connect only with people they know" not in first.text
    assert "do not invite yet" not in first.text


def test_the_strongest_selective_signal_is_the_one_quoted() -> None:
    first = advise(_selective(ASKS_NOTE, NOT_A_LION))[0]
    assert "asks for a note ('Please include a note')" in first.text
    only_lion = advise(_selective(NOT_A_LION))[0]
    assert "says they are not an open networker ('Not a LION')" in only_lion.text


def test_do_not_send_quotes_the_refusal_and_says_not_yet() -> None:
    profile = Profile(name="Dana Lumen", headline="CFO | No unsolicited invites pls")
    refusal = Signal(code="LIO151", camp="selective", weight=0.9, label="refuses strangers",
                     field="headline", span=(6, 28), value="no-strangers")
    first = advise(_selective(refusal, verdict=Verdict.DO_NOT_SEND, profile=profile))[0]
    assert first.text.startswith(
        "Dana's profile says they do not accept invitations from strangers "
        "('No unsolicited invites'): do not invite yet. Approach Dana first:"
    )


def test_evidence_of_an_unknown_kind_is_quoted_as_it_stands() -> None:
    other = Signal(code="XYZ151", camp="selective", weight=0.6, label="other plugin",
                   field="groups[1]", span=(0, 12), value=None)
    profile = Profile(name="Dana Lumen", groups=("Chess", "Members only, no recruiters"))
    first = advise(_selective(other, profile=profile))[0]
    assert first.text.startswith("Dana's profile says: 'Members only'. Approach Dana first")


@pytest.mark.parametrize(
    "signal",
    [
        # a hint without words to quote, an open signal, a span outside the text
        Signal(code="LIO153", camp="selective", weight=0.2, label="early", field="member_since",
               value="2005"),
        Signal(code="LIO101", camp="open", weight=0.9, label="LION", field="about",
               span=(4, 8)),
        Signal(code="LIO151", camp="selective", weight=0.9, label="gone", field="about",
               span=(200, 210), value="no-strangers"),
    ],
)
def test_no_quote_without_selective_words_in_the_profile(signal: Signal) -> None:
    first = advise(_selective(signal))[0]
    assert first.text.startswith("Approach Dana first")


def test_without_quotable_evidence_do_not_send_still_says_not_yet() -> None:
    first = advise(_selective(verdict=Verdict.DO_NOT_SEND))[0]
    assert "do not invite yet" in first.text
    assert "connect only with people they know" not in first.text


def test_no_quote_outside_the_selective_camp() -> None:
    first = advise(result(camp="unknown", signals=(ASKS_NOTE,), profile=NOT_A_LION_NOTE))[0]
    assert first.text.startswith("Approach Dana first")


def test_a_long_quote_is_cut() -> None:
    about = "I only connect with people I know " + "and have worked with " * 10
    profile = Profile(name="Dana Lumen", about=about)
    refusal = Signal(code="LIO151", camp="selective", weight=0.9, label="known only",
                     field="about", span=(2, len(about)), value="known-people-only")
    text = advise(_selective(refusal, verdict=Verdict.DO_NOT_SEND, profile=profile))[0].text
    quoted = text.split("('")[1].split("')")[0]
    assert len(quoted) <= 120
    assert quoted.endswith("…")


def test_with_the_lion_plugin_not_a_lion_and_a_note_is_warm_up_quoting_the_note() -> None:
    lion = pytest.importorskip("invitecore_lion.plugin")
    from invitecore.testing import evaluate_case

    case = evaluate_case(
        lion, plugin, profile={"name": "Dana Lumen", "about": "Not a LION. Please include a note."},
        invitation={"relationship": "none", "note": "Hi Dana, I enjoyed your talk on audits."},
    )
    assert case.verdict is Verdict.WARM_UP
    first = case.advice[0]
    assert first.code == "SPM131"
    assert first.text.startswith("Dana's profile asks for a note ('Please include a note').")


@pytest.mark.parametrize("groups", [(), ("Example Lighting Circle",)])
@pytest.mark.parametrize(
    ("account", "promise"),
    [("free", "keep one for Dana, or wait for next month's"), ("premium", None)],
)
def test_the_last_step_promises_a_note_only_when_the_account_has_them(
    groups: tuple[str, ...], account: str, promise: str | None
) -> None:
    case = attrs.evolve(
        result(profile=Profile(name="Dana Lumen", groups=groups)),
        sender=Sender(account=account),
    )
    last = advise(case)[-1]
    assert last.code == "SPM134"
    if promise is None:
        assert last.text.startswith("Then invite with a personal note: greet Dana")
    else:
        assert promise in last.text
