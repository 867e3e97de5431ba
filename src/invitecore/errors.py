"""User-facing errors: each renders as one line naming the file, line, column and field.

A message quotes a user's value with :func:`quote` (a short, marked excerpt, never the whole
value) and shows names it did not write itself (file names, keys) through :func:`printable`, so
that one line stays one line, holds nothing a terminal would act on, and copies no more of a
stranger's data into a log than it needs.
"""

from __future__ import annotations

import reprlib

__all__ = [
    "EXCERPT",
    "ConfigError",
    "InputError",
    "InvitecoreError",
    "OutputError",
    "PluginFailure",
    "PluginLoadError",
    "Terminated",
    "UsageError",
    "WorkerError",
    "printable",
    "quote",
]

EXCERPT = 40
"""Characters of a value an error message quotes; the rest is left out, and the length said."""
MESSAGE_LIMIT = 500
"""Characters of one message at most: the last guard against copying a whole value."""

_repr = reprlib.Repr()
_repr.maxlevel = 3
_repr.maxstring = EXCERPT
_repr.maxother = EXCERPT
_repr.maxlong = EXCERPT
for _name in ("maxlist", "maxtuple", "maxdict", "maxset", "maxfrozenset", "maxdeque", "maxarray"):
    setattr(_repr, _name, 4)


def quote(value: object) -> str:
    """``value`` as a message quotes it: its ``repr`` (control characters and lone surrogates
    escaped), at most about :data:`EXCERPT` characters of it, with the length of what was left
    out. ``'Ada'``; ``'aaaa...' (2,000,000 characters)``; ``a whole number of 4,301 digits``."""
    if isinstance(value, str):
        if len(value) <= EXCERPT:
            return repr(value)
        return f"{value[:EXCERPT]!r}... ({len(value):,} characters)"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        # repr() of an int of more than 4,300 digits raises; its length is what matters.
        digits = int(value.bit_length() * 0.30103) + 1
        return f"a whole number of about {digits:,} digits"
    try:
        text = _repr.repr(value)
    except Exception:  # an object whose repr raises (a plugin's)
        return f"<{type(value).__name__}>"
    return text if len(text) <= 2 * EXCERPT else text[: 2 * EXCERPT] + "..."


def printable(text: str, limit: int | None = None) -> str:
    """``text`` with every character a terminal could act on or a log line break on (control
    characters, line breaks, lone surrogates, bidirectional overrides) shown as its escape,
    and cut to ``limit`` characters (marked ``...``) when one is given."""
    if limit is not None and len(text) > limit:
        text = text[:limit] + "..."
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived: unwinds like Ctrl-C (temporary files removed, no plugin can
    catch it), and the command exits with ``128 + signum`` as a process killed by it would."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class InvitecoreError(Exception):
    """Base of the errors the CLI reports as one line and exit code 2 (3 for plugins)."""

    exit_code = 2


def _where(file: str | None, line: int | None, column: int | None) -> str:
    parts = [file or "<input>"]
    if line is not None:
        parts.append(str(line))
        if column is not None:
            parts.append(str(column))
    return ":".join(parts)


class InputError(InvitecoreError):
    """A case or row that cannot be read: bad syntax, a wrong type, an unknown value.

    ``str()`` gives ``file:line[:column]: field: message``. ``name`` is who the row is about,
    when its name column could be read although another could not, so a report can say who.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
        name: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.name = name
        super().__init__(str(self))

    def __reduce__(self) -> tuple[object, ...]:
        # Exceptions pickle as cls(*args); keep the keyword fields so errors cross processes.
        return (
            _rebuild,
            (type(self), self.message, self.file, self.line, self.column, self.field, self.name),
        )

    def __str__(self) -> str:
        where = printable(_where(self.file, self.line, self.column))
        message = printable(self.message, MESSAGE_LIMIT)
        if self.field:
            return f"{where}: {printable(self.field, EXCERPT * 2)}: {message}"
        return f"{where}: {message}"


def _rebuild(
    cls: type[InputError],
    message: str,
    file: str | None,
    line: int | None,
    column: int | None,
    field: str | None,
    name: str | None = None,
) -> InputError:
    return cls(message, file=file, line=line, column=column, field=field, name=name)


class ConfigError(InputError):
    """A config file that does not fit: unknown key, wrong type, bad value."""


class UsageError(InvitecoreError):
    """A command-line mistake the parser could not catch (an unknown format name, say)."""


class OutputError(InvitecoreError):
    """The report could not be written (a full disk, a closed standard output)."""


class PluginFailure(InvitecoreError):
    """A plugin failed where the run cannot go on without it (the output format it offers)."""

    exit_code = 3


class PluginLoadError(InvitecoreError):
    """A plugin failed and ``--strict`` asks for that to be fatal."""

    exit_code = 3


class WorkerError(InvitecoreError):
    """A worker process of a parallel run (``--jobs``) stopped without finishing its rows."""

    exit_code = 3
