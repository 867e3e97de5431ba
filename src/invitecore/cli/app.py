"""The ``invitecore`` Typer application, and what every command shares.

User mistakes (bad config, bad input, unknown format, a usage error the argument parser finds)
print one line to stderr and exit 2; a failed plugin prints one line naming it and the run goes
on (exit 3 at the end, or at once with ``--strict``). No traceback reaches the user for either.

Every command also ends the conventional way when its output is a closed pipe (``| head -1``:
quietly, with 141, as a process killed by SIGPIPE), and says a bug of invitecore's own in one
line with exit 4 (the traceback with ``run --verbose``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

try:  # typer 0.2x carries its own copy of click, and raises its exceptions
    from typer._click import exceptions as _click
except ImportError:  # pragma: no cover - older typer, on click itself
    from click import exceptions as _click  # type: ignore[no-redef]

from invitecore import __version__
from invitecore.errors import Terminated, printable

__all__ = [
    "BUNDLED_PLUGINS",
    "EXIT_BROKEN_PIPE",
    "EXIT_INTERNAL",
    "NO_PLUGINS_HINT",
    "app",
    "quiet_stdout",
    "say",
    "set_redactor",
    "set_verbose",
]

EXIT_INTERNAL = 4
"""Exit code for a bug in invitecore itself (an exception no user input should cause)."""
EXIT_BROKEN_PIPE = 128 + 13
"""Exit code when the output is a pipe whose reader has gone (``| head -1``): SIGPIPE's."""

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

_state: dict[str, Any] = {"verbose": False, "redact": None}


def set_verbose(on: bool) -> None:
    """Show the traceback of an internal error (``run --verbose``)."""
    _state["verbose"] = on


def set_redactor(redact: Callable[[str], str] | None) -> None:
    """Pass every line :func:`say` prints through ``redact`` (``run --redact``), or stop."""
    _state["redact"] = redact


def say(message: str) -> None:
    """One line on stderr, prefixed with the program name: control characters and line breaks
    in it escaped, names and addresses replaced under ``--redact``."""
    redact = _state["redact"]
    if redact is not None:
        message = redact(message)
    with contextlib.suppress(OSError):  # stderr itself is gone: nothing left to tell
        typer.echo(f"invitecore: {printable(message)}", err=True)


def quiet_stdout() -> None:
    """Point standard output at /dev/null, so that what is still buffered for a closed pipe or
    a full disk does not fail again, with a traceback, when the interpreter exits."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


def _usage_line(error: _click.UsageError) -> str:
    """A usage error as invitecore's own errors read: one line, and where the help is."""
    message = error.format_message().strip().rstrip(".")
    message = " ".join(message.split())
    if message[:1].isupper() and not message[1:2].isupper():
        message = message[0].lower() + message[1:]
    command = error.ctx.command_path if error.ctx is not None else "invitecore"
    return f"{message} (see '{command} --help')"


class _Group(TyperGroup):
    """The command group, ending every command the same way (see the module docstring)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, _click.ClickException, typer.Abort):
            raise
        except Terminated as stop:
            raise typer.Exit(128 + stop.signum) from None
        except KeyboardInterrupt:
            raise
        except BrokenPipeError:
            quiet_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except Exception as exc:
            if _state["verbose"]:
                traceback.print_exc()
            name = type(exc).__name__
            say(
                f"internal error: {name}: {exc} (this is a bug in invitecore: please report it, "
                "with the traceback from `invitecore run --verbose`)"
            )
            raise typer.Exit(EXIT_INTERNAL) from None

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        given = list(sys.argv[1:] if args is None else args)
        bad = next((i for i, arg in enumerate(given, 1) if _not_text(arg)), None)
        if bad is not None:
            # No shell can pass one; left in, it would reach the argument parser's own
            # messages, which cannot print it.
            say(f"argument {bad} is not valid text (it holds half of a surrogate pair)")
            if standalone_mode:
                sys.exit(2)
            return 2
        try:
            code = super().main(
                args=args,
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        except _click.NoArgsIsHelpError as error:
            error.show()
            code = error.exit_code
        except _click.UsageError as error:
            say(_usage_line(error))
            code = error.exit_code
        except _click.ClickException as error:
            say(error.format_message())
            code = error.exit_code
        except typer.Abort:
            code = 128 + signal.SIGINT
        if standalone_mode:
            sys.exit(code or 0)
        return code


def _not_text(arg: str) -> bool:
    """True for an argument holding a lone surrogate that no bytes decode to: not one that
    stands for an undecodable byte of a file name (U+DC80-U+DCFF, as Python decodes them)."""
    return any(
        "\ud800" <= ch <= "\udfff" and not "\udc80" <= ch <= "\udcff" for ch in arg
    )


app = typer.Typer(
    name="invitecore",
    help="Decide whether and how to send a LinkedIn invitation, before you click Send.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=_Group,
)


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
