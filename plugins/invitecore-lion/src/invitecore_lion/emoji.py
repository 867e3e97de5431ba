"""The lion emoji in a field: next to a networking word (LIO108), or alone (LIO110)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from invitecore_lion import rules
from invitecore_lion.normalize import FoldedText
from invitecore_lion.patterns import Category, Patterns
from invitecore_lion.windows import windows

__all__ = ["scan_emoji"]


def scan_emoji(
    folded: FoldedText,
    emojis: list[str],
    patterns: Patterns,
    reach: int,
) -> tuple[str, tuple[int, int], str, None] | None:
    """The first lion emoji next to a networking word (LIO108), else the first one (LIO110).

    An emoji next to a false friend ("🦁 Detroit Lions") is a team mascot, not evidence; a
    networking word counts within ``reach`` characters of the emoji.
    """
    text = folded.folded
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
            return (rules.EMOJI_WITH_NETWORKING, span, folded.original[span[0] : span[1]], None)
        if first_alone is None:
            first_alone = (position, end)
    if first_alone is None:
        return None
    span = folded.original_span(*first_alone)
    return (rules.EMOJI_ALONE, span, folded.original[span[0] : span[1]], None)


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
