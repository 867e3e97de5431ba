"""The evaluation engine: runs the per-case hooks, aggregates, and builds a :class:`CaseResult`.

Plugins are called through :mod:`invitecore.hookcalls`, each on its own: a plugin that raises
or returns the wrong thing costs only its own output for that case. What a plugin returns is
never changed: the core attributes each signal, finding, risk factor and piece of advice to its
plugin (and gives a finding without a severity its rule's) on a copy (``attrs.evolve``) when the
object does not say so already.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from invitecore.aggregate import ALREADY_CONNECTED, classify, decide_verdict, score_risk
from invitecore.config import Config
from invitecore.core_rules import TEMPLATE_FIELD_MISSING
from invitecore.errors import ConfigError, InputError
from invitecore.hookcalls import Implementation, collect, describe, implementations
from invitecore.locate import toml_key_line
from invitecore.models import (
    Advice,
    Finding,
    Invitation,
    PluginError,
    Profile,
    RiskFactor,
    Sender,
    Severity,
    Signal,
    Verdict,
)
from invitecore.plugins import (
    LoadedPlugins,
    allow_list,
    check_required,
    installed_plugins,
    load_plugins,
    plugin_name_for,
)
from invitecore.results import Case, CaseResult, Source
from invitecore.rulefilter import RuleFilter
from invitecore.settings import SettingError, Settings, resolve_settings
from invitecore.tracing import traced

__all__ = ["CORE_PLUGIN", "Engine", "evaluate", "evaluate_many", "input_error_result"]

CORE_PLUGIN = "invitecore.core"
T = TypeVar("T", Signal, Finding, RiskFactor, Advice)


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
        # Per plugin: the codes it declared, and those of them the config leaves on.
        declared: dict[str, set[str]] = {}
        for code, (_, owner) in loaded.rules.items():
            declared.setdefault(owner, set()).add(code)
        self._declared_codes = {owner: frozenset(codes) for owner, codes in declared.items()}
        self._reported_codes = {
            owner: frozenset(filter(self.filter.enabled, codes))
            for owner, codes in declared.items()
        }
        if self.config.require_plugins:
            self._check_required()
        self._signals = self.plan("invitecore_profile_signals")
        self._checks = self.plan("invitecore_invitation_checks")
        self._factors = self.plan("invitecore_risk_factors")
        self._advice = self.plan("invitecore_advice")

    # -- construction ----------------------------------------------------------------------------

    @classmethod
    def from_config(cls, config: Config | None = None) -> Engine:
        """An engine with the installed plugins, minus those the config or environment disable.

        Plugins are discovered and imported once per process for a given disable list.
        """
        config = config or Config()
        loaded = installed_plugins(
            tuple(sorted(config.disable)), allow_list(), tuple(config.local_plugins)
        )
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
        loaded = load_plugins(disable=config.disable, plugins=named, local=config.local_plugins)
        return cls(loaded, config)

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

    def _config_line(self, table: Sequence[str], key: str) -> int | None:
        """The line of ``key`` in ``table`` of the config file, when there is one to read."""
        path = self.config.path
        if path is None:
            return None
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError:
            text = ""
        root = ["tool", "invitecore"] if path.name == "pyproject.toml" else []
        return toml_key_line(text, [*root, *table], key)

    def _config_error(self, table: Sequence[str], key: str, message: str) -> ConfigError:
        path = self.config.path
        return ConfigError(
            message,
            file=str(path) if path else None,
            line=self._config_line(table, key),
            field=".".join([*table, key]),
        )

    def _check_required(self) -> None:
        """Fail when a plugin the config's ``require-plugins`` names is not active."""
        path = self.config.path
        where = None
        if path is not None:
            line = self._config_line((), "require-plugins")
            where = f"{path}:{line}" if line else str(path)
        check_required(self.loaded, self.config.require_plugins, where=where)

    def plan(self, hook: str) -> tuple[Implementation, ...]:
        """Every plugin's implementation of ``hook``, in call order, each with its settings
        (traced when ``INVITECORE_TRACE`` is on, see :mod:`invitecore.tracing`)."""
        return traced(implementations(self.loaded.manager, hook, self.settings))

    # -- evaluation ------------------------------------------------------------------------------

    def evaluate(self, case: Case) -> CaseResult:
        """Evaluate one case. Plugin failures become ``errors`` on the result; nothing raises."""
        profile, invitation, sender = case.profile, case.invitation, case.sender
        errors: list[PluginError] = []
        arguments: dict[str, Any] = {"profile": profile}
        signals = self._run(self._signals, arguments, Signal, errors)
        classification = classify(signals, self.thresholds)
        fields: dict[str, Any] = {
            "id": case.id,
            "source": case.source,
            "profile": profile,
            "classification": classification,
            "invitation": invitation,
            "sender": sender,
        }
        if profile.connection_degree == 1:
            fields.update(verdict=Verdict.ALREADY_CONNECTED, reason=ALREADY_CONNECTED)
            return self._finished(fields, errors)
        arguments.update(invitation=invitation, classification=classification, sender=sender)
        findings = tuple(self._run(self._checks, arguments, Finding, errors))
        if invitation.template_gaps:
            findings += self._template_gap_findings(invitation, findings)
        arguments["findings"] = findings
        factors = self._run(self._factors, arguments, RiskFactor, errors)
        risk = score_risk(factors, self.thresholds)
        verdict, reason = decide_verdict(
            invitation, classification, findings, risk, self.thresholds
        )
        fields.update(findings=findings, risk=risk, verdict=verdict, reason=reason)
        return self._finished(fields, errors)

    def _finished(self, fields: dict[str, Any], errors: list[PluginError]) -> CaseResult:
        """The result of ``fields``, with the plugins' advice on it: the advice hook sees the
        whole result without advice, then the result is built again with it."""
        result = CaseResult(**fields, errors=tuple(errors))
        if not self._advice:
            return result
        advice = self._run(self._advice, {"result": result}, Advice, errors)
        return CaseResult(**fields, advice=tuple(advice), errors=tuple(errors))

    def evaluate_many(self, cases: Iterable[Case | InputError]) -> Iterator[CaseResult]:
        """Evaluate cases lazily, in order. An :class:`InputError` in the stream (a row a reader
        could not read) becomes a result with ``input_error`` set, so every input yields one
        output."""
        for case in cases:
            if isinstance(case, InputError):
                yield input_error_result(case)
            else:
                yield self.evaluate(case)

    def _run(
        self,
        plan: Sequence[Implementation],
        arguments: Mapping[str, Any],
        expected: type[T],
        errors: list[PluginError],
    ) -> list[T]:
        """What the plugins in ``plan`` returned that is ``expected``, declared and enabled,
        each attributed to its plugin (see :meth:`_attributed`). A code the plugin did not
        declare is a plugin error; one the config switches off is dropped quietly."""
        kept = []
        nothing: frozenset[str] = frozenset()
        for impl, item in collect(plan, arguments, expected, errors):
            plugin, code = impl.plugin, item.code
            if code not in self._reported_codes.get(plugin, nothing):
                if code not in self._declared_codes.get(plugin, nothing):
                    message = f"emitted rule code {code}, which it did not declare"
                    errors.append(PluginError(plugin=plugin, hook=impl.hook, message=message))
                continue
            try:
                kept.append(self._attributed(plugin, item))
            except Exception as exc:  # an object the plugin broke after building it
                failure = PluginError(plugin=plugin, hook=impl.hook, message=describe(exc))
                errors.append(failure)
        return kept

    def _attributed(self, plugin: str, item: T) -> T:
        """``item`` as the result shows it: attributed to ``plugin`` and, for a finding, at its
        settled severity (the config's override for its code, else its own, else its rule's).
        A copy when that changes anything; plugins' objects themselves are never changed."""
        changes: dict[str, Any] = {}
        if item.plugin != plugin:
            changes["plugin"] = plugin
        if isinstance(item, Finding):
            severity = self._severity(item)
            if severity is not item.severity:
                changes["severity"] = severity
        return attrs.evolve(item, **changes) if changes else item

    def _severity(self, finding: Finding) -> Severity | None:
        override = self.filter.severity_for(finding.code)
        if override is not None:
            return override
        if finding.severity is not None:
            return finding.severity
        return self._severity_of.get(finding.code)

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
            finding = Finding(
                code=TEMPLATE_FIELD_MISSING,
                message=f"the template field {{{gap.field}}} is empty for this prospect",
                suggestion=f"Fill in {gap.field!r} for this row or write the note by hand.",
                field="note",
                span=gap.span,
            )
            extra.append(self._attributed(CORE_PLUGIN, finding))
        return tuple(extra)


def input_error_result(error: InputError) -> CaseResult:
    """The result row for an input row that could not be read."""
    source = (
        Source(file=error.file or "<input>", line=error.line) if error.file or error.line else None
    )
    # A row whose name could be read keeps it, so the report can say who could not be judged.
    profile = Profile(name=error.name) if error.name else None
    return CaseResult(
        id=None, source=source, profile=profile, classification=None, input_error=str(error)
    )


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
