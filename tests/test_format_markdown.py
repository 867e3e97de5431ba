"""The ``markdown`` format renders as GitHub shows it: checked with a CommonMark parser with
GFM tables (markdown-it-py), not by looking for pipes."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import pytest

from invitecore import Case, Finding, Invitation, Profile, Rule, hookimpl, runner
from invitecore.builtin.markdown import MarkdownWriter
from invitecore.engine import Engine
from invitecore.errors import InputError
from invitecore.output import FormatOptions
from invitecore.results import Source

markdown_it = pytest.importorskip("markdown_it")


class _Plugin:
    @staticmethod
    @hookimpl
    def invitecore_rules() -> list[Rule]:
        return [Rule(code="MDT101", summary="s"), Rule(code="MDT102", summary="s")]

    @staticmethod
    @hookimpl
    def invitecore_invitation_checks(invitation: Invitation) -> list[Finding]:
        if "pitch" not in invitation.note:
            return []
        return [
            Finding(code="MDT101", message="a minor | thing", severity="info"),
            Finding(
                code="MDT102",
                message="the note *pitches* <b>hard</b>",
                suggestion="Cut the pitch | keep the hello.",
                severity="error",
            ),
        ]


def run(cases: Iterable[Case | InputError]) -> str:
    engine = Engine.from_plugins([("mdtest", _Plugin)])
    stream = io.StringIO()
    runner.execute(engine, cases, MarkdownWriter(stream, FormatOptions()))
    return stream.getvalue()


def case(name: str, index: int, note: str = "Hello there", **profile: Any) -> Case:
    return Case(
        profile=Profile(name=name, **profile),
        invitation=Invitation(note=note),
        source=Source(file="list.csv", line=index + 2),
    )


def parse(text: str) -> tuple[list[str], list[list[str]], str]:
    """The table's header cells, its body rows (cell texts) and the page as HTML."""
    md = markdown_it.MarkdownIt("commonmark").enable("table")
    tokens = md.parse(text)
    header: list[str] = []
    rows: list[list[str]] = []
    part = None
    for index, token in enumerate(tokens):
        if token.type in ("thead_open", "tbody_open"):
            part = token.type
        elif token.type == "tr_open" and part == "tbody_open":
            rows.append([])
        elif token.type == "inline" and tokens[index - 1].type in ("th_open", "td_open"):
            content = "".join(
                child.content
                for child in token.children or ()
                if child.type in ("text", "code_inline")
            )
            if part == "thead_open":
                header.append(content)
            else:
                rows[-1].append(content)
    return header, rows, md.render(text)


HOSTILE = "Eve | <script>alert(1)</script> *bold* [link](javascript:alert(2)) `tick` $x$"


def test_the_table_has_one_row_per_prospect_with_every_cell() -> None:
    cases = [
        case("Ada Lane", 0),
        case(HOSTILE, 1, note="a pitch\nover | two lines"),
        case("Bo", 2, url="https://www.linkedin.com/in/bo"),
    ]
    header, rows, _ = parse(run(cases))
    assert header == ["Prospect", "Verdict", "Risk", "Camp", "Top finding", "Fix"]
    assert len(rows) == 3
    assert all(len(row) == len(header) for row in rows)
    assert rows[0][0].startswith("Ada Lane")
    assert rows[1][0].startswith(HOSTILE)  # shown exactly as written
    assert rows[2][0].startswith("Bo")


def test_the_top_finding_is_the_most_severe_with_its_fix() -> None:
    _, rows, _ = parse(run([case("Ada", 0, note="my pitch")]))
    assert rows[0][4] == "MDT102 the note *pitches* <b>hard</b> (+1 more)"
    assert rows[0][5] == "Cut the pitch | keep the hello."


def test_input_cannot_add_markup_links_or_script() -> None:
    _, _, html = parse(run([case(HOSTILE, 0, url="javascript:alert(3)")]))
    assert "<script" not in html
    assert "<a " not in html
    assert "<em>" not in html
    assert "<strong>bold" not in html
    assert "&lt;script&gt;" in html


def test_http_profile_links_are_links() -> None:
    _, _, html = parse(run([case("Bo", 0, url="https://www.linkedin.com/in/bo")]))
    assert '<a href="https://www.linkedin.com/in/bo">Bo</a>' in html


def test_an_unreadable_row_is_a_row() -> None:
    cases: list[Case | InputError] = [case("Ada", 0), InputError("bad | row", file="l.csv", line=3)]
    _, rows, _ = parse(run(cases))
    assert len(rows) == 2
    assert rows[1][1] == "unreadable"
    assert "bad | row" in rows[1][4]


def test_the_summary_comes_first_with_the_send_plan() -> None:
    text = run([case("Ada", 0), case("Bo", 1)])
    assert text.startswith("## invitecore: 2 prospects\n")
    assert text.index("**Verdicts**") < text.index("| Prospect |")
    assert 'Expected "I don\'t know" answers' in text
    assert "against a restriction level of 5" in text
    assert "### Send plan" in text


def test_a_line_that_looks_like_a_heading_or_list_stays_text() -> None:
    from invitecore.builtin.markdown import cell

    md = markdown_it.MarkdownIt("commonmark")
    for text in ("# not a heading", "1. not a list", "- not a list", "> not a quote"):
        html = md.render(f"- {cell(text)}\n")
        assert html.count("<li>") == 1
        assert "<h1>" not in html
        assert "<blockquote>" not in html
        assert "<ol>" not in html
        assert text.replace(">", "&gt;") in html
