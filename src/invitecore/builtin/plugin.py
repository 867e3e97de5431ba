"""The core's own plugin: the built-in output formats, batch checks and the core's rules.

Registered like any third-party plugin (as ``invitecore.core``, before the installed ones), so
the core goes through the same hooks it offers and ``invitecore plugins`` lists it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO, Any

from invitecore.batch import BatchCheck
from invitecore.builtin.annotations import (
    ConciseWriter,
    GitHubWriter,
    render_concise,
    render_github,
)
from invitecore.builtin.duplicates import DuplicateProspects
from invitecore.builtin.machine import (
    CsvWriter,
    JsonLinesWriter,
    JsonWriter,
    render_csv_row,
    render_json_line,
)
from invitecore.builtin.repeated_notes import RepeatedNotes
from invitecore.builtin.send_plan import SendPlan
from invitecore.builtin.text import TextWriter
from invitecore.core_rules import CORE_RULES
from invitecore.hookspecs import hookimpl
from invitecore.models import Rule
from invitecore.output import FormatOptions, OutputFormat, ReportWriter
from invitecore.settings import Setting, Settings


def _html_writer(stream: IO[str], options: FormatOptions) -> ReportWriter:
    # Imported when the format is asked for: the page's styles, script and chart code (and the
    # standard library's html entities) are a cost every other run would pay at start-up.
    from invitecore.builtin.html import HtmlWriter

    return HtmlWriter(stream, options)


def _markdown_writer(stream: IO[str], options: FormatOptions) -> ReportWriter:
    from invitecore.builtin.markdown import MarkdownWriter

    return MarkdownWriter(stream, options)


@hookimpl
def invitecore_rules() -> Iterator[Rule]:
    """The core's own rules (see :mod:`invitecore.core_rules`)."""
    yield from CORE_RULES


def _at_least(least: int) -> Callable[[Any], None]:
    """A ``check`` for a whole-number setting: at least ``least``."""

    def check(value: Any) -> None:
        if value < least:
            raise ValueError(f"must be at least {least}, got {value}")

    return check


def _shares(value: Any) -> None:
    """A ``check`` for ``idk-response-rates``: a share from 0 to 1 for each known level."""
    for level, share in value.items():
        if level not in ("low", "medium", "high"):
            raise ValueError(f"{level!r} is not a risk level (low, medium, high)")
        if not 0.0 <= share <= 1.0:  # NaN fails too
            raise ValueError(f"{level} = {share} is not a share from 0 to 1")


@hookimpl
def invitecore_settings() -> Iterator[Setting]:
    """The batch defaults, configured as ``[tool.invitecore.batch]`` (see docs/batch.md)."""
    yield Setting(
        name="weekly-invitation-limit",
        default=100,
        description="Invitations per rolling 7 days the send plan stays under.",
        source="about 100 a week (some paid accounts 200): vendors' reports since 2021; "
        "docs/sources.md 4",
        check=_at_least(1),
    )
    yield Setting(
        name="monthly-personalized-notes",
        default=5,
        description="Personalised notes a free account may send per month.",
        source="LinkedIn Help a550555 (some vendors say 3); docs/sources.md 4",
        check=_at_least(0),
    )
    yield Setting(
        name="restriction-threshold",
        default=5,
        description='"I don\'t know" / spam responses after which an account may be restricted.',
        source="blogs 2007-2015 say 3 to 5, unofficial; docs/sources.md 4",
        check=_at_least(1),
    )
    yield Setting(
        name="pending-invitation-limit",
        default=500,
        description="Pending invitations beyond which vendors report restrictions.",
        source="about 500, vendors, unofficial; docs/sources.md 4",
        check=_at_least(1),
    )
    yield Setting(
        name="idk-response-rates",
        default={"low": 0.01, "medium": 0.05, "high": 0.15},
        description="Assumed share of invitations at each risk level answered with "
        '"I don\'t know" or spam.',
        source="chosen: no published rates exist (docs/sources.md 9); an ordering, "
        "not a measurement",
        check=_shares,
    )
    yield Setting(
        name="identical-notes-warning",
        default=10,
        description="Warn when this many notes in a list are near-identical.",
        source="chosen: mail-merge volume is what automation detection looks for",
        check=_at_least(2),
    )
    yield Setting(
        name="examples",
        default=10,
        description="How many prospects each summary list names.",
        source="chosen: enough to act on, short enough to read",
        check=_at_least(0),
    )


@hookimpl
def invitecore_batch_checks(settings: Settings) -> Iterator[BatchCheck]:
    """Duplicates, repeated notes and the send plan."""
    examples = int(settings["examples"])
    yield DuplicateProspects(examples=examples)
    yield RepeatedNotes(warn_at=int(settings["identical-notes-warning"]))
    yield SendPlan(
        weekly_limit=int(settings["weekly-invitation-limit"]),
        monthly_notes=int(settings["monthly-personalized-notes"]),
        restriction_threshold=int(settings["restriction-threshold"]),
        pending_limit=int(settings["pending-invitation-limit"]),
        response_rates=settings["idk-response-rates"],
        examples=examples,
    )


@hookimpl
def invitecore_output_formats() -> Iterator[OutputFormat]:
    """The built-in formats: text, json, jsonl, csv, html, markdown, concise, github."""
    yield OutputFormat(
        name="text",
        description="A readable report for a terminal (colour on a TTY).",
        factory=TextWriter,
    )
    yield OutputFormat(
        name="json",
        description="One JSON document: version, results, summary.",
        factory=JsonWriter,
    )
    yield OutputFormat(
        name="jsonl",
        description="One JSON result object per line, streamed in input order.",
        factory=JsonLinesWriter,
        streaming=True,
        summary=False,
        render=render_json_line,
    )
    yield OutputFormat(
        name="csv",
        description="One flat CSV row per case, streamed in input order.",
        factory=CsvWriter,
        streaming=True,
        summary=False,
        render=render_csv_row,
    )
    yield OutputFormat(
        name="html",
        description="A self-contained page: summary cards, charts, a table to sort and filter.",
        factory=_html_writer,
    )
    yield OutputFormat(
        name="markdown",
        description="The summary and a table of prospects, for a ticket or a chat.",
        factory=_markdown_writer,
    )
    yield OutputFormat(
        name="concise",
        description="One line per finding, path:line:col: CODE message (as ruff and flake8).",
        factory=ConciseWriter,
        streaming=True,
        summary=False,
        render=render_concise,
    )
    yield OutputFormat(
        name="github",
        description="GitHub Actions annotations (::warning file=...::CODE message), one a finding.",
        factory=GitHubWriter,
        streaming=True,
        summary=False,
        render=render_github,
    )
