"""Identical and near-identical notes across a list: a bot signal to LinkedIn and to people.

Two notes are near-identical when they are the same after the recipient's own name and company
are replaced by slots and case, punctuation and spacing are ignored: exactly what a mail-merge
template produces. Memory is bounded: notes are counted by their shape's 64-bit string hash (the
table lives for one run in one process, so the per-process salt does not matter) in a table of
at most ``window`` entries; when it fills, notes seen only once are dropped. A note repeated often
survives; two copies of a note more than ``window`` distinct notes apart can be missed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from invitecore.results import CaseResult

__all__ = ["RepeatedNotes", "note_shape"]

_NOT_WORD = re.compile(r"[\W_]+")


def note_shape(note: str, names: tuple[str, ...]) -> str:
    """The note with the recipient's names replaced by a slot, lowercased, punctuation removed."""
    text = note.casefold()
    for name in names:
        if name and len(name) > 1:
            folded = name.casefold()
            if folded in text:
                text = text.replace(folded, " name ")
    return _NOT_WORD.sub(" ", text).strip()


class RepeatedNotes:
    """Finds notes sent, near-identically, to many prospects."""

    name = "notes"

    def __init__(self, *, warn_at: int = 10, window: int = 20_000, groups: int = 5) -> None:
        self.warn_at = warn_at
        self.window = window
        self.group_limit = groups
        self.counts: dict[int, int] = {}
        self.examples: dict[int, str] = {}
        self.with_note = 0

    def observe(self, result: CaseResult) -> None:
        """Count one prospect's note by its shape, forgetting one-off shapes when the window
        is full."""
        invitation, profile = result.invitation, result.profile
        if invitation is None or profile is None or not invitation.has_note:
            return
        names = (
            profile.name,
            profile.first_name or "",
            profile.last_name or "",
            profile.company or "",
            profile.given_name,
        )
        self.with_note += 1
        digest = hash(note_shape(invitation.note, names))
        count = self.counts.get(digest, 0) + 1
        self.counts[digest] = count
        if count == 2:
            self.examples[digest] = invitation.note[:120]
        if len(self.counts) > self.window:
            self._forget_singletons()

    def _forget_singletons(self) -> None:
        self.counts = {key: count for key, count in self.counts.items() if count > 1}
        if len(self.counts) > self.window // 2:
            # Even repeated notes overflow the window: keep the most frequent half.
            kept = sorted(self.counts.items(), key=lambda kv: -kv[1])[: self.window // 2]
            self.counts = dict(kept)
            self.examples = {k: v for k, v in self.examples.items() if k in self.counts}

    def finish(self) -> Mapping[str, Any]:
        """The section: the largest groups of near-identical notes, with a warning."""
        repeated = sorted(
            ((count, key) for key, count in self.counts.items() if count > 1), reverse=True
        )
        groups = [
            {"count": count, "example": self.examples.get(key, "")}
            for count, key in repeated[: self.group_limit]
        ]
        largest = repeated[0][0] if repeated else 0
        section: dict[str, Any] = {
            "with_note": self.with_note,
            "largest_group": largest,
            "groups": groups,
            "headline": (
                f"{largest:,} notes are the same apart from the name"
                if largest
                else "every note is different"
            ),
            "lines": [f'{g["count"]:,} x "{g["example"]}"' for g in groups],
            "warnings": [],
        }
        if largest >= self.warn_at:
            section["warnings"].append(
                f"{largest:,} notes are the same apart from the name: identical notes in volume "
                "look automated, to LinkedIn and to people. Add a sentence specific to each "
                "person (their post, a shared group, an event)."
            )
        return section
