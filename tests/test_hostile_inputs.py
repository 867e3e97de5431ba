"""The bad-input matrix (issue 13): every hostile input, file, row, config, environment, argument,
special file and signal, with the exit code, the stderr line and the output rows it must give.

Each :class:`Hostile` case is run through ``invitecore run`` (in this process, with the inline
test plugin; the ones that need a real process, pipes and signals, in a subprocess with the
core alone). Every case also checks what holds for all of them: every stderr line is one
``invitecore:`` line, and no traceback is printed.

Rows are compared as JSON Lines output, one entry per output row: the row's name, or ``!`` and
a regular expression its input error must match.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
from typer.testing import CliRunner, Result

from invitecore.cli import app

LINUX = sys.platform.startswith("linux")


@pytest.fixture(autouse=True)
def _sample(install: Any, sample_plugin: Any) -> None:
    install(sample=sample_plugin)


@attrs.frozen(kw_only=True)
class Hostile:
    """One bad input and what it must give.

    :param args: the arguments after ``run`` (``-f jsonl`` is added unless a format is given).
    :param stderr: a regular expression one stderr line (after ``invitecore: ``) must match;
        None when stderr must be empty.
    :param rows: the output rows (names, or ``!`` and a pattern for an error row); None when
        the output is not JSON Lines rows (then it is not compared).
    """

    id: str
    args: tuple[str, ...]
    code: int
    stderr: str | None = None
    rows: tuple[str, ...] | None = ()
    files: Mapping[str, str | bytes] = attrs.field(factory=dict)
    stdin: bytes | None = None
    env: Mapping[str, str] = attrs.field(factory=dict)
    pending: str | None = None
    """Why this case does not hold yet (a strict expected failure until the change lands)."""


def jl(*rows: Mapping[str, Any] | str) -> str:
    """JSON Lines text of ``rows`` (a string row is written as it is)."""
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows)


def csv_text(*lines: str) -> str:
    return "".join(line + "\n" for line in lines)


NAMES = ("Ada", "Bo", "Cy")
THREE = jl(*({"name": n} for n in NAMES))
BIG = "9" * 4301
DEEP = "[" * 1000 + "]" * 1000
TWO_MB = "x" * 2_000_000
NINE_MB = 9 * 1024 * 1024
ESC_NAME = "\x1b]0;owned\x07Ada \x1b[2J\x1b[31mLane"
EXCEL_UNICODE_TEXT = "name\tabout\r\nAda\tx\r\nBo\ty\r\n"

CASES: list[Hostile] = [
    # -- whole inputs that cannot be used: one line, exit 2, no report -----------------------
    Hostile(id="missing-file", args=("nope.jsonl",), code=2, stderr=r"nope\.jsonl: no such file"),
    Hostile(
        id="directory",
        args=("d",),
        files={"d/x": "x"},
        code=2,
        stderr=r"d: is a directory, not an input file",
    ),
    Hostile(
        id="unknown-input-format",
        args=("a.jsonl", "--input-format", "jsonn"),
        files={"a.jsonl": THREE},
        code=2,
        stderr=r"--input-format: unknown input format 'jsonn' \(did you mean 'json'\?\)",
    ),
    Hostile(
        id="binary-file",
        args=("a.csv",),
        files={"a.csv": b"name,about\x00\x01\nA,b\n"},
        code=2,
        stderr=r"a\.csv: not a text file: it holds NUL bytes",
    ),
    Hostile(
        id="utf16-without-bom",
        args=("a.csv",),
        files={"a.csv": "name,about\nAda,x\n".encode("utf-16-le")},
        code=2,
        stderr=r"a\.csv: not a text file: it holds NUL bytes \(a binary file, or UTF-16",
    ),
    Hostile(
        id="toml-syntax",
        args=("c.toml",),
        files={"c.toml": '[profile\nname = "A"\n'},
        code=2,
        stderr=r"c\.toml:1:9: invalid TOML: ",
    ),
    Hostile(
        id="toml-deep-nesting",
        args=("c.toml",),
        files={"c.toml": '[profile]\nname = "A"\n[profile.extra]\nx = ' + DEEP + "\n"},
        code=2,
        stderr=r"c\.toml: invalid TOML: nested too deeply",
    ),
    Hostile(
        id="toml-4301-digit-integer",
        args=("c.toml",),
        files={"c.toml": f'[profile]\nname = "A"\nconnections = {BIG}\n'},
        code=2,
        stderr=r"c\.toml: invalid TOML: Exceeds the limit \(4300 digits\)",
    ),
    Hostile(
        id="toml-not-utf8",
        args=("c.toml",),
        files={"c.toml": b'[profile]\nname = "A"\nabout = "\xff"\n'},
        code=2,
        stderr=r"c\.toml:3: not UTF-8 text",
    ),
    Hostile(
        id="toml-profile-typo",
        args=("c.toml",),
        files={"c.toml": '[profile]\nname = "A"\nabot = "x"\n'},
        code=2,
        stderr=r"c\.toml:3: profile\.abot: unknown key \(did you mean 'about'\?\)",
    ),
    Hostile(
        id="toml-invitation-typo",
        args=("c.toml",),
        files={"c.toml": '[profile]\nname = "A"\n[invitation]\nnotes = "x"\n'},
        code=2,
        stderr=r"c\.toml:4: invitation\.notes: unknown key \(did you mean 'note'\?\)",
    ),
    Hostile(
        id="toml-missing-profile",
        args=("c.toml",),
        files={"c.toml": 'id = "x"\n'},
        code=2,
        stderr=r"c\.toml:1: missing the \[profile\] table",
    ),
    Hostile(
        id="toml-huge-value-quoted-short",
        args=("c.toml",),
        files={"c.toml": f'[profile]\nname = "A"\nconnections = "{TWO_MB}"\n'},
        code=2,
        stderr=r"c\.toml:3: profile\.connections: expected a whole number, got 'x{40}'\.\.\. "
        r"\(2,000,000 characters\)",
    ),
    Hostile(
        id="json-syntax",
        args=("a.json",),
        files={"a.json": '[{"name": "A"},\n {"name": }]'},
        code=2,
        stderr=r"a\.json:2:11: invalid JSON: ",
    ),
    Hostile(
        id="json-deep-nesting",
        args=("a.json",),
        files={"a.json": "[" + "[" * 5000 + "]" * 5000 + "]"},
        code=2,
        stderr=r"a\.json:1: invalid JSON: nested too deeply",
    ),
    Hostile(
        id="json-case-file-4301-digits",
        args=("a.json",),
        files={"a.json": '{"profile": {"name": "A", "connections": ' + BIG + "}}"},
        code=2,
        stderr=r"a\.json:1: invalid JSON: a whole number of 4,301 digits is too long",
    ),
    Hostile(
        id="csv-no-name-column",
        args=("a.csv",),
        files={"a.csv": csv_text("who,about", "A,b")},
        code=2,
        stderr=r"a\.csv:1: no name column: the header has 'who', 'about'",
    ),
    Hostile(
        id="csv-no-name-column-huge-header-quoted-short",
        args=("a.csv",),
        files={"a.csv": csv_text("who" + "h" * 200_000 + ",about", "A,b")},
        code=2,
        stderr=r"no name column: the header has 'whoh{37}'\.\.\. \(200,003 characters\), 'about'",
    ),
    Hostile(
        id="connections-without-header",
        args=("a.csv", "--input-format", "linkedin-connections"),
        files={"a.csv": csv_text("Notes:", "nothing here", "x,y")},
        code=2,
        stderr=r"a\.csv: no Connections\.csv header",
    ),
    Hostile(
        id="template-unknown-placeholder",
        args=("a.jsonl", "--template", "t.txt"),
        files={"a.jsonl": THREE, "t.txt": "Hi {frist_name}"},
        code=2,
        stderr=r"t\.txt:1:4: unknown placeholder \{frist_name\} \(did you mean 'first_name'\?\)",
    ),
    Hostile(
        id="template-missing",
        args=("a.jsonl", "--template", "t.txt"),
        files={"a.jsonl": THREE},
        code=2,
        stderr=r"t\.txt: no such template file",
    ),
    Hostile(
        id="template-not-utf8",
        args=("a.jsonl", "--template", "t.txt"),
        files={"a.jsonl": THREE, "t.txt": b"Hi\n\xff there"},
        code=2,
        stderr=r"t\.txt:2: not UTF-8 text",
    ),
    Hostile(
        id="note-and-template",
        args=("a.jsonl", "--template", "t.txt", "--note", "Hi"),
        files={"a.jsonl": THREE, "t.txt": "Hi"},
        code=2,
        stderr=r"--note and --template: give one or the other",
    ),
    Hostile(
        id="note-not-utf8",
        args=("a.jsonl", "--note", "Hi \udcff"),
        files={"a.jsonl": THREE},
        code=2,
        stderr=r"--note: the text is not valid UTF-8",
    ),
    Hostile(
        id="bad-relationship",
        args=("a.jsonl", "--relationship", "coworker"),
        files={"a.jsonl": THREE},
        code=2,
        stderr=r"--relationship: 'coworker' is not one of colleague",
    ),
    Hostile(
        id="bad-account",
        args=("a.jsonl", "--account", "gold"),
        files={"a.jsonl": THREE},
        code=2,
        stderr=r"--account: 'gold' is not one of free, premium",
    ),
    Hostile(
        id="bad-delimiter",
        args=("a.csv", "--delimiter", ":"),
        files={"a.csv": csv_text("name", "A")},
        code=2,
        stderr=r"--delimiter: ':' is not one of ",
    ),
    Hostile(
        id="bad-fail-on",
        args=("a.jsonl", "--fail-on", "fatal"),
        files={"a.jsonl": THREE},
        code=2,
        stderr=r"--fail-on: 'fatal' is not one of info, warning, error, never",
    ),
    Hostile(
        id="bad-format",
        args=("a.jsonl", "--format", "jsn"),
        files={"a.jsonl": THREE},
        code=2,
        stderr=r"--format: unknown format 'jsn' \(did you mean 'json'\?\)",
        rows=None,
    ),
    # -- the command line: one line in invitecore's own style ------------------------------------
    Hostile(
        id="jobs-overflow",
        args=("a.jsonl", "--jobs", "99999999999999999999"),
        files={"a.jsonl": THREE},
        code=2,
        stderr=r"invalid value for '--jobs' / '-j': .*1024 \(see 'invitecore run --help'\)",
    ),
    Hostile(
        id="jobs-not-a-number",
        args=("a.jsonl", "--jobs", "many"),
        files={"a.jsonl": THREE},
        code=2,
        stderr=r"invalid value for '--jobs' / '-j': .* \(see 'invitecore run --help'\)",
    ),
    Hostile(
        id="unknown-option",
        args=("a.jsonl", "--outptu", "x"),
        files={"a.jsonl": THREE},
        code=2,
        stderr=r"no such option: --outptu.* \(see 'invitecore run --help'\)",
    ),
    Hostile(
        id="missing-path",
        args=(),
        code=2,
        stderr=r"missing argument 'PATH\.\.\.' \(see 'invitecore run --help'\)",
    ),
    # -- config and environment: typos never switch something off in silence ------------------
    Hostile(
        id="config-empty-ignore",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": 'ignore = [""]\n'},
        code=2,
        stderr=r"invitecore\.toml:1: ignore: an empty rule code matches every rule",
    ),
    Hostile(
        id="config-blank-select",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": 'select = ["TST", " "]\n'},
        code=2,
        stderr=r"invitecore\.toml:1: select: an empty rule code matches every rule",
    ),
    Hostile(
        id="config-disable-typo",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": 'disable = ["sampel"]\n'},
        code=2,
        stderr=r"invitecore\.toml:1: disable: no installed plugin is named 'sampel' "
        r"\(did you mean 'sample'\?\) \(installed: sample\)",
    ),
    Hostile(
        id="config-plugin-table-typo",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": "[plugins.sampel]\nopen-weight = 0.5\n"},
        code=2,
        stderr=r"invitecore\.toml:1: plugins\.sampel: no installed plugin is named 'sampel' "
        r"\(did you mean 'sample'\?\)",
    ),
    Hostile(
        id="config-select-unknown",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": 'select = ["TTS"]\n'},
        code=2,
        stderr=r"invitecore\.toml:1: select: 'TTS' matches no rule of the installed plugins "
        r"\(did you mean 'TST'\?\)",
    ),
    Hostile(
        id="config-severity-unknown",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": '[severity]\nXYZ101 = "error"\n'},
        code=2,
        stderr=r"invitecore\.toml:1: severity: 'XYZ101' matches no rule",
    ),
    Hostile(
        id="cli-select-unknown",
        args=("a.jsonl", "--select", "XYZ"),
        files={"a.jsonl": THREE},
        code=2,
        stderr=r"--select: 'XYZ' matches no rule of the installed plugins",
    ),
    Hostile(
        id="cli-ignore-unknown",
        args=("a.jsonl", "--ignore", "TTS201"),
        files={"a.jsonl": THREE},
        code=2,
        stderr=r"--ignore: 'TTS201' matches no rule of the installed plugins "
        r"\(did you mean 'TST201'\?\)",
    ),
    Hostile(
        id="cli-select-all-is-fine",
        args=("a.jsonl", "--select", "ALL"),
        files={"a.jsonl": THREE},
        code=0,
        rows=NAMES,
    ),
    Hostile(
        id="env-load-plugins-typo",
        args=("a.jsonl",),
        files={"a.jsonl": THREE},
        env={"INVITECORE_LOAD_PLUGINS": "sampel"},
        code=2,
        stderr=r"INVITECORE_LOAD_PLUGINS: no installed plugin is named 'sampel' "
        r"\(did you mean 'sample'\?\) \(installed: sample\)",
    ),
    Hostile(
        id="env-load-plugins-wrong-case",
        args=("a.jsonl",),
        files={"a.jsonl": THREE},
        env={"INVITECORE_LOAD_PLUGINS": "SAMPLE"},
        code=2,
        stderr=r"INVITECORE_LOAD_PLUGINS: no installed plugin is named 'SAMPLE' "
        r"\(did you mean 'sample'\?\)",
    ),
    Hostile(
        id="env-load-plugins-empty-is-fine",
        args=("a.jsonl",),
        files={"a.jsonl": THREE},
        env={"INVITECORE_LOAD_PLUGINS": ""},
        code=0,
        stderr=r"No rule plugins are installed",
        rows=NAMES,
    ),
    Hostile(
        id="env-select-unknown-while-a-plugin-is-off-warns",
        args=("a.jsonl", "--select", "XYZ"),
        files={"a.jsonl": THREE},
        env={"INVITECORE_LOAD_PLUGINS": ""},
        code=0,
        stderr=r"warning: --select: 'XYZ' matches no rule .*some installed plugins are not loaded",
        rows=NAMES,
    ),
    Hostile(
        id="config-nan",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": "[batch]\nidk-response-rates = {low = nan}\n"},
        code=2,
        stderr=r"invitecore\.toml:2: batch\.idk-response-rates\.low: nan is not a number",
    ),
    Hostile(
        id="config-inf",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": "[plugins.sample]\nopen-weight = inf\n"},
        code=2,
        stderr=r"invitecore\.toml:2: plugins\.sample\.open-weight: inf is not a number",
    ),
    Hostile(
        id="config-risk-nan",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": "[risk]\nhigh = nan\n"},
        code=2,
        stderr=r"invitecore\.toml:2: risk\.high: nan is not a number",
    ),
    Hostile(
        id="config-weekly-limit-zero",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": "[batch]\nweekly-invitation-limit = 0\n"},
        code=2,
        stderr=r"invitecore\.toml:2: batch\.weekly-invitation-limit: ",
    ),
    Hostile(
        id="config-weekly-limit-negative",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": "[batch]\nweekly-invitation-limit = -5\n"},
        code=2,
        stderr=r"invitecore\.toml:2: batch\.weekly-invitation-limit: ",
    ),
    Hostile(
        id="config-response-rate-above-one",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": "[batch]\nidk-response-rates = {low = 7}\n"},
        code=2,
        stderr=r"invitecore\.toml:2: batch\.idk-response-rates: ",
    ),
    Hostile(
        id="config-format-unknown",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": 'format = "jsn"\n'},
        code=2,
        stderr=r"invitecore\.toml:1: format: unknown format 'jsn' \(did you mean 'json'\?\)",
        rows=None,
    ),
    Hostile(
        id="config-unknown-key",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": 'ignor = ["TST"]\n'},
        code=2,
        stderr=r"invitecore\.toml:1: ignor: unknown key \(did you mean 'ignore'\?\)",
    ),
    Hostile(
        id="config-invalid-toml",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": "select = [\n"},
        code=2,
        stderr=r"invitecore\.toml(:\d+:\d+)?: invalid TOML: ",
    ),
    Hostile(
        id="config-deep-nesting",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": "[batch]\nx = " + DEEP + "\n"},
        code=2,
        stderr=r"invitecore\.toml: invalid TOML: nested too deeply",
    ),
    Hostile(
        id="config-4301-digits",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": f"[batch]\nexamples = {BIG}\n"},
        code=2,
        stderr=r"invitecore\.toml: invalid TOML: Exceeds the limit",
    ),
    Hostile(
        id="config-not-utf8",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "invitecore.toml": b'format = "text"\n# \xff\n'},
        code=2,
        stderr=r"invitecore\.toml:2: cannot read config: not UTF-8 text",
    ),
    Hostile(
        id="config-option-not-utf8",
        args=("a.jsonl", "-c", "my.toml"),
        files={"a.jsonl": THREE, "my.toml": b"# \xfe\xff\n"},
        code=2,
        stderr=r"my\.toml:1: cannot read config: not UTF-8 text",
    ),
    Hostile(
        id="config-option-binary",
        args=("a.jsonl", "-c", "my.toml"),
        files={"a.jsonl": THREE, "my.toml": b"\x00" * 100},
        code=2,
        stderr=r"my\.toml: cannot read config: not a text file",
    ),
    Hostile(
        id="pyproject-not-utf8-without-our-table-is-ignored",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "pyproject.toml": b'[tool.black]\nx = "\xff"\n'},
        code=0,
        rows=NAMES,
    ),
    Hostile(
        id="pyproject-not-utf8-with-our-table",
        args=("a.jsonl",),
        files={"a.jsonl": THREE, "pyproject.toml": b'[tool.invitecore]\nformat = "\xff"\n'},
        code=2,
        stderr=r"pyproject\.toml:2: cannot read config: not UTF-8 text",
    ),
    Hostile(
        id="config-columns-unknown-target",
        args=("a.csv",),
        files={"a.csv": csv_text("who", "A"), "invitecore.toml": '[columns]\nwho = "nmae"\n'},
        code=2,
        stderr=r"invitecore\.toml:2: columns\.who: 'nmae' is not a field \(did you mean 'name'\?\)",
    ),
    # -- rows: each bad one is an error row in its place, and the rest are read ----------------
    Hostile(
        id="jsonl-bad-json",
        args=("a.jsonl",),
        files={"a.jsonl": jl({"name": "Ada"}, '{"name": ', {"name": "Cy"})},
        code=2,
        stderr=r"a\.jsonl:2:\d+: invalid JSON: ",
        rows=("Ada", "!a.jsonl:2:", "Cy"),
    ),
    Hostile(
        id="jsonl-not-an-object",
        args=("a.jsonl",),
        files={"a.jsonl": jl({"name": "Ada"}, "[1, 2]", {"name": "Cy"})},
        code=2,
        stderr=r"a\.jsonl:2: expected an object \(a case or a profile\), got list",
        rows=("Ada", "!expected an object", "Cy"),
    ),
    Hostile(
        id="jsonl-wrong-type",
        args=("a.jsonl",),
        files={"a.jsonl": jl({"name": "Ada"}, {"name": "Bo", "connections": "many"})},
        code=2,
        stderr=r"a\.jsonl:2: connections: expected a whole number, got 'many'",
        rows=("Ada", "!connections: expected a whole number"),
    ),
    Hostile(
        id="jsonl-superscript-digit",
        args=("a.jsonl",),
        files={"a.jsonl": jl({"name": "Ada", "connections": "²"}, {"name": "Bo"})},
        code=2,
        stderr=r"a\.jsonl:1: connections: expected a whole number, got '²'",
        rows=("!connections: expected a whole number, got '²'", "Bo"),
    ),
    Hostile(
        id="jsonl-4301-digit-string",
        args=("a.jsonl",),
        files={"a.jsonl": jl({"name": "Ada", "member_since": BIG}, {"name": "Bo"})},
        code=2,
        stderr=r"a\.jsonl:1: member_since: expected a whole number, got '9{40}'\.\.\. "
        r"\(4,301 characters\)",
        rows=("!member_since: expected a whole number", "Bo"),
    ),
    Hostile(
        id="jsonl-4301-digit-integer",
        args=("a.jsonl",),
        files={"a.jsonl": jl('{"name": "Ada", "connections": ' + BIG + "}", {"name": "Bo"})},
        code=2,
        stderr=r"a\.jsonl:1:\d+: invalid JSON: number is infinity",
        rows=("!invalid JSON", "Bo"),
    ),
    Hostile(
        id="jsonl-30-digit-integer",
        args=("a.jsonl",),
        files={"a.jsonl": jl('{"name": "Ada", "connections": ' + "9" * 30 + "}", {"name": "Bo"})},
        code=2,
        stderr=r"a\.jsonl:1: connections: .* is too large for a whole number",
        rows=("!too large for a whole number", "Bo"),
    ),
    Hostile(
        id="jsonl-30-digit-integer-in-extra-is-kept",
        args=("a.jsonl",),
        files={"a.jsonl": jl('{"name": "Ada", "score": ' + "9" * 30 + "}", {"name": "Bo"})},
        code=0,
        rows=("Ada", "Bo"),
    ),
    Hostile(
        id="jsonl-nested-1000-deep",
        args=("a.jsonl",),
        files={"a.jsonl": jl('{"name": "Ada", "x": ' + DEEP + "}", {"name": "Bo"})},
        code=2,
        stderr=r"a\.jsonl:1: extra: nested more than 32 levels deep",
        rows=("!extra: nested more than 32 levels deep", "Bo"),
    ),
    Hostile(
        id="jsonl-case-nested-1000-deep",
        args=("a.jsonl",),
        files={
            "a.jsonl": jl('{"profile": {"name": "Ada", "extra": {"x": ' + DEEP + "}}}", THREE)
        },
        code=2,
        stderr=r"a\.jsonl:1: profile\.extra: nested more than 32 levels deep",
        rows=("!nested more than 32", *NAMES),
    ),
    Hostile(
        id="jsonl-id-nested-1000-deep",
        args=("a.jsonl",),
        files={"a.jsonl": jl('{"id": ' + DEEP + ', "name": "Ada"}', {"name": "Bo"})},
        code=2,
        stderr=r"a\.jsonl:1: id: expected text, got \[\[\[\[\.\.\.\]\]\]\]",
        rows=("!id: expected text", "Bo"),
    ),
    Hostile(
        id="jsonl-lone-surrogate-key",
        args=("a.jsonl",),
        files={"a.jsonl": jl('{"n\\ud800": 1, "name": "Ada"}', {"name": "Bo"})},
        code=2,
        stderr=r"a\.jsonl:1:\d+: invalid JSON: a \\u escape of half a surrogate pair",
        rows=("!half a surrogate pair", "Bo"),
    ),
    Hostile(
        id="jsonl-lone-surrogate-value",
        args=("a.jsonl",),
        files={"a.jsonl": jl('{"name": "Ada\\udc00"}', {"name": "Bo"})},
        code=2,
        stderr=r"a\.jsonl:1:\d+: invalid JSON: a \\u escape of half a surrogate pair",
        rows=("!half a surrogate pair", "Bo"),
    ),
    Hostile(
        id="jsonl-invalid-utf8",
        args=("a.jsonl",),
        files={"a.jsonl": b'{"name": "Ada \xff"}\n{"name": "Bo"}\n'},
        code=2,
        stderr=r"a\.jsonl:1: not UTF-8 text",
        rows=("!not UTF-8 text", "Bo"),
    ),
    Hostile(
        id="jsonl-nan-literal",
        args=("a.jsonl",),
        files={"a.jsonl": jl('{"name": "Ada", "x": NaN}', {"name": "Bo"})},
        code=2,
        stderr=r"a\.jsonl:1:\d+: invalid JSON",
        rows=("!invalid JSON", "Bo"),
    ),
    Hostile(
        id="jsonl-no-name",
        args=("a.jsonl",),
        files={"a.jsonl": jl({"headline": "x"}, {"name": "Bo"})},
        code=2,
        stderr=r"a\.jsonl:1: name: missing",
        rows=("!name: missing", "Bo"),
    ),
    Hostile(
        id="jsonl-bad-relationship",
        args=("a.jsonl",),
        files={"a.jsonl": jl({"name": "Ada", "relationship": "coworker"}, {"name": "Bo"})},
        code=2,
        stderr=r"a\.jsonl:1: relationship: 'coworker' is not one of",
        rows=("!relationship", "Bo"),
    ),
    Hostile(
        id="jsonl-list-of-non-text",
        args=("a.jsonl",),
        files={"a.jsonl": jl({"name": "Ada", "groups": [1, [2]]}, {"name": "Bo"})},
        code=2,
        stderr=r"a\.jsonl:1: groups: expected a list of text, got \[1, \[2\]\]",
        rows=("!groups: expected a list of text", "Bo"),
    ),
    Hostile(
        id="jsonl-2mb-value-quoted-short",
        args=("a.jsonl",),
        files={"a.jsonl": jl({"name": "Ada", "connections": TWO_MB}, {"name": "Bo"})},
        code=2,
        stderr=r"a\.jsonl:1: connections: expected a whole number, got 'x{40}'\.\.\. "
        r"\(2,000,000 characters\)$",
        rows=("!\\(2,000,000 characters\\)$", "Bo"),
    ),
    Hostile(
        id="jsonl-2mb-key-quoted-short",
        args=("a.jsonl",),
        files={"a.jsonl": jl({"name": "Ada", "k" * 2_000_000: [1]}, {"name": "Bo"})},
        code=0,
        rows=("Ada", "Bo"),
    ),
    Hostile(
        id="jsonl-line-over-8mib",
        args=("a.jsonl",),
        files={"a.jsonl": jl({"name": "Ada"}, {"name": "x" * NINE_MB}, {"name": "Cy"})},
        code=2,
        stderr=r"a\.jsonl:2: the line is longer than 8 MiB",
        rows=("Ada", "!the line is longer than 8 MiB", "Cy"),
    ),
    Hostile(
        id="jsonl-blank-lines-are-not-rows",
        args=("a.jsonl",),
        files={"a.jsonl": "\n" + THREE.replace("\n", "\n   \n")},
        code=0,
        rows=NAMES,
    ),
    Hostile(
        id="jsonl-crlf",
        args=("a.jsonl",),
        files={"a.jsonl": THREE.replace("\n", "\r\n")},
        code=0,
        rows=NAMES,
    ),
    Hostile(
        id="json-array-4301-digit-element",
        args=("a.json",),
        files={"a.json": '[{"name": "Ada"},\n {"name": "Bo", "x": ' + BIG + '},\n {"name": "Cy"}]'},
        code=2,
        stderr=r"a\.json:2: invalid JSON: a whole number of 4,301 digits is too long",
        rows=("Ada", "!4,301 digits", "Cy"),
    ),
    Hostile(
        id="json-array-nan-element",
        args=("a.json",),
        files={"a.json": '[{"name": "Ada"},\n {"name": "Bo", "x": NaN},\n {"name": "Cy"}]'},
        code=2,
        stderr=r"a\.json:2: invalid JSON: NaN is not a JSON value",
        rows=("Ada", "!NaN is not a JSON value", "Cy"),
    ),
    Hostile(
        id="json-array-lone-surrogate-key",
        args=("a.json",),
        files={"a.json": '[{"name": "Ada"},\n {"name": "Bo", "k\\ud800": 1}]'},
        code=2,
        stderr=r"a\.json:2: k\\ud800: a \\u escape of half a surrogate pair",
        rows=("Ada", "!half a surrogate pair"),
    ),
    Hostile(
        id="csv-superscript-followers-is-kept",
        args=("a.csv",),
        files={"a.csv": csv_text("name,Followers", "Ada,²", "Bo,12")},
        code=0,
        rows=("Ada", "Bo"),
    ),
    Hostile(
        id="csv-superscript-connected-on-is-kept",
        args=("Connections.csv",),
        files={
            "Connections.csv": csv_text(
                "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
                "Ada,Lane,,,,,² Jan 2020",
                "Bo,Chen,,,,,1 Jan 2020",
            )
        },
        code=0,
        rows=("Ada Lane", "Bo Chen"),
    ),
    Hostile(
        id="csv-superscript-connections",
        args=("a.csv",),
        files={"a.csv": csv_text("name,connections", "Ada,²", "Bo,12")},
        code=2,
        stderr=r"a\.csv:2: connections: expected a whole number, got '²'",
        rows=("!connections: expected a whole number", "Bo"),
    ),
    Hostile(
        id="csv-4301-digit-number",
        args=("a.csv",),
        files={"a.csv": csv_text("name,connections", "Ada," + BIG, "Bo,12")},
        code=2,
        stderr=r"a\.csv:2: connections: expected a whole number, got '9{40}'\.\.\. ",
        rows=("!connections", "Bo"),
    ),
    Hostile(
        id="csv-cell-over-128kib",
        args=("a.csv",),
        files={"a.csv": csv_text("name,about", 'Ada,"' + "x, " * 70_000 + '"', "Bo,b", "Cy,c")},
        code=0,
        rows=NAMES,
    ),
    Hostile(
        id="csv-multiline-cell-over-128kib",
        args=("a.csv",),
        files={"a.csv": csv_text("name,about", 'Ada,"' + "x,y\n" * 40_000 + '"', "Bo,b", "Cy,c")},
        code=0,
        rows=NAMES,
    ),
    Hostile(
        id="csv-header-cell-over-128kib",
        args=("a.csv",),
        files={"a.csv": csv_text("name,about" + "h" * 200_000, "Ada,a", "Bo,b")},
        code=0,
        rows=("Ada", "Bo"),
    ),
    Hostile(
        id="csv-unclosed-quote-1002-records",
        args=("a.csv",),
        files={
            "a.csv": csv_text(
                "name,about", 'Ada,"stray', *(f"P{i},about {i}" for i in range(1001))
            )
        },
        code=2,
        stderr=r"a\.csv:2: a quoted cell that starts on this line is still open at the end",
        rows=("!unclosed quote", *(f"P{i}" for i in range(1001))),
    ),
    Hostile(
        id="csv-stray-quote-closed-by-a-later-row",
        args=("a.csv",),
        files={"a.csv": csv_text("name,about", "Ada,a", 'Bo,"stray', 'Cy,"c, d"', "Di,d")},
        code=2,
        stderr=r"a\.csv:3: the row has 3 cells, the header 2, and a quoted cell runs over 2 lines",
        rows=("Ada", "!stray quote", "Cy", "Di"),
    ),
    Hostile(
        # Past 8 MiB a quoted cell is taken for a stray quote, and its lines are read as rows:
        # the documented limit, beyond which a real cell comes apart (into error rows).
        id="csv-quoted-cell-over-8mib",
        args=("a.csv",),
        files={"a.csv": csv_text("name,about", 'Ada,"' + ("x" * 1023 + "\n") * 9000 + '"', "Bo,b")},
        code=2,
        stderr=r"a\.csv:2: a quoted cell that starts on this line is still open after 8,388,608",
        rows=(
            "!still open after",
            *("!the row has 1 cells, the header 2",) * 8999,
            "!still open at the end of the input",
            "Bo",
        ),
    ),
    Hostile(
        id="csv-line-over-8mib",
        args=("a.csv",),
        files={"a.csv": csv_text("name,about", "Ada," + "x" * NINE_MB, "Bo,b")},
        code=2,
        stderr=r"a\.csv:2: the line is longer than 8 MiB",
        rows=("!the line is longer than 8 MiB", "Bo"),
    ),
    Hostile(
        id="csv-wrong-cell-count",
        args=("a.csv",),
        files={"a.csv": csv_text("name,about", "Ada,a,extra", "Bo,b")},
        code=2,
        stderr=r"a\.csv:2: the row has 3 cells, the header 2",
        rows=("!the row has 3 cells", "Bo"),
    ),
    Hostile(
        id="csv-invalid-utf8-row",
        args=("a.csv",),
        files={"a.csv": b"name,about\nAda,\xff\nBo,b\n"},
        code=2,
        stderr=r"a\.csv:2: not UTF-8 text",
        rows=("!not UTF-8 text", "Bo"),
    ),
    Hostile(
        id="csv-utf16-excel-unicode-text",
        args=("a.csv",),
        files={"a.csv": codecs.BOM_UTF16_LE + EXCEL_UNICODE_TEXT.encode("utf-16-le")},
        code=0,
        rows=("Ada", "Bo"),
    ),
    Hostile(
        id="csv-utf16-big-endian",
        args=("a.csv",),
        files={"a.csv": "name,about\nAda,x\n".encode("utf-16")},
        code=0,
        rows=("Ada",),
    ),
    Hostile(
        id="csv-utf8-bom-crlf-semicolons",
        args=("a.csv",),
        files={"a.csv": codecs.BOM_UTF8 + b"name;about\r\nAda;x\r\nBo;y\r\n"},
        code=0,
        rows=("Ada", "Bo"),
    ),
    Hostile(
        id="csv-rows-of-commas-are-not-rows",
        args=("a.csv",),
        files={"a.csv": csv_text("name,about", ",", "Ada,a", "", ",,", "Bo,b")},
        code=0,
        rows=("Ada", "Bo"),
    ),
    Hostile(
        id="csv-header-only",
        args=("a.csv",),
        files={"a.csv": csv_text("name,about")},
        code=0,
        rows=(),
    ),
    Hostile(id="empty-csv", args=("a.csv",), files={"a.csv": ""}, code=0, rows=()),
    Hostile(id="empty-jsonl", args=("a.jsonl",), files={"a.jsonl": ""}, code=0, rows=()),
    Hostile(
        id="csv-escape-sequences-in-a-name",
        args=("a.csv",),
        files={"a.csv": csv_text("name", f'"{ESC_NAME}"', "Bo")},
        code=0,
        rows=(ESC_NAME, "Bo"),
    ),
    # -- standard input --------------------------------------------------------------------------
    Hostile(
        id="stdin-invalid-utf8",
        args=("-",),
        stdin=b'{"name": "Ada \xff"}\n{"name": "Bo"}\n',
        code=2,
        stderr=r"<stdin>:1: not UTF-8 text",
        rows=("!not UTF-8 text", "Bo"),
    ),
    Hostile(
        id="stdin-toml-case",
        args=("-",),
        stdin=b'[profile]\nname = "Ada"\n',
        code=0,
        rows=("Ada",),
    ),
    Hostile(
        id="stdin-toml-not-utf8",
        args=("-",),
        stdin=b'[profile]\nname = "Ada \xff"\n',
        code=2,
        stderr=r"<stdin>:2: not UTF-8 text",
    ),
    Hostile(
        id="stdin-utf16-csv",
        args=("-",),
        stdin=codecs.BOM_UTF16_LE + "name,about\nAda,x\n".encode("utf-16-le"),
        code=0,
        rows=("Ada",),
    ),
    Hostile(
        id="stdin-binary",
        args=("-",),
        stdin=b"\x00\x01\x02" * 100,
        code=2,
        stderr=r"<stdin>: not a text file",
    ),
    Hostile(
        # Without an extension or content, standard input is read as a TOML case file.
        id="stdin-empty",
        args=("-",),
        stdin=b"",
        code=2,
        stderr=r"<stdin>:1: missing the \[profile\] table",
    ),
    # -- outputs that must not be written --------------------------------------------------------
    Hostile(
        id="output-onto-the-input",
        args=("a.jsonl", "-o", "a.jsonl"),
        files={"a.jsonl": THREE},
        code=2,
        stderr=r"--output: a\.jsonl is also an input of this run \(a\.jsonl\)",
    ),
    Hostile(
        id="output-onto-the-template",
        args=("a.jsonl", "--template", "t.txt", "-o", "t.txt"),
        files={"a.jsonl": THREE, "t.txt": "Hi {first_name}"},
        code=2,
        stderr=r"--output: t\.txt is also an input of this run",
    ),
    Hostile(
        id="summary-onto-the-input",
        args=("a.jsonl", "--summary", "./a.jsonl"),
        files={"a.jsonl": THREE},
        code=2,
        stderr=r"--summary: a\.jsonl is also an input of this run",
    ),
    Hostile(
        id="output-and-summary-on-one-file",
        args=("a.jsonl", "-o", "r.json", "--summary", "r.json"),
        files={"a.jsonl": THREE},
        code=2,
        stderr=r"--output and --summary name the same file",
    ),
]

if LINUX:
    CASES += [
        Hostile(
            id="dev-zero-as-the-list",
            args=("/dev/zero",),
            code=2,
            stderr=r"/dev/zero: not a text file: it holds NUL bytes",
        ),
        Hostile(
            id="dev-zero-as-the-config",
            args=("a.jsonl", "-c", "/dev/zero"),
            files={"a.jsonl": THREE},
            code=2,
            stderr=r"/dev/zero: cannot read config: not a text file",
        ),
        Hostile(
            id="dev-zero-as-the-template",
            args=("a.jsonl", "--template", "/dev/zero"),
            files={"a.jsonl": THREE},
            code=2,
            stderr=r"/dev/zero: not a text file",
        ),
        Hostile(
            id="output-to-dev-full",
            args=("a.jsonl", "-o", "/dev/full"),
            files={"a.jsonl": THREE},
            code=2,
            stderr=r"cannot write the report to /dev/full: No space left on device",
            rows=None,
        ),
    ]


def _rows(stdout: str) -> list[str]:
    rows = []
    for line in stdout.splitlines():
        row = json.loads(line)
        errors = [e["message"] for e in row["errors"] if e["plugin"] is None]
        rows.append("!" + errors[0] if errors else row["name"])
    return rows


def _check_rows(got: list[str], wanted: tuple[str, ...]) -> None:
    assert len(got) == len(wanted), (len(got), len(wanted), got[:5])
    for have, want in zip(got, wanted, strict=True):
        if want.startswith("!"):
            assert have.startswith("!"), (have[:200], want)
            assert re.search(want[1:], have[1:]), (have[:200], want)
        else:
            assert have == want


def check(case: Hostile, code: int, stdout: str, stderr: str) -> None:
    """What every case must give, and what holds for all of them."""
    assert code == case.code, (code, stderr[-2000:])
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    for line in lines:
        assert line.startswith("invitecore: "), line[:200]
    if case.stderr is None:
        assert lines == [], lines
    else:
        assert any(re.search(case.stderr, line[len("invitecore: ") :]) for line in lines), lines
    if case.rows is not None:
        _check_rows(_rows(stdout), case.rows)


def _write(files: Mapping[str, str | bytes]) -> None:
    for name, content in files.items():
        path = Path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def invoke(case: Hostile, monkeypatch: pytest.MonkeyPatch) -> Result:
    _write(case.files)
    for key, value in case.env.items():
        monkeypatch.setenv(key, value)
    args = list(case.args)
    if case.rows is not None and "-f" not in args and "--format" not in args and args:
        args += ["-f", "jsonl"]
    return CliRunner().invoke(app, ["run", *args], input=case.stdin)


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
def test_matrix(case: Hostile, monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(case, monkeypatch)
    check(case, result.exit_code, result.stdout, result.stderr)


def test_the_matrix_has_every_case_once() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))
    assert len(CASES) >= 100


# -- what a case's output looks like, beyond its rows ---------------------------------------------


def test_csv_output_neutralises_formulas(tmp_path: Path) -> None:
    names = ['"=HYPERLINK(""http://x"",""y"")"', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "Ada"]
    _write({"a.csv": csv_text("name,about", *(f"{name},x" for name in names))})
    result = CliRunner().invoke(app, ["run", "a.csv", "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    import csv
    import io

    cells = [row[2] for row in csv.reader(io.StringIO(result.stdout))][1:]
    assert cells == [
        "'=HYPERLINK(\"http://x\",\"y\")",
        "'+cmd|' /C calc'!A0",
        "'-2+3",
        "'@SUM(1)",
        "Ada",
    ]


def test_csv_output_neutralises_a_leading_tab_and_carriage_return() -> None:
    from invitecore.builtin.machine import spreadsheet_safe

    assert spreadsheet_safe("\t=1") == "'\t=1"
    assert spreadsheet_safe("\r=1") == "'\r=1"
    assert spreadsheet_safe("a=1") == "a=1"


@pytest.mark.parametrize("form", ["compact", "detailed"])
def test_text_output_sends_no_escape_sequence_to_the_terminal(form: str) -> None:
    count = 25 if form == "compact" else 1
    names = [f'"{ESC_NAME}"'] + [f"P{i}" for i in range(count - 1)]
    note = "Hi \x1b[2J there\x9b31m"
    _write({"a.csv": csv_text("name,note", *(f'{n},"{note}"' for n in names))})
    result = CliRunner().invoke(app, ["run", "a.csv"], env={"FORCE_COLOR": ""})
    assert "\x1b" not in result.stdout
    assert "\x9b" not in result.stdout
    assert "\x07" not in result.stdout
    assert "\\x1b]0;owned\\x07Ada \\x1b[2J\\x1b[31mLane" in result.stdout


def test_text_output_keeps_its_own_colours_only() -> None:
    _write({"a.csv": csv_text("name", f'"{ESC_NAME}"')})
    result = CliRunner().invoke(app, ["run", "a.csv"], env={"FORCE_COLOR": "1"})
    escapes = set(re.findall(r"\x1b\[[0-9;]*m", result.stdout))
    assert escapes
    assert all(re.fullmatch(r"\x1b\[[0-9;]+m", e) for e in escapes)
    assert "\x1b]" not in result.stdout
    assert "\x1b[2J" not in result.stdout


def test_error_messages_quote_a_short_excerpt() -> None:
    _write({"a.csv": csv_text("name,connections", "Ada," + TWO_MB)})
    result = CliRunner().invoke(app, ["run", "a.csv", "-f", "csv"])
    assert result.exit_code == 2
    assert max(len(line) for line in result.stderr.splitlines()) < 200
    assert len(result.stdout) < 1000


def test_output_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    _write({"a.jsonl": THREE, "real.json": "old"})
    Path("link.json").symlink_to("real.json")
    result = CliRunner().invoke(app, ["run", "a.jsonl", "-f", "json", "-o", "link.json"])
    assert result.exit_code == 0, result.stderr
    assert Path("link.json").is_symlink()
    assert json.loads(Path("real.json").read_text(encoding="utf-8"))["summary"]["cases"] == 3
    assert sorted(p.name for p in Path().iterdir()) == ["a.jsonl", "link.json", "real.json"]


def test_output_through_a_dangling_symlink_creates_its_target() -> None:
    _write({"a.jsonl": THREE})
    Path("link.json").symlink_to("made.json")
    result = CliRunner().invoke(app, ["run", "a.jsonl", "-f", "jsonl", "-o", "link.json"])
    assert result.exit_code == 0, result.stderr
    assert Path("link.json").is_symlink()
    assert len(Path("made.json").read_text(encoding="utf-8").splitlines()) == 3


def test_output_onto_the_input_through_a_symlink_is_refused() -> None:
    _write({"a.jsonl": THREE})
    Path("link.jsonl").symlink_to("a.jsonl")
    result = CliRunner().invoke(app, ["run", "a.jsonl", "-o", "link.jsonl"])
    assert result.exit_code == 2
    assert "is also an input of this run" in result.stderr
    assert Path("a.jsonl").read_text(encoding="utf-8") == THREE


def test_verbose_shows_the_traceback_of_an_internal_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import invitecore.cli.run

    def crash(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(invitecore.cli.run, "execute", crash)
    _write({"a.jsonl": THREE})
    quiet = CliRunner().invoke(app, ["run", "a.jsonl"])
    assert quiet.exit_code == 4
    assert quiet.stderr.splitlines() == [
        "invitecore: internal error: RuntimeError: disk on fire (this is a bug in invitecore: "
        "please report it, with the traceback from `invitecore run --verbose`)"
    ]
    loud = CliRunner().invoke(app, ["run", "a.jsonl", "--verbose"])
    assert loud.exit_code == 4
    assert "Traceback (most recent call last)" in loud.stderr
    assert "RuntimeError: disk on fire" in loud.stderr


# -- cases that need a real process: pipes, special files, signals ---------------------------------


def run_process(
    args: list[str],
    *,
    cwd: Path,
    stdin: Any = subprocess.DEVNULL,
    stdout: Any = subprocess.PIPE,
    shell: bool = False,
) -> subprocess.CompletedProcess[str]:
    """``invitecore`` in a subprocess with the core alone (no installed plugin loads)."""
    env = {**os.environ, "INVITECORE_LOAD_PLUGINS": ""}
    command: Any = args if not shell else " ".join(args)
    return subprocess.run(
        command,
        cwd=cwd,
        env=env,
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        shell=shell,
        executable="/bin/bash" if shell else None,
        check=False,
    )


INVITECORE = [sys.executable, "-m", "invitecore"]


def _stderr_lines(stderr: str) -> list[str]:
    """stderr without the hint a core-only run prints."""
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if "No rule plugins are installed" not in line]
    for line in lines:
        assert line.startswith("invitecore: "), line
    return lines


def _names(stdout: str) -> list[str]:
    return [json.loads(line)["name"] for line in stdout.splitlines()]


pytestmark_posix = pytest.mark.skipif(not LINUX, reason="pipes and /dev files as on Linux")


@pytestmark_posix
def test_process_substitution_is_read_once() -> None:
    _write({"three.jsonl": THREE})
    cmd = " ".join(INVITECORE) + " run <(cat three.jsonl) -f jsonl"
    result = run_process([cmd], cwd=Path.cwd(), shell=True)
    assert result.returncode == 0, result.stderr
    assert _stderr_lines(result.stderr) == []
    assert _names(result.stdout) == list(NAMES)


@pytestmark_posix
def test_toml_case_through_process_substitution() -> None:
    _write({"c.toml": '[profile]\nname = "Ada"\n'})
    cmd = " ".join(INVITECORE) + " run <(cat c.toml) -f jsonl"
    result = run_process([cmd], cwd=Path.cwd(), shell=True)
    assert result.returncode == 0, result.stderr
    assert _names(result.stdout) == ["Ada"]


@pytestmark_posix
def test_dev_stdin_from_a_pipe() -> None:
    result = subprocess.run(
        [*INVITECORE, "run", "/dev/stdin", "-f", "jsonl"],
        input=THREE,
        capture_output=True,
        text=True,
        env={**os.environ, "INVITECORE_LOAD_PLUGINS": ""},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert _names(result.stdout) == list(NAMES)


@pytestmark_posix
def test_named_fifo_is_read_once_and_does_not_hang() -> None:
    os.mkfifo("list.jsonl")

    def feed() -> None:
        with open("list.jsonl", "w", encoding="utf-8") as pipe:
            pipe.write(THREE)

    writer = threading.Thread(target=feed)
    writer.start()
    result = run_process([*INVITECORE, "run", "list.jsonl", "-f", "jsonl"], cwd=Path.cwd())
    writer.join(timeout=10)
    assert result.returncode == 0, result.stderr
    assert _names(result.stdout) == list(NAMES)


@pytestmark_posix
def test_an_endless_line_from_a_pipe_costs_bounded_memory() -> None:
    # 256 MiB without a line break, then a row: the line is one error row, read past in pieces,
    # never held (the process's peak memory stays far below the line's size).
    writer = (
        "import sys; out = sys.stdout; chunk = 'x' * (1 << 20)\n"
        "for _ in range(256): out.write(chunk)\n"
        "out.write('\\n{\"name\": \"Bo\"}\\n')\n"
    )
    measure = (
        "import resource, subprocess, sys\n"
        f"feed = subprocess.Popen([sys.executable, '-c', {writer!r}], stdout=subprocess.PIPE)\n"
        "run = subprocess.run([sys.executable, '-m', 'invitecore', 'run', '-', "
        "'--input-format', 'jsonl', '-f', 'jsonl'], stdin=feed.stdout, capture_output=True, "
        "text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(run.returncode, peak, repr(run.stderr), repr(run.stdout), sep='\\n')\n"
    )
    result = run_process([sys.executable, "-c", measure], cwd=Path.cwd())
    code, peak_kib, stderr, stdout = result.stdout.splitlines()
    assert int(code) == 2
    assert _stderr_lines(eval(stderr)) == [
        "invitecore: <stdin>:1: the line is longer than 8 MiB (8,388,608 characters)"
    ]
    assert [json.loads(line)["name"] for line in eval(stdout).splitlines()] == [None, "Bo"]
    assert int(peak_kib) < 200 * 1024, f"peak memory {int(peak_kib) // 1024} MiB"


@pytestmark_posix
def test_full_standard_output() -> None:
    _write({"a.jsonl": THREE})
    with open("/dev/full", "w") as full:
        result = run_process(
            [*INVITECORE, "run", "a.jsonl", "-f", "jsonl"], cwd=Path.cwd(), stdout=full
        )
    assert result.returncode == 2
    assert _stderr_lines(result.stderr) == [
        "invitecore: cannot write the report to standard output: No space left on device"
    ]


@pytestmark_posix
def test_closed_standard_output() -> None:
    _write({"a.jsonl": THREE})
    cmd = " ".join(INVITECORE) + " run a.jsonl -f jsonl >&-"
    result = run_process([cmd], cwd=Path.cwd(), shell=True)
    assert result.returncode == 2
    assert _stderr_lines(result.stderr) == [
        "invitecore: standard output is closed: write the report with --output FILE"
    ]


@pytestmark_posix
@pytest.mark.parametrize("fmt", ["jsonl", "json", "text", "csv"])
def test_a_closed_pipe_ends_quietly_with_141(fmt: str) -> None:
    _write({"a.jsonl": THREE * 20_000})
    cmd = " ".join(INVITECORE) + f" run a.jsonl -f {fmt} | head -1; exit ${{PIPESTATUS[0]}}"
    result = run_process([cmd], cwd=Path.cwd(), shell=True)
    assert result.returncode == 141
    assert _stderr_lines(result.stderr) == []
    assert len(result.stdout.splitlines()) == 1


@pytestmark_posix
@pytest.mark.parametrize(
    ("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129), ("SIGINT", 130)]
)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_signal_removes_the_temporary_file_and_keeps_the_old_report(
    name: str, code: int, jobs: str
) -> None:
    _write({"a.jsonl": jl(*({"name": f"P{i}"} for i in range(400_000))), "out.json": "old"})
    env = {**os.environ, "INVITECORE_LOAD_PLUGINS": ""}
    process = subprocess.Popen(
        [*INVITECORE, "run", "a.jsonl", "-f", "json", "-o", "out.json", "-q", "-j", jobs],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not any(p.name.endswith(".tmp") for p in Path().iterdir()):
        assert process.poll() is None, "finished before it was signalled"
        assert time.monotonic() < deadline, "no temporary file"
        time.sleep(0.01)
    process.send_signal(getattr(signal, name))
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code
    assert "Traceback" not in stderr
    assert sorted(p.name for p in Path().iterdir()) == ["a.jsonl", "out.json"]
    assert Path("out.json").read_text(encoding="utf-8") == "old"


# Python code run as `python -c`: a signal that lands while the --jobs workers are being
# started, every time, rather than by chance on a busy machine.
SIGNAL_WHILE_WORKERS_START = """
import os, signal, sys
from multiprocessing.process import BaseProcess

started = BaseProcess.start

def start(self):
    started(self)
    os.kill(os.getpid(), signal.{name})

BaseProcess.start = start
from invitecore.cli import main
sys.argv = ["invitecore", "run", "a.jsonl", "-f", "json", "-o", "out.json", "-q", "-j", "2"]
main()
"""


@pytestmark_posix
@pytest.mark.parametrize(
    ("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129), ("SIGINT", 130)]
)
def test_a_signal_while_workers_start_stops_the_run_cleanly(name: str, code: int) -> None:
    # Raised inside the process pool's start, the stop used to leave the pool half-built: an
    # internal error ("cannot join thread before it is started") or a run that never ended.
    _write({"a.jsonl": jl(*({"name": f"P{i}"} for i in range(5_000))), "out.json": "old"})
    env = {**os.environ, "INVITECORE_LOAD_PLUGINS": ""}
    result = subprocess.run(
        [sys.executable, "-c", SIGNAL_WHILE_WORKERS_START.format(name=name)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == code, result.stderr
    assert "error" not in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in Path().iterdir()) == ["a.jsonl", "out.json"]
    assert Path("out.json").read_text(encoding="utf-8") == "old"


@pytestmark_posix
def test_plugins_print_never_reaches_the_report(tmp_path: Path) -> None:
    plugin = tmp_path / "noisy.py"
    plugin.write_text(
        textwrap.dedent(
            """
            import invitecore
            print("imported")

            @invitecore.hookimpl
            def invitecore_rules():
                print("rules")
                return [invitecore.Rule(code="NOI101", summary="noise")]

            @invitecore.hookimpl
            def invitecore_profile_signals(profile):
                print("hello from a plugin", profile.name)
                return []
            """
        ),
        encoding="utf-8",
    )
    _write({"a.jsonl": THREE})
    for jobs in ("1", "2"):
        result = run_process(
            [*INVITECORE, "run", "a.jsonl", "-f", "jsonl", "-p", str(plugin), "-j", jobs],
            cwd=Path.cwd(),
        )
        assert result.returncode == 0, result.stderr
        assert _names(result.stdout) == list(NAMES)
        assert "hello from a plugin Ada" in result.stderr
