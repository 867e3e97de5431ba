"""Tracing hook calls: ``INVITECORE_TRACE=1`` (or ``invitecore run --trace``) prints every call
of every plugin's hook implementation on stderr, with its plugin, duration and result count::

    invitecore: trace: lion.invitecore_profile_signals 0.041 ms -> 2
    invitecore: trace: spam-risk.invitecore_risk_factors 0.012 ms -> raised ValueError

Off, it costs nothing: the engine plans plain :class:`~invitecore.hookcalls.Implementation`
objects, and only when tracing is on does it plan :class:`TracedImplementation`, which times
each call. The switch is read when an engine (or a plugin set) is built, and is inherited by
the worker processes of a parallel run through the environment.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Mapping
from typing import Any

from invitecore.hookcalls import Implementation

__all__ = ["TRACE_ENV", "TracedImplementation", "enabled", "traced"]

TRACE_ENV = "INVITECORE_TRACE"


def enabled(environ: Mapping[str, str] | None = None) -> bool:
    """True when ``INVITECORE_TRACE`` is set to anything but empty, ``0``, ``false`` or ``no``."""
    value = (os.environ if environ is None else environ).get(TRACE_ENV, "")
    return value.strip().lower() not in ("", "0", "false", "no")


class TracedImplementation(Implementation):
    """An :class:`Implementation` that reports each call on stderr."""

    __slots__ = ()

    def call(self, arguments: Mapping[str, Any]) -> list[Any]:
        """Call it as :meth:`Implementation.call` does, and write one trace line."""
        start = time.perf_counter()
        try:
            items = super().call(arguments)
        except BaseException as exc:
            self._report(start, f"raised {type(exc).__name__}")
            raise
        self._report(start, str(len(items)))
        return items

    def _report(self, start: float, outcome: str) -> None:
        milliseconds = (time.perf_counter() - start) * 1000
        sys.stderr.write(
            f"invitecore: trace: {self.plugin}.{self.hook} {milliseconds:.3f} ms -> {outcome}\n"
        )


def traced(impls: Iterable[Implementation]) -> tuple[Implementation, ...]:
    """``impls`` as traced implementations when tracing is on; unchanged when it is off."""
    impls = tuple(impls)
    if not enabled():
        return impls
    return tuple(
        impl
        if isinstance(impl, TracedImplementation)
        else TracedImplementation(
            impl.plugin, impl.hook, impl.function, impl.argnames, impl.settings
        )
        for impl in impls
    )
