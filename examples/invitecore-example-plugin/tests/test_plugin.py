"""The example plugin's hooks, called directly and through the real engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from invitecore import Case, Finding, Invitation, Profile, Settings
from invitecore.config import Config
from invitecore.settings import SettingError
from invitecore.testing import check_declarations, engine_with, evaluate_case, resolved_settings

from invitecore_example import plugin
from invitecore_example.matching import call_pattern, overflow_start

NAME = "example"
# Registered under its entry-point name whether or not the package is installed, so the
# settings table below is found under the same key either way.
PLUGIN = (NAME, plugin)
PROFILE = {"name": "Noor Haddad", "first_name": "Noor", "headline": "Buyer at Example Foods"}
CALL_NOTE = "Hi Noor, I saw your talk on cold-chain logistics. Could we hop on a  quick call?"


def settings(**overrides: Any) -> Settings:
    return resolved_settings(plugin, overrides, name=NAME)


def checks(note: str, **overrides: Any) -> list[Finding]:
    return list(
        plugin.invitecore_invitation_checks(
            invitation=Invitation(note=note),
            profile=Profile(**PROFILE),
            settings=settings(**overrides),
        )
    )


def test_declarations_load_and_are_documented() -> None:
    # Hooks match the specs; codes are unique EXA codes with summaries and explanations;
    # settings are kebab-case with descriptions and sources; the README names them all.
    readme = Path(__file__).resolve().parents[1] / "README.md"
    check_declarations(plugin, name=NAME, code_prefix="EXA", readme=readme)


class TestCallAsk:
    def test_flags_the_first_request_with_an_exact_span(self) -> None:
        found = [f for f in checks(CALL_NOTE) if f.code == "EXA101"]
        assert len(found) == 1
        assert found[0].span is not None
        start, end = found[0].span
        # "hop on a  call" is not the phrase; "quick call" is, and is matched as written.
        assert CALL_NOTE[start:end] == "quick call"
        assert found[0].field == "note"
        assert "Noor" in (found[0].suggestion or "")

    def test_whitespace_and_case_between_words_still_match(self) -> None:
        note = "Hi Noor, can we SCHEDULE A\nCALL next week?"
        (finding,) = (f for f in checks(note) if f.code == "EXA101")
        assert finding.span is not None
        assert note[finding.span[0] : finding.span[1]] == "SCHEDULE A\nCALL"

    @pytest.mark.parametrize(
        "note",
        [
            "Hi Noor, I enjoyed your quick calligraphy demo at the Example Foods fair.",
            "Hi Noor, I recall your point on cold chains; I would like to follow your work.",
            "",
        ],
    )
    def test_false_friends_and_empty_notes_are_not_flagged(self, note: str) -> None:
        assert not [f for f in checks(note) if f.code == "EXA101"]

    def test_extend_adds_phrases_and_replacing_removes_them(self) -> None:
        note = "Hi Noor, do you have time for a video chat?"
        assert not [f for f in checks(note) if f.code == "EXA101"]
        extended = checks(note, **{"extend-call-phrases": ["video chat"]})
        assert [f.code for f in extended] == ["EXA101"]
        assert not [f for f in checks(CALL_NOTE, **{"call-phrases": []}) if f.code == "EXA101"]

    def test_pattern_is_compiled_once_per_settings_object(self) -> None:
        resolved = settings()
        assert call_pattern(resolved) is call_pattern(resolved)

    def test_a_misspelled_setting_is_refused_with_a_suggestion(self) -> None:
        with pytest.raises(SettingError, match="did you mean 'call-phrases'"):
            settings(**{"call-phrase": ["x"]})


class TestLongNote:
    def test_span_starts_at_the_first_word_past_the_limit(self) -> None:
        note = "one two three four five"
        (finding,) = checks(note, **{"max-words": 3})
        assert finding.code == "EXA102"
        assert finding.span == (note.index("four"), len(note))

    def test_a_note_at_the_limit_is_fine(self) -> None:
        assert checks("one two three", **{"max-words": 3}) == []
        assert overflow_start("  one   two  ", 2) is None


class TestThroughTheEngine:
    def test_a_colleague_asked_for_a_call_is_told_to_revise(self) -> None:
        result = evaluate_case(
            PLUGIN,
            profile=PROFILE,
            invitation={"note": CALL_NOTE, "relationship": "colleague"},
        )
        assert not result.errors
        assert [f.code for f in result.findings] == ["EXA101"]
        assert result.findings[0].severity == "warning"  # the rule's default severity
        assert result.findings[0].plugin == NAME
        assert result.verdict == "revise"
        assert result.risk is not None
        assert result.risk.score == 0  # not a stranger
        assert [a.code for a in result.advice] == ["EXA301"]

    def test_a_stranger_asked_for_a_call_adds_configured_risk(self) -> None:
        result = evaluate_case(
            PLUGIN,
            profile=PROFILE,
            invitation={"note": CALL_NOTE, "relationship": "other"},
            settings={NAME: {"call-ask-points": 40}},
        )
        assert result.risk is not None
        assert [(f.code, f.points) for f in result.risk.factors] == [("EXA201", 40.0)]
        assert result.risk.level == "medium"

    def test_ignoring_the_finding_also_drops_its_risk_and_advice(self) -> None:
        result = evaluate_case(
            PLUGIN,
            profile=PROFILE,
            invitation={"note": CALL_NOTE, "relationship": "other"},
            config=Config(ignore=("EXA101",)),
        )
        assert result.findings == ()
        assert result.risk is not None
        assert result.risk.factors == ()
        assert result.advice == ()

    def test_one_engine_serves_many_cases(self) -> None:
        engine = engine_with(PLUGIN, settings={NAME: {"max-words": 5}})
        long_note = "Hi Noor, your cold-chain talk was the best of the day."
        assert not engine.loaded.failed

        results = list(
            engine.evaluate_many(
                Case(profile=Profile(**PROFILE), invitation=Invitation(note=note))
                for note in (long_note, "Hi Noor!")
            )
        )
        assert [[f.code for f in r.findings] for r in results] == [["EXA102"], []]
