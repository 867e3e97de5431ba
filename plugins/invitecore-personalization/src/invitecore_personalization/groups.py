"""Group claims in a note ("we're both in the PyData Warsaw group") and the profile's groups.

A claim names a group with capitalised words next to "group", "member(s) of" or "fellow ...
member". It agrees with the profile when it shares most significant words with one of the
groups the profile lists (domain.md section 6: a claim the profile contradicts backfires).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from invitecore_personalization.names import fold_name

__all__ = ["GroupClaim", "find_claims", "matching_group", "mentions_group"]

# Capitalised words, joined by a few lower-case connectors ("Women in Data Science"). Every
# repetition is bounded, so a scan stays linear.
_CAPITAL_WORD = r"[A-Z0-9][\w&'’.+-]{0,40}"
_NAME = (
    _CAPITAL_WORD
    + r"(?:[ \t]+(?:(?:in|of|for|and|the|&|de|on|to)[ \t]+)?"
    + _CAPITAL_WORD
    + r"){0,6}"
)
_CLAIM = re.compile(
    r"[Mm]embers?[ \t]+of[ \t]+(?:the[ \t]+)?(?P<of>" + _NAME + r")"
    r"|(?P<before>" + _NAME + r")[ \t]+[Gg]roup(?!\w)"
    r"|[Ff]ellow[ \t]+(?P<fellow>" + _NAME + r")[ \t]+members?(?!\w)"
)
_WORD = re.compile(r"[\w&+]+")
_LEADING_ARTICLE = re.compile(r"(?:The|A|An)[ \t]+")
_INSIGNIFICANT = frozenset(
    {"the", "of", "in", "and", "for", "on", "to", "a", "an", "de", "group", "groups", "&"}
)
_ASIDE = re.compile(r"\([^()]{0,200}\)")
_AGREEMENT = 0.5


@attrs.frozen(kw_only=True)
class GroupClaim:
    """A group a note names, and where (offsets into the note)."""

    name: str
    span: tuple[int, int]


def find_claims(note: str) -> tuple[GroupClaim, ...]:
    """Every group the note names with a capitalised name."""
    claims = []
    for match in _CLAIM.finditer(note):
        group = next(g for g in ("of", "before", "fellow") if match[g] is not None)
        start, end = match.span(group)
        article = _LEADING_ARTICLE.match(note, start, end)
        if article is not None:
            start = article.end()
        if start < end:
            claims.append(GroupClaim(name=note[start:end], span=(start, end)))
    return tuple(claims)


def _significant(name: str) -> frozenset[str]:
    return frozenset(
        word for word in (fold_name(w) for w in _WORD.findall(name)) if word not in _INSIGNIFICANT
    )


def matching_group(claim: str, groups: Sequence[str]) -> str | None:
    """The profile group ``claim`` refers to, or None when the profile lists no such group."""
    claimed = _significant(claim)
    if not claimed:
        return None
    for group in groups:
        listed = _significant(_ASIDE.sub(" ", group)) or _significant(group)
        if not listed:
            continue
        shared = len(claimed & listed)
        if claimed <= listed or listed <= claimed or shared / len(claimed | listed) >= _AGREEMENT:
            return group
    return None


def mentions_group(folded: str, groups: Sequence[str]) -> GroupClaim | None:
    """The first profile group whose name (without asides) appears in the folded note."""
    for group in groups:
        core = _ASIDE.sub(" ", group).strip().lower()
        start = folded.find(core) if core else -1
        if start >= 0:
            return GroupClaim(name=group, span=(start, start + len(core)))
    return None
