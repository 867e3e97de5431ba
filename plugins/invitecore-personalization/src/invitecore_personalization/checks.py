"""Turn what a note contains into findings, each with a suggestion built from the profile.

The work is split by what it depends on. :class:`NoteChecker` analyses each distinct note text
once (:class:`~invitecore_personalization.elements.NoteFacts`) and keeps the facts of recent
notes; :func:`check_note` then compares them with the recipient, the relationship and the
sender, for every case.
"""

from __future__ import annotations

import functools

from invitecore import Account, Finding, Invitation, Profile, Relationship, Sender
from invitecore_personalization.elements import (
    NoteFacts,
    Span,
    addresses,
    default_text,
    group_claims,
    note_facts,
)
from invitecore_personalization.greeting import Salutation, salutation_for
from invitecore_personalization.groups import GroupClaim, matching_group
from invitecore_personalization.names import RecipientNames, judge_greeting, recipient_names
from invitecore_personalization.patterns import Compiled
from invitecore_personalization.templates import TemplateMatch, word_keys

__all__ = ["MEMO_SIZE", "NOTE_CACHE_SIZE", "NoteChecker", "check_note"]

NOTE_CACHE_SIZE = 4096
"""Distinct note texts whose facts a :class:`NoteChecker` keeps (about 2 KB each: 8 MB).

Sized so a million-row run stays within 1.2x the memory of a ten-thousand-row one."""
MEMO_SIZE = 1024
"""Distinct arguments each memoised helper here keeps the result for (see ``_memoised``)."""

_FIELD = "note"
# How to remind a known person how you met, by relationship (domain.md section 5's form).
_MET_EXAMPLES = {
    Relationship.COLLEAGUE: "'We worked together at {company} on ...'",
    Relationship.CLASSMATE: "'We were in the same class at ...'",
    Relationship.BUSINESS: "'Thanks for the call about ... with {company}'",
    Relationship.FRIEND: "'It's {sender} from ...'",
    Relationship.GROUP: "'We're both in {group}'",
}


class _Context:
    """The facts suggestions are built from: the recipient's first name, company, groups.

    Only the first name is needed by almost every finding; the rest is read when asked for.
    """

    __slots__ = ("first", "profile", "sender_name")

    def __init__(self, profile: Profile, names: RecipientNames, sender: Sender) -> None:
        self.first = names.first or "them"
        self.profile = profile
        self.sender_name = sender.name

    @property
    def company(self) -> str:
        """Their company, or a stand-in."""
        return self.profile.company or "their company"

    @property
    def groups(self) -> tuple[str, ...]:
        """The groups their profile lists."""
        return self.profile.groups

    @property
    def group(self) -> str:
        """The first group their profile lists, or a stand-in."""
        groups = self.profile.groups
        return groups[0] if groups else "the group you share"

    @property
    def sender(self) -> str:
        """The sender's first name, or a stand-in."""
        words = self.sender_name.split() if self.sender_name else []
        return words[0] if words else "<you>"

    def fill(self, template: str) -> str:
        return template.format(company=self.company, group=self.group, sender=self.sender)


class NoteChecker:
    """:func:`check_note` for one settings object, with the note-only analysis memoised.

    A batch sends one template to many people, so the same note text recurs whenever a first
    name does. What depends on the text alone (:class:`NoteFacts`) is kept for the last
    ``cache_size`` distinct notes; what depends on the recipient and the sender (their names
    against the greeting, the relationship, the account) is worked out for every case.
    """

    __slots__ = ("analyse", "compiled")

    def __init__(self, compiled: Compiled, cache_size: int = NOTE_CACHE_SIZE) -> None:
        """Check notes with ``compiled``, keeping the facts of ``cache_size`` notes."""
        self.compiled = compiled
        # functools.lru_cache: bounded (least recently used out first), a C-level lookup, and
        # cache_info() for the hit rate. The facts are immutable (see NoteFacts on the cues).
        self.analyse = functools.lru_cache(maxsize=cache_size)(
            functools.partial(note_facts, compiled=compiled)
        )

    def check(self, invitation: Invitation, profile: Profile, sender: Sender) -> list[Finding]:
        """Every PER finding for one invitation."""
        facts = self.analyse(invitation.note) if invitation.has_note else None
        return check_note(invitation, profile, sender, self.compiled, facts)


def check_note(
    invitation: Invitation,
    profile: Profile,
    sender: Sender,
    compiled: Compiled,
    facts: NoteFacts | None = None,
) -> list[Finding]:
    """Every PER finding for one invitation.

    :param facts: :func:`~invitecore_personalization.elements.note_facts` of the note, when
        the caller has them (and so knows that there is a note).
    """
    names = recipient_names(profile, compiled)
    ctx = _Context(profile, names, sender)
    note = invitation.note
    if facts is None:
        if not invitation.has_note:
            return [_no_note(ctx.first)]
        facts = note_facts(note, compiled)
    relationship = invitation.relationship
    salutation = salutation_for(facts, names, compiled)
    claims = group_claims(facts, profile)[0] if profile.groups else facts.claims
    findings: list[Finding] = []
    if len(note) > compiled.shortest_limit:
        length = _length(note, sender, compiled)
        if length is not None:
            findings.append(length)
    placeholders = bool(facts.placeholders) or (
        salutation is not None and salutation.empty_fill
    )
    if placeholders:
        findings.extend(_placeholders(note, salutation, facts.placeholders, ctx))
    greeting = _greeting(facts, salutation, names, ctx, compiled, placeholders)
    if greeting is not None:
        findings.append(greeting)
    default = _default_text(facts, salutation, names, profile, sender, compiled)
    if default is not None:
        findings.append(_built_on_default(default, ctx.first))
    else:
        findings.extend(_contents(facts, claims, relationship, ctx, compiled))
    if facts.links or facts.pitch is not None or facts.favour is not None:
        findings.extend(_asks(note, facts))
    if claims or relationship is Relationship.GROUP:
        group = _groups(claims, relationship, ctx)
        if group is not None:
            findings.append(group)
    return findings


def _length(note: str, sender: Sender, compiled: Compiled) -> Finding | None:
    premium = sender.account is Account.PREMIUM
    limit = compiled.premium_limit if premium else compiled.free_limit
    # LinkedIn counts every character; len() counts code points (see README on emoji).
    if len(note) <= limit:
        return None
    excess = len(note) - limit
    return Finding(
        code="PER131",
        message=f"The note has {len(note)} characters; the limit is {limit}.",
        suggestion=f"Cut {excess} characters: the limit for a {sender.account} account is "
        f"{limit}.",
        field=_FIELD,
        span=(limit, len(note)),
    )


def _placeholders(
    note: str, salutation: Salutation | None, spans: tuple[Span, ...], ctx: _Context
) -> list[Finding]:
    findings = []
    if salutation is not None and salutation.empty_fill:
        findings.append(
            Finding(
                code="PER113",
                message="The greeting's name came out empty.",
                suggestion=f"Put their name in: 'Hi {ctx.first},'.",
                field=_FIELD,
                span=salutation.span,
            )
        )
    for span in spans:
        text = note[span[0] : span[1]]
        findings.append(
            Finding(
                code="PER113",
                message=f"Unfilled placeholder or empty fill {text!r}.",
                suggestion=f"Fill it in by hand (e.g. 'Hi {ctx.first},', '{ctx.company}') or "
                "cut it.",
                field=_FIELD,
                span=span,
            )
        )
    return findings


def _greeting(
    facts: NoteFacts,
    salutation: Salutation | None,
    names: RecipientNames,
    ctx: _Context,
    compiled: Compiled,
    placeholders_found: bool,
) -> Finding | None:
    if salutation is not None and salutation.words:  # it names someone
        problem = judge_greeting(salutation.keys, salutation.pasted, names, compiled)
        if problem is None:
            return None
        used = " ".join(salutation.words)
        return Finding(
            code="PER112",
            message=f"The greeting uses {used!r}: {problem.value}.",
            suggestion=f"Greet them as 'Hi {ctx.first},'.",
            field=_FIELD,
            span=salutation.span,
        )
    if placeholders_found or addresses(facts, salutation, names):
        return None  # PER113 already says the name is missing, or named later in the note
    return _no_greeting(ctx.first, salutation.span if salutation is not None else None)


def _default_text(
    facts: NoteFacts,
    salutation: Salutation | None,
    names: RecipientNames,
    profile: Profile,
    sender: Sender,
    compiled: Compiled,
) -> TemplateMatch | None:
    """The default text the note is built around, for this recipient and sender (PER102)."""
    words = facts.default_words
    if salutation is facts.assumed:
        if words is None:
            return None  # no name can make one match (most notes stop here)
        start = salutation.span[1] if salutation is not None else 0
    else:
        # Their names made the salutation end elsewhere: the words after it are these.
        start = salutation.span[1] if salutation is not None else 0
        words = word_keys(facts.note[start:])
    name_keys = set(names.keys)
    if sender.name:
        name_keys.update(w.lower() for w in sender.name.split())
    group_keys = {w.lower() for g in profile.groups for w in g.replace("(", " ").split()}
    # Names count only where they are among the note's words (where they become slots): the
    # same note to the next Dana from the same sender is the same question.
    return _default_match(
        facts.note,
        facts.word_count,
        start,
        words.intersection(name_keys),
        words.intersection(group_keys),
        compiled,
    )


# A note built around a default text is often sent as it is, greeting no one or the next
# person of the same first name: its match is kept per note and per names among its words.
@functools.lru_cache(maxsize=MEMO_SIZE)
def _default_match(
    note: str,
    word_count: int,
    start: int,
    name_keys: frozenset[str],
    group_keys: frozenset[str],
    compiled: Compiled,
) -> TemplateMatch | None:
    return default_text(note, word_count, start, name_keys, group_keys, compiled)


def _contents(
    facts: NoteFacts,
    claims: tuple[GroupClaim, ...],
    relationship: Relationship,
    ctx: _Context,
    compiled: Compiled,
) -> list[Finding]:
    findings = []
    reason, benefit = facts.reason, facts.benefit
    # Stock phrases matter only when nothing else gives a reason or a benefit (and the
    # search is skipped otherwise).
    stock = facts.cues.get("stock") if reason is None and benefit is None else None
    if stock is not None:
        findings.append(
            Finding(
                code="PER103",
                message="A stock phrase stands in for a reason.",
                suggestion=f"Replace it with a reason that fits {ctx.first} only: what about "
                f"their work at {ctx.company} made you write?",
                field=_FIELD,
                span=stock,
            )
        )
    # How they know each other (see elements.how_known): "met", a named group, or for a
    # stranger where they were found.
    if facts.met is None and not claims:
        if relationship.is_stranger:
            if facts.cues.get("found") is None:
                findings.append(_not_found(ctx))
        else:
            findings.append(_not_met(relationship, ctx))
    if reason is None and relationship in compiled.why_required_for:
        findings.append(
            Finding(
                code="PER123",
                message="The note gives no reason for wanting to connect.",
                suggestion=f"Say why {ctx.first} in particular: e.g. 'I'm working on ... and "
                f"your experience at {ctx.company} ...'.",
                field=_FIELD,
            )
        )
    if benefit is None and relationship in compiled.benefit_required_for:
        findings.append(_no_benefit(ctx.first))
    return findings


def _not_found(ctx: _Context) -> Finding:
    where = f"'We're both in {ctx.group}'" if ctx.groups else (
        f"'I saw what your team at {ctx.company} is doing on ...'"
    )
    return Finding(
        code="PER122",
        message="The note does not say how you came across them.",
        suggestion=f"Say where you found {ctx.first}: e.g. 'I read your post about ...' "
        f"or {where}.",
        field=_FIELD,
    )


def _not_met(relationship: Relationship, ctx: _Context) -> Finding:
    example = ctx.fill(_MET_EXAMPLES[relationship])
    return Finding(
        code="PER121",
        message=f"You know them ({relationship}) but the note does not remind them how "
        "you met.",
        suggestion=f"Remind {ctx.first} how you know each other: e.g. {example}.",
        field=_FIELD,
    )


def _asks(note: str, facts: NoteFacts) -> list[Finding]:
    findings = []
    for link in facts.links:
        kind = "calendar link" if link.calendar else "link"
        findings.append(
            Finding(
                code="PER132",
                message=f"A {kind} in the invitation: {note[link.span[0] : link.span[1]]!r}.",
                suggestion=f"Remove the {kind}; share it after they accept, if they ask.",
                field=_FIELD,
                span=link.span,
            )
        )
    for span, kind, advice in (
        (facts.pitch, "a sales pitch", "keep the pitch for a later message, if at all"),
        (facts.favour, "an ask for a favour", "ask once you are connected and have talked"),
    ):
        if span is not None:
            findings.append(
                Finding(
                    code="PER132",
                    message=f"The invitation contains {kind}: {note[span[0] : span[1]]!r}.",
                    suggestion=f"Cut it: {advice}.",
                    field=_FIELD,
                    span=span,
                )
            )
    return findings


def _groups(
    claims: tuple[GroupClaim, ...], relationship: Relationship, ctx: _Context
) -> Finding | None:
    if ctx.groups:
        for claim in claims:
            if matching_group(claim.name, ctx.groups) is None:
                listed = ", ".join(repr(g) for g in ctx.groups[:3])
                return Finding(
                    code="PER133",
                    message=f"The note names the group {claim.name!r}, which {ctx.first}'s "
                    "profile does not list.",
                    suggestion=f"Name a group {ctx.first} lists ({listed}) or drop the claim.",
                    field=_FIELD,
                    span=claim.span,
                )
    if relationship is Relationship.GROUP and not claims:
        return _group_unnamed(ctx.group)
    return None


# The findings below depend on a few values that recur from row to row (the first name; the
# group, mostly absent; a default text), so each distinct one is built once while it stays
# among the most recent MEMO_SIZE: a Finding is frozen, and the engine stamps only
# fields that are still None, identically every time.
_memoised = functools.lru_cache(maxsize=MEMO_SIZE)


@_memoised
def _no_note(first: str) -> Finding:
    return Finding(
        code="PER101",
        message="The invitation has no note.",
        suggestion=f"Add a short note: 'Hi {first}, ...', then how you know or found {first}, "
        "why you want to connect and what is in it for them.",
        field=_FIELD,
    )


@_memoised
def _no_greeting(first: str, span: Span | None) -> Finding:
    return Finding(
        code="PER111",
        message="The note does not greet the person by name.",
        suggestion=f"Start with 'Hi {first},'.",
        field=_FIELD,
        span=span,
    )


@_memoised
def _built_on_default(found: TemplateMatch, first: str) -> Finding:
    return Finding(
        code="PER102",
        message=f"The note is built around LinkedIn's default text {found.template.text!r} "
        f"({found.coverage:.0%} of it).",
        suggestion=f"Write your own: greet {first} by name, say how you know or found them, "
        "why you want to connect and what is in it for them.",
        field=_FIELD,
        span=found.span,
    )


@_memoised
def _no_benefit(first: str) -> Finding:
    return Finding(
        code="PER124",
        message="Nothing in the note is for the recipient.",
        suggestion=f"Offer {first} something or name what you share: e.g. 'Happy to share ...' "
        "or 'We're both working on ...'.",
        field=_FIELD,
    )


@_memoised
def _group_unnamed(group: str) -> Finding:
    return Finding(
        code="PER133",
        message="A group invitation that does not name the group.",
        suggestion=f"Name the group you share: 'We're both in {group}'.",
        field=_FIELD,
    )
