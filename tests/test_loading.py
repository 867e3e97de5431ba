"""Plugin loading: each plugin isolated, misspelled hooks, duplicate codes, the allow-list.

Entry-point tests write fake installed distributions (``*.dist-info`` + module) onto
``sys.path`` so loading runs through the real ``importlib.metadata`` machinery.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import invitecore.engine
import invitecore.plugins
from invitecore import Engine, OutputFormat, Rule, Setting
from invitecore.config import Config
from invitecore.plugins import LOAD_ENV, allow_list, load_plugins, plugin_name_for

GOOD_SOURCE = """
from invitecore import Rule, hookimpl

@hookimpl
def invitecore_rules():
    return [Rule(code="{code}", summary="s")]
"""


def records(loaded: Any) -> dict[str, Any]:
    return {record.name: record for record in loaded.records}


def load(*plugins: tuple[str, object], disable: tuple[str, ...] = ()) -> Any:
    return load_plugins(plugins=list(plugins), disable=disable)


class TestInlineLoading:
    def test_core_plugin_loads_first_and_is_internal(self, plugin_factory: Any) -> None:
        loaded = load(("a", plugin_factory("a", rules=("AAA101",))))
        first = loaded.records[0]
        assert first.name == "invitecore.core"
        assert first.internal
        assert first.status == "active"
        assert first.rules == ("INV101",)
        assert "invitecore_output_formats" in first.hooks
        assert set(loaded.formats) == {
            *("text", "json", "jsonl", "csv"),
            *("html", "markdown", "concise", "github"),
        }
        assert loaded.rules["AAA101"][1] == "a"
        assert [r.name for r in loaded.active_external] == ["a"]

    def test_record_lists_hooks_and_rules(self, sample_plugin: Any) -> None:
        record = records(load(("sample", sample_plugin)))["sample"]
        assert record.status == "active"
        assert record.rules[0] == "TST101"
        assert "invitecore_profile_signals" in record.hooks
        assert record.label == "sample"

    def test_misspelled_hook_fails_that_plugin_only(self, plugin_factory: Any) -> None:
        typo = plugin_factory("typo", rules=("TYP101",), invitecore_profile_signal=lambda: [])
        good = plugin_factory("good", rules=("GOO101",))
        loaded = load(("typo", typo), ("good", good))
        found = records(loaded)
        assert found["typo"].status == "failed"
        assert found["typo"].reason == (
            "unknown hook 'invitecore_profile_signal'"
            " (did you mean 'invitecore_profile_signals'?)"
        )
        assert found["good"].status == "active"
        assert "TYP101" not in loaded.rules
        assert not loaded.manager.has_plugin("typo")

    def test_misspelled_prefix_fails_too(self, plugin_factory: Any) -> None:
        typo = plugin_factory("typo", invitcore_rules=lambda: [])
        assert records(load(("typo", typo)))["typo"].status == "failed"

    def test_unknown_hook_argument_fails(self, plugin_factory: Any) -> None:
        bad = plugin_factory(
            "bad", rules=("BAD101",), invitecore_profile_signals=lambda profile, note: []
        )
        record = records(load(("bad", bad)))["bad"]
        assert record.status == "failed"
        assert "note" in (record.reason or "")
        assert "\n" not in (record.reason or "")

    def test_declaration_hook_that_raises(self, plugin_factory: Any) -> None:
        def invitecore_rules() -> list[Rule]:
            raise RuntimeError("boom")

        broken = plugin_factory("broken", invitecore_rules=invitecore_rules)
        loaded = load(("broken", broken), ("ok", plugin_factory("ok", rules=("OKK101",))))
        found = records(loaded)
        assert (found["broken"].status, found["broken"].reason) == ("failed", "RuntimeError: boom")
        assert found["ok"].status == "active"
        # A failed plugin is unregistered, so none of its hooks run later.
        assert not loaded.manager.has_plugin("broken")

    def test_duplicate_code_across_plugins_fails_the_later(self, plugin_factory: Any) -> None:
        loaded = load(
            ("first", plugin_factory("first", rules=("DUP101",))),
            ("second", plugin_factory("second", rules=("DUP101", "DUP102"))),
        )
        found = records(loaded)
        assert found["first"].status == "active"
        assert found["second"].status == "failed"
        assert found["second"].reason == "rule code DUP101 is declared by both 'first' and 'second'"
        assert loaded.rules["DUP101"][1] == "first"
        assert "DUP102" not in loaded.rules

    def test_duplicate_of_a_core_code_fails(self, plugin_factory: Any) -> None:
        record = records(load(("x", plugin_factory("x", rules=("INV101",)))))["x"]
        assert record.reason == "rule code INV101 is declared by both 'invitecore.core' and 'x'"

    def test_duplicate_code_within_one_plugin(self, plugin_factory: Any) -> None:
        record = records(load(("x", plugin_factory("x", rules=("DUP101", "DUP101")))))["x"]
        assert record.reason == "rule code DUP101 is declared twice"

    @pytest.mark.parametrize(
        ("hook", "returned", "reason"),
        [
            ("invitecore_rules", ["LIO101"], "invitecore_rules returned str, expected Rule"),
            ("invitecore_settings", [{"name": "x"}], "returned dict, expected Setting"),
            ("invitecore_output_formats", [1], "returned int, expected OutputFormat"),
        ],
    )
    def test_wrong_declaration_types(
        self, plugin_factory: Any, hook: str, returned: Any, reason: str
    ) -> None:
        plugin = plugin_factory("x", **{hook: lambda: returned})
        record = records(load(("x", plugin)))["x"]
        assert record.status == "failed"
        assert reason in (record.reason or "")

    @pytest.mark.parametrize(
        "shape",
        [
            lambda rule: rule,
            lambda rule: [rule],
            lambda rule: (rule,),
            lambda rule: (r for r in [rule]),
        ],
    )
    def test_declarations_accept_any_iterable_or_one_object(
        self, plugin_factory: Any, shape: Callable[[Rule], Any]
    ) -> None:
        rule = Rule(code="ONE101", summary="s")
        plugin = plugin_factory("x", invitecore_rules=lambda: shape(rule))
        assert load(("x", plugin)).rules["ONE101"] == (rule, "x")

    def test_declaration_returning_none(self, plugin_factory: Any) -> None:
        plugin = plugin_factory("x", invitecore_rules=lambda: None)
        assert records(load(("x", plugin)))["x"].status == "active"

    def test_settings_are_collected_by_name(self, sample_plugin: Any) -> None:
        settings = load(("sample", sample_plugin)).settings["sample"]
        assert isinstance(settings["open-weight"], Setting)
        assert settings["open-weight"].default == 0.9

    def test_output_format_name_clash(self, plugin_factory: Any) -> None:
        clash = OutputFormat(name="json", description="d", factory=lambda s, o: None)  # type: ignore[arg-type,return-value]
        extra = OutputFormat(name="yaml", description="d", factory=lambda s, o: None)  # type: ignore[arg-type,return-value]
        loaded = load(
            ("clash", plugin_factory("clash", invitecore_output_formats=lambda: [clash])),
            ("extra", plugin_factory("extra", invitecore_output_formats=lambda: [extra])),
        )
        found = records(loaded)
        assert found["clash"].reason == (
            "output format 'json' is offered by both 'invitecore.core' and 'clash'"
        )
        assert loaded.formats["json"].plugin == "invitecore.core"
        assert loaded.formats["yaml"].plugin == "extra"

    def test_same_name_twice(self, plugin_factory: Any) -> None:
        loaded = load(
            ("x", plugin_factory("x", rules=("XXX101",))),
            ("x", plugin_factory("x2", rules=("XXX102",))),
        )
        assert [r.status for r in loaded.records if r.name == "x"] == ["active", "failed"]
        assert "already registered" in (loaded.records[-1].reason or "")

    def test_disable_applies_to_given_plugins(self, plugin_factory: Any) -> None:
        loaded = load(("x", plugin_factory("x", rules=("XXX101",))), disable=("x",))
        record = records(loaded)["x"]
        assert (record.status, record.reason) == ("disabled", "disabled in config")
        assert "XXX101" not in loaded.rules


class TestEntryPoints:
    def test_loads_installed_distribution(self, make_distribution: Any) -> None:
        dist = make_distribution("alpha", GOOD_SOURCE.format(code="ALP101"), version="2.0.1")
        loaded = load_plugins(environ={})
        record = records(loaded)["alpha"]
        assert record.status == "active"
        assert (record.distribution, record.version) == ("fake-alpha", "2.0.1")
        assert record.entry_point == dist.module
        assert record.label == "fake-alpha[alpha]"
        assert loaded.rules["ALP101"][1] == "alpha"

    @pytest.mark.parametrize(
        ("source", "reason"),
        [
            ("import not_a_module_anywhere_xyz\n", "import failed: ModuleNotFoundError: No module"),
            ("raise RuntimeError('broken at import')\n", "import failed: RuntimeError: broken"),
            ("def oops(:\n", "import failed: SyntaxError"),
        ],
    )
    def test_broken_import_fails_only_that_plugin(
        self, make_distribution: Any, source: str, reason: str
    ) -> None:
        make_distribution("broken", source)
        make_distribution("good", GOOD_SOURCE.format(code="GOO101"))
        found = records(load_plugins(environ={}))
        assert found["broken"].status == "failed"
        assert (found["broken"].reason or "").startswith(reason)
        assert found["broken"].label == "fake-broken[broken]"
        assert found["good"].status == "active"

    def test_misspelled_hook_in_installed_plugin(self, make_distribution: Any) -> None:
        make_distribution(
            "typo",
            "from invitecore import hookimpl\n\n@hookimpl\ndef invitecore_rule():\n    return []\n",
        )
        record = records(load_plugins(environ={}))["typo"]
        assert record.status == "failed"
        assert "did you mean 'invitecore_rules'?" in (record.reason or "")

    @pytest.mark.parametrize(
        ("environ", "active"),
        [
            ({}, {"alpha", "beta"}),
            ({LOAD_ENV: ""}, set()),
            ({LOAD_ENV: "beta"}, {"beta"}),
            ({LOAD_ENV: " alpha , ,beta "}, {"alpha", "beta"}),
            ({LOAD_ENV: "gamma"}, set()),
        ],
    )
    def test_load_plugins_env(
        self, make_distribution: Any, environ: dict[str, str], active: set[str]
    ) -> None:
        make_distribution("alpha", GOOD_SOURCE.format(code="ALP101"))
        make_distribution("beta", GOOD_SOURCE.format(code="BET101"))
        found = records(load_plugins(environ=environ))
        assert {n for n, r in found.items() if r.status == "active" and not r.internal} == active
        for name in {"alpha", "beta"} - active:
            assert (found[name].status, found[name].reason) == (
                "disabled",
                f"not in {LOAD_ENV}",
            )

    def test_config_disable(self, make_distribution: Any) -> None:
        make_distribution("alpha", GOOD_SOURCE.format(code="ALP101"))
        make_distribution("beta", GOOD_SOURCE.format(code="BET101"))
        found = records(load_plugins(disable=["alpha"], environ={}))
        assert (found["alpha"].status, found["alpha"].reason) == ("disabled", "disabled in config")
        assert found["beta"].status == "active"

    def test_entry_points_sorted_and_unique(self, make_distribution: Any) -> None:
        make_distribution("zeta", GOOD_SOURCE.format(code="ZET101"))
        make_distribution("alpha", GOOD_SOURCE.format(code="ALP101"))
        names = [ep.name for ep in invitecore.plugins.entry_points()]
        assert names == ["alpha", "zeta"]

    def test_plugin_name_for_uses_entry_point_name(self, make_distribution: Any) -> None:
        import importlib

        dist = make_distribution("alpha", GOOD_SOURCE.format(code="ALP101"))
        module = importlib.import_module(dist.module)
        assert plugin_name_for(module) == "alpha"
        assert Engine.from_plugins([module]).loaded.rules["ALP101"][1] == "alpha"


def test_allow_list() -> None:
    assert allow_list({}) is None
    assert allow_list({LOAD_ENV: ""}) == frozenset()
    assert allow_list({LOAD_ENV: "a, b,,"}) == {"a", "b"}


def test_allow_list_reads_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LOAD_ENV, "x")
    assert allow_list() == {"x"}


class TestOncePerProcess:
    def test_discovery_is_cached(self, install: Any, sample_plugin: Any) -> None:
        points = install(sample=sample_plugin)
        first = Engine.from_config()
        second = Engine.from_config(Config(select=("TST1",)))
        assert first.loaded is second.loaded
        assert points["sample"].loads == 1

    def test_env_change_is_a_new_plugin_set(
        self, install: Any, sample_plugin: Any, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        points = install(sample=sample_plugin)
        Engine.from_config()
        monkeypatch.setenv(LOAD_ENV, "")
        engine = Engine.from_config()
        assert not engine.loaded.active_external
        assert points["sample"].loads == 1

    def test_disable_list_is_part_of_the_key(self, install: Any, sample_plugin: Any) -> None:
        install(sample=sample_plugin)
        engine = Engine.from_config(Config(disable=("sample",)))
        assert records(engine.loaded)["sample"].status == "disabled"
        assert records(Engine.from_config().loaded)["sample"].status == "active"

    def test_cache_can_be_cleared(self, install: Any, sample_plugin: Any) -> None:
        points = install(sample=sample_plugin)
        Engine.from_config()
        invitecore.plugins.installed_plugins.cache_clear()
        Engine.from_config()
        assert points["sample"].loads == 2
