"""The evidence in one field: which categories' patterns match, where, and what they say."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from invitecore_lion import rules
from invitecore_lion.emoji import scan_emoji
from invitecore_lion.normalize import FoldedText, nfkc
from invitecore_lion.patterns import CAPS_TOKEN
from invitecore_lion.plan import FieldEvidence, Plan
from invitecore_lion.windows import SHORT_FIELD, windows

__all__ = ["field_evidence", "parse_count"]

_OPEN_TEXT_CODES = frozenset(
    {rules.LION_TOKEN, rules.OPEN_NETWORKER_PHRASE, rules.ACCEPT_ALL_PHRASE, rules.LINK_FAMILY}
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


def field_evidence(
    plan: Plan, kind: str, text: str, folded: FoldedText, present: Sequence[str]
) -> FieldEvidence:
    """The first evidence of each rule code in one field of ``kind``, folded as ``folded``,
    given the anchors ``present`` in it (every one that occurs): the patterns', then a lion
    emoji's. A pure function of ``kind`` and ``text``, hence remembered (see detect._visit)."""
    evidence = _scan_pattern(plan, kind, folded, present)
    if kind != "group" and not text.isascii():
        patterns = plan.patterns
        emojis = [e for e in patterns.emojis if e in folded.folded]
        if emojis:
            emoji = scan_emoji(folded, emojis, patterns, plan.emoji_window)
            if emoji is not None and all(code != emoji[0] for code, *_ in evidence):
                evidence += (emoji,)
    return evidence


def _scan_pattern(
    plan: Plan, kind: str, folded: FoldedText, present: Sequence[str]
) -> FieldEvidence:
    """The first evidence of each rule code among the matches of the patterns of the
    categories with an anchor ``present`` in the field (every anchor of the plan that occurs in
    it), as ``(code, span, text, value)``."""
    patterns = plan.patterns
    mask = patterns.categories_for(kind, present)
    if not mask:
        return ()
    text = folded.folded
    where, friends = _where(plan, kind, text, present)
    search = patterns.search_for(kind, mask | friends)
    finditer = search.pattern.finditer
    groups = search.groups
    original = folded.original
    mapped = folded.starts is not None
    codes: set[str] = set()
    found = []
    for low, high in where:
        for match in finditer(text, low, high):
            code, check = groups[match.lastgroup or ""]
            if code is None or code in codes:
                continue  # a false friend (it hid whatever it covered), or not the first
            start, end = match.span()
            if start == end:
                continue
            span = folded.original_span(start, end) if mapped else (start, end)
            written = original[span[0] : span[1]]
            if check and not _capitals_ok(plan, written, match.group(), check):
                continue
            value = None
            if code == rules.COUNT_BRAGGING:
                count = parse_count(match.group())
                if count is None or count < plan.bragging_min:
                    continue  # "500+" is LinkedIn's display cap, not a brag
                value = str(count)
            elif code in _OPEN_TEXT_CODES and plan.negation_search is not None and (
                plan.negation_search(text[max(0, start - plan.negation_reach) : start])
            ):
                # One of the few words before the phrase negates it. (A slice: a word cut at
                # its start is a word, as when the rule was to split the text into words.)
                continue
            codes.add(code)
            found.append((code, span, written, value))
    return tuple(found)


def _where(
    plan: Plan, kind: str, text: str, present: Sequence[str]
) -> tuple[list[tuple[int, int]], int]:
    """The windows of ``text`` to search, and 1 when a false friend may match in them (else
    0): see :mod:`invitecore_lion.windows`."""
    if len(text) > SHORT_FIELD:
        widths = plan.patterns.widths[kind]
        evidence = [anchor for anchor in present if anchor in widths]
        found = windows(text, evidence, plan.patterns.friend_anchors, widths)
        return found.spans, int(found.friends)
    # What windows() returns for a short field holding one of the kind's anchors, without the
    # widths: a short field is searched whole, and on a cold start (often a single profile with
    # short fields) this saves measuring every category. A false-friend anchor that is also an
    # evidence anchor is in ``present`` if it is anywhere.
    for anchor in plan.shared_friend_anchors:
        if anchor in present:
            return [(0, len(text))], 1
    for anchor in plan.other_friend_anchors:
        if anchor in text:
            return [(0, len(text))], 1
    return [(0, len(text))], 0


def _capitals_ok(plan: Plan, original: str, matched: str, check: int) -> bool:
    """True unless the match holds a LION token written in anything but capitals."""
    written = nfkc(original)
    if check == CAPS_TOKEN:
        return written in plan.caps_forms
    for token, lowered, word in plan.token_words:
        # The substring test is what the whole-word search needs, and far cheaper.
        if token not in written and lowered in matched and word.search(matched):
            return False
    return True
