"""``invitecore new-plugin`` end to end: the package it writes installs (pip, into a throwaway
folder), is found through its entry point, and passes its own tests, with no edits. Slow (a
package build), so it runs in the integration session."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from invitecore.cli import app


def run(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_a_new_plugin_installs_and_passes_its_tests(tmp_path: Path) -> None:
    made = CliRunner().invoke(app, ["new-plugin", "salutations", "-d", str(tmp_path)])
    assert made.exit_code == 0, made.stderr
    package = tmp_path / "invitecore-salutations"
    target = tmp_path / "site"
    # Without network, build with the hatchling already installed; otherwise pip fetches it.
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-build-isolation"]
    installed = run(
        "-m", "pip", "install", "--quiet", "--no-deps", *isolation,
        "--target", str(target), str(package),
        cwd=tmp_path, env=dict(os.environ),
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    env = {**os.environ, "PYTHONPATH": str(target), "INVITECORE_LOAD_PLUGINS": "salutations"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    listed = run("-m", "invitecore", "plugins", cwd=tmp_path, env=env)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert "salutations (invitecore-salutations 0.1.0) [active]" in listed.stdout
    # Its tests, run against the installed copy (not src/), from a folder outside the package.
    tested = run(
        "-m", "pytest", "-q", "-p", "no:cacheprovider", str(package / "tests"),
        "--rootdir", str(package), cwd=tmp_path, env=env,
    )  # fmt: skip
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "5 passed" in tested.stdout
