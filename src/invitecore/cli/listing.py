"""The listing commands: ``plugins``, ``rules``, ``rule``, ``formats``."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import attrs
import typer

from invitecore.cli.app import NO_PLUGINS_HINT, app, say
from invitecore.config import load_config
from invitecore.engine import Engine
from invitecore.errors import InvitecoreError
from invitecore.plugins import LOAD_ENV
from invitecore.runner import EXIT_INPUT, EXIT_PLUGIN

__all__ = ["formats", "plugins", "rule", "rules"]


@app.command()
def plugins(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="Config file.", dir_okay=False)
    ] = None,
) -> None:
    """List plugins: distribution, version, entry point, status, hooks, rule codes."""
    try:
        engine = Engine.from_config(load_config(config))
    except InvitecoreError as error:
        say(str(error))
        raise typer.Exit(error.exit_code) from None
    records = engine.loaded.records
    if as_json:
        typer.echo(json.dumps([attrs.asdict(r) for r in records], indent=2))
    else:
        for record in records:
            version = f" {record.version}" if record.version else ""
            status = record.status + (f": {record.reason}" if record.reason else "")
            typer.echo(
                f"{record.name} ({record.distribution or 'not installed'}{version}) [{status}]"
            )
            if record.entry_point:
                typer.echo(f"    entry point: {record.entry_point}")
            if record.hooks:
                typer.echo(f"    hooks: {', '.join(record.hooks)}")
            if record.rules:
                typer.echo(f"    rules: {', '.join(record.rules)}")
        if not engine.loaded.active_external:
            typer.echo("\n" + NO_PLUGINS_HINT)
        if os.environ.get(LOAD_ENV) is not None:
            typer.echo(f"\n({LOAD_ENV} is set: only the plugins it lists are loaded.)")
    if engine.loaded.failed:
        raise typer.Exit(EXIT_PLUGIN)


def _engine_or_exit(config: Path | None) -> Engine:
    """The engine for a listing command; a config error exits with its one-line message."""
    try:
        return Engine.from_config(load_config(config))
    except InvitecoreError as error:
        say(str(error))
        raise typer.Exit(error.exit_code) from None


_CONFIG_OPTION = typer.Option("--config", "-c", help="Config file.", dir_okay=False)


@app.command()
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


@app.command()
def rule(
    code: Annotated[str, typer.Argument(help="A rule code, e.g. PER102.")],
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


@app.command()
def formats(config: Annotated[Path | None, _CONFIG_OPTION] = None) -> None:
    """List the output formats usable with `run --format`."""
    engine = _engine_or_exit(config)
    for name, fmt in sorted(engine.loaded.formats.items()):
        typer.echo(f"{name:<8} {fmt.description}  [{fmt.plugin}]")
