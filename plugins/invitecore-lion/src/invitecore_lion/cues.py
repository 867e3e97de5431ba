"""Finding the cue words of a text, and where they are.

Every statement the grammar reads and every marker holds a *cue*: a word stem such as
``accept``, ``invit``, ``lion`` or ``+``. Most fields of most profiles hold none, so finding
cues is the one cost every field pays, and it is paid on long about texts.

A regex of alternatives (``accept|invit|lion|...``) costs 20-40 ns at every position of the
text. But when every alternative of a pattern starts with a literal character, ``re`` first
skips, in C, each position whose character starts none of them. So each cue is written from
its *pivot*, a rare character of it: the pattern matches the pivot, then checks the rest of the
cue around it, with a look-behind for the part up to the pivot and a look-ahead for the part
after. Only positions holding a pivot are tried, and pivots are rare letters (``k``, ``v``,
``p``) or signs (``+``). Each alternative ends in an empty named group, which says which cue
matched (it costs nothing where nothing matches). A match consumes only its pivot, so no
occurrence hides another, except a shorter cue on the same pivot inside a longer one
("network" in "networker"): the longer is tried first, and reports the shorter too.

A cue with no rare character (``lion``, ``note``) is looked for with ``str.find``, which
scans in C too; one that holds another such cue (``connections`` holds ``nect``) is only
checked where that one occurs. So is an emoji: with pivots all below U+0100, ``re`` tests a
character against them with one bit-map lookup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["CueFinder", "rarity"]

# The letters that may be pivots, most frequent first (each is 1.5% of English letters or less);
# any character that is not a letter nor a common sign (a digit, "+", an emoji) may be one
# too, and is rarer than all of them. A cue without one is found with ``str.find``: trying
# the pattern at every "e" or "l" would cost more than a scan per cue.
_PIVOTS = "bvkjxqz"
_COMMON = frozenset("abcdefghijklmnopqrstuvwxyz .,;:!?'\"()-\n\t") - frozenset(_PIVOTS)


def _pivot(char: str) -> bool:
    """True when ``char`` may be a pivot: rare, and below U+0100."""
    return char not in _COMMON and ord(char) <= 0xFF


def rarity(char: str) -> int:
    """How common ``char`` is as a pivot: lower is rarer; 99 for a character too common."""
    if char in _COMMON:
        return 99
    index = _PIVOTS.find(char)
    return -1 if index < 0 else len(_PIVOTS) - index


class CueFinder:
    """The positions of cue words in a (folded) text."""

    def __init__(self, cues: Iterable[str]) -> None:
        words = sorted({c for c in cues if c})
        plain = sorted((c for c in words if not any(_pivot(ch) for ch in c)), key=len)
        # The plain cues searched for, and for each the longer plain cues that hold it (with
        # where): those are checked where it occurs, not searched for.
        self._plain: dict[str, list[tuple[str, int]]] = {}
        for cue in plain:
            root = next((r for r in self._plain if r in cue), None)
            if root is None:
                self._plain[cue] = []
            else:
                self._plain[root].append((cue, cue.index(root)))
        self._by_pivot: dict[str, list[tuple[str, int]]] = {}
        chosen: set[str] = set()
        # The cues with the rarest characters choose first; a later cue takes a pivot already
        # chosen when it has one, so that fewer characters are tried.
        rare = [c for c in words if c not in plain]
        for cue in sorted(rare, key=lambda c: min(rarity(ch) for ch in c if _pivot(ch))):
            at = min((i for i, ch in enumerate(cue) if _pivot(ch)),
                     key=lambda i: (cue[i] not in chosen, rarity(cue[i]), i))
            chosen.add(cue[at])
            self._by_pivot.setdefault(cue[at], []).append((cue, at))
        # By group number (each alternative holds one group; group 0, the whole match, names
        # none): the cue and those inside it.
        self._cues: list[tuple[str, ...]] = [()]
        branches = []
        for pivot, found in sorted(self._by_pivot.items()):
            checks = []
            for cue, at in sorted(found, key=lambda pair: -len(pair[0])):  # longer first
                inside = tuple(other for other, other_at in found if other != cue and (
                    cue.find(other) >= 0 and cue.find(other) == at - other_at))
                checks.append(
                    (f"(?<={re.escape(cue[: at + 1])})" if at else "")
                    + (f"(?={re.escape(cue[at + 1 :])})" if at + 1 < len(cue) else "")
                    + f"(?P<c{len(self._cues) - 1}>)"
                )
                self._cues.append((cue, *inside))
            branches.append(re.escape(pivot) + "(?:" + "|".join(checks) + ")")
        self._pattern = re.compile("|".join(branches) or r"(?!x)x")

    def find(self, text: str) -> list[tuple[int, str]]:
        """Each cue occurrence in ``text`` as ``(position, cue)``, by position; the position
        is somewhere inside the occurrence."""
        first = self._pattern.search(text)
        # The plain cues the text holds: one scan each, in C. Most texts hold none; a text
        # that holds some is then searched for those only, not for every plain cue in turn.
        plain = list(filter(text.__contains__, self._plain))
        if first is None and not plain:
            return []  # most texts: one search, one scan per plain cue, no Python loop
        # The search found the first match: none starts before it.
        found = [] if first is None else [
            (match.start(), cue)
            for match in self._pattern.finditer(text, first.start())
            for cue in self._cues[match.lastindex or 0]
        ]
        for cue in plain:
            longer = self._plain[cue]
            position = text.find(cue)
            while position >= 0:
                found.append((position, cue))
                found += [(position - at, other) for other, at in longer
                          if text.startswith(other, position - at) and position >= at]
                position = text.find(cue, position + 1)
        if self._plain:
            found.sort()
        return found
