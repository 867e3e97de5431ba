"""``invitecore new-plugin NAME``: write a ready plugin package (see :mod:`invitecore.scaffold`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from invitecore.cli._help import PlainHelpCommand
from invitecore.cli.app import app, say

__all__ = ["new_plugin"]


@app.command("new-plugin", cls=PlainHelpCommand)
def new_plugin(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="The plugin's name, e.g. quick-call.")
    ],
    prefix: Annotated[
        str | None,
        typer.Option(
            "--prefix",
            metavar="XYZ",
            help="Rule-code prefix, 2-4 capital letters (default: from NAME).",
        ),
    ] = None,
    directory: Annotated[
        Path,
        typer.Option(
            "--directory",
            "-d",
            metavar="DIR",
            help="Folder to create the package in.",
            file_okay=False,
        ),
    ] = Path("."),
) -> None:
    """Create a plugin package: entry point, one rule and hook, rule cases, tests, README."""
    from invitecore.scaffold import ScaffoldError, create_plugin, plan_plugin

    try:
        plan = plan_plugin(name, parent=directory, prefix=prefix)
    except ScaffoldError as error:
        say(str(error))
        raise typer.Exit(2) from None
    files = create_plugin(plan)
    shown = plan.directory
    typer.echo(f"Created {shown}/ (plugin {plan.name!r}, rule codes {plan.prefix}1xx):")
    for path in files:
        typer.echo(f"    {path.relative_to(shown)}")
    typer.echo("Next:")
    typer.echo(f"    pip install -e '{shown}[test]'")
    typer.echo(f"    pytest {shown}")
    typer.echo("    invitecore plugins")
