"""Calling plugins' hook implementations: the one place the core calls plugin code.

invitecore does not call hooks through ``pm.hook.<name>(...)``: pluggy stops a hook call at the
first exception, and the core must isolate each plugin, attribute what it returned, and hand it
its own settings. :class:`Implementation` calls one plugin's implementation of one hook with the
arguments it names (``settings`` is the plugin's own), and :func:`collect` calls several, turning
an exception or a return of the wrong type into a :class:`~invitecore.models.PluginError` for
that plugin while the others go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs
import pluggy

from invitecore.models import PluginError
from invitecore.settings import Settings

__all__ = ["Implementation", "collect", "describe", "implementations"]

T = TypeVar("T")


@attrs.frozen
class Implementation:
    """One plugin's implementation of one hook, with the settings it is given."""

    plugin: str
    hook: str
    function: Callable[..., Any]
    argnames: tuple[str, ...]
    settings: Settings

    def call(self, arguments: Mapping[str, Any]) -> list[Any]:
        """Call it with the ``arguments`` it names, by name; return what it returned as a list.

        None is an empty list; a single value object (anything that is not an iterable) is a
        list of one. Raises whatever the implementation raises.
        """
        settings = self.settings
        returned = self.function(
            **{
                name: settings if name == "settings" else arguments[name]
                for name in self.argnames
            }
        )
        if returned is None:
            return []
        if isinstance(returned, (list, tuple)):
            return list(returned)
        if isinstance(returned, Iterable) and not isinstance(returned, (str, bytes, Mapping)):
            return list(returned)
        return [returned]


def implementations(
    manager: pluggy.PluginManager,
    hook: str,
    settings: Mapping[str, Settings],
    *,
    plugin: object | None = None,
) -> tuple[Implementation, ...]:
    """Every implementation of ``hook``, in the order pluggy would call them; only ``plugin``'s
    when one is given. Each gets ``settings[name]`` for its plugin (empty when missing)."""
    found = []
    # pluggy calls later-registered implementations first (tryfirst and trylast respected).
    for impl in reversed(getattr(manager.hook, hook).get_hookimpls()):
        if plugin is not None and impl.plugin is not plugin:
            continue
        found.append(
            Implementation(
                plugin=impl.plugin_name,
                hook=hook,
                function=impl.function,
                argnames=tuple(impl.argnames),
                settings=settings.get(impl.plugin_name) or Settings(),
            )
        )
    return tuple(found)


def describe(exc: BaseException) -> str:
    """An exception as one line: its type and the first line of its message."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def collect(
    impls: Iterable[Implementation],
    arguments: Mapping[str, Any],
    expected: type[T] | tuple[type, ...],
    errors: list[PluginError],
    *,
    accept: Callable[[Implementation, Any], str | None] | None = None,
) -> list[tuple[Implementation, T]]:
    """Call each implementation; keep what it returned that is ``expected``.

    An implementation that raises, or returns something that is not ``expected`` (or that
    ``accept`` refuses: it returns the reason), adds a :class:`PluginError` to ``errors`` and
    contributes nothing else from that call; the other implementations are called as usual.
    Items come back with the implementation that returned them, in call order.
    """
    collected: list[tuple[Implementation, T]] = []
    names = expected.__name__ if isinstance(expected, type) else " or ".join(
        kind.__name__ for kind in expected
    )
    for impl in impls:
        try:
            items = impl.call(arguments)
        except Exception as exc:  # a plugin's bug must not cost the other plugins' output
            errors.append(PluginError(plugin=impl.plugin, hook=impl.hook, message=describe(exc)))
            continue
        for item in items:
            reason = (
                None
                if isinstance(item, expected)
                else f"returned {type(item).__name__}, expected {names}"
            )
            if reason is None and accept is not None:
                reason = accept(impl, item)
            if reason is None:
                collected.append((impl, item))
            elif reason:
                errors.append(PluginError(plugin=impl.plugin, hook=impl.hook, message=reason))
    return collected
