"""A small test kit for plugin authors: run the real engine with only the plugins you name.

Example::

    from invitecore.testing import evaluate_case
    import invitecore_lion.plugin as lion

    result = evaluate_case(lion, profile={"name": "Ada Lane", "headline": "[LION] Recruiter"})
    assert result.classification.camp == "open_networker"
    assert not result.errors
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from invitecore.config import Config
from invitecore.engine import Engine, _build
from invitecore.models import Invitation, Profile, Sender
from invitecore.report import Case, CaseResult

__all__ = ["engine_with", "evaluate_case"]


def engine_with(
    *plugins: object,
    settings: Mapping[str, Mapping[str, Any]] | None = None,
    config: Config | None = None,
) -> Engine:
    """An :class:`~invitecore.Engine` with exactly ``plugins`` registered.

    :param settings: per-plugin config tables, keyed by plugin (entry-point) name, as they would
        appear under ``[tool.invitecore.plugins.<name>]``.
    """
    config = config or Config()
    if settings:
        config = attrs.evolve(config, plugins={**config.plugins, **settings})
    return Engine.from_plugins(plugins, config)


def evaluate_case(
    *plugins: object,
    profile: Profile | Mapping[str, Any],
    invitation: Invitation | Mapping[str, Any] | None = None,
    sender: Sender | Mapping[str, Any] | None = None,
    settings: Mapping[str, Mapping[str, Any]] | None = None,
    config: Config | None = None,
) -> CaseResult:
    """Evaluate one case with only ``plugins`` loaded; see the module docstring.

    Raises if a plugin failed to load, so a broken plugin fails its own tests loudly.
    """
    engine = engine_with(*plugins, settings=settings, config=config)
    failed = [f"{r.label}: {r.reason}" for r in engine.loaded.failed]
    if failed:
        raise AssertionError("plugin failed to load: " + "; ".join(failed))
    case = Case(
        profile=profile if isinstance(profile, Profile) else Profile(**profile),
        invitation=_build(Invitation, invitation),
        sender=_build(Sender, sender),
    )
    return engine.evaluate(case)
