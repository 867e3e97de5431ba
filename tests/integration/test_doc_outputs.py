"""The example reports in README.md and docs/ are real runs: each ``console`` block that shows
``$ invitecore run ...`` on the bundled examples must print exactly what the command prints
with the four bundled plugins installed.

After a change that moves a report on purpose, rewrite the blocks from real runs with
``python tests/integration/test_doc_outputs.py --update`` and read the diff before committing.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ("lion", "email_headline", "personalization", "spam_risk")

# The pages whose example reports are shown whole (others cut lines short with "...").
PAGES = ("README.md", "docs/output.md", "docs/index.md")
BLOCK = re.compile(r"```console\n\$ (invitecore run [^\n]*)\n(.*?)```", re.S)
# A machine-format example: a comment naming the command it is the output of, then the block.
SHOWN = re.compile(r"<!-- output of: (invitecore run [^\n]*?) -->\n\n```(\w+)\n(.*?)```", re.S)


def _blocks() -> list[tuple[str, str, str]]:
    found = []
    for page in PAGES:
        text = (ROOT / page).read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            command, shown = match.group(1), match.group(2)
            if shown.strip():  # a block that shows only the command has nothing to check
                found.append((page, command, shown))
        found += [(page, m.group(1), m.group(3)) for m in SHOWN.finditer(text)]
    return found


def _run(command: str) -> str:
    from typer.testing import CliRunner

    from invitecore.cli import app

    args = shlex.split(command)[1:]
    expanded: list[str] = []
    for arg in args:  # the shell's glob, as a user's shell expands it
        matches = sorted(str(p.relative_to(ROOT)) for p in ROOT.glob(arg)) if "*" in arg else []
        expanded += matches or [arg]
    old = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(
            app, expanded, env={"NO_COLOR": "1", "INVITECORE_LOAD_PLUGINS": None}
        )
    finally:
        os.chdir(old)
    return result.stdout


BLOCKS = _blocks()


@pytest.mark.parametrize(
    ("page", "command", "shown"), BLOCKS, ids=[f"{p}: {c}" for p, c, _ in BLOCKS]
)
def test_the_example_report_is_what_the_command_prints(page: str, command: str, shown: str) -> None:
    for name in PLUGINS:
        pytest.importorskip(f"invitecore_{name}.plugin")
    assert _run(command) == shown, f"{page}: rerun `{command}` and update the block"


def _update() -> None:
    for page in PAGES:
        path = ROOT / page
        text = path.read_text(encoding="utf-8")

        def fresh(match: re.Match[str]) -> str:
            if not match.group(2).strip():
                return match.group(0)
            return f"```console\n$ {match.group(1)}\n{_run(match.group(1))}```"

        def fresh_shown(match: re.Match[str]) -> str:
            command, kind = match.group(1), match.group(2)
            return f"<!-- output of: {command} -->\n\n```{kind}\n{_run(command)}```"

        text = SHOWN.sub(fresh_shown, BLOCK.sub(fresh, text))
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        raise SystemExit("usage: python tests/integration/test_doc_outputs.py --update")
    _update()
