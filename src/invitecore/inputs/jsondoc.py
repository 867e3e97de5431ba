"""Reading a whole JSON document as rows, keeping each row's line number.

A JSON array file is read whole (a top-level array has no end until its last byte); this
module splits it into its elements in one pass, recording where each starts, so per-row
messages can name the element's line without a second scan.
"""

from __future__ import annotations

import json
import re
from typing import Any

import attrs

from invitecore.errors import InputError

__all__ = ["JsonDocument", "JsonRow", "parse_json_rows"]

_WHITESPACE = re.compile(r"[ \t\r\n]*")


@attrs.frozen
class JsonRow:
    """One top-level value of a JSON document: its 1-based line, value and text span."""

    line: int
    value: Any
    start: int
    end: int


def _syntax_error(exc: json.JSONDecodeError, file: str) -> InputError:
    return InputError(f"invalid JSON: {exc.msg}", file=file, line=exc.lineno, column=exc.colno)


@attrs.frozen
class JsonDocument:
    """A parsed JSON document: its rows, and whether they came from a top-level array."""

    rows: list[JsonRow]
    array: bool


def parse_json_rows(text: str, *, file: str) -> JsonDocument:
    """The rows of a whole JSON document: each element of a top-level array, or the one object.

    Parsed in one pass (each element with ``raw_decode``), so element line numbers cost nothing
    extra. A JSON syntax error anywhere makes the document unreadable: it raises.

    :raises InputError: with the line and column of the syntax error.
    """
    text = text[1:] if text.startswith("\ufeff") else text
    skip = _WHITESPACE.match
    index = skip(text, 0).end()  # type: ignore[union-attr]
    if not text.startswith("[", index):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _syntax_error(exc, file) from None
        row = JsonRow(text.count("\n", 0, index) + 1, value, index, len(text))
        return JsonDocument([row], array=False)
    decoder = json.JSONDecoder()
    rows: list[JsonRow] = []
    line, counted = 1, 0
    index = skip(text, index + 1).end()  # type: ignore[union-attr]
    closed = text.startswith("]", index)
    while not closed:
        try:
            value, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError as exc:
            raise _syntax_error(exc, file) from None
        line += text.count("\n", counted, index)
        counted = index
        rows.append(JsonRow(line, value, index, end))
        index = skip(text, end).end()  # type: ignore[union-attr]
        if text.startswith(",", index):
            index = skip(text, index + 1).end()  # type: ignore[union-attr]
        elif text.startswith("]", index):
            closed = True
        else:
            raise _syntax_error(
                json.JSONDecodeError("Expecting ',' or ']' after an array element", text, index),
                file,
            )
    index = skip(text, index + 1).end()  # type: ignore[union-attr]
    if index != len(text):
        raise _syntax_error(json.JSONDecodeError("Extra data", text, index), file)
    return JsonDocument(rows, array=True)
