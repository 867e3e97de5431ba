"""The plugin declares its rules and settings properly and emits only declared codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import check, make_settings
from invitecore import Finding, Profile, Severity
from invitecore.settings import SettingError
from invitecore.testing import check_declarations
from invitecore_personalization import plugin

HERE = Path(__file__).parent
DATA = HERE / "data" / "labelled_notes.json"
CONTRACT = {
    "PER101", "PER102", "PER103", "PER104", "PER111", "PER112", "PER113", "PER121", "PER122",
    "PER123",
    "PER124", "PER131", "PER132", "PER133",
}


def test_declarations_follow_the_core_contract() -> None:
    check_declarations(
        plugin, name="personalization", code_prefix="PER", readme=HERE.parent / "README.md"
    )


def test_rules_are_exactly_the_contract() -> None:
    rules = {r.code: r for r in plugin.invitecore_rules()}
    assert set(rules) == CONTRACT
    errors = {c for c, r in rules.items() if r.severity is Severity.ERROR}
    assert errors == {"PER101", "PER102", "PER103", "PER112", "PER113", "PER131"}


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


def test_extend_rules_adds_to_the_default() -> None:
    note = "Hi Dana, the zorblax thing made me think of you. Happy to share notes!"
    assert "PER123" in {f.code for f in check(note)}
    extended = make_settings({"extend-why-cues": ["make me think of you"]})
    assert "PER123" not in {f.code for f in check(note, settings=extended)}
    # The default rules still work after extending.
    assert "PER123" not in {
        f.code for f in check("Hi Dana, I'm working on data contracts.", settings=extended)
    }


def test_extend_families_adds_a_member() -> None:
    note = "Hi Dana, I loved your zine about lineage."
    assert "PER122" in {f.code for f in check(note)}
    from invitecore_personalization.families import FAMILIES

    extended = make_settings({"extend-families": {"content": [*FAMILIES["content"], "zine"]}})
    assert "PER122" not in {f.code for f in check(note, settings=extended)}


def test_a_bad_family_name_in_a_rule_is_reported() -> None:
    settings = make_settings({"extend-why-cues": ["@nosuchfamily about"]})
    with pytest.raises(ValueError, match="nosuchfamily"):
        check("Hi Dana!", settings=settings)


def test_relationship_lists_restrict_why_and_benefit() -> None:
    everyone = ["colleague", "classmate", "business", "friend", "group", "other", "none"]
    strict = make_settings({"why-required-for": everyone, "benefit-required-for": everyone})
    note = "Hi Dana, long time no see!"
    assert not {"PER123", "PER124"} & {f.code for f in check(note, relationship="colleague")}
    assert {"PER123", "PER124"} <= {
        f.code for f in check(note, relationship="colleague", settings=strict)
    }
