"""Property tests: any text is handled in linear time, and every span is real evidence."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lion_support import DEFAULTS

from invitecore import Profile
from invitecore_lion import plugin
from invitecore_lion.detect import scan_field

# Pieces of real evidence, near misses and characters the patterns care about, so random text
# keeps hitting the interesting paths (and the backtracking-prone ones, if there were any).
FRAGMENTS = [
    "LION", "lion", "Lion", "[LION 6,500+]", "(lion", "L.I.O.N", "L.I.O.N.", "ＬＩＯＮ", "𝐋𝐈𝐎𝐍",
    "🦁", "open", "networker", "Open Networking", "open-", "net", "accept all invitations",
    "invites welcome", "never IDK", "not a LION", "only connect with people I know",
    "don’t", "follow me instead", "TopLinked", "mylink500", "OpenLink", "30K+", "6,500+",
    "1,000,000,000,000+", "connections", "network of ", "Detroit Lions", "Lions Club", "sea lion",
    "brave as a lion", "ﬁ", "İ", "ß", " ", "  ", "-", "[", "(", ")", "]", "+", ",", ".", "9",
    "\n", "'", "’", "k",
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
def test_every_span_is_inside_the_field_and_is_evidence_alone(text: str, field: str) -> None:
    profile = _profile(field, text)
    for signal in plugin.invitecore_profile_signals(profile=profile, settings=DEFAULTS):
        assert signal.field == field
        assert signal.span is not None
        start, end = signal.span
        assert 0 <= start < end <= len(text)
        evidence = text[start:end]
        # The evidence alone, out of its context, is still found as the same kind of evidence.
        again = {e.code for e in scan_field(field, evidence, DEFAULTS)}
        assert signal.code in again, (text, evidence, again)


def _best_time(function: Callable[[], object], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12).map("".join),
       field=st.sampled_from(FIELDS))
def test_time_is_linear_in_the_length(seed: str, field: str) -> None:
    small = (seed * (10_000 // len(seed) + 1))[:10_000]
    large = (seed * (100_000 // len(seed) + 1))[:100_000]

    def run(text: str) -> Callable[[], object]:
        return lambda: plugin.invitecore_profile_signals(
            profile=_profile(field, text), settings=DEFAULTS
        )

    small_time = _best_time(run(small))
    large_time = _best_time(run(large))
    # Ten times the text may take ten times as long; allow three times that again for noise,
    # plus a floor so tiny timings do not make the ratio meaningless. Quadratic behaviour would
    # be a hundred times slower and fail.
    assert large_time <= 30 * max(small_time, 0.0005), (seed, small_time, large_time)
    # An absolute sanity bound, generous for slow CI machines.
    assert large_time < 2.0, (seed, large_time)


@settings(max_examples=5, deadline=None)
@given(seed=st.text(min_size=1, max_size=50))
def test_random_unicode_at_100k_is_fast(seed: str) -> None:
    text = (seed * (100_000 // len(seed) + 1))[:100_000]
    assert _best_time(
        lambda: plugin.invitecore_profile_signals(
            profile=Profile(name=text[:200], headline=text, about=text), settings=DEFAULTS
        ),
        repeats=1,
    ) < 3.0
