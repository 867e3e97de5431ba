"""One test (at least) per scorecard factor: each fails when its factor breaks."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from invitecore import NetworkingCamp, Profile

if TYPE_CHECKING:
    from conftest import Card, MakeSettings, Score

STRANGER_CAMPS = [
    ("selective_connector", 40.0),
    ("unknown", 40.0),
    ("in_between", 15.0),
]


# -- SPM101 stranger whose camp is not open ---------------------------------------------------


@pytest.mark.parametrize(("camp", "points"), STRANGER_CAMPS)
@pytest.mark.parametrize("relationship", ["none", "other"])
def test_stranger_not_open_scores_by_camp(
    score: Score, camp: str, points: float, relationship: str
) -> None:
    card = score(note="Hello", relationship=relationship, email="dana@example.com", camp=camp)
    assert card["SPM101"] == points


def test_stranger_open_networker_is_not_a_risk_factor(score: Score) -> None:
    assert "SPM101" not in score(note="Hi", camp=NetworkingCamp.OPEN_NETWORKER, confidence=0.9)


@pytest.mark.parametrize("relationship", ["colleague", "classmate", "business", "friend", "group"])
def test_known_people_are_not_strangers(score: Score, relationship: str) -> None:
    assert "SPM101" not in score(note="Hi", relationship=relationship, camp="selective_connector")


# -- SPM102 no note -------------------------------------------------------------------------------


@pytest.mark.parametrize("note", ["", "   \n\t "])
def test_empty_note_is_no_note_without_any_finding(score: Score, note: str) -> None:
    assert score(note=note)["SPM102"] == 25.0


def test_no_note_finding_and_empty_note_count_once(score: Score) -> None:
    card = score(note="", codes=["PER101"])
    assert card["SPM102"] == 25.0


def test_a_note_without_findings_is_not_no_note(score: Score) -> None:
    assert "SPM102" not in score(note="Hi Dana, we met at the Example Summit.")


# -- SPM103 default text, SPM104 generic note ---------------------------------------------------


def test_default_text_finding_raises_default_text(score: Score) -> None:
    card = score(note="Join my network on LinkedIn.", codes=["PER102"])
    assert card["SPM103"] == 25.0


@pytest.mark.parametrize("code", ["PER103", "PER113"])
def test_stock_or_template_note_is_generic(score: Score, code: str) -> None:
    card = score(note="Hi {firstName}, I am trying to build my network", codes=[code])
    assert card["SPM104"] == 25.0


def test_generic_note_counts_once_for_two_findings(score: Score) -> None:
    assert score(note="Hi", codes=["PER103", "PER113"])["SPM104"] == 25.0


def test_empty_note_factors_keep_only_the_strongest(score: Score) -> None:
    card = score(note="", codes=["PER101", "PER102", "PER103"])
    assert "SPM102" in card
    assert "SPM103" not in card
    assert "SPM104" not in card
    card = score(note="Join my network on LinkedIn.", codes=["PER102", "PER103"])
    assert "SPM103" in card
    assert "SPM104" not in card


@pytest.mark.parametrize("empty_note_code", ["PER101", "PER102", "PER103"])
def test_an_empty_note_stands_for_its_missing_parts(score: Score, empty_note_code: str) -> None:
    card = score(note="x", codes=[empty_note_code, "PER122", "PER123", "PER124"])
    assert not {"SPM105", "SPM106", "SPM107"} & set(card)


# -- SPM105-107 missing parts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "factor", "points"),
    [
        ("PER121", "SPM105", 10.0),
        ("PER122", "SPM105", 10.0),
        ("PER123", "SPM106", 8.0),
        ("PER124", "SPM107", 6.0),
    ],
)
def test_missing_parts_map_to_factors(score: Score, code: str, factor: str, points: float) -> None:
    card = score(note="Hi Dana, I enjoyed your talk.", codes=[code])
    assert card[factor] == points


def test_missing_how_found_counts_once(score: Score) -> None:
    card = score(note="Hi Dana.", codes=["PER121", "PER122", "PER123"])
    assert card["SPM105"] == 10.0
    assert card["SPM106"] == 8.0


# -- SPM108 pitch ---------------------------------------------------------------------------------


def test_pitch_adds_even_to_a_default_note(score: Score) -> None:
    card = score(note="Join my network https://example.com/offer", codes=["PER102", "PER132"])
    assert card["SPM108"] == 15.0
    assert card["SPM103"] == 25.0


# -- SPM109 email missing -------------------------------------------------------------------------


@pytest.mark.parametrize("relationship", ["other", "friend"])
@pytest.mark.parametrize("email", [None, "", "   "])
def test_email_missing_where_the_form_asks(
    score: Score, relationship: str, email: str | None
) -> None:
    assert score(note="Hi", relationship=relationship, email=email)["SPM109"] == 10.0


@pytest.mark.parametrize("relationship", ["none", "colleague", "group", "classmate", "business"])
def test_no_email_is_fine_where_the_form_does_not_ask(score: Score, relationship: str) -> None:
    assert "SPM109" not in score(note="Hi", relationship=relationship)


def test_email_given_is_not_missing(score: Score) -> None:
    assert "SPM109" not in score(note="Hi", relationship="other", email="dana@example.com")


def test_email_plugin_finding_raises_email_missing_once(score: Score) -> None:
    assert score(note="Hi", relationship="none", codes=["EMH201"])["SPM109"] == 10.0
    assert score(note="Hi", relationship="other", codes=["EMH201"])["SPM109"] == 10.0


# -- SPM110 long-time member ----------------------------------------------------------------------


@pytest.mark.parametrize(("year", "fires"), [(2003, True), (2008, True), (2009, False)])
def test_long_time_member_cut_off(score: Score, year: int, fires: bool) -> None:
    card = score(note="Hi", profile=Profile(name="Dana Example", member_since=year))
    assert ("SPM110" in card) is fires
    if fires:
        assert card["SPM110"] == 10.0


def test_long_time_member_only_counts_for_strangers(score: Score) -> None:
    profile = Profile(name="Dana Example", member_since=2004)
    assert "SPM110" not in score(note="Hi", relationship="colleague", profile=profile)
    assert "SPM110" not in score(note="Hi", profile=Profile(name="Dana Example"))


# -- SPM111 no shared context ---------------------------------------------------------------------


def test_no_shared_connections_and_no_group(score: Score) -> None:
    card = score(note="Hi", profile=Profile(name="Dana Example", shared_connections=0))
    assert card["SPM111"] == 10.0


@pytest.mark.parametrize("shared", [None, 1, 12])
def test_shared_connections_unknown_or_some_is_not_no_context(
    score: Score, shared: int | None
) -> None:
    profile = Profile(name="Dana Example", shared_connections=shared)
    assert "SPM111" not in score(note="Hi", profile=profile)


def test_a_shared_group_is_shared_context(score: Score, make_settings: MakeSettings) -> None:
    profile = Profile(name="Dana Example", shared_connections=0, groups=["Example Guild"])
    settings = make_settings(**{"sender-groups": ["example guild"]})
    card = score(note="Hi", profile=profile, settings=settings)
    assert "SPM111" not in card
    assert card["SPM125"] == -10.0


def test_no_shared_context_only_counts_for_strangers(score: Score) -> None:
    profile = Profile(name="Dana Example", shared_connections=0)
    assert "SPM111" not in score(note="Hi", relationship="business", profile=profile)


# -- SPM121-125 factors that lower the risk -------------------------------------------------------


def test_open_networker_lowers_risk(score: Score) -> None:
    card = score(note="Hi", camp="open_networker", confidence=0.9)
    assert card["SPM121"] == -25.0


def test_open_networker_reason_shows_confidence(card: Card) -> None:
    factors = card(note="Hi", camp="open_networker", confidence=0.87)
    reason = next(f.reason for f in factors if f.code == "SPM121")
    assert "0.87" in reason


@pytest.mark.parametrize("camp", ["selective_connector", "in_between", "unknown"])
def test_other_camps_get_no_open_credit(score: Score, camp: str) -> None:
    assert "SPM121" not in score(note="Hi", camp=camp)


@pytest.mark.parametrize(
    ("relationship", "credited"),
    [
        ("colleague", True),
        ("classmate", True),
        ("business", True),
        ("friend", True),
        ("group", False),
        ("other", False),
        ("none", False),
    ],
)
def test_real_relationship(score: Score, relationship: str, credited: bool) -> None:
    card = score(note="Hi", relationship=relationship, email="dana@example.com")
    assert ("SPM122" in card) is credited
    if credited:
        assert card["SPM122"] == -20.0


def test_email_given_lowers_risk(score: Score) -> None:
    assert score(note="Hi", relationship="other", email="dana@example.com")["SPM123"] == -10.0


@pytest.mark.parametrize("code", ["EMH202", "EMH203"])
def test_a_flagged_email_earns_no_credit(score: Score, code: str) -> None:
    card = score(note="Hi", relationship="other", email="dana@example.org", codes=[code])
    assert "SPM123" not in card


@pytest.mark.parametrize(("shared", "credited"), [(0, False), (1, True), (40, True)])
def test_shared_connections(score: Score, shared: int, credited: bool) -> None:
    card = score(note="Hi", profile=Profile(name="Dana Example", shared_connections=shared))
    assert ("SPM124" in card) is credited
    if credited:
        assert card["SPM124"] == -10.0


def test_group_relationship_is_a_shared_group(score: Score) -> None:
    assert score(note="Hi", relationship="group")["SPM125"] == -10.0


def test_sender_groups_match_ignores_case_and_spacing(
    card: Card, make_settings: MakeSettings
) -> None:
    profile = Profile(name="Dana Example", groups=["Data  Makers of Example-Town"])
    settings = make_settings(**{"sender-groups": ["data makers of EXAMPLE-TOWN "]})
    factors = card(note="Hi", profile=profile, settings=settings)
    reason = next(f.reason for f in factors if f.code == "SPM125")
    assert "'Data  Makers of Example-Town'" in reason


def test_no_sender_groups_no_group_relationship_no_credit(score: Score) -> None:
    profile = Profile(name="Dana Example", groups=["Example Guild"])
    assert "SPM125" not in score(note="Hi", profile=profile)


def test_a_group_claim_the_profile_contradicts_earns_no_credit(score: Score) -> None:
    assert "SPM125" not in score(note="Hi", relationship="group", codes=["PER133"])
