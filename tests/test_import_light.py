"""``import invitecore`` stays light: no CLI stack, no validation libraries, no plugin discovery.

Checked in a fresh interpreter, since this test process has long since imported everything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

HEAVY = ("typer", "click", "rich", "pydantic", "invitecore.cli", "invitecore.engine")


def imported_after(code: str) -> dict[str, bool]:
    report = f"print(json.dumps({{m: m in sys.modules for m in {HEAVY!r}}}))"
    script = f"{code}\nimport json, sys\n{report}"
    env = {**os.environ, "INVITECORE_LOAD_PLUGINS": ""}
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    result: dict[str, bool] = json.loads(completed.stdout.splitlines()[-1])
    return result


def test_import_invitecore_is_light() -> None:
    assert imported_after("import invitecore") == dict.fromkeys(HEAVY, False)


def test_plugin_api_is_light() -> None:
    code = "from invitecore import hookimpl, Rule, Signal, Finding, Setting, Settings"
    assert imported_after(code) == dict.fromkeys(HEAVY, False)


@pytest.mark.parametrize("name", ["Engine", "evaluate", "evaluate_many"])
def test_engine_loads_lazily_without_the_cli(name: str) -> None:
    imported = imported_after(f"import invitecore\ninvitecore.{name}")
    assert imported["invitecore.engine"]
    for module in ("typer", "click", "rich", "pydantic", "invitecore.cli"):
        assert not imported[module], module


def test_evaluate_runs_without_the_cli() -> None:
    code = "import invitecore\ninvitecore.evaluate({'name': 'Ada Lane'})"
    imported = imported_after(code)
    assert not imported["typer"]
    assert not imported["rich"]
    assert not imported["pydantic"]


def test_unknown_attribute() -> None:
    import invitecore

    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        invitecore.nope  # noqa: B018
