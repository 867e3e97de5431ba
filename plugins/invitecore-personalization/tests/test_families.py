"""Phrasing families read from real-text misses (own wording; docs/language.md records them)."""

from __future__ import annotations

import pytest

from conftest import DANA
from invitecore_personalization import read_note


def _has(note: str, element: str, relationship: str = "none") -> bool:
    return read_note(note, profile=DANA, relationship=relationship).present(element)


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, I see you are a data lead there. Would love to connect.",
        "Hi Dana, saw you're based in Warsaw and work on pipelines.",
        "Hi Dana, I noticed we both work in analytics. Let's connect.",
        "Hi Dana, I hope we can chat sometime soon.",
    ],
)
def test_seeing_their_profile_or_a_wish_to_talk_is_not_how(note: str) -> None:
    assert not _has(note, "how_met_or_found")


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, great seeing you at the PyData Warsaw meetup last week.",
        "Hi Dana, we met at the Brightwell booth at the Data Expo.",
    ],
)
def test_meeting_them_still_is(note: str) -> None:
    assert _has(note, "how_met_or_found")


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Hi Dana, your talk on lineage at PyData was the best of the day.", "none"),
        ("Dana, congrats on the new role at Brightwell! Let's stay connected.", "none"),
        ("Dana, great working with you at Brightwell. If you ever need a hand, ask.", "colleague"),
        ("Dana, glad we worked together at Brightwell. Happy to be a reference.", "colleague"),
        ("Dear Dana, as someone I respect, I'd like to invite you to join my network.", "none"),
        ("Hi Dana, I want to grow my network with data leaders in Poland.", "none"),
    ],
)
def test_words_of_a_reason_used_otherwise_are_not_why(note: str, relationship: str) -> None:
    assert not _has(note, "why", relationship)


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Dana, connecting as promised.", "colleague"),
        ("Hi Dana, found you via the engineering blog post on stream joins.", "none"),
        ("Hi Dana, I found your profile while looking for people who have run 50+ "
         "person data teams.", "none"),
    ],
)
def test_a_private_reference_or_their_content_is_specific(note: str, relationship: str) -> None:
    assert not _has(note, "generic", relationship)


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, I came across your profile while researching the analytics field. "
        "Would love to connect.",
        "Hi Dana, I'm sharing insights on data quality with leaders like you. Let's connect!",
    ],
)
def test_a_broad_search_or_the_senders_own_content_stays_generic(note: str) -> None:
    assert _has(note, "generic")


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Dana, good times at Brightwell. If you ever need a hand with dbt, shout.", "colleague"),
        ("Dana, if you need a pricing contact in Gdansk, I know a good one.", "colleague"),
        ("Dana, great chatting at PyData Warsaw. I'll send you the slides tonight.", "none"),
    ],
)
def test_an_offer_across_a_comma_or_a_contracted_promise_is_a_benefit(
    note: str, relationship: str
) -> None:
    assert _has(note, "benefit", relationship)


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, I'm exploring roles at Brightwell. Would you be willing to share your view?",
        "Hi Dana, I applied for the analyst role and I think I'd be a great fit for it.",
        "Dear Dana, I'd like to invite you to join my network.",
    ],
)
def test_an_offer_asked_of_them_or_the_senders_fit_is_not_a_benefit(note: str) -> None:
    assert not _has(note, "benefit")


def test_their_fit_is_still_one() -> None:
    assert _has("Hi Dana, we have a data lead role and you'd be a great fit.", "benefit")


@pytest.mark.parametrize(
    "note",
    [
        "Dana! Still owe you a coffee for the Kraków move. Adding you here.",
        "Dana, hope the new Ostrava warehouse is running well. Let's connect.",
    ],
)
def test_to_someone_who_knows_you_a_name_not_theirs_is_specific(note: str) -> None:
    assert not _has(note, "generic", "friend")


def test_an_episode_number_before_its_topic_still_counts() -> None:
    note = "Hi Dana, longtime listener: the episode 52 on data-contracts hit home."
    assert not _has(note, "generic")


def test_their_own_content_with_a_topic_says_how_even_under_their_company_name() -> None:
    note = "Hi Dana, found you via the Brightwell Analytics blog post on stream joins."
    assert _has(note, "how_met_or_found")
    assert not _has("Hi Dana, found you via Brightwell Analytics.", "how_met_or_found")


def test_following_their_work_is_no_private_reference() -> None:
    assert _has("Hi Dana, I've been following your work and would love to connect.", "generic")
    assert not _has("Dana, following our call, adding you here.", "generic", "business")


# -- learned from the third blind batch (docs/quality.md) ----------------------------------------


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Dana, connecting here so I can send you the revised schema doc.", "business"),
        ("Hi Dana, connecting so our two teams can line up the Q3 migration.", "none"),
        ("Dana, sending a request so you can see the dashboards I mentioned.", "other"),
    ],
)
def test_connecting_so_that_something_can_happen_is_a_reason(
    note: str, relationship: str
) -> None:
    assert _has(note, "why", relationship)


@pytest.mark.parametrize(
    "note",
    [
        "Dana, connecting so I can share the slides from Thursday with you.",
        "Hi Dana, we have an opening for a data lead in Gdansk, interested?",
        "Hi Dana, I have a great role for you at a Series A fintech.",
        "Dana, my cousin says you're moving into consulting - want me to refer you to my firm?",
        "Dana, if your team ever needs more analysts, I know two brilliant ones.",
        "Hi Dana, connecting so we can exchange the onboarding templates.",
    ],
)
def test_an_offer_after_so_i_can_or_an_opportunity_for_them_is_a_benefit(note: str) -> None:
    assert _has(note, "benefit")


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, I'd like to connect so I can learn from your experience with dbt.",
        "Hi Dana, connecting so I can ask you a few questions about Brightwell.",
    ],
)
def test_so_i_can_for_the_sender_is_still_no_benefit(note: str) -> None:
    assert not _has(note, "benefit")


@pytest.mark.parametrize(
    "note",
    [
        "Dana! Stats 202 lab partner here, still owe you for that regression project.",
        "Hi Dana, Tom's mum here from the Saturday swimming club.",
        "Dana, your old teammate from the Brightwell data platform team!",
        "Dana, so glad we overlapped on the Northwind migration.",
        "Dana, good doing business with Brightwell again this year.",
        "Thank you for being such a great manager at Northwind, Dana.",
    ],
)
def test_who_the_sender_was_to_them_reminds_them(note: str) -> None:
    assert _has(note, "how_met_or_found", "colleague")


def test_a_peer_word_alone_is_no_reminder() -> None:
    assert not _has("Hi Dana, hope you and your partner are well!", "how_met_or_found", "friend")


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Dana, the Northwind onboarding revamp team reunite! Miss our debriefs.", "colleague"),
        ("Hello from Harbourside! Stats 301 feels like a lifetime ago.", "classmate"),
        ("Dana, the Quillmark rollout went better than with any vendor we've used.", "business"),
    ],
)
def test_to_someone_who_knows_you_a_name_with_a_shared_context_reminds_them(
    note: str, relationship: str
) -> None:
    assert _has(note, "how_met_or_found", relationship)


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Dana, hope Lisbon is treating you well!", "friend"),
        ("Dana, congrats on the new team!", "colleague"),
        ("Hi Dana, the Quillmark rollout looks great from the outside.", "none"),
    ],
)
def test_a_name_alone_or_to_a_stranger_is_no_reminder(note: str, relationship: str) -> None:
    assert not _has(note, "how_met_or_found", relationship)


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Hallo Dana, ich habe Ihren Vortrag auf der Datenkonferenz gehört.", "none"),
        ("Olá Dana! Vi sua palestra sobre pipelines de dados, muito boa.", "none"),
        ("Hola Dana, ¿te acuerdas del máster en Cracovia? Qué tiempos.", "classmate"),
        ("Ciao Dana, ho letto il tuo articolo sui data contract.", "none"),
    ],
)
def test_cue_words_of_other_languages_are_read(note: str, relationship: str) -> None:
    assert _has(note, "how_met_or_found", relationship)


def test_english_notes_read_as_before_with_the_other_languages_table() -> None:
    # No English word is in the table: "salon", "intervention", "die" keep their meaning.
    assert not _has("Hi Dana, I run a hair salon in Leeds and would love to connect.",
                    "how_met_or_found")


def test_a_role_named_at_length_is_an_opportunity_for_them() -> None:
    assert _has("Hi Dana, I have a senior analytics engineering lead role in Gdansk. Interested?",
                "benefit")


def test_passing_their_name_on_is_an_offer() -> None:
    assert _has("Dana! My team is hiring, want me to pass your name along?", "benefit", "friend")


def test_thanks_for_a_past_deal_reminds_a_business_contact() -> None:
    assert _has("Dana, thank you for the smooth cooperation on the 2024 Brightwell renewal.",
                "how_met_or_found", "business")
