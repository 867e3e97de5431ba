"""On a terminal, the progress line never shares a line with the report."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def _run_on_a_terminal(arguments: list[str], cwd: Path) -> str:
    """Run the CLI with stdout and stderr on one pseudo-terminal, as in a shell; its screen."""
    controller, terminal = pty.openpty()
    env = {**os.environ, "INVITECORE_LOAD_PLUGINS": "", "COLUMNS": "120"}
    child = subprocess.Popen(
        [sys.executable, "-m", "invitecore", "run", *arguments],
        stdin=subprocess.DEVNULL,
        stdout=terminal,
        stderr=terminal,
        cwd=cwd,
        env=env,
    )
    os.close(terminal)
    chunks = []
    while True:
        ready, _, _ = select.select([controller], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(controller, 1 << 16)
        except OSError:  # the child closed its side
            break
        if not chunk:
            break
        chunks.append(chunk)
    child.wait(timeout=30)
    os.close(controller)
    return b"".join(chunks).decode("utf-8", "replace")


def _list(folder: Path, rows: int) -> Path:
    source = folder / "list.jsonl"
    source.write_text(
        "\n".join(json.dumps({"profile": {"name": f"Person {i}"}}) for i in range(rows)) + "\n",
        encoding="utf-8",
    )
    return source


def test_no_progress_line_when_the_report_is_on_the_terminal(tmp_path: Path) -> None:
    screen = _run_on_a_terminal([str(_list(tmp_path, 40)), "-f", "text"], tmp_path)
    assert "Person 0" in screen
    assert "elapsed" not in screen  # the progress line's own words


def test_progress_to_the_terminal_when_the_report_goes_to_a_file(tmp_path: Path) -> None:
    report = tmp_path / "out.jsonl"
    screen = _run_on_a_terminal(
        [str(_list(tmp_path, 20_000)), "-f", "jsonl", "-o", str(report)], tmp_path
    )
    assert len(report.read_text(encoding="utf-8").splitlines()) == 20_000
    lines = [line.split("\r")[-1] for line in screen.replace("\r\n", "\n").split("\n")]
    # Whatever progress was drawn has been erased: what is left on screen is only the one-line
    # messages (here, that no rule plugin is installed).
    left = [line for line in lines if line.strip() and not line.startswith("invitecore: ")]
    assert left == [], left[-3:]
