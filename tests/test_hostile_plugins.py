"""Misbehaving plugins (issue 13): whatever one plugin does, the others' results, the output and
the exit code survive it. Each plugin runs beside the inline test plugin through ``invitecore
run``, in every built-in format and with one and two jobs: the run exits 3 (or as the case
says), names the plugin, keeps the sample plugin's evidence, and writes output that parses
with one row per input row.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
from typer.testing import CliRunner, Result

from invitecore import (
    Advice,
    CaseResult,
    Finding,
    Invitation,
    Profile,
    RiskFactor,
    Rule,
    Signal,
)
from invitecore.cli import app
from invitecore.output import FormatOptions, OutputFormat

ROWS = [
    {"name": "Ada Lane", "headline": "OPENNET recruiter", "note": "Hi Ada, BUY now"},
    {"name": "Bo Chen", "headline": "engineer", "note": "Hi Bo"},
    {"name": "Cy Diaz", "headline": "OPENNET", "note": ""},
]
FORMATS = ("jsonl", "json", "csv", "text")


class Unprintable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no")


class NotText(Exception):
    def __str__(self) -> str:
        return 42  # type: ignore[return-value]


class PluginFinding(Finding):
    """A Finding subclass a plugin defines at module level."""


def _raise(exc: BaseException) -> Callable[..., Any]:
    def hook(**kwargs: Any) -> Any:
        raise exc

    return hook


def _finding(**fields: Any) -> Callable[..., Any]:
    def hook(invitation: Invitation) -> Any:
        return Finding(code="BAD201", **{"message": "m", **fields})

    return hook


def _endless() -> Iterator[Signal]:
    while True:
        yield Signal(code="BAD101", camp="open", weight=0.1, label="again")


def _local_subclass(invitation: Invitation) -> Any:
    class LocalFinding(Finding):  # cannot be pickled: it is local to this function
        pass

    return [LocalFinding(code="BAD201", message="local")]


def _bypassing(invitation: Invitation) -> Any:
    finding = Finding(code="BAD201", message="fine")
    object.__setattr__(finding, "message", None)  # writes to a frozen object: not allowed
    return [finding]


def _writes_extra(profile: Profile) -> Any:
    profile.extra["owned"] = True  # type: ignore[index]
    return []


def _writes_profile(profile: Profile) -> Any:
    profile.headline = "owned"  # type: ignore[misc]
    return []


def _prints(profile: Profile) -> Any:
    print("hello from a plugin", profile.name)
    return [Signal(code="BAD101", camp="open", weight=0.2, label="printed")]


@attrs.frozen(kw_only=True)
class Misbehaviour:
    """A plugin named ``bad`` with ``hooks``, and what the run must give with it."""

    id: str
    hooks: Mapping[str, Callable[..., Any]]
    code: int = 3
    error: str | None = None
    """A pattern the plugin's error on every row must match (None: no row error)."""
    stderr: str | None = None
    """A pattern a stderr line must match (None: no stderr besides row errors)."""
    jobs: tuple[str, ...] = ("1", "2")
    pending: str | None = None
    """Why this case does not hold yet (an expected failure until the change lands)."""


PER_CASE = [
    ("signals", "invitecore_profile_signals"),
    ("checks", "invitecore_invitation_checks"),
    ("factors", "invitecore_risk_factors"),
    ("advice", "invitecore_advice"),
]
EXCEPTIONS: list[tuple[str, BaseException, str]] = [
    ("runtime-error", RuntimeError("boom"), r"RuntimeError: boom"),
    ("system-exit-0", SystemExit(0), r"SystemExit: 0"),
    ("system-exit-1", SystemExit(1), r"SystemExit: 1"),
    ("bare-base-exception", BaseException("bare"), r"BaseException: bare"),
    ("generator-exit", GeneratorExit(), r"GeneratorExit"),
    ("unprintable", Unprintable(), r"Unprintable: <the message could not be shown"),
    ("str-not-text", NotText(), r"NotText: <the message could not be shown"),
    ("huge-message", ValueError("x" * 2_000_000), r"ValueError: x{300}\.\.\.$"),
    (
        "multi-line-escape-message",
        ValueError("\x1b[2Jfirst\nsecond"),
        r"ValueError: \\x1b\[2Jfirst$",
    ),
    ("recursion-error", RecursionError("deep"), r"RecursionError: deep"),
    ("memory-error", MemoryError(), r"MemoryError"),
]

CASES: list[Misbehaviour] = [
    Misbehaviour(id=f"{hook_id}-raises-{exc_id}", hooks={hook: _raise(exc)}, error=pattern)
    for hook_id, hook in PER_CASE
    for exc_id, exc, pattern in EXCEPTIONS
]
CASES += [
    Misbehaviour(
        id="returns-a-dict",
        hooks={"invitecore_profile_signals": lambda: [{"code": "BAD101"}]},
        error=r"returned dict, expected Signal",
    ),
    Misbehaviour(
        id="returns-a-number",
        hooks={"invitecore_invitation_checks": lambda: 42},
        error=r"returned int, expected Finding",
    ),
    Misbehaviour(
        id="returns-text",
        hooks={"invitecore_advice": lambda: "comment first"},
        error=r"returned str, expected Advice",
    ),
    Misbehaviour(
        id="returns-the-profile",
        hooks={"invitecore_profile_signals": lambda profile: profile},
        error=r"returned Profile, expected Signal",
    ),
    Misbehaviour(
        id="endless-generator",
        hooks={"invitecore_profile_signals": _endless},
        error=r"ValueError: returned more than 10,000 items from one call",
    ),
    Misbehaviour(
        id="undeclared-code",
        hooks={
            "invitecore_profile_signals": lambda: [
                Signal(code="XYZ101", camp="open", weight=0.5, label="x")
            ]
        },
        error=r"emitted rule code XYZ101, which it did not declare",
    ),
    Misbehaviour(
        id="finding-message-none",
        hooks={"invitecore_invitation_checks": _finding(message=None)},
        error=r"ValueError: message: expected text, got None",
    ),
    Misbehaviour(
        id="finding-suggestion-list",
        hooks={"invitecore_invitation_checks": _finding(suggestion=["a", "b"])},
        error=r"ValueError: suggestion: expected text, got \['a', 'b'\]",
    ),
    Misbehaviour(
        id="signal-label-number",
        hooks={
            "invitecore_profile_signals": lambda: [
                Signal(code="BAD101", camp="open", weight=0.5, label=5)  # type: ignore[arg-type]
            ]
        },
        error=r"ValueError: label: expected text, got 5",
    ),
    Misbehaviour(
        id="advice-text-none",
        hooks={
            "invitecore_advice": lambda: [
                Advice(code="BAD401", text=None)  # type: ignore[arg-type]
            ]
        },
        error=r"ValueError: text: expected text, got None",
    ),
    Misbehaviour(
        id="risk-points-nan",
        hooks={
            "invitecore_risk_factors": lambda: [
                RiskFactor(code="BAD301", points=math.nan, reason="r")
            ]
        },
        error=r"ValueError: points: expected a finite number, got nan",
    ),
    Misbehaviour(
        id="risk-points-infinite-text",
        hooks={
            "invitecore_risk_factors": lambda: [
                RiskFactor(code="BAD301", points="-inf", reason="r")
            ]
        },
        error=r"ValueError: points: expected a finite number, got -inf",
    ),
    Misbehaviour(
        id="finding-span-not-whole-numbers",
        hooks={"invitecore_invitation_checks": _finding(field="note", span=(0.5, 2))},
        error=r"ValueError: span: \(0\.5, 2\) is not a \(start, end\) pair",
    ),
    Misbehaviour(
        id="writes-to-profile-extra",
        hooks={"invitecore_profile_signals": _writes_extra},
        error=r"TypeError: FrozenDict is read-only",
    ),
    Misbehaviour(
        id="writes-to-the-profile",
        hooks={"invitecore_profile_signals": _writes_profile},
        error=r"FrozenInstanceError",
    ),
    Misbehaviour(
        id="finding-subclass",
        hooks={
            "invitecore_invitation_checks": lambda: [PluginFinding(code="BAD201", message="s")]
        },
        code=1,
    ),
    Misbehaviour(
        id="finding-subclass-local-to-the-hook",
        hooks={"invitecore_invitation_checks": _local_subclass},
        code=1,
    ),
    Misbehaviour(
        id="writes-to-its-own-frozen-finding",
        hooks={"invitecore_invitation_checks": _bypassing},
        code=3,
        error=r"ValueError: message: expected text, got None",
    ),
    Misbehaviour(
        id="lone-surrogate-and-escapes-in-text",
        hooks={
            "invitecore_invitation_checks": lambda: [
                Finding(code="BAD201", message="a\ud800b \x1b[2J c\x1b]0;t\x07")
            ]
        },
        code=1,
    ),
    Misbehaviour(
        id="prints-on-stdout",
        hooks={"invitecore_profile_signals": _prints},
        code=1,
        stderr=r"^hello from a plugin Ada Lane$",
        jobs=("1",),
    ),
    Misbehaviour(
        id="rules-hook-raises-system-exit",
        hooks={"invitecore_rules": _raise(SystemExit(2))},
        stderr=r"plugin bad failed to load: PluginRaised: SystemExit: 2",
    ),
    Misbehaviour(
        id="settings-hook-returns-a-dict",
        hooks={"invitecore_settings": lambda: [{"name": "x"}]},
        stderr=r"plugin bad failed to load: invitecore_settings returned dict, expected Setting",
    ),
]


def _plugin(case: Misbehaviour, plugin_factory: Any) -> Any:
    hooks = dict(case.hooks)
    if "invitecore_rules" not in hooks:
        hooks["invitecore_rules"] = lambda: [
            Rule(code=code, summary=code) for code in ("BAD101", "BAD201", "BAD301", "BAD401")
        ]
    return plugin_factory("bad", **hooks)


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["run", "rows.jsonl", *args])


def _write_rows() -> None:
    with open("rows.jsonl", "w", encoding="utf-8") as handle:
        for row in ROWS:
            handle.write(json.dumps(row) + "\n")


def check_output(fmt: str, stdout: str) -> list[dict[str, Any]] | None:
    """The output parses, one row per input row; the JSON rows when the format has them."""
    if fmt == "jsonl":
        rows = [json.loads(line) for line in stdout.splitlines()]
    elif fmt == "json":
        document = json.loads(stdout)
        rows = document["results"]
        assert document["summary"]["cases"] == len(ROWS)
    elif fmt == "csv":
        table = list(csv.reader(io.StringIO(stdout)))
        assert len(table) == len(ROWS) + 1
        assert [row[2] for row in table[1:]] == [r["name"] for r in ROWS]
        return None
    else:
        for row in ROWS:
            assert row["name"] in stdout
        assert "\x1b" not in stdout
        return None
    assert [r["name"] for r in rows] == [r["name"] for r in ROWS]
    return rows


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(reason=c.pending, strict=True))
        if c.pending
        else c
        for c in CASES
    ],
    ids=[c.id for c in CASES],
)
def test_misbehaving_plugin(
    case: Misbehaviour, fmt: str, install: Any, sample_plugin: Any, plugin_factory: Any
) -> None:
    install(sample=sample_plugin, bad=_plugin(case, plugin_factory))
    _write_rows()
    for jobs in case.jobs:
        result = run("-f", fmt, "-j", jobs, "--summary", "summary.json")
        assert result.exit_code == case.code, (jobs, result.stderr[-3000:])
        assert "Traceback" not in result.stderr
        lines = result.stderr.splitlines()
        if case.stderr is not None:
            assert any(
                re.search(case.stderr, line.removeprefix("invitecore: ")) for line in lines
            ), lines
        rows = check_output(fmt, result.stdout)
        summary = json.loads(Path("summary.json").read_text(encoding="utf-8"))
        assert summary["cases"] == len(ROWS)
        if rows is None:
            continue
        # The sample plugin's evidence survives the other plugin's failure.
        ada = rows[0]
        assert "TST101" in [s["code"] for s in ada["classification"]["signals"]]
        errors = [e for row in rows for e in row["errors"] if e["plugin"] == "bad"]
        if case.error is None:
            assert errors == [] or case.code == 3
        else:
            assert errors, "the plugin's failure is named on the rows"
            for error in errors:
                assert re.search(case.error, error["message"]), error["message"][:300]
                assert len(error["message"]) < 400


def test_keyboard_interrupt_in_a_plugin_stops_the_run(
    install: Any, sample_plugin: Any, plugin_factory: Any
) -> None:
    # Ctrl-C during a plugin's code is the user's, not the plugin's: it is never contained.
    bad = plugin_factory(
        "bad", rules=("BAD101",), invitecore_profile_signals=_raise(KeyboardInterrupt())
    )
    install(sample=sample_plugin, bad=bad)
    _write_rows()
    result = run("-f", "jsonl", "-o", "out.jsonl")
    assert result.exit_code == 130
    assert sorted(p.name for p in Path().iterdir()) == ["rows.jsonl"]


def test_system_exit_while_a_plugin_is_imported(install: Any, sample_plugin: Any) -> None:
    install(sample=sample_plugin, bad=SystemExit(3))
    _write_rows()
    result = run("-f", "jsonl")
    assert result.exit_code == 3
    assert result.stderr.startswith("invitecore: plugin bad failed to load: ")
    assert len(result.stdout.splitlines()) == len(ROWS)


# -- batch checks ---------------------------------------------------------------------------------


class Check:
    """A batch check whose ``name``, ``observe`` and ``finish`` misbehave as told."""

    def __init__(
        self,
        name: Any = "bad_section",
        observe: BaseException | None = None,
        finish: Any = None,
        finish_raises: BaseException | None = None,
    ) -> None:
        self.name = name
        self._observe = observe
        self._finish: Any = {"headline": "ok"} if finish is None else finish
        self._finish_raises = finish_raises

    def observe(self, result: CaseResult) -> None:
        if self._observe is not None:
            raise self._observe

    def finish(self) -> Mapping[str, Any]:
        if self._finish_raises is not None:
            raise self._finish_raises
        return self._finish  # type: ignore[no-any-return]


class NameRaises:
    @property
    def name(self) -> str:
        raise RuntimeError("no name")

    def observe(self, result: CaseResult) -> None:
        pass

    def finish(self) -> Mapping[str, Any]:
        return {}


DEEP: Any = []
for _ in range(300):
    DEEP = [DEEP]

BATCH = [
    (
        "observe-system-exit",
        lambda: Check(observe=SystemExit(0)),
        r"BatchCheck\.observe: SystemExit: 0",
    ),
    ("observe-base-exception", lambda: Check(observe=BaseException("b")), r"BaseException: b"),
    ("observe-unprintable", lambda: Check(observe=Unprintable()), r"Unprintable: <the message"),
    ("finish-system-exit", lambda: Check(finish_raises=SystemExit(1)), r"SystemExit: 1"),
    ("finish-not-a-mapping", lambda: Check(finish=[1, 2]), r"returned list, expected a mapping"),
    ("finish-a-set", lambda: Check(finish={"x": {1, 2}}), r"returned a section JSON cannot encode"),
    ("finish-an-object", lambda: Check(finish={"x": object()}), r"JSON cannot encode"),
    ("finish-a-huge-int", lambda: Check(finish={"x": 10**30}), r"JSON cannot encode"),
    ("finish-lone-surrogate", lambda: Check(finish={"x": "\ud800"}), r"JSON cannot encode"),
    ("finish-nested-300-deep", lambda: Check(finish={"x": DEEP}), r"JSON cannot encode"),
    ("name-not-text", lambda: Check(name=5), r"its name is 5, expected text"),
    ("name-reserved", lambda: Check(name="cases"), r"summary section 'cases' is already taken"),
    ("name-raises", NameRaises, r"RuntimeError: no name"),
    ("not-a-batch-check", lambda: object(), r"returned object, expected BatchCheck"),
]


@pytest.mark.parametrize("fmt", ["json", "text", "jsonl"])
@pytest.mark.parametrize(("case_id", "make", "message"), BATCH, ids=[b[0] for b in BATCH])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_misbehaving_batch_check(
    case_id: str,
    make: Callable[[], Any],
    message: str,
    fmt: str,
    jobs: str,
    install: Any,
    sample_plugin: Any,
    plugin_factory: Any,
) -> None:
    bad = plugin_factory("bad", rules=("BAD101",), invitecore_batch_checks=lambda: [make()])
    install(sample=sample_plugin, bad=bad)
    _write_rows()
    result = run("-f", fmt, "-j", jobs, "--summary", "summary.json")
    assert result.exit_code == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert any(
        line.startswith("invitecore: plugin bad failed in ") and re.search(message, line)
        for line in result.stderr.splitlines()
    ), result.stderr
    check_output(fmt, result.stdout)
    summary = json.loads(Path("summary.json").read_text(encoding="utf-8"))
    assert summary["cases"] == len(ROWS)
    assert any(re.search(message, w) for w in summary["batch_errors"]["warnings"])
    # The core's own sections are still there.
    assert "send_plan" in summary


def test_nan_in_a_section_is_written_as_null(
    install: Any, sample_plugin: Any, plugin_factory: Any
) -> None:
    check = Check(finish={"rate": math.nan, "headline": "ok"})
    bad = plugin_factory("bad", rules=("BAD101",), invitecore_batch_checks=lambda: [check])
    install(sample=sample_plugin, bad=bad)
    _write_rows()
    result = run("-f", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["bad_section"] == {"rate": None, "headline": "ok"}


# -- a plugin's output format ----------------------------------------------------------------------


class BrokenWriter:
    def __init__(self, stream: Any, options: FormatOptions) -> None:
        self.stream = stream

    def write(self, result: CaseResult) -> None:
        self.stream.write("partial\n")
        raise SystemExit(0)

    def close(self, summary: Any) -> None:
        pass


def _broken_factory(stream: Any, options: FormatOptions) -> Any:
    raise ValueError("no writer today")


@pytest.mark.parametrize(
    ("factory", "where"),
    [(BrokenWriter, r"\(write\): SystemExit: 0"), (_broken_factory, r"\(factory\): ValueError")],
)
def test_a_plugins_output_format_that_fails(
    factory: Any, where: str, install: Any, sample_plugin: Any, plugin_factory: Any
) -> None:
    fmt = OutputFormat(name="broken", description="breaks", factory=factory)
    bad = plugin_factory("bad", rules=("BAD101",), invitecore_output_formats=lambda: [fmt])
    install(sample=sample_plugin, bad=bad)
    _write_rows()
    Path("out.txt").write_text("previous report", encoding="utf-8")
    result = run("-f", "broken", "-o", "out.txt")
    assert result.exit_code == 3
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("invitecore: plugin bad failed in its output format 'broken' ")
    assert re.search(where, lines[0])
    assert Path("out.txt").read_text(encoding="utf-8") == "previous report"


# -- frozen value objects --------------------------------------------------------------------------


def test_profile_extra_is_the_same_for_every_plugin_and_the_caller() -> None:
    mine: dict[str, Any] = {"tags": ["a"], "nested": {"k": 1}}
    profile = Profile(name="Ada", extra=mine)
    mine["tags"].append("b")
    mine["nested"]["k"] = 2
    mine["new"] = 3
    assert profile.extra == {"tags": ["a"], "nested": {"k": 1}}
    extra: Any = profile.extra
    writes: list[Callable[[], Any]] = [
        lambda: extra.update(x=1),
        lambda: extra["tags"].append("c"),
        lambda: extra["nested"].pop("k"),
        lambda: extra.setdefault("x", 1),
    ]
    for write in writes:
        with pytest.raises(TypeError, match="read-only"):
            write()
    assert isinstance(profile.extra, dict)
    assert isinstance(profile.extra["tags"], list)
    import copy
    import pickle

    assert pickle.loads(pickle.dumps(profile)) == profile
    assert copy.deepcopy(profile) == profile


def test_extra_nested_too_deeply_is_refused_by_name() -> None:
    value: Any = {}
    for _ in range(40):
        value = {"x": value}
    with pytest.raises(ValueError, match="extra: nested more than 32 levels deep"):
        Profile(name="Ada", extra=value)
