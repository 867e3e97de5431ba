"""Shared helpers: resolved settings for the plugin, as the core would build them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from invitecore.settings import Settings
from invitecore.testing import resolved_settings
from invitecore_email_headline import plugin

SettingsFactory = Callable[..., Settings]


def make_settings(overrides: dict[str, Any] | None = None) -> Settings:
    """The plugin's settings with ``overrides`` (kebab-case keys) merged over the defaults."""
    return resolved_settings(plugin, overrides, name="email-headline")


@pytest.fixture(scope="session")
def settings() -> Settings:
    """The default settings, one object for the session (as in a run)."""
    return make_settings()
