"""Calling plugins' hook implementations: the one place the core calls plugin code.

invitecore does not call hooks through ``pm.hook.<name>(...)``: pluggy stops a hook call at the
first exception, and the core must isolate each plugin, attribute what it returned, and hand it
its own settings. :class:`Implementation` calls one plugin's implementation of one hook with the
arguments it names (``settings`` is the plugin's own), and :func:`collect` calls several, turning
an exception or a return of the wrong type into a :class:`~invitecore.models.PluginError` for
that plugin while the others go on.

Whatever a plugin raises is contained: ``SystemExit``, a bare ``BaseException``, an exception
whose ``str()`` itself raises. Only ``KeyboardInterrupt`` (Ctrl-C, and
:class:`~invitecore.errors.Terminated` for SIGTERM and SIGHUP) goes through, so the user can
always stop a run.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs
import pluggy

from invitecore.errors import printable
from invitecore.models import PluginError
from invitecore.settings import Settings

__all__ = [
    "ITEM_LIMIT",
    "Implementation",
    "PluginRaised",
    "collect",
    "describe",
    "implementations",
    "plain",
]

T = TypeVar("T")

ITEM_LIMIT = 10_000
"""Items one call of one hook may return; more is a plugin error (an endless generator)."""
DESCRIBE_LIMIT = 300  # characters of an exception's message kept in a PluginError


class PluginRaised(Exception):
    """A plugin raised something that is not an :class:`Exception` (``SystemExit``, a bare
    ``BaseException``): carried on as an ordinary exception, so every ``except Exception`` that
    isolates plugins contains it. ``describe`` names the original."""

    def __init__(self, original: BaseException) -> None:
        super().__init__(describe(original))
        self.original = original


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
        list of one. Raises whatever the implementation raises (a ``BaseException`` that is not
        an ``Exception`` as :class:`PluginRaised`, ``KeyboardInterrupt`` as it is), and
        ``ValueError`` when it returns more than :data:`ITEM_LIMIT` items.
        """
        settings = self.settings
        try:
            returned = self.function(
                **{
                    name: settings if name == "settings" else arguments[name]
                    for name in self.argnames
                }
            )
            if returned is None:
                return []
            if isinstance(returned, (list, tuple)):
                items = list(returned)
            elif isinstance(returned, Iterable) and not isinstance(
                returned, (str, bytes, Mapping)
            ):
                # A generator runs here: its body is the plugin's code too.
                items = list(itertools.islice(returned, ITEM_LIMIT + 1))
            else:
                return [returned]
        except (Exception, KeyboardInterrupt):
            raise
        except BaseException as exc:
            raise PluginRaised(exc) from exc
        if len(items) > ITEM_LIMIT:
            raise ValueError(f"returned more than {ITEM_LIMIT:,} items from one call")
        return items


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
    """An exception as one line: its type and the first line of its message (at most
    300 characters of it, control characters escaped). Never raises, even for an exception
    whose ``str()`` does."""
    if isinstance(exc, PluginRaised):
        return str(exc)
    name = printable(type(exc).__name__, 100)
    try:
        text = str(exc)
    except KeyboardInterrupt:
        raise
    except BaseException:  # a __str__ that raises, or returns something that is not text
        return f"{name}: <the message could not be shown: its str() raised>"
    lines = text.strip().splitlines()
    return f"{name}: {printable(lines[0], DESCRIBE_LIMIT)}" if lines else name


def plain(item: Any, expected: type[Any] | tuple[type, ...]) -> Any:
    """``item`` as an object of exactly ``expected`` when it is an attrs subclass instance (a
    ``Finding`` subclass a plugin defined): a copy holding the same field values. Results then
    hold only the core's own types, which every process can unpickle and every format
    knows. Anything else (or when ``expected`` is several types) is returned as it is."""
    if type(item) is expected or not isinstance(expected, type) or not attrs.has(expected):
        return item
    return expected(
        **{field.alias: getattr(item, field.name) for field in attrs.fields(expected) if field.init}
    )


def _unexpected(item: object, expected: type | tuple[type, ...]) -> str:
    names = expected.__name__ if isinstance(expected, type) else " or ".join(
        kind.__name__ for kind in expected
    )
    return f"returned {printable(type(item).__name__, 100)}, expected {names}"


def collect(
    impls: Iterable[Implementation],
    arguments: Mapping[str, Any],
    expected: type[T] | tuple[type, ...],
    errors: list[PluginError],
) -> list[tuple[Implementation, T]]:
    """Call each implementation; keep what it returned that is ``expected``.

    An implementation that raises, or returns something that is not ``expected``, adds a
    :class:`PluginError` to ``errors`` and contributes nothing else from that call; the other
    implementations are called as usual. Items come back with the implementation that returned
    them, in call order.
    """
    collected: list[tuple[Implementation, T]] = []
    for impl in impls:
        try:
            items = impl.call(arguments)
        except Exception as exc:  # a plugin's bug must not cost the other plugins' output
            errors.append(PluginError(plugin=impl.plugin, hook=impl.hook, message=describe(exc)))
            continue
        kept: list[tuple[Implementation, T]] = []
        try:
            for item in items:
                # isinstance runs a plugin's code for a Protocol (its attributes) or an odd
                # class (__class__, __instancecheck__): inside the try, like the call.
                if type(item) is expected:  # the usual case: exactly the core's own type
                    kept.append((impl, item))
                elif isinstance(item, expected):
                    kept.append((impl, plain(item, expected)))
                else:
                    message = _unexpected(item, expected)
                    errors.append(PluginError(plugin=impl.plugin, hook=impl.hook, message=message))
        except KeyboardInterrupt:
            raise
        except BaseException as exc:
            errors.append(PluginError(plugin=impl.plugin, hook=impl.hook, message=describe(exc)))
            continue
        collected.extend(kept)
    return collected
