"""Data-driven rule cases: a plugin's examples and tests in one TOML (or YAML) file.

A rule-case file holds cases, each an input (profile, invitation, sender, settings) and what
the plugins under test must make of it: the rule it is about, whether it yields that rule (a
*bad* example) or not (a *good* one), and optionally the span, the camp, the verdict and the
exact codes. One parametrised test runs them all (see :mod:`invitecore.testing`), and the
documentation's rule index shows them as each rule's examples. The format::

    # Keys every case starts from; a case's own tables are merged over them, key by key.
    [defaults]
    profile = { name = "Noor Haddad", first_name = "Noor" }

    [[case]]
    id = "asks-for-a-quick-call"        # unique in the file; the test's id
    rule = "EXA101"                     # the rule the case is about
    yields = true                       # the default: a bad example, it yields the rule
    span = "quick call"                 # the text at the span (or [start, end] offsets)
    invitation = { note = "Could we hop on a quick call?", relationship = "colleague" }

    [[case]]
    id = "calligraphy-is-not-a-call"
    rule = "EXA101"
    yields = false                      # a good example: the rule stays quiet
    invitation = { note = "I enjoyed your quick calligraphy demo." }

Optional expectations: ``field`` and ``severity`` (of the rule's finding or signal),
``findings``, ``signals``, ``factors`` and ``advice`` (the exact codes of each kind, in any
order), ``camp``, ``verdict``, ``risk-level`` and ``risk`` (the score). ``settings`` is the
table of the plugin under test (the first one given); ``config`` is a whole config table
(``ignore``, ``plugins.<name>``, ...). Every case must come out without plugin errors.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from invitecore._suggest import did_you_mean
from invitecore.results import Case, CaseResult, Source

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = [
    "RuleCase",
    "RuleCaseError",
    "covered_rules",
    "load_rule_cases",
    "shipped_rule_cases",
]

RULE_CASES_FILENAME = "rule_cases.toml"

_INPUT_KEYS = ("profile", "invitation", "sender")
_EXPECT_KEYS = (
    "span",
    "field",
    "severity",
    "findings",
    "signals",
    "factors",
    "advice",
    "camp",
    "verdict",
    "risk-level",
    "risk",
)
_CASE_KEYS = frozenset(
    ("id", "rule", "yields", "description", "settings", "config", *_INPUT_KEYS, *_EXPECT_KEYS)
)


class RuleCaseError(ValueError):
    """A rule-case file that does not fit the format, named by file, line and case."""


@attrs.frozen(kw_only=True)
class RuleCase:
    """One case of a rule-case file: its input and what the plugins must make of it.

    ``str(case)`` is its id, so ``pytest.mark.parametrize(..., ids=str)`` names tests by it.
    """

    id: str
    rule: str | None
    yields: bool
    description: str
    case: Case
    settings: Mapping[str, Any]
    config: Mapping[str, Any]
    expect: Mapping[str, Any]
    raw: Mapping[str, Any]
    file: str
    line: int | None

    def __str__(self) -> str:
        return self.id

    @property
    def where(self) -> str:
        """``file:line`` of the case's ``[[case]]`` header."""
        return f"{self.file}:{self.line}" if self.line else self.file

    @property
    def inputs(self) -> dict[str, Any]:
        """The case's input tables as written (defaults merged): profile, invitation, sender
        and settings, the ones it has; what the rule index shows as the example."""
        return {key: self.raw[key] for key in (*_INPUT_KEYS, "settings") if self.raw.get(key)}

    def run(self, *plugins: object) -> CaseResult:
        """Evaluate the case with exactly ``plugins``; the first is the plugin under test, whose
        table ``settings`` is. Raises if a plugin fails to load."""
        from invitecore.config import parse_config
        from invitecore.testing import _plugin_name, evaluate_case

        if not plugins:
            raise TypeError("RuleCase.run needs the plugins under test")
        try:
            config = parse_config(self.config, file=self.file)
        except ValueError as exc:
            raise RuleCaseError(f"{self.where}: case {self.id}: config: {exc}") from None
        if self.settings:
            name = _plugin_name(plugins[0])
            table = {**config.plugin_table(name), **self.settings}
            config = attrs.evolve(config, plugins={**config.plugins, name: table})
        return evaluate_case(
            *plugins,
            profile=self.case.profile,
            invitation=self.case.invitation,
            sender=self.case.sender,
            config=config,
        )

    def check(self, *plugins: object) -> CaseResult:
        """Run the case (see :meth:`run`) and assert every expectation; return the result.

        :raises AssertionError: naming the file, line and case, and what differed.
        """
        from invitecore import testing

        result = self.run(*plugins)
        try:
            assert not result.errors, f"plugin errors: {list(result.errors)}"
            if self.rule is not None and self.yields:
                testing.assert_yields(
                    result,
                    self.rule,
                    span=self.expect.get("span"),
                    field=self.expect.get("field"),
                    severity=self.expect.get("severity"),
                )
            elif self.rule is not None:
                testing.assert_not_yields(result, self.rule)
            for kind in ("findings", "signals", "factors", "advice"):
                if kind in self.expect:
                    found = sorted(testing.codes_of(result, kind))
                    expected = sorted(self.expect[kind])
                    assert found == expected, f"{kind}: expected {expected}, got {found}"
            if "camp" in self.expect:
                testing.assert_camp(result, self.expect["camp"])
            if "verdict" in self.expect:
                assert result.verdict == self.expect["verdict"], (
                    f"verdict: expected {self.expect['verdict']}, got {result.verdict}"
                )
            if "risk-level" in self.expect or "risk" in self.expect:
                assert result.risk is not None, "no risk on the result"
                if "risk-level" in self.expect:
                    assert result.risk.level == self.expect["risk-level"], (
                        f"risk level: expected {self.expect['risk-level']}, got {result.risk.level}"
                    )
                if "risk" in self.expect:
                    assert result.risk.score == self.expect["risk"], (
                        f"risk: expected {self.expect['risk']}, got {result.risk.score}"
                    )
        except AssertionError as exc:
            raise AssertionError(f"{self.where}: case {self.id}: {exc}") from None
        return result


def _read(path: Path) -> tuple[Any, str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".yaml", ".yml"):
        try:
            yaml: Any = importlib.import_module("yaml")
        except ImportError:  # pragma: no cover - depends on the environment
            raise RuleCaseError(f"{path}: reading YAML rule cases needs PyYAML") from None
        try:
            return yaml.safe_load(text) or {}, text
        except yaml.YAMLError as exc:
            raise RuleCaseError(f"{path}: invalid YAML: {exc}") from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        raise RuleCaseError(f"{path}: invalid TOML: {exc}") from None


def _header_lines(text: str, yaml: bool) -> list[int]:
    """The line of each case in the file, in order (``[[case]]`` headers; ``- `` items in YAML
    are not located)."""
    if yaml:
        return []
    return [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip().replace(" ", "") == "[[case]]"
    ]


def _merged(defaults: Mapping[str, Any], table: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(defaults)
    for key, value in table.items():
        base = defaults.get(key)
        if isinstance(base, Mapping) and isinstance(value, Mapping):
            merged[key] = {**base, **value}
        else:
            merged[key] = value
    return merged


def _codes(value: Any, where: str, key: str) -> list[str]:
    if not (isinstance(value, list) and all(isinstance(item, str) for item in value)):
        raise RuleCaseError(f"{where}: {key}: expected a list of rule codes, got {value!r}")
    return [code.strip().upper() for code in value]


def load_rule_cases(path: str | Path) -> list[RuleCase]:
    """Read a rule-case file (``.toml``, or ``.yaml``/``.yml`` with PyYAML installed).

    :raises RuleCaseError: for a file or case that does not fit the format (unknown keys with a
        did-you-mean, duplicate ids, a profile field that does not exist), naming where.
    """
    from invitecore.errors import InputError
    from invitecore.inputs.cases import case_from_mapping

    path = Path(path)
    data, text = _read(path)
    shown = str(path)
    if not isinstance(data, Mapping):
        raise RuleCaseError(f"{shown}: expected a table with [[case]] entries")
    unknown = [key for key in data if key not in ("defaults", "case")]
    if unknown:
        raise RuleCaseError(
            f"{shown}: unknown key {unknown[0]!r}{did_you_mean(unknown[0], ['defaults', 'case'])}"
        )
    defaults = data.get("defaults", {})
    entries = data.get("case", [])
    if not isinstance(defaults, Mapping) or not isinstance(entries, list):
        raise RuleCaseError(f"{shown}: [defaults] must be a table and [[case]] a list of tables")
    lines = _header_lines(text, path.suffix in (".yaml", ".yml"))
    cases: list[RuleCase] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        line = lines[index] if index < len(lines) else None
        where = f"{shown}:{line}" if line else f"{shown} case {index + 1}"
        if not isinstance(entry, Mapping):
            raise RuleCaseError(f"{where}: expected a table, got {entry!r}")
        table = _merged(defaults, entry)
        for key in table:
            if key not in _CASE_KEYS:
                raise RuleCaseError(f"{where}: unknown key {key!r}{did_you_mean(key, _CASE_KEYS)}")
        case_id = table.get("id")
        if not isinstance(case_id, str) or not case_id:
            raise RuleCaseError(f"{where}: every case needs an id (text)")
        if case_id in seen:
            raise RuleCaseError(f"{where}: case id {case_id!r} is used twice")
        seen.add(case_id)
        rule = table.get("rule")
        if rule is not None and not isinstance(rule, str):
            raise RuleCaseError(f"{where}: rule: expected a rule code, got {rule!r}")
        yields = table.get("yields", True)
        if not isinstance(yields, bool):
            raise RuleCaseError(f"{where}: yields: expected true or false, got {yields!r}")
        expect = {key: table[key] for key in _EXPECT_KEYS if key in table}
        for key in ("findings", "signals", "factors", "advice"):
            if key in expect:
                expect[key] = _codes(expect[key], where, key)
        if ("span" in expect or "field" in expect or "severity" in expect) and not (
            rule and yields
        ):
            raise RuleCaseError(f"{where}: span, field and severity need a rule it yields")
        span = expect.get("span")
        if span is not None and not (
            isinstance(span, str)
            or (isinstance(span, list) and len(span) == 2 and all(isinstance(i, int) for i in span))
        ):
            raise RuleCaseError(f"{where}: span: expected the quoted text or [start, end]")
        if isinstance(span, list):
            expect["span"] = (span[0], span[1])
        for key in ("settings", "config"):
            if not isinstance(table.get(key, {}), Mapping):
                raise RuleCaseError(f"{where}: {key}: expected a table")
        source = Source(file=shown, line=line)
        inputs = {key: table[key] for key in _INPUT_KEYS if key in table}
        inputs.setdefault("profile", {"name": "Dana Example"})
        try:
            case = case_from_mapping({**inputs, "id": case_id}, source=source, kind="jsonl")
        except InputError as exc:
            raise RuleCaseError(f"{exc} (case {case_id})") from None
        description = table.get("description", "")
        cases.append(
            RuleCase(
                id=case_id,
                rule=rule.strip().upper() if rule else None,
                yields=yields,
                description=description if isinstance(description, str) else "",
                case=case,
                settings=dict(table.get("settings", {})),
                config=dict(table.get("config", {})),
                expect=expect,
                raw=table,
                file=shown,
                line=line,
            )
        )
    return cases


def shipped_rule_cases(plugin: object) -> Path | None:
    """The ``rule_cases.toml`` a plugin ships in its package, next to its hook module, if any.

    This is where the rule index of the documentation (and authors' tests) look for a plugin's
    examples, so keep the file inside the package: it is installed with it.
    """
    module = sys.modules.get(getattr(plugin, "__module__", "") or "")
    file = getattr(plugin, "__file__", None) or getattr(module, "__file__", None)
    if not file:
        return None
    found = Path(file).with_name(RULE_CASES_FILENAME)
    return found if found.is_file() else None


def covered_rules(cases: Iterable[RuleCase]) -> tuple[set[str], set[str]]:
    """The rules ``cases`` show yielding (bad examples) and staying quiet (good ones)."""
    bad = {case.rule for case in cases if case.rule and case.yields}
    good = {case.rule for case in cases if case.rule and not case.yields}
    return bad, good
