"""User-facing errors: each renders as one line naming the file, line, column and field."""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "InputError",
    "InvitecoreError",
    "PluginLoadError",
    "UsageError",
    "WorkerError",
]


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
        where = _where(self.file, self.line, self.column)
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


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


class PluginLoadError(InvitecoreError):
    """A plugin failed and ``--strict`` asks for that to be fatal."""

    exit_code = 3


class WorkerError(InvitecoreError):
    """A worker process of a parallel run (``--jobs``) stopped without finishing its rows."""

    exit_code = 3
