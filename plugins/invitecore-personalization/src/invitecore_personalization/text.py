"""Turn a note into words the grammar can read: folded, normalised, with their offsets.

Reading a note starts here. :func:`read_words` splits it into tokens and gives each a
*canonical form*, so that the rules in :mod:`invitecore_personalization.grammar` name one form
for a whole family of spellings:

- case and apostrophes do not matter: ``Don't``, ``dont`` and ``don’t`` are all ``dont``;
  ``I’m`` and ``Im`` are ``im`` (the rules spell the long forms, ``do not``, ``i am``, as
  alternatives where they matter);
- inflections are reduced to the lemma when the lemma is a word some family knows:
  ``meeting``, ``met`` and ``meets`` are ``meet``; ``posts`` is ``post`` (:class:`Lexicon`:
  a table of irregular forms plus the regular endings ``-s``, ``-es``, ``-ies``, ``-ed``,
  ``-ing`` with doubled consonants and dropped ``e``);
- a one-letter slip in a long cue word is read as the word (``attnded``, ``webniar``,
  ``wokred``): every form of a family word of six letters or more is also stored with each
  letter dropped and each pair of neighbours swapped;
- chat spellings are expanded from a small table (``ur`` -> ``your``, ``u`` -> ``you``);
- what a mail merge or a name fills in is marked: an unfilled placeholder is ``SLOT``, a number
  or year ``NUM``, and a capitalised word that is no known word and does not merely open a
  sentence is ``NAME`` (runs of them, "Lagos Gophers", are one ``NAME``). The reader decides
  later whether a name is the recipient's company (mail merge) or something specific.

Sentence and clause punctuation (``. , ! ? ; :``, dashes, brackets, line breaks) becomes the
token ``.``: a rule never reaches across it.

The canonical text is the tokens joined by single spaces, with a space at each end; a grammar
match in it maps back to a span of the note through :attr:`Words.spans`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping

import attrs

__all__ = ["BREAK", "MERGE", "NAME", "NUM", "SLOT", "Lexicon", "Words", "fold_text", "read_words"]

BREAK = "."
NAME = "NAME"
NUM = "NUM"
SLOT = "SLOT"
MERGE = "MERGE"
# A placeholder naming one of these is a mail-merge field (MERGE), not something specific.
_MERGE_FIELDS = re.compile(
    r"(?i)name|company|firm|organi[sz]ation|industry|title|position|role|city|location|"
    r"field|area|space|sector|school|university|job|skill|years|first|last|there"
)

_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'", "`": "'",
     "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"'}
)
# A word (letters and digits, with inner apostrophes, hyphens, dots or ampersands: "don't",
# "write-up", "Q&A", "Dr."), a number with a leading apostrophe ("'18"), or one clause mark.
_TOKEN = re.compile(
    r"'?\d[\d,.:/]{0,20}(?:st|nd|rd|th|s|k|m)?(?![^\W_])"
    r"|[^\W_](?:[^\W_]|['&](?=[^\W_])|-(?=[^\W_])){0,60}"
    r"|[.,!?;:()\[\]\u2014\u2013\u2026\n]|(?<=\s)-(?=\s)"
)
_MIN_TYPO_LENGTH = 6


def fold_text(text: str) -> str:
    """``text`` in lower case with straight quotes, the same length as ``text``."""
    folded = text.translate(_QUOTES).lower()
    if len(folded) == len(text):
        return folded
    # A few characters grow when lower-cased ("İ"); keep those as they are so that offsets
    # into the folded text stay offsets into the note.
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text.translate(_QUOTES))


def _endings(word: str) -> list[str]:
    """Lemma candidates for ``word`` by its regular ending, most likely first."""
    found = []
    if word.endswith("ies") or word.endswith("ied"):
        found.append(word[:-3] + "y")
    if word.endswith("ing"):
        stem = word[:-3]
        found += [stem, stem + "e", stem[:-1]]  # meeting, writing, chatting
    if word.endswith("ed"):
        found += [word[:-2], word[:-1], word[:-3]]  # worked, liked, planned
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
        found.append(word[:-2])  # matches, boxes
    if word.endswith("s") and not word.endswith("ss"):
        found.append(word[:-1])
    if word.endswith("er"):
        found += [word[:-2], word[:-1]]  # speaker, follower
    return found


def _slips(word: str) -> Iterable[str]:
    """``word`` with one letter dropped, or two neighbours swapped."""
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]
    for i in range(len(word) - 1):
        yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]


class Lexicon:
    """The canonical form of every word a family knows, its inflections and slips.

    :param lemmas: every single word the families and rules use, in canonical form.
    :param irregular: irregular forms and chat spellings -> canonical form.
    :param common: lower-case words that are never a name when capitalised ("Thursday").
    """

    def __init__(
        self, lemmas: Iterable[str], irregular: Mapping[str, str], common: Iterable[str]
    ) -> None:
        self.lemmas = frozenset(lemmas)
        self.irregular = dict(irregular)
        self.known = self.lemmas | self.irregular.keys() | frozenset(common)
        forms: dict[str, str] = {}
        for lemma in self.lemmas:
            forms[lemma] = lemma
        for form, lemma in self.irregular.items():
            forms.setdefault(form, lemma)
        typos: dict[str, str] = {}
        for form, lemma in list(forms.items()):
            if len(form) >= _MIN_TYPO_LENGTH and form.isalpha():
                for slip in _slips(form):
                    typos.setdefault(slip, lemma)
        self._typos = {k: v for k, v in typos.items() if k not in self.known}
        self._cache: dict[str, str] = {}

    def canonical(self, word: str) -> str:
        """The canonical form of a lower-case, apostrophe-free word."""
        found = self._cache.get(word)
        if found is None:
            found = self._canonical(word)
            if len(self._cache) < 100_000:  # distinct words of a run; bounded all the same
                self._cache[word] = found
        return found

    def _canonical(self, word: str) -> str:
        irregular = self.irregular.get(word)
        if irregular is not None:
            return irregular
        # "notes" and "meeting" are family words too, but read as "note" and "meet", so
        # that a rule naming one form finds them all.
        for candidate in _endings(word):
            if candidate in self.lemmas and len(candidate) > 2:
                return candidate
        if word in self.lemmas:
            return word
        return self._typos.get(word, word)

    def is_known(self, word: str) -> bool:
        """True when ``word`` (lower case) is a family word, one of its forms, or common."""
        return word in self.known or self.canonical(word) in self.lemmas


@attrs.frozen
class Words:
    """A note read into canonical tokens.

    :param tokens: the canonical form of each token (``.`` for clause punctuation).
    :param spans: the span of each token in the note.
    :param text: the tokens joined with single spaces, with a space before and after.
    :param starts: where each token starts in :attr:`text`.
    :param note: the note itself.
    """

    tokens: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    text: str
    starts: tuple[int, ...]
    note: str
    clauses: tuple[tuple[int, int], ...] = ()
    """For each token, the first and last token of its clause (no ``.`` inside)."""

    def source(self, index: int) -> str:
        """The note's text of token ``index``."""
        start, end = self.spans[index]
        return self.note[start:end]

    def index_at(self, offset: int) -> int:
        """The index of the token that starts at (or contains) ``offset`` of :attr:`text`."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """The note span from the start of token ``first`` to the end of token ``last``."""
        return self.spans[first][0], self.spans[last][1]


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def read_words(
    note: str, lexicon: Lexicon, slots: Iterable[tuple[int, int]] = ()
) -> Words:
    """Tokenise and normalise ``note`` (see the module docstring).

    :param slots: spans of unfilled placeholders; each becomes one ``SLOT`` token.
    """
    folded = fold_text(note)
    shouting = sum(ch.isupper() for ch in note) > sum(ch.islower() for ch in note)
    placeholder = sorted(slots)
    raw: list[tuple[str, int, int, bool]] = []  # canonical, start, end, may be a name
    position = 0
    for start, end in [*placeholder, (len(note), len(note))]:
        for match in _TOKEN.finditer(folded, position, start):
            text = match.group()
            s, e = match.span()
            if len(text) == 1 and not text.isalnum() or text == "-":
                raw.append((BREAK, s, e, False))
            elif text[0].isdigit() or text[0] == "'":
                raw.append((NUM, s, e, False))
            else:
                word = text.replace("'", "")
                canonical = lexicon.canonical(word)
                maybe_name = (
                    not shouting
                    and _is_capitalised(note[s:e])
                    and word not in lexicon.known
                    and canonical not in lexicon.lemmas
                )
                raw.append((canonical, s, e, maybe_name))
        if start < len(note):
            kind = MERGE if _MERGE_FIELDS.search(note, start, end) else SLOT
            raw.append((kind, start, end, False))
        position = max(position, end)
    tokens: list[str] = []
    spans: list[tuple[int, int]] = []
    for i, (canonical, s, e, maybe_name) in enumerate(raw):
        if maybe_name:
            opens = i == 0 or (
                raw[i - 1][0] == BREAK and any(ch in ".!?\n…" for ch in note[raw[i - 1][1] : s])
            )
            follows = i + 1 < len(raw) and raw[i + 1][3]
            if not opens or follows or (tokens and tokens[-1] == NAME):
                if tokens and tokens[-1] == NAME and spans[-1][1] >= s - 1:
                    spans[-1] = (spans[-1][0], e)  # "Lagos Gophers": one name
                    continue
                canonical = NAME
        if canonical == BREAK and tokens and tokens[-1] == BREAK:
            spans[-1] = (spans[-1][0], e)
            continue
        tokens.append(canonical)
        spans.append((s, e))
    starts = []
    offset = 1
    for token in tokens:
        starts.append(offset)
        offset += len(token) + 1
    text = " " + " ".join(tokens) + " "
    clauses: list[tuple[int, int]] = []
    first = 0
    for i, token in enumerate([*tokens, BREAK]):
        if token == BREAK:
            clauses.extend([(first, i - 1)] * (i - first))
            if i < len(tokens):
                clauses.append((i, i))
            first = i + 1
    return Words(tuple(tokens), tuple(spans), text, tuple(starts), note, tuple(clauses))
