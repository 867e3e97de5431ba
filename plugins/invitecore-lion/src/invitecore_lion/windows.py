"""Which parts of a field a combined pattern needs to search: windows around the anchors.

Searching a whole field with a combined pattern costs about 40 ns per character, because the
engine tries every alternative at every position. A profile that merely says "connect" or
"20+" has an anchor, but the evidence, if any, can only be near it: every match of a category
contains one of its anchors and is at most ``width`` characters long. So only the windows
around anchor occurrences are searched, with ``pattern.finditer(text, start, end)``, and the
result is exactly that of a search over the whole field. Why:

1. Every match (of any category, false friends included) contains an occurrence ``p`` of one of
   its category's anchors and is at most ``width`` long, so it lies inside
   ``[p + len(anchor) - width, p + width)``. The window of an occurrence is that interval plus
   :data:`LOOKAHEAD` characters on the right, the farthest any assertion at the end of a match
   looks (``(?!\\s{0,3}[^\\W\\d_])`` after a bare count in a name).
2. Overlapping or touching windows are merged, so no match of the whole-field search straddles
   the start of a merged window: the whole-field search arrives at that position with no match
   in progress, exactly where the windowed search starts. Look-behinds and ``\\b`` see the text
   before ``start`` (``pos`` does not cut the string on the left).
3. ``endpos`` cuts the string on the right, which could turn a failing attempt into a match (a
   ``(?!\\w)`` at the cut). But any match found contains an anchor occurrence whose window, with
   its look-ahead margin, lies in the same merged window; so every match either search finds
   only ever looks at characters before ``end``, and both searches find the same ones.
4. Windows seeded only by false-friend anchors are dropped: a false friend is no evidence, and
   it is searched for only so that it can still swallow what it covers next to real evidence.
   When no false-friend anchor lies in the windows kept, no false friend can match there, and
   the caller may leave the false friends out of the pattern (one alternative fewer to try at
   every position).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["LOOKAHEAD", "SHORT_FIELD", "Windows", "windows"]

# The farthest a look-ahead at the end of a match reads past it: "(?!\s{0,3}[^\W\d_])" after a
# bare count reads 4 characters; "(?!\w)" and "\b" read one. tests/test_windows.py checks this
# against every category's pattern.
LOOKAHEAD = 4
# Fields up to this long (names, most headlines and groups) are searched whole: a window is
# already about twice the widest match, so it would cover them anyway. Chosen by measurement.
SHORT_FIELD = 120


class Windows:
    """The windows worth searching, and whether a false-friend anchor lies in one of them.

    A plain slotted class: defining a NamedTuple costs a tenth of a millisecond at import, and
    the CLI imports this on every run.
    """

    __slots__ = ("friends", "spans")

    def __init__(self, spans: list[tuple[int, int]], *, friends: bool) -> None:
        self.spans = spans
        self.friends = friends

    def __repr__(self) -> str:
        return f"Windows(spans={self.spans!r}, friends={self.friends!r})"


def windows(
    text: str,
    evidence_anchors: Iterable[str],
    friend_anchors: Iterable[str],
    width: Mapping[str, int],
) -> Windows:
    """The sorted, disjoint ``(start, end)`` windows of ``text`` worth searching.

    ``evidence_anchors`` are the anchors of the evidence categories being searched for,
    ``friend_anchors`` those of the false friends, and ``width[anchor]`` the longest match of
    any category with that anchor. Linear in the length of ``text`` (plus sorting the anchor
    occurrences).
    """
    if len(text) <= SHORT_FIELD:
        # Windows would cover all of a short field anyway; finding them costs more than it saves.
        if not any(anchor in text for anchor in evidence_anchors):
            return Windows([], friends=False)
        return Windows([(0, len(text))], friends=any(a in text for a in friend_anchors))
    seeds = _seeds(text, evidence_anchors, width, evidence=True)
    if not seeds:
        return Windows([], friends=False)  # nothing to search, whatever false friends there are
    seeds += _seeds(text, friend_anchors, width, evidence=False)
    seeds.sort()
    merged: list[tuple[int, int]] = []
    friends = False
    start, end, keep = seeds[0]
    has_friend = not keep
    for seed_start, seed_end, is_evidence in seeds[1:]:
        if seed_start > end:
            if keep:
                merged.append((start, min(end, len(text))))
                friends = friends or has_friend
            start, end, keep, has_friend = seed_start, seed_end, is_evidence, not is_evidence
        else:
            end = max(end, seed_end)
            keep = keep or is_evidence
            has_friend = has_friend or not is_evidence
    if keep:
        merged.append((start, min(end, len(text))))
        friends = friends or has_friend
    return Windows(merged, friends=friends)


def _seeds(
    text: str, anchors: Iterable[str], width: Mapping[str, int], *, evidence: bool
) -> list[tuple[int, int, bool]]:
    """The window of every occurrence of ``anchors``, marked as evidence or false friend."""
    seeds = []
    for anchor in anchors:
        reach = width[anchor]
        position = text.find(anchor)
        while position >= 0:
            start = max(0, position + len(anchor) - reach)
            seeds.append((start, position + reach + LOOKAHEAD, evidence))
            position = text.find(anchor, position + 1)
    return seeds
