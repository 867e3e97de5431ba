"""Account-level checks over a whole run: the :class:`BatchCheck` protocol.

A batch check sees every :class:`~invitecore.results.CaseResult` of a run, in input order, and
at the end contributes one section to the run's :class:`~invitecore.summary.Summary`. Plugins
offer them through the ``invitecore_batch_checks`` hook. A run asks for batch checks only when
its summary is shown (the ``text`` and ``json`` formats, or ``--summary FILE``); with any
number of ``--jobs`` they see the same, complete results.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from invitecore.results import CaseResult

__all__ = ["BatchCheck"]


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
