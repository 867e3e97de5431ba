"""Every case of the plugin's rule-case file through the real engine, with the test doubles
of fakes.py standing in for the plugins whose signals and findings the scorecard reads."""

from __future__ import annotations

from pathlib import Path

import fakes
import pytest

from invitecore.testing import RuleCase, check_declarations, load_rule_cases
from invitecore_spam_risk import plugin

CASES = Path(plugin.__file__).with_name("rule_cases.toml")


@pytest.mark.parametrize("case", load_rule_cases(CASES), ids=str)
def test_rule_case(case: RuleCase) -> None:
    case.check(("spam-risk", plugin), *fakes.readers())


def test_every_rule_has_a_case_and_the_readme_documents_it() -> None:
    readme = Path(__file__).resolve().parents[1] / "README.md"
    check_declarations(plugin, name="spam-risk", code_prefix="SPM", readme=readme, cases=CASES)
