"""End to end through the real engine, with only this plugin registered."""

from __future__ import annotations

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
