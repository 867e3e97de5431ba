"""A free account's batch of 50 blank invitations: every row and the send plan tell one story.

A free account adds a personal note to only about 5 invitations a month (docs/sources.md 4),
so in a real batch most invitations go out blank. The send plan gives the month's notes to
the strangers who need them most; every row says what to do without one: send blank (open
networkers, people who know you), warm up first, or wait for next month's notes. No row
promises a note the plan has no room for (docs/engine.md, docs/batch.md).

Runs ``invitecore run`` with every installed plugin, as a user would; skips when the four
plugins are not installed. Made-up people only.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

for _name in ("lion", "email_headline", "personalization", "spam_risk"):
    pytest.importorskip(f"invitecore_{_name}.plugin")

from invitecore.cli import app  # noqa: E402

# Ten of each: what the profile says, the relationship, the plan's group for it.
KINDS: dict[str, tuple[dict[str, Any], str]] = {
    "open": ({"headline": "Recruiter | LION | open networker, I accept all invites"}, "none"),
    "known": ({"headline": "Operations lead"}, "colleague"),
    "conditional": (
        {"about": "Happy to connect with people in logistics; please add a note saying why."},
        "none",
    ),
    "selective": ({"about": "I only connect with people I know personally."}, "none"),
    "unknown": ({"headline": "Product manager"}, "none"),
}
FIRST = ["Ana", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun"]


def _prospects() -> list[dict[str, Any]]:
    rows = []
    for kind, (profile, relationship) in KINDS.items():
        for i, first in enumerate(FIRST):
            rows.append(
                {
                    "name": f"{first} {kind.capitalize()}{i}",
                    "first_name": first,
                    **profile,
                    "relationship": relationship,
                    "note": "",
                }
            )
    return rows


def _run(tmp_path: Path, account: str) -> dict[str, Any]:
    prospects = tmp_path / "prospects.jsonl"
    prospects.write_text("".join(json.dumps(r) + "\n" for r in _prospects()), encoding="utf-8")
    config = tmp_path / "invitecore.toml"
    config.write_text(f'[sender]\naccount = "{account}"\n', encoding="utf-8")
    result = CliRunner().invoke(
        app, ["run", str(prospects), "-f", "json", "-c", str(config), "--fail-on", "never"]
    )
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    assert len(report["results"]) == 50  # one row per prospect
    return report


def _kind(row: dict[str, Any]) -> str:
    return row["name"].split()[1].rstrip("0123456789").lower()


def _texts(row: dict[str, Any]) -> list[str]:
    return [f.get("suggestion") or "" for f in row["findings"]] + [a["text"] for a in row["advice"]]


def test_rows_and_plan_agree_on_a_free_account(tmp_path: Path) -> None:
    report = _run(tmp_path, "free")
    rows = report["results"]
    plan = report["summary"]["send_plan"]
    notes = plan["personalized_notes"]
    verdicts: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    for row in rows:
        verdicts[_kind(row)][row["verdict"]] += 1

    # Blank is normal practice with open networkers and people who know you: send, as is.
    assert verdicts["open"] == {"send": 10}
    assert verdicts["known"] == {"send": 10}
    for row in rows:
        if _kind(row) in ("open", "known"):
            assert {f["severity"] for f in row["findings"] if f["code"] == "PER101"} == {"info"}
    # Strangers who may decline: warm up or drop, never "revise" into a note.
    assert set(verdicts["selective"]) <= {"warm_up", "do_not_send"}
    assert verdicts["unknown"] == {"warm_up": 10}
    # Strangers whose camp asks for a note: they need one of the month's notes.
    assert verdicts["conditional"] == {"revise": 10}

    # The plan: the month's 5 notes go to 5 of the 10 who need one; 5 wait; 20 go blank.
    assert notes["monthly_limit"] == 5
    assert len(notes["give_to"]) == 5
    assert all("Conditional" in label for label in notes["give_to"])
    assert notes["waiting"] == 5
    assert notes["without_note"]["count"] == 20
    assert plan["warm_up"]["count"] + plan["drop"]["count"] == 20
    text = "\n".join(plan["lines"])
    assert "5 more invitations to strangers need a note: wait for next month's notes" in text
    assert "20 invitations can go without a note" in text

    # No row promises a note outright: the plan decides who gets this month's.
    for row in rows:
        for line in _texts(row):
            assert not line.startswith("Add a short note:"), (row["name"], line)
            assert not line.startswith("Then invite with a personal note:"), (row["name"], line)


def test_a_premium_account_is_told_to_add_the_note(tmp_path: Path) -> None:
    report = _run(tmp_path, "premium")
    rows = [r for r in report["results"] if _kind(r) == "conditional"]
    assert all(r["verdict"] == "revise" for r in rows)
    assert all(
        any(line.startswith("Add a short note:") for line in _texts(row)) for row in rows
    )
    assert report["summary"]["send_plan"]["personalized_notes"]["free_account_prospects"] == 0
