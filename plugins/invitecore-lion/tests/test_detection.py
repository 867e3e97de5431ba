"""The markers: each fires on its evidence, at the exact span, and not on the false friends.

The statements the grammar reads (policies in sentences) are in test_statements.py.
"""

from __future__ import annotations

import pytest
from lion_support import codes_for, signals_for

from invitecore import Camp
from invitecore_lion import rules

OPEN_TEXT = [
    # (headline, code, evidence)
    ("Recruiter (LION)", rules.LION_TOKEN, "(LION)"),
    ("[LION] Sales", rules.LION_TOKEN, "[LION]"),
    ("Sales [LION 6,500+]", rules.LION_TOKEN, "[LION 6,500+]"),
    ("Sales {lion 30K+}", rules.LION_TOKEN, "{lion 30K+}"),
    ("Proud LION, recruiter", rules.LION_TOKEN, "LION"),
    ("L.I.O.N. since 2010", rules.LION_TOKEN, "L.I.O.N."),
    ("Lion 12,000+ | CFO", rules.LION_TOKEN, "Lion 12,000+"),
    ("Lion networker and coach", rules.LION_TOKEN, "Lion networker"),
    ("ＬＩＯＮ Recruiter", rules.LION_TOKEN, "ＬＩＯＮ"),
    ("𝐋𝐈𝐎𝐍 | Recruiter", rules.LION_TOKEN, "𝐋𝐈𝐎𝐍"),
    ("Coach ［ｌｉｏｎ］", rules.LION_TOKEN, "［ｌｉｏｎ］"),
    ("Member of the TopLinked LIONs", rules.LION_TOKEN, "LIONs"),
    ("Open Networker | Sales", rules.OPEN_NETWORKER_PHRASE, "Open Networker"),
    ("OpenNetworker and recruiter", rules.OPEN_NETWORKER_PHRASE, "OpenNetworker"),
    ("LinkedIn Open Networkers welcome", rules.OPEN_NETWORKER_PHRASE, "LinkedIn Open Networkers"),
    ("I accept all invitations", rules.ACCEPT_ALL_PHRASE, "accept all invitations"),
    ("Invites welcome!", rules.ACCEPT_ALL_PHRASE, "Invites welcome"),
    ("Never IDK - connect", rules.ACCEPT_ALL_PHRASE, "Never IDK"),
    ("I won’t IDK anyone", rules.ACCEPT_ALL_PHRASE, "won’t IDK"),
    ("Find me on TopLinked", rules.LINK_FAMILY, "TopLinked"),
    ("mylink500 member", rules.LINK_FAMILY, "mylink500"),
    ("OpenLink member", rules.LINK_FAMILY, "OpenLink"),
    ("30K+ connections", rules.COUNT_BRAGGING, "30K+ connections"),
    ("6,500+ contacts and counting", rules.COUNT_BRAGGING, "6,500+ contacts"),
    ("Network of 12,000+", rules.COUNT_BRAGGING, "Network of 12,000+"),
    ("Recruiter [25,000+]", rules.COUNT_BRAGGING, "[25,000+]"),
    ("🦁 Open to connect", rules.EMOJI_WITH_NETWORKING, "🦁 Open to connect"),
    ("Networking 🦁", rules.EMOJI_WITH_NETWORKING, "Networking 🦁"),
    ("Leo 🦁 | accountant", rules.EMOJI_ALONE, "🦁"),
]


@pytest.mark.parametrize(("headline", "code", "evidence"), OPEN_TEXT)
def test_open_evidence_in_headline(headline: str, code: str, evidence: str) -> None:
    found = [s for s in signals_for(headline=headline) if s.code == code]
    assert len(found) == 1, signals_for(headline=headline)
    signal = found[0]
    assert signal.camp is Camp.OPEN
    assert signal.field == "headline"
    assert signal.span is not None
    assert headline[signal.span[0] : signal.span[1]] == evidence


SELECTIVE_TEXT = [
    ("I only connect with people I know.", rules.KNOWN_PEOPLE_ONLY,
     "only connect with people I know"),
    ("I ONLY connect with people I have met in person", rules.KNOWN_PEOPLE_ONLY,
     "ONLY connect with people I have met"),
    ("I do not accept unsolicited invitations", rules.KNOWN_PEOPLE_ONLY,
     "do not accept unsolicited invitations"),
    ("I don't connect with strangers", rules.KNOWN_PEOPLE_ONLY, "don't connect with strangers"),
    ("Not a LION.", rules.NOT_A_LION, "Not a LION"),
    ("non-LION, sorry", rules.NOT_A_LION, "non-LION"),
    ("I am not an open networker", rules.NOT_A_LION, "not an open networker"),
    ("Please include a note saying how we know each other", rules.CONDITIONS,
     "Please include a note"),
    ("Happy to share - follow me instead", rules.CONDITIONS, "follow me instead"),
]


@pytest.mark.parametrize(("about", "code", "evidence"), SELECTIVE_TEXT)
def test_selective_evidence_in_about(about: str, code: str, evidence: str) -> None:
    found = [s for s in signals_for(about=about) if s.code == code]
    assert len(found) == 1, signals_for(about=about)
    assert found[0].camp is Camp.SELECTIVE
    assert found[0].span is not None
    assert about[found[0].span[0] : found[0].span[1]] == evidence


FALSE_FRIENDS = [
    "Past president, Lions Clubs International",
    "LIONS CLUB volunteer",
    "Detroit Lions season ticket holder",
    "DETROIT LIONS fan",
    "Lionel Richie cover band",
    "Localization PM at Lionbridge",
    "Loves The Lion King",
    "Studying sea lions in Monterey",
    "Partner at Lion Capital",
    "Based in Lyon",
    "Brave as a lion in negotiations",
    "Open Networking (SDN) architect",
    "#OpenToWork",
    "Open to new opportunities",
    "lion tamer",
    "The lion's share of revenue",
    "500+ connections",
    "20+ years in retail, 1,000+ customers",
    "$30K+ raised for charity",
    "Treasury at OpenLink Financial",
    "Click the top link below",
]


@pytest.mark.parametrize("text", FALSE_FRIENDS)
@pytest.mark.parametrize("field", ["name", "headline", "about"])
def test_false_friends_give_no_signal(field: str, text: str) -> None:
    assert codes_for(**{field: text}) == set()


@pytest.mark.parametrize("group", ["Lions Clubs International", "Detroit Lions Fans",
                                   "Lion Lovers", "Open Networking Foundation"])
def test_false_friend_groups_give_no_signal(group: str) -> None:
    assert codes_for(groups=[group]) == set()


@pytest.mark.parametrize(
    ("group", "evidence"),
    [
        ("TopLinked.com (Open Networkers)", "TopLinked"),
        ("OpenNetworker.com", "OpenNetworker"),
        ("Leading International Open Networkers (LION)", "Open Networkers"),
        ("LION - LinkedIn Open Networkers", "LION"),
        ("MyLink500", "MyLink500"),
        ("[lion] members", "[lion]"),
    ],
)
def test_open_networker_groups(group: str, evidence: str) -> None:
    signals = signals_for(groups=["Chess Club", group])
    assert [s.code for s in signals] == [rules.OPEN_NETWORKER_GROUP]
    signal = signals[0]
    assert signal.field == "groups[1]"
    assert signal.span is not None
    assert group[signal.span[0] : signal.span[1]] == evidence


def test_name_field_count_alone_is_a_brag_but_not_in_a_headline() -> None:
    assert codes_for(name="Dana Reyes 30K+") == {rules.COUNT_BRAGGING}
    assert codes_for(headline="Grew revenue 30K+") == set()


def test_count_bragging_threshold_and_value() -> None:
    [signal] = signals_for(headline="1,500+ connections")
    assert signal.value == "1500"
    assert codes_for(headline="999+ connections") == set()


def test_negated_open_phrase_is_ignored() -> None:
    assert codes_for(about="I do not accept all invitations.") == set()
    assert codes_for(about="I will never accept all invites") == set()
    assert codes_for(about="I accept all invitations") == {rules.ACCEPT_ALL_PHRASE}


def test_emoji_next_to_a_false_friend_is_a_mascot() -> None:
    assert codes_for(headline="🦁 Detroit Lions | networking nights") == set()


def test_emoji_far_from_networking_words_is_weak() -> None:
    about = "🦁" + " born in August" * 5 + " networking"
    assert codes_for(about=about) == {rules.EMOJI_ALONE}


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"open_link": True}, rules.OPEN_LINK, "open_link"),
        ({"connections": 12000}, rules.LARGE_NETWORK, "connections"),
        ({"member_since": 2004}, rules.EARLY_MEMBER, "member_since"),
    ],
)
def test_profile_flags(fields: dict[str, object], code: str, field: str) -> None:
    [signal] = signals_for(**fields)
    assert (signal.code, signal.field, signal.span) == (code, field, None)


@pytest.mark.parametrize(
    "fields",
    [{"open_link": False}, {"connections": 500}, {"connections": 4999},
     {"member_since": 2002}, {"member_since": 2009}, {}],
)
def test_profile_flags_below_their_thresholds(fields: dict[str, object]) -> None:
    assert codes_for(**fields) == set()


def test_each_code_counts_once_per_profile() -> None:
    signals = signals_for(name="Dana (LION)", headline="[LION] recruiter", about="LION 🦁 🦁 🦁")
    assert [s.code for s in signals].count(rules.LION_TOKEN) == 1
    assert signals[0].field == "name"
    assert [s.code for s in signals].count(rules.EMOJI_WITH_NETWORKING) <= 1


def test_every_signal_uses_a_declared_code_and_weight_in_range() -> None:
    declared = {r.code for r in rules.RULES}
    signals = signals_for(
        name="Dana Reyes (LION) 30K+", headline="Open Networker 🦁 | accept all invitations",
        about="TopLinked. Not a LION? I only connect with people I know. Follow me instead.",
        groups=["OpenNetworker.com"], open_link=True, connections=9000, member_since=2005,
    )
    assert {s.code for s in signals} <= declared
    assert len({s.code for s in signals}) == len(signals)
    assert all(0 < s.weight <= 1 for s in signals)


@pytest.mark.parametrize(
    ("headline", "evidence"),
    [
        ("Proud LiON 🦁 | Luxury retail", "LiON"),  # three capitals make the token
        ("Gary Pullman [L.I.O.N.]", "L.I.O.N."),
        ("(LION) 28K+ Connections | Staffing", "(LION)"),
        ("Headhunter | LION 30K+", "LION 30K+"),
    ],
)
def test_more_written_forms_of_the_token(headline: str, evidence: str) -> None:
    [signal] = [s for s in signals_for(headline=headline) if s.code == rules.LION_TOKEN]
    assert headline[signal.span[0] : signal.span[1]] == evidence  # type: ignore[index]


@pytest.mark.parametrize(
    "headline",
    [
        "LION 2010–2018 | Logistics software",  # dated: a past status
        "Recovering LION | HR consultant",
        "Former LION, now selective",
        "Research Assistant @ L.I.O.N. & NeuDim",  # "@": an employer
        "Architect of L.I.O.N.E.L.",  # a longer acronym
        "L.i.O.n studio",  # a brand in mixed case
        "I devalue profiles with the word LION",  # a mention
    ],
)
def test_a_token_that_is_past_or_not_a_claim_is_no_open_evidence(headline: str) -> None:
    assert rules.LION_TOKEN not in codes_for(headline=headline)


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Brand strategist. NOT a LION.", "NOT a LION"),
        ("non-LION, sorry", "non-LION"),
        ("I'm not an open networker and won't become one.", "not an open networker"),
        ("Why I decided to stop being an open networker", "stop being an open networker"),
        ("The LION life is not for me.", "LION"),
    ],
)
def test_a_negated_marker_is_not_a_lion(text: str, evidence: str) -> None:
    signals = [s for s in signals_for(about=text) if s.code == rules.NOT_A_LION]
    assert [s.value for s in signals] == ["not-a-lion"]
    assert text[signals[0].span[0] : signals[0].span[1]] == evidence  # type: ignore[index]
    assert not {rules.LION_TOKEN, rules.OPEN_NETWORKER_PHRASE} & codes_for(about=text)


@pytest.mark.parametrize(
    "about",
    [
        "A LION is someone who accepts every invitation.",  # a definition
        "LION = LinkedIn Open Networker.",
        "LIONs accept all invitations and never click IDK.",  # other people
        "Is it a good thing to be a LION?",  # a question
        "When someone says they are a LION, I expect them to accept.",
        "There are groups for Open Networkers such as TopLinked.",
        "I was a LION once; no more.",
    ],
)
def test_talk_about_lions_in_the_about_is_not_the_writers_status(about: str) -> None:
    assert not {rules.LION_TOKEN, rules.OPEN_NETWORKER_PHRASE, rules.ACCEPT_ALL_PHRASE} & (
        codes_for(about=about)
    )


@pytest.mark.parametrize(
    "about", ["I am a proud LION and connect with everyone.", "Proud LION.", "LION | 20k+"]
)
def test_a_lion_of_ones_own_in_the_about_counts(about: str) -> None:
    assert rules.LION_TOKEN in codes_for(about=about)


@pytest.mark.parametrize(("text", "evidence"), [("Part LION, part discerning leader", "LION"),
                                                ("I'm a fairly open networker", "open networker"),
                                                ("Open networker for the Baltic shipping "
                                                 "industry", "Open networker")])
def test_a_partial_marker_is_in_between_evidence(text: str, evidence: str) -> None:
    [signal] = signals_for(about=text)
    assert (signal.code, signal.value) == (rules.SCOPED_WELCOME, "partial")
    assert text[signal.span[0] : signal.span[1]] == evidence  # type: ignore[index]
