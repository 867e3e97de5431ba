"""Rules and settings: declared once, documented, and accepted by the core's hook specs."""

from __future__ import annotations

import re
from pathlib import Path

import pluggy

from invitecore import Classification, Invitation, Profile, Sender, hookspecs
from invitecore.settings import Settings
from invitecore_email_headline import plugin
from invitecore_email_headline.rules import SIGNAL_CODE_BY_FIELD

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_hookimpls_match_the_core_specs(settings: Settings) -> None:
    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    manager.register(plugin, name="email-headline")
    manager.check_pending()  # a misspelled hook or argument name fails here
    [signals] = manager.hook.invitecore_profile_signals(
        profile=Profile(name="Jane Doe", headline="jane@example.com"), settings=settings
    )
    assert [s.code for s in signals] == ["EMH101"]
    [findings] = manager.hook.invitecore_invitation_checks(
        invitation=Invitation(relationship="other"),
        profile=Profile(name="Jane Doe", headline="jane@example.com"),
        classification=Classification(camp="unknown", confidence=0.0),
        sender=Sender(),
        settings=settings,
    )
    assert [f.code for f in findings] == ["EMH201"]


def test_rule_codes_are_unique_and_in_the_plugin_family() -> None:
    codes = [rule.code for rule in plugin.invitecore_rules()]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"EMH[12]\d\d", code) for code in codes)
    assert set(SIGNAL_CODE_BY_FIELD.values()) <= set(codes)


def test_every_rule_has_a_summary_and_an_explanation() -> None:
    for rule in plugin.invitecore_rules():
        assert rule.summary
        assert rule.explanation


def test_severities() -> None:
    severity = {rule.code: rule.severity.value for rule in plugin.invitecore_rules()}
    assert severity["EMH201"] == "warning"
    assert severity["EMH202"] == "warning"
    assert severity["EMH203"] == "error"


def test_every_setting_has_a_description_and_a_source() -> None:
    names = [setting.name for setting in plugin.invitecore_settings()]
    assert len(names) == len(set(names))
    for setting in plugin.invitecore_settings():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", setting.name)
        assert setting.description
        assert setting.source


def test_readme_documents_every_rule_and_setting() -> None:
    for rule in plugin.invitecore_rules():
        assert f"`{rule.code}`" in README, rule.code
    for setting in plugin.invitecore_settings():
        assert f"`{setting.name}`" in README, setting.name
    assert "Signal.value" in README
