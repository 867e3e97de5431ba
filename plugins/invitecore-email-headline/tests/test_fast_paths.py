"""The shortcuts taken for speed must agree with the full work they skip.

Each test pits a fast path against the slow one it stands in for, on generated inputs: the
one-test rejection of a whole profile (:meth:`AddressFinder.may_hold`), the domain read in one
match, the merged do-not-contact pattern, the one-match syntax check, the last profile's
addresses shared by the two hooks, and the one "missing email" finding shared by every case.
"""

from __future__ import annotations

import re

from conftest import make_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import FRAGMENTS

from invitecore import Invitation, Profile
from invitecore_email_headline import listing, patterns, plugin, syntax
from invitecore_email_headline.detect import (
    AddressFinder,
    _domain_match,
    finder_for,
    phrase_pattern,
)

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
_words = st.sampled_from(["jane", "Jane.Doe", "sales", "Product", "me", "x_1", "a-b", "42"])
_blanks = st.sampled_from(["", " ", "  ", "\t", "\u00a0", "    "])
_markers = st.sampled_from(["@", "\uff20", "[at]", "(AT)", "{ at }", "<at>", "at", "At", "AT"])
_dots = st.sampled_from([".", " . ", " dot ", " DOT ", "[dot]", "(dot)", " .", ". ", "dot"])
_labels = st.sampled_from(["example", "Acme", "co", "uk", "com", "io", "x" * 63, "a-b", "1"])
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


def _domain_by_skipping_blanks(text: str, marker_end: int) -> tuple[int, int] | None:
    # The loop the single match replaced: skip up to MAX_GAP blanks, then read the domain.
    start = marker_end
    while (
        start < len(text)
        and start - marker_end < patterns.MAX_GAP
        and text[start] in patterns.WHITESPACE
    ):
        start += 1
    match = patterns.DOMAIN.match(text, start)
    return None if match is None else match.span()


@settings(max_examples=800)
@given(texts, st.integers(0, 40))
def test_domain_after_a_marker_is_read_where_skipping_blanks_reads_it(
    text: str, marker_end: int
) -> None:
    marker_end = min(marker_end, len(text))
    match = _domain_match(text, marker_end)
    assert (None if match is None else match.span(1)) == _domain_by_skipping_blanks(
        text, marker_end
    )


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


def _problem_by_the_checks(address: str, min_tld_length: int) -> str | None:
    # address_problem without its one-match shortcut for valid addresses.
    ats = address.count("@")
    if ats != 1:
        return "not one '@'"
    local, domain = address.split("@")
    return syntax._local_problem(local) or syntax._domain_problem(domain, min_tld_length)


addresses = st.lists(
    st.sampled_from(["jane", "j", ".", "..", "-", "@", "x" * 63, "example", "com", "io", "1"])
    | st.text(alphabet="aZ09._-+@!é ", max_size=4),
    max_size=12,
).map("".join) | st.builds(
    # Parts of every length around the limits (64 for a local part, 63 for a label, 253 for a
    # domain), with and without a hyphen at the ends.
    lambda local, labels, tld, hyphen: (
        "a" * local + "@" + ".".join(hyphen + "b" * n for n in labels) + "." + "c" * tld
    ),
    st.integers(0, 66),
    st.lists(st.integers(0, 64), min_size=1, max_size=5),
    st.integers(0, 5),
    st.sampled_from(["", "-"]),
)


@settings(max_examples=1000)
@given(addresses, st.integers(1, 4))
def test_syntax_shortcut_agrees_with_the_checks(address: str, min_tld_length: int) -> None:
    fast = syntax.address_problem(address, min_tld_length=min_tld_length)
    slow = _problem_by_the_checks(address, min_tld_length)
    assert (fast is None) == (slow is None)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(texts, texts), min_size=1, max_size=4))
def test_the_last_profile_entry_gives_what_reading_the_fields_gives(
    profiles: list[tuple[str, str]],
) -> None:
    defaults, plain = FINDERS[0], FINDERS[1]
    for headline, about in profiles + profiles[::-1]:
        profile = Profile(name="Jane Doe", headline=headline, about=about)
        for finder in (defaults, plain, defaults):
            texts = listing._field_texts(profile)
            listing._last = None
            fresh = listing.published_addresses(profile, finder)
            assert listing.published_addresses(profile, finder) == fresh  # from the entry
            # And the same texts in another profile object are read the same way.
            again = Profile(name="Jane Doe", headline=headline, about=about)
            assert listing._field_texts(again) == texts
            assert listing.published_addresses(again, finder) == fresh


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
