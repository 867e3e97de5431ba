"""Finding and loading plugins, each on its own so one broken plugin never stops the others.

Finding (which entry points exist, which the user allowed) is separate from loading (importing
and registering one). Each entry point is imported, checked for misspelled hooks, registered and
asked for its rules, settings and formats inside its own ``try``; a failure marks that plugin
``failed`` with a one-line reason naming ``distribution[entry point]`` and the cause.

``INVITECORE_LOAD_PLUGINS`` restricts loading: unset loads all; empty loads none; otherwise a
comma-separated allow-list of entry-point names. The config's ``disable`` list removes more.
"""

from __future__ import annotations

import functools
import importlib.metadata
import os
from collections.abc import Iterable, Mapping, Sequence
from types import ModuleType
from typing import Any, Literal

import attrs
import pluggy

from invitecore import hookspecs
from invitecore._suggest import did_you_mean
from invitecore.hookcalls import implementations
from invitecore.models import Rule
from invitecore.output import OutputFormat
from invitecore.settings import Setting

__all__ = [
    "ENTRY_POINT_GROUP",
    "LOAD_ENV",
    "LoadedPlugins",
    "PluginRecord",
    "installed_plugins",
    "load_plugins",
]

ENTRY_POINT_GROUP = "invitecore"
LOAD_ENV = "INVITECORE_LOAD_PLUGINS"
Status = Literal["active", "disabled", "failed"]

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
        """Plugins that failed to load."""
        return tuple(r for r in self.records if r.status == "failed")

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
    results: list[Any] = []
    for impl in implementations(manager, hook, {}, plugin=plugin):
        results.extend(impl.call({}))
    return results


class _Loader:
    def __init__(self) -> None:
        self.manager = new_manager()
        self.records: list[PluginRecord] = []
        self.rules: dict[str, tuple[Rule, str]] = {}
        self.settings: dict[str, dict[str, Setting]] = {}
        self.formats: dict[str, OutputFormat] = {}

    def add(self, name: str, plugin: object, record: PluginRecord) -> None:
        """Register ``plugin`` under ``name``; record it as active or failed, never raise."""
        try:
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


def load_plugins(
    *,
    disable: Sequence[str] = (),
    plugins: Iterable[tuple[str, object]] | None = None,
    environ: Mapping[str, str] | None = None,
) -> LoadedPlugins:
    """Load the internal plugins and then either ``plugins`` or the installed entry points.

    :param disable: entry-point names to leave out (the config's ``disable`` list).
    :param plugins: ``(name, module_or_object)`` pairs to register instead of discovering entry
        points (tests and embedding tools); ``INVITECORE_LOAD_PLUGINS`` does not apply to them.
    :param environ: the environment to read ``INVITECORE_LOAD_PLUGINS`` from (default os.environ).
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
        except Exception as exc:
            reason = f"import failed: {type(exc).__name__}: {exc}"
            loader.records.append(attrs.evolve(record, status="failed", reason=reason))
            continue
        loader.add(entry_point.name, plugin, record)
    return loader.result()


def plugin_name_for(module: ModuleType | object) -> str:
    """The entry-point name a module is installed under, else its dotted name."""
    module_name = getattr(module, "__name__", type(module).__name__)
    for entry_point in entry_points():
        if entry_point.value.split(":")[0] == module_name:
            return entry_point.name
    return module_name


@functools.lru_cache(maxsize=8)
def installed_plugins(disable: tuple[str, ...], allowed: frozenset[str] | None) -> LoadedPlugins:
    """The installed plugins, minus ``disable``, limited to ``allowed`` (None: all), loaded once
    per process for each such pair (importing plugins is the slow part of start-up).

    ``installed_plugins.cache_clear()`` makes the next call discover them again (after
    installing a plugin while a process runs, say).
    """
    environ = {} if allowed is None else {LOAD_ENV: ",".join(sorted(allowed))}
    return load_plugins(disable=disable, environ=environ)
