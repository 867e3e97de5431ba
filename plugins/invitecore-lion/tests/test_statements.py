"""The grammar, family by family (docs/language.md): what a policy sentence says, and what a
sentence with the same words says when it is negated, past, someone else's, a definition, or
a false friend. Every example is invented; each table entry is ``text -> {code: value}`` of
everything the plugin finds in it (in the about unless the case says otherwise).
"""

from __future__ import annotations

import pytest
from lion_support import evidence, found, signals_for

from invitecore_lion import rules

REFUSES = rules.KNOWN_PEOPLE_ONLY  # LIO151
CONDITION = rules.CONDITIONS  # LIO154
NOT_OPEN = rules.NOT_A_LION  # LIO152
OPEN = rules.ACCEPT_ALL_PHRASE  # LIO103
SOME = rules.SCOPED_WELCOME  # LIO111


def check(text: str, expected: dict[str, str], field: str = "about") -> None:
    assert found(text, field) == expected, text


# -- family 1: known people only -----------------------------------------------------------------

KNOWN_ONLY = [
    # the phrasings of the issue
    "I only accept people I know.",
    "I connect only with people I know personally.",
    "I only connect with people I've worked with.",
    # only before, after, split; no "only"; typos; no apostrophes
    "I am accepting only contacts which I know personally from projects.",
    "I accept invitations only from people I have met in person.",
    "Only conect with ppl ive met irl or worked with. thx",
    "i only add folks i have shipped a product with",
    "I connect with people I have done business with.",
    # the network as subject, a fronted object, the verb left out
    "Connections are for people I have actually met.",
    "My network is people I would vouch for.",
    "People I know: those are the ones I connect with.",
    "KNOWN CONTACTS ONLY",
    # known people as the condition of an acceptance
    "If we have shipped something together, send the invite.",
]


@pytest.mark.parametrize("text", KNOWN_ONLY)
def test_known_people_only(text: str) -> None:
    check(text, {REFUSES: "known-people-only"})


def test_known_people_only_in_the_headline() -> None:
    check("CFO · I only accept invites from people I know", {REFUSES: "known-people-only"},
          field="headline")


# -- family 2: strangers refused -----------------------------------------------------------------

NO_STRANGERS = [
    "I do not accept invitations from people I do not know.",
    "i dont accept invites from people i dont know sorry",
    "I won't connect with strangers.",
    "I have not accepted invitations from strangers in years.",
    "Invitations from people outside my professional circle will not be accepted.",
    "Strangers, please don't connect.",
    "If I don't know you, I won't accept.",
    "Haven't met? Then I won't accept.",
    "No unsolicited invites, please.",
    "I never accept invitations from vendors or anyone I haven't met.",
    "I am very unlikely to accept if I don't know you.",
    "Please do not send me requests unless we have done business together.",
]


@pytest.mark.parametrize("text", NO_STRANGERS)
def test_strangers_refused(text: str) -> None:
    check(text, {REFUSES: "no-strangers"})


def test_the_i_dont_know_button_pressed_on_strangers() -> None:
    check("If I don't know you I will click \u201cI don\u2019t know this person\u201d.",
          {REFUSES: "clicks-idk"})


def test_the_span_starts_at_the_negation_and_its_auxiliary() -> None:
    about = "I do not accept invitations from people I do not know."
    [signal] = signals_for(about=about)
    assert evidence(signal, about) == "do not accept invitations from people I do not know"


# -- family 3 and 4: conditions a stranger can meet ------------------------------------------

CONDITIONS = [
    ("Please include a note.", "note"),
    ("Please personalise your invite.", "note"),
    ("No note = no accept.", "note"),
    ("Blank invitations get archived.", "note"),
    ("I only accept invitations with a personal message.", "note"),
    ("I don't accept the default message from people I don't know.", "note"),
    ("Recruiters, please message me first.", "note"),
    ("Tell me why you want to connect.", "reason"),
    ("Please say how we know each other when you connect.", "reason"),
    ("Follow me instead.", "follow-instead"),
    ("Everyone else, feel free to follow.", "follow-instead"),
    ("I connect only with people in fintech.", "scope-only"),
    ("I connect with people I have interacted with online.", "interact-first"),
    ("I'll accept if you put some effort into the request.", "condition"),
]


@pytest.mark.parametrize(("text", "kind"), CONDITIONS)
def test_conditions(text: str, kind: str) -> None:
    check(text, {CONDITION: kind})


def test_not_a_lion_with_a_note_is_two_conditions_not_a_refusal() -> None:
    check("Not a LION. Please include a note.", {NOT_OPEN: "not-a-lion", CONDITION: "note"})


def test_a_note_asked_otherwise_the_button() -> None:
    check("Please add a note, otherwise I will click IDK.", {CONDITION: "note"})


# -- family 6: not open, selective --------------------------------------------------------------

SELECTIVE = [
    "I'm selective about who I connect with.",
    "I keep my LinkedIn network small and personal.",
    "I'm not going to accept invitations from recruiters.",
    "I decline most invitations.",
]


@pytest.mark.parametrize("text", SELECTIVE)
def test_selective_without_saying_who_is_refused(text: str) -> None:
    check(text, {NOT_OPEN: "selective"})


# -- family 8: open ------------------------------------------------------------------------------

OPEN_CASES = [
    ("I accept all invitations.", "accepts-all"),
    ("Open to all invitations!", "accepts-all"),
    ("I accept all connection requests.", "accepts-all"),
    ("I accept pretty much every request, except obvious bots.", "accepts-all"),
    ("WILL CONNECT WITH ANYONE, ANYWHERE.", "accepts-all"),
    ("All invitation I am accepting.", "accepts-all"),
    ("I'm happy to accept people I don't know yet.", "accepts-all"),
    ("Invites welcome!", "welcomes-invitations"),
    ("I never reject an invitation.", "never-refuses"),
    ("I don't refuse anyone.", "never-refuses"),
    ("I never click IDK.", "never-idk"),
    ("I will accept you.", "accepts-you"),
]


@pytest.mark.parametrize(("text", "kind"), OPEN_CASES)
def test_open(text: str, kind: str) -> None:
    check(text, {OPEN: kind})


def test_open_in_the_headline() -> None:
    check("Open to all connection requests, no note needed | Import", {OPEN: "accepts-all"},
          field="headline")


SCOPED = [
    ("I accept invitations from anyone working in logistics.", "scoped-welcome"),
    ("Fellow teachers: you're always welcome to connect with me!", "scoped-welcome"),
    ("Feel free to connect with me.", "welcomes-invitations"),
    ("I accept some invitations from people I haven't met.", "accepts-some"),
    ("I accept anyone, if they have a photo.", "accepts-some"),
    ("I sit somewhere in the middle on invitations.", "middle-ground"),
]


@pytest.mark.parametrize(("text", "kind"), SCOPED)
def test_welcomes_within_a_scope_or_in_part(text: str, kind: str) -> None:
    check(text, {SOME: kind})


def test_still_open_but_asking_a_note_from_strangers() -> None:
    check("I still accept most invitations, but please add a note if we've never met.",
          {OPEN: "accepts-all", CONDITION: "note"})


# -- the same words, negated, past, someone else's, defined, or false friends ------------------

SAYS_NOTHING = [
    # negated open statements
    "I do not accept all invitations.",
    "It is not that I accept everyone.",
    # someone else's, advice, definitions
    "LIONs accept all invitations.",
    "You should only connect with people you know.",
    "Some members only accept requests from people they know.",
    "My colleague only connects with people she has met.",
    "A gentleman said that he accepts all invitations.",
    "Feel free to accept them all.",
    # outgoing policies: whom the writer invites
    "I pledge to not invite people I don't know.",
    # another site
    "On Facebook I accept every friend request.",
    # connecting as a value, as a trade; requests mentioned, no rule
    "I love connecting people I know with new roles.",
    "Connecting buyers and suppliers since 2009.",
    "Thank you for all the connection requests after my talk!",
    "Let's connect about network design.",
    "Network engineer, 20 years of routing.",
    "Follow me on Twitter for daily tips.",
    "I include a note whenever I invite someone.",
    "No note needed.",
    "Open to new opportunities in logistics.",
    "When I receive a request to connect from someone I do not know, I look at their posts.",
]


@pytest.mark.parametrize("text", SAYS_NOTHING)
def test_the_same_words_saying_nothing_about_the_writers_policy(text: str) -> None:
    check(text, {})


def test_the_present_after_a_past_policy_is_the_policy() -> None:
    check("I used to accept everyone. These days it's people I've worked with, full stop.",
          {REFUSES: "known-people-only", rules.NOT_A_LION: "used-to-be-open"})
    check("LION 2010-2018. These days I only connect with people I know.",
          {REFUSES: "known-people-only"})


def test_a_decision_in_the_past_is_a_present_policy() -> None:
    check("Years ago I decided to only link to people I have done business with.",
          {REFUSES: "known-people-only"})


def test_negation_words_are_a_setting() -> None:
    from lion_support import settings_with

    settings = settings_with({"extend-negation-words": ["nunca"]})
    assert found("I nunca accept invitations from strangers.", settings=settings) == {
        REFUSES: "no-strangers"
    }
