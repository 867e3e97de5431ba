"""The rule codes of the spam-risk plugin: one per scorecard line, one per kind of advice.

Codes SPM101-SPM111 add risk, SPM121-SPM125 take it away, SPM131-SPM135 are advice. Every
factor rule is ``info``: a factor is a line on the scorecard, not a problem to fix by itself;
the core turns the summed score into a level and the level into a verdict.
"""

from __future__ import annotations

from invitecore import Rule, Severity

# -- factors that raise the risk -----------------------------------------------------------------
STRANGER_NOT_OPEN = "SPM101"
NO_NOTE = "SPM102"
DEFAULT_TEXT = "SPM103"
GENERIC_NOTE = "SPM104"
NO_HOW_FOUND = "SPM105"
NO_REASON = "SPM106"
NO_BENEFIT = "SPM107"
PITCH = "SPM108"
EMAIL_MISSING = "SPM109"
LONG_TIME_MEMBER = "SPM110"
NO_SHARED_CONTEXT = "SPM111"

# -- factors that lower the risk -----------------------------------------------------------------
OPEN_NETWORKER = "SPM121"
REAL_RELATIONSHIP = "SPM122"
EMAIL_GIVEN = "SPM123"
SHARED_CONNECTIONS = "SPM124"
SHARED_GROUP = "SPM125"

# -- advice --------------------------------------------------------------------------------------
APPROACH_FIRST = "SPM131"
USE_GROUP = "SPM132"
ASK_INTRODUCTION = "SPM133"
INVITE_WITH_NOTE = "SPM134"
USE_LISTED_EMAIL = "SPM135"

# The note factors a note with no content of its own already stands for: a missing, default or
# stock-only note has no how-found, reason or benefit by definition, so those are not added on top.
EMPTY_NOTE_FACTORS = frozenset({NO_NOTE, DEFAULT_TEXT, GENERIC_NOTE})
MISSING_PART_FACTORS = frozenset({NO_HOW_FOUND, NO_REASON, NO_BENEFIT})

# The factors a finding may be mapped to through the ``finding-factors`` setting.
FINDING_FACTORS = frozenset({*EMPTY_NOTE_FACTORS, *MISSING_PART_FACTORS, PITCH, EMAIL_MISSING})
# The risk-lowering factors a finding may void through the ``credit-voided-by`` setting.
CREDIT_FACTORS = frozenset(
    {OPEN_NETWORKER, REAL_RELATIONSHIP, EMAIL_GIVEN, SHARED_CONNECTIONS, SHARED_GROUP}
)


def _factor(code: str, summary: str, explanation: str) -> Rule:
    return Rule(code=code, summary=summary, severity=Severity.INFO, explanation=explanation)


RULES: tuple[Rule, ...] = (
    _factor(
        STRANGER_NOT_OPEN,
        "stranger whose camp is selective, unknown or in between",
        "The relationship is 'other' or 'none' and the profile does not show an open networker. "
        "Selective connectors decline unexpected invitations or answer 'I don't know this "
        "person', and with no evidence a stranger must be treated as selective (docs/sources.md "
        "1).",
    ),
    _factor(
        NO_NOTE,
        "no note",
        "The invitation has no note. Personalize always (docs/sources.md 1); a bare invitation "
        "from "
        "a stranger is the one selective connectors mark as spam.",
    ),
    _factor(
        DEFAULT_TEXT,
        "the note is LinkedIn's default text",
        "The note is, or is built around, one of LinkedIn's default texts (docs/sources.md 5). A "
        "generic note is no better than none (docs/sources.md 9).",
    ),
    _factor(
        GENERIC_NOTE,
        "the note is generic: stock phrases or an unfilled template",
        "The note only has stock phrases that give no reason, or a template placeholder that "
        "was never filled (docs/sources.md 5, 7). It reads as mass outreach.",
    ),
    _factor(
        NO_HOW_FOUND,
        "the note does not say how you met or came across them",
        "Remind people you know how you met; tell strangers how you found them (docs/sources.md "
        "1, 6).",
    ),
    _factor(
        NO_REASON,
        "the note gives no reason to connect",
        "Say why you want to connect (docs/sources.md 1, 6).",
    ),
    _factor(
        NO_BENEFIT,
        "the note says nothing about what is in it for them",
        "Say how the connection could benefit them (docs/sources.md 1, 6).",
    ),
    _factor(
        PITCH,
        "the note pitches, links or asks a favour",
        "No sales pitch, no links and no favour in a first message (docs/sources.md 6).",
    ),
    _factor(
        EMAIL_MISSING,
        "the form asks for their email and none is given",
        "For 'friend' and 'other' LinkedIn's form asked for the person's email, and some profiles "
        "still do (docs/sources.md 5): not knowing it marks you as a stranger.",
    ),
    _factor(
        LONG_TIME_MEMBER,
        "a long-time member receiving an invitation from a stranger",
        "Long-time members are the most annoyed by unexpected invitations (docs/sources.md 1, 3).",
    ),
    _factor(
        NO_SHARED_CONTEXT,
        "no shared connections and no shared group",
        "The profile says you share no connections, and no shared group is known: the "
        "invitation comes out of the blue (docs/sources.md 1).",
    ),
    _factor(
        OPEN_NETWORKER,
        "the recipient is an open networker",
        "Open networkers accept invitations from people they do not know (docs/sources.md 1, 2).",
    ),
    _factor(
        REAL_RELATIONSHIP,
        "a real relationship: colleague, classmate, business or friend",
        "People who know the sender rarely answer 'I don't know this person' (docs/sources.md 1, "
        "5).",
    ),
    _factor(
        EMAIL_GIVEN,
        "the sender gives the recipient's email",
        "Knowing the address is the proof of acquaintance LinkedIn's form asked for "
        "(docs/sources.md "
        "5); an address another plugin flags as wrong earns no credit.",
    ),
    _factor(
        SHARED_CONNECTIONS,
        "you share connections",
        "A mutual contact makes the invitation less of a surprise and can introduce you "
        "(docs/sources.md 1).",
    ),
    _factor(
        SHARED_GROUP,
        "you share a group",
        "A shared group is common ground and was one of LinkedIn's accepted ways to know "
        "someone (docs/sources.md 5, 6). A group claim the profile contradicts earns no credit.",
    ),
    _factor(
        APPROACH_FIRST,
        "approach a stranger before inviting",
        "Engage with their posts so the invitation does not come out of the blue (docs/sources.md "
        "1).",
    ),
    _factor(
        USE_GROUP,
        "meet them in a group they list",
        "Take part in a group on their profile before inviting (docs/sources.md 1).",
    ),
    _factor(
        ASK_INTRODUCTION,
        "ask a mutual contact for an introduction",
        "A shared connection can introduce you (docs/sources.md 1).",
    ),
    _factor(
        INVITE_WITH_NOTE,
        "then invite with a personal note",
        "Say how you came across them, why you want to connect and what is in it for them "
        "(docs/sources.md 1, 6).",
    ),
    _factor(
        USE_LISTED_EMAIL,
        "use the email an open networker lists",
        "Choose 'Other' in the form and enter the address they list (docs/sources.md 1).",
    ),
)
