"""Finding the evidence in one profile: which rule, in which field, at which characters.

The detector searches the folded form of each field (NFKC, lower-case: ``ＬＩＯＮ`` and
``𝐋𝐈𝐎𝐍`` are LION) and reports spans in the original text. It returns :class:`Evidence`;
turning evidence into weighted signals is the plugin's job.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from invitecore import Profile
from invitecore_lion import rules
from invitecore_lion.normalize import FoldedText, fold, nfkc
from invitecore_lion.patterns import Category, Patterns, patterns_for
from invitecore_lion.windows import SHORT_FIELD, Windows, windows

__all__ = ["Evidence", "find_evidence", "parse_count", "scan_field"]

_OPEN_TEXT_CODES = frozenset(
    {rules.LION_TOKEN, rules.OPEN_NETWORKER_PHRASE, rules.ACCEPT_ALL_PHRASE, rules.LINK_FAMILY}
)


class Evidence:
    """One piece of evidence: rule code, field, original span and text, extracted value.

    A plain slotted class rather than an attrs one or a NamedTuple: defining either costs a
    tenth of a millisecond or more at import, and the CLI imports this on every run. Evidence
    never crosses a hook (the plugin turns it into signals).
    """

    __slots__ = ("code", "field", "span", "text", "value")

    def __init__(
        self,
        *,
        code: str,
        field: str,
        span: tuple[int, int] | None = None,
        text: str = "",
        value: str | None = None,
    ) -> None:
        self.code = code
        self.field = field
        self.span = span
        self.text = text
        self.value = value

    def __repr__(self) -> str:
        return (
            f"Evidence(code={self.code!r}, field={self.field!r}, span={self.span!r}, "
            f"text={self.text!r}, value={self.value!r})"
        )


@functools.lru_cache(maxsize=1)
def _number() -> re.Pattern[str]:
    # Compiled on first use rather than at import: most runs see no bragged count.
    return re.compile(r"\d[\d,.]*(?:\s?k)?", re.IGNORECASE)


def parse_count(text: str) -> int | None:
    """The number in a bragged count: ``"6,500+"`` -> 6500, ``"30K+"`` -> 30000.

    Commas and dots are thousands separators unless a ``K`` follows, where they are decimal
    points (``"1.5K"`` and ``"1,5K"`` -> 1500). None when the text holds no readable number.
    """
    found = _number().search(text)
    if found is None:
        return None
    number = found.group().replace(" ", "")
    if number[-1] in "kK":
        digits = number[:-1].replace(",", ".").strip(".")
        if digits.count(".") > 1:
            return None
        return int(float(digits) * 1000)
    return int(number.replace(",", "").replace(".", ""))


def _field_kind(field: str) -> str:
    if field.startswith("groups["):
        return "group"
    return "name" if field == "name" else "text"


def scan_field(
    field: str,
    text: str,
    settings: Mapping[str, Any],
    *,
    folded: FoldedText | None = None,
    anchors: frozenset[str] | None = None,
) -> Iterator[Evidence]:
    """Evidence in one text field (``name``, ``headline``, ``about`` or ``groups[i]``).

    ``folded`` and ``anchors`` (the anchors known to occur somewhere in the profile) let
    :func:`find_evidence` share work between fields; alone, the field is folded and searched
    for every anchor.
    """
    patterns = patterns_for(settings)
    kind = _field_kind(field)
    folded = folded or fold(text)
    present = patterns.present(folded.folded, anchors) if anchors != frozenset() else anchors
    mask = patterns.categories_for(kind, present)
    if mask:
        where = _windows(folded.folded, kind, present, patterns)
        pattern = patterns.pattern_for(kind, mask, friends=where.friends)
        yield from _scan_pattern(field, folded, pattern, where.spans, kind, patterns, settings)
    if kind != "group" and not text.isascii():
        emojis = [e for e in patterns.emojis if e in folded.folded]
        if emojis:
            yield from _scan_emoji(field, folded, emojis, patterns, settings)


def _windows(text: str, kind: str, present: frozenset[str], patterns: Patterns) -> Windows:
    """Where to search ``text`` for the ``present`` anchors (at least one of ``kind``'s)."""
    if len(text) <= SHORT_FIELD:
        # What windows() returns for a short field holding one of the kind's anchors, without
        # the widths: a short field is searched whole, and on a cold start (often a single
        # profile with short fields) this saves measuring every category.
        return Windows([(0, len(text))], friends=any(a in text for a in patterns.friend_anchors))
    widths = patterns.widths[kind]
    return windows(text, [a for a in present if a in widths], patterns.friend_anchors, widths)


def _scan_pattern(
    field: str,
    folded: FoldedText,
    pattern: re.Pattern[str],
    where: list[tuple[int, int]],
    kind: str,
    patterns: Patterns,
    settings: Mapping[str, Any],
) -> Iterator[Evidence]:
    text = folded.folded
    window = int(settings["negation-window"])
    minimum = int(settings["bragging-min-count"])
    matches = (m for low, high in where for m in pattern.finditer(text, low, high))
    for match in matches:
        category = patterns.category(kind, match.lastgroup or "")
        start, end = match.span()
        if category.code is None or start == end:
            continue  # a false friend: it hid whatever it covered, and says nothing itself
        span = folded.original_span(start, end)
        original = folded.original[span[0] : span[1]]
        if category.caps and not _capitals_ok(original, match.group(), category.name, patterns):
            continue
        value = None
        if category.code == rules.COUNT_BRAGGING:
            count = parse_count(match.group())
            if count is None or count < minimum:
                continue  # "500+" is LinkedIn's display cap, not a brag
            value = str(count)
        elif category.code in _OPEN_TEXT_CODES and _negated(text, start, patterns, window):
            continue
        yield Evidence(code=category.code, field=field, span=span, text=original, value=value)


def _capitals_ok(original: str, matched: str, category: str, patterns: Patterns) -> bool:
    """True unless the match holds a LION token written in anything but capitals."""
    written = nfkc(original)
    if category.endswith("caps"):
        return any(written in (token, token + "s") for token in patterns.tokens)
    for token, word in patterns.token_words:
        if token not in written and word.search(matched):
            return False
    return True


def _negated(text: str, start: int, patterns: Patterns, window: int) -> bool:
    """True when one of the ``window`` words just before ``start`` is a negation."""
    if window <= 0 or not patterns.negations:
        return False
    # Words are short: 20 characters per word is plenty, and keeps the look-back bounded.
    before = patterns.words.findall(text, max(0, start - 20 * window), start)
    return any(w.replace("\u2019", "'") in patterns.negations for w in before[-window:])


def _scan_emoji(
    field: str,
    folded: FoldedText,
    emojis: list[str],
    patterns: Patterns,
    settings: Mapping[str, Any],
) -> Iterator[Evidence]:
    """The first lion emoji next to a networking word (LIO108), else the first one (LIO110).

    An emoji next to a false friend ("🦁 Detroit Lions") is a team mascot, not evidence.
    """
    text = folded.folded
    reach = int(settings["emoji-window"])
    emoji_spans = sorted(_occurrences(text, emojis))
    # One pass per pattern over the windows near the emoji, then a binary search per emoji:
    # linear in the field's length however many emoji it holds.
    words = _spans_near(text, patterns.networking, patterns.networking_pattern, emoji_spans, reach)
    friends = _spans_near(
        text, patterns.false_friend, patterns.false_friend_pattern, emoji_spans, reach
    )
    first_alone: tuple[int, int] | None = None
    for position, end in emoji_spans:
        if _overlaps(friends, position - reach, end + reach):
            continue
        near = _nearest(words, position, end, reach)
        if near is not None:
            span = folded.original_span(min(position, near[0]), max(end, near[1]))
            yield Evidence(
                code=rules.EMOJI_WITH_NETWORKING, field=field, span=span,
                text=folded.original[span[0] : span[1]],
            )
            return
        if first_alone is None:
            first_alone = (position, end)
    if first_alone is not None:
        span = folded.original_span(*first_alone)
        yield Evidence(
            code=rules.EMOJI_ALONE, field=field, span=span,
            text=folded.original[span[0] : span[1]],
        )


def _spans_near(
    text: str,
    category: Category,
    pattern: re.Pattern[str],
    near: list[tuple[int, int]],
    reach: int,
) -> list[tuple[int, int]]:
    """The spans of ``pattern``'s matches (as a whole-field search finds them) that could be
    within ``reach`` characters of one of the sorted spans ``near``.

    Only the anchor windows (see :mod:`invitecore_lion.windows`) that come within ``reach`` of a
    span in ``near`` are searched; the others hold no match close enough to matter.
    """
    widths = dict.fromkeys(category.anchors, category.width)
    found: list[tuple[int, int]] = []
    index = 0
    for low, high in windows(text, category.anchors, (), widths).spans:
        # ``near`` and the windows are both sorted: skip the spans that end too far before.
        while index < len(near) and near[index][1] + reach < low:
            index += 1
        if index < len(near) and near[index][0] - reach <= high:
            found.extend(m.span() for m in pattern.finditer(text, low, high))
    return found


def _occurrences(text: str, needles: list[str]) -> Iterator[tuple[int, int]]:
    for needle in needles:
        position = text.find(needle)
        while position >= 0:
            yield position, position + len(needle)
            position = text.find(needle, position + len(needle))


def _overlaps(spans: list[tuple[int, int]], low: int, high: int) -> bool:
    """True when one of the sorted, non-overlapping ``spans`` overlaps ``[low, high)``."""
    index = bisect.bisect_left(spans, (low, low))
    # The span starting just before ``low`` may still reach into the window.
    if index > 0 and spans[index - 1][1] > low:
        return True
    return index < len(spans) and spans[index][0] < high


def _nearest(
    spans: list[tuple[int, int]], start: int, end: int, reach: int
) -> tuple[int, int] | None:
    """The span of sorted ``spans`` nearest to ``start:end``, if within ``reach`` characters."""
    index = bisect.bisect_left(spans, (start, start))
    candidates = []
    if index > 0 and start - spans[index - 1][1] <= reach:
        candidates.append((start - spans[index - 1][1], spans[index - 1]))
    if index < len(spans) and spans[index][0] - end <= reach:
        candidates.append((spans[index][0] - end, spans[index]))
    return min(candidates)[1] if candidates else None


def find_evidence(profile: Profile, settings: Mapping[str, Any]) -> Iterator[Evidence]:
    """All evidence in ``profile``, field by field (name, headline, about, groups, then flags)."""
    patterns = patterns_for(settings)
    fields = [(field, text, fold(text)) for field, text in profile.text_fields()]
    # One look for the anchors over the whole profile: most profiles have none, and then no
    # field is searched with a regex at all.
    anchors = patterns.present("\n".join(folded.folded for _, _, folded in fields))
    for field, text, folded in fields:
        if anchors or not text.isascii():  # else neither a pattern nor an emoji can match
            yield from scan_field(field, text, settings, folded=folded, anchors=anchors)
    if profile.open_link:
        yield Evidence(code=rules.OPEN_LINK, field="open_link", value="true")
    connections = profile.connections
    if connections is not None and connections >= int(settings["large-network-min"]):
        yield Evidence(code=rules.LARGE_NETWORK, field="connections", value=str(connections))
    year = profile.member_since
    if year is not None and settings["early-member-from"] <= year <= settings["early-member-until"]:
        yield Evidence(code=rules.EARLY_MEMBER, field="member_since", value=str(year))
