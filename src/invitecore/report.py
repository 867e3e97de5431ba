"""What the engine produces: a case, its result, the run summary, and output formats.

Formats are plugins too: the ``invitecore_output_formats`` hook returns :class:`OutputFormat`
objects, and ``invitecore run --format NAME`` picks one. A format gets a text stream and writes
each :class:`CaseResult` as it arrives (so streaming formats stream), then the :class:`Summary`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import IO, TYPE_CHECKING, Any, Protocol

import attrs

from invitecore.models import (
    Advice,
    Classification,
    Finding,
    Invitation,
    PluginError,
    Profile,
    Risk,
    Sender,
    Verdict,
)

if TYPE_CHECKING:
    from invitecore.serialize import SummaryCounter

__all__ = [
    "Case",
    "CaseResult",
    "FormatOptions",
    "OutputFormat",
    "Rendered",
    "RenderedChunk",
    "ReportWriter",
    "Source",
    "Summary",
    "source_text",
]


@attrs.frozen(kw_only=True)
class Source:
    """Where a case came from: a file name (``-`` for stdin) and the 1-based line, if known."""

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return source_text(self.file, self.line)


def source_text(file: str, line: int | None) -> str:
    """How a :class:`Source` prints (``list.csv:12``), from its two fields."""
    return f"{file}:{line}" if line is not None else file


@attrs.frozen(kw_only=True)
class Case:
    """One invitation to judge: the recipient's profile, the draft, and who sends it."""

    profile: Profile
    invitation: Invitation = attrs.field(factory=Invitation)
    sender: Sender = attrs.field(factory=Sender)
    id: str | None = None
    source: Source | None = None


@attrs.frozen(kw_only=True)
class CaseResult:
    """Everything the engine concluded about one case.

    A row that could not be read at all has ``input_error`` set, no classification or risk, and
    ``verdict`` None: batch runs emit it in place so every input row has exactly one output row.
    """

    id: str | None
    source: Source | None
    profile: Profile | None
    classification: Classification | None
    invitation: Invitation | None = None
    sender: Sender | None = None
    findings: tuple[Finding, ...] = ()
    risk: Risk | None = None
    verdict: Verdict | None = None
    advice: tuple[Advice, ...] = ()
    errors: tuple[PluginError, ...] = ()
    input_error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the case was read and evaluated (plugin errors aside)."""
        return self.input_error is None


@attrs.frozen(kw_only=True)
class Summary:
    """Counts over a whole run, plus account-level sections from ``invitecore_batch_checks``."""

    cases: int = 0
    input_errors: int = 0
    plugin_errors: int = 0
    by_camp: Mapping[str, int] = attrs.field(factory=dict)
    by_verdict: Mapping[str, int] = attrs.field(factory=dict)
    by_level: Mapping[str, int] = attrs.field(factory=dict)
    by_severity: Mapping[str, int] = attrs.field(factory=dict)
    sections: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class FormatOptions:
    """How the CLI (or an embedding tool) wants a format to write."""

    color: bool = False
    settings: Mapping[str, Any] = attrs.field(factory=dict)
    version: str = ""
    plugins_hint: str | None = None


class ReportWriter(Protocol):
    """Writes results as they come, then the summary. Returned by an :class:`OutputFormat`."""

    def write(self, result: CaseResult) -> None:
        """Write (or remember) one result; streaming formats write it at once."""

    def close(self, summary: Summary) -> None:
        """Write whatever comes after the last result (the summary, a closing bracket)."""


@attrs.frozen(kw_only=True)
class OutputFormat:
    """An output format a plugin offers: ``invitecore run --format NAME``.

    :param factory: called once per run with the output stream and :class:`FormatOptions`;
        returns the :class:`ReportWriter` for that run.
    :param streaming: True when the format writes each result as it arrives (``jsonl``, ``csv``);
        the CLI then writes results in input order as soon as they are computed.
    :param render: optional, for streaming formats: a picklable function that returns exactly
        the text the writer would write for one result. Parallel runs (``--jobs``) call it in
        the worker processes and hand the text to the writer's ``write_text``.
    """

    name: str
    description: str
    factory: Callable[[IO[str], FormatOptions], ReportWriter]
    streaming: bool = False
    plugin: str | None = None
    render: Callable[[CaseResult], str] | None = None


@attrs.frozen(kw_only=True)
class Rendered:
    """A result whose output text was already rendered (by a parallel worker).

    ``result`` is a slimmed copy for the summary and batch checks: it keeps who the prospect is
    (name, first and last name, company, URL, connection degree), the note, the sender, the
    camp and confidence, the risk score and level, the verdict, the findings and the errors,
    and leaves out signals, risk factors, advice and the profile's free text, which only the
    output needed.
    """

    result: CaseResult
    text: str


@attrs.frozen(kw_only=True)
class RenderedChunk:
    """Consecutive rows a parallel worker evaluated and rendered, reduced to what the process
    that writes the output and keeps the summary needs (no result objects at all).

    Used when every batch check of the run is a :class:`~invitecore.batch.SplitBatchCheck`.

    :param output: the rows' rendered text, joined and encoded as UTF-8 (a writer with
        ``write_encoded(data)`` writes it as it is; others get it decoded, row by row, through
        ``write_text``). The text itself, when it cannot be encoded (a lone surrogate): the
        output stream's error handler then decides, row by row, as without ``--jobs``.
    :param ends: where each row's text ends in the joined text (in characters).
    :param counts: the rows counted for the summary (a
        :class:`~invitecore.serialize.SummaryCounter`).
    :param input_errors: the message of every row that could not be read, in order.
    :param extracts: one list per batch check, in the run's order of checks, of what its
        ``extract`` returned for each row; when it raised instead, the index of that row in
        the chunk and the error message.
    """

    output: bytes | str
    ends: list[int]
    counts: SummaryCounter
    input_errors: list[str]
    extracts: list[list[Any] | tuple[int, str]]
