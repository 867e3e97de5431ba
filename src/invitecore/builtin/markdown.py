"""The ``markdown`` format: the summary and a table of prospects, for a ticket or a chat.

GitHub-flavoured Markdown: a heading, the summary as a short list, each batch check's section
(headline, lines, warnings), then one table row per prospect with the verdict, risk, camp, the
most severe finding and its fix. Everything taken from input is escaped, so a name with a ``|``
cannot break the table and a ``<script>`` in a headline stays text.

The rows are rendered as results arrive and held (as text) until the summary, which comes
first, is known.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import IO, Any

from invitecore.models import Finding, Verdict
from invitecore.output import FormatOptions
from invitecore.results import CaseResult
from invitecore.summary import Summary

__all__ = ["COLUMNS", "MarkdownWriter", "cell", "render_row"]

COLUMNS = ("Prospect", "Verdict", "Risk", "Camp", "Top finding", "Fix")

VERDICT_LABELS = {
    Verdict.SEND: "send",
    Verdict.REVISE: "revise",
    Verdict.WARM_UP: "warm up first",
    Verdict.DO_NOT_SEND: "do not send",
    Verdict.ALREADY_CONNECTED: "already connected",
}

# Characters with a meaning inside a line of Markdown (the table's pipe, emphasis, code, links,
# raw HTML, GitHub's strikethrough and $math$); each gets a backslash, which CommonMark and
# GitHub allow before any ASCII punctuation.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$])")
# What would start a block (a heading, a quote, a list) at the start of a list item's text.
_BLOCK_START = re.compile(r"^([#>+=-]|\d+(?=[.)]))")
_SAFE_URL = re.compile(r"https?://[^\s<>\"'`()\[\]|\\]+\Z", re.IGNORECASE)
_CELL_LIMIT = 300


def cell(text: str, limit: int = _CELL_LIMIT) -> str:
    """``text`` as inline Markdown that shows exactly as written: one line, specials escaped,
    ``&`` as an entity so ``&lt;`` in input stays visible as written."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    escaped = _SPECIAL.sub(r"\\\1", flat.replace("&", "&amp;"))
    return _BLOCK_START.sub(_escape_block, escaped)


def _escape_block(match: re.Match[str]) -> str:
    # "# x" becomes "\# x"; "1. x" becomes "1\. x" (a backslash before a digit is no escape).
    start = match.group(1)
    return start + "\\" if start[0].isdigit() else "\\" + start


def _top(result: CaseResult) -> Finding | None:
    if not result.findings:
        return None
    return max(result.findings, key=lambda f: f.severity.rank if f.severity else 0)


def _name(result: CaseResult) -> str:
    if result.profile is None:
        return cell(result.id or "unreadable row")
    name = cell(result.profile.name)
    url = result.profile.url
    if url and _SAFE_URL.match(url.strip()):
        name = f"[{name}]({url.strip()})"
    return name


def render_row(result: CaseResult) -> str:
    """One prospect's table row, newline included."""
    where = f" ({cell(str(result.source))})" if result.source else ""
    if result.input_error is not None:
        cells = [_name(result) + where, "**unreadable**", "", "", cell(result.input_error), ""]
        return "| " + " | ".join(cells) + " |\n"
    verdict = VERDICT_LABELS.get(result.verdict, "") if result.verdict is not None else ""
    risk = f"{result.risk.score:g} {result.risk.level}" if result.risk is not None else ""
    camp = str(result.classification.camp).replace("_", " ") if result.classification else ""
    top = _top(result)
    finding = fix = ""
    if top is not None:
        finding = f"`{top.code}` {cell(top.message)}"
        extra = len(result.findings) - 1
        if extra:
            finding += f" (+{extra} more)"
        fix = cell(top.suggestion or "")
    elif result.advice:
        fix = cell(result.advice[0].text)
    if result.errors:
        failed = ", ".join(sorted({e.plugin for e in result.errors}))
        finding += f" (plugin error: {cell(failed)})"
    cells = [_name(result) + where, f"**{verdict}**" if verdict else "", risk, camp, finding, fix]
    return "| " + " | ".join(cells) + " |\n"


class MarkdownWriter:
    """Summary first, then the table: rows are rendered as they come and written at the end."""

    def __init__(self, stream: IO[str], options: FormatOptions) -> None:
        self.stream = stream
        self.rows: list[str] = []
        self.plugins_hint = options.plugins_hint

    def write(self, result: CaseResult) -> None:
        """Render one prospect's row and keep it until the summary is written."""
        self.rows.append(render_row(result))

    def close(self, summary: Summary) -> None:
        """Write the heading, the summary, the sections and the table."""
        out = self.stream
        count = summary.cases
        out.write(f"## invitecore: {count} prospect{'s' if count != 1 else ''}\n\n")
        if self.plugins_hint:
            out.write(f"> {cell(self.plugins_hint, 1000)}\n\n")
        for label, value in _summary_lines(summary):
            out.write(f"- **{label}**: {value}\n")
        for name, section in summary.sections.items():
            out.write(_section(name, section))
        out.write("\n| " + " | ".join(COLUMNS) + " |\n")
        out.write("|" + "|".join(" --- " for _ in COLUMNS) + "|\n")
        out.writelines(self.rows)
        self.rows = []


def _counts(counts: Mapping[str, int]) -> str:
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{cell(key.replace('_', ' '))} {value}" for key, value in ordered)


def _summary_lines(summary: Summary) -> list[tuple[str, str]]:
    lines = []
    cases = str(summary.cases)
    if summary.input_errors:
        cases += f" ({summary.input_errors} unreadable)"
    lines.append(("Prospects", cases))
    for label, counts in (
        ("Verdicts", summary.by_verdict),
        ("Camps", summary.by_camp),
        ("Risk", summary.by_level),
    ):
        if counts:
            lines.append((label, _counts(counts)))
    plan = summary.sections.get("send_plan")
    if isinstance(plan, Mapping) and "expected_idk_responses" in plan:
        expected = plan.get("expected_idk_responses", 0)
        threshold = plan.get("restriction_threshold")
        verdict = ""
        if isinstance(threshold, (int, float)) and isinstance(expected, (int, float)):
            verdict = " (at or above it)" if expected >= threshold else " (below it)"
        lines.append(
            (
                'Expected "I don\'t know" answers',
                f"{expected:g} against a restriction level of {threshold}{verdict}",
            )
        )
    if summary.plugin_errors:
        lines.append(("Plugin errors", str(summary.plugin_errors)))
    return lines


def _section(name: str, section: Any) -> str:
    title = cell(name.replace("_", " ").capitalize())
    if not isinstance(section, Mapping):
        return f"\n### {title}\n\n{cell(str(section), 2000)}\n"
    blocks = []
    headline = section.get("headline")
    if headline:
        blocks.append(cell(str(headline), 2000))
    for warning in section.get("warnings", ()):
        blocks.append(f"> **Warning**: {cell(str(warning), 2000)}")
    lines = [f"- {cell(str(line), 2000)}" for line in section.get("lines", ())]
    if lines:
        blocks.append("\n".join(lines))
    return f"\n### {title}\n\n" + "\n\n".join(blocks) + "\n"
