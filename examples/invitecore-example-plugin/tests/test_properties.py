"""Properties of the text matching: exact spans on any text, and time linear in its length."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st
from invitecore import Invitation, Profile
from invitecore.settings import resolve_settings

from invitecore_example import plugin

DECLARED = {s.name: s for s in plugin.invitecore_settings()}
SETTINGS = resolve_settings(DECLARED, {}, plugin="example")
PROFILE = Profile(name="Noor Haddad")
PIECES = st.sampled_from(["quick", "call", " ", "\n", "\u00a0", "Quick Call", "\u0131", "x", "15"])


def findings(note: str) -> list[tuple[str, tuple[int, int] | None]]:
    return [
        (f.code, f.span)
        for f in plugin.invitecore_invitation_checks(
            invitation=Invitation(note=note), profile=PROFILE, settings=SETTINGS
        )
    ]


@given(st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join))
def test_every_span_is_an_exact_slice_of_the_note(note: str) -> None:
    for code, span in findings(note):
        assert span is not None
        start, end = span
        assert 0 <= start < end <= len(note)
        if code == "EXA101":
            assert " ".join(note[start:end].split()).casefold() in {
                p.casefold() for p in SETTINGS["call-phrases"]
            }


def _seconds(note: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        findings(note)
        best = min(best, time.perf_counter() - started)
    return best


@settings(max_examples=5, deadline=None)
@given(st.sampled_from(["quick" + " " * 50, "a ", "quick\t", "15 ", "x" * 99 + " "]))
def test_time_grows_linearly_with_the_note(unit: str) -> None:
    small = unit * (10_000 // len(unit) + 1)
    large = unit * (100_000 // len(unit) + 1)
    # Ten times the text may take ten times as long; a backtracking blow-up would take far more.
    # The factor 30 leaves room for timer noise without hiding quadratic growth (100x).
    assert _seconds(large) < 30 * _seconds(small) + 0.05
