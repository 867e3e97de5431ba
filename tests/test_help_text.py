"""`invitecore COMMAND --help` reads as docs/cli.md shows it, whatever supported typer is installed.

Recent typer releases decorate plain help on their own (``{PATH...}...`` in the usage line,
``<list[str]>`` and ``<int range>`` after a name); invitecore names every argument and option
by an explicit metavar instead (see invitecore.cli._help). The `lowest` nox session runs these
tests with the oldest typer the project supports, the other sessions with the newest.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from invitecore.cli import app

CLI_MD = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
COMMANDS = ["run", "plugins", "rules", "rule", "formats", "new-plugin"]

# The synopsis under each command's heading: ```text\ninvitecore run [OPTIONS] PATH...\n```
SYNOPSES = dict(
    re.findall(r"^## invitecore ([\w-]+)\n\n```text\n(invitecore [^\n]*)\n```", CLI_MD, re.M)
)

# What typer adds in some versions and docs/cli.md never shows: braces around a required
# argument, type labels, an escaped bracket before "required".
LEAKS = re.compile(r"\{[A-Z]|\}\.\.\.|<(?:list|int|str|float|file|path|bool|text)\b|range>|\\\[")


def help_text(command: str) -> str:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    return result.output


def documented_metavars(command: str) -> dict[str, str]:
    """Option -> metavar as docs/cli.md writes them: `--format NAME` in the first column of the
    run table, `[-c/--config FILE]` or `[--prefix XYZ]` in a synopsis."""
    body = CLI_MD.split(f"## invitecore {command}\n", 1)[1].split("\n## ", 1)[0]
    cells = [line.split(" | ", 1)[0] for line in body.splitlines() if line.startswith("| `")]
    where = "\n".join([SYNOPSES[command], *cells])
    return dict(re.findall(r"(--?[a-z][\w-]*) ([A-Z][A-Z_]*(?:\.\.\.)?)(?![\w,])", where))


def shown_metavars(text: str) -> list[tuple[list[str], str]]:
    """Each option row of the help: its names and metavar (`  -f, --format NAME  ...`)."""
    rows = re.findall(r"^  (-[\w-]+(?:, -[\w-]+)*)(?: (\S+))?(?: {2,}|$)", text, re.M)
    return [(names.split(", "), metavar) for names, metavar in rows]


def test_every_command_has_a_synopsis() -> None:
    assert sorted(SYNOPSES) == sorted(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_no_type_labels_leak(command: str) -> None:
    text = help_text(command)
    leaked = LEAKS.findall(text)
    assert not leaked, f"invitecore {command} --help shows {leaked}:\n{text}"


@pytest.mark.parametrize("command", COMMANDS)
def test_usage_line_has_the_documented_arguments(command: str) -> None:
    usage = help_text(command).splitlines()[0]
    # The synopsis's words in capitals after the options are its arguments: PATH..., CODE, NAME.
    synopsis = re.sub(r"\[[^]]*\]", "", SYNOPSES[command]).split()[2:]
    arguments = " ".join(word for word in synopsis if word.rstrip(".").isupper())
    expected = f"Usage: invitecore {command} [OPTIONS]" + (f" {arguments}" if arguments else "")
    assert usage == expected


@pytest.mark.parametrize("command", COMMANDS)
def test_options_show_the_documented_metavars(command: str) -> None:
    documented = documented_metavars(command)
    for names, metavar in shown_metavars(help_text(command)):
        in_docs = {documented[name] for name in names if name in documented}
        if metavar:  # an option that takes a value is documented with the same metavar
            assert in_docs == {metavar}, f"invitecore {command} {names}: docs/cli.md {in_docs}"
        else:
            assert not in_docs, f"invitecore {command} {names}: a flag, docs/cli.md {in_docs}"


def test_run_help_names_and_describes_the_inputs_path() -> None:
    text = help_text("run")
    # Typer before 0.26 on click 8.2+ left the argument's description out.
    assert re.search(r"^  PATH\.\.\.  Case files or prospect lists", text, re.M), text
    assert "-j, --jobs N " in text


def test_a_misspelled_option_reads_as_documented() -> None:
    result = CliRunner().invoke(app, ["run", "--outptu", "x"])
    shown = re.search(r"`(invitecore: no such option: --outptu[^`]*)`", CLI_MD)
    assert shown, "docs/cli.md shows the error line of a misspelled option"
    assert result.exit_code == 2
    assert result.stderr.strip() == shown.group(1)
