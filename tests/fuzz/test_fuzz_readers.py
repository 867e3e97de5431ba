"""Fuzzing the readers: hostile rows in every input format, and bytes that are no format at all.

For inputs that are well-formed as a whole (each line one JSON value, a CSV written by the
``csv`` module, a JSON array), every record gives exactly one output row, whatever its values.
For any bytes at all, reading either stops up front with one ``InputError`` or gives rows; the
rows then go through every output format, whose JSON always parses; and reading the same bytes
twice gives the same output.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fuzzkit import (
    FUZZ,
    Plain,
    attempt,
    count,
    json_like,
    read_bytes,
    records,
    texts,
    write_all,
)
from hypothesis import given
from hypothesis import strategies as st

from invitecore.engine import Engine
from invitecore.errors import InputError, InvitecoreError
from invitecore.inputs.templates import fixed_note, parse_template

ENGINE = Engine.from_plugins([("plain", Plain)])


def _line(record: Any, ascii_only: bool) -> str:
    return json.dumps(record, ensure_ascii=ascii_only)


json_lines = st.lists(
    st.one_of(
        st.builds(_line, records(), st.booleans()),
        st.builds(_line, json_like, st.booleans()),
        texts.map(lambda t: t.replace("\n", " ").replace("\r", " ")),
    ),
    max_size=8,
)


@FUZZ
@given(lines=json_lines, crlf=st.booleans())
def test_json_lines_one_row_per_record(lines: list[str], crlf: bool) -> None:
    count("readers")
    end = "\r\n" if crlf else "\n"
    data = "".join(line + end for line in lines).encode("utf-8", "surrogatepass")
    items, error = attempt(lambda: read_bytes(data, input_format="jsonl"))
    if error is not None:
        assert "NUL bytes" in error.message  # a NUL in the first block: not a text file
        assert b"\x00" in data
        return
    # Every line that is not blank is a record (unicode line breaks inside one line included);
    # a byte-order mark at the very start is not part of the text, and neither is one more at
    # the start of the first line (a file written twice with a BOM, or read by a library user
    # without "utf-8-sig").
    text = data.decode("utf-8", "surrogateescape").removeprefix("\ufeff").removeprefix("\ufeff")
    records_in = sum(1 for line in _lines(text) if not (line.isspace() or not line))
    assert len(items) == records_in
    outputs, _ = write_all(ENGINE, items)
    assert outputs == write_all(ENGINE, read_bytes(data, input_format="jsonl"))[0]


def _lines(text: str) -> list[str]:
    # Lines as the reader splits them: on LF, CRLF and CR only.
    return io.StringIO(text, newline="").readlines()


@FUZZ
@given(rows=st.lists(records(), max_size=8))
def test_json_array_one_row_per_element(rows: list[dict[str, Any]]) -> None:
    count("readers")
    data = json.dumps(rows).encode("utf-8", "surrogatepass")
    items, error = attempt(lambda: read_bytes(data, input_format="json"))
    if error is not None:
        return  # NaN or a number past 4,300 digits anywhere but in an element: not our array
    assert len(items) == len(rows)
    write_all(ENGINE, items)


COLUMNS = [
    "name", "first_name", "last_name", "headline", "about", "connections", "Followers",
    "Connected On", "url", "email", "note", "relationship", "groups", "open_link", "notes",
]


@FUZZ
@given(
    columns=st.lists(st.sampled_from(COLUMNS[1:]), max_size=5, unique=True),
    cells=st.lists(st.lists(texts, min_size=6, max_size=6), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    crlf=st.booleans(),
    bom=st.sampled_from(["", "utf-8-sig", "utf-16"]),
)
def test_csv_one_row_per_record(
    columns: list[str], cells: list[list[str]], delimiter: str, crlf: bool, bom: str
) -> None:
    count("readers")
    header = ["name", *columns]
    rows = [row[: len(header)] for row in cells]
    buffer = io.StringIO()
    # Well-formed CSV: with LF line ends, Python's csv quotes a CR in a cell only under
    # QUOTE_ALL (a CR left bare would end the row in any reader).
    writer = csv.writer(
        buffer,
        delimiter=delimiter,
        lineterminator="\r\n" if crlf else "\n",
        quoting=csv.QUOTE_MINIMAL if crlf else csv.QUOTE_ALL,
    )
    writer.writerow(header)
    writer.writerows(rows)
    text = buffer.getvalue()
    try:
        data = text.encode(bom or "utf-8", "surrogatepass") if bom else text.encode(
            "utf-8", "surrogatepass"
        )
    except UnicodeEncodeError:  # a lone surrogate has no UTF-16
        return
    items, error = attempt(lambda: read_bytes(data, input_format="csv", delimiter=delimiter))
    if error is not None:
        # Only a NUL byte, which makes it "not text", stops a written CSV up front.
        assert "NUL" in error.message
        return
    # A row of blank cells is not a record.
    expected = sum(1 for row in rows if "".join(row).strip())
    assert len(items) == expected
    write_all(ENGINE, items)


FORMATS = [None, "case", "json", "jsonl", "csv", "linkedin-connections", "sales-navigator",
           "proxycurl"]
MUTATIONS = ['"', "\x00", "\xff", "[", "{", "\n", "\r", ",", "\\", "\ufeff", "=", "\u2028"]


@st.composite
def hostile_bytes(draw: st.DrawFn) -> bytes:
    """A valid input with damage done to it, or bytes that are no input at all."""
    kind = draw(st.sampled_from(["jsonl", "csv", "json", "toml", "raw"]))
    if kind == "raw":
        return draw(st.binary(max_size=300))
    base = draw(st.lists(records(), min_size=1, max_size=4))
    if kind == "jsonl":
        text = "".join(json.dumps(r) + "\n" for r in base)
    elif kind == "json":
        text = json.dumps(base)
    elif kind == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["name", "headline", "about"])
        for record in base:
            writer.writerow([str(record.get(k, "")) for k in ("name", "headline", "about")])
        text = buffer.getvalue()
    else:
        name = json.dumps(str(base[0].get("name", "A")))
        text = f"[profile]\nname = {name}\nabout = {json.dumps(str(base[0]))}\n"
    data = bytearray(text.encode("utf-8", "surrogatepass"))
    for _ in range(draw(st.integers(0, 4))):
        where = draw(st.integers(0, len(data)))
        data[where:where] = draw(st.sampled_from(MUTATIONS)).encode("utf-8", "surrogatepass")
    return bytes(data)


@FUZZ
@given(data=hostile_bytes(), input_format=st.sampled_from(FORMATS))
def test_any_bytes_read_or_refused_in_one_line(data: bytes, input_format: str | None) -> None:
    count("readers")
    try:
        items = read_bytes(data, input_format=input_format)
    except InvitecoreError as error:
        text = str(error)
        assert "\n" not in text
        assert len(text) < 1000
        return
    outputs, _ = write_all(ENGINE, items)
    again, _ = write_all(ENGINE, read_bytes(data, input_format=input_format))
    assert outputs == again, "the same bytes give the same report"
    for item in items:
        if isinstance(item, InputError):
            assert "\n" not in str(item)
            assert len(str(item)) < 1000


@FUZZ
@given(template=texts, note=texts, data=st.lists(records(), max_size=3))
def test_notes_and_templates(template: str, note: str, data: list[dict[str, Any]]) -> None:
    count("readers")
    lines = "".join(json.dumps(r) + "\n" for r in data).encode("utf-8", "surrogatepass")
    for source in (fixed_note(note), _template(template)):
        if source is None:
            continue
        items = read_bytes(lines, input_format="jsonl", note=source)
        assert len(items) == len(data)
        write_all(ENGINE, items)


def _template(text: str) -> Any:
    source, error = attempt(lambda: parse_template(text))
    assert error is None or "\n" not in str(error)
    return source
