"""Families of policy phrasing read from real statements (docs/language.md, "Families learned
from real statements"). The sentences are made up; each stands for a family, not a case."""

from __future__ import annotations

import pytest
from lion_support import codes_for, found, signals_for

from invitecore_lion import rules
from invitecore_lion.tokens import sentence_words

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


@pytest.mark.parametrize(("about", "code"), [
    ("Back when I joined I was careful to accept requests only from people I knew.",
     rules.SCOPED_WELCOME),
    ("I used to connect only with colleagues I had met in person.", rules.SCOPED_WELCOME),
    ("I used to accept everyone who asked.", rules.NOT_A_LION),
])
def test_a_past_policy_tells_of_a_change(about: str, code: str) -> None:
    found = codes_for(about=about)
    assert code in found
    assert not {rules.KNOWN_PEOPLE_ONLY, rules.ACCEPT_ALL_PHRASE} & found


@pytest.mark.parametrize("about", [
    "I usually accept invitations that look genuine.",
    "I'm generally open to connection requests from my industry peers.",
])
def test_a_frequency_makes_acceptance_partial(about: str) -> None:
    found = codes_for(about=about)
    assert rules.SCOPED_WELCOME in found
    assert rules.ACCEPT_ALL_PHRASE not in found


@pytest.mark.parametrize("about", [
    "Invitations from strangers pile up, and I mostly ignore them.",
    "Cold connection requests arrive weekly, and I have been declining these for years.",
    "Most invitations are spam, so I skim and delete them.",
])
def test_refusing_invitations_named_before_is_selective(about: str) -> None:
    assert rules.NOT_A_LION in codes_for(about=about) or (
        rules.KNOWN_PEOPLE_ONLY in codes_for(about=about))


@pytest.mark.parametrize(("about", "value"), [
    ("Last spring I reached 25,000 connections on this site.", "25000"),
    ("My network has 12k contacts.", "12000"),
])
def test_a_stated_network_size_is_a_brag(about: str, value: str) -> None:
    found = [s for s in signals_for(about=about) if s.code == rules.COUNT_BRAGGING]
    assert [s.value for s in found] == [value]


def test_a_small_stated_network_size_is_no_brag() -> None:
    assert rules.COUNT_BRAGGING not in codes_for(about="I have 800 connections, all real.")


def test_a_parenthesis_does_not_hide_the_object() -> None:
    assert rules.KNOWN_PEOPLE_ONLY in codes_for(
        about="I only accept (that is, keep as a lasting link) people I have worked with.")


@pytest.mark.parametrize(("about", "code"), [
    ("I'm a big believer in open networking.", rules.SCOPED_WELCOME),
    ("This site is not meant for open networking, in my view.", rules.NOT_A_LION),
])
def test_open_networking_as_a_practice(about: str, code: str) -> None:
    found = codes_for(about=about)
    assert code in found
    assert not OPEN_CODES & found


def test_open_networking_hardware_is_no_policy() -> None:
    assert codes_for(about="Vendor of open networking switches and routers.") == set()


@pytest.mark.parametrize("about", [
    "Old school, maybe, but I want to know who I am connecting with.",
    "We limit our connections to people we have really talked to.",
])
def test_a_chosen_network_is_selective(about: str) -> None:
    assert rules.NOT_A_LION in codes_for(about=about)


@pytest.mark.parametrize("about", [
    "I talk with people for a few weeks before accepting their invitation.",
    "My connections are people I have interacted with at least once.",
    "Haven't met me? Then say plainly in your request why we ought to connect.",
    "Please don't try to connect without telling me what you have in mind.",
])
def test_conditions_a_stranger_can_meet(about: str) -> None:
    found = codes_for(about=about)
    assert rules.CONDITIONS in found
    assert rules.KNOWN_PEOPLE_ONLY not in found


@pytest.mark.parametrize("about", [
    "Early on I chose to become an open networker; these days I'm less sure.",
    "After becoming a LION I had thousands of contacts within a year.",
])
def test_becoming_an_open_networker_leans_open(about: str) -> None:
    found = codes_for(about=about)
    assert rules.SCOPED_WELCOME in found
    assert not OPEN_CODES & found


def test_a_past_without_only_is_a_story_not_a_policy() -> None:
    assert codes_for(about="When I joined years ago, I connected with classmates I knew.") == set()


def test_open_to_connecting_with_a_group_is_a_scoped_welcome() -> None:
    found = codes_for(about="Do feel free to drop me a message. Happy to connect with fellow "
                            "designers and illustrators.")
    assert rules.SCOPED_WELCOME in found
    assert rules.CONDITIONS not in found


def test_the_writer_sending_an_invitation_is_no_welcome() -> None:
    assert codes_for(about="I meant to send you an invitation to connect last week.") == set()


def test_a_plain_imperative_to_send_an_invitation_welcomes_anyone() -> None:
    assert rules.ACCEPT_ALL_PHRASE in codes_for(
        about="Go ahead and send me a connection request.")


@pytest.mark.parametrize("about", [
    "Honestly I'm sick of getting requests from total strangers.",
    "On Facebook I add every friend request, but LinkedIn works differently for me.",
    "A professional network should be made of people you actually know.",
    "For years I was loose about it, but I've gone back to a strict policy on invitations.",
])
def test_selective_without_naming_who_is_refused(about: str) -> None:
    found = codes_for(about=about)
    assert rules.NOT_A_LION in found
    assert not OPEN_CODES & found


@pytest.mark.parametrize("about", [
    "Tell me in the request why we should connect. Otherwise, it is ignored.",
    "A canned connection request is always a rejection for me.",
])
def test_a_refusal_that_enforces_a_condition(about: str) -> None:
    found = codes_for(about=about)
    assert rules.CONDITIONS in found
    assert rules.KNOWN_PEOPLE_ONLY not in found


@pytest.mark.parametrize("about", [
    "I use this site strictly by the book.",
    "I connect as LinkedIn itself recommends, and no further.",
    "My profile here is a reflection of my real network of contacts.",
    "I have met 85% of the people I'm connected with here.",
    "Connecting with you means I vouch for you to my network.",
])
def test_connecting_as_linkedin_advises_refuses_strangers(about: str) -> None:
    assert rules.KNOWN_PEOPLE_ONLY in codes_for(about=about)


@pytest.mark.parametrize("about", [
    "If we haven't met, and you don't mention a reason, I won't connect with you.",
    "I mostly ignore invitations from people I haven't met who offer no reason at all.",
    "I'd be glad to connect if I know you from Twitter or elsewhere.",
])
def test_a_refusal_a_stranger_can_lift_is_a_condition(about: str) -> None:
    found = codes_for(about=about)
    assert rules.CONDITIONS in found
    assert rules.KNOWN_PEOPLE_ONLY not in found


def test_connect_with_me_on_another_site_is_no_welcome() -> None:
    assert codes_for(about="I only connect with people I know. Connect with me on Mastodon "
                           "instead.") == {rules.KNOWN_PEOPLE_ONLY}


@pytest.mark.parametrize("about", [
    "I'm open, sure, but not THAT open.",
    "I'm always open to new people in my trade.",
    "To me this site is a way to network with new people.",
    "You should accept all invitations, in my opinion.",
    "I tell my clients to accept every connection request.",
    "Honestly, I don't know most of the people I'm connected with.",
    "I look at the profile of each person who sends me an invitation.",
    "I used to be a LION until last year.",
])
def test_leaning_open_without_accepting_everyone(about: str) -> None:
    found = codes_for(about=about)
    assert found & {rules.SCOPED_WELCOME, rules.NOT_A_LION}
    assert not OPEN_CODES & found


def test_having_become_an_open_networker_is_open() -> None:
    assert rules.LION_TOKEN in codes_for(about="Lately I've become a LION, more or less.")


def test_a_refusal_after_a_review_is_the_policy() -> None:
    found = codes_for(about="I look at the profile first, but mostly I won't accept the "
                            "invitation.")
    assert rules.SCOPED_WELCOME not in found


@pytest.mark.parametrize(("about", "code"), [
    ("I treat this site as if it were a mirror of my personal network.",
     rules.KNOWN_PEOPLE_ONLY),
    ("Accepting an invitation means saying I know the person and vouch for them.",
     rules.KNOWN_PEOPLE_ONLY),
    ("Say in the request why we should connect. Otherwise I simply delete it.",
     rules.CONDITIONS),
    ("Honestly, I disregard and bin them, or I send a short message back.", rules.NOT_A_LION),
    ("I do accept requests, but only after I have reviewed the sender's profile.",
     rules.SCOPED_WELCOME),
])
def test_more_forms_of_known_families(about: str, code: str) -> None:
    assert code in codes_for(about=about)


def test_reciprocity_is_no_condition() -> None:
    assert rules.CONDITIONS not in codes_for(
        about="My rule is simple: if you connect with me, I will connect with you.")


def test_a_note_in_the_if_clause_is_still_a_condition() -> None:
    assert rules.CONDITIONS in codes_for(
        about="If you send me a note with your invite, I will accept.")


def test_a_title_of_someone_elses_writing_is_no_policy() -> None:
    assert codes_for(about="She wrote a post titled I Accept Every Invitation, "
                           "with five reasons.") == set()


def test_being_careful_about_whom_one_invites_is_about_sending() -> None:
    assert rules.NOT_A_LION not in codes_for(
        about="These days I'm careful about whom I invite.")


@pytest.mark.parametrize("about", [
    "I value authentic connections over a big number.",
    "Networking works when you have some knowledge of the people you connect with.",
])
def test_valuing_known_connections_is_selective(about: str) -> None:
    assert rules.NOT_A_LION in codes_for(about=about)


def test_a_quality_bar_is_not_a_refusal_of_strangers() -> None:
    found = codes_for(about="I will never, ever connect with anyone who has no photo.")
    assert rules.SCOPED_WELCOME in found
    assert not {rules.KNOWN_PEOPLE_ONLY, rules.NOT_A_LION} & found


def test_an_adjective_before_linkedin_connections() -> None:
    assert rules.NOT_A_LION in codes_for(about="I value genuine LinkedIn connections.")


def test_a_bare_otherwise_sentence_is_read() -> None:
    assert rules.CONDITIONS in codes_for(
        about="I only look at a request if the reason is clear. Otherwise it goes to the bin.")


def test_people_i_know_on_another_site_is_no_policy_here() -> None:
    assert rules.KNOWN_PEOPLE_ONLY not in codes_for(
        about="On Instagram, it's people I know. Here it's anyone in my field.")


@pytest.mark.parametrize("about", [
    "My network is made of people I know, even if we only met once at a meetup.",
    "I used to accept everyone. These days it's people with whom I am likely to have a real "
    "relationship.",
])
def test_a_low_bar_of_knowing_is_a_condition(about: str) -> None:
    found = codes_for(about=about)
    assert rules.CONDITIONS in found
    assert rules.KNOWN_PEOPLE_ONLY not in found


def test_strangers_who_meet_a_bar_is_a_condition() -> None:
    found = codes_for(about="I accept requests from people I haven't met, who write often "
                            "and well about our field.")
    assert rules.CONDITIONS in found
    assert not OPEN_CODES & found


def test_a_complaint_about_a_missing_note_asks_for_one() -> None:
    assert rules.CONDITIONS in codes_for(
        about="Too often the sender doesn't include a note saying where we met.")


# -- learned from the third blind batch (docs/quality.md) ----------------------------------------


@pytest.mark.parametrize("about", [
    "Our code is an open invitation: pull requests welcome from anyone.",
    "Feedback welcome from everyone, especially the critical kind.",
    "Guest posts and questions welcome from anybody in the community.",
])
def test_welcoming_something_else_is_no_open_policy(about: str) -> None:
    assert not OPEN_CODES & codes_for(about=about)


@pytest.mark.parametrize("about", [
    "I still accept most requests, as long as there's a short note.",
    "I accept all requests, as long as you include a short message.",
])
def test_all_on_condition_of_a_note_is_open_with_a_condition(about: str) -> None:
    # Both, so the person is in between, as for "I accept most invitations, but please add a
    # note if we've never met" (README, how the weights add up).
    assert {rules.CONDITIONS, rules.ACCEPT_ALL_PHRASE} <= codes_for(about=about)


def test_welcoming_invitations_from_anyone_is_still_open() -> None:
    assert rules.ACCEPT_ALL_PHRASE in codes_for(about="Invitations welcome from anyone!")


@pytest.mark.parametrize("headline", [
    "L I O N - always accepting | Mortgage advisor",
    "Insurance broker | lion | 15,000+ connections",
    "Broker, lion, dad of three",
])
def test_a_lion_token_spaced_or_standing_alone_in_the_headline(headline: str) -> None:
    assert rules.LION_TOKEN in codes_for(headline=headline)


@pytest.mark.parametrize("headline", [
    "Zoo keeper | Lion and tiger care",
    "Lion tamer at the circus",
    "lion",
])
def test_the_word_lion_in_prose_is_no_token(headline: str) -> None:
    assert rules.LION_TOKEN not in codes_for(headline=headline)


@pytest.mark.parametrize("headline", [
    "Paediatric nurse | Invitations from people I know only, thanks",
    "Connections with people I know only",
])
def test_people_i_know_then_only(headline: str) -> None:
    assert rules.KNOWN_PEOPLE_ONLY in codes_for(headline=headline)


@pytest.mark.parametrize("about", [
    "I only accpet conections from poeple I know personaly.",
    "I dont accept requets from stangers, sorry.",
])
def test_slips_in_the_words_a_policy_rests_on(about: str) -> None:
    assert rules.KNOWN_PEOPLE_ONLY in codes_for(about=about)


# -- learned from the fourth blind batch (docs/quality.md) ---------------------------------------


@pytest.mark.parametrize("about", [
    "Open networker, except recruiters and salespeople: please don't invite me.",
    "LION, excluding MLM folks.",
])
def test_an_open_marker_with_an_exception_is_partial(about: str) -> None:
    found = codes_for(about=about)
    assert rules.SCOPED_WELCOME in found
    assert not OPEN_CODES & found


@pytest.mark.parametrize("about", [
    "Fresh bread daily. We accept all major credit cards.",
    "We accept all insurance plans at the clinic.",
])
def test_accepting_payments_is_no_policy(about: str) -> None:
    assert codes_for(about=about) == set()


def test_the_dotted_token_between_dashes_stands_alone() -> None:
    assert rules.LION_TOKEN in codes_for(headline="Headhunter — l.i.o.n — connect with me!")


@pytest.mark.parametrize(("about", "code"), [
    ("Unsolicited connection requests are not accepted.", rules.KNOWN_PEOPLE_ONLY),
    ("Invitations from strangers are not accepted here.", rules.KNOWN_PEOPLE_ONLY),
    ("Connection requests without a message are deleted unread.", rules.CONDITIONS),
])
def test_an_impersonal_passive_policy(about: str, code: str) -> None:
    assert code in codes_for(about=about)


@pytest.mark.parametrize("about", [
    "I accept invitations from fellow nurses.",
    "Happy to accept invites from fellow Westmoor alumni!",
])
def test_fellow_people_are_a_scope(about: str) -> None:
    assert rules.SCOPED_WELCOME in codes_for(about=about)


@pytest.mark.parametrize(("about", "code"), [
    ("¡Acepto todas las invitaciones!", rules.ACCEPT_ALL_PHRASE),
    ("Ik accepteer alle uitnodigingen.", rules.ACCEPT_ALL_PHRASE),
    ("Só aceito convites com uma mensagem.", rules.CONDITIONS),
    ("Ich vernetze mich nur mit Menschen, die ich kenne.", rules.KNOWN_PEOPLE_ONLY),
    ("I connect only with people, who I know.", rules.KNOWN_PEOPLE_ONLY),
])
def test_policies_in_other_languages(about: str, code: str) -> None:
    assert code in codes_for(about=about)


@pytest.mark.parametrize("about", [
    "I'm a solo founder building tools for clinics.",
    "MIT alumni, Boston based, building robots.",
])
def test_the_other_languages_table_leaves_english_alone(about: str) -> None:
    assert codes_for(about=about) == set()


# -- learned from the fifth blind batch (docs/language.md sections 14 and 15) -----------------


@pytest.mark.parametrize(("about", "code"), [
    # word order the English grammar cannot follow: verb-final German negation, separable
    # verbs, French "ne ... que", the Spanish perfect with "he"
    ("Anfragen ohne Notiz nehme ich grundsätzlich nicht an.", rules.CONDITIONS),
    ("Einladungen nehme ich nur von Leuten an, die ich getroffen habe.",
     rules.KNOWN_PEOPLE_ONLY),
    ("Je n'accepte que les demandes de gens que j'ai rencontrés.", rules.KNOWN_PEOPLE_ONLY),
    ("Je refuse les invitations des inconnus.", rules.KNOWN_PEOPLE_ONLY),
    ("Sólo acepto solicitudes de gente con la que he colaborado y que conozco.",
     rules.KNOWN_PEOPLE_ONLY),
    ("Aceito apenas convites de pessoas que conheci pessoalmente.", rules.KNOWN_PEOPLE_ONLY),
    ("Accetto soltanto richieste da persone con cui ho lavorato.", rules.KNOWN_PEOPLE_ONLY),
    ("Rechazo solicitudes de desconocidos.", rules.KNOWN_PEOPLE_ONLY),
    ("Ik accepteer alleen verzoeken van mensen die ik ken.", rules.KNOWN_PEOPLE_ONLY),
    ("Sem mensagem, não aceito o convite.", rules.CONDITIONS),
    # open and partial
    ("Ich akzeptiere alle Einladungen ohne Ausnahme.", rules.ACCEPT_ALL_PHRASE),
    ("Acepto cualquier solicitud de conexión.", rules.ACCEPT_ALL_PHRASE),
    ("Je ne refuse jamais une demande de connexion.", rules.ACCEPT_ALL_PHRASE),
    ("Accetto inviti da professionisti del settore alimentare.", rules.SCOPED_WELCOME),
])
def test_other_languages_are_read_by_the_words_they_hold(about: str, code: str) -> None:
    found = codes_for(about=about)
    assert code in found
    if code != rules.ACCEPT_ALL_PHRASE:
        assert not OPEN_CODES & found


@pytest.mark.parametrize("about", [
    "Trabajo sólo con personas que conozco bien.",  # no invitation: working, not connecting
    "Ich arbeite nur mit Menschen, die ich kenne, an neuen Projekten.",
    "Diseñamos redes de distribución para todas las regiones del país.",
    "Je travaille avec des personnes que je connais depuis dix ans.",
    "Ich vernetze Menschen, die ich kenne, mit spannenden Startups.",  # introducing them
    "J'accepte les défis et j'invite mes clients à nos événements.",  # the writer invites
    "Ich akzeptiere keine Kompromisse bei der Qualität und vernetze Teams.",
])
def test_other_languages_without_a_policy_say_nothing(about: str) -> None:
    assert codes_for(about=about) == set()


@pytest.mark.parametrize("about", [
    "Anfragen von Unbekannten nehme ich nicht an.",
    "Anfragen von Unbekannten (ohne Ausnahme) nehme ich nicht an.",  # read again, unbracketed
])
def test_a_german_negation_after_the_verb_is_never_open(about: str) -> None:
    found = codes_for(about=about)
    assert rules.KNOWN_PEOPLE_ONLY in found
    assert not OPEN_CODES & found


@pytest.mark.parametrize("about", [
    "Merci! I accept all invitations.",  # one French word does not make the sentence French
    "A solo consultant: I connect with anyone.",
    "I'm Mai and I accept every invitation.",  # "mai" is "never" only in Italian
])
def test_english_with_a_foreign_word_is_read_as_english(about: str) -> None:
    assert rules.ACCEPT_ALL_PHRASE in codes_for(about=about)


@pytest.mark.parametrize("about", [
    "Cash and all major cards accepted.",
    "All insurance plans accepted at both clinics.",
])
def test_accepting_payments_in_the_passive_is_no_policy(about: str) -> None:
    assert codes_for(about=about) == set()


@pytest.mark.parametrize("about", [
    "Requests from people I havent met get deleted.",
    "I turn down requests from anyone I have no history with.",
    "I ignore invites from people I haven't crossed paths with.",
    "Requests from persons not known to the author are rejected.",
])
def test_refusing_people_not_known(about: str) -> None:
    found = codes_for(about=about)
    assert rules.KNOWN_PEOPLE_ONLY in found
    assert not OPEN_CODES & found


@pytest.mark.parametrize("about", [
    "Either we have worked together or we have met, otherwise I will not connect.",
    "We went to school together or we've met at an event, otherwise no link.",
])
def test_knowing_then_otherwise_no(about: str) -> None:
    assert rules.KNOWN_PEOPLE_ONLY in codes_for(about=about)


@pytest.mark.parametrize("about", [
    "Will link with anybody, any field, any country.",
    "I connect with everyone, from any background.",
])
def test_any_field_leaves_no_one_out(about: str) -> None:
    found = codes_for(about=about)
    assert rules.ACCEPT_ALL_PHRASE in found
    assert rules.SCOPED_WELCOME not in found


def test_any_named_group_is_still_a_scope() -> None:
    assert rules.SCOPED_WELCOME in codes_for(about="I accept invitations from any Tufts student.")


@pytest.mark.parametrize("about", [
    "⛔ cold invitations\n✅ people I've worked with",
    "🚫 random connection requests, please",
])
def test_a_no_entry_bullet_reads_as_no(about: str) -> None:
    assert rules.KNOWN_PEOPLE_ONLY in codes_for(about=about)


@pytest.mark.parametrize("about", [
    "Add a short line about yourself and I'll gladly accept.",
    "Your message first, and then I'm happy to connect.",
])
def test_a_note_and_then_acceptance_is_a_condition(about: str) -> None:
    found = codes_for(about=about)
    assert rules.CONDITIONS in found
    assert not OPEN_CODES & found


def test_the_writers_own_notes_are_no_condition() -> None:
    assert rules.CONDITIONS not in codes_for(about="My notes are public and invites are welcome.")


def test_saying_yes_to_invitations_accepts_them() -> None:
    assert rules.KNOWN_PEOPLE_ONLY in codes_for(
        about="I say yes only to requests from people I've met.")


@pytest.mark.parametrize("about", [
    "I say yes to invitations to speak at conferences.",
    "Yes, we accept all major cards.",
])
def test_yes_alone_is_no_acceptance(about: str) -> None:
    assert codes_for(about=about) == set()


def test_an_open_marker_for_a_group_is_partial() -> None:
    found = codes_for(about="I am an open networker for members of the Riverside Guild.")
    assert rules.SCOPED_WELCOME in found
    assert not OPEN_CODES & found


# -- learned from the sixth blind batch (docs/language.md section 16) ------------------------

SELECTIVE_CODES = {rules.KNOWN_PEOPLE_ONLY, rules.NOT_A_LION, rules.CONDITIONS}


@pytest.mark.parametrize("about", [
    "I take every request, even without a line of introduction.",
    "Every invitation gets accepted by me, even if we have never spoken.",
    "I accept all connection requests, whether or not we have met.",
    "Nehme jede Einladung an, auch ohne Nachricht.",
    "Acepto todas las solicitudes, aunque no nos conozcamos.",
    "Accetto tutte le richieste, anche da persone che non conosco.",
    "J'accepte toutes les demandes, même sans message.",
    "Aceito todos os convites, mesmo sem mensagem.",
    "J'accepte toutes les demandes, qu'on se connaisse ou non.",
])
def test_a_concession_widens_an_acceptance_of_all(about: str) -> None:
    found = codes_for(about=about)
    assert rules.ACCEPT_ALL_PHRASE in found
    assert not SELECTIVE_CODES & found


@pytest.mark.parametrize("about", [
    "Acepto solicitudes de cualquier abogado del sector energético, aunque no nos conozcamos.",
    "I accept invitations from anyone in logistics, even if we have never met.",
])
def test_a_scoped_acceptance_with_a_concession_stays_a_scope(about: str) -> None:
    found = codes_for(about=about)
    assert rules.SCOPED_WELCOME in found
    assert rules.ACCEPT_ALL_PHRASE not in found


@pytest.mark.parametrize("headline", [
    "Steuerberater | offener Netzwerker",
    "Consultora | red abierta",
    "Gestor de projetos | rede aberta",
    "Chargé d'affaires | réseau ouvert",
    "Makelaar | open netwerker",
])
def test_open_networker_in_other_languages(headline: str) -> None:
    assert rules.OPEN_NETWORKER_PHRASE in codes_for(headline=headline)


@pytest.mark.parametrize(("about", "code"), [
    ("Akceptuję tylko zaproszenia od ludzi, których znam osobiście.", rules.KNOWN_PEOPLE_ONLY),
    ("Przyjmuję wszystkie zaproszenia.", rules.ACCEPT_ALL_PHRASE),
    ("Zaproszenia bez wiadomości ignoruję.", rules.CONDITIONS),
    ("Jag accepterar endast inbjudningar från personer jag känner.", rules.KNOWN_PEOPLE_ONLY),
    ("Inbjudningar utan meddelande accepterar jag inte.", rules.CONDITIONS),
])
def test_polish_and_swedish_policies(about: str, code: str) -> None:
    assert code in codes_for(about=about)


@pytest.mark.parametrize("about", [
    "Requests that come without a note go unanswered.",
    "Les demandes sans message restent sans réponse.",
    "Einladungen ohne Text ignoriere ich.",
    "Kontaktanfragen bitte nur mit einer Nachricht.",
])
def test_a_missing_note_left_unanswered_is_a_condition(about: str) -> None:
    found = codes_for(about=about)
    assert rules.CONDITIONS in found
    assert not OPEN_CODES & found


def test_a_welcome_of_strangers_with_blank_invitations_ignored_is_a_condition() -> None:
    found = codes_for(about="Glad to connect with people I have not met. Write me a line about "
                            "yourself first. Empty invitations get archived.")
    assert rules.CONDITIONS in found
    assert not {rules.ACCEPT_ALL_PHRASE, rules.SCOPED_WELCOME} & found


def test_a_welcome_with_a_note_merely_asked_for_stays_open() -> None:
    found = codes_for(about="I accept most requests, as long as there's a short note.")
    assert rules.ACCEPT_ALL_PHRASE in found


@pytest.mark.parametrize("about", [
    "In twenty years here I never once accepted a request from someone I had not met.",
    "Folks I have really worked with: those are the ones I accept here.",
    "He accepts invitations only from people he has worked with.",
    "Connections on this account are restricted to colleagues I know well.",
    "I keep my network to people I've shipped something with, so if we haven't, I decline.",
    "Sólo acepto contactos de gente con la que he coincidido en un proyecto.",
])
def test_english_and_spanish_selective_forms(about: str) -> None:
    found = codes_for(about=about)
    assert SELECTIVE_CODES & found
    assert not OPEN_CODES & found


@pytest.mark.parametrize("about", [
    "My husband only connects with people he knows.",
    "I connect people I know with investors.",
    "Ich vernetze Menschen, die ich kenne, mit Investoren.",
    "Limited edition prints, shipped worldwide.",
    "Messages go unanswered while I travel.",
])
def test_the_sixth_batch_families_leave_these_alone(about: str) -> None:
    assert not SELECTIVE_CODES & codes_for(about=about)


def test_never_pressing_the_button_and_a_plain_send_are_open() -> None:
    found = codes_for(about="I never click 'I don't know'. Send your request and I'll take it.")
    assert rules.ACCEPT_ALL_PHRASE in found
    assert rules.SCOPED_WELCOME not in found


def test_all_of_a_named_group_is_a_scope() -> None:
    found = codes_for(about="Founders and investors: send away, I accept all of you.")
    assert rules.ACCEPT_ALL_PHRASE not in found
    assert rules.SCOPED_WELCOME in found


def test_all_of_you_without_a_named_group_is_open() -> None:
    assert rules.ACCEPT_ALL_PHRASE in codes_for(about="Note: I accept all of you.")


@pytest.mark.parametrize("headline", [
    "Ingeniero de red abierta y fibra óptica",
    "Architecte réseau ouvert et SD-WAN chez Exemple Télécom",
])
def test_an_open_network_in_a_job_title_is_no_marker(headline: str) -> None:
    assert rules.OPEN_NETWORKER_PHRASE not in codes_for(headline=headline)


@pytest.mark.parametrize("about", [
    "Ik accepteer alle uitnodigingen, zelfs zonder bericht.",
    "Przyjmuję wszystkie zaproszenia, nawet bez wiadomości.",
    "J'accepte toutes les demandes, même si on ne se connaît pas.",
])
def test_more_ways_to_say_even(about: str) -> None:
    assert rules.ACCEPT_ALL_PHRASE in codes_for(about=about)


@pytest.mark.parametrize(("about", "code"), [
    # "auch" is "also", "même" "same": no concession unless "without", "from", "if" follows
    ("Ich akzeptiere auch keine Anfragen von Fremden.", rules.KNOWN_PEOPLE_ONLY),
    ("Je n'accepte que les personnes de la même équipe que je connais.",
     rules.KNOWN_PEOPLE_ONLY),
])
def test_also_and_same_are_no_concession(about: str, code: str) -> None:
    found = codes_for(about=about)
    assert code in found
    assert not OPEN_CODES & found


@pytest.mark.parametrize("about", [
    "I never press 'I don't know'.",
    'I never select "I don’t know".',
    "I never hit “I don’t know”.",
])
def test_never_pressing_the_quoted_button_is_read_alone(about: str) -> None:
    assert rules.ACCEPT_ALL_PHRASE in codes_for(about=about)


# -- review fixes: a colon after any word in "s", elided names, nouns of knowing, "for people",
# English words among the foreign marks ------------------------------------------------------


@pytest.mark.parametrize("about", [
    "LION status: I accept all of you.",
    "Thanks: I accept all of you.",
])
def test_a_word_in_s_before_a_colon_names_no_group(about: str) -> None:
    assert found(about).get(rules.ACCEPT_ALL_PHRASE) == "accepts-all"
    assert rules.SCOPED_WELCOME not in found(about)


@pytest.mark.parametrize("about", [
    "Recruiters: I accept all of you.",
    "Fellow alumni: I accept all of you.",
])
def test_a_plural_or_people_word_before_a_colon_still_names_a_group(about: str) -> None:
    assert found(about).get(rules.SCOPED_WELCOME) == "scoped-welcome"


def test_elided_names_do_not_make_an_english_sentence_foreign() -> None:
    about = "Note from L'Oreal and D'Souza: requests from strangers are not accepted."
    assert sentence_words("note from l'oreal and d'souza")[1] is False
    assert found(about).get(rules.KNOWN_PEOPLE_ONLY) == "no-strangers"


def test_elisions_before_words_of_the_tables_still_mark_french() -> None:
    assert sentence_words("je n'accepte que les demandes de gens que j'ai rencontrés")[1]
    assert rules.KNOWN_PEOPLE_ONLY in codes_for(
        about="Je n'accepte que les demandes de gens que j'ai rencontrés.")


@pytest.mark.parametrize("about", [
    "No business invitations accepted.",
    "No work invitations accepted.",
])
def test_a_noun_of_knowing_does_not_cut_the_negation_off(about: str) -> None:
    found_codes = codes_for(about=about)
    assert rules.NOT_A_LION in found_codes
    assert not OPEN_CODES & found_codes


@pytest.mark.parametrize("about", [
    "Invites from folks I dont know get archived.",
    "Requests from people I have never crossed paths with get declined.",
    "Requests from people I have no history with get declined.",
    "Requests from people I haven't worked with get deleted.",
    "Requests from people I haven't worked closely with get deleted.",
    "Requests from people I don't trust get deleted.",
    "Requests from people I don't work with get deleted.",
])
def test_the_knowing_still_keeps_its_own_negation(about: str) -> None:
    assert found(about).get(rules.KNOWN_PEOPLE_ONLY) == "no-strangers"


@pytest.mark.parametrize(("text", "field"), [
    ("Open networker for people who want to grow", "headline"),
    ("I am an open networker for people who want to grow.", "about"),
])
def test_an_open_marker_for_people_in_general_stays_open(text: str, field: str) -> None:
    found_here = found(text, field)
    assert rules.OPEN_NETWORKER_PHRASE in found_here
    assert rules.SCOPED_WELCOME not in found_here


def test_an_open_marker_for_a_named_group_is_partial_in_the_about_too() -> None:
    assert found("I am an open networker for fellow alumni.").get(
        rules.SCOPED_WELCOME) == "partial"


@pytest.mark.parametrize("headline", [
    "Open networker for fellow alumni",
    "Open networker for people in fintech",
    "Open networker for members of the Guild",
])
def test_an_open_marker_for_a_named_group_is_partial(headline: str) -> None:
    assert found(headline, "headline").get(rules.SCOPED_WELCOME) == "partial"


def test_english_todos_inviter_accepter_mark_no_other_language() -> None:
    assert sentence_words("my todos: every inviter and accepter")[1] is False
    assert found("TODOs and open issues: I accept all invitations, no note needed.").get(
        rules.ACCEPT_ALL_PHRASE) == "accepts-all"


def test_todos_is_still_all_in_a_spanish_sentence() -> None:
    assert found("Acepto invitaciones de todos, sin excepción.").get(
        rules.ACCEPT_ALL_PHRASE) == "accepts-all"


# -- section 17: the seventh blind batch ------------------------------------------------------


@pytest.mark.parametrize("about", [
    "Say in your message why we should connect, otherwise the invite stays in my queue.",
    "Explain what you want to discuss or else your request sits pending.",
    "Requests without a personal note stay in the queue.",
])
def test_an_invitation_left_waiting_sets_a_condition(about: str) -> None:
    assert rules.CONDITIONS in found(about)


@pytest.mark.parametrize("about", [
    "Our support queue is pending review, otherwise we ship on Friday.",
    "I work through a long queue of pending tickets every morning.",
])
def test_a_queue_that_is_no_invitation_says_nothing(about: str) -> None:
    assert found(about) == {}


@pytest.mark.parametrize("text", [
    "Requests w/o a message = deleted",
    "Connection requests w/o a note get archived.",
])
def test_w_slash_o_is_without(text: str) -> None:
    assert found(text).get(rules.CONDITIONS) == "note"


def test_w_slash_o_inside_other_words_stays_apart() -> None:
    assert sentence_words("hw/o and i/o")[0] == ["hw", "/", "o", "and", "i", "/", "o"]


@pytest.mark.parametrize("about", [
    "If I cannot picture you, I will not accept your request.",
    "If I don't recall working with you, I won't connect.",
    "If I can't remember meeting you, I won't accept.",
])
def test_recognising_and_remembering_are_knowing(about: str) -> None:
    assert rules.KNOWN_PEOPLE_ONLY in found(about)


def test_a_photo_bar_stays_a_quality_bar() -> None:
    assert found("I never connect with anyone who shows no face in the photo.").get(
        rules.SCOPED_WELCOME) == "accepts-some"


@pytest.mark.parametrize("about", [
    "We build open networking software for campus switches.",
    "Maintainer in two open networking projects.",
    "I run SDN labs and write about open networking.",
])
def test_open_networking_as_technology_says_nothing(about: str) -> None:
    assert found(about) == {}


def test_open_networking_as_practice_still_leans_open() -> None:
    assert found("I have always believed in open networking.").get(
        rules.SCOPED_WELCOME) == "accepts-some"


@pytest.mark.parametrize("about", [
    "I onyl accept invitations from people I actualy know.",
    "I olny connect with people I have met.",
])
def test_slips_in_only_and_actually(about: str) -> None:
    assert rules.KNOWN_PEOPLE_ONLY in found(about)


@pytest.mark.parametrize(("about", "code", "kind"), [
    ("Jag accepterar endast förfrågningar från personer jag har jobbat med.",
     rules.KNOWN_PEOPLE_ONLY, "known-people-only"),
    ("Je n'accepte que les gens que j'ai déjà croisés.", rules.KNOWN_PEOPLE_ONLY,
     "known-people-only"),
    ("J'accepte toutes les demandes de connexion sans exception.", rules.ACCEPT_ALL_PHRASE,
     "accepts-all"),
    ("Sadece birlikte çalıştığım kişilerden gelen bağlantı isteklerini kabul ederim.",
     rules.KNOWN_PEOPLE_ONLY, "known-people-only"),
    ("Tüm bağlantı isteklerini kabul ediyorum.", rules.ACCEPT_ALL_PHRASE, "accepts-all"),
])
def test_swedish_french_and_turkish_words(about: str, code: str, kind: str) -> None:
    assert found(about).get(code) == kind


def test_a_turkish_sentence_about_work_alone_says_nothing() -> None:
    assert found("Birlikte çalıştığım ekiplerle bağlantı kurmayı seviyorum.") == {}


# Families of the eighth blind batch (docs/language.md section 18).
@pytest.mark.parametrize("about", [
    "Do you accept every invite? Should you only connect with people you know? My workshop "
    "walks teams through both.",
    "Accept all invitations? Never click I don't know? Here is what the research says.",
])
def test_questions_without_i_weigh_policies_and_state_none(about: str) -> None:
    assert found(about) == {}


def test_a_question_about_the_writer_still_counts() -> None:
    assert found("Do I accept everyone? Yes, I do.").get(rules.ACCEPT_ALL_PHRASE) == "accepts-all"


def test_the_readers_wish_to_invite_is_no_condition() -> None:
    about = "If you want to connect, just send the request \u2014 I accept everyone."
    assert found(about) == {rules.ACCEPT_ALL_PHRASE: "accepts-all"}


@pytest.mark.parametrize("about", [
    "J'accepte toutes les invitations, n'hésitez pas à m'ajouter !",
    "Aceito todos os convites de conexão, não hesite.",
])
def test_dont_hesitate_and_connection_requests_in_other_languages(about: str) -> None:
    assert found(about).get(rules.ACCEPT_ALL_PHRASE) == "accepts-all"


def test_per_favore_asks_for_a_note() -> None:
    about = "Accetto volentieri nuovi contatti, ma per favore aggiungete una nota."
    assert found(about).get(rules.CONDITIONS) == "note"


# Families of the ninth blind batch (docs/language.md section 19).
@pytest.mark.parametrize(("about", "code", "kind"), [
    ("Connections here are reserved for clients, former colleagues and classmates.",
     rules.NOT_A_LION, "selective"),
    ("If we have never spoken, I won't accept your invitation.", rules.KNOWN_PEOPLE_ONLY,
     "no-strangers"),
    ("I have accepted every single invitation since 2009.", rules.ACCEPT_ALL_PHRASE,
     "accepts-all"),
    ("I accept most invitations from people in payments and lending.", rules.SCOPED_WELCOME,
     "scoped-welcome"),
    ("Graduate students and postdocs: I'm always glad to accept your invitations.",
     rules.SCOPED_WELCOME, "scoped-welcome"),
    ("Ich nehme jede Kontaktanfrage an, eine Nachricht ist nicht notwendig.",
     rules.ACCEPT_ALL_PHRASE, "accepts-all"),
    ("Tanımadığım kişilerden gelen bağlantı isteklerini kabul etmiyorum.", rules.KNOWN_PEOPLE_ONLY,
     "no-strangers"),
])
def test_families_of_the_ninth_blind_batch(about: str, code: str, kind: str) -> None:
    assert found(about).get(code) == kind


@pytest.mark.parametrize("about", [
    "I reserve Friday afternoons for mentoring.",
    "I have spoken at forty conferences.",
    "We accept all major credit cards and payments by invoice.",
])
def test_look_alikes_of_the_ninth_batch_families_say_nothing(about: str) -> None:
    assert found(about) == {}


def test_an_open_marker_for_anyone_in_a_field_is_partial() -> None:
    [signal] = [s for s in signals_for(about="Open networker for anyone in the HR community.")
                if s.code == rules.SCOPED_WELCOME]
    assert signal.value == "partial"


# Families of the tenth blind batch (docs/language.md section 20).
@pytest.mark.parametrize(("about", "code", "kind"), [
    ("Strangers: a line on why, otherwise I'll click I don't know.", rules.KNOWN_PEOPLE_ONLY,
     "clicks-idk"),
    ("I accept all invitations. If you're on LinkedIn, you're welcome here.",
     rules.ACCEPT_ALL_PHRASE, "accepts-all"),
])
def test_families_of_the_tenth_blind_batch(about: str, code: str, kind: str) -> None:
    assert found(about).get(code) == kind


def test_a_condition_every_member_meets_is_no_condition() -> None:
    assert rules.CONDITIONS not in found("If you're on LinkedIn, you're welcome in my network.")


def test_i_dont_know_as_an_answer_is_no_button() -> None:
    assert found("Where will my career go next? Honestly, I don't know.") == {}


# Review of the rounds of batches 8 to 10: what those families must not catch.
@pytest.mark.parametrize(("about", "code", "kind"), [
    ("Accepting all invitations - why not?", rules.ACCEPT_ALL_PHRASE, "accepts-all"),
    ("All invitations accepted, what is there to lose?", rules.ACCEPT_ALL_PHRASE,
     "accepts-all"),
    ("Helping startups grow: I'm always happy to accept your invitations.",
     rules.ACCEPT_ALL_PHRASE, "accepts-you"),
    ("Hey folks: I accept your invitations.", rules.ACCEPT_ALL_PHRASE, "accepts-you"),
    ("If you're on LinkedIn and we have met in person, I accept your invitation.",
     rules.CONDITIONS, "condition"),
    ("If you send an invite, I accept strangers unless they are recruiters.",
     rules.CONDITIONS, "condition"),
    ("I accept all invitations, but I reserve the right to remove spammers.",
     rules.ACCEPT_ALL_PHRASE, "accepts-all"),
    ("I accept every personal invitation.", rules.SCOPED_WELCOME, "scoped-welcome"),
])
def test_look_alikes_of_this_sessions_families(about: str, code: str, kind: str) -> None:
    assert found(about).get(code) == kind


def test_a_marker_for_anyone_anywhere_is_not_partial() -> None:
    assert rules.SCOPED_WELCOME not in {
        s.code for s in signals_for(about="Open networker for anyone in the world.")
    }


def test_reserving_the_right_is_not_selective() -> None:
    assert rules.NOT_A_LION not in found(
        "I accept all invitations, but I reserve the right to remove spammers."
    )
