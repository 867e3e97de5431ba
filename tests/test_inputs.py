"""Reading cases from TOML, JSON, JSON Lines and stdin; every error names file, line and field."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from invitecore import Account, Case, Relationship, Sender
from invitecore.errors import InputError
from invitecore.inputs import load_inputs
from invitecore.inputs.cases import read_case_text
from invitecore.inputs.detect import detect_format
from invitecore.inputs.records import RecordReader, iter_record_lines
from invitecore.inputs.rows import RowBuilder
from invitecore.locate import json_key_line, toml_key_line

TOML_CASE = """\
id = "c1"

[profile]
name = "Ada Lane"
headline = "Recruiter"
connections = "6,500+"
groups = ["Open Networkers"]
extra = { favourite_colour = "teal" }

[invitation]
relationship = "other"
note = "Hi Ada"

[sender]
account = "premium"
"""


def read(text: str, kind: str, **kwargs: Any) -> list[Case]:
    return read_case_text(text, file=f"cases.{kind}", kind=kind, **kwargs)


def error_of(text: str, kind: str) -> InputError:
    if kind == "jsonl":
        items = list(json_lines(iter(text.splitlines()), file="cases.jsonl"))
        errors = [item for item in items if isinstance(item, InputError)]
        assert len(errors) == 1
        return errors[0]
    with pytest.raises(InputError) as caught:
        read(text, kind)
    return caught.value


class TestReading:
    def test_toml_case(self) -> None:
        (case,) = read(TOML_CASE, "toml")
        assert case.id == "c1"
        assert case.profile.name == "Ada Lane"
        assert case.profile.connections == 6500
        assert case.profile.groups == ("Open Networkers",)
        assert case.profile.extra == {"favourite_colour": "teal"}
        assert case.invitation.relationship is Relationship.OTHER
        assert case.sender.account is Account.PREMIUM
        assert case.source is not None
        assert (case.source.file, case.source.line) == ("cases.toml", 1)

    @pytest.mark.parametrize("kind", ["toml", "json"])
    def test_a_misspelled_profile_key_is_an_error_with_a_suggestion(self, kind: str) -> None:
        text = (
            '[profile]\nname = "Ada Lane"\nabot = "I only connect with people I know."\n'
            if kind == "toml"
            else '{"profile": {"name": "Ada Lane", "abot": "I only connect."}}'
        )
        error = error_of(text, kind)
        assert error.field == "profile.abot"
        assert "did you mean 'about'?" in error.message
        assert error.line == (3 if kind == "toml" else 1)

    def test_sender_merges_over_default_key_by_key(self) -> None:
        default = Sender(name="Sam", account="free")
        (case,) = read(TOML_CASE, "toml", default_sender=default)
        assert case.sender == Sender(name="Sam", account="premium")
        (bare,) = read('[profile]\nname = "A"\n', "toml", default_sender=default)
        assert bare.sender == default

    def test_name_from_first_and_last(self) -> None:
        (case,) = read('[profile]\nfirst_name = "Ada"\nlast_name = "Lane"\n', "toml")
        assert case.profile.name == "Ada Lane"

    def test_numeric_id_becomes_text(self) -> None:
        (case,) = read('{"id": 7, "profile": {"name": "A"}}', "json")
        assert case.id == "7"

    def test_fields_of_your_own_go_in_the_extra_table(self) -> None:
        (case,) = read('{"profile": {"name": "A", "extra": {"k": 1, "z": 2}}}', "json")
        assert case.profile.extra == {"k": 1, "z": 2}
        error = error_of('{"profile": {"name": "A", "extra": 5}}', "json")
        assert (error.field, error.message) == ("profile.extra", "expected a table, got int")

    def test_json_array_lines(self) -> None:
        text = '[\n  {"profile": {"name": "A"}},\n  {"profile": {"name": "B"}}\n]\n'
        cases = read(text, "json")
        assert [c.profile.name for c in cases] == ["A", "B"]
        assert [c.source.line for c in cases if c.source] == [2, 3]

    def test_json_lines_skip_blank_lines_but_count_them(self) -> None:
        lines = ['{"profile": {"name": "A"}}', "", "  ", '{"profile": {"name": "B"}}']
        items = list(json_lines(iter(lines), file="x.jsonl"))
        assert [i.source.line for i in items if isinstance(i, Case) and i.source] == [1, 4]

    def test_json_lines_bad_row_in_place(self) -> None:
        lines = [
            '{"profile": {"name": "A"}}',
            '{"profile": {"name": "B", "connections": "lots"}}',
            "{not json",
            '{"profile": {"name": "C"}}',
        ]
        items = list(json_lines(iter(lines), file="x.jsonl"))
        assert [type(i).__name__ for i in items] == ["Case", "InputError", "InputError", "Case"]
        assert str(items[1]) == (
            "x.jsonl:2: profile.connections: expected a whole number, got 'lots'"
        )
        assert str(items[2]).startswith("x.jsonl:3:2: invalid JSON: ")

    def test_bom_on_first_line(self) -> None:
        items = list(json_lines(iter(['\ufeff{"profile": {"name": "A"}}']), file="x"))
        assert isinstance(items[0], Case)


TRAILING_COMMA = '{"profile": {"name": "A",}}'


def _json_error(text: str) -> json.JSONDecodeError:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return exc
    raise AssertionError(f"{text!r} is valid JSON")


TRAILING_COMMA_ERROR = _json_error(TRAILING_COMMA)

ERROR_CASES = [
    # kind, text, line, column, field, message fragment
    ("toml", '[profile]\nname = "A"\nheadline = \n', 3, 12, None, "invalid TOML: Invalid value"),
    # The json module's own words and column (Python 3.13 names the trailing comma itself).
    (
        "json",
        TRAILING_COMMA,
        1,
        TRAILING_COMMA_ERROR.colno,
        None,
        f"invalid JSON: {TRAILING_COMMA_ERROR.msg}",
    ),
    ("jsonl", '{"profile": {"name": "A"}', 1, 26, None, "invalid JSON: unexpected end of data"),
    (
        "toml",
        '[profile]\nname = "A"\nconnections = "many"\n',
        3,
        None,
        "profile.connections",
        "expected a whole number, got 'many'",
    ),
    (
        "json",
        '{\n"profile": {\n"name": "A",\n"open_link": "perhaps"\n}}',
        4,
        1,
        "profile.open_link",
        "expected true or false, got 'perhaps'",
    ),
    (
        "toml",
        '[profile]\nname = "A"\n[invitation]\nrelationship = "coworker"\n',
        4,
        None,
        "invitation.relationship",
        "'coworker' is not one of: colleague",
    ),
    (
        "jsonl",
        '{"profile": {"name": "A"}, "sender": {"account": "gold"}}',
        1,
        None,
        "sender.account",
        "'gold' is not one of: free, premium",
    ),
    ("toml", 'id = "x"\n', 1, None, None, "missing the [profile] table"),
    ("json", '{"invitation": {}}', 1, None, None, "missing the [profile] table"),
    (
        "toml",
        '[profile]\nheadline = "H"\n',
        1,
        None,
        "profile.name",
        "missing (every profile needs a name)",
    ),
    ("jsonl", '{"profile": {"name": ""}}', 1, None, "profile.name", "missing"),
    (
        "toml",
        '[profile]\nname = "A"\n[invitation]\nnotes = "Hi"\n',
        4,
        None,
        "invitation.notes",
        "unknown key (did you mean 'note'?)",
    ),
    ("toml", 'profil = 1\n[profile]\nname = "A"\n', 1, None, "profil", "did you mean 'profile'?"),
    (
        "json",
        '{"profile": {"name": "A"},\n "sender": {"acount": "free"}}',
        2,
        13,
        "sender.acount",
        "did you mean 'account'?",
    ),
    ("toml", 'profile = "Ada"\n', 1, None, "profile", "expected a table, got str"),
    (
        "toml",
        '[profile]\nname = "A"\ngroups = "G"\n',
        3,
        None,
        "profile.groups",
        "expected a list of text",
    ),
    ("json", '{"id": [1], "profile": {"name": "A"}}', 1, 2, "id", "expected text, got [1]"),
    ("json", '[{"profile": {"name": "A"}}, []]', 1, None, None, "expected a case table, got list"),
    ("jsonl", "[]", 1, None, None, "got list"),
    ("toml", '[profile]\nname = "A"\n[invitation]\nnote = 5\n', 4, None, "invitation.note", "text"),
]


@pytest.mark.parametrize(("kind", "text", "line", "column", "field", "message"), ERROR_CASES)
def test_errors_name_file_line_and_field(
    kind: str, text: str, line: int, column: int | None, field: str | None, message: str
) -> None:
    error = error_of(text, kind)
    assert error.file == f"cases.{kind}"
    assert error.line == line
    if column is not None:
        assert error.column == column
    assert error.field == field
    assert message in error.message
    assert "\n" not in str(error)


def test_error_in_second_json_array_item_points_at_that_item() -> None:
    text = (
        '[\n  {"profile": {"name": "A", "connections": 5}},\n'
        '  {"profile": {"name": "B", "connections": "many"}}\n]\n'
    )
    assert error_of(text, "json").line == 3


def test_scalar_json_array_item_has_a_line() -> None:
    assert error_of('[\n  {"profile": {"name": "A"}},\n  1\n]', "json").line == 3


FORMAT_OF = {"toml": "case", "json": "json", "jsonl": "jsonl"}


def json_lines(lines: Any, file: str) -> Any:
    """JSON Lines read the way ``load_inputs`` reads them."""
    return iter_record_lines(lines, file=file, reader=RecordReader(RowBuilder(), {}))


class TestDetectKind:
    @pytest.mark.parametrize(
        ("name", "kind"),
        [("a.toml", "toml"), ("a.JSON", "json"), ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl")],
    )
    def test_by_extension(self, name: str, kind: str) -> None:
        assert detect_format(name, "") == FORMAT_OF[kind]

    @pytest.mark.parametrize(
        ("start", "kind"),
        [
            ('{"profile": {"name": "A"}}\n{"profile": {"name": "B"}}\n', "jsonl"),
            ('{"profile": {"name": "A"}}\n', "json"),
            ('{\n  "profile": {}\n}\n', "json"),
            ("\ufeff  [\n{}]", "json"),
            ('id = "x"\n[profile]\nname = "A"\n', "toml"),
            ("", "toml"),
        ],
    )
    def test_by_content(self, start: str, kind: str) -> None:
        assert detect_format(None, start) == FORMAT_OF[kind]
        assert detect_format("cases.txt", start) == FORMAT_OF[kind]


class TestLoadInputs:
    def test_files_in_order(self, tmp_path: Path) -> None:
        (tmp_path / "a.toml").write_text(TOML_CASE, encoding="utf-8")
        (tmp_path / "b.jsonl").write_text(
            '{"profile": {"name": "B"}}\n{"profile": {"name": "C"}}\n', encoding="utf-8"
        )
        items = list(load_inputs([str(tmp_path / "a.toml"), str(tmp_path / "b.jsonl")]))
        assert [i.profile.name for i in items if isinstance(i, Case)] == ["Ada Lane", "B", "C"]

    def test_default_sender(self, tmp_path: Path) -> None:
        (tmp_path / "a.json").write_text('{"profile": {"name": "A"}}', encoding="utf-8")
        (item,) = load_inputs([str(tmp_path / "a.json")], default_sender=Sender(name="Sam"))
        assert isinstance(item, Case)
        assert item.sender.name == "Sam"

    def test_whole_file_errors_raise_before_any_case(self, tmp_path: Path) -> None:
        (tmp_path / "good.toml").write_text(TOML_CASE, encoding="utf-8")
        (tmp_path / "bad.toml").write_text("[profile\n", encoding="utf-8")
        with pytest.raises(InputError, match="invalid TOML"):
            load_inputs([str(tmp_path / "good.toml"), str(tmp_path / "bad.toml")])

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            (lambda d: d / "missing.toml", "no such file"),
            (lambda d: d, "is a directory"),
        ],
    )
    def test_unreadable_paths(self, tmp_path: Path, make: Any, message: str) -> None:
        path = make(tmp_path)
        with pytest.raises(InputError, match=message) as caught:
            load_inputs([str(path)])
        assert caught.value.file == str(path)

    def test_not_utf8(self, tmp_path: Path) -> None:
        path = tmp_path / "latin.toml"
        path.write_bytes(b'[profile]\nname = "Jos\xe9"\n')
        with pytest.raises(InputError, match="not UTF-8 text"):
            load_inputs([str(path)])

    def test_not_utf8_json_lines(self, tmp_path: Path) -> None:
        path = tmp_path / "rows.jsonl"
        path.write_bytes(b'{"profile": {"name": "A"}}\n{"profile": {"name": "B\xff"}}\n')
        items = list(load_inputs([str(path)]))
        assert isinstance(items[-1], InputError)

    @pytest.mark.parametrize(
        ("text", "names"),
        [
            ('id = "x"\n[profile]\nname = "A"\n', ["A"]),
            ('{"profile": {"name": "A"}}', ["A"]),
            ('[{"profile": {"name": "A"}}, {"profile": {"name": "B"}}]', ["A", "B"]),
            ('{"profile": {"name": "A"}}\n{"profile": {"name": "B"}}\n', ["A", "B"]),
        ],
    )
    def test_stdin(self, text: str, names: list[str]) -> None:
        items = list(load_inputs(["-"], stdin=io.StringIO(text)))
        assert [i.profile.name for i in items if isinstance(i, Case)] == names
        assert all(i.source is not None and i.source.file == "<stdin>" for i in items)

    def test_stdin_toml_starting_with_a_table_header(self) -> None:
        items = list(load_inputs(["-"], stdin=io.StringIO('[profile]\nname = "A"\n')))
        assert [i.profile.name for i in items if isinstance(i, Case)] == ["A"]

    def test_stdin_error(self) -> None:
        with pytest.raises(InputError) as caught:
            load_inputs(["-"], stdin=io.StringIO("[profile\n"))
        assert caught.value.file == "<stdin>"

    def test_json_lines_are_lazy(self, tmp_path: Path) -> None:
        path = tmp_path / "rows.jsonl"
        path.write_text('{"profile": {"name": "A"}}\n', encoding="utf-8")
        stream = load_inputs([str(path)])
        path.write_text('{"profile": {"name": "Changed"}}\n', encoding="utf-8")
        (item,) = list(stream)
        assert isinstance(item, Case)
        assert item.profile.name == "Changed"


class TestLocate:
    TOML = (
        "# comment = 1\n"
        "top = 1\n"
        "[tool.invitecore]\n"
        "select = []\n"
        "risk.high = 70\n"
        '[ tool . "invitecore" . sender ]  # the sender\n'
        "account = 'x'\n"
        "[[cases]]\n"
        "id = 1\n"
    )

    @pytest.mark.parametrize(
        ("table", "key", "line"),
        [
            ([], "top", 2),
            (["tool", "invitecore"], "select", 4),
            (["tool", "invitecore", "risk"], "high", 5),
            (["tool", "invitecore"], "risk", 5),
            (["tool", "invitecore", "sender"], "account", 7),
            (["tool", "invitecore"], "sender", 6),
            (["tool", "invitecore", "sender"], None, 6),
            (["cases"], "id", 9),
            (["tool", "invitecore"], "missing", None),
            (["nope"], None, None),
        ],
    )
    def test_toml_key_line(self, table: list[str], key: str | None, line: int | None) -> None:
        assert toml_key_line(self.TOML, table, key) == line

    def test_json_key_line(self) -> None:
        text = json.dumps({"profile": {"name": "A", "groups": ["x"]}, "id": 1}, indent=2)
        assert json_key_line(text, ["profile", "groups"]) == (4, 5)
        assert json_key_line(text, ["profile", 0, "name"]) == (3, 5)
        assert json_key_line(text, ["nope"]) is None
        assert json_key_line(text, ["profile", "nope"]) == (2, 3)

    @given(text=st.text(), path=st.lists(st.text() | st.integers(), max_size=4))
    def test_json_key_line_never_raises(self, text: str, path: list[str | int]) -> None:
        found = json_key_line(text, path)
        assert found is None or (found[0] >= 1 and found[1] >= 1)

    @given(text=st.text(), table=st.lists(st.text(), max_size=3), key=st.none() | st.text())
    def test_toml_key_line_never_raises(
        self, text: str, table: list[str], key: str | None
    ) -> None:
        found = toml_key_line(text, table, key)
        assert found is None or 1 <= found <= max(1, len(text.splitlines()))
