"""The engine: per-case hooks, plugin isolation, attribution, select/ignore, settings, verdicts."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import invitecore
from invitecore import (
    Case,
    Finding,
    Invitation,
    NetworkingCamp,
    Profile,
    RiskLevel,
    Sender,
    Severity,
    Signal,
    Verdict,
)
from invitecore.config import Config
from invitecore.engine import Engine
from invitecore.errors import ConfigError, InputError
from invitecore.testing import engine_with, evaluate_case

OPEN_PROFILE = {"name": "Ada Lane", "headline": "Recruiter | OPENNET"}
SELECTIVE_PROFILE = {"name": "Bo Quist", "about": "I only connect with people I know."}


def case(profile: dict[str, Any], **invitation: Any) -> Case:
    return Case(profile=Profile(**profile), invitation=Invitation(**invitation))


def signal_plugin(
    plugin_factory: Callable[..., Any], name: str, returns: Callable[[], Any]
) -> Any:
    """A plugin that declares ``XYZ101`` and returns ``returns()`` from profile_signals."""
    return plugin_factory(name, rules=("XYZ101",), invitecore_profile_signals=returns)


def xyz(weight: float = 0.9) -> Signal:
    return Signal(code="XYZ101", camp="open", weight=weight, label="xyz")


class TestEvaluate:
    def test_open_stranger_with_good_note_is_sent(self, sample_plugin: Any) -> None:
        result = evaluate_case(sample_plugin, profile=OPEN_PROFILE, invitation={"note": "Hi Ada"})
        assert result.classification is not None
        assert result.classification.camp is NetworkingCamp.OPEN_NETWORKER
        assert result.classification.confidence == 0.9
        (found,) = result.classification.signals
        assert found.plugin == "SamplePlugin"
        assert found.field == "headline"
        assert found.span is not None
        assert OPEN_PROFILE["headline"][found.span[0] : found.span[1]] == "OPENNET"
        assert result.findings == ()
        assert result.risk is not None
        assert (result.risk.score, result.risk.level) == (0.0, RiskLevel.LOW)
        assert result.verdict is Verdict.SEND
        assert result.advice == ()
        assert result.errors == ()

    def test_selective_stranger_do_not_send(self, sample_plugin: Any) -> None:
        result = evaluate_case(sample_plugin, profile=SELECTIVE_PROFILE)
        assert result.classification is not None
        assert result.classification.camp is NetworkingCamp.SELECTIVE_CONNECTOR
        assert result.verdict is Verdict.DO_NOT_SEND

    def test_findings_take_rule_severity_and_feed_risk_and_advice(self, sample_plugin: Any) -> None:
        result = evaluate_case(sample_plugin, profile={"name": "Cy"})
        assert [(f.code, f.severity, f.plugin) for f in result.findings] == [
            ("TST201", Severity.WARNING, "SamplePlugin")
        ]
        assert result.risk is not None
        assert result.risk.score == 20.0
        assert [f.code for f in result.risk.factors] == ["TST301"]
        assert result.verdict is Verdict.WARM_UP  # unknown camp, stranger
        assert [a.code for a in result.advice] == ["TST401"]
        assert result.advice[0].plugin == "SamplePlugin"

    def test_risk_hook_sees_findings(self, sample_plugin: Any) -> None:
        result = evaluate_case(
            sample_plugin,
            profile=OPEN_PROFILE,
            invitation={"note": "BUY now", "relationship": "colleague"},
        )
        assert [f.code for f in result.findings] == ["TST202"]
        assert result.findings[0].severity is Severity.ERROR
        assert result.risk is not None
        assert (result.risk.score, result.risk.level) == (50.0, RiskLevel.MEDIUM)
        assert result.verdict is Verdict.REVISE

    def test_explicit_severity_is_kept(self, plugin_factory: Any) -> None:
        plugin = plugin_factory(
            "p",
            rules=("XYZ201",),
            invitecore_invitation_checks=lambda: [
                Finding(code="XYZ201", message="m", severity="info")
            ],
        )
        result = evaluate_case(plugin, profile={"name": "A"})
        assert result.findings[0].severity is Severity.INFO

    def test_sender_is_passed(self, plugin_factory: Any) -> None:
        seen: list[Sender] = []

        def invitecore_invitation_checks(sender: Sender) -> None:
            seen.append(sender)

        plugin = plugin_factory("p", invitecore_invitation_checks=invitecore_invitation_checks)
        evaluate_case(plugin, profile={"name": "A"}, sender={"account": "premium"})
        assert seen == [Sender(account="premium")]


class TestHookReturns:
    @pytest.mark.parametrize(
        ("returns", "count"),
        [
            (lambda: [xyz(), xyz()], 2),
            (lambda: (xyz(),), 1),
            (lambda: (s for s in [xyz(), xyz(), xyz()]), 3),
            (lambda: xyz(), 1),
            (lambda: None, 0),
            (lambda: [], 0),
        ],
    )
    def test_any_iterable_single_object_or_none(
        self, plugin_factory: Any, returns: Callable[[], Any], count: int
    ) -> None:
        result = evaluate_case(signal_plugin(plugin_factory, "p", returns), profile={"name": "A"})
        assert result.errors == ()
        assert result.classification is not None
        assert len(result.classification.signals) == count

    @pytest.mark.parametrize(
        ("returns", "message"),
        [
            (
                lambda: [xyz(), Finding(code="XYZ101", message="m")],
                "returned Finding, expected Signal",
            ),
            (lambda: ["LION"], "returned str, expected Signal"),
            (lambda: 42, "returned int, expected Signal"),
            (
                lambda: [Signal(code="ABC999", camp="open", weight=0.5, label="l"), xyz()],
                "emitted rule code ABC999, which it did not declare",
            ),
        ],
    )
    def test_wrong_output_becomes_plugin_error_and_others_still_count(
        self,
        plugin_factory: Any,
        sample_plugin: Any,
        returns: Callable[[], Any],
        message: str,
    ) -> None:
        bad = signal_plugin(plugin_factory, "bad", returns)
        result = evaluate_case(bad, sample_plugin, profile=OPEN_PROFILE)
        assert len(result.errors) == 1
        error = result.errors[0]
        assert (error.plugin, error.hook, error.message) == (
            "bad",
            "invitecore_profile_signals",
            message,
        )
        assert result.classification is not None
        codes = {s.code for s in result.classification.signals}
        assert "TST101" in codes
        assert "ABC999" not in codes

    def test_valid_items_around_a_bad_one_are_kept(self, plugin_factory: Any) -> None:
        bad = signal_plugin(plugin_factory, "bad", lambda: [xyz(), "oops", xyz()])
        result = evaluate_case(bad, profile={"name": "A"})
        assert result.classification is not None
        assert len(result.classification.signals) == 2
        assert len(result.errors) == 1

    @pytest.mark.parametrize(
        "hook",
        [
            "invitecore_profile_signals",
            "invitecore_invitation_checks",
            "invitecore_risk_factors",
            "invitecore_advice",
        ],
    )
    def test_raising_hook_is_isolated(
        self, plugin_factory: Any, sample_plugin: Any, hook: str
    ) -> None:
        def explode() -> None:
            raise ValueError("bad input\nsecond line of detail")

        bad = plugin_factory("bad", rules=("BAD101",), **{hook: explode})
        result = evaluate_case(bad, sample_plugin, profile={"name": "A"})
        assert [(e.plugin, e.hook, e.message) for e in result.errors] == [
            ("bad", hook, "ValueError: bad input")
        ]
        # The sample plugin's output for every phase is still there.
        assert [f.code for f in result.findings] == ["TST201"]
        assert result.risk is not None
        assert result.risk.score == 20.0
        assert [a.code for a in result.advice] == ["TST401"]

    def test_a_misspelled_field_in_a_plugin_is_named_with_the_field_meant(
        self, plugin_factory: Any
    ) -> None:
        def misspelt() -> list[Finding]:
            return [Finding(code="BAD101", mesage="oops")]  # type: ignore[call-arg]

        bad = plugin_factory("bad", rules=("BAD101",), invitecore_invitation_checks=misspelt)
        result = evaluate_case(bad, profile={"name": "A"})
        assert result.errors[0].message.startswith(
            "TypeError: Finding: unknown field 'mesage' (did you mean 'message'?)"
        )

    def test_exception_without_message(self, plugin_factory: Any) -> None:
        def explode() -> None:
            raise KeyError

        result = evaluate_case(
            plugin_factory("bad", invitecore_profile_signals=explode), profile={"name": "A"}
        )
        assert result.errors[0].message == "KeyError"


class TestConfig:
    def test_ignore_drops_output_and_changes_the_verdict(self, sample_plugin: Any) -> None:
        config = Config(ignore=("TST2",))
        result = evaluate_case(
            sample_plugin,
            profile=OPEN_PROFILE,
            invitation={"note": "BUY now"},
            config=config,
        )
        assert result.findings == ()
        # The risk hook saw the filtered findings, so no sales-pitch points.
        assert result.risk is not None
        assert result.risk.score == 0.0
        assert result.verdict is Verdict.SEND

    def test_select_applies_to_signals(self, sample_plugin: Any) -> None:
        result = evaluate_case(
            sample_plugin, profile=OPEN_PROFILE, config=Config(select=("TST2", "TST3"))
        )
        assert result.classification is not None
        assert result.classification.camp is NetworkingCamp.UNKNOWN
        assert [f.code for f in result.findings] == ["TST201"]

    def test_severity_override(self, sample_plugin: Any) -> None:
        config = Config(severity={"TST2": Severity.INFO, "TST201": Severity.ERROR})
        result = evaluate_case(
            sample_plugin, profile=OPEN_PROFILE, invitation={"note": "BUY"}, config=config
        )
        assert [(f.code, f.severity) for f in result.findings] == [("TST202", Severity.INFO)]
        result = evaluate_case(sample_plugin, profile=OPEN_PROFILE, config=config)
        assert [(f.code, f.severity) for f in result.findings] == [("TST201", Severity.ERROR)]

    def test_plugin_settings_from_config(self, sample_plugin: Any) -> None:
        result = evaluate_case(
            sample_plugin,
            profile={"name": "A", "headline": "OPENNET", "about": "ask me"},
            settings={
                "SamplePlugin": {
                    "open-weight": 0.3,
                    "extend-selective-phrases": ["ask me"],
                    "risk-points": {"no-note": 35},
                }
            },
        )
        assert result.classification is not None
        assert result.classification.open_strength == 0.3
        assert result.classification.selective_strength == 0.9
        assert result.risk is not None
        assert result.risk.level is RiskLevel.MEDIUM

    def test_each_plugin_gets_its_own_settings(self, plugin_factory: Any) -> None:
        seen: dict[str, Any] = {}

        def make(name: str, default: int) -> Any:
            def invitecore_settings() -> list[invitecore.Setting]:
                return [invitecore.Setting(name="limit", default=default, description="d")]

            def invitecore_profile_signals(settings: invitecore.Settings) -> None:
                seen[name] = settings["limit"]

            return plugin_factory(
                name,
                invitecore_settings=invitecore_settings,
                invitecore_profile_signals=invitecore_profile_signals,
            )

        evaluate_case(
            make("a", 1), make("b", 2), profile={"name": "A"}, settings={"b": {"limit": 7}}
        )
        assert seen == {"a": 1, "b": 7}

    def test_bad_plugin_setting_is_a_config_error(self, sample_plugin: Any) -> None:
        with pytest.raises(ConfigError) as caught:
            engine_with(sample_plugin, settings={"SamplePlugin": {"open-wieght": 1}})
        assert caught.value.field == "plugins.SamplePlugin.open-wieght"
        assert "did you mean 'open-weight'?" in str(caught.value)

    def test_thresholds_from_config(self, sample_plugin: Any) -> None:
        from invitecore.aggregate import Thresholds

        config = Config(thresholds=Thresholds(open_threshold=0.95))
        result = evaluate_case(sample_plugin, profile=OPEN_PROFILE, config=config)
        assert result.classification is not None
        assert result.classification.camp is NetworkingCamp.IN_BETWEEN


class TestEntryPoints:
    def test_evaluate_many_keeps_order_and_turns_input_errors_into_rows(
        self, sample_plugin: Any
    ) -> None:
        engine = engine_with(sample_plugin)
        error = InputError("expected a table", file="cases.jsonl", line=2, field="profile")
        results = list(
            engine.evaluate_many([case(OPEN_PROFILE, note="Hi"), error, case({"name": "Z"})])
        )
        assert [r.ok for r in results] == [True, False, True]
        bad = results[1]
        assert bad.input_error == "cases.jsonl:2: profile: expected a table"
        assert bad.source is not None
        assert (bad.source.file, bad.source.line) == ("cases.jsonl", 2)
        assert (bad.classification, bad.verdict, bad.profile) == (None, None, None)

    def test_top_level_evaluate_with_mappings(self, install: Any, sample_plugin: Any) -> None:
        install(sample=sample_plugin)
        result = invitecore.evaluate(OPEN_PROFILE, {"note": "Hi", "relationship": "other"})
        assert result.verdict is Verdict.SEND
        assert result.classification is not None
        assert result.classification.signals[0].plugin == "sample"

    def test_top_level_evaluate_many(self, sample_plugin: Any) -> None:
        engine = engine_with(sample_plugin)
        results = list(invitecore.evaluate_many([case(OPEN_PROFILE)], engine=engine))
        assert len(results) == 1

    def test_evaluate_case_raises_when_a_plugin_fails_to_load(self, plugin_factory: Any) -> None:
        typo = plugin_factory("typo", invitecore_rule=lambda: [])
        with pytest.raises(AssertionError, match="plugin failed to load: typo: unknown hook"):
            evaluate_case(typo, profile={"name": "A"})

    def test_named_plugins(self, sample_plugin: Any) -> None:
        engine = Engine.from_plugins([("named", sample_plugin)])
        result = engine.evaluate(case(OPEN_PROFILE))
        assert result.classification is not None
        assert result.classification.signals[0].plugin == "named"

    def test_results_pickle(self, sample_plugin: Any) -> None:
        result = engine_with(sample_plugin).evaluate(case(OPEN_PROFILE))
        assert pickle.loads(pickle.dumps(result)) == result

    def test_engine_with_no_plugins(self) -> None:
        result = Engine.from_plugins([]).evaluate(case({"name": "A"}, relationship="friend"))
        assert result.classification is not None
        assert result.classification.camp is NetworkingCamp.UNKNOWN
        assert result.verdict is Verdict.SEND


@pytest.fixture(scope="module")
def sample_engine(sample_plugin: Any) -> Engine:
    return Engine.from_plugins([("sample", sample_plugin)])


text = st.text(alphabet=st.characters(codec="utf-8"), max_size=200)


# The autouse fixtures only isolate the environment; nothing in them changes per example.
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    name=text,
    headline=st.none() | text,
    about=st.none() | text,
    groups=st.lists(text, max_size=3),
    note=text,
    relationship=st.sampled_from(["colleague", "other", "none", "friend"]),
)
def test_arbitrary_text_never_crashes(
    sample_engine: Engine,
    name: str,
    headline: str | None,
    about: str | None,
    groups: list[str],
    note: str,
    relationship: str,
) -> None:
    profile = Profile(name=name, headline=headline, about=about, groups=groups)
    result = sample_engine.evaluate(
        Case(profile=profile, invitation=Invitation(note=note, relationship=relationship))
    )
    assert result.errors == ()
    assert result.verdict is not None
    assert result.classification is not None
    for found in result.classification.signals:
        assert found.field is not None
        assert found.span is not None
        text_of_field = profile.field_text(found.field) or ""
        evidence = text_of_field[found.span[0] : found.span[1]]
        assert evidence.lower() in ("opennet", "only connect with people i know")
