"""Turn a reading of the note into findings, each with a suggestion built from the profile.

:func:`check_note` reads the note (:mod:`~invitecore_personalization.reading`) and compares
what it found with the recipient, the relationship and the sender. Suggestions use only what
the profile has: a company, a group, a first name; never a stand-in like "their company".
"""

from __future__ import annotations

import re

from invitecore import Account, Finding, Invitation, Profile, Relationship, Sender
from invitecore_personalization.greeting import Salutation, find_salutation, names_recipient
from invitecore_personalization.groups import GroupClaim, find_claims, matching_group, mentions_group
from invitecore_personalization.names import RecipientNames, judge_greeting, recipient_names
from invitecore_personalization.patterns import Compiled
from invitecore_personalization.reading import NoteReading, Span
from invitecore_personalization.templates import TemplateMatch, default_text
from invitecore_personalization.text import Words

__all__ = ["check_note"]

_FIELD = "note"
# "I saw your work at ." / "from ,": a template whose company or event came out empty.
_EMPTY_AFTER_WORD = re.compile(r"(?<!\w)(?:at|from|with|in|on)[ \t]+[,.!?;:](?=\s|$)")


class _Context:
    """What suggestions are built from: only what the profile and the sender give."""

    def __init__(self, profile: Profile, names: RecipientNames, sender: Sender) -> None:
        self.first = names.first or "them"
        self.greet = f"Hi {names.first}," if names.first else "Hi <their first name>,"
        self.company = profile.company
        self.groups = profile.groups
        words = sender.name.split() if sender.name else []
        self.sender = words[0] if words else None


def check_note(
    invitation: Invitation, profile: Profile, sender: Sender, compiled: Compiled
) -> list[Finding]:
    """Every PER finding for one invitation."""
    names = recipient_names(profile, compiled)
    ctx = _Context(profile, names, sender)
    note = invitation.note
    if not invitation.has_note:
        return [_no_note(ctx)]
    relationship = invitation.relationship
    words = compiled.reader.words(note)
    reading = compiled.reader.read(note, profile, relationship, words)
    salutation = find_salutation(note, names, compiled)
    placeholders = sorted(
        [m.span() for m in compiled.placeholders.finditer(note)]
        + [m.span() for m in _EMPTY_AFTER_WORD.finditer(note.lower())]
    )
    claims = _group_claims(note, profile)
    findings: list[Finding] = []
    length = _length(note, sender, compiled)
    if length is not None:
        findings.append(length)
    if placeholders or (salutation is not None and salutation.empty_fill):
        findings.extend(_placeholders(note, salutation, placeholders, ctx))
    else:
        greeting = _greeting(note, salutation, names, ctx, compiled)
        if greeting is not None:
            findings.append(greeting)
    default = default_text(note, profile, sender.name, compiled)
    if default is not None:
        findings.append(_built_on_default(default, ctx))
    elif reading.generic is not None:
        findings.append(_generic(note, reading.generic, ctx))
    findings.extend(_missing_parts(reading, claims, relationship, ctx, compiled))
    findings.extend(_asks(note, words, compiled))
    group = _groups(claims, relationship, ctx)
    if group is not None:
        findings.append(group)
    return findings


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
    return Finding(
        code="PER111",
        message="The note does not greet the person by name.",
        suggestion=f"Start with '{ctx.greet}'.",
        field=_FIELD,
        span=salutation.span if salutation is not None else None,
    )


def _built_on_default(found: TemplateMatch, ctx: _Context) -> Finding:
    return Finding(
        code="PER102",
        message=f"The note is built around LinkedIn's default text {found.template.text!r} "
        f"({found.coverage:.0%} of it).",
        suggestion=f"Write your own: greet {ctx.first} by name, say how you know or found them, "
        "why you want to connect and what is in it for them.",
        field=_FIELD,
        span=found.span,
    )


def _generic(note: str, span: Span, ctx: _Context) -> Finding:
    whole = span == (0, len(note))
    quoted = "Nothing in it" if whole else f"Its stock text ({note[span[0] : span[1]]!r})"
    return Finding(
        code="PER103",
        message=f"Generic: the note could go to anyone on the list. {quoted} is specific to "
        f"{ctx.first}.",
        suggestion=f"Name something only {ctx.first} shares with you: their post or talk, "
        "the event, the person who introduced you, the project you shared.",
        field=_FIELD,
        span=span,
    )


def _missing_parts(
    reading: NoteReading,
    claims: tuple[GroupClaim, ...],
    relationship: Relationship,
    ctx: _Context,
    compiled: Compiled,
) -> list[Finding]:
    findings = []
    if reading.how_met_or_found is None and not claims:
        findings.append(_not_found(ctx) if relationship.is_stranger else _not_met(relationship, ctx))
    if reading.why is None and relationship in compiled.why_required_for:
        findings.append(
            Finding(
                code="PER123",
                message="The note gives no specific reason for wanting to connect.",
                suggestion=f"Say why {ctx.first} in particular: what you are working on, the "
                "question you have, the topic you want to discuss.",
                field=_FIELD,
            )
        )
    if reading.benefit is None and relationship in compiled.benefit_required_for:
        findings.append(
            Finding(
                code="PER124",
                message="Nothing in the note is for the recipient.",
                suggestion=f"Offer {ctx.first} something: an answer, an introduction, material "
                "you have, help with what they work on.",
                field=_FIELD,
            )
        )
    return findings


def _not_found(ctx: _Context) -> Finding:
    where = [f"'We're both in {ctx.groups[0]}'"] if ctx.groups else []
    examples = " or ".join(["'I read your post about ...'", *where])
    return Finding(
        code="PER122",
        message="The note does not say how you came across them.",
        suggestion=f"Say where you found {ctx.first}: e.g. {examples}.",
        field=_FIELD,
    )


def _not_met(relationship: Relationship, ctx: _Context) -> Finding:
    at = f" at {ctx.company}" if ctx.company else ""
    examples = {
        Relationship.COLLEAGUE: f"'We worked together{at} on ...'",
        Relationship.CLASSMATE: "'We were in the same class at ...'",
        Relationship.BUSINESS: "'Thanks for the call about ...'",
        Relationship.FRIEND: f"'It's {ctx.sender or '<your name>'} from ...'",
        Relationship.GROUP: f"'We're both in {ctx.groups[0] if ctx.groups else '<the group>'}'",
    }
    return Finding(
        code="PER121",
        message=f"You know them ({relationship}) but the note does not remind them how "
        "you know each other.",
        suggestion=f"Remind {ctx.first} how you know each other: e.g. {examples[relationship]}.",
        field=_FIELD,
    )


def _asks(note: str, words: Words, compiled: Compiled) -> list[Finding]:
    findings = []
    folded = note.lower()
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
    reader = compiled.reader
    for group, kind, advice in (
        ("pitch", "a sales pitch", "keep the pitch for a later message, if at all"),
        ("favour", "an ask for a favour", "ask once you are connected and have talked"),
    ):
        span = reader.first_span(words, group)
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


def _group_claims(note: str, profile: Profile) -> tuple[GroupClaim, ...]:
    claims = find_claims(note)
    if not claims and profile.groups:
        # A listed group named without "group"/"member" around it ("we're both in the
        # Computational Biology Forum") is a claim too.
        mention = mentions_group(note.lower(), profile.groups)
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
        example = f": 'We're both in {ctx.groups[0]}'" if ctx.groups else " by its name"
        return Finding(
            code="PER133",
            message="A group invitation that does not name the group.",
            suggestion=f"Name the group you both belong to{example}.",
            field=_FIELD,
        )
    return None


def _no_note(ctx: _Context) -> Finding:
    return Finding(
        code="PER101",
        message="The invitation has no note.",
        suggestion=f"Add a short note: '{ctx.greet} ...', then how you know or found "
        f"{ctx.first}, why you want to connect and what is in it for them.",
        field=_FIELD,
    )
