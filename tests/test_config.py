"""Config discovery, parsing, and errors that name the file, the line and the key."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from invitecore import Account, Severity
from invitecore.config import Config, find_config, load_config
from invitecore.engine import Engine
from invitecore.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


class TestDiscovery:
    def test_nothing_found(self, tmp_path: Path) -> None:
        assert find_config(tmp_path / "work") is None
        assert load_config() == Config()

    def test_invitecore_toml_in_start_directory(self, tmp_path: Path) -> None:
        config = write(tmp_path / "work" / "invitecore.toml", "select = ['LIO']\n")
        assert find_config() == config.resolve()
        loaded = load_config()
        assert loaded.select == ("LIO",)
        assert loaded.path == config.resolve()

    def test_pyproject_with_table_found_upward(self, tmp_path: Path) -> None:
        pyproject = write(tmp_path / "pyproject.toml", "[tool.invitecore]\nignore = ['SPM']\n")
        deep = tmp_path / "a" / "b"
        deep.mkdir(parents=True)
        assert find_config(deep) == pyproject.resolve()

    def test_pyproject_without_table_is_skipped(self, tmp_path: Path) -> None:
        outer = write(tmp_path / "invitecore.toml", "ignore = ['SPM']\n")
        write(tmp_path / "work" / "pyproject.toml", "[project]\nname = 'x'\n")
        assert find_config() == outer.resolve()

    def test_invitecore_toml_wins_in_the_same_folder(self, tmp_path: Path) -> None:
        write(tmp_path / "work" / "pyproject.toml", "[tool.invitecore]\nignore = ['A']\n")
        config = write(tmp_path / "work" / "invitecore.toml", "ignore = ['B']\n")
        assert find_config() == config.resolve()
        assert load_config().ignore == ("B",)

    def test_nearer_pyproject_wins_over_farther_invitecore_toml(self, tmp_path: Path) -> None:
        write(tmp_path / "invitecore.toml", "ignore = ['B']\n")
        near = write(tmp_path / "work" / "pyproject.toml", "[tool.invitecore]\nignore = ['A']\n")
        assert find_config() == near.resolve()
        assert load_config().ignore == ("A",)

    def test_search_can_be_turned_off(self, tmp_path: Path) -> None:
        write(tmp_path / "work" / "invitecore.toml", "ignore = ['B']\n")
        assert load_config(search=False) == Config()


def test_every_key(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        """
        [project]
        name = "demo"

        [tool.invitecore]
        select = ["LIO", "EML"]
        extend-select = ["PER1"]
        ignore = ["LIO2"]
        disable = ["spam-risk"]
        fail-on = "never"
        format = "json"
        severity = { LIO101 = "Error", PER = "info" }

        [tool.invitecore.sender]
        name = "Sam"
        account = "premium"

        [tool.invitecore.risk]
        medium = 20
        high = 70.5

        [tool.invitecore.classification]
        open-threshold = 0.6
        selective-threshold = 0.25

        [tool.invitecore.verdict]
        do-not-send-confidence = 0.9
        revise-at = "error"

        [tool.invitecore.plugins.lion]
        extend-tokens = ["TOPLINKED"]

        [tool.invitecore.columns]
        "Full Name" = "name"

        [tool.invitecore.batch]
        weekly-limit = 100
        """,
    )
    config = load_config(path)
    assert config.select == ("LIO", "EML", "PER1")
    assert config.ignore == ("LIO2",)
    assert config.disable == ("spam-risk",)
    assert config.fail_on is None
    assert config.format == "json"
    assert config.severity == {"LIO101": Severity.ERROR, "PER": Severity.INFO}
    assert (config.sender.name, config.sender.account) == ("Sam", Account.PREMIUM)
    thresholds = config.thresholds
    assert (thresholds.risk_medium, thresholds.risk_high) == (20.0, 70.5)
    assert (thresholds.open_threshold, thresholds.selective_threshold) == (0.6, 0.25)
    assert thresholds.do_not_send_confidence == 0.9
    assert thresholds.revise_at is Severity.ERROR
    assert config.plugin_table("lion") == {"extend-tokens": ["TOPLINKED"]}
    assert config.plugin_table("other") == {}
    assert config.columns == {"Full Name": "name"}
    assert config.batch == {"weekly-limit": 100}
    assert config.path == path


def test_defaults() -> None:
    config = Config()
    assert config.fail_on is Severity.ERROR
    assert config.format == "text"
    assert config.sender.account is Account.FREE


ERRORS = [
    # (toml text, line, field, message fragment)
    ("selct = ['LIO']\n", 1, "selct", "unknown key (did you mean 'select'?)"),
    ("select = 'LIO'\n", 1, "select", "expected a list of rule codes or prefixes, got 'LIO'"),
    ("select = ['LIO', 1]\n", 1, "select", "expected a list of rule codes or prefixes"),
    ("disable = 'lion'\n", 1, "disable", "expected a list of plugin names"),
    ("fail-on = 'fatal'\n", 1, "fail-on", "'fatal' is not one of info, warning, error, never"),
    ("fail-on = 1\n", 1, "fail-on", "expected one of info, warning, error, never"),
    ("format = 3\n", 1, "format", "expected an output format name"),
    ("severity = 'error'\n", 1, "severity", "expected a table of rule code = severity"),
    ("[severity]\nLIO101 = 'fatal'\n", 2, "severity.LIO101", "'fatal' is not one of info"),
    ("[severity]\nLIO101 = 2\n", 2, "severity.LIO101", "expected one of info, warning, error"),
    ("[sender]\nname = 'S'\nacount = 'free'\n", 3, "sender.acount", "did you mean 'account'?"),
    ("[sender]\naccount = 'gold'\n", 2, "sender.account", "'gold' is not one of free, premium"),
    ("[sender]\nname = 5\n", 2, "sender.name", "expected text, got 5"),
    ("[risk]\nmedium = 70\nhigh = 60\n", 2, "risk.medium", "medium (70) is above high (60)"),
    ("[risk]\nhigh = 150\n", 2, "risk.high", "150 is outside 0 to 100"),
    ("[risk]\nhigh = 'x'\n", 2, "risk.high", "expected a number from 0 to 100"),
    ("[risk]\nlow = 1\n", 2, "risk.low", "unknown key"),
    ("risk.high = 500\n", 1, "risk.high", "500 is outside 0 to 100"),
    (
        "[classification]\nopen_threshold = 0.4\n",
        2,
        "classification.open_threshold",
        "unknown key (did you mean 'open-threshold'?)",
    ),
    ("[classification]\nopen-threshold = 1.5\n", 2, "classification.open-threshold", "outside"),
    ("[verdict]\nrevise-at = 'never'\n", 2, "verdict.revise-at", "'never' is not one of info"),
    ("[verdict]\ndo-not-send-confidence = true\n", 2, "verdict.do-not-send-confidence", "number"),
    ("[plugins]\nlion = 3\n", 2, "plugins.lion", "expected a table, got 3"),
    ("[columns]\n'Full Name' = 1\n", 2, "columns.Full Name", "expected a profile field name"),
    ("batch = []\n", 1, "batch", "expected a table"),
]


@pytest.mark.parametrize(("text", "line", "field", "message"), ERRORS)
def test_errors_name_file_line_and_key(
    tmp_path: Path, text: str, line: int, field: str, message: str
) -> None:
    path = write(tmp_path / "invitecore.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    error = caught.value
    assert (error.file, error.line, error.field) == (str(path), line, field)
    assert message in error.message
    assert str(error).startswith(f"{path}:{line}: {field}: ")
    assert "\n" not in str(error)


@pytest.mark.parametrize(("text", "line", "field", "message"), ERRORS[:3] + ERRORS[10:14])
def test_errors_in_pyproject_count_lines_of_pyproject(
    tmp_path: Path, text: str, line: int, field: str, message: str
) -> None:
    header = "[project]\nname = 'demo'\n\n"
    if text.startswith("["):  # a sub-table: nest its header under [tool.invitecore]
        prefix, body = "", "[tool.invitecore." + text[1:]
    else:
        prefix, body = "[tool.invitecore]\n", text
    path = write(tmp_path / "pyproject.toml", header + prefix + body)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    offset = header.count("\n") + prefix.count("\n")
    assert (caught.value.line, caught.value.field) == (line + offset, field)
    assert message in caught.value.message


def test_tool_invitecore_must_be_a_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool]\ninvitecore = 5\n")
    with pytest.raises(ConfigError, match=r"\[tool.invitecore\] must be a table"):
        load_config(path)


def test_unreadable_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config") as caught:
        load_config(tmp_path / "missing.toml")
    assert caught.value.file == str(tmp_path / "missing.toml")


def test_invalid_toml_names_file(tmp_path: Path) -> None:
    path = write(tmp_path / "invitecore.toml", "select = ['LIO']\nignore = [1 2]\n")
    with pytest.raises(ConfigError, match="invalid TOML") as caught:
        load_config(path)
    assert caught.value.file == str(path)
    assert f"{path}:2:" in str(caught.value)


def test_invalid_toml_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "invitecore.toml", "select = ['LIO']\nignore = [1 2]\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.line == 2
    assert caught.value.column is not None
    assert str(caught.value).startswith(f"{path}:2:")


class TestPluginTables:
    """Plugin tables are checked against the plugin's declared settings when the engine starts."""

    CONFIG = """
    [project]
    name = "demo"

    [tool.invitecore.plugins.sample]
    open-weight = 0.5
    extend-selective-phrases = ["dm me"]
    risk-point = 3
    """

    def test_unknown_setting_names_file_line_and_key(
        self, tmp_path: Path, install: Any, sample_plugin: Any
    ) -> None:
        install(sample=sample_plugin)
        path = write(tmp_path / "pyproject.toml", self.CONFIG)
        with pytest.raises(ConfigError) as caught:
            Engine.from_config(load_config(path))
        error = caught.value
        assert (error.file, error.line) == (str(path), 7)
        assert error.field == "plugins.sample.risk-point"
        assert "did you mean 'risk-points'?" in error.message

    def test_wrong_type_in_standalone_file(
        self, tmp_path: Path, install: Any, sample_plugin: Any
    ) -> None:
        install(sample=sample_plugin)
        path = write(tmp_path / "invitecore.toml", "[plugins.sample]\nopen-weight = 'high'\n")
        with pytest.raises(ConfigError) as caught:
            Engine.from_config(load_config(path))
        assert (caught.value.line, caught.value.field) == (2, "plugins.sample.open-weight")
        assert "must be a number, got 'high'" in caught.value.message

    def test_valid_table_reaches_the_plugin(
        self, tmp_path: Path, install: Any, sample_plugin: Any
    ) -> None:
        install(sample=sample_plugin)
        path = write(tmp_path / "pyproject.toml", self.CONFIG.replace("risk-point = 3", ""))
        engine = Engine.from_config(load_config(path))
        settings = engine.settings["sample"]
        assert settings["open-weight"] == 0.5
        assert list(settings["selective-phrases"])[-1] == "dm me"
