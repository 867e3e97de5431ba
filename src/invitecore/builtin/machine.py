"""Machine-readable formats: ``json`` (one document), ``jsonl`` and ``csv`` (a row per case).

All three write each result as it arrives, so memory stays flat on long runs; ``json`` writes
the opening of the document first and the summary last.

CSV is opened by spreadsheets, which run a cell that starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return as a formula (``=HYPERLINK(...)`` in a prospect's name). As OWASP
recommends for CSV injection, such a cell is written with a ``'`` in front, which a spreadsheet
shows as text and does not run (:func:`spreadsheet_safe`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO

from invitecore.output import FormatOptions
from invitecore.results import CaseResult
from invitecore.serialize import result_to_dict, summary_to_dict, to_json
from invitecore.summary import Summary

__all__ = [
    "CSV_COLUMNS",
    "CsvWriter",
    "JsonLinesWriter",
    "JsonWriter",
    "flat_row",
    "render_csv_row",
    "render_json_line",
    "spreadsheet_safe",
]


class JsonWriter:
    """``{"invitecore": version, "results": [...], "summary": {...}}``, streamed."""

    def __init__(self, stream: IO[str], options: FormatOptions) -> None:
        self.stream = stream
        self.count = 0
        stream.write('{\n  "invitecore": ' + to_json(options.version) + ',\n  "results": [')

    def write(self, result: CaseResult) -> None:
        """Append one result to the ``results`` array."""
        text = to_json(result_to_dict(result), indent=True).replace("\n", "\n    ")
        self.stream.write(("," if self.count else "") + "\n    " + text)
        self.count += 1

    def close(self, summary: Summary) -> None:
        """Close the array and write the summary."""
        summary_text = to_json(summary_to_dict(summary), indent=True)
        closing = "\n  ]" if self.count else "]"
        summary_text = summary_text.replace("\n", "\n  ")
        self.stream.write(closing + ',\n  "summary": ' + summary_text + "\n}\n")


def render_json_line(result: CaseResult) -> str:
    """One result as its JSON Lines row, newline included."""
    return to_json(result_to_dict(result)) + "\n"


class JsonLinesWriter:
    """One result object per line; nothing else, so every line is one input case."""

    def __init__(self, stream: IO[str], options: FormatOptions) -> None:
        self.stream = stream

    def write(self, result: CaseResult) -> None:
        """Write one result as a line."""
        self.stream.write(render_json_line(result))

    def write_text(self, text: str) -> None:
        """Write lines :func:`render_json_line` already rendered (a parallel worker's)."""
        self.stream.write(text)

    def close(self, summary: Summary) -> None:
        """Nothing to add: the summary is not a row (``--summary FILE`` writes it)."""


CSV_COLUMNS = (
    "id",
    "source",
    "name",
    "url",
    "camp",
    "confidence",
    "risk",
    "level",
    "verdict",
    "verdict_reason",
    "findings",
    "top_suggestion",
    "note",
    "error",
)


def _top_suggestion(result: CaseResult) -> str:
    ranked = sorted(
        (f for f in result.findings if f.suggestion),
        key=lambda f: -(f.severity.rank if f.severity else 0),
    )
    if ranked:
        return ranked[0].suggestion or ""
    return result.advice[0].text if result.advice else ""


class CsvWriter:
    """Flat columns, one row per case, spreadsheet-ready."""

    def __init__(self, stream: IO[str], options: FormatOptions) -> None:
        self.stream = stream
        stream.write(_line(CSV_COLUMNS))

    def write(self, result: CaseResult) -> None:
        """Write one result as a row."""
        self.stream.write(render_csv_row(result))

    def write_text(self, text: str) -> None:
        """Write rows :func:`render_csv_row` already rendered (a parallel worker's)."""
        self.stream.write(text)

    def close(self, summary: Summary) -> None:
        """Nothing to add: the summary is not a row (``--summary FILE`` writes it)."""


def render_csv_row(result: CaseResult) -> str:
    """One result as its CSV row, quoted exactly as :class:`CsvWriter` writes it."""
    return _line(_csv_row(result))


def _line(cells: Iterable[str]) -> str:
    """One CSV row ending in LF. Written with CRLF and cut back: Python's ``csv`` quotes a cell
    holding a carriage return only when CR is part of the line end, and an unquoted CR would
    end the row early in every reader."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()[:-2] + "\n"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a cell may not start with, or a spreadsheet runs it as a formula (OWASP, CSV
Injection)."""


def spreadsheet_safe(cell: str) -> str:
    """``cell`` as a spreadsheet shows it as text: a ``'`` in front when it starts with one of
    :data:`FORMULA_STARTS`."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _csv_row(result: CaseResult) -> list[str]:
    return [spreadsheet_safe(cell) for cell in flat_row(result)]


def flat_row(result: CaseResult) -> list[str]:
    """A result as the flat values of :data:`CSV_COLUMNS` (also used for dataframes), as they
    are: the CSV format passes each through :func:`spreadsheet_safe`."""
    classification, risk, profile = result.classification, result.risk, result.profile
    errors = [result.input_error] if result.input_error else []
    errors += [f"{e.plugin}: {e.hook}: {e.message}" for e in result.errors]
    return [
        result.id or "",
        str(result.source) if result.source else "",
        profile.name if profile else "",
        (profile.url or "") if profile else "",
        str(classification.camp) if classification else "",
        f"{classification.confidence:.2f}" if classification else "",
        f"{risk.score:g}" if risk else "",
        str(risk.level) if risk else "",
        str(result.verdict) if result.verdict else "",
        result.reason.text if result.reason else "",
        " ".join(f.code for f in result.findings),
        _top_suggestion(result),
        result.invitation.note if result.invitation else "",
        "; ".join(errors),
    ]
