"""Shared test helpers: the plugin's settings as the core resolves them, and signal finders.

A uniquely named module rather than ``conftest.py``, so importing it never picks up another
``conftest`` when several test trees run in one session.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from invitecore import Profile, Signal
from invitecore.settings import Settings
from invitecore.testing import resolved_settings
from invitecore_lion import plugin


def settings_with(overrides: Mapping[str, Any] | None = None) -> Settings:
    """The plugin's settings with ``overrides`` (config keys), as the core resolves them."""
    return resolved_settings(plugin, overrides, name="lion")


DEFAULTS = settings_with()


def signals_for(settings: Settings = DEFAULTS, /, **fields: Any) -> list[Signal]:
    """The lion signals for a profile built from ``fields`` (``name`` defaults to a dummy)."""
    fields.setdefault("name", "Ada Lane")
    return plugin.invitecore_profile_signals(profile=Profile(**fields), settings=settings)


def codes_for(settings: Settings = DEFAULTS, /, **fields: Any) -> set[str]:
    """The rule codes of :func:`signals_for`."""
    return {s.code for s in signals_for(settings, **fields)}


def evidence(signal: Signal, profile_field: str) -> str:
    """The text a signal's span points at in the given field text."""
    assert signal.span is not None, signal
    return profile_field[signal.span[0] : signal.span[1]]


def found(about: str, field: str = "about", settings: Settings = DEFAULTS) -> dict[str, str]:
    """What the plugin finds in one text field: rule code -> ``value`` (or the evidence text
    when the signal has no value)."""
    return {
        s.code: s.value if s.value is not None else evidence(s, about)
        for s in signals_for(settings, **{field: about})
    }
