"""Every case of the plugin's rule-case file through the real engine, this plugin alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from invitecore.testing import RuleCase, check_declarations, load_rule_cases
from invitecore_personalization import plugin

CASES = Path(plugin.__file__).with_name("rule_cases.toml")


@pytest.mark.parametrize("case", load_rule_cases(CASES), ids=str)
def test_rule_case(case: RuleCase) -> None:
    case.check(("personalization", plugin))


def test_every_rule_has_a_case_and_the_readme_documents_it() -> None:
    readme = Path(__file__).resolve().parents[1] / "README.md"
    check_declarations(
        plugin, name="personalization", code_prefix="PER", readme=readme, cases=CASES
    )
