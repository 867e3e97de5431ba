"""Account-level checks over a whole run: the :class:`BatchCheck` protocol.

A batch check sees every :class:`~invitecore.report.CaseResult` as the engine produces it and, at
the end, contributes one section to the run's :class:`~invitecore.report.Summary`. Plugins offer
them through the ``invitecore_batch_checks`` hook.

A check may also split its per-row work in two (:class:`SplitBatchCheck`): ``extract`` reads
what the check needs from one result, and ``accept`` takes that in, in input order. In a
parallel run (``--jobs``) ``extract`` then runs in the worker process that produced the result,
and only the small extracted value travels to the process that keeps the summary. That process
does the work of every row on its own, so whatever a check moves into ``extract`` is work the
workers share instead of work that limits how fast two or more jobs can go.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from invitecore.report import CaseResult

__all__ = ["BatchCheck", "SplitBatchCheck"]


@runtime_checkable
class BatchCheck(Protocol):
    """Watches a run's results and reports one summary section.

    ``name`` is the key of the section in the summary (``duplicates``, ``send_plan`` ...).
    ``finish`` returns JSON-serialisable data; a ``"warnings"`` list of strings in it is shown
    prominently by the text format.
    """

    name: str

    def observe(self, result: CaseResult) -> None:
        """Look at one result. Called in input order, once per row, error rows included."""

    def finish(self) -> Mapping[str, Any]:
        """Return this check's section of the summary."""


@runtime_checkable
class SplitBatchCheck(BatchCheck, Protocol):
    """A batch check whose ``observe(result)`` is ``accept(extract(result))``.

    ``extract`` must depend only on the result and on how the check was configured, never on
    what it has seen so far: in a parallel run it is called on a copy of the check in a worker
    process. It returns picklable data, as small as the check can make it. ``accept`` is
    called in input order, once per row, in the process that calls ``finish``.
    """

    def extract(self, result: CaseResult) -> Any:
        """What ``accept`` needs from one result (picklable; no state of the check)."""

    def accept(self, extracted: Any) -> None:
        """Take in what ``extract`` returned for the next row."""
