"""Every shortcut gives what the plain way gives, on open-ended input (hypothesis).

The shortcuts: the usual name fields read without regexes; a salutation's name in the usual
template shape ("Dana, we ...") read with one match; the salutation read once per note
text and re-read only when the recipient's names would answer its questions differently; the
default-text check decided once per note text when no name can change it; the union search
that answers "none" for a group of cue lists, and the searches from where it matched; the
per-settings note cache and the memoised findings.
"""

from __future__ import annotations

import re

from conftest import DEFAULT_SETTINGS
from hypothesis import given, settings
from hypothesis import strategies as st

from invitecore import Invitation, Profile, Relationship, Sender
from invitecore_personalization import plugin
from invitecore_personalization.checks import NoteChecker, _default_text, check_note
from invitecore_personalization.elements import default_text, note_facts
from invitecore_personalization.greeting import (
    _Names,
    _read_name,
    _read_name_words,
    find_salutation,
    salutation_for,
)
from invitecore_personalization.lexicon import Scanner, fold_text, spaced_text
from invitecore_personalization.names import RecipientNames, fold_name, recipient_names
from invitecore_personalization.patterns import Compiled, compiled
from invitecore_personalization.templates import could_match, could_match_any

COMPILED = compiled(DEFAULT_SETTINGS)
EXAMPLES = settings(max_examples=300, deadline=None)

# Name-like words: plain, accented, with credentials, titles, brackets, dots, e-mail addresses.
NAME_WORDS = [
    "Dana", "dana", "Kowalski", "DANA", "Dan", "Danny", "José", "Jose", "Zoë", "O'Neill",
    "Anne-Marie", "Dr.", "MBA", "PhD", "(LION)", "[LION 6,500+]", "Lee", "Sam", "Priya",
    "Raman", "Ms.", "x@example.com", "Bob", "Robert", "İlkay", "ß", "Éva", "Van", "der", "Li",
]
FIELDS = st.one_of(
    st.none(),
    st.sampled_from(["Dana", "Kowalski", "Dan", "Sam", "Lee"]),  # names the notes below use
    st.lists(st.sampled_from(NAME_WORDS), max_size=4).map(" ".join),
    st.text(alphabet="aé Z.-'(", max_size=12),
)


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    first, last = draw(FIELDS), draw(FIELDS)
    joined = f"{first} {last}" if first and last else None
    name = draw(st.one_of(st.just(joined), FIELDS)) or "Someone"
    groups = draw(st.lists(st.sampled_from(["PyData Warsaw", "Women in Data Science"]),
                           max_size=2, unique=True))
    return Profile(name=name, first_name=first, last_name=last, groups=tuple(groups))


PIECES = [
    "Hi ", "Hey ", "Dear ", "Hello, ", "Good morning ", "hi ", "Dana", "dana", "Kowalski",
    "Dan", ", ", ",", "! ", ". ", " ", "(LION)", "[First Name]", "{firstName}", "there ",
    "Dr. ", "MBA ", "I ", "I'd like to ", "add you to my professional network on LinkedIn. ",
    "connect with you on LinkedIn", "join my network on LinkedIn. ", "we met at PyData ",
    "I read your post about dbt ", "happy to share ", "our platform ", "could you refer me ",
    "calendly.com/x ", "fellow member of the Data Guild ", "PyData Warsaw group ", "Best, Sam",
    "- Sam", "Thanks,\nSam Lee", "José", "Zoë ", "\n", "Lee ", "Sam ", "Priya ", "Bob ",
    # Openings whose reading depends on the recipient's names.
    "hi dana ", "hey kowalski, dana ", "Hi Kowalski, Dana, ", "Dana! ", "dan, ", "zoë ",
    "Hi Sam Lee, ", "Dear dana kowalski ",
]
NOTES = st.lists(st.sampled_from(PIECES), min_size=1, max_size=14).map("".join)
SENDERS = st.sampled_from([None, "Sam Lee", "Dana Kowalski", "Zoë"])


def _reference_names(profile: Profile, compiled: Compiled) -> RecipientNames:
    """The names read the plain way: every field by the name-word regex, nothing skipped."""

    def clean(text: str | None) -> list[tuple[str, str]]:
        if not text:
            return []
        text = re.sub(r"\([^()]{0,200}\)|\[[^\[\]]{0,200}\]|\S{1,100}@\S{1,200}", " ", text)
        words = re.findall(r"[^\W\d_][\w'’.-]{0,60}", text)
        return [(w, k) for w in words if (k := fold_name(w)) not in compiled.not_in_names]

    full = clean(profile.name)
    first = clean(profile.first_name) or full[:1]
    last = clean(profile.last_name) or (full[-1:] if len(full) > 1 else [])
    first_key = first[0][1] if first else ""
    return RecipientNames(
        first=" ".join(w for w, _ in first),
        last=" ".join(w for w, _ in last),
        first_key=first_key,
        last_key=last[-1][1] if last else "",
        keys=frozenset(k for _, k in (*full, *first, *last)),
        short_forms=compiled.nicknames.get(first_key, frozenset()),
    )


@EXAMPLES
@given(profiles())
def test_names_are_read_as_the_plain_way_reads_them(profile: Profile) -> None:
    assert recipient_names(profile, COMPILED) == _reference_names(profile, COMPILED)


@EXAMPLES
@given(NOTES, profiles())
def test_the_salutation_read_once_per_note_is_the_one_read_with_the_names(
    note: str, profile: Profile
) -> None:
    names = recipient_names(profile, COMPILED)
    facts = note_facts(note, COMPILED)
    expected = find_salutation(note, fold_text(note), names, COMPILED)
    assert salutation_for(facts, names, COMPILED) == expected


# Openings in a template's usual shape ("Dana, we ..."), near misses of it, and anything else.
OPENING_NAMES = [
    "Dana", "Kowalski", "Dan", "Lee", "There", "I", "Dr", "Mba", "Zoë", "X" + "x" * 41, "",
]
OPENING_AFTER = ["we", "I", "I'd", "MBA", "Dana", "dana", "Dr.", "(LION)", "é", "2", "!", ""]
OPENING_BLANKS = ["", "", " ", "\t ", " " * 21]
USUAL_OPENINGS = st.tuples(
    st.sampled_from(OPENING_BLANKS), st.sampled_from(OPENING_NAMES),
    st.sampled_from([",", ", ", ", ", ",\t", ",,", " ,", ""]), st.sampled_from(OPENING_BLANKS),
    st.sampled_from(OPENING_AFTER), st.sampled_from(["", " met", ", Dana", "-x", "’s", "."]),
).map("".join)
OPENING_PIECES = [*OPENING_NAMES, *OPENING_AFTER, ",", ", ", "-", "’s", "\n", " "]
ANY_OPENINGS = st.lists(st.sampled_from(OPENING_PIECES), min_size=1, max_size=8).map("".join)


@settings(max_examples=1000, deadline=None)
@given(
    st.one_of(USUAL_OPENINGS, ANY_OPENINGS),
    st.one_of(st.none(), profiles()),
    st.sampled_from([0, 0, 0, 1, 2]),
)
def test_a_plain_name_is_read_as_the_token_loop_reads_it(
    text: str, profile: Profile | None, start: int
) -> None:
    names = recipient_names(profile, COMPILED) if profile is not None else None
    fast, plain = _Names(names), _Names(names)
    assert _read_name(text, start, fast, COMPILED) == _read_name_words(
        text, start, plain, COMPILED
    )
    assert fast.asked == plain.asked  # the same questions, once each


@EXAMPLES
@given(NOTES, profiles(), SENDERS)
def test_the_default_text_decided_once_per_note_is_the_one_found_with_the_names(
    note: str, profile: Profile, sender_name: str | None
) -> None:
    names = recipient_names(profile, COMPILED)
    sender = Sender(name=sender_name)
    facts = note_facts(note, COMPILED)
    salutation = salutation_for(facts, names, COMPILED)
    name_keys = set(names.keys) | {w.lower() for w in (sender_name or "").split()}
    group_keys = {w.lower() for g in profile.groups for w in g.replace("(", " ").split()}
    start = salutation.span[1] if salutation is not None else 0
    expected = default_text(note, len(note.split()), start, name_keys, group_keys, COMPILED)
    found = _default_text(facts, salutation, names, profile, sender, COMPILED)
    assert found == expected


@EXAMPLES
@given(NOTES, st.sets(st.sampled_from(["dana", "sam", "lee", "linkedin", "network", "pydata"])))
def test_no_default_text_for_any_names_means_none_for_these(note: str, keys: set[str]) -> None:
    if not could_match_any(note, COMPILED.templates, COMPILED.coverage):
        assert not could_match(note, keys, keys, COMPILED.templates, COMPILED.coverage)


@EXAMPLES
@given(NOTES)
def test_a_group_search_finds_the_first_cue_of_each_of_its_tags(note: str) -> None:
    scanner = Scanner(
        {"a": ["we met", "met at"], "b": ["happy to share", "re:our\\s+platform"],
         "c": ["refer me", "post"], "d": ["network"]},
        rare=[("a", "b", "c")],
    )
    folded = fold_text(note)
    spaced = spaced_text(folded)
    cues = scanner.cues(folded)
    for tag in ("c", "a", "b", "d"):
        match = scanner.patterns[tag].search(spaced)  # type: ignore[union-attr]
        expected = (match.start(), match.end() - 1) if match is not None else None
        assert cues.get(tag) == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(NOTES, profiles(), st.sampled_from(list(Relationship)), SENDERS),
                min_size=1, max_size=12))
def test_the_note_cache_changes_no_finding(
    cases: list[tuple[str, Profile, Relationship, str | None]],
) -> None:
    checker = NoteChecker(COMPILED, cache_size=4)
    for note, profile, relationship, sender_name in cases * 2:  # every note seen again
        invitation = Invitation(note=note, relationship=relationship)
        sender = Sender(name=sender_name)
        assert checker.check(invitation, profile, sender) == check_note(
            invitation, profile, sender, COMPILED
        )
    assert checker.analyse.cache_info().currsize <= 4


def test_the_hook_keeps_one_checker_per_settings_object() -> None:
    assert plugin._checker(DEFAULT_SETTINGS) is plugin._checker(DEFAULT_SETTINGS)
    assert plugin._checker(DEFAULT_SETTINGS).compiled is COMPILED
