"""The JSON / JSON Lines output against docs/schema/result.schema.json.

``jsonschema`` is not a dependency, so a small structural checker below implements the part of
JSON Schema the schema file uses (type, enum, required, properties, additionalProperties, items,
min/maxItems, minimum/maximum, exclusiveMinimum, pattern, oneOf, local $ref). When
``jsonschema`` happens to be installed, one more test cross-checks with it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from invitecore import Case, CaseResult, Invitation, Profile
from invitecore.cli import app
from invitecore.serialize import result_to_dict
from invitecore.testing import engine_with

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "docs" / "schema" / "result.schema.json"
SCHEMA: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))

_TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


def _is_type(value: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[name])


def check(value: Any, schema: dict[str, Any], path: str = "$") -> list[str]:
    """Every way ``value`` breaks ``schema``, as ``path: problem`` strings (empty when valid)."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return check(value, SCHEMA["$defs"][name], path)
    if "oneOf" in schema:
        passing = [s for s in schema["oneOf"] if not check(value, s, path)]
        return [] if len(passing) == 1 else [f"{path}: matches {len(passing)} of oneOf"]
    problems: list[str] = []
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is_type(value, n) for n in names):
            return [f"{path}: {value!r} is not {names}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{path}: {value!r} not in {schema['enum']}")
    if _is_type(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:
            problems.append(f"{path}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            problems.append(f"{path}: {value} > {schema['maximum']}")
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            problems.append(f"{path}: {value} <= {schema['exclusiveMinimum']}")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        problems.append(f"{path}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", 1e9):
            problems.append(f"{path}: {len(value)} items")
        for index, item in enumerate(value):
            problems += check(item, schema.get("items", {}), f"{path}[{index}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        problems += [f"{path}: missing {k!r}" for k in schema.get("required", ()) if k not in value]
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                problems += check(item, properties[key], f"{path}.{key}")
            elif extra is False:
                problems.append(f"{path}: unexpected key {key!r}")
            elif isinstance(extra, dict):
                problems += check(item, extra, f"{path}.{key}")
    return problems


CASES = [
    '{"id": "open", "profile": {"name": "Ada", "headline": "Recruiter OPENNET"}, '
    '"invitation": {"note": "Hi BUY", "relationship": "colleague"}}',
    '{"profile": {"name": "Bo", "about": "Ask me anything"}}',
    '{"profile": {"name": "Cy", "connections": "lots"}}',
    '{"profile": {"name": "Di", "headline": "FAIL here"}}',
]


@pytest.fixture
def run_output(
    tmp_path: Path, install: Any, sample_plugin: Any, plugin_factory: Any
) -> Any:
    """Run the CLI over cases covering signals, findings, factors, advice and both error kinds."""

    def explode_on_fail(profile: Profile) -> None:
        if "FAIL" in (profile.headline or ""):
            raise RuntimeError("exploded")

    install(
        sample=sample_plugin,
        fragile=plugin_factory("fragile", invitecore_profile_signals=explode_on_fail),
    )
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(CASES) + "\n", encoding="utf-8")

    def run(fmt: str) -> str:
        result = CliRunner().invoke(app, ["run", "--format", fmt, str(path)])
        assert result.exit_code == 3, result.stderr  # a plugin error outranks the bad row
        return result.stdout

    return run


def test_schema_file_is_a_2020_12_schema() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for name, definition in SCHEMA["$defs"].items():
        assert "type" in definition or "oneOf" in definition or "$ref" in definition, name


def test_json_document_matches_schema(run_output: Any) -> None:
    document = json.loads(run_output("json"))
    assert check(document, SCHEMA) == []
    assert list(document) == ["invitecore", "results", "summary"]
    results = document["results"]
    assert len(results) == len(CASES)
    # The run really exercised every part of the schema.
    first = results[0]
    assert first["classification"]["signals"][0]["evidence"] == "OPENNET"
    assert first["findings"][0]["code"] == "TST202"
    assert first["risk"]["factors"][0]["code"] == "TST302"
    assert results[1]["advice"][0]["code"] == "TST401"
    assert results[2]["classification"] is None
    assert results[2]["errors"][0]["plugin"] is None
    assert results[3]["errors"] == [
        {
            "plugin": "fragile",
            "hook": "invitecore_profile_signals",
            "message": "RuntimeError: exploded",
        }
    ]
    assert document["summary"]["errors"] == {"input": 1, "plugin": 1}


def test_json_lines_rows_match_result_schema(run_output: Any) -> None:
    rows = [json.loads(line) for line in run_output("jsonl").splitlines()]
    assert len(rows) == len(CASES)
    for row in rows:
        assert check(row, {"$ref": "#/$defs/result"}) == []


def test_result_keys_in_documented_order(sample_plugin: Any) -> None:
    result = engine_with(sample_plugin).evaluate(
        Case(profile=Profile(name="A"), invitation=Invitation())
    )
    data = result_to_dict(result)
    assert list(data) == SCHEMA["$defs"]["result"]["required"]
    signal_keys = SCHEMA["$defs"]["signal"]["required"]
    assert signal_keys[:8] == [
        "code", "plugin", "camp", "weight", "label", "field", "span", "evidence"
    ]  # fmt: skip


def test_empty_run_is_a_valid_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", "-f", "json", str(path)])
    document = json.loads(result.stdout)
    assert document["results"] == []
    assert check(document, SCHEMA) == []


@pytest.mark.parametrize(
    ("mutate", "problem"),
    [
        (lambda d: d.pop("summary"), "missing 'summary'"),
        (lambda d: d.update(extra=1), "unexpected key 'extra'"),
        (lambda d: d["results"][0].update(verdict="maybe"), "not in"),
        (lambda d: d["results"][0].pop("errors"), "missing 'errors'"),
        (lambda d: d["results"][0]["source"].update(line="1"), "$.results[0].source"),
        (lambda d: d["results"][0]["classification"].update(confidence=2), "$.results[0]"),
        (lambda d: d["results"][0]["classification"]["signals"][0].update(span=[1]), "$.results"),
        (lambda d: d["results"][0]["findings"][0].update(code="x1"), "does not match"),
        (lambda d: d["results"][0]["risk"].update(score=-1), "$.results[0].risk"),
        (lambda d: d["summary"]["by_camp"].update(open="1"), "by_camp.open"),
    ],
)
def test_checker_rejects_broken_documents(run_output: Any, mutate: Any, problem: str) -> None:
    document = json.loads(run_output("json"))
    mutate(document)
    problems = check(document, SCHEMA)
    assert problems
    assert any(problem in p for p in problems), problems


def test_cross_check_with_jsonschema(run_output: Any) -> None:
    import jsonschema  # the test extra installs it: a missing one fails, never skips

    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(json.loads(run_output("json")), SCHEMA)


def test_result_dict_of_unread_row() -> None:
    row = result_to_dict(
        CaseResult(id=None, source=None, profile=None, classification=None, input_error="x: bad")
    )
    assert check(row, {"$ref": "#/$defs/result"}) == []
    assert row["errors"] == [{"plugin": None, "hook": None, "message": "x: bad"}]
