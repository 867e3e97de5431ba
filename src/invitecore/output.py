"""The output-format API: what a plugin offers through ``invitecore_output_formats``.

``invitecore run --format NAME`` picks an :class:`OutputFormat`; its ``factory`` makes a
:class:`ReportWriter` for the run's output stream, which gets each
:class:`~invitecore.results.CaseResult` as it is produced and then the run's
:class:`~invitecore.summary.Summary`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import IO, Any, Protocol

import attrs

from invitecore.results import CaseResult
from invitecore.summary import Summary

__all__ = ["FormatOptions", "OutputFormat", "ReportWriter"]


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
    :param streaming: True when the format writes each result as it arrives (``jsonl``, ``csv``):
        memory stays flat however long the list.
    :param summary: True when the format shows the run's summary sections (duplicates,
        repeated notes, the send plan). When False, the run's batch checks are not run (their
        sections would be thrown away) unless ``--summary FILE`` asks for the summary; the
        writer's ``close`` then gets a summary with the counts only.
    :param render: optional, for streaming formats: a picklable function returning exactly the
        text the writer writes for one result. Parallel runs (``--jobs``) call it in the worker
        processes and hand the text to the writer's ``write_text(text)`` method, which the
        writer must then have.
    """

    name: str
    description: str
    factory: Callable[[IO[str], FormatOptions], ReportWriter]
    streaming: bool = False
    summary: bool = True
    plugin: str | None = None
    render: Callable[[CaseResult], str] | None = None
