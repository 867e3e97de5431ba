"""The shortcuts taken for speed must agree with the full work they skip.

Each test pits a fast path against the slow one it stands in for, on generated inputs: the
one-test rejection of a whole profile (:meth:`AddressFinder.may_hold`), the ASCII-only reading
of text that is all ASCII, the merged do-not-contact pattern, the last profile's addresses
shared by the two hooks, and the one "missing email" finding shared by every case. (The quick
paths of the syntax check are pitted against email-validator in test_syntax.py.)
"""

from __future__ import annotations

import re
from random import Random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import FRAGMENTS

from conftest import make_settings
from invitecore import Invitation, Profile
from invitecore_email_headline import plugin
from invitecore_email_headline.detect import AddressFinder, finder_for, phrase_pattern

FINDERS = [
    finder_for(make_settings()),
    finder_for(make_settings({"detect-obfuscated": False})),
    finder_for(make_settings({"min-tld-length": 3, "extend-role-words": ["jane"]})),
]
# The fragments of the property tests, and letters whose lower case is longer ("İ") or that a
# case-insensitive class also matches ("K", the Kelvin sign).
texts = st.lists(
    st.sampled_from([*FRAGMENTS, "\u0130", "\u212a", "Dot", " AT ", "jd@x.io"])
    | st.text(max_size=6),
    max_size=30,
).map("".join)
finders = st.sampled_from(FINDERS)

# Texts built like addresses: words, an "at" marker and a domain, each in its plain and
# obfuscated spellings, with blanks and other text around.
_words = st.sampled_from(
    ["jane", "Jane.Doe", "sales", "Product", "me", "x_1", "a-b", "42", "юзер", "葉士豪", "ñoñó"]
)
_blanks = st.sampled_from(["", " ", "  ", "\t", "\u00a0", "    "])
_markers = st.sampled_from(["@", "\uff20", "[at]", "(AT)", "{ at }", "<at>", "at", "At", "AT"])
_dots = st.sampled_from([".", " . ", " dot ", " DOT ", "[dot]", "(dot)", " .", ". ", "dot"])
_labels = st.sampled_from(
    ["example", "Acme", "co", "uk", "com", "io", "x" * 63, "a-b", "1", "екзампл", "臺網中心"]
)
address_like = st.builds(
    lambda before, local, b1, marker, b2, labels, dots, after: (
        before
        + local
        + b1
        + marker
        + b2
        + "".join(label + dot for label, dot in zip(labels, dots, strict=False))
        + labels[-1]
        + after
    ),
    st.sampled_from(["", "Coach | ", "Reach me at ", "Do not contact me at ", "\u0130 "]),
    _words,
    _blanks,
    _markers,
    _blanks,
    st.lists(_labels, min_size=1, max_size=4),
    st.lists(_dots, min_size=3, max_size=3),
    st.sampled_from(["", ".", " | LION", " today.", " (at) x"]),
)


@settings(max_examples=800, suppress_health_check=[HealthCheck.too_slow])
@given(finders, texts | address_like)
def test_may_hold_is_false_only_when_nothing_is_found(finder: AddressFinder, text: str) -> None:
    assert finder.may_hold(text) or finder.find(text) == []


@settings(max_examples=800, suppress_health_check=[HealthCheck.too_slow])
@given(finders, address_like)
def test_may_hold_on_address_like_texts(finder: AddressFinder, text: str) -> None:
    assert finder.may_hold(text) or finder.find(text) == []


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(finders, st.lists(texts | address_like, min_size=1, max_size=3))
def test_joined_texts_may_hold_whatever_one_of_them_holds(
    finder: AddressFinder, parts: list[str]
) -> None:
    if any(finder.find(part) for part in parts):
        assert finder.may_hold("\n".join(parts))


@settings(max_examples=800, suppress_health_check=[HealthCheck.too_slow])
@given(finders, (texts | address_like).filter(str.isascii))
def test_ascii_text_reads_the_same_with_either_repertoire(finder: AddressFinder, text: str) -> None:
    # ASCII text is read with ASCII-only patterns; a character outside ASCII nearby (which no
    # address can take in, past a line break) makes the finder read with the others.
    found = [(a.address, a.start, a.end, a.obfuscated, a.refused) for a in finder.find(text)]
    after = [
        (a.address, a.start, a.end, a.obfuscated, a.refused) for a in finder.find(text + "\n\u3002")
    ]
    before = [
        (a.address, a.start - 2, a.end - 2, a.obfuscated, a.refused)
        for a in finder.find("\u3002\n" + text)
    ]
    assert found == after == before


phrases = st.lists(st.text(alphabet="ado n'-.t", min_size=1, max_size=6), max_size=6)


@settings(max_examples=600)
@given(phrases, st.text(alphabet="ado n'-.tx", max_size=30))
def test_phrase_pattern_finds_exactly_what_testing_each_phrase_finds(
    wanted: list[str], text: str
) -> None:
    found = phrase_pattern(wanted).search(text) is not None
    assert found == any(phrase in text for phrase in wanted)


def test_phrase_pattern_of_a_long_phrase_compiles() -> None:
    assert phrase_pattern(["do not " * 500]).search("x " + "do not " * 500)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(texts | address_like, texts | address_like), min_size=1, max_size=4),
    st.randoms(use_true_random=False),
)
def test_results_do_not_depend_on_the_profiles_read_before(
    profiles: list[tuple[str, str]], random: Random
) -> None:
    # The check hook reuses what the signal hook read from the same profile; whatever was read
    # before, and in whatever order, every profile gets what it gets on its own.
    settings_objects = [make_settings(), make_settings({"detect-obfuscated": False})]

    def run(headline: str, about: str, settings_index: int) -> tuple[object, object]:
        profile = Profile(name="Jane Doe", headline=headline, about=about)
        settings_ = settings_objects[settings_index]
        signals = plugin.invitecore_profile_signals(profile=profile, settings=settings_)
        checks = plugin.invitecore_invitation_checks(
            invitation=Invitation(relationship="other", email="x@example.org"),
            profile=Profile(name="Jane Doe", headline=headline, about=about),
            settings=settings_,
        )
        return signals, checks

    calls = [(h, a, i) for h, a in profiles for i in range(len(settings_objects))]
    alone = {call: run(*call) for call in calls}
    mixed = calls * 2
    random.shuffle(mixed)
    for call in mixed:
        assert run(*call) == alone[call]


def test_the_shared_missing_email_finding_reads_as_a_fresh_one() -> None:
    settings_ = make_settings()
    profile = Profile(name="Jane Doe", headline="Coach at Acme")
    for relationship in ("other", "friend"):
        invitation = Invitation(note="Hi", relationship=relationship)
        [first] = plugin.invitecore_invitation_checks(
            invitation=invitation, profile=profile, settings=settings_
        )
        [second] = plugin.invitecore_invitation_checks(
            invitation=invitation, profile=profile, settings=settings_
        )
        assert first is second  # shared: immutable, and the engine only fills in None fields
        assert first.code == "EMH201"
        assert re.search(rf"pick '{relationship}', and neither", first.message)
