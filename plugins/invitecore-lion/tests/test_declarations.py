"""The plugin's declarations: hooks, rules and settings well declared, all documented."""

from __future__ import annotations

from pathlib import Path

from invitecore.testing import check_declarations
from invitecore_lion import plugin
from invitecore_lion.statements import KINDS

README = Path(__file__).parents[1] / "README.md"


def test_declarations_are_complete_and_documented() -> None:
    check_declarations(plugin, name="lion", code_prefix="LIO", readme=README)


def test_every_kind_of_statement_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [kind for kind in (*KINDS, "not-a-lion", "partial") if f"`{kind}`" not in text]
    assert missing == []
