"""The run summary: counts over every result, plus the sections batch checks contribute."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import attrs

from invitecore.results import CaseResult

__all__ = ["Summary", "SummaryCounter"]


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


class SummaryCounter:
    """Counts results as they stream past; keeps only counters, never the results.

    Counters of consecutive parts of a run add up (:meth:`merge`): a parallel worker counts
    its chunk of rows and the process that writes the output merges the chunks in input order.
    """

    def __init__(self) -> None:
        self.cases = 0
        self.input_errors = 0
        self.plugin_errors = 0
        # The rank of the most severe finding so far (-1: none), for the run's exit code.
        self.worst_rank = -1
        self.by_camp: Counter[str] = Counter()
        self.by_verdict: Counter[str] = Counter()
        self.by_level: Counter[str] = Counter()
        self.by_severity: Counter[str] = Counter()

    def add(self, result: CaseResult) -> None:
        """Count one result."""
        self.cases += 1
        if result.input_error is not None:
            self.input_errors += 1
            return
        self.plugin_errors += len(result.errors)
        if result.classification is not None:
            self.by_camp[str(result.classification.camp)] += 1
        if result.verdict is not None:
            self.by_verdict[str(result.verdict)] += 1
        if result.risk is not None:
            self.by_level[str(result.risk.level)] += 1
        for finding in result.findings:
            severity = finding.severity
            self.by_severity[str(severity)] += 1
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

    def summary(self, sections: Mapping[str, Any] | None = None) -> Summary:
        """The :class:`Summary` of everything counted so far."""
        return Summary(
            cases=self.cases,
            input_errors=self.input_errors,
            plugin_errors=self.plugin_errors,
            by_camp=dict(self.by_camp),
            by_verdict=dict(self.by_verdict),
            by_level=dict(self.by_level),
            by_severity=dict(self.by_severity),
            sections=dict(sections or {}),
        )
