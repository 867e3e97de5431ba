"""Property tests: every regex and the whole hook run in linear time on 100,000-character input.

Each example repeats a fragment built from the characters the patterns care about, to 10,000
and to 100,000 characters, and checks that the tenfold input costs at most 30 times as much
(linear scaling with generous room for noise; a quadratic pattern would cost about 100 times).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from conftest import DANA, DEFAULT_SETTINGS, check
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from invitecore import Invitation, Profile, Sender
from invitecore_personalization.checks import _default_match, check_note
from invitecore_personalization.groups import find_claims
from invitecore_personalization.names import recipient_names
from invitecore_personalization.patterns import compiled
from invitecore_personalization.templates import could_match_any, strip_signature

PIECES = [
    "your ", "ur ", "hi ", "Hi ", "Dana", "{", "}", "{{", "[", "]", "(", ")", "((", "#", "_",
    "%", "<", ">", "@", ".", ".com", "www.", "http://", "/", "com", " ", "  ", "\n", "\t", "a",
    "I'm ", "i ", "too", "Member of ", "Group ", "group", "The ", "Data ", "of ", ",", "-",
    "Best, ", "Sam ", "—", "’", "é", "x" * 40, "same ", "happy to ", "we ", "at ", "!",
]
FRAGMENTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join)
SMALL, LARGE = 10_000, 100_000
RATIO = 30.0
FLOOR = 0.002  # seconds: below this, timer noise dominates


def _best_time(function: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return best


def _assert_linear(function: Callable[[str], object], fragment: str) -> None:
    small = (fragment * (SMALL // len(fragment) + 1))[:SMALL]
    large = (fragment * (LARGE // len(fragment) + 1))[:LARGE]
    t_small = max(_best_time(function, small), FLOOR)
    t_large = _best_time(function, large)
    assert t_large <= RATIO * t_small, (fragment[:80], t_small, t_large)


COMPILED = compiled(DEFAULT_SETTINGS)
SENDER = Sender(name="Sam Lee", account="premium")
LINEAR = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_afresh(note: str) -> object:
    """The hook's work on a note it has not seen: its caches and memos do not answer.

    (The timing repeats each call; a note seen before would cost only a cache lookup.)
    """
    could_match_any.cache_clear()
    _default_match.cache_clear()
    return check_note(Invitation(note=note, relationship="group"), DANA, SENDER, COMPILED)


@LINEAR
@given(FRAGMENTS)
def test_hook_is_linear(fragment: str) -> None:
    _assert_linear(_check_afresh, fragment)
    _assert_linear(lambda note: check(note, relationship="group"), fragment)


@LINEAR
@given(FRAGMENTS)
def test_cue_scanner_is_linear(fragment: str) -> None:
    _assert_linear(COMPILED.cues.first_spans, fragment)


@LINEAR
@given(FRAGMENTS)
def test_placeholder_link_and_group_patterns_are_linear(fragment: str) -> None:
    _assert_linear(lambda text: list(COMPILED.placeholders.finditer(text)), fragment)
    _assert_linear(lambda text: list(COMPILED.links.finditer(text)), fragment)
    _assert_linear(find_claims, fragment)
    _assert_linear(lambda text: strip_signature(text, COMPILED.signature), fragment)


@LINEAR
@given(FRAGMENTS)
def test_name_cleaning_is_linear(fragment: str) -> None:
    _assert_linear(lambda text: recipient_names(Profile(name=text), COMPILED), fragment)
