"""A test kit for plugin authors (and the core's own tests): what the bundled plugins' tests use.

- :func:`engine_with` / :func:`evaluate_case`: the real engine with only the plugins you name;
- :func:`resolved_settings`: a plugin's settings, resolved from its declarations as the core
  resolves them, with overrides;
- :func:`check_declarations`: a plugin's hooks match the specs, its rules and settings are
  declared well and documented in its README;
- :func:`assert_linear_time`: a function's time grows linearly with its input, measured so that
  a busy machine does not fail it.

Example::

    from invitecore.testing import evaluate_case
    import invitecore_lion.plugin as lion

    result = evaluate_case(lion, profile={"name": "Ada Lane", "headline": "[LION] Recruiter"})
    assert result.classification.camp == "open_networker"
    assert not result.errors
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from invitecore.config import Config
from invitecore.engine import Engine
from invitecore.models import Invitation, Profile, Rule, Sender
from invitecore.plugins import load_plugins
from invitecore.results import Case, CaseResult
from invitecore.settings import Setting, Settings, resolve_settings

__all__ = [
    "assert_linear_time",
    "check_declarations",
    "engine_with",
    "evaluate_case",
    "resolved_settings",
]


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


def _value(cls: Any, value: Any) -> Any:
    if value is None:
        return cls()
    return value if isinstance(value, cls) else cls(**value)


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
        profile=_value(Profile, profile),
        invitation=_value(Invitation, invitation),
        sender=_value(Sender, sender),
    )
    return engine.evaluate(case)


def _declared_settings(plugin: object) -> dict[str, Setting]:
    declare = getattr(plugin, "invitecore_settings", None)
    return {setting.name: setting for setting in (declare() if declare else ())}


def resolved_settings(
    plugin: object, overrides: Mapping[str, Any] | None = None, *, name: str = "plugin"
) -> Settings:
    """``plugin``'s settings as the core hands them to its hooks: its declared defaults with
    ``overrides`` (config keys, kebab-case, ``extend-`` forms included) merged over them.

    :raises invitecore.settings.SettingError: for an override the core would refuse.
    """
    return resolve_settings(_declared_settings(plugin), overrides or {}, plugin=name)


def check_declarations(
    plugin: object, *, name: str, code_prefix: str | None = None, readme: Path | None = None
) -> None:
    """Assert what every plugin must get right about its declarations.

    - it loads into the core (hooks and their arguments match the specs, no hook wrapper, rule
      codes not taken by the core);
    - rule codes are unique and, with ``code_prefix``, in the plugin's family; every rule has
      a summary and an explanation;
    - setting names are unique kebab-case words, each with a description and a source;
    - with ``readme``, the README names every rule code and setting (in backticks).
    """
    loaded = load_plugins(plugins=[(name, plugin)])
    assert not loaded.failed, [record.reason for record in loaded.failed]
    declare = getattr(plugin, "invitecore_rules", None)
    rules: list[Rule] = list(declare() if declare else ())
    codes = [rule.code for rule in rules]
    assert len(codes) == len(set(codes)), f"rule codes declared twice: {codes}"
    for rule in rules:
        if code_prefix is not None:
            assert rule.code.startswith(code_prefix), rule.code
        assert rule.summary, f"{rule.code} has no summary"
        assert rule.explanation, f"{rule.code} has no explanation"
    settings = list(_declared_settings(plugin).values())
    declared_names = [setting.name for setting in getattr(plugin, "invitecore_settings", list)()]
    assert len(declared_names) == len(set(declared_names)), declared_names
    for setting in settings:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", setting.name), setting.name
        assert setting.description, f"setting {setting.name} has no description"
        assert setting.source, f"setting {setting.name} does not say where its default is from"
    if readme is not None:
        text = readme.read_text(encoding="utf-8")
        missing = [c for c in codes if f"`{c}`" not in text]
        missing += [s.name for s in settings if f"`{s.name}`" not in text]
        assert not missing, f"{readme.name} does not document {missing}"


def _best_seconds(run: Callable[[str], object], text: str, tries: int) -> float:
    best = float("inf")
    for _ in range(tries):
        start = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - start)
    return best


def assert_linear_time(
    make: Callable[[int], str],
    run: Callable[[str], object],
    *,
    small: int = 10_000,
    large: int = 100_000,
    slack: float = 3.0,
    rounds: int = 3,
    floor: float = 0.002,
) -> None:
    """Assert that ``run`` takes about linear time in the size of its input.

    ``make(size)`` builds an input of ``size`` characters. The time for ``large`` may be at
    most ``large / small * slack`` times the time for ``small`` (each the best of three tries,
    never less than ``floor`` seconds, below which timers only measure noise). A failing
    ratio is measured again, up to ``rounds`` times: load on a shared machine can spoil one
    round, while a quadratic scan fails every round.
    """
    limit = large / small * slack
    small_text, large_text = make(small), make(large)
    seen = []
    for _ in range(rounds):
        t_small = max(_best_seconds(run, small_text, 3), floor)
        t_large = _best_seconds(run, large_text, 3)
        if t_large <= limit * t_small:
            return
        seen.append((round(t_small, 4), round(t_large, 4)))
    raise AssertionError(f"not linear: (small, large) seconds per round {seen}, limit {limit:g}x")
