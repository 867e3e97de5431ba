"""One or more tests per rule: each fails when its rule breaks (fires wrongly or not at all)."""

from __future__ import annotations

import pytest

from conftest import DANA, check, codes, only
from invitecore import Profile

GOOD = (
    "Hi Dana, I read your article on data contracts. We're rolling them out at my company and "
    "I'd love to compare notes; happy to share our checklist."
)


def test_a_good_note_has_no_findings() -> None:
    assert check(GOOD) == []


# -- PER101 ----------------------------------------------------------------------------------


@pytest.mark.parametrize("note", ["", "   ", "\n\t"])
def test_per101_no_note(note: str) -> None:
    findings = check(note)
    assert codes(findings) == {"PER101"}
    assert "Dana" in only(findings, "PER101").suggestion  # type: ignore[operator]


# -- PER102 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "I'd like to add you to my professional network on LinkedIn.",
        "i'd like to add you to my professional network on linkedin",
        "I’d like to add you to my professional network on LinkedIn!!",
        "Hi Dana, I'd like to add you to my professional network on LinkedIn. - Sam",
        "Dear Dana, I'd like to add you to my professional network on LinkedIn.\n\nBest,\nSam Lee",
        "Hi Dana, please connect with me on LinkedIn. Thanks, Sam Lee",
        "Hi Dana, I'd like to join your LinkedIn network",
        "Hello Dana - I'd like to join your linked in network.",
        "Join my network on LinkedIn",
        "Since you are a person I trust, I wanted to invite you to join my network on LinkedIn",
        "Hi Dana, I'd like to invite you to my professional network on LinkedIn. Regards, Sam",
        "Hi Dana, I'd like to add you to my professional network.",
        "Sam Lee has indicated you are a fellow group member of PyData Warsaw: I'd like to add "
        "you to my professional network on LinkedIn.",
        "Sam Lee has indicated you are a fellow group member of Data Science Poland: I'd like to "
        "add you to my professional network on LinkedIn.",
    ],
)
def test_per102_default_text_variants(note: str) -> None:
    finding = only(check(note, relationship="group"), "PER102")
    start, end = finding.span  # type: ignore[misc]
    assert "network" in note[start:end].lower() or "linkedin" in note[start:end].lower()


def test_per102_replaces_per103_and_keeps_the_missing_parts() -> None:
    found = codes(check("Hi Dana, I'd like to connect with you on LinkedIn."))
    assert "PER102" in found
    assert "PER103" not in found  # one finding says the note is generic
    assert {"PER122", "PER123", "PER124"} <= found  # and which parts it lacks


@pytest.mark.parametrize(
    "note",
    [
        GOOD,
        # A default text with a real sentence added is no longer "built around" it.
        "Hi Dana, I'd like to add you to my professional network on LinkedIn. We met at PyData "
        "Warsaw last week and I'm working on data contracts too, so I'd love to compare notes.",
        "Hi Dana, I'd like to connect: your talk on lineage at PyData Warsaw was great.",
        "Please connect",
    ],
)
def test_per102_not_for_personal_notes(note: str) -> None:
    assert "PER102" not in codes(check(note))


def test_per102_coverage_is_a_setting() -> None:
    from conftest import make_settings

    note = "Hi Dana, I'd like to add you to my professional network on LinkedIn. Great talk!"
    assert "PER102" in codes(check(note))
    strict = make_settings({"default-text-coverage": 0.95})
    assert "PER102" not in codes(check(note, settings=strict))


# -- PER103 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "phrase"),
    [
        ("Hello Dana, I am trying to build my network.", "build my network"),
        (
            "Hi Dana, I'd love to connect and learn from your experience.",
            "learn from your experience",
        ),
        (
            "Hi Dana, I'm expanding my professional network in data.",
            "expanding my professional network",
        ),
    ],
)
def test_per103_stock_phrase_without_reason(note: str, phrase: str) -> None:
    finding = only(check(note), "PER103")
    start, end = finding.span  # type: ignore[misc]
    assert note[start:end] == phrase


def test_per103_a_reason_about_the_sender_only_is_still_generic() -> None:
    note = "Hi Dana, I'm trying to build my network in data because I'm moving into analytics."
    found = codes(check(note))
    assert "PER103" in found  # it could go to anyone on the list ...
    assert "PER123" not in found  # ... though it gives a reason


def test_per103_is_an_error_no_better_than_no_note() -> None:
    from invitecore_personalization import plugin

    severity = {r.code: r.severity for r in plugin.invitecore_rules()}
    assert severity["PER103"] is severity["PER101"]
    note = "Hi Dana, I see you work at Brightwell Analytics. Let's connect!"
    finding = only(check(note), "PER103")
    assert finding.span is not None


def test_per103_not_for_a_note_about_them() -> None:
    assert "PER103" not in codes(check(GOOD))
    note = "Hi Dana, Priya Raman suggested I reach out about your lineage work."
    assert "PER103" not in codes(check(note))


# -- PER111 / PER112 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "Hi there, I read your article on data contracts.",
        "I read your article on data contracts.",
        "Hello, I read your article on data contracts.",
    ],
)
def test_per111_no_name(note: str) -> None:
    finding = only(check(note), "PER111")
    assert finding.suggestion == "Start with 'Hi Dana,'."


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, great talk.",
        "hey dana great talk",
        "Dear Ms. Kowalski, great talk.",
        "Dana, great talk.",
        "Great talk at PyData, Dana!",
        "Hi Dana Kowalski, great talk.",
        "Hi Dan, great talk.",
        "HI DANA, GREAT TALK",
    ],
)
def test_greeting_by_name_is_fine(note: str) -> None:
    assert not codes(check(note)) & {"PER111", "PER112"}


@pytest.mark.parametrize(
    ("note", "reason"),
    [
        ("Hi John, great talk.", "not theirs"),
        ("Hi Kowalski, Dana, great talk.", "Last, First"),
        ("Hi Kowalski Dana, great talk.", "Last, First"),
        ("Hi Kowalski, great talk.", "last name"),
        ("Hi Dana Kowalski, MBA, great talk.", "credentials"),
        ("Hi Dana (LION), great talk.", "credentials"),
        ("Hi Dana Kowalski [LION 6,500+], great talk.", "credentials"),
        ("Hi Dr., great talk.", "title without a name"),
    ],
)
def test_per112_wrong_name(note: str, reason: str) -> None:
    finding = only(check(note), "PER112")
    assert reason in finding.message
    start, end = finding.span  # type: ignore[misc]
    assert note[start:end].startswith("Hi ")
    assert finding.suggestion == "Greet them as 'Hi Dana,'."


def test_names_are_cleaned_from_a_messy_name_field() -> None:
    messy = Profile(name="Marcus O'Neill (LION) marcus@example.com")
    assert not codes(check("Hi Marcus, great talk.", profile=messy)) & {"PER111", "PER112"}
    assert "PER112" in codes(check("Hi Marcus (LION), great talk.", profile=messy))
    titled = Profile(name="Dr. Priya Raman, PhD")
    assert "PER112" not in codes(check("Hi Priya, great talk.", profile=titled))
    accented = Profile(name="José Alvarez")
    assert "PER112" not in codes(check("Hi Jose, great talk.", profile=accented))


def test_nicknames() -> None:
    thomas = Profile(name="Thomas Becker")
    robert = Profile(name="Robert Li")
    assert "PER112" not in codes(check("Hi Tom, great talk.", profile=thomas))
    assert "PER112" not in codes(check("Hi Bob, great talk.", profile=robert))
    assert "PER112" in codes(check("Hi Bill, great talk.", profile=robert))


# -- PER113 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "placeholder"),
    [
        ("Hi {firstName}, great talk.", "{firstName}"),
        ("Hi {first_name}, great talk.", "{first_name}"),
        ("Hi {{firstName}}, great talk.", "{{firstName}}"),
        ("{{first_name|there}}, great talk.", "{{first_name|there}}"),
        ("Hi #firstName#, great talk.", "#firstName#"),
        ("Hi _FN_, great talk at _CN_.", "_FN_"),
        ("Hi [First Name], great talk.", "[First Name]"),
        ("Hi [Name], great talk.", "[Name]"),
        ("Hi ((first_name)), great talk.", "((first_name))"),
        ("Hi Dana, I loved your work at [Company].", "[Company]"),
        ("Hi Dana, I loved your work at .", "at ."),
    ],
)
def test_per113_placeholders(note: str, placeholder: str) -> None:
    findings = [f for f in check(note) if f.code == "PER113"]
    assert findings
    start, end = findings[0].span  # type: ignore[misc]
    assert note[start:end] == placeholder
    assert "PER111" not in codes(check(note))  # one finding for the missing name, not two


@pytest.mark.parametrize("note", ["Hi ,\ngreat talk.", "Dear  , great talk.", "Hello !"])
def test_per113_empty_fill(note: str) -> None:
    assert "PER113" in codes(check(note))


@pytest.mark.parametrize(
    "note", [GOOD, "Hi Dana, (I was at PyData) great talk.", "Hi Dana, #datascience fan here."]
)
def test_per113_not_for_ordinary_brackets(note: str) -> None:
    assert "PER113" not in codes(check(note))


# -- PER121 / PER122 -------------------------------------------------------------------------


@pytest.mark.parametrize("relationship", ["colleague", "classmate", "business", "friend", "group"])
def test_per121_known_person_without_how_met(relationship: str) -> None:
    finding = only(
        check("Hi Dana, long time no see! Let's connect.", relationship=relationship), "PER121"
    )
    assert "Dana" in finding.suggestion  # type: ignore[operator]


def test_per121_suggestion_uses_the_profile() -> None:
    finding = only(check("Hi Dana, hope you're well.", relationship="colleague"), "PER121")
    assert "Brightwell Analytics" in finding.suggestion  # type: ignore[operator]
    finding = only(check("Hi Dana, hope you're well.", relationship="group"), "PER121")
    assert "PyData Warsaw" in finding.suggestion  # type: ignore[operator]


def test_per121_satisfied_by_how_met() -> None:
    note = "Hi Dana, great working with you at Brightwell."
    assert "PER121" not in codes(check(note, relationship="colleague"))
    # A post is how a stranger is found, not a reminder to a colleague of how you met.
    post = "Hi Dana, I read your post about dbt."
    assert "PER121" in codes(check(post, relationship="colleague"))
    assert "PER122" not in codes(check(post, relationship="none"))


@pytest.mark.parametrize("relationship", ["other", "none"])
def test_per122_stranger_without_how_found(relationship: str) -> None:
    finding = only(check("Hi Dana, I'd love to connect.", relationship=relationship), "PER122")
    assert "PyData Warsaw" in finding.suggestion  # type: ignore[operator]
    assert "PER121" not in codes(check("Hi Dana, I'd love to connect.", relationship=relationship))


# -- PER123 / PER124 -------------------------------------------------------------------------


def test_per123_and_per124() -> None:
    found = codes(check("Hi Dana, I read your post about dbt. Let's connect!"))
    assert {"PER123", "PER124"} <= found
    why = codes(check("Hi Dana, I read your post about dbt. I'm working on the same problem."))
    assert "PER123" not in why  # common ground is a reason ...
    assert "PER124" in why  # ... but not something in it for them (labelling.md)
    offer = codes(check("Hi Dana, I read your post about dbt. Happy to share our macros."))
    assert "PER124" not in offer
    assert "PER123" in offer


# -- PER131 ----------------------------------------------------------------------------------


def test_per131_free_and_premium_limits() -> None:
    note = "Hi Dana, " + "x" * 191  # exactly 200 characters
    assert len(note) == 200
    assert "PER131" not in codes(check(note, account="free"))
    finding = only(check(note + "!", account="free"), "PER131")
    assert finding.span == (200, 201)
    assert finding.suggestion == "Cut 1 characters: the limit for a free account is 200."
    assert "PER131" not in codes(check(note + "!" * 100, account="premium"))
    assert "PER131" in codes(check(note + "!" * 101, account="premium"))


def test_per131_counts_spaces_and_emoji() -> None:
    note = "Hi Dana 👋" + " " * 190 + "🙂"
    assert len(note) == 200
    assert "PER131" not in codes(check(note, account="free"))
    assert "PER131" in codes(check(note + "🙂", account="free"))
    # A ZWJ family emoji is 5 code points: counted as 5 (see README on what LinkedIn does).
    assert "PER131" in codes(check(note[:-5] + "👨‍👩‍👧" + "🙂", account="free"))


def test_per131_limits_are_settings() -> None:
    from conftest import make_settings

    tight = make_settings({"free-note-limit": 20})
    note = "Hi Dana, great talk at PyData!"
    assert "PER131" in codes(check(note, account="free", settings=tight))


# -- PER132 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "kind", "evidence"),
    [
        ("Hi Dana, see https://example.com/x", "link", "https://example.com/x"),
        ("Hi Dana, see www.example.com", "link", "www.example.com"),
        ("Hi Dana, see example.org/deck", "link", "example.org/deck"),
        ("Hi Dana, book me: calendly.com/sam/15min", "calendar link", "calendly.com/sam/15min"),
        ("Hi Dana, our platform cuts warehouse costs.", "sales pitch", "our platform"),
        ("Hi Dana, could you refer me to your manager?", "favour", "could you refer"),
    ],
)
def test_per132(note: str, kind: str, evidence: str) -> None:
    findings = [f for f in check(note) if f.code == "PER132" and kind in f.message]
    assert findings, check(note)
    start, end = findings[0].span  # type: ignore[misc]
    assert note[start:end].lower() == evidence.lower()


@pytest.mark.parametrize(
    "note", [GOOD, "Hi Dana, write to sam@example.com any time.", "Hi Dana, I use Node.js daily."]
)
def test_per132_not_for_plain_notes_or_emails(note: str) -> None:
    assert "PER132" not in codes(check(note))


# -- PER133 ----------------------------------------------------------------------------------


def test_per133_group_relationship_must_name_the_group() -> None:
    finding = only(check("Hi Dana, we're in the same group!", relationship="group"), "PER133")
    assert "PyData Warsaw" in finding.suggestion  # type: ignore[operator]
    named = "Hi Dana, we're both in the PyData Warsaw group."
    assert "PER133" not in codes(check(named, relationship="group"))
    bare = "Hi Dana, we're both in Women in Data Science."
    assert "PER133" not in codes(check(bare, relationship="group"))


def test_per133_a_group_the_profile_does_not_list() -> None:
    note = "Hi Dana, fellow member of the Data Engineers Guild here!"
    finding = only(check(note, relationship="group"), "PER133")
    start, end = finding.span  # type: ignore[misc]
    assert note[start:end] == "Data Engineers Guild"
    # The same claim backfires for any relationship when the profile lists groups.
    assert "PER133" in codes(check(note, relationship="none"))


def test_per133_cannot_contradict_a_profile_without_groups() -> None:
    bare = Profile(name="Dana Kowalski")
    note = "Hi Dana, fellow member of the Data Engineers Guild here!"
    assert "PER133" not in codes(check(note, profile=bare, relationship="none"))
    assert "PER133" not in codes(check(note, profile=bare, relationship="group"))
    assert "PER133" in codes(check("Hi Dana!", profile=bare, relationship="group"))


def test_dana_fixture_is_unchanged() -> None:
    assert DANA.groups == ("PyData Warsaw", "Women in Data Science")


def test_an_invitation_to_speak_is_a_reason_and_a_benefit() -> None:
    # Regression: "invite you to speak/present/join" once sat in one phrase with "/" between
    # multi-word alternatives, which the phrase syntax does not allow, so it never matched.
    found = codes(
        check(
            "Hi Dana, we run the Lisbon data meetup and would love to invite you to speak in May."
        )
    )
    assert "PER123" not in found
    assert "PER124" not in found


# -- known relationships, the benefit decision ----------------------------------------------

COLD = "Hi Dana, I came across your profile and would love to connect."


@pytest.mark.parametrize("relationship", ["colleague", "classmate", "business", "friend", "group"])
def test_per121_fires_for_a_cold_template_to_every_known_relationship(relationship: str) -> None:
    found = codes(check(COLD, relationship=relationship))
    assert "PER121" in found
    assert "PER103" in found  # and the note is generic


def test_a_warm_note_to_a_classmate_needs_no_benefit() -> None:
    note = "Hi Dana, it's Sam from Prof. Liu's stats seminar at Northgate! Good to find you here."
    assert codes(check(note, relationship="classmate")) == set()


def test_benefit_can_be_required_of_known_people_too() -> None:
    from conftest import make_settings

    everyone = make_settings({"benefit-required-for": ["colleague", "classmate", "business",
                                                       "friend", "group", "other", "none"]})
    note = "Hi Dana, it's Sam from Prof. Liu's stats seminar at Northgate! Good to find you here."
    assert "PER124" in codes(check(note, relationship="classmate", settings=everyone))
    assert "PER124" in codes(check(COLD, relationship="none"))


# -- reading the grammar: negation, hypotheticals, reversed direction, search tails ----------


@pytest.mark.parametrize(
    ("note", "how"),
    [
        ("Hi Dana, we met at PyData Warsaw last week.", True),
        ("Hi Dana, we haven't met, but I'd like to connect.", False),
        ("Hi Dana, we havent met yet.", False),
        ("Hi Dana, if we ever meet I'd buy you a coffee.", False),
        ("Hi Dana, I'll be at the Lisbon data meetup next month too.", True),
        ("Hi Dana, I noticed you viewed my profile last week.", True),
        ("Hi Dana, I came across your profile.", False),
        ("Hi Dana, I came across your profile on LinkedIn.", False),
        ("Hi Dana, I came across your profile while researching lineage tools.", True),
        ("Hi Dana, Priya Raman suggested I reach out.", True),
        ("Hi Dana, we share 12 mutual connections.", True),
        ("Hi Dana, attnded your webniar on lineage last week.", True),
    ],
)
def test_how_found_is_read_by_families_in_context(note: str, how: bool) -> None:
    from invitecore_personalization import read_note

    reading = read_note(note, profile=DANA)
    assert reading.present("how_met_or_found") is how, reading
    if how:
        start, end = reading.how_met_or_found  # type: ignore[misc]
        assert 0 <= start < end <= len(note)


def test_mail_merge_details_do_not_make_a_note_specific() -> None:
    from invitecore_personalization import read_note

    merged = "Hi Dana, I see you work at Brightwell Analytics and would love to connect!"
    assert read_note(merged, profile=DANA).present("generic")
    specific = "Hi Dana, your talk at PyData Warsaw on lineage was great."
    assert not read_note(specific, profile=DANA).present("generic")


def test_suggestions_use_only_what_the_profile_has() -> None:
    bare = Profile(name="Dana Kowalski")
    for relationship in ("colleague", "none", "group"):
        for finding in check("Hi Dana, hope you're well.", profile=bare, relationship=relationship):
            text = f"{finding.message} {finding.suggestion}"
            assert "their company" not in text
            assert "the group you share" not in text


def test_read_note_api() -> None:
    from invitecore_personalization import NoteReading, read_note

    reading = read_note(GOOD, profile=DANA, relationship="none")
    assert isinstance(reading, NoteReading)
    assert reading.present("greeting")
    assert reading.present("how_met_or_found")
    assert reading.present("why")
    assert reading.present("benefit")
    assert not reading.present("generic")
    with pytest.raises(ValueError, match="unknown element"):
        reading.present("nonsense")
    assert read_note("Hi there, let's connect!", profile=DANA).generic == (0, 24) or (
        read_note("Hi there, let's connect!", profile=DANA).present("generic")
    )
