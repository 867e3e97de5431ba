"""The shortcuts taken for speed must agree with the work they skip.

The scorecard reads the note's blankness itself instead of calling ``Invitation.has_note``, and
looks findings up in one merged table; the advice shares its per-person steps between cases
(bounded caches keyed by the name, the verdict's wording and the count). Each test here fails
if a shortcut ever disagrees with the slow path it replaces.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import build_settings, factors
from invitecore import Advice, Invitation, Profile
from invitecore_spam_risk import advice, rules
from invitecore_spam_risk.settings import scorecard_config

NAMED_STEPS = (
    advice._named_steps,
    advice._approach_first,
    advice._ask_introduction,
    advice._invite_with_note,
)


@given(st.text(alphabet=" \t\n\u00a0\u2003ab", max_size=6))
def test_the_inlined_blank_note_test_is_has_note(note: str) -> None:
    invitation = Invitation(note=note)
    assert (not invitation.note.strip()) == (not invitation.has_note)


codes = st.lists(
    st.sampled_from(
        ["PER101", "PER102", "PER103", "PER121", "PER124", "PER133", "EMH202", "LIO101"]
    ),
    max_size=6,
)
tables = st.fixed_dictionaries(
    {
        "finding-factors": st.dictionaries(
            st.sampled_from(["PER101", "PER103", "PER121", "PER124", "EMH202", "PER133"]),
            st.sampled_from(sorted(rules.FINDING_FACTORS)),
            max_size=4,
        ),
        "credit-voided-by": st.dictionaries(
            st.sampled_from(sorted(rules.CREDIT_FACTORS)),
            st.lists(st.sampled_from(["PER133", "EMH202", "PER101", "PER124"]), max_size=3),
            max_size=3,
        ),
    }
)


def _reference_lookups(
    found: list[str], table: dict[str, object]
) -> tuple[dict[str, str], frozenset[str]]:
    # The two separate tables the merged one replaced: the first finding raising a factor
    # names it; every finding voids the credits listed for it.
    raised: dict[str, str] = {}
    voided: set[str] = set()
    mapped = table["finding-factors"]
    assert isinstance(mapped, dict)
    voids = table["credit-voided-by"]
    assert isinstance(voids, dict)
    for code in found:
        if code in mapped and mapped[code] not in raised:
            raised[mapped[code]] = code
        voided.update(factor for factor, by in voids.items() if code in by)
    return raised, frozenset(voided)


@settings(max_examples=300)
@given(codes, tables)
def test_the_merged_finding_table_raises_and_voids_as_the_two_tables_did(
    found: list[str], table: dict[str, object]
) -> None:
    settings_ = build_settings(table)
    card = factors(
        note="Hi Dana", relationship="group", email="d@example.com", codes=found, settings=settings_
    )
    raised, voided = _reference_lookups(found, table)
    for line in card:
        if line.code in raised:
            assert line.reason.endswith(f"({raised[line.code]})")
    on_card = {line.code for line in card}
    for credit in (rules.EMAIL_GIVEN, rules.SHARED_GROUP):
        if credit in voided:
            assert credit not in on_card


names = st.text(alphabet="AaÉé -'", min_size=1, max_size=8)


@settings(max_examples=300)
@given(names, st.booleans(), st.integers(0, 3))
def test_shared_steps_read_as_freshly_built_ones(name: str, do_not_send: bool, count: int) -> None:
    fresh = [advice._approach_first.__wrapped__(name, do_not_send)]
    if count:
        fresh.append(advice._ask_introduction.__wrapped__(name, count))
    fresh.append(advice._invite_with_note.__wrapped__(name))
    assert list(advice._named_steps(name, do_not_send, count)) == fresh
    assert list(advice._named_steps.__wrapped__(name, do_not_send, count)) == fresh


@settings(max_examples=200)
@given(names, st.booleans(), st.one_of(st.none(), st.integers(0, 3)))
def test_steps_without_groups_match_the_steps_built_one_by_one(
    name: str, do_not_send: bool, count: int | None
) -> None:
    config = scorecard_config(build_settings())
    profile = Profile(name=f"{name} Lumen", first_name=name, shared_connections=count)
    steps = advice._approach_steps(profile, do_not_send, config)
    given_name = profile.given_name or profile.name
    assert [a.code for a in steps] == [
        rules.APPROACH_FIRST,
        *([rules.ASK_INTRODUCTION] if count else []),
        rules.INVITE_WITH_NOTE,
    ]
    assert all(isinstance(a, Advice) and given_name in a.text for a in steps)
    assert steps[0] == advice._approach_first.__wrapped__(given_name, do_not_send)


def test_the_step_caches_are_bounded() -> None:
    for cached in NAMED_STEPS:
        assert cached.cache_info().maxsize == advice._NAMED_STEPS_CACHED
