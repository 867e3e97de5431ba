"""The plugin authors' test kit (invitecore.testing, invitecore.rulecases) and its pytest plugin,
on the inline sample plugin: TST101 for OPENNET in the profile, TST201 for no note, TST202 for
BUY in the note."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from invitecore import Classification, Invitation, Profile, Rule, Sender, hookimpl
from invitecore.testing import (
    RuleCaseError,
    assert_camp,
    assert_finding,
    assert_no_finding,
    assert_not_yields,
    assert_yields,
    check_declarations,
    codes_of,
    evaluate_case,
    load_rule_cases,
    make_case,
    make_invitation,
    make_profile,
    make_sender,
)

CASES = """
[defaults]
profile = { name = "Ada Lane", headline = "Buyer" }
invitation = { relationship = "colleague" }

[[case]]
id = "a-pitch"
rule = "TST202"
invitation = { note = "Hi Ada, BUY now" }
span = "BUY"
severity = "error"
findings = ["TST202"]

[[case]]
id = "no-pitch"
rule = "TST202"
yields = false
invitation = { note = "Hi Ada" }
findings = []

[[case]]
id = "open-word"
rule = "TST101"
profile = { headline = "OPENNET member" }
span = [0, 7]
field = "headline"
camp = "open_networker"

[[case]]
id = "weaker-with-a-setting"
rule = "TST101"
profile = { headline = "OPENNET" }
settings = { open-weight = 0.3 }
camp = "in_between"

[[case]]
id = "ignored"
rule = "TST202"
yields = false
invitation = { note = "BUY" }
config = { ignore = ["TST202"] }
"""


def write(tmp_path: Path, text: str, name: str = "rule_cases.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def sample(sample_plugin: Any) -> tuple[str, Any]:
    return ("sample", sample_plugin)


class TestRuleCases:
    def test_every_case_runs_and_passes(self, tmp_path: Path, sample: Any) -> None:
        cases = load_rule_cases(write(tmp_path, CASES))
        assert [str(case) for case in cases] == [
            "a-pitch",
            "no-pitch",
            "open-word",
            "weaker-with-a-setting",
            "ignored",
        ]
        for case in cases:
            case.check(sample)

    def test_defaults_merge_key_by_key(self, tmp_path: Path) -> None:
        case = load_rule_cases(write(tmp_path, CASES))[2]
        assert case.case.profile == Profile(name="Ada Lane", headline="OPENNET member")
        assert case.inputs == {
            "profile": {"name": "Ada Lane", "headline": "OPENNET member"},
            "invitation": {"relationship": "colleague"},
        }
        assert case.line == 21
        assert case.where.endswith("rule_cases.toml:21")

    @pytest.mark.parametrize(
        ("old", "new", "message"),
        [
            (
                "Hi Ada, BUY now",
                "Hi Ada",
                "rule_cases.toml:6: case a-pitch: expected TST202 on 'BUY'",
            ),
            ('span = "BUY"', 'span = "BUY now"', "on 'BUY now', found TST202 on note[8, 11] 'BUY'"),
            ('severity = "error"', 'severity = "warning"', "expected TST202 on 'BUY'"),
            ('findings = ["TST202"]', 'findings = ["TST203"]', "findings: expected ['TST203']"),
        ],
    )
    def test_a_failing_case_names_where_and_what_was_found(
        self, tmp_path: Path, sample: Any, old: str, new: str, message: str
    ) -> None:
        case = load_rule_cases(write(tmp_path, CASES.replace(old, new, 1)))[0]
        with pytest.raises(AssertionError) as failed:
            case.check(sample)
        assert message in str(failed.value)

    def test_a_good_case_that_yields_fails(self, tmp_path: Path, sample: Any) -> None:
        text = CASES.replace('invitation = { note = "Hi Ada" }', 'invitation = { note = "BUY" }')
        case = load_rule_cases(write(tmp_path, text))[1]
        with pytest.raises(AssertionError, match="case no-pitch: expected no TST202"):
            case.check(sample)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ('[[case]]\nid = "x"\nrul = "TST101"\n', "unknown key 'rul' (did you mean 'rule'?)"),
            ('[[case]]\nrule = "TST101"\n', ":1: every case needs an id"),
            ('[[case]]\nid = "x"\n[[case]]\nid = "x"\n', ":3: case id 'x' is used twice"),
            ('[[case]]\nid = "x"\nyields = false\nspan = "a"\n', "need a rule it yields"),
            ('[[case]]\nid = "x"\nrule = "A101"\nspan = 3\n', "span: expected the quoted text"),
            ('[[case]]\nid = "x"\nfindings = "TST101"\n', "findings: expected a list of rule"),
            (
                '[[case]]\nid = "x"\nprofile = { name = "A", abot = "y" }\n',
                "profile.abot: unknown key (did you mean 'about'?)",
            ),
            ('[[cases]]\nid = "x"\n', "unknown key 'cases' (did you mean 'case'?)"),
            ("[[case]\n", "invalid TOML"),
        ],
    )
    def test_a_file_that_does_not_fit_is_an_error_naming_where(
        self, tmp_path: Path, text: str, message: str
    ) -> None:
        with pytest.raises(RuleCaseError) as failed:
            load_rule_cases(write(tmp_path, text))
        assert message in str(failed.value)
        assert "rule_cases.toml" in str(failed.value)

    def test_yaml_reads_the_same_cases(self, tmp_path: Path, sample: Any) -> None:
        yaml_text = """
        defaults:
          profile: {name: Ada Lane}
        case:
          - id: a-pitch
            rule: TST202
            invitation: {note: "BUY now"}
            span: BUY
          - id: no-pitch
            rule: TST202
            yields: false
            invitation: {note: Hi}
        """
        cases = load_rule_cases(write(tmp_path, yaml_text, "rule_cases.yaml"))
        assert [c.id for c in cases] == ["a-pitch", "no-pitch"]
        for case in cases:
            case.check(sample)

    def test_check_declarations_wants_a_case_for_every_rule(self, tmp_path: Path) -> None:
        class TwoRules:
            @staticmethod
            @hookimpl
            def invitecore_rules() -> list[Rule]:
                return [
                    Rule(code="TWO101", summary="one", explanation="One."),
                    Rule(code="TWO102", summary="two", explanation="Two."),
                ]

        only_one = write(tmp_path, '[[case]]\nid = "a"\nrule = "TWO101"\n')
        with pytest.raises(AssertionError, match=r"has no case that yields \['TWO102'\]"):
            check_declarations(TwoRules, name="two", cases=only_one)
        strange = write(
            tmp_path,
            only_one.read_text() + '[[case]]\nid = "b"\nrule = "TWO102"\n'
            '[[case]]\nid = "c"\nrule = "XYZ101"\n',
            "more.toml",
        )
        with pytest.raises(AssertionError, match=r"rules two lacks: \['XYZ101'\]"):
            check_declarations(TwoRules, name="two", cases=strange)


class TestAssertions:
    def test_finding_by_span_text_or_offsets(self, sample: Any) -> None:
        result = evaluate_case(sample, profile={"name": "Ada"}, invitation={"note": "Hi, BUY"})
        finding = assert_finding(result, "TST202", span="BUY", field="note", severity="error")
        assert finding.span == (4, 7)
        assert assert_finding(result, "TST202", span=(4, 7)) is finding
        assert_no_finding(result, "TST201")
        with pytest.raises(AssertionError, match=r"expected finding TST202 on 'Hi', found TST202"):
            assert_finding(result, "TST202", span="Hi")
        with pytest.raises(AssertionError, match="expected no finding TST202"):
            assert_no_finding(result, "TST202")

    def test_any_kind_of_output(self, sample: Any) -> None:
        result = evaluate_case(sample, profile={"name": "Ada", "headline": "OPENNET"})
        assert_yields(result, "TST101", span="OPENNET", field="headline")
        assert_yields(result, "TST301")  # a risk factor: no note
        assert_not_yields(result, "TST202")
        assert codes_of(result, "signals") == ["TST101"]
        assert "TST301" in codes_of(result, "factors")
        with pytest.raises(AssertionError, match="expected no TST101, found TST101 on headline"):
            assert_not_yields(result, "TST101")

    def test_camp_says_the_evidence_when_it_fails(self, sample: Any) -> None:
        result = evaluate_case(sample, profile={"name": "Ada", "headline": "OPENNET"})
        assert_camp(result, "open_networker")
        with pytest.raises(AssertionError) as failed:
            assert_camp(result, "selective_connector")
        assert "got open_networker (confidence 0.90) from TST101 on headline[0, 7]" in str(
            failed.value
        )
        assert isinstance(result.classification, Classification)


def test_builders_have_defaults_and_take_overrides() -> None:
    assert make_profile() == Profile(name="Dana Example")
    assert make_profile({"name": "Ada"}, headline="x") == Profile(name="Ada", headline="x")
    assert make_invitation(note="Hi") == Invitation(note="Hi", relationship="none")
    assert make_sender(account="premium") == Sender(account="premium")
    case = make_case({"name": "Ada"}, {"note": "Hi"}, id="a")
    assert (case.profile.name, case.invitation.note, case.sender, case.id) == (
        "Ada",
        "Hi",
        Sender(),
        "a",
    )
    assert make_profile(case.profile, headline="y").headline == "y"


def test_the_pytest_plugin_gives_fixtures_for_the_plugins_under_test(tmp_path: Path) -> None:
    """A plugin's own test suite, in a fresh pytest run: the fixtures come from the pytest11
    entry point, with only the plugins its conftest names."""
    (tmp_path / "my_rules.py").write_text(
        textwrap.dedent(
            """
            from invitecore import Finding, Rule, Setting, hookimpl

            @hookimpl
            def invitecore_rules():
                return [Rule(code="MYR101", summary="hello")]

            @hookimpl
            def invitecore_settings():
                return [Setting(name="word", default="hello", description="d", source="s")]

            @hookimpl
            def invitecore_invitation_checks(invitation, settings):
                start = invitation.note.find(settings["word"])
                if start >= 0:
                    yield Finding(code="MYR101", message="m", field="note",
                                  span=(start, start + len(settings["word"])))
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "conftest.py").write_text(
        "import pytest, my_rules\n\n"
        "@pytest.fixture\n"
        "def invitecore_plugins():\n"
        '    return [("my-rules", my_rules)]\n',
        encoding="utf-8",
    )
    (tmp_path / "test_mine.py").write_text(
        textwrap.dedent(
            """
            from invitecore.testing import assert_finding

            def test_evaluate(invitecore_evaluate):
                result = invitecore_evaluate(invitation={"note": "well hello"})
                assert_finding(result, "MYR101", span="hello")
                assert result.findings[0].plugin == "my-rules"

            def test_settings(invitecore_settings):
                assert invitecore_settings(word="hi")["word"] == "hi"

            def test_engine(invitecore_engine):
                assert [r.name for r in invitecore_engine.loaded.records] == [
                    "invitecore.core", "my-rules"]
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "test_unconfigured.py").write_text("", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_mine.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 passed" in run.stdout


def test_without_an_override_the_fixture_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "test_it.py").write_text(
        "def test_it(invitecore_engine):\n    pass\n", encoding="utf-8"
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_it.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "override the invitecore_plugins fixture in conftest.py" in run.stdout
