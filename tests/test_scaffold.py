"""``invitecore new-plugin``: the package it writes passes its own tests with no edits.

The install-and-test round trip (pip install into a throwaway folder, then the package's tests
and ``invitecore plugins`` from there) is in tests/integration/test_scaffold_install.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from invitecore import __version__
from invitecore.cli import app

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def new_plugin(*args: str) -> Result:
    return CliRunner().invoke(app, ["new-plugin", *args])


def test_it_writes_a_package_whose_tests_pass(tmp_path: Path) -> None:
    result = new_plugin("quick-call", "-d", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    package = tmp_path / "invitecore-quick-call"
    assert f"Created {package}/ (plugin 'quick-call', rule codes QUI1xx):" in result.stdout
    files = {p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()}
    assert files == {
        "README.md",
        "pyproject.toml",
        "src/invitecore_quick_call/__init__.py",
        "src/invitecore_quick_call/plugin.py",
        "src/invitecore_quick_call/py.typed",
        "src/invitecore_quick_call/rule_cases.toml",
        "tests/conftest.py",
        "tests/test_plugin.py",
    }
    tested = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=package,
        capture_output=True,
        text=True,
        check=False,
    )
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "5 passed" in tested.stdout


def test_the_pyproject_has_the_entry_point_and_a_range_on_invitecore(tmp_path: Path) -> None:
    new_plugin("invitecore-salutations", "-d", str(tmp_path), "--prefix", "sal")
    project = tomllib.loads(
        (tmp_path / "invitecore-salutations" / "pyproject.toml").read_text(encoding="utf-8")
    )["project"]
    assert project["name"] == "invitecore-salutations"
    assert project["entry-points"]["invitecore"] == {"salutations": "invitecore_salutations.plugin"}
    major, minor = __version__.split(".")[:2]
    # Before 1.0 a new plugin declares the core's minor version only, as the bundled ones do.
    upper = f"0.{int(minor) + 1}" if major == "0" else str(int(major) + 1)
    assert project["dependencies"] == [f"invitecore>={major}.{minor},<{upper}"]
    plugin = tmp_path / "invitecore-salutations/src/invitecore_salutations/plugin.py"
    assert 'IMPERSONAL = "SAL101"' in plugin.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Quick Call",), "is not a plugin name"),
        (("lion",), "the rule-code prefix LIO from 'lion' is taken; choose one with --prefix"),
        (("quick-call", "--prefix", "SPM"), "--prefix SPM: taken"),
        (("quick-call", "--prefix", "Q1"), "2 to 4 capital letters"),
    ],
)
def test_names_it_cannot_use_exit_2(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = new_plugin(*args, "-d", str(out))
    assert result.exit_code == 2
    assert message in result.stderr
    assert list(out.iterdir()) == []


def test_it_never_overwrites_a_folder(tmp_path: Path) -> None:
    (tmp_path / "invitecore-quick-call").mkdir()
    result = new_plugin("quick-call", "-d", str(tmp_path))
    assert result.exit_code == 2
    assert "already exists" in result.stderr
