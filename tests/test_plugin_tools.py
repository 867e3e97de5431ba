"""What plugin authors and users get for looking into plugins and loading them: the plugin API
range a plugin states, local plugins (``-p``), ``require-plugins``, tracing hook calls, and
``invitecore plugins --verbose``."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from invitecore import Case, Engine, Profile, Rule, hookimpl
from invitecore.cli import app
from invitecore.config import Config, load_config
from invitecore.plugins import PLUGIN_API, RequiredPluginError, api_problem, load_plugins
from invitecore.tracing import TRACE_ENV

CASE = 'id = "ada"\n[profile]\nname = "Ada"\nheadline = "OPENNET"\n[invitation]\nnote = "BUY"\n'

LOCAL_PLUGIN = """
from invitecore import Finding, Rule, hookimpl

@hookimpl
def invitecore_rules():
    return [Rule(code="LOC101", summary="the note says hello")]

@hookimpl
def invitecore_invitation_checks(invitation):
    if "hello" in invitation.note.lower():
        yield Finding(code="LOC101", message="hello")
"""


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def write(path: Path, text: str) -> str:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


@pytest.fixture(autouse=True)
def _sample(install: Any, sample_plugin: Any) -> None:
    install(sample=sample_plugin)


def stated(api: str) -> object:
    class Plugin:
        INVITECORE_API = api

        @staticmethod
        @hookimpl
        def invitecore_rules() -> list[Rule]:
            return [Rule(code="API101", summary="x")]

    return Plugin


# -- the plugin API range ------------------------------------------------------------------------


class TestApiRange:
    @pytest.mark.parametrize("api", [">=1.0,<2", "==1", ">=1", "1.0", "<2, >0.9", "!=0.5"])
    def test_a_range_that_includes_this_api_loads(self, api: str) -> None:
        loaded = load_plugins(plugins=[("stated", stated(api))])
        record = loaded.record("stated")
        assert record is not None
        assert (record.status, record.api) == ("active", api)

    @pytest.mark.parametrize("api", [">=2", "<1", "==1.1", ">=1.1,<2"])
    def test_a_range_that_leaves_it_out_is_incompatible_and_not_loaded(self, api: str) -> None:
        loaded = load_plugins(plugins=[("stated", stated(api))])
        record = loaded.record("stated")
        assert record is not None
        assert record.status == "incompatible"
        shown = ".".join(map(str, PLUGIN_API))
        assert record.reason == f"supports the plugin API {api}; this invitecore provides {shown}"
        assert "API101" not in loaded.rules
        assert record in loaded.failed

    @pytest.mark.parametrize("api", ["", "latest", ">=one", 2])
    def test_a_range_that_is_not_one_fails_the_plugin(self, api: Any) -> None:
        record = load_plugins(plugins=[("stated", stated(api))]).record("stated")
        assert record is not None
        assert record.status == "failed"
        assert "INVITECORE_API" in (record.reason or "")

    def test_the_comparison_is_numeric(self) -> None:
        assert api_problem(">=1.9", (1, 10)) is None
        assert api_problem("<1.10", (1, 9)) is None

    def test_plugins_and_run_show_it(self, install: Any, tmp_path: Path) -> None:
        install(future=stated(">=2"))
        listed = invoke("plugins")
        assert listed.exit_code == 3
        assert "future (not installed) [incompatible: supports the plugin API >=2;" in listed.stdout
        assert "    plugin API: >=2" in listed.stdout
        ran = invoke("run", write(tmp_path / "case.toml", CASE), "--fail-on", "never")
        assert ran.exit_code == 3
        assert "invitecore: plugin future is incompatible: supports the plugin API >=2" in (
            ran.stderr
        )


# -- local plugins -------------------------------------------------------------------------------

HELLO = 'id = "ada"\n[profile]\nname = "Ada"\n[invitation]\nnote = "Hello Ada"\n'


class TestLocalPlugins:
    def test_a_module_of_the_project_by_name(self, tmp_path: Path) -> None:
        # The working directory is the project (the hermetic fixture made it an empty folder).
        write(Path.cwd() / "hello_rules.py", LOCAL_PLUGIN)
        result = invoke("run", "-p", "hello_rules", write(tmp_path / "c.toml", HELLO), "-f", "json")
        assert result.exit_code == 0, result.stderr
        findings = json.loads(result.stdout)["results"][0]["findings"]
        assert [(f["code"], f["plugin"]) for f in findings] == [("LOC101", "hello_rules")]

    def test_a_file_by_path_with_its_settings_table(self, tmp_path: Path) -> None:
        plugin = write(tmp_path / "rules_here.py", LOCAL_PLUGIN)
        loaded = load_plugins(plugins=[], local=[plugin])
        record = loaded.record("rules_here")
        assert record is not None
        assert (record.status, record.local, record.entry_point) == ("active", True, plugin)
        assert "LOC101" in loaded.rules

    def test_a_missing_module_fails_like_a_broken_plugin(self, tmp_path: Path) -> None:
        result = invoke("run", "-p", "no_such_rules", write(tmp_path / "c.toml", HELLO))
        assert result.exit_code == 3
        assert "plugin no_such_rules failed to load: import failed: ModuleNotFoundError" in (
            result.stderr
        )
        assert "no such file" in load_plugins(plugins=[], local=["x/none.py"]).failed[0].reason

    def test_plugins_lists_it_as_local(self, tmp_path: Path) -> None:
        plugin = write(tmp_path / "rules_there.py", LOCAL_PLUGIN)
        result = invoke("plugins", "-p", plugin)
        assert result.exit_code == 0, result.stderr
        assert "rules_there (local) [active]" in result.stdout

    def test_a_config_never_names_code_to_run(self, tmp_path: Path) -> None:
        config = write(tmp_path / "invitecore.toml", 'local-plugins = ["hello_rules"]\n')
        result = invoke("plugins", "-c", config)
        assert result.exit_code == 2
        assert "local-plugins: unknown key" in result.stderr
        assert Config().local_plugins == ()

    def test_parallel_workers_load_it_too(self, tmp_path: Path) -> None:
        plugin = write(tmp_path / "rules_par.py", LOCAL_PLUGIN)
        rows = "".join(
            json.dumps({"profile": {"name": f"P{i}"}, "invitation": {"note": "hello"}}) + "\n"
            for i in range(6)
        )
        cases = write(tmp_path / "rows.jsonl", rows)
        result = invoke("run", "-p", plugin, cases, "-f", "jsonl", "-j", "2", "-q")
        assert result.exit_code == 0, result.stderr
        lines = result.stdout.splitlines()
        codes = [[f["code"] for f in json.loads(line)["findings"]] for line in lines]
        assert codes == [["LOC101"]] * 6


# -- require-plugins -----------------------------------------------------------------------------


class TestRequirePlugins:
    def test_a_missing_required_plugin_stops_the_run_with_exit_3(self, tmp_path: Path) -> None:
        config = write(
            tmp_path / "invitecore.toml", 'fail-on = "never"\nrequire-plugins = ["lino"]\n'
        )
        result = invoke("run", "-c", config, write(tmp_path / "c.toml", CASE))
        assert result.exit_code == 3
        assert result.stdout == ""
        assert result.stderr == (
            f"invitecore: {config}:2: require-plugins: plugin 'lino' is not installed\n"
        )

    def test_a_disabled_or_failed_one_counts_as_missing(
        self, tmp_path: Path, install: Any, sample_plugin: Any
    ) -> None:
        install(sample=sample_plugin, broken=ImportError("no module named x"))
        config = write(
            tmp_path / "pyproject.toml",
            """
            [tool.invitecore]
            disable = ["sample"]
            require-plugins = ["sample", "broken"]
            """,
        )
        with pytest.raises(RequiredPluginError) as raised:
            Engine.from_config(load_config(Path(config)))
        message = str(raised.value)
        assert message.startswith(f"{config}:4: require-plugins: plugin ")
        assert "sample is disabled: disabled in config" in message
        assert "broken is failed: import failed: ImportError: no module named x" in message

    def test_active_required_plugins_run_as_usual(self, tmp_path: Path) -> None:
        config = write(tmp_path / "invitecore.toml", 'require-plugins = ["sample"]\n')
        result = invoke("run", "-c", config, write(tmp_path / "c.toml", CASE), "--fail-on", "never")
        assert result.exit_code == 0, result.stderr

    def test_plugins_lists_first_then_reports(self, tmp_path: Path) -> None:
        config = write(tmp_path / "invitecore.toml", 'require-plugins = ["sample", "lion"]\n')
        result = invoke("plugins", "-c", config)
        assert result.exit_code == 3
        assert "sample (not installed) [active]" in result.stdout
        assert "require-plugins: plugin 'lion' is not installed" in result.stderr

    def test_it_is_a_list_of_names(self, tmp_path: Path) -> None:
        config = write(tmp_path / "invitecore.toml", 'require-plugins = "lion"\n')
        result = invoke("run", "-c", config, write(tmp_path / "c.toml", CASE))
        assert result.exit_code == 2
        assert "require-plugins: expected a list of plugin names" in result.stderr


# -- tracing -------------------------------------------------------------------------------------


class TestTracing:
    def test_every_hook_call_with_plugin_duration_and_count(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv(TRACE_ENV, "")  # restored after the test: --trace sets it
        result = invoke("run", "--trace", write(tmp_path / "c.toml", CASE), "--fail-on", "never")
        assert result.exit_code == 0, result.stderr
        lines = [line for line in result.stderr.splitlines() if "trace:" in line]
        calls = [line.split()[2] for line in lines]
        for hook in (
            "sample.invitecore_profile_signals",
            "sample.invitecore_invitation_checks",
            "sample.invitecore_risk_factors",
            "sample.invitecore_advice",
            "invitecore.core.invitecore_batch_checks",
        ):
            assert hook in calls, (hook, calls)
        signals = lines[calls.index("sample.invitecore_profile_signals")]
        assert signals.startswith("invitecore: trace: sample.invitecore_profile_signals ")
        assert signals.endswith(" ms -> 1")  # one TST101 signal for OPENNET

    def test_the_environment_switches_it_and_declarations_are_traced(
        self,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        sample_plugin: Any,
    ) -> None:
        monkeypatch.setenv(TRACE_ENV, "1")
        Engine.from_plugins([("sample", sample_plugin)])
        assert "invitecore: trace: sample.invitecore_rules " in capsys.readouterr().err

    def test_a_raising_hook_is_traced_as_raised(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        class Broken:
            @staticmethod
            @hookimpl
            def invitecore_rules() -> list[Rule]:
                return [Rule(code="BRK101", summary="x")]

            @staticmethod
            @hookimpl
            def invitecore_profile_signals() -> list[object]:
                raise ValueError("boom")

        monkeypatch.setenv(TRACE_ENV, "1")
        engine = Engine.from_plugins([("broken", Broken)])
        result = engine.evaluate(Case(profile=Profile(name="Ada")))
        assert [e.hook for e in result.errors] == ["invitecore_profile_signals"]
        assert "trace: broken.invitecore_profile_signals " in capsys.readouterr().err

    @pytest.mark.parametrize("value", [None, "", "0", "false", "no"])
    def test_off_plans_plain_implementations(
        self, monkeypatch: pytest.MonkeyPatch, value: str | None, sample_plugin: Any
    ) -> None:
        if value is None:
            monkeypatch.delenv(TRACE_ENV, raising=False)
        else:
            monkeypatch.setenv(TRACE_ENV, value)
        engine = Engine.from_plugins([("sample", sample_plugin)])
        # Off, the engine calls the very class it called before tracing existed.
        from invitecore.hookcalls import Implementation

        plan = engine.plan("invitecore_invitation_checks")
        assert plan
        assert {type(impl) for impl in plan} == {Implementation}


# -- plugins --verbose ---------------------------------------------------------------------------


class TestPluginsVerbose:
    CONFIG = """
    [tool.invitecore]
    fail-on = "never"

    [tool.invitecore.plugins.sample]
    open-weight = 0.5
    extend-selective-phrases = ["no strangers please"]

    [tool.invitecore.batch]
    examples = 3
    """

    def test_settings_with_values_and_origins(self, tmp_path: Path) -> None:
        config = write(tmp_path / "pyproject.toml", self.CONFIG)
        result = invoke("plugins", "-c", config, "--verbose")
        assert result.exit_code == 0, result.stderr
        out = result.stdout
        assert f"        open-weight = 0.5  (from {config}:6)" in out
        assert (
            '        selective-phrases = ["only connect with people i know", "no strangers please"]'
            f"  (default, extended at {config}:7)"
        ) in out
        assert f"        examples = 3  (from {config}:10)" in out
        assert "        weekly-invitation-limit = 100  (default)" in out
        assert "        TST202  error    Sales pitch" in out

    def test_json_holds_full_values_and_origins(self, tmp_path: Path) -> None:
        config = write(tmp_path / "pyproject.toml", self.CONFIG)
        result = invoke("plugins", "-c", config, "--verbose", "--json")
        assert result.exit_code == 0, result.stderr
        sample = next(p for p in json.loads(result.stdout) if p["name"] == "sample")
        by_name = {s["name"]: s for s in sample["settings"]}
        assert by_name["open-weight"]["value"] == 0.5
        assert by_name["open-weight"]["origin"] == f"{config}:6"
        assert by_name["open-weight"]["description"] == "Weight."
        assert sample["rules"][0] == {"code": "TST101", "severity": "info", "summary": "Open word"}

    def test_without_verbose_the_listing_is_unchanged(self) -> None:
        result = invoke("plugins")
        assert "settings:" not in result.stdout
        assert "    rules: TST101, TST102" in result.stdout

    def test_long_values_are_cut_with_their_length(self, tmp_path: Path) -> None:
        phrases = ", ".join(f'"phrase number {i}"' for i in range(20))
        config = write(
            tmp_path / "invitecore.toml", f"[plugins.sample]\nselective-phrases = [{phrases}]\n"
        )
        line = next(
            line
            for line in invoke("plugins", "-c", config, "-v").stdout.splitlines()
            if "selective-phrases =" in line
        )
        assert " ... (20 items)  (from " in line
        assert len(line.split("  (from ")[0]) <= 8 + len("selective-phrases = ") + 72 + 12
