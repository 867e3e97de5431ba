"""select / ignore / severity by rule-code prefix, ruff-style: longest match wins, ignore ties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from invitecore import Severity
from invitecore.rulefilter import RuleFilter

CODES = ["LIO101", "LIO102", "LIO201", "EML101", "PER101", "SPM301"]


def enabled(select: list[str], ignore: list[str]) -> list[str]:
    rule_filter = RuleFilter(select, ignore)
    return [code for code in CODES if rule_filter.enabled(code)]


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ([], [], CODES),
        (["LIO"], [], ["LIO101", "LIO102", "LIO201"]),
        (["LIO1", "EML101"], [], ["LIO101", "LIO102", "EML101"]),
        (["XYZ"], [], []),
        ([], ["LIO"], ["EML101", "PER101", "SPM301"]),
        ([], ["LIO102"], ["LIO101", "LIO201", "EML101", "PER101", "SPM301"]),
        # A longer ignore beats a shorter select ...
        (["LIO"], ["LIO1"], ["LIO201"]),
        # ... and a longer select beats a shorter ignore.
        (["LIO101"], ["LIO"], ["LIO101"]),
        # On a tie, ignore wins.
        (["LIO"], ["LIO"], []),
        (["LIO101"], ["LIO101"], []),
        # ALL matches everything, with the lowest precedence.
        (["ALL"], [], CODES),
        (["ALL"], ["LIO"], ["EML101", "PER101", "SPM301"]),
        ([], ["ALL"], []),
        (["ALL"], ["ALL"], []),
        (["LIO101", "PER"], ["ALL"], ["LIO101", "PER101"]),
    ],
)
def test_select_ignore(select: list[str], ignore: list[str], expected: list[str]) -> None:
    assert enabled(select, ignore) == expected


def test_answers_are_stable_when_cached() -> None:
    rule_filter = RuleFilter(["LIO"], ["LIO2"])
    first = [rule_filter.enabled(code) for code in CODES]
    assert [rule_filter.enabled(code) for code in CODES] == first


def test_severity_override_longest_match() -> None:
    rule_filter = RuleFilter(
        severity={"LIO": Severity.INFO, "LIO1": Severity.ERROR, "LIO102": Severity.WARNING}
    )
    assert rule_filter.severity_for("LIO101") is Severity.ERROR
    assert rule_filter.severity_for("LIO102") is Severity.WARNING
    assert rule_filter.severity_for("LIO201") is Severity.INFO
    assert rule_filter.severity_for("EML101") is None
    assert rule_filter.severity_for("EML101") is None  # the cached answer


def test_severity_all_applies_to_every_code() -> None:
    rule_filter = RuleFilter(severity={"ALL": Severity.ERROR, "LIO": Severity.INFO})
    assert rule_filter.severity_for("LIO101") is Severity.INFO
    assert rule_filter.severity_for("EML101") is Severity.ERROR


def test_unknown_selectors() -> None:
    rule_filter = RuleFilter(["LIO", "ALL", "XYZ"], ["EML9"], {"PER1": Severity.INFO, "Q": "info"})
    assert rule_filter.unknown_selectors(CODES) == ["XYZ", "EML9", "Q"]


code_strategy = st.from_regex(r"[A-C]{2}[0-2]{3}", fullmatch=True)
prefix_strategy = code_strategy.flatmap(lambda code: st.integers(1, 5).map(lambda n: code[:n]))
entries = st.lists(prefix_strategy | code_strategy | st.just("ALL"), max_size=4)


@given(code=code_strategy, ignore=entries)
def test_empty_select_means_everything_not_ignored(code: str, ignore: list[str]) -> None:
    ignored = any(entry == "ALL" or code.startswith(entry) for entry in ignore)
    assert RuleFilter([], ignore).enabled(code) is not ignored


@given(code=code_strategy, select=entries, ignore=entries)
def test_exact_ignore_always_wins(code: str, select: list[str], ignore: list[str]) -> None:
    assert not RuleFilter(select, [*ignore, code]).enabled(code)


@given(code=code_strategy, select=entries, ignore=entries)
def test_exact_select_wins_unless_ignored_exactly(
    code: str, select: list[str], ignore: list[str]
) -> None:
    ignore = [entry for entry in ignore if entry != code]
    assert RuleFilter([*select, code], ignore).enabled(code)


@given(code=code_strategy, select=entries, ignore=entries, extra=prefix_strategy)
def test_more_ignores_never_enable(
    code: str, select: list[str], ignore: list[str], extra: str
) -> None:
    if not RuleFilter(select, ignore).enabled(code):
        assert not RuleFilter(select, [*ignore, extra]).enabled(code)


@given(code=code_strategy, select=entries, ignore=entries, extra=prefix_strategy)
def test_more_selects_never_disable(
    code: str, select: list[str], ignore: list[str], extra: str
) -> None:
    if select and RuleFilter(select, ignore).enabled(code):
        assert RuleFilter([*select, extra], ignore).enabled(code)


@given(code=code_strategy, select=entries, ignore=entries)
def test_no_matching_select_disables(code: str, select: list[str], ignore: list[str]) -> None:
    select = [e for e in select if e != "ALL" and not code.startswith(e)]
    if select:
        assert not RuleFilter(select, ignore).enabled(code)
