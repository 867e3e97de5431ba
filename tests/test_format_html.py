"""The ``html`` format: one self-contained page, with everything from the input kept inert.

The page is read back the way a browser would see it: its tags and attributes with
:mod:`html.parser`, its data from the ``application/json`` script elements. (What the page's
script then draws is checked in a real browser by tests/browser.)
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from typing import Any

import pytest

from invitecore import (
    Advice,
    Case,
    Finding,
    Invitation,
    Profile,
    RiskFactor,
    Rule,
    Signal,
    hookimpl,
    runner,
)
from invitecore.engine import Engine
from invitecore.errors import InputError
from invitecore.output import FormatOptions
from invitecore.results import Source

CODES = ("HTM101", "HTM102", "HTM201", "HTM301")


class _Plugin:
    """Evidence in the headline, a finding on the note's first word, a risk factor, advice."""

    @staticmethod
    @hookimpl
    def invitecore_rules() -> list[Rule]:
        return [Rule(code=code, summary=code) for code in CODES]

    @staticmethod
    @hookimpl
    def invitecore_profile_signals(profile: Profile) -> list[Signal]:
        headline = profile.headline or ""
        start = headline.find("LION")
        if start < 0:
            return []
        return [
            Signal(
                code="HTM101",
                camp="open",
                weight=0.9,
                label="LION in the headline",
                field="headline",
                span=(start, start + 4),
            )
        ]

    @staticmethod
    @hookimpl
    def invitecore_invitation_checks(invitation: Invitation) -> list[Finding]:
        if not invitation.note:
            return []
        end = invitation.note.find(" ")
        return [
            Finding(
                code="HTM102",
                message="the note starts badly",
                suggestion="Start with their name.",
                field="note",
                span=(0, end if end > 0 else len(invitation.note)),
            )
        ]

    @staticmethod
    @hookimpl
    def invitecore_risk_factors() -> RiskFactor:
        return RiskFactor(code="HTM201", points=30, reason="a made-up reason")

    @staticmethod
    @hookimpl
    def invitecore_advice() -> Advice:
        return Advice(code="HTM301", text="Say hello first.")


def case(name: str, index: int = 0, **profile: Any) -> Case:
    note = profile.pop("note", f"Hello {name}, glad to connect.")
    return Case(
        profile=Profile(name=name, **profile),
        invitation=Invitation(note=note),
        id=f"c{index}",
        source=Source(file="list.jsonl", line=index + 1),
    )


def render(cases: Iterable[Case | InputError]) -> str:
    from invitecore.builtin.html import HtmlWriter

    engine = Engine.from_plugins([("htmltest", _Plugin)])
    stream = io.StringIO()
    runner.execute(engine, cases, HtmlWriter(stream, FormatOptions(version="9.9")))
    return stream.getvalue()


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of each script element."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._open: str | None = None
        self._buffer: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = tag
            self._buffer = []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open == "script":
            self.scripts.append((self.tags_of("script")[-1], "".join(self._buffer)))
        elif tag == self._open == "style":
            self.styles.append("".join(self._buffer))
        if tag == self._open:
            self._open = None

    def tags_of(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.tags if tag == name]

    def data(self, element_id: str) -> Any:
        for attrs, text in self.scripts:
            if attrs.get("id") == element_id:
                assert attrs.get("type") == "application/json"
                return json.loads(text)
        raise AssertionError(f"no script #{element_id}")


def decoded_rows(page: Page) -> list[dict[str, Any]]:
    """The rows as the page's script decodes them (repeated strings given by number)."""
    strings: list[str] = []

    def s(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, int):
            return strings[value]
        strings.append(value)
        return value

    rows = []
    for raw in page.data("ic-rows"):
        row = {"name": raw[0], "file": s(raw[1]), "line": raw[2], "url": raw[3]}
        row["camp"], row["confidence"], row["score"] = s(raw[4]), raw[5], raw[6]
        row["level"], row["verdict"], row["reason"] = s(raw[7]), s(raw[8]), s(raw[9])
        row["findings"] = [[s(f[0]), s(f[1]), s(f[2]), s(f[3]), f[4], f[5]] for f in raw[10]]
        row["note"], row["headline"], row["about"] = raw[11], raw[12], raw[13]
        row["texts"] = [[s(t[0]), t[1]] for t in raw[14]]
        row["signals"] = [[s(g[0]), s(g[1]), s(g[2]), s(g[3]), g[4], g[5]] for g in raw[15]]
        row["factors"] = [[s(f[0]), f[1], s(f[2])] for f in raw[16]]
        row["advice"] = [s(a) for a in raw[17]]
        row["errors"], row["input_error"] = raw[18], raw[19]
        row["relationship"], row["id"] = s(raw[20]), raw[21]
        rows.append(row)
    return rows


def batch(count: int = 5) -> list[Case]:
    return [
        case(f"Person {i}", i, headline="Recruiter | LION" if i % 2 else "Engineer")
        for i in range(count)
    ]


# -- self-contained and offline ------------------------------------------------------------------


def test_the_page_loads_nothing_from_anywhere() -> None:
    text = render(batch())
    page = Page(text)
    assert not page.tags_of("link")
    assert not page.tags_of("img")
    assert not page.tags_of("iframe")
    for tag, attrs in page.tags:
        assert "src" not in attrs, tag
        if tag != "a":
            assert "href" not in attrs, tag
    for style in page.styles:
        assert "@import" not in style
        assert "url(" not in style


def test_the_policy_allows_only_the_pages_own_style_and_script() -> None:
    page = Page(render(batch()))
    policies = [
        attrs["content"]
        for attrs in page.tags_of("meta")
        if attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert len(policies) == 1
    policy = policies[0] or ""
    assert "default-src 'none'" in policy
    code = [text for attrs, text in page.scripts if "type" not in attrs]
    assert len(code) == 1
    for text, kind in ((code[0], "script-src"), (page.styles[0], "style-src")):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"{kind} 'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


# -- escaping ------------------------------------------------------------------------------------

PAYLOADS = {
    "name": '<script>window.pwned=1</script>"><img src=x onerror=alert(1)>',
    "headline": "LION </script><script>window.pwned=2</script>",
    "about": '<!-- \'" onmouseover=alert(3) x="',
    "company": "</style><svg onload=alert(4)>",
    "url": "javascript:alert(5)",
    "note": "</script><iframe src=javascript:alert(6)></iframe> & &amp; &lt;b&gt;",
}


def hostile_cases() -> list[Case]:
    return [
        case(PAYLOADS["name"], 0, **{k: v for k, v in PAYLOADS.items() if k != "name"}),
        case("Plain Person", 1, url="https://www.linkedin.com/in/plain"),
        case("Data URL", 2, url="data:text/html,<script>alert(7)</script>"),
    ]


def test_markup_in_the_input_adds_no_element_attribute_or_script() -> None:
    text = render(hostile_cases())
    page = Page(text)
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"img", "iframe", "object", "embed", "base", "form", "link"}
    # The page's own three scripts: the rows, the labels, the code.
    assert [attrs.get("id") for attrs, _ in page.scripts] == ["ic-rows", "ic-meta", None]
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert "javascript:" not in (value or "").lower(), (tag, name, value)
    assert "window.pwned" not in "".join(t for a, t in page.scripts if "type" not in a)
    # No payload leaks as markup anywhere, even inside the data blocks.
    assert "<script>window" not in text
    assert "</script><" not in text.replace("</script>\n<", "")
    assert "<img" not in text
    assert "<!--" not in text


def test_the_data_keeps_the_input_exactly() -> None:
    rows = decoded_rows(Page(render(hostile_cases())))
    first = rows[0]
    assert first["name"] == PAYLOADS["name"]
    assert first["headline"] == PAYLOADS["headline"]
    assert first["about"] == PAYLOADS["about"]
    assert first["note"] == PAYLOADS["note"]


def test_only_http_links_are_kept() -> None:
    rows = decoded_rows(Page(render(hostile_cases())))
    assert [row["url"] for row in rows] == ["", "https://www.linkedin.com/in/plain", ""]


# -- what the page holds -------------------------------------------------------------------------


def test_one_data_row_per_case_in_input_order_with_evidence_and_fixes() -> None:
    cases: list[Case | InputError] = [*batch(4)]
    cases.append(InputError("bad row", file="list.jsonl", line=5))
    rows = decoded_rows(Page(render(cases)))
    assert [row["name"] for row in rows] == [f"Person {i}" for i in range(4)] + [None]
    lion = rows[1]
    assert lion["signals"] == [["HTM101", "open", "LION in the headline", "headline", 12, 16]]
    assert lion["headline"][12:16] == "LION"
    code, severity, _message, fix, start, end = lion["findings"][0]
    assert (code, severity, fix) == ("HTM102", "warning", "Start with their name.")
    assert lion["note"][start:end] == "Hello"
    assert lion["factors"] == [["HTM201", 30, "a made-up reason"]]
    assert lion["advice"] == ["Say hello first."]
    assert lion["reason"]
    assert (lion["file"], lion["line"]) == ("list.jsonl", 2)
    assert rows[4]["input_error"]
    assert "bad row" in rows[4]["input_error"]


def test_evidence_spans_count_characters_as_python_does() -> None:
    # The page slices by code point: an emoji before the evidence must not shift it.
    rows = decoded_rows(Page(render([case("Emoji", 0, headline="🦁🦁 LION")])))
    start, end = rows[0]["signals"][0][4:6]
    assert rows[0]["headline"][start:end] == "LION"


def test_repeated_strings_are_written_once() -> None:
    text = render(batch(300))
    assert text.count("the note starts badly") == 1
    assert text.count("Start with their name.") == 1
    rows = decoded_rows(Page(text))
    assert all(row["findings"][0][2] == "the note starts badly" for row in rows)


def test_the_summary_shows_expected_answers_against_the_restriction_level() -> None:
    text = render(batch(6))
    card = re.search(r'<div class="card[^"]*" id="ic-idk">(.*?)</div></div>', text, re.S)
    assert card is not None
    assert "of 5" in card.group(1)  # the restriction-threshold default
    assert "restrict" in card.group(1)


def test_a_batch_has_the_charts_and_filters() -> None:
    text = render(batch(6))
    page = Page(text)
    assert len(page.tags_of("svg")) >= 3
    for chart in ("Camps", "Risk scores", "Weekly send plan"):
        assert f"<h3>{chart}</h3>" in text
    selects = {attrs.get("id") for attrs in page.tags_of("select")}
    assert {"ic-camp", "ic-verdict", "ic-risk", "ic-code", "ic-sort"} <= selects
    codes = [attrs.get("value") for attrs in page.tags_of("option")]
    assert "HTM102" in codes
    assert page.data("ic-meta")["single"] is False


def test_a_single_case_is_a_report_on_that_person() -> None:
    text = render([case("Ada Lane", 0, headline="LION")])
    page = Page(text)
    assert "<h1>invitecore report: Ada Lane</h1>" in text
    assert page.data("ic-meta")["single"] is True
    assert "<h3>Camp evidence</h3>" in text
    assert "<h3>Risk scorecard</h3>" in text
    assert "<h3>Weekly send plan</h3>" in text


def test_the_cli_offers_html(tmp_path: Any) -> None:
    from typer.testing import CliRunner

    from invitecore.cli import app

    case_file = tmp_path / "c.toml"
    case_file.write_text('[profile]\nname = "Ada <b>Lane</b>"\n', encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["run", str(case_file), "-f", "html", "-o", str(out), "-q"])
    assert result.exit_code in (0, 1), result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "Ada &lt;b&gt;Lane&lt;/b&gt;" in text
    assert "<b>" not in text


@pytest.mark.parametrize("count", [0, 1, 2])
def test_small_runs_make_a_whole_page(count: int) -> None:
    text = render(batch(count))
    assert text.rstrip().endswith("</html>")
    assert len(decoded_rows(Page(text))) == count
