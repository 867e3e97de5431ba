"""Opening one input (a path, or ``-`` for standard input): its first bytes, its lines, its text.

Text is UTF-8, with or without a byte-order mark; a UTF-16 or UTF-32 byte-order mark (Excel's
"Unicode Text") selects that encoding instead. Line ends may be LF, CRLF or CR. A file whose
first block holds a NUL byte is not text (a binary file, or UTF-16 without a byte-order mark)
and is refused as a whole.

Each input is opened once. A regular file is read again from its start when its rows are
streamed (its first block was only read to detect the format), so a long list of files never
holds more than one open at a time; anything else (standard input, a pipe, a named FIFO,
``/dev/stdin``, a shell's ``<(...)``) can be read only once, and is streamed on from where the
first block ended.

Nothing is read without a bound. A line (a CSV record) holds at most :data:`RECORD_LIMIT`
characters: a longer one is read past in small pieces and comes out as :data:`LONG_LINE`, for
the reader to report as one error row. A whole-document input (a TOML case file, a JSON array,
a config file, a template) holds at most :data:`DOCUMENT_LIMIT` characters. An endless input
(``/dev/zero``, ``yes``) therefore costs bounded memory: rows are streamed as long as it goes on,
and a document stops with an error at the limit.

Undecodable bytes in a streamed file are kept as lone surrogates (as ``surrogateescape``
does, for UTF-16 and UTF-32 too: :data:`UNDECODABLE`) so the row they are in can be reported as
"not UTF-8 text" while the rest of the file is read; a document read whole with such bytes is
refused, naming the first line that holds one.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, BinaryIO

from invitecore.errors import InputError

__all__ = [
    "DOCUMENT_LIMIT",
    "HEAD_SIZE",
    "LONG_LINE",
    "RECORD_LIMIT",
    "STDIN",
    "STDIN_LABEL",
    "UNDECODABLE",
    "LongLine",
    "Opened",
    "long_line_message",
    "open_input",
    "read_text",
]

STDIN = "-"
STDIN_LABEL = "<stdin>"
HEAD_SIZE = 4096  # characters read up front to detect the format (completed to a line end)
RECORD_LIMIT = 8 * 1024 * 1024
"""Characters of one line, or of one CSV record with its quoted line breaks, at most (8 MiB:
thousands of times a LinkedIn profile)."""
DOCUMENT_LIMIT = 256 * 1024 * 1024
"""Characters of an input read whole (a case file, a JSON array, a config, a template) at most."""
_SKIP = 1 << 16  # characters read at a time while going past the rest of an over-long line


class LongLine(str):
    """Stands for a line longer than :data:`RECORD_LIMIT`, which was read past, not kept."""

    __slots__ = ()


LONG_LINE = LongLine()
"""What :meth:`Opened.lines` gives in place of a line longer than :data:`RECORD_LIMIT`."""

_SURROGATE = re.compile("[\ud800-\udfff]")


def _keep_undecodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(chr(0xDC00 + byte) for byte in bad), error.end


UNDECODABLE = "invitecore-undecodable"
"""The codec error handler inputs are decoded with: each byte a codec cannot decode becomes the
lone surrogate ``U+DC00 + byte``, as ``surrogateescape`` does for UTF-8, but for any codec
(``surrogateescape`` cannot hold a bad UTF-16 unit whose bytes are below 0x80)."""
codecs.register_error(UNDECODABLE, _keep_undecodable)


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB"


def long_line_message() -> str:
    """The error for a :data:`LONG_LINE`."""
    return f"the line is longer than {_size(RECORD_LIMIT)} ({RECORD_LIMIT:,} characters)"


def _fail(name: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file", file=name)
    if isinstance(exc, IsADirectoryError):
        return InputError("is a directory, not an input file", file=name)
    return InputError(f"cannot read: {exc.strerror or exc}", file=name)


def _encoding(binary: BinaryIO) -> str:
    """The codec for a binary stream, from its byte-order mark (which the codec then drops)."""
    peek = getattr(binary, "peek", None)
    first = peek(4)[:4] if peek is not None else b""
    if first.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8-sig"


def _text_stream(binary: BinaryIO) -> IO[str]:
    if not hasattr(binary, "peek"):
        binary = io.BufferedReader(binary)  # type: ignore[type-var]  # BytesIO: add peek()
    return io.TextIOWrapper(binary, encoding=_encoding(binary), errors=UNDECODABLE, newline="")


def _ended(line: str) -> bool:
    return line[-1] in "\n\r"


def _read_head(stream: IO[str]) -> str:
    head = stream.read(HEAD_SIZE)
    if head and not _ended(head):
        head += stream.readline(RECORD_LIMIT + 1)
    return head


def _check_head(head: str, name: str) -> None:
    if "\x00" in head:
        raise InputError(
            "not a text file: it holds NUL bytes (a binary file, or UTF-16 text without a "
            "byte-order mark: save it as UTF-8)",
            file=name,
        )


def _skip_rest(stream: IO[str]) -> None:
    while True:
        rest = stream.readline(_SKIP)
        if not rest or _ended(rest):
            return


def _lines(head: str, stream: IO[str]) -> Iterator[str]:
    """``head``'s lines, then the rest of ``stream``'s, each at most :data:`RECORD_LIMIT`
    characters and its line end; :data:`LONG_LINE` for each longer one."""
    for line in io.StringIO(head, newline=""):
        if not _ended(line):  # the head's last line, cut short at the limit (or the end)
            line += stream.readline(max(RECORD_LIMIT + 1 - len(line), 1))
        if len(line) > RECORD_LIMIT and not _ended(line):
            _skip_rest(stream)
            yield LONG_LINE
        else:
            yield line
    readline = stream.readline
    while True:
        line = readline(RECORD_LIMIT + 1)
        if not line:
            return
        if len(line) > RECORD_LIMIT and not _ended(line):
            _skip_rest(stream)
            yield LONG_LINE
        else:
            yield line


def _whole(stream: IO[str], name: str, already: str = "") -> str:
    """The rest of ``stream`` after ``already``, as one text: bounded, UTF-8, LF line ends."""
    text = already
    if len(text) < HEAD_SIZE:  # a binary file is refused on its first block, not read whole
        text += stream.read(HEAD_SIZE - len(text))
    _check_head(text[:HEAD_SIZE], name)
    text += stream.read(DOCUMENT_LIMIT + 1 - len(text))
    if len(text) > DOCUMENT_LIMIT:
        raise InputError(
            f"larger than {_size(DOCUMENT_LIMIT)}, the most invitecore reads whole (lists of "
            "prospects can be any length as JSON Lines or CSV, which are streamed)",
            file=name,
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _SURROGATE.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        raise InputError("not UTF-8 text", file=name, line=line)
    return text


def read_text(path: str | os.PathLike[str], *, name: str | None = None) -> str:
    """A whole file as text (a config file, a template): decoded as :mod:`this module
    <invitecore.inputs.sources>` describes, LF line ends, at most :data:`DOCUMENT_LIMIT`.

    :raises InputError: naming ``name`` (default: the path) when the file does not exist,
        cannot be read, is not text, or is too large.
    """
    shown = name or os.fspath(path)
    try:
        with _text_stream(open(path, "rb")) as stream:
            return _whole(stream, shown)
    except OSError as exc:
        raise _fail(shown, exc) from None


class Opened:
    """One input, its head already read. ``lines()`` and ``text()`` may be called once.

    :param path: the file for a regular file, read again from its start for ``lines()`` and
        ``text()``; None for a stream (standard input, a pipe), read on from the head.
    :param suffixed: whether ``name`` is a path whose extension may tell the format (every
        input but standard input).
    """

    def __init__(
        self,
        name: str,
        head: str,
        path: Path | None,
        stream: IO[str] | None,
        *,
        suffixed: bool | None = None,
    ) -> None:
        self.name = name
        self.head = head
        self.path = path
        self.suffixed = path is not None if suffixed is None else suffixed
        self._stream = stream

    def lines(self, *, csv: bool = False) -> Iterator[str]:
        """The input's lines, lazily, line ends kept (quoted CSV cells may hold line breaks):
        each at most :data:`RECORD_LIMIT` characters, :data:`LONG_LINE` for a longer one.

        ``csv`` is accepted for compatibility; lines are the same either way.
        """
        if self.path is None:
            assert self._stream is not None
            return _lines(self.head, self._stream)
        return self._file_lines(self.path, self.name)

    @staticmethod
    def _file_lines(path: Path, name: str) -> Iterator[str]:
        try:
            stream = _text_stream(open(path, "rb"))  # noqa: SIM115
        except OSError as exc:
            raise _fail(name, exc) from None
        with stream:
            yield from _lines("", stream)

    def text(self) -> str:
        """The whole input as text (whole-document formats: TOML, a JSON document).

        :raises InputError: when the input cannot be read, is not UTF-8 or is too large.
        """
        if self.path is None:
            assert self._stream is not None
            return _whole(self._stream, self.name, self.head)
        return read_text(self.path, name=self.name)


def open_input(name: str, stdin: IO[str] | None) -> Opened:
    """Open ``name`` (``-`` is ``stdin``) and read its head.

    :raises InputError: when the input does not exist, cannot be read or is not text.
    """
    if name == STDIN:
        if stdin is None:
            raise InputError("standard input is closed", file=STDIN_LABEL)
        binary = getattr(stdin, "buffer", None)
        stream = stdin if binary is None else _text_stream(binary)
        head = _read_head(stream).removeprefix("\ufeff")
        _check_head(head, STDIN_LABEL)
        return Opened(STDIN_LABEL, head, None, stream, suffixed=False)
    path = Path(name)
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(name)
        handle = open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise _fail(name, exc) from None
    stream = _text_stream(handle)
    try:
        head = _read_head(stream)
        _check_head(head, name)
    except OSError as exc:
        stream.close()
        raise _fail(name, exc) from None
    except BaseException:
        stream.close()
        raise
    if stat.S_ISREG(mode):
        stream.close()  # read again from the start when the rows are streamed
        return Opened(name, head, path, None)
    # A pipe, a FIFO, a device: it cannot be read twice, so it is streamed on from here.
    return Opened(name, head, None, stream, suffixed=True)
