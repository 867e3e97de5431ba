"""Cross-plugin accuracy: the lion and email-headline plugins together on a labelled set.

``data/labelled_profiles.json`` holds made-up profiles (invented names, example.com / .org
addresses), each with the camp a careful human would assign from the domain notes
(docs: domain.md 1-3) and the core's thresholds. The set covers every LIO signal, every false
friend, obfuscated and "@ company" emails, Unicode forms and empty fields. Both plugins run
through the real engine (``invitecore.testing.evaluate_case``); the test skips when either is
not installed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

lion = pytest.importorskip("invitecore_lion.plugin")
email_headline = pytest.importorskip("invitecore_email_headline.plugin")
testing = pytest.importorskip("invitecore.testing")

DATA = Path(__file__).parent / "data" / "labelled_profiles.json"
ACCURACY = 0.95
STRANGER = {"note": "Hi, I enjoyed your talk on hiring and would like to connect.",
            "relationship": "none"}


def _load() -> list[dict[str, Any]]:
    return json.loads(DATA.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


CASES = _load()


def _evaluate(case: dict[str, Any]) -> Any:
    result = testing.evaluate_case(
        lion, email_headline, profile=case["profile"], invitation=STRANGER
    )
    assert not result.errors, (case["id"], result.errors)
    return result


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    return {case["id"]: _evaluate(case) for case in CASES}


def test_the_set_is_large_and_well_formed() -> None:
    assert len(CASES) >= 80
    assert len({c["id"] for c in CASES}) == len(CASES)
    camps = {"open_networker", "in_between", "selective_connector", "unknown"}
    assert all(c["expected"] in camps for c in CASES)


def test_at_least_95_percent_land_in_the_expected_camp(results: dict[str, Any]) -> None:
    wrong = [
        f"{c['id']}: expected {c['expected']}, got {results[c['id']].classification.camp}"
        for c in CASES
        if str(results[c["id"]].classification.camp) != c["expected"]
    ]
    accuracy = 1 - len(wrong) / len(CASES)
    assert accuracy >= ACCURACY, f"accuracy {accuracy:.1%}:\n" + "\n".join(wrong)


def test_no_false_friend_is_an_open_networker(results: dict[str, Any]) -> None:
    opened = [
        c["id"] for c in CASES
        if c["false_friend"] and results[c["id"]].classification.camp == "open_networker"
    ]
    assert opened == []


def test_every_lion_rule_is_exercised(results: dict[str, Any]) -> None:
    emitted = {
        s.code for r in results.values() for s in r.classification.signals if s.plugin == "lion"
    }
    declared = {rule.code for rule in lion.invitecore_rules()}
    assert declared - emitted == set()


def test_email_evidence_is_exercised(results: dict[str, Any]) -> None:
    # The email cases only test the combination if the email plugin fires on them.
    email_cases = [c for c in CASES if c["covers"].startswith("EMH")]
    fired = [
        c["id"] for c in email_cases
        if any(s.plugin != "lion" for s in results[c["id"]].classification.signals)
    ]
    assert len(fired) >= 0.8 * len(email_cases), fired
