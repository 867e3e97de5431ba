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
  employer, a team, a class, an event, a deal, a group, a person; members of a group also by
  what they posted there); a stranger is told how they were found (something they published
  or said, an event, a mutual contact, a group, a shared school or employer, a search for a
  kind of person). "I came across your profile" alone is true of every invitation and does
  not count;
- a note is *generic* when nothing in it is specific to the recipient: a default text, or no
  post, talk, event, named contact, search, shared history, and no name or thing of theirs
  beyond what a mail merge fills in (their company, title, city, industry).

The work is split by what it depends on. Most of a reading depends on the note's text alone
(:class:`NoteText`: its words, the rule matches and what they say about why and benefit), and
a batch sends one template to many people: the text after the greeting's name ("Hi Dana")
recurs word for word. :meth:`Reader.text` reads each such text once and keeps the last
``TEXT_CACHE_SIZE``; what depends on the recipient (their names in the greeting, whether a
name in the note is theirs, a default text with their name in it) is worked out for every
case, by :func:`read_case`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

import attrs

from invitecore import Profile, Relationship, Settings
from invitecore_personalization.families import OTHER_LANGUAGES, OTHER_LANGUAGES_IN_CONTEXT
from invitecore_personalization.grammar import Grammar, Match
from invitecore_personalization.greeting import Salutation, greeting_span, read_opening
from invitecore_personalization.language import unread_language
from invitecore_personalization.names import RecipientNames, recipient_names
from invitecore_personalization.templates import TemplateMatch, default_text
from invitecore_personalization.text import (
    BREAK,
    NAME,
    NUM,
    SLOT,
    Lexicon,
    Tokens,
    Words,
    read_words,
)

if TYPE_CHECKING:
    from invitecore_personalization.patterns import Compiled

__all__ = [
    "ELEMENTS", "TEXT_CACHE_SIZE", "CaseReading", "How", "NoteReading", "NoteText", "Reader",
    "Said", "Span", "read_case", "read_note",
]

Span = tuple[int, int]
ELEMENTS = ("greeting", "how_met_or_found", "why", "benefit", "generic")
TEXT_CACHE_SIZE = 4096
"""Distinct note texts whose reading a :class:`Reader` keeps (a few KB each)."""
_SpanFinder = Callable[[str], Sequence[Span]]


@attrs.frozen(kw_only=True)
class NoteReading:
    """Which elements a note has, each as the span of the text it rests on (None: absent).

    ``generic`` is the span of the stock text that makes the note generic, or the whole note
    when nothing in it is specific; None when the note is specific to the recipient.

    ``unread`` says why the note was not read for its elements (a script or a language the
    plugin has no words for, PER104); only its greeting is then looked for.
    """

    greeting: Span | None = None
    how_met_or_found: Span | None = None
    why: Span | None = None
    benefit: Span | None = None
    generic: Span | None = None
    unread: str | None = None

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
    return read_case(note, profile, Relationship(relationship), compiled_settings).reading


# Nouns of a profile that any note may name ("your background"): not specific.
_STOCK_OBJECTS = frozenset(
    """profile background experience expertise career journey work company team role field
    industry network time business insight content post thought perspective skill achievement
    accomplishment leadership space sector area way inbox radar day week help advice opinion
    support consideration input feedback attention organisation organization firm position
    title page website site email number details contact info information name product
    products service services radar feed journey success growth github linkedin instagram
    twitter youtube tiktok classmate colleague coworker""".split()  # noqa: SIM905
)
# Words of a question that only ask to connect or for a call ("open to connecting?"), or
# how they are ("how are you doing these days?", "are you still in Porto?").
_QUESTION_NOISE = frozenset(
    """you your i we a an the to for be would could can will do have me us it this that
    open connect connecting interested worth chat call quick minute min NUM like love
    there here any chance please maybe doing going these day days things everything
    life""".split()  # noqa: SIM905
)
# Questions that only ask to connect ("be my first connection?"): no reason (section 17).
_NOT_A_REASON = frozenset({"connection"})
_MEMORY = frozenset({"remember", "memory", "memories"})
_YOU = frozenset({"you", "your", "youre"})
_FOR_ME = frozenset({"me", "my", "us"})
_NAMED = frozenset({NAME, SLOT, NUM})
# After a negation, verbs that deny nothing that follows ("can't believe you left Northfield",
# "can't wait to see you at ...").
# What a seller gives away to sell ("a free trial", "free samples"): the product, not a gift.
_TRIALS = frozenset(
    (word,) for word in """trial trials demo demos sample samples consultation consult audit
    assessment quote estimate pilot month week version plan account""".split()  # noqa: SIM905
)
_NOT_DENIED = frozenset({"believe", "wait", "hesitate"})
_ARTICLES = frozenset({"a", "an"})
# Before a verb of aims, "as" makes it something said already, not an aim ("as discussed on
# the call", "as requested"); "you asked about ..." still points at what they want.
_TOLD = frozenset({"as"})
_MEMBER = frozenset({"member", "members"})
_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()  # noqa: SIM905
)
# After a talk or a meeting, a date, not its topic (shares the weekdays with _DAYS).
_WHEN = _WEEKDAYS | {"today", "tomorrow"}
# Words after "your" that name no thing of theirs: the stock praise of a profile ("your
# valuable experience", "your esteemed network", "your former classmate") is skipped, and a
# verb is "your" written for "you're" ("hope your doing well").
_PRAISE = frozenset(
    """new former old recent current latest great amazing impressive inspiring valuable
    esteemed incredible extensive strong wonderful fantastic excellent""".split()  # noqa: SIM905
)
# Between "thank" and "for": "thank you so much again for".
_THANKS_FILLER = frozenset(
    {"you", "so", "very", "much", "a", "lot", "again", "once", "more", "all"}
)
# What anyone is thanked for: the invitation, their time, a courtesy ("thanks for accepting").
_THANKED_BY_ANYONE = frozenset(
    """the your my a an this that our and me us it in all accept connect connection invitation
    invite request time consider consideration read everything attention advance business
    interest reply response help support kindness understand understanding patience follow
    add look taking take being be here linkedin network note message to for of with
    so""".split()  # noqa: SIM905
)
_NOT_A_THING = frozenset({"have", "be", "do", "doing", "well", "welcome", "right", "go"})
# Before "each other", words that make it a fact, not a gain for both ("sat next to each
# other", "know each other", "invoicing each other").
_NOT_MUTUAL = frozenset({"to", "know", "see", "meet", "invoice", "bill", "miss"})
# Before a reason's first word, these make it a noun of theirs ("your talk on", "new role at").
# "been a while since", "been ages since": how long it has been, which anyone may write.
_A_WHILE = frozenset({"while", "forever", "ages", "age", "long", "years", "year", "months"})
_THEIRS = frozenset({"your", "his", "her", "their", "new"})
_ON_TOPIC = frozenset({"on", "about", "regarding", "into"})
_NARROWED = frozenset({NUM, "who", "whove", "whod", "whose"})
_ADDRESSED = frozenset({"you", "youre", "youd", "youll", "youve", "u"})
_FIRST = frozenset({"i", "im", "id", "ive", "ill", "my", "me", "role", "position", "job"})
_MODALS = frozenset({"can", "could", "will", "would", "should", "might", "may"})
# Whose content it is: theirs ("your talk on", "the post on") and not the sender's ("my thesis").
_THEIR_DETERMINERS = frozenset({"the", "your", "his", "her", "their"})
_OURS = frozenset({"my", "our", "i", "we"})
_NOT_A_TOPIC = frozenset(
    {"the", "a", "an", "this", "that", "it", "my", "your", "our", "their", "linkedin", "here"}
)
# "I saw your work at ." / "from ,": a template whose company or event came out empty. Every
# such fill has a blank before punctuation (the cheap test first).
_EMPTY_AFTER_WORD = re.compile(r"(?<!\w)(?:at|from|with|in|on)[ \t]+[,.!?;:](?=\s|$)")
_EMPTY_HINT = re.compile(r"[ \t][,.!?;:]")
_HOW_KINDS = {True: ("found", "met", "shared"), False: ("history", "met", "shared")}
"""The rule groups that say how, for a stranger (True) and for someone known (False)."""
_GROUP_HOW_KINDS = ("history", "found", "met", "shared")
"""Members of a group come across each other through what they post there ("saw your poll
in the group"): to them, something they published says how too."""


class Said:
    """What a text's words say, whatever its names and punctuation marks (see
    :meth:`Reader.said`): the rule matches and the elements that rest on them alone.

    Token indices are those of the canonical text read.

    :param matches: rule group -> its matches, in order.
    :param how: for each how-group (``found``, ``met``, ``shared``, ``history``), its matches
        that no negation, wish or stock frame cancels; whether one names the recipient's
        own company or name instead is for :func:`read_case` to say.
    :param why: the first reason to connect the rules find (a question may be another).
    :param benefit: the first thing in it for the recipient, or None.
    :param stock: the first stock phrase, or None.
    :param specific: True when the text names something no mail merge fills in (a private
        reference, "your <thing>" beyond a profile's nouns).
    :param named: the names in a clause about the recipient ("your talk at NAME"): specific
        unless they are the recipient's own.
    """

    __slots__ = ("benefit", "how", "matches", "named", "specific", "stock", "why")

    def __init__(
        self,
        matches: Mapping[str, tuple[Match, ...]],
            how: Mapping[str, tuple[How, ...]],
        why: Match | None,
        benefit: Match | None,
        stock: Match | None,
        specific: bool,
        named: tuple[int, ...],
    ) -> None:
        self.matches = matches
        self.how = how
        self.why = why
        self.benefit = benefit
        self.stock = stock
        self.specific = specific
        self.named = named

    def first(self, group: str) -> Match | None:
        """The first match of rule group ``group``, or None."""
        found = self.matches.get(group)
        return found[0] if found else None


# What a text the plugin cannot read says, as far as it knows (see NoteText.unread).
_NOTHING_SAID = Said(
    matches={}, how={}, why=None, benefit=None, stock=None, specific=False, named=()
)


class NoteText:
    """What a note's text says, whoever it is sent to (see :meth:`Reader.text`).

    Spans are those of the text read, which is the note itself or the part after its
    greeting's name (see :func:`~.greeting.body_start`).

    :param words: the text read into canonical words.
    :param said: what the words say (:class:`Said`).
    :param why: the first reason to connect (a rule's, or a question), or None.
    :param defaults: False when no default text can be found in the text, whatever the names.
    :param placeholders: unfilled placeholders and empty fills ("at ."), in order.
    :param names: NAME token -> the words of the name as they are compared with a profile's,
        in the order of the tokens.
    :param unread: why the text cannot be read (:func:`~.language.unread_language`), or None.
    """

    __slots__ = ("defaults", "names", "placeholders", "said", "unread", "why", "words")

    def __init__(
        self,
        words: Words,
        said: Said,
        why: Match | None,
        defaults: bool,
        placeholders: tuple[Span, ...],
        names: Mapping[int, frozenset[str]],
        unread: str | None = None,
    ) -> None:
        self.words = words
        self.said = said
        self.why = why
        self.defaults = defaults
        self.placeholders = placeholders
        self.names = names
        self.unread = unread


class Reader:
    """Reads note texts with one set of families and rules (see :meth:`text`).

    :param families: family name -> members (see :mod:`~.families`).
    :param rules: rule group -> rules (see :mod:`~.phrasing`).
    :param irregular: irregular forms -> canonical form.
    :param common: words that are never names.
    :param placeholders: finds unfilled placeholders (offsets into the text).
    :param could_be_default: False when a text cannot be built around a default text.
    :param language_words: language code -> its commonest words, for each language read (see
        :mod:`~.language`).
    :param unread_min_words: fewest lower-case words for a text to be judged by its words.
    :param unread_min_share: the share of known words below which a text is not read.
    :param cache_size: how many distinct texts, and how many distinct canonical texts, to
        keep the reading of.
    """

    def __init__(
        self,
        *,
        families: Mapping[str, Sequence[str]],
        rules: Mapping[str, Sequence[str]],
        irregular: Mapping[str, str],
        common: Collection[str],
        placeholders: _SpanFinder,
        could_be_default: Callable[[str], bool],
        language_words: Mapping[str, Collection[str]] | None = None,
        unread_min_words: int = 6,
        unread_min_share: float = 0.3,
        cache_size: int = TEXT_CACHE_SIZE,
    ) -> None:
        lemmas = {
            word
            for group in (*families.values(), *rules.values())
            for entry in group
            for word in entry.replace("/", " ").split()
            if word.isalpha() or "-" in word
        }
        self.lexicon = Lexicon(
            lemmas,
            irregular,
            common,
            foreign=OTHER_LANGUAGES,
            in_context=OTHER_LANGUAGES_IN_CONTEXT,
        )
        canonical = self.lexicon.canonical
        self.grammar = Grammar(rules, families, canonical)

        def single(*names: str) -> frozenset[str]:
            return frozenset(
                canonical(w) for name in names for w in families[name] if " " not in w
            )

        self.neg = single("neg")
        self.unreal = single("unreal")
        self.context = single("context")
        self.meet = canonical("meet")
        self.event = single("event", "event_name") - {self.meet}
        self.talk = single("meet") - {self.meet}
        # "Following" reads as "follow", which is how people keep up with a stranger's work
        # ("I've been following your work"): only "following our ..." recalls something.
        follow = canonical("follow")
        self.recall = single("recall") - {follow}
        # Phrases of the recall family ("as promised", "per our"), as canonical text.
        self.recall_phrases = (
            *(
                " " + " ".join(canonical(w) for w in phrase.split()) + " "
                for phrase in families["recall"]
                if " " in phrase
            ),
            f" {follow} our ",
        )
        # What they published, or their work, with its topic ("your work on offline sync")
        self.topical = single("content") | {canonical("work")}
        self.ground = single("group", "alum", "member")
        self.search = single("search")
        self.thanks = single("thanks")
        self.placeholders = placeholders
        self.could_be_default = could_be_default
        self.languages = {
            code: frozenset(words) for code, words in (language_words or {}).items()
        }
        self.unread_min_words = unread_min_words
        self.unread_min_share = unread_min_share
        # functools.lru_cache: bounded (least recently used out first), a C-level lookup.
        # What they keep is never changed once built.
        self.text: Callable[[str], NoteText] = functools.lru_cache(maxsize=cache_size)(
            self._read_text
        )
        """The :class:`NoteText` of a text, read once while it stays among the most recent."""
        self.said: Callable[[str], Said] = functools.lru_cache(maxsize=cache_size)(
            self._read_said
        )
        """The :class:`Said` of a canonical text (:attr:`~.text.Tokens.text`), read once while
        it stays among the most recent: notes of one template that differ only in names
        ("your talk at NAME") say the same."""

    def words(self, text: str) -> Words:
        """``text`` read into canonical words (placeholders are ``SLOT``)."""
        return read_words(text, self.lexicon, self.placeholders(text))

    def _knows(self, word: str) -> bool:
        return self.lexicon.is_known(word.replace("'", ""))

    def _read_text(self, text: str) -> NoteText:
        slots = self.placeholders(text)
        words = read_words(text, self.lexicon, slots)
        unread = unread_language(
            text,
            self.lexicon.known,
            self.languages,
            self._knows,
            min_words=self.unread_min_words,
            min_share=self.unread_min_share,
        )
        if unread is not None:
            return NoteText(words, _NOTHING_SAID, None, False, tuple(slots), {}, unread)
        said = self.said(words.text)
        empty = _EMPTY_HINT.search(text) is not None
        fills = [m.span() for m in _EMPTY_AFTER_WORD.finditer(text.lower())] if empty else []
        return NoteText(
            words=words,
            said=said,
            why=said.why if said.why is not None else self._question(words),
            defaults=self.could_be_default(text),
            placeholders=tuple(sorted([*slots, *fills])),
            # Found by a scan rather than words.positions, a table of every token that most
            # readings never need (and that the cache would then hold on to).
            names={
                i: frozenset(_word_keys(words.source(i)))
                for i, token in enumerate(words.tokens)
                if token == NAME
            },
        )

    def _read_said(self, text: str) -> Said:
        tokens = Tokens(tuple(text.split()))
        matches = self.grammar.read(tokens)
        stock = matches["stock"]
        covered = _Cover(stock, len(tokens.tokens))
        specific, named = self._specific(tokens)
        return Said(
            matches=matches,
            how={
                kind: self._how(tokens, matches[kind], kind, covered) for kind in _HOW_GROUPS
            },
            why=self._why(tokens, matches["why"], stock, covered),
            benefit=self._benefit(tokens, matches, bool(matches["pitch"]), covered),
            stock=stock[0] if stock else None,
            specific=specific,
            named=named,
        )

    # -- clause checks ---------------------------------------------------------------------

    def _negated(self, words: Tokens, match: Match) -> bool:
        """A negation in the match or the three words before it, in its clause ("we haven't
        met"); a "but" ends it ("we haven't met but we both worked at ...")."""
        start, _ = words.clause(*match)
        tokens = words.tokens[max(start, match[0] - 3) : match[1] + 1]
        if self.neg.isdisjoint(tokens):
            return False
        if "but" in tokens[: match[0] - max(start, match[0] - 3)]:
            tokens = tokens[len(tokens) - tokens[::-1].index("but") :]
        return any(
            token in self.neg and (i + 1 == len(tokens) or tokens[i + 1] not in _NOT_DENIED)
            for i, token in enumerate(tokens)
        )

    def _unreal(self, words: Tokens, match: Match) -> bool:
        """A hypothetical or a wish before the match in its clause ("if we ever meet")."""
        start, _ = words.clause(*match)
        return not self.unreal.isdisjoint(words.tokens[max(start, match[0] - 4) : match[0]])

    # -- how -------------------------------------------------------------------------------

    def _unnamed_ground(self, words: Tokens, match: Match) -> bool:
        """A group, school or membership in common that its clause does not name."""
        if self.ground.isdisjoint(words.tokens[match[0] : match[1] + 1]):
            return False
        start, end = words.clause(*match)
        return _NAMED.isdisjoint(words.tokens[start : end + 1])

    def _how(
        self, words: Tokens, matches: tuple[Match, ...], kind: str, covered: _Cover
    ) -> tuple[How, ...]:
        """The matches of how-group ``kind`` that the text itself does not cancel, with the
        names whose owner decides the rest (see :class:`How`)."""
        kept = []
        tokens = words.tokens
        for match in matches:
            if covered.covers(match[0]):
                continue  # "I see you work at": the stock frame of a mail merge
            if self._negated(words, match):
                continue
            inside = tokens[match[0] : match[1] + 1]
            # "would love to meet", "we can chat": a wish, unless it names the event
            if (
                kind == "met"
                and (
                    (self.meet in inside and self._unreal(words, match))
                    or not _MODALS.isdisjoint(inside)
                )
                and not any(t in self.event or t == NAME for t in inside)
            ):
                continue
            # "I'd love to speak at <event>", "the right person to talk to": a wish to talk
            # is no meeting, wherever it would be
            if (
                kind == "met"
                and self.meet not in inside
                and not self.talk.isdisjoint(inside)
                and self._unreal(words, match)
            ):
                continue
            if kind == "history":
                # A reminder needs something to point at in its clause: a placeholder, a
                # year, a team or an event settle it; else a name that is not the recipient's.
                start, end = words.clause(*match)
                clause = tokens[start : end + 1]
                if SLOT in clause or NUM in clause or not (
                    self.context.isdisjoint(clause) and self.event.isdisjoint(clause)
                ):
                    kept.append(How(match, (), True))
                else:
                    names = tuple(i for i in range(start, end + 1) if tokens[i] == NAME)
                    if names:
                        kept.append(How(match, names, False))
            elif kind == "shared" and self._unnamed_ground(words, match):
                continue  # "we're in the same group", "fellow alumni": which one?
            elif kind == "shared" or NAME not in inside:
                kept.append(How(match, (), True))
            else:
                names = tuple(i for i in range(match[0], match[1] + 1) if tokens[i] == NAME)
                kept.append(How(match, names, False))
        return tuple(kept)

    # -- why, benefit ----------------------------------------------------------------------

    def _why(
        self, words: Tokens, matches: tuple[Match, ...], stock: tuple[Match, ...], covered: _Cover
    ) -> Match | None:
        for match in matches:
            if self._negated(words, match):
                continue
            if covered.contains(*match) or (
                covered.covers(match[1]) and not covered.covers(match[0])
            ):
                continue  # inside or into a stock phrase ("I'm seeking new opportunities")
            if _stock_tail(words, match, stock):
                continue
            if _not_an_aim(words, match):
                continue
            return match
        return None


    def _question(self, words: Words) -> Match | None:
        """A question about something (not "open to connecting?") is a reason."""
        if "?" not in words.note:
            return None
        tokens = words.tokens
        for i in words.positions.get(BREAK, ()):
            if "?" not in words.source(i) or i == 0:
                continue
            start, end = words.clause(i - 1)
            if tokens[end] != BREAK and end - start >= 4:
                clause = tokens[start : end + 1]
                content = [t for t in clause if t not in _QUESTION_NOISE]
                if (
                    len(content) >= 3
                    and not _how_they_are(clause)
                    and _NOT_A_REASON.isdisjoint(clause)
                    and not _asks_who_or_unconnected(clause)
                ):
                    return start, end
        return None

    def _benefit(
        self,
        words: Tokens,
        matches: Mapping[str, tuple[Match, ...]],
        pitch: bool,
        covered: _Cover,
    ) -> Match | None:
        sender_only = matches["sender_only"]
        # Inside a sales pitch only something free or an opportunity for them counts; a free
        # taste of what is sold ("free trial", "free samples", section 20) never does.
        for group in ("gift",) if pitch else ("benefit", "gift"):
            for match in matches[group]:
                if words.tokens[match[1] + 1 : match[1] + 2] in _TRIALS:
                    continue
                # "no charge", "no strings": a gift that opens with its own "no"
                if self._negated(words, match) and words.tokens[match[0]] != "no":
                    continue
                if _each_other_as_fact(words.tokens, match):
                    continue  # "sat next to each other", "we know each other"
                if _followed_in_clause(words, match, sender_only):
                    continue  # "happy to share my CV", "could you help me"
                if covered.contains(*match) or _asked_of_them(words, match, group == "benefit"):
                    continue
                return match
        return None

    # -- specific --------------------------------------------------------------------------

    def _specific(self, words: Tokens) -> tuple[bool, tuple[int, ...]]:
        """Whether the text names something that is theirs or ours and no mail merge fills
        in (a private reference, "your <thing>" beyond their profile), and the names in a
        clause about them, which are specific unless they are the recipient's own."""
        tokens, positions = words.tokens, words.positions
        for token in self.recall.intersection(words.vocabulary):
            # not the small talk of "it's been a while since we graduated" (section 17)
            if any(i > 0 and tokens[i - 1] not in _A_WHILE for i in positions[token]):
                return True, ()
        if any(phrase in words.text for phrase in self.recall_phrases):
            return True, ()
        # Thanks for something they did ("thanks for reviewing my draft", "thank you for the
        # smooth handover"), not for the invitation itself ("thanks for connecting").
        for token in self.thanks.intersection(words.vocabulary):
            if any(_thanks_for_an_act(words, i) for i in positions[token]):
                return True, ()
        # Congratulations on something they did ("congrats on opening the bakery", "on
        # passing the bar"), not on what a mail merge fills ("congrats on the new role").
        for token in _CONGRATS.intersection(words.vocabulary):
            for i in positions[token]:
                if tokens[i + 1 : i + 2] == ("on",) and _an_act(tokens[i + 2 : i + 3]):
                    return True, ()
        # Something they published, with its topic ("the blog post on failover").
        for token in self.topical.intersection(words.vocabulary):
            for i in positions[token]:
                # "the post on X", "episode 52 on X"
                j = i + 1 if i + 1 < len(tokens) and tokens[i + 1] in (NUM, NAME) else i
                if j + 2 >= len(tokens) or tokens[j + 1] not in _ON_TOPIC:
                    continue
                topic = tokens[j + 2]
                # whose it is: the last determiner of the four words before ("the Acme
                # engineering blog post", "your Harbour Post investigation"), not "my thesis"
                before = tokens[max(0, i - 4) : i]
                owner = [t for t in before if t in _THEIR_DETERMINERS or t in _OURS]
                if (
                    topic not in _STOCK_OBJECTS
                    and topic not in _NOT_A_TOPIC
                    and topic.replace("-", "").isalpha()
                    and owner
                    and owner[-1] in _THEIR_DETERMINERS
                ):
                    return True, ()
        for i in positions.get("your", ()):
            following = [t for t in tokens[i + 1 : i + 4] if t != BREAK and t not in _PRAISE]
            if (
                following
                and following[0] not in _STOCK_OBJECTS
                and following[0] not in _NOT_A_THING
                and following[0] not in (NAME, SLOT)
                and following[0].isalpha()
            ):
                return True, ()
        named = []
        for i in positions.get(NAME, ()):
            start, end = words.clause(i)
            clause = tokens[start : end + 1]
            # "we help NAME like you": a pitch to everyone like them
            if not _YOU.isdisjoint(clause) and " like you " not in " ".join(clause) + " ":
                named.append(i)
        return False, tuple(named)


_HOW_GROUPS = ("found", "met", "shared", "history")


class How(NamedTuple):
    """A match that says how, as far as the text can tell.

    :param match: the match.
    :param names: the names the recipient's profile decides on: for ``found`` and ``met``,
        the names in the match (it stands unless they are all the recipient's own: what a
        mail merge fills in); for ``history``, the names in its clause (it stands if one is
        not the recipient's own name).
    :param settled: True when it stands whoever receives the note.
    """

    match: Match
    names: tuple[int, ...]
    settled: bool


class _Cover:
    """Which tokens the matches of one group (stock phrases) cover, for quick questions."""

    __slots__ = ("_reach",)

    def __init__(self, matches: tuple[Match, ...], size: int) -> None:
        # reach[i]: the last token of the longest-reaching match that starts at or before i.
        self._reach: list[int] | None = None
        if matches:
            reach = [-1] * size
            for first, last in matches:
                reach[first] = max(reach[first], last)
            self._reach = list(itertools.accumulate(reach, max))

    def covers(self, index: int) -> bool:
        """True when a match starts at or before token ``index`` and reaches it."""
        return self._reach is not None and self._reach[index] >= index

    def contains(self, first: int, last: int) -> bool:
        """True when one match spans tokens ``first`` to ``last``."""
        return self._reach is not None and self._reach[first] >= last


def _starting_between(matches: tuple[Match, ...], low: int, high: int) -> list[Match]:
    """The matches (in order of their first token) whose first token is in [low, high]."""
    at = bisect.bisect_left(matches, (low, -1))
    found = []
    while at < len(matches) and matches[at][0] <= high:
        found.append(matches[at])
        at += 1
    return found


def _asked_of_them(words: Tokens, match: Match, offer: bool) -> bool:
    """An offer asked of the recipient ("would you be willing to share"), or a fit that is the
    sender's ("I think I'd be a great fit"): not something for them. An opportunity asked
    about (``offer`` False: "would you consider joining our panel?") is theirs to take."""
    tokens = words.tokens
    start, _ = words.clause(*match)
    before = tokens[start : match[0]]
    if any(a in _MODALS and b == "you" for a, b in itertools.pairwise(before)) and (
        # "could you send me your template?": asked for the sender, whatever it names
        offer or not _FOR_ME.isdisjoint(tokens[start : words.clause(*match)[1] + 1])
    ):
        return True
    mine = _ADDRESSED.isdisjoint(before) and not _FIRST.isdisjoint(before)
    return tokens[match[1]] == "fit" and mine


def _each_other_as_fact(tokens: tuple[str, ...], match: Match) -> bool:
    """ "each other" after a word that makes it a fact ("sat next to each other")."""
    return tokens[match[0]] == "each" and match[0] > 0 and tokens[match[0] - 1] in _NOT_MUTUAL


def _how_they_are(clause: Sequence[str]) -> bool:
    """A question of small talk: where they are now or what they still do ("are you still in
    Porto?", "you still doing consulting?")."""
    return any(
        a == "you" and b == "still" and c in _STILL_WHERE
        for a, b, c in zip(clause, clause[1:], clause[2:], strict=False)
    )


def _asks_who_or_unconnected(clause: Sequence[str]) -> bool:
    """A question that recalls a memory ("remember the night shifts at ...?", and since the
    eighth blind batch with a topic too: "remember the group project on housing prices?",
    "we had that class together, right?": a reminder, not a reason, section 20), asks whether
    they are the person the sender thinks ("the same NAME who ...?"), or remarks that the two
    are not connected ("we're not connected here??"): section 17."""
    if "remember" in clause or (not _MEMORY.isdisjoint(clause) and _ON_TOPIC.isdisjoint(clause)):
        return True  # "any advice on memory tuning?" is a question, not a memory
    if clause[-1:] in (("right",), ("remember",)):
        return True  # a tag question checks a memory ("we had that class together, right?")
    return any(
        (a == "same" and b == NAME) or (a == "not" and b == "connect")
        for a, b in itertools.pairwise(clause)
    )


_STILL_WHERE = frozenset({"in", "at", "with", "doing", "around", "there", "here", "work"})


def _an_act(following: Sequence[str]) -> bool:
    """True when the word after "congrats on" is a verb of theirs ("launch", "pass"), not a
    determiner or a name that starts a thing ("the new role", "NAME's round")."""
    return bool(following) and following[0].isalpha() and following[0] not in _NOT_AN_ACT


_CONGRATS = frozenset({"congrat", "congrats", "congratulation", "congratulations", "kudos"})
_NOT_AN_ACT = frozenset(
    """the your a an this that these those my our all everything new recent latest big
    huge great amazing well""".split()  # noqa: SIM905
)


def _thanks_for_an_act(words: Tokens, index: int) -> bool:
    """True when the thanks at ``index`` is for something they did: "for" follows (after
    "you", "so much", "again") and its clause names more than the invitation or a courtesy
    ("thank you for your time and consideration")."""
    tokens = words.tokens
    _, end = words.clause(index)
    at = index + 1
    while at <= min(end, index + 4) and tokens[at] in _THANKS_FILLER:
        at += 1
    if at > end or tokens[at] != "for":
        return False
    # A name, a number or a placeholder alone is no act ("thanks for the connect, Dana").
    return any(
        t not in _THANKED_BY_ANYONE and t not in _NAMED for t in tokens[at + 1 : end + 1]
    )


def _not_an_aim(words: Tokens, match: Match) -> bool:
    """A reason's words used otherwise: a noun of theirs ("your talk on", "your new role at"),
    a thing already said ("as discussed on the call"), or their need in an offer ("if you
    ever need a hand")."""
    tokens = words.tokens
    if match[0] > 0 and tokens[match[0] - 1] in _TOLD:
        return True
    if match[1] + 1 < len(tokens) and tokens[match[1] + 1] in _WHEN:
        return True  # "the town-hall talk on Monday": a date, not a topic
    if tokens[max(0, match[0] - 2) : match[0]] in (("you", "to"), ("let", "you")):
        return True  # "I want you to know / let you know how much it meant": for them
    if _MEMBER.intersection(tokens[match[1] + 1 : match[1] + 3]):
        return True  # "I am also (a) member of ...": a group in common, not an aim
    if match[0] > 0 and tokens[match[0] - 1] in _THEIRS:
        # "your new role at", but not "looking for a new role in product ops"
        return not (
            tokens[match[0] - 1] == "new" and match[0] > 1 and tokens[match[0] - 2] in _ARTICLES
        )
    start, _ = words.clause(*match)
    before = tokens[start : match[0]]
    # "if you ever need a reference", and without the pronoun ("si necesitas una referencia")
    return "if" in before and ("you" in before or _FIRST.isdisjoint(before))


def _stock_tail(words: Tokens, match: Match, stock: tuple[Match, ...]) -> bool:
    """True when the match only leads into a stock phrase that ends its clause ("I'm reaching
    out to connect")."""
    _, end = words.clause(*match)
    tokens = words.tokens
    return any(
        s[1] >= end - 1 or (tokens[s[1]] == "network" and tokens[s[1] + 1] in _SCOPE)
        for s in _starting_between(stock, match[0], min(match[1] + 2, end))
    )


# After "grow my network", a scope keeps it a stock reason ("... with leaders in retail").
_SCOPE = frozenset({"with", "in", "among", "across", "within"})


def _followed_in_clause(words: Tokens, match: Match, others: tuple[Match, ...]) -> bool:
    """True when one of ``others`` starts in the match's clause, from the word before it on."""
    start, end = words.clause(match[0])
    return bool(_starting_between(others, max(start, match[0] - 1), end))


# -- one case: the recipient's part ---------------------------------------------------------


class CaseReading:
    """The reading of one note to one recipient, and what the checks need from it.

    :param reading: the elements (spans into the note).
    :param text: the note's text reading (:class:`NoteText`), of ``note[offset:]``.
    :param offset: where the text read starts in the note.
    :param salutation: the salutation that opens the note, if any.
    :param default: the default text the note is built around, if any (PER102).
    """

    __slots__ = ("default", "offset", "reading", "salutation", "text")

    def __init__(
        self,
        reading: NoteReading,
        text: NoteText,
        offset: int,
        salutation: Salutation | None,
        default: TemplateMatch | None,
    ) -> None:
        self.reading = reading
        self.text = text
        self.offset = offset
        self.salutation = salutation
        self.default = default

    def span(self, match: Match) -> Span:
        """The note span of a match in :attr:`text`."""
        start, end = self.text.words.span(*match)
        return start + self.offset, end + self.offset

    @property
    def placeholders(self) -> list[Span]:
        """The note's unfilled placeholders and empty fills, in order."""
        offset = self.offset
        return [(start + offset, end + offset) for start, end in self.text.placeholders]


# Words never taken as mail-merge values even when a profile field holds them.
_MERGE_STOP = frozenset({"the", "of", "and", "at", "in", "for", "a", "an", "&", "-", "|", "@"})
# ASCII bytes that are not part of a compared word (see _word_keys).
_NOT_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum() and not chr(b).isspace())


class _Own:
    """Which names in a note are the recipient's own (their names, company, title, city,
    groups): what a mail merge fills in, and so never specific. The profile's words are
    gathered when a name is first asked about."""

    __slots__ = ("_fields", "_groups", "_keys", "_people", "names", "profile")

    def __init__(self, text: NoteText, profile: Profile) -> None:
        self.names = text.names
        self.profile = profile
        self._keys: frozenset[str] | None = None
        self._people: frozenset[str] | None = None
        self._fields: frozenset[str] | None = None
        self._groups: frozenset[str] | None = None

    def is_person(self, index: int) -> bool:
        """True when the NAME token at ``index`` is the recipient's own name."""
        if self._people is None:
            p = self.profile
            self._people = _key_set([p.name, p.first_name, p.last_name])
        keys = self.names[index]
        return bool(keys) and self._people.issuperset(keys)

    def is_theirs(self, index: int) -> bool:
        """True when every word of the NAME token at ``index`` is one of the profile's."""
        if self._keys is None:
            p = self.profile
            self._keys = _key_set(
                [p.name, p.first_name, p.last_name, p.company, p.title, p.location, p.headline,
                 *p.groups]
            )
        keys = self.names[index]
        return bool(keys) and self._keys.issuperset(keys)

    def is_group(self, index: int) -> bool:
        """True when every word of the NAME token at ``index`` is in one of their groups."""
        if self._groups is None:
            self._groups = _key_set(list(self.profile.groups))
        keys = self.names[index]
        return bool(keys) and self._groups.issuperset(keys)

    def is_merged(self, index: int) -> bool:
        """True when every word of the NAME token at ``index`` is in a field a mail merge
        fills (names, company, title, city, groups). A headline is free text: a title named
        in it ("Author of Calm Pipelines") is their work, which a note can name as a reader."""
        if self._fields is None:
            p = self.profile
            self._fields = _key_set(
                [p.name, p.first_name, p.last_name, p.company, p.title, p.location, *p.groups]
            )
        keys = self.names[index]
        return bool(keys) and self._fields.issuperset(keys)


def _key_set(fields: Sequence[str | None]) -> frozenset[str]:
    """The words of ``fields`` as names are compared (:func:`_word_keys`), without the
    words every organisation's name may have ("of", "the")."""
    return frozenset(_word_keys(" ".join(f for f in fields if f))) - _MERGE_STOP


def _word_keys(text: str) -> list[str]:
    """The words of ``text`` in lower case, letters and digits only, "'s" dropped."""
    text = text.replace("'s", " ")
    if text.isascii():
        return text.encode("ascii").translate(None, _NOT_ALNUM).decode("ascii").lower().split()
    keys = ["".join(ch for ch in w if ch.isalnum()).lower() for w in text.split()]
    return [key for key in keys if key]


def read_case(
    note: str,
    profile: Profile,
    relationship: Relationship,
    compiled: Compiled,
    sender_name: str | None = None,
    names: RecipientNames | None = None,
) -> CaseReading:
    """Read ``note`` sent to ``profile`` (see the module docstring).

    :param sender_name: the sender's name, which a default text may carry (PER102).
    :param names: :func:`~.names.recipient_names` of ``profile``, when the caller has them.
    """
    if names is None:
        names = recipient_names(profile, compiled)
    salutation, offset = read_opening(note, names, compiled)
    text = compiled.reader.text(note[offset:])
    if not note.strip():
        return CaseReading(NoteReading(), text, offset, None, None)
    if text.unread is not None:
        greeting = greeting_span(note, names, salutation, compiled)
        return CaseReading(
            NoteReading(greeting=greeting, unread=text.unread), text, offset, salutation, None
        )
    said = text.said
    own = _Own(text, profile)
    how = _how(said, relationship, own)
    if how is None and not relationship.is_stranger:
        how = _shared_past(text, compiled.reader, own)
    default = (
        default_text(note, salutation, names, profile, sender_name, compiled)
        if text.defaults
        else None
    )
    words = text.words
    if default is not None:
        generic: Span | None = default.span
    elif (
        (
            how is not None
            and _specific_how(how, text, compiled.reader, own)
            and not (relationship is Relationship.GROUP and _their_group_only(how[0], text, own))
        )
        or said.specific
        or any(not own.is_theirs(i) for i in said.named)
        # To someone who knows you, any name not theirs is a private reference.
        or (
            not relationship.is_stranger
            and any(
                not own.is_theirs(i) and not _signature(words.tokens, i)
                for i in text.names  # the NAME tokens, in order
            )
        )
        # To a friend or a colleague, a day names a plan or a memory of the two of them
        # ("padel on Wednesday?"); to a group it is an event for all members.
        or (
            not relationship.is_stranger
            and relationship is not Relationship.GROUP
            and _dated(words)
        )
    ):
        generic = None
    elif said.stock is not None:
        generic = _span(words, said.stock, offset)
    else:
        generic = 0, len(note)
    reading = NoteReading(
        greeting=greeting_span(note, names, salutation, compiled),
        how_met_or_found=_span(words, how[0], offset) if how is not None else None,
        why=_span(words, text.why, offset) if text.why is not None else None,
        benefit=_span(words, said.benefit, offset) if said.benefit is not None else None,
        generic=generic,
    )
    return CaseReading(reading, text, offset, salutation, default)


def _their_group_only(match: Match, text: NoteText, own: _Own) -> bool:
    """True when the names in the match's clause are all the recipient's groups: to a fellow
    member, "we're both in <group>" is what every member of it could be sent."""
    start, end = text.words.clause(*match)
    names = [i for i in range(start, end + 1) if text.words.tokens[i] == NAME]
    return bool(names) and all(own.is_group(i) for i in names)


def _dated(words: Tokens) -> bool:
    """True when a day of the week, "tonight" or "tomorrow" is named, other than in a wish
    ("happy Friday", "have a great Monday")."""
    for day in _DAYS.intersection(words.vocabulary):
        for i in words.positions[day]:
            if i == 0 or words.tokens[i - 1] not in _WISH:
                return True
    return False


_DAYS = _WEEKDAYS | {"tonight", "tomorrow"}
_WISH = frozenset({"happy", "great", "good", "nice", "lovely", "wonderful", "fantastic"})


def _signature(tokens: Sequence[str], index: int) -> bool:
    """True when the NAME token at ``index`` signs the note off: the sender's own name, alone
    after a closing mark at the end ("Kind regards, Olek")."""
    last = len(tokens) - 1
    while last > index and tokens[last] == BREAK:
        last -= 1
    return last == index and index > 0 and tokens[index - 1] == BREAK


def _specific_how(how: tuple[Match, str], text: NoteText, reader: Reader, own: _Own) -> bool:
    """Whether how they were found is theirs alone: not a school, employer or group they share
    with many, nor a search that finds everyone like them ("while researching fintech").
    A former employer or school named in the clause ("we both worked at Larchwood Freight")
    is theirs; their current company or group is what a mail merge fills in."""
    match, kind = how
    tokens = text.words.tokens
    if kind == "shared":
        _, end = text.words.clause(*match)
        return any(
            tokens[i] == NAME and not own.is_merged(i) for i in range(match[0], end + 1)
        )
    if kind != "found" or reader.search.isdisjoint(tokens[match[0] : match[1] + 1]):
        return True
    # A narrow search is theirs: "people who have run a 10k community".
    _, end = text.words.clause(*match)
    return not _NARROWED.isdisjoint(tokens[match[1] : end + 1])


def _shared_past(text: NoteText, reader: Reader, own: _Own) -> tuple[Match, str] | None:
    """To someone who knows you: a name that is not theirs, in a note that also names a shared
    context (a team, class, project, event) or a number ("Stats 301 ... Harbourside", "the
    Vinterhus checkout redesign"), reminds them how they know you, however it is phrased
    (docs/language.md section 2). The match runs from the name to the nearest such word."""
    words = text.words
    # Not their company in a stock line ("congrats on the new job at NAME")
    stock = _Cover(text.said.matches["stock"], len(words.tokens))
    names = [i for i in text.names if not own.is_person(i) and not stock.covers(i)]
    if not names:
        return None
    anchors = [
        i
        for i, token in enumerate(words.tokens)
        if (token == NUM or token in reader.context or token in reader.event)
        and not stock.covers(i)
    ]
    if not anchors:
        return None
    name = names[0]
    nearest = min(anchors, key=lambda i: abs(i - name))
    return (min(name, nearest), max(name, nearest)), "history"


def _span(words: Words, match: Match, offset: int) -> Span:
    """The note span of a match in a text read from ``offset`` of the note."""
    start, end = words.span(*match)
    return start + offset, end + offset


def _how(said: Said, relationship: Relationship, own: _Own) -> tuple[Match, str] | None:
    """The first how-evidence for this relationship, and its rule group."""
    best: tuple[Match, str] | None = None
    kinds = (
        _GROUP_HOW_KINDS
        if relationship is Relationship.GROUP
        else _HOW_KINDS[relationship.is_stranger]
    )
    for kind in kinds:
        for how in said.how[kind]:
            # Names that are all theirs are what a mail merge fills in, unless the note
            # also names something specific ("the Acme blog post on failover").
            if how.settled or (
                any(not own.is_person(i) for i in how.names)
                if kind == "history"
                else (kind == "found" and said.specific)
                or not all(own.is_merged(i) for i in how.names)
            ):
                if best is None or how.match[0] < best[0][0]:
                    best = (how.match, kind)
                break
    return best
