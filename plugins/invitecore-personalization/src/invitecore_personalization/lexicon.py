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

__all__ = [
    "NEVER", "Cues", "Scanner", "compile_cues", "compile_phrases", "fold_text", "spaced_text",
]

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
    if text.isascii():
        return text.lower()  # no curly quote to straighten; str.translate() costs more
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
_TO_SPACE = "\"#$&()*+/<=>@[\\]^_`{|}~\n\r\t\f\v\u2013\u2014\u2026\u00a0"
_PUNCTUATION_TO_SPACE = str.maketrans(dict.fromkeys(_TO_SPACE, " "))
# The same for ASCII text as a bytes table: bytes.translate() is a plain table lookup, about
# five times faster than str.translate() with a dict.
_ASCII_TO_SPACE = bytes.maketrans(
    bytes(ord(ch) for ch in _TO_SPACE if ch.isascii()),
    bytes(ord(" ") for ch in _TO_SPACE if ch.isascii()),
)


def spaced_text(folded: str) -> str:
    """``" " + folded`` with brackets, quotes, dashes and line breaks turned into spaces.

    Offset ``i`` of the note is offset ``i + 1`` here, so a match starting at the space before a
    phrase starts at the phrase's own offset in the note.
    """
    if folded.isascii():
        return " " + folded.encode("ascii").translate(_ASCII_TO_SPACE).decode("ascii")
    return " " + folded.translate(_PUNCTUATION_TO_SPACE)


Span = tuple[int, int]


class Cues:
    """The span of the first cue of each tag in one note, each searched for when first asked.

    A search costs about a microsecond and a note rarely needs all of them: a default text needs
    only the pitch and favour cues, a note with a reason and a benefit never the stock phrases.
    """

    __slots__ = ("_found", "_scanner", "_spaced")

    def __init__(self, scanner: Scanner, folded: str) -> None:
        """The cues of ``scanner``'s lists in ``folded`` (see :func:`fold_text`)."""
        self._scanner = scanner
        self._spaced = spaced_text(folded)
        self._found: dict[str, Span | None] = {}

    def _search(self, tag: str) -> Span | None:
        pattern = self._scanner.patterns.get(tag)
        match = pattern.search(self._spaced) if pattern is not None else None
        # The match starts at the space before the phrase, which is the phrase's own offset in
        # the note (see spaced_text).
        return (match.start(), match.end() - 1) if match is not None else None

    def get(self, tag: str) -> Span | None:
        """The span of the first cue of ``tag``, or None (also for a tag with no phrase list)."""
        found = self._found
        if tag in found:
            return found[tag]
        rare = self._scanner.rare.get(tag)
        if rare is None:
            found[tag] = self._search(tag)
        else:
            # One search for any cue of the group answers "none" for all of its tags at once;
            # only a note that has one pays for the search per tag.
            anything, tags = rare
            present = anything.search(self._spaced) is not None
            for member in tags:
                found[member] = self._search(member) if present else None
        return found[tag]

    def __contains__(self, tag: str) -> bool:
        """True when the note has a cue of ``tag``."""
        return self.get(tag) is not None

    def __getitem__(self, tag: str) -> Span:
        """The span of the first cue of ``tag``. :raises KeyError: when there is none."""
        span = self.get(tag)
        if span is None:
            raise KeyError(tag)
        return span

    def spans(self) -> dict[str, Span]:
        """Every tag with a cue in the note, and the span of its first cue."""
        found = {tag: self.get(tag) for tag in self._scanner.patterns}
        return {tag: span for tag, span in found.items() if span is not None}

    def __repr__(self) -> str:
        return f"Cues({self.spans()!r})"


class Scanner:
    """Finds where the first cue of each of several tagged phrase lists occurs."""

    __slots__ = ("patterns", "rare")

    def __init__(
        self, lexicons: Mapping[str, Iterable[str]], rare: Iterable[Sequence[str]] = ()
    ) -> None:
        """Compile ``lexicons`` (tag -> phrases). :raises re.error: for a bad ``re:`` entry.

        :param rare: groups of tags most notes have no cue of (pitch and favour): each group
            also gets one regex of all its phrases, searched first (see :meth:`Cues.get`).
        """
        lists = {tag: tuple(phrases) for tag, phrases in lexicons.items()}
        self.patterns = {tag: compile_phrases(phrases) for tag, phrases in lists.items()}
        self.rare: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {}
        for group in rare:
            tags = tuple(tag for tag in group if tag in lists)
            if len(tags) > 1:
                # The union of the phrase lists matches exactly where one of them does.
                anything = compile_phrases(itertools.chain.from_iterable(lists[t] for t in tags))
                self.rare.update((tag, (anything, tags)) for tag in tags)

    def cues(self, folded: str) -> Cues:
        """The cues of ``folded`` (see :func:`fold_text`), searched for as they are asked for."""
        return Cues(self, folded)

    def first_spans(self, folded: str) -> dict[str, tuple[int, int]]:
        """The span of the first cue of each tag found in ``folded`` (see :func:`fold_text`)."""
        return self.cues(folded).spans()


def compile_cues(phrases: Iterable[str]) -> Scanner:
    """A :class:`Scanner` for one phrase list, tagged ``"cue"``."""
    return Scanner({"cue": phrases})
