"""Shared test helpers: settings built the way the core builds them, and signal finders.

A uniquely named module rather than ``conftest.py``, so importing it never picks up another
``conftest`` when several test trees run in one session.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from invitecore import Profile, Signal
from invitecore.settings import Settings, resolve_settings
from invitecore_lion import plugin


def make_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """The plugin's settings with ``overrides`` applied, as the core resolves them."""
    declared = {s.name: s for s in plugin.invitecore_settings()}
    return resolve_settings(declared, overrides or {}, plugin="lion")


DEFAULTS = make_settings()


def signals_for(settings: Settings = DEFAULTS, /, **fields: Any) -> list[Signal]:
    """The lion signals for a profile built from ``fields`` (``name`` defaults to a dummy)."""
    fields.setdefault("name", "Ada Lane")
    return plugin.invitecore_profile_signals(profile=Profile(**fields), settings=settings)


def codes_for(settings: Settings = DEFAULTS, /, **fields: Any) -> set[str]:
    """The rule codes of :func:`signals_for`."""
    return {s.code for s in signals_for(settings, **fields)}

