"""Shared helpers: resolved settings and a one-call way to run the plugin's check hook."""

from __future__ import annotations

from typing import Any

import pytest

from invitecore import Classification, Finding, Invitation, Profile, Sender, Settings
from invitecore.testing import resolved_settings
from invitecore_personalization import plugin

DANA = Profile(
    name="Dana Kowalski",
    first_name="Dana",
    last_name="Kowalski",
    company="Brightwell Analytics",
    groups=("PyData Warsaw", "Women in Data Science"),
)


def make_settings(overrides: dict[str, Any] | None = None) -> Settings:
    """The plugin's settings with ``overrides``, as the core resolves them."""
    return resolved_settings(plugin, overrides, name="personalization")


DEFAULT_SETTINGS = make_settings()


def check(
    note: str,
    *,
    profile: Profile = DANA,
    relationship: str = "none",
    account: str = "premium",
    sender_name: str | None = "Sam Lee",
    settings: Settings = DEFAULT_SETTINGS,
    camp: str = "unknown",
) -> list[Finding]:
    """Run ``invitecore_invitation_checks`` directly for one note (``camp``: the core's)."""
    return list(
        plugin.invitecore_invitation_checks(
            invitation=Invitation(note=note, relationship=relationship),
            profile=profile,
            classification=Classification(camp=camp, confidence=0.0),
            sender=Sender(name=sender_name, account=account),
            settings=settings,
        )
    )


def codes(findings: list[Finding]) -> set[str]:
    """The set of rule codes in ``findings``."""
    return {f.code for f in findings}


def only(findings: list[Finding], code: str) -> Finding:
    """The single finding with ``code`` (fails when there are none or several)."""
    matching = [f for f in findings if f.code == code]
    assert len(matching) == 1, findings
    return matching[0]


@pytest.fixture
def settings() -> Settings:
    """Default settings (a fresh object, so compiled-pattern caching is exercised too)."""
    return make_settings()
