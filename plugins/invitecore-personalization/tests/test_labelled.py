"""Agreement of the element detectors with the hand-labelled notes in data/labelled_notes.json.

The set has three splits (see its "splits" key): the development notes the cue lists were built
against, and two held-out batches written later. The per-split agreement is printed (run with
``-s``) so the held-out numbers are visible, not only the total.
"""

from __future__ import annotations

import collections
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import DEFAULT_SETTINGS, check, codes

from invitecore import Profile, Relationship
from invitecore_personalization.elements import detect
from invitecore_personalization.names import recipient_names
from invitecore_personalization.patterns import compiled

DATA = json.loads((Path(__file__).parent / "data" / "labelled_notes.json").read_text("utf-8"))
ELEMENTS = ("greeting", "how_met_or_found", "why", "benefit")
REQUIRED_AGREEMENT = 0.9


def _detected(case: dict[str, Any]) -> dict[str, bool]:
    profile = Profile(**DATA["profiles"][case["profile"]])
    settings = compiled(DEFAULT_SETTINGS)
    elements = detect(case["note"], profile, recipient_names(profile, settings), settings)
    relationship = Relationship(case["relationship"])
    return {
        "greeting": elements.greets_by_name,
        "how_met_or_found": elements.how_known(relationship) is not None,
        "why": elements.reason() is not None,
        "benefit": elements.benefit() is not None,
    }


def test_the_set_is_big_and_varied() -> None:
    notes = DATA["notes"]
    assert len(notes) >= 80
    relationships = collections.Counter(n["relationship"] for n in notes)
    assert set(relationships) == {r.value for r in Relationship}
    for element in ELEMENTS:
        positives = sum(n["labels"][element] for n in notes)
        assert positives >= 10, element
        assert len(notes) - positives >= 10, element
    assert len({n["note"] for n in notes}) == len(notes)


def test_agreement_per_element_is_at_least_90_percent() -> None:
    agree: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    sizes: collections.Counter[str] = collections.Counter()
    for case in DATA["notes"]:
        detected = _detected(case)
        for split in (case["split"], "all"):
            sizes[split] += 1
            for element in ELEMENTS:
                agree[split][element] += detected[element] == case["labels"][element]
    for split, size in sizes.items():
        rates = {e: round(agree[split][e] / size, 3) for e in ELEMENTS}
        print(f"agreement {split} (n={size}): {rates}")
    for element in ELEMENTS:
        assert agree["all"][element] / sizes["all"] >= REQUIRED_AGREEMENT, element


@pytest.mark.parametrize(
    "case", [n for n in DATA["notes"] if n["expected_codes"]], ids=lambda n: n["id"]
)
def test_expected_codes(case: dict[str, Any]) -> None:
    found = codes(
        check(
            case["note"],
            profile=Profile(**DATA["profiles"][case["profile"]]),
            relationship=case["relationship"],
            account=case.get("account", DATA["sender"]["account"]),
            sender_name=DATA["sender"]["name"],
        )
    )
    assert set(case["expected_codes"]) <= found
