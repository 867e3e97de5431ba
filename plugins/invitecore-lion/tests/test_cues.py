"""The cue finder finds every cue that occurs, where it occurs, and nothing else."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from invitecore_lion.cues import CueFinder

CUES = ["accept", "nect", "invit", "lion", "l.i.o", "network", "networker", "opennetworker",
        "+", "\U0001f981", "idk", "connections", "note", "add"]
FINDER = CueFinder(CUES)
text = st.lists(st.one_of(st.sampled_from([*CUES, "x", " ", "k", "v", ".", "opennet"]),
                          st.text(max_size=4)), max_size=30).map("".join)


@given(text)
def test_every_occurrence_is_found_and_nothing_else(sample: str) -> None:
    expected = {(i, cue) for cue in CUES for i in range(len(sample))
                if sample.startswith(cue, i)}
    found = FINDER.find(sample)
    # A position is inside its occurrence; each occurrence is reported once.
    starts = set()
    for position, cue in found:
        start = next(i for i in range(position, position - len(cue), -1)
                     if sample.startswith(cue, i))
        starts.add((start, cue))
    assert starts == expected
    assert len(found) == len(expected)


def test_no_cue_no_occurrence() -> None:
    assert FINDER.find("Head of data engineering, dbt and Airflow") == []
