"""The building blocks of the patterns: phrase sources, tries and anchors."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lion_support import DEFAULTS, make_settings

from invitecore import Profile
from invitecore_lion import patterns, phrases, plugin, rules
from invitecore_lion.detect import parse_count


@pytest.mark.parametrize(
    ("phrase", "text", "matches"),
    [
        ("open networker", "opennetworker", True),
        ("open networker", "open-networker", True),
        ("open networker", "open   networkers", True),
        ("open networker", "open networking", False),
        ("don't connect", "dont connect", True),
        ("don't connect", "don’t connect", True),
        ("toplink", "toplinked", False),
        ("toplink", "xtoplink", False),
    ],
)
def test_phrase_source(phrase: str, text: str, matches: bool) -> None:
    assert bool(re.fullmatch(phrases.phrase_source([phrase]), text)) is matches


def test_trie_prefers_the_longer_phrase() -> None:
    source = phrases.phrase_source(["toplink", "toplinked"])
    assert re.search(source, "on toplinked.com")[0] == "toplinked"  # type: ignore[index]


def test_empty_phrase_list_never_matches() -> None:
    assert re.search(phrases.phrase_source([]), "anything") is None
    assert re.search(phrases.phrase_source(["  "]), "anything") is None


phrase_words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz'", min_size=1, max_size=8).filter(
        lambda w: w.strip("'")
    ),
    min_size=1,
    max_size=5,
)


@given(st.lists(phrase_words, min_size=1, max_size=8))
def test_anchors_occur_in_every_match(phrases_words: list[list[str]]) -> None:
    listed = [" ".join(words) for words in phrases_words]
    anchors = phrases.phrase_anchors(listed)
    for phrase in listed:
        # The plainest match of the phrase: its words, apostrophes dropped, no separators.
        written = "".join(phrase.split()).replace("'", "")
        if not re.fullmatch(phrases.phrase_source([phrase]), written):
            continue
        assert any(a in written for a in anchors), (phrase, anchors)


phrase_lists = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789' -’.+(#", max_size=20), max_size=8
)


@given(phrase_lists)
def test_phrase_width_is_what_the_regex_parser_says(listed: list[str]) -> None:
    # The width is counted from the words, not parsed; windows are only exact if it is right.
    assert phrases.phrase_width(listed) == phrases.max_width(phrases.phrase_source(listed))


@given(phrase_lists)
def test_greedy_anchors_cover_every_phrase_and_are_minimal_literals(listed: list[str]) -> None:
    anchors = phrases.phrase_anchors(listed)
    for phrase in listed:
        written = "".join(re.split(r"[\s\-'’]+", phrase.lower()))
        if phrases.phrase_source([phrase]) != phrases.NEVER:
            assert any(a in written for a in anchors), (phrase, anchors)
    assert not any(a != b and a in b for a in anchors for b in anchors)


@pytest.mark.parametrize(
    "overrides",
    [{}, {"lion-tokens": ["LION", "L.I.O.N", "Löwe"], "extend-connection-words": ["followers"]},
     {"lion-tokens": [], "connection-words": [], "networking-words": ["'"]}],
)
def test_every_category_width_is_what_the_regex_parser_says(overrides: dict[str, Any]) -> None:
    # Widths are assembled from pieces rather than parsed from each source (see patterns.py).
    built = patterns.patterns_for(make_settings(overrides))
    for category in (*(c for cats in built.kinds.values() for c in cats), built.networking):
        assert category.width == phrases.max_width(category.source), category.name


def test_sources_are_built_only_for_the_categories_a_field_needs() -> None:
    # A cold start (one CLI run, often one profile) must not build or measure every category.
    settings = make_settings({})  # a fresh settings object: nothing built for it yet
    signals = plugin.invitecore_profile_signals(
        profile=Profile(name="Ada Lane", headline="Open Networker"), settings=settings
    )
    assert [s.code for s in signals] == [rules.OPEN_NETWORKER_PHRASE]
    text = {c.name: c for c in patterns.patterns_for(settings).kinds["text"]}
    assert "branches" in vars(text["phrase"])  # searched: "networker" is its anchor
    assert "branches" not in vars(text["known_only"])  # none of its anchors is in the profile
    assert "source" not in vars(text["known_only"])
    assert "width" not in vars(text["phrase"])  # a short field is searched whole


def test_every_category_anchor_is_folded_text() -> None:
    built = patterns.patterns_for(DEFAULTS)
    for categories in built.kinds.values():
        for category in categories[1:]:
            assert category.anchors, category.name
            assert all(a == a.lower() for a in category.anchors)


def test_patterns_are_built_once_per_settings_object() -> None:
    assert patterns.patterns_for(DEFAULTS) is patterns.patterns_for(DEFAULTS)


@pytest.mark.parametrize(
    ("text", "value"),
    [("6,500+", 6500), ("30K+", 30000), ("30k+", 30000), ("1.5K+", 1500), ("1,5k+", 1500),
     ("12.000+", 12000), ("500+", 500), ("no number", None)],
)
def test_parse_count(text: str, value: int | None) -> None:
    assert parse_count(text) == value
