"""Compile cue-phrase lists into linear-time regexes, and fold text for matching.

Phrases are matched against :func:`fold_text` of the note: lower case, straight quotes, the same
length as the note, so a match's offsets are offsets into the note itself.

Each list is merged into a character trie before it becomes a regex: at each word start the
engine follows one branch per distinct character instead of trying every phrase in turn, which
keeps a search of a 300-character note in the low microseconds. The only repetitions are
``\\s+``, ``\\w{0,20}`` and a bounded word gap (at most three words of at most 30
characters), so no phrase can backtrack catastrophically.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["NEVER", "Scanner", "compile_cues", "compile_phrases", "fold_text", "spaced_text"]

NEVER = re.compile(r"(?!)")
"""A pattern that matches nothing (an empty phrase list)."""

_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
     "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"'}
)
_SPACE = r"\s+"
# A lone "*" in a phrase: up to three whitespace-separated words between its neighbours.
_GAP = r"\s+(?:\S{1,30}\s+){0,3}"
_STEM = r"\w{0,20}"
_START = r"(?<!\w)"
_STOP = r"(?!\w)"
_RAW = "re:"


def fold_text(text: str) -> str:
    """``text`` in lower case with straight quotes, the same length as ``text``."""
    folded = text.translate(_QUOTES).lower()
    if len(folded) == len(text):
        return folded
    # A few characters grow when lower-cased ("İ" -> "i̇"); keep those as they are so offsets
    # into the folded text stay offsets into the note.
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text.translate(_QUOTES))


def _word_atoms(word: str) -> list[str]:
    stem = word.endswith("*") and len(word) > 1
    body = word[:-1] if stem else word
    atoms = ["'?" if ch == "'" else re.escape(ch) for ch in body]
    if stem:
        atoms.append(_STEM)
    return atoms


def _expand(phrase: str) -> Iterable[list[str]]:
    """Every atom sequence one phrase stands for (``a/b`` words multiply out)."""
    words = phrase.translate(_QUOTES).lower().split()
    choices = [word.split("/") if word != "*" and "/" in word else [word] for word in words]
    for combination in itertools.product(*choices):
        atoms: list[str] = []
        gap = False
        for word in combination:
            if word == "*":
                gap = True
                continue
            if atoms:
                atoms.append(_GAP if gap else _SPACE)
            gap = False
            atoms.extend(_word_atoms(word))
        if not atoms:
            continue
        first, last = combination[0], combination[-1]
        if first[:1].isalnum() or first[:1] == "_":
            atoms.insert(0, _START)
        if last[-1:].isalnum() or last[-1:] in "_*":
            atoms.append(_STOP)
        yield atoms


_Trie = dict[str, "_Trie"]
_END = "\x00"  # the key that marks a phrase end in a trie node


def _insert(trie: _Trie, atoms: Sequence[str]) -> None:
    node = trie
    for atom in atoms:
        node = node.setdefault(atom, {})
    node[_END] = {}


def _emit(node: _Trie) -> str:
    # Word-boundary and end branches go last so the longest phrase at a position wins.
    atoms = sorted((a for a in node if a != _END), key=lambda a: a == _STOP)
    branches = [atom + _emit(node[atom]) for atom in atoms]
    if _END in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """One group-free regex for ``phrases``, to search in :func:`spaced_text`.

    Each match starts with the space before the phrase. :raises re.error: for a bad ``re:``
    entry.
    """
    trie: _Trie = {}
    parts: list[str] = []
    for phrase in phrases:
        if phrase.startswith(_RAW):
            re.compile(phrase[len(_RAW):])  # fail here, naming only this entry
            parts.append(f"(?:{phrase[len(_RAW):]})")
            continue
        for atoms in _expand(phrase):
            _insert(trie, atoms[1:] if atoms[0] == _START else atoms)
    if trie:
        parts.insert(0, _emit(trie))
    # No capturing groups: every group makes each attempt of the regex engine costlier.
    return re.compile(" (?:" + "|".join(parts) + ")") if parts else NEVER


# Brackets, quotes, slashes, line breaks and dashes become spaces (same length) so that every
# word start is preceded by a space: each phrase regex then starts with a literal space, which
# lets the regex engine jump from word start to word start instead of trying the trie at every
# character. Sentence punctuation (. , ! ? ; :) stays, so a phrase never spans two clauses.
_PUNCTUATION_TO_SPACE = str.maketrans(
    {ch: " " for ch in "\"#$&()*+/<=>@[\\]^_`{|}~\n\r\t\f\v\u2013\u2014\u2026\u00a0"}
)


def spaced_text(folded: str) -> str:
    """``" " + folded`` with brackets, quotes, dashes and line breaks turned into spaces.

    Offset ``i`` of the note is offset ``i + 1`` here, so a match starting at the space before a
    phrase starts at the phrase's own offset in the note.
    """
    return " " + folded.translate(_PUNCTUATION_TO_SPACE)


class Scanner:
    """Finds where the first cue of each of several tagged phrase lists occurs."""

    __slots__ = ("patterns",)

    def __init__(self, lexicons: Mapping[str, Iterable[str]]) -> None:
        """Compile ``lexicons`` (tag -> phrases). :raises re.error: for a bad ``re:`` entry."""
        self.patterns = {tag: compile_phrases(phrases) for tag, phrases in lexicons.items()}

    def first_spans(self, folded: str) -> dict[str, tuple[int, int]]:
        """The span of the first cue of each tag found in ``folded`` (see :func:`fold_text`)."""
        spaced = spaced_text(folded)
        found: dict[str, tuple[int, int]] = {}
        for tag, pattern in self.patterns.items():
            match = pattern.search(spaced)
            if match is not None:
                found[tag] = (match.start(), match.end() - 1)
        return found


def compile_cues(phrases: Iterable[str]) -> Scanner:
    """A :class:`Scanner` for one phrase list, tagged ``"cue"``."""
    return Scanner({"cue": phrases})
