"""Overriding or extending a setting changes what is read, as the README says."""

from __future__ import annotations

import pytest
from lion_support import DEFAULTS, codes_for, settings_with, signals_for

from invitecore.settings import SettingError
from invitecore_lion import rules


def test_weight_override_is_used() -> None:
    [signal] = signals_for(settings_with({"lion-token-weight": 0.55}), headline="[LION]")
    assert signal.weight == 0.55


def test_extend_false_friends_hides_new_phrase() -> None:
    assert codes_for(headline="LION Brewery tour guide") == {rules.LION_TOKEN}
    settings = settings_with({"extend-false-friends": ["LION Brewery"]})
    assert codes_for(settings, headline="LION Brewery tour guide") == set()


@pytest.mark.parametrize(
    ("setting", "phrase", "text", "code"),
    [
        ("known-people-only-phrases", "strictly real-life contacts",
         "Strictly real life contacts, thanks", rules.KNOWN_PEOPLE_ONLY),
        ("conditions-phrases", "introduce yourself properly", "Introduce yourself properly!",
         rules.CONDITIONS),
        ("not-a-lion-phrases", "collector of nothing", "A collector of nothing.",
         rules.NOT_A_LION),
        ("accept-all-phrases", "all aboard", "All aboard, everybody.", rules.ACCEPT_ALL_PHRASE),
    ],
)
def test_extra_phrases_add_to_what_the_grammar_reads(
    setting: str, phrase: str, text: str, code: str
) -> None:
    assert codes_for(about=text) == set()
    assert codes_for(settings_with({f"extend-{setting}": [phrase]}), about=text) == {code}


def test_an_extra_open_phrase_after_a_negation_does_not_count() -> None:
    settings = settings_with({"extend-accept-all-phrases": ["all aboard"]})
    assert codes_for(settings, about="It is not all aboard here.") == set()


def test_the_default_extra_phrases_work() -> None:
    assert codes_for(about="IRL connections only.") == {rules.KNOWN_PEOPLE_ONLY}
    assert codes_for(about="Intro required.") == {rules.CONDITIONS}


def test_replacing_a_list_drops_the_defaults() -> None:
    settings = settings_with({"link-family": ["linkpals"]})
    assert codes_for(settings, headline="TopLinked member") == set()
    assert codes_for(settings, headline="LinkPals member") == {rules.LINK_FAMILY}


def test_an_emptied_phrase_list_matches_nothing_more() -> None:
    settings = settings_with({"known-people-only-phrases": []})
    assert codes_for(settings, about="IRL connections only.") == set()
    # the grammar still reads what it reads
    assert codes_for(settings, about="I only connect with people I know.") == {
        rules.KNOWN_PEOPLE_ONLY
    }


def test_extra_token() -> None:
    settings = settings_with({"extend-lion-tokens": ["TOPLINKER"]})
    assert codes_for(settings, headline="TOPLINKER") == {rules.LION_TOKEN}
    assert codes_for(settings, headline="a toplinker") == set()


@pytest.mark.parametrize(
    ("overrides", "fields", "expected"),
    [
        ({"bragging-min-count": 400}, {"headline": "500+ connections"}, {rules.COUNT_BRAGGING}),
        ({"large-network-min": 800}, {"connections": 900}, {rules.LARGE_NETWORK}),
        ({"early-member-until": 2012}, {"member_since": 2011}, {rules.EARLY_MEMBER}),
        ({"emoji-window": 2}, {"headline": "🦁 Leo, networking"}, {rules.EMOJI_ALONE}),
        ({"negation-window": 0}, {"about": "I do not accept all invitations"},
         {rules.ACCEPT_ALL_PHRASE}),
        ({"negation-words": ["nope"]}, {"about": "I do not accept all invitations"},
         {rules.ACCEPT_ALL_PHRASE}),
        ({"lion-emoji": ["🐯"]}, {"headline": "🐯 networker"}, {rules.EMOJI_WITH_NETWORKING}),
    ],
)
def test_threshold_overrides(
    overrides: dict[str, object], fields: dict[str, object], expected: set[str]
) -> None:
    assert codes_for(settings_with(overrides), **fields) == expected
    assert codes_for(DEFAULTS, **fields) != expected


def test_unknown_setting_is_rejected_with_a_suggestion() -> None:
    with pytest.raises(SettingError, match="did you mean"):
        settings_with({"lion-token-wieght": 0.5})
