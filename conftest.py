"""Shared by every test suite of the repository (core, plugins, example): a skipped test must
be one the project has decided to skip.

With ``INVITECORE_STRICT_SKIPS=1`` (CI sets it), a session fails when a test is skipped and its
node id matches no pattern in ``tests/allowed-skips.txt``: a missing test dependency or a
platform quirk then shows up as a failure instead of a quiet ``s`` in the progress line.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

import pytest

ALLOWED = Path(__file__).parent / "tests" / "allowed-skips.txt"
_unexpected: list[str] = []


def _allowed_patterns() -> list[str]:
    patterns = []
    for line in ALLOWED.read_text(encoding="utf-8").splitlines():
        pattern = line.split("#", 1)[0].strip()
        if pattern:
            patterns.append(pattern)
    return patterns


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    skipped = report.skipped and not hasattr(report, "wasxfail")  # an xfail is not a skip
    if skipped and not any(fnmatch.fnmatch(report.nodeid, p) for p in _allowed_patterns()):
        _unexpected.append(f"{report.nodeid}: {report.longrepr}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _unexpected and os.environ.get("INVITECORE_STRICT_SKIPS") == "1":
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _unexpected and os.environ.get("INVITECORE_STRICT_SKIPS") == "1":
        terminalreporter.section("skips not in tests/allowed-skips.txt (INVITECORE_STRICT_SKIPS)")
        for line in _unexpected:
            terminalreporter.line(line)
