"""The ``text`` format: a report a person reads in a terminal, coloured when it is a TTY.

Everything a report shows that it did not write itself (names, notes, plugins' messages, file
names) goes through :func:`safe` first: a prospect's name holding ``ESC [ 2 J`` or an OSC
sequence is shown as ``\x1b[2J``, never sent to the terminal.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import IO, Any

from invitecore.errors import printable
from invitecore.models import Classification, Profile, Severity, Signal, Verdict
from invitecore.output import FormatOptions
from invitecore.results import CaseResult
from invitecore.summary import Summary

__all__ = ["TextWriter", "safe"]

_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}
_VERDICT_STYLE = {
    Verdict.SEND: ("SEND", "green"),
    Verdict.REVISE: ("REVISE", "yellow"),
    Verdict.WARM_UP: ("WARM UP FIRST", "yellow"),
    Verdict.DO_NOT_SEND: ("DO NOT SEND", "red"),
    Verdict.ALREADY_CONNECTED: ("ALREADY CONNECTED", "green"),
}
_SEVERITY_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_LEVEL_STYLE = {"low": "green", "medium": "yellow", "high": "red"}
_WIDTH = 12  # label column
_TEXT_WIDTH = 86  # the text column, so a line stays within 100 characters
# Up to this many cases, each gets its full report; a longer list (a prospect list) gets one
# line per prospect, so the summary at the end stays within reach.
DETAIL_LIMIT = 20

_SPACES = str.maketrans("\t\n\r\x0b\x0c", "     ")


def safe(text: object) -> str:
    """``text`` as a terminal may show it: line breaks and tabs as spaces, every other control
    character (escape sequences included), lone surrogates and bidirectional overrides as
    their escapes."""
    value = text if isinstance(text, str) else str(text)
    if value.isprintable():
        return value
    return printable(value.translate(_SPACES))


class TextWriter:
    """A full block per case for a few cases, a line per prospect for a list; then the summary.

    Results are held back only until it is clear which of the two it is (``DETAIL_LIMIT``
    cases), so memory stays bounded and long lists still stream.
    """

    def __init__(self, stream: IO[str], options: FormatOptions) -> None:
        self.stream = stream
        self.color = options.color
        self.plugins_hint = options.plugins_hint
        self.count = 0
        self.pending: list[CaseResult] = []
        self.compact = False

    def write(self, result: CaseResult) -> None:
        """Hold the result until the list is known to be short, or write its line."""
        if self.compact:
            self._row(result)
            return
        self.pending.append(result)
        if len(self.pending) > DETAIL_LIMIT:
            self.compact = True
            header = (
                f"{'verdict':<13} {'risk':>5} {'level':<6} {'camp':<19} {'prospect':<28} findings"
            )
            self.stream.write(self.style(header, "bold") + "\n")
            for held in self.pending:
                self._row(held)
            self.pending = []

    def _row(self, result: CaseResult) -> None:
        where = f"  ({safe(result.source)})" if result.source else ""
        name = safe(result.profile.name if result.profile else (result.id or "unreadable input"))
        if result.input_error is not None or result.verdict is None:
            message = safe(result.input_error or "not evaluated")
            who = f"{safe(result.profile.name)}: " if result.profile else ""
            self.stream.write(self.style(f"{'ERROR':<13} {who}{message}", "red") + "\n")
            return
        text, color = _VERDICT_STYLE[result.verdict]
        if result.verdict is Verdict.ALREADY_CONNECTED:
            text = "CONNECTED"
        camp = str(result.classification.camp) if result.classification else ""
        codes = safe(" ".join(f.code for f in result.findings))
        score = f"{result.risk.score:>5g}" if result.risk else f"{'-':>5}"
        level = str(result.risk.level) if result.risk else ""
        row = (
            f"{self.style(f'{text:<13}', color)} {score} "
            f"{level:<6} {camp:<19} {name[:28]:<28} {codes}"
        )
        self.stream.write(row + self.style(where, "dim") + "\n")

    def style(self, text: str, *styles: str) -> str:
        """``text`` wrapped in ANSI codes when colour is on."""
        if not self.color or not styles:
            return text
        codes = ";".join(_CODES[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"

    def line(self, label: str, text: str = "") -> None:
        """One report line: a label column, then the text."""
        self.stream.write(f"  {self.style(label.ljust(_WIDTH), 'bold')}{text}\n".rstrip() + "\n")

    def more(self, text: str) -> None:
        """A continuation line under the text column."""
        self.stream.write(" " * (_WIDTH + 2) + text + "\n")

    def _block(self, result: CaseResult) -> None:
        """Write the full report for one case."""
        if self.count:
            self.stream.write("\n")
        self.count += 1
        where = f"  ({safe(result.source)})" if result.source else ""
        title = safe(result.profile.name if result.profile else (result.id or "unreadable input"))
        self.stream.write(self.style(title, "bold") + self.style(where, "dim") + "\n")
        if result.input_error is not None:
            self.line("Error", self.style(safe(result.input_error), "red"))
            return
        if result.classification is not None:
            self._camp(result.classification, result.profile)
        if result.verdict is not Verdict.ALREADY_CONNECTED:
            self._note(result)
        if result.risk is not None:
            risk = result.risk
            level = self.style(str(risk.level), _LEVEL_STYLE.get(str(risk.level), "bold"))
            self.line("Risk", f"{risk.score:g}/100 ({level})")
            for factor in sorted(risk.factors, key=lambda f: -f.points):
                self.more(f"{factor.points:+g}  {factor.code}  {safe(factor.reason)}")
        if result.verdict is not None:
            text, color = _VERDICT_STYLE[result.verdict]
            self.line("Verdict", self.style(text, "bold", color))
            if result.reason is not None:
                self.more(f"why: {safe(result.reason.text)}")
        for index, advice in enumerate(result.advice):
            self.line("Next" if index == 0 else "", f"- {safe(advice.text)}")
        for error in result.errors:
            self.line(
                "Plugin",
                self.style(safe(f"{error.plugin} failed in {error.hook}: {error.message}"), "red"),
            )

    def _camp(self, classification: Classification, profile: Profile | None) -> None:
        camp = str(classification.camp).replace("_", " ")
        if not classification.signals:
            self.line("Camp", f"{camp} (no evidence either way: treat a stranger as selective)")
            return
        self.line("Camp", f"{camp} (confidence {classification.confidence:.2f})")
        for signal in classification.signals:
            sign = "+" if str(signal.camp) == "open" else "-"
            self.more(f"{sign} {signal.code}  {safe(signal.label)}{safe(_quote(signal, profile))}")

    def _note(self, result: CaseResult) -> None:
        """The note as it will be sent (a template filled in for this prospect), then what is
        wrong with it."""
        note = safe(result.invitation.note) if result.invitation is not None else ""
        if note.strip():
            lines = textwrap.wrap(
                f'"{note}"', width=_TEXT_WIDTH, replace_whitespace=True, drop_whitespace=True
            )
            self.line("Note", lines[0])
            for line in lines[1:]:
                self.more(line)
        else:
            self.line("Note", "(no note)")
        if not result.findings:
            self.more("no problems found")
            return
        count = len(result.findings)
        self.more(f"{count} finding{'s' if count != 1 else ''}")
        ranked = sorted(result.findings, key=lambda f: -(f.severity.rank if f.severity else 0))
        for finding in ranked:
            severity = finding.severity or Severity.WARNING
            tag = self.style(f"{severity!s:<7}", _SEVERITY_STYLE[severity])
            located = result.location(finding)
            where = (
                "" if located is None else self.style(safe("  ({}:{}:{})".format(*located)), "dim")
            )
            self.more(f"{tag}  {finding.code}  {safe(finding.message)}{where}")
            if finding.suggestion:
                self.more(f"{'':7}  {'':6}  fix: {safe(finding.suggestion)}")

    def close(self, summary: Summary) -> None:
        """Write held blocks, then the summary and a hint when no plugins are installed."""
        for held in self.pending:
            self._block(held)
        self.pending = []
        if self.plugins_hint:
            self.stream.write("\n" + self.style(self.plugins_hint, "yellow") + "\n")
        if summary.cases <= 1:
            return
        self.stream.write("\n" + self.style("Summary", "bold") + "\n")
        self.line(
            "Cases",
            f"{summary.cases}"
            + (f" ({summary.input_errors} unreadable)" if summary.input_errors else ""),
        )
        for label, counts in (
            ("Verdicts", summary.by_verdict),
            ("Camps", summary.by_camp),
            ("Risk", summary.by_level),
        ):
            if counts:
                self.line(label, _counts(counts))
        for name, section in summary.sections.items():
            self._section(name, section)

    def _section(self, name: str, section: Any) -> None:
        title = safe(name.replace("_", " ").capitalize())
        if not isinstance(section, Mapping):
            self.line(title, safe(section))
            return
        headline = section.get("headline")
        self.line(title, safe(headline) if headline else "")
        for line in _items(section.get("lines")):
            self.more(safe(line))
        for warning in _items(section.get("warnings")):
            self.more(self.style(f"! {safe(warning)}", "red", "bold"))


def _items(value: Any) -> list[Any]:
    """A section's ``lines`` or ``warnings``: a list, or one value as a list of one."""
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _counts(counts: Mapping[str, int]) -> str:
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{key.replace('_', ' ')} {value}" for key, value in ordered)


def _quote(signal: Signal, profile: Profile | None) -> str:
    """Where the evidence is, unless the plugin's label already says it."""
    if profile is None or signal.field is None:
        return ""
    if signal.span is None:
        return "" if signal.field in signal.label else f"  [{signal.field}]"
    text = profile.field_text(signal.field) or ""
    start, end = signal.span
    evidence = text[start:end]
    if evidence and evidence in signal.label:
        return ""
    if len(evidence) > 60:
        evidence = evidence[:57] + "..."
    return f'  [{signal.field}: "{evidence}"]'
