"""Plain-text phrase lists as regular expressions: their source, width and anchors.

Phrase lists are settings users extend, so they are plain text, never regexes: words match
ignoring case (the text is folded first), any short run of spaces or hyphens between words
matches any other or none, a straight or curly apostrophe is optional, and a trailing plural
``s`` is allowed. Everything is escaped here, so no setting can introduce a slow pattern.

:func:`phrase_branches` gives the same regex as the branches of an ordered alternation, each
starting with its first literal character (the combined patterns are built from these).

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

__all__ = ["MAX_SEPARATOR", "NEVER", "literal_first", "max_width", "phrase_anchors",
           "phrase_branches", "phrase_source", "phrase_width"]

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


def _trie(sequences: Iterable[list[str]]) -> dict[str, Any]:
    """``sequences`` (lists of atoms) as a prefix trie: atom -> child node, "" marks an end."""
    root: dict[str, Any] = {}
    for atoms in sequences:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}  # end of a sequence
    return root


def _branches(node: dict[str, Any]) -> list[tuple[str, str]]:
    """The ``(first atom, source)`` of each branch below ``node``, in the order they are tried."""
    pairs = [(atom, atom + _emit(child)) for atom, child in node.items() if atom]
    # Longer branches first, so "toplinked" wins over "toplink" at the same position.
    pairs.sort(key=lambda pair: len(pair[1]), reverse=True)
    return pairs


def _emit(node: dict[str, Any]) -> str:
    """A regex matching every sequence of the trie below ``node``."""
    # A run of nodes with one child each is one branch, its atoms in a row: walking it in a
    # loop rather than a call per character makes the same source in half the time.
    run = []
    while len(node) == 1 and "" not in node:
        (atom, node), = node.items()
        run.append(atom)
    branches = [source for _, source in _branches(node)]
    if not branches:
        return "".join(run)
    body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 or "" in node else branches[0]
    return "".join(run) + (body + "?" if "" in node else body)


def _sequences(phrases: Iterable[str]) -> tuple[list[list[str]], list[list[str]]]:
    """The atoms of the phrases that start with a word character, and of the others."""
    worded: list[list[str]] = []
    other: list[list[str]] = []
    for phrase, words in _matchable(phrases):
        (worded if re.match(r"\w", phrase.strip()) else other).append(_atoms(words))
    return worded, other


def phrase_source(phrases: Iterable[str]) -> str:
    """The regex source for plain-text ``phrases`` (rules in the module docstring)."""
    worded, other = _sequences(phrases)
    parts = []
    if worded:
        parts.append(r"\b(?:" + _emit(_trie(worded)) + ")")
    if other:
        parts.append("(?:" + _emit(_trie(other)) + ")")
    return "|".join(parts) if parts else NEVER


def phrase_branches(phrases: Iterable[str]) -> list[str]:
    """:func:`phrase_source` as the branches of an ordered alternation, literal-first.

    ``"|".join(phrase_branches(p))`` matches what ``phrase_source(p)`` matches, trying the same
    alternatives in the same order; but each branch starts with the literal first character of
    its phrases, with the word boundary before it checked after it (:func:`literal_first`), so
    that ``re`` can skip every position where no phrase starts. No branch holds a top-level
    ``|``, so a branch can be followed by more pattern as it is.
    """
    worded, other = _sequences(phrases)
    branches = []
    if worded:
        # The root of a trie splits it into branches starting with distinct atoms, and
        # \b(?:a|b) is \ba|\bb.
        branches += [
            literal_first(r"\b", atom, source) for atom, source in _branches(_trie(worded))
        ]
    if other:
        branches += [source for _, source in _branches(_trie(other))]
    return branches or [NEVER]


def literal_first(assertion: str, atom: str, source: str) -> str:
    r"""``assertion + source``, rewritten to start with ``source``'s first character.

    ``source`` starts with ``atom``. When that is one literal character ``c`` (other than a
    newline), ``(?<!\w)c`` is ``c(?<!\w.)``, and ``\bc`` is the same when ``c`` is a word
    character and ``c(?<=\w.)`` when it is not: the look-behind, two characters wide once ``c``
    is consumed, sees the character before ``c`` (look-behinds see text before ``pos``). A
    pattern whose alternatives all start with a literal lets ``re`` skip, in C, every position
    whose character starts none of them, and try only the alternatives for that character: for
    this plugin's patterns, several times faster than trying every alternative everywhere.
    Anything else is returned unchanged.
    """
    char = _literal(atom)
    if char is None or char == "\n" or assertion not in (r"\b", r"(?<!\w)"):
        return assertion + source
    after = r"(?<!\w.)"
    if assertion == r"\b" and not re.match(r"\w", char):
        after = r"(?<=\w.)"
    return atom + after + source[len(atom) :]


def _literal(atom: str) -> str | None:
    """The character ``atom`` matches, if it is one literal character (escaped or not)."""
    if len(atom) == 1 and re.escape(atom) == atom:
        return atom
    if len(atom) == 2 and atom[0] == "\\" and re.escape(atom[1]) == atom:
        return atom[1]
    return None


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
