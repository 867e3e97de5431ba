"""Every setting is declared with a source, and overriding or extending one changes behaviour."""

from __future__ import annotations

import pytest
from lion_support import DEFAULTS, codes_for, make_settings, signals_for

from invitecore.settings import SettingError
from invitecore_lion import plugin, rules
from invitecore_lion.plugin import SIGNAL_KINDS


def test_every_setting_has_a_description_and_a_source() -> None:
    for setting in plugin.invitecore_settings():
        assert setting.description, setting.name
        assert setting.source, setting.name
        assert setting.name == setting.name.lower()
        assert " " not in setting.name


def test_every_rule_is_declared_once_with_a_weight_setting() -> None:
    codes = [r.code for r in plugin.invitecore_rules()]
    assert len(codes) == len(set(codes))
    assert set(codes) == set(SIGNAL_KINDS)
    names = {s.name for s in plugin.invitecore_settings()}
    assert {weight for _, weight in SIGNAL_KINDS.values()} <= names


def test_weight_override_is_used() -> None:
    settings = make_settings({"lion-token-weight": 0.55})
    [signal] = signals_for(settings, headline="[LION]")
    assert signal.weight == 0.55


def test_extend_false_friends_hides_new_phrase() -> None:
    assert codes_for(headline="LION Brewery tour guide") == {rules.LION_TOKEN}
    settings = make_settings({"extend-false-friends": ["LION Brewery"]})
    assert codes_for(settings, headline="LION Brewery tour guide") == set()


def test_extend_phrase_list_adds_evidence() -> None:
    settings = make_settings({"extend-known-people-only-phrases": ["strictly real-life contacts"]})
    assert codes_for(settings, about="Strictly real life contacts, thanks") == {
        rules.KNOWN_PEOPLE_ONLY
    }
    assert codes_for(about="Strictly real life contacts, thanks") == set()


def test_replacing_a_list_drops_the_defaults() -> None:
    settings = make_settings({"link-family": ["linkpals"]})
    assert codes_for(settings, headline="TopLinked member") == set()
    assert codes_for(settings, headline="LinkPals member") == {rules.LINK_FAMILY}


def test_an_emptied_list_matches_nothing() -> None:
    settings = make_settings({"accept-all-phrases": []})
    assert codes_for(settings, headline="Invites welcome") == set()


def test_extra_token() -> None:
    settings = make_settings({"extend-lion-tokens": ["TOPLINKER"]})
    assert codes_for(settings, headline="TOPLINKER") == {rules.LION_TOKEN}
    assert codes_for(settings, headline="a toplinker") == set()


@pytest.mark.parametrize(
    ("overrides", "fields", "expected"),
    [
        ({"bragging-min-count": 400}, {"headline": "500+ connections"}, {rules.COUNT_BRAGGING}),
        ({"large-network-min": 800}, {"connections": 900}, {rules.LARGE_NETWORK}),
        ({"early-member-until": 2012}, {"member_since": 2011}, {rules.EARLY_MEMBER}),
        ({"emoji-window": 2}, {"headline": "🦁 Leo | networking"}, {rules.EMOJI_ALONE}),
        ({"negation-window": 0}, {"about": "I do not accept all invitations"},
         {rules.ACCEPT_ALL_PHRASE}),
        ({"lion-emoji": ["🐯"]}, {"headline": "🐯 networker"}, {rules.EMOJI_WITH_NETWORKING}),
    ],
)
def test_threshold_overrides(
    overrides: dict[str, object], fields: dict[str, object], expected: set[str]
) -> None:
    assert codes_for(make_settings(overrides), **fields) == expected
    assert codes_for(DEFAULTS, **fields) != expected


def test_unknown_setting_is_rejected_with_a_suggestion() -> None:
    with pytest.raises(SettingError, match="did you mean"):
        make_settings({"lion-token-wieght": 0.5})
