"""The core's own plugin: the built-in output formats and the core's rules.

Registered like any third-party plugin (as ``invitecore.core``), so the core goes through the
same hooks it offers.
"""

from __future__ import annotations

from collections.abc import Iterator

from invitecore.formats.machine import CsvWriter, JsonLinesWriter, JsonWriter
from invitecore.formats.text import TextWriter
from invitecore.hookspecs import hookimpl
from invitecore.models import Rule, Severity
from invitecore.report import OutputFormat

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
    )
    yield OutputFormat(
        name="csv",
        description="One flat CSV row per case, streamed in input order.",
        factory=CsvWriter,
        streaming=True,
    )
