"""Help pages that read the same whichever supported typer version is installed.

Each parameter is shown by its ``metavar`` (``PATH...``, ``FILE``, ``N``), as docs/cli.md shows
it. Recent typer releases decorate the plain help on their own: braces around a required
argument in the usage line (``{PATH...}...``), a type label after it (``<list[str]>``), and
some versions escape the brackets of ``[required]``. The usage line and the argument rows are
written here from the metavars instead; option rows are typer's, with their explicit metavars.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand

__all__ = ["PlainHelpCommand"]


# typer 0.29 and later bring their own copy of click (typer._click), so parameters are told apart
# by their type name rather than by click's classes.


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", None) == "argument"


def _argument_name(param: Any) -> str:
    if param.metavar:
        return str(param.metavar)
    name = (param.name or "").upper()
    return f"{name}..." if param.nargs != 1 else name


def _unescape(text: str) -> str:
    return text.replace("\\[", "[")


class PlainHelpCommand(TyperCommand):
    """A command whose ``--help`` names arguments and options by their metavars only."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if _is_argument(param):
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            if _is_argument(param):
                if getattr(param, "hidden", False):
                    continue
                text: str = getattr(param, "help", None) or ""
                if param.required:
                    text = f"{text}  [required]" if text else "[required]"
                arguments.append((_argument_name(param), text))
                continue
            record: Any = param.get_help_record(ctx)
            if record is not None:
                options.append((record[0], _unescape(record[1])))
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)
