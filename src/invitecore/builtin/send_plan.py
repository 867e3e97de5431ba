"""The account-level send plan: weekly cap, monthly note quota, and the restriction risk.

Everything here is kept in bounded memory: counters, the identities seen (as fingerprints),
and two small heaps (the first week's invitations and the prospects most worth a scarce
personalised note).

How the plan is built (docs/batch.md says the same for users):

- a person is planned once: a row with the same profile URL, or the same name and company, as
  an earlier row is a duplicate and is left out (the ``duplicates`` section lists them);
- first-degree connections (verdict ``already_connected``: LinkedIn's own ``Connections.csv``
  export lists only such people) are left out;
- prospects whose verdict is ``send`` or ``revise`` are *invitable* (revise the note first);
  ``warm_up`` prospects are approached first, ``do_not_send`` prospects are dropped;
- invitable prospects go out lowest risk first (open networkers first on a tie), at most
  ``weekly-invitation-limit`` a week, so the plan takes ``ceil(invitable / limit)`` weeks;
- a free account has ``monthly-personalized-notes`` notes a month. An invitation needs one when
  it goes to a stranger who is not an open networker; those go to the riskiest of them, where
  a note helps most; the other invitations that need one wait for next month's notes, and the
  invitations that need none (open networkers, people who know the sender) go without;
- the expected number of "I don't know" / spam responses is the sum, over invitable prospects,
  of an assumed response rate per risk level; the plan warns when the total, or any week's
  share, reaches ``restriction-threshold``.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping
from typing import Any

from invitecore.builtin.duplicates import FingerprintSet, prospect_keys
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


class _Group:
    """A count of prospects and the first few of them, by label."""

    def __init__(self, limit: int) -> None:
        self.count = 0
        self.examples: list[str] = []
        self.limit = limit

    def add(self, label: str) -> None:
        self.count += 1
        if len(self.examples) < self.limit:
            self.examples.append(label)

    def named(self) -> str:
        """The examples, and how many more there are."""
        if not self.count:
            return "nobody"
        more = self.count - len(self.examples)
        return ", ".join(self.examples) + (f" and {_number(more)} more" if more else "")

    def as_dict(self) -> dict[str, Any]:
        return {"count": self.count, "examples": list(self.examples)}


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
        self.weekly_limit = weekly_limit  # at least 1: the setting's check refuses less
        self.monthly_notes = monthly_notes
        self.restriction_threshold = restriction_threshold
        self.pending_limit = pending_limit
        self.rates = dict(response_rates or {"low": 0.01, "medium": 0.05, "high": 0.15})
        self.example_limit = examples
        self.seen = FingerprintSet()
        self.by_level: dict[RiskLevel, int] = {}
        self.invitable = 0
        self.duplicates = _Group(examples)
        self.warm_up = _Group(examples)
        self.drop = _Group(examples)
        self.connected = _Group(examples)
        # Free-account invitations: those that go without a note, those that need one.
        self.free_sender_rows = 0
        self.blank = _Group(examples)
        self.needing_note = 0
        self._order = 0
        # Max-heap (negated keys) of the lowest-risk invitable prospects: the first week.
        self._first: list[tuple[float, int, int, str]] = []
        # Min-heap of the riskiest invitations that need a note: who gets the month's notes.
        self._notes: list[tuple[float, int, str]] = []

    def observe(self, result: CaseResult) -> None:
        """Place one prospect in the plan (rows without a verdict are not prospects)."""
        verdict, risk, profile = result.verdict, result.risk, result.profile
        if verdict is None:
            return
        self._order += 1
        name = profile.name if profile is not None else (result.id or "?")
        label = name if result.source is None else f"{name} ({result.source})"
        if profile is not None:
            url, name_key = prospect_keys(profile)
            repeated = url is not None and self.seen.add(url)
            repeated = (name_key is not None and self.seen.add(name_key)) or repeated
            if repeated:  # a person is planned once
                self.duplicates.add(label)
                return
        if verdict is Verdict.ALREADY_CONNECTED:
            self.connected.add(label)
        elif verdict is Verdict.WARM_UP:
            self.warm_up.add(label)
        elif verdict is Verdict.DO_NOT_SEND:
            self.drop.add(label)
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
        if result.sender is None or result.sender.account is not Account.FREE:
            return
        self.free_sender_rows += 1
        stranger = result.invitation is None or result.invitation.relationship.is_stranger
        if not stranger or is_open:
            self.blank.add(label)  # open networkers and people who know you need no note
            return
        self.needing_note += 1
        if len(self._notes) < self.monthly_notes:
            heapq.heappush(self._notes, (score, self._order, label))
        elif self.monthly_notes and (score, self._order) > self._notes[0][:2]:
            heapq.heapreplace(self._notes, (score, self._order, label))

    def finish(self) -> Mapping[str, Any]:
        """The plan section: weeks, first invitations, notes, warm-ups, drops, restriction risk."""
        weeks = math.ceil(self.invitable / self.weekly_limit) if self.invitable else 0
        first = [label for *_, label in sorted(self._first, reverse=True)]
        notes = [label for _, _, label in sorted(self._notes, reverse=True)]
        waiting = self.needing_note - len(notes)
        weekly = weekly_expected_responses(self.by_level, self.rates, self.weekly_limit)
        expected = round(float(sum(weekly)), 2)
        worst_week = round(max(weekly), 2) if weekly else 0.0
        limit = self.restriction_threshold
        warnings: list[str] = []
        if expected >= limit:
            warnings.append(
                f"This plan expects about {_about(expected)} \"I don't know\" or spam answers in "
                f"all; LinkedIn may restrict an account after about {limit}. Warm up or drop the "
                "riskiest prospects first."
            )
        elif worst_week >= limit:
            warnings.append(
                f'The riskiest week expects about {_about(worst_week)} "I don\'t know" answers; '
                f"LinkedIn may restrict an account after about {limit}. Spread the high-risk "
                "invitations over more weeks, or warm them up first."
            )
        if self.invitable > self.pending_limit:
            warnings.append(
                f"{_number(self.invitable)} invitations would leave more than "
                f"{_number(self.pending_limit)} pending if few accept: withdraw old pending "
                "invitations as you go."
            )
        lines = [
            f"This week: invite {_number(min(self.invitable, self.weekly_limit))}, lowest risk "
            "first: " + (_names(first, self.example_limit) or "nobody"),
        ]
        if self.free_sender_rows and notes:
            lines.append(
                f"Personalised notes: a free account has {self.monthly_notes} a month. Give them "
                "to the riskiest invitations that need one: " + ", ".join(notes) + "."
            )
        elif self.free_sender_rows:
            lines.append(
                "Personalised notes: no invitation in this plan needs one of a free account's "
                f"{self.monthly_notes} notes a month."
            )
        if self.free_sender_rows:
            if waiting:
                lines.append(
                    f"{_plural(waiting, 'more invitation')} to strangers need a note: wait for "
                    "next month's notes, or warm them up first."
                )
            if self.blank.count:
                lines.append(
                    f"{_plural(self.blank.count, 'invitation')} can go without a note (open "
                    f"networkers, people who know you): {self.blank.named()}"
                )
        lines += [
            f"Warm up first ({_number(self.warm_up.count)}): {self.warm_up.named()}",
            f"Do not invite ({_number(self.drop.count)}): {self.drop.named()}",
        ]
        if self.connected.count:
            lines.append(
                f"Already connected, left out ({_number(self.connected.count)}): "
                f"{self.connected.named()}"
            )
        if self.duplicates.count:
            lines.append(
                f"Left out as copies of a person already planned ({_number(self.duplicates.count)})"
                f": {self.duplicates.named()}"
            )
        lines.append(
            f'Expected "I don\'t know" answers: about {_about(expected)} over the whole plan, at '
            f"most {_about(worst_week)} in one week; LinkedIn may restrict an account after about "
            f"{limit} (docs/batch.md says where these numbers come from)."
        )
        return {
            "invitable": self.invitable,
            "weeks": weeks,
            "weekly_limit": self.weekly_limit,
            "first_week": first,
            "warm_up": self.warm_up.as_dict(),
            "drop": self.drop.as_dict(),
            "already_connected": self.connected.as_dict(),
            "duplicates": self.duplicates.as_dict(),
            "personalized_notes": {
                "monthly_limit": self.monthly_notes,
                "free_account_prospects": self.free_sender_rows,
                "give_to": notes,
                "waiting": waiting,
                "without_note": self.blank.as_dict(),
            },
            "expected_idk_responses": expected,
            "expected_idk_by_week": [round(w, 2) for w in weekly],
            "restriction_threshold": limit,
            "headline": (
                f"Invite {_plural(self.invitable, 'person', 'people')} over "
                f"{_plural(weeks, 'week')}, {_number(self.weekly_limit)} a week"
            ),
            "lines": lines,
            "warnings": warnings,
        }


def _about(expected: float) -> str:
    """An expected count of answers: two decimals below 1 (0.02, not 0.0), one above."""
    return f"{expected:.2f}" if expected < 1 else f"{expected:,.1f}"


def _number(value: int) -> str:
    return f"{value:,}"


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def _names(labels: list[str], limit: int) -> str:
    shown = labels[:limit]
    more = len(labels) - len(shown)
    return ", ".join(shown) + (f" and {_number(more)} more" if more else "")
