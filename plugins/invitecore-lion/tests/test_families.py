"""Families of policy phrasing read from real statements (docs/language.md, "Families learned
from real statements"). The sentences are made up; each stands for a family, not a case."""

from __future__ import annotations

import pytest
from lion_support import codes_for

from invitecore_lion import rules

OPEN_CODES = {rules.ACCEPT_ALL_PHRASE, rules.OPEN_NETWORKER_PHRASE, rules.LION_TOKEN}


@pytest.mark.parametrize("about", [
    "I do not, in fact, normally accept invitations from vendors outside my field.",
    "We would not, of course, accept requests from recruiters.",
])
def test_a_negation_reaches_across_asides(about: str) -> None:
    assert rules.NOT_A_LION in codes_for(about=about)


def test_a_negation_does_not_reach_into_the_clause_before() -> None:
    assert rules.KNOWN_PEOPLE_ONLY not in codes_for(
        about="If you don't know me yet, connect with me and say hello.")


@pytest.mark.parametrize("about", [
    "{profile.mode === 'OPEN' ? 'Open Networker' : 'Private'}",
    "Status: ${user.openNetworker} accepts {{ invitations }}",
])
def test_template_code_is_not_read(about: str) -> None:
    assert codes_for(about=about) == set()


@pytest.mark.parametrize("about", [
    "Why I will accept your invitation to connect!",
    "Her post, titled Why I Accept Every Connection Request, lists the reasons.",
])
def test_a_why_title_is_not_an_open_policy(about: str) -> None:
    assert not OPEN_CODES & codes_for(about=about)


def test_a_third_person_verb_is_no_request_for_a_note() -> None:
    assert rules.CONDITIONS not in codes_for(
        about="The author gives several reasons for this approach to connecting.")
