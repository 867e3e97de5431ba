"""Agreement of read_note with the hand-labelled notes in data/.

Three files: ``labelled_notes.json`` (150 notes written for this plugin in three splits,
labelled for greeting, how, why and benefit), ``blind-1-notes.json`` (206 notes written blind
by someone who had not seen the code, labelled for all five elements as docs/labelling.md
defines them), ``blind-2-notes.json`` (217 more, by another writer, held out while the plugin
was reworked and measured once at the end: docs/quality.md) and ``blind-3-notes.json`` (242
more, by a third writer, measured once before the changes it led to), ``blind-4-notes.json``
(275, by a fourth writer, held out and measured once at the end), ``blind-5-notes.json``
(320, by two more writers, measured once before the changes it led to) and
``blind-6-notes.json`` (260, by two more writers, measured once blind before the changes it led
to: how 0.862, why 0.773, benefit 0.854, generic 0.862, greeting 0.965) and
``blind-7-notes.json`` (220, by two more writers, held out and measured once at the end of that
session) and ``blind-8-notes.json`` (220, by two more writers, measured once before the changes
it led to: how 0.850, why 0.809, benefit 0.868, generic 0.855, greeting 0.968; a third writer
who relabelled it blind agreed with its labels on 97-100% of each element) and
``blind-9-notes.json`` (220, by two more writers, measured once before the changes it led to:
how 0.841, why 0.764, benefit 0.841, generic 0.855, greeting 0.973) and
``blind-10-notes.json`` (220, by two more writers, held out during the rounds of batches 8 and
9 and measured once: how 0.827, why 0.773, benefit 0.891, generic 0.864, greeting 0.986) and
``blind-11-notes.json`` (220, by two more writers, held out during the rounds of batches 8 to
10 and measured once on their final code: how 0.832, why 0.705, benefit 0.859, generic 0.918,
greeting 0.977; no change was made for it). The per-split agreement is
printed (run with ``-s``); the required agreement is the floor the current code meets, so a
change that loses ground fails.
"""

from __future__ import annotations

import collections
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import check, codes
from invitecore import Profile, Relationship
from invitecore_personalization import ELEMENTS, read_note

DATA = Path(__file__).parent / "data"
OWN = json.loads((DATA / "labelled_notes.json").read_text("utf-8"))
BLIND = json.loads((DATA / "blind-1-notes.json").read_text("utf-8"))
BLIND_2 = json.loads((DATA / "blind-2-notes.json").read_text("utf-8"))
BLIND_3 = json.loads((DATA / "blind-3-notes.json").read_text("utf-8"))
BLIND_4 = json.loads((DATA / "blind-4-notes.json").read_text("utf-8"))
BLIND_5 = json.loads((DATA / "blind-5-notes.json").read_text("utf-8"))
BLIND_6 = json.loads((DATA / "blind-6-notes.json").read_text("utf-8"))
BLIND_7 = json.loads((DATA / "blind-7-notes.json").read_text("utf-8"))
BLIND_8 = json.loads((DATA / "blind-8-notes.json").read_text("utf-8"))
BLIND_9 = json.loads((DATA / "blind-9-notes.json").read_text("utf-8"))
BLIND_10 = json.loads((DATA / "blind-10-notes.json").read_text("utf-8"))
BLIND_11 = json.loads((DATA / "blind-11-notes.json").read_text("utf-8"))
# Floors per (file, element): what the code reaches now, rounded down. The own set's benefit
# labels count common ground as a benefit, which docs/labelling.md does not, hence its floor.
REQUIRED = {
    # Its why labels count a memory asked as a question ("remember the group project on bike
    # sharing?") as a reason, and its benefit labels a free trial inside a pitch as a benefit,
    # which the writers of the blind batches do not (language.md section 20).
    "own": {"greeting": 0.95, "how_met_or_found": 0.90, "why": 0.75, "benefit": 0.83},
    "blind-1": {"greeting": 0.95, "how_met_or_found": 0.94, "why": 0.86, "benefit": 0.95,
                "generic": 0.91},
    # Measured once, held out (docs/quality.md); the floors are where the code is now, rounded
    # down.
    "blind-2": {"greeting": 0.99, "how_met_or_found": 0.81, "why": 0.83, "benefit": 0.86,
                "generic": 0.87},
    # Measured once before any change for it (docs/quality.md); the floors are where the
    # changes it led to left the code, rounded down.
    "blind-3": {"greeting": 0.97, "how_met_or_found": 0.84, "why": 0.81, "benefit": 0.90,
                "generic": 0.88},
    # Measured once, held out, at the end of the session that used batch 3 (docs/quality.md).
    "blind-4": {"greeting": 0.98, "how_met_or_found": 0.85, "why": 0.81, "benefit": 0.88,
                "generic": 0.86},
    # Measured once before any change for it (docs/quality.md); the floors are where the
    # changes it led to left the code, rounded down.
    "blind-5": {"greeting": 0.98, "how_met_or_found": 0.92, "why": 0.90, "benefit": 0.94,
                "generic": 0.90},
    # Measured once blind before any change for it (how 0.862, why 0.773, benefit 0.854,
    # generic 0.862, greeting 0.965); the floors are where the changes it led to left the code,
    # rounded down.
    "blind-6": {"greeting": 0.99, "how_met_or_found": 0.93, "why": 0.86, "benefit": 0.93,
                "generic": 0.89},
    # Held out until the end of the session that used batches 5 and 6, measured once blind
    # (how 0.841, why 0.809, benefit 0.891, generic 0.841, greeting 0.973); the floors are
    # what the families of docs/language.md section 18 reach, rounded down.
    "blind-7": {"greeting": 0.97, "how_met_or_found": 0.87, "why": 0.80, "benefit": 0.90,
                "generic": 0.85},
    # Measured once blind before any change for it (numbers above); the floors are where the
    # changes of docs/language.md sections 19 and 20 left the code, rounded down.
    "blind-8": {"greeting": 0.96, "how_met_or_found": 0.85, "why": 0.83, "benefit": 0.89,
                "generic": 0.87},
    # Measured once blind before any change for it (numbers above); the floors are where the
    # changes of docs/language.md section 21 left the code, rounded down.
    # (benefit 0.85: the review of that round narrowed two of its rules, one note)
    "blind-9": {"greeting": 0.97, "how_met_or_found": 0.85, "why": 0.77, "benefit": 0.85,
                "generic": 0.86},
    # Held out, measured once blind (numbers above); the floors are where the changes of
    # docs/language.md section 22 left the code, rounded down.
    "blind-10": {"greeting": 0.98, "how_met_or_found": 0.85, "why": 0.79, "benefit": 0.89,
                 "generic": 0.86},
    # Held out, measured once blind at the end of the session (numbers above), no change made
    # for it: the floors are that measurement, rounded down.
    "blind-11": {"greeting": 0.97, "how_met_or_found": 0.83, "why": 0.70, "benefit": 0.85,
                 "generic": 0.91},
}


def _cases() -> list[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    cases = []
    sets = (
        ("own", OWN),
        ("blind-1", BLIND),
        ("blind-2", BLIND_2),
        ("blind-3", BLIND_3),
        ("blind-4", BLIND_4),
        ("blind-5", BLIND_5),
        ("blind-6", BLIND_6),
        ("blind-7", BLIND_7),
        ("blind-8", BLIND_8),
        ("blind-9", BLIND_9),
        ("blind-10", BLIND_10),
        ("blind-11", BLIND_11),
    )
    for name, data in sets:
        for note in data["notes"]:
            split = f"{name}/{note['split']}" if "split" in note else name
            cases.append((name, split, data["profiles"][note["profile"]], note))
    return cases


def test_the_sets_are_big_and_varied() -> None:
    for data in (
        OWN, BLIND, BLIND_2, BLIND_3, BLIND_4, BLIND_5, BLIND_6, BLIND_7, BLIND_8, BLIND_9,
        BLIND_10, BLIND_11,
    ):
        notes = data["notes"]
        assert len(notes) >= 80
        relationships = collections.Counter(n["relationship"] for n in notes)
        assert set(relationships) == {r.value for r in Relationship}
        for element in notes[0]["labels"]:
            positives = sum(n["labels"][element] for n in notes)
            assert 10 <= positives <= len(notes) - 10, element


def test_agreement_per_element() -> None:
    agree: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    sizes: collections.Counter[str] = collections.Counter()
    for name, split, profile, case in _cases():
        reading = read_note(
            case["note"], profile=Profile(**profile), relationship=case["relationship"]
        )
        for key in {split, name}:
            sizes[key] += 1
            for element, label in case["labels"].items():
                agree[key][element] += reading.present(element) == label
    for key in sorted(sizes):
        rates = {e: round(agree[key][e] / sizes[key], 3) for e in ELEMENTS if e in agree[key]}
        print(f"agreement {key} (n={sizes[key]}): {rates}")
    for name, floors in REQUIRED.items():
        for element, floor in floors.items():
            assert agree[name][element] / sizes[name] >= floor, (name, element)


@pytest.mark.parametrize(
    "case", [n for n in OWN["notes"] if n["expected_codes"]], ids=lambda n: n["id"]
)
def test_expected_codes(case: dict[str, Any]) -> None:
    found = codes(
        check(
            case["note"],
            profile=Profile(**OWN["profiles"][case["profile"]]),
            relationship=case["relationship"],
            account=case.get("account", OWN["sender"]["account"]),
            sender_name=OWN["sender"]["name"],
        )
    )
    # PER123/PER124 are asked only of notes to strangers now (see the README).
    expected = set(case["expected_codes"])
    if not Relationship(case["relationship"]).is_stranger:
        expected -= {"PER123", "PER124"}
    assert expected <= found
