"""Turn what a note contains into findings, each with a suggestion built from the profile."""

from __future__ import annotations

from collections.abc import Iterator

from invitecore import Account, Finding, Invitation, Profile, Relationship, Sender
from invitecore_personalization.elements import Elements, detect
from invitecore_personalization.groups import matching_group
from invitecore_personalization.names import RecipientNames, judge_greeting, recipient_names
from invitecore_personalization.patterns import Compiled
from invitecore_personalization.templates import could_match, match_template, strip_signature

__all__ = ["check_note"]

_FIELD = "note"
# Words a salutation ("Hi Dana Kowalski,") and a signature ("Best regards, Sam Lee") may add.
_SALUTATION_AND_SIGNATURE_WORDS = 10
# How to remind a known person how you met, by relationship (domain.md section 5's form).
_MET_EXAMPLES = {
    Relationship.COLLEAGUE: "'We worked together at {company} on ...'",
    Relationship.CLASSMATE: "'We were in the same class at ...'",
    Relationship.BUSINESS: "'Thanks for the call about ... with {company}'",
    Relationship.FRIEND: "'It's {sender} from ...'",
    Relationship.GROUP: "'We're both in {group}'",
}


class _Context:
    """The facts suggestions are built from: the recipient's first name, company, groups."""

    __slots__ = ("company", "first", "group", "groups", "sender")

    def __init__(self, profile: Profile, names: RecipientNames, sender: Sender) -> None:
        self.first = names.first or "them"
        self.company = profile.company or "their company"
        self.groups = profile.groups
        self.group = profile.groups[0] if profile.groups else "the group you share"
        self.sender = sender.name.split()[0] if sender.name and sender.name.split() else "<you>"

    def fill(self, template: str) -> str:
        return template.format(company=self.company, group=self.group, sender=self.sender)


def check_note(
    invitation: Invitation, profile: Profile, sender: Sender, compiled: Compiled
) -> Iterator[Finding]:
    """Every PER finding for one invitation."""
    names = recipient_names(profile, compiled)
    ctx = _Context(profile, names, sender)
    if not invitation.has_note:
        yield Finding(
            code="PER101",
            message="The invitation has no note.",
            suggestion=f"Add a short note: 'Hi {ctx.first}, ...', then how you know or found "
            f"{ctx.first}, why you want to connect and what is in it for them.",
            field=_FIELD,
        )
        return
    note = invitation.note
    elements = detect(note, profile, names, compiled)
    yield from _length(note, sender, compiled)
    placeholders = tuple(_placeholders(note, elements, ctx))
    yield from placeholders
    yield from _greeting(elements, names, ctx, compiled, placeholders_found=bool(placeholders))
    default = _default_text(note, elements, names, profile, sender, compiled, ctx)
    if default is not None:
        yield default
    else:
        yield from _contents(elements, invitation.relationship, ctx, compiled)
    yield from _asks(note, elements)
    yield from _groups(elements, invitation.relationship, ctx)


def _length(note: str, sender: Sender, compiled: Compiled) -> Iterator[Finding]:
    premium = sender.account is Account.PREMIUM
    limit = compiled.premium_limit if premium else compiled.free_limit
    # LinkedIn counts every character; len() counts code points (see README on emoji).
    if len(note) > limit:
        excess = len(note) - limit
        yield Finding(
            code="PER131",
            message=f"The note has {len(note)} characters; the limit is {limit}.",
            suggestion=f"Cut {excess} characters: the limit for a {sender.account} account is "
            f"{limit}.",
            field=_FIELD,
            span=(limit, len(note)),
        )


def _placeholders(note: str, elements: Elements, ctx: _Context) -> Iterator[Finding]:
    salutation = elements.salutation
    if salutation is not None and salutation.empty_fill:
        yield Finding(
            code="PER113",
            message="The greeting's name came out empty.",
            suggestion=f"Put their name in: 'Hi {ctx.first},'.",
            field=_FIELD,
            span=salutation.span,
        )
    for span in elements.placeholders:
        text = note[span[0] : span[1]]
        yield Finding(
            code="PER113",
            message=f"Unfilled placeholder or empty fill {text!r}.",
            suggestion=f"Fill it in by hand (e.g. 'Hi {ctx.first},', '{ctx.company}') or cut it.",
            field=_FIELD,
            span=span,
        )


def _greeting(
    elements: Elements,
    names: RecipientNames,
    ctx: _Context,
    compiled: Compiled,
    placeholders_found: bool,
) -> Iterator[Finding]:
    salutation = elements.salutation
    if salutation is not None and salutation.has_name:
        problem = judge_greeting(salutation.words, salutation.pasted, names, compiled)
        if problem is not None:
            used = " ".join(salutation.words)
            yield Finding(
                code="PER112",
                message=f"The greeting uses {used!r}: {problem.value}.",
                suggestion=f"Greet them as 'Hi {ctx.first},'.",
                field=_FIELD,
                span=salutation.span,
            )
        return
    if elements.addressed or placeholders_found:
        return  # named later in the note, or PER113 already says the name is missing
    yield Finding(
        code="PER111",
        message="The note does not greet the person by name.",
        suggestion=f"Start with 'Hi {ctx.first},'.",
        field=_FIELD,
        span=salutation.span if salutation is not None else None,
    )


def _default_text(
    note: str,
    elements: Elements,
    names: RecipientNames,
    profile: Profile,
    sender: Sender,
    compiled: Compiled,
    ctx: _Context,
) -> Finding | None:
    # Matched words never exceed the default text's, so a long note cannot be built around
    # one: two cheap word counts spare almost every real note the comparison.
    if len(note.split()) > compiled.template_word_limit + _SALUTATION_AND_SIGNATURE_WORDS:
        return None
    salutation = elements.salutation
    start = salutation.span[1] if salutation is not None else 0
    name_keys = set(names.keys)
    if sender.name:
        name_keys.update(w.lower() for w in sender.name.split())
    group_keys = {w.lower() for g in profile.groups for w in g.replace("(", " ").split()}
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
    found = match_template(
        note, (start, end), name_keys, group_keys, compiled.templates, compiled.coverage
    )
    if found is None:
        return None
    return Finding(
        code="PER102",
        message=f"The note is built around LinkedIn's default text {found.template.text!r} "
        f"({found.coverage:.0%} of it).",
        suggestion=f"Write your own: greet {ctx.first} by name, say how you know or found "
        "them, why you want to connect and what is in it for them.",
        field=_FIELD,
        span=found.span,
    )


def _contents(
    elements: Elements, relationship: Relationship, ctx: _Context, compiled: Compiled
) -> Iterator[Finding]:
    reason = elements.reason()
    benefit = elements.benefit()
    # Stock phrases matter only when nothing else gives a reason or a benefit (and the
    # search is skipped otherwise).
    stock = elements.cues.get("stock") if reason is None and benefit is None else None
    if stock is not None:
        yield Finding(
            code="PER103",
            message="A stock phrase stands in for a reason.",
            suggestion=f"Replace it with a reason that fits {ctx.first} only: what about their "
            f"work at {ctx.company} made you write?",
            field=_FIELD,
            span=stock,
        )
    if elements.how_known(relationship) is None:
        if relationship.is_stranger:
            where = f"'We're both in {ctx.group}'" if ctx.groups else (
                f"'I saw what your team at {ctx.company} is doing on ...'"
            )
            yield Finding(
                code="PER122",
                message="The note does not say how you came across them.",
                suggestion=f"Say where you found {ctx.first}: e.g. 'I read your post about ...' "
                f"or {where}.",
                field=_FIELD,
            )
        else:
            example = ctx.fill(_MET_EXAMPLES[relationship])
            yield Finding(
                code="PER121",
                message=f"You know them ({relationship}) but the note does not remind them how "
                "you met.",
                suggestion=f"Remind {ctx.first} how you know each other: e.g. {example}.",
                field=_FIELD,
            )
    if reason is None and relationship.value in compiled.why_required_for:
        yield Finding(
            code="PER123",
            message="The note gives no reason for wanting to connect.",
            suggestion=f"Say why {ctx.first} in particular: e.g. 'I'm working on ... and your "
            f"experience at {ctx.company} ...'.",
            field=_FIELD,
        )
    if benefit is None and relationship.value in compiled.benefit_required_for:
        yield Finding(
            code="PER124",
            message="Nothing in the note is for the recipient.",
            suggestion=f"Offer {ctx.first} something or name what you share: e.g. 'Happy to "
            "share ...' or 'We're both working on ...'.",
            field=_FIELD,
        )


def _asks(note: str, elements: Elements) -> Iterator[Finding]:
    for link in elements.links:
        kind = "calendar link" if link.calendar else "link"
        yield Finding(
            code="PER132",
            message=f"A {kind} in the invitation: {note[link.span[0] : link.span[1]]!r}.",
            suggestion=f"Remove the {kind}; share it after they accept, if they ask.",
            field=_FIELD,
            span=link.span,
        )
    for tag, kind, advice in (
        ("pitch", "a sales pitch", "keep the pitch for a later message, if at all"),
        ("favour", "an ask for a favour", "ask once you are connected and have talked"),
    ):
        span = elements.cues.get(tag)
        if span is not None:
            yield Finding(
                code="PER132",
                message=f"The invitation contains {kind}: {note[span[0] : span[1]]!r}.",
                suggestion=f"Cut it: {advice}.",
                field=_FIELD,
                span=span,
            )


def _groups(elements: Elements, relationship: Relationship, ctx: _Context) -> Iterator[Finding]:
    if ctx.groups:
        for claim in elements.claims:
            if matching_group(claim.name, ctx.groups) is None:
                listed = ", ".join(repr(g) for g in ctx.groups[:3])
                yield Finding(
                    code="PER133",
                    message=f"The note names the group {claim.name!r}, which {ctx.first}'s "
                    "profile does not list.",
                    suggestion=f"Name a group {ctx.first} lists ({listed}) or drop the claim.",
                    field=_FIELD,
                    span=claim.span,
                )
                return
    if relationship is Relationship.GROUP and not elements.claims:
        yield Finding(
            code="PER133",
            message="A group invitation that does not name the group.",
            suggestion=f"Name the group you share: 'We're both in {ctx.group}'.",
            field=_FIELD,
        )
