"""Open-networker markers: the LION token, "open networker", TopLinked and friends, bragged
connection counts and the lion emoji; and whether a marker is the writer's own.

Markers are found with regular expressions on the folded text (NFKC, lower case), since their
forms are typographic: ``[LION]``, ``(L.I.O.N.)``, ``LION 25K+``, ``OpenNetworker``. Every
pattern is linear-time: literals, bounded repeats, and no nested unbounded quantifier.

A marker is the writer's own unless the words around it say otherwise (docs/language.md):

- a negation before it makes it selective evidence: "NOT a LION", "non-LION", "I'm not an open
  networker", "stop being an open networker" (``not-a-lion``);
- a past marker makes it say nothing about today: "former LION", "Recovering LION",
  "LION 2010-2018", "I used to be an open networker";
- in the about text, a sentence that defines the term or describes other people ("A LION is
  someone who ...", "LIONs accept all invitations") is not the writer's status;
- a false friend around it hides it: "Lions Club", "Detroit Lions", "Open Networking (SDN)".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from invitecore_lion import rules
from invitecore_lion.tokens import tokenize
from invitecore_lion.words import FIRST_PERSON, OTHER_SUBJECTS

__all__ = ["Marker", "Markers", "phrase_pattern"]

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
# Words after which a marker is mentioned, not claimed: "the word LION", "groups for LIONs",
# "a group called Open Networker", "invites from LIONs", "Product @ L.I.O.N. Labs".
_MENTIONS = frozenset({"word", "words", "term", "terms", "label", "title", "called", "named",
                       "for", "from", "about", "of", "by", "like", "than", "@", "at", "aka",
                       "with", "to"})
# Marks that do not change what a marker means: markdown, quotes, a web address's "www.".
_MARKUP = frozenset({"*", "_", "'", '"', "\u201c", "\u201d", "\u2018", "\u2019", "`", "www"})
# Words before a marker that make it partial: "Part LION", "a fairly open networker".
_PARTIAL = frozenset({"part", "half", "semi", "fairly", "somewhat", "partly", "partially",
                      "sort", "kind", "mostly"})
_DEFINING = frozenset({"is", "are", "means", "mean", "stands", "stand", "=", "called", "term",
                       "acronym", "such", "search", "searching", "denoted", "refers", "for"})


class Marker:
    """A marker found in a field: its rule code, its span in the folded text, and a value
    (the count of a bragged count; ``not-a-lion`` for a negated marker)."""

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
    sources = []
    for phrase in sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True):
        words = [w for w in re.split(r"[\s\-]+", phrase) if w]
        parts = []
        for word in words:
            parts.append("".join("['\u2019]?" if c in "'\u2019" else re.escape(c) for c in word))
        source = r"[\s\-]{0,3}".join(parts)
        if re.match(r"\w", phrase):
            source = r"(?<!\w)" + source
        if re.search(r"\w$", phrase):
            source += r"s?(?!\w)"
        sources.append(source)
    return "|".join(sources) or r"(?!x)x"


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
        words = sorted({t.strip().lower() for t in tokens if t.strip()}, key=len, reverse=True)
        self.tokens = tuple(t.strip() for t in tokens if t.strip())
        token = "|".join(re.escape(w) for w in words) or r"(?!x)x"
        dotted = "|".join(
            sep.join(re.escape(c) for c in w) for w in words for sep in (r"\.", " ")
        ) or r"(?!x)x"
        networking_source = phrase_pattern(networking)
        # The LION token's forms: [LION], (LION 6,500+), L.I.O.N., L I O N, LION 25K+, Lion
        # networker, and the bare word (whose capitals are checked on the original text).
        self.lion = re.compile(
            rf"[\[({{]\s{{0,2}}(?:{token})s?{_TAIL}[\s®™]{{0,2}}(?:tm)?[\])}}]"
            rf"|(?P<dotted>(?<!\w)(?:{dotted})(?:\.(?![^\W\d_])|(?![\w.])))"
            rf"|(?<!\w)(?:{token})s?[\s\-–:|]{{0,3}}{_BRAG}"
            rf"|(?<!\w)(?:{token})s?[\s\-–:|]{{0,3}}(?:{networking_source})"
            rf"|(?P<bare>(?<!\w)(?:{token})s?(?!\w))"
        )
        self.open_phrase = re.compile(phrase_pattern(open_phrases))
        self.link_family = re.compile(phrase_pattern(link_family))
        self.group = re.compile(phrase_pattern(groups))
        self.friends = re.compile(phrase_pattern(false_friends))
        self.networking = re.compile(networking_source)
        words_source = phrase_pattern(connection_words)
        self.count = re.compile(
            rf"\d(?<![\w$€£¥.,]\d)[\d,.]{{0,12}}\s?k?\+\s{{0,2}}(?:{words_source})"
            rf"|(?:{words_source})\s{{0,2}}[:\-–]?\s{{0,2}}(?:of\s{{1,2}})?{_BRAG}"
            rf"|[\[(]\s?{_BRAG}\s?[\])]"
        )
        # In a name nothing else explains a number: "Dana Reyes 30K+" brags by itself.
        self.bare_count = re.compile(r"\d(?<![\w$€£¥.,]\d)[\d,.]{0,12}\s?k?\+(?!\s{0,3}[^\W\d_])")
        self.emojis = tuple(e for e in emojis if e)
        self.emoji_window = emoji_window
        self.bragging_min = bragging_min

    # -- finding --------------------------------------------------------------------------------

    def find(self, kind: str, folded: str, original: str) -> list[Marker]:
        """Every marker in one field of ``kind`` (``name``, ``headline``, ``about``,
        ``group``), with its ownership checked."""
        friends = [m.span() for m in self.friends.finditer(folded)] if self._may_hide(folded) \
            else []
        if kind == "group":
            return self._group(folded, original, friends)
        found: list[Marker] = []
        for match in self.lion.finditer(folded):
            plain = match.group("bare") or match.group("dotted")
            if plain is not None and not _capitals(original, *match.span()):
                continue  # "lion" in prose, "L.i.O.n" as a brand
            found.append(Marker(rules.LION_TOKEN, *match.span()))
        found += [Marker(rules.OPEN_NETWORKER_PHRASE, *m.span())
                  for m in self.open_phrase.finditer(folded)]
        found += [Marker(rules.LINK_FAMILY, *m.span()) for m in self.link_family.finditer(folded)]
        found = [m for m in found if not _inside(friends, m)]
        found = [owned for m in found if (owned := self._owned(kind, folded, m)) is not None]
        found += self._counts(kind, folded)
        found += self._emoji(folded, friends)
        return found

    def _may_hide(self, folded: str) -> bool:
        return "lion" in folded or "lyon" in folded or "open" in folded

    def _group(self, folded: str, original: str, friends: list[tuple[int, int]]) -> list[Marker]:
        for pattern in (self.lion, self.group):
            for match in pattern.finditer(folded):
                if pattern is self.lion and (match.group("bare") or match.group("dotted")) and (
                    not _capitals(original, *match.span())
                ):
                    continue
                marker = Marker(rules.OPEN_NETWORKER_GROUP, *match.span())
                if not _inside(friends, marker):
                    return [marker]
        return []

    def _owned(self, kind: str, folded: str, marker: Marker) -> Marker | None:
        """``marker`` as the writer's evidence, ``not-a-lion`` evidence when negated, in-between
        evidence when partial ("Part LION", "a fairly open networker"), or None when it is
        dated, a mention, a definition, or someone else's."""
        # The words before it in its sentence (a bounded look: linear time), and after it.
        clause = [t for t in tokenize(folded, max(0, marker.start - 80), marker.start)
                  if t.form not in _MARKUP]
        cut = _last_sentence([t.form for t in clause])
        clause = clause[cut:]
        before = [t.form for t in clause]
        after = [t.form for t in tokenize(folded, marker.end, min(len(folded), marker.end + 40))
                 if t.form not in _MARKUP]
        near = before[-4:]
        if folded[max(0, marker.start - 4) : marker.start] in ("non-", "non "):
            return Marker(rules.NOT_A_LION, marker.start - 4, marker.end, "not-a-lion")
        negation = next((i for i in range(len(near) - 1, -1, -1)
                         if near[i] in _NEGATIONS or near[i] in _STOPPED), None)
        if negation is not None:
            token = clause[len(clause) - len(near) + negation]
            return Marker(rules.NOT_A_LION, token.start, marker.end, "not-a-lion")
        if after[:4] == ["is", "not", "for", "me"] or after[1:5] == ["is", "not", "for", "me"]:
            return Marker(rules.NOT_A_LION, marker.start, marker.end, "not-a-lion")
        if any(w in _PAST for w in before[-8:]) or _DATED.match(folded, marker.end) or (
            ("after", "becoming") in set(zip(before, before[1:]))
        ):
            return None  # "former LION", "I used to be a LION", "LION 2010-2018"
        if _mentioned(near, before[-6:]) or (kind == "about" and folded[
            max(0, marker.start - 4) : marker.start] == "www."):
            return None  # "the words LION", "groups for LIONs", "Research Assistant @ L.I.O.N."
        if _expansion(folded, marker.start):
            return None  # "LION (LinkedIn Open Networker)": the expansion of the token
        if any(w in _PARTIAL for w in near):
            return Marker(rules.SCOPED_WELCOME, marker.start, marker.end, "partial")
        if kind == "about" and not _own_in_about(folded, marker, before, after):
            return None
        return marker

    def _counts(self, kind: str, folded: str) -> list[Marker]:
        if "+" not in folded:
            return []
        matches = list(self.count.finditer(folded))
        if kind == "name":
            matches += self.bare_count.finditer(folded)
        for match in sorted(matches, key=lambda m: m.start()):
            count = parse_count(match.group())
            if count is not None and count >= self.bragging_min:
                return [Marker(rules.COUNT_BRAGGING, *match.span(), str(count))]
        return []

    def _emoji(self, folded: str, friends: list[tuple[int, int]]) -> list[Marker]:
        """The first lion emoji next to a networking word (LIO108), else the first (LIO110);
        one next to a false friend ("🦁 Detroit Lions") is a mascot."""
        if folded.isascii():
            return []
        alone: Marker | None = None
        for position, end in _occurrences(folded, self.emojis):
            low, high = position - self.emoji_window, end + self.emoji_window
            if any(s < high and e > low for s, e in friends):
                continue
            near = [m.span() for m in self.networking.finditer(folded, max(0, low),
                                                                 min(len(folded), high))]
            if near:
                first = min(near, key=lambda span: abs(span[0] - position))
                return [Marker(rules.EMOJI_WITH_NETWORKING, min(position, first[0]),
                               max(end, first[1]))]
            if alone is None:
                alone = Marker(rules.EMOJI_ALONE, position, end)
        return [alone] if alone is not None else []


def parse_count(text: str) -> int | None:
    """The number in a bragged count: ``"6,500+"`` -> 6500, ``"30K+"`` -> 30000.

    Commas and dots are thousands separators unless a ``K`` follows, where they are decimal
    points (``"1.5K"`` and ``"1,5K"`` -> 1500). None when the text holds no readable number.
    """
    found = re.search(r"\d[\d,.]*(?:\s?k)?", text, re.IGNORECASE)
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
    end = _last_sentence_end(after)
    rest = after[:end]
    if end < len(after) and after[end] == "?":
        return False  # a question
    if any(w in _DEFINING for w in rest[:2]):
        return False  # "LION stands for ...", "LION = ...", "A LION is ..."
    if folded[max(0, marker.start - 14) : marker.start].rstrip().endswith(("networker",
                                                                            "networkers")):
        return False  # "Organic Networker (L.I.O.N)": an acronym re-expanded
    bracketed = folded[marker.start] in "[({"
    if not bracketed and re.match(r"(?:lions|.*networkers)\b", folded[marker.start : marker.end]):
        return False  # "LIONs accept ...", "groups for Open Networkers": a class of people
    for word in reversed(before):  # the nearest subject decides
        if word in FIRST_PERSON or word == "proud":
            return True  # "I am a proud LION", "I've become a LION"
        if word in OTHER_SUBJECTS and word not in ("lion", "networker", "one"):
            return False  # "they are a LION", "unless you're a declared Open Networker"
    return not any(w in OTHER_SUBJECTS for w in rest[:6] if w not in ("lion", "networker"))


def _mentioned(near: list[str], words: list[str]) -> bool:
    """True when the words just before a marker mention it rather than claim it: "the word",
    "from a", "talking about", "known as", "such as", "a.k.a.", "called"."""
    if near[-1:] and near[-1] in _MENTIONS:
        return True
    if len(near) > 1 and near[-1] in ("a", "an", "the") and near[-2] in _MENTIONS:
        return True
    pairs = {(a, b) for a, b in zip(words, words[1:])}
    return bool(pairs & {("talking", "about"), ("talk", "about"), ("known", "as"),
                         ("such", "as"), ("k", "a"), ("refer", "to"), ("heard", "of")})


def _expansion(folded: str, start: int) -> bool:
    """True when the text at ``start`` opens or sits in brackets right after the LION token:
    "LION (LinkedIn Open Networker)", "LIONs (a.k.a. LinkedIn Open Networkers)"."""
    window = folded[max(0, start - 16) : start]
    opening = window.rfind("(")
    return opening >= 0 and window[:opening].rstrip().endswith(("lion", "lions"))


def _last_sentence_end(words: list[str]) -> int:
    for index, word in enumerate(words):
        if word in (".", "!", "?", "|", "\n", ";", "•", "·"):
            return index
    return len(words)


def _capitals(original: str, start: int, end: int) -> bool:
    """True when a bare LION token is written as a token, not as the word "lion": at least
    three capitals ("LION", "LiON", "LIONs"), read on the original text."""
    return sum(c.isupper() for c in original[start:end]) >= 3


def _inside(spans: list[tuple[int, int]], marker: Marker) -> bool:
    return any(start <= marker.start and marker.end <= end for start, end in spans)


def _last_sentence(words: list[str]) -> int:
    """Where the last sentence of ``words`` starts (after its last full stop)."""
    for index in range(len(words) - 1, -1, -1):
        if words[index] in (".", "!", "?", "|", "\n", ";", "•", "·"):
            return index + 1
    return 0


def _start_of(folded: str, position: int, words_back: int) -> int:
    """The offset ``words_back`` words before ``position``."""
    tokens = tokenize(folded, max(0, position - 40), position)
    spans = sorted({(t.start, t.end) for t in tokens})
    return spans[-words_back][0] if 0 < words_back <= len(spans) else position


def _occurrences(text: str, needles: Sequence[str]) -> Iterator[tuple[int, int]]:
    found = []
    for needle in needles:
        position = text.find(needle)
        while position >= 0:
            found.append((position, position + len(needle)))
            position = text.find(needle, position + len(needle))
    yield from sorted(found)
