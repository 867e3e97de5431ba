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

_STRONG = "chosen: decisive alone (net >= 0.5 open threshold), docs/sources.md 2"
_WEAK = "chosen: weak hint, alone it leaves the camp 'in between' (< 0.5), docs/sources.md 2"

# The core acts on the selective side at two levels (docs/engine.md): selective_connector at
# ``selective >= 0.3`` (with nothing open), and "do not send" to a stranger at confidence
# ``>= 0.8``. A refusal of strangers must reach 0.8 alone; every condition a stranger can meet
# must stay below it, alone and together: not-a-LION, a condition and early membership give
# 1 - 0.55 * 0.5 * 0.8 = 0.78.
_REFUSAL = ("chosen: a refusal of strangers (labelling.md, strangers: refused) must mean do not "
            "send, so it reaches the core's 0.8 do-not-send confidence alone")
_BELOW_DNS = ("chosen: selective alone (>= 0.3) but below the 0.8 do-not-send confidence even "
              "with LIO152 (0.45) and LIO153 (0.2): 1 - 0.55 x 0.5 x 0.8 = 0.78")

WEIGHTS: tuple[Setting, ...] = (
    Setting(name="lion-token-weight", default=0.9,
            description="Weight of the LION token (LIO101).",
            source=f"{_STRONG}; the most explicit self-label an open networker uses"),
    Setting(name="open-networker-phrase-weight", default=0.85,
            description="Weight of 'open networker' in the name, headline or about (LIO102).",
            source=f"{_STRONG}; the phrase is the long form of LION"),
    Setting(name="accept-all-weight", default=0.8,
            description="Weight of 'I accept all invitations' / 'invites welcome' / 'open to "
                        "all invitations' / 'I never reject an invitation' (LIO103).",
            source=f"{_STRONG}; labelling.md: a statement that anyone is welcome is open, hedged "
                   "or not (language.md family 8: 7 of 14 open statements are hedged); with a "
                   "condition (LIO154, 0.5) it leaves the person in between (0.8 - 0.5 < 0.5)"),
    Setting(name="link-family-weight", default=0.7,
            description="Weight of toplink / mylink / openlink in a text field (LIO104).",
            source=f"{_STRONG}; LinkedIn's own c.2009 rule for spotting open networkers"),
    Setting(name="group-weight", default=0.85,
            description="Weight of membership in an open-networker group (LIO105).",
            source=f"{_STRONG}; docs/sources.md 1: LION group membership shown on the profile"),
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
    Setting(name="scoped-welcome-weight", default=0.3,
            description="Weight of a welcome within a scope, of some invitations, or of 'feel "
                        "free to connect' (LIO111).",
            source=f"{_WEAK}; labelling.md: welcoming strangers within a scope is in_between; "
                   "with a condition (LIO154, 0.5) it stays in between (0.3 - 0.5 > -0.3)"),
    Setting(name="known-people-only-weight", default=0.9,
            description="Weight of a refusal of strangers: 'I only connect with people I know', "
                        "'I do not accept invitations from strangers', 'No unsolicited "
                        "invites' (LIO151).",
            source=_REFUSAL),
    Setting(name="not-a-lion-weight", default=0.45,
            description="Weight of 'not a LION' / 'not an open networker' / 'I'm selective "
                        "about who I connect with' (LIO152).",
            source=f"{_BELOW_DNS}; language.md family 6: not-a-LION statements rarely say who "
                   "is refused (strangers: unstated)"),
    Setting(name="early-member-weight", default=0.2,
            description="Weight of membership since LinkedIn's early years (LIO153).",
            source="chosen: weak hint that raises annoyance risk, docs/sources.md 1 and 3; alone "
            "it "
                   "leaves the person in between (< 0.3)"),
    Setting(name="conditions-weight", default=0.5,
            description="Weight of a condition a stranger can meet: 'please include a note', "
                        "'tell me why', 'follow me instead' (LIO154).",
            source=f"{_BELOW_DNS}; labelling.md: strangers conditional means some strangers "
                   "are accepted, so never do-not-send by itself"),
)

THRESHOLDS: tuple[Setting, ...] = (
    Setting(name="bragging-min-count", default=1000,
            description="Smallest bragged count ('1,000+', '30K+') that is evidence (LIO106).",
            source="chosen: twice LinkedIn's '500+' display cap, which means nothing alone "
                   "(docs/sources.md 2)"),
    Setting(name="large-network-min", default=5000,
            description="Smallest connections value that is a weak open hint (LIO109).",
            source="chosen: ten times the 500+ display cap, a sixth of the 30,000 network cap "
                   "(LinkedIn Help a551012, docs/sources.md 4)"),
    Setting(name="early-member-from", default=2003,
            description="First join year counted as LinkedIn's early years (LIO153).",
            source="LinkedIn launched in 2003; docs/sources.md 1 and 3 (long-time members)"),
    Setting(name="early-member-until", default=2008,
            description="Last join year counted as LinkedIn's early years (LIO153).",
            source="chosen: the years before LinkedIn opened up to mass invitations; "
                   "docs/sources.md 1 (remember a more structured LinkedIn)"),
    Setting(name="emoji-window", default=25,
            description="How many characters either side of a lion emoji are searched for a "
                        "networking word (LIO108).",
            source="chosen: a headline segment between separators, e.g. '🦁 Open Networker'"),
    Setting(name="negation-window", default=4,
            description="How many words before a verb, a marker or a phrase a negation reaches "
                        "('I do not accept all invitations', 'I am not going to accept').",
            source="chosen: covers 'do not', 'will never', 'am not going to' before the verb; "
                   "language.md family 2 (negation attaches to the verb)"),
)

PHRASES: tuple[Setting, ...] = (
    Setting(name="lion-tokens", default=["LION"],
            description="The LION token. Matched in capitals only (plain 'lion' is prose), "
                        "case-free when bracketed, counted or dotted (L.I.O.N.).",
            source="docs/sources.md 2"),
    Setting(name="networking-words",
            default=["open networker", "networker", "networking", "network", "connect",
                     "connections", "invites", "invitations"],
            description="Words that turn 'Lion' or the lion emoji next to them into evidence.",
            source="docs/sources.md 2 ('the lion emoji', 'open networker')"),
    Setting(name="open-networker-phrases",
            default=["open networker", "linkedin open networker",
                     # in other languages (docs/language.md section 16)
                     "offener netzwerker", "offene netzwerkerin", "open netwerker",
                     "réseau ouvert", "red abierta", "rede aberta"],
            description="Phrases by which people call themselves open networkers (LIO102).",
            source="docs/sources.md 2"),
    Setting(name="accept-all-phrases",
            default=["no invitation refused", "every invitation accepted", "IDK-free zone"],
            description="Extra phrases saying every invitation is accepted (LIO103), on top of "
                        "what the grammar reads ('I accept all invitations', 'invites welcome', "
                        "'never IDK'). Not counted after a negation.",
            source="chosen: idioms without an accept verb; language.md family 8"),
    Setting(name="link-family", default=["toplinked", "toplink", "mylink500", "mylink", "openlink"],
            description="Open-networking sites and LinkedIn's OpenLink, as whole words (LIO104).",
            source="docs/sources.md 2 (LinkedIn's rule: 'toplink' or 'mylink'; sites TopLinked, "
                   "MyLink500, OpenLink)"),
    Setting(name="open-networker-groups",
            default=["LION", "open networker", "opennetworker", "toplinked", "toplink",
                     "mylink500", "mylink", "openlink"],
            description="Group-name fragments of open-networker groups (LIO105); 'LION' also "
                        "matches its bracketed and dotted forms.",
            source="docs/sources.md 2 (TopLinked.com (Open Networkers), OpenNetworker.com, Leading "
                   "International Open Networkers (LION), LION - LinkedIn Open Networkers)"),
    Setting(name="connection-words",
            default=["connections", "connection", "contacts", "network", "1st degree",
                     "first degree"],
            description="Words that make a count next to them a network size (LIO106).",
            source="docs/sources.md 2 ('30K+', '6,500+')"),
    Setting(name="known-people-only-phrases",
            default=["real-life connections only", "IRL connections only",
                     "offline connections only", "no cold invites"],
            description="Extra phrases refusing strangers (LIO151), on top of what the grammar "
                        "reads ('I only connect with people I know', 'I do not accept "
                        "invitations from strangers', 'No unsolicited invites').",
            source="chosen: idioms without a verb or a known-people object; language.md "
                   "families 1 and 2"),
    Setting(name="conditions-phrases",
            default=["note required", "intro required", "say hi in the note",
                     "no blank invites"],
            description="Extra phrases setting a condition a stranger can meet (LIO154), on top "
                        "of what the grammar reads ('please include a note', 'tell me why', "
                        "'follow me instead', 'No note = no accept').",
            source="chosen: slogans and idioms; language.md families 3 and 4"),
    Setting(name="not-a-lion-phrases",
            default=["quality over quantity", "not a collector of connections"],
            description="Extra phrases saying they are not an open networker (LIO152), on top of "
                        "the negated markers the plugin reads ('not a LION', 'non-LION', 'I am "
                        "not an open networker').",
            source="chosen: language.md family 6 and the anti-open remarks of its traps"),
    Setting(name="negation-words",
            default=["not", "no", "never", "nor", "neither", "rarely", "seldom", "hardly",
                     "barely", "unlikely", "without"],
            description="The negation words of the grammar (contractions are spelled out "
                        "first: \"don't\" and \"dont\" are \"do not\").",
            source="chosen: language.md family 2 (don't 37, do not 14, won't 12, never 6 in own "
                   "policies); rarely/seldom turn 'I rarely decline' into an open statement"),
    Setting(name="false-friends",
            default=["Lions Club", "Lions Clubs International", "Lions International",
                     "Lion's Club", "Detroit Lions", "British and Irish Lions", "Lionel",
                     "Lionbridge", "Lion King", "sea lion", "mountain lion", "Lion Capital",
                     "Lionsgate", "Lions Gate", "brave as a lion", "lionheart", "lionhearted",
                     "Lyon", "open networking", "OpenLink Financial", "OpenLink Software"],
            description="Phrases that look like evidence but are not; evidence inside one is "
                        "ignored.",
            source="docs/sources.md 2 (false friends)"),
    Setting(name="lion-emoji", default=["🦁"],
            description="The lion emoji (LIO108, LIO110).",
            source="docs/sources.md 2"),
)

SETTINGS: tuple[Setting, ...] = (*WEIGHTS, *THRESHOLDS, *PHRASES)
