"""The rules this plugin can emit (the issue's contract), with severities and explanations."""

from __future__ import annotations

from invitecore import Rule, Severity

__all__ = ["RULES"]

_FACTS = "docs/sources.md sections 1, 5, 6 and 7"

RULES: tuple[Rule, ...] = (
    Rule(
        code="PER101",
        summary="No note at all",
        severity=Severity.ERROR,
        explanation="To a selective connector, or to a stranger (relationship other or none) "
        "of unknown or in-between camp, an invitation without a note is no better than the "
        "default text: the person cannot tell who you are or why you ask, answers 'I don't "
        f"know this person' and often asks for a note ({_FACTS}). To an open networker or to "
        "someone who knows you it is normal practice, reported as information: blank requests "
        "were accepted about as often as personalised ones in a 2025-26 sample of 16,492 "
        "(26.37% against 26.42%, docs/sources.md section 9; the camps: section 1). Settings "
        "blank-normal-for-camps and blank-normal-for; a config's severity = { PER101 = "
        "\"error\" } makes every blank invitation an error.",
    ),
    Rule(
        code="PER102",
        summary="The note is (or is built around) one of LinkedIn's default texts",
        severity=Severity.ERROR,
        explanation="Matched tolerantly: case, punctuation, curly quotes, a name swapped in and a "
        "signature added do not hide a default text. Selective connectors decline it.",
    ),
    Rule(
        code="PER103",
        summary="Generic: the note could go to anyone on the list",
        severity=Severity.ERROR,
        explanation="Nothing in it is specific to this person beyond what a mail merge fills in "
        "(name, company, title, city): stock phrases, 'I came across your profile', 'I see you "
        "work at ...'. A generic note is no better than none (docs/sources.md section 9), so it is "
        "an error like PER101.",
    ),
    Rule(
        code="PER104",
        summary="The note is in a script or language the plugin cannot read",
        severity=Severity.INFO,
        explanation="Most of its letters are not Latin, or too few of its words are words the "
        "plugin reads (English and the cue words of the other languages in docs/language.md "
        "section 14): instead of reporting a how, a reason and a benefit missing from a note "
        "that may well hold them, it says the note was not read, and checks only its length, "
        "placeholders and links (docs/language.md section 19). Settings unread-min-words, "
        "unread-min-share and language-words.",
    ),
    Rule(
        code="PER111",
        summary="The note does not greet the person by name",
        severity=Severity.WARNING,
        explanation="A greeting with the person's first name shows the note was written for them.",
    ),
    Rule(
        code="PER112",
        summary="The note greets someone else or greets with a mangled name",
        severity=Severity.ERROR,
        explanation="A first name that is not theirs, 'Last, First' order, a title alone, or "
        "credentials / 'LION' pasted from the name field give away a mail merge.",
    ),
    Rule(
        code="PER113",
        summary="An unfilled template placeholder or an empty fill",
        severity=Severity.ERROR,
        explanation="'{firstName}', '[First Name]', '#firstName#', '_FN_', '((first_name))' or "
        "'Hi ,' in a sent note is a well-documented failure of outreach tools.",
    ),
    Rule(
        code="PER121",
        summary="You know the person but the note does not remind them how you met",
        severity=Severity.WARNING,
        explanation="Do not assume they remember you: name the employer, class, event, deal or "
        "group you share.",
    ),
    Rule(
        code="PER122",
        summary="A stranger, and the note does not say how you came across them",
        severity=Severity.WARNING,
        explanation="Say where you found them: a post, article, talk, event, mutual contact, "
        "group, company or school.",
    ),
    Rule(
        code="PER123",
        summary="No reason given for wanting to connect",
        severity=Severity.WARNING,
        explanation="Say why you want to connect with this person in particular.",
    ),
    Rule(
        code="PER124",
        summary="Nothing in it for the recipient",
        severity=Severity.WARNING,
        explanation="Offer something (help, an introduction, material) or name the interest you "
        "share.",
    ),
    Rule(
        code="PER131",
        summary="The note is longer than the sender's limit",
        severity=Severity.ERROR,
        explanation="LinkedIn counts every character, spaces and emoji included: 200 for a free "
        "account, 300 for Premium (configurable). Counted here as Unicode code points.",
    ),
    Rule(
        code="PER132",
        summary="A sales pitch, a link, a calendar link or an ask for a favour",
        severity=Severity.WARNING,
        explanation="The first message asks to connect; pitches, links and favours come later, "
        "if at all.",
    ),
    Rule(
        code="PER133",
        summary="A group invitation that names no group, or a group the profile does not list",
        severity=Severity.WARNING,
        explanation="With relationship 'group', name the group you share; a group claim the "
        "profile contradicts backfires (checked for every relationship when the profile lists "
        "groups).",
    ),
)
