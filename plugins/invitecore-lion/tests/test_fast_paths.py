"""The fast paths agree with the slow ones they stand for.

Each shortcut the detector takes is checked against the plain computation it replaces, on
random input: the anchor finder against one substring test per anchor, the literal-first
combined patterns against the categories' sources, the negation pattern against splitting the
text into words, the warm path (anchor finder, remembered fields) against the cold one and
against looking at each field alone.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lion_support import DEFAULTS, make_settings
from test_properties import FRAGMENTS

from invitecore import Profile
from invitecore_lion import detect, plugin
from invitecore_lion.literals import LiteralFinder
from invitecore_lion.normalize import fold
from invitecore_lion.patterns import patterns_for
from invitecore_lion.plan import FIELD_MEMORY, Plan, plan_for

# Settings whose phrase lists start with apostrophes, punctuation or odd tokens, so that the
# literal-first rewriting meets every kind of first atom.
ODD_SETTINGS = {
    "lion-tokens": ["LION", "L.I.O.N", "#LION", "Löwe"],
    "extend-false-friends": ["#opentowork", "'quoted phrase", "Lion-hearted", "+lion"],
    "extend-accept-all-phrases": ["'accept everything", "+connect", "écoute tout"],
    "extend-networking-words": ["open for coffee", "_meet"],
    "extend-connection-words": ["followers"],
    "negation-words": ["not", "'tis", "no-one", "", "Won’t", "NEVER", "n't"],
}

texts = st.lists(
    st.one_of(st.sampled_from([*FRAGMENTS, "#LION", "'accept everything", "+connect",
                               "neveryone", "n't", "no-one", " followers", "Lion-hearted"]),
              st.text(max_size=4)),
    max_size=30,
).map("".join)


# -- the anchor finder ------------------------------------------------------------------------

literals = st.lists(st.text(alphabet="abnov.+", min_size=1, max_size=5), min_size=1, max_size=8)
haystacks = st.text(alphabet="abnov.+ \n", max_size=40)


@settings(max_examples=400)
@given(words=literals, text=haystacks, cut=st.tuples(st.integers(0, 40), st.integers(0, 40)))
def test_the_finder_finds_exactly_the_literals_that_occur(
    words: list[str], text: str, cut: tuple[int, int]
) -> None:
    # A small alphabet, so that literals overlap, share pivots and hide behind each other.
    finder = LiteralFinder(words)
    assert set(finder.find(text)) == {w for w in words if w in text}
    match = finder.any(text)
    assert (match is None) == (not any(w in text for w in words))
    if match is not None:
        first = min(text.find(w) for w in words if w in text)
        assert first >= match.start() - finder.reach
    start, end = min(cut), min(max(cut), len(text))
    assert set(finder.find(text, start, end)) == {w for w in words if w in text[start:end]}


@given(text=texts)
def test_the_finder_agrees_on_the_plugins_anchors(text: str) -> None:
    anchors = patterns_for(DEFAULTS).anchors
    folded = fold(text).folded
    assert set(LiteralFinder(anchors).find(folded)) == {a for a in anchors if a in folded}


# -- literal-first combined patterns ----------------------------------------------------------


def _reference(overrides: dict[str, Any], kind: str, key: int) -> re.Pattern[str]:
    """The combined pattern as the categories' sources in named groups, tried in order."""
    categories = patterns_for(make_settings(overrides)).kinds[kind]
    return re.compile("|".join(
        f"(?P<{c.name}>{c.source})" for index, c in enumerate(categories) if key >> index & 1
    ))


_SETTINGS = {"defaults": {}, "odd": ODD_SETTINGS}


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, kind=st.sampled_from(["name", "text", "group"]), key=st.integers(1, 2047),
       which=st.sampled_from(sorted(_SETTINGS)))
def test_combined_branches_match_what_the_sources_match(
    text: str, kind: str, key: int, which: str
) -> None:
    built = patterns_for(make_settings(_SETTINGS[which]))
    key &= (1 << len(built.kinds[kind])) - 1
    if not key:
        return
    folded = fold(text).folded
    named = built.categories_named(kind)
    fast = [(named[m.lastgroup or ""].name, m.span())
            for m in built.search_for(kind, key).pattern.finditer(folded)]
    reference = _reference(_SETTINGS[which], kind, key)
    slow = [(m.lastgroup, m.span()) for m in reference.finditer(folded)]
    assert fast == slow, folded


# -- negations --------------------------------------------------------------------------------

negations = st.lists(st.sampled_from(["not", "no", "never", "don't", "'tis", "no-one", "", "n't",
                                      "won't", "dont"]), max_size=5)
regions = st.lists(st.sampled_from(["not", "no", "never", "don't", "don’t", "'tis", "no-one",
                                    "nothing", "knot", "n't", "won’t", "dont", "i", " ", "  ",
                                    ",", ".", "-", "'", "’", "x"]), max_size=12).map("".join)


@settings(max_examples=400)
@given(words=negations, region=regions, window=st.integers(-1, 5))
def test_the_negation_pattern_agrees_with_splitting_into_words(
    words: list[str], region: str, window: int
) -> None:
    built = patterns_for(make_settings({"negation-words": words}))
    before = re.findall(r"[\w'\u2019]+", region)
    expected = window > 0 and bool(built.negations) and any(
        w.replace("\u2019", "'") in built.negations for w in before[-window:]
    )
    pattern = built.negated_ending(window)
    assert (pattern is not None and pattern.search(region) is not None) == expected, before


# -- the profile: warm and cold, remembered and fresh, joined and field by field -------------

profiles = st.builds(
    lambda name, headline, about, groups, flags: Profile(
        name=name or "x", headline=headline, about=about, groups=groups,
        connections=flags[0], member_since=flags[1], open_link=flags[2],
    ),
    name=texts, headline=st.one_of(st.none(), texts), about=st.one_of(st.none(), texts),
    groups=st.lists(texts, max_size=3),
    flags=st.tuples(st.sampled_from([None, 10, 6000]), st.sampled_from([None, 2005, 2015]),
                    st.sampled_from([None, False, True])),
)


def _fresh(overrides: dict[str, Any], *, warm: bool) -> tuple[Any, Plan]:
    """A new settings object (so a new plan), its plan warm (anchor finder built) or cold."""
    fresh = make_settings(overrides)
    plan = plan_for(fresh)
    if warm:
        plan.anchor_finder = LiteralFinder(plan.anchors)
    else:
        plan.cold = 10**9
    return fresh, plan


@pytest.fixture(scope="module")
def pairs() -> dict[str, tuple[tuple[Any, Plan], tuple[Any, Plan]]]:
    return {which: (_fresh(o, warm=True), _fresh(o, warm=False)) for which, o in _SETTINGS.items()}


def _signals(profile: Profile, settings_: Any) -> list[tuple[Any, ...]]:
    found = plugin.invitecore_profile_signals(profile=profile, settings=settings_)
    return [(s.code, s.field, s.span, s.label, s.value, s.weight) for s in found]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow,
                                                    HealthCheck.function_scoped_fixture])
@given(profile=profiles, which=st.sampled_from(sorted(_SETTINGS)))
def test_warm_cold_and_field_by_field_agree(
    pairs: dict[str, tuple[tuple[Any, Plan], tuple[Any, Plan]]], profile: Profile, which: str
) -> None:
    (warm, warm_plan), (cold, cold_plan) = pairs[which]
    expected = _signals(profile, cold)
    assert _signals(profile, warm) == expected
    assert _signals(profile, warm) == expected  # again: the fields are remembered now
    # The slow path: every field folded and looked at alone, no joined look, no memory.
    alone: detect.Found = {}
    detect._unjoinable_fields(cold_plan, profile, alone)
    joined: detect.Found = {}
    detect._text_evidence(warm_plan, profile, joined)
    assert joined == alone


def test_the_fields_read_directly_are_those_of_text_fields() -> None:
    profile = Profile(name="N", headline="H", about="A", groups=["G0", "", "G2"])
    assert list(profile.text_fields()) == [
        ("name", "N"), ("headline", "H"), ("about", "A"), ("groups[0]", "G0"), ("groups[2]", "G2")
    ]


def test_the_field_memory_is_bounded() -> None:
    fresh, plan = _fresh({}, warm=True)
    for number in range(FIELD_MEMORY + 10):
        plugin.invitecore_profile_signals(
            profile=Profile(name="x", headline=f"LION {number}"), settings=fresh
        )
    assert 0 < len(plan.fields["text"]) <= FIELD_MEMORY


def test_equal_evidence_gives_the_same_signal_object() -> None:
    profile = Profile(name="Dana (LION)")
    first = plugin.invitecore_profile_signals(profile=profile, settings=DEFAULTS)
    again = plugin.invitecore_profile_signals(profile=profile, settings=DEFAULTS)
    assert first == again
    assert first[0] is again[0]
