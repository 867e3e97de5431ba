"""Property tests: any text is read in linear time, every span is real evidence, and the
memory of sentences and signals never changes what is read."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lion_support import DEFAULTS

from invitecore import Profile
from invitecore.testing import assert_linear_time
from invitecore_lion import plugin, rules

# Pieces of real evidence, near misses and characters the patterns and the grammar care about,
# so random text keeps hitting the interesting paths (and the backtracking-prone ones, if
# there were any).
FRAGMENTS = [
    "LION", "lion", "Lion", "[LION 6,500+]", "(lion", "L.I.O.N", "L.I.O.N.", "ＬＩＯＮ", "𝐋𝐈𝐎𝐍",
    "🦁", "open", "networker", "Open Networking", "open-", "net", "accept all invitations",
    "invites welcome", "never IDK", "not a LION", "only connect with people I know",
    "don’t", "dont", "follow me instead", "TopLinked", "mylink500", "OpenLink", "30K+",
    "6,500+", "1,000,000,000,000+", "connections", "network of ", "Detroit Lions", "Lions Club",
    "sea lion", "brave as a lion", "ﬁ", "İ", "ß", " ", "  ", "-", "[", "(", ")", "]", "+", ",",
    ".", "?", "|", "9", "\n", "'", "’", "k", "I ", "we ", "if ", "unless ", "not ", "never ",
    "people I know", "strangers", "please include a note", "tell me why", "used to ",
    "these days ", "they ", "only ", "all ", "anyone ", "in ", "with ", "me ", "you ",
]
texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40
).map("".join)
FIELDS = ["name", "headline", "about", "groups[0]"]


def _profile(field: str, text: str) -> Profile:
    if field.startswith("groups"):
        return Profile(name="Ada Lane", groups=[text])
    values: dict[str, Any] = {"name": "Ada Lane", field: text}
    return Profile(**values)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, field=st.sampled_from(FIELDS))
def test_every_span_is_inside_its_field_and_holds_text(text: str, field: str) -> None:
    codes = {rule.code for rule in rules.RULES}
    for signal in plugin.invitecore_profile_signals(profile=_profile(field, text),
                                                    settings=DEFAULTS):
        assert signal.code in codes
        assert signal.field == field
        assert signal.span is not None
        start, end = signal.span
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip()


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, field=st.sampled_from(FIELDS))
def test_a_marker_alone_is_still_the_same_marker(text: str, field: str) -> None:
    """A LION token, an open-networker phrase or a site found in a field is found again when
    it is the whole field (markers do not rest on the words around them, only their
    ownership does). The one exception is by design: a lower-case "lion" counts as a
    token only as a part of its own beside other parts ("Broker | lion | 15K+",
    docs/language.md section 12), never as a whole field."""
    markers = {rules.LION_TOKEN, rules.LINK_FAMILY, rules.OPEN_NETWORKER_GROUP}
    for signal in plugin.invitecore_profile_signals(profile=_profile(field, text),
                                                    settings=DEFAULTS):
        if signal.code in markers and field != "about":
            assert signal.span is not None
            alone = text[signal.span[0] : signal.span[1]]
            if signal.code == rules.LION_TOKEN and alone.lower() == alone:
                continue  # a lower-case token standing between other parts
            again = plugin.invitecore_profile_signals(profile=_profile(field, alone),
                                                      settings=DEFAULTS)
            assert signal.code in {s.code for s in again}, (text, alone)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(texts, min_size=1, max_size=4), field=st.sampled_from(FIELDS))
def test_memory_never_changes_what_is_read(texts: list[str], field: str) -> None:
    """Reading texts after others (sentences and signals remembered) gives what reading each
    first gives."""
    remembered = [plugin.invitecore_profile_signals(profile=_profile(field, t), settings=DEFAULTS)
                  for t in texts]
    fresh = []
    for text in texts:
        plugin.forget(DEFAULTS)
        fresh.append(plugin.invitecore_profile_signals(profile=_profile(field, text),
                                                       settings=DEFAULTS))
    assert remembered == fresh


HOSTILE = [
    "LION " * 3,
    "not a LION, ",
    "I only connect with people I know and ",
    "I do not accept invitations from people I do not know ",
    "[LION 6,500+] 30K+ connections ",
    "l.i.o.n.l.i.o.n",
    "🦁 Detroit Lions 🦁 networking ",
    "if if if unless not not never ",
    "people people people who who I I have have ",
    "accept accept all all all ",
    "a" * 50,
    "Lions Club Lions Club sea lion ",
    "Please include a note, otherwise I will click I don't know this person. ",
    "1,000,000,000,000+",
]


@pytest.mark.parametrize("seed", HOSTILE)
@pytest.mark.parametrize("field", FIELDS)
def test_time_is_linear_in_the_length_of_hostile_text(seed: str, field: str) -> None:
    def make(size: int) -> str:
        return (seed * (size // len(seed) + 1))[:size]

    def run(text: str) -> object:
        plugin.forget(DEFAULTS)  # every sentence read, none remembered
        return plugin.invitecore_profile_signals(profile=_profile(field, text), settings=DEFAULTS)

    assert_linear_time(make, run)


@settings(max_examples=5, deadline=None)
@given(seed=st.text(min_size=1, max_size=50))
def test_random_unicode_at_100k_is_linear(seed: str) -> None:
    def make(size: int) -> str:
        return (seed * (size // len(seed) + 1))[:size]

    def run(text: str) -> object:
        plugin.forget(DEFAULTS)
        return plugin.invitecore_profile_signals(
            profile=Profile(name=text[:200], headline=text, about=text), settings=DEFAULTS
        )

    assert_linear_time(make, run)
