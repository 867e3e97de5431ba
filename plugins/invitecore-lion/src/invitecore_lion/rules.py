"""The rule codes of the lion plugin and their declarations.

``LIO101``-``LIO111`` are evidence of an open networker, ``LIO151``-``LIO154`` evidence of a
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
SCOPED_WELCOME = "LIO111"

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
        "evidence (docs/sources.md 2). Lions Clubs, the Detroit Lions and other false friends do "
        "not "
        "count.",
    ),
    _signal_rule(
        OPEN_NETWORKER_PHRASE,
        "calls themself an open networker",
        "'Open networker', 'LinkedIn Open Networker' or 'OpenNetworker' in the name, headline "
        "or about (docs/sources.md 2). 'Open Networking' (software-defined networking) does not "
        "count.",
    ),
    _signal_rule(
        ACCEPT_ALL_PHRASE,
        "says they accept all invitations",
        "The writer accepts invitations from anyone: 'I accept all invitations', 'Open to all "
        "connection requests', 'Invites welcome', 'I never reject an invitation', 'never IDK', "
        "'WILL CONNECT WITH ANYONE' (docs/language.md, family 8). Hedges ('pretty much "
        "everyone', 'most invitations') still count. Negated ('I do not accept all ...'), past "
        "('I used to accept everyone') or someone else's ('LIONs accept all invitations', 'you "
        "should accept everyone') statements do not.",
    ),
    _signal_rule(
        LINK_FAMILY,
        "names an open-networking site (TopLinked, MyLink, OpenLink)",
        "LinkedIn's own rule for spotting open networkers looked for 'toplink' or 'mylink' in the "
        "name or headline (docs/sources.md 2); OpenLink is the same family.",
    ),
    _signal_rule(
        OPEN_NETWORKER_GROUP,
        "member of an open-networker group",
        "A group name contains LION, Open Networker(s), TopLinked, OpenNetworker.com or "
        "MyLink500 (docs/sources.md 1, 2). Membership shown on the profile is strong evidence.",
    ),
    _signal_rule(
        COUNT_BRAGGING,
        "brags about the size of their network",
        "A count such as '30K+' or '6,500+' next to a connection word, bracketed, or in the "
        "name (docs/sources.md 2). Weak alone: big networks are not always open. '500+' is "
        "LinkedIn's "
        "display cap and means nothing.",
    ),
    _signal_rule(
        OPEN_LINK,
        "OpenLink profile (accepts messages from anyone)",
        "Sales Navigator's isOpenLink flag is set (docs/sources.md 2): the person accepts messages "
        "from strangers, a moderate sign of openness.",
    ),
    _signal_rule(
        EMOJI_WITH_NETWORKING,
        "lion emoji next to a networking word",
        "The lion emoji 🦁 within a few characters of a networking word ('networker', "
        "'connect', 'invites' ...) is how many open networkers write LION (docs/sources.md 2).",
    ),
    _signal_rule(
        LARGE_NETWORK,
        "very large connection count",
        "The profile's connection count is at or above the configured size. Weak: a large "
        "network hints at, but does not prove, an open networker (docs/sources.md 2).",
    ),
    _signal_rule(
        EMOJI_ALONE,
        "lion emoji with no networking context",
        "A lion emoji 🦁 far from any networking word: it may be a star sign or a team, so it "
        "is only a weak hint (docs/sources.md 2).",
    ),
    _signal_rule(
        SCOPED_WELCOME,
        "welcomes invitations from a group, or some invitations",
        "The writer welcomes invitations within a scope ('I accept invitations from anyone in "
        "supply chain', 'Fellow nurses: you're welcome to connect'), accepts some strangers "
        "('I accept some invitations from people I haven't met'), or invites the reader to "
        "connect ('Feel free to connect with me'). Weak open evidence: alone it leaves the "
        "person in between (docs/language.md, family 3, scoped acceptance).",
    ),
    _signal_rule(
        KNOWN_PEOPLE_ONLY,
        "does not accept invitations from strangers",
        "The writer refuses strangers: only people they know, have met, have worked or done "
        "business with ('I only connect with people I know', 'Connections are for people I've "
        "met', 'KNOWN CONTACTS ONLY'), no strangers or unsolicited invitations ('I do not "
        "accept invitations from people I do not know', 'No unsolicited invites'), or a "
        "stranger gets 'I don't know this person' (docs/language.md, families 1, 2 and 5). A "
        "stranger's invitation is likely to be refused or reported: do not send.",
    ),
    _signal_rule(
        NOT_A_LION,
        "says they are not an open networker",
        "'Not a LION', 'non-LION', 'I am not an open networker', 'I'm selective about who I "
        "connect with', 'I keep my network small' (docs/language.md, family 6): selective, but "
        "without saying who is refused.",
    ),
    _signal_rule(
        EARLY_MEMBER,
        "member since LinkedIn's early years",
        "Joined LinkedIn in its early years (configurable, default 2003-2008). Long-time members "
        "are the most annoyed by unexpected invitations (docs/sources.md 1, 3): a weak selective "
        "hint.",
    ),
    _signal_rule(
        CONDITIONS,
        "asks for a note or a reason, or to follow instead",
        "A condition a stranger can meet: 'Please include a note', 'Tell me why you want to "
        "connect', 'Personalise your invite', 'No note = no accept', 'Follow me instead', 'I "
        "connect only with people in tech' (docs/language.md, families 3 and 4). Selective, "
        "but such people accept some strangers: warm up, never a refusal by itself.",
    ),
)
