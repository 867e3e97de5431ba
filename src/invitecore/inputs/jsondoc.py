"""Reading a whole JSON document as rows, keeping each row's line number.

A JSON array file is read whole (a top-level array has no end until its last byte); this
module splits it into its elements in one pass, recording where each starts, so per-row
messages can name the element's line without a second scan.

Only standard JSON is read: ``NaN`` and ``Infinity`` are refused, as are whole numbers of more
than 4,300 digits (Python's limit). In an array, such an element is an error row of its own
(:attr:`JsonRow.error`) and the elements after it are read as usual; a value nested too deeply
for the parser makes the whole document unreadable.
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
    error: InputError | None = None
    """Why this element cannot be read (its ``value`` is then None)."""


def _syntax_error(exc: json.JSONDecodeError, file: str) -> InputError:
    return InputError(f"invalid JSON: {exc.msg}", file=file, line=exc.lineno, column=exc.colno)


def _not_json(constant: str) -> Any:
    raise ValueError(f"{constant} is not a JSON value")


def _whole_number(text: str) -> int:
    if len(text.lstrip("-")) > 4300:
        raise ValueError(f"a whole number of {len(text.lstrip('-')):,} digits is too long")
    return int(text)


_DECODER = json.JSONDecoder(parse_constant=_not_json, parse_int=_whole_number)
# Reads past an element the strict decoder refused, to find where the next one starts.
_LENIENT = json.JSONDecoder(parse_constant=lambda constant: None, parse_int=lambda text: 0)


def _value_error(exc: ValueError | RecursionError, text: str, index: int, file: str) -> InputError:
    """A value the parser refused (not a syntax error): at the line where its element starts."""
    message = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
    line = text.count("\n", 0, index) + 1
    return InputError(f"invalid JSON: {message}", file=file, line=line)


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
            value = _DECODER.decode(text)
        except json.JSONDecodeError as exc:
            raise _syntax_error(exc, file) from None
        except (ValueError, RecursionError) as exc:
            raise _value_error(exc, text, index, file) from None
        row = JsonRow(text.count("\n", 0, index) + 1, value, index, len(text))
        return JsonDocument([row], array=False)
    decoder = _DECODER
    rows: list[JsonRow] = []
    line, counted = 1, 0
    index = skip(text, index + 1).end()  # type: ignore[union-attr]
    closed = text.startswith("]", index)
    while not closed:
        error = None
        try:
            value, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError as exc:
            raise _syntax_error(exc, file) from None
        except RecursionError as exc:
            raise _value_error(exc, text, index, file) from None
        except ValueError as exc:  # a value JSON has no place for: this element is an error row
            error = _value_error(exc, text, index, file)
            # ... unless the element is not even JSON further on: the syntax error wins, as it
            # would have had the value been a plain one.
            try:
                value, end = None, _LENIENT.raw_decode(text, index)[1]
            except json.JSONDecodeError as syntax:
                raise _syntax_error(syntax, file) from None
            except RecursionError as deep:
                raise _value_error(deep, text, index, file) from None
        line += text.count("\n", counted, index)
        counted = index
        rows.append(JsonRow(line, value, index, end, error))
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
