"""Where a note's text stands in the file it came from, so a finding can point at a line and
column (``case.toml:13:9``), as linters do.

A note read from a case file is the value of a string literal in that file; a note built from a
template is the template's literal text with the placeholders filled in. A :class:`TextOrigin`
maps every offset of the note to the 1-based line and column of the file character it came
from (for a filled-in placeholder, the placeholder's ``{``). Readers attach one to
``Invitation.note_origin`` when they can; notes from CSV cells, JSON Lines rows or ``--note``
have none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

import attrs

__all__ = ["LineColumns", "Run", "TextOrigin", "literal_origin", "position_in", "runs_of"]

Run = tuple[int, int, int, int, int]
"""``(start, end, line, column, step)``: note offsets ``start`` to ``end`` come from ``line``,
starting at ``column``; ``step`` is 1 when they were copied character by character and 0 when
they all stand for one place (a placeholder)."""


@attrs.frozen(kw_only=True)
class TextOrigin:
    """Where each part of a note comes from in ``file`` (see the module docstring)."""

    file: str
    runs: tuple[Run, ...] = ()

    def position(self, offset: int) -> tuple[int, int] | None:
        """The 1-based ``(line, column)`` in ``file`` of the note's character at ``offset``
        (an offset at the very end of the note gives the place just after its last character);
        None when the note has no such offset."""
        for start, end, line, column, step in self.runs:
            if start <= offset < end:
                return line, column + step * (offset - start)
        if self.runs:
            start, end, line, column, step = self.runs[-1]
            if offset == end:
                return line, column + step * (end - start)
        return None


def position_in(text: str, index: int) -> tuple[int, int]:
    """The 1-based ``(line, column)`` of ``text[index]``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


class LineColumns:
    """``(line, column)`` of any index of one text, in logarithmic time."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def __call__(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


def runs_of(places: list[tuple[int, int]]) -> tuple[Run, ...]:
    """Runs from the ``(line, column)`` of each note character in turn."""
    runs: list[Run] = []
    for offset, (line, column) in enumerate(places):
        if runs:
            start, end, run_line, run_column, _ = runs[-1]
            if line == run_line and column == run_column + (end - start):
                runs[-1] = (start, end + 1, run_line, run_column, 1)
                continue
        runs.append((offset, offset + 1, line, column, 1))
    return tuple(runs)


_SIMPLE_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
_JSON_ESCAPES = {**_SIMPLE_ESCAPES, "/": "/"}
_TOML_ESCAPES = {**_SIMPLE_ESCAPES, "e": "\x1b"}


def _decode(text: str, start: int, kind: str) -> Iterator[tuple[str, int]] | None:
    """The characters a string literal at ``text[start]`` stands for, each with the index of
    the file text it comes from; None when there is no literal of ``kind`` there."""
    if kind == "json":
        return _basic(text, start + 1, '"', _JSON_ESCAPES) if text.startswith('"', start) else None
    for quote, multi in (('"""', True), ("'''", True), ('"', False), ("'", False)):
        if text.startswith(quote, start):
            begin = start + len(quote)
            if multi and text.startswith("\n", begin):
                begin += 1  # a newline right after the opening quotes is not part of the value
            elif multi and text.startswith("\r\n", begin):
                begin += 2
            if quote[0] == "'":
                return _literal(text, begin, quote)
            return _basic(text, begin, quote, _TOML_ESCAPES, multiline=multi)
    return None


def _literal(text: str, index: int, quote: str) -> Iterator[tuple[str, int]]:
    end = text.find(quote, index)
    if end == -1:
        return
    # Up to two quotes may end a multi-line literal string before its closing delimiter.
    while quote == "'''" and text.startswith("'", end + 3):
        end += 1
    for offset in range(index, end):
        yield text[offset], offset


_LINE_END_BACKSLASH = re.compile(r"\\[ \t]*\r?\n[ \t\r\n]*")


def _basic(
    text: str, index: int, quote: str, escapes: dict[str, str], *, multiline: bool = False
) -> Iterator[tuple[str, int]]:
    length = len(text)
    while index < length:
        if text.startswith(quote, index):
            if quote == '"""' and text.startswith('"', index + 3):
                yield '"', index  # up to two quotes may end the string before the delimiter
                index += 1
                continue
            return
        char = text[index]
        if char != "\\":
            yield char, index
            index += 1
            continue
        if multiline:
            trimmed = _LINE_END_BACKSLASH.match(text, index)
            if trimmed:  # a line-ending backslash joins lines, dropping the whitespace
                index = trimmed.end()
                continue
        code = text[index + 1 : index + 2]
        if code in escapes:
            yield escapes[code], index
            index += 2
        elif code in ("u", "U", "x"):
            width = {"u": 4, "U": 8, "x": 2}[code]
            digits = text[index + 2 : index + 2 + width]
            try:
                yield chr(int(digits, 16)), index
            except ValueError:
                return
            index += 2 + width
        else:
            return


def literal_origin(file: str, text: str, start: int, value: str, *, kind: str) -> TextOrigin | None:
    """The origin of ``value``, read from the string literal that starts at ``text[start]``
    (``kind`` is ``toml`` or ``json``); None unless that literal decodes to exactly ``value``.

    A JSON ``\\uD83D\\uDE00`` surrogate pair decodes to two characters here and one in the
    value, so such a note gets no origin: a pointer that might be off is worse than none.
    """
    decoded = _decode(text, start, kind)
    if decoded is None:
        return None
    lines = LineColumns(text)
    chars: list[str] = []
    places: list[tuple[int, int]] = []
    for char, index in decoded:
        chars.append(char)
        places.append(lines(index))
        if len(chars) > len(value):
            return None
    if "".join(chars) != value:
        return None
    return TextOrigin(file=file, runs=runs_of(places))
