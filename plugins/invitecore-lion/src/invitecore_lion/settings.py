"""Every weight, threshold and phrase list of the lion plugin, with its default and source.

Weights are chosen against the core's classification (noisy-OR per camp, ``net = open -
selective``; open networker at ``net >= 0.5``, selective connector at ``net <= -0.3``): a strong
sign decides alone, a weak hint alone leaves the person "in between", and an explicit "I only
connect with people I know" outweighs any weak open hint.

Phrase lists are plain text, not regular expressions, so a user's extension can never make
matching slow: words match ignoring case (except the LION token, see ``lion-tokens``), any run
of spaces or hyphens between words matches any other (or none: ``opennetworker``), a straight or
curly apostrophe is optional, and a trailing plural ``s`` is allowed.
"""

from __future__ import annotations

from invitecore import Setting

_STRONG = "chosen: decisive alone (net >= 0.5 open threshold), domain.md 2"
_WEAK = "chosen: weak hint, alone it leaves the camp 'in between' (< 0.5), domain.md 2"

WEIGHTS: tuple[Setting, ...] = (
    Setting(name="lion-token-weight", default=0.9,
            description="Weight of the LION token (LIO101).",
            source=f"{_STRONG}; the most explicit self-label an open networker uses"),
    Setting(name="open-networker-phrase-weight", default=0.85,
            description="Weight of 'open networker' in the name, headline or about (LIO102).",
            source=f"{_STRONG}; the phrase is the long form of LION"),
    Setting(name="accept-all-weight", default=0.8,
            description="Weight of 'accept all invitations' / 'invites welcome' (LIO103).",
            source=_STRONG),
    Setting(name="link-family-weight", default=0.7,
            description="Weight of toplink / mylink / openlink in a text field (LIO104).",
            source=f"{_STRONG}; LinkedIn's own c.2009 rule for spotting open networkers"),
    Setting(name="group-weight", default=0.85,
            description="Weight of membership in an open-networker group (LIO105).",
            source=f"{_STRONG}; domain.md 1: LION group membership shown on the profile"),
    Setting(name="count-bragging-weight", default=0.3,
            description="Weight of a bragged connection count such as '30K+' (LIO106).",
            source=_WEAK),
    Setting(name="open-link-weight", default=0.4,
            description="Weight of the OpenLink flag (open_link = true) (LIO107).",
            source=f"{_WEAK}; open to messages is not quite open to invitations"),
    Setting(name="emoji-networking-weight", default=0.75,
            description="Weight of the lion emoji next to a networking word (LIO108).",
            source=f"{_STRONG}; the emoji written as the LION token, a little less explicit"),
    Setting(name="large-network-weight", default=0.2,
            description="Weight of a connection count at or above large-network-min (LIO109).",
            source=_WEAK),
    Setting(name="emoji-alone-weight", default=0.15,
            description="Weight of a lion emoji with no networking word near it (LIO110).",
            source=f"{_WEAK}; it may be a star sign or a team"),
    Setting(name="known-people-only-weight", default=0.9,
            description="Weight of 'I only connect with people I know' and refusals (LIO151).",
            source="chosen: decisive alone and beats any weak open hint, domain.md 3"),
    Setting(name="not-a-lion-weight", default=0.75,
            description="Weight of 'not a LION' / 'not an open networker' (LIO152).",
            source="chosen: selective alone (net <= -0.3), domain.md 3"),
    Setting(name="early-member-weight", default=0.2,
            description="Weight of membership since LinkedIn's early years (LIO153).",
            source="chosen: weak hint that raises annoyance risk, domain.md 1 and 3"),
    Setting(name="conditions-weight", default=0.55,
            description="Weight of 'include a note' / 'follow me instead' (LIO154).",
            source="chosen: selective (net <= -0.3) but below the core's 0.8 do-not-send "
                   "confidence: such people accept some strangers, domain.md 3"),
)

THRESHOLDS: tuple[Setting, ...] = (
    Setting(name="bragging-min-count", default=1000,
            description="Smallest bragged count ('1,000+', '30K+') that is evidence (LIO106).",
            source="chosen: twice LinkedIn's '500+' display cap, which means nothing alone "
                   "(domain.md 2)"),
    Setting(name="large-network-min", default=5000,
            description="Smallest connections value that is a weak open hint (LIO109).",
            source="chosen: ten times the 500+ display cap, a sixth of the 30,000 network cap "
                   "(LinkedIn Help a551012, domain.md 4)"),
    Setting(name="early-member-from", default=2003,
            description="First join year counted as LinkedIn's early years (LIO153).",
            source="LinkedIn launched in 2003; domain.md 1 and 3 (long-time members)"),
    Setting(name="early-member-until", default=2008,
            description="Last join year counted as LinkedIn's early years (LIO153).",
            source="chosen: the years before LinkedIn opened up to mass invitations; "
                   "domain.md 1 (remember a more structured LinkedIn)"),
    Setting(name="emoji-window", default=25,
            description="How many characters either side of a lion emoji are searched for a "
                        "networking word (LIO108).",
            source="chosen: a headline segment between separators, e.g. '🦁 Open Networker'"),
    Setting(name="negation-window", default=3,
            description="How many words before an open phrase are checked for a negation "
                        "('I do not accept all invitations').",
            source="chosen: covers 'do not', 'will never', 'am not a' before the phrase"),
)

PHRASES: tuple[Setting, ...] = (
    Setting(name="lion-tokens", default=["LION"],
            description="The LION token. Matched in capitals only (plain 'lion' is prose), "
                        "case-free when bracketed, counted or dotted (L.I.O.N.).",
            source="domain.md 2"),
    Setting(name="networking-words",
            default=["open networker", "networker", "networking", "network", "connect",
                     "connections", "invites", "invitations"],
            description="Words that turn 'Lion' or the lion emoji next to them into evidence.",
            source="domain.md 2 ('the lion emoji', 'open networker')"),
    Setting(name="open-networker-phrases",
            default=["open networker", "linkedin open networker"],
            description="Phrases by which people call themselves open networkers (LIO102).",
            source="domain.md 2"),
    Setting(name="accept-all-phrases",
            default=["accept all invitations", "accept all invites", "accept all invite",
                     "accept all connection requests", "accept all requests",
                     "accepts all invitations", "accepts all invites",
                     "accepting all invitations", "accepting all invites",
                     "accept every invitation", "accept everyone",
                     "all invites accepted", "all invitations accepted",
                     "invites welcome", "invitations welcome", "invites are welcome",
                     "invitations are welcome", "invites welcomed",
                     "connection requests welcome", "connection requests are welcome",
                     "will accept your invitation", "never IDK", "never click IDK",
                     "won't IDK", "will not IDK", "never say I don't know"],
            description="Phrases saying every invitation is accepted (LIO103).",
            source="domain.md 2 ('accept all invitations', 'invites welcome', 'never IDK')"),
    Setting(name="link-family", default=["toplinked", "toplink", "mylink500", "mylink", "openlink"],
            description="Open-networking sites and LinkedIn's OpenLink, as whole words (LIO104).",
            source="domain.md 2 (LinkedIn's rule: 'toplink' or 'mylink'; sites TopLinked, "
                   "MyLink500, OpenLink)"),
    Setting(name="open-networker-groups",
            default=["LION", "open networker", "opennetworker", "toplinked", "toplink",
                     "mylink500", "mylink", "openlink"],
            description="Group-name fragments of open-networker groups (LIO105); 'LION' also "
                        "matches its bracketed and dotted forms.",
            source="domain.md 2 (TopLinked.com (Open Networkers), OpenNetworker.com, Leading "
                   "International Open Networkers (LION), LION - LinkedIn Open Networkers)"),
    Setting(name="connection-words",
            default=["connections", "connection", "contacts", "network", "1st degree",
                     "first degree"],
            description="Words that make a count next to them a network size (LIO106).",
            source="domain.md 2 ('30K+', '6,500+')"),
    Setting(name="known-people-only-phrases",
            default=["only connect with people I know", "only connect with people I have met",
                     "only connect with people I've met",
                     "only connect with people I know personally",
                     "only connect with those I know", "only connect with people I trust",
                     "only connect with people I have worked with",
                     "only accept invitations from people I know",
                     "only accept invites from people I know",
                     "only accept connections from people I know",
                     "only accept connection requests from people I know",
                     "only accept invitations from people I have met",
                     "do not accept unsolicited", "don't accept unsolicited",
                     "no unsolicited invitations", "no unsolicited connection requests",
                     "no unsolicited invites",
                     "do not accept invitations from strangers",
                     "don't accept invitations from strangers",
                     "do not accept invitations from people I don't know",
                     "don't accept invitations from people I don't know",
                     "do not connect with people I don't know",
                     "don't connect with people I don't know",
                     "do not connect with strangers", "don't connect with strangers",
                     "I don't accept connection requests from people I don't know"],
            description="Statements of connecting only with known people (LIO151).",
            source="domain.md 3"),
    Setting(name="conditions-phrases",
            default=["please include a note", "include a note saying how we know each other",
                     "include a personal note", "tell me how we know each other",
                     "let me know how we know each other", "say how we know each other",
                     "invitations without a note will be ignored",
                     "invitations without a note are ignored",
                     "follow me instead", "please follow instead", "feel free to follow me",
                     "follow rather than connect"],
            description="Conditions for accepting strangers: a note, or follow instead (LIO154).",
            source="domain.md 3"),
    Setting(name="not-a-lion-phrases",
            default=["not a LION", "not LION", "non-LION", "no longer a LION",
                     "not an open networker",
                     "no longer an open networker", "not a LinkedIn open networker",
                     "not an open-networker"],
            description="Statements of not being an open networker (LIO152).",
            source="domain.md 3 ('not a LION')"),
    Setting(name="negation-words",
            default=["not", "no", "never", "don't", "dont", "doesn't", "won't", "cannot",
                     "can't", "nor"],
            description="Words that, just before an open phrase, negate it.",
            source="chosen: common English negations"),
    Setting(name="false-friends",
            default=["Lions Club", "Lions Clubs International", "Lions International",
                     "Lion's Club", "Detroit Lions", "British and Irish Lions", "Lionel",
                     "Lionbridge", "Lion King", "sea lion", "mountain lion", "Lion Capital",
                     "Lionsgate", "Lions Gate", "brave as a lion", "lionheart", "lionhearted",
                     "Lyon", "open networking", "OpenLink Financial", "OpenLink Software"],
            description="Phrases that look like evidence but are not; evidence inside one is "
                        "ignored.",
            source="domain.md 2 (false friends)"),
    Setting(name="lion-emoji", default=["🦁"],
            description="The lion emoji (LIO108, LIO110).",
            source="domain.md 2"),
)

SETTINGS: tuple[Setting, ...] = (*WEIGHTS, *THRESHOLDS, *PHRASES)
