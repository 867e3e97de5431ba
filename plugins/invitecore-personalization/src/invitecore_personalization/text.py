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
  ``wokred``, ``listend``): every form of a family word of six letters or more, and the
  regular ``-ed`` and ``-ing`` forms of one of five or more, is also stored with each letter
  dropped and each pair of neighbours swapped;
- chat spellings and misspellings further than one slip (``artical``) are expanded from a
  small table (``ur`` -> ``your``, ``u`` -> ``you``), and so are the cue words of other
  languages (:data:`~.families.OTHER_LANGUAGES`); the elided article or pronoun of French and
  Italian is dropped (``d'expérience`` is ``expérience``);
- what a mail merge or a name fills in is marked: an unfilled placeholder is ``SLOT``, a number
  or year ``NUM``, and a capitalised word that is no known word and does not merely open a
  sentence is ``NAME`` (runs of them, "Lagos Gophers", are one ``NAME``). The reader decides
  later whether a name is the recipient's company (mail merge) or something specific.

Sentence and clause punctuation (``. , ! ? ; :``, dashes, brackets, line breaks) becomes the
token ``.``: a rule never reaches across it. The full stop of a title before a name (``Mrs.
Okon``, ``Dr. Abara``) is none.

The canonical text is the tokens joined by single spaces, with a space at each end; a grammar
match in it maps back to a span of the note through :meth:`Words.span`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Mapping

__all__ = [
    "BREAK",
    "MERGE",
    "NAME",
    "NUM",
    "SLOT",
    "Lexicon",
    "Tokens",
    "Words",
    "fold_text",
    "read_words",
]

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

# A placeholder for something they published ("[post/article]", "{{content_type}}") reads as
# that word; one for a specific person, event, school or group ("[Mutual Name]", "[Event
# Name]", "[University]") as SLOT, something specific, even when it says "name".
_SLOT_CONTENT = re.compile(
    r"(?i)(?<![a-z])(post|article|blog|comment|talk|panel|session|webinar|podcast|video|"
    r"newsletter|paper|book|keynote|presentation|interview|episode|thread|content)"
)
_SLOT_SPECIFIC = re.compile(
    r"(?i)mutual|referr|introduc|event|conference|meetup|summit|school|universit|college|alum|"
    r"group|program"
)
_ALTERNATIVES = re.compile(r"[/|,]|\bor\b")


def _slot(placeholder: str) -> str:
    """The token an unfilled placeholder reads as (see above), else SLOT or MERGE."""
    if _SLOT_CONTENT.search(placeholder):
        kinds = [_SLOT_CONTENT.search(part) for part in _ALTERNATIVES.split(placeholder)]
        if all(kinds):
            return next(k.group(1).lower() for k in kinds if k is not None)
    if _SLOT_SPECIFIC.search(placeholder):
        return SLOT
    return MERGE if _MERGE_FIELDS.search(placeholder) else SLOT


_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'", "`": "'",
     "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"'}
)
# A number or year (with a leading apostrophe: "'18"), a word (letters and digits, with inner
# apostrophes, hyphens or ampersands: "don't", "write-up", "Q&A"), or one clause mark
# (the full stop of a title before a name is none: "Mrs. Okon's class" is one clause). No
# pattern can backtrack more than a few characters, so a scan is linear in the note's length.
_TOKEN = re.compile(
    r"'?\d[\d,.:/]{0,20}(?:st|nd|rd|th|s|k|m)?(?![^\W_])"
    # "ex-" is a word of its own (the text is folded to lower case here), so that what
    # follows is read as itself, a name too ("ex-Nordvik folks": "ex", "Nordvik"):
    # docs/language.md section 18
    r"|ex(?=-[^\W\d_])(?<![^\W_]ex)"
    r"|[^\W_]+(?:['&-][^\W_]+)*"
    r"|[,!?;:()\[\]\u2014\u2013\u2026\n]|(?<=\s)-(?=\s)"
    # A full stop, but not the one after a title before a name ("Mrs. Okon", "Dr. Abara").
    # These five titles are fixed here, not read from the `honorifics` setting (the pattern
    # is compiled once for every settings table): docs/language.md section 15.
    r"|(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bdr)(?<!\bprof)\.|\.(?![ \t]+[^\W\d_])"
)
# Every token starts with a non-blank or a line break: the look-ahead lets the scan pass a
# blank without trying each alternative (and its look-behinds) there, a third of the time.
_SPLIT = re.compile(f"((?=[\\S\\n])(?:{_TOKEN.pattern}))")
_BREAK_CHARS = frozenset(".,!?;:()[]\u2014\u2013\u2026\n-")
_SENTENCE_END = frozenset(".!?\n\u2026")
_MIN_TYPO_LENGTH = 6
# The elided article or pronoun of French and Italian ("d'expérience", "l'articolo",
# "j'ai"): the word is what follows it.
_ELIDED = re.compile(r"^(?:[dljnsctm]|qu)'(?=[^\W\d_]{3})")
_CACHE_LIMIT = 100_000  # distinct word forms of a run; bounded all the same
_LOWER = b"abcdefghijklmnopqrstuvwxyz"
_UPPER = _LOWER.upper()


def fold_text(text: str) -> str:
    """``text`` in lower case with straight quotes, the same length as ``text``."""
    if text.isascii():
        return text.replace("`", "'").lower()
    folded = text.translate(_QUOTES).lower()
    if len(folded) == len(text):
        return folded
    # A few characters grow when lower-cased ("İ"); keep those as they are so that offsets
    # into the folded text stay offsets into the note.
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text.translate(_QUOTES))


def _shouting(note: str) -> bool:
    """True when the note has more capitals than small letters (an all-caps note)."""
    if note.isascii():
        raw = note.encode("ascii")
        lower = len(raw) - len(raw.translate(None, _LOWER))
        return len(raw) - len(raw.translate(None, _UPPER)) > lower
    return sum(map(str.isupper, note)) > sum(map(str.islower, note))


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


def _slips(word: str, fixed: frozenset[int] = frozenset()) -> Iterable[str]:
    """``word`` with one letter dropped, or two neighbours swapped (never a ``fixed`` letter)."""
    for i in range(len(word)):
        if i not in fixed:
            yield word[:i] + word[i + 1 :]
    for i in range(len(word) - 1):
        if i not in fixed and i + 1 not in fixed:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]


class Lexicon:
    """The canonical form of every word a family knows, its inflections and slips.

    :param lemmas: every single word the families and rules use, in canonical form.
    :param irregular: irregular forms and chat spellings -> canonical form.
    :param common: lower-case words that are never a name when capitalised ("Thursday").
    """

    def __init__(
        self,
        lemmas: Iterable[str],
        irregular: Mapping[str, str],
        common: Iterable[str],
        *,
        foreign: Iterable[str] = (),
        in_context: Mapping[str, str] | None = None,
    ) -> None:
        self.lemmas = frozenset(lemmas)
        # A form is read as its word's canonical form, as the rules name it ("bedankt" ->
        # "thanks" -> "thank", "boda" -> "wedding" -> "wed").
        self.irregular = {form: self._regular(word) for form, word in irregular.items()}
        self.foreign = frozenset(foreign)
        """Words of other languages (:data:`~.families.OTHER_LANGUAGES`)."""
        self.in_context = {
            form: self._regular(word) for form, word in (in_context or {}).items()
        }
        """Forms read as their word only in a sentence that holds a :attr:`foreign` word."""
        self.known = self.lemmas | self.irregular.keys() | frozenset(common)
        self._typos: dict[str, str] | None = None  # built when a note first needs it
        self.entries: dict[str, str] = {}
        """Token as found in the folded note -> its canonical form (see :meth:`entry`)."""
        self.nameable: set[str] = set()
        """Tokens that are no word a family knows: a name when capitalised."""

    def canonical(self, word: str) -> str:
        """The canonical form of a lower-case, apostrophe-free word."""
        irregular = self.irregular.get(word)
        if irregular is not None:
            return irregular
        found = self._regular(word)
        if found != word or word in self.lemmas or len(word) < _MIN_TYPO_LENGTH - 1:
            return found  # too short to be a slip of a long cue word
        return self._typo_table().get(word, word)

    def _regular(self, word: str) -> str:
        """The lemma of ``word`` by its regular ending, or the word itself."""
        # "notes" and "meeting" are family words too, but read as "note" and "meet", so
        # that a rule naming one form finds them all.
        for candidate in _endings(word):
            if candidate in self.lemmas and len(candidate) > 2:
                return candidate
        return word

    def _typo_table(self) -> dict[str, str]:
        if self._typos is None:
            # Sorted, so that a slip two words share is read the same way in every run.
            forms = {lemma: lemma for lemma in sorted(self.lemmas)}
            for form, lemma in self.irregular.items():
                forms.setdefault(form, lemma)
            # The regular past and -ing forms slip too ("listend", "attnded", "meting"), but
            # never in their first letter or the last of their stem: those slips are English
            # words of their own ("learned" -> "earned", "started" -> "stared").
            fixed: dict[str, frozenset[int]] = {}
            for lemma in sorted(self.lemmas):
                if lemma.isalpha() and len(lemma) >= _MIN_TYPO_LENGTH - 1:
                    stem = lemma[:-1] if lemma.endswith("e") else lemma
                    for form in (stem + "ed", stem + "ing"):
                        if form not in forms:
                            forms[form] = lemma
                            fixed[form] = frozenset((0, len(stem) - 1))
            typos: dict[str, str] = {}
            for form, lemma in forms.items():
                if len(form) >= _MIN_TYPO_LENGTH and form.isalpha():
                    for slip in _slips(form, fixed.get(form, frozenset())):
                        typos.setdefault(slip, lemma)
            self._typos = {k: v for k, v in typos.items() if k not in self.known}
        return self._typos

    def is_known(self, word: str) -> bool:
        """True when ``word`` (lower case) is a family word, one of its forms, or common."""
        return word in self.known or self.canonical(word) in self.lemmas

    def entry(self, token: str) -> str:
        """The canonical form of a token of the folded note (kept in :attr:`entries`); a
        word that no family knows in any form goes to :attr:`nameable` too."""
        if token in _BREAK_CHARS:
            found = BREAK
        elif token[0].isdigit() or token[0] == "'":
            found = NUM
        else:
            word = _ELIDED.sub("", token).replace("'", "")
            found = self.canonical(word)
            if word not in self.known and found not in self.lemmas:
                self.nameable.add(token)
        if len(self.entries) >= _CACHE_LIMIT:
            # Distinct word forms of a run: bounded all the same. The two tables are emptied
            # together, so that every token in ``entries`` is in ``nameable`` if it may be a
            # name (read_words relies on it).
            self.entries.clear()
            self.nameable.clear()
            return self.entry(token)
        self.entries[token] = found
        return found


CLAUSE_REACH = 40
"""How many tokens a clause reaches either side of the words it is asked about (a LinkedIn
note holds at most 300 characters, about 60 words, docs/sources.md)."""


class Tokens:
    """Canonical tokens, as the grammar reads them (see :class:`Words` for a note's).

    :param tokens: the canonical form of each token (``.`` for clause punctuation).
    """

    __slots__ = ("_breaks", "_positions", "text", "tokens", "vocabulary")

    def __init__(self, tokens: tuple[str, ...]) -> None:
        self.tokens = tokens
        self.vocabulary = frozenset(tokens)
        """Every distinct token: a rule whose words are not all here cannot match."""
        self.text = " " + " ".join(tokens) + " "
        """The tokens joined with single spaces, with a space before and after."""
        self._breaks: tuple[int, ...] | None = None
        self._positions: dict[str, list[int]] | None = None

    @property
    def positions(self) -> dict[str, list[int]]:
        """Token -> the indices where it occurs."""
        if self._positions is None:
            positions: dict[str, list[int]] = {}
            for i, token in enumerate(self.tokens):
                positions.setdefault(token, []).append(i)
            self._positions = positions
        return self._positions

    def clause(self, first: int, last: int | None = None) -> tuple[int, int]:
        """The first and last token of the clause around tokens ``first`` to ``last`` (no
        ``.`` inside); a ``.`` token is a clause of its own.

        A clause reaches at most :data:`CLAUSE_REACH` tokens either side of the match: real
        clauses are shorter, and a text without punctuation would otherwise make every
        match look at all of it (quadratic time on hostile input)."""
        last = first if last is None else last
        if self.tokens[first] == BREAK:
            return first, first
        if self._breaks is None:
            self._breaks = tuple(i for i, token in enumerate(self.tokens) if token == BREAK)
        breaks = self._breaks
        after = bisect.bisect_right(breaks, last)
        before = bisect.bisect_left(breaks, first)
        start = breaks[before - 1] + 1 if before else 0
        end = breaks[after] - 1 if after < len(breaks) else len(self.tokens) - 1
        return max(start, first - CLAUSE_REACH), min(end, last + CLAUSE_REACH)


class Words(Tokens):
    """A note read into canonical tokens, with where each token is in the note.

    :param tokens: the canonical form of each token (``.`` for clause punctuation).
    :param starts: where each token starts in the note.
    :param ends: where each token ends in the note.
    :param note: the note itself.
    """

    # Two tuples of offsets, not one pair per token: a reading is built for every new note
    # and kept in a cache, and each object more is more work for the garbage collector.
    __slots__ = ("_ends", "_starts", "note")

    def __init__(
        self, tokens: tuple[str, ...], starts: tuple[int, ...], ends: tuple[int, ...], note: str
    ) -> None:
        super().__init__(tokens)
        self._starts = starts
        self._ends = ends
        self.note = note

    def source(self, index: int) -> str:
        """The note's text of token ``index``."""
        return self.note[self._starts[index] : self._ends[index]]

    def span(self, first: int, last: int) -> tuple[int, int]:
        """The note span from the start of token ``first`` to the end of token ``last``."""
        return self._starts[first], self._ends[last]


def _split(folded: str, base: int) -> tuple[list[str], list[int], list[int]]:
    """The tokens of ``folded`` with their start and end offsets (plus ``base``).

    One split keeps the text between tokens too, so the offsets are running sums of lengths.
    """
    parts = _SPLIT.split(folded)
    offsets = list(itertools.accumulate(map(len, parts), initial=base))
    return parts[1::2], offsets[1:-1:2], offsets[2::2]


def read_words(
    note: str, lexicon: Lexicon, slots: Iterable[tuple[int, int]] = ()
) -> Words:
    """Tokenise and normalise ``note`` (see the module docstring).

    :param slots: spans of unfilled placeholders; each becomes one ``SLOT`` (or ``MERGE``)
        token.
    """
    folded = fold_text(note)
    if slots:
        raw: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        position = 0
        for start, end in sorted(slots):
            if start >= position:
                found = _split(folded[position:start], position)
                raw += found[0]
                starts += found[1]
                ends += found[2]
                raw.append(_slot(note[start:end]))
                starts.append(start)
                ends.append(end)
            position = max(position, end)
        found = _split(folded[position:], position)
        raw += found[0]
        starts += found[1]
        ends += found[2]
    else:
        raw, starts, ends = _split(folded, 0)
    entries = lexicon.entries
    tokens = [entries.get(t) or lexicon.entry(t) for t in raw]
    if lexicon.in_context and not lexicon.in_context.keys().isdisjoint(raw):
        _read_in_context(raw, tokens, lexicon)
    names: list[int] = []
    if not lexicon.nameable.isdisjoint(raw):
        names = [
            i for i, t in enumerate(raw) if t in lexicon.nameable and note[starts[i]].isupper()
        ]
        if names and _shouting(note):
            names = []  # in an all-caps note every capitalised word would be a name
    if names or BREAK + " " + BREAK in " ".join(tokens):
        tokens, starts, ends = _merge(note, tokens, starts, ends, names)
    return Words(tuple(tokens), tuple(starts), tuple(ends), note)


def _read_in_context(raw: list[str], tokens: list[str], lexicon: Lexicon) -> None:
    """Read each :attr:`~Lexicon.in_context` word of ``raw`` as its word when its sentence
    holds a word of another language ("te vi en el congreso"), in place in ``tokens``."""
    start = 0
    for end in range(len(raw) + 1):
        if end < len(raw) and raw[end] not in _SENTENCE_END:
            continue
        sentence = raw[start:end]
        if not lexicon.foreign.isdisjoint(sentence):
            for i in range(start, end):
                word = lexicon.in_context.get(raw[i])
                if word is not None:
                    tokens[i] = word
        start = end + 1


def _merge(
    note: str, tokens: list[str], starts: list[int], ends: list[int], names: list[int]
) -> tuple[list[str], list[int], list[int]]:
    """Mark the names among ``names`` (capitalised unknown words) and join each run of names,
    and each run of clause marks, into one token."""
    candidates = set(names)
    runs = False  # two names in a row, to be joined
    for i in names:
        # A capitalised unknown word that only opens a sentence may be an ordinary word
        # ("Backfills are ..."); it is a name after another name or before one.
        opens = i == 0 or (tokens[i - 1] == BREAK and note[starts[i - 1]] in _SENTENCE_END)
        after_name = i > 0 and tokens[i - 1] == NAME
        if not opens or i + 1 in candidates or after_name:
            tokens[i] = NAME
            runs = runs or after_name
    if not runs and BREAK + " " + BREAK not in " ".join(tokens):
        return tokens, starts, ends
    kept_tokens: list[str] = []
    kept_starts: list[int] = []
    kept_ends: list[int] = []
    for token, start, end in zip(tokens, starts, ends, strict=True):
        if kept_tokens and token == kept_tokens[-1] and (
            token == BREAK or (token == NAME and kept_ends[-1] >= start - 1)
        ):
            kept_ends[-1] = end  # "Lagos Gophers": one name; "?!": one clause mark
            continue
        kept_tokens.append(token)
        kept_starts.append(start)
        kept_ends.append(end)
    return kept_tokens, kept_starts, kept_ends
