"""Plain-data (JSON-ready) forms of results and summaries; the schema is in docs/output.md."""

from __future__ import annotations

from collections import Counter
from typing import Any

from invitecore.models import Profile, Signal
from invitecore.report import CaseResult, Summary

__all__ = ["SummaryCounter", "result_to_dict", "summary_to_dict"]


def _evidence(profile: Profile | None, signal: Signal) -> str | None:
    if profile is None or signal.field is None or signal.span is None:
        return None
    text = profile.field_text(signal.field)
    if text is None:
        return None
    start, end = signal.span
    return text[start:end]


def _note_evidence(
    result: CaseResult, field: str | None, span: tuple[int, int] | None
) -> str | None:
    # Findings point into the invitation (the note, the email); signals into the profile.
    invitation = result.invitation
    if invitation is None or field is None or span is None:
        return None
    text = getattr(invitation, field, None)
    return text[span[0] : span[1]] if isinstance(text, str) else None


def result_to_dict(result: CaseResult) -> dict[str, Any]:
    """One result as plain data, in the documented key order."""
    profile = result.profile
    classification = result.classification
    risk = result.risk
    errors: list[dict[str, str | None]] = [
        {"plugin": e.plugin, "hook": e.hook, "message": e.message} for e in result.errors
    ]
    if result.input_error is not None:
        errors.insert(0, {"plugin": None, "hook": None, "message": result.input_error})
    return {
        "id": result.id,
        "source": (
            {"file": result.source.file, "line": result.source.line} if result.source else None
        ),
        "name": profile.name if profile else None,
        "url": profile.url if profile else None,
        "classification": None
        if classification is None
        else {
            "camp": str(classification.camp),
            "confidence": classification.confidence,
            "open_strength": classification.open_strength,
            "selective_strength": classification.selective_strength,
            "signals": [
                {
                    "code": s.code,
                    "plugin": s.plugin,
                    "camp": str(s.camp),
                    "weight": s.weight,
                    "label": s.label,
                    "field": s.field,
                    "span": list(s.span) if s.span else None,
                    "evidence": _evidence(profile, s),
                    "value": s.value,
                }
                for s in classification.signals
            ],
        },
        "findings": [
            {
                "code": f.code,
                "plugin": f.plugin,
                "severity": str(f.severity) if f.severity else None,
                "message": f.message,
                "suggestion": f.suggestion,
                "field": f.field,
                "span": list(f.span) if f.span else None,
                "evidence": _note_evidence(result, f.field, f.span),
            }
            for f in result.findings
        ],
        "risk": None
        if risk is None
        else {
            "score": risk.score,
            "level": str(risk.level),
            "factors": [
                {"code": f.code, "plugin": f.plugin, "points": f.points, "reason": f.reason}
                for f in risk.factors
            ],
        },
        "verdict": str(result.verdict) if result.verdict else None,
        "advice": [{"code": a.code, "plugin": a.plugin, "text": a.text} for a in result.advice],
        "errors": errors,
    }


class SummaryCounter:
    """Counts results as they stream past; keeps only counters, never the results.

    Counters of consecutive parts of a run add up (:meth:`merge`): a parallel worker counts
    its chunk of rows and the process that keeps the summary merges the chunks in input order.
    """

    def __init__(self) -> None:
        self.cases = 0
        self.input_errors = 0
        self.plugin_errors = 0
        # The rank of the most severe finding so far (-1: none), for the run's exit code.
        self.worst_rank = -1
        # Keyed by the enum members themselves; turned into strings once, in summary().
        self.by_camp: Counter[object] = Counter()
        self.by_verdict: Counter[object] = Counter()
        self.by_level: Counter[object] = Counter()
        self.by_severity: Counter[object] = Counter()

    def add(self, result: CaseResult) -> None:
        """Count one result."""
        self.cases += 1
        if result.input_error is not None:
            self.input_errors += 1
            return
        self.plugin_errors += len(result.errors)
        if result.classification is not None:
            self.by_camp[result.classification.camp] += 1
        if result.verdict is not None:
            self.by_verdict[result.verdict] += 1
        if result.risk is not None:
            self.by_level[result.risk.level] += 1
        for finding in result.findings:
            severity = finding.severity
            self.by_severity[severity] += 1
            if severity is not None and severity.rank > self.worst_rank:
                self.worst_rank = severity.rank

    def merge(self, later: SummaryCounter) -> None:
        """Add the counts of the rows that follow the ones counted here.

        The summary lists camps, verdicts, levels and severities in the order they first
        appear; merging in input order keeps that order.
        """
        self.cases += later.cases
        self.input_errors += later.input_errors
        self.plugin_errors += later.plugin_errors
        self.worst_rank = max(self.worst_rank, later.worst_rank)
        self.by_camp.update(later.by_camp)
        self.by_verdict.update(later.by_verdict)
        self.by_level.update(later.by_level)
        self.by_severity.update(later.by_severity)

    def summary(self, sections: dict[str, Any] | None = None) -> Summary:
        """The :class:`Summary` of everything counted so far."""
        return Summary(
            cases=self.cases,
            input_errors=self.input_errors,
            plugin_errors=self.plugin_errors,
            by_camp=_named(self.by_camp),
            by_verdict=_named(self.by_verdict),
            by_level=_named(self.by_level),
            by_severity=_named(self.by_severity),
            sections=sections or {},
        )


def _named(counts: Counter[object]) -> dict[str, int]:
    return {str(key): count for key, count in counts.items()}


def summary_to_dict(summary: Summary) -> dict[str, Any]:
    """The summary as plain data."""
    return {
        "cases": summary.cases,
        "errors": {"input": summary.input_errors, "plugin": summary.plugin_errors},
        "by_camp": dict(summary.by_camp),
        "by_verdict": dict(summary.by_verdict),
        "by_level": dict(summary.by_level),
        "findings_by_severity": dict(summary.by_severity),
        **dict(summary.sections),
    }
