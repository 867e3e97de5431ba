"""The account-level send plan: weekly cap, monthly note quota, and the restriction risk.

Everything here is kept in bounded memory: counters by verdict and risk level, and two small
heaps (the first week's invitations and the prospects most worth a scarce personalised note).

How the plan is built (docs/batch.md says the same for users):

- first-degree connections (verdict ``already_connected``: LinkedIn's own ``Connections.csv``
  export lists only such people) are left out;
- prospects whose verdict is ``send`` or ``revise`` are *invitable* (revise the note first);
  ``warm_up`` prospects are approached first, ``do_not_send`` prospects are dropped;
- invitable prospects go out lowest risk first (open networkers first on a tie), at most
  ``weekly-invitation-limit`` a week, so the plan takes ``ceil(invitable / limit)`` weeks;
- a free account has ``monthly-personalized-notes`` notes a month: they go to the invitable
  prospects with the highest risk, where a note helps most;
- the expected number of "I don't know" / spam responses is the sum, over invitable prospects,
  of an assumed response rate per risk level; the plan warns when the total, or any week's
  share, reaches ``restriction-threshold``.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping
from typing import Any

from invitecore.models import Account, RiskLevel, Verdict
from invitecore.results import CaseResult

__all__ = ["SendPlan", "weekly_expected_responses"]

_INVITABLE = (Verdict.SEND, Verdict.REVISE)
_LEVELS = (RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH)


def weekly_expected_responses(
    by_level: Mapping[RiskLevel, int], rates: Mapping[str, float], weekly_limit: int
) -> list[float]:
    """Expected "I don't know" responses per week when prospects go out lowest risk first."""
    queue = [(rates.get(str(level), 0.0), by_level.get(level, 0)) for level in _LEVELS]
    weeks: list[float] = []
    current, room = 0.0, weekly_limit
    for rate, count in queue:
        while count:
            taken = min(count, room)
            current += taken * rate
            count -= taken
            room -= taken
            if room == 0:
                weeks.append(current)
                current, room = 0.0, weekly_limit
    if room != weekly_limit:
        weeks.append(current)
    return weeks


class SendPlan:
    """Builds the plan from a stream of results; see the module docstring for the rules."""

    name = "send_plan"

    def __init__(
        self,
        *,
        weekly_limit: int = 100,
        monthly_notes: int = 5,
        restriction_threshold: int = 5,
        pending_limit: int = 500,
        response_rates: Mapping[str, float] | None = None,
        examples: int = 10,
    ) -> None:
        self.weekly_limit = max(1, weekly_limit)
        self.monthly_notes = monthly_notes
        self.restriction_threshold = restriction_threshold
        self.pending_limit = pending_limit
        self.rates = dict(response_rates or {"low": 0.01, "medium": 0.05, "high": 0.15})
        self.example_limit = examples
        self.by_level: dict[RiskLevel, int] = {}
        self.invitable = 0
        self.free_sender_rows = 0
        self.warm_up: list[str] = []
        self.warm_up_count = 0
        self.drop: list[str] = []
        self.drop_count = 0
        self.connected: list[str] = []
        self.connected_count = 0
        self._order = 0
        # Max-heap (negated keys) of the lowest-risk invitable prospects: the first week.
        self._first: list[tuple[float, int, int, str]] = []
        # Min-heap of the highest-risk invitable prospects: who gets the scarce notes.
        self._notes: list[tuple[float, int, str]] = []

    def observe(self, result: CaseResult) -> None:
        """Place one prospect in the plan (rows without a verdict are not prospects)."""
        verdict, risk, profile = result.verdict, result.risk, result.profile
        if verdict is None:
            return
        self._order += 1
        name = profile.name if profile is not None else (result.id or "?")
        label = name if result.source is None else f"{name} ({result.source})"
        if verdict is Verdict.ALREADY_CONNECTED:
            # A first-degree connection (LinkedIn's own Connections.csv is nothing but these)
            # is already in the network: there is nobody to invite.
            self.connected_count += 1
            _add_example(self.connected, label, self.example_limit)
        elif verdict is Verdict.WARM_UP:
            self.warm_up_count += 1
            _add_example(self.warm_up, label, self.example_limit)
        elif verdict is Verdict.DO_NOT_SEND:
            self.drop_count += 1
            _add_example(self.drop, label, self.example_limit)
        elif verdict in _INVITABLE and risk is not None:
            self._invite(result, risk.level, risk.score, label)

    def _invite(self, result: CaseResult, level: RiskLevel, score: float, label: str) -> None:
        self.invitable += 1
        self.by_level[level] = self.by_level.get(level, 0) + 1
        is_open = result.classification is not None and result.classification.is_open
        # The first week: the lowest-risk prospects, open networkers first on a tie, then in
        # input order (the order number also makes every key unique).
        key = (-score, -int(not is_open), -self._order)
        if len(self._first) < self.weekly_limit:
            heapq.heappush(self._first, (*key, label))
        elif key > self._first[0][:3]:
            heapq.heapreplace(self._first, (*key, label))
        if result.sender is not None and result.sender.account is Account.FREE:
            # The scarce personalised notes go to the riskiest invitations.
            self.free_sender_rows += 1
            if len(self._notes) < self.monthly_notes:
                heapq.heappush(self._notes, (score, self._order, label))
            elif self.monthly_notes and (score, self._order) > self._notes[0][:2]:
                heapq.heapreplace(self._notes, (score, self._order, label))

    def finish(self) -> Mapping[str, Any]:
        """The plan section: weeks, first invitations, notes, warm-ups, drops, restriction risk."""
        weeks = math.ceil(self.invitable / self.weekly_limit) if self.invitable else 0
        first = [label for *_, label in sorted(self._first, reverse=True)]
        notes = [label for _, _, label in sorted(self._notes, reverse=True)]
        weekly = weekly_expected_responses(self.by_level, self.rates, self.weekly_limit)
        expected = round(float(sum(weekly)), 2)
        worst_week = round(max(weekly), 2) if weekly else 0.0
        warnings: list[str] = []
        if expected >= self.restriction_threshold:
            warnings.append(
                f'This plan expects about {expected:g} "I don\'t know"/spam responses in all, '
                f"at or above the {self.restriction_threshold} that can get an account "
                "restricted: warm up or drop the riskiest prospects first."
            )
        elif worst_week >= self.restriction_threshold:
            warnings.append(
                f'The riskiest week expects about {worst_week:g} "I don\'t know" responses: '
                "spread high-risk invitations out or warm them up first."
            )
        if self.invitable > self.pending_limit:
            warnings.append(
                f"{self.invitable} invitations would leave more than {self.pending_limit} pending "
                "if few accept: withdraw old pending invitations as you go."
            )
        lines = [
            f"invite {self.invitable} over {weeks} week(s) at {self.weekly_limit} a week, "
            "lowest risk first",
            "first to invite: " + (", ".join(first[: self.example_limit]) or "nobody"),
            f"warm up first ({self.warm_up_count}): " + (", ".join(self.warm_up) or "nobody"),
            f"drop ({self.drop_count}): " + (", ".join(self.drop) or "nobody"),
        ]
        if self.connected_count:
            lines.append(
                f"already connected ({self.connected_count}), left out: "
                + ", ".join(self.connected)
            )
        if self.free_sender_rows:
            lines.append(
                f"a free account can personalise {self.monthly_notes} notes a month: give them to "
                + (", ".join(notes) or "nobody")
            )
        lines.append(
            f'expected "I don\'t know"/spam responses: {expected:g} in all, at most '
            f"{worst_week:g} in one week (restriction risk from {self.restriction_threshold})"
        )
        return {
            "invitable": self.invitable,
            "weeks": weeks,
            "weekly_limit": self.weekly_limit,
            "first_week": first,
            "warm_up": {"count": self.warm_up_count, "examples": self.warm_up},
            "drop": {"count": self.drop_count, "examples": self.drop},
            "already_connected": {"count": self.connected_count, "examples": self.connected},
            "personalized_notes": {
                "monthly_limit": self.monthly_notes,
                "free_account_prospects": self.free_sender_rows,
                "give_to": notes,
            },
            "expected_idk_responses": expected,
            "expected_idk_by_week": [round(w, 2) for w in weekly],
            "restriction_threshold": self.restriction_threshold,
            "headline": f"{self.invitable} to invite over {weeks} week(s)",
            "lines": lines,
            "warnings": warnings,
        }


def _add_example(examples: list[str], label: str, limit: int) -> None:
    if len(examples) < limit:
        examples.append(label)
