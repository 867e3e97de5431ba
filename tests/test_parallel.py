"""Parallel runs give batch checks exactly what a single process gives them, and a run computes
the summary sections only when something shows them."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from invitecore import CaseResult, Rule, hookimpl
from invitecore.cli import app


class CountingCheck:
    """A third-party batch check that counts what it is shown of each result."""

    name = "counted"

    def __init__(self) -> None:
        self.rows = self.signals = self.factors = self.headlines = self.advice = 0

    def observe(self, result: CaseResult) -> None:
        self.rows += 1
        if result.classification is not None:
            self.signals += len(result.classification.signals)
        if result.risk is not None:
            self.factors += len(result.risk.factors)
        if result.profile is not None and result.profile.headline:
            self.headlines += 1
        self.advice += len(result.advice)

    def finish(self) -> Mapping[str, Any]:
        return {
            "rows": self.rows,
            "signals": self.signals,
            "factors": self.factors,
            "headlines": self.headlines,
            "advice": self.advice,
            "headline": f"{self.rows} rows",
        }


class Counting:
    """A plugin offering the counting check, and remembering whether it was asked."""

    asked = 0

    @staticmethod
    @hookimpl
    def invitecore_rules() -> list[Rule]:
        return []

    @staticmethod
    @hookimpl
    def invitecore_batch_checks() -> list[CountingCheck]:
        Counting.asked += 1
        return [CountingCheck()]


def _list(folder: Path, rows: int = 60) -> Path:
    source = folder / "list.jsonl"
    lines = [
        json.dumps(
            {
                "id": str(i),
                "profile": {"name": f"P{i}", "headline": "OPENNET" if i % 2 else "Sales"},
                "invitation": {"note": "" if i % 3 else "hello"},
            }
        )
        for i in range(rows)
    ]
    source.write_text("\n".join([*lines, "{broken"]) + "\n", encoding="utf-8")
    return source


@pytest.fixture
def counting(install: Any, sample_plugin: Any) -> type[Counting]:
    Counting.asked = 0
    install(sample=sample_plugin, counting=Counting)
    return Counting


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_batch_checks_see_the_same_results_with_any_number_of_jobs(
    counting: type[Counting], tmp_path: Path, fmt: str
) -> None:
    source = _list(tmp_path)
    sections = []
    for jobs in ("1", "2"):
        summary = tmp_path / f"summary-{jobs}.json"
        outcome = CliRunner().invoke(
            app, ["run", str(source), "-f", fmt, "--jobs", jobs, "--summary", str(summary)]
        )
        assert outcome.exit_code == 2, outcome.output  # the broken row
        sections.append(json.loads(summary.read_text(encoding="utf-8"))["counted"])
    assert sections[0] == sections[1]
    assert sections[0]["rows"] == 61
    assert sections[0]["signals"] == 30  # one TST101 per OPENNET headline: nothing slimmed
    assert sections[0]["headlines"] == 60
    assert sections[0]["factors"] > 0
    assert sections[0]["advice"] > 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_rows_only_formats_run_no_batch_check_without_summary(
    counting: type[Counting], tmp_path: Path, jobs: str
) -> None:
    outcome = CliRunner().invoke(app, ["run", str(_list(tmp_path)), "-f", "jsonl", "-j", jobs])
    assert outcome.exit_code == 2
    assert len(outcome.stdout.splitlines()) == 61
    assert counting.asked == 0


def test_summary_file_is_the_json_formats_summary(counting: type[Counting], tmp_path: Path) -> None:
    source = _list(tmp_path)
    summary = tmp_path / "summary.json"
    rows = CliRunner().invoke(app, ["run", str(source), "-f", "csv", "--summary", str(summary)])
    whole = CliRunner().invoke(app, ["run", str(source), "-f", "json"])
    assert rows.exit_code == whole.exit_code == 2
    written = json.loads(summary.read_text(encoding="utf-8"))
    assert written == json.loads(whole.stdout)["summary"]
    assert {"duplicates", "notes", "send_plan", "counted"} <= set(written)
    assert written["cases"] == 61
