"""The building blocks of the patterns: phrase sources, tries and anchors."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lion_support import DEFAULTS

from invitecore_lion import patterns
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
    assert bool(re.fullmatch(patterns.phrase_source([phrase]), text)) is matches


def test_trie_prefers_the_longer_phrase() -> None:
    source = patterns.phrase_source(["toplink", "toplinked"])
    assert re.search(source, "on toplinked.com")[0] == "toplinked"  # type: ignore[index]


def test_empty_phrase_list_never_matches() -> None:
    assert re.search(patterns.phrase_source([]), "anything") is None
    assert re.search(patterns.phrase_source(["  "]), "anything") is None


phrase_words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz'", min_size=1, max_size=8).filter(
        lambda w: w.strip("'")
    ),
    min_size=1,
    max_size=5,
)


@given(st.lists(phrase_words, min_size=1, max_size=8))
def test_anchors_occur_in_every_match(phrases_words: list[list[str]]) -> None:
    phrases = [" ".join(words) for words in phrases_words]
    anchors = patterns._anchors(phrases)
    for phrase in phrases:
        # The plainest match of the phrase: its words, apostrophes dropped, no separators.
        written = "".join(phrase.split()).replace("'", "")
        if not re.fullmatch(patterns.phrase_source([phrase]), written):
            continue
        assert any(a in written for a in anchors), (phrase, anchors)


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
