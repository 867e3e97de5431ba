"""Account-level batch checks, template gaps, parallel runs and the progress line."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from invitecore import Case, Finding, Invitation, Profile, Rule, Sender, TemplateGap, hookimpl
from invitecore.builtin.duplicates import DuplicateProspects, FingerprintSet
from invitecore.builtin.repeated_notes import RepeatedNotes, note_shape
from invitecore.builtin.send_plan import SendPlan, weekly_expected_responses
from invitecore.cli import app
from invitecore.engine import Engine
from invitecore.models import (
    Classification,
    NetworkingCamp,
    Risk,
    RiskLevel,
    Verdict,
)
from invitecore.parallel import evaluate_parallel
from invitecore.progress import Progress, count_lines
from invitecore.results import CaseResult, Source


def result(
    name: str = "Ada Lane",
    *,
    line: int = 1,
    url: str | None = None,
    company: str | None = None,
    note: str = "",
    verdict: Verdict = Verdict.SEND,
    score: float = 10.0,
    level: RiskLevel = RiskLevel.LOW,
    camp: NetworkingCamp = NetworkingCamp.UNKNOWN,
    account: str = "free",
) -> CaseResult:
    """A finished result, as the engine would hand it to batch checks."""
    return CaseResult(
        id=None,
        source=Source(file="list.csv", line=line),
        profile=Profile(name=name, url=url, company=company),
        classification=Classification(camp=camp, confidence=0.5),
        invitation=Invitation(note=note),
        sender=Sender(account=account),
        risk=Risk(score=score, level=level),
        verdict=verdict,
    )


class TestDuplicates:
    def test_same_url_in_another_spelling_is_a_duplicate(self) -> None:
        check = DuplicateProspects()
        check.observe(result(url="https://www.linkedin.com/in/ada-lane/"))
        check.observe(result(name="A. Lane", url="http://linkedin.com/in/ada-lane?trk=x", line=2))
        section = check.finish()
        assert section["count"] == 1
        assert "same URL" in section["lines"][0]
        assert section["warnings"]

    def test_same_name_and_company_is_a_duplicate_but_name_alone_is_not(self) -> None:
        check = DuplicateProspects()
        check.observe(result(company="Acme"))
        check.observe(result(name="ada  LANE", company="acme", line=2))
        check.observe(result(company="Globex", line=3))
        assert check.finish()["count"] == 1

    def test_a_row_matching_on_both_is_reported_by_its_url_and_remembers_both(self) -> None:
        check = DuplicateProspects()
        check.observe(result(url="https://x.example/ada", company="Acme"))
        check.observe(result(url="https://x.example/ada", company="Acme", line=2))
        check.observe(
            result(name="Ada Lane", url="https://x.example/other", company="Acme", line=3)
        )
        check.observe(result(name="Someone Else", url="https://x.example/ada", line=4))
        section = check.finish()
        assert section["count"] == 3
        assert [line.rsplit(": ", 1)[1] for line in section["lines"]] == [
            "same URL as an earlier row",
            "same name and company as an earlier row",
            "same URL as an earlier row",
        ]

    def test_no_duplicates_no_warning(self) -> None:
        check = DuplicateProspects()
        for index in range(50):
            check.observe(result(name=f"P{index}", url=f"https://x.example/{index}"))
        section = check.finish()
        assert section["count"] == 0
        assert section["warnings"] == []

    def test_the_fingerprint_set_grows_and_forgets_nothing(self) -> None:
        seen = FingerprintSet(slots=8)
        assert [seen.add(f"k{i}") for i in range(5_000)] == [False] * 5_000
        assert len(seen.slots) >= 5_000 * 4 // 3  # grew from 8 slots, at most 3/4 full
        assert all(seen.add(f"k{i}") for i in range(5_000))
        assert seen.count == 5_000

    def test_a_long_list_finds_every_duplicate_and_no_other(self) -> None:
        check = DuplicateProspects()
        for index in range(20_000):
            check.observe(result(name=f"P{index}", url=f"https://x.example/{index}"))
        check.observe(result(name="again", url="https://x.example/3"))
        check.observe(result(name="again", url="https://x.example/19999"))
        assert check.finish()["count"] == 2

class TestRepeatedNotes:
    def test_template_notes_with_different_names_are_one_group(self) -> None:
        check = RepeatedNotes(warn_at=3)
        for index, first in enumerate(["Ada", "Bo", "Cy", "Di"]):
            check.observe(
                result(name=f"{first} Example", note=f"Hi {first}! Let's connect.", line=index + 1)
            )
        check.observe(result(name="Eve Example", note="Hi Eve, we met at the Lisbon meetup."))
        section = check.finish()
        assert section["largest_group"] == 4
        assert section["groups"][0]["count"] == 4
        assert section["warnings"]

    def test_below_the_threshold_no_warning(self) -> None:
        check = RepeatedNotes(warn_at=10)
        check.observe(result(name="Ada X", note="Hi Ada, hello"))
        check.observe(result(name="Bo X", note="Hi Bo, hello"))
        section = check.finish()
        assert section["largest_group"] == 2
        assert section["warnings"] == []

    def test_memory_stays_within_the_window(self) -> None:
        check = RepeatedNotes(window=100)
        for index in range(1000):
            check.observe(result(name="Ada X", note=f"unique note number {index} " * 2))
        check.observe(result(name="Ada X", note="template"))
        check.observe(result(name="Bo X", note="template"))
        assert len(check.counts) <= 101
        assert check.finish()["largest_group"] == 2

    def test_note_shape_ignores_names_case_and_punctuation(self) -> None:
        assert note_shape("Hi ADA, great!!", ("Ada",)) == note_shape("hi bo great", ("Bo",))


class TestSendPlan:
    def test_orders_lowest_risk_first_and_counts_weeks(self) -> None:
        plan = SendPlan(weekly_limit=2, examples=5)
        plan.observe(result("High", score=70, level=RiskLevel.HIGH, verdict=Verdict.REVISE))
        plan.observe(result("Low", score=5))
        plan.observe(result("Open", score=5, camp=NetworkingCamp.OPEN_NETWORKER))
        plan.observe(result("Warm", verdict=Verdict.WARM_UP))
        plan.observe(result("Drop", verdict=Verdict.DO_NOT_SEND))
        section = plan.finish()
        assert section["invitable"] == 3
        assert section["weeks"] == 2
        assert [label.split(" (")[0] for label in section["first_week"]] == ["Open", "Low"]
        assert section["warm_up"]["count"] == 1
        assert section["drop"]["count"] == 1

    def test_free_account_notes_go_to_the_riskiest_invitable(self) -> None:
        plan = SendPlan(monthly_notes=2)
        for index, score in enumerate([10, 50, 30, 45]):
            plan.observe(result(f"P{score}", score=score, line=index + 1))
        plan.observe(result("Premium", score=90, account="premium"))
        plan.observe(result("Warm", score=95, verdict=Verdict.WARM_UP))
        notes = plan.finish()["personalized_notes"]["give_to"]
        assert [label.split(" (")[0] for label in notes] == ["P50", "P45"]

    def test_expected_responses_warn_at_the_restriction_threshold(self) -> None:
        plan = SendPlan(restriction_threshold=5, response_rates={"high": 0.5})
        for index in range(10):
            plan.observe(
                result(f"P{index}", score=80, level=RiskLevel.HIGH, verdict=Verdict.REVISE)
            )
        section = plan.finish()
        assert section["expected_idk_responses"] == 5.0
        assert any("restrict an account" in w for w in section["warnings"])

    def test_no_warning_for_a_safe_plan(self) -> None:
        plan = SendPlan()
        for index in range(20):
            plan.observe(result(f"P{index}"))
        section = plan.finish()
        assert section["expected_idk_responses"] == pytest.approx(0.2)
        assert section["warnings"] == []

    def test_weekly_expected_responses_fill_lowest_risk_first(self) -> None:
        weeks = weekly_expected_responses(
            {RiskLevel.LOW: 3, RiskLevel.HIGH: 3}, {"low": 0.0, "high": 1.0}, 4
        )
        assert weeks == [1.0, 2.0]

    def test_a_person_is_planned_once(self) -> None:
        plan = SendPlan()
        for line in (1, 2, 3):  # three identical rows
            plan.observe(result("Jess Morgan", line=line, url="https://x.example/jess"))
        plan.observe(result("Jess Morgan", line=4, company="Acme"))  # the same person again?
        plan.observe(result("Jess Morgan", line=5, company="Acme"))  # ... by name and company
        section = plan.finish()
        assert section["invitable"] == 2
        assert section["duplicates"]["count"] == 3
        assert [label.split(" (")[0] for label in section["first_week"]] == ["Jess Morgan"] * 2
        assert any("copies of a person already planned (3)" in line for line in section["lines"])

    def test_free_account_notes_go_to_strangers_who_need_them_and_the_rest_wait(self) -> None:
        plan = SendPlan(monthly_notes=2)
        for index in range(5):
            plan.observe(result(f"Stranger{index}", line=index + 1, score=10 * index))
        plan.observe(
            result("Open", line=9, camp=NetworkingCamp.OPEN_NETWORKER, score=5)
        )
        section = plan.finish()
        notes = section["personalized_notes"]
        assert [label.split(" (")[0] for label in notes["give_to"]] == ["Stranger4", "Stranger3"]
        assert notes["waiting"] == 3
        assert notes["without_note"]["count"] == 1
        text = " ".join(section["lines"])
        assert "3 more invitations to strangers need a note" in text
        assert "1 invitation can go without a note" in text

    def test_the_plan_reads_like_a_colleague_wrote_it(self) -> None:
        plan = SendPlan(weekly_limit=1_000)
        for index in range(1_234):
            plan.observe(result(f"P{index}", line=index + 1))
        section = plan.finish()
        assert section["headline"] == "Invite 1,234 people over 2 weeks, 1,000 a week"
        assert section["lines"][0].startswith("This week: invite 1,000, lowest risk first: P0")
        assert "and 990 more" in section["lines"][0]
        assert not any("(s)" in line for line in [section["headline"], *section["lines"]])

    def test_pending_limit_warning(self) -> None:
        plan = SendPlan(pending_limit=3)
        for index in range(4):
            plan.observe(result(f"P{index}"))
        assert any("pending" in w for w in plan.finish()["warnings"])


class GapFlagger:
    """A plugin that flags the first `{` in a note, as the personalization plugin's PER113 does."""

    @staticmethod
    @hookimpl
    def invitecore_rules() -> list[Rule]:
        return [Rule(code="GAP101", summary="placeholder")]

    @staticmethod
    @hookimpl
    def invitecore_invitation_checks(invitation: Invitation) -> list[Finding]:
        start = invitation.note.find("{")
        if start < 0:
            return []
        end = invitation.note.index("}", start) + 1
        return [Finding(code="GAP101", message="placeholder", field="note", span=(start, end))]


def _gap_case() -> Case:
    note = "Hi Ada, how is {company}?"
    start = note.index("{")
    return Case(
        profile=Profile(name="Ada Lane"),
        invitation=Invitation(
            note=note, template_gaps=(TemplateGap(field="company", span=(start, start + 9)),)
        ),
    )


def test_template_gap_becomes_inv101_when_no_plugin_points_at_it() -> None:
    finding = Engine.from_plugins([]).evaluate(_gap_case()).findings
    assert [f.code for f in finding] == ["INV101"]
    assert finding[0].span == (15, 24)
    assert finding[0].severity is not None
    assert str(finding[0].severity) == "error"


def test_template_gap_is_not_reported_twice_when_a_plugin_flags_it() -> None:
    findings = Engine.from_plugins([("gaps", GapFlagger)]).evaluate(_gap_case()).findings
    assert [f.code for f in findings] == ["GAP101"]


def _cases(count: int) -> list[Any]:
    return [
        Case(
            id=str(index),
            profile=Profile(name=f"P{index}", headline="OPENNET" if index % 2 else None),
            invitation=Invitation(note="" if index % 3 else "hello"),
        )
        for index in range(count)
    ]


def test_parallel_results_equal_single_process_in_order(install: Any, sample_plugin: Any) -> None:
    install(sample=sample_plugin)
    cases = _cases(120)
    single = list(Engine.from_config().evaluate_many(cases))
    chunks = list(
        evaluate_parallel(cases, config=Engine.from_config().config, jobs=2, chunk_size=7)
    )
    assert [r for chunk in chunks for r in chunk.results] == single
    assert sum(chunk.counts.cases for chunk in chunks) == len(single)


def test_cli_jobs_gives_the_same_rows(install: Any, sample_plugin: Any, tmp_path: Path) -> None:
    install(sample=sample_plugin)
    source = tmp_path / "list.jsonl"
    source.write_text(
        "\n".join(json.dumps({"id": str(i), "profile": {"name": f"P{i}"}}) for i in range(40))
        + "\n{broken\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    one = runner.invoke(app, ["run", str(source), "-f", "jsonl", "--jobs", "1"])
    two = runner.invoke(app, ["run", str(source), "-f", "jsonl", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 2
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 41


def test_progress_line_counts_rows_and_estimates_time_left() -> None:
    stream = io.StringIO()
    progress = Progress(stream, total=10, hz=1e9, delay=0)
    for _ in range(4):
        progress.advance()
    progress.close()
    text = stream.getvalue()
    assert "4 rows" in text
    assert "left" in text
    assert text.endswith("\r")  # erased: what follows starts on a clean line
    assert text.rsplit("\r", 2)[-2].strip() == ""


def test_a_short_run_draws_no_progress_line() -> None:
    stream = io.StringIO()
    progress = Progress(stream, total=1)  # the default delay: half a second
    progress.advance()
    progress.close()
    assert stream.getvalue() == ""


def test_count_lines(tmp_path: Path) -> None:
    target = tmp_path / "a.jsonl"
    target.write_text("a\nb\nc\n")
    assert count_lines([str(target)]) == 3
    assert count_lines(["-"]) is None


def test_json_summary_has_the_batch_sections(
    install: Any, sample_plugin: Any, tmp_path: Path
) -> None:
    install(sample=sample_plugin)
    source = tmp_path / "list.jsonl"
    source.write_text(
        "\n".join(
            json.dumps({"profile": {"name": "Same Person", "url": "https://x.example/1"}})
            for _ in range(3)
        ),
        encoding="utf-8",
    )
    outcome = CliRunner().invoke(app, ["run", str(source), "-f", "json"])
    summary = json.loads(outcome.stdout)["summary"]
    assert summary["duplicates"]["count"] == 2
    assert summary["send_plan"]["invitable"] + summary["send_plan"]["warm_up"]["count"] == 1
    assert summary["send_plan"]["duplicates"]["count"] == 2  # planned once
    assert "notes" in summary


def test_text_report_switches_to_one_line_per_prospect_for_lists(
    install: Any, sample_plugin: Any, tmp_path: Path
) -> None:
    from invitecore.builtin.text import DETAIL_LIMIT

    install(sample=sample_plugin)
    short, long = tmp_path / "short.jsonl", tmp_path / "long.jsonl"
    row = json.dumps({"profile": {"name": "Ada Lane"}})
    short.write_text(row + "\n", encoding="utf-8")
    long.write_text((row + "\n") * (DETAIL_LIMIT + 1), encoding="utf-8")
    runner = CliRunner()
    one = runner.invoke(app, ["run", str(short)]).stdout
    many = runner.invoke(app, ["run", str(long)]).stdout
    assert "Verdict" in one
    assert "Verdict" not in many.split("Summary")[0]
    assert many.split("Summary")[0].count("Ada Lane") == DETAIL_LIMIT + 1
    assert many.splitlines()[0].startswith("verdict")


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_cli_jobs_same_output_for_csv_and_json_summary(
    install: Any, sample_plugin: Any, tmp_path: Path, fmt: str
) -> None:
    install(sample=sample_plugin)
    source = tmp_path / "list.jsonl"
    rows = [
        {"profile": {"name": f"P{i % 7} X", "company": "Acme", "headline": "OPENNET"}}
        for i in range(30)
    ]
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    runner = CliRunner()
    one = runner.invoke(app, ["run", str(source), "-f", fmt])
    two = runner.invoke(app, ["run", str(source), "-f", fmt, "-j", "2"])
    assert one.exit_code == two.exit_code
    assert one.stdout == two.stdout


def test_first_degree_connections_are_left_out_of_the_plan() -> None:
    plan = SendPlan()
    connected = Engine.from_plugins([]).evaluate(
        Case(
            source=Source(file="Connections.csv", line=5),
            profile=Profile(name="Ada Lane", connection_degree=1),
        )
    )
    plan.observe(connected)
    plan.observe(result("Bo Chen"))
    section = plan.finish()
    assert section["invitable"] == 1
    assert section["already_connected"]["count"] == 1


def test_a_first_degree_connection_is_not_judged_as_a_stranger(
    install: Any, sample_plugin: Any
) -> None:
    install(sample=sample_plugin)
    engine = Engine.from_config()
    case = Case(profile=Profile(name="Ada Lane", headline="OPENNET", connection_degree=1))
    connected = engine.evaluate(case)
    assert connected.verdict is Verdict.ALREADY_CONNECTED
    assert connected.reason is not None
    assert connected.reason.rule == "already-connected"
    assert connected.classification is not None
    assert connected.classification.camp is NetworkingCamp.OPEN_NETWORKER  # evidence still shown
    assert connected.findings == ()
    assert connected.risk is None
    stranger = engine.evaluate(Case(profile=Profile(name="Ada Lane", connection_degree=2)))
    assert stranger.verdict is Verdict.WARM_UP
