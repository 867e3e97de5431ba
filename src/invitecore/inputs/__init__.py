"""Input readers: turn the files a user names into one stream of cases (or per-row errors).

Formats (:data:`INPUT_FORMATS`, detection rules in :mod:`invitecore.inputs.detect`, user docs
in docs/inputs.md): TOML/JSON case files, JSON Lines and JSON arrays of cases or of bare
profiles, CSV with a header, LinkedIn's ``Connections.csv``, Sales Navigator exports and
Proxycurl-style person profiles.

Up front, :func:`load_inputs` checks everything that would make a whole input unusable, and
raises: an unknown format, a missing file, a ``columns`` entry naming an unknown field, a CSV
with no header or no name column, a JSON document with a syntax error, a bad case file (case
files are all or nothing). After that, reading is lazy and never stops early: every record
yields exactly one item, a :class:`~invitecore.results.Case` or an
:class:`~invitecore.errors.InputError` naming the file, the record's 1-based physical line and
the field. Blank lines (JSON Lines, CSV) and rows of empty cells (CSV) are not records.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import PurePath
from typing import IO

from invitecore.errors import InputError, UsageError
from invitecore.inputs.cases import cases_from_json, read_case_text
from invitecore.inputs.columns import COLUMN_TARGETS, validate_columns
from invitecore.inputs.detect import INPUT_FORMATS, check_format, detect_format, json_shape
from invitecore.inputs.jsondoc import JsonDocument, parse_json_rows
from invitecore.inputs.records import (
    CASE_MARKERS,
    PendingRecord,
    RecordReader,
    iter_pending_lines,
    iter_record_lines,
)
from invitecore.inputs.rows import RowBuilder
from invitecore.inputs.sources import STDIN, Opened, open_input
from invitecore.inputs.tables import CSV_LAYOUTS, DELIMITERS, iter_csv_rows, locate_header
from invitecore.inputs.templates import (
    TEMPLATE_FIELDS,
    NoteSource,
    fixed_note,
    load_template,
    parse_template,
)
from invitecore.models import Relationship, Sender
from invitecore.results import Case, Source

__all__ = [
    "COLUMN_TARGETS",
    "INPUT_FORMATS",
    "STDIN",
    "TEMPLATE_FIELDS",
    "NoteSource",
    "PendingRecord",
    "fixed_note",
    "load_inputs",
    "load_template",
    "parse_template",
]


def _relationship(value: Relationship | str | None) -> Relationship | None:
    if value is None or isinstance(value, Relationship):
        return value
    try:
        return Relationship(value.strip().lower())
    except ValueError:
        allowed = ", ".join(r.value for r in Relationship)
        raise UsageError(f"--relationship: {value!r} is not one of {allowed}") from None


def load_inputs(
    paths: Sequence[str],
    *,
    default_sender: Sender | None = None,
    stdin: IO[str] | None = None,
    input_format: str | None = None,
    columns: Mapping[str, str] | None = None,
    note: NoteSource | None = None,
    relationship: Relationship | str | None = None,
    defer: bool = False,
    delimiter: str | None = None,
) -> Iterator[Case | InputError | PendingRecord]:
    """Check every input now and return one lazy stream over all their rows, in order.

    :param paths: files, or ``-`` for ``stdin`` (``sys.stdin`` when not given).
    :param default_sender: the sender (name, account) for rows that do not set their own; a
        row's ``account`` column or a case's ``[sender]`` table overrides it.
    :param input_format: one of :data:`INPUT_FORMATS`, forced for every path; None detects.
    :param columns: ``[tool.invitecore.columns]``: input column name -> one of
        :data:`COLUMN_TARGETS`; matched like headers (case, spaces and ``_`` ignored).
    :param note: the note for rows without their own (``--note`` / ``--template``).
    :param relationship: the relationship for rows without their own (``--relationship``).
    :param defer: leave JSON Lines unparsed, as :class:`PendingRecord` items (parallel runs
        parse them in the worker processes); other inputs are read as usual.
    :param delimiter: the cell separator of CSV inputs (one of
        :data:`~invitecore.inputs.tables.DELIMITERS`); None sniffs it per input.
    :raises UsageError: for an unknown format, relationship or ``columns`` target.
    :raises InputError: for an input that cannot be used at all (see the module docstring).
    """
    forced = check_format(input_format)
    if delimiter is not None and delimiter not in DELIMITERS:
        shown = ", ".join(repr(d) for d in DELIMITERS)
        raise UsageError(f"--delimiter: {delimiter!r} is not one of {shown}")
    builder = RowBuilder(
        default_sender=default_sender, relationship=_relationship(relationship), note=note
    )
    column_map = validate_columns(columns)
    parts = [
        _read(
            open_input(name, stdin if stdin is not None else sys.stdin),
            forced,
            column_map,
            builder,
            defer,
            delimiter,
        )
        for name in paths
    ]
    return itertools.chain.from_iterable(parts)


def _read(
    opened: Opened,
    forced: str | None,
    columns: Mapping[str, str],
    builder: RowBuilder,
    defer: bool = False,
    delimiter: str | None = None,
) -> Iterable[Case | InputError | PendingRecord]:
    name = opened.name
    fmt = forced or detect_format(name if opened.suffixed else None, opened.head)
    if fmt == "case":
        kind = "json" if _is_json(opened) else "toml"
        return read_case_text(
            opened.text(),
            file=name,
            kind=kind,
            default_sender=builder.sender,
            note=builder.note,
            relationship=builder.relationship,
        )
    if fmt in CSV_LAYOUTS:
        header = locate_header(
            opened.head, fmt, columns=columns, file=name, delimiter=delimiter
        )
        if header is None:
            return ()  # an empty file: no header, no rows
        return iter_csv_rows(opened.lines(csv=True), file=name, header=header, builder=builder)
    reader = RecordReader(builder, columns, cases=fmt != "proxycurl")
    shape = fmt if fmt in ("json", "jsonl") else json_shape(opened.head)
    if shape == "jsonl":
        if defer:
            return iter_pending_lines(opened.lines(), file=name, reader=reader)
        return iter_record_lines(opened.lines(), file=name, reader=reader)
    text = opened.text()
    document = parse_json_rows(text, file=name)
    if forced is None and _all_cases(document):
        # A JSON file holding only cases is a case file: validated whole, as before batches.
        return cases_from_json(
            document,
            text,
            file=name,
            default_sender=builder.sender,
            note=builder.note,
            relationship=builder.relationship,
        )
    return _document_rows(document, text, name, reader)


def _is_json(opened: Opened) -> bool:
    suffix = PurePath(opened.name).suffix.lower() if opened.suffixed else ""
    if suffix in (".toml", ".json"):
        return suffix == ".json"
    return detect_format(None, opened.head) != "case"


def _all_cases(document: JsonDocument) -> bool:
    return bool(document.rows) and all(
        isinstance(row.value, dict) and any(key in row.value for key in CASE_MARKERS)
        for row in document.rows
    )


def _document_rows(
    document: JsonDocument, text: str, file: str, reader: RecordReader
) -> Iterator[Case | InputError]:
    for row in document.rows:
        if row.error is not None:
            yield row.error
            continue
        try:
            source = Source(file=file, line=row.line)
            yield reader.read(row.value, source, text[row.start : row.end])
        except InputError as error:
            yield error
