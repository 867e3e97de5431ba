"""Open-networker markers: the LION token, "open networker", TopLinked and friends, bragged
connection counts and the lion emoji; and whether a marker is the writer's own.

Markers are found with regular expressions on the folded text (NFKC, lower case), since their
forms are typographic: ``[LION]``, ``(L.I.O.N.)``, ``LION 25K+``, ``OpenNetworker``. Every
pattern is linear-time (literals, bounded repeats, no nested unbounded quantifier), and is
only searched near one of its cues (:func:`near`).

A marker is the writer's own unless the words around it say otherwise (docs/language.md):

- a negation just before it makes it selective evidence: "NOT a LION", "non-LION", "I'm not
  an open networker", "stop being an open networker" (LIO152, ``not-a-lion``);
- a past marker makes it say nothing about today: "former LION", "Recovering LION",
  "LION 2010-2018", "I used to be an open networker";
- a word of mention makes it someone else's: "the word LION", "groups for LIONs", "invites
  from a LION", "Research Assistant @ L.I.O.N.", "LION (LinkedIn Open Networker)" (the
  expansion is not a second marker);
- a partial word makes it in-between evidence: "Part LION", "a fairly open networker"
  (LIO111, ``partial``);
- in the about text, a sentence that asks, defines the term or describes other people ("is
  it a good thing to be a LION?", "A LION is someone who ...", "LIONs accept all
  invitations") is not the writer's status;
- a false friend around it hides it: "Lions Club", "Detroit Lions", "Open Networking (SDN)".
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from invitecore_lion import rules
from invitecore_lion.cues import rarity
from invitecore_lion.normalize import FoldedText
from invitecore_lion.tokens import spans, words
from invitecore_lion.words import FIRST_PERSON, OTHER_SUBJECTS

__all__ = ["Marker", "Markers", "Phrases", "near", "parse_count", "phrase_pattern"]

# A count as people brag with it: "6,500+", "30K+", "1.5k+". The "+" makes it a brag.
_BRAG = r"\d[\d,.]{0,12}\s?k?\+"
# After a LION token: a count, "member" or "(open) networker" inside the brackets.
_TAIL = r"(?:[\s\-–:|,]{0,3}(?:\d[\d,.]{0,12}\s?k?\+?|member|(?:open\s?)?networker))?"
# A year or a range of years just after a marker dates it: "LION 2010-2018", "LION until 2019".
_DATED = re.compile(r"\s{0,2}(?:(?:19|20)\d\d\s{0,2}[-–—]|until|till|to\s(?:19|20)\d\d)")
_NEGATIONS = frozenset({"not", "non", "no", "never", "nor"})
_STOPPED = frozenset({"stop", "stopped", "quit", "longer"})
_PAST = frozenset({"former", "formerly", "ex", "recovering", "retired", "was", "were", "used",
                   "previously", "once"})
# Words just before a marker that mention it rather than claim it.
_MENTIONS = frozenset({"word", "words", "term", "terms", "label", "title", "called", "named",
                       "for", "from", "about", "of", "by", "like", "than", "@", "at", "aka",
                       "with", "to"})
_MENTION_PAIRS = frozenset({("talking", "about"), ("talk", "about"), ("known", "as"),
                            ("such", "as"), ("k", "a"), ("refer", "to"), ("heard", "of")})
# Marks that do not change what a marker means: markdown, quotes, a web address's "www".
_MARKUP = frozenset({"*", "_", "'", '"', "\u201c", "\u201d", "\u2018", "\u2019", "`", "www"})
# Words just after a marker that leave some people out: "Open networker, except recruiters".
_EXCEPT = frozenset({"except", "excluding", "excl", "barring", "save"})
# Groups after "for" that make a marker partial: "an open networker for fellow alumni".
_GROUPS = frozenset({"fellow", "alumni", "members", "colleagues"})
# Words after "for" that make a marker partial only with a group named after them: "for
# people in fintech", "for professionals from the Guild"; not "for people who want to grow".
_GROUPS_NAMED = frozenset({"people", "folks", "professionals", "those"})
_NAMING = frozenset({"in", "from", "at", "of", "within"})
# After "anyone in": no field at all ("open networker for anyone in the world").
_EVERYWHERE = frozenset({"the", "world", "anywhere", "any", "all", "every", "linkedin", "my",
                         "your", "life", "business", "need"})
# A field named after "for the": "open networker for the Nordic energy sector" (section 18).
_SCOPES = frozenset({"sector", "industry", "community", "field", "market", "scene", "ecosystem",
                     "trade", "profession"})
# Words before a marker that make it partial: "Part LION", "a fairly open networker".
_PARTIAL = frozenset({"part", "half", "semi", "fairly", "somewhat", "partly", "partially",
                      "sort", "kind", "mostly"})
# Words right after a marker that make its sentence a definition: "LION stands for", "LION =".
_DEFINING = frozenset({"is", "are", "means", "mean", "stands", "stand", "=", "called", "term",
                       "acronym", "such", "search", "searching", "denoted", "refers", "for"})
# Words just before a marker that make it the meaning of a term: "LION = LinkedIn Open
# Networker", "LION means open networker".
_DEFINED = frozenset({"=", "means", "meaning", "stands", "denotes"})
_SENTENCE_MARKS = frozenset({".", "!", "?", "|", "\n", ";", "•", "·"})


class Marker:
    """A marker found in a sentence: its rule code, its span in the folded text, and a value
    (the count of a bragged count; ``not-a-lion``, ``partial``)."""

    __slots__ = ("code", "end", "start", "value")

    def __init__(self, code: str, start: int, end: int, value: str | None = None) -> None:
        self.code = code
        self.start = start
        self.end = end
        self.value = value

    def __repr__(self) -> str:
        return f"Marker({self.code!r}, {self.start}, {self.end}, {self.value!r})"


def phrase_pattern(phrases: Sequence[str]) -> str:
    """A regex source for plain-text ``phrases`` on folded text: words ignore case, up to
    three spaces or hyphens between words match any others or none ("open networker" matches
    "OpenNetworker"), an apostrophe is optional, a trailing plural "s" is allowed. Phrases are
    escaped: no setting can make matching slow."""
    sources = []  # (phrase, its source), longest first
    for phrase in sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True):
        parts = [
            "".join("['\u2019]?" if c in "'\u2019" else re.escape(c) for c in word)
            for word in re.split(r"[\s\-]+", phrase) if word
        ]
        source = r"[\s\-]{0,3}".join(parts)
        if re.search(r"\w$", phrase):
            source += r"s?(?!\w)"
        sources.append((phrase, source))
    if not all(re.match(r"\w", phrase) for phrase, _ in sources):
        return "|".join(_word_start(source) if re.match(r"\w", phrase) else source
                        for phrase, source in sources) or r"(?!x)x"
    # Every phrase starts with a letter or digit: the phrases that start with the same one
    # share one test of it and of the word start before it ("l(?<!\w.)(?:ions club|ionel)"),
    # so that at such a letter inside a word ("reliable") re fails once, not once per phrase.
    # Phrases starting with different letters never match at the same place, and each group
    # keeps its phrases' order, so the same phrase matches where it did.
    by_start: dict[str, list[str]] = {}
    for _, source in sources:
        by_start.setdefault(source[0], []).append(source[1:])
    return "|".join(_word_start(f"{start}(?:{'|'.join(rest)})")
                    for start, rest in by_start.items()) or r"(?!x)x"


def _word_start(source: str) -> str:
    r"""``(?<!\w)`` + ``source``, for a ``source`` that starts with a literal letter or digit,
    written literal first: ``(?<!\w)c...`` matches what ``c(?<!\w.)...`` matches (the
    look-behind, once ``c`` is consumed, sees the character before it). A pattern whose
    alternatives all start with a literal lets ``re`` skip, in C, every position where none
    starts, instead of trying each alternative everywhere."""
    return source[0] + r"(?<!\w.)" + source[1:]


class Phrases:
    """A phrase list compiled (:func:`phrase_pattern`), with its cues and width.

    The cue of a phrase is its literal piece that is cheapest to find (the one with the rarest
    letter, else the longest): every match of the phrase holds it. The width is the most
    characters a match spans (the phrase, three separator characters between two words, a
    plural "s").
    """

    def __init__(self, phrases: Sequence[str]) -> None:
        self.pattern = re.compile(phrase_pattern(phrases))
        pieces = [[p for p in re.split(r"[\s\-'\u2019]+", phrase.lower()) if p]
                  for phrase in phrases]
        self.cues = frozenset(min(found, key=_cue_cost) for found in pieces if found)
        self.width = max((len(phrase) + 3 * len(found) + 1
                          for phrase, found in zip(phrases, pieces, strict=True) if found),
                         default=0)

    def near(self, folded: str, cues: Sequence[tuple[int, str]]) -> list[re.Match[str]]:
        """The matches in ``folded`` around its cue occurrences ``cues`` (see :func:`near`)."""
        positions = [position for position, cue in cues if cue in self.cues]
        return near(self.pattern, folded, positions, self.width, self.width) if positions else []


def _cue_cost(piece: str) -> tuple[int, int]:
    return (min((rarity(c) for c in piece), default=99), -len(piece))


def near(
    pattern: re.Pattern[str], folded: str, positions: Sequence[int], before: int, after: int
) -> list[re.Match[str]]:
    """The matches of ``pattern`` in ``folded`` found by searching only around ``positions``.

    Every match of the pattern holds one of its cues, starts at most ``before`` characters
    before it and ends at most ``after`` characters after it: searching the windows around the
    cues, merged where they overlap, finds what a search of the whole text finds, for a
    fraction of the cost (a search costs 20-40 ns a character). The windows reach a few
    characters further, for the look-aheads at the end of a match.
    """
    found: list[re.Match[str]] = []
    low = high = -1
    for position in sorted(positions):
        start, end = max(0, position - before), min(len(folded), position + after + 4)
        if start > high:
            if high > low:
                found += pattern.finditer(folded, low, high)
            low = start
        high = max(high, end)
    if high > low:
        found += pattern.finditer(folded, low, high)
    return found


class Markers:
    """The marker patterns for one settings object."""

    def __init__(
        self,
        *,
        tokens: Sequence[str],
        networking: Sequence[str],
        open_phrases: Sequence[str],
        link_family: Sequence[str],
        groups: Sequence[str],
        connection_words: Sequence[str],
        false_friends: Sequence[str],
        emojis: Sequence[str],
        emoji_window: int,
        bragging_min: int,
    ) -> None:
        tokens = sorted({t.strip().lower() for t in tokens if t.strip()}, key=len, reverse=True)
        self.tokens = frozenset(tokens)
        self.networking = Phrases(networking)
        self.lion = re.compile(_named_once("|".join(
            form for token in tokens for form in _token_forms(token, self.networking.pattern)
        )) or r"(?!x)x")
        # The token's cues: itself, and its first three letters dotted or spaced ("L.I.O.N.",
        # "L I O N"). A cue is found anywhere inside (at its pivot); a match reaches a bracket
        # and two spaces before the token, and a count or a networking word after it.
        self.lion_cues = frozenset([
            *tokens,
            *(sep.join(t[:3]) for t in tokens if len(t) > 2 for sep in (".", " ")),
        ])
        longest = 2 * max((len(t) for t in tokens), default=1)  # "l.i.o.n" is 7 long
        self.lion_before = 3 + longest
        self.lion_after = longest + 24 + self.networking.width
        self.open_phrase = Phrases(open_phrases)
        self.link_family = Phrases(link_family)
        self.group = Phrases(groups)
        self.friends = Phrases(false_friends)
        connections = phrase_pattern(connection_words)
        # A count's "+" is at most this far from either end of its match ("network of 12,000+",
        # "30K+ connections").
        self.count_width = Phrases(connection_words).width + 24
        self.count = re.compile(
            rf"\d(?<![\w$€£¥.,]\d)[\d,.]{{0,12}}\s?k?\+\s{{0,2}}(?:{connections})"
            rf"|(?:{connections})\s{{0,2}}[:\-–]?\s{{0,2}}(?:of\s{{1,2}})?{_BRAG}"
            rf"|[\[(]\s?{_BRAG}\s?[\])]"
        )
        # In a name nothing else explains a number: "Dana Reyes 30K+" brags by itself.
        self.bare_count = re.compile(r"\d(?<![\w$€£¥.,]\d)[\d,.]{0,12}\s?k?\+(?!\s{0,3}[^\W\d_])")
        self.emojis = tuple(e for e in emojis if e)
        self.emoji_window = emoji_window
        self.bragging_min = bragging_min
        # Every cue a marker needs (see :mod:`invitecore_lion.cues`). Most sentences are read
        # for the grammar's cue words ("connect", "invit") and hold none of these: find
        # returns at once for them instead of asking each kind of marker in turn.
        self.cues = (self.lion_cues | self.open_phrase.cues | self.link_family.cues
                     | self.group.cues | frozenset(self.emojis) | {"+"})

    def find(self, kind: str, text: FoldedText, cues: Sequence[tuple[int, str]]) -> list[Marker]:
        """Every marker in ``text`` (a sentence of a field of ``kind``: ``name``, ``headline``,
        ``about``, ``group``) whose cue occurrences are ``cues``, its ownership checked;
        spans in ``text.folded``."""
        if self.cues.isdisjoint([cue for _, cue in cues]):
            return []  # every marker holds one of its cues
        folded = text.folded
        found = self._lion(text, cues)
        for code, phrases in ((rules.OPEN_NETWORKER_GROUP, self.group),) if kind == "group" else (
            (rules.OPEN_NETWORKER_PHRASE, self.open_phrase), (rules.LINK_FAMILY, self.link_family)
        ):
            found += [Marker(code, *m.span()) for m in phrases.near(folded, cues)
                      if self._written_as_token(text, m) and (
                          " ".join(m.group().replace("-", " ").split()) not in OPEN_NETWORKS
                          or _whole(folded, *m.span()))]
        found.sort(key=lambda m: m.start)
        emojis = [(position, cue) for position, cue in cues if cue in self.emojis]
        friends = self._friends(folded, found, emojis)
        found = [m for m in found if not _inside(friends, m)]
        if kind == "group":  # any open-networker marker in a group name is the group's
            return [Marker(rules.OPEN_NETWORKER_GROUP, m.start, m.end) for m in found[:1]]
        found = [owned for m in found if (owned := self._owned(kind, folded, m)) is not None]
        pluses = [position for position, cue in cues if cue == "+"]
        if pluses:
            found += self._counts(kind, folded, pluses)
        if emojis:
            found += self._emoji(folded, emojis, friends)
        return found

    def _friends(
        self, folded: str, markers: list[Marker], emojis: list[tuple[int, str]]
    ) -> list[tuple[int, int]]:
        """The spans of the false friends that may cover a marker or stand near an emoji (a
        friend matters nowhere else), overlapping ones merged."""
        if not markers and not emojis:
            return []  # nothing a friend could hide: a count alone ("20+ years")
        width = self.friends.width
        found = {m.span() for marker in markers
                 for m in near(self.friends.pattern, folded, [marker.start], width, width)}
        reach = width + self.emoji_window
        found.update(m.span() for position, _ in emojis
                     for m in near(self.friends.pattern, folded, [position], reach, reach))
        merged: list[tuple[int, int]] = []
        for start, end in sorted(found):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def _written_as_token(self, text: FoldedText, match: re.Match[str]) -> bool:
        """False for a phrase match that is a LION token written as a word ("Lion Lovers"):
        in a phrase list too, the token counts only in capitals."""
        return match.group().rstrip("s") not in self.tokens or _capitals(
            text.written(*match.span())
        )

    def _lion(self, text: FoldedText, cues: Sequence[tuple[int, str]]) -> list[Marker]:
        """The LION token's forms in ``text``; a bare or dotted one only in capitals."""
        positions = [position for position, cue in cues if cue in self.lion_cues]
        if not positions:
            return []
        found = []
        for match in near(self.lion, text.folded, positions, self.lion_before, self.lion_after):
            plain = (match.lastgroup or "").startswith(("bare", "dotted"))
            if plain and not (
                _capitals(text.written(*match.span())) or _alone(text.folded, *match.span())
            ):
                continue  # "lion" in prose, "L.i.O.n" as a brand
            found.append(Marker(rules.LION_TOKEN, *match.span()))
        return found

    def _owned(self, kind: str, folded: str, marker: Marker) -> Marker | None:
        """``marker`` as the writer's evidence, ``not-a-lion`` evidence when negated, in-between
        evidence when partial, or None when it is dated, a mention, a definition, or someone
        else's (see the module docstring)."""
        # The words before it in its sentence (a bounded look: linear time), and after it.
        reach = max(0, marker.start - 80)
        before = [w for w in words(folded, reach, marker.start) if w not in _MARKUP]
        before = before[_last_sentence(before) :]
        after = [w for w in words(folded, marker.end, min(len(folded), marker.end + 40))
                 if w not in _MARKUP]
        near_words = before[-4:]
        if folded[max(0, marker.start - 4) : marker.start] in ("non-", "non "):
            return Marker(rules.NOT_A_LION, marker.start - 4, marker.end, "not-a-lion")
        if any(w in _NEGATIONS or w in _STOPPED for w in near_words):
            # The evidence runs from the negation: "NOT a LION".
            found = [(w, span) for w, span in zip(words(folded, reach, marker.start),
                                                   spans(folded, reach, marker.start),
                                                   strict=True)
                     if w not in _MARKUP][-len(near_words) :]
            start = next(span[0] for w, span in found if w in _NEGATIONS or w in _STOPPED)
            return Marker(rules.NOT_A_LION, start, marker.end, "not-a-lion")
        if after[:4] == ["is", "not", "for", "me"] or after[1:5] == ["is", "not", "for", "me"]:
            return Marker(rules.NOT_A_LION, marker.start, marker.end, "not-a-lion")
        chose = "becoming" in near_words or ("to", "become") in set(
            itertools.pairwise(before[-5:]))
        if chose and not _mentioned(near_words, before[-6:]):
            # "I decided to become an open networker", "after becoming a LION": a choice made,
            # and often regretted since: leaning open, in between ("I've become a LION" is
            # the present, and open)
            return Marker(rules.SCOPED_WELCOME, marker.start, marker.end, "partial")
        if kind == "about" and ("used", "to") in set(itertools.pairwise(before[-6:])) and (
            not _mentioned(near_words, before[-6:])
        ):  # "I used to be a LION until last year": no longer open
            return Marker(rules.NOT_A_LION, marker.start, marker.end, "used-to-be-open")
        if any(w in _PAST for w in before[-8:]) or _DATED.match(folded, marker.end):
            return None  # "former LION", "I used to be a LION", "LION 2010-2018"
        if _mentioned(near_words, before[-6:]) or (
            kind == "about" and folded[max(0, marker.start - 4) : marker.start] == "www."
        ):
            return None  # "the words LION", "groups for LIONs", "Research Assistant @ L.I.O.N."
        if _expansion(folded, marker.start):
            return None  # "LION (LinkedIn Open Networker)": the expansion of the token
        if not _PARTIAL.isdisjoint(near_words):
            return Marker(rules.SCOPED_WELCOME, marker.start, marker.end, "partial")
        if not _EXCEPT.isdisjoint(after[:3]) or ("but", "not") in set(
            itertools.pairwise(after[:4])
        ) or (after[:1] == ["for"] and _for_group(after[1:6])):
            # "Open networker, except recruiters", "an open networker for fellow alumni":
            # open to some, in between
            return Marker(rules.SCOPED_WELCOME, marker.start, marker.end, "partial")
        if kind == "about" and not _own_in_about(folded, marker, before, after):
            return None
        return marker

    def _counts(self, kind: str, folded: str, pluses: list[int]) -> list[Marker]:
        """The first bragged count at or above the minimum ("500+" is LinkedIn's display cap,
        not a brag)."""
        matches = near(self.count, folded, pluses, self.count_width, self.count_width)
        if kind == "name":
            matches += near(self.bare_count, folded, pluses, 20, 1)
        for match in sorted(matches, key=lambda m: m.start()):
            count = parse_count(match.group())
            if count is not None and count >= self.bragging_min:
                return [Marker(rules.COUNT_BRAGGING, *match.span(), str(count))]
        return []

    def _emoji(
        self, folded: str, emojis: list[tuple[int, str]], friends: list[tuple[int, int]]
    ) -> list[Marker]:
        """The first lion emoji next to a networking word (LIO108), else the first (LIO110);
        one next to a false friend ("🦁 Detroit Lions") is a mascot."""
        alone: Marker | None = None
        reach = self.emoji_window
        for position, emoji in emojis:
            end = position + len(emoji)
            if _overlaps(friends, position - reach, end + reach):
                continue
            close = [m.span() for m in self.networking.pattern.finditer(
                folded, max(0, position - reach), min(len(folded), end + reach))]
            if close:
                first = min(close, key=lambda span: abs(span[0] - position))
                return [Marker(rules.EMOJI_WITH_NETWORKING, min(position, first[0]),
                               max(end, first[1]))]
            if alone is None:
                alone = Marker(rules.EMOJI_ALONE, position, end)
        return [alone] if alone is not None else []


def _token_forms(token: str, networking: re.Pattern[str]) -> list[str]:
    """The regex forms of a LION token, each literal first (see ``_word_start``) and ending in
    an empty group that names it: [LION], (LION 6,500+), L.I.O.N., L I O N, LION 25K+, Lion
    networker, and the bare word (whose capitals are checked on the original text)."""
    word = re.escape(token)
    return [
        *(f"{re.escape(b)}\\s{{0,2}}{word}s?{_TAIL}[\\s®™]{{0,2}}(?:tm)?[\\])}}](?P<bracketed>)"
          for b in "[({"),
        *(_word_start(sep.join(re.escape(c) for c in token))
          + r"(?:\.(?![^\W\d_])|(?![\w.]))(?P<dotted>)" for sep in (r"\.", " ")),
        _word_start(f"{word}s?[\\s\\-–:|]{{0,3}}{_BRAG}") + "(?P<counted>)",
        _word_start(f"{word}s?[\\s\\-–:|]{{0,3}}(?:{networking.pattern})") + "(?P<networking>)",
        _word_start(f"{word}s?(?!\\w)") + "(?P<bare>)",
    ]


def _named_once(source: str) -> str:
    """``source`` with repeated group names numbered (``bare``, ``bare2``, ...): a regex names
    a group once."""
    seen: dict[str, int] = {}

    def number(match: re.Match[str]) -> str:
        name = match.group(1)
        seen[name] = seen.get(name, 0) + 1
        return f"(?P<{name}{seen[name] if seen[name] > 1 else ''}>)"

    return re.sub(r"\(\?P<(\w+)>\)", number, source)


# The number of a bragged count, and a marker naming a class of people ("LIONs", "Open
# Networkers"): compiled once, not looked up in re's cache on every call.
_NUMBER = re.compile(r"\d[\d,.]*(?:\s?k)?", re.IGNORECASE)
_PEOPLE_MARKER = re.compile(r"(?:lions|.*networkers)\b")


def parse_count(text: str) -> int | None:
    """The number in a bragged count: ``"6,500+"`` -> 6500, ``"30K+"`` -> 30000.

    Commas and dots are thousands separators unless a ``K`` follows, where they are decimal
    points (``"1.5K"`` and ``"1,5K"`` -> 1500). None when the text holds no readable number.
    """
    found = _NUMBER.search(text)
    if found is None:
        return None
    number = found.group().replace(" ", "")
    if number[-1] in "kK":
        digits = number[:-1].replace(",", ".").strip(".")
        if digits.count(".") > 1:
            return None
        return int(float(digits) * 1000)
    return int(number.replace(",", "").replace(".", ""))


def _own_in_about(folded: str, marker: Marker, before: list[str], after: list[str]) -> bool:
    """In the about text a marker is the writer's unless its sentence asks about it, defines
    it or speaks of others ("is it good to be a LION?", "A LION is someone who ...", "LIONs
    accept all invitations", "when someone says they are a LION") (language.md trap 1)."""
    end = next((i for i, w in enumerate(after) if w in _SENTENCE_MARKS), len(after))
    rest = after[:end]
    if end < len(after) and after[end] == "?":
        return False  # a question
    claimed = not FIRST_PERSON.isdisjoint(before[-4:])  # "I am an open networker for ..."
    defining = _DEFINING - {"for"} if claimed else _DEFINING
    if not defining.isdisjoint(rest[:2]) or not _DEFINED.isdisjoint(before[-4:]):
        return False  # "LION stands for ...", "LION = ...", "A LION is ...", "LION = LinkedIn ..."
    if folded[max(0, marker.start - 14) : marker.start].rstrip(" ([{").endswith(
        ("networker", "networkers")
    ):
        return False  # "Organic Networker (L.I.O.N)": an acronym re-expanded
    if folded[marker.start] not in "[({" and _PEOPLE_MARKER.match(
        folded[marker.start : marker.end]
    ):
        return False  # "LIONs accept ...", "groups for Open Networkers": a class of people
    for word in reversed(before):  # the nearest subject decides
        if word in FIRST_PERSON or word == "proud":
            return True  # "I am a proud LION", "I've become a LION"
        if word in OTHER_SUBJECTS and word not in ("lion", "networker", "one"):
            return False  # "they are a LION", "unless you're a declared Open Networker"
    return not any(w in OTHER_SUBJECTS for w in rest[:6] if w not in ("lion", "networker"))


def _mentioned(near_words: list[str], before: list[str]) -> bool:
    """True when the words just before a marker mention it rather than claim it: "the word",
    "from a", "talking about", "known as", "such as", "a.k.a.", "called"."""
    if near_words[-1:] and near_words[-1] in _MENTIONS:
        return True
    if len(near_words) > 1 and near_words[-1] in ("a", "an", "the") and (
        near_words[-2] in _MENTIONS
    ):
        return True
    return not _MENTION_PAIRS.isdisjoint(itertools.pairwise(before))


def _expansion(folded: str, start: int) -> bool:
    """True when the text at ``start`` sits in brackets right after the LION token: "LION
    (LinkedIn Open Networker)", "LIONs (a.k.a. LinkedIn Open Networkers)"."""
    window = folded[max(0, start - 16) : start]
    opening = window.rfind("(")
    return opening >= 0 and window[:opening].rstrip().endswith(("lion", "lions"))


_SEGMENT_MARKS = frozenset("|•·/,;\u2014\u2013")


# "Open network" in other languages (the open-networker-phrases setting): also a telecom
# term ("Ingeniero de red abierta y fibra"), so it counts only as a headline part of its own
# ("Ingénieur commercial | réseau ouvert"), as a person noun ("offener Netzwerker") needn't.
OPEN_NETWORKS = frozenset({"red abierta", "rede aberta", "rete aperta", "réseau ouvert"})
# ("rete aperta" is not in the setting's default: with no rare letter, its cue would cost a
# scan of every text; users may add it.)


def _for_group(words: list[str]) -> bool:
    """True when ``words`` (those after a marker's "for") name a group: "fellow alumni",
    "members of the Guild", "people in fintech", "the Nordic energy sector", "anyone in the
    HR community"."""
    return bool(words) and (words[0] in _GROUPS or (
        words[0] in _GROUPS_NAMED and not _NAMING.isdisjoint(words[1:2])
    ) or (words[0] == "the" and not _SCOPES.isdisjoint(words[1:5])) or (
        words[0] in ("anyone", "everyone", "anybody") and not _NAMING.isdisjoint(words[1:2])
        and len(words) > 2 and words[2].isalpha() and words[2] not in _EVERYWHERE
    ) or (
        words[0] in ("anyone", "everyone", "anybody") and not _NAMING.isdisjoint(words[1:2])
        and not _SCOPES.isdisjoint(words[2:5])
    ))


# What may stand around a whole part (_whole): spaces and the marks between a headline's parts
# and a sentence's clauses. Wider than _SEGMENT_MARKS (_alone), which only looks at the
# characters right beside a token: "_whole" asks that nothing else be in the part at all.
_PART_MARKS = " |•·-–—/,.!;:()[]\n"


def _whole(folded: str, start: int, end: int) -> bool:
    """True when ``folded`` (one sentence, or one headline part) holds nothing but the text
    from ``start`` to ``end``, and marks."""
    return not folded[:start].strip(_PART_MARKS) and not folded[end:].strip(_PART_MARKS)


def _alone(folded: str, start: int, end: int) -> bool:
    """True when the text from ``start`` to ``end`` is a segment of its own, between marks
    that separate a headline's parts or the ends of the text ("Broker | lion | 15K+"): a
    token in any case, since prose does not stand alone there."""
    before = folded[max(0, start - 4) : start].rstrip()
    after = folded[end : end + 4].lstrip()
    return (not before or before[-1] in _SEGMENT_MARKS) and (
        not after or after[0] in _SEGMENT_MARKS
    ) and (bool(before) or bool(after))


def _capitals(written: str) -> bool:
    """True when a bare LION token is written as a token, not as the word "lion": at least
    three capitals ("LION", "LiON", "LIONs"), read on the original text."""
    return sum(c.isupper() for c in written) >= 3


def _inside(spans: list[tuple[int, int]], marker: Marker) -> bool:
    """True when ``marker`` lies inside one of the sorted, disjoint ``spans``."""
    index = bisect.bisect_right(spans, (marker.start, 1 << 62)) - 1  # starts at or before
    return index >= 0 and spans[index][0] <= marker.start and marker.end <= spans[index][1]


def _overlaps(spans: list[tuple[int, int]], low: int, high: int) -> bool:
    """True when one of the sorted, disjoint ``spans`` overlaps ``[low, high)``."""
    index = bisect.bisect_left(spans, (low, low))
    if index > 0 and spans[index - 1][1] > low:
        return True
    return index < len(spans) and spans[index][0] < high


def _last_sentence(found: list[str]) -> int:
    """Where the last sentence of the words ``found`` starts."""
    for index in range(len(found) - 1, -1, -1):
        if found[index] in _SENTENCE_MARKS:
            return index + 1
    return 0
