"""The settings are compiled once per run, not once per case: compiling every rule costs about
a thousand times what reading one note does (benchmarks/bench_personalization.py)."""

from __future__ import annotations

from conftest import DEFAULT_SETTINGS
from invitecore_personalization.patterns import compiled


def test_the_same_settings_give_the_same_compiled_rules() -> None:
    assert compiled(DEFAULT_SETTINGS) is compiled(DEFAULT_SETTINGS)
