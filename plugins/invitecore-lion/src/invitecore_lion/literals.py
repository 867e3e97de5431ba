"""Finding which of many literals occur in a text, in one regex pass.

Most profiles hold none of the anchors (see :mod:`invitecore_lion.patterns`), so proving that
is the one cost every profile pays, and a profile that holds some needs to know which. A ``str``
search per literal reads the text once per literal. Python's ``re`` finds the positions holding
one of a set of characters in one fast pass, so :class:`LiteralFinder` builds a pattern that
stops only at a *pivot*, a rare character of each literal: the pattern consumes the pivot, then
a look-ahead reads the rest of the literal and a look-behind (fixed width: the literal's length)
checks all of it, and an empty group names the literal. Each literal's pivot is its rarest
character by English letter frequency, among a small set of pivots chosen greedily to cover
every literal while being rare in prose, so that few positions need a closer look; the
literals after a pivot share a trie.

Exactness: a literal occurs exactly where the pattern matches at its pivot (the rest follows
and the look-behind sees the literal; conversely the look-behind only succeeds on an
occurrence). Matches consume only their pivot, so an occurrence is never skipped for lying
inside an earlier match. A match reports one literal, though: two literals with the same pivot
character can occur around the same pivot position ("neveryone" holds "never" and "everyone"
around its "v"), and then only the first is reported. Such *siblings* are worked out when the
pattern is built (their characters agree wherever they overlap when aligned on the pivot), and
when one of them is found the others are looked for with ``in``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["LiteralFinder"]

# English letters, most frequent first. Any other character (digits, punctuation, "+") is
# taken as rarer than every letter: prose is mostly letters and spaces.
_LETTERS_BY_FREQUENCY = "etaoinshrdlcumwfgypbvkjxqz"


def _frequency(char: str) -> float:
    """A rough relative frequency of ``char`` in English prose (0 for non-letters)."""
    index = _LETTERS_BY_FREQUENCY.find(char)
    return 0.0 if index < 0 else float(len(_LETTERS_BY_FREQUENCY) - index)


def _pivots(literals: Iterable[str]) -> set[str]:
    """Characters such that every literal holds one, chosen greedily: the character held by
    the most literals not yet covered per unit of frequency (ties to the rarer, then the
    smaller)."""
    uncovered = set(literals)
    chosen: set[str] = set()
    while uncovered:
        counts: dict[str, int] = {}
        for literal in uncovered:
            for char in set(literal):
                counts[char] = counts.get(char, 0) + 1
        best = min(counts, key=lambda c: (-counts[c] / (_frequency(c) + 0.5), _frequency(c), c))
        chosen.add(best)
        uncovered = {literal for literal in uncovered if best not in literal}
    return chosen


def _pivot_index(literal: str, pivots: set[str]) -> int:
    """Where ``literal``'s pivot is: its rarest character among ``pivots`` (the first such)."""
    return min(
        (i for i, char in enumerate(literal) if char in pivots),
        key=lambda i: (_frequency(literal[i]), i),
    )


def _can_share_a_pivot(first: tuple[str, int], second: tuple[str, int]) -> bool:
    """True when the literals, aligned on their pivots (``(literal, pivot index)``), agree on
    every character where they overlap: both can then occur around one pivot position."""
    (one, i), (other, j) = first, second
    return all(
        one[x + i] == other[x + j]
        for x in range(max(-i, -j), min(len(one) - i, len(other) - j))
    )


class LiteralFinder:
    """Which of ``literals`` occur in a text (:meth:`find`), with one regex pass.

    Empty literals are ignored. Building compiles a pattern of a few hundred characters (about
    half a millisecond): worth it when many texts are searched.
    """

    __slots__ = ("_finditer", "_literals", "_search", "_siblings", "any", "reach")
    _literals: Sequence[tuple[str, int]]

    def __init__(self, literals: Iterable[str]) -> None:
        words = sorted({literal for literal in literals if literal})
        pivots = _pivots(words)
        aligned = [(word, _pivot_index(word, pivots)) for word in words]
        groups: dict[str, list[tuple[str, str, int]]] = {}
        for number, (word, index) in enumerate(aligned, start=1):
            groups.setdefault(word[index], []).append((word[index + 1 :], word, number))
        # A literal's siblings, each with its pivot index (so, where it would start).
        self._siblings = {
            word: siblings
            for word, index in aligned
            if (siblings := tuple(
                (other, at) for other, at in aligned
                if other != word and other[at] == word[index]
                and _can_share_a_pivot((word, index), (other, at))
            ))
        }
        pattern = re.compile(_source(groups, lookahead=True))
        # A match's lastindex is the group that ends its literal's branch.
        by_index = [("", 0)] * (pattern.groups + 1)
        for name, index in pattern.groupindex.items():
            by_index[index] = aligned[int(name[1:]) - 1]
        self._literals = by_index
        self._search = pattern.search
        self._finditer = pattern.finditer
        #: ``any(text)`` is None when no literal occurs in ``text``; else a match, and no
        #: literal starts more than ``reach`` characters before its start. (The same pattern,
        #: but reading the rest of a literal rather than looking ahead at it: that fails sooner
        #: where a pivot starts no literal.)
        self.any = re.compile(_source(groups, lookahead=False)).search
        self.reach = max((index for _, index in aligned), default=0)

    def search(self, text: str) -> int:
        """Where the first literal in ``text`` (by pivot) starts, or -1 when none occurs (most
        texts: one search)."""
        match = self._search(text)
        if match is None:
            return -1
        return match.start() - self._literals[match.lastindex or 0][1]

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[str]:
        """The literals that occur in ``text[start:end]``, each once, in the order found."""
        end = len(text) if end is None else end
        first = self._search(text, start, end)
        if first is None:
            return []
        literals = self._literals
        siblings = self._siblings
        found: list[str] = []
        for match in (first, *self._finditer(text, first.end(), end)):
            literal, index = literals[match.lastindex or 0]
            if match.start() - index < start:
                continue  # it starts before ``start``: the look-behind saw text outside
            if literal not in found:
                found.append(literal)
            hidden = siblings.get(literal)
            if hidden:
                pivot = match.start()
                for sibling, at in hidden:
                    # Reported at the same pivot, a sibling hides: look where it would be.
                    if pivot - at >= start and sibling not in found and (
                        text.startswith(sibling, pivot - at, end)
                    ):
                        found.append(sibling)
        return found


def _source(groups: dict[str, list[tuple[str, str, int]]], *, lookahead: bool) -> str:
    """The pattern for the literals after each pivot (see _after_pivot), the rest of each
    literal read in a look-ahead (so that a match consumes only its pivot) or not."""
    wrap = "(?={})" if lookahead else "{}"
    source = "|".join(
        re.escape(pivot) + wrap.format(_after_pivot(items))
        for pivot, items in sorted(groups.items())
    )
    return source or r"(?!x)x"


def _after_pivot(items: Sequence[tuple[str, str, int]]) -> str:
    """A regex for what follows a pivot (``(rest, literal, group number)`` triples), as a trie,
    each branch ending in the look-behind that checks its whole literal and its empty group."""
    root: dict[str, Any] = {}
    for rest, literal, number in items:
        node = root
        for char in rest:
            node = node.setdefault(char, {})
        node.setdefault("", []).append((literal, number))

    def emit(node: dict[str, Any]) -> str:
        branches = []
        for char, child in node.items():
            if char:
                branches.append(re.escape(char) + emit(child))
            else:
                branches += [
                    f"(?<={re.escape(literal)})(?P<l{number}>)" for literal, number in child
                ]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root)
