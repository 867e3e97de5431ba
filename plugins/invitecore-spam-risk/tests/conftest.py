"""Shared fixtures: settings built the way the core builds them, and a scorecard shortcut."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pytest

from invitecore import (
    Classification,
    Finding,
    Invitation,
    NetworkingCamp,
    Profile,
    RiskFactor,
    Settings,
    Signal,
)
from invitecore.settings import resolve_settings
from invitecore_spam_risk import plugin

PLUGIN_NAME = "spam-risk"

MakeSettings = Callable[..., Settings]
Score = Callable[..., dict[str, float]]
Card = Callable[..., list[RiskFactor]]


def build_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """The plugin's settings with ``overrides`` applied, as the core resolves them."""
    declared = {s.name: s for s in plugin.invitecore_settings()}
    return resolve_settings(declared, dict(overrides or {}), plugin=PLUGIN_NAME)


def classification(
    camp: NetworkingCamp | str = NetworkingCamp.UNKNOWN,
    confidence: float = 0.0,
    signals: Iterable[Signal] = (),
) -> Classification:
    """A classification as the core would hand it over (built directly: no signal plugins)."""
    return Classification(camp=camp, confidence=confidence, signals=tuple(signals))


def findings(*codes: str) -> tuple[Finding, ...]:
    """Findings with the given codes, as the personalization or email plugin would report."""
    return tuple(Finding(code=code, message=f"made-up {code} finding") for code in codes)


def factors(
    *,
    note: str = "",
    relationship: str = "none",
    email: str | None = None,
    profile: Profile | None = None,
    camp: NetworkingCamp | str = NetworkingCamp.UNKNOWN,
    confidence: float = 0.0,
    codes: Iterable[str] = (),
    settings: Settings | None = None,
) -> list[RiskFactor]:
    """Call the risk-factor hook directly with the given case."""
    return plugin.invitecore_risk_factors(
        invitation=Invitation(note=note, relationship=relationship, email=email),
        profile=profile or Profile(name="Dana Example"),
        classification=classification(camp, confidence),
        findings=findings(*codes),
        settings=settings or build_settings(),
    )


@pytest.fixture
def make_settings() -> MakeSettings:
    """Build settings with keyword overrides: ``make_settings(**{"no-note-points": 5})``."""
    return lambda **overrides: build_settings(overrides)


@pytest.fixture
def card() -> Card:
    """The risk-factor hook called directly; keyword arguments as :func:`factors` takes them."""
    return factors


@pytest.fixture
def score() -> Score:
    """The scorecard as ``{code: points}`` (codes are unique on a card)."""

    def run(**kwargs: Any) -> dict[str, float]:
        card = factors(**kwargs)
        as_dict = {f.code: f.points for f in card}
        assert len(as_dict) == len(card), f"a factor appears twice: {card}"
        return as_dict

    return run
