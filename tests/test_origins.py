"""Findings point at the line and column of the file a note came from, as linters do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from invitecore import Finding
from invitecore.cli import app
from invitecore.engine import Engine
from invitecore.inputs import load_inputs, load_template
from invitecore.origins import literal_origin
from invitecore.results import Case

NOTE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=40
)


def _char_at(text: str, line: int, column: int) -> str:
    return text.split("\n")[line - 1][column - 1]


@given(NOTE_TEXT)
def test_a_toml_string_maps_every_note_character_to_its_source(note: str) -> None:
    # tomli_w picks the literal form and the escapes; the map must survive all of them.
    text = tomli_w.dumps({"invitation": {"note": note}})
    start = text.index("= ") + 2
    origin = literal_origin("case.toml", text, start, note, kind="toml")
    assert origin is not None
    for offset, char in enumerate(note):
        position = origin.position(offset)
        assert position is not None
        source = _char_at(text, *position)
        assert source == char or source == "\\"  # an escape stands where its backslash is


@given(NOTE_TEXT)
def test_a_json_string_maps_every_note_character_to_its_source(note: str) -> None:
    text = '{"note": ' + json.dumps(note) + "}"
    origin = literal_origin("case.json", text, text.index(": ") + 2, note, kind="json")
    if any(ord(char) > 0xFFFF for char in note):
        return  # json.dumps writes these as surrogate pairs: no origin, rather than a wrong one
    assert origin is not None
    for offset, char in enumerate(note):
        position = origin.position(offset)
        assert position is not None
        assert _char_at(text, *position) in (char, "\\")


def test_a_multi_line_toml_note() -> None:
    text = 'note = """\nHi Ada,\nwe met at PyCon."""\n'
    note = "Hi Ada,\nwe met at PyCon."
    origin = literal_origin("c.toml", text, text.index('"""'), note, kind="toml")
    assert origin is not None
    assert origin.position(0) == (2, 1)
    assert origin.position(note.index("we")) == (3, 1)
    assert origin.position(len(note)) == (3, 17)


def test_a_literal_that_does_not_decode_to_the_note_gives_no_origin() -> None:
    assert literal_origin("c.toml", 'note = "Hi"', 7, "Hello", kind="toml") is None
    assert literal_origin("c.toml", "note = 42", 7, "42", kind="toml") is None


def test_case_files_give_findings_a_line_and_column(tmp_path: Path) -> None:
    toml = tmp_path / "case.toml"
    toml.write_text(
        '[profile]\nname = "Ada Lane"\n\n[invitation]\nnote = "Hi Ada, BUY now"\n',
        encoding="utf-8",
    )
    document = tmp_path / "cases.json"
    document.write_text(
        '[{"profile": {"name": "Bo"}},\n {"profile": {"name": "Cy"},\n'
        '  "invitation": {"note": "Yo \\"Cy\\", BUY"}}]\n',
        encoding="utf-8",
    )
    (ada,) = load_inputs([str(toml)])
    _, cy = load_inputs([str(document)])
    assert isinstance(ada, Case)
    assert isinstance(cy, Case)
    assert ada.invitation.note_origin is not None
    assert ada.invitation.note_origin.position(ada.invitation.note.index("BUY")) == (5, 17)
    assert cy.invitation.note_origin is not None
    assert cy.invitation.note_origin.position(cy.invitation.note.index("BUY")) == (3, 38)


def test_template_notes_point_into_the_template(tmp_path: Path) -> None:
    template = tmp_path / "note.txt"
    template.write_text("Hi {first_name},\nsee my {{talk}} at {company|your firm}!\n")
    rows = tmp_path / "list.csv"
    rows.write_text("name,company\nAda Quill,\nBo Li,Acme\n", encoding="utf-8")
    ada, bo = load_inputs([str(rows)], note=load_template(template))
    assert isinstance(ada, Case)
    assert isinstance(bo, Case)
    for case in (ada, bo):
        origin = case.invitation.note_origin
        assert origin is not None
        assert origin.file == str(template)
        note = case.invitation.note
        assert origin.position(note.index("see")) == (2, 1)
        assert origin.position(note.index("{talk}")) == (2, 8)  # the escaped "{{"
        assert origin.position(note.index("!")) == (2, 39)
        assert origin.position(3) == (1, 4)  # the whole name stands for {first_name}
        assert origin.position(4) == (1, 4)


def test_fixed_notes_and_rows_have_no_origin(tmp_path: Path) -> None:
    rows = tmp_path / "list.csv"
    rows.write_text("name,note\nAda Quill,Hi Ada\n", encoding="utf-8")
    (ada,) = load_inputs([str(rows)])
    assert isinstance(ada, Case)
    assert ada.invitation.note_origin is None
    result = Engine.from_plugins([]).evaluate(ada)
    assert result.location(Finding(code="TST101", message="m", field="note", span=(0, 2))) is None


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_the_location_is_in_the_report(
    tmp_path: Path, install: object, sample_plugin: object, fmt: str
) -> None:
    install(sample=sample_plugin)  # type: ignore[operator]
    case = tmp_path / "case.toml"
    case.write_text(
        '[profile]\nname = "Ada Lane"\n[invitation]\nnote = "Hi, BUY this"\n', encoding="utf-8"
    )
    outcome = CliRunner().invoke(app, ["run", str(case), "-f", fmt])
    if fmt == "text":
        assert f"({case}:4:13)" in outcome.stdout
    else:
        (finding,) = [
            f for f in json.loads(outcome.stdout)["results"][0]["findings"] if f["code"] == "TST202"
        ]
        assert finding["location"] == {"file": str(case), "line": 4, "column": 13}
