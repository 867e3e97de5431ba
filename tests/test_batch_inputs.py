"""Batch inputs: every format, detection, column mapping, note templates, one item per row.

All people and addresses in tests/data/inputs/ are made up (example.com / example.org).
"""

from __future__ import annotations

import io
import json
import pickle
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from invitecore.errors import InputError, UsageError
from invitecore.inputs import (
    COLUMN_TARGETS,
    INPUT_FORMATS,
    TEMPLATE_FIELDS,
    fixed_note,
    load_inputs,
    load_template,
    parse_template,
)
from invitecore.inputs.columns import parse_date, parse_degree
from invitecore.inputs.detect import detect_format
from invitecore.inputs.records import PendingLines, PendingRecord
from invitecore.models import Account, Profile, Relationship, Sender
from invitecore.results import Case

DATA = Path(__file__).parent / "data" / "inputs"


def read(*names: str, **options: object) -> list[Case | InputError]:
    return list(load_inputs([str(DATA / n) for n in names], **options))  # type: ignore[arg-type]


def cases(items: list[Case | InputError]) -> list[Case]:
    return [item for item in items if isinstance(item, Case)]


def errors(items: list[Case | InputError]) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


def line_of(item: Case | InputError) -> int | None:
    """The physical line an item names: a case's source line or an error's line."""
    if isinstance(item, InputError):
        return item.line
    return item.source.line if item.source else None


def from_text(text: str, **options: object) -> list[Case | InputError]:
    return list(load_inputs(["-"], stdin=io.StringIO(text), **options))  # type: ignore[arg-type]


# -- LinkedIn Connections.csv -------------------------------------------------------------------


def test_connections_export_skips_preamble_and_blank_rows_with_bom_and_crlf() -> None:
    raw = (DATA / "connections.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the fixture is what it claims
    assert b"\r\n" in raw
    items = read("connections.csv")
    # Four real rows (lines 5, 8, 10, 11); the preamble, blank and comma-only rows yield nothing.
    assert [line_of(item) for item in items] == [
        5,
        8,
        10,
        11,
    ]
    ada, bo, cai = cases(items)
    assert ada.profile.name == "Ada Quill"
    assert ada.profile.first_name == "Ada"
    assert ada.profile.company == "Example Corp"
    assert ada.profile.title == "Engineer"
    assert ada.profile.url == "https://www.linkedin.com/in/ada-quill-example"
    assert ada.profile.emails == ()
    assert ada.profile.extra == {"connected_on": "2026-01-30"}
    assert ada.profile.connection_degree == 1
    assert bo.profile.emails == ("bo@example.com",)
    assert bo.profile.title == "Head of Sales, EMEA"
    assert bo.profile.company is None  # an empty cell is missing, not ""
    assert cai.profile.name == "Cai"
    (nameless,) = errors(items)
    assert nameless.line == 11
    assert nameless.field == "First Name"
    assert "name" in nameless.message


def test_connections_is_detected_by_header_without_extension(tmp_path: Path) -> None:
    target = tmp_path / "export.txt"
    shutil.copy(DATA / "connections.csv", target)
    assert len(list(load_inputs([str(target)]))) == 4


def test_connections_forced_without_a_header_fails_up_front(tmp_path: Path) -> None:
    target = tmp_path / "other.csv"
    target.write_text("Name,Company\nAda Quill,Example Corp\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no Connections\.csv header"):
        load_inputs([str(target)], input_format="linkedin-connections")


@pytest.mark.parametrize(
    ("text", "iso"),
    [("30 Jan 2026", "2026-01-30"), ("2 Sept 2025", "2025-09-02"), ("Jan 30, 2026", "2026-01-30")],
)
def test_connected_on_dates_become_iso(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_unparseable_date_is_kept_as_written() -> None:
    assert parse_date("sometime in 2020") == "sometime in 2020"
    assert parse_date("32 Jan 2026") == "32 Jan 2026"


# -- Sales Navigator -----------------------------------------------------------------------------


def test_sales_navigator_header_maps_its_columns() -> None:
    items = read("sales_navigator.csv")
    assert len(items) == 3
    dana, eli = cases(items)
    assert dana.profile.name == "Dana Reyes"
    assert dana.profile.company == "Example Corp"
    assert dana.profile.title == "Recruiter"
    assert dana.profile.about == "LION, open networker. Invite me: dana@example.com"
    assert dana.profile.location == "Springfield, Illinois"
    assert dana.profile.open_link is True
    assert dana.profile.premium is True
    assert dana.profile.shared_connections == 12
    assert dana.profile.url == "https://www.linkedin.com/in/dana-reyes-example"
    assert dana.profile.extra["profileUrl"] == "https://www.linkedin.com/sales/lead/ACw1"
    assert dana.profile.connection_degree == 2
    assert dana.profile.extra["vmid"] == "ACw1"
    assert eli.profile.connection_degree == 1  # already a connection
    assert eli.profile.open_link is False
    (fay,) = errors(items)
    assert (fay.line, fay.field) == (4, "sharedConnectionsCount")


@pytest.mark.parametrize(
    ("text", "degree"), [("1st", 1), ("2nd", 2), ("3rd+", 3), ("2", 2), ("Out of network", None)]
)
def test_connection_degree(text: str, degree: int | None) -> None:
    assert parse_degree(text) == degree


def test_unknown_degree_text_stays_under_its_column(tmp_path: Path) -> None:
    target = tmp_path / "nav.csv"
    target.write_text("fullName,connectionDegree,isOpenLink\nFay Ortiz,Out of network,false\n")
    (case,) = cases(list(load_inputs([str(target)])))
    assert case.profile.extra == {"connectionDegree": "Out of network"}


# -- generic CSV and the columns mapping --------------------------------------------------------


def test_csv_row_columns_override_defaults() -> None:
    items = read(
        "prospects.csv",
        relationship="business",
        note=fixed_note("Hello from the default note"),
        default_sender=Sender(name="Vic Example", account="free"),
    )
    gus, hana = cases(items)
    assert gus.invitation.relationship is Relationship.COLLEAGUE  # the row's column
    assert gus.invitation.note == "Hello from the default note"
    assert gus.profile.extra == {"Team": "Platform"}
    assert gus.profile.title == "Engineer"  # "Job Title"
    assert hana.invitation.relationship is Relationship.BUSINESS  # the default
    assert hana.invitation.note.startswith("Hi Hana, loved your talk")  # the row's note
    assert hana.sender == Sender(name="Vic Example", account=Account.PREMIUM)
    assert gus.sender.account is Account.FREE
    bad_relationship, bad_account = errors(items)
    assert (bad_relationship.line, bad_relationship.field) == (4, "Relationship")
    assert "coworker" in bad_relationship.message
    assert (bad_account.line, bad_account.field) == (5, "Account")


def test_columns_mapping_names_other_columns(tmp_path: Path) -> None:
    target = tmp_path / "crm.csv"
    target.write_text(
        "Contact,Org,Mutuals,Mail,Personal note\nWen Li,Example Corp,4,wen@example.com,Hi Wen\n",
        encoding="utf-8",
    )
    columns = {
        "Contact": "name",
        "org": "company",
        "MUTUALS": "shared_connections",
        "Mail": "email",
        "Personal note": "note",
    }
    (case,) = list(load_inputs([str(target)], columns=columns))
    assert isinstance(case, Case)
    assert case.profile.name == "Wen Li"
    assert case.profile.company == "Example Corp"
    assert case.profile.shared_connections == 4
    assert case.invitation.email == "wen@example.com"
    assert case.invitation.note == "Hi Wen"


def test_columns_mapping_to_an_unknown_field_fails_up_front() -> None:
    with pytest.raises(UsageError) as raised:
        load_inputs([str(DATA / "prospects.csv")], columns={"Org": "employer_name"})
    message = str(raised.value)
    assert "employer_name" in message
    assert all(target in message for target in COLUMN_TARGETS)


def test_csv_without_a_name_column_fails_up_front(tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    target.write_text("Org,Title\nExample Corp,CEO\n", encoding="utf-8")
    with pytest.raises(InputError, match="no name column") as raised:
        load_inputs([str(target)])
    assert raised.value.line == 1


def test_csv_list_cells_and_ragged_rows(tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    target.write_text(
        "name,groups,emails\n"
        "Xia Lo,LION; Open Networkers,xia@example.com;xia@example.org\n"
        "Yan Mo,only,two,cells,too many\n"
        "Zed Ng\n",
        encoding="utf-8",
    )
    xia, too_many, too_few = list(load_inputs([str(target)]))
    assert isinstance(xia, Case)
    assert xia.profile.groups == ("LION", "Open Networkers")
    assert xia.profile.emails == ("xia@example.com", "xia@example.org")
    assert isinstance(too_many, InputError)
    assert too_many.line == 3
    assert isinstance(too_few, InputError)
    assert too_few.line == 4


def test_quoted_newlines_keep_physical_line_numbers(tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    target.write_text(
        'name,about\r\n"Ann Ode","line one\r\nline two"\r\n,\r\nBad Row,x,y\r\n', encoding="utf-8"
    )
    ann, bad = list(load_inputs([str(target)]))
    assert isinstance(ann, Case)
    assert ann.profile.about == "line one\r\nline two"
    assert isinstance(bad, InputError)
    assert bad.line == 5


def test_non_utf8_row_is_an_error_row_and_reading_goes_on(tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    target.write_bytes(b"name,company\nAnn Ode,Ex\xe9mple\nBen Fry,Example Corp\n")
    bad, ben = list(load_inputs([str(target)]))
    assert isinstance(bad, InputError)
    assert bad.line == 2
    assert "UTF-8" in bad.message
    assert isinstance(ben, Case)
    assert ben.profile.name == "Ben Fry"


# -- JSON, JSON Lines, bare profiles, Proxycurl -----------------------------------------------


def test_proxycurl_object() -> None:
    (case,) = read("proxycurl.json")
    assert isinstance(case, Case)
    profile = case.profile
    assert profile.name == "Kai Mendes"
    assert profile.headline == "Recruiter | LION | kai@example.com"
    assert profile.about == "Open networker. I accept all invitations."
    assert profile.groups == ("LION: LinkedIn Open Networkers",)
    assert profile.connections == 28500
    assert profile.emails == ("kai@example.com",)
    assert (profile.company, profile.title) == ("Example Corp", "Recruiter")
    assert profile.location == "Porto, Portugal"
    assert profile.url == "https://www.linkedin.com/in/kai-mendes-example"
    assert profile.extra["follower_count"] == 31000
    assert profile.extra["occupation"] == "Recruiter at Example Corp"
    assert "public_identifier" not in profile.extra


def test_proxycurl_array_rows_and_their_lines() -> None:
    items = read("proxycurl_array.json")
    assert len(items) == 4
    lea, mo = cases(items)
    assert line_of(lea) == 2
    assert lea.profile.company is None  # experiences[0] ended: not the current company
    assert (mo.profile.name, mo.profile.company, mo.profile.title) == (
        "Mo Haddad",
        "Example Corp",
        "CFO",
    )
    nameless, bad_groups = errors(items)
    assert (nameless.line, nameless.field) == (4, "name")
    assert (bad_groups.line, bad_groups.field) == (5, "groups")


def test_proxycurl_jsonl_and_forced_format() -> None:
    items = read("proxycurl.jsonl", input_format="proxycurl")
    assert [c.profile.name for c in cases(items)] == ["Ola Berg", "Pia Lund"]
    assert [c.source.line for c in cases(items) if c.source] == [1, 3]
    assert cases(items)[1].profile.connections == 500


def test_jsonl_mixes_cases_bare_profiles_and_bad_lines() -> None:
    items = read("mixed.jsonl")
    lines = [
        i.source.line if isinstance(i, Case) and i.source else getattr(i, "line", None)
        for i in items
    ]
    assert lines == [1, 2, 4, 5, 6, 7, 8, 9]  # line 3 is blank: not a record
    quinn, rae, tao = cases(items)
    assert quinn.id == "case-1"
    assert quinn.invitation.note == "Hi Quinn"
    assert rae.profile.company == "Example Corp"
    assert rae.invitation.relationship is Relationship.GROUP
    assert (tao.profile.name, tao.id, tao.invitation.note) == ("Tao Wen", "7", "Hello Tao")
    by_line = {e.line: e for e in errors(items)}
    assert by_line[4].field == "connections"
    assert by_line[5].message.startswith("invalid JSON")
    assert "got list" in by_line[6].message
    assert by_line[8].field == "invitation.relationship"
    assert by_line[9].field == "name"


def test_case_rows_take_the_run_defaults() -> None:
    text = json.dumps({"profile": {"name": "Ann Ode", "company": "Example Corp"}}) + "\n"
    (case,) = from_text(text * 1, relationship="friend", note=parse_template("Hi {first_name}"))
    assert isinstance(case, Case)
    assert case.invitation.relationship is Relationship.FRIEND
    assert case.invitation.note == "Hi Ann"


def test_json_array_of_only_cases_is_a_strict_case_file(tmp_path: Path) -> None:
    target = tmp_path / "cases.json"
    rows = [{"profile": {"name": "Ann Ode"}}, {"profile": {"name": "Ben Fry", "connections": "x"}}]
    target.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_inputs([str(target)])
    assert raised.value.field == "profile.connections"
    assert raised.value.line == 10  # the line of the culprit key in the second element
    # Forcing the json format reads the same file row by row instead.
    items = list(load_inputs([str(target)], input_format="json"))
    assert isinstance(items[0], Case)
    assert isinstance(items[1], InputError)


def test_json_array_of_bare_profiles_yields_error_rows(tmp_path: Path) -> None:
    target = tmp_path / "people.json"
    target.write_text('[\n {"name": "Ann Ode"},\n 42,\n {"name": "Ben Fry"}\n]\n')
    ann, bad, ben = list(load_inputs([str(target)]))
    assert isinstance(ann, Case)
    assert isinstance(ben, Case)
    assert isinstance(bad, InputError)
    assert bad.line == 3


def test_json_syntax_error_fails_up_front(tmp_path: Path) -> None:
    target = tmp_path / "broken.json"
    target.write_text('[\n {"name": "Ann Ode"},\n {"name": \n]\n')
    with pytest.raises(InputError, match="invalid JSON") as raised:
        load_inputs([str(target)])
    assert raised.value.line == 4


def test_bare_profile_extra_and_nested_extra() -> None:
    line = {"name": "Ann Ode", "favourite_colour": "teal", "extra": {"crm_id": 5}}
    (case,) = from_text(json.dumps(line) + "\n")
    assert isinstance(case, Case)
    assert case.profile.extra == {"crm_id": 5, "favourite_colour": "teal"}


def test_bom_and_crlf_jsonl(tmp_path: Path) -> None:
    target = tmp_path / "x.jsonl"
    target.write_bytes(b'\xef\xbb\xbf{"name": "Ann Ode"}\r\n\r\n{"name": "Ben Fry"}\r\n')
    items = list(load_inputs([str(target)]))
    assert [c.source.line for c in cases(items) if c.source] == [1, 3]


# -- detection -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.toml", "[profile]\nname = 'x'\n", "case"),
        ("a.jsonl", '{"name": "x"}\n', "jsonl"),
        ("a.ndjson", '{"name": "x"}\n', "jsonl"),
        ("a.json", '[{"name": "x"}]', "json"),
        ("a.json", '{"name": "x"}\n{"name": "y"}\n', "jsonl"),
        ("a.csv", "name,company\n", "csv"),
        ("a.csv", "Notes:\n", "linkedin-connections"),
        (
            "a.csv",
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
            "linkedin-connections",
        ),
        ("a.csv", "profileUrl,fullName,isOpenLink\n", "sales-navigator"),
        (None, '{\n  "name": "x"\n}\n', "json"),
        (None, '{"name": "x"}\n{"name": "y"}\n', "jsonl"),
        (None, "\ufeffname,company\n", "csv"),
        (None, "[profile]\nname = 'x'\n", "case"),
        ("a.txt", "fullName,vmid\n", "sales-navigator"),
    ],
)
def test_detection(name: str | None, head: str, expected: str) -> None:
    assert detect_format(name, head) == expected


def test_unknown_input_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as raised:
        load_inputs([str(DATA / "prospects.csv")], input_format="xlsx")
    assert "available: " + ", ".join(INPUT_FORMATS) in str(raised.value)


def test_missing_file_fails_up_front(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_inputs([str(tmp_path / "nope.csv")])


def test_forcing_a_format_overrides_the_extension(tmp_path: Path) -> None:
    target = tmp_path / "rows.txt"
    target.write_text('{"name": "Ann Ode"}\n', encoding="utf-8")
    (case,) = list(load_inputs([str(target)], input_format="jsonl"))
    assert isinstance(case, Case)
    assert case.profile.name == "Ann Ode"


def test_stdin_csv_streams() -> None:
    items = from_text("\ufeffname,company\r\nAnn Ode,Example Corp\r\n,\r\n")
    assert [c.profile.company for c in cases(items)] == ["Example Corp"]


# -- note templates ------------------------------------------------------------------------------


def test_template_file_renders_and_keeps_escaped_braces() -> None:
    template = load_template(DATA / "template.txt")
    profile = Profile(name="Ann Ode", company="Example Corp", title="CTO")
    note, gaps = template.render(profile, Sender())
    assert note == "Hi Ann, I saw your work at Example Corp as CTO. {Curly} braces stay."
    assert gaps == ()


def test_template_gap_keeps_the_placeholder_at_its_exact_span() -> None:
    template = parse_template("Hi {first_name}, {company} and {title}, from {sender_name}")
    note, gaps = template.render(Profile(name="Ann Ode", title="CTO"), Sender())
    assert note == "Hi Ann, {company} and CTO, from {sender_name}"
    assert [g.field for g in gaps] == ["company", "sender_name"]
    for gap in gaps:
        start, end = gap.span
        assert note[start:end] == "{" + gap.field + "}"


def test_template_fallback_fills_without_a_gap() -> None:
    note, gaps = parse_template("Hi {first_name|there}").render(Profile(name=" "), Sender())
    assert (note, gaps) == ("Hi there", ())


def test_first_name_falls_back_to_the_first_word_of_name() -> None:
    note, _ = parse_template("Hi {first_name}").render(Profile(name="Ann Ode"), Sender())
    assert note == "Hi Ann"


def test_template_gaps_reach_the_invitation_of_each_row() -> None:
    items = read("prospects.csv", note=parse_template("Hi {first_name} at {company}"))
    gus, hana = cases(items)
    assert gus.invitation.template_gaps == ()
    assert hana.invitation.template_gaps == ()  # her row has its own note
    items = from_text(
        "name,company\nAnn Ode,\n", note=parse_template("Hi {first_name} at {company}")
    )
    (ann,) = cases(items)
    (gap,) = ann.invitation.template_gaps
    assert ann.invitation.note[gap.span[0] : gap.span[1]] == "{company}"


def test_unknown_placeholder_lists_the_valid_names() -> None:
    with pytest.raises(InputError) as raised:
        parse_template("Hi {firstName}, at {company}")
    message = str(raised.value)
    assert "did you mean 'first_name'" in message
    assert all(name in message for name in TEMPLATE_FIELDS)
    assert (raised.value.line, raised.value.column) == (1, 4)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Hi {first_name", "unclosed"),
        ("Hi first_name}", "single '}'"),
        ("Hi {}", "empty placeholder"),
        ("Hi {{first_name}}", "escaped brace pair"),
        ("Hi {{firstName}}", "write {first_name}"),
    ],
)
def test_template_syntax_errors(text: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        parse_template(text)


def test_fixed_note_is_not_a_template() -> None:
    note = fixed_note("Literal {company} braces")
    assert not note.is_template
    assert note.render(Profile(name="Ann Ode"), Sender()) == ("Literal {company} braces", ())


def test_missing_template_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such template file"):
        load_template(tmp_path / "missing.txt")


@given(st.text(alphabet=st.sampled_from("ab {}|_"), max_size=40))
def test_template_parser_never_crashes_and_round_trips_literals(text: str) -> None:
    try:
        template = parse_template(text)
    except InputError:
        return
    note, gaps = template.render(Profile(name="Ann Ode"), Sender())
    if not template.is_template:
        assert note == text.replace("{{", "{").replace("}}", "}")
    for gap in gaps:
        assert note[gap.span[0] : gap.span[1]] == "{" + gap.field + "}"


# -- one item per real row -----------------------------------------------------------------------

_GOOD = [
    '{"name": "Ann Ode"}',
    '{"profile": {"name": "Ben Fry"}}',
    '{"full_name": "Cy Dee", "public_identifier": "cy-example"}',
]
_BAD = [
    "not json",
    "[1, 2]",
    '{"name": "Ann Ode", "connections": "lots"}',
    '{"profile": {"name": "x"}, "bogus": 1}',
    '{"headline": "no name"}',
    '{"name": "Ann Ode", "relationship": "cousin"}',
    '{"name": "\\ud800"',
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_GOOD).map(lambda s: ("good", s)),
            st.sampled_from(_BAD).map(lambda s: ("bad", s)),
            st.sampled_from(["", "   ", "\t"]).map(lambda s: ("blank", s)),
        ),
        max_size=30,
    ),
    st.sampled_from(["\n", "\r\n"]),
)
def test_jsonl_one_item_per_real_row(rows: list[tuple[str, str]], newline: str) -> None:
    text = newline.join(line for _, line in rows) + newline
    items = from_text(text, input_format="jsonl")
    expected = [(number, kind) for number, (kind, _) in enumerate(rows, 1) if kind != "blank"]
    assert len(items) == len(expected)
    for item, (number, kind) in zip(items, expected, strict=True):
        if kind == "good":
            assert isinstance(item, Case)
            assert item.source is not None
            assert item.source.line == number
        else:
            assert isinstance(item, InputError)
            assert item.line == number


_GOOD_CSV = ["Ann Ode,Example Corp,1", '"Ode, Ann",Example Corp,2', "Ben,,"]
_BAD_CSV = [",Example Corp,3", "Cy Dee,Example Corp,many", "Cy Dee,x,1,extra", "Cy Dee"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_GOOD_CSV).map(lambda s: ("good", s)),
            st.sampled_from(_BAD_CSV).map(lambda s: ("bad", s)),
            st.sampled_from(["", ",,", ", ,"]).map(lambda s: ("blank", s)),
        ),
        max_size=30,
    ),
    st.sampled_from(["\n", "\r\n"]),
)
def test_csv_one_item_per_real_row(rows: list[tuple[str, str]], newline: str) -> None:
    text = newline.join(["name,company,connections", *(line for _, line in rows)]) + newline
    items = from_text(text, input_format="csv")
    expected = [(number, kind) for number, (kind, _) in enumerate(rows, 2) if kind != "blank"]
    assert len(items) == len(expected)
    for item, (number, kind) in zip(items, expected, strict=True):
        line = item.source.line if isinstance(item, Case) and item.source else None
        if kind == "good":
            assert line == number
        else:
            assert isinstance(item, InputError)
            assert item.line == number


def test_deferred_lines_resolve_like_direct_reading(tmp_path: Path) -> None:
    """Rows read for workers (unparsed, shipped in chunks) give the same cases and errors."""
    source = tmp_path / "list.jsonl"
    rows = [json.dumps({"id": str(i), "profile": {"name": f"P{i}"}}) for i in range(5)]
    source.write_bytes(
        ("\n".join([*rows[:2], "{broken", "", *rows[2:]]) + "\n").encode() + b"\xff\n"
    )
    direct = list(load_inputs([str(source)]))
    deferred = list(load_inputs([str(source)], defer=True))
    records = [item for item in deferred if isinstance(item, PendingRecord)]
    assert len(records) == 6
    assert PendingLines.gather(deferred) is None  # a row that is not UTF-8 is already an error
    gathered = PendingLines.gather(records)
    assert gathered is not None
    assert len(gathered) == 6
    resolved = pickle.loads(pickle.dumps(gathered)).resolve()
    assert [str(r) if isinstance(r, InputError) else r for r in resolved] == [
        str(r) if isinstance(r, InputError) else r for r in direct[:6]
    ]
    assert str(direct[-1]).endswith("not UTF-8 text")


# -- separators -----------------------------------------------------------------------------------


def test_a_semicolon_csv_is_read_like_a_comma_csv(tmp_path: Path) -> None:
    # Excel's "CSV" in locales where the comma is the decimal mark.
    target = tmp_path / "leads.csv"
    target.write_text(
        'Name;Company;Headline;Connections\nAda Quill;"Example; Corp";CFO, EMEA;1234\n'
        "Bo Li;Acme;Sales;500+\n",
        encoding="utf-8",
    )
    ada, bo = cases(list(load_inputs([str(target)])))
    assert (ada.profile.name, ada.profile.company, ada.profile.headline) == (
        "Ada Quill",
        "Example; Corp",
        "CFO, EMEA",
    )
    assert bo.profile.connections == 500


def test_a_semicolon_connections_export_finds_its_header_after_the_preamble(
    tmp_path: Path,
) -> None:
    target = tmp_path / "Connections.csv"
    target.write_text(
        'Notes:\n"When exporting your connection data, you may notice that some, not all, '
        'email addresses are missing."\n\n'
        "First Name;Last Name;URL;Email Address;Company;Position;Connected On\n"
        "Ada;Quill;https://www.linkedin.com/in/ada;;Example Corp;CFO;30 Jan 2026\n",
        encoding="utf-8",
    )
    (ada,) = cases(list(load_inputs([str(target)])))
    assert ada.profile.name == "Ada Quill"
    assert ada.profile.extra == {"connected_on": "2026-01-30"}
    assert ada.profile.connection_degree == 1


def test_tab_separated_input_from_stdin() -> None:
    (ada,) = cases(from_text("name\tcompany\nAda Quill\tExample Corp\n"))
    assert ada.profile.company == "Example Corp"


def test_delimiter_option_overrides_the_sniffed_one(tmp_path: Path) -> None:
    target = tmp_path / "leads.csv"
    # A header with more commas than semicolons would be sniffed as comma-separated.
    target.write_text("name;about\nAda Quill;CFO, EMEA, APAC, LATAM\n", encoding="utf-8")
    (sniffed,) = cases(list(load_inputs([str(target)])))
    assert sniffed.profile.about == "CFO, EMEA, APAC, LATAM"
    with pytest.raises(UsageError, match="--delimiter"):
        load_inputs([str(target)], delimiter=":")
    (forced,) = cases(list(load_inputs([str(target)], delimiter=";")))
    assert forced.profile.about == "CFO, EMEA, APAC, LATAM"
