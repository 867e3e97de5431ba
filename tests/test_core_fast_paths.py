"""The core's per-row fast paths agree with the plain code they stand in for.

Each test holds one shortcut to its plain counterpart: values built directly against the
classes' validated ``__init__``; the engine's positional hook calls and its severity shortcut
against keyword calls and ``_with_severity``; the enums' faster methods against their plain
definitions; the JSON Lines reader's scan against ``json.loads``; the encoder's per-object
text cache against encoding afresh.
"""

from __future__ import annotations

import functools
import inspect
import json
import math
import re
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from invitecore import Case, Finding, Invitation, Profile, Sender, Severity, Signal
from invitecore._assemble import builder
from invitecore.aggregate import Thresholds, classify, decide_verdict, score_risk
from invitecore.config import Config
from invitecore.engine import _bind, _picker
from invitecore.enums import (
    Account,
    Camp,
    NetworkingCamp,
    Relationship,
    RiskLevel,
    Verdict,
)
from invitecore.errors import InputError
from invitecore.formats import jsonline
from invitecore.formats.jsonline import encode_result
from invitecore.inputs.cases import case_from_mapping
from invitecore.inputs.records import _loads
from invitecore.models import (
    Advice,
    Classification,
    Risk,
    RiskFactor,
    profile_from_mapping,
)
from invitecore.report import CaseResult, Source
from invitecore.serialize import result_to_dict
from invitecore.settings import Settings
from invitecore.testing import engine_with

GENERIC = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
ENUMS = (Account, Camp, NetworkingCamp, Relationship, RiskLevel, Severity, Verdict)


def same(one: Any, other: Any) -> bool:
    """Equal, and equal down to the types and reprs of the fields (1 == 1.0 == True is not)."""
    return one == other and type(one) is type(other) and repr(one) == repr(other)


# -- values built directly (invitecore._assemble) ------------------------------------------------


def test_builder_takes_fields_by_position_or_name() -> None:
    build = builder(Source)
    assert same(build("a.jsonl", 3), Source(file="a.jsonl", line=3))
    assert same(build(line=None, file="b"), Source(file="b"))
    with pytest.raises(TypeError):
        build(file="c")  # every field must be given: defaults are not filled in


signals = st.lists(
    st.builds(
        Signal,
        code=st.just("TST101"),
        camp=st.sampled_from(Camp),
        weight=st.floats(0.001, 1.0),
        label=st.just("x"),
    ),
    max_size=4,
)
thresholds = st.builds(
    Thresholds,
    open_threshold=st.floats(0.0, 1.0),
    selective_threshold=st.floats(0.0, 1.0),
    risk_medium=st.floats(0.0, 100.0),
    risk_high=st.floats(0.0, 100.0),
)


@given(signals, thresholds)
def test_classification_is_what_its_init_builds(found: list[Signal], limits: Thresholds) -> None:
    result = classify(found, limits)
    plain = Classification(
        camp=result.camp,
        confidence=result.confidence,
        signals=found,
        open_strength=result.open_strength,
        selective_strength=result.selective_strength,
    )
    assert same(result, plain)
    assert type(result.signals) is tuple


def test_no_signals_share_one_classification() -> None:
    one, two = classify([], Thresholds()), classify((), Thresholds())
    assert one is two
    assert same(one, Classification(camp="unknown", confidence=0.0, signals=()))


@given(st.lists(st.floats(-80.0, 80.0), max_size=5), thresholds)
def test_risk_is_what_its_init_builds(points: list[float], limits: Thresholds) -> None:
    factors = [RiskFactor(code="TST301", points=p, reason="r") for p in points]
    result = score_risk(factors, limits)
    assert same(result, Risk(score=result.score, level=result.level, factors=factors))
    assert type(result.factors) is tuple


@given(
    st.sampled_from(Relationship),
    st.sampled_from(NetworkingCamp),
    st.floats(0.0, 1.0),
    st.lists(st.none() | st.sampled_from(Severity), max_size=3),
    st.sampled_from(RiskLevel),
    st.sampled_from(Severity),
)
def test_verdict_follows_the_documented_rules(
    relationship: Relationship,
    camp: NetworkingCamp,
    confidence: float,
    severities: list[Severity | None],
    level: RiskLevel,
    revise_at: Severity,
) -> None:
    """decide_verdict against its docstring's rules, written out plainly."""
    limits = Thresholds(revise_at=revise_at)
    findings = [Finding(code="TST201", message="m", severity=s) for s in severities]
    stranger = relationship in (Relationship.OTHER, Relationship.NONE)
    if stranger and camp == "selective_connector":
        expected = Verdict.DO_NOT_SEND if confidence >= 0.8 else Verdict.WARM_UP
    elif stranger and (camp == "unknown" or (camp == "in_between" and level == "high")):
        expected = Verdict.WARM_UP
    elif level == "high" or any(
        s is not None and ["info", "warning", "error"].index(s) >= revise_at.rank
        for s in severities
    ):
        expected = Verdict.REVISE
    else:
        expected = Verdict.SEND
    verdict = decide_verdict(
        Invitation(relationship=relationship),
        Classification(camp=camp, confidence=confidence),
        findings,
        Risk(score=0.0, level=level),
        limits,
    )
    assert verdict is expected


# -- the enums ----------------------------------------------------------------------------------


@pytest.mark.parametrize("member", [m for enum in ENUMS for m in enum])
def test_enum_text_is_its_value(member: Any) -> None:
    for text in (str(member), f"{member}", format(member, "")):
        assert text == member.value
        assert type(text) is str
    assert format(member, ">20") == format(member.value, ">20")


def test_enum_properties_match_their_definitions() -> None:
    assert [s.rank for s in Severity] == [0, 1, 2]
    for member in Relationship:
        assert member.is_stranger == (member in ("other", "none"))
        assert member.asks_for_email == (member in ("friend", "other"))


# -- the engine ---------------------------------------------------------------------------------

ARGUMENTS = {"invitation": 1, "profile": 2, "classification": 3, "sender": 4}
SETTINGS = Settings()
argument_orders = st.permutations([*ARGUMENTS, "settings"]).flatmap(
    lambda names: st.integers(0, 5).map(lambda n: tuple(names[:n]))
)


@given(argument_orders)
def test_bound_calls_give_what_keyword_calls_give(argnames: tuple[str, ...]) -> None:
    """An implementation, its parameters in any order, called as the engine calls it
    (through _bind and _picker) and as a benchmark may (by name), gets what a call by name
    gives it; so does a wrapper that takes only names."""
    namespace: dict[str, Any] = {}
    exec(f"def function({', '.join(argnames)}):\n    return locals()", namespace)
    function = namespace["function"]
    expected = function(**{n: SETTINGS if n == "settings" else ARGUMENTS[n] for n in argnames})
    names = tuple(n for n in argnames if n != "settings")

    @functools.wraps(function)
    def by_name_only(**named: Any) -> Any:  # hooks.md promises calls by name
        return function(**named)

    # A wrapper that also presents the wrapped function's signature as its own.
    def presenting(**named: Any) -> Any:
        return function(**named)

    presenting.__signature__ = inspect.signature(function)  # type: ignore[attr-defined]

    class Plugin:
        def method(self, *values: Any, **named: Any) -> Any:
            return function(*values, **named)

    for implementation in (function, by_name_only, presenting, Plugin().method):
        call = _bind(implementation, argnames, SETTINGS)
        assert call(*_picker(names)(ARGUMENTS)) == expected
        assert call(**{n: ARGUMENTS[n] for n in names}) == expected


def test_hooks_get_their_arguments_in_their_own_order(plugin_factory: Any) -> None:
    """Implementations name the hook's arguments in any order, or none of them."""
    seen: dict[str, Any] = {}

    def checks(settings: Any, sender: Sender, invitation: Invitation) -> list[Finding]:
        seen.update(settings=settings, sender=sender, invitation=invitation)
        return [Finding(code="XYZ201", message="m")]

    def factors() -> list[RiskFactor]:
        return [RiskFactor(code="XYZ301", points=5, reason="r")]

    plugin = plugin_factory(
        "ordering",
        rules=("XYZ201", "XYZ301"),
        invitecore_invitation_checks=checks,
        invitecore_risk_factors=factors,
    )
    engine = engine_with(plugin)
    case = Case(profile=Profile(name="Ana"), invitation=Invitation(note="hi"), sender=Sender())
    result = engine.evaluate(case)
    assert seen["invitation"] is case.invitation
    assert seen["sender"] is case.sender
    assert seen["settings"] is engine.settings["ordering"]
    assert [f.code for f in result.findings] == ["XYZ201"]
    assert result.risk is not None
    assert result.risk.score == 5.0
    assert result.errors == ()


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["XYZ201", "XYZ202", "ABC201"]), st.none() | st.sampled_from(Severity)
        ),
        max_size=4,
    )
)
@settings(max_examples=50)
def test_severity_shortcut_matches_the_general_path(
    codes: list[tuple[str, Severity | None]],
) -> None:
    """Without overrides in the config, _with_severities gives what _with_severity gives."""
    engine = engine_with(Config())
    engine._severity_of = {"XYZ201": Severity.ERROR, "XYZ202": Severity.INFO}
    assert not engine.filter.severity
    fast = engine._with_severities([Finding(code=c, message="m", severity=s) for c, s in codes])
    plain = tuple(engine._with_severity(Finding(code=c, message="m", severity=s)) for c, s in codes)
    assert all(same(a, b) for a, b in zip(fast, plain, strict=True))


# -- reading ------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=6,
)
endings = st.sampled_from(["", "\n", "\r\n", " ", "\n\n", "\t\n", " x", "\u00a0", "\u2028", "}"])
beginnings = st.sampled_from(["", " ", "\ufeff", "\n", "x"])


def _parsed(parse: Any, line: str) -> Any:
    try:
        return ("ok", repr(parse(line)))
    except json.JSONDecodeError as exc:
        return ("error", exc.msg, exc.pos, exc.lineno, exc.colno)


@given(beginnings, json_values, endings)
def test_line_scan_matches_json_loads(start: str, value: Any, end: str) -> None:
    line = start + json.dumps(value) + end
    assert _parsed(_loads, line) == _parsed(json.loads, line)


@given(st.text(max_size=30))
def test_line_scan_matches_json_loads_on_any_text(line: str) -> None:
    assert _parsed(_loads, line) == _parsed(json.loads, line)


_PROFILE_KEYS = [a.name for a in attrs.fields(Profile)] + ["nickname"]
_ANY_VALUE = (
    st.none()
    | st.text(max_size=4)
    | st.integers(-3, 3000)
    | st.booleans()
    | st.floats(allow_nan=False)
    | st.lists(st.text(max_size=3) | st.integers() | st.booleans(), max_size=2)
    | st.tuples(st.text(max_size=3))
)


@given(st.dictionaries(st.sampled_from(_PROFILE_KEYS), _ANY_VALUE, max_size=8))
def test_profile_from_mapping_builds_the_same_types(values: dict[str, Any]) -> None:
    """As tests/test_models.py, but down to the field types (True is not the number 1)."""
    values.setdefault("name", "Ana Lima")
    try:
        plain = Profile(**values)
    except (TypeError, ValueError) as exc:
        with pytest.raises(type(exc), match=f"^{re.escape(str(exc))}$"):
            profile_from_mapping(values)
        return
    assert same(profile_from_mapping(values), plain)


tables = st.none() | st.dictionaries(
    st.sampled_from(["note", "relationship", "email"]),
    st.none() | st.sampled_from(["Hi", "", "none", "colleague", "Friend ", "x@y.z"]),
    max_size=3,
)


@given(tables, st.none() | st.dictionaries(st.just("name"), st.just("Sam"), max_size=1))
def test_missing_and_null_tables_read_as_empty(invitation: Any, sender: Any) -> None:
    """``invitation``/``sender`` missing, null or given: as building the objects plainly."""
    data: dict[str, Any] = {"profile": {"name": "Ana"}, "id": 7}
    if invitation is not None or sender is not None:
        data["invitation"], data["sender"] = invitation, sender
    source = Source(file="f.jsonl", line=1)
    try:
        expected = Case(
            profile=Profile(name="Ana"),
            invitation=Invitation(**(invitation or {})),
            sender=Sender(**(sender or {})),
            id="7",
            source=source,
        )
    except ValueError as exc:  # the reader says the same, naming the table
        with pytest.raises(InputError, match=re.escape(str(exc).partition(": ")[2])):
            case_from_mapping(data, source=source, kind="jsonl")
        return
    assert same(case_from_mapping(data, source=source, kind="jsonl"), expected)


# -- writing ------------------------------------------------------------------------------------


def _result(**fields: Any) -> CaseResult:
    plain: dict[str, Any] = {
        "id": "1",
        "source": Source(file="f", line=1),
        "profile": Profile(name="Ana", headline="LION"),
        "classification": classify([], Thresholds()),
        "invitation": Invitation(note="Hello there"),
    }
    return CaseResult(**{**plain, **fields})


def test_text_cache_gives_the_same_text_again() -> None:
    signal = Signal(
        code="TST101", camp="open", weight=0.5, label="l", field="headline", span=(0, 4), plugin="p"
    )
    finding = Finding(
        code="TST201", message="m", severity="info", field="note", span=(0, 5), plugin="p"
    )
    factor = RiskFactor(code="TST301", points=5, reason="r", plugin="p")
    advice = Advice(code="TST401", text="t", plugin="p")
    classification = Classification(camp="open_networker", confidence=0.5, signals=(signal,))
    for note in ("Hello there", "Bye now, see you"):  # the evidence is each row's own
        result = _result(
            classification=classification,
            invitation=Invitation(note=note),
            findings=(finding,),
            risk=Risk(score=5.0, level="low", factors=(factor,)),
            advice=(advice,),
        )
        for _ in range(2):
            assert encode_result(result) == GENERIC(result_to_dict(result))


def test_objects_the_engine_may_still_complete_are_not_remembered() -> None:
    """A factor, advice, signal or finding without its plugin (or a finding without its
    severity) can still be filled in by the engine: its text is computed again."""
    factor = RiskFactor(code="TST301", points=5, reason="r")
    advice = Advice(code="TST401", text="t")
    finding = Finding(code="TST201", message="m", plugin="p")
    signal = Signal(code="TST101", camp="open", weight=0.5, label="l")
    result = _result(
        classification=Classification(camp="open_networker", confidence=0.5, signals=(signal,)),
        findings=(finding,),
        risk=Risk(score=5.0, level="low", factors=(factor,)),
        advice=(advice,),
    )
    before = encode_result(result)
    for item, field, value in (
        (factor, "plugin", "late"),
        (advice, "plugin", "late"),
        (signal, "plugin", "late"),
        (finding, "severity", Severity.ERROR),
    ):
        object.__setattr__(item, field, value)  # what engine._stamp does
    after = encode_result(result)
    assert after != before
    assert after == GENERIC(result_to_dict(result))


def test_text_caches_stay_bounded() -> None:
    for index in range(jsonline._CACHE_SIZE + 10):
        factor = RiskFactor(code="TST301", points=float(index), reason="r", plugin="p")
        result = _result(risk=Risk(score=1.0, level="low", factors=(factor,)))
        assert encode_result(result) == GENERIC(result_to_dict(result))
    assert 0 < len(jsonline._factors) <= jsonline._CACHE_SIZE


def test_shared_classification_renders_like_a_fresh_one() -> None:
    shared = classify([], Thresholds())
    fresh = Classification(camp="unknown", confidence=0.0)
    assert encode_result(_result(classification=shared)) == encode_result(
        _result(classification=fresh)
    )
    odd = Classification(camp="unknown", confidence=math.nan, open_strength=-0.0)
    for _ in range(2):
        result = _result(classification=odd)
        assert encode_result(result) == GENERIC(result_to_dict(result))
