"""Machine-readable formats: ``json`` (one document), ``jsonl`` and ``csv`` (a row per case).

All three write each result as it arrives, so memory stays flat on long runs; ``json`` writes
the opening of the document first and the summary last.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
from typing import IO, Any

from invitecore.formats.jsonline import encode_result
from invitecore.report import CaseResult, FormatOptions, Summary
from invitecore.serialize import result_to_dict, summary_to_dict

__all__ = [
    "CSV_COLUMNS",
    "CsvWriter",
    "JsonLinesWriter",
    "JsonWriter",
    "flat_row",
    "render_csv_row",
    "render_json_line",
    "write_utf8",
]


# json.dumps builds a new encoder on every call when given options; build ours once.
_ENCODE_LINE = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def _dumps(data: Any, indent: int | None = None) -> str:
    if indent is None:
        return _ENCODE_LINE(data)
    return json.dumps(data, ensure_ascii=False, indent=indent)


class JsonWriter:
    """``{"invitecore": version, "results": [...], "summary": {...}}``, streamed."""

    def __init__(self, stream: IO[str], options: FormatOptions) -> None:
        self.stream = stream
        self.count = 0
        stream.write('{\n  "invitecore": ' + _dumps(options.version) + ',\n  "results": [')

    def write(self, result: CaseResult) -> None:
        """Append one result to the ``results`` array."""
        text = _dumps(result_to_dict(result), indent=2).replace("\n", "\n    ")
        self.stream.write(("," if self.count else "") + "\n    " + text)
        self.count += 1

    def close(self, summary: Summary) -> None:
        """Close the array and write the summary."""
        summary_text = _dumps(summary_to_dict(summary), indent=2).replace("\n", "\n  ")
        closing = "\n  ]" if self.count else "]"
        self.stream.write(closing + ',\n  "summary": ' + summary_text + "\n}\n")


def write_utf8(stream: IO[str], data: bytes) -> None:
    """Write rows already rendered and encoded as UTF-8 (a parallel worker's chunk) to a text
    stream: straight to its binary buffer when the stream would encode them the same way, so
    the process that writes never decodes and re-encodes them."""
    buffer = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None) or ""
    try:
        same = codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        same = False
    # With "\n" as the line separator the text layer would not translate line ends either.
    if buffer is not None and same and os.linesep == "\n":
        stream.flush()  # whatever the text layer still holds goes first
        buffer.write(data)
    else:
        stream.write(data.decode("utf-8"))


def render_json_line(result: CaseResult) -> str:
    """One result as its JSON Lines row, newline included (see :mod:`.jsonline`)."""
    return encode_result(result) + "\n"


class JsonLinesWriter:
    """One result object per line; nothing else, so every line is one input case."""

    def __init__(self, stream: IO[str], options: FormatOptions) -> None:
        self.stream = stream

    def write(self, result: CaseResult) -> None:
        """Write one result as a line."""
        self.stream.write(render_json_line(result))

    def write_text(self, text: str) -> None:
        """Write a line :func:`render_json_line` already rendered."""
        self.stream.write(text)

    def write_encoded(self, data: bytes) -> None:
        """Write lines :func:`render_json_line` already rendered, encoded as UTF-8."""
        write_utf8(self.stream, data)

    def close(self, summary: Summary) -> None:
        """Nothing to add: the summary is not a row."""


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
    "findings",
    "top_suggestion",
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
        self.writer = csv.writer(stream, lineterminator="\n")
        self.writer.writerow(CSV_COLUMNS)

    def write(self, result: CaseResult) -> None:
        """Write one result as a row."""
        self.writer.writerow(flat_row(result))

    def write_text(self, text: str) -> None:
        """Write a row :func:`render_csv_row` already rendered."""
        self.stream.write(text)

    def write_encoded(self, data: bytes) -> None:
        """Write rows :func:`render_csv_row` already rendered, encoded as UTF-8."""
        write_utf8(self.stream, data)

    def close(self, summary: Summary) -> None:
        """Nothing to add: the summary is not a row."""


_ROW_BUFFER = io.StringIO()
_ROW_WRITER = csv.writer(_ROW_BUFFER, lineterminator="\n")


def render_csv_row(result: CaseResult) -> str:
    """One result as its CSV row, quoted exactly as :class:`CsvWriter` writes it."""
    _ROW_BUFFER.seek(0)
    _ROW_BUFFER.truncate()
    _ROW_WRITER.writerow(flat_row(result))
    return _ROW_BUFFER.getvalue()


def flat_row(result: CaseResult) -> list[str]:
    """A result as the flat values of :data:`CSV_COLUMNS` (also used for dataframes)."""
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
        " ".join(f.code for f in result.findings),
        _top_suggestion(result),
        "; ".join(errors),
    ]
