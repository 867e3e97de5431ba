"""JSON rows: JSON Lines read lazily, JSON arrays read whole, each row detected on its own.

A row is a *case* when it has a ``profile``, ``invitation`` or ``sender`` key (the case-file
schema, checked strictly); otherwise it is a *flat record*: the object itself is the profile,
with the row-level keys ``id``, ``note``, ``relationship``, ``account`` and ``email`` beside the
profile fields. Flat records also take the Proxycurl-style enrichment keys
(:mod:`invitecore.inputs.proxycurl`) and the header aliases of :mod:`invitecore.inputs.columns`,
so bare profiles, enrichment API objects and Phantombuster-style JSON all read the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import orjson

from invitecore.errors import InputError, quote
from invitecore.inputs.cases import case_from_mapping
from invitecore.inputs.columns import LIST_FIELDS, header_aliases, normalize_header
from invitecore.inputs.proxycurl import ENRICHMENT_KEYS, apply_enrichment, group_names
from invitecore.inputs.rows import RowBuilder
from invitecore.inputs.sources import LongLine, long_line_message
from invitecore.inputs.unicode import check_unicode, is_valid_text
from invitecore.results import Case, Source

__all__ = [
    "CASE_MARKERS",
    "PendingLines",
    "PendingRecord",
    "RecordReader",
    "iter_pending_lines",
    "iter_record_lines",
]

CASE_MARKERS = ("profile", "invitation", "sender")
_CACHE_LIMIT = 4096  # distinct keys remembered; beyond it keys resolve uncached (still correct)


class RecordReader:
    """Turns one parsed JSON row into a :class:`Case` (raising :class:`InputError`)."""

    def __init__(
        self, builder: RowBuilder, columns: Mapping[str, str], *, cases: bool = True
    ) -> None:
        """:param columns: normalised key -> target (``validate_columns``' result).
        :param cases: False reads every row as a flat record (``--input-format proxycurl``)."""
        self.builder = builder
        self.columns = columns
        self.cases = cases
        self._aliases = header_aliases("json")
        self._targets: dict[str, str | None] = {}

    def _resolve(self, key: str) -> str | None:
        norm = normalize_header(key)
        target = self.columns.get(norm) or self._aliases.get(norm)
        if len(self._targets) < _CACHE_LIMIT:
            self._targets[key] = target
        return target

    def _label(self, data: Mapping[str, Any], target: str) -> str:
        for key in data:
            if (self._targets[key] if key in self._targets else self._resolve(key)) == target:
                return key
        return target

    def read(self, data: Any, source: Source, text: str = "") -> Case:
        """The case for one row; ``text`` is the row's JSON, used to locate case-file keys."""
        check_unicode(data, text, file=source.file, line=source.line)
        if not isinstance(data, dict):
            raise InputError(
                f"expected an object (a case or a profile), got {type(data).__name__}",
                file=source.file,
                line=source.line,
            )
        if self.cases and ("profile" in data or "invitation" in data or "sender" in data):
            builder = self.builder
            return case_from_mapping(
                data,
                source=source,
                text=text,
                kind="jsonl",
                default_sender=builder.sender,
                note=builder.note,
                relationship=builder.relationship,
            )
        return self.flat(data, source)

    def flat(self, data: Mapping[str, Any], source: Source) -> Case:
        """A flat record (bare profile or enrichment object) -> case."""
        values: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        targets = self._targets
        for key, value in data.items():
            if value is None:
                continue  # null is "not given", like an empty CSV cell
            target = targets[key] if key in targets else self._resolve(key)
            if target is None:
                extra[key] = value
            elif target not in values:
                values[target] = value  # the first key for a target wins (fullName over name)
        if "extra" in extra and isinstance(extra["extra"], Mapping):
            nested = extra.pop("extra")
            extra = {**nested, **extra}
        if not ENRICHMENT_KEYS.isdisjoint(extra):
            apply_enrichment(values, extra)
        for field in LIST_FIELDS:
            value = values.get(field)
            if value is None:
                continue
            if field == "groups":
                value = values["groups"] = group_names(value)
            if isinstance(value, list) and all(isinstance(item, str) for item in value):
                continue
            if not isinstance(value, str):
                raise InputError(
                    f"expected a list of text, got {quote(value)}",
                    file=source.file,
                    line=source.line,
                    field=self._label(data, field),
                )
        return self.builder.case(
            values, extra, source=source, label=lambda target: self._label(data, target)
        )


class PendingRecord:
    """A JSON line read but not parsed yet: ``resolve()`` turns it into its case or error.

    Parallel runs ship these to worker processes, so parsing happens there rather than in the
    process that reads and writes. Records of one chunk share their reader, which pickle then
    sends once per chunk.
    """

    __slots__ = ("file", "line", "number", "reader")

    def __init__(self, reader: RecordReader, line: str, file: str, number: int) -> None:
        self.reader = reader
        self.line = line
        self.file = file
        self.number = number

    def __reduce__(self) -> tuple[Any, ...]:
        return (PendingRecord, (self.reader, self.line, self.file, self.number))

    def resolve(self) -> Case | InputError:
        """The case this line holds, or the error that says why it cannot be read."""
        return _parse_line(self.line, self.file, self.number, self.reader)


class PendingLines:
    """Many :class:`PendingRecord` of one file and reader, held as two plain lists.

    A parallel run ships its rows to the workers in chunks; lists of strings and numbers pickle
    in C, where a list of records pickles one ``__reduce__`` call per row.
    """

    __slots__ = ("file", "lines", "numbers", "reader")

    def __init__(
        self, reader: RecordReader, file: str, numbers: list[int], lines: list[str]
    ) -> None:
        self.reader = reader
        self.file = file
        self.numbers = numbers
        self.lines = lines

    def __reduce__(self) -> tuple[Any, ...]:
        return (PendingLines, (self.reader, self.file, self.numbers, self.lines))

    def __len__(self) -> int:
        return len(self.lines)

    @classmethod
    def gather(cls, items: list[Any]) -> PendingLines | None:
        """``items`` as one :class:`PendingLines`, or None unless they are all records of one
        file and reader."""
        if not items or type(items[0]) is not PendingRecord:
            return None
        reader, file = items[0].reader, items[0].file
        for item in items:
            if type(item) is not PendingRecord or item.reader is not reader or item.file != file:
                return None
        return cls(reader, file, [item.number for item in items], [item.line for item in items])

    def resolve(self) -> list[Case | InputError]:
        """The case or error of every line, in order."""
        reader, file = self.reader, self.file
        return [
            _parse_line(line, file, number, reader)
            for number, line in zip(self.numbers, self.lines, strict=True)
        ]


def _parse_line(line: str, file: str, number: int, reader: RecordReader) -> Case | InputError:
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        message = exc.msg
        if "surrogate" in message:  # say what it means: the text cannot be valid Unicode
            message = "a \\u escape of half a surrogate pair (U+D800-U+DFFF) is not valid text"
        return InputError(f"invalid JSON: {message}", file=file, line=number, column=exc.colno)
    try:
        return reader.read(data, Source(file=file, line=number), line)
    except InputError as error:
        return error


def _record_lines(lines: Iterable[str], file: str) -> Iterator[tuple[int, str] | InputError]:
    """``(line number, text)`` for every non-blank line, or the error for a line not UTF-8 or
    too long."""
    for number, raw in enumerate(lines, start=1):
        if type(raw) is LongLine:
            yield InputError(long_line_message(), file=file, line=number)
            continue
        line = raw[1:] if number == 1 and raw.startswith("\ufeff") else raw
        if not line or line.isspace():
            continue
        if not is_valid_text(line):
            yield InputError("not UTF-8 text", file=file, line=number)
        else:
            yield number, line


def iter_record_lines(
    lines: Iterable[str], *, file: str, reader: RecordReader
) -> Iterator[Case | InputError]:
    """Read JSON Lines lazily: one item (case or error) per non-blank line, in order.

    Blank lines are not records and yield nothing; every other line yields exactly one item,
    with its 1-based physical line number.
    """
    for item in _record_lines(lines, file):
        yield item if isinstance(item, InputError) else _parse_line(item[1], file, item[0], reader)


def iter_pending_lines(
    lines: Iterable[str], *, file: str, reader: RecordReader
) -> Iterator[PendingRecord | InputError]:
    """As :func:`iter_record_lines`, but each line comes out unparsed, as a
    :class:`PendingRecord` for whoever evaluates it (a parallel worker) to parse."""
    for item in _record_lines(lines, file):
        yield (
            item if isinstance(item, InputError) else PendingRecord(reader, item[1], file, item[0])
        )
