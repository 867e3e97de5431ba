"""Finding and loading plugins, each on its own so one broken plugin never stops the others.

Finding (which entry points exist, which the user allowed) is separate from loading (importing
and registering one). Each entry point is imported, checked for misspelled hooks, registered and
asked for its rules, settings and formats inside its own ``try``; a failure marks that plugin
``failed`` with a one-line reason naming ``distribution[entry point]`` and the cause.

``INVITECORE_LOAD_PLUGINS`` restricts loading: unset loads all; empty loads none; otherwise a
comma-separated allow-list of entry-point names. The config's ``disable`` list removes more.

A plugin may state the plugin API range it supports in a module attribute, ``INVITECORE_API =
">=1.0,<2"``; one whose range leaves out :data:`PLUGIN_API` is ``incompatible`` (with the reason)
and not loaded. Local plugins (``invitecore run -p MODULE``) are modules of the project, imported
by name or path after the installed ones; only the command line names them, never a config file,
so reading a config never runs code. ``require-plugins`` in the config makes a plugin that is not
active fail the run (:func:`check_required`).
"""

from __future__ import annotations

import functools
import importlib
import importlib.metadata
import importlib.util
import operator
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from types import ModuleType
from typing import Any, Literal

import attrs
import pluggy

from invitecore import hookspecs
from invitecore._suggest import did_you_mean
from invitecore.errors import InvitecoreError
from invitecore.hookcalls import implementations
from invitecore.models import Rule
from invitecore.output import OutputFormat
from invitecore.settings import Setting

__all__ = [
    "API_ATTRIBUTE",
    "ENTRY_POINT_GROUP",
    "LOAD_ENV",
    "PLUGIN_API",
    "LoadedPlugins",
    "PluginRecord",
    "RequiredPluginError",
    "api_problem",
    "check_required",
    "installed_plugins",
    "load_plugins",
]

ENTRY_POINT_GROUP = "invitecore"
LOAD_ENV = "INVITECORE_LOAD_PLUGINS"
Status = Literal["active", "disabled", "failed", "incompatible"]

PLUGIN_API = (1, 0)
"""The plugin API this invitecore provides: the major number changes when a hook, a value
object's field or a documented behaviour plugins rely on changes incompatibly; the minor when
something is added (a hook, a field with a default)."""

API_ATTRIBUTE = "INVITECORE_API"
"""The module attribute in which a plugin states the plugin API range it supports."""

# The core's own behaviour (built-in formats, core rules) ships as ordinary plugins, registered
# before third-party ones and listed by `invitecore plugins` like any other.
INTERNAL_PLUGINS: tuple[tuple[str, str], ...] = (("invitecore.core", "invitecore.builtin.plugin"),)


@attrs.frozen(kw_only=True)
class PluginRecord:
    """What ``invitecore plugins`` shows about one plugin."""

    name: str
    distribution: str | None = None
    version: str | None = None
    entry_point: str | None = None
    status: Status = "active"
    reason: str | None = None
    hooks: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    internal: bool = False
    local: bool = False
    api: str | None = None

    @property
    def label(self) -> str:
        """``distribution[entry point]`` as users see it in error messages."""
        if self.distribution:
            return f"{self.distribution}[{self.name}]"
        return self.name


@attrs.frozen(kw_only=True)
class LoadedPlugins:
    """The result of loading: the plugin manager and what each plugin contributed."""

    manager: pluggy.PluginManager
    records: tuple[PluginRecord, ...]
    rules: Mapping[str, tuple[Rule, str]]
    settings: Mapping[str, Mapping[str, Setting]]
    formats: Mapping[str, OutputFormat]

    @property
    def failed(self) -> tuple[PluginRecord, ...]:
        """Plugins that failed to load, or were not loaded because they do not support this
        invitecore's plugin API (``incompatible``): installed, and not working."""
        return tuple(r for r in self.records if r.status in ("failed", "incompatible"))

    def record(self, name: str) -> PluginRecord | None:
        """The record of the plugin named ``name``, if there is one."""
        return next((r for r in self.records if r.name == name), None)

    @property
    def active_external(self) -> tuple[PluginRecord, ...]:
        """Active plugins outside the core that declare rules (the ones that judge cases)."""
        return tuple(r for r in self.records if r.status == "active" and not r.internal and r.rules)

    def rule_codes_of(self, plugin: str) -> frozenset[str]:
        """The rule codes ``plugin`` declared."""
        return frozenset(code for code, (_, owner) in self.rules.items() if owner == plugin)


def new_manager() -> pluggy.PluginManager:
    """A plugin manager that knows invitecore's hook specs."""
    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    return manager


def allow_list(environ: Mapping[str, str] | None = None) -> frozenset[str] | None:
    """The names ``INVITECORE_LOAD_PLUGINS`` allows, or None when it is unset (all allowed)."""
    value = (os.environ if environ is None else environ).get(LOAD_ENV)
    if value is None:
        return None
    return frozenset(name.strip() for name in value.split(",") if name.strip())


class _Failure(Exception):
    """A plugin problem, already phrased for the user."""


def _hook_names(manager: pluggy.PluginManager) -> list[str]:
    return [name for name in dir(manager.hook) if name.startswith("invitecore_")]


def _check_hooks(manager: pluggy.PluginManager, plugin: object) -> tuple[str, ...]:
    """Reject misspelled hooks before registering (pluggy would keep them as silent no-ops)."""
    known = _hook_names(manager)
    found = []
    # Every marked function counts, not only names with our prefix: a hookimpl named
    # `invitcore_rules` would otherwise be a silent no-op.
    for attribute in dir(plugin):
        if attribute.startswith("__") or manager.parse_hookimpl_opts(plugin, attribute) is None:
            continue
        if attribute not in known:
            raise _Failure(f"unknown hook {attribute!r}{did_you_mean(attribute, known)}")
        found.append(attribute)
    return tuple(sorted(found))


def _check_no_wrappers(manager: pluggy.PluginManager, plugin: object) -> None:
    """Refuse hook wrappers: the core calls each plugin's implementation on its own (see
    :mod:`invitecore.hookcalls`), so a wrapper would never wrap anything."""
    for hook in _hook_names(manager):
        for impl in getattr(manager.hook, hook).get_hookimpls():
            if impl.plugin is plugin and (impl.hookwrapper or getattr(impl, "wrapper", False)):
                raise _Failure(
                    f"{hook} is a hook wrapper; invitecore calls each plugin on its own and "
                    "does not support wrappers (drop wrapper=True / hookwrapper=True)"
                )


def _call_own(manager: pluggy.PluginManager, plugin: object, hook: str) -> list[Any]:
    """Call one plugin's own implementation of a declaration hook (which takes no arguments);
    what it returned, as a list."""
    from invitecore.tracing import traced

    results: list[Any] = []
    for impl in traced(implementations(manager, hook, {}, plugin=plugin)):
        results.extend(impl.call({}))
    return results


_CLAUSE = re.compile(r"\s*(>=|<=|==|!=|<|>)?\s*(\d+(?:\.\d+)*)\s*")
_COMPARE = {
    ">=": operator.ge,
    "<=": operator.le,
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    ">": operator.gt,
}


def _version(text: str) -> tuple[int, ...]:
    parts = [int(part) for part in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def api_problem(stated: object, provided: tuple[int, ...] = PLUGIN_API) -> str | None:
    """Why a plugin stating ``stated`` (``">=1.0,<2"``: comparisons joined by commas, a bare
    version meaning ``==``) cannot run on plugin API ``provided``; None when it can.

    :raises ValueError: ``stated`` is not such a range.
    """
    if not isinstance(stated, str) or not stated.strip():
        raise ValueError(f"{API_ATTRIBUTE} must be a version range such as '>=1.0,<2'")
    have = _version(".".join(map(str, provided)))
    for clause in stated.split(","):
        match = _CLAUSE.fullmatch(clause)
        if match is None:
            raise ValueError(
                f"{API_ATTRIBUTE} = {stated!r}: {clause.strip()!r} is not a comparison such as "
                "'>=1.0' or '<2'"
            )
        compare = _COMPARE[match.group(1) or "=="]
        if not compare(have, _version(match.group(2))):
            shown = ".".join(map(str, provided))
            return f"supports the plugin API {stated}; this invitecore provides {shown}"
    return None


class _Incompatible(Exception):
    """The plugin states an API range that leaves this invitecore out."""


class _Loader:
    def __init__(self) -> None:
        self.manager = new_manager()
        self.records: list[PluginRecord] = []
        self.rules: dict[str, tuple[Rule, str]] = {}
        self.settings: dict[str, dict[str, Setting]] = {}
        self.formats: dict[str, OutputFormat] = {}

    def add(self, name: str, plugin: object, record: PluginRecord) -> None:
        """Register ``plugin`` under ``name``; record it as active or failed, never raise."""
        stated = getattr(plugin, API_ATTRIBUTE, None)
        if stated is not None:
            record = attrs.evolve(record, api=str(stated))
        try:
            if stated is not None:
                try:
                    problem = api_problem(stated)
                except ValueError as exc:
                    raise _Failure(str(exc)) from None
                if problem is not None:
                    raise _Incompatible(problem)
            if self.manager.has_plugin(name):
                raise _Failure(f"another plugin is already registered as {name!r}")
            hooks = _check_hooks(self.manager, plugin)
            try:
                self.manager.register(plugin, name=name)
            except pluggy.PluginValidationError as exc:
                raise _Failure(str(exc).replace("\n", " ")) from None
            try:
                _check_no_wrappers(self.manager, plugin)
                rules, settings, formats = self._declarations(name, plugin)
            except BaseException:
                self.manager.unregister(plugin)
                raise
        except _Incompatible as exc:
            self.records.append(attrs.evolve(record, status="incompatible", reason=str(exc)))
            return
        except _Failure as exc:
            self.records.append(attrs.evolve(record, status="failed", reason=str(exc)))
            return
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"
            self.records.append(attrs.evolve(record, status="failed", reason=reason))
            return
        for rule in rules:
            self.rules[rule.code] = (rule, name)
        self.settings[name] = {s.name: s for s in settings}
        for fmt in formats:
            self.formats[fmt.name] = attrs.evolve(fmt, plugin=name)
        self.records.append(
            attrs.evolve(record, hooks=hooks, rules=tuple(sorted(r.code for r in rules)))
        )

    def _declarations(
        self, name: str, plugin: object
    ) -> tuple[list[Rule], list[Setting], list[OutputFormat]]:
        rules = _call_own(self.manager, plugin, "invitecore_rules")
        seen: set[str] = set()
        for rule in rules:
            if not isinstance(rule, Rule):
                raise _Failure(f"invitecore_rules returned {type(rule).__name__}, expected Rule")
            if rule.code in self.rules:
                raise _Failure(
                    f"rule code {rule.code} is declared by both {self.rules[rule.code][1]!r}"
                    f" and {name!r}"
                )
            if rule.code in seen:
                raise _Failure(f"rule code {rule.code} is declared twice")
            seen.add(rule.code)
        settings = _call_own(self.manager, plugin, "invitecore_settings")
        for setting in settings:
            if not isinstance(setting, Setting):
                raise _Failure(
                    f"invitecore_settings returned {type(setting).__name__}, expected Setting"
                )
        formats = _call_own(self.manager, plugin, "invitecore_output_formats")
        for fmt in formats:
            if not isinstance(fmt, OutputFormat):
                raise _Failure(
                    f"invitecore_output_formats returned {type(fmt).__name__},"
                    " expected OutputFormat"
                )
            if fmt.name in self.formats:
                raise _Failure(
                    f"output format {fmt.name!r} is offered by both "
                    f"{self.formats[fmt.name].plugin!r} and {name!r}"
                )
        return rules, settings, formats

    def result(self) -> LoadedPlugins:
        return LoadedPlugins(
            manager=self.manager,
            records=tuple(self.records),
            rules=dict(self.rules),
            settings={k: dict(v) for k, v in self.settings.items()},
            formats=dict(self.formats),
        )


def _distribution(entry_point: importlib.metadata.EntryPoint) -> tuple[str | None, str | None]:
    dist = getattr(entry_point, "dist", None)
    if dist is None:
        return None, None
    return dist.metadata["Name"], dist.version


def _load_internal(loader: _Loader) -> None:
    import importlib

    from invitecore import __version__

    for name, module_name in INTERNAL_PLUGINS:
        module = importlib.import_module(module_name)
        record = PluginRecord(
            name=name,
            distribution="invitecore",
            version=__version__,
            entry_point=module_name,
            internal=True,
        )
        loader.add(name, module, record)


def entry_points() -> list[importlib.metadata.EntryPoint]:
    """The installed entry points of the ``invitecore`` group, in a stable order."""
    found = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    unique = {ep.name: ep for ep in found}
    return [unique[name] for name in sorted(unique)]


def _local_module(spec: str) -> tuple[str, object]:
    """Import a local plugin: a ``.py`` file by path, or a module by dotted name from the current
    directory (the project) or the path. Returns its plugin name and the module."""
    if spec.endswith(".py") or os.sep in spec or "/" in spec:
        path = os.path.abspath(spec)
        name = os.path.splitext(os.path.basename(path))[0]
        if not os.path.isfile(path):
            raise _Failure(f"no such file: {spec}")
        module_spec = importlib.util.spec_from_file_location(name, path)
        if module_spec is None or module_spec.loader is None:
            raise _Failure(f"cannot import {spec}")
        module = importlib.util.module_from_spec(module_spec)
        sys.modules[name] = module
        try:
            module_spec.loader.exec_module(module)
        except BaseException:
            sys.modules.pop(name, None)
            raise
        return name, module
    here = os.getcwd()
    if here not in sys.path and "" not in sys.path:
        sys.path.insert(0, here)
    return spec.rsplit(".", 1)[-1], importlib.import_module(spec)


def _load_local(loader: _Loader, local: Sequence[str]) -> None:
    for spec in local:
        record = PluginRecord(name=spec, entry_point=spec, local=True)
        try:
            name, module = _local_module(spec)
        except _Failure as exc:
            loader.records.append(attrs.evolve(record, status="failed", reason=str(exc)))
            continue
        except Exception as exc:
            reason = f"import failed: {type(exc).__name__}: {exc}"
            loader.records.append(attrs.evolve(record, status="failed", reason=reason))
            continue
        loader.add(name, module, attrs.evolve(record, name=name))


def load_plugins(
    *,
    disable: Sequence[str] = (),
    plugins: Iterable[tuple[str, object]] | None = None,
    environ: Mapping[str, str] | None = None,
    local: Sequence[str] = (),
) -> LoadedPlugins:
    """Load the internal plugins, then either ``plugins`` or the installed entry points, then
    the ``local`` ones.

    :param disable: entry-point names to leave out (the config's ``disable`` list).
    :param plugins: ``(name, module_or_object)`` pairs to register instead of discovering entry
        points (tests and embedding tools); ``INVITECORE_LOAD_PLUGINS`` does not apply to them.
    :param environ: the environment to read ``INVITECORE_LOAD_PLUGINS`` from (default os.environ).
    :param local: local plugins as ``invitecore run -p`` names them: a ``.py`` file, or a module
        importable from the current directory; each is named after its module (``my_rules``).
        Neither ``disable`` nor ``INVITECORE_LOAD_PLUGINS`` applies: they were asked for.
    """
    loader = _Loader()
    _load_internal(loader)
    disabled = set(disable)
    if plugins is not None:
        for name, plugin in plugins:
            record = PluginRecord(name=name, entry_point=getattr(plugin, "__name__", None))
            if name in disabled:
                loader.records.append(
                    attrs.evolve(record, status="disabled", reason="disabled in config")
                )
            else:
                loader.add(name, plugin, record)
        _load_local(loader, local)
        return loader.result()
    allowed = allow_list(environ)
    for entry_point in entry_points():
        distribution, version = _distribution(entry_point)
        record = PluginRecord(
            name=entry_point.name,
            distribution=distribution,
            version=version,
            entry_point=entry_point.value,
        )
        if allowed is not None and entry_point.name not in allowed:
            loader.records.append(
                attrs.evolve(record, status="disabled", reason=f"not in {LOAD_ENV}")
            )
            continue
        if entry_point.name in disabled:
            loader.records.append(
                attrs.evolve(record, status="disabled", reason="disabled in config")
            )
            continue
        try:
            plugin = entry_point.load()
        except (Exception, SystemExit) as exc:  # a plugin that exits on import fails alone
            reason = f"import failed: {type(exc).__name__}: {exc}"
            loader.records.append(attrs.evolve(record, status="failed", reason=reason))
            continue
        loader.add(entry_point.name, plugin, record)
    _load_local(loader, local)
    return loader.result()


class RequiredPluginError(InvitecoreError):
    """A plugin the config's ``require-plugins`` names is not active: the run stops before the
    first case (exit 3, like a plugin that fails to load under ``--strict``), since its results
    would silently differ from the ones the config was written for."""

    exit_code = 3


def check_required(
    loaded: LoadedPlugins, required: Sequence[str], *, where: str | None = None
) -> None:
    """Raise :class:`RequiredPluginError` unless every plugin in ``required`` is active.

    :param where: where the list is written (``invitecore.toml:3``), for the message.
    """
    problems = []
    for name in required:
        record = loaded.record(name)
        if record is None:
            known = [r.name for r in loaded.records if not r.internal]
            problems.append(f"{name!r} is not installed{did_you_mean(name, known)}")
        elif record.status != "active":
            reason = f": {record.reason}" if record.reason else ""
            problems.append(f"{record.label} is {record.status}{reason}")
    if problems:
        prefix = f"{where}: " if where else ""
        raise RequiredPluginError(f"{prefix}require-plugins: plugin " + "; plugin ".join(problems))


def plugin_name_for(module: ModuleType | object) -> str:
    """The entry-point name a module is installed under, else its dotted name."""
    module_name = getattr(module, "__name__", type(module).__name__)
    for entry_point in entry_points():
        if entry_point.value.split(":")[0] == module_name:
            return entry_point.name
    return module_name


@functools.lru_cache(maxsize=8)
def installed_plugins(
    disable: tuple[str, ...], allowed: frozenset[str] | None, local: tuple[str, ...] = ()
) -> LoadedPlugins:
    """The installed plugins, minus ``disable``, limited to ``allowed`` (None: all), with the
    ``local`` ones (``-p``), loaded once per process for each such triple (importing plugins is
    the slow part of start-up).

    ``installed_plugins.cache_clear()`` makes the next call discover them again (after
    installing a plugin while a process runs, say).
    """
    environ = {} if allowed is None else {LOAD_ENV: ",".join(sorted(allowed))}
    return load_plugins(disable=disable, environ=environ, local=local)
