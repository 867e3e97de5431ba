"""Read a note: which elements it has (greeting, how met or found, why, benefit, generic).

:func:`read_note` is the public reading API; the hook in :mod:`~.checks` turns a reading into
findings. The reading follows ``docs/labelling.md`` (what each element means) and rests on
the facts in ``docs/language.md``:

- the note is read into canonical words (:mod:`~.text`), and the rules of
  :mod:`~.phrasing` (families of words in a small grammar, :mod:`~.grammar`) are matched;
- each match is checked in its clause: a negation before it ("we haven't met"), a
  hypothetical ("if we ever meet"), or an object that is only the sender's ("share my CV")
  cancels it; a reminder of shared history needs something to point at (a name, a team, a
  year): "we used to work together" alone reminds no one;
- *how* depends on the relationship: people who know each other are reminded how (an
  employer, a team, a class, an event, a deal, a group, a person); a stranger is told how they
  were found (something they published or said, an event, a mutual contact, a group, a shared
  school or employer, a search for a kind of person). "I came across your profile" alone is
  true of every invitation and does not count;
- a note is *generic* when nothing in it is specific to the recipient: a default text, or no
  post, talk, event, named contact, search, shared history, and no name or thing of theirs
  beyond what a mail merge fills in (their company, title, city, industry).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence

import attrs

from invitecore import Profile, Relationship, Settings
from invitecore_personalization.grammar import Match, Rules, clause
from invitecore_personalization.text import BREAK, NAME, NUM, SLOT, Lexicon, Words, read_words

__all__ = ["ELEMENTS", "NoteReading", "Reader", "Span", "read_note"]

Span = tuple[int, int]
ELEMENTS = ("greeting", "how_met_or_found", "why", "benefit", "generic")
_SpanFinder = Callable[[str], Sequence[Span]]
_ProfileSpan = Callable[[str, Profile], "Span | None"]


@attrs.frozen(kw_only=True)
class NoteReading:
    """Which elements a note has, each as the span of the text it rests on (None: absent).

    ``generic`` is the span of the stock text that makes the note generic, or the whole note
    when nothing in it is specific; None when the note is specific to the recipient.
    """

    greeting: Span | None = None
    how_met_or_found: Span | None = None
    why: Span | None = None
    benefit: Span | None = None
    generic: Span | None = None

    def present(self, element: str) -> bool:
        """True when ``element`` (one of :data:`ELEMENTS`) is in the note.

        :raises ValueError: for an unknown element.
        """
        if element not in ELEMENTS:
            raise ValueError(f"unknown element {element!r}; expected one of {ELEMENTS}")
        return getattr(self, element) is not None


def read_note(
    note: str,
    *,
    profile: Profile,
    relationship: Relationship | str = "none",
    settings: Settings | None = None,
) -> NoteReading:
    """Read ``note`` sent to ``profile`` (see the module docstring).

    :param relationship: how the sender knows the recipient (``"none"``: a stranger).
    :param settings: the plugin's settings as the core resolves them; None for the defaults.
    """
    from invitecore_personalization.patterns import compiled, default_settings

    compiled_settings = compiled(settings if settings is not None else default_settings())
    return compiled_settings.reader.read(note, profile, Relationship(relationship))


# Words never taken as mail-merge values even when a profile field holds them.
_MERGE_STOP = frozenset({"the", "of", "and", "at", "in", "for", "a", "an", "&", "-", "|", "@"})
# Nouns of a profile that any note may name ("your background"): not specific.
_STOCK_OBJECTS = frozenset(
    """profile background experience expertise career journey work company team role field
    industry network time business insight content post thought perspective skill achievement
    accomplishment leadership space sector area way inbox radar day week help advice opinion
    support consideration input feedback attention organisation organization firm position
    title page website site email number details contact info information name product
    products service services radar feed journey success growth""".split()
)


class Reader:
    """Reads notes with one set of families and rules (see :func:`read_note`).

    :param families: family name -> members (see :mod:`~.families`).
    :param rules: rule group -> rules (see :mod:`~.phrasing`).
    :param irregular: irregular forms -> canonical form.
    :param common: words that are never names.
    :param placeholders: finds unfilled placeholders (offsets into the note).
    :param greet: the greeting reader: (note, profile) -> span of the name-like greeting.
    :param default_text: the default-text finder: (note, profile) -> span or None.
    """

    def __init__(
        self,
        *,
        families: Mapping[str, Sequence[str]],
        rules: Mapping[str, Sequence[str]],
        irregular: Mapping[str, str],
        common: Collection[str],
        placeholders: _SpanFinder,
        greet: _ProfileSpan,
        default_text: _ProfileSpan,
    ) -> None:
        lemmas = {
            word
            for group in (*families.values(), *rules.values())
            for entry in group
            for word in entry.replace("/", " ").split()
            if word.isalpha() or "-" in word
        }
        self.lexicon = Lexicon(lemmas, irregular, common)
        canonical = self.lexicon.canonical
        self.rules = {name: Rules(lines, families, canonical) for name, lines in rules.items()}
        self.neg = frozenset(canonical(w) for w in families["neg"])
        self.unreal = frozenset(canonical(w) for w in families["unreal"] if " " not in w)
        self.context = frozenset(canonical(w) for w in families["context"] if " " not in w)
        self.meet = canonical("meet")
        self.event = frozenset(
            canonical(w) for w in (*families["event"], *families["event_name"]) if " " not in w
        ) - {self.meet}
        self.recall = frozenset(canonical(w) for w in families["recall"] if " " not in w)
        self.meet = canonical("meet")
        self.placeholders = placeholders
        self.greet = greet
        self.default_text = default_text

    # -- the reading -----------------------------------------------------------------------

    def words(self, note: str) -> Words:
        """``note`` read into canonical words (placeholders are ``SLOT``)."""
        return read_words(note, self.lexicon, self.placeholders(note))

    def first_span(self, words: Words, group: str) -> Span | None:
        """The note span of the first match of rule group ``group`` (e.g. ``"pitch"``)."""
        match = self._first(words, group)
        return words.span(*match) if match is not None else None

    def read(
        self, note: str, profile: Profile, relationship: Relationship, words: Words | None = None
    ) -> NoteReading:
        """See :func:`read_note`. :param words: :meth:`words` of ``note``, if at hand."""
        if not note.strip():
            return NoteReading()
        if words is None:
            words = self.words(note)
        own = _Own(note, words, profile)
        how = self._how(words, relationship, own)
        pitch = self._first(words, "pitch")
        why = self._why(words)
        benefit = self._benefit(words, pitch is not None)
        return NoteReading(
            greeting=self.greet(note, profile),
            how_met_or_found=how[0] if how else None,
            why=words.span(*why) if why else None,
            benefit=words.span(*benefit) if benefit else None,
            generic=self._generic(note, words, profile, how, own),
        )

    def _matches(self, words: Words, group: str) -> Iterator[Match]:
        return self.rules[group].matches(words)

    def _first(self, words: Words, group: str) -> Match | None:
        return self.rules[group].first(words)

    # -- clause checks ---------------------------------------------------------------------

    def _negated(self, words: Words, match: Match) -> bool:
        """A negation in the three words before the match, in its clause ("we haven't met")."""
        start, _ = clause(words, *match)
        before = words.tokens[max(start, match[0] - 3) : match[0]]
        return any(token in self.neg for token in before) or any(
            token in self.neg for token in words.tokens[match[0] : match[1] + 1]
        )

    def _unreal(self, words: Words, match: Match) -> bool:
        """A hypothetical or a wish before the match in its clause ("if we ever meet")."""
        start, _ = clause(words, *match)
        before = words.tokens[max(start, match[0] - 4) : match[0]]
        return any(token in self.unreal for token in before)

    def _points_at(self, words: Words, match: Match, own: _Own) -> bool:
        """True when the match's clause names something: a name, a placeholder, a number or
        year, or a shared context (a team, a class, an event, a deal)."""
        start, end = clause(words, *match)
        for i in range(start, end + 1):
            token = words.tokens[i]
            if token in (SLOT, NUM) or token in self.context or token in self.event:
                return True
            if token == NAME and not own.is_person(i):
                return True
        return False

    # -- how -------------------------------------------------------------------------------

    def _how(
        self, words: Words, relationship: Relationship, own: _Own
    ) -> tuple[Span, str] | None:
        """The span of the first how-evidence and its kind, for this relationship."""
        if relationship.is_stranger:
            kinds = ("found", "met", "shared")
        else:
            kinds = ("history", "met", "shared")
        stock = _by_clause(words, self._matches(words, "stock"))
        best: tuple[Match, str] | None = None
        for kind in kinds:
            for match in self._matches(words, kind):
                if any(s[0] <= match[0] <= s[1] for s in stock.get(words.clauses[match[0]], ())):
                    continue  # "I see you work at": the stock frame of a mail merge
                if self._accept_how(words, match, kind, own):
                    if best is None or match[0] < best[0][0]:
                        best = (match, kind)
                    break
        if best is None:
            return None
        return words.span(*best[0]), best[1]

    def _accept_how(self, words: Words, match: Match, kind: str, own: _Own) -> bool:
        if self._negated(words, match):
            return False
        tokens = words.tokens[match[0] : match[1] + 1]
        if kind in ("met", "found") and any(t == NAME for t in tokens) and all(
            own.is_theirs(i) for i in range(match[0], match[1] + 1) if words.tokens[i] == NAME
        ):
            return False  # only their own name or company: what a mail merge fills in
        if kind == "met":
            if self.meet in tokens and self._unreal(words, match):
                # "would love to meet": a wish, unless it names the event
                return any(t in self.event or t == NAME for t in tokens)
            return True
        if kind == "history":
            return self._points_at(words, match, own)
        return True

    # -- why, benefit ----------------------------------------------------------------------

    def _why(self, words: Words) -> Match | None:
        stock = _by_clause(words, self._matches(words, "stock"))
        for match in self._matches(words, "why"):
            if self._negated(words, match):
                continue
            near = stock.get(words.clauses[match[0]], ())
            if any(s[0] <= match[0] and match[1] <= s[1] for s in near):
                continue  # inside a stock phrase ("looking to expand my network")
            if self._stock_tail(words, match, near):
                continue
            return match
        return self._question(words)

    def _stock_tail(self, words: Words, match: Match, stock: Sequence[Match]) -> bool:
        """True when the match only leads into a stock phrase ("I'm reaching out to connect")."""
        _, end = clause(words, *match)
        return any(match[0] <= s[0] <= match[1] + 2 and s[1] >= end - 1 for s in stock)

    def _question(self, words: Words) -> Match | None:
        """A question about something (not "open to connecting?") is a reason."""
        start = 0
        tokens = words.tokens
        for i, token in enumerate(tokens + (BREAK,)):
            if token != BREAK:
                continue
            end = i - 1
            if i < len(tokens) and "?" in words.source(i) and end - start >= 4:
                content = [t for t in tokens[start : end + 1] if t not in _QUESTION_NOISE]
                if len(content) >= 3:
                    return start, end
            start = i + 1
        return None

    def _benefit(self, words: Words, pitch: bool) -> Match | None:
        sender_only = _by_clause(words, self._matches(words, "sender_only"))
        groups = ("gift",) if pitch else ("benefit", "gift")
        for group in groups:
            for match in self._matches(words, group):
                if self._negated(words, match):
                    continue
                near = sender_only.get(words.clauses[match[0]], ())
                if any(s[0] >= match[0] - 1 for s in near):
                    continue  # "happy to share my CV", "could you help me"
                return match
        return None

    # -- generic ---------------------------------------------------------------------------

    def _generic(
        self,
        note: str,
        words: Words,
        profile: Profile,
        how: tuple[Span, str] | None,
        own: _Own,
    ) -> Span | None:
        default = self.default_text(note, profile)
        if default is not None:
            return default
        if how is not None and how[1] != "shared":
            return None
        if self._specific(words, own):
            return None
        stock = self._first(words, "stock")
        return words.span(*stock) if stock is not None else (0, len(note))

    def _specific(self, words: Words, own: _Own) -> bool:
        """Something in the note that is theirs or ours and no mail merge fills in: a name in
        a clause about them, "your <thing>" beyond their profile, a private reference."""
        tokens = words.tokens
        for i, token in enumerate(tokens):
            if token in self.recall and i > 0:
                return True
            if token == "your" and i + 1 < len(tokens):
                following = [t for t in tokens[i + 1 : i + 3] if t != BREAK]
                if following and following[0] not in _STOCK_OBJECTS and following[0] not in (
                    NAME, SLOT
                ) and following[0].isalpha():
                    return True
            if token == NAME and not own.is_theirs(i):
                start, end = clause(words, i, i)
                near = tokens[start : end + 1]
                if "you" in near or "your" in near or "youre" in near:
                    return True
        return False


def _by_clause(words: Words, matches: Iterator[Match]) -> dict[tuple[int, int], list[Match]]:
    """Matches grouped by the clause they start in."""
    grouped: dict[tuple[int, int], list[Match]] = {}
    for match in matches:
        grouped.setdefault(words.clauses[match[0]], []).append(match)
    return grouped


_QUESTION_NOISE = frozenset(
    """you your i we a an the to for be would could can will do have me us it this that
    open connect connecting interested worth chat call quick minute min NUM like love
    there here any chance please maybe""".split()
)


class _Own:
    """Which NAME tokens are the recipient's own (their names, company, title, city, groups):
    what a mail merge fills in, and so never specific."""

    __slots__ = ("_keys", "_people", "note", "words")

    def __init__(self, note: str, words: Words, profile: Profile) -> None:
        self.note = note
        self.words = words
        people = [profile.name, profile.first_name, profile.last_name]
        fields = [*people, profile.company, profile.title, profile.location, profile.headline,
                  *profile.groups]
        self._keys = self._key_set(fields)
        self._people = self._key_set(people)

    @staticmethod
    def _key_set(fields: Sequence[str | None]) -> set[str]:
        keys: set[str] = set()
        for field in fields:
            if field:
                keys.update(w for w in _word_keys(field) if w not in _MERGE_STOP)
        return keys

    def is_person(self, index: int) -> bool:
        """True when the NAME token at ``index`` is the recipient's own name."""
        start, end = self.words.spans[index]
        keys = _word_keys(self.note[start:end])
        return bool(keys) and all(k in self._people for k in keys)

    def is_theirs(self, index: int) -> bool:
        """True when every word of the NAME token at ``index`` is one of the profile's."""
        start, end = self.words.spans[index]
        keys = _word_keys(self.note[start:end])
        return bool(keys) and all(k in self._keys for k in keys)


def _word_keys(text: str) -> list[str]:
    return [
        "".join(ch for ch in w if ch.isalnum()).lower() for w in text.replace("'s", " ").split()
    ]


