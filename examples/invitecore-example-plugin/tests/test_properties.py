"""Properties of the text matching: exact spans on any text, and time linear in its length."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from invitecore import Invitation, Profile
from invitecore.testing import assert_linear_time, resolved_settings

from invitecore_example import plugin

SETTINGS = resolved_settings(plugin, name="example")
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


@settings(max_examples=5, deadline=None)
@given(st.sampled_from(["quick" + " " * 50, "a ", "quick\t", "15 ", "x" * 99 + " "]))
def test_time_grows_linearly_with_the_note(unit: str) -> None:
    # Ten times the text may take ten times as long (with room for noise); a backtracking
    # blow-up would take far more.
    assert_linear_time(lambda size: unit * (size // len(unit) + 1), findings)
