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


# What each character of a phrase becomes in the regex: itself, escaped where re.escape() would
# escape it (a dict lookup per character instead of a re.escape() call), "'" optional.
_ATOMS = {ch: re.escape(ch) for ch in "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}
_ATOMS["'"] = "'?"


def _word_atoms(word: str) -> tuple[str, ...]:
    stem = word.endswith("*") and len(word) > 1
    body = word[:-1] if stem else word
    atoms = [_ATOMS.get(ch, ch) for ch in body]
    if stem:
        atoms.append(_STEM)
    return tuple(atoms)


_Trie = dict[str, "_Trie"]
_END = "\x00"  # the key that marks a phrase end in a trie node


class _TrieBuilder:
    """Inserts phrases into a character trie, each ``a/b`` alternative walked once.

    Multiplying a phrase's alternatives out first ("happy/glad/keen to share/help/...") walks
    the shared start once per combination; inserting word by word walks it once, which makes
    building the trie several times cheaper (it runs on the first case of a run).
    """

    __slots__ = ("_atoms", "trie")

    def __init__(self) -> None:
        self.trie: _Trie = {}
        self._atoms: dict[str, tuple[str, ...]] = {}  # a word recurs across phrases

    def insert(self, phrase: str) -> None:
        """Add every atom sequence ``phrase`` stands for (``a/b`` words multiply out)."""
        words = phrase.translate(_QUOTES).lower().split()
        choices = [word.split("/") if word != "*" and "/" in word else [word] for word in words]
        if choices:
            self._walk(self.trie, choices, 0, started=False, gap=False)

    def _walk(
        self, node: _Trie, choices: list[list[str]], index: int, started: bool, gap: bool
    ) -> None:
        # The same sequences, in the same order, as expanding itertools.product(*choices)
        # and inserting each: a lone "*" sets the gap before the next word, the first word
        # with atoms starts the sequence, and an empty alternative ("a/") adds no atoms.
        last = index == len(choices) - 1
        for word in choices[index]:
            if word == "*":
                if last:
                    self._finish(node, word, started)
                else:
                    self._walk(node, choices, index + 1, started, gap=True)
                continue
            child = node.setdefault(_GAP if gap else _SPACE, {}) if started else node
            atoms = self._atoms.get(word)
            if atoms is None:
                atoms = self._atoms[word] = _word_atoms(word)
            for atom in atoms:
                child = child.setdefault(atom, {})
            if last:
                self._finish(child, word, started or bool(atoms))
            else:
                self._walk(child, choices, index + 1, started or bool(atoms), gap=False)

    @staticmethod
    def _finish(node: _Trie, word: str, started: bool) -> None:
        if not started:
            return  # nothing but gaps and empty alternatives: no phrase
        if word[-1:].isalnum() or word[-1:] in "_*":  # "" (an empty alternative) too
            node = node.setdefault(_STOP, {})
        node[_END] = {}


def _emit(node: _Trie) -> tuple[str, bool]:
    """The regex for ``node``'s subtree, and whether every path through it ends in _STOP.

    When every branch ends in _STOP the returned source leaves it out, so the caller puts one
    _STOP after the whole group instead of one per phrase: ``(?:notes|tips)(?!\\w)`` instead of
    ``(?:notes(?!\\w)|tips(?!\\w))``. The engine tries the same paths in the same order (on a
    failed check it backtracks into the group just as it moved to the next branch), but the
    regex is shorter, and compiling it on the first case of a run costs less.
    """
    bodies: list[str] = []
    stops: list[bool] = []
    late: list[str] = []
    for atom in node:
        if atom in (_STOP, _END):
            late.append(atom)  # word-boundary and end branches go last: longest phrase wins
            continue
        # A node with one plain child emits that child's atom and then what the child emits:
        # follow such runs ("h", "a", "p", "p", "y") in a loop rather than a call per atom,
        # which makes building the regex (on the first case of a run) several times cheaper.
        run = [atom]
        child = node[atom]
        while len(child) == 1:
            (only,) = child
            if only in (_STOP, _END):
                break
            run.append(only)
            child = child[only]
        body, stop = _emit(child)
        bodies.append("".join(run) + body)
        stops.append(stop)
    for atom in sorted(late, key=lambda a: a == _END):
        child = node[atom]
        if atom == _END:
            bodies.append("")
            stops.append(False)
        elif len(child) == 1 and _END in child:
            bodies.append("")  # the phrase ends here, at a word end
            stops.append(True)
        else:
            body, stop = _emit(child)
            bodies.append(_STOP + body)
            stops.append(stop)
    if all(stops):
        return (bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")"), True
    branches = [body + _STOP if stop else body for body, stop in zip(bodies, stops, strict=True)]
    return (branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"), False


def _raw(phrase: str) -> str | None:
    """The regex of a ``re:`` entry, or None for a phrase. :raises re.error: when it is bad."""
    if not phrase.startswith(_RAW):
        return None
    re.compile(phrase[len(_RAW):])  # fail here, naming only this entry
    return phrase[len(_RAW):]


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """One group-free regex for ``phrases``, to search in :func:`spaced_text`.

    Each match starts with the space before the phrase. :raises re.error: for a bad ``re:``
    entry.
    """
    builder = _TrieBuilder()
    parts: list[str] = []
    for phrase in phrases:
        raw = _raw(phrase)
        if raw is not None:
            parts.append(f"(?:{raw})")
        else:
            builder.insert(phrase)
    if builder.trie:
        body, stop = _emit(builder.trie)
        parts.insert(0, body + _STOP if stop else body)
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

    def _search(self, tag: str, start: int = 0) -> Span | None:
        pattern = self._scanner.patterns[tag]
        match = pattern.search(self._spaced, start) if pattern is not None else None
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
            # only a note that has one pays for the search per tag, and only from where the
            # first cue of any of them starts (none of them starts before it).
            anything = self._scanner.patterns[rare]
            first = anything.search(self._spaced) if anything is not None else None
            for member in rare:
                found[member] = self._search(member, first.start()) if first else None
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
        found = {tag: self.get(tag) for tag in self._scanner.tags}
        return {tag: span for tag, span in found.items() if span is not None}

    def __repr__(self) -> str:
        return f"Cues({self.spans()!r})"


_Key = str | tuple[str, ...]  # a tag, or the tags of a rare group (searched as one)


class _Patterns(dict[_Key, "re.Pattern[str] | None"]):
    """Tag -> regex, each compiled when first looked up (None for a tag without a list).

    Building and compiling all eight default lists costs about 40 ms, on the first case of a
    run; most notes need five or six of them (no stock phrases once a reason is found, no
    per-list pitch or favour search unless their union matches). After the first lookup the
    regex is a plain dict entry: ``__missing__`` runs once per key.
    """

    __slots__ = ("_lists",)

    def __init__(self, lists: Mapping[str, tuple[str, ...]]) -> None:
        super().__init__()
        self._lists = lists

    def __missing__(self, key: _Key) -> re.Pattern[str] | None:
        if isinstance(key, tuple):
            # The union of the phrase lists matches exactly where one of them does.
            phrases = itertools.chain.from_iterable(self._lists[tag] for tag in key)
            pattern: re.Pattern[str] | None = compile_phrases(phrases)
        else:
            lexicon = self._lists.get(key)
            pattern = None if lexicon is None else compile_phrases(lexicon)
        self[key] = pattern
        return pattern


class Scanner:
    """Finds where the first cue of each of several tagged phrase lists occurs."""

    __slots__ = ("patterns", "rare", "tags")

    def __init__(
        self, lexicons: Mapping[str, Iterable[str]], rare: Iterable[Sequence[str]] = ()
    ) -> None:
        """Prepare ``lexicons`` (tag -> phrases). :raises re.error: for a bad ``re:`` entry.

        Each list is compiled when a note first needs it; a bad ``re:`` entry still fails
        here, at once, not on whichever later note first needs its list.

        :param rare: groups of tags most notes have no cue of (pitch and favour): each group
            also gets one regex of all its phrases, searched first (see :meth:`Cues.get`).
        """
        lists = {tag: tuple(phrases) for tag, phrases in lexicons.items()}
        for phrases in lists.values():
            for phrase in phrases:
                _raw(phrase)
        self.tags = tuple(lists)
        self.patterns = _Patterns(lists)
        self.rare: dict[str, tuple[str, ...]] = {}
        for group in rare:
            tags = tuple(tag for tag in group if tag in lists)
            if len(tags) > 1:
                self.rare.update((tag, tags) for tag in tags)

    def cues(self, folded: str) -> Cues:
        """The cues of ``folded`` (see :func:`fold_text`), searched for as they are asked for."""
        return Cues(self, folded)

    def first_spans(self, folded: str) -> dict[str, tuple[int, int]]:
        """The span of the first cue of each tag found in ``folded`` (see :func:`fold_text`)."""
        return self.cues(folded).spans()


def compile_cues(phrases: Iterable[str]) -> Scanner:
    """A :class:`Scanner` for one phrase list, tagged ``"cue"``."""
    return Scanner({"cue": phrases})
