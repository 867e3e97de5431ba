"""Text that is not valid Unicode (lone surrogates from JSON escapes) is an input error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from invitecore.cli import app
from invitecore.errors import InputError
from invitecore.inputs.unicode import check_unicode, lone_surrogate_field

LONE = '{"profile": {"name": "Ada \\ud800 Lane", "headline": "CTO"}}'
PAIR = '{"profile": {"name": "Ada \\ud83d\\ude00 Lane", "headline": "CTO"}}'


def _run(tmp_path: Path, name: str, text: str, *args: str) -> Any:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return CliRunner().invoke(app, ["run", str(source), "-f", "jsonl", *args])


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_json_line_with_a_lone_surrogate_is_an_error_row(tmp_path: Path, jobs: str) -> None:
    outcome = _run(tmp_path, "list.jsonl", f"{LONE}\n{PAIR}\n", "-j", jobs)
    assert outcome.exit_code == 2
    rows = [json.loads(line) for line in outcome.stdout.splitlines()]
    assert len(rows) == 2
    assert rows[0]["errors"][0]["message"].endswith(
        "list.jsonl:1:27: invalid JSON: a \\u escape of half a surrogate pair (U+D800-U+DFFF)"
        " is not valid text"
    )
    assert rows[1]["name"] == "Ada \U0001f600 Lane"  # a whole pair is one character
    assert "Traceback" not in outcome.stderr


def test_a_json_array_row_with_a_lone_surrogate_is_an_error_row(tmp_path: Path) -> None:
    text = '[\n{"name": "Bo", "headline": "x"},\n{"name": "Cy", "groups": ["ok", "\\udc00"]}\n]'
    outcome = _run(tmp_path, "list.json", text)
    assert outcome.exit_code == 2
    rows = [json.loads(line) for line in outcome.stdout.splitlines()]
    assert rows[0]["errors"] == []
    assert "list.json:3: groups[1]: a \\u escape" in rows[1]["errors"][0]["message"]


def test_a_case_file_with_a_lone_surrogate_is_refused(tmp_path: Path) -> None:
    text = '{"profile": {"name": "Ada"}, "invitation": {"note": "Hi \\ud800"}}'
    outcome = _run(tmp_path, "case.json", text)
    assert outcome.exit_code == 2
    assert "case.json:1: invitation.note: a \\u escape" in outcome.stderr
    assert "Traceback" not in outcome.stderr


def test_a_note_from_the_command_line_that_is_not_utf8(tmp_path: Path) -> None:
    outcome = _run(tmp_path, "list.jsonl", PAIR + "\n", "--note", "Hi \udcff there")
    assert outcome.exit_code == 2
    assert outcome.stderr.strip() == "invitecore: --note: the text is not valid UTF-8"


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _all_text(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [t for k, v in data.items() for t in (k, *_all_text(v))]
    if isinstance(data, list):
        return [t for v in data for t in _all_text(v)]
    return []


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(json_values)
def test_a_field_is_named_exactly_when_some_text_cannot_be_encoded(data: Any) -> None:
    found = lone_surrogate_field(data)
    assert (found is None) == all(_encodes(text) for text in _all_text(data))
    # What JSON would have spelt with escapes is searched; other text is not.
    escaped = json.dumps(data)
    if found is None:
        check_unicode(data, escaped, file="f", line=1)
    else:
        with pytest.raises(InputError, match="is not valid text"):
            check_unicode(data, escaped, file="f", line=1)
