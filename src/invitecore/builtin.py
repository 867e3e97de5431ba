"""The core's own plugin: the built-in output formats and the core's rules.

Registered like any third-party plugin (as ``invitecore.core``), so the core goes through the
same hooks it offers.
"""

from __future__ import annotations

from collections.abc import Iterator

from invitecore.batch import BatchCheck
from invitecore.batchchecks import DuplicateProspects, RepeatedNotes, SendPlan
from invitecore.formats.machine import (
    CsvWriter,
    JsonLinesWriter,
    JsonWriter,
    render_csv_row,
    render_json_line,
)
from invitecore.formats.text import TextWriter
from invitecore.hookspecs import hookimpl
from invitecore.models import Rule, Severity
from invitecore.report import OutputFormat
from invitecore.settings import Setting, Settings

# Codes the core itself emits (batch runs); plugins may not reuse them.
TEMPLATE_FIELD_MISSING = "INV101"


@hookimpl
def invitecore_rules() -> Iterator[Rule]:
    """The core's own rules."""
    yield Rule(
        code=TEMPLATE_FIELD_MISSING,
        summary="A template placeholder has no value for this prospect",
        severity=Severity.ERROR,
        explanation=(
            "The note template names a field (such as {company}) that this prospect's row "
            "leaves empty. Sending it would show an empty gap or the raw placeholder, a classic "
            "sign of automated outreach. Fill the field in the input, or write this note by hand."
        ),
    )


@hookimpl
def invitecore_settings() -> Iterator[Setting]:
    """The batch defaults, configured as ``[tool.invitecore.batch]`` (see docs/batch.md)."""
    yield Setting(
        name="weekly-invitation-limit",
        default=100,
        description="Invitations per rolling 7 days the send plan stays under.",
        source="about 100 a week (some paid accounts 200): vendors' reports since 2021; "
        "domain.md section 4",
    )
    yield Setting(
        name="monthly-personalized-notes",
        default=5,
        description="Personalised notes a free account may send per month.",
        source="LinkedIn Help a550555 (some vendors say 3); domain.md section 4",
    )
    yield Setting(
        name="restriction-threshold",
        default=5,
        description='"I don\'t know" / spam responses after which an account may be restricted.',
        source="blogs 2007-2015 say 3 to 5, unofficial; domain.md section 4",
    )
    yield Setting(
        name="pending-invitation-limit",
        default=500,
        description="Pending invitations beyond which vendors report restrictions.",
        source="about 500, vendors, unofficial; domain.md section 4",
    )
    yield Setting(
        name="idk-response-rates",
        default={"low": 0.01, "medium": 0.05, "high": 0.15},
        description="Assumed share of invitations at each risk level answered with "
        '"I don\'t know" or spam.',
        source="chosen: no published rates exist (domain.md section 9); an ordering, "
        "not a measurement",
    )
    yield Setting(
        name="identical-notes-warning",
        default=10,
        description="Warn when this many notes in a list are near-identical.",
        source="chosen: mail-merge volume is what automation detection looks for",
    )
    yield Setting(
        name="examples",
        default=10,
        description="How many prospects each summary list names.",
        source="chosen: enough to act on, short enough to read",
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
    """The built-in formats: text, json, jsonl, csv."""
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
        render=render_json_line,
    )
    yield OutputFormat(
        name="csv",
        description="One flat CSV row per case, streamed in input order.",
        factory=CsvWriter,
        streaming=True,
        render=render_csv_row,
    )
