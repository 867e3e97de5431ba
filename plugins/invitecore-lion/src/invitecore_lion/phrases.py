"""Plain-text phrase lists as regular expressions: their source, width and anchors.

Phrase lists are settings users extend, so they are plain text, never regexes: words match
ignoring case (the text is folded first), any short run of spaces or hyphens between words
matches any other or none, a straight or curly apostrophe is optional, and a trailing plural
``s`` is allowed. Everything is escaped here, so no setting can introduce a slow pattern.

The width of a phrase list (the most characters one match spans) is counted from its words
rather than by parsing the regex: parsing a long trie costs about as much as compiling it, and
the width is only needed for long fields (see :mod:`invitecore_lion.windows`).
"""

from __future__ import annotations

import heapq
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

if sys.version_info >= (3, 11):
    from re import _parser as _regex_parser
else:
    import sre_parse as _regex_parser

__all__ = ["MAX_SEPARATOR", "NEVER", "max_width", "phrase_anchors", "phrase_source",
           "phrase_width"]

_APOSTROPHES = "'\u2019"
# Between two words of a phrase: a short run of spaces or hyphens, or none ("OpenNetworker",
# "open - networker"). Capped so that every match has a bounded width, which is what lets a
# field be searched only near its anchors; words further apart are not one phrase. Three covers
# "open - networker" and doubled spaces.
MAX_SEPARATOR = 3
_SEPARATOR = rf"[\s\-]{{0,{MAX_SEPARATOR}}}"
# A trailing plural, and no longer word: one character wide.
_PLURAL = r"s?(?!\w)"
NEVER = r"(?!x)x"
# The width of NEVER: it would match one character.
_NEVER_WIDTH = 1


def max_width(source: str) -> int:
    """The most characters a match of ``source`` can span, as ``re``'s own parser computes it.

    Raises ValueError for a pattern without a bound (an unbounded quantifier).
    """
    widest = int(_regex_parser.parse(source).getwidth()[1])
    if widest >= _regex_parser.MAXREPEAT:
        raise ValueError(f"pattern has no maximum width: {source!r}")
    return widest


def _words(phrase: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", phrase.strip().lower()) if w]


def _pieces(phrase: str) -> list[str]:
    """The literal runs of ``phrase``: words split at spaces, hyphens and apostrophes."""
    return [p for p in re.split(r"[\s\-" + _APOSTROPHES + "]+", phrase.strip().lower()) if p]


def _matchable(phrases: Iterable[str]) -> Iterator[tuple[str, list[str]]]:
    """Each phrase worth a pattern, with its words."""
    for phrase in phrases:
        words = _words(phrase)
        # A phrase of apostrophes alone has no literal every match holds (no anchor), and
        # would match almost anywhere; it is not a phrase.
        if words and _pieces(phrase):
            yield phrase, words


def _atoms(words: list[str]) -> list[str]:
    """One regex atom per character (so phrases can share a trie), separators between words."""
    atoms: list[str] = []
    for index, word in enumerate(words):
        if index:
            atoms.append(_SEPARATOR)
        if word.isalnum():
            # re.escape leaves letters and digits alone, so a plain word is its own atoms; most
            # words are, and this halves the cost of building a source on a cold start.
            atoms.extend(word)
        else:
            atoms.extend(f"[{_APOSTROPHES}]?" if c in _APOSTROPHES else re.escape(c) for c in word)
    if re.search(r"\w$", words[-1]):
        atoms.append(_PLURAL)
    return atoms


def _width(words: list[str]) -> int:
    """The width of ``_atoms(words)``: one per character, apostrophes and plural included."""
    plural = 1 if re.search(r"\w$", words[-1]) else 0
    return sum(map(len, words)) + MAX_SEPARATOR * (len(words) - 1) + plural


def _trie_source(sequences: Iterable[list[str]]) -> str:
    """A regex matching any of ``sequences`` (lists of atoms), factored as a prefix trie."""
    root: dict[str, Any] = {}
    for atoms in sequences:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}  # end of a sequence

    def emit(node: dict[str, Any]) -> str:
        # A run of nodes with one child each is one branch, its atoms in a row: walking it in a
        # loop rather than a call per character makes the same source in half the time.
        run = []
        while len(node) == 1 and "" not in node:
            (atom, node), = node.items()
            run.append(atom)
        branches = [atom + emit(child) for atom, child in node.items() if atom]
        if not branches:
            return "".join(run)
        # Longer branches first, so "toplinked" wins over "toplink" at the same position.
        branches.sort(key=len, reverse=True)
        body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 or "" in node else branches[0]
        return "".join(run) + (body + "?" if "" in node else body)

    return emit(root)


def phrase_source(phrases: Iterable[str]) -> str:
    """The regex source for plain-text ``phrases`` (rules in the module docstring)."""
    worded: list[list[str]] = []
    other: list[list[str]] = []
    for phrase, words in _matchable(phrases):
        (worded if re.match(r"\w", phrase.strip()) else other).append(_atoms(words))
    parts = []
    if worded:
        parts.append(r"\b(?:" + _trie_source(worded) + ")")
    if other:
        parts.append("(?:" + _trie_source(other) + ")")
    return "|".join(parts) if parts else NEVER


def phrase_width(phrases: Iterable[str]) -> int:
    """``max_width(phrase_source(phrases))``, counted from the words without building it."""
    return max((_width(words) for _, words in _matchable(phrases)), default=_NEVER_WIDTH)


# Words too common to be worth searching for; an anchor is only one of them when a phrase has
# nothing else (a slower search then, never a wrong one).
_COMMON = frozenset({
    "a", "all", "an", "and", "are", "be", "do", "don", "each", "from", "have", "how", "i", "if",
    "in", "is", "it", "know", "let", "me", "my", "no", "not", "of", "on", "or", "people", "say",
    "t", "tell", "than", "the", "to", "we", "will", "with", "won", "you", "your",
})


def phrase_anchors(phrases: Iterable[str]) -> tuple[str, ...]:
    """A small set of literals such that every match of every phrase contains one of them.

    Every literal run of a phrase (and every prefix of five or more letters: "invit" for
    "invites" and "invitations") is in each of its matches, so choosing one per phrase is safe.
    Choosing greedily the one shared by the most phrases keeps the set, and the time spent
    looking for it, small. An anchor that contains another chosen one ("lionel" and "lion") is
    dropped: every text holding it holds the shorter one too.
    """
    options: dict[str, set[str]] = {}
    for phrase in set(phrases):
        pieces = _pieces(phrase)
        useful = [p for p in pieces if p not in _COMMON] or pieces
        for piece in useful:
            for size in range(min(5, len(piece)), len(piece) + 1):
                options.setdefault(piece[:size], set()).add(phrase)
    uncovered = set().union(*options.values()) if options else set()
    # The greedy choice is the option covering the most uncovered phrases, ties to the longer,
    # then the greater literal. Counts only fall as phrases get covered, so a count computed
    # earlier is an upper bound: popping options in order of (count then, tie rank) and taking
    # the first whose count is still current picks the same option as recounting every option
    # each round, with a fraction of the set intersections (this runs on a cold start).
    ranked = sorted(options, key=lambda a: (len(a), a), reverse=True)
    heap = [(-len(options[a]), rank, a) for rank, a in enumerate(ranked)]
    heapq.heapify(heap)
    chosen: list[str] = []
    while uncovered:
        stale, rank, best = heapq.heappop(heap)
        count = len(options[best] & uncovered)
        if count == -stale:
            chosen.append(best)
            uncovered -= options[best]
        else:
            heapq.heappush(heap, (-count, rank, best))
    return tuple(sorted(a for a in chosen if not any(b != a and b in a for b in chosen)))
