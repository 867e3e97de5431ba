"""Fuzzing the command line: ``invitecore run`` with random options, values and inputs.

Whatever the arguments, the command ends with an exit code invitecore documents (never 4, a
bug), every stderr line is one ``invitecore:`` line, no traceback is printed, and a report
that was written parses.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fuzzkit import FUZZ, Plain, count, records, texts
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import invitecore.plugins
from invitecore.cli import app

VALUES = ["", "-", "x", "0", "-1", "99999999999999999999", "json", "jsonl", "csv", "text", "tab",
          ";", "never", "error", "ALL", "PLN", "PLN1", "XYZ", "free", "gold", "none", "colleague",
          "rows.jsonl", "rows.csv", "nope.txt", "t.txt", "/dev/null", "\x1b[2J", "é", "²"]
OPTIONS = ["-f", "--format", "-o", "--select", "--ignore", "--fail-on", "--input-format",
           "--note", "--template", "--relationship", "--account", "-j", "--summary",
           "--delimiter", "--strict", "-q", "--redact", "--verbose", "-c", "--bogus"]
FLAGS = {"--strict", "-q", "--redact", "--verbose"}


@st.composite
def arguments(draw: st.DrawFn) -> list[str]:
    args = draw(st.lists(st.sampled_from(["rows.jsonl", "rows.csv", "-", "nope.jsonl"]),
                         max_size=2))
    for option in draw(st.lists(st.sampled_from(OPTIONS), max_size=4)):
        args.append(option)
        if option not in FLAGS:
            args.append(draw(st.one_of(st.sampled_from(VALUES), texts)))
    return args


class _Installed:
    def __init__(self, name: str, plugin: Any) -> None:
        self.name, self.plugin, self.value, self.dist = name, plugin, "fuzz", None

    def load(self) -> Any:
        return self.plugin


@FUZZ
@given(args=arguments(), rows=st.lists(records(), max_size=3), stdin=st.binary(max_size=60))
def test_any_command_line(
    args: list[str], rows: list[dict[str, Any]], stdin: bytes, monkeypatch: Any
) -> None:
    count("cli")
    monkeypatch.setattr(invitecore.plugins, "entry_points", lambda: [_Installed("plain", Plain)])
    invitecore.plugins.installed_plugins.cache_clear()
    text = "".join(json.dumps(r) + "\n" for r in rows)
    Path("rows.jsonl").write_bytes(text.encode("utf-8", "surrogatepass"))
    Path("rows.csv").write_text("name,about\nAda,x\n", encoding="utf-8")
    Path("t.txt").write_text("Hi {first_name}", encoding="utf-8")
    for stale in ("out.json",):
        Path(stale).unlink(missing_ok=True)
    args = [a for a in args if "\x00" not in a]  # an OS argument cannot hold a NUL
    result = CliRunner().invoke(app, ["run", *args], input=stdin)
    assert result.exit_code in (0, 1, 2, 3), (args, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    for line in result.stderr.splitlines():
        assert line.startswith("invitecore: "), line
    fmt = next((args[i + 1] for i, a in enumerate(args[:-1]) if a in ("-f", "--format")), None)
    if result.exit_code != 2 and "-o" not in args and fmt in ("json", "jsonl"):
        if fmt == "json":
            json.loads(result.stdout)
        else:
            for line in result.stdout.split("\n")[:-1]:
                json.loads(line)
