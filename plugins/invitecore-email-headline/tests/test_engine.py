"""End to end through the real engine, with only this plugin registered."""

from __future__ import annotations

import json
import subprocess
import sys

from invitecore.testing import evaluate_case
from invitecore_email_headline import plugin

PLUGIN = ("email-headline", plugin)


def test_headline_address_alone_makes_an_open_networker() -> None:
    result = evaluate_case(
        PLUGIN,
        profile={"name": "Jane Doe", "headline": "Coach | jane [at] example [dot] com"},
        invitation={
            "note": "Hi Jane, loved your talk.",
            "relationship": "other",
            "email": "jane@example.com",
        },
    )
    assert not result.errors
    assert result.classification is not None
    assert result.classification.camp == "open_networker"
    [signal] = result.classification.signals
    assert (signal.code, signal.value) == ("EMH101", "jane@example.com")
    assert signal.plugin == "email-headline"
    assert result.findings == ()
    assert result.verdict == "send"


def test_about_address_alone_is_in_between() -> None:
    result = evaluate_case(
        PLUGIN, profile={"name": "Jane Doe", "about": "Write to me: jane@example.com"}
    )
    assert result.classification is not None
    assert result.classification.camp == "in_between"


def test_missing_email_for_other_is_a_warning_that_asks_for_revision() -> None:
    result = evaluate_case(
        PLUGIN,
        profile={"name": "Jane Doe", "headline": "jane@example.com"},
        invitation={"note": "Hi Jane, loved your talk.", "relationship": "other"},
    )
    [finding] = result.findings
    assert (finding.code, finding.severity) == ("EMH201", "warning")
    assert finding.suggestion is not None
    assert "jane@example.com" in finding.suggestion
    assert result.verdict == "revise"


def test_malformed_email_is_an_error_finding() -> None:
    result = evaluate_case(
        PLUGIN,
        profile={"name": "Jane Doe", "headline": "jane@example.com"},
        invitation={"note": "Hi", "relationship": "friend", "email": "jane@example"},
    )
    assert [(f.code, f.severity) for f in result.findings] == [("EMH203", "error")]


def test_config_table_overrides_reach_the_plugin() -> None:
    result = evaluate_case(
        PLUGIN,
        profile={"name": "Jane Doe", "headline": "Plumber @ example . com"},
        settings={"email-headline": {"extend-role-words": ["plumber"]}},
    )
    assert result.classification is not None
    assert result.classification.camp == "unknown"


def _modules_after(code: str) -> dict[str, bool]:
    watched = ("email_validator", "idna", "dns")
    script = (
        f"{code}\nimport json, sys\nprint(json.dumps({{m: m in sys.modules for m in {watched!r}}}))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    result: dict[str, bool] = json.loads(completed.stdout.splitlines()[-1])
    return result


_RUN = """
from invitecore import Invitation, Profile
from invitecore.testing import resolved_settings
from invitecore_email_headline import plugin
settings = resolved_settings(plugin, name="email-headline")
profile = Profile(name="Jane Doe", headline={headline!r}, about="Продакт @ Яндекс 🚀")
plugin.invitecore_profile_signals(profile=profile, settings=settings)
plugin.invitecore_invitation_checks(
    invitation=Invitation(relationship="other", email={email!r}), profile=profile,
    settings=settings,
)
"""


def test_email_validator_is_imported_only_when_needed() -> None:
    # It costs tens of milliseconds to import: plain ASCII addresses (and common malformed
    # ones) are settled without it, and text outside ASCII with no address near an "@" too.
    plain = _RUN.format(headline="Coach | jane@example.com", email="jane@example")
    assert _modules_after(plain) == {"email_validator": False, "idna": False, "dns": False}
    intl = _RUN.format(headline="Coach | 葉士豪@臺網中心.台灣", email="葉士豪@臺網中心.台灣")
    # Its DNS checks are never used, so dnspython is never imported.
    assert _modules_after(intl) == {"email_validator": True, "idna": True, "dns": False}
