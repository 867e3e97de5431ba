"""Rules and settings are declared completely, override as documented, and fail loudly."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import build_settings
from invitecore import Profile, Severity
from invitecore.settings import SettingError
from invitecore_spam_risk import plugin, rules
from invitecore_spam_risk.settings import scorecard_config

if TYPE_CHECKING:
    from conftest import Card, MakeSettings, Score

README = Path(__file__).resolve().parent.parent / "README.md"
DECLARED = {rule.code: rule for rule in plugin.invitecore_rules()}
SETTINGS = {setting.name: setting for setting in plugin.invitecore_settings()}


def test_rule_codes_are_unique_spm_codes_with_text() -> None:
    codes = [rule.code for rule in plugin.invitecore_rules()]
    assert len(codes) == len(set(codes))
    for rule in DECLARED.values():
        assert re.fullmatch(r"SPM1[0-9]{2}", rule.code)
        assert rule.summary
        assert rule.explanation
        assert rule.severity is Severity.INFO


def test_every_code_constant_is_declared() -> None:
    constants = {v for k, v in vars(rules).items() if k.isupper() and isinstance(v, str)}
    assert constants == set(DECLARED)


def test_every_setting_names_its_source_and_is_kebab_case() -> None:
    for setting in SETTINGS.values():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", setting.name), setting.name
        assert setting.description
        assert setting.source


def test_default_finding_factor_targets_are_declared_factors() -> None:
    for factor in SETTINGS["finding-factors"].default.values():
        assert factor in rules.FINDING_FACTORS
    for factor in SETTINGS["credit-voided-by"].default:
        assert factor in rules.CREDIT_FACTORS


def test_readme_documents_every_rule_and_setting() -> None:
    text = README.read_text(encoding="utf-8")
    for code in DECLARED:
        assert f"`{code}`" in text, code
    for name in SETTINGS:
        assert f"`{name}`" in text, name
    assert "not a measured probability" in text


def test_readme_shows_the_default_of_every_points_setting() -> None:
    text = README.read_text(encoding="utf-8")
    for name, setting in SETTINGS.items():
        if name.endswith("-points"):
            row = next(line for line in text.splitlines() if f"| `{name}`" in line)
            assert f"{setting.default:g}" in row, (name, row)


# -- overrides -------------------------------------------------------------------------------


def test_points_override(score: Score, make_settings: MakeSettings) -> None:
    card = score(note="", settings=make_settings(**{"no-note-points": 12}))
    assert card["SPM102"] == 12.0


def test_zero_points_switch_a_factor_off(score: Score, make_settings: MakeSettings) -> None:
    settings = make_settings(**{"stranger-unknown-points": 0})
    card = score(note="", settings=settings)
    assert "SPM101" not in card
    assert "SPM102" in card


def test_extend_finding_factors_maps_a_new_code(score: Score, make_settings: MakeSettings) -> None:
    settings = make_settings(**{"extend-finding-factors": {"PER131": "SPM106"}})
    card = score(note="A very long note", codes=["PER131"], settings=settings)
    assert card["SPM106"] == 8.0
    # the defaults are still there
    assert score(note="x", codes=["PER102"], settings=settings)["SPM103"] == 25.0


def test_replacing_finding_factors_drops_the_defaults(
    score: Score, make_settings: MakeSettings
) -> None:
    settings = make_settings(**{"finding-factors": {"PER131": "SPM106"}})
    assert "SPM103" not in score(note="x", codes=["PER102"], settings=settings)


def test_credit_voided_by_override(score: Score, make_settings: MakeSettings) -> None:
    settings = make_settings(**{"extend-credit-voided-by": {"SPM122": ["PER112"]}})
    card = score(note="Hi Dan", relationship="colleague", codes=["PER112"], settings=settings)
    assert "SPM122" not in card


def test_real_relationships_override(score: Score, make_settings: MakeSettings) -> None:
    settings = make_settings(**{"real-relationships": ["colleague", "Group"]})
    assert score(note="Hi", relationship="group", settings=settings)["SPM122"] == -20.0
    assert "SPM122" not in score(note="Hi", relationship="friend", settings=settings)


def test_long_time_member_year_override(score: Score, make_settings: MakeSettings) -> None:
    settings = make_settings(**{"long-time-member-until": 2012})
    profile = Profile(name="Dana Example", member_since=2011)
    assert "SPM110" in score(note="Hi", profile=profile, settings=settings)


def test_shared_connections_min_override(score: Score, make_settings: MakeSettings) -> None:
    settings = make_settings(**{"shared-connections-min": 5})
    few = Profile(name="Dana Example", shared_connections=4)
    many = Profile(name="Dana Example", shared_connections=5)
    assert "SPM124" not in score(note="Hi", profile=few, settings=settings)
    assert "SPM124" in score(note="Hi", profile=many, settings=settings)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"finding-factors": {"PER101": "SPM199"}}, "finding-factors.PER101"),
        ({"finding-factors": {"PER101": "SPM121"}}, "finding-factors.PER101"),
        ({"credit-voided-by": {"SPM102": ["PER101"]}}, "credit-voided-by"),
        ({"real-relationships": ["colleague", "neighbour"]}, "real-relationships"),
        ({"shared-connections-min": 0}, "shared-connections-min"),
    ],
)
def test_bad_values_name_the_setting(
    card: Card, overrides: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        card(note="Hi", settings=build_settings(overrides))


def test_unknown_or_mistyped_settings_are_config_errors() -> None:
    with pytest.raises(SettingError, match="no-note-point"):
        build_settings({"no-note-point": 3})
    with pytest.raises(SettingError, match="must be a number"):
        build_settings({"no-note-points": "high"})


def test_settings_are_checked_once_per_settings_object() -> None:
    settings = build_settings()
    assert scorecard_config(settings) is scorecard_config(settings)
    assert scorecard_config(build_settings()) is not scorecard_config(settings)
