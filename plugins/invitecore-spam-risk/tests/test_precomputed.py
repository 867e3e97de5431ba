"""Edge cases the per-run precomputed scorecard and advice must keep (see README, Speed).

The scorecard builds its fixed lines once per settings object and drops a line set to 0 points;
these tests fail if that shortcut changes what a switched-off factor still does, or if one
settings object gets another's lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import build_settings, factors
from invitecore import CaseResult, Classification, Invitation, Profile, Verdict
from invitecore_spam_risk import plugin

if TYPE_CHECKING:
    from conftest import MakeSettings, Score


def test_a_switched_off_empty_note_still_stands_for_the_missing_parts(
    score: Score, make_settings: MakeSettings
) -> None:
    settings = make_settings(**{"no-note-points": 0})
    card = score(note="", codes=["PER121", "PER123", "PER124"], settings=settings)
    assert not {"SPM102", "SPM105", "SPM106", "SPM107"} & set(card)


def test_a_switched_off_shared_group_still_cancels_no_shared_context(
    score: Score, make_settings: MakeSettings
) -> None:
    settings = make_settings(**{"shared-group-points": 0, "sender-groups": ["Harbour Makers"]})
    profile = Profile(name="Dana Lumen", groups=("harbour makers",), shared_connections=0)
    card = score(note="Hi", profile=profile, settings=settings)
    assert "SPM111" not in card
    assert "SPM125" not in card


def test_the_first_finding_for_a_factor_names_it() -> None:
    card = factors(note="Hi Dana.", codes=["PER122", "PER121"])
    (line,) = [f for f in card if f.code == "SPM105"]
    assert line.reason.endswith("(PER122)")


def test_each_settings_object_keeps_its_own_lines(score: Score) -> None:
    low = build_settings({"no-note-points": 5})
    high = build_settings({"no-note-points": 30})
    # Alternate, so a cache that only remembered the last settings seen would be caught.
    for settings, points in [(low, 5.0), (high, 30.0), (low, 5.0), (high, 30.0)]:
        assert score(note="", settings=settings)["SPM102"] == points


def test_advice_for_a_known_person_with_low_risk_is_empty() -> None:
    result = CaseResult(
        id=None,
        source=None,
        profile=Profile(name="Mina Varga", shared_connections=3),
        classification=Classification(camp="unknown", confidence=0.0),
        invitation=Invitation(note="Hi Mina", relationship="colleague"),
        verdict=Verdict.SEND,
    )
    assert plugin.invitecore_advice(result=result, settings=build_settings()) == []
