"""Blank invitations by camp and relationship, and the order of note quality in risk.

A blank invitation is normal practice with an open networker and with someone who knows you,
and costs a stranger who may be selective the most (docs/sources.md 1, 9). For the same person,
a default or stock note is never scored below a blank invitation, and a blank one never below a
note with real content.
"""

from __future__ import annotations

import pytest

from conftest import build_settings, factors
from invitecore import NetworkingCamp, Relationship

KNOWN = [r.value for r in Relationship if not r.is_stranger]
STRANGERS = [r.value for r in Relationship if r.is_stranger]
CAMPS = [c.value for c in NetworkingCamp]

# What the personalization plugin reports for each kind of note (its published codes).
NOTES = {
    "stock": ("Hi, I'd like to join your network.", ("PER103",)),
    "default": ("I'd like to add you to my professional network on LinkedIn.", ("PER102",)),
    "blank": ("", ("PER101",)),
    "partial": ("Hi Dana, good to see you at the reunion.", ("PER122", "PER123", "PER124")),
    "personal": ("Hi Dana, good to see you at the reunion; shall we swap notes on it?", ()),
}


def total(kind: str, relationship: str, camp: str, **settings: float) -> float:
    note, codes = NOTES[kind]
    card = factors(
        note=note,
        relationship=relationship,
        email="dana@example.com",
        camp=camp,
        codes=codes,
        settings=build_settings(settings),
    )
    return sum(f.points for f in card)


@pytest.mark.parametrize("relationship", KNOWN)
@pytest.mark.parametrize("camp", CAMPS)
def test_a_blank_invitation_to_someone_who_knows_you_costs_nothing(
    relationship: str, camp: str
) -> None:
    assert total("blank", relationship, camp) == total("personal", relationship, camp)


@pytest.mark.parametrize("relationship", STRANGERS)
def test_a_blank_invitation_to_an_open_networker_costs_nothing(relationship: str) -> None:
    camp = NetworkingCamp.OPEN_NETWORKER.value
    assert total("blank", relationship, camp) == total("personal", relationship, camp)


@pytest.mark.parametrize("relationship", STRANGERS)
@pytest.mark.parametrize(
    "camp",
    [NetworkingCamp.SELECTIVE_CONNECTOR.value, NetworkingCamp.UNKNOWN.value, "in_between"],
)
def test_a_blank_invitation_to_a_stranger_who_may_be_selective_costs_no_note_points(
    relationship: str, camp: str
) -> None:
    assert total("blank", relationship, camp) - total("personal", relationship, camp) == 25


@pytest.mark.parametrize("relationship", [r.value for r in Relationship])
@pytest.mark.parametrize("camp", CAMPS)
@pytest.mark.parametrize("blank_points", [0.0, 10.0, 25.0])
def test_stock_and_default_at_least_blank_at_least_a_note_with_content(
    relationship: str, camp: str, blank_points: float
) -> None:
    scores = {
        kind: total(kind, relationship, camp, **{"blank-normal-points": blank_points})
        for kind in NOTES
    }
    assert scores["stock"] >= scores["blank"], scores
    assert scores["default"] >= scores["blank"], scores
    assert scores["blank"] >= scores["partial"] >= scores["personal"], scores


def test_a_team_can_score_every_blank_invitation_alike() -> None:
    strict = {"blank-normal-points": 25.0}
    colleague = total("blank", "colleague", "open_networker", **strict)
    assert colleague - total("personal", "colleague", "open_networker", **strict) == 25
