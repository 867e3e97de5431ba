"""Rules and settings: declared once, documented, and accepted by the core's hook specs."""

from __future__ import annotations

import re
from pathlib import Path

import pluggy

from invitecore import Classification, Invitation, Profile, Sender, hookspecs
from invitecore.settings import Settings
from invitecore.testing import check_declarations
from invitecore_email_headline import plugin
from invitecore_email_headline.rules import SIGNAL_CODE_BY_FIELD

README_PATH = Path(__file__).parent.parent / "README.md"
README = README_PATH.read_text(encoding="utf-8")


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


def test_declarations_load_are_well_formed_and_documented() -> None:
    check_declarations(plugin, name="email-headline", code_prefix="EMH", readme=README_PATH)
    codes = {rule.code for rule in plugin.invitecore_rules()}
    assert all(re.fullmatch(r"EMH[12]\d\d", code) for code in codes)
    assert set(SIGNAL_CODE_BY_FIELD.values()) <= codes


def test_severities() -> None:
    severity = {rule.code: rule.severity.value for rule in plugin.invitecore_rules()}
    assert severity["EMH201"] == "warning"
    assert severity["EMH202"] == "warning"
    assert severity["EMH203"] == "error"


def test_readme_documents_the_signal_value() -> None:
    assert "Signal.value" in README
