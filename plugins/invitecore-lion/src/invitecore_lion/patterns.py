"""The plugin's regular expressions, built once per resolved settings object.

Patterns run on folded text (NFKC, lower-case; see :mod:`invitecore_lion.normalize`), so none
needs ``IGNORECASE``; where case matters (the LION token is only a token in capitals) the match
is checked against the original text afterwards.

Evidence comes in categories (:class:`Category`), each one named alternative of a combined
pattern. Alternatives are tried in order at each position and a match consumes its text, so the
false friends and the selective statements come first: "Detroit Lions", "The Lion King" or "not
a LION" swallow the LION inside them before the token alternative can see it.

Speed: each category has *anchors*, literals that every match of it contains, and a *width*,
the most characters a match of it can span. A field is only searched with the categories whose
anchors occur in it, and only in the windows around those anchors (see
:mod:`invitecore_lion.windows`); a field with none is not searched at all. Phrase lists are
compiled as a trie, so the engine tests one branch per letter instead of every phrase at every
position.

Linear time: every quantifier is bounded or applies to a single character class that the next
atom does not overlap, and no quantified group contains another unbounded quantifier, so the
engine backtracks at most a constant number of steps per position. Phrase lists are plain text
(escaped here), so no user setting can introduce a slow pattern.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from invitecore_lion import rules

if sys.version_info >= (3, 11):
    from re import _parser as _regex_parser
else:
    import sre_parse as _regex_parser

__all__ = ["Category", "Patterns", "patterns_for", "phrase_source"]

_APOSTROPHES = "'\u2019"
# Between two words of a phrase: a short run of spaces or hyphens, or none ("OpenNetworker",
# "open - networker"). Capped so that every match has a bounded width, which is what lets a
# field be searched only near its anchors; words further apart are not one phrase. Three covers
# "open - networker" and doubled spaces.
MAX_SEPARATOR = 3
_SEPARATOR = rf"[\s\-]{{0,{MAX_SEPARATOR}}}"
# A count as people brag with it: "6,500+", "30K+", "1.5k+". The "+" is what makes it a brag
# rather than a fact; detect.parse_count turns the text into a number.
_BRAG = r"\d[\d,.]{0,12}\s?k?\+"
_BRAG_TAIL = r"[\d,.]{0,12}\s?k?\+"
# A count must not continue a word, a price or another number. Written as a look-behind after
# the first digit rather than before it, so the engine only tests it where a digit is.
_FIRST_DIGIT = r"\d(?<![\w$€£¥.,]\d)"
_NEVER = r"(?!x)x"


@attrs.frozen(kw_only=True)
class Category:
    """One kind of evidence: its rule code (None for false friends), regex and anchors.

    :param caps: a LION token written as a whole word in the match must be in capitals in the
        original text (plain "lion" is prose).
    """

    name: str
    code: str | None
    source: str
    anchors: tuple[str, ...]
    caps: bool = False

    @functools.cached_property
    def width(self) -> int:
        """The most characters one match can span (every quantifier here is bounded)."""
        return max_width(self.source)


def max_width(source: str) -> int:
    """The most characters a match of ``source`` can span, as ``re``'s own parser computes it.

    Raises ValueError for a pattern without a bound (an unbounded quantifier).
    """
    widest = int(_regex_parser.parse(source).getwidth()[1])
    if widest >= _regex_parser.MAXREPEAT:
        raise ValueError(f"pattern has no maximum width: {source!r}")
    return widest


def _phrase_atoms(phrase: str) -> list[str]:
    words = [w for w in re.split(r"[\s\-]+", phrase.strip().lower()) if w]
    atoms: list[str] = []
    for index, word in enumerate(words):
        if index:
            atoms.append(_SEPARATOR)
        atoms.extend(f"[{_APOSTROPHES}]?" if c in _APOSTROPHES else re.escape(c) for c in word)
    if atoms and re.search(r"\w$", words[-1]):
        atoms.append(r"s?(?!\w)")  # a trailing plural, and no longer word
    return atoms


def _trie_source(sequences: Iterable[list[str]]) -> str:
    """A regex matching any of ``sequences`` (lists of atoms), factored as a prefix trie."""
    root: dict[str, Any] = {}
    for atoms in sequences:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}  # end of a sequence

    def emit(node: dict[str, Any]) -> str:
        branches = [atom + emit(child) for atom, child in node.items() if atom]
        if not branches:
            return ""
        # Longer branches first, so "toplinked" wins over "toplink" at the same position.
        branches.sort(key=len, reverse=True)
        body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 or "" in node else branches[0]
        return body + "?" if "" in node else body

    return emit(root)


def phrase_source(phrases: Iterable[str]) -> str:
    """The regex source for plain-text ``phrases`` (rules in :mod:`invitecore_lion.settings`)."""
    worded: list[list[str]] = []
    other: list[list[str]] = []
    for phrase in phrases:
        atoms = _phrase_atoms(phrase)
        # A phrase of apostrophes alone has no literal every match holds (no anchor), and
        # would match almost anywhere; it is not a phrase.
        if atoms and _pieces(phrase):
            (worded if re.match(r"\w", phrase.strip()) else other).append(atoms)
    parts = []
    if worded:
        parts.append(r"\b(?:" + _trie_source(worded) + ")")
    if other:
        parts.append("(?:" + _trie_source(other) + ")")
    return "|".join(parts) if parts else _NEVER


# Words too common to be worth searching for; an anchor is only one of them when a phrase has
# nothing else (a slower search then, never a wrong one).
_COMMON = frozenset({
    "a", "all", "an", "and", "are", "be", "do", "don", "each", "from", "have", "how", "i", "if",
    "in", "is", "it", "know", "let", "me", "my", "no", "not", "of", "on", "or", "people", "say",
    "t", "tell", "than", "the", "to", "we", "will", "with", "won", "you", "your",
})


def _pieces(phrase: str) -> list[str]:
    """The literal runs of ``phrase``: words split at spaces, hyphens and apostrophes."""
    return [p for p in re.split(r"[\s\-" + _APOSTROPHES + "]+", phrase.strip().lower()) if p]


def _anchors(phrases: Iterable[str]) -> tuple[str, ...]:
    """A small set of literals such that every match of every phrase contains one of them.

    Every literal run of a phrase (and every prefix of five or more letters: "invit" for
    "invites" and "invitations") is in each of its matches, so choosing one per phrase is safe.
    Choosing greedily the one shared by the most phrases keeps the set, and the time spent
    looking for it, small. An anchor that contains another chosen one ("lionel" and "lion") is
    dropped: every text holding it holds the shorter one too.
    """
    options: dict[str, set[str]] = {}
    for phrase in {p for p in phrases if _pieces(p)}:
        pieces = _pieces(phrase)
        useful = [p for p in pieces if p not in _COMMON] or pieces
        for piece in useful:
            for size in range(min(5, len(piece)), len(piece) + 1):
                options.setdefault(piece[:size], set()).add(phrase)
    uncovered = set().union(*options.values()) if options else set()
    chosen: list[str] = []
    while uncovered:
        best = max(options, key=lambda a: (len(options[a] & uncovered), len(a), a))
        chosen.append(best)
        uncovered -= options[best]
    return tuple(sorted(a for a in chosen if not any(b != a and b in a for b in chosen)))


def _token_forms(tokens: Sequence[str], networking: str) -> tuple[str, str, tuple[str, ...]]:
    """Case-free forms of the LION token, its capitals-only form, and their anchors."""
    free, caps, anchors = [], [], []
    for token in sorted({t.strip().lower() for t in tokens if t.strip()}, key=len, reverse=True):
        word = re.escape(token)
        tail = r"(?:[\s\-–:|,]{0,3}(?:\d[\d,.]{0,12}\s?k?\+?|member|(?:open\s?)?networker))?"
        free.append(r"[\[({]\s{0,2}" + word + r"s?" + tail + r"[\s®]{0,2}(?:tm)?[\])}]")
        free.append(r"\b" + word + r"s?[\s\-–:|]{0,3}" + _BRAG)  # Lion 6,500+
        free.append(r"\b" + word + r"s?[\s\-–:|]{0,3}(?:" + networking + ")")  # Lion networker
        dotted = r"\.".join(re.escape(c) for c in token)
        free.append(r"(?<!\w)" + dotted + r"(?:\.|(?!\w))")  # L.I.O.N.
        caps.append(r"\b" + word + r"s?(?!\w)")  # LION, LIONs: checked for capitals
        anchors += [token, ".".join(token)]
    return "|".join(free) or _NEVER, "|".join(caps) or _NEVER, tuple(anchors)


def _count_source(connection_words: str, *, bare: bool) -> str:
    forms = [
        _FIRST_DIGIT + _BRAG_TAIL + r"\s{0,2}(?:" + connection_words + ")",  # 30K+ contacts
        # "network of 30K+", "Connections: 6,500+"
        r"(?:" + connection_words + r")\s{0,2}[:\-–]?\s{0,2}(?:of\s{1,2})?" + _BRAG,
        r"[\[(]\s?" + _BRAG + r"\s?[\])]",  # [12,000+]
    ]
    if bare:
        # In a name nothing else explains a number, so "Dana Reyes 30K+" is a brag by itself,
        # unless a word follows and says what it counts ("1,000+ customers").
        forms.append(_FIRST_DIGIT + _BRAG_TAIL + r"(?!\s{0,3}[^\W\d_])")
    return "|".join(forms)


@attrs.frozen(kw_only=True)
class Patterns:
    """Everything compiled for one settings object: categories per field kind, and helpers.

    ``kinds`` maps ``"name"``, ``"text"`` (headline, about) and ``"group"`` to their categories
    in priority order; the first is always the false friends.
    """

    kinds: Mapping[str, tuple[Category, ...]]
    tokens: tuple[str, ...]
    networking: Category
    false_friend: Category
    emojis: tuple[str, ...]
    negations: frozenset[str]
    words: re.Pattern[str] = re.compile(r"[\w'\u2019]+")
    _compiled: dict[tuple[str, int], re.Pattern[str]] = attrs.field(factory=dict, repr=False)

    @functools.cached_property
    def anchors(self) -> tuple[str, ...]:
        """Every evidence category's anchors, once each (the false friends' are not needed)."""
        return tuple(
            sorted({a for cats in self.kinds.values() for c in cats[1:] for a in c.anchors})
        )

    @functools.cached_property
    def widths(self) -> Mapping[str, Mapping[str, int]]:
        """Per field kind, each anchor's widest match among the categories that have it."""
        widths: dict[str, dict[str, int]] = {}
        for kind, categories in self.kinds.items():
            of_kind = widths.setdefault(kind, {})
            for category in categories:
                for anchor in category.anchors:
                    of_kind[anchor] = max(of_kind.get(anchor, 0), category.width)
        return widths

    @functools.cached_property
    def friend_anchors(self) -> tuple[str, ...]:
        """The false friends' anchors (the same false friends for every field kind)."""
        return self.kinds["text"][0].anchors

    def present(self, folded: str, among: Iterable[str] | None = None) -> frozenset[str]:
        """The anchors (of ``among``, default all) that occur in ``folded``."""
        return frozenset(a for a in (self.anchors if among is None else among) if a in folded)

    @functools.cached_property
    def _category_bits(self) -> Mapping[str, Mapping[str, int]]:
        """Per field kind, each anchor's evidence categories as a bit mask of their positions."""
        bits: dict[str, dict[str, int]] = {}
        for kind, categories in self.kinds.items():
            of_kind = bits.setdefault(kind, {})
            for index, category in enumerate(categories[1:], start=1):
                for anchor in category.anchors:
                    of_kind[anchor] = of_kind.get(anchor, 0) | 1 << index
        return bits

    def categories_for(self, kind: str, present: Iterable[str]) -> int:
        """``kind``'s evidence categories with an anchor in ``present``, as a bit mask.

        0 when no category can match, so the caller need not search at all. A bit mask rather
        than a tuple of names: this runs for every field with an anchor.
        """
        bits = self._category_bits[kind]
        mask = 0
        for anchor in present:
            mask |= bits.get(anchor, 0)
        return mask

    def pattern_for(self, kind: str, mask: int, *, friends: bool) -> re.Pattern[str]:
        """The combined pattern of the categories in ``mask`` (see :meth:`categories_for`),
        after the false friends when ``friends`` (a false friend must come first to swallow the
        evidence inside it; without a false-friend anchor nearby it cannot match at all).
        """
        key = (kind, mask | int(friends))
        pattern = self._compiled.get(key)
        if pattern is None:
            pattern = re.compile(
                "|".join(
                    f"(?P<{c.name}>{c.source})"
                    for index, c in enumerate(self.kinds[kind])
                    if key[1] >> index & 1
                )
            )
            # At most one entry per subset of categories, and few subsets occur in practice.
            self._compiled[key] = pattern
        return pattern

    @functools.cached_property
    def _by_name(self) -> Mapping[tuple[str, str], Category]:
        return {(kind, c.name): c for kind, cats in self.kinds.items() for c in cats}

    def category(self, kind: str, name: str) -> Category:
        """The category called ``name`` among ``kind``'s."""
        return self._by_name[(kind, name)]

    @functools.cached_property
    def token_words(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """Each LION token with the pattern of it as a whole lower-case word."""
        return tuple(
            (token, re.compile(r"(?<!\w)" + re.escape(token.lower()) + r"(?!\w)"))
            for token in self.tokens
        )

    @functools.cached_property
    def networking_pattern(self) -> re.Pattern[str]:
        """The networking words, compiled (used near lion emoji)."""
        return re.compile(self.networking.source)

    @functools.cached_property
    def false_friend_pattern(self) -> re.Pattern[str]:
        """The false friends alone, compiled (used near lion emoji)."""
        return re.compile(self.false_friend.source)


@functools.lru_cache(maxsize=8)
def patterns_for(settings: Mapping[str, Any]) -> Patterns:
    """Build the patterns for ``settings`` (cached per settings object, which hashes by id)."""
    tokens = tuple(t.strip() for t in settings["lion-tokens"] if t.strip())
    networking = phrase_source(settings["networking-words"])
    token_free, token_caps, token_anchors = _token_forms(tokens, networking)
    friends = Category(
        name="friend", code=None, source=phrase_source(settings["false-friends"]),
        anchors=_anchors(settings["false-friends"]),
    )

    def phrases(name: str, code: str, setting: str) -> Category:
        return Category(
            name=name, code=code, source=phrase_source(settings[setting]),
            anchors=_anchors(settings[setting]), caps=True,
        )

    selective = (
        phrases("not_lion", rules.NOT_A_LION, "not-a-lion-phrases"),
        phrases("known_only", rules.KNOWN_PEOPLE_ONLY, "known-people-only-phrases"),
        phrases("conditions", rules.CONDITIONS, "conditions-phrases"),
    )
    opens = (
        Category(name="token", code=rules.LION_TOKEN, source=token_free, anchors=token_anchors),
        Category(name="token_caps", code=rules.LION_TOKEN, source=token_caps,
                 anchors=token_anchors, caps=True),
        phrases("phrase", rules.OPEN_NETWORKER_PHRASE, "open-networker-phrases"),
        phrases("accept", rules.ACCEPT_ALL_PHRASE, "accept-all-phrases"),
        phrases("link", rules.LINK_FAMILY, "link-family"),
    )
    connection_words = phrase_source(settings["connection-words"])

    def count(bare: bool) -> Category:
        return Category(name="count", code=rules.COUNT_BRAGGING,
                        source=_count_source(connection_words, bare=bare), anchors=("+",))

    group = rules.OPEN_NETWORKER_GROUP
    return Patterns(
        kinds={
            "name": (friends, *selective, *opens, count(bare=True)),
            "text": (friends, *selective, *opens, count(bare=False)),
            "group": (
                friends,
                Category(name="group_token", code=group, source=token_free, anchors=token_anchors),
                Category(name="group_caps", code=group, source=token_caps, anchors=token_anchors,
                         caps=True),
                phrases("group", group, "open-networker-groups"),
            ),
        },
        tokens=tokens,
        networking=Category(
            name="networking", code=None, source=networking,
            anchors=_anchors(settings["networking-words"]),
        ),
        false_friend=friends,
        emojis=tuple(e for e in settings["lion-emoji"] if e),
        negations=frozenset(w.lower().replace("\u2019", "'") for w in settings["negation-words"]),
    )
