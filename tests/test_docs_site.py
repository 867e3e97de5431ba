"""The generated parts of the documentation site, checked without building it: the rule index
(docs/_hooks/rule_index.py) and the minimal plugin writing-plugins.md opens with."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner

from invitecore.cli import app
from invitecore.inputs.cases import case_from_mapping
from invitecore.results import Source

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_SRC = ROOT / "examples" / "invitecore-example-plugin" / "src"


def hook_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rule_index", ROOT / "docs/_hooks/rule_index.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def example_installed(install: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(EXAMPLE_SRC))
    from invitecore_example import plugin

    install(example=plugin)


@pytest.mark.usefixtures("example_installed")
def test_the_rule_index_has_every_code_with_bad_and_good_examples() -> None:
    markdown = hook_module().on_page_markdown(
        "# Rule index\n\n<!-- rule-index -->\n", None, None, None
    )
    assert "<!-- rule-index -->" not in markdown
    for code in ("INV101", "EXA101", "EXA102", "EXA201", "EXA301"):
        assert f"### {code}\n" in markdown
    entry = markdown.split("### EXA101\n")[1].split("### ")[0]
    assert "**the note asks for a call or a meeting**. Default severity: `warning`." in entry
    assert "**Bad** (`asks-a-colleague-for-a-quick-call`)" in entry
    assert "**Good** (`says-why-and-asks-for-nothing`)" in entry
    # Every example is a case file `invitecore run` reads as it is.
    blocks = re.findall(r"```toml\n(.*?)\n```", markdown, re.S)
    assert len(blocks) == 8
    for block in blocks:
        data = tomllib.loads(block)
        data.pop("tool", None)
        case_from_mapping(data, source=Source(file="rules.md"))
    settings = markdown.split("### EXA102\n")[1].split("### ")[0]
    assert "[tool.invitecore.plugins.example]\nmax-words = 3" in settings


def test_a_plugin_without_cases_says_so() -> None:
    markdown = hook_module().rule_index()
    assert "### INV101" in markdown
    assert "It ships no rule cases yet." in markdown


def test_the_reference_drops_sphinx_roles() -> None:
    html = 'a :class:<code>~invitecore.Rule</code> and :func:<code class="x">f</code>'
    assert hook_module().on_page_content(html, None, None, None) == (
        'a <code>invitecore.Rule</code> and <code class="x">f</code>'
    )


def test_the_twenty_line_plugin_runs_with_p(tmp_path: Path) -> None:
    folder = ROOT / "examples" / "local-plugin"
    assert len((folder / "my_rules.py").read_text(encoding="utf-8").splitlines()) <= 25
    result = CliRunner().invoke(
        app, ["run", "-p", str(folder / "my_rules.py"), str(folder / "asap.toml"), "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    (finding,) = json.loads(result.stdout)["results"][0]["findings"]
    note = "Hi Noor, I run the cold-chain meetup. Could you reply ASAP?"
    assert (finding["code"], finding["plugin"]) == ("MY101", "my_rules")
    assert note[finding["span"][0] : finding["span"][1]] == "ASAP"
