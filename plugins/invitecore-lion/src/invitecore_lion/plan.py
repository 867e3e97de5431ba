"""What the detector needs from one resolved settings object, built once per object."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from invitecore_lion.literals import LiteralFinder
from invitecore_lion.patterns import patterns_for

__all__ = ["COLD_PROFILES", "FIELD_MEMORY", "FieldEvidence", "Plan", "plan_for"]

# The first evidence of each rule code in one field, as ``(code, span, text, value)``.
FieldEvidence = tuple[tuple[str, "tuple[int, int] | None", str, "str | None"], ...]

# What a field of a kind holds is a pure function of its text, and lists repeat texts: a stock
# about ("I only connect with people I know"), a common headline. So each plan remembers the
# evidence, as immutable tuples, of up to this many texts per field kind, forgetting them all
# when full (memory stays flat over any number of profiles).
FIELD_MEMORY = 4096

# How many profiles are checked with one ``in`` test per anchor before the anchor finder is
# compiled (literals.py): it costs about half a millisecond, which a CLI run checking a single
# profile would not earn back, and saves about a microsecond a profile.
COLD_PROFILES = 500


class Plan:
    """What the detector needs from one settings object, read once rather than per profile.

    A plain slotted class rather than an attrs one: defining an attrs class costs a fraction
    of a millisecond at import, and the CLI imports this on every run.
    """

    __slots__ = (
        "anchor_finder", "anchors", "bragging_min", "caps_forms", "cold", "early_from",
        "early_until", "emoji_window", "fields", "joinable", "large_network_min",
        "negation_reach", "negation_search", "other_friend_anchors", "patterns",
        "shared_friend_anchors", "token_words",
    )

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.patterns = patterns = patterns_for(settings)
        self.anchors = patterns.anchors
        # The fields are joined with newlines to look for every anchor in one go; an anchor
        # holding a newline could then match across two fields, so with such settings (not
        # worth a faster path) the anchors are looked for in the folded fields as such.
        self.joinable = not any("\n" in anchor for anchor in self.anchors)
        evidence_anchors = set(self.anchors)
        self.shared_friend_anchors = tuple(
            a for a in patterns.friend_anchors if a in evidence_anchors
        )
        self.other_friend_anchors = tuple(
            a for a in patterns.friend_anchors if a not in evidence_anchors
        )
        # Profiles left to check before the anchor finder is built (see COLD_PROFILES).
        self.cold = COLD_PROFILES
        self.fields: dict[str, dict[str, FieldEvidence]] = {kind: {} for kind in patterns.kinds}
        self.anchor_finder: LiteralFinder | None = None
        # How a whole-word LION token may be written (see fields._capitals_ok).
        self.caps_forms = frozenset(f for t in patterns.tokens for f in (t, t + "s"))
        self.token_words = tuple((t, t.lower(), word) for t, word in patterns.token_words)
        window = int(settings["negation-window"])
        negated = patterns.negated_ending(window)
        self.negation_search = None if negated is None else negated.search
        # Words are short: 20 characters per word is plenty, and keeps the look-back bounded.
        self.negation_reach = 20 * window
        self.bragging_min = int(settings["bragging-min-count"])
        self.emoji_window = int(settings["emoji-window"])
        self.large_network_min = int(settings["large-network-min"])
        self.early_from = settings["early-member-from"]
        self.early_until = settings["early-member-until"]

    def forget(self) -> None:
        """Forget every remembered field (see FIELD_MEMORY)."""
        for known in self.fields.values():
            known.clear()


@functools.lru_cache(maxsize=8)
def plan_for(settings: Mapping[str, Any]) -> Plan:
    """The plan for ``settings`` (cached per settings object, which hashes by identity)."""
    return Plan(settings)
