"""Group claims in a note ("we're both in the PyData Warsaw group") and the profile's groups.

A claim names a group with capitalised words next to "group", "member(s) of" or "fellow ...
member". It agrees with the profile when it shares most significant words with one of the
groups the profile lists (docs/sources.md section 6: a claim the profile contradicts backfires).
"""

from __future__ import annotations

import functools
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
_MEMBER_OF = r"[Mm]embers?[ \t]+of[ \t]+(?:the[ \t]+)?(?P<of>" + _NAME + r")"
_BEFORE_GROUP = r"(?P<before>" + _NAME + r")[ \t]+[Gg]roup(?!\w)"
_FELLOW_MEMBER = r"[Ff]ellow[ \t]+(?P<fellow>" + _NAME + r")[ \t]+members?(?!\w)"

# The claim patterns are compiled when a note first names a group or a member (about 2.5 ms
# for the three, which every run's import would otherwise pay though most notes need none).


@functools.cache
def _claim(member: bool, group: bool) -> re.Pattern[str]:
    # Only the branches that can match: a note lacking "group" (or "member") gets none of its
    # branches, which would never match, and the "<Name> group" branch, which starts with any
    # capital letter, is the costly one to try at every position.
    if member and group:
        return re.compile(f"{_MEMBER_OF}|{_BEFORE_GROUP}|{_FELLOW_MEMBER}")
    if member:
        return re.compile(f"{_MEMBER_OF}|{_FELLOW_MEMBER}")
    return re.compile(_BEFORE_GROUP)


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


def find_claims(note: str, folded: str | None = None) -> tuple[GroupClaim, ...]:
    """Every group the note names with a capitalised name.

    :param folded: the note in lower case, when the caller has it.
    """
    lowered = note.lower() if folded is None else folded
    member, group = "member" in lowered, "group" in lowered
    if not member and not group:
        return ()
    pattern = _claim(member, group)
    claims = []
    for match in pattern.finditer(note):
        # Each branch has one named group and the name pattern none, so the last group
        # matched is the branch's.
        start, end = match.span(match.lastgroup or 0)
        article = _LEADING_ARTICLE.match(note, start, end)
        if article is not None:
            start = article.end()
        if start < end:
            claims.append(GroupClaim(name=note[start:end], span=(start, end)))
    return tuple(claims)


def _significant(name: str) -> frozenset[str]:
    if name.isascii():
        # fold_name() of an ASCII word without dots is its lower case: one lower() and a set
        # difference in C instead of a call per word.
        return frozenset(_WORD.findall(name.lower())) - _INSIGNIFICANT
    return frozenset(
        word for word in (fold_name(w) for w in _WORD.findall(name)) if word not in _INSIGNIFICANT
    )


def matching_group(claim: str, groups: Sequence[str]) -> str | None:
    """The profile group ``claim`` refers to, or None when the profile lists no such group."""
    claimed = _significant(claim)
    if not claimed:
        return None
    for group in groups:
        # Only a group name with a "(" can have an aside to drop.
        listed = (_significant(_ASIDE.sub(" ", group)) if "(" in group else None) or (
            _significant(group)
        )
        if not listed:
            continue
        shared = len(claimed & listed)
        if claimed <= listed or listed <= claimed or shared / len(claimed | listed) >= _AGREEMENT:
            return group
    return None


def mentions_group(folded: str, groups: Sequence[str]) -> GroupClaim | None:
    """The first profile group whose name (without asides) appears in the folded note."""
    for group in groups:
        core = (_ASIDE.sub(" ", group) if "(" in group else group).strip().lower()
        start = folded.find(core) if core else -1
        if start >= 0:
            return GroupClaim(name=group, span=(start, start + len(core)))
    return None
