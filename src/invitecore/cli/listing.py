"""The listing commands: ``plugins``, ``rules``, ``rule``, ``formats``.

All of them read the config as ``run`` does (``--config FILE`` or the one found upward), so they
describe the plugins the config leaves active, with its settings.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import attrs
import typer

from invitecore.cli._help import PlainHelpCommand
from invitecore.cli.app import NO_PLUGINS_HINT, app, say
from invitecore.config import Config, load_config
from invitecore.engine import Engine
from invitecore.errors import InvitecoreError
from invitecore.plugins import LOAD_ENV
from invitecore.runner import EXIT_INPUT, EXIT_PLUGIN

__all__ = ["formats", "plugins", "rule", "rules"]


_VALUE_WIDTH = 72


def _shown(value: Any) -> str:
    """A setting's value for the text listing: JSON-like, long lists cut with their length."""
    if isinstance(value, tuple):
        value = list(value)
    text = json.dumps(value, ensure_ascii=False, default=str)
    if len(text) <= _VALUE_WIDTH:
        return text
    count = f" ({len(value)} items)" if isinstance(value, (list, dict)) else ""
    return text[: _VALUE_WIDTH - 4] + " ..." + count


def _setting_rows(engine: Engine, name: str) -> list[dict[str, Any]]:
    """Each setting of plugin ``name``: its current value, and where the value came from (the
    default, or the config file and line of the key that set or extended it)."""
    from invitecore.engine import CORE_PLUGIN
    from invitecore.locate import toml_key_line

    config = engine.config
    core = name == CORE_PLUGIN
    table = config.batch if core else config.plugin_table(name)
    path = config.path
    text = ""
    if path is not None and table:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError:
            text = ""
    root = ["tool", "invitecore"] if path is not None and path.name == "pyproject.toml" else []
    where = [*root, "batch"] if core else [*root, "plugins", name]

    def origin(key: str) -> str:
        line = toml_key_line(text, where, key) if text else None
        return f"{path}:{line}" if line else str(path)

    declared = engine.loaded.settings.get(name, {})
    values: Mapping[str, Any] = engine.settings.get(name) or {}
    rows = []
    for key, value in values.items():
        setting = declared.get(key)
        if key in table:
            source = origin(key)
        elif f"extend-{key}" in table:
            source = f"default, extended at {origin(f'extend-{key}')}"
        else:
            source = "default"
        rows.append(
            {
                "name": key,
                "value": list(value) if isinstance(value, tuple) else value,
                "origin": source,
                "description": setting.description if setting else "",
                "source": setting.source if setting else "",
            }
        )
    return rows


def _plugin_engine(config_path: Path | None, local: tuple[str, ...]) -> tuple[Engine, Config]:
    """The engine the listing describes (installed and ``-p`` plugins, the config's settings),
    and the config as read: ``require-plugins`` is checked after the listing, not before it."""
    from invitecore.plugins import allow_list, installed_plugins

    config = attrs.evolve(load_config(config_path), local_plugins=local)
    loaded = installed_plugins(tuple(sorted(config.disable)), allow_list(), local)
    return Engine(loaded, attrs.evolve(config, require_plugins=())), config


@app.command(cls=PlainHelpCommand)
def plugins(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", metavar="FILE", help="Config file.", dir_okay=False),
    ] = None,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help="Also each plugin's rules, and its settings with their values and origins.",
        ),
    ] = False,
    plugin: Annotated[
        list[str] | None,
        typer.Option(
            "--plugin",
            "-p",
            metavar="MODULE",
            help="Also load this local plugin (as `run -p` does).",
        ),
    ] = None,
) -> None:
    """List plugins: distribution, version, entry point, status, hooks, rule codes."""
    local = tuple(plugin or ())
    try:
        engine, read = _plugin_engine(config, local)
    except InvitecoreError as error:
        say(str(error))
        raise typer.Exit(error.exit_code) from None
    records = engine.loaded.records
    rules_by_plugin: dict[str, list[Any]] = {}
    for _, (item, owner) in sorted(engine.loaded.rules.items()):
        rules_by_plugin.setdefault(owner, []).append(item)
    if as_json:
        listed = []
        for record in records:
            entry = attrs.asdict(record)
            if verbose:
                entry["rules"] = [
                    {"code": r.code, "severity": str(r.severity), "summary": r.summary}
                    for r in rules_by_plugin.get(record.name, [])
                ]
                active = record.status == "active"
                entry["settings"] = _setting_rows(engine, record.name) if active else []
            listed.append(entry)
        typer.echo(json.dumps(listed, indent=2, default=str))
    else:
        for record in records:
            _print_record(engine, record, verbose, rules_by_plugin.get(record.name, []))
        if not engine.loaded.active_external:
            typer.echo("\n" + NO_PLUGINS_HINT)
        if os.environ.get(LOAD_ENV) is not None:
            typer.echo(f"\n({LOAD_ENV} is set: only the plugins it lists are loaded.)")
    code = EXIT_PLUGIN if engine.loaded.failed else 0
    if read.require_plugins:
        try:
            Engine(engine.loaded, read)  # checks require-plugins
        except InvitecoreError as error:
            say(str(error))
            code = max(code, error.exit_code)
    if code:
        raise typer.Exit(code)


def _print_record(engine: Engine, record: Any, verbose: bool, rules: list[Any]) -> None:
    version = f" {record.version}" if record.version else ""
    where = "local" if record.local else record.distribution or "not installed"
    status = record.status + (f": {record.reason}" if record.reason else "")
    typer.echo(f"{record.name} ({where}{version}) [{status}]")
    if record.entry_point:
        typer.echo(f"    entry point: {record.entry_point}")
    if record.api:
        typer.echo(f"    plugin API: {record.api}")
    if record.hooks:
        typer.echo(f"    hooks: {', '.join(record.hooks)}")
    if not verbose:
        if record.rules:
            typer.echo(f"    rules: {', '.join(record.rules)}")
        return
    if rules:
        typer.echo("    rules:")
        for item in rules:
            typer.echo(f"        {item.code}  {item.severity!s:<7}  {item.summary}")
    if record.status != "active":
        return
    rows = _setting_rows(engine, record.name)
    if rows:
        typer.echo("    settings:")
        for row in rows:
            origin = row["origin"]
            origin = origin if origin.startswith("default") else f"from {origin}"
            typer.echo(f"        {row['name']} = {_shown(row['value'])}  ({origin})")


def _engine_or_exit(config: Path | None) -> Engine:
    """The engine for a listing command; a config error exits with its one-line message."""
    try:
        return Engine.from_config(load_config(config))
    except InvitecoreError as error:
        say(str(error))
        raise typer.Exit(error.exit_code) from None


_CONFIG_OPTION = typer.Option("--config", "-c", metavar="FILE", help="Config file.", dir_okay=False)


@app.command(cls=PlainHelpCommand)
def rules(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    config: Annotated[Path | None, _CONFIG_OPTION] = None,
) -> None:
    """List every rule the installed plugins can emit."""
    engine = _engine_or_exit(config)
    items = sorted(engine.loaded.rules.items())
    if as_json:
        typer.echo(
            json.dumps(
                [
                    {
                        "code": code,
                        "plugin": plugin,
                        "severity": str(rule.severity),
                        "summary": rule.summary,
                        "explanation": rule.explanation,
                    }
                    for code, (rule, plugin) in items
                ],
                indent=2,
            )
        )
        return
    for code, (rule, plugin) in items:
        typer.echo(f"{code}  {rule.severity!s:<7}  {rule.summary}  [{plugin}]")


@app.command(cls=PlainHelpCommand)
def rule(
    code: Annotated[str, typer.Argument(metavar="CODE", help="A rule code, e.g. PER102.")],
    config: Annotated[Path | None, _CONFIG_OPTION] = None,
) -> None:
    """Explain one rule."""
    engine = _engine_or_exit(config)
    found = engine.loaded.rules.get(code.strip().upper())
    if found is None:
        from invitecore._suggest import did_you_mean

        say(f"unknown rule {code!r}{did_you_mean(code.upper(), engine.loaded.rules)}")
        raise typer.Exit(EXIT_INPUT)
    item, plugin = found
    typer.echo(f"{item.code}: {item.summary}")
    typer.echo(f"plugin: {plugin}    default severity: {item.severity}")
    if item.explanation:
        typer.echo("")
        typer.echo(item.explanation)


@app.command(cls=PlainHelpCommand)
def formats(config: Annotated[Path | None, _CONFIG_OPTION] = None) -> None:
    """List the output formats usable with `run --format`."""
    engine = _engine_or_exit(config)
    for name, fmt in sorted(engine.loaded.formats.items()):
        typer.echo(f"{name:<8} {fmt.description}  [{fmt.plugin}]")
