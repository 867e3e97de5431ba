"""CSV inputs: a plain CSV with a header, LinkedIn's ``Connections.csv``, Sales Navigator exports.

The three differ only in where the header is and how its columns map (docs/sources.md section 8):

- ``csv``: the first non-blank row is the header; columns map by name (:mod:`.fields`).
- ``linkedin-connections``: the header (``First Name,Last Name,URL,Email Address,Company,
  Position,Connected On``) follows a preamble (``Notes:``, a notice, a blank line) that is not
  data; ``Connected On`` dates go to ``extra["connected_on"]`` as ISO dates, and every row gets
  ``connection_degree`` 1 (the export lists your own connections).
- ``sales-navigator``: Phantombuster-style columns (``fullName``, ``companyName``, ``isOpenLink``,
  ``sharedConnectionsCount``, ``connectionDegree`` ...); ``linkedInProfileUrl`` is the profile URL.

Cells are separated by commas, or by what the header line uses instead (semicolons, as Excel
writes CSV in many locales; tabs; bars): see :func:`sniff_delimiter`. ``--delimiter`` overrides.

A row whose cells are all empty (a blank line, a row of commas) is not a record. Every other row
yields exactly one item: a case, or an error naming the physical line the row starts on.

A quoted cell may hold line breaks, and a record may be up to
:data:`~invitecore.inputs.sources.RECORD_LIMIT` characters long (Python's own ``csv`` stops at
128 KiB; invitecore raises that limit). A quoted cell that is still open at the end of the
input, or after that many characters, is taken for a stray, unclosed quote: the record's first
line becomes an error row, and reading goes on from the line after it, so the rows the quote
swallowed come back as rows.
"""

from __future__ import annotations

import csv
import io
from collections import deque
from collections.abc import Iterable, Iterator, Mapping

import attrs

from invitecore.errors import InputError, printable, quote
from invitecore.inputs.columns import header_aliases, normalize_header, split_list
from invitecore.inputs.rows import RowBuilder
from invitecore.inputs.sources import RECORD_LIMIT, LongLine, long_line_message
from invitecore.inputs.unicode import is_valid_text
from invitecore.results import Case, Source

__all__ = [
    "CSV_LAYOUTS",
    "DELIMITERS",
    "CsvHeader",
    "iter_csv_rows",
    "locate_header",
    "sniff_delimiter",
    "sniff_layout",
]

CSV_LAYOUTS = ("csv", "linkedin-connections", "sales-navigator")
DELIMITERS = (",", ";", "\t", "|")
"""Cell separators a CSV input may use; :func:`sniff_delimiter` picks one per input."""
PREAMBLE_LIMIT = 10  # rows searched for the Connections.csv header before giving up
_NAME_TARGETS = ("name", "first_name", "last_name")
_SALES_NAVIGATOR_MARKERS = ("isopenlink", "vmid", "connectiondegree", "sharedconnectionscount")


def _blank(row: list[str]) -> bool:
    return not any(row) or not "".join(row).strip()


def _is_connections_header(row: list[str]) -> bool:
    names = {normalize_header(cell) for cell in row}
    return "firstname" in names and "lastname" in names


@attrs.frozen
class CsvHeader:
    """The header of one CSV input and how each column maps.

    :param skip: records (CSV rows, blank ones included) before the header.
    :param line: the header's 1-based physical line.
    :param mapped: ``(column index, target)`` pairs; several columns may share a target, the
        first non-empty cell wins.
    :param extra: ``(column index, column name)`` of the columns kept in ``Profile.extra``.
    :param labels: target -> the first column name mapped to it, for messages.
    """

    layout: str
    delimiter: str
    skip: int
    line: int
    cells: tuple[str, ...]
    mapped: tuple[tuple[int, str], ...]
    extra: tuple[tuple[int, str], ...]
    labels: Mapping[str, str]

    def label(self, target: str) -> str:
        """The column name a target came from."""
        return self.labels.get(target, target)


def _cells_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def sniff_delimiter(head: str) -> str:
    """The cell separator of a CSV whose text starts with ``head``: of :data:`DELIMITERS`, the
    one that splits the first line holding any of them (outside quotes) into the most cells;
    the comma on a tie. Connections.csv's preamble holds none, so its header line decides."""
    for line in head.splitlines()[: PREAMBLE_LIMIT + 5]:
        counts = [_cells_outside_quotes(line, delimiter) for delimiter in DELIMITERS]
        best = max(counts)
        if best:
            return DELIMITERS[counts.index(best)]
    return ","


class _RecordTooLong(Exception):
    """A record grew past RECORD_LIMIT (or holds an over-long line)."""


class _Feed:
    """The lines ``csv.reader`` reads, as it asks for them, with what a record needs to be
    reported and, if it is broken, taken apart: the physical lines of the record in progress
    (``held``), and the lines to read again (``replay``)."""

    __slots__ = ("count", "ended", "held", "lines", "replay", "size")

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = iter(lines)
        self.replay: deque[tuple[int, str]] = deque()
        self.held: list[tuple[int, str]] = []
        self.size = 0
        self.count = 0  # physical lines taken from ``lines``
        self.ended = False  # ``lines`` ran out while a record was being read

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        if self.replay:
            number, line = self.replay.popleft()
        else:
            read = next(self.lines, None)
            if read is None:
                self.ended = True
                raise StopIteration
            line = read
            self.count += 1
            number = self.count
            if line and line[-1] not in "\r\n" and type(line) is not LongLine:
                # The last line, without a line end: give it one, so that the only record
                # still open when the input ends is one inside an unclosed quote.
                line += "\n"
        self.held.append((number, line))
        if type(line) is LongLine or self.size + len(line) > RECORD_LIMIT:
            raise _RecordTooLong
        self.size += len(line)
        return line

    @property
    def start(self) -> int:
        """The physical line the record just read started on."""
        return self.held[0][0] if self.held else self.count

    def next_record(self) -> None:
        """The record just read is done with: forget its lines."""
        self.held.clear()
        self.size = 0

    def read_again_after_first(self) -> None:
        """The record just read is broken: read every line of it but the first again."""
        self.replay.extendleft(reversed(self.held[1:]))
        self.next_record()
        self.ended = False


def _misfit(row: list[str], width: int) -> bool:
    """True when ``row`` has not the header's ``width`` cells (empty cells past it aside)."""
    return len(row) != width and (len(row) < width or any(row[width:]))


def _records(
    lines: Iterable[str], delimiter: str, width: int | None = None
) -> Iterator[tuple[int, list[str] | str]]:
    """``(first physical line, cells)`` for every CSV record of ``lines``, or ``(line,
    problem)`` for a record that cannot be read (see the module docstring).

    With the header's ``width``, a record that spans several lines and has the wrong number
    of cells is taken for a stray quote too: its line breaks were rows.
    """
    if csv.field_size_limit() < RECORD_LIMIT:
        csv.field_size_limit(RECORD_LIMIT)  # process-wide; only ever raised
    feed = _Feed(lines)
    reader = csv.reader(feed, delimiter=delimiter)
    while True:
        problem = None
        try:
            row: list[str] | None = next(reader)
        except StopIteration:
            return
        except _RecordTooLong:
            row = None
            if len(feed.held) == 1 and type(feed.held[0][1]) is LongLine:
                problem = long_line_message()
            else:
                problem = (
                    f"a quoted cell that starts on this line is still open after "
                    f"{RECORD_LIMIT:,} characters: an unclosed quote?"
                )
        except csv.Error as exc:
            row, problem = None, f"unreadable CSV row: {exc}"
        if row is not None and feed.ended:
            row, problem = None, (
                "a quoted cell that starts on this line is still open at the end of the input: "
                "an unclosed quote? (the lines after this one are read as rows)"
            )
        elif row is not None and width is not None and len(feed.held) > 1 and _misfit(row, width):
            problem = (
                f"the row has {len(row)} cells, the header {width}, and a quoted cell runs "
                f"over {len(feed.held)} lines: a stray quote? (the lines after this one are "
                "read as rows)"
            )
            row = None
        start = feed.start
        if problem is None:
            feed.next_record()
            yield start, row  # type: ignore[misc]
        else:
            feed.read_again_after_first()
            yield start, problem


def _rows_with_lines(text: str, delimiter: str = ",") -> Iterator[tuple[int, list[str] | str]]:
    return _records(io.StringIO(text, newline=""), delimiter)


def sniff_layout(head: str) -> str:
    """Which CSV layout the first rows look like: see :data:`CSV_LAYOUTS`."""
    for _, row in _rows_with_lines(head, sniff_delimiter(head)):
        if isinstance(row, str) or _blank(row):
            continue
        names = {normalize_header(cell) for cell in row}
        if names == {"notes"} or {"firstname", "lastname", "connectedon"} <= names:
            return "linkedin-connections"
        if "fullname" in names and not names.isdisjoint(_SALES_NAVIGATOR_MARKERS):
            return "sales-navigator"
        return "csv"
    return "csv"


def locate_header(
    head: str,
    layout: str,
    *,
    columns: Mapping[str, str],
    file: str,
    delimiter: str | None = None,
) -> CsvHeader | None:
    """Find the header in the input's first lines and plan its columns; None for an empty input.

    :param columns: normalised column name -> target (``validate_columns``' result); it wins
        over the built-in names.
    :param delimiter: the cell separator; None sniffs it (:func:`sniff_delimiter`).
    :raises InputError: when a ``linkedin-connections`` input has no header in its first rows,
        or when no column gives the name.
    """
    delimiter = delimiter or sniff_delimiter(head)
    found: tuple[int, int, list[str]] | None = None
    for index, (line, row) in enumerate(_rows_with_lines(head, delimiter)):
        if isinstance(row, str):
            if layout != "linkedin-connections":
                raise InputError(f"the header row cannot be read: {row}", file=file, line=line)
            continue  # a broken line of the preamble
        if _blank(row):
            continue
        if layout != "linkedin-connections" or _is_connections_header(row):
            found = (index, line, row)
            break
        if index >= PREAMBLE_LIMIT:
            break
    if found is None:
        if layout == "linkedin-connections" and head.strip():
            raise InputError(
                "no Connections.csv header (First Name,Last Name,URL,Email Address,Company,"
                f"Position,Connected On) in the first {PREAMBLE_LIMIT} rows",
                file=file,
            )
        return None
    skip, line, cells = found
    aliases = header_aliases(layout)
    mapped: list[tuple[int, str]] = []
    extra: list[tuple[int, str]] = []
    labels: dict[str, str] = {}
    for index, cell in enumerate(cells):
        norm = normalize_header(cell)
        target = columns[norm] if norm in columns else aliases.get(norm)
        if target is None:
            extra.append((index, cell.strip()[:200] or f"column {index + 1}"))
        else:
            mapped.append((index, target))
            labels.setdefault(target, printable(cell.strip(), 100))
    if not any(target in labels for target in _NAME_TARGETS):
        shown = ", ".join(quote(c) for c in cells[:20]) + (", ..." if len(cells) > 20 else "")
        raise InputError(
            f"no name column: the header has {shown}; name one of them with "
            '[tool.invitecore.columns] (e.g. "Full Name" = "name")',
            file=file,
            line=line,
        )
    return CsvHeader(
        layout=layout,
        delimiter=delimiter,
        skip=skip,
        line=line,
        cells=tuple(cells),
        mapped=tuple(mapped),
        extra=tuple(extra),
        labels=labels,
    )


def iter_csv_rows(
    lines: Iterable[str], *, file: str, header: CsvHeader, builder: RowBuilder
) -> Iterator[Case | InputError]:
    """Read CSV rows lazily after ``header``: one item per non-blank row, in order."""
    width = len(header.cells)
    mapped, extras, label = header.mapped, header.extra, header.label
    connections = header.layout == "linkedin-connections"
    last_skipped = header.line
    for start, row in _records(lines, header.delimiter, width):
        if start <= last_skipped:
            continue  # the preamble and the header
        if isinstance(row, str):
            yield InputError(row, file=file, line=start)
            continue
        if _blank(row):
            continue  # rows that are only commas
        joined = "".join(row)
        if not is_valid_text(joined):
            yield InputError("not UTF-8 text", file=file, line=start)
            continue
        if _misfit(row, width):
            yield InputError(
                f"the row has {len(row)} cells, the header {width}", file=file, line=start
            )
            continue
        values: dict[str, object] = {}
        for index, target in mapped:
            cell = row[index]
            if cell and target not in values:
                cell = cell.strip()
                if cell:
                    values[target] = cell
        extra: dict[str, object] = {name: row[index] for index, name in extras if row[index]}
        for field in ("groups", "emails"):
            if field in values:
                values[field] = split_list(values[field])  # type: ignore[arg-type]
        if connections:
            values["connection_degree"] = 1
        try:
            yield builder.case(values, extra, source=Source(file=file, line=start), label=label)
        except InputError as error:
            yield error
