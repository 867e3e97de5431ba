"""The value objects: string enums convert, bad values fail naming the field, profile helpers."""

from __future__ import annotations

import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from invitecore import (
    Account,
    Camp,
    Classification,
    Finding,
    Invitation,
    NetworkingCamp,
    Profile,
    Relationship,
    Risk,
    RiskFactor,
    RiskLevel,
    Rule,
    Sender,
    Severity,
    Signal,
    Verdict,
)


def make_signal(**overrides: Any) -> Signal:
    values: dict[str, Any] = {"code": "TST101", "camp": "open", "weight": 0.5, "label": "x"}
    return Signal(**{**values, **overrides})


class TestStringEnums:
    @pytest.mark.parametrize(
        ("build", "attribute", "expected"),
        [
            (lambda: make_signal(camp="open"), "camp", Camp.OPEN),
            (lambda: make_signal(camp=" Selective "), "camp", Camp.SELECTIVE),
            (lambda: Finding(code="TST201", message="m", severity="ERROR"), "severity", "error"),
            (lambda: Rule(code="TST201", summary="s", severity="info"), "severity", "info"),
            (lambda: Invitation(relationship="Colleague"), "relationship", "colleague"),
            (lambda: Sender(account="premium"), "account", Account.PREMIUM),
            (lambda: Classification(camp="open_networker", confidence=1), "camp", "open_networker"),
            (lambda: Risk(score=1, level="HIGH"), "level", RiskLevel.HIGH),
        ],
    )
    def test_string_values_become_enum_members(
        self, build: Any, attribute: str, expected: Any
    ) -> None:
        value = getattr(build(), attribute)
        assert value == expected
        assert type(value).__name__ != "str"

    @pytest.mark.parametrize(
        ("build", "field", "allowed"),
        [
            (lambda: make_signal(camp="maybe"), "camp", "open, selective"),
            (lambda: Finding(code="TST201", message="m", severity="fatal"), "severity", "warning"),
            (lambda: Rule(code="TST201", summary="s", severity=3), "severity", "info"),
            (lambda: Invitation(relationship="coworker"), "relationship", "colleague, classmate"),
            (lambda: Sender(account="gold"), "account", "free, premium"),
            (lambda: Classification(camp="open", confidence=1), "camp", "open_networker"),
            (lambda: Risk(score=1, level="extreme"), "level", "low, medium, high"),
        ],
    )
    def test_bad_enum_value_names_field_and_allowed_values(
        self, build: Any, field: str, allowed: str
    ) -> None:
        with pytest.raises(ValueError, match=rf"^{field}: ") as caught:
            build()
        assert allowed in str(caught.value)

    def test_enum_str_is_its_value(self) -> None:
        assert str(Camp.OPEN) == "open"
        assert f"{Verdict.WARM_UP}" == "warm_up"

    def test_severity_order(self) -> None:
        ranks = [s.rank for s in (Severity.INFO, Severity.WARNING, Severity.ERROR)]
        assert ranks == [0, 1, 2]

    def test_relationship_properties(self) -> None:
        assert {r for r in Relationship if r.is_stranger} == {Relationship.OTHER, Relationship.NONE}
        assert {r for r in Relationship if r.asks_for_email} == {
            Relationship.FRIEND,
            Relationship.OTHER,
        }


class TestRuleCodesWeightsSpans:
    @pytest.mark.parametrize("code", ["AB123", "LIO101", "ABCD999"])
    def test_valid_codes(self, code: str) -> None:
        assert Rule(code=code, summary="s").code == code

    @pytest.mark.parametrize("code", ["lio101", "L101", "ABCDE101", "LIO10", "LIO1011", 101])
    def test_invalid_codes(self, code: Any) -> None:
        with pytest.raises(ValueError, match=r"^code: .* is not a rule code"):
            Rule(code=code, summary="s")
        with pytest.raises(ValueError, match=r"^code: "):
            make_signal(code=code)

    @pytest.mark.parametrize("weight", [0, -0.1, 1.01, 2])
    def test_weight_outside_zero_one(self, weight: float) -> None:
        with pytest.raises(ValueError, match=r"^weight: .* is not in \(0, 1\]"):
            make_signal(weight=weight)

    def test_weight_converts_numbers_and_numeric_text(self) -> None:
        assert make_signal(weight=1).weight == 1.0
        assert make_signal(weight="0.25").weight == 0.25

    @pytest.mark.parametrize(
        ("build", "field"),
        [
            (lambda: make_signal(weight="heavy"), "weight"),
            (lambda: RiskFactor(code="TST301", points="lots", reason="r"), "points"),
        ],
    )
    def test_non_numeric_weight_names_field(self, build: Any, field: str) -> None:
        with pytest.raises(ValueError, match=rf"^{field}: "):
            build()

    def test_span_pairs(self) -> None:
        assert make_signal(span=[1, 3]).span == (1, 3)
        assert make_signal(span=(0, 0)).span == (0, 0)
        assert make_signal().span is None

    @pytest.mark.parametrize("span", [(3, 1), (-1, 2), (1, 2, 3), 5, "ab"])
    def test_bad_spans(self, span: Any) -> None:
        with pytest.raises(ValueError, match=r"^span: "):
            make_signal(span=span)
        with pytest.raises(ValueError, match=r"^span: "):
            Finding(code="TST201", message="m", span=span)


class TestProfile:
    def test_only_name_is_required(self) -> None:
        with pytest.raises(TypeError):
            Profile()  # type: ignore[call-arg]
        profile = Profile(name="Ada Lane")
        assert profile.groups == ()
        assert profile.emails == ()
        assert profile.extra == {}

    def test_name_must_be_text(self) -> None:
        with pytest.raises(ValueError, match=r"^name: expected text, got 5"):
            Profile(name=5)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("6,500+", 6500),
            (" 500 ", 500),
            (12.0, 12),
            (42, 42),
            ("", None),
            (None, None),
            ("30K+", 30_000),
            ("1.2k", 1_200),
            ("2 M", 2_000_000),
        ],
    )
    def test_whole_numbers_from_spreadsheet_text(self, raw: Any, expected: int | None) -> None:
        assert Profile(name="A", connections=raw).connections == expected

    @given(
        thousands=st.integers(min_value=0, max_value=10**9),
        suffix=st.sampled_from(["k", "K", "m", "M"]),
        plus=st.sampled_from(["", "+"]),
    )
    def test_abbreviated_counts_are_exact(self, thousands: int, suffix: str, plus: str) -> None:
        # Written as a decimal of the unit ("1.234M"), read back without float rounding.
        unit = 1_000 if suffix in "kK" else 1_000_000
        text = f"{thousands // 1000}.{thousands % 1000:03d}{suffix}{plus}"
        assert Profile(name="A", connections=text).connections == thousands * unit // 1000

    @pytest.mark.parametrize(
        ("field", "raw"),
        [
            ("connections", "many"),
            ("connections", True),
            ("connections", "1.2345k"),  # not a whole number of people
            ("connections", "30KM"),
            ("connections", "12,5K"),  # 12.5 thousand, or 125? said, not guessed
            ("shared_connections", 1.5),
            ("member_since", [2005]),
        ],
    )
    def test_bad_whole_numbers_name_field(self, field: str, raw: Any) -> None:
        with pytest.raises(ValueError, match=rf"^{field}: expected a whole number"):
            Profile(name="A", **{field: raw})

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [("yes", True), ("False", False), (1, True), (0, False), (True, True), ("", None)],
    )
    def test_booleans(self, raw: Any, expected: bool | None) -> None:
        assert Profile(name="A", open_link=raw).open_link is expected

    @pytest.mark.parametrize(("field", "raw"), [("open_link", "maybe"), ("premium", 2)])
    def test_bad_booleans_name_field(self, field: str, raw: Any) -> None:
        with pytest.raises(ValueError, match=rf"^{field}: expected true or false"):
            Profile(name="A", **{field: raw})

    def test_numbers_in_text_fields_are_kept_as_text(self) -> None:
        assert Profile(name="A", headline=2024, location=1000.5).headline == "2024"

    @pytest.mark.parametrize("field", ["headline", "about", "company", "url"])
    def test_non_text_in_text_field_names_field(self, field: str) -> None:
        with pytest.raises(ValueError, match=rf"^{field}: expected text"):
            Profile(name="A", **{field: ["x"]})

    def test_collections_become_tuples(self) -> None:
        profile = Profile(name="A", groups=["G1", "G2"], emails="a@example.com")
        assert profile.groups == ("G1", "G2")
        assert profile.emails == ("a@example.com",)
        source = {"k": 1}
        assert Profile(name="A", extra=source).extra is not source

    @pytest.mark.parametrize(
        ("kwargs", "expected"),
        [
            ({"name": "Ada Lane", "first_name": "  Adaline "}, "Adaline"),
            ({"name": "Ada Lane"}, "Ada"),
            ({"name": "   "}, ""),
        ],
    )
    def test_given_name(self, kwargs: dict[str, str], expected: str) -> None:
        assert Profile(**kwargs).given_name == expected

    def test_text_fields_and_field_text(self) -> None:
        profile = Profile(name="A", headline="H", about="", groups=["G0", "", "G2"])
        assert list(profile.text_fields()) == [
            ("name", "A"),
            ("headline", "H"),
            ("groups[0]", "G0"),
            ("groups[2]", "G2"),
        ]
        assert profile.field_text("groups[2]") == "G2"
        assert profile.field_text("headline") == "H"
        for missing in ("groups[9]", "groups[x]", "connections", "nope", "about2"):
            assert profile.field_text(missing) is None

    def test_frozen_and_keyword_only(self) -> None:
        profile = Profile(name="A")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            profile.name = "B"  # type: ignore[misc]
        with pytest.raises(TypeError):
            Profile("A")  # type: ignore[misc]

    def test_pickles(self) -> None:
        profile = Profile(name="A", groups=["G"], extra={"k": [1]})
        assert pickle.loads(pickle.dumps(profile)) == profile

    @given(
        name=st.text(),
        headline=st.none() | st.text(),
        about=st.none() | st.text(),
        groups=st.lists(st.text(), max_size=3),
    )
    def test_any_text_is_accepted(
        self, name: str, headline: str | None, about: str | None, groups: list[str]
    ) -> None:
        profile = Profile(name=name, headline=headline, about=about, groups=groups)
        for field, text in profile.text_fields():
            assert profile.field_text(field) == text
        assert isinstance(profile.given_name, str)


class TestInvitationSenderClassification:
    def test_invitation_defaults(self) -> None:
        invitation = Invitation()
        assert invitation.note == ""
        assert invitation.relationship is Relationship.NONE
        assert not invitation.has_note
        assert Invitation(note=None).note == ""  # type: ignore[arg-type]
        assert not Invitation(note=" \n\t").has_note
        assert Invitation(note="Hi").has_note

    def test_note_must_be_text(self) -> None:
        with pytest.raises(ValueError, match=r"^note: expected text, got int"):
            Invitation(note=5)  # type: ignore[arg-type]

    def test_sender_defaults_to_free(self) -> None:
        assert Sender().account is Account.FREE
        with pytest.raises(ValueError, match=r"^name: expected text"):
            Sender(name=["x"])  # type: ignore[arg-type]

    def test_classification(self) -> None:
        signals = [make_signal()]
        result = Classification(camp=NetworkingCamp.OPEN_NETWORKER, confidence=0.9, signals=signals)
        assert result.signals == (signals[0],)
        assert result.is_open
        assert not Classification(camp="unknown", confidence=0).is_open

    def test_risk_factors_become_tuple(self) -> None:
        factor = RiskFactor(code="TST301", points="5", reason="r")
        assert factor.points == 5.0
        assert Risk(score=5, level="low", factors=[factor]).factors == (factor,)
