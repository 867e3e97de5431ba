"""Turn a reading of the note into findings, each with a suggestion built from the profile.

:func:`check_note` reads the note once (:func:`~invitecore_personalization.reading.read_case`)
and compares what it found with the recipient, the relationship and the sender. Suggestions
use only what the profile has: a company, a group, a first name; never a stand-in like "their
company".

Most findings depend on a few values that recur from row to row (the first name, the
relationship, a note's stock phrase), so each distinct one is built once while it stays among
the most recent ``MEMO_SIZE``: a :class:`~invitecore.Finding` is frozen, and the core never
changes an object a plugin returns.
"""

from __future__ import annotations

import functools
import re

from invitecore import (
    Account,
    Classification,
    Finding,
    Invitation,
    Profile,
    Relationship,
    Sender,
    Severity,
)
from invitecore_personalization.greeting import Salutation, names_recipient
from invitecore_personalization.groups import (
    GroupClaim,
    find_claims,
    matching_group,
    mentions_group,
)
from invitecore_personalization.names import RecipientNames, judge_greeting, recipient_names
from invitecore_personalization.patterns import Compiled
from invitecore_personalization.reading import CaseReading, Span, read_case
from invitecore_personalization.templates import TemplateMatch

__all__ = ["MEMO_SIZE", "check_note"]

MEMO_SIZE = 1024
"""Distinct arguments each memoised finding here is kept for."""

_FIELD = "note"
_DOT_LETTER = re.compile(r"\.[a-z]")
_memoised = functools.lru_cache(maxsize=MEMO_SIZE)


class _Context:
    """What suggestions are built from: only what the profile and the sender give."""

    __slots__ = ("company", "first", "greet", "groups", "sender")

    def __init__(self, profile: Profile, names: RecipientNames, sender: Sender) -> None:
        self.first = names.first or "them"
        self.greet = f"Hi {names.first}," if names.first else "Hi <their first name>,"
        self.company = profile.company
        self.groups = profile.groups
        words = sender.name.split() if sender.name else []
        self.sender = words[0] if words else None

    @property
    def group(self) -> str | None:
        """The first group the profile lists, if any."""
        return self.groups[0] if self.groups else None


def check_note(
    invitation: Invitation,
    profile: Profile,
    sender: Sender,
    compiled: Compiled,
    classification: Classification | None = None,
) -> list[Finding]:
    """Every PER finding for one invitation (``classification``: the core's camp, if known)."""
    names = recipient_names(profile, compiled)
    if not invitation.has_note:
        normal = _blank_normal(invitation, classification, compiled)
        free = sender.account is not Account.PREMIUM
        return [_no_note(names.first, normal, free)]
    ctx = _Context(profile, names, sender)
    note = invitation.note
    relationship = invitation.relationship
    case = read_case(note, profile, relationship, compiled, sender.name, names)
    salutation = case.salutation
    placeholders = case.placeholders
    findings: list[Finding] = []
    length = _length(note, sender, compiled)
    if length is not None:
        findings.append(length)
    filled = not placeholders and not (salutation is not None and salutation.empty_fill)
    if not filled:
        findings.extend(_placeholders(note, salutation, placeholders, ctx))
    unread = case.reading.unread
    if unread is not None:
        # Nothing it says can be read: no "missing" or "generic" finding about a note that
        # may say all of it, nor "no greeting" when the name may be in another script; links
        # are found in any language.
        findings.append(_unread(unread, ctx.first))
        findings.extend(_asks(note, case, compiled))
        return findings
    if filled:
        greeting = _greeting(note, salutation, names, ctx, compiled)
        if greeting is not None:
            findings.append(greeting)
    claims = _group_claims(note, profile)
    generic = case.reading.generic
    if case.default is not None:
        findings.append(_built_on_default(case.default, ctx.first))
    elif generic is not None:
        stock = None if generic == (0, len(note)) else note[generic[0] : generic[1]]
        findings.append(_generic(stock, generic, ctx.first))
    findings.extend(_missing_parts(case, claims, relationship, ctx, compiled))
    findings.extend(_asks(note, case, compiled))
    if claims or relationship is Relationship.GROUP:
        group = _groups(claims, relationship, ctx)
        if group is not None:
            findings.append(group)
    return findings


@_memoised
def _unread(why: str, first: str) -> Finding:
    return Finding(
        code="PER104",
        message=f"The note is in {why}: how you met or found them, why you connect, what is "
        "in it for them and whether it is generic were not checked.",
        suggestion=f"Check it yourself: greet {first}, say how you know or found them, why "
        f"you want to connect and what is in it for {first}.",
        field=_FIELD,
    )


def _length(note: str, sender: Sender, compiled: Compiled) -> Finding | None:
    limit = compiled.premium_limit if sender.account is Account.PREMIUM else compiled.free_limit
    # LinkedIn counts every character; len() counts code points (see README on emoji).
    if len(note) <= limit:
        return None
    return Finding(
        code="PER131",
        message=f"The note has {len(note)} characters; the limit is {limit}.",
        suggestion=f"Cut {len(note) - limit} characters: the limit for a {sender.account} "
        f"account is {limit}.",
        field=_FIELD,
        span=(limit, len(note)),
    )


def _placeholders(
    note: str, salutation: Salutation | None, spans: list[Span], ctx: _Context
) -> list[Finding]:
    findings = []
    if salutation is not None and salutation.empty_fill:
        findings.append(
            Finding(
                code="PER113",
                message="The greeting's name came out empty.",
                suggestion=f"Put their name in: '{ctx.greet}'.",
                field=_FIELD,
                span=salutation.span,
            )
        )
    fill = f"'{ctx.greet}'" + (f", '{ctx.company}'" if ctx.company else "")
    for span in spans:
        findings.append(
            Finding(
                code="PER113",
                message=f"Unfilled placeholder {note[span[0] : span[1]]!r}.",
                suggestion=f"Fill it in by hand (e.g. {fill}) or cut it.",
                field=_FIELD,
                span=span,
            )
        )
    return findings


def _greeting(
    note: str,
    salutation: Salutation | None,
    names: RecipientNames,
    ctx: _Context,
    compiled: Compiled,
) -> Finding | None:
    if salutation is not None and salutation.has_name:
        problem = judge_greeting(salutation.keys, salutation.pasted, names, compiled)
        if problem is None:
            return None
        return Finding(
            code="PER112",
            message=f"The greeting uses {' '.join(salutation.words)!r}: {problem.value}.",
            suggestion=f"Greet them as '{ctx.greet}'.",
            field=_FIELD,
            span=salutation.span,
        )
    if names_recipient(note, names) is not None:
        return None  # their first name is used later in the note ("..., Dana!")
    return _no_greeting(ctx.greet, salutation.span if salutation is not None else None)


@_memoised
def _no_greeting(greet: str, span: Span | None) -> Finding:
    return Finding(
        code="PER111",
        message="The note does not greet the person by name.",
        suggestion=f"Start with '{greet}'.",
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
def _generic(stock: str | None, span: Span, first: str) -> Finding:
    """PER103; ``stock`` is the stock text, None when the whole note is the evidence."""
    quoted = "Nothing in it" if stock is None else f"Its stock text ({stock!r})"
    return Finding(
        code="PER103",
        message=f"Generic: the note could go to anyone on the list. {quoted} is specific to "
        f"{first}.",
        suggestion=f"Name something only {first} shares with you: their post or talk, "
        "the event, the person who introduced you, the project you shared.",
        field=_FIELD,
        span=span,
    )


def _missing_parts(
    case: CaseReading,
    claims: tuple[GroupClaim, ...],
    relationship: Relationship,
    ctx: _Context,
    compiled: Compiled,
) -> list[Finding]:
    reading = case.reading
    findings = []
    if reading.how_met_or_found is None and not claims:
        if relationship.is_stranger:
            findings.append(_not_found(ctx.first, ctx.group))
        else:
            findings.append(_not_met(relationship, ctx.first, ctx.company, ctx.sender, ctx.group))
    if reading.why is None and relationship in compiled.why_required_for:
        findings.append(_no_reason(ctx.first))
    if reading.benefit is None and relationship in compiled.benefit_required_for:
        findings.append(_no_benefit(ctx.first))
    return findings


@_memoised
def _no_reason(first: str) -> Finding:
    return Finding(
        code="PER123",
        message="The note gives no specific reason for wanting to connect.",
        suggestion=f"Say why {first} in particular: what you are working on, the question you "
        "have, the topic you want to discuss.",
        field=_FIELD,
    )


@_memoised
def _no_benefit(first: str) -> Finding:
    return Finding(
        code="PER124",
        message="Nothing in the note is for the recipient.",
        suggestion=f"Offer {first} something: an answer, an introduction, material you have, "
        "help with what they work on.",
        field=_FIELD,
    )


@_memoised
def _not_found(first: str, group: str | None) -> Finding:
    where = [f"'We're both in {group}'"] if group else []
    examples = " or ".join(["'I read your post about ...'", *where])
    return Finding(
        code="PER122",
        message="The note does not say how you came across them.",
        suggestion=f"Say where you found {first}: e.g. {examples}.",
        field=_FIELD,
    )


@_memoised
def _not_met(
    relationship: Relationship,
    first: str,
    company: str | None,
    sender: str | None,
    group: str | None,
) -> Finding:
    at = f" at {company}" if company else ""
    examples = {
        Relationship.COLLEAGUE: f"'We worked together{at} on ...'",
        Relationship.CLASSMATE: "'We were in the same class at ...'",
        Relationship.BUSINESS: "'Thanks for the call about ...'",
        Relationship.FRIEND: f"'It's {sender or '<your name>'} from ...'",
        Relationship.GROUP: f"'We're both in {group or '<the group>'}'",
    }
    return Finding(
        code="PER121",
        message=f"You know them ({relationship}) but the note does not remind them how "
        "you know each other.",
        suggestion=f"Remind {first} how you know each other: e.g. {examples[relationship]}.",
        field=_FIELD,
    )


def _asks(note: str, case: CaseReading, compiled: Compiled) -> list[Finding]:
    findings = []
    folded = note.lower()
    if "://" in folded or "www." in folded or _DOT_LETTER.search(folded) is not None:
        for match in compiled.links.finditer(folded):
            calendar = any(host in match.group() for host in compiled.calendar_hosts)
            kind = "calendar link" if calendar else "link"
            findings.append(
                Finding(
                    code="PER132",
                    message=f"A {kind} in the invitation: {note[match.start() : match.end()]!r}.",
                    suggestion=f"Remove the {kind}; share it after they accept, if they ask.",
                    field=_FIELD,
                    span=match.span(),
                )
            )
    for group, kind in (("pitch", "a sales pitch"), ("favour", "an ask for a favour")):
        said = case.text.said.first(group)
        if said is not None:
            span = case.span(said)
            findings.append(_ask(kind, note[span[0] : span[1]], span))
    return findings


_ADVICE = {
    "a sales pitch": "keep the pitch for a later message, if at all",
    "an ask for a favour": "ask once you are connected and have talked",
}


@_memoised
def _ask(kind: str, evidence: str, span: Span) -> Finding:
    return Finding(
        code="PER132",
        message=f"The invitation contains {kind}: {evidence!r}.",
        suggestion=f"Cut it: {_ADVICE[kind]}.",
        field=_FIELD,
        span=span,
    )


def _group_claims(note: str, profile: Profile) -> tuple[GroupClaim, ...]:
    folded = note.lower()
    claims = find_claims(note, folded)
    if not claims and profile.groups:
        # A listed group named without "group"/"member" around it ("we're both in the
        # Computational Biology Forum") is a claim too.
        mention = mentions_group(folded, profile.groups)
        if mention is not None:
            claims = (mention,)
    return claims


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
        example = f": 'We're both in {ctx.group}'" if ctx.group else " by its name"
        return Finding(
            code="PER133",
            message="A group invitation that does not name the group.",
            suggestion=f"Name the group you both belong to{example}.",
            field=_FIELD,
        )
    return None


def _blank_normal(
    invitation: Invitation, classification: Classification | None, compiled: Compiled
) -> str | None:
    """Why a blank invitation is normal practice here (docs/sources.md 1 and 9), or None."""
    relationship = invitation.relationship
    if relationship in compiled.blank_normal_for:
        return f"to someone who knows you ({relationship.value})"
    if classification is not None and classification.camp in compiled.blank_normal_camps:
        return f"to {_CAMP_WORDS.get(classification.camp.value, classification.camp.value)}"
    return None


_CAMP_WORDS = {
    "open_networker": "an open networker",
    "in_between": "someone in between the camps",
    "selective_connector": "a selective connector",
    "unknown": "someone of unknown camp",
}


@_memoised
def _no_note(name: str, normal: str | None, free: bool) -> Finding:
    first = name or "them"
    greet = f"Hi {name}," if name else "Hi <their first name>,"
    if normal is not None:
        return Finding(
            code="PER101",
            message=f"No note: a blank invitation {normal} is normal practice, accepted about "
            "as often as one with a note.",
            suggestion=f"Send it as is, or add a short note ('{greet} ...'): a note can still "
            f"only help {first} place you, and raises replies after they accept.",
            field=_FIELD,
            severity=Severity.INFO,
        )
    what = (
        f"'{greet} ...', then how you know or found {first}, why you want to connect and what "
        "is in it for them."
    )
    # A free account has only a few notes a month (docs/sources.md 4): the send plan, not
    # this row, decides who gets one.
    suggestion = (
        f"Give {first} one of the month's few notes, or wait for next month's: {what}"
        if free
        else f"Add a short note: {what}"
    )
    return Finding(
        code="PER101",
        message="The invitation has no note.",
        suggestion=suggestion,
        field=_FIELD,
    )
