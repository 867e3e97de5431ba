"""Every regex and the whole hook run in linear time on 100,000-character hostile input.

Each example repeats a fragment built from the characters and words the patterns care about,
to 10,000 and to 100,000 characters; ``invitecore.testing.assert_linear_time`` checks that the
tenfold input costs about tenfold.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DANA, DEFAULT_SETTINGS, check
from invitecore import Profile
from invitecore.testing import assert_linear_time
from invitecore_personalization import read_note

PIECES = [
    "your ", "ur ", "hi ", "Hi ", "Dana", "{", "}", "{{", "[", "]", "(", ")", "((", "#", "_",
    "%", "<", ">", "@", ".", ".com", "www.", "http://", "/", "com", " ", "  ", "\n", "\t", "a",
    "I'm ", "i ", "too", "Member of ", "Group ", "group", "The ", "Data ", "of ", ",", "-",
    "Best, ", "Sam ", "—", "’", "é", "x" * 40, "same ", "happy to ", "we ", "at ", "!",
    "met ", "post ", "the ", "Acme ", "worked ", "together ", "haven't ", "if ", "?", "NAME ",
    "we were ", "from ", "mutual ", "connections ", "free ", "share ", "notes ",
]
FRAGMENTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join)
LINEAR = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _repeat(fragment: str) -> object:
    return lambda size: (fragment * (size // len(fragment) + 1))[:size]


@LINEAR
@given(FRAGMENTS)
def test_hook_is_linear(fragment: str) -> None:
    assert_linear_time(_repeat(fragment), lambda note: check(note, relationship="group"))


@LINEAR
@given(FRAGMENTS)
def test_reading_is_linear(fragment: str) -> None:
    assert_linear_time(_repeat(fragment), lambda note: read_note(note, profile=DANA))


@LINEAR
@given(FRAGMENTS)
def test_name_cleaning_is_linear(fragment: str) -> None:
    assert_linear_time(
        _repeat(fragment),
        lambda text: check("Hi Dana!", profile=Profile(name=text), settings=DEFAULT_SETTINGS),
    )
