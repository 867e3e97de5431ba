"""A test kit for plugin authors (and the core's own tests): what the bundled plugins' tests use.

- :func:`engine_with` / :func:`evaluate_case`: the real engine with only the plugins you name;
- :func:`make_profile`, :func:`make_invitation`, :func:`make_sender`, :func:`make_case`:
  value objects with sensible defaults, so a test states only what it is about;
- :func:`assert_finding`, :func:`assert_no_finding`, :func:`assert_yields`,
  :func:`assert_not_yields`, :func:`assert_camp`: assertions on a result that say what was
  found instead when they fail ("this case yields finding CODE on this span", "this profile's
  camp is X");
- :func:`load_rule_cases`: data-driven rule cases (input, expected codes, spans, camp) kept in a
  TOML or YAML file and run by one parametrised test (format in :mod:`invitecore.rulecases`);
- :func:`resolved_settings`: a plugin's settings, resolved from its declarations as the core
  resolves them, with overrides;
- :func:`check_declarations`: a plugin's hooks match the specs, its rules and settings are
  declared well and documented in its README, and its rule cases show every rule;
- :func:`assert_linear_time`: a function's time grows linearly with its input, measured so that
  a busy machine does not fail it.

The pytest plugin :mod:`invitecore.pytest_plugin` (registered under ``pytest11``, so it is
active wherever invitecore is installed) adds fixtures over these: ``invitecore_plugins``
(override it with your plugins), ``invitecore_engine``, ``invitecore_evaluate`` and
``invitecore_settings``. This module itself does not need pytest.

Example::

    from invitecore.testing import assert_camp, evaluate_case
    import invitecore_lion.plugin as lion

    result = evaluate_case(lion, profile={"name": "Ada Lane", "headline": "[LION] Recruiter"})
    assert_camp(result, "open_networker")

    # tests/test_rule_cases.py: every case of the plugin's rule-case file is one test
    @pytest.mark.parametrize("case", load_rule_cases(CASES), ids=str)
    def test_rule_case(case):
        case.check(("lion", lion))
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
from invitecore.models import Finding, Invitation, Profile, Rule, Sender, Signal, Span
from invitecore.plugins import load_plugins, plugin_name_for
from invitecore.results import Case, CaseResult
from invitecore.rulecases import (
    RuleCase,
    RuleCaseError,
    covered_rules,
    load_rule_cases,
    shipped_rule_cases,
)
from invitecore.settings import Setting, Settings, resolve_settings

__all__ = [
    "RuleCase",
    "RuleCaseError",
    "assert_camp",
    "assert_finding",
    "assert_linear_time",
    "assert_no_finding",
    "assert_not_yields",
    "assert_yields",
    "check_declarations",
    "codes_of",
    "engine_with",
    "evaluate_case",
    "load_rule_cases",
    "make_case",
    "make_invitation",
    "make_profile",
    "make_sender",
    "resolved_settings",
    "shipped_rule_cases",
]

DEFAULT_NAME = "Dana Example"


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


def _plugin_name(plugin: object) -> str:
    """The name a plugin is registered under: the name of a ``(name, plugin)`` pair, else its
    entry-point name, else its module name (as :meth:`Engine.from_plugins` names it)."""
    if isinstance(plugin, tuple):
        return str(plugin[0])
    return plugin_name_for(plugin)


# -- builders --------------------------------------------------------------------------------------


def make_profile(profile: Profile | Mapping[str, Any] | None = None, **fields: Any) -> Profile:
    """A :class:`Profile`: ``profile`` (an object or a mapping of fields) with ``fields`` over
    it; the name defaults to "Dana Example"."""
    if isinstance(profile, Profile):
        return attrs.evolve(profile, **fields) if fields else profile
    return Profile(**{"name": DEFAULT_NAME, **(profile or {}), **fields})


def make_invitation(
    invitation: Invitation | Mapping[str, Any] | None = None, **fields: Any
) -> Invitation:
    """An :class:`Invitation`: no note and relationship ``none`` unless ``invitation`` or
    ``fields`` say otherwise (``make_invitation(note="Hi", relationship="colleague")``)."""
    if isinstance(invitation, Invitation):
        return attrs.evolve(invitation, **fields) if fields else invitation
    return Invitation(**{**(invitation or {}), **fields})


def make_sender(sender: Sender | Mapping[str, Any] | None = None, **fields: Any) -> Sender:
    """A :class:`Sender`: a free account unless ``sender`` or ``fields`` say otherwise."""
    if isinstance(sender, Sender):
        return attrs.evolve(sender, **fields) if fields else sender
    return Sender(**{**(sender or {}), **fields})


def make_case(
    profile: Profile | Mapping[str, Any] | None = None,
    invitation: Invitation | Mapping[str, Any] | None = None,
    sender: Sender | Mapping[str, Any] | None = None,
    *,
    id: str | None = None,
) -> Case:
    """A :class:`Case` of the three, each built as its ``make_*`` builder builds it."""
    return Case(
        profile=make_profile(profile),
        invitation=make_invitation(invitation),
        sender=make_sender(sender),
        id=id,
    )


# -- assertions ------------------------------------------------------------------------------------

_KINDS = ("signals", "findings", "factors", "advice")


def _items(result: CaseResult, kind: str) -> tuple[Any, ...]:
    if kind == "signals":
        return result.classification.signals if result.classification else ()
    if kind == "findings":
        return result.findings
    if kind == "factors":
        return result.risk.factors if result.risk else ()
    if kind == "advice":
        return result.advice
    raise ValueError(f"kind must be one of {', '.join(_KINDS)}, not {kind!r}")


def codes_of(result: CaseResult, kind: str | None = None) -> list[str]:
    """The codes on ``result``, in order: of one ``kind`` (``signals``, ``findings``,
    ``factors``, ``advice``) or, with None, of every kind in that order."""
    kinds = _KINDS if kind is None else (kind,)
    return [item.code for k in kinds for item in _items(result, k)]


def _field_text(result: CaseResult, field: str | None) -> str | None:
    """The text a finding's or signal's ``field`` names (``note``, ``headline``, ``groups[2]``)."""
    if field is None:
        return None
    if field in ("note", "email") and result.invitation is not None:
        text: str | None = getattr(result.invitation, field)
        return text
    name, _, index = field.partition("[")
    value = getattr(result.profile, name, None) if result.profile is not None else None
    if index and isinstance(value, tuple):
        try:
            value = value[int(index.rstrip("]"))]
        except (ValueError, IndexError):
            return None
    return value if isinstance(value, str) else None


def _quoted(result: CaseResult, item: Finding | Signal) -> str | None:
    text = _field_text(result, item.field)
    if text is None or item.span is None:
        return None
    return text[item.span[0] : item.span[1]]


def _describe(result: CaseResult, items: tuple[Any, ...]) -> str:
    shown = []
    for item in items:
        where = f" on {item.field}{list(item.span)}" if getattr(item, "span", None) else ""
        quoted = _quoted(result, item) if hasattr(item, "span") else None
        shown.append(f"{item.code}{where}" + (f" {quoted!r}" if quoted is not None else ""))
    return ", ".join(shown) or "nothing"


def _matching(
    result: CaseResult,
    items: tuple[Any, ...],
    code: str,
    span: Span | tuple[int, int] | list[int] | str | None,
    field: str | None,
    severity: str | None,
) -> list[Any]:
    found = [item for item in items if item.code == code]
    if field is not None:
        found = [item for item in found if item.field == field]
    if severity is not None:
        found = [item for item in found if getattr(item, "severity", None) == severity]
    if isinstance(span, str):
        found = [item for item in found if _quoted(result, item) == span]
    elif span is not None:
        found = [item for item in found if item.span == tuple(span)]
    return found


def assert_finding(
    result: CaseResult,
    code: str,
    *,
    span: Span | tuple[int, int] | str | None = None,
    field: str | None = None,
    severity: str | None = None,
) -> Finding:
    """Assert that ``result`` has a finding ``code`` and return it (the first that fits).

    :param span: ``(start, end)``, or the text the span must quote in its field (``"quick
        call"``): the readable way to pin a span.
    :param field: the field the finding must point at (``note``).
    :param severity: the severity it must have after the core settled it.
    """
    found = _matching(result, result.findings, code, span, field, severity)
    wanted = code + (f" on {span!r}" if span is not None else "")
    assert found, f"expected finding {wanted}, found {_describe(result, result.findings)}"
    finding: Finding = found[0]
    return finding


def assert_no_finding(result: CaseResult, code: str) -> None:
    """Assert that ``result`` has no finding ``code``."""
    assert code not in codes_of(result, "findings"), (
        f"expected no finding {code}, found {_describe(result, result.findings)}"
    )


def assert_yields(
    result: CaseResult,
    code: str,
    *,
    span: Span | tuple[int, int] | str | None = None,
    field: str | None = None,
    severity: str | None = None,
) -> Any:
    """Assert that ``result`` holds ``code`` as any kind of output (signal, finding, risk factor
    or advice), with ``span``, ``field`` and ``severity`` as :func:`assert_finding` takes them
    (for signals and findings); return the first item that fits."""
    everything = tuple(item for kind in _KINDS for item in _items(result, kind))
    if span is None and field is None and severity is None:
        found = [item for item in everything if item.code == code]
    else:
        spanned = tuple(item for item in everything if hasattr(item, "span"))
        found = _matching(result, spanned, code, span, field, severity)
    wanted = code + (f" on {span!r}" if span is not None else "")
    assert found, f"expected {wanted}, found {_describe(result, everything)}"
    return found[0]


def assert_not_yields(result: CaseResult, code: str) -> None:
    """Assert that ``result`` holds ``code`` nowhere: no signal, finding, factor or advice."""
    everything = tuple(item for kind in _KINDS for item in _items(result, kind))
    found = _describe(result, everything)
    assert code not in codes_of(result), f"expected no {code}, found {found}"


def assert_camp(result: CaseResult, camp: str) -> None:
    """Assert that the core classified the profile as ``camp`` (``open_networker``,
    ``selective_connector``, ``in_between`` or ``unknown``)."""
    assert result.classification is not None, "the case has no classification"
    got = result.classification
    assert got.camp == camp, (
        f"expected camp {camp}, got {got.camp} (confidence {got.confidence:.2f}) from "
        f"{_describe(result, got.signals)}"
    )


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
    plugin: object,
    *,
    name: str,
    code_prefix: str | None = None,
    readme: Path | None = None,
    cases: Path | None = None,
) -> None:
    """Assert what every plugin must get right about its declarations.

    - it loads into the core (hooks and their arguments match the specs, no hook wrapper, rule
      codes not taken by the core);
    - rule codes are unique and, with ``code_prefix``, in the plugin's family; every rule has
      a summary and an explanation;
    - setting names are unique kebab-case words, each with a description and a source;
    - with ``readme``, the README names every rule code and setting (in backticks);
    - with ``cases`` (a rule-case file), every rule has a case that yields it, and every case
      is about one of the plugin's rules.
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
    if cases is not None:
        loaded_cases = load_rule_cases(cases)
        bad, _ = covered_rules(loaded_cases)
        uncovered = [code for code in codes if code not in bad]
        assert not uncovered, f"{cases.name} has no case that yields {uncovered}"
        strangers = sorted({c.rule for c in loaded_cases if c.rule and c.rule not in codes})
        assert not strangers, f"{cases.name} has cases for rules {name} lacks: {strangers}"


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
