"""The regex forms of the LION token and of a bragged count: source, branches, width, anchors.

Each form is written once as constant pieces around the escaped token or the connection-words
phrase list; :mod:`invitecore_lion.patterns` turns them into categories. ``*_source`` is the
reference regex, ``*_branches`` the same as literal-first branches of an ordered alternation
(see :func:`~invitecore_lion.phrases.literal_first`), ``*_width`` the most characters a match
spans, assembled from the pieces rather than parsed from the source (a cold start builds few
sources).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from invitecore_lion.phrases import NEVER, literal_first, max_width

__all__ = [
    "count_branches", "count_source", "count_width", "token_anchors", "token_caps",
    "token_caps_branches", "token_caps_width", "token_free", "token_free_branches",
    "token_free_width",
]

# A count as people brag with it: "6,500+", "30K+", "1.5k+". The "+" is what makes it a brag
# rather than a fact; detect.parse_count turns the text into a number.
_BRAG = r"\d[\d,.]{0,12}\s?k?\+"
_BRAG_TAIL = r"[\d,.]{0,12}\s?k?\+"
# A count must not continue a word, a price or another number. Written as a look-behind after
# the first digit rather than before it, so the engine only tests it where a digit is.
_FIRST_DIGIT = r"\d(?<![\w$€£¥.,]\d)"

# The LION token's forms, as the pattern before the token and the one after it (the token
# itself is escaped text, as wide as it is long). The networking form ends in the
# networking-words phrase list, so it is assembled in token_free.
_TOKEN_TAIL = r"(?:[\s\-–:|,]{0,3}(?:\d[\d,.]{0,12}\s?k?\+?|member|(?:open\s?)?networker))?"
_OPENING = "[({"  # the brackets a bracketed token opens with, and what may follow them
_OPENING_GAP = r"\s{0,2}"
_BRACKETED = (r"[\[({]" + _OPENING_GAP, r"s?" + _TOKEN_TAIL + r"[\s®]{0,2}(?:tm)?[\])}]")  # [LION]
_COUNTED = (r"\b", r"s?[\s\-–:|]{0,3}" + _BRAG)  # Lion 6,500+
_BEFORE_NETWORKING = (r"\b", r"s?[\s\-–:|]{0,3}")  # Lion networker
_DOTTED = (r"(?<!\w)", r"(?:\.|(?!\w))")  # L.I.O.N.
_CAPS = (r"\b", r"s?(?!\w)")  # LION, LIONs: checked for capitals

# A bragged count's forms, around the connection-words phrase list.
_COUNT_THEN_WORDS = _FIRST_DIGIT + _BRAG_TAIL + r"\s{0,2}"  # 30K+ contacts
_WORDS_THEN_COUNT = r"\s{0,2}[:\-–]?\s{0,2}(?:of\s{1,2})?" + _BRAG  # network of 30K+
_COUNT_OPENING = "[("  # the brackets a bracketed count opens with
_BRACKETED_COUNT_TAIL = r"\s?" + _BRAG + r"\s?[\])]"
_BRACKETED_COUNT = r"[\[(]" + _BRACKETED_COUNT_TAIL  # [12,000+]
# In a name nothing else explains a number, so "Dana Reyes 30K+" is a brag by itself, unless a
# word follows and says what it counts ("1,000+ customers").
_BARE_COUNT = _FIRST_DIGIT + _BRAG_TAIL + r"(?!\s{0,3}[^\W\d_])"


@functools.cache
def _fixed_width(source: str) -> int:
    """The width of one of the constant pieces above (a few, each parsed once per process)."""
    return max_width(source)


def _tokens(tokens: Sequence[str]) -> list[str]:
    """The LION tokens, case-free, longest first."""
    return sorted({t.strip().lower() for t in tokens if t.strip()}, key=len, reverse=True)


def _dotted(token: str) -> str:
    return r"\.".join(re.escape(c) for c in token)


def token_free(tokens: Sequence[str], networking: str) -> str:
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


def token_free_branches(tokens: Sequence[str], networking: str) -> list[str]:
    """:func:`token_free` as literal-first branches (see :attr:`Category.branches`)."""
    branches = []
    for token in _tokens(tokens):
        word = re.escape(token)
        first = re.escape(token[0])
        # [\[({]X is \[X|\(X|\{X: one bracket is consumed either way.
        branches += [re.escape(b) + _OPENING_GAP + word + _BRACKETED[1] for b in _OPENING]
        branches += [
            literal_first(_COUNTED[0], first, word + _COUNTED[1]),
            literal_first(
                _BEFORE_NETWORKING[0], first,
                word + _BEFORE_NETWORKING[1] + "(?:" + networking + ")",
            ),
            literal_first(_DOTTED[0], first, _dotted(token) + _DOTTED[1]),
        ]
    return branches or [NEVER]


def token_free_width(tokens: Sequence[str], networking: int) -> int:
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


def token_caps(tokens: Sequence[str]) -> str:
    """The LION token as a whole word (its capitals are checked on the original text)."""
    return "|".join(_CAPS[0] + re.escape(t) + _CAPS[1] for t in _tokens(tokens)) or NEVER


def token_caps_branches(tokens: Sequence[str]) -> list[str]:
    """:func:`token_caps` as literal-first branches (see :attr:`Category.branches`)."""
    return [
        literal_first(_CAPS[0], re.escape(t[0]), re.escape(t) + _CAPS[1]) for t in _tokens(tokens)
    ] or [NEVER]


def token_caps_width(tokens: Sequence[str]) -> int:
    return max((len(t) + _fixed_width(_CAPS[1]) for t in _tokens(tokens)), default=1)


def token_anchors(tokens: Sequence[str]) -> tuple[str, ...]:
    return tuple(a for token in _tokens(tokens) for a in (token, ".".join(token)))


def count_source(connection_words: str, *, bare: bool) -> str:
    forms = [
        _COUNT_THEN_WORDS + r"(?:" + connection_words + ")",
        r"(?:" + connection_words + ")" + _WORDS_THEN_COUNT,
        _BRACKETED_COUNT,
    ]
    if bare:
        forms.append(_BARE_COUNT)
    return "|".join(forms)


def count_branches(connection_words: str, words: Sequence[str], *, bare: bool) -> list[str]:
    """:func:`count_source` as branches (see :attr:`Category.branches`), given the source and
    the branches of the connection words. The forms starting with a digit (any Unicode digit)
    cannot start with a literal."""
    forms = [_COUNT_THEN_WORDS + r"(?:" + connection_words + ")"]
    forms += [branch + _WORDS_THEN_COUNT for branch in words]  # (?:a|b)X is aX|bX
    forms += [re.escape(b) + _BRACKETED_COUNT_TAIL for b in _COUNT_OPENING]
    if bare:
        forms.append(_BARE_COUNT)
    return forms


def count_width(connection_words: int, *, bare: bool) -> int:
    return max(
        _fixed_width(_COUNT_THEN_WORDS) + connection_words,
        connection_words + _fixed_width(_WORDS_THEN_COUNT),
        _fixed_width(_BRACKETED_COUNT),
        _fixed_width(_BARE_COUNT) if bare else 0,
    )
