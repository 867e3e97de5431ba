"""The rule codes of the lion plugin and their declarations.

``LIO101``-``LIO110`` are evidence of an open networker, ``LIO151``-``LIO154`` evidence of a
selective connector. Every rule here is a signal, never a problem with the invitation, so every
rule is ``info``: the core turns the signals into a camp, and the camp into a verdict.
"""

from __future__ import annotations

from invitecore import Rule, Severity

# -- open-networker evidence ---------------------------------------------------------------------
LION_TOKEN = "LIO101"
OPEN_NETWORKER_PHRASE = "LIO102"
ACCEPT_ALL_PHRASE = "LIO103"
LINK_FAMILY = "LIO104"
OPEN_NETWORKER_GROUP = "LIO105"
COUNT_BRAGGING = "LIO106"
OPEN_LINK = "LIO107"
EMOJI_WITH_NETWORKING = "LIO108"
LARGE_NETWORK = "LIO109"
EMOJI_ALONE = "LIO110"

# -- selective-connector evidence ----------------------------------------------------------------
KNOWN_PEOPLE_ONLY = "LIO151"
NOT_A_LION = "LIO152"
EARLY_MEMBER = "LIO153"
CONDITIONS = "LIO154"


def _signal_rule(code: str, summary: str, explanation: str) -> Rule:
    return Rule(code=code, summary=summary, severity=Severity.INFO, explanation=explanation)


RULES: tuple[Rule, ...] = (
    _signal_rule(
        LION_TOKEN,
        "LION token (LinkedIn Open Networker)",
        "The name, headline or about shows the LION token: 'LION' in capitals, bracketed "
        "'[LION]' / '(lion)' / '[LION 6,500+]', 'L.I.O.N.', or 'Lion' followed by a networking "
        "word, after NFKC normalisation (so fullwidth and bold letters count). Strong open "
        "evidence (domain.md 2). Lions Clubs, the Detroit Lions and other false friends do not "
        "count.",
    ),
    _signal_rule(
        OPEN_NETWORKER_PHRASE,
        "calls themself an open networker",
        "'Open networker', 'LinkedIn Open Networker' or 'OpenNetworker' in the name, headline "
        "or about (domain.md 2). 'Open Networking' (software-defined networking) does not count.",
    ),
    _signal_rule(
        ACCEPT_ALL_PHRASE,
        "says they accept all invitations",
        "'Accept all invitations', 'invites welcome', 'never IDK' and similar (domain.md 2). "
        "A phrase negated by one of the few words before it ('I do not accept all ...') does "
        "not count.",
    ),
    _signal_rule(
        LINK_FAMILY,
        "names an open-networking site (TopLinked, MyLink, OpenLink)",
        "LinkedIn's own rule for spotting open networkers looked for 'toplink' or 'mylink' in the "
        "name or headline (domain.md 2); OpenLink is the same family.",
    ),
    _signal_rule(
        OPEN_NETWORKER_GROUP,
        "member of an open-networker group",
        "A group name contains LION, Open Networker(s), TopLinked, OpenNetworker.com or "
        "MyLink500 (domain.md 1, 2). Membership shown on the profile is strong evidence.",
    ),
    _signal_rule(
        COUNT_BRAGGING,
        "brags about the size of their network",
        "A count such as '30K+' or '6,500+' next to a connection word, bracketed, or in the "
        "name (domain.md 2). Weak alone: big networks are not always open. '500+' is LinkedIn's "
        "display cap and means nothing.",
    ),
    _signal_rule(
        OPEN_LINK,
        "OpenLink profile (accepts messages from anyone)",
        "Sales Navigator's isOpenLink flag is set (domain.md 2): the person accepts messages "
        "from strangers, a moderate sign of openness.",
    ),
    _signal_rule(
        EMOJI_WITH_NETWORKING,
        "lion emoji next to a networking word",
        "The lion emoji 🦁 within a few characters of a networking word ('networker', "
        "'connect', 'invites' ...) is how many open networkers write LION (domain.md 2).",
    ),
    _signal_rule(
        LARGE_NETWORK,
        "very large connection count",
        "The profile's connection count is at or above the configured size. Weak: a large "
        "network hints at, but does not prove, an open networker (domain.md 2).",
    ),
    _signal_rule(
        EMOJI_ALONE,
        "lion emoji with no networking context",
        "A lion emoji 🦁 far from any networking word: it may be a star sign or a team, so it "
        "is only a weak hint (domain.md 2).",
    ),
    _signal_rule(
        KNOWN_PEOPLE_ONLY,
        "connects only with people they know",
        "'I only connect with people I know / have met', 'I do not accept unsolicited "
        "invitations' and similar refusals (domain.md 3). Strong selective evidence: a stranger's "
        "invitation is likely to be answered with 'I don't know this person'.",
    ),
    _signal_rule(
        NOT_A_LION,
        "says they are not a LION",
        "'Not a LION', 'not an open networker', 'non-LION' (domain.md 3).",
    ),
    _signal_rule(
        EARLY_MEMBER,
        "member since LinkedIn's early years",
        "Joined LinkedIn in its early years (configurable, default 2003-2008). Long-time members "
        "are the most annoyed by unexpected invitations (domain.md 1, 3): a weak selective hint.",
    ),
    _signal_rule(
        CONDITIONS,
        "asks for a note or to be followed instead",
        "'Please include a note saying how we know each other', 'follow me instead' "
        "(domain.md 3): they accept some strangers, on conditions, so a moderate selective sign.",
    ),
)
