"""Building value objects from values already known to be valid (internal).

attrs' ``__init__`` runs every field's converter and validator. Where the core itself made the
values (a parallel worker's result) or has just checked their types (a reader's fast path), that
work can only return them unchanged, so these builders set the fields directly, as the
``__init__`` attrs generates does once its checks pass. Callers own the guarantee that the values
are valid; each use has a test holding it equal to the class's own constructor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["builder"]

T = TypeVar("T")


def builder(cls: type[T]) -> Callable[..., T]:
    """A function making a ``cls`` (a frozen attrs class) from all its field values.

    The values are given in field order or by field name (``builder(Risk)(score=0.0,
    level=RiskLevel.LOW, factors=())``); every field must be given, defaults are not filled in.
    Generated with every field spelled out, as attrs generates ``__init__``: a loop over the
    field names costs about twice as much, and these run several times per input row.
    """
    fields = [a.name for a in attrs.fields(cls)]  # type: ignore[arg-type]
    # ``self`` cannot be a field name (attrs' own __init__ takes it), so it cannot clash.
    body = "".join(f"    _set(self, {name!r}, {name})\n" for name in fields)
    source = f"def build({', '.join(fields)}):\n    self = _new(_cls)\n{body}    return self\n"
    namespace: dict[str, Any] = {"_new": object.__new__, "_set": object.__setattr__, "_cls": cls}
    exec(compile(source, f"<invitecore builder for {cls.__name__}>", "exec"), namespace)
    return namespace["build"]  # type: ignore[no-any-return]
