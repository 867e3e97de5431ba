"""Opening one input (a path, or ``-`` for standard input): its first bytes, its lines, its text.

Files are UTF-8 with or without a BOM, CRLF or LF. Row formats are streamed line by line and
never held whole; a file is opened only when the stream reaches it. Standard input is streamed
too (after the first block, read to detect the format) except for whole-document formats.
Undecodable bytes in a streamed file are kept as lone surrogates (``surrogateescape``) so the
row they are in can be reported as "not UTF-8 text" while the rest of the file is read.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from invitecore.errors import InputError

__all__ = ["HEAD_SIZE", "STDIN", "STDIN_LABEL", "Opened", "open_input"]

STDIN = "-"
STDIN_LABEL = "<stdin>"
HEAD_SIZE = 4096  # characters read up front to detect the format (completed to a line end)


def _fail(path: Path, exc: OSError | UnicodeDecodeError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file", file=str(path))
    if isinstance(exc, IsADirectoryError):
        return InputError("is a directory, not an input file", file=str(path))
    if isinstance(exc, UnicodeDecodeError):
        return InputError(f"not UTF-8 text ({exc.reason})", file=str(path))
    return InputError(f"cannot read: {exc.strerror or exc}", file=str(path))


class Opened:
    """One input, its head already read. ``lines()`` and ``text()`` may be called once."""

    def __init__(self, name: str, head: str, path: Path | None, stream: IO[str] | None) -> None:
        self.name = name
        self.head = head
        self.path = path
        self._stream = stream

    def lines(self, *, csv: bool = False) -> Iterator[str]:
        """The input's lines, lazily; ``csv`` keeps line ends untranslated as the csv module
        wants (quoted cells may hold line breaks)."""
        if self.path is None:
            assert self._stream is not None
            return itertools.chain(io.StringIO(self.head), self._stream)
        return self._file_lines(self.path, "" if csv else None)

    @staticmethod
    def _file_lines(path: Path, newline: str | None) -> Iterator[str]:
        with path.open(encoding="utf-8-sig", errors="surrogateescape", newline=newline) as handle:
            yield from handle

    def text(self) -> str:
        """The whole input as text (whole-document formats: TOML, a JSON document).

        :raises InputError: when the file cannot be read or is not UTF-8.
        """
        if self.path is None:
            assert self._stream is not None
            return self.head + self._stream.read()
        try:
            return self.path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise _fail(self.path, exc) from None


def open_input(name: str, stdin: IO[str]) -> Opened:
    """Open ``name`` (``-`` is ``stdin``) and read its head.

    :raises InputError: when the file does not exist or cannot be read.
    """
    if name == STDIN:
        head = stdin.read(HEAD_SIZE)
        head += stdin.readline() if head and not head.endswith("\n") else ""
        return Opened(STDIN_LABEL, head.removeprefix("\ufeff"), None, stdin)
    path = Path(name)
    try:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            head = handle.read(HEAD_SIZE)
            if head and not head.endswith("\n"):
                head += handle.readline()
    except OSError as exc:
        raise _fail(path, exc) from None
    return Opened(name, head, path, None)
