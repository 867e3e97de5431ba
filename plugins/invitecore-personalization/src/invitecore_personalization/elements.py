"""Detect the parts of a note: greeting, how met / how found, why, benefit, and what must not be
there (stock phrases, pitches, favours, links, placeholders, group claims).

Every detector returns a span into the note (``note[start:end]`` is the evidence) or None. The
cheap checks that decide whether a costlier scan can find anything at all (``"://" in note``)
keep a typical 300-character note in the low tens of microseconds.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import NamedTuple

import attrs

from invitecore import Profile, Relationship
from invitecore_personalization.greeting import (
    Question,
    Salutation,
    names_recipient,
    read_opening,
    salutation_for,
)
from invitecore_personalization.groups import GroupClaim, find_claims, mentions_group
from invitecore_personalization.lexicon import Cues, fold_text
from invitecore_personalization.names import RecipientNames
from invitecore_personalization.patterns import Compiled
from invitecore_personalization.templates import (
    TemplateMatch,
    could_match,
    could_match_any,
    match_template,
    strip_signature,
    word_keys,
)

__all__ = [
    "Elements", "Link", "NoteFacts", "addresses", "benefit", "default_text", "detect",
    "group_claims", "how_known", "note_facts", "reason",
]

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
        """Evidence that the note says how the two know each other (see :func:`how_known`)."""
        return how_known(self.cues, self.claims, relationship)

    def reason(self) -> Span | None:
        """Evidence of a reason to connect (see :func:`reason`)."""
        return reason(self.cues)

    def benefit(self) -> Span | None:
        """Evidence of something in it for the recipient (see :func:`benefit`)."""
        return benefit(self.cues)


def how_known(
    cues: Cues, claims: tuple[GroupClaim, ...], relationship: Relationship
) -> Span | None:
    """Evidence that the note says how the two know each other (or how a stranger was found).

    A named group counts for every relationship; where a post, talk or mutual contact led
    the sender counts only for strangers: it does not remind a colleague how you met.
    """
    for tag in ("met", "found") if relationship.is_stranger else ("met",):
        span = cues.get(tag)
        if span is not None:
            return span
    if claims:
        return claims[0].span
    return None


def reason(cues: Cues) -> Span | None:
    """Evidence of a reason to connect (a why cue, or common ground)."""
    return cues.get("why") or cues.get("shared")


def benefit(cues: Cues) -> Span | None:
    """Evidence of something in it for the recipient (an offer, or common ground)."""
    return cues.get("benefit") or cues.get("shared")


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


class NoteFacts(NamedTuple):
    """What can be known about a note from its text alone, whoever it is sent to.

    A batch sends one template to many people, so the same note recurs whenever a first name
    does: :class:`~invitecore_personalization.checks.NoteChecker` keeps these per note text.
    The cues every case asks for (a reason, a benefit, "met", pitches and favours) are
    searched for here; ``cues`` answers the rest ("found", stock phrases) when first asked,
    from the note alone, so its answers never depend on the order they are asked in.

    Kept in as few objects as possible (this tuple, the assumed salutation and the cues): every
    object a cache keeps alive adds to the garbage collector's work.

    :param assumed: the salutation for a recipient whose names answer every question in
        ``asked`` "no" (see :func:`~invitecore_personalization.greeting.salutation_for`).
    :param reason: :func:`reason` (None when the note gives none).
    :param benefit: :func:`benefit`.
    :param met: the first "met" cue.
    :param pitch: the first sales-pitch cue.
    :param favour: the first ask for a favour.
    :param word_count: ``len(note.split())``.
    :param default_words: the words after ``assumed`` (:func:`~.templates.word_keys`), which
        a recipient's, sender's or group's name may turn into a slot; None when no default
        text can be found there, whatever the names (:func:`default_text`).
    """

    note: str
    folded: str
    assumed: Salutation | None
    asked: tuple[Question, ...]
    cues: Cues
    reason: Span | None
    benefit: Span | None
    met: Span | None
    pitch: Span | None
    favour: Span | None
    placeholders: tuple[Span, ...]
    links: tuple[Link, ...]
    claims: tuple[GroupClaim, ...]
    word_count: int
    default_words: frozenset[str] | None


def note_facts(note: str, compiled: Compiled) -> NoteFacts:
    """Everything about ``note`` that does not depend on the profile or the sender."""
    folded = fold_text(note)
    assumed, asked = read_opening(note, folded, compiled)
    cues = compiled.cues.cues(folded)
    claims: tuple[GroupClaim, ...] = ()
    if "group" in folded or "member" in folded or "forum" in folded:
        claims = find_claims(note, folded)
    word_count = len(note.split())
    after = note[assumed.span[1]:] if assumed is not None else note
    words: frozenset[str] | None = None
    # The word count first: a note too long to be a default text needs no word sets. Then the
    # words after the salutation against every default text, with a name and a group slot
    # assumed: when too few are shared, no name can make a default text match.
    if word_count <= compiled.note_word_limit and could_match_any(
        after, compiled.templates, compiled.coverage
    ):
        words = word_keys(after)
    return NoteFacts(
        note,
        folded,
        assumed,
        asked,
        cues,
        reason(cues),
        benefit(cues),
        cues.get("met"),
        cues.get("pitch"),
        cues.get("favour"),
        _placeholders(note, folded, compiled),
        _links(folded, compiled),
        claims,
        word_count,
        words,
    )


def default_text(
    note: str,
    word_count: int,
    start: int,
    name_keys: Collection[str],
    group_keys: Collection[str],
    compiled: Compiled,
) -> TemplateMatch | None:
    """The default text ``note`` is built around, its salutation ending at ``start`` (PER102).

    :param word_count: ``len(note.split())``.
    :param name_keys: lower-case words of the recipient's and sender's names.
    :param group_keys: lower-case words of the profile's groups.
    """
    # Matched words never exceed the default text's, so a long note cannot be built around
    # one: two cheap word counts spare almost every real note the comparison.
    if word_count > compiled.note_word_limit:
        return None
    after = note[start:]
    # When the words after the salutation are few enough whatever the signature, a cheap test
    # on them comes first: they include the body's (a signature starts at a word boundary), so
    # when they share too few words with every default text, so does the body, and most notes
    # stop here, before the signature search. Longer notes need that search first: only a
    # signature could bring them under the limit.
    if len(after.split()) <= compiled.template_word_limit and not could_match(
        after, name_keys, group_keys, compiled.templates, compiled.coverage
    ):
        return None
    end = max(start, strip_signature(note, compiled.signature))
    if len(note[start:end].split()) > compiled.template_word_limit:
        return None
    return match_template(
        note, (start, end), name_keys, group_keys, compiled.templates, compiled.coverage
    )


def group_claims(
    facts: NoteFacts, profile: Profile
) -> tuple[tuple[GroupClaim, ...], str | None]:
    """The note's group claims, and the profile group the note names (if any)."""
    claims = facts.claims
    shared_group = None
    if profile.groups:
        mention = mentions_group(facts.folded, profile.groups)
        if mention is not None:
            shared_group = mention.name
            if not claims:
                # A listed group named without "group"/"member" around it ("we're both in
                # the Computational Biology Forum") is a claim too.
                claims = (mention,)
    return claims, shared_group


def addresses(facts: NoteFacts, salutation: Salutation | None, names: RecipientNames) -> bool:
    """True when the note greets the recipient by name, or uses their first name anywhere."""
    return (salutation is not None and salutation.has_name) or names_recipient(
        facts.folded, names
    )


def detect(
    note: str,
    profile: Profile,
    names: RecipientNames,
    compiled: Compiled,
    facts: NoteFacts | None = None,
) -> Elements:
    """Everything :mod:`invitecore_personalization.checks` needs to know about ``note``.

    :param facts: :func:`note_facts` of ``note``, when the caller has them.
    """
    if facts is None:
        facts = note_facts(note, compiled)
    salutation = salutation_for(facts, names, compiled)
    claims, shared_group = group_claims(facts, profile)
    return Elements(
        salutation=salutation,
        addressed=addresses(facts, salutation, names),
        cues=facts.cues,
        placeholders=facts.placeholders,
        links=facts.links,
        claims=claims,
        shared_group=shared_group,
    )
