"""Formats for editors and CI: ``concise`` (``path:line:col: CODE message``, as ruff and flake8
print) and ``github`` (GitHub Actions workflow commands, so a pull request gets annotations).

Both write one line per finding, as each result arrives. A finding is placed where its note
came from when the reader knows (``CaseResult.location``: the line and column of the span in a
case file or a ``--template`` file); otherwise at the case's own row (``result.source``),
column 1. An unreadable row and a plugin that failed on a case get a line too, so CI sees them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, NamedTuple

from invitecore.models import Finding, Severity
from invitecore.output import FormatOptions
from invitecore.results import CaseResult
from invitecore.summary import Summary

__all__ = [
    "ConciseWriter",
    "GitHubWriter",
    "Place",
    "Problem",
    "escape_data",
    "escape_property",
    "finding_place",
    "problems",
    "render_concise",
    "render_github",
]


class Place(NamedTuple):
    """Where an annotation points: a file, the 1-based line and column, and where the finding's
    text ends when it is known (``end_line``, ``end_column``: its last character)."""

    file: str | None
    line: int | None
    column: int
    end_line: int | None = None
    end_column: int | None = None


def _row_place(result: CaseResult) -> Place:
    source = result.source
    if source is None:
        return Place(None, None, 1)
    return Place(source.file, source.line, 1)


def finding_place(result: CaseResult, finding: Finding) -> Place:
    """Where ``finding`` is: its span in the file the note was read from (the note's start for
    a finding about the whole note), else the case's row."""
    located = _location(result, finding)
    origin = getattr(result.invitation, "note_origin", None)
    if located is None:
        if origin is not None and finding.field == "note" and finding.span is None:
            # About the note as a whole ("does not greet the person"): where the note starts.
            start = origin.position(0)
            if start is not None:
                return Place(origin.file, start[0], start[1])
        return _row_place(result)
    file, line, column = located
    end_line = end_column = None
    if origin is not None and finding.span is not None and finding.span[1] > finding.span[0]:
        last = origin.position(finding.span[1] - 1)
        if last is not None:
            end_line, end_column = last
    return Place(file, line, column, end_line, end_column)


def _location(result: CaseResult, finding: Finding) -> tuple[str, int, int] | None:
    # CaseResult.location reads Invitation.note_origin; a core without it has no such places.
    locate = getattr(result, "location", None)
    if locate is None:
        return None
    located: tuple[str, int, int] | None = locate(finding)
    return located


def _one_line(text: str) -> str:
    return " ".join(text.split())


class Problem(NamedTuple):
    """One line's worth: where, the code (``input-error`` and ``plugin-error`` for a row that
    could not be read and a plugin that failed), the message, its severity, and the fix."""

    place: Place
    code: str
    message: str
    severity: Severity
    fix: str | None = None


def problems(result: CaseResult) -> Iterator[Problem]:
    """Everything in ``result`` worth an annotation, findings first, in the plugins' order."""
    if result.input_error is not None:
        column, message = _strip_place(result, result.input_error)
        yield Problem(
            _row_place(result)._replace(column=column), "input-error", message, Severity.ERROR
        )
        return
    for finding in result.findings:
        severity = finding.severity or Severity.WARNING
        yield Problem(
            finding_place(result, finding),
            finding.code,
            finding.message,
            severity,
            finding.suggestion,
        )
    for error in result.errors:
        message = f"{error.plugin} failed in {error.hook}: {error.message}"
        yield Problem(_row_place(result), "plugin-error", message, Severity.ERROR)


def _strip_place(result: CaseResult, message: str) -> tuple[int, str]:
    """The column and the rest of an input error, which reads ``file:line[:column]: ...``: the
    place is taken off so it is not printed twice."""
    if result.source is None:
        return 1, message
    prefix = f"{result.source}:"
    if not message.startswith(prefix):
        return 1, message
    rest = message[len(prefix) :]
    head, sep, tail = rest.partition(":")
    if sep and head.isdigit():
        return int(head), tail.strip()
    return 1, rest.strip()


# -- concise ------------------------------------------------------------------------------------


def render_concise(result: CaseResult) -> str:
    """The lines ``concise`` writes for one result (``path:line:col: CODE message``)."""
    lines = []
    for problem in problems(result):
        place = problem.place
        file = place.file if place.file is not None else "-"
        line = place.line if place.line is not None else 1
        lines.append(f"{file}:{line}:{place.column}: {problem.code} {_one_line(problem.message)}\n")
    return "".join(lines)


class ConciseWriter:
    """One line per finding, in input order; nothing else, so ``grep`` and editors read it."""

    def __init__(self, stream: IO[str], options: FormatOptions) -> None:
        self.stream = stream

    def write(self, result: CaseResult) -> None:
        """Write the result's lines."""
        self.stream.write(render_concise(result))

    def write_text(self, text: str) -> None:
        """Write lines :func:`render_concise` already rendered (a parallel worker's)."""
        self.stream.write(text)

    def close(self, summary: Summary) -> None:
        """Nothing to add: like a linter, the lines are the report."""


# -- github -------------------------------------------------------------------------------------

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit does: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: the message's escapes plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result: CaseResult) -> str:
    """The workflow commands ``github`` writes for one result: ``::warning file=F,line=L,
    col=C::CODE message``, ``::error`` for errors, ``::notice`` for info; a finding's fix on a
    second line of the message."""
    lines = []
    for problem in problems(result):
        place = problem.place
        properties = []
        if place.file is not None:
            properties.append(f"file={escape_property(place.file)}")
        if place.line is not None:
            properties.append(f"line={place.line}")
            properties.append(f"col={place.column}")
            if place.end_line is not None and place.end_column is not None:
                properties.append(f"endLine={place.end_line}")
                if place.end_line == place.line:
                    properties.append(f"endColumn={place.end_column}")
        properties.append(f"title={escape_property(f'invitecore {problem.code}')}")
        text = f"{problem.code} {problem.message}"
        if problem.fix:
            text += f"\nfix: {problem.fix}"
        command = _COMMANDS[problem.severity]
        lines.append(f"::{command} {','.join(properties)}::{escape_data(text)}\n")
    return "".join(lines)


# A run keeps at most this many places to tell repeats by (about 100 bytes each).
_SEEN_LIMIT = 100_000


class GitHubWriter:
    """Workflow commands, one per finding. The same code at the same place is annotated once:
    a template's problem shows once on the template, not once per prospect filled in from it."""

    def __init__(self, stream: IO[str], options: FormatOptions) -> None:
        self.stream = stream
        self.seen: set[str] = set()

    def write(self, result: CaseResult) -> None:
        """Write the result's commands, leaving out repeats."""
        self.write_text(render_github(result))

    def write_text(self, text: str) -> None:
        """Write commands :func:`render_github` rendered, leaving out repeats."""
        for line in text.splitlines(keepends=True):
            # "::command properties::CODE ...": properties escape ':' so the split is exact.
            _, head, message = line.split("::", 2)
            key = head + "::" + message.split(" ", 1)[0]
            if key in self.seen:
                continue
            if len(self.seen) < _SEEN_LIMIT:
                self.seen.add(key)
            self.stream.write(line)

    def close(self, summary: Summary) -> None:
        """Nothing to add: GitHub shows the annotations; the exit code fails the step."""
