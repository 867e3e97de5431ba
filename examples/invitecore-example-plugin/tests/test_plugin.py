"""What the rule cases do not say: declarations, the pieces the hooks are built from, and one
engine serving many cases. The rules' behaviour is in ``rule_cases.toml`` (test_rule_cases.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from invitecore import Case, CaseResult, Engine, Invitation, Profile, Settings
from invitecore.settings import SettingError
from invitecore.testing import assert_camp, assert_finding, check_declarations

from invitecore_example import plugin
from invitecore_example.matching import call_pattern, overflow_start

ROOT = Path(__file__).resolve().parents[1]


def test_declarations_load_and_are_documented() -> None:
    # Hooks match the specs; codes are unique EXA codes with summaries and explanations;
    # settings are kebab-case with descriptions and sources; the README names them all; the
    # rule cases show every rule.
    check_declarations(
        plugin,
        name="example",
        code_prefix="EXA",
        readme=ROOT / "README.md",
        cases=Path(plugin.__file__).with_name("rule_cases.toml"),
    )


def test_the_suggestion_names_the_person(invitecore_evaluate: Callable[..., CaseResult]) -> None:
    result = invitecore_evaluate(
        {"name": "Noor Haddad", "first_name": "Noor"},
        invitation={"note": "Could we book a demo?", "relationship": "colleague"},
    )
    finding = assert_finding(result, "EXA101", span="book a demo", field="note")
    assert "Noor" in (finding.suggestion or "")
    assert finding.plugin == "example"
    assert_camp(result, "unknown")  # the plugin reads no profile evidence


def test_pattern_is_compiled_once_per_settings_object(
    invitecore_settings: Callable[..., Settings],
) -> None:
    resolved = invitecore_settings()
    assert call_pattern(resolved) is call_pattern(resolved)
    assert call_pattern(invitecore_settings(**{"call-phrases": []})) is None


def test_a_misspelled_setting_is_refused_with_a_suggestion(
    invitecore_settings: Callable[..., Settings],
) -> None:
    with pytest.raises(SettingError, match="did you mean 'call-phrases'"):
        invitecore_settings(**{"call-phrase": ["x"]})


def test_overflow_counts_words_not_spaces() -> None:
    assert overflow_start("  one   two  ", 2) is None
    assert overflow_start("one two three", 2) == len("one two ")


def test_one_engine_serves_many_cases(invitecore_engine: Engine) -> None:
    long_note = "Hi Noor, " + "your cold-chain talk was the best of the day. " * 6
    results = list(
        invitecore_engine.evaluate_many(
            Case(profile=Profile(name="Noor Haddad"), invitation=Invitation(note=note))
            for note in (long_note, "Hi Noor!")
        )
    )
    assert [[f.code for f in r.findings] for r in results] == [["EXA102"], []]
