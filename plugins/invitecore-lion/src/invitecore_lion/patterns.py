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

Cold start: a run of the CLI often checks a single profile, so everything is built on first
need. Anchors are found for every category up front (they decide which categories a field
needs), but a category's regex source is only built when a field needs the category, its width
only when a field is long enough to be searched in windows, and the combined pattern for a set
of categories only when a field needs exactly that set.

Linear time: every quantifier is bounded or applies to a single character class that the next
atom does not overlap, and no quantified group contains another unbounded quantifier, so the
engine backtracks at most a constant number of steps per position. Phrase lists are plain text
(escaped by :mod:`invitecore_lion.phrases`), so no user setting can introduce a slow pattern.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from invitecore_lion import rules
from invitecore_lion.phrases import NEVER, max_width, phrase_anchors, phrase_source, phrase_width

__all__ = ["Category", "Patterns", "patterns_for"]

# A count as people brag with it: "6,500+", "30K+", "1.5k+". The "+" is what makes it a brag
# rather than a fact; detect.parse_count turns the text into a number.
_BRAG = r"\d[\d,.]{0,12}\s?k?\+"
_BRAG_TAIL = r"[\d,.]{0,12}\s?k?\+"
# A count must not continue a word, a price or another number. Written as a look-behind after
# the first digit rather than before it, so the engine only tests it where a digit is.
_FIRST_DIGIT = r"\d(?<![\w$€£¥.,]\d)"

# The LION token's forms, as the pattern before the token and the one after it (the token
# itself is escaped text, as wide as it is long). The networking form ends in the
# networking-words phrase list, so it is assembled in _token_free.
_TOKEN_TAIL = r"(?:[\s\-–:|,]{0,3}(?:\d[\d,.]{0,12}\s?k?\+?|member|(?:open\s?)?networker))?"
_BRACKETED = (r"[\[({]\s{0,2}", r"s?" + _TOKEN_TAIL + r"[\s®]{0,2}(?:tm)?[\])}]")  # [LION]
_COUNTED = (r"\b", r"s?[\s\-–:|]{0,3}" + _BRAG)  # Lion 6,500+
_BEFORE_NETWORKING = (r"\b", r"s?[\s\-–:|]{0,3}")  # Lion networker
_DOTTED = (r"(?<!\w)", r"(?:\.|(?!\w))")  # L.I.O.N.
_CAPS = (r"\b", r"s?(?!\w)")  # LION, LIONs: checked for capitals

# A bragged count's forms, around the connection-words phrase list.
_COUNT_THEN_WORDS = _FIRST_DIGIT + _BRAG_TAIL + r"\s{0,2}"  # 30K+ contacts
_WORDS_THEN_COUNT = r"\s{0,2}[:\-–]?\s{0,2}(?:of\s{1,2})?" + _BRAG  # network of 30K+
_BRACKETED_COUNT = r"[\[(]\s?" + _BRAG + r"\s?[\])]"  # [12,000+]
# In a name nothing else explains a number, so "Dana Reyes 30K+" is a brag by itself, unless a
# word follows and says what it counts ("1,000+ customers").
_BARE_COUNT = _FIRST_DIGIT + _BRAG_TAIL + r"(?!\s{0,3}[^\W\d_])"


@functools.cache
def _fixed_width(source: str) -> int:
    """The width of one of the constant pieces above (a few, each parsed once per process)."""
    return max_width(source)


class Category:
    """One kind of evidence: its rule code (None for false friends), regex and anchors.

    ``source`` and ``width`` are given as functions and called on first use (see the module
    docstring). A plain class rather than an attrs one: defining an attrs class costs about
    half a millisecond of import time, and nothing outside this plugin sees a category.

    :param caps: a LION token written as a whole word in the match must be in capitals in the
        original text (plain "lion" is prose).
    """

    def __init__(
        self,
        *,
        name: str,
        code: str | None,
        anchors: tuple[str, ...],
        source: Callable[[], str],
        width: Callable[[], int],
        caps: bool = False,
    ) -> None:
        self.name = name
        self.code = code
        self.anchors = anchors
        self.caps = caps
        self._build_source = source
        self._measure = width

    def __repr__(self) -> str:
        return f"Category(name={self.name!r}, code={self.code!r}, anchors={self.anchors!r})"

    @functools.cached_property
    def source(self) -> str:
        """The regex source, on folded text."""
        return self._build_source()

    @functools.cached_property
    def width(self) -> int:
        """The most characters one match can span (every quantifier here is bounded)."""
        return self._measure()


def _phrase_category(
    name: str, code: str | None, phrases: Sequence[str], *, caps: bool = False
) -> Category:
    return Category(
        name=name, code=code, anchors=phrase_anchors(phrases), caps=caps,
        source=lambda: phrase_source(phrases), width=lambda: phrase_width(phrases),
    )


def _tokens(tokens: Sequence[str]) -> list[str]:
    """The LION tokens, case-free, longest first."""
    return sorted({t.strip().lower() for t in tokens if t.strip()}, key=len, reverse=True)


def _dotted(token: str) -> str:
    return r"\.".join(re.escape(c) for c in token)


def _token_free(tokens: Sequence[str], networking: str) -> str:
    """The case-free forms of the LION token: bracketed, counted, before a networking word,
    dotted."""
    forms = []
    for token in _tokens(tokens):
        word = re.escape(token)
        forms += [
            _BRACKETED[0] + word + _BRACKETED[1],
            _COUNTED[0] + word + _COUNTED[1],
            _BEFORE_NETWORKING[0] + word + _BEFORE_NETWORKING[1] + "(?:" + networking + ")",
            _DOTTED[0] + _dotted(token) + _DOTTED[1],
        ]
    return "|".join(forms) or NEVER


def _token_free_width(tokens: Sequence[str], networking: int) -> int:
    widths = [1]  # NEVER's, when there is no token
    for token in _tokens(tokens):
        size = len(token)
        widths += [
            _fixed_width(_BRACKETED[0]) + size + _fixed_width(_BRACKETED[1]),
            size + _fixed_width(_COUNTED[1]),
            size + _fixed_width(_BEFORE_NETWORKING[1]) + networking,
            2 * size - 1 + _fixed_width(_DOTTED[1]),
        ]
    return max(widths)


def _token_caps(tokens: Sequence[str]) -> str:
    """The LION token as a whole word (its capitals are checked on the original text)."""
    return "|".join(_CAPS[0] + re.escape(t) + _CAPS[1] for t in _tokens(tokens)) or NEVER


def _token_caps_width(tokens: Sequence[str]) -> int:
    return max((len(t) + _fixed_width(_CAPS[1]) for t in _tokens(tokens)), default=1)


def _token_anchors(tokens: Sequence[str]) -> tuple[str, ...]:
    return tuple(a for token in _tokens(tokens) for a in (token, ".".join(token)))


def _count_source(connection_words: str, *, bare: bool) -> str:
    forms = [
        _COUNT_THEN_WORDS + r"(?:" + connection_words + ")",
        r"(?:" + connection_words + ")" + _WORDS_THEN_COUNT,
        _BRACKETED_COUNT,
    ]
    if bare:
        forms.append(_BARE_COUNT)
    return "|".join(forms)


def _count_width(connection_words: int, *, bare: bool) -> int:
    return max(
        _fixed_width(_COUNT_THEN_WORDS) + connection_words,
        connection_words + _fixed_width(_WORDS_THEN_COUNT),
        _fixed_width(_BRACKETED_COUNT),
        _fixed_width(_BARE_COUNT) if bare else 0,
    )


class Patterns:
    """Everything compiled for one settings object: categories per field kind, and helpers.

    ``kinds`` maps ``"name"``, ``"text"`` (headline, about) and ``"group"`` to their categories
    in priority order; the first is always the false friends. A plain class rather than an
    attrs one, for the same reason as :class:`Category`.
    """

    def __init__(
        self,
        *,
        kinds: Mapping[str, tuple[Category, ...]],
        tokens: tuple[str, ...],
        networking: Category,
        false_friend: Category,
        emojis: tuple[str, ...],
        negations: frozenset[str],
    ) -> None:
        self.kinds = kinds
        self.tokens = tokens
        self.networking = networking
        self.false_friend = false_friend
        self.emojis = emojis
        self.negations = negations
        self._compiled: dict[tuple[str, int], re.Pattern[str]] = {}

    @functools.cached_property
    def words(self) -> re.Pattern[str]:
        """Words, for counting the ones before a phrase (compiled on first use, not import)."""
        return re.compile(r"[\w'\u2019]+")

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
    """Build the patterns for ``settings`` (cached per settings object, which hashes by id).

    Only the anchors are computed here; sources, widths and compiled patterns wait for a field
    that needs them (see the module docstring).
    """
    tokens = tuple(t.strip() for t in settings["lion-tokens"] if t.strip())
    networking = _phrase_category("networking", None, settings["networking-words"])
    token_anchors = _token_anchors(tokens)

    @functools.cache
    def token_free() -> str:  # shared by the token categories of every field kind
        return _token_free(tokens, networking.source)

    def token_width() -> int:
        return _token_free_width(tokens, networking.width)

    def token(name: str, code: str) -> Category:
        return Category(name=name, code=code, anchors=token_anchors, source=token_free,
                        width=token_width)

    def token_caps(name: str, code: str) -> Category:
        return Category(name=name, code=code, anchors=token_anchors, caps=True,
                        source=lambda: _token_caps(tokens), width=lambda: _token_caps_width(tokens))

    def phrases(name: str, code: str, setting: str) -> Category:
        return _phrase_category(name, code, settings[setting], caps=True)

    connection_words = settings["connection-words"]

    def count(bare: bool) -> Category:
        return Category(
            name="count", code=rules.COUNT_BRAGGING, anchors=("+",),
            source=lambda: _count_source(phrase_source(connection_words), bare=bare),
            width=lambda: _count_width(phrase_width(connection_words), bare=bare),
        )

    friends = _phrase_category("friend", None, settings["false-friends"])
    selective = (
        phrases("not_lion", rules.NOT_A_LION, "not-a-lion-phrases"),
        phrases("known_only", rules.KNOWN_PEOPLE_ONLY, "known-people-only-phrases"),
        phrases("conditions", rules.CONDITIONS, "conditions-phrases"),
    )
    opens = (
        token("token", rules.LION_TOKEN),
        token_caps("token_caps", rules.LION_TOKEN),
        phrases("phrase", rules.OPEN_NETWORKER_PHRASE, "open-networker-phrases"),
        phrases("accept", rules.ACCEPT_ALL_PHRASE, "accept-all-phrases"),
        phrases("link", rules.LINK_FAMILY, "link-family"),
    )
    group = rules.OPEN_NETWORKER_GROUP
    return Patterns(
        kinds={
            "name": (friends, *selective, *opens, count(bare=True)),
            "text": (friends, *selective, *opens, count(bare=False)),
            "group": (
                friends,
                token("group_token", group),
                token_caps("group_caps", group),
                phrases("group", group, "open-networker-groups"),
            ),
        },
        tokens=tokens,
        networking=networking,
        false_friend=friends,
        emojis=tuple(e for e in settings["lion-emoji"] if e),
        negations=frozenset(w.lower().replace("\u2019", "'") for w in settings["negation-words"]),
    )
