"""A template's slots are read by what they stand for: something the person published reads
as that word, a specific person, event, school or group as something specific, a mail-merge
field (name, company, title, city) as a mail merge."""

from __future__ import annotations

import pytest

from conftest import DANA, check, codes
from invitecore_personalization import read_note


@pytest.mark.parametrize(
    "note",
    [
        "Hi [First Name], your [article/post] about [topic] made me rethink our roadmap.",
        "Hi {{first_name}}, I enjoyed your {{content_type}} on {{theme}}.",
        "Hi [Name], [Shared Contact Name from the mutual list] told me you know pricing well.",
        "Hi [Name], fellow [College] alum here.",
        "Hi [Name], I liked your [keynote / panel] at [Event Name].",
    ],
)
def test_a_slot_for_something_specific_says_how_they_were_found(note: str) -> None:
    reading = read_note(note, profile=DANA, relationship="none")
    assert reading.present("how_met_or_found")


@pytest.mark.parametrize(
    "note",
    [
        "Hi [Name], I came across your [profile/post/company] and would love to connect.",
        "Hi [Name], I see you work at [Company] as [Job Title]. Let's connect!",
    ],
)
def test_a_mail_merge_slot_is_not_specific(note: str) -> None:
    reading = read_note(note, profile=DANA, relationship="none")
    assert not reading.present("how_met_or_found")


def test_any_bracketed_slot_is_an_unfilled_placeholder() -> None:
    assert "PER113" in codes(check("Hi Dana, loved your [insight about the market]."))
    assert "PER113" not in codes(check("Hi Dana, loved your talk on pricing."))
