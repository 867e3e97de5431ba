"""End to end through the real engine, with only this plugin registered."""

from __future__ import annotations

import pytest

from invitecore import Severity, Verdict
from invitecore_personalization import plugin

testing = pytest.importorskip("invitecore.testing")

PROFILE = {"name": "Dana Kowalski", "company": "Brightwell Analytics", "groups": ["PyData Warsaw"]}


def test_default_text_to_a_colleague_is_revised() -> None:
    result = testing.evaluate_case(
        plugin,
        profile=PROFILE,
        invitation={"note": "Hi Dana, I'd like to connect with you on LinkedIn.",
                    "relationship": "colleague"},
    )
    assert not result.errors
    assert {f.code for f in result.findings} == {"PER102", "PER121"}
    (finding,) = [f for f in result.findings if f.code == "PER102"]
    assert finding.severity is Severity.ERROR
    assert finding.plugin == "personalization"
    assert result.verdict is Verdict.REVISE


def test_a_good_note_to_a_colleague_is_sent() -> None:
    result = testing.evaluate_case(
        plugin,
        profile=PROFILE,
        invitation={
            "note": "Hi Dana, great working with you at Brightwell. I'm moving into ML platform "
            "work and would love to stay in touch.",
            "relationship": "colleague",
        },
    )
    assert not result.errors
    assert result.findings == ()
    assert result.verdict is Verdict.SEND


def test_settings_reach_the_plugin_through_the_engine() -> None:
    note = "Hi Dana, great working with you at Brightwell. Happy to share notes any time!"
    result = testing.evaluate_case(
        plugin,
        profile=PROFILE,
        invitation={"note": note, "relationship": "colleague"},
        sender={"account": "free"},
        settings={"personalization": {"free-note-limit": 40}},
    )
    assert not result.errors
    assert {f.code for f in result.findings} == {"PER131"}
