"""The fuzz suite's summary: how many generated cases each target ran (the counts
docs/testing.md reports). The budget itself is :data:`fuzzkit.FUZZ`."""

from __future__ import annotations

import pytest
from fuzzkit import CASES, EXAMPLES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not CASES:
        return
    terminalreporter.section("fuzz cases run")
    for target, cases in sorted(CASES.items()):
        terminalreporter.write_line(f"{target:<10} {cases:>9,}")
    terminalreporter.write_line(
        f"{'total':<10} {sum(CASES.values()):>9,}  (examples per property: {EXAMPLES:,})"
    )
