"""Configuration: ``[tool.invitecore]`` in ``pyproject.toml`` or a standalone ``invitecore.toml``.

The file is found from the working directory upward (the first ``invitecore.toml``, or the first
``pyproject.toml`` that has a ``[tool.invitecore]`` table), or named with ``--config``. Every key
is checked: an unknown key or a wrong type is a :class:`~invitecore.errors.ConfigError` naming
the key, the file and the line, with a did-you-mean where one is close. See docs/config.md.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from invitecore._suggest import did_you_mean
from invitecore.aggregate import Thresholds
from invitecore.errors import ConfigError, InputError, quote
from invitecore.inputs.sources import DOCUMENT_LIMIT, read_text
from invitecore.locate import toml_key_line
from invitecore.models import Account, Sender, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = ["Config", "config_error", "find_config", "load_config", "parse_config"]

CONFIG_FILENAME = "invitecore.toml"
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def _severity(value: str) -> Severity:
    return Severity(value.lower())


def _fail_on(value: str) -> Severity | None:
    return None if value.lower() == "never" else Severity(value.lower())


@attrs.frozen(kw_only=True)
class Config:
    """Resolved configuration. Every field has a default, so ``Config()`` is a valid config."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = attrs.field(factory=dict)
    disable: tuple[str, ...] = ()
    require_plugins: tuple[str, ...] = ()
    # Local plugin modules from the command line (`invitecore run -p`); never read from a file,
    # so that reading a config runs no code. Kept here so parallel workers load them too.
    local_plugins: tuple[str, ...] = ()
    fail_on: Severity | None = Severity.ERROR
    format: str = "text"
    sender: Sender = attrs.field(factory=Sender)
    thresholds: Thresholds = attrs.field(factory=Thresholds)
    plugins: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)
    columns: Mapping[str, str] = attrs.field(factory=dict)
    batch: Mapping[str, Any] = attrs.field(factory=dict)
    path: Path | None = None

    def plugin_table(self, name: str) -> Mapping[str, Any]:
        """The ``[tool.invitecore.plugins.<name>]`` table, or an empty mapping."""
        return self.plugins.get(name, {})


# key -> (expected type description, check, convert). Checks run on the parsed TOML value.
_Check = Callable[[Any], bool]
_is_str: _Check = lambda v: isinstance(v, str)  # noqa: E731
_is_num: _Check = lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)  # noqa: E731
_is_str_list: _Check = lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v)  # noqa: E731
_is_table: _Check = lambda v: isinstance(v, dict)  # noqa: E731

_TOP: dict[str, tuple[str, _Check]] = {
    "select": ("a list of rule codes or prefixes", _is_str_list),
    "ignore": ("a list of rule codes or prefixes", _is_str_list),
    "extend-select": ("a list of rule codes or prefixes", _is_str_list),
    "severity": ("a table of rule code = severity", _is_table),
    "disable": ("a list of plugin names", _is_str_list),
    "require-plugins": ("a list of plugin names", _is_str_list),
    "fail-on": ("one of info, warning, error, never", _is_str),
    "format": ("an output format name", _is_str),
    "sender": ("a table", _is_table),
    "risk": ("a table", _is_table),
    "classification": ("a table", _is_table),
    "verdict": ("a table", _is_table),
    "plugins": ("a table of plugin tables", _is_table),
    "columns": ("a table of column name = profile field", _is_table),
    "batch": ("a table", _is_table),
}
_SENDER = {"name": ("text", _is_str), "account": ("one of free, premium", _is_str)}
_RISK = {"medium": ("a number from 0 to 100", _is_num), "high": ("a number from 0 to 100", _is_num)}
_CLASSIFICATION = {
    "open-threshold": ("a number from 0 to 1", _is_num),
    "selective-threshold": ("a number from 0 to 1", _is_num),
}
_VERDICT = {
    "do-not-send-confidence": ("a number from 0 to 1", _is_num),
    "revise-at": ("one of info, warning, error", _is_str),
}


class _Reader:
    """Validates one parsed table, raising ConfigError with the file and line of the culprit."""

    def __init__(self, text: str, file: str, root: Sequence[str]) -> None:
        self.text = text
        self.file = file
        self.root = list(root)

    def error(self, path: Sequence[str], message: str) -> ConfigError:
        full = [*self.root, *path]
        line = None
        # A key inside an inline table ({low = nan}) is found by the key that holds the table.
        while line is None and len(full) > len(self.root):
            *table, key = full
            line = toml_key_line(self.text, table, key)
            full = table
        return ConfigError(message, file=self.file, line=line, field=".".join(path))

    def check_table(
        self,
        table: Mapping[str, Any],
        schema: Mapping[str, tuple[str, _Check]],
        prefix: Sequence[str],
    ) -> None:
        for key, value in table.items():
            if key not in schema:
                raise self.error([*prefix, key], f"unknown key{did_you_mean(key, schema)}")
            expected, check = schema[key]
            if not check(value):
                raise self.error([*prefix, key], f"expected {expected}, got {quote(value)}")

    def enum(
        self, path: Sequence[str], value: str, convert: Callable[[str], Any], allowed: str
    ) -> Any:
        try:
            return convert(value)
        except ValueError:
            raise self.error(path, f"{quote(value)} is not one of {allowed}") from None

    def fraction(self, path: Sequence[str], value: float, upper: float) -> float:
        if not 0 <= value <= upper:
            raise self.error(path, f"{quote(value)} is outside 0 to {upper:g}")
        return float(value)


def parse_config(
    table: Mapping[str, Any], *, text: str = "", file: str = "<config>", root: Sequence[str] = ()
) -> Config:
    """Validate an already-parsed ``[tool.invitecore]`` table and build a :class:`Config`.

    :param text: the file's text, used only to find line numbers for errors.
    :param root: the table's path in the file (``["tool", "invitecore"]`` in pyproject.toml).
    """
    reader = _Reader(text, file, root)
    reader.check_table(table, _TOP, [])
    _check_numbers(table, reader)
    for key in ("select", "extend-select", "ignore", "severity"):
        for code in table.get(key, ()):
            if not code.strip():
                raise reader.error(
                    [key], "an empty rule code matches every rule: remove it (or write ALL)"
                )
    severities = "info, warning, error"

    severity: dict[str, Severity] = {}
    for code, value in table.get("severity", {}).items():
        if not isinstance(value, str):
            raise reader.error(
                ["severity", code], f"expected one of {severities}, got {quote(value)}"
            )
        severity[code] = reader.enum(["severity", code], value, _severity, severities)

    sender_table = table.get("sender", {})
    reader.check_table(sender_table, _SENDER, ["sender"])
    account = reader.enum(
        ["sender", "account"],
        sender_table.get("account", "free"),
        lambda value: Account(value.strip().lower()),
        "free, premium",
    )
    sender = Sender(name=sender_table.get("name"), account=account)

    defaults = Thresholds()
    risk = table.get("risk", {})
    reader.check_table(risk, _RISK, ["risk"])
    classification = table.get("classification", {})
    reader.check_table(classification, _CLASSIFICATION, ["classification"])
    verdict = table.get("verdict", {})
    reader.check_table(verdict, _VERDICT, ["verdict"])
    medium = reader.fraction(["risk", "medium"], risk.get("medium", defaults.risk_medium), 100)
    high = reader.fraction(["risk", "high"], risk.get("high", defaults.risk_high), 100)
    if medium > high:
        raise reader.error(["risk", "medium"], f"medium ({medium:g}) is above high ({high:g})")
    thresholds = Thresholds(
        open_threshold=reader.fraction(
            ["classification", "open-threshold"],
            classification.get("open-threshold", defaults.open_threshold),
            1,
        ),
        selective_threshold=reader.fraction(
            ["classification", "selective-threshold"],
            classification.get("selective-threshold", defaults.selective_threshold),
            1,
        ),
        risk_medium=medium,
        risk_high=high,
        do_not_send_confidence=reader.fraction(
            ["verdict", "do-not-send-confidence"],
            verdict.get("do-not-send-confidence", defaults.do_not_send_confidence),
            1,
        ),
        revise_at=reader.enum(
            ["verdict", "revise-at"], verdict.get("revise-at", "warning"), _severity, severities
        ),
    )

    plugins = table.get("plugins", {})
    for name, plugin_table in plugins.items():
        if not isinstance(plugin_table, dict):
            raise reader.error(["plugins", name], f"expected a table, got {quote(plugin_table)}")
    columns = table.get("columns", {})
    from invitecore.inputs.columns import COLUMN_TARGETS

    for column, field in columns.items():
        if not isinstance(field, str):
            raise reader.error(
                ["columns", column], f"expected a profile field name, got {quote(field)}"
            )
        if field not in COLUMN_TARGETS:
            raise reader.error(
                ["columns", column],
                f"{quote(field)} is not a field{did_you_mean(field, COLUMN_TARGETS)}; "
                f"valid: {', '.join(COLUMN_TARGETS)}",
            )

    return Config(
        select=_selection(table.get("select", []), table.get("extend-select", [])),
        ignore=tuple(code.strip().upper() for code in table.get("ignore", ())),
        severity=severity,
        disable=tuple(table.get("disable", ())),
        require_plugins=tuple(table.get("require-plugins", ())),
        fail_on=reader.enum(
            ["fail-on"], table.get("fail-on", "error"), _fail_on, "info, warning, error, never"
        ),
        format=table.get("format", "text"),
        sender=sender,
        thresholds=thresholds,
        plugins={name: dict(t) for name, t in plugins.items()},
        columns=dict(columns),
        batch=dict(table.get("batch", {})),
    )


def _check_numbers(table: Mapping[str, Any], reader: _Reader) -> None:
    """Refuse ``nan`` and ``inf`` anywhere in the table (TOML has both): no setting means them,
    and a ``nan`` compares false with everything, so it would switch off whatever it sets."""
    stack: list[tuple[list[str], Any]] = [([], table)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            raise reader.error(path, f"{value!r} is not a number a setting can take")
        if isinstance(value, dict):
            stack.extend(([*path, str(key)], item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((path, item) for item in value)


def config_error(config: Config, path: Sequence[str], message: str) -> ConfigError:
    """An error about the key at ``path`` (below ``[tool.invitecore]``) of the file ``config``
    was read from, with its line: for what only the loaded plugins can judge (a format name, a
    plugin's name in ``disable``). Without a file, the error names the key alone."""
    if config.path is None:
        return ConfigError(message, field=".".join(path))
    try:
        text = read_text(config.path)
    except InputError:
        text = ""
    root = ["tool", "invitecore"] if config.path.name == "pyproject.toml" else []
    reader = _Reader(text, str(config.path), root)
    return reader.error(path, message)


def _selection(select: list[str], extend: list[str]) -> tuple[str, ...]:
    # As in ruff: extend-select adds to the selection, and with no select the selection is ALL.
    codes = [code.strip().upper() for code in select]
    if extend and not codes:
        codes = ["ALL"]
    return tuple(codes + [code.strip().upper() for code in extend])


def _has_table(text: str) -> bool:
    try:
        data = tomllib.loads(text)
    except (ValueError, RecursionError):
        return True  # let load_config report the syntax error with its position
    tool = data.get("tool")
    return isinstance(tool, dict) and "invitecore" in tool


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``invitecore.toml``, or ``pyproject.toml`` with ``[tool.invitecore]``."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        candidate = folder / CONFIG_FILENAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            # Cheap test first, on the bytes: most pyproject files on the way up have nothing
            # for us, and need not even be UTF-8 (another tool's file is not ours to judge).
            try:
                with pyproject.open("rb") as handle:
                    data = handle.read(DOCUMENT_LIMIT)
            except OSError:
                continue
            if b"tool.invitecore" not in data:
                continue
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                return pyproject  # ours, but unreadable: load_config says so, with the line
            if _has_table(text):
                return pyproject
    return None


def load_config(path: Path | None = None, *, search: bool = True) -> Config:
    """Load and validate the config at ``path``, or the one :func:`find_config` finds.

    :raises ConfigError: the file cannot be read or parsed, or a key does not fit.
    """
    if path is None:
        path = find_config() if search else None
        if path is None:
            return Config()
    shown = str(path)
    try:
        text = read_text(path)
    except InputError as exc:
        raise ConfigError(f"cannot read config: {exc.message}", file=shown, line=exc.line) from None
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise ConfigError("invalid TOML: nested too deeply", file=shown) from None
    except ValueError as exc:
        if not isinstance(exc, tomllib.TOMLDecodeError):  # int() past 4,300 digits
            reason = str(exc).split(":")[0]
            raise ConfigError(f"invalid TOML: {reason}", file=shown) from None
        # Python 3.14 adds lineno/colno; before that the position is only in the message.
        position = _TOML_POSITION.search(str(exc))
        line = getattr(exc, "lineno", None) or (int(position.group(1)) if position else None)
        column = getattr(exc, "colno", None) or (int(position.group(2)) if position else None)
        message = getattr(exc, "msg", None) or _TOML_POSITION.sub("", str(exc)).strip()
        raise ConfigError(
            f"invalid TOML: {message}", file=shown, line=line, column=column
        ) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("invitecore", {})
        root: list[str] = ["tool", "invitecore"]
        if not isinstance(table, dict):
            raise ConfigError("[tool.invitecore] must be a table", file=shown)
    else:
        table, root = data, []
    config = parse_config(table, text=text, file=shown, root=root)
    return attrs.evolve(config, path=path)
