"""The plugin's regular expressions, built once per resolved settings object.

Patterns run on folded text (NFKC, lower-case; see :mod:`invitecore_lion.normalize`), so none
needs ``IGNORECASE``; where case matters (the LION token is only a token in capitals) the match
is checked against the original text afterwards.

Evidence comes in categories (:class:`Category`), each a run of alternatives of a combined
pattern. Alternatives are tried in order at each position and a match consumes its text, so the
false friends and the selective statements come first: "Detroit Lions", "The Lion King" or "not
a LION" swallow the LION inside them before the token alternative can see it. A category's
alternatives are its *branches*, each starting with a literal character where possible (see
:func:`~invitecore_lion.phrases.literal_first`), followed by an empty group naming the category:
``re`` then skips every position where no branch starts, and tries only the branches for the
character there.

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

from invitecore_lion import forms, rules
from invitecore_lion.phrases import phrase_anchors, phrase_branches, phrase_source, phrase_width

__all__ = ["CAPS_TOKEN", "NO_CHECK", "TOKEN_WORDS", "Category", "Patterns", "Search",
           "patterns_for"]

class Category:
    """One kind of evidence: its rule code (None for false friends), regex and anchors.

    ``source`` and ``width`` are given as functions and called on first use (see the module
    docstring), and so is ``branches``: ``source`` split into the branches of an ordered
    alternation, each starting with a literal character where possible (see
    :func:`~invitecore_lion.phrases.literal_first`), which is what the combined patterns are
    built from. A plain class rather than an attrs one: defining an attrs class costs about
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
        branches: Callable[[], Sequence[str]] | None = None,
        caps: bool = False,
    ) -> None:
        self.name = name
        self.code = code
        self.anchors = anchors
        self.caps = caps
        self._build_source = source
        self._measure = width
        self._split = branches

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

    @functools.cached_property
    def branches(self) -> tuple[str, ...]:
        """``source`` as ordered alternatives: ``"|".join(branches)`` tries what ``source``
        tries, in the same order. None holds a top-level ``|``."""
        if self._split is None:
            return (self.source,)
        return tuple(self._split())


def _phrase_category(
    name: str, code: str | None, phrases: Sequence[str], *, caps: bool = False
) -> Category:
    return Category(
        name=name, code=code, anchors=phrase_anchors(phrases), caps=caps,
        source=lambda: phrase_source(phrases), width=lambda: phrase_width(phrases),
        branches=lambda: phrase_branches(phrases),
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
        self._compiled: dict[tuple[str, int], Search] = {}

    def negated_ending(self, window: int) -> re.Pattern[str] | None:
        """A pattern that matches a text (``search``) exactly when one of its last ``window``
        words is a negation; None when none can be (``window <= 0``, no negation words).

        Words are the runs of word characters and apostrophes; a negation is one of
        :attr:`negations`, either apostrophe. The pattern is a negation as a whole word, then at
        most ``window - 1`` more words, then only non-word characters to the end: one search
        instead of splitting the text into words.
        """
        words = sorted(
            (w for w in self.negations if re.fullmatch(r"[\w'\u2019]+", w)), key=len, reverse=True
        )
        if window <= 0 or not words:
            return None
        branches = []
        for word in words:
            atoms = ["['\u2019]" if char == "'" else re.escape(char) for char in word]
            if atoms[0] != "['\u2019]":
                # Literal first, as in phrases.literal_first: (?<!W)c is c(?<!W.).
                branches.append(atoms[0] + r"(?<![\w'\u2019].)" + "".join(atoms[1:]))
            else:
                branches.append(r"(?<![\w'\u2019])" + "".join(atoms))
        return re.compile(
            "(?:" + "|".join(branches) + r")(?![\w'\u2019])"
            + rf"(?:[^\w'\u2019]+[\w'\u2019]+){{0,{window - 1}}}[^\w'\u2019]*\Z"
        )

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

        The pattern is the categories' branches in priority order, each followed by an empty
        group that names the category it belongs to (:meth:`categories_named`). The group comes
        last rather than around the branch, so that every alternative still starts with its
        literal first character (see :attr:`Category.branches`).
        """
        return self.search_for(kind, mask | int(friends)).pattern

    def search_for(self, kind: str, key: int) -> Search:
        """:meth:`pattern_for` with ``key = mask | friends``, and what each group means."""
        search = self._compiled.get((kind, key))
        if search is None:
            chosen = [c for index, c in enumerate(self.kinds[kind]) if key >> index & 1]
            pattern = re.compile(
                "|".join(
                    f"{branch}(?P<{c.name}__{number}>)"
                    for c in chosen
                    for number, branch in enumerate(c.branches)
                )
            )
            groups = {
                f"{c.name}__{number}": (c.code, _check(c))
                for c in chosen
                for number in range(len(c.branches))
            }
            search = Search(pattern, groups)
            # At most one entry per subset of categories, and few subsets occur in practice.
            self._compiled[(kind, key)] = search
        return search

    @functools.cached_property
    def _by_name(self) -> Mapping[str, Mapping[str, Category]]:
        return {kind: _Named({c.name: c for c in cats}) for kind, cats in self.kinds.items()}

    def categories_named(self, kind: str) -> Mapping[str, Category]:
        """``kind``'s categories by name, and by the name of the group that ends each of their
        branches in a combined pattern (so a match's ``lastgroup`` names its category)."""
        return self._by_name[kind]

    def category(self, kind: str, name: str) -> Category:
        """The category called ``name`` among ``kind``'s (or ending in the group ``name``)."""
        return self._by_name[kind][name]

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
        return re.compile("|".join(self.networking.branches))

    @functools.cached_property
    def false_friend_pattern(self) -> re.Pattern[str]:
        """The false friends alone, compiled (used near lion emoji)."""
        return re.compile("|".join(self.false_friend.branches))


# How a match's capitals are checked on the original text (see detect._capitals_ok).
NO_CHECK, CAPS_TOKEN, TOKEN_WORDS = 0, 1, 2


def _check(category: Category) -> int:
    if not category.caps:
        return NO_CHECK
    return CAPS_TOKEN if category.name.endswith("caps") else TOKEN_WORDS


class Search:
    """A combined pattern, and for each of its groups the rule code (None for a false friend)
    and capitals check of the category whose branch it ends. A plain slotted class."""

    __slots__ = ("groups", "pattern")

    def __init__(
        self, pattern: re.Pattern[str], groups: Mapping[str, tuple[str | None, int]]
    ) -> None:
        self.pattern = pattern
        self.groups = groups


class _Named(dict[str, Category]):
    """Categories by name; a branch's group name (``<name>__<n>``) finds its category too.

    A missing group name is resolved once and remembered: a kind has a few dozen branches.
    """

    def __missing__(self, key: str) -> Category:
        category = self[key.rpartition("__")[0]]
        self[key] = category
        return category


@functools.lru_cache(maxsize=8)
def patterns_for(settings: Mapping[str, Any]) -> Patterns:
    """Build the patterns for ``settings`` (cached per settings object, which hashes by id).

    Only the anchors are computed here; sources, widths and compiled patterns wait for a field
    that needs them (see the module docstring).
    """
    tokens = tuple(t.strip() for t in settings["lion-tokens"] if t.strip())
    networking = _phrase_category("networking", None, settings["networking-words"])
    token_anchors = forms.token_anchors(tokens)

    @functools.cache
    def token_free() -> str:  # shared by the token categories of every field kind
        return forms.token_free(tokens, networking.source)

    def token_width() -> int:
        return forms.token_free_width(tokens, networking.width)

    @functools.cache
    def token_free_branches() -> list[str]:
        return forms.token_free_branches(tokens, networking.source)

    def token(name: str, code: str) -> Category:
        return Category(name=name, code=code, anchors=token_anchors, source=token_free,
                        width=token_width, branches=token_free_branches)

    def token_caps(name: str, code: str) -> Category:
        return Category(
            name=name, code=code, anchors=token_anchors, caps=True,
            source=lambda: forms.token_caps(tokens),
            width=lambda: forms.token_caps_width(tokens),
            branches=lambda: forms.token_caps_branches(tokens),
        )

    def phrases(name: str, code: str, setting: str) -> Category:
        return _phrase_category(name, code, settings[setting], caps=True)

    connection_words = settings["connection-words"]

    def count(bare: bool) -> Category:
        return Category(
            name="count", code=rules.COUNT_BRAGGING, anchors=("+",),
            source=lambda: forms.count_source(phrase_source(connection_words), bare=bare),
            width=lambda: forms.count_width(phrase_width(connection_words), bare=bare),
            branches=lambda: forms.count_branches(
                phrase_source(connection_words), phrase_branches(connection_words), bare=bare
            ),
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
