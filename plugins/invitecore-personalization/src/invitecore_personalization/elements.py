"""Detect the parts of a note: greeting, how met / how found, why, benefit, and what must not be
there (stock phrases, pitches, favours, links, placeholders, group claims).

Every detector returns a span into the note (``note[start:end]`` is the evidence) or None. The
cheap checks that decide whether a costlier scan can find anything at all (``"://" in note``)
keep a typical 300-character note in the low tens of microseconds.
"""

from __future__ import annotations

import re

import attrs

from invitecore import Profile, Relationship
from invitecore_personalization.greeting import Salutation, find_salutation, names_recipient
from invitecore_personalization.groups import GroupClaim, find_claims, mentions_group
from invitecore_personalization.lexicon import Cues, fold_text
from invitecore_personalization.names import RecipientNames
from invitecore_personalization.patterns import Compiled

__all__ = ["Elements", "Link", "detect"]

Span = tuple[int, int]

# "I saw your work at ." / "from ," : a template whose company or event came out empty.
# Same as r"(?<!\w)(?:at|from|with|in|on)[ \t]+..." with each look-behind moved after the
# letter it precedes: every branch then starts with a literal and the search skips to them.
_EMPTY_AFTER_WORD = re.compile(
    r"(?:a(?<!\wa)t|f(?<!\wf)rom|w(?<!\ww)ith|i(?<!\wi)n|o(?<!\wo)n)[ \t]+[,.!?;:](?=\s|$)"
)
# A blank before punctuation, found from the punctuation (rarer than blanks, so the search
# stops less often) and checked backwards: the same matches as r"[ \t][,.!?;:]", faster.
_EMPTY_HINT = re.compile(r"[,.!?;:](?<=[ \t].)")
_DOT_LETTER = re.compile(r"\.[a-z]")


@attrs.frozen(kw_only=True)
class Link:
    """A link in the note, and whether it points at a scheduling service."""

    span: Span
    calendar: bool


@attrs.frozen(kw_only=True)
class Elements:
    """What a note contains, each with the span of its first piece of evidence."""

    salutation: Salutation | None
    addressed: bool
    cues: Cues
    placeholders: tuple[Span, ...]
    links: tuple[Link, ...]
    claims: tuple[GroupClaim, ...]
    shared_group: str | None

    @property
    def greets_by_name(self) -> bool:
        """The greeting element: a salutation with a name, or the first name used anywhere."""
        return self.addressed

    def how_known(self, relationship: Relationship) -> Span | None:
        """Evidence that the note says how the two know each other (or how a stranger was found).

        A named group counts for every relationship; where a post, talk or mutual contact led
        the sender counts only for strangers: it does not remind a colleague how you met.
        """
        for tag in ("met", "found") if relationship.is_stranger else ("met",):
            span = self.cues.get(tag)
            if span is not None:
                return span
        if self.claims:
            return self.claims[0].span
        return None

    def reason(self) -> Span | None:
        """Evidence of a reason to connect (a why cue, or common ground)."""
        return self.cues.get("why") or self.cues.get("shared")

    def benefit(self) -> Span | None:
        """Evidence of something in it for the recipient (an offer, or common ground)."""
        return self.cues.get("benefit") or self.cues.get("shared")


def _placeholders(note: str, folded: str, compiled: Compiled) -> tuple[Span, ...]:
    spans: list[Span] = []
    # Cheap tests for the characters every placeholder needs spare most notes the scans. Seven
    # substring tests (memchr) cost a fifth of one character-class search: [{(#_%\[<].
    if (
        "{" in note or "(" in note or "#" in note or "_" in note
        or "%" in note or "[" in note or "<" in note
    ):
        spans.extend(m.span() for m in compiled.placeholders.finditer(note))
    if _EMPTY_HINT.search(note) is not None:
        spans.extend(m.span() for m in _EMPTY_AFTER_WORD.finditer(folded))
    return tuple(sorted(spans))


def _links(folded: str, compiled: Compiled) -> tuple[Link, ...]:
    if "://" not in folded and "www." not in folded and _DOT_LETTER.search(folded) is None:
        return ()
    return tuple(
        Link(span=m.span(), calendar=any(host in m.group() for host in compiled.calendar_hosts))
        for m in compiled.links.finditer(folded)
    )


def detect(
    note: str, profile: Profile, names: RecipientNames, compiled: Compiled
) -> Elements:
    """Everything :mod:`invitecore_personalization.checks` needs to know about ``note``."""
    folded = fold_text(note)
    salutation = find_salutation(note, folded, names, compiled)
    addressed = (salutation is not None and salutation.has_name) or names_recipient(folded, names)
    claims: tuple[GroupClaim, ...] = ()
    shared_group = None
    if "group" in folded or "member" in folded or "forum" in folded:
        claims = find_claims(note, folded)
    if profile.groups:
        mention = mentions_group(folded, profile.groups)
        if mention is not None:
            shared_group = mention.name
            if not claims:
                # A listed group named without "group"/"member" around it ("we're both in
                # the Computational Biology Forum") is a claim too.
                claims = (mention,)
    return Elements(
        salutation=salutation,
        addressed=addressed,
        cues=compiled.cues.cues(folded),
        placeholders=_placeholders(note, folded, compiled),
        links=_links(folded, compiled),
        claims=claims,
        shared_group=shared_group,
    )
