"""The evaluation engine: runs the per-case hooks, aggregates, and builds a :class:`CaseResult`.

The engine calls hook implementations itself instead of through ``pm.hook.<name>()``: pluggy
stops a hook call at the first exception, and invitecore must isolate each plugin, attribute each
piece of output to its plugin, and hand each plugin its own settings. The call plan (which
functions, which arguments, which settings) is computed once per engine, not per case.
"""

from __future__ import annotations

import functools
import inspect
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from invitecore._assemble import builder
from invitecore.aggregate import classify, decide_verdict, score_risk
from invitecore.builtin import TEMPLATE_FIELD_MISSING
from invitecore.config import Config
from invitecore.errors import ConfigError, InputError
from invitecore.locate import toml_key_line
from invitecore.models import (
    Advice,
    Finding,
    Invitation,
    PluginError,
    Profile,
    RiskFactor,
    Sender,
    Signal,
)
from invitecore.plugins import LOAD_ENV, LoadedPlugins, allow_list, load_plugins, plugin_name_for
from invitecore.report import Case, CaseResult
from invitecore.rulefilter import RuleFilter
from invitecore.settings import SettingError, Settings, resolve_settings

__all__ = ["Engine", "evaluate", "evaluate_many"]

CORE_PLUGIN = "invitecore.core"
T = TypeVar("T", Signal, Finding, RiskFactor, Advice)

# The engine fills in every field of its CaseResult from values that already have their types;
# CaseResult has no converters or validators, so building it directly skips only the keyword
# handling of __init__ (see invitecore._assemble).
_new_result = builder(CaseResult)


@attrs.frozen
class _Impl:
    """One plugin's implementation of one hook, ready to call."""

    plugin: str
    function: Callable[..., Any]
    argnames: tuple[str, ...]
    settings: Settings
    codes: frozenset[str]
    # Derived once per engine so the per-case loop does one lookup per item:
    call: Callable[..., Any]  # ``function`` with ``settings`` bound (see _bind)
    args: tuple[str, ...]  # the per-case arguments it takes (``settings`` excluded), in order
    pick: Callable[[Mapping[str, Any]], tuple[Any, ...]]  # their values, from all the hook's
    reported: frozenset[str]  # declared codes that select/ignore leave on


def _bind(function: Callable[..., Any], argnames: tuple[str, ...], settings: Settings) -> Any:
    """``function`` with its ``settings`` bound, taking its other arguments (in ``argnames``
    order, ``settings`` left out) by position or by name.

    The engine passes them by position: that spares building a keyword dict per plugin per
    case. For a plain function whose own parameters start with those arguments, in that order,
    that is the same call as by name. Any other function (one that names ``settings`` first, a
    wrapper taking ``**kwargs`` whose signature pluggy read through ``__wrapped__``) gets an
    adapter that passes everything by name, as hooks.md promises.
    """
    names = tuple(name for name in argnames if name != "settings")
    if _takes_in_order(function, names):
        if len(names) == len(argnames):
            return function
        return functools.partial(function, settings=settings)

    def call(*values: Any, **named: Any) -> Any:
        given = dict(zip(names, values, strict=False))
        if "settings" in argnames:
            given["settings"] = settings
        return function(**given, **named)

    return call


def _takes_in_order(function: Callable[..., Any], names: tuple[str, ...]) -> bool:
    """True when ``function`` is a plain function (or a method of one) whose own first
    parameters, as its code defines them, are ``names``, each taking a position or a name.

    Read from the code object, not from ``inspect.signature``: a wrapper can present another
    function's signature (``__signature__``, ``__wrapped__``) while taking only ``**kwargs``.
    """
    skip = 0
    if inspect.ismethod(function):
        function, skip = function.__func__, 1
    if not inspect.isfunction(function) or hasattr(function, "__signature__"):
        return False
    code = function.__code__
    if code.co_posonlyargcount:
        return False
    own = code.co_varnames[skip : code.co_argcount]
    return own[: len(names)] == names


def _picker(names: tuple[str, ...]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """A function taking the values of ``names`` out of a mapping, as a tuple in that order.

    ``itemgetter`` does the picking in C, but returns a bare value for one name and cannot take
    none, hence the two special cases.
    """
    if not names:
        return lambda arguments: ()
    if len(names) == 1:
        (name,) = names
        return lambda arguments: (arguments[name],)
    return operator.itemgetter(*names)


class Engine:
    """Evaluates cases with a fixed set of loaded plugins and a config.

    Build it once (:meth:`from_config` discovers installed plugins; :meth:`from_plugins` takes
    plugin modules directly) and call :meth:`evaluate` or :meth:`evaluate_many` as often as you
    like. An engine is cheap to keep and safe to share between threads (it holds no per-case
    state); for processes, pass cases and results, which pickle.
    """

    def __init__(self, loaded: LoadedPlugins, config: Config | None = None) -> None:
        self.loaded = loaded
        self.config = config or Config()
        # True when made by from_config: another process can then make the same engine from
        # the config alone (parallel runs do).
        self.from_installed = False
        self.thresholds = self.config.thresholds
        self.filter = RuleFilter(self.config.select, self.config.ignore, self.config.severity)
        self.settings = self._resolve_settings()
        self._severity_of = {code: rule.severity for code, (rule, _) in loaded.rules.items()}
        self._signals = self._plan("invitecore_profile_signals")
        self._checks = self._plan("invitecore_invitation_checks")
        self._factors = self._plan("invitecore_risk_factors")
        self._advice = self._plan("invitecore_advice")

    # -- construction ----------------------------------------------------------------------------

    @classmethod
    def from_config(cls, config: Config | None = None) -> Engine:
        """An engine with the installed plugins, minus those the config or environment disable.

        Plugins are discovered and imported once per process for a given disable list.
        """
        config = config or Config()
        loaded = _discover(tuple(sorted(config.disable)), allow_list())
        engine = cls(loaded, config)
        engine.from_installed = True
        return engine

    @classmethod
    def from_plugins(
        cls, plugins: Iterable[object | tuple[str, object]], config: Config | None = None
    ) -> Engine:
        """An engine with exactly ``plugins`` (modules or objects, or ``(name, plugin)`` pairs).

        A plugin given without a name takes the entry-point name it is installed under, or its
        module name. Useful in tests and in tools that bundle their own rules.
        """
        config = config or Config()
        named = [
            item if isinstance(item, tuple) else (plugin_name_for(item), item) for item in plugins
        ]
        return cls(load_plugins(disable=config.disable, plugins=named), config)

    def _resolve_settings(self) -> dict[str, Settings]:
        resolved = {}
        for record in self.loaded.records:
            if record.status != "active":
                continue
            declared = self.loaded.settings.get(record.name, {})
            # The core's own settings live in [tool.invitecore.batch], not under plugins.
            core = record.name == CORE_PLUGIN
            table = self.config.batch if core else self.config.plugin_table(record.name)
            where = ["batch"] if core else ["plugins", record.name]
            try:
                resolved[record.name] = resolve_settings(declared, table, plugin=record.name)
            except SettingError as exc:
                raise self._config_error(where, exc.key, str(exc)) from None
        return resolved

    def _config_error(self, table: Sequence[str], key: str, message: str) -> ConfigError:
        path = self.config.path
        line = None
        if path is not None:
            try:
                text = path.read_text(encoding="utf-8-sig")
            except OSError:
                text = ""
            root = ["tool", "invitecore"] if path.name == "pyproject.toml" else []
            line = toml_key_line(text, [*root, *table], key)
        return ConfigError(
            message, file=str(path) if path else None, line=line, field=".".join([*table, key])
        )

    def _plan(self, hook_name: str) -> tuple[_Impl, ...]:
        caller = getattr(self.loaded.manager.hook, hook_name)
        plan = []
        # pluggy calls later-registered implementations first; keep its order (tryfirst and
        # trylast included) so output reads the same as a plain hook call would.
        for impl in reversed(caller.get_hookimpls()):
            name = impl.plugin_name
            settings = self.settings.get(name, Settings())
            codes = self.loaded.rule_codes_of(name)
            argnames = tuple(impl.argnames)
            args = tuple(a for a in argnames if a != "settings")
            plan.append(
                _Impl(
                    plugin=name,
                    function=impl.function,
                    argnames=argnames,
                    settings=settings,
                    codes=codes,
                    call=_bind(impl.function, argnames, settings),
                    args=args,
                    pick=_picker(args),
                    reported=frozenset(c for c in codes if self.filter.enabled(c)),
                )
            )
        return tuple(plan)

    # -- evaluation ------------------------------------------------------------------------------

    def evaluate(self, case: Case) -> CaseResult:
        """Evaluate one case. Plugin failures become ``errors`` on the result; nothing raises."""
        profile, invitation, sender = case.profile, case.invitation, case.sender
        errors: list[PluginError] = []
        # One mapping of the hooks' arguments, filled in as the case goes through the hooks;
        # each implementation picks out the names it takes.
        arguments: dict[str, Any] = {"profile": profile}
        signals = self._run(self._signals, "invitecore_profile_signals", Signal, arguments, errors)
        classification = classify(signals, self.thresholds)
        arguments["invitation"] = invitation
        arguments["classification"] = classification
        arguments["sender"] = sender
        findings = self._with_severities(
            self._run(self._checks, "invitecore_invitation_checks", Finding, arguments, errors)
        )
        if invitation.template_gaps:
            findings = findings + self._template_gap_findings(invitation, findings)
        arguments["findings"] = findings
        factors = self._run(self._factors, "invitecore_risk_factors", RiskFactor, arguments, errors)
        risk = score_risk(factors, self.thresholds)
        verdict = decide_verdict(invitation, classification, findings, risk, self.thresholds)
        result = _new_result(
            id=case.id,
            source=case.source,
            profile=profile,
            classification=classification,
            invitation=invitation,
            sender=sender,
            findings=findings,
            risk=risk,
            verdict=verdict,
            advice=(),
            errors=tuple(errors),
            input_error=None,
        )
        if self._advice:
            advice = self._run(
                self._advice, "invitecore_advice", Advice, {"result": result}, errors
            )
            # The result is ours and not yet handed out: complete it rather than copy it.
            _stamp(result, "advice", tuple(advice))
            _stamp(result, "errors", tuple(errors))
        return result

    def evaluate_many(self, cases: Iterable[Case | InputError]) -> Iterator[CaseResult]:
        """Evaluate cases lazily, in order. An :class:`InputError` in the stream (a row a reader
        could not read) becomes a result with ``input_error`` set, so every input yields one
        output."""
        for case in cases:
            if isinstance(case, InputError):
                yield input_error_result(case)
            else:
                yield self.evaluate(case)

    def _template_gap_findings(
        self, invitation: Invitation, findings: tuple[Finding, ...]
    ) -> tuple[Finding, ...]:
        # A plugin that already flags the leftover placeholder (the personalization plugin's
        # PER113, say) has said it; the core speaks only for gaps nobody pointed at.
        if not self.filter.enabled(TEMPLATE_FIELD_MISSING):
            return ()
        covered = [f.span for f in findings if f.field == "note" and f.span is not None]
        extra = []
        for gap in invitation.template_gaps:
            start, end = gap.span
            if any(s < end and start < e for s, e in covered):
                continue
            extra.append(
                self._with_severity(
                    Finding(
                        code=TEMPLATE_FIELD_MISSING,
                        message=f"the template field {{{gap.field}}} is empty for this prospect",
                        suggestion=f"Fill in {gap.field!r} for this row or write the note by hand.",
                        field="note",
                        span=gap.span,
                        plugin=CORE_PLUGIN,
                    )
                )
            )
        return tuple(extra)

    def _with_severities(self, found: list[Finding]) -> tuple[Finding, ...]:
        """The findings plugins returned, each with its severity settled (see _with_severity)."""
        if self.filter.severity:
            return tuple([self._with_severity(finding) for finding in found])
        # No severity overrides in the config (the usual case): only findings without a
        # severity of their own change, and they take their rule's.
        severity_of = self._severity_of
        for finding in found:
            if finding.severity is None:
                _stamp(finding, "severity", severity_of.get(finding.code))
        return tuple(found)

    def _with_severity(self, finding: Finding) -> Finding:
        """``finding`` at the config's severity for its code, else its own, else its rule's."""
        override = self.filter.severity_for(finding.code)
        if override is not None and override is not finding.severity:
            return attrs.evolve(finding, severity=override)
        if finding.severity is None:
            _stamp(finding, "severity", self._severity_of.get(finding.code))
        return finding

    def _run(
        self,
        plan: Sequence[_Impl],
        hook: str,
        expected: type[T],
        arguments: Mapping[str, Any],
        errors: list[PluginError],
    ) -> list[T]:
        """Call every implementation in ``plan`` with the ``arguments`` it takes and collect
        what it returned that is ``expected``, declared and enabled; everything else becomes a
        :class:`PluginError`."""
        collected: list[T] = []
        for impl in plan:
            try:
                returned = impl.call(*impl.pick(arguments))
                if returned is None:
                    continue
                if type(returned) is list or type(returned) is tuple:
                    items = returned
                else:
                    items = (returned,) if isinstance(returned, expected) else tuple(returned)
            except Exception as exc:  # a plugin's bug must not cost the other plugins' output
                errors.append(PluginError(plugin=impl.plugin, hook=hook, message=_describe(exc)))
                continue
            for item in items:
                if type(item) is expected and item.code in impl.reported:
                    # The common case: declared, enabled, and not yet attributed.
                    if item.plugin is None:
                        _stamp(item, "plugin", impl.plugin)
                    elif item.plugin != impl.plugin:
                        item = attrs.evolve(item, plugin=impl.plugin)
                    collected.append(item)
                elif not isinstance(item, expected):
                    errors.append(
                        PluginError(
                            plugin=impl.plugin,
                            hook=hook,
                            message=f"returned {type(item).__name__}, expected {expected.__name__}",
                        )
                    )
                elif item.code not in impl.codes:
                    errors.append(
                        PluginError(
                            plugin=impl.plugin,
                            hook=hook,
                            message=f"emitted rule code {item.code}, which it did not declare",
                        )
                    )
                elif item.code in impl.reported:  # a subclass of the expected type
                    if item.plugin is None:
                        _stamp(item, "plugin", impl.plugin)
                    elif item.plugin != impl.plugin:
                        item = attrs.evolve(item, plugin=impl.plugin)
                    collected.append(item)
        return collected


def _stamp(item: object, field: str, value: object) -> None:
    """Fill in a field the core owns (``plugin``, a default ``severity``) on a fresh object.

    Value objects are frozen for plugins; the core completes the ones a plugin just returned
    (and its own result before anyone else sees it) in place rather than copying them, because
    ``attrs.evolve`` on every signal, finding and factor was the largest part of the engine's
    own cost per case. Only fields that are still None are stamped, so an object a plugin caches
    and returns again is stamped once, identically.
    """
    object.__setattr__(item, field, value)


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def input_error_result(error: InputError) -> CaseResult:
    """The result row for an input row that could not be read."""
    from invitecore.report import Source

    source = (
        Source(file=error.file or "<input>", line=error.line) if error.file or error.line else None
    )
    return CaseResult(
        id=None, source=source, profile=None, classification=None, input_error=str(error)
    )


@functools.lru_cache(maxsize=8)
def _discover(disable: tuple[str, ...], allowed: frozenset[str] | None) -> LoadedPlugins:
    # Importing plugins is the slow part of start-up; do it once per process per plugin set.
    # The allow-list is part of the key, and is what is loaded, not re-read from os.environ.
    environ = {} if allowed is None else {LOAD_ENV: ",".join(sorted(allowed))}
    return load_plugins(disable=disable, environ=environ)


def evaluate(
    profile: Profile | Mapping[str, Any],
    invitation: Invitation | Mapping[str, Any] | None = None,
    sender: Sender | Mapping[str, Any] | None = None,
    *,
    config: Config | None = None,
    engine: Engine | None = None,
) -> CaseResult:
    """Evaluate one invitation with the installed plugins: the library's one-call entry point.

    ``profile``, ``invitation`` and ``sender`` may be value objects or plain mappings of their
    fields. Example::

        result = invitecore.evaluate({"name": "Dana Reyes", "headline": "[LION] Recruiter"},
                                     {"note": "Hi Dana, ...", "relationship": "none"})
        print(result.verdict, result.risk.score)
    """
    engine = engine or Engine.from_config(config)
    case = Case(
        profile=profile if isinstance(profile, Profile) else Profile(**profile),
        invitation=_build(Invitation, invitation),
        sender=_build(Sender, sender) if sender is not None else engine.config.sender,
    )
    return engine.evaluate(case)


def _build(cls: Any, value: Any) -> Any:
    if value is None:
        return cls()
    return value if isinstance(value, cls) else cls(**value)


def evaluate_many(
    cases: Iterable[Case | InputError],
    *,
    config: Config | None = None,
    engine: Engine | None = None,
) -> Iterator[CaseResult]:
    """Evaluate many cases lazily, in input order; a generator other tools can stream through.

    Cases and results pickle, so this runs unchanged inside a multiprocessing pool or a
    distributed worker (build the engine once per worker).
    """
    return (engine or Engine.from_config(config)).evaluate_many(cases)
