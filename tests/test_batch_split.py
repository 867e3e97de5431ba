"""Batch checks split into extract and accept, and what a parallel run's parent does with them."""

from __future__ import annotations

import gc
import io
import itertools
import json
import os
import pickle
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from invitecore import Case, Finding, OutputFormat, Profile, Severity
from invitecore.batch import BatchCheck, SplitBatchCheck
from invitecore.batchchecks import DuplicateProspects, RepeatedNotes, SendPlan
from invitecore.cli import app
from invitecore.engine import Engine, input_error_result
from invitecore.errors import InputError, WorkerError
from invitecore.formats.machine import JsonLinesWriter, render_json_line, write_utf8
from invitecore.models import (
    Account,
    Classification,
    Invitation,
    NetworkingCamp,
    Risk,
    RiskLevel,
    Sender,
    Verdict,
)
from invitecore.parallel import _reduce, evaluate_parallel
from invitecore.report import CaseResult, FormatOptions, RenderedChunk, Source
from invitecore.runner import GC_YOUNG_THRESHOLD, _write_chunk, execute, is_split, settled_gc
from invitecore.serialize import SummaryCounter

# -- results to feed the checks: few distinct names, URLs and notes, so rows repeat --------------

_NAMES = st.sampled_from(["Ada Lane", "ada  LANE", "Bo Chen", "Cy Diaz", "Dee Ek"])
_COMPANIES = st.sampled_from([None, "Acme", "acme", "Globex", " "])
_URLS = st.sampled_from(
    [None, "https://www.linkedin.com/in/ada/", "http://linkedin.com/in/ada?x=1", "in/bo", ""]
)
_NOTES = st.sampled_from(
    ["", "Hi Ada, loved your talk at the meetup.", "Hi Bo, loved your talk at the meetup!", "Hey"]
)


@st.composite
def _results(draw: st.DrawFn, line: int) -> CaseResult:
    if draw(st.integers(0, 19)) == 0:
        return input_error_result(InputError("invalid JSON", file="list.jsonl", line=line))
    verdict = draw(st.sampled_from([None, *Verdict]))
    severities = draw(st.lists(st.sampled_from([None, *Severity]), max_size=3))
    return CaseResult(
        id=None,
        source=draw(st.sampled_from([None, Source(file="list.jsonl", line=line)])),
        profile=Profile(
            name=draw(_NAMES),
            company=draw(_COMPANIES),
            url=draw(_URLS),
            extra=draw(st.sampled_from([{}, {"connection_degree": 1}, {"connection_degree": 2}])),
        ),
        classification=Classification(
            camp=draw(st.sampled_from(list(NetworkingCamp))), confidence=0.5
        ),
        invitation=Invitation(note=draw(_NOTES)),
        sender=Sender(account=draw(st.sampled_from(list(Account)))),
        findings=tuple(
            Finding(code=f"TST10{n}", message="m", severity=s) for n, s in enumerate(severities)
        ),
        risk=None
        if verdict is None
        else Risk(score=draw(st.floats(0, 100)), level=draw(st.sampled_from(list(RiskLevel)))),
        verdict=verdict,
    )


@st.composite
def _lists(draw: st.DrawFn) -> list[CaseResult]:
    count = draw(st.integers(0, 40))
    return [draw(_results(line)) for line in range(1, count + 1)]


def _built_in_checks() -> list[SplitBatchCheck]:
    # Small limits, so short lists reach the fingerprint table, full heaps and window pruning.
    return [
        DuplicateProspects(examples=3, exact_limit=4, slots_log2=4, bits_log2=10),
        RepeatedNotes(warn_at=2, window=4, groups=2),
        SendPlan(weekly_limit=3, monthly_notes=2, restriction_threshold=1, examples=2),
    ]


@settings(max_examples=150, deadline=None)
@given(_lists())
def test_accept_of_extract_equals_observe_for_the_built_in_checks(
    results: list[CaseResult],
) -> None:
    """What a parallel run does (extract in a worker, pickle, accept in order) ends in exactly
    the section a single process gets from observe."""
    observed, accepted = _built_in_checks(), _built_in_checks()
    extractors = pickle.loads(pickle.dumps(_built_in_checks()))  # the workers' copies
    for result in results:
        for check in observed:
            check.observe(result)
    for check, extractor in zip(accepted, extractors, strict=True):
        extracted = pickle.loads(pickle.dumps([extractor.extract(r) for r in results]))
        for value in extracted:
            check.accept(value)
    for one, other in zip(observed, accepted, strict=True):
        assert isinstance(one, SplitBatchCheck)
        assert json.dumps(one.finish()) == json.dumps(other.finish())


@settings(max_examples=150, deadline=None)
@given(_lists(), st.lists(st.integers(0, 40), max_size=4))
def test_merged_counters_equal_one_counter(results: list[CaseResult], cuts: list[int]) -> None:
    """Chunks counted apart and merged in order give the same summary, keys in the same order."""
    whole = SummaryCounter()
    for result in results:
        whole.add(result)
    merged = SummaryCounter()
    bounds = [0, *sorted(min(c, len(results)) for c in cuts), len(results)]
    for start, end in itertools.pairwise(bounds):
        part = SummaryCounter()
        for result in results[start:end]:
            part.add(result)
        merged.merge(pickle.loads(pickle.dumps(part)))
    one, other = whole.summary(), merged.summary()
    assert one == other
    for field in ("by_camp", "by_verdict", "by_level", "by_severity"):
        assert list(getattr(one, field).items()) == list(getattr(other, field).items())
    assert whole.worst_rank == merged.worst_rank


# -- parallel runs with batch checks from a plugin ---------------------------------------------


class Premium:
    """A check with only observe (not split): a parallel run falls back to slimmed results."""

    name = "premium_share"

    def __init__(self) -> None:
        self.seen = 0
        self.named: list[str] = []

    def observe(self, result: CaseResult) -> None:
        if result.profile is not None:
            self.seen += 1
            self.named.append(result.profile.name)

    def finish(self) -> Mapping[str, Any]:
        return {"seen": self.seen, "named": self.named}


class Fragile:
    """A split check whose extract fails on one prospect."""

    name = "fragile"

    def __init__(self) -> None:
        self.count = 0

    def observe(self, result: CaseResult) -> None:
        self.accept(self.extract(result))

    def extract(self, result: CaseResult) -> int:
        if result.profile is not None and result.profile.name == "P13":
            raise ValueError("cannot read P13")
        return 1

    def accept(self, extracted: int) -> None:
        self.count += extracted

    def finish(self) -> Mapping[str, Any]:
        return {"count": self.count}


def _list(tmp_path: Path, count: int = 40) -> Path:
    source = tmp_path / "list.jsonl"
    rows = [
        {"profile": {"name": f"P{i}", "company": "Acme" if i % 3 else None, "url": f"u/{i % 9}"}}
        for i in range(count)
    ]
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8")
    return source


def _summary(output: str) -> dict[str, Any]:
    return dict(json.loads(output)["summary"])


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_plain_check_in_a_parallel_run_sees_every_row(
    install: Any, plugin_factory: Any, tmp_path: Path, fmt: str
) -> None:
    assert isinstance(Premium(), BatchCheck)
    assert not isinstance(Premium(), SplitBatchCheck)
    install(extra=plugin_factory("extra", invitecore_batch_checks=lambda: [Premium()]))
    source, out_one, out_two = _list(tmp_path), tmp_path / "one", tmp_path / "two"
    runner = CliRunner()
    # Streaming formats go through the workers' rendered rows; the summary comes from json.
    one = runner.invoke(app, ["run", str(source), "-f", fmt, "-o", str(out_one)])
    two = runner.invoke(app, ["run", str(source), "-f", fmt, "-o", str(out_two), "-j", "2"])
    assert one.exit_code == two.exit_code == 2
    assert out_one.read_bytes() == out_two.read_bytes()
    json_one = runner.invoke(app, ["run", str(source), "-f", "json"])
    json_two = runner.invoke(app, ["run", str(source), "-f", "json", "-j", "2"])
    assert _summary(json_one.stdout) == _summary(json_two.stdout)
    assert _summary(json_two.stdout)["premium_share"]["seen"] == 40


def test_a_split_check_that_fails_in_a_worker_is_named_and_the_others_go_on(
    install: Any, plugin_factory: Any, tmp_path: Path
) -> None:
    install(extra=plugin_factory("extra", invitecore_batch_checks=lambda: [Fragile()]))
    source = _list(tmp_path, 60)
    outcome = CliRunner().invoke(
        app, ["run", str(source), "-f", "jsonl", "-j", "2", "-o", str(tmp_path / "out.jsonl")]
    )
    assert outcome.exit_code == 3
    assert "plugin extra failed in BatchCheck.extract: ValueError: cannot read P13" in (
        outcome.stderr
    )
    rows = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 61  # every row, the unreadable one included


def test_parallel_summary_equals_single_process_with_split_checks(
    install: Any, sample_plugin: Any, tmp_path: Path
) -> None:
    """jsonl rows through the reduced path; the summary as the json format writes it."""
    install(sample=sample_plugin)
    source = _list(tmp_path, 1200)  # more than one chunk of 500
    runner = CliRunner()
    for fmt in ("jsonl", "csv"):
        one = runner.invoke(app, ["run", str(source), "-f", fmt])
        two = runner.invoke(app, ["run", str(source), "-f", fmt, "-j", "2"])
        assert (one.exit_code, one.stdout) == (two.exit_code, two.stdout)


# -- writing a worker's encoded rows ---------------------------------------------------------


def test_write_utf8_goes_to_the_buffer_after_what_the_text_layer_holds() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", newline="")
    stream.write("header\n")
    write_utf8(stream, "Zoë,1\n".encode())
    stream.write("tail\n")
    stream.flush()
    assert raw.getvalue() == "header\nZoë,1\ntail\n".encode()


def test_write_utf8_decodes_for_a_stream_with_another_encoding() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="latin-1", newline="")
    write_utf8(stream, "Zoë\n".encode())
    stream.flush()
    assert raw.getvalue() == "Zoë\n".encode("latin-1")


def test_write_utf8_to_a_stream_without_a_buffer() -> None:
    stream = io.StringIO()
    write_utf8(stream, "Zoë\n".encode())
    assert stream.getvalue() == "Zoë\n"


def test_a_rule_plugin_keeps_working_with_split_checks(
    install: Any, plugin_factory: Any, tmp_path: Path
) -> None:
    """A plugin with rules and findings: exit code from the merged counts' worst severity."""

    def invitecore_invitation_checks(profile: Profile) -> list[Finding]:
        return [Finding(code="TST001", message="always", severity=Severity.ERROR)]

    install(
        rules=plugin_factory(
            "rules", ("TST001",), invitecore_invitation_checks=invitecore_invitation_checks
        )
    )
    source = tmp_path / "list.jsonl"
    source.write_text(
        "\n".join(json.dumps({"profile": {"name": f"P{i}"}}) for i in range(30)) + "\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    one = runner.invoke(app, ["run", str(source), "-f", "jsonl"])
    two = runner.invoke(app, ["run", str(source), "-f", "jsonl", "-j", "2"])
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout


def test_a_worker_that_dies_stops_the_run_with_one_line_and_exit_3(
    install: Any, plugin_factory: Any, tmp_path: Path
) -> None:
    def invitecore_profile_signals(profile: Profile) -> list[Any]:
        if profile.name == "P7":
            os._exit(9)  # what the kernel's OOM killer or a segfault in native code looks like
        return []

    install(crashy=plugin_factory("crashy", invitecore_profile_signals=invitecore_profile_signals))
    target = tmp_path / "out.jsonl"
    target.write_text("before\n", encoding="utf-8")
    outcome = CliRunner().invoke(
        app, ["run", str(_list(tmp_path, 20)), "-f", "jsonl", "-j", "2", "-o", str(target)]
    )
    assert outcome.exit_code == 3
    assert outcome.stderr.strip().splitlines()[-1] == (
        "invitecore: a worker process stopped unexpectedly (killed, out of memory, or a crash"
        " in a plugin's native code); rerun with --jobs 1 to find the row"
    )
    assert "Traceback" not in outcome.stderr
    assert target.read_text(encoding="utf-8") == "before\n"


def test_a_cli_run_tunes_the_collector_only_while_it_runs(
    install: Any, sample_plugin: Any, tmp_path: Path
) -> None:
    install(sample=sample_plugin)
    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    seen: list[tuple[int, ...]] = []
    with settled_gc():
        seen.append(gc.get_threshold())
    assert seen == [(GC_YOUNG_THRESHOLD, *before[1:])]
    outcome = CliRunner().invoke(app, ["run", str(_list(tmp_path, 5)), "-f", "jsonl"])
    assert outcome.exit_code == 2  # the list's unreadable last row
    assert (gc.get_threshold(), gc.get_freeze_count()) == (before, frozen)


# -- what the review of the split found ------------------------------------------------------


def _crash_at(name: str) -> Any:
    def invitecore_profile_signals(profile: Profile) -> list[Any]:
        if profile.name == name:
            os._exit(9)
        return []

    return invitecore_profile_signals


def test_a_worker_dying_in_a_later_chunk_is_a_worker_error_too(
    install: Any, plugin_factory: Any
) -> None:
    """The pool may break while the parent submits more chunks, not only while it waits."""
    install(crashy=plugin_factory("crashy", invitecore_profile_signals=_crash_at("P150")))
    cases = [Case(profile=Profile(name=f"P{i}")) for i in range(400)]
    config = Engine.from_config().config
    for _ in range(3):
        with pytest.raises(WorkerError, match="stopped unexpectedly"):
            list(evaluate_parallel(cases, config=config, jobs=2, chunk_size=3, ahead=1))


def test_a_worker_that_cannot_start_says_why(
    install: Any, sample_plugin: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(sample=sample_plugin)
    config = Engine.from_config().config

    def broken(config: Any = None) -> Engine:
        raise RuntimeError("no plugins for you")

    monkeypatch.setattr(Engine, "from_config", broken)  # the forked workers inherit it
    with pytest.raises(WorkerError, match="could not start: RuntimeError: no plugins for you"):
        list(evaluate_parallel([Case(profile=Profile(name="A"))], config=config, jobs=2))


class Unpicklable(Fragile):
    """A split check whose extract returns something pickle cannot send."""

    name = "unpicklable"

    def extract(self, result: CaseResult) -> Any:
        return lambda: 1

    def accept(self, extracted: Any) -> None:
        self.count += 1


def test_an_extract_that_returns_what_cannot_be_pickled_is_named_and_dropped(
    install: Any, plugin_factory: Any, tmp_path: Path
) -> None:
    install(extra=plugin_factory("extra", invitecore_batch_checks=lambda: [Unpicklable()]))
    out = tmp_path / "out.jsonl"
    outcome = CliRunner().invoke(
        app, ["run", str(_list(tmp_path, 30)), "-f", "jsonl", "-j", "2", "-o", str(out)]
    )
    assert outcome.exit_code == 3
    assert "plugin extra failed in BatchCheck.extract: extract returned what cannot be" in (
        outcome.stderr
    )
    assert len(out.read_text(encoding="utf-8").splitlines()) == 31


class Configured:
    """A plain check that happens to have attributes called extract and accept."""

    name = "configured"

    def __init__(self) -> None:
        self.extract = "name"
        self.accept = {"send"}
        self.seen = 0

    def observe(self, result: CaseResult) -> None:
        self.seen += 1

    def finish(self) -> Mapping[str, Any]:
        return {"seen": self.seen}


def test_attributes_named_extract_and_accept_do_not_make_a_check_split(
    install: Any, plugin_factory: Any, tmp_path: Path
) -> None:
    assert not is_split(Configured())
    assert is_split(DuplicateProspects())
    install(extra=plugin_factory("extra", invitecore_batch_checks=lambda: [Configured()]))
    source, runner = _list(tmp_path, 30), CliRunner()
    one = runner.invoke(app, ["run", str(source), "-f", "json"])
    two = runner.invoke(app, ["run", str(source), "-f", "jsonl", "-j", "2"])
    assert one.exit_code == two.exit_code == 2  # the unreadable row, nothing else
    assert _summary(one.stdout)["configured"]["seen"] == 31


class FailsAt(Fragile):
    """A split check whose extract or accept fails at one row."""

    def __init__(self, name: str, row: str, step: str) -> None:
        super().__init__()
        self.name, self.row, self.step = name, row, step

    def extract(self, result: CaseResult) -> str:
        name = result.profile.name if result.profile else ""
        if self.step == "extract" and name == self.row:
            raise ValueError(f"{self.name} at {name}")
        return name

    def accept(self, extracted: str) -> None:  # type: ignore[override]
        if self.step == "accept" and extracted == self.row:
            raise ValueError(f"{self.name} at {extracted}")
        self.count += 1


@pytest.mark.parametrize("step", ["extract", "accept"])
def test_failing_checks_are_reported_alike_with_and_without_jobs(
    install: Any, plugin_factory: Any, tmp_path: Path, step: str
) -> None:
    checks = lambda: [FailsAt("late", "P7", step), FailsAt("early", "P3", step)]  # noqa: E731
    install(extra=plugin_factory("extra", invitecore_batch_checks=checks))
    source, runner = _list(tmp_path, 20), CliRunner()
    one = runner.invoke(app, ["run", str(source), "-f", "jsonl"])
    two = runner.invoke(app, ["run", str(source), "-f", "jsonl", "-j", "2"])
    assert (one.exit_code, one.stdout, one.stderr) == (two.exit_code, two.stdout, two.stderr)
    failures = [line for line in two.stderr.splitlines() if "failed in BatchCheck" in line]
    assert failures == [
        f"invitecore: plugin extra failed in BatchCheck.{step}: ValueError: early at P3",
        f"invitecore: plugin extra failed in BatchCheck.{step}: ValueError: late at P7",
    ]


class NumberedWriter:
    """A streaming format's writer without write_encoded: numbers the rows it is given."""

    def __init__(self, stream: Any, options: Any) -> None:
        self.stream, self.rows = stream, 0

    def write(self, result: CaseResult) -> None:
        self.write_text(render_json_line(result))

    def write_text(self, text: str) -> None:
        self.rows += 1
        self.stream.write(f"{self.rows}: {text}")

    def close(self, summary: Any) -> None:
        self.stream.write(f"# {self.rows} rows\n")


def test_a_writer_without_write_encoded_gets_one_row_per_write_text(
    install: Any, plugin_factory: Any, tmp_path: Path
) -> None:
    numbered = OutputFormat(
        name="numbered",
        description="numbered rows",
        factory=NumberedWriter,
        streaming=True,
        render=render_json_line,
    )
    install(fmt=plugin_factory("fmt", invitecore_output_formats=lambda: [numbered]))
    source, runner = _list(tmp_path, 1200), CliRunner()
    one = runner.invoke(app, ["run", str(source), "-f", "numbered"])
    two = runner.invoke(app, ["run", str(source), "-f", "numbered", "-j", "2"])
    assert one.stdout == two.stdout
    assert two.stdout.endswith("# 1201 rows\n")


def test_rows_that_cannot_be_encoded_go_through_the_streams_error_handler() -> None:
    results = [
        input_error_result(InputError("ok", line=1)),
        input_error_result(InputError("bad \ud800 text", line=2)),
    ]
    chunk = _reduce(results, render_json_line, [])
    assert isinstance(chunk.output, str)

    def written(chunk_or_rows: Any) -> bytes:
        raw = io.BytesIO()
        stream = io.TextIOWrapper(raw, encoding="utf-8", errors="backslashreplace", newline="")
        writer = JsonLinesWriter(stream, FormatOptions())
        if isinstance(chunk_or_rows, RenderedChunk):
            _write_chunk(writer, chunk_or_rows)
        else:
            for result in chunk_or_rows:
                writer.write(result)
        stream.flush()
        return raw.getvalue()

    assert written(chunk) == written(results)
    assert b"\\ud800" in written(chunk)


def test_jobs_need_an_engine_the_workers_can_make_again(
    sample_plugin: Any, tmp_path: Path
) -> None:
    engine = Engine.from_plugins([sample_plugin])
    writer = JsonLinesWriter(io.StringIO(), FormatOptions())
    with pytest.raises(ValueError, match=r"Engine\.from_config"):
        execute(engine, [], writer, jobs=2, render=render_json_line)


def test_settled_gc_puts_the_thresholds_back_after_an_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), settled_gc():
        raise RuntimeError("mid-run")
    assert gc.get_threshold() == before


def test_jobs_0_means_one_worker_per_cpu(
    install: Any, sample_plugin: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from invitecore.cli import run as cli_run

    assert cli_run.available_cpus() >= 1
    install(sample=sample_plugin)
    seen: list[int] = []
    real = cli_run.execute

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs["jobs"])
        return real(*args, **kwargs)

    monkeypatch.setattr(cli_run, "available_cpus", lambda: 2)
    monkeypatch.setattr(cli_run, "execute", spy)
    source, runner = _list(tmp_path, 30), CliRunner()
    one = runner.invoke(app, ["run", str(source), "-f", "jsonl"])
    auto = runner.invoke(app, ["run", str(source), "-f", "jsonl", "-j", "0"])
    assert seen == [1, 2]
    assert (one.exit_code, one.stdout) == (auto.exit_code, auto.stdout)
