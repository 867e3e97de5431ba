"""CSV inputs: a plain CSV with a header, LinkedIn's ``Connections.csv``, Sales Navigator exports.

The three differ only in where the header is and how its columns map (domain.md section 8):

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
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping

import attrs

from invitecore.errors import InputError
from invitecore.inputs.columns import header_aliases, normalize_header, split_list
from invitecore.inputs.rows import RowBuilder
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


def _rows_with_lines(text: str, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    previous = 0
    while True:
        try:
            row = next(reader)
        except (StopIteration, csv.Error):
            return
        yield previous + 1, row
        previous = reader.line_num


def sniff_layout(head: str) -> str:
    """Which CSV layout the first rows look like: see :data:`CSV_LAYOUTS`."""
    for _, row in _rows_with_lines(head, sniff_delimiter(head)):
        if _blank(row):
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
            extra.append((index, cell.strip() or f"column {index + 1}"))
        else:
            mapped.append((index, target))
            labels.setdefault(target, cell.strip())
    if not any(target in labels for target in _NAME_TARGETS):
        raise InputError(
            "no name column: the header has "
            + ", ".join(repr(c) for c in cells)
            + '; name one of them with [tool.invitecore.columns] (e.g. "Full Name" = "name")',
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
    reader = csv.reader(lines, delimiter=header.delimiter)
    width = len(header.cells)
    mapped, extras, label = header.mapped, header.extra, header.label
    connections = header.layout == "linkedin-connections"
    records, previous = 0, 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            start, previous = previous + 1, reader.line_num
            records += 1
            if records > header.skip + 1:
                yield InputError(f"unreadable CSV row: {exc}", file=file, line=start)
            continue
        start, previous = previous + 1, reader.line_num
        records += 1
        if records <= header.skip + 1 or _blank(row):
            continue  # the preamble, the header, and rows that are only commas
        joined = "".join(row)
        if not is_valid_text(joined):
            yield InputError("not UTF-8 text", file=file, line=start)
            continue
        if len(row) != width and (len(row) < width or any(row[width:])):
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
