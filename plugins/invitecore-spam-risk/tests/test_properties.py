"""Properties of the scorecard over generated cases, and linear cost on long inputs."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import build_settings, factors
from invitecore import NetworkingCamp, Profile, Relationship, RiskFactor
from invitecore_spam_risk import plugin, rules

DECLARED = {rule.code for rule in plugin.invitecore_rules()}
DEFAULTS = build_settings()
MAPPED = sorted(DEFAULTS["finding-factors"])
OTHER_CODES = ["EMH202", "EMH203", "PER133", "PER111", "PER131", "LIO101"]
POINTS_BY_CODE = {
    rules.NO_NOTE: 25.0,
    rules.DEFAULT_TEXT: 25.0,
    rules.GENERIC_NOTE: 25.0,
    rules.NO_HOW_FOUND: 10.0,
    rules.NO_REASON: 8.0,
    rules.NO_BENEFIT: 6.0,
    rules.PITCH: 15.0,
    rules.EMAIL_MISSING: 10.0,
    rules.LONG_TIME_MEMBER: 10.0,
    rules.NO_SHARED_CONTEXT: 10.0,
    rules.OPEN_NETWORKER: -25.0,
    rules.REAL_RELATIONSHIP: -20.0,
    rules.EMAIL_GIVEN: -10.0,
    rules.SHARED_CONNECTIONS: -10.0,
    rules.SHARED_GROUP: -10.0,
}

cases = st.fixed_dictionaries(
    {
        "note": st.sampled_from(["", "  ", "Hi Dana", "Hi Dana, we met at the Example Fair."]),
        "relationship": st.sampled_from([r.value for r in Relationship]),
        "email": st.sampled_from([None, "", "dana@example.com"]),
        "camp": st.sampled_from([c.value for c in NetworkingCamp]),
        "codes": st.lists(st.sampled_from(MAPPED + OTHER_CODES), max_size=8),
        "profile": st.builds(
            Profile,
            name=st.just("Dana Lumen"),
            member_since=st.one_of(st.none(), st.integers(2003, 2026)),
            shared_connections=st.one_of(st.none(), st.integers(0, 3)),
            groups=st.lists(st.sampled_from(["Example Guild", "Harbour Makers"]), max_size=2),
        ),
    }
)


def total(card: list[RiskFactor]) -> float:
    return sum(f.points for f in card)


@given(cases)
def test_a_card_is_well_formed(case: dict[str, object]) -> None:
    card = factors(**case)  # type: ignore[arg-type]
    codes = [f.code for f in card]
    assert len(codes) == len(set(codes)), "a factor counted twice"
    assert set(codes) <= DECLARED
    empty = set(codes) & rules.EMPTY_NOTE_FACTORS
    assert len(empty) <= 1
    if empty:
        assert not set(codes) & rules.MISSING_PART_FACTORS
    for factor in card:
        assert factor.reason
        if factor.code != rules.STRANGER_NOT_OPEN:
            assert factor.points == POINTS_BY_CODE[factor.code]


@given(cases, st.sampled_from(["PER101", "PER102", "PER103", "PER122", "PER123", "PER132"]))
def test_one_more_note_finding_never_lowers_the_risk(case: dict[str, object], code: str) -> None:
    # Holds because an empty-note factor (25) outweighs the missing parts it stands for (24).
    before = total(factors(**case))  # type: ignore[arg-type]
    more = {**case, "codes": [*case["codes"], code]}  # type: ignore[misc]
    assert total(factors(**more)) >= before  # type: ignore[arg-type]


def _seconds(note: str, groups: tuple[str, ...]) -> float:
    profile = Profile(name="Dana Lumen", groups=groups, shared_connections=0)
    with_groups = build_settings({"sender-groups": ["Harbour Makers"]})
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        factors(note=note, profile=profile, settings=with_groups)
        best = min(best, time.perf_counter() - start)
    return best


@settings(max_examples=10, deadline=None)
@given(st.text(alphabet=" \t\nab@{}é🦁", min_size=10, max_size=10))
def test_cost_grows_linearly_with_input_length(chunk: str) -> None:
    # 10x the text (a 100,000-character note, 100,000 characters of group names) must cost
    # well under 100x: linear with a generous margin, no absolute timing.
    small = _seconds(chunk * 1_000, tuple(chunk * 10 for _ in range(100)))
    large = _seconds(chunk * 10_000, tuple(chunk * 10 for _ in range(1_000)))
    assert large <= 40 * small + 0.005
