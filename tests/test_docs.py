"""The documentation under docs/ stays true to the code: each test fails when the two drift.

The checks parse the Markdown (headings outside code fences, the first column of tables, fenced
blocks) rather than searching for words anywhere, so a name mentioned in passing does not count
as documented. The reference facts come from the code itself: the plugin manager's hook specs,
the attrs fields of the value objects, the config schema, the typer app, the CSV columns, and a
real JSON run.
"""

from __future__ import annotations

import ast
import contextlib
import enum
import io
import json
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
import typer.main

import invitecore.models
import invitecore.output
import invitecore.results
import invitecore.summary
from invitecore import (
    Advice,
    Case,
    Finding,
    Invitation,
    Profile,
    RiskFactor,
    Rule,
    Setting,
    Signal,
    TemplateGap,
    config,
    hookimpl,
    runner,
)
from invitecore.aggregate import Thresholds
from invitecore.batch import BatchCheck
from invitecore.builtin import plugin as builtin
from invitecore.builtin.machine import CSV_COLUMNS, JsonWriter
from invitecore.cli import app
from invitecore.cli.app import EXIT_INTERNAL
from invitecore.engine import Engine
from invitecore.errors import InputError
from invitecore.origins import TextOrigin
from invitecore.output import FormatOptions, ReportWriter
from invitecore.plugins import new_manager
from invitecore.results import Source
from invitecore.settings import resolve_settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLE = ROOT / "examples" / "invitecore-example-plugin"
# Pages other engineers write; links to them are allowed before they exist.
PAGES_BY_OTHERS = frozenset({"inputs.md", "batch.md", "benchmarks.md"})

# -- Markdown parsing ------------------------------------------------------------------------------

_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{1,6}) (.+?)\s*$")


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def prose_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` outside fenced code blocks."""
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield line


def headings(text: str, level: int) -> list[str]:
    found = []
    for line in prose_lines(text):
        match = _HEADING.match(line)
        if match and len(match.group(1)) == level:
            found.append(match.group(2))
    return found


def section(text: str, title: str, level: int) -> str:
    """The body under the heading ``title`` at ``level``, up to the next heading at or above it."""
    body: list[str] = []
    inside = False
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match and len(match.group(1)) <= level:
            if inside:
                break
            inside = len(match.group(1)) == level and match.group(2) == title
            continue
        if inside:
            body.append(line)
    assert inside or body, f"no heading {'#' * level} {title}"
    return "\n".join(body)


def _cells(line: str) -> list[str]:
    # Split on pipes that are not escaped (`str \| None` is one cell).
    parts = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [part.strip().replace("\\|", "|") for part in parts]


def table_rows(body: str) -> list[list[str]]:
    """Data rows of every table in ``body`` (header and separator rows left out)."""
    rows: list[list[str]] = []
    previous_was_table = False
    for line in prose_lines(body):
        if not line.lstrip().startswith("|"):
            previous_was_table = False
            continue
        cells = _cells(line)
        if all(re.fullmatch(r":?-{3,}:?", cell) for cell in cells):
            rows.pop()  # the header row just before the separator
        else:
            rows.append(cells)
        previous_was_table = True
    assert previous_was_table or rows is not None
    return rows


def first_column(body: str) -> list[str]:
    return [row[0].strip("`") for row in table_rows(body)]


def code_blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)


# -- hooks.md --------------------------------------------------------------------------------------


def spec_argnames() -> dict[str, tuple[str, ...]]:
    hooks = new_manager().hook
    return {
        name: tuple(getattr(hooks, name).spec.argnames)
        for name in dir(hooks)
        if name.startswith("invitecore_")
    }


def documented_hooks() -> dict[str, tuple[str, ...]]:
    found = {}
    for title in headings(page("hooks.md"), 2):
        match = re.fullmatch(r"(invitecore_\w+)\(([\w, ]*)\)", title)
        if match:
            args = tuple(a.strip() for a in match.group(2).split(",") if a.strip())
            assert match.group(1) not in found, f"{match.group(1)} is documented twice"
            found[match.group(1)] = args
    return found


def test_every_hook_has_a_heading_with_its_exact_signature() -> None:
    assert documented_hooks() == spec_argnames()


@pytest.mark.parametrize("hook", sorted(spec_argnames()))
def test_every_hook_section_has_an_example_that_fits_the_spec(hook: str) -> None:
    args = spec_argnames()[hook]
    body = section(page("hooks.md"), f"{hook}({', '.join(args)})", 2)
    definitions = [
        node
        for block in code_blocks(body, "python")
        for node in ast.walk(ast.parse(block))
        if isinstance(node, ast.FunctionDef) and node.name == hook
    ]
    assert definitions, f"no example implementation of {hook}"
    for definition in definitions:
        # An implementation may take any subset of the spec's arguments, and nothing else.
        assert {a.arg for a in definition.args.args} <= set(args)
        assert any(
            isinstance(d, ast.Name) and d.id == "hookimpl" for d in definition.decorator_list
        )


def _value_objects() -> list[type]:
    from_models = [getattr(invitecore.models, n) for n in invitecore.models.__all__]
    others = [
        getattr(module, n)
        for module in (invitecore.results, invitecore.summary, invitecore.output)
        for n in module.__all__
    ]
    return [cls for cls in [*from_models, *others, Setting] if attrs.has(cls)]


@pytest.mark.parametrize("cls", _value_objects(), ids=lambda cls: cls.__name__)
def test_every_value_object_field_is_in_its_hooks_table(cls: type) -> None:
    body = section(page("hooks.md"), cls.__name__, 3)
    assert first_column(body) == [field.name for field in attrs.fields(cls)]


@pytest.mark.parametrize("protocol", [BatchCheck, ReportWriter], ids=lambda p: p.__name__)
def test_every_protocol_member_is_documented(protocol: type) -> None:
    members = {
        name
        for name in [*vars(protocol), *getattr(protocol, "__annotations__", {})]
        if not name.startswith("_")
    }
    assert set(first_column(section(page("hooks.md"), protocol.__name__, 3))) == members


def test_every_enum_value_is_listed() -> None:
    rows = {row[0].strip("`"): row[1] for row in table_rows(section(page("hooks.md"), "Enums", 3))}
    enums = [
        getattr(invitecore.models, name)
        for name in invitecore.models.__all__
        if isinstance(getattr(invitecore.models, name), type)
        and issubclass(getattr(invitecore.models, name), enum.Enum)
    ]
    assert set(rows) == {e.__name__ for e in enums}
    for enum_cls in enums:
        listed = re.findall(r"`([a-z_]+)`", rows[enum_cls.__name__])
        assert listed == [member.value for member in enum_cls]


# -- config.md -------------------------------------------------------------------------------------


def test_every_top_level_config_key_has_a_heading() -> None:
    titles = [t.strip("`") for t in headings(page("config.md"), 3)]
    assert sorted(titles) == sorted(config._TOP)


THRESHOLD_FIELDS = {
    ("risk", "medium"): "risk_medium",
    ("risk", "high"): "risk_high",
    ("classification", "open-threshold"): "open_threshold",
    ("classification", "selective-threshold"): "selective_threshold",
    ("verdict", "do-not-send-confidence"): "do_not_send_confidence",
    ("verdict", "revise-at"): "revise_at",
}


def _shown(value: Any) -> str:
    return format(value, "g") if isinstance(value, float) else str(value)


@pytest.mark.parametrize(
    ("table", "schema"),
    [
        ("sender", config._SENDER),
        ("risk", config._RISK),
        ("classification", config._CLASSIFICATION),
        ("verdict", config._VERDICT),
    ],
)
def test_every_sub_table_key_is_listed_with_its_default(
    table: str, schema: Mapping[str, Any]
) -> None:
    rows = table_rows(section(page("config.md"), f"`{table}`", 3))
    assert [row[0].strip("`") for row in rows] == list(schema)
    defaults = Thresholds()
    for row in rows:
        field = THRESHOLD_FIELDS.get((table, row[0].strip("`")))
        if field is not None:
            assert row[2].strip("`") == _shown(getattr(defaults, field)), row


def test_every_core_batch_setting_is_listed_with_its_default_and_source() -> None:
    rows = table_rows(section(page("config.md"), "`batch`", 3))
    declared = list(builtin.invitecore_settings())
    assert [row[0].strip("`") for row in rows] == [s.name for s in declared]
    for row, setting in zip(rows, declared, strict=True):
        if isinstance(setting.default, (int, float)):
            assert row[2] == _shown(setting.default)
        else:
            shown = tomllib.loads(f"value = {row[2].strip('`')}")["value"]
            assert shown == setting.default
        assert row[4] == setting.source


def test_the_engine_page_states_the_default_thresholds() -> None:
    rows = table_rows(section(page("engine.md"), "The thresholds and their defaults", 2))
    stated = {row[0].strip("`"): row[1].strip("`") for row in rows}
    defaults = Thresholds()
    assert stated == {
        f"{table}.{key}": _shown(getattr(defaults, field))
        for (table, key), field in THRESHOLD_FIELDS.items()
    }


def test_config_examples_are_valid_configs() -> None:
    blocks = code_blocks(page("config.md"), "toml")
    assert len(blocks) >= 2
    declared = {s.name: s for s in builtin.invitecore_settings()}
    for block in blocks:
        data = tomllib.loads(block)
        table = data.get("tool", {}).get("invitecore", data)
        parsed = config.parse_config(table, text=block)
        resolve_settings(declared, parsed.batch, plugin="invitecore.core")


# -- cli.md ----------------------------------------------------------------------------------------


# Typer may bundle its own copy of click, so commands and options are read by duck typing.


def _commands() -> dict[str, Any]:
    return dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def _options(command: Any) -> list[str]:
    return [
        opt
        for param in command.params
        if param.param_type_name == "option"
        for opt in [*param.opts, *param.secondary_opts]
        if opt != "--help"
    ]


def test_every_cli_command_has_a_section() -> None:
    titles = headings(page("cli.md"), 2)
    assert {f"invitecore {name}" for name in _commands()} <= set(titles)


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_cli_option_is_in_its_command_section(name: str) -> None:
    body = section(page("cli.md"), f"invitecore {name}", 2)
    mentioned = set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", body))
    missing = [opt for opt in _options(_commands()[name]) if opt not in mentioned]
    assert not missing, f"invitecore {name}: undocumented options {missing}"


def test_root_options_are_documented() -> None:
    root = typer.main.get_command(app)
    text = page("cli.md")
    assert all(f"`{opt}" in text or opt in text for opt in _options(root))


def test_exit_codes_table_matches_the_runner() -> None:
    rows = first_column(section(page("cli.md"), "Exit codes", 2))
    codes = [runner.EXIT_OK, runner.EXIT_FINDINGS, runner.EXIT_INPUT, runner.EXIT_PLUGIN]
    assert rows == [str(code) for code in [*codes, EXIT_INTERNAL]]


# -- output.md -------------------------------------------------------------------------------------


def test_csv_columns_are_documented_in_order() -> None:
    assert first_column(section(page("output.md"), "csv", 2)) == list(CSV_COLUMNS)


class _DocsPlugin:
    """Emits one of everything, so a real JSON run has every key the schema can hold."""

    @staticmethod
    @hookimpl
    def invitecore_rules() -> list[Rule]:
        return [Rule(code=code, summary=code) for code in ("DOC101", "DOC201", "DOC301")]

    @staticmethod
    @hookimpl
    def invitecore_profile_signals(profile: Profile) -> list[Signal]:
        signal = Signal(
            code="DOC101", camp="open", weight=0.9, label="l", field="name", span=(0, 3)
        )
        return [signal]

    @staticmethod
    @hookimpl
    def invitecore_invitation_checks() -> list[Finding]:
        return [Finding(code="DOC101", message="m", suggestion="s", field="note", span=(0, 2))]

    @staticmethod
    @hookimpl
    def invitecore_risk_factors() -> RiskFactor:
        return RiskFactor(code="DOC201", points=10, reason="r")

    @staticmethod
    @hookimpl
    def invitecore_advice() -> list[object]:
        return [Advice(code="DOC301", text="t"), "not advice"]  # the second is a plugin error

    @staticmethod
    @hookimpl
    def invitecore_batch_checks() -> list[object]:
        class Broken:
            name = "broken"

            def observe(self, result: object) -> None:
                """Accept every result."""

            def finish(self) -> Mapping[str, Any]:
                raise RuntimeError("no section")

        return [Broken()]


def _json_run() -> dict[str, Any]:
    engine = Engine.from_plugins([("docs", _DocsPlugin)])
    note = "Hi Ada, I read your post on open networking."
    gap = TemplateGap(field="company", span=(0, 2))
    origin = TextOrigin(file="note.txt", runs=((0, len(note), 1, 1, 1),))
    cases: list[Case | InputError] = [
        Case(
            profile=Profile(
                name=f"Ada Lane {index}", company="Example Co", url="https://x.example"
            ),
            invitation=Invitation(
                note=note, template_gaps=(gap,) if index else (), note_origin=origin
            ),
            id=str(index),
            source=Source(file="cases.jsonl", line=index + 1),
        )
        for index in range(2)
    ]
    cases.append(InputError("bad row", file="cases.jsonl", line=3))
    stream = io.StringIO()
    runner.execute(engine, cases, JsonWriter(stream, FormatOptions(version="0")))
    document: dict[str, Any] = json.loads(stream.getvalue())
    return document


# Maps keyed by data (a camp, a verdict), not by fixed names: their keys are values, not schema.
_DATA_KEYED = {"by_camp", "by_verdict", "by_level", "findings_by_severity"}


def key_paths(value: Any, prefix: str = "") -> set[str]:
    paths: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            paths.add(path)
            if key not in _DATA_KEYED:
                paths |= key_paths(item, path)
    elif isinstance(value, list):
        for item in value:
            paths |= key_paths(item, f"{prefix}[]")
    return paths


def test_every_json_key_is_documented_and_every_documented_key_exists() -> None:
    document = _json_run()
    produced = {p for r in document["results"] for p in key_paths(r)}
    produced |= {f"summary.{p}" for p in key_paths(document["summary"]) if "." in p or p}
    produced -= {"summary.broken"}  # the failing test check has no section
    text = page("output.md")
    documented = set(first_column(section(text, "The result object", 3)))
    documented |= set(first_column(section(text, "The summary object", 3)))
    assert produced == documented


def test_the_schema_file_referenced_by_output_md_exists() -> None:
    assert "schema/result.schema.json" in page("output.md")
    assert (DOCS / "schema" / "result.schema.json").is_file()


# -- writing-plugins.md and the example package ----------------------------------------------------


def test_example_code_in_the_guide_is_the_example_package() -> None:
    text = page("writing-plugins.md")
    shown = re.findall(r"<!-- example: (\S+) -->\n```\w*\n(.*?)^```", text, re.M | re.S)
    assert shown
    for path, block in shown:
        source = (ROOT / path).read_text(encoding="utf-8")
        assert block in source, f"the guide's copy of {path} differs from the file"
    full = {path for path, block in shown if block == (ROOT / path).read_text(encoding="utf-8")}
    modules = EXAMPLE / "src" / "invitecore_example"
    for module in ("plugin.py", "rules.py", "settings.py", "matching.py"):
        assert str((modules / module).relative_to(ROOT)) in full
    assert str((EXAMPLE / "pyproject.toml").relative_to(ROOT)) in full


@pytest.mark.parametrize("name", sorted(p.name for p in DOCS.glob("*.md")))
def test_python_examples_parse(name: str) -> None:
    for block in code_blocks(page(name), "python"):
        ast.parse(block)


# -- links and navigation --------------------------------------------------------------------------


def slug(title: str) -> str:
    """The anchor Python-Markdown's toc extension gives a heading (what mkdocs uses)."""
    text = re.sub(r"[^\w\s-]", "", title.replace("`", "")).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


@pytest.mark.parametrize("name", sorted(p.name for p in DOCS.glob("*.md")))
def test_links_between_pages_resolve(name: str) -> None:
    for target, anchor in re.findall(r"\]\(([\w/.-]+)(?:#([\w-]+))?\)", page(name)):
        if target.startswith("http"):
            continue
        if not (DOCS / target).exists():
            assert target in PAGES_BY_OTHERS, f"{name} links to missing {target}"
            continue
        if anchor and target.endswith(".md"):
            anchors = {slug(t) for level in range(1, 7) for t in headings(page(target), level)}
            assert anchor in anchors, f"{name} links to missing anchor {target}#{anchor}"


def test_mkdocs_nav_lists_every_page() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = re.findall(r"^\s*- (?:[^:\n]+: )?([\w-]+\.md)\s*$", text, re.M)
    assert len(nav) == len(set(nav))
    assert {p.name for p in DOCS.glob("*.md")} <= set(nav)
    assert set(nav) - {p.name for p in DOCS.glob("*.md")} <= PAGES_BY_OTHERS


def test_the_library_page_runs() -> None:
    """Every Python block of docs/library.md runs, in order, in one namespace."""
    namespace: dict[str, Any] = {}
    output = io.StringIO()
    for block in code_blocks(page("library.md"), "python"):
        with contextlib.redirect_stdout(output):
            exec(compile(block, "docs/library.md", "exec"), namespace)
    assert "nothing-blocks" in output.getvalue() or "stranger" in output.getvalue()
