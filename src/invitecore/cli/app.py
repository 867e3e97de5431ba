"""The ``invitecore`` Typer application, and what every command shares.

User mistakes (bad config, bad input, unknown format) print one line to stderr and exit 2; a
failed plugin prints one line naming it and the run goes on (exit 3 at the end, or at once with
``--strict``). No traceback reaches the user for either.
"""

from __future__ import annotations

from typing import Annotated

import typer

from invitecore import __version__

__all__ = ["BUNDLED_PLUGINS", "NO_PLUGINS_HINT", "app", "say"]

BUNDLED_PLUGINS = (
    "invitecore-lion",
    "invitecore-email-headline",
    "invitecore-personalization",
    "invitecore-spam-risk",
)
NO_PLUGINS_HINT = (
    "No rule plugins are installed, so there is no evidence, no note check and no risk score. "
    "Install the bundled ones: pip install "
    + " ".join(f"./plugins/{name}" for name in BUNDLED_PLUGINS)
    + " (from a source checkout) or pip install "
    + " ".join(BUNDLED_PLUGINS)
    + "."
)

app = typer.Typer(
    name="invitecore",
    help="Decide whether and how to send a LinkedIn invitation, before you click Send.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def say(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    typer.echo(f"invitecore: {message}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"invitecore {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Decide whether and how to send a LinkedIn invitation, before you click Send."""
