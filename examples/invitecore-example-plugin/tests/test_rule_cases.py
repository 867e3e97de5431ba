"""Every case of the plugin's rule-case file, through the real engine: one test per case."""

from __future__ import annotations

from pathlib import Path

import pytest
from invitecore.testing import RuleCase, load_rule_cases

from invitecore_example import plugin

CASES = Path(plugin.__file__).with_name("rule_cases.toml")


@pytest.mark.parametrize("case", load_rule_cases(CASES), ids=str)
def test_rule_case(case: RuleCase) -> None:
    case.check(("example", plugin))
