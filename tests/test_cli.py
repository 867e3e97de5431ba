"""Every CLI command and exit code, through typer's CliRunner with the inline plugin installed."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from invitecore import __version__
from invitecore.builtin.machine import CSV_COLUMNS
from invitecore.cli import NO_PLUGINS_HINT, app
from invitecore.plugins import LOAD_ENV

CLEAN = 'id = "ada"\n[profile]\nname = "Ada"\nheadline = "OPENNET"\n[invitation]\nnote = "Hi Ada"\n'
WARNING = 'id = "ada"\n[profile]\nname = "Ada"\nheadline = "OPENNET"\n'  # no note: TST201 warning
ERROR = 'id = "ada"\n[profile]\nname = "Ada"\nheadline = "OPENNET"\n[invitation]\nnote = "BUY"\n'
INFO = 'id = "ada"\n[profile]\nname = "Ada"\nheadline = "OPENNET"\n[invitation]\nnote = "FYI"\n'


def invoke(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, list(args), input=stdin)


def case_file(tmp_path: Path, text: str, name: str = "case.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def one_error_line(result: Result) -> str:
    """The single stderr line of a run that stopped on a user error (exit 2, empty stdout)."""
    assert result.exit_code == 2, (result.stdout, result.stderr, result.exception)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("invitecore: ")
    return lines[0]


@pytest.fixture(autouse=True)
def _sample(install: Any, sample_plugin: Any) -> None:
    # Autouse fixtures run first, so a test can still install a different plugin set.
    install(sample=sample_plugin)


class TestRunExitCodes:
    @pytest.mark.parametrize(
        ("text", "args", "code"),
        [
            (CLEAN, (), 0),
            (WARNING, (), 0),
            (ERROR, (), 1),
            (WARNING, ("--fail-on", "warning"), 1),
            (INFO, ("--fail-on", "warning"), 0),
            (INFO, ("--fail-on", "INFO"), 1),
            (ERROR, ("--fail-on", "never"), 0),
            (ERROR, ("--ignore", "TST202"), 0),
            (ERROR, ("--select", "TST1,TST3"), 0),
        ],
    )
    def test_findings_and_fail_on(
        self, tmp_path: Path, text: str, args: tuple[str, ...], code: int
    ) -> None:
        result = invoke("run", case_file(tmp_path, text), *args)
        assert result.exit_code == code, result.stderr
        assert result.stderr == ""

    def test_fail_on_from_config(self, tmp_path: Path) -> None:
        Path("invitecore.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
        assert invoke("run", case_file(tmp_path, WARNING)).exit_code == 1

    def test_severity_from_config(self, tmp_path: Path) -> None:
        Path("invitecore.toml").write_text('[severity]\nTST201 = "error"\n', encoding="utf-8")
        assert invoke("run", case_file(tmp_path, WARNING)).exit_code == 1

    def test_bad_fail_on(self, tmp_path: Path) -> None:
        line = one_error_line(invoke("run", case_file(tmp_path, CLEAN), "--fail-on", "fatal"))
        assert "--fail-on: 'fatal' is not one of info, warning, error, never" in line

    def test_unknown_format(self, tmp_path: Path) -> None:
        line = one_error_line(invoke("run", case_file(tmp_path, CLEAN), "--format", "xml"))
        formats = "concise, csv, github, html, json, jsonl, markdown, text"
        assert f"unknown format 'xml' (available: {formats})" in line

    def test_unknown_selector_is_an_error(self, tmp_path: Path) -> None:
        # A typo must not switch every rule off with "no problems found" (issue 13).
        line = one_error_line(invoke("run", case_file(tmp_path, CLEAN), "--select", "TST,TTS1"))
        assert line == (
            "invitecore: --select: 'TTS1' matches no rule of the installed plugins "
            "(did you mean 'TST1'?)"
        )

    def test_plugin_error_outranks_findings(
        self, tmp_path: Path, install: Any, sample_plugin: Any, plugin_factory: Any
    ) -> None:
        def explode() -> None:
            raise RuntimeError("boom")

        install(sample=sample_plugin, bad=plugin_factory("bad", invitecore_risk_factors=explode))
        result = invoke("run", case_file(tmp_path, ERROR))
        assert result.exit_code == 3
        assert "bad failed in invitecore_risk_factors: RuntimeError: boom" in result.stdout
        assert "TST202" in result.stdout

    def test_input_error_row_outranks_findings(self, tmp_path: Path) -> None:
        rows = '{"profile": {"name": "A"}, "invitation": {"note": "BUY"}}\n[]\n'
        assert invoke("run", case_file(tmp_path, rows, "rows.jsonl")).exit_code == 2

    def test_plugin_error_outranks_input_error(
        self, tmp_path: Path, install: Any, sample_plugin: Any, plugin_factory: Any
    ) -> None:
        def explode() -> None:
            raise RuntimeError("boom")

        install(sample=sample_plugin, bad=plugin_factory("bad", invitecore_advice=explode))
        rows = '{"profile": {"name": "A"}}\n[]\n'
        assert invoke("run", case_file(tmp_path, rows, "rows.jsonl")).exit_code == 3


class TestRunLoadFailures:
    @pytest.fixture
    def broken(self, install: Any, sample_plugin: Any) -> None:
        install(sample=sample_plugin, broken=ImportError("no module named 'missing_dep'"))

    @pytest.mark.usefixtures("broken")
    def test_failed_plugin_is_named_and_the_run_goes_on(self, tmp_path: Path) -> None:
        result = invoke("run", case_file(tmp_path, CLEAN))
        assert result.exit_code == 3
        assert result.stderr == (
            "invitecore: plugin broken failed to load: "
            "import failed: ImportError: no module named 'missing_dep'\n"
        )
        assert "SEND" in result.stdout

    @pytest.mark.usefixtures("broken")
    def test_strict_stops_before_any_output(self, tmp_path: Path) -> None:
        result = invoke("run", "--strict", case_file(tmp_path, CLEAN))
        assert result.exit_code == 3
        assert result.stdout == ""
        assert result.stderr.splitlines() == [
            "invitecore: plugin broken failed to load: "
            "import failed: ImportError: no module named 'missing_dep'",
            "invitecore: 1 plugin(s) failed to load (--strict)",
        ]

    def test_strict_without_failures_is_a_normal_run(self, tmp_path: Path) -> None:
        assert invoke("run", "--strict", case_file(tmp_path, CLEAN)).exit_code == 0


TRAILING_COMMA = '{"profile": {"name": "A",}}'


def _json_column(text: str) -> int:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return exc.colno
    raise AssertionError(f"{text!r} is valid JSON")


WHOLE_FILE_ERRORS = [
    ("case.toml", 'id = "x"\n[profile\n', "case.toml:2:9: invalid TOML: "),
    # The column is the json module's own (Python 3.13 points at the trailing comma itself).
    ("case.json", TRAILING_COMMA, f"case.json:1:{_json_column(TRAILING_COMMA)}: invalid JSON: "),
    ("case.json", '{"profile": []}', "case.json:1:2: profile: expected a table, got list"),
    (
        "case.toml",
        'id = "x"\n[profile]\nname = "A"\nconnections = "many"\n',
        "case.toml:4: profile.connections: expected a whole number, got 'many'",
    ),
    (
        "case.toml",
        'id = "x"\n[profile]\nname = "A"\n[invitation]\nrelationship = "coworker"\n',
        "case.toml:5: invitation.relationship: 'coworker' is not one of: colleague",
    ),
    (
        "case.json",
        '{"profile": {"name": "A"},\n "sender": {"account": "gold"}}',
        "case.json:2:13: sender.account: 'gold' is not one of: free, premium",
    ),
    ("case.toml", 'id = "x"\n', "case.toml:1: missing the [profile] table"),
    ("case.toml", "id = 'x'\n[profile]\nheadline = 'H'\n", "case.toml:1: profile.name: missing"),
    (
        "case.toml",
        'id = "x"\n[profile]\nname = "A"\n[invitation]\nnotes = "Hi"\n',
        "case.toml:5: invitation.notes: unknown key (did you mean 'note'?)",
    ),
]


class TestInputErrors:
    @pytest.mark.parametrize(("name", "text", "expected"), WHOLE_FILE_ERRORS)
    def test_one_line_exit_2_nothing_on_stdout(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, expected: str
    ) -> None:
        monkeypatch.chdir(tmp_path)
        case_file(tmp_path, text, name)
        line = one_error_line(invoke("run", name))
        assert line.startswith(f"invitecore: {expected}"), line

    def test_minimal_toml_case_file(self, tmp_path: Path) -> None:
        # A .toml case whose first line is its [profile] header must be read as TOML.
        path = case_file(tmp_path, '[profile]\nname = "Ada"\nheadline = "OPENNET"\n')
        result = invoke("run", "-f", "jsonl", path)
        assert result.stderr == ""
        assert json.loads(result.stdout)["classification"]["camp"] == "open_networker"

    def test_missing_file(self) -> None:
        assert one_error_line(invoke("run", "nope.toml")) == "invitecore: nope.toml: no such file"

    def test_bad_config(self, tmp_path: Path) -> None:
        Path("invitecore.toml").write_text("[sender]\nacount = 'x'\n", encoding="utf-8")
        line = one_error_line(invoke("run", case_file(tmp_path, CLEAN)))
        assert line == (
            f"invitecore: {Path('invitecore.toml').resolve()}:2: sender.acount: "
            "unknown key (did you mean 'account'?)"
        )

    def test_explicit_config_option(self, tmp_path: Path) -> None:
        config = case_file(tmp_path, 'format = "jsonl"\n', "custom.toml")
        result = invoke("run", "--config", config, case_file(tmp_path, CLEAN))
        assert json.loads(result.stdout)["verdict"] == "send"

    def test_bad_plugin_setting_in_config(self, tmp_path: Path) -> None:
        Path("invitecore.toml").write_text(
            "[plugins.sample]\nopen-wieght = 1\n", encoding="utf-8"
        )
        line = one_error_line(invoke("run", case_file(tmp_path, CLEAN)))
        assert ":2: plugins.sample.open-wieght: unknown setting" in line
        assert "did you mean 'open-weight'?" in line

    def test_json_lines_bad_row_in_place(self, tmp_path: Path) -> None:
        rows = (
            '{"id": "a", "profile": {"name": "A", "headline": "OPENNET"}, '
            '"invitation": {"note": "Hi A"}}\n'
            '{"id": "b", "profile": {"name": "B", "connections": "lots"}}\n'
            '{"id": "c", "profile": {"name": "C"}}\n'
        )
        path = case_file(tmp_path, rows, "rows.jsonl")
        result = invoke("run", "--format", "jsonl", path)
        assert result.exit_code == 2
        assert result.stderr == (
            f"invitecore: {path}:2: profile.connections: expected a whole number, got 'lots'\n"
        )
        out = [json.loads(line) for line in result.stdout.splitlines()]
        assert [row["id"] for row in out] == ["a", None, "c"]
        assert out[1]["source"] == {"file": path, "line": 2}
        assert out[1]["verdict"] is None
        assert out[0]["verdict"] == "send"

    @pytest.mark.parametrize(
        "text",
        [
            'id = "x"\n[profile]\nname = "Ada"\nheadline = "OPENNET"\n',
            '{"profile": {"name": "Ada", "headline": "OPENNET"}}',
        ],
    )
    def test_stdin(self, text: str) -> None:
        result = invoke("run", "-f", "jsonl", "-", stdin=text)
        assert result.exit_code == 0, result.stderr
        row = json.loads(result.stdout)
        assert row["source"]["file"] == "<stdin>"
        assert row["classification"]["camp"] == "open_networker"

    def test_stdin_error(self) -> None:
        line = one_error_line(invoke("run", "-", stdin="[profile\n"))
        assert line.startswith("invitecore: <stdin>:1:")


class TestOutputFile:
    def test_writes_the_report_atomically(self, tmp_path: Path) -> None:
        out = tmp_path / "out" / "report.json"
        out.parent.mkdir()
        result = invoke("run", "-f", "json", "-o", str(out), case_file(tmp_path, CLEAN))
        assert result.exit_code == 0
        assert result.stdout == ""
        assert json.loads(out.read_text(encoding="utf-8"))["results"][0]["verdict"] == "send"
        assert [p.name for p in out.parent.iterdir()] == ["report.json"]

    def test_no_file_on_error(self, tmp_path: Path) -> None:
        out = tmp_path / "out" / "report.json"
        out.parent.mkdir()
        one_error_line(invoke("run", "-o", str(out), case_file(tmp_path, "[profile\n")))
        assert list(out.parent.iterdir()) == []

    def test_existing_file_untouched_on_error(self, tmp_path: Path) -> None:
        out = tmp_path / "report.json"
        out.write_text("previous", encoding="utf-8")
        one_error_line(invoke("run", "-f", "xml", "-o", str(out), case_file(tmp_path, CLEAN)))
        assert out.read_text(encoding="utf-8") == "previous"

    def test_temp_file_removed_when_the_run_crashes(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import invitecore.cli.run

        def crash(*args: Any, **kwargs: Any) -> None:
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(invitecore.cli.run, "execute", crash)
        out = tmp_path / "sub" / "report.json"
        out.parent.mkdir()
        result = invoke("run", "-o", str(out), case_file(tmp_path, CLEAN))
        # A bug is one line and exit 4, its traceback only with --verbose.
        assert result.exit_code == 4
        assert "internal error: RuntimeError: disk on fire" in result.stderr
        assert "Traceback" not in result.stderr
        assert list(out.parent.iterdir()) == []

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
    def test_output_to_a_pipe_writes_into_it_and_keeps_it(self, tmp_path: Path) -> None:
        # A device or pipe (``-o /dev/null``) must be written to, never renamed over.
        pipe = tmp_path / "report.pipe"
        os.mkfifo(pipe)
        received: list[str] = []
        reader = threading.Thread(
            target=lambda: received.append(pipe.read_text("utf-8")), daemon=True
        )
        reader.start()
        result = invoke("run", "-f", "json", "-o", str(pipe), case_file(tmp_path, CLEAN))
        reader.join(timeout=30)
        assert result.exit_code == 0
        assert stat.S_ISFIFO(os.stat(pipe).st_mode)
        assert json.loads(received[0])["results"][0]["name"]
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []

    def test_unwritable_output_is_a_one_line_error(self, tmp_path: Path) -> None:
        out = tmp_path / "missing-folder" / "report.json"
        line = one_error_line(invoke("run", "-o", str(out), case_file(tmp_path, CLEAN)))
        assert "report.json" in line


class TestFormats:
    def test_text(self, tmp_path: Path) -> None:
        result = invoke("run", case_file(tmp_path, ERROR))
        assert result.stdout.splitlines()[0].startswith("Ada  (")
        assert "open networker (confidence 0.90)" in result.stdout
        assert 'TST101  open word  [headline: "OPENNET"]' in result.stdout
        assert "error    TST202  Sales pitch." in result.stdout
        assert "REVISE" in result.stdout
        assert "\x1b[" not in result.stdout

    def test_text_colour_when_forced(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("FORCE_COLOR", "1")
        assert "\x1b[" in invoke("run", case_file(tmp_path, ERROR)).stdout

    def test_text_summary_for_several_cases(self, tmp_path: Path) -> None:
        result = invoke("run", case_file(tmp_path, CLEAN, "a.toml"), case_file(tmp_path, ERROR))
        assert "Summary" in result.stdout
        assert re.search(r"Verdicts +revise 1, send 1", result.stdout)

    def test_jsonl_one_row_per_case(self, tmp_path: Path) -> None:
        result = invoke(
            "run", "-f", "jsonl", case_file(tmp_path, CLEAN, "a.toml"), case_file(tmp_path, ERROR)
        )
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        assert [row["verdict"] for row in rows] == ["send", "revise"]

    def test_csv(self, tmp_path: Path) -> None:
        rows = '{"id": "a", "profile": {"name": "A"}, "invitation": {"note": "BUY"}}\n[]\n'
        result = invoke("run", "-f", "csv", case_file(tmp_path, rows, "rows.jsonl"))
        table = list(csv.reader(io.StringIO(result.stdout)))
        assert tuple(table[0]) == CSV_COLUMNS
        first = dict(zip(CSV_COLUMNS, table[1], strict=True))
        assert (first["id"], first["camp"], first["verdict"]) == ("a", "unknown", "warm_up")
        assert (first["risk"], first["level"], first["findings"]) == ("50", "medium", "TST202")
        second = dict(zip(CSV_COLUMNS, table[2], strict=True))
        assert "rows.jsonl:2: " in second["error"]
        assert "got list" in second["error"]
        assert len(table) == 3

    def test_format_from_config(self, tmp_path: Path) -> None:
        Path("invitecore.toml").write_text('format = "jsonl"\n', encoding="utf-8")
        assert json.loads(invoke("run", case_file(tmp_path, CLEAN)).stdout)["verdict"] == "send"

    @pytest.mark.usefixtures("no_plugins")
    def test_hint_without_rule_plugins(self, tmp_path: Path) -> None:
        text = invoke("run", case_file(tmp_path, CLEAN))
        assert NO_PLUGINS_HINT in text.stdout
        machine = invoke("run", "-f", "jsonl", case_file(tmp_path, CLEAN))
        assert machine.stderr == f"invitecore: {NO_PLUGINS_HINT}\n"
        assert json.loads(machine.stdout)["classification"]["camp"] == "unknown"


@pytest.fixture
def no_plugins(install: Any) -> None:
    install()


class TestListings:
    def test_version(self) -> None:
        result = invoke("--version")
        assert (result.exit_code, result.stdout) == (0, f"invitecore {__version__}\n")

    def test_no_arguments_shows_help(self) -> None:
        result = invoke()
        assert "run" in result.stdout + result.stderr
        assert "plugins" in result.stdout + result.stderr

    def test_plugins(self) -> None:
        result = invoke("plugins")
        assert result.exit_code == 0
        assert "invitecore.core (invitecore " in result.stdout
        assert "sample (not installed) [active]" in result.stdout
        assert "rules: TST101, TST102" in result.stdout
        assert NO_PLUGINS_HINT not in result.stdout

    def test_plugins_json(self) -> None:
        result = invoke("plugins", "--json")
        records = {r["name"]: r for r in json.loads(result.stdout)}
        assert records["sample"]["status"] == "active"
        assert "invitecore_advice" in records["sample"]["hooks"]
        assert records["invitecore.core"]["internal"] is True

    def test_plugins_with_failure_exits_3(self, install: Any) -> None:
        install(broken=RuntimeError("bad import"))
        result = invoke("plugins")
        assert result.exit_code == 3
        assert "broken (not installed) [failed: import failed: RuntimeError: bad import]" in (
            result.stdout
        )
        assert NO_PLUGINS_HINT in result.stdout

    def test_plugins_notes_the_allow_list(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(LOAD_ENV, "")
        result = invoke("plugins")
        assert "sample (not installed) [disabled: not in INVITECORE_LOAD_PLUGINS]" in result.stdout
        assert f"({LOAD_ENV} is set" in result.stdout

    def test_plugins_honours_config_disable(self) -> None:
        Path("invitecore.toml").write_text('disable = ["sample"]\n', encoding="utf-8")
        assert "[disabled: disabled in config]" in invoke("plugins").stdout

    def test_plugins_config_error(self) -> None:
        Path("invitecore.toml").write_text("bogus = 1\n", encoding="utf-8")
        result = invoke("plugins")
        assert result.exit_code == 2
        assert "bogus: unknown key" in result.stderr

    def test_rules(self) -> None:
        result = invoke("rules")
        assert result.exit_code == 0
        lines = result.stdout.splitlines()
        assert lines[0].startswith("INV101  error    ")
        assert "TST202  error    Sales pitch  [sample]" in lines

    def test_rules_json(self) -> None:
        rules = json.loads(invoke("rules", "--json").stdout)
        assert [r["code"] for r in rules][:2] == ["INV101", "TST101"]
        assert rules[1] == {
            "code": "TST101",
            "plugin": "sample",
            "severity": "info",
            "summary": "Open word",
            "explanation": "Open.",
        }

    @pytest.mark.parametrize("code", ["TST201", "tst201", " TST201 "])
    def test_rule(self, code: str) -> None:
        result = invoke("rule", code)
        assert result.exit_code == 0
        assert result.stdout == (
            "TST201: No note\nplugin: sample    default severity: warning\n\nWrite a note.\n"
        )

    def test_unknown_rule(self) -> None:
        result = invoke("rule", "TST209")
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.startswith("invitecore: unknown rule 'TST209' (did you mean 'TST20")

    def test_formats(self) -> None:
        lines = invoke("formats").stdout.splitlines()
        assert [line.split()[0] for line in lines] == [
            *("concise", "csv", "github", "html", "json", "jsonl", "markdown", "text")
        ]
        assert all(line.endswith("[invitecore.core]") for line in lines)


def test_an_argument_that_is_not_text_is_a_usage_error() -> None:
    # Only Python's API can pass a lone surrogate; the parser's own messages cannot print it.
    result = invoke("run", "-o", "\ud800")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "invitecore: argument 3 is not valid text (it holds half of a surrogate pair)"
    )


def test_a_json_array_with_a_bad_value_and_a_syntax_error_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text('[{"name": "A", "x": Infinity, "y": nu"ll}]', encoding="utf-8")
    result = invoke("run", str(path))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "invalid JSON" in result.stderr
