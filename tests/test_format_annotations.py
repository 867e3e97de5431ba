"""``concise`` (``path:line:col: CODE message``) and ``github`` (workflow commands) point at
the note's place in the file it came from, or at the case's row."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from invitecore import Case, Finding, Invitation, Profile, Rule, hookimpl, runner
from invitecore.builtin.annotations import (
    ConciseWriter,
    GitHubWriter,
    escape_data,
    escape_property,
    render_concise,
    render_github,
)
from invitecore.engine import Engine
from invitecore.errors import InputError
from invitecore.output import FormatOptions, ReportWriter
from invitecore.results import Source

NOTE = "Hi there,\nI sell 100% growth: buy now"


class _Plugin:
    @staticmethod
    @hookimpl
    def invitecore_rules() -> list[Rule]:
        return [Rule(code=c, summary=c) for c in ("ANN101", "ANN102", "ANN103")]

    @staticmethod
    @hookimpl
    def invitecore_invitation_checks(invitation: Invitation) -> list[Finding]:
        note = invitation.note
        findings = [Finding(code="ANN103", message="no greeting by name", severity="info")]
        start = note.find("buy now")
        if start >= 0:
            findings.append(
                Finding(
                    code="ANN101",
                    message="a pitch: 'buy now'\nsecond line",
                    suggestion="Cut it, 100%.",
                    field="note",
                    span=(start, start + 7),
                    severity="error",
                )
            )
        start = note.find("100%")
        if start >= 0:
            findings.append(
                Finding(
                    code="ANN102",
                    message="a number",
                    field="note",
                    span=(start, start + 4),
                    severity="warning",
                )
            )
        return findings


def run(factory: Callable[..., ReportWriter], cases: Iterable[Case | InputError]) -> str:
    engine = Engine.from_plugins([("anntest", _Plugin)])
    stream = io.StringIO()
    runner.execute(engine, cases, factory(stream, FormatOptions()))
    return stream.getvalue()


def row_case(line: int = 4, file: str = "list.jsonl") -> Case:
    return Case(
        profile=Profile(name="Ada"),
        invitation=Invitation(note=NOTE),
        source=Source(file=file, line=line),
    )


def file_case(tmp_path: Path) -> Case:
    """A case read from a real TOML file, so the note knows its place in it."""
    from invitecore.inputs import load_inputs
    from invitecore.models import Sender

    path = tmp_path / "case.toml"
    path.write_text(
        '[profile]\nname = "Ada"\n\n[invitation]\nnote = """\nHi there,\nI sell 100% growth: '
        'buy now"""\n',
        encoding="utf-8",
    )
    loaded = list(load_inputs([str(path)], default_sender=Sender()))
    assert isinstance(loaded[0], Case)
    assert loaded[0].invitation.note == NOTE
    return loaded[0]


# -- concise -------------------------------------------------------------------------------------


def test_concise_without_a_file_place_points_at_the_row() -> None:
    assert run(ConciseWriter, [row_case()]).splitlines() == [
        "list.jsonl:4:1: ANN103 no greeting by name",
        "list.jsonl:4:1: ANN101 a pitch: 'buy now' second line",
        "list.jsonl:4:1: ANN102 a number",
    ]


def test_concise_points_into_the_case_file(tmp_path: Path) -> None:
    case = file_case(tmp_path)
    if getattr(case.invitation, "note_origin", None) is None:
        pytest.skip("this core does not record where a note came from")
    lines = run(ConciseWriter, [case]).splitlines()
    file = case.invitation.note_origin.file  # type: ignore[union-attr]
    # The note starts on line 6 of the file ("Hi there,"); "I sell ..." is line 7.
    assert lines[1] == f"{file}:7:21: ANN101 a pitch: 'buy now' second line"
    assert lines[2] == f"{file}:7:8: ANN102 a number"
    # A finding about no field has no place in the note: the case's own line.
    assert lines[0].startswith(f"{case.source.file}:1:1: ANN103")  # type: ignore[union-attr]


def test_a_finding_about_the_whole_note_points_at_its_start(tmp_path: Path) -> None:
    from invitecore.builtin.annotations import finding_place
    from invitecore.models import Finding as F

    case = file_case(tmp_path)
    if getattr(case.invitation, "note_origin", None) is None:
        pytest.skip("this core does not record where a note came from")
    result = Engine.from_plugins([("anntest", _Plugin)]).evaluate(case)
    place = finding_place(result, F(code="ANN103", message="m", field="note"))
    assert (place.line, place.column) == (6, 1)  # "Hi there," opens line 6


def test_concise_reports_unreadable_rows_and_plugin_errors() -> None:
    error = InputError("expected a number", file="list.csv", line=7, column=3, field="connections")
    lines = run(ConciseWriter, [error]).splitlines()
    assert lines == ["list.csv:7:3: input-error connections: expected a number"]


# -- github --------------------------------------------------------------------------------------


def test_github_commands_by_severity_with_the_fix() -> None:
    lines = run(GitHubWriter, [row_case()]).splitlines()
    assert lines[0] == (
        "::notice file=list.jsonl,line=4,col=1,title=invitecore ANN103::ANN103 no greeting by name"
    )
    assert lines[1] == (
        "::error file=list.jsonl,line=4,col=1,title=invitecore ANN101::"
        "ANN101 a pitch: 'buy now'%0Asecond line%0Afix: Cut it, 100%25."
    )
    assert lines[2].startswith("::warning file=list.jsonl,line=4,col=1,")


def test_github_places_and_ends_inside_the_case_file(tmp_path: Path) -> None:
    case = file_case(tmp_path)
    if getattr(case.invitation, "note_origin", None) is None:
        pytest.skip("this core does not record where a note came from")
    lines = run(GitHubWriter, [case]).splitlines()
    file = escape_property(case.invitation.note_origin.file)  # type: ignore[union-attr]
    assert lines[1].startswith(
        f"::error file={file},line=7,col=21,endLine=7,endColumn=27,title=invitecore ANN101::"
    )


def test_github_escaping_follows_the_toolkit() -> None:
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("C:\\dir,x%\n") == "C%3A\\dir%2Cx%25%0A"


def test_a_file_name_with_commas_and_colons_stays_one_property() -> None:
    line = run(GitHubWriter, [row_case(file="a,b:c.jsonl")]).splitlines()[0]
    assert line.startswith("::notice file=a%2Cb%3Ac.jsonl,line=4,col=1,")


def test_github_annotates_the_same_place_and_code_once() -> None:
    # Two prospects filled in from one template share the template's places: in these rows
    # without a file place, the same row repeated stands for that.
    text = run(GitHubWriter, [row_case(), row_case(), row_case(line=5)])
    assert len(text.splitlines()) == 6


def test_a_message_cannot_start_a_command_of_its_own() -> None:
    for line in run(GitHubWriter, [row_case()]).splitlines():
        assert line.startswith("::")
        assert "\n" not in line
        assert "\r" not in line


# -- both ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("render", "factory"), [(render_concise, ConciseWriter), (render_github, GitHubWriter)]
)
def test_parallel_rendering_writes_what_the_writer_writes(
    render: Callable[..., str], factory: Callable[..., ReportWriter]
) -> None:
    from invitecore.engine import Engine

    engine = Engine.from_plugins([("anntest", _Plugin)])
    results = [engine.evaluate(row_case(line=n)) for n in (2, 3)]
    direct, rendered = io.StringIO(), io.StringIO()
    one, other = factory(direct, FormatOptions()), factory(rendered, FormatOptions())
    for result in results:
        one.write(result)
        other.write_text(render(result))  # type: ignore[attr-defined]
    assert direct.getvalue() == rendered.getvalue()


def test_the_cli_offers_both(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from invitecore.cli import app

    path = tmp_path / "case.toml"
    path.write_text('[profile]\nname = "Ada"\n', encoding="utf-8")
    for name in ("concise", "github"):
        result = CliRunner().invoke(app, ["run", str(path), "-f", name, "-q"])
        assert result.exit_code in (0, 1), result.output
