"""The plugin declares its rules and settings properly and emits only declared codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DANA, check, make_settings

from invitecore import Finding, Profile, Severity
from invitecore.settings import SettingError
from invitecore_personalization import plugin

DATA = Path(__file__).parent / "data" / "labelled_notes.json"
CONTRACT = {
    "PER101", "PER102", "PER103", "PER111", "PER112", "PER113", "PER121", "PER122", "PER123",
    "PER124", "PER131", "PER132", "PER133",
}


def test_rules_are_exactly_the_contract() -> None:
    rules = {r.code: r for r in plugin.invitecore_rules()}
    assert set(rules) == CONTRACT
    assert all(r.summary and r.explanation for r in rules.values())
    errors = {c for c, r in rules.items() if r.severity is Severity.ERROR}
    assert errors == {"PER101", "PER102", "PER112", "PER113", "PER131"}


def test_every_setting_names_its_source_and_is_kebab_case() -> None:
    for setting in plugin.invitecore_settings():
        assert setting.source, setting.name
        assert setting.description, setting.name
        assert setting.name == setting.name.lower()
        assert " " not in setting.name
    names = {s.name for s in plugin.invitecore_settings()}
    assert {"free-note-limit", "premium-note-limit", "default-texts"} <= names


def test_every_emitted_finding_uses_a_declared_code_and_a_valid_span() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    declared = {r.code for r in plugin.invitecore_rules()}
    seen: set[str] = set()
    for case in data["notes"]:
        profile = Profile(**data["profiles"][case["profile"]])
        findings: list[Finding] = check(
            case["note"], profile=profile, relationship=case["relationship"], account="free"
        )
        for finding in findings:
            assert finding.code in declared
            assert finding.suggestion
            assert finding.message
            assert finding.field == "note"
            if finding.span is not None:
                start, end = finding.span
                assert 0 <= start < end <= len(case["note"]), (finding, case["note"])
            seen.add(finding.code)
    assert seen == CONTRACT  # the labelled set exercises every rule


def test_unknown_setting_is_a_config_error() -> None:
    with pytest.raises(SettingError, match="free-note-limt"):
        make_settings({"free-note-limt": 150})


def test_extend_cue_list_adds_to_the_default() -> None:
    note = "Hi Dana, the zorblax thing made me think of you. Happy to share notes!"
    assert "PER123" in {f.code for f in check(note)}
    extended = make_settings({"extend-why-cues": ["made me think of you"]})
    assert "PER123" not in {f.code for f in check(note, settings=extended)}
    # The default cues still work after extending.
    assert "PER123" not in {
        f.code for f in check("Hi Dana, I'm working on data contracts.", settings=extended)
    }


def test_relationship_lists_restrict_why_and_benefit() -> None:
    strangers_only = make_settings(
        {"why-required-for": ["other", "none"], "benefit-required-for": ["other", "none"]}
    )
    note = "Hi Dana, we worked together at Brightwell."
    assert {"PER123", "PER124"} <= {f.code for f in check(note, relationship="colleague")}
    assert not {"PER123", "PER124"} & {
        f.code for f in check(note, relationship="colleague", settings=strangers_only)
    }


def test_settings_compile_once_per_settings_object() -> None:
    from invitecore_personalization.patterns import compiled

    settings = make_settings()
    assert compiled(settings) is compiled(settings)
    assert check("Hi Dana!", profile=DANA, settings=settings)
