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


# -- fifth blind batch: families (docs/language.md section 15) -----------------------------


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        # shared past told as a memory
        ("Dana! It's been years since Mr. Okon's statistics seminar.", "classmate"),
        ("Dana, I miss our Monday standups at Brightwell.", "colleague"),
        ("Dana, thanks for the years on the forecasting team at Larchwood.", "colleague"),
        ("Dana, finally joined after you teased me about it at the pub quiz.", "friend"),
        ("Dana, as promised at choir practice, here is my request.", "friend"),
        # things they made, named without "your"
        ("Dana, halfway through Calm Pipelines and it already changed our alerts.", "none"),
        ("Dana, I read Lineage Letters every Friday morning.", "none"),
        ("Dana, I listened to every episode of the Data Diner so far.", "none"),
        ("Dana, I listend to you on the Backlog Hour podcst last month.", "none"),
        ("Dana, I loved your artical on schema drift.", "none"),
        # second-hand referrals
        ("Dana, Piotr Lis said I should reach out about the migration.", "none"),
        ("Dana, my sister-in-law Ola said you're the one to ask about dbt.", "none"),
        ("Dana, a colleague of a colleague passed me your email.", "none"),
        ("Dana, I'm Bartek Wolny's cousin; he told me you were looking for a tutor.", "other"),
        ("Dana, I heard from Zofia Lis that your team moved to Iceberg.", "none"),
        # a shared former employer or school, and what they post in a shared group
        ("We haven't met, but we both worked at Orlen Data years ago.", "none"),
        ("Dana, thinking of the MBA at Vistula and saw you're an alum.", "none"),
        ("Dana, loved your answer in PyData Warsaw about backfills.", "group"),
    ],
)
def test_how_families_of_the_fifth_batch(note: str, relationship: str) -> None:
    assert _has(note, "how_met_or_found", relationship)


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Dana, we're in the same group. Connect?", "group"),
        ("Fellow group member here.", "group"),
        ("Dana, I'd love to speak at Data Days 2027. Could we connect?", "none"),
        ("Dana, congrats on the new job at Brightwell Analytics! Back from Rome yet?", "friend"),
        ("Dana, I finished the migration at last. Would love to connect.", "none"),
        ("Dana, can't wait to hear how it goes.", "friend"),
    ],
)
def test_unnamed_common_ground_and_wishes_stay_no_how(note: str, relationship: str) -> None:
    assert not _has(note, "how_met_or_found", relationship)


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Dana, I'd send you the full deck once it is final.", "none"),
        ("Dana, happy to upstream our fixtures if you want them.", "none"),
        ("Dana, we're trying your approach now. Happy to report back.", "none"),
        ("Dana, we'd happily share our runbook in return.", "none"),
        ("Dana, if you want the updated checklist, it's yours.", "colleague"),
        ("Dana, any problems with the install, ping me directly.", "business"),
        ("Dana, I have a story your listeners would enjoy.", "none"),
        ("Dana, I'm opening a bakery and would love to talk wholesale.", "none"),
        ("Dana, a client of mine needs exactly your kind of audit.", "friend"),
        ("Dana, our team is hiring and you'd fit.", "none"),
        ("Dana, want me to ask my landlord?", "friend"),
        ("Dana, I filed a fix for the date parser, hope it helps!", "none"),
        ("Dana, the audit is on us: no charge for the first month.", "none"),
    ],
)
def test_offers_of_what_the_sender_will_give_are_benefits(note: str, relationship: str) -> None:
    assert _has(note, "benefit", relationship)


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Dana, we sat next to each other for two years at Brightwell.", "colleague"),
        ("Sorry about the staging outage, it was on me.", "colleague"),
        ("Dana, I'd like to introduce myself: I'm a data engineer.", "none"),
        ("Dana, loved the episode on take rates; we're pricing the same way.", "none"),
    ],
)
def test_facts_that_look_like_offers_are_no_benefit(note: str, relationship: str) -> None:
    assert not _has(note, "benefit", relationship)


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        # Spanish, Portuguese, German, Italian, French, Dutch
        ("Hola Dana, te vi en el panel de datos en Madrid.", "none"),
        ("Olá Dana, foi ótimo te conhecer na conferência de dados!", "none"),
        ("Hallo Dana, wir haben zusammen an der Uni Krakau Informatik studiert.", "classmate"),
        ("Dana, obrigado pelos anos na equipe de dados da Brightwell.", "colleague"),
        ("Hola Dana, ¡cuánto tiempo desde el máster en Cracovia!", "classmate"),
        ("Sehr geehrte Frau Kowalski, über unseren gemeinsamen Kontakt Jan Okon bin ich "
         "auf Sie gestoßen.", "none"),
        ("Dana, bedankt voor de fijne samenwerking bij het project.", "business"),
        ("Hoi Dana, via de meetup in Leiden kwam ik je naam tegen.", "none"),
    ],
)
def test_other_languages_say_how(note: str, relationship: str) -> None:
    assert _has(note, "how_met_or_found", relationship)


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Hallo Dana, gerne erzähle ich dir, was bei uns funktioniert hat.", "none"),
        ("Hoi Dana, ik deel graag onze ervaringen met Airflow.", "none"),
        ("Olá Dana, se precisar de uma referência, conte comigo.", "colleague"),
        ("Estimada Dana: quedo a su disposición para lo que necesite.", "business"),
        ("Bonjour Dana, je pourrais vous envoyer mes résultats en retour.", "none"),
    ],
)
def test_other_languages_offer(note: str, relationship: str) -> None:
    assert _has(note, "benefit", relationship)


def test_short_words_of_the_table_leave_english_alone() -> None:
    # "en route", "au pair": the table's function words do not invent a reason or a how.
    note = "Hi Dana, en route to Gdansk with our au pair. Would love to connect."
    assert not _has(note, "how_met_or_found")
    assert not _has(note, "why")


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, I'm currently seeking new opportunities and would love to connect.",
        "Dana, we haven't met. I'm looking for a job. Please connect.",
        "Hi, connecting as discussed on the call.",
        "Dana, saw your comment on the thread; nobody's talking about retries.",
    ],
)
def test_a_job_search_without_a_field_or_a_thing_said_is_no_reason(note: str) -> None:
    assert not _has(note, "why", "business" if "call" in note else "none")


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Dana, saw you're looking for a new role in product analytics.", "friend"),
        ("Dana, connecting here so it's easier to reach you for the Q3 review.", "business"),
        ("Dana, I help finance teams like you close the books in three days.", "none"),
        ("Dana, per our call today re: the data-sharing agreement, connecting here.", "business"),
        ("Dana, totally agree with your point about small batch sizes.", "none"),
        ("Sehr geehrte Frau Kowalski, gerne würde ich mich mit Ihnen über Datenqualität "
         "austauschen.", "none"),
    ],
)
def test_reasons_of_the_fifth_batch(note: str, relationship: str) -> None:
    assert _has(note, "why", relationship)


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Hi Dana! Hope your having a great week. Would love to connect and grow my network.",
         "none"),
        ("Dear Dana, as your former classmate, I would like to add you to my network.",
         "classmate"),
        ("Dear Dana, please find me here as well. Kind regards, Olek", "business"),
        ("Dana, I help data leaders like you cut costs with Lakefold. Open to a chat?", "none"),
        ("Hi Dana, we are both in PyData Warsaw. I'd like to add you to my network.", "group"),
        ("Dana, saw your GitHub. Wanna connect?", "none"),
    ],
)
def test_stock_notes_stay_generic(note: str, relationship: str) -> None:
    assert _has(note, "generic", relationship)


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("We haven't met but we both worked at Orlen Data. Would be good to connect.", "none"),
        ("Hi Dana, your work on streaming dedup looked like a great match for our team.", "none"),
    ],
)
def test_a_former_employer_or_their_work_on_a_topic_is_specific(
    note: str, relationship: str
) -> None:
    assert not _has(note, "generic", relationship)


@pytest.mark.parametrize(
    "note",
    [
        "Dana, Piotr said I should reach out to you about the lineage project.",
        "Dana, connecting to share the benchmark numbers from our pilot.",
        "Dana, we chatted in the queue at the Gdansk food fair about your cheese shop.",
    ],
)
def test_a_purpose_or_a_topic_further_on_is_a_reason(note: str) -> None:
    assert _has(note, "why", "other")


@pytest.mark.parametrize(
    "note",
    [
        "Dana, I'm reaching out because I'm passionate about data and want to grow.",
        "Dana, you forgot your scarf at the library talk on Friday!",
    ],
)
def test_a_bare_because_or_a_date_is_no_reason(note: str) -> None:
    assert not _has(note, "why", "other")


# -- section 16: families of the batch 2-4 misses (own wording) ------------------------------


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Hi Dana, thanks for reviewing my pull request on the lineage repo!", "none"),
        ("Dana, thank you so much for the quick turnaround on the Q2 audit.", "colleague"),
        ("Hi Dana, thanks for the tip about dbt macros in the meetup chat.", "none"),
        ("Dana, congrats on shipping the new ingestion service! Great work.", "none"),
        ("Dana, congratulations on passing the actuarial exams!", "none"),
    ],
)
def test_thanks_or_congrats_for_something_they_did_is_specific(
    note: str, relationship: str
) -> None:
    assert not _has(note, "generic", relationship)


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, thanks for accepting my invitation!",
        "Hi Dana, thank you for your time and consideration.",
        "Dana, thanks for connecting. Looking forward to following your work.",
        "Dana, congrats on the new role at Brightwell! Let's stay connected.",
        "Dana, congrats on the big news! Would love to connect.",
    ],
)
def test_thanks_or_congrats_anyone_could_get_stay_generic(note: str) -> None:
    assert _has(note, "generic")


@pytest.mark.parametrize(
    ("note", "relationship", "generic"),
    [
        ("Dana! Padel on Wednesday still happening?", "friend", False),
        ("Dana, see you at the board game night tomorrow.", "colleague", False),
        ("Dana, happy Friday! Let's connect here too.", "friend", True),
        ("Hi Dana, join our members' webinar on Tuesday. Connect?", "group", True),
    ],
)
def test_a_day_to_someone_known_is_a_plan_of_the_two(
    note: str, relationship: str, generic: bool
) -> None:
    assert _has(note, "generic", relationship) is generic


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Hi Dana, I'm hiring a part-time data analyst for two bakeries. Interested?", "none"),
        ("Dana, we're looking for mentors for a spring data course. It's paid.", "none"),
        ("Dana, I keep sending you leads from my clients, happy to go on.", "friend"),
        ("Dana, I've been recommending you to everyone at the co-op.", "colleague"),
        ("Hi Dana, fancy freelancing with us on a dashboard job next month?", "none"),
        ("Dana, shall we set up a referral swap between our two firms?", "none"),
        ("Dana, maybe we could swap lesson plans for the autumn term?", "none"),
        ("Hallo Dana, vielleicht können wir voneinander lernen.", "none"),
    ],
)
def test_work_sent_their_way_or_a_swap_is_a_benefit(note: str, relationship: str) -> None:
    assert _has(note, "benefit", relationship)


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, I was hired by Brightwell last year as an analyst.",
        "Hi Dana, I'm looking for a paid internship in data.",
        "Hi Dana, I work on data exchange standards for hospitals.",
    ],
)
def test_being_hired_or_seeking_paid_work_is_no_benefit(note: str) -> None:
    assert not _has(note, "benefit")


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Hi Dana, we help bakery owners cut waste by a third. Worth a chat?", "none"),
        ("Hi Dana, I help CTOs at logistics firms reduce cloud spend. Open to a call?", "none"),
        ("Dana, I'd like to connect to coordinate the handover of the Gdansk site.", "other"),
        ("Dana, let's stay connected here for the Q4 rollout.", "colleague"),
        ("Dana, we still have a few questions about the licence terms.", "other"),
    ],
)
def test_a_pitch_topic_a_shared_task_or_a_question_is_a_reason(
    note: str, relationship: str
) -> None:
    assert _has(note, "why", relationship)


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Dana! Ages since the bootcamp. How are you doing these days?", "classmate"),
        ("Dana, we sang in the same choir in Torun! Are you still in Gdansk?", "friend"),
        ("Hey Dana, you still doing data consulting?", "none"),
    ],
)
def test_small_talk_questions_are_no_reason(note: str, relationship: str) -> None:
    assert not _has(note, "why", relationship)


def test_a_question_about_something_still_is_a_reason() -> None:
    assert _has("Hi Dana, saw you did the MBA at Torun. How was the evening program?", "why")


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Dana, I scanned the old hackathon photos, want the link?", "classmate"),
        ("Dana, I built a checklist for exactly that. Want them?", "none"),
        ("Dana, my cousin rents out a flat in Sopot, want her number?", "friend"),
        ("Dana, I'm moving on and three accounts would suit you, want an intro?", "colleague"),
        ("Hi Dana, it's a paid appearance of twenty minutes. You'd get a full feature.", "none"),
    ],
)
def test_an_offer_asked_as_a_question_or_a_slot_for_them_is_a_benefit(
    note: str, relationship: str
) -> None:
    assert _has(note, "benefit", relationship)


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, I want the analyst job at Brightwell.",
        "Hi Dana, I know you get a lot of these notes. Let's connect.",
        "Hi Dana, saw you got the lead job at Brightwell, congrats.",
    ],
)
def test_the_senders_wish_or_their_news_is_no_offer(note: str) -> None:
    assert not _has(note, "benefit")


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, we're looking to rent a bigger office near the river this summer.",
        "Dana, selling our house in Sopot next year and heard good things about you.",
        "Hello Dana, I'm a junior analyst seeking mentorship in data engineering.",
    ],
)
def test_the_sender_as_their_customer_or_mentee_is_a_reason(note: str) -> None:
    assert _has(note, "why")


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, I just wanted to let you know how much your talk helped.",
        "Hi Dana, I sold my first dashboard last week. Let's connect.",
    ],
)
def test_telling_them_or_a_past_sale_is_no_reason(note: str) -> None:
    assert not _has(note, "why")


# -- sixth blind batch: families (docs/language.md section 17) -----------------------------

# -- greeting -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "Dr. Kowalski, your lecture on survey weighting was the clearest I've heard.",
        "Pani Dano, czytałam Pani artykuł o hurtowniach danych.",
        "Prof. Kowalski — a short question about your 2024 paper.",
        "Hoi Dana, leuk je te zien op de meetup.",
        "Dzień dobry Pani Dano, piszę w sprawie konferencji.",
    ],
)
def test_a_title_and_a_name_or_a_foreign_hello_greets_them(note: str) -> None:
    assert _has(note, "greeting")


@pytest.mark.parametrize(
    "note",
    [
        "Dear Hiring Manager, my CV is attached for the analyst opening.",
        "Dear Valued Customer, we are refreshing our contact list.",
        "Hej! Jag letar efter en praktikplats inom data.",
        "Hey, Marek from the Gdynia depot here. Long time!",
        "Hi, Tomas here, we sat together at the PyData dinner.",
        "Sir, please accept my request.",
    ],
)
def test_a_role_a_hello_alone_or_the_senders_own_name_is_no_greeting(note: str) -> None:
    assert not _has(note, "greeting")


def test_the_senders_own_name_first_does_not_hide_theirs_later() -> None:
    assert _has("Hey, Marek from the depot here. Great to see you again, Dana!", "greeting")


# -- how --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Hi Dana, noticed you're hiring a data engineer for the Gdansk office.", "none"),
        ("Hi Dana, Brightwell's careers page has no analysts listed yet.", "none"),
        ("dana!! saw u at tom's birthday party, sorry we barely talked", "friend"),
        ("Hallo Dana, via Piet de Vries hoorde ik over je dashboardwerk.", "none"),
        ("Hola Dana, me pasó tu contacto Lucas Ortega.", "none"),
        ("Hi Dana, we haven't met, but we were both at Northwind Bank years ago.", "none"),
        ("Dana, I miss our Friday lunches at Northwind Bank.", "colleague"),
        ("its ur old deskmate from year 9 maths lol", "classmate"),
        ("Dana, it was an honour to work under your leadership on the audit.", "colleague"),
        ("Fellow Vistula Uni allum here, class of 2015!", "none"),
        ("Hi Dana, I was at your pannel at the analytics summit.", "none"),
        ("ur livestream on query plans was great ty", "none"),
        ("Pani Dano, widziałam Pani wystąpienie na konferencji w Krakowie.", "none"),
        ("Dana, pracowałyśmy razem w banku Northwind.", "colleague"),
        ("Olá Dana! Vi que também estudaste na Universidade do Minho.", "none"),
        ("Ciao Dana, ho letto il suo articolo sui data warehouse.", "none"),
    ],
)
def test_a_job_advert_a_sighting_or_a_cue_of_another_language_says_how(
    note: str, relationship: str
) -> None:
    assert _has(note, "how_met_or_found", relationship)


@pytest.mark.parametrize(
    "note",
    [
        "Hey! Saw you're hiring. I'm open to work.",
        "Hi Dana, I noticed you recruit for analytics roles.",
        "Hi Dana, I applied yesterday; the stack your team described in the job post fits me.",
    ],
)
def test_a_bare_hiring_remark_or_the_job_post_applied_to_is_no_how(note: str) -> None:
    assert not _has(note, "how_met_or_found")


def test_a_name_that_is_also_a_foreign_word_stays_a_name() -> None:
    note = "Hi Omar, my colleague Dina said you helped her find a flat."
    assert _has(note, "how_met_or_found")


# -- why --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Hi Dana, we talked on the phone on Monday about the data-sharing contract.", "other"),
        ("Hi Dana, we emailed last week about the meetup venue.", "other"),
        ("Dana, I'm weighing a move into data governance and would value your take.", "none"),
        ("Dana, I'd love to learn from your experience building analytics teams.", "none"),
        ("Dana, I have a quick question about your sampling method.", "none"),
        ("Ciao Dana, vorrei restare aggiornata sul suo lavoro.", "none"),
        ("Dana, I'd like to stay up to date with your research.", "none"),
        ("Hej Dana! Jag söker jobb som dataanalytiker i Malmö.", "none"),
        ("Olá Dana, adorava saber como está o mercado de dados em Lisboa.", "none"),
        ("Dana, remember the workshop on survey bias? I'm writing it up now.", "classmate"),
        ("Dana, thanks for the order. Adding you here so you can track the delivery.",
         "business"),
        ("Dana, we're reworking our churn model this quarter.", "none"),
        ("Dana, it would be great to work together on the census project.", "none"),
    ],
)
def test_a_follow_up_topic_their_take_or_a_foreign_aim_is_a_reason(
    note: str, relationship: str
) -> None:
    assert _has(note, "why", relationship)


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Dana! Remember the flooded basement lab in 2012? Good times.", "colleague"),
        ("Erinnerst du dich an das Hackathon-Projekt, Dana?", "classmate"),
        ("Saw a Dana on the alumni list. Is this the same Dana who ran the chess club?", "none"),
        ("Dana! Finally joined LinkedIn, be my first connection?", "friend"),
        ("Dana, congrats on the new flat! Also we're not connected here??", "friend"),
        ("Dana! Brings back memories of the Krakow offsite with the whole team. connect?",
         "colleague"),
        ("Hi Dana, we worked together on the billing migration at Northwind.", "colleague"),
    ],
)
def test_a_memory_asked_about_or_a_who_question_is_no_reason(
    note: str, relationship: str
) -> None:
    assert not _has(note, "why", relationship)


# -- benefit ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Hi Dana, I run a data podcast. Would you come on as a guest?", "none"),
        ("Dana, I'm hosting the spring meetup and would love you to speak on dbt.", "none"),
        ("Dana, I'm starting a reading circle for new analysts; you'd be a great mentor.", "none"),
        ("Dana, I'm starting a Polish conversation group in May. You'd be very welcome!", "none"),
        ("Dana, we have more dashboard requests than hands. Any interest in freelance work?",
         "none"),
        ("Dana, I get more audits than I can take; open to me passing some on?", "group"),
        ("Great project, Dana! I'll keep sending anyone who asks for analytics to you.",
         "business"),
        ("Hi Dana, the export is in the folder I shared. Shout if the columns look odd.",
         "other"),
        ("Dana, thanks for the order. Connecting so you can reach me for any questions.",
         "business"),
        ("Hi Dana, I have some spare conference passes if your team needs any.", "none"),
        ("Dana, the autumn run is ready; want first pick before the other shops?", "business"),
        ("Dana, if the charity ever needs a pro bono dashboard, I'm your guy.", "friend"),
        ("Dana, chętnie pomogę przy rekrutacji analityków.", "colleague"),
        ("Dana, I know two data engineers who'd suit your team.", "none"),
        ("Dana, I'm looking for a head of BI and your background fits very well.", "none"),
        ("Hi Dana, I have a senior role that matches your profile. Open to talk?", "none"),
        ("Dana, if you're ever in Gdansk, the spare room is yours.", "friend"),
    ],
)
def test_a_part_for_them_work_passed_on_or_open_help_is_a_benefit(
    note: str, relationship: str
) -> None:
    assert _has(note, "benefit", relationship)


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("hey its ur old lab partner from year 10 chem lol", "classmate"),
        ("Dana, would it be possible to attend one of your meetups as a guest?", "none"),
        ("Dana, your report is the reason I got into analytics.", "none"),
    ],
)
def test_their_own_things_or_a_guest_seat_for_the_sender_is_no_benefit(
    note: str, relationship: str
) -> None:
    assert not _has(note, "benefit", relationship)


# -- generic ----------------------------------------------------------------------------------


def test_how_long_it_has_been_is_no_private_reference() -> None:
    assert _has("Hi [First Name], it's been a while since we graduated! Let's reconnect.",
                "generic", "classmate")
    assert not _has("Hi Dana, since the Brightwell offsite I've been meaning to write.",
                    "generic", "colleague")


# -- review fixes ---------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["Señor", "Señora", "Sr.", "Mme", "Dott.ssa", "Frau"])
def test_a_title_with_or_without_accents_greets_them_by_the_last_name(title: str) -> None:
    from conftest import check

    found = {f.code for f in check(f"{title} Kowalski, your survey paper was a great read.")}
    assert not found & {"PER111", "PER112"}


def test_every_default_title_is_looked_up_as_the_greeting_folds_it() -> None:
    from invitecore_personalization.defaults import HONORIFICS
    from invitecore_personalization.patterns import compiled, default_settings, fold_name

    titles = compiled(default_settings()).honorifics
    assert {fold_name(t) for t in HONORIFICS} <= titles


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, I earned my analytics certificate in May and stared at dashboards all year.",
        "Hi Dana, I earned a promotion recently.",
    ],
)
def test_english_words_one_letter_from_a_cue_form_are_not_cue_words(note: str) -> None:
    from invitecore_personalization.patterns import compiled, default_settings

    lexicon = compiled(default_settings()).reader.lexicon
    assert lexicon.canonical("earned") != "learn"
    assert lexicon.canonical("stared") != "start"
    assert not _has(note, "how_met_or_found")


def test_slips_of_past_and_ing_forms_are_still_read() -> None:
    from invitecore_personalization.patterns import compiled, default_settings

    lexicon = compiled(default_settings()).reader.lexicon
    assert [lexicon.canonical(w) for w in ("listend", "attnded", "meting")] == [
        "listen", "attend", "meeting"
    ]


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, thank you for taking the time to read my note. Would love to connect.",
        "Hi Dana, thanks for your time and for considering my request.",
        "Thanks for the connect Dana",
        "Hi Dana, thanks so much for reading my message.",
    ],
)
def test_thanks_for_a_courtesy_is_no_private_reference(note: str) -> None:
    assert _has(note, "generic")


def test_thanks_for_something_they_did_is_still_specific() -> None:
    assert not _has("Hi Dana, thanks for the tip on dbt snapshots last week.", "generic")


def test_new_as_the_first_word_never_looks_at_the_last_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from invitecore_personalization import reading

    seen: list[tuple[tuple[int, int], bool]] = []
    judge = reading._not_an_aim

    def record(words: reading.Tokens, match: tuple[int, int]) -> bool:
        seen.append((tuple(match[:2]), judge(words, match)))  # type: ignore[arg-type]
        return seen[-1][1]

    monkeypatch.setattr(reading, "_not_an_aim", record)
    # "new" opens the note, so nothing before it is an article; a trailing "a" must not count
    for ending in (".", ", a"):
        seen.clear()
        _has(f"new role in product analytics is what I am looking for{ending}", "why")
        assert ((1, 2), True) in seen


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, Vi from the Lisbon office said you run the lineage guild.",
        "Hi Dana, we had lunch at the Lido after the summit.",
        "Hi Dana, Dela and I spoke at the same meetup in Oslo.",
    ],
)
def test_foreign_words_that_are_english_or_names_stay_so_in_english(note: str) -> None:
    from invitecore_personalization.patterns import compiled, default_settings
    from invitecore_personalization.text import read_words

    tokens = read_words(note, compiled(default_settings()).reader.lexicon).tokens
    assert not {"see", "read", "share"} & set(tokens)


@pytest.mark.parametrize(
    ("note", "word"),
    [
        ("Hola Dana, te vi en el panel de datos en Madrid.", "see"),
        ("Olá Dana, adorava saber como está o mercado de dados.", "know"),
        ("Hej Dana, jag vill gärna dela min erfarenhet.", "share"),
    ],
)
def test_those_words_are_read_inside_a_sentence_in_another_language(
    note: str, word: str
) -> None:
    from invitecore_personalization.patterns import compiled, default_settings
    from invitecore_personalization.text import read_words

    tokens = read_words(note, compiled(default_settings()).reader.lexicon).tokens
    assert word in tokens


# -- section 18: families from the seventh blind batch -------------------------------------


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        ("Bonjour Dana, nous avons échangé à la Foire aux Données de Lille en mai.", "other"),
        ("Bonjour Dana, j'ai suivi votre webinaire sur la qualité des données.", "none"),
        ("Hej Dana! Jag lyssnade på ditt avsnitt i podden Datasnack.", "none"),
        ("Merhaba Dana Hanım, Ankara'daki Veri Günleri'nde sunumunuzu dinledim.", "none"),
        ("Merhaba Dana, Kuzey Yazılım'da birlikte çalıştığımız yılları özlüyorum.", "colleague"),
        ("Cześć Dana! Siedzieliśmy razem na ekonometrii na SGH.", "classmate"),
    ],
)
def test_talking_attending_listening_and_sitting_together_in_other_languages(
    note: str, relationship: str
) -> None:
    assert _has(note, "how_met_or_found", relationship)


@pytest.mark.parametrize(
    ("note", "relationship"),
    [
        # the same tables read nothing where nothing says how they met
        ("Bonjour Dana, le suivi de vos données est-il automatisé ?", "none"),
        ("Merhaba Dana, veri kalitesi hakkında konuşmak isterim.", "none"),
        ("Hej Dana, får jag ställa några frågor om din forskning?", "none"),
    ],
)
def test_those_words_alone_say_nothing_of_how(note: str, relationship: str) -> None:
    assert not _has(note, "how_met_or_found", relationship)


@pytest.mark.parametrize(
    "note",
    [
        "Ex-Brightwell people, let's keep in touch!",
        "Hi Dana, ex-Northwind crew checking in.",
        "Ex-Halcyon gang, reunion soon?",
    ],
)
def test_those_who_left_the_same_place_name_it(note: str) -> None:
    assert _has(note, "how_met_or_found", "colleague")
    assert not _has(note, "generic", "colleague")


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, my ex-manager said hello. Let's connect.",
        "Hi Dana, ex-people are the best people. Let's connect.",
        "Hi Dana, would love to connect with fellow ex-consultants.",
    ],
)
def test_ex_before_no_name_names_no_place(note: str) -> None:
    assert not _has(note, "how_met_or_found", "colleague")


def test_ex_is_a_word_of_its_own_and_the_name_after_it_a_name() -> None:
    from invitecore_personalization.patterns import compiled, default_settings
    from invitecore_personalization.text import read_words

    lexicon = compiled(default_settings()).reader.lexicon
    assert read_words("Ex-Brightwell folks", lexicon).tokens[:2] == ("ex", "NAME")
    assert "ex-" not in " ".join(read_words("my ex-manager", lexicon).tokens)
    # a word that merely ends in "ex" keeps its hyphen ("Rolex-style" stays one word)
    assert len(read_words("a Rolex-style watch", lexicon).tokens) == 3


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, if you ever want someone to sanity-check a lineage graph, give me a shout.",
        "Hi Dana, if your migration throws up anything odd next quarter, just shout.",
        "Hi Dana, if your analysts ever need a hand with dbt macros, give me a ring.",
    ],
)
def test_a_condition_of_theirs_then_a_call_to_the_sender_is_an_offer(note: str) -> None:
    assert _has(note, "benefit")


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, give me a call to hear about our lineage platform.",
        "Hi Dana, if the timing works, give me a call next week.",
        "Hi Dana, if you're interested in our platform, give me a call.",
        "Hi Dana, if this sounds like a fit for Brightwell, give me a call about pricing.",
    ],
)
def test_a_call_to_the_sender_alone_or_after_a_pitch_is_not(note: str) -> None:
    assert not _has(note, "benefit")


# Families of the eighth blind batch (docs/language.md section 20).
@pytest.mark.parametrize(
    ("note", "element", "present"),
    [
        # a free taste of what is sold is the product, not a gift; something else free is
        ("Hi Dana, our lineage tool cuts debugging time in half. Free trial: example.com/try",
         "benefit", False),
        ("Hi Dana, we sell warehouse sensors and I'm happy to send you free samples.",
         "benefit", False),
        ("Hi Dana, we sell warehouse sensors; happy to send you our free benchmark report.",
         "benefit", True),
        # offers without a subject, or on their condition
        ("Hi Dana, saw your post on dbt tests. Can send you the macro pack we use.",
         "benefit", True),
        ("Dear Dana, please don't hesitate to get in touch if our team can support your next "
         "audit.", "benefit", True),
        # opportunities for them
        ("Hi Dana, I recruit for Brightpath and would like to talk about a Head of Data role.",
         "benefit", True),
        ("Hi Dana, I'd love to keep you in mind for future openings on our data team.",
         "benefit", True),
        # a search for nobody is no how; a search for someone is
        ("Hi Dana, I found your impressive profile while browsing LinkedIn.",
         "how_met_or_found", False),
        ("Hi Dana, I found you while searching for data leaders in Warsaw.",
         "how_met_or_found", True),
        # reasons
        ("Hi Dana, I heard your PyData talk and left with a question about contract tests.",
         "why", True),
        ("Hi Dana, I'm a nurse trying to move into health data analytics.", "why", True),
        ("Hi Dana, saw your post on warehouse costs. I've got the same stack at my company.",
         "why", True),
    ],
)
def test_families_of_the_eighth_blind_batch(note: str, element: str, present: bool) -> None:
    assert _has(note, element) is present


@pytest.mark.parametrize(
    "note",
    [
        "Dana, remember the group project on churn models in Prof. Nowak's class? Connecting!",
        "Dana, we had the stats seminar together at Warsaw Tech, right? Good to find you here.",
    ],
)
def test_a_memory_asked_as_a_question_is_no_reason(note: str) -> None:
    assert not _has(note, "why", relationship="classmate")


# Families of the ninth blind batch (docs/language.md section 21).
@pytest.mark.parametrize(
    ("note", "element", "present"),
    [
        ("Hi Dana, I'm running a search for a Head of Data in Krakow. Open to a chat?",
         "why", True),
        ("Hi Dana, any tips for a first data contract rollout would be welcome.", "why", True),
        ("Hi Dana, would love to swap sketches of our lineage diagrams.", "benefit", True),
        ("Hi Dana, thanks for the referral last month. Happy to do the same for you.",
         "benefit", True),
        ("Hi Dana, I'm a recruiter and would love to share opportunities that fit you.",
         "benefit", True),
        ("Hi Dana, we'd love to have you on an episode about data contracts.", "benefit", True),
        ("Hi Dana, would you consider joining our panel on data quality in May?",
         "benefit", True),
        ("Hi Dana, your LinkedIn Live with the PyData crew was great.", "how_met_or_found",
         True),
        ("Hi Dana, your work on the open lineage library caught my eye.", "how_met_or_found",
         True),
        ("Hi Dana, Piotr (my manager at Northwind) suggested I reach out.",
         "how_met_or_found", True),
    ],
)
def test_families_of_the_ninth_blind_batch(note: str, element: str, present: bool) -> None:
    assert _has(note, element) is present


# Families of the tenth blind batch (docs/language.md section 22).
@pytest.mark.parametrize(
    ("note", "element", "present"),
    [
        ("Hi Dana, I caught a webinar you were on last month.", "how_met_or_found", True),
        ("Hi Dana, I missed the dbt workshop you ran in May.", "how_met_or_found", True),
        ("Hi Dana, your lineage cheat sheet saved my week.", "how_met_or_found", True),
        ("Hi Dana, you're connected to half my old team at Northwind.", "how_met_or_found",
         True),
        ("Hi Dana, following up on my email about the flat on Zlota Street.",
         "how_met_or_found", True),
        ("Hi Dana, Warsaw Tech '15 here, data science track.", "how_met_or_found", True),
        ("Hi Dana, would love to follow how you roll out data contracts.", "why", True),
        ("Hi Dana, I'd like to learn the testing approach you described.", "why", True),
        ("Dear Dana, I am interested in opportunities at your esteemed organisation.", "why",
         False),
    ],
)
def test_families_of_the_tenth_blind_batch(note: str, element: str, present: bool) -> None:
    assert _has(note, element) is present


# Review of the rounds of batches 8 to 10: what those families must not catch.
@pytest.mark.parametrize(
    ("note", "element"),
    [
        ("Hi Dana, LinkedIn recommended we connect.", "how_met_or_found"),
        ("Hi Dana, could you lead a workshop for our analytics team in May?",
         "how_met_or_found"),
        ("Hi Dana, we send email newsletters about data tooling every week.",
         "how_met_or_found"),
        ("Hi Dana, I'd love to sit next to you at the PyData dinner next week.",
         "how_met_or_found"),
        ("Hi Dana, I can help you connect to my network of investors.", "how_met_or_found"),
        ("Hi Dana, could you send me your free template for macros?", "benefit"),
        ("Hi Dana, could you share any openings on your team?", "benefit"),
        ("Hi Dana, I think you would be a helpful contact for my job search.", "benefit"),
        ("Hi Dana, I'm writing about a data engineer role at Brightwell that I applied for.",
         "benefit"),
    ],
)
def test_look_alikes_of_this_sessions_families(note: str, element: str) -> None:
    assert not _has(note, element)


def test_a_question_about_memory_tuning_is_a_reason() -> None:
    assert _has("Hi Dana, any advice on memory tuning for Spark jobs?", "why")
