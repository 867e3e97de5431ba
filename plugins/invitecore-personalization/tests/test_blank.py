"""PER101 by camp and relationship: a blank invitation is normal practice with an open
networker or with someone who knows you (docs/sources.md sections 1 and 9), an error with a
selective connector or a stranger of unknown or in-between camp."""

from __future__ import annotations

import pytest

from conftest import check, make_settings
from invitecore import Finding, NetworkingCamp, Relationship, Severity
from invitecore_personalization.patterns import compiled

KNOWN = [r.value for r in Relationship if not r.is_stranger]
STRANGERS = [r.value for r in Relationship if r.is_stranger]
NOT_OPEN = [c.value for c in NetworkingCamp if c is not NetworkingCamp.OPEN_NETWORKER]


class _Settled:
    """PER101 with its settled severity (none given: the rule's, an error)."""

    def __init__(self, finding: Finding) -> None:
        self.severity = finding.severity or Severity.ERROR
        self.message = finding.message
        self.suggestion = finding.suggestion or ""


def _per101(findings: list[Finding]) -> _Settled:
    assert [f.code for f in findings] == ["PER101"]
    return _Settled(findings[0])


def test_the_known_relationships_are_the_non_strangers() -> None:
    assert set(KNOWN) == {"colleague", "classmate", "business", "friend", "group"}
    assert set(STRANGERS) == {"other", "none"}


@pytest.mark.parametrize("relationship", KNOWN + STRANGERS)
def test_blank_to_an_open_networker_is_information(relationship: str) -> None:
    finding = _per101(check("", relationship=relationship, camp="open_networker"))
    assert finding.severity is Severity.INFO
    assert "normal practice" in finding.message
    assert "can still only help" in finding.suggestion


@pytest.mark.parametrize("camp", NOT_OPEN)
@pytest.mark.parametrize("relationship", KNOWN)
def test_blank_to_someone_who_knows_you_is_information(camp: str, relationship: str) -> None:
    finding = _per101(check("", relationship=relationship, camp=camp))
    assert finding.severity is Severity.INFO
    assert relationship in finding.message


@pytest.mark.parametrize("camp", NOT_OPEN)
@pytest.mark.parametrize("relationship", STRANGERS)
def test_blank_to_a_stranger_not_open_is_an_error(camp: str, relationship: str) -> None:
    finding = _per101(check("", relationship=relationship, camp=camp))
    assert finding.severity is Severity.ERROR
    assert finding.message == "The invitation has no note."


@pytest.mark.parametrize("note", ["", "   ", "\n\t"])
def test_whitespace_is_blank_too(note: str) -> None:
    assert _per101(check(note, camp="selective_connector")).severity is Severity.ERROR
    assert _per101(check(note, camp="open_networker")).severity is Severity.INFO


def test_a_note_is_never_per101_whatever_the_camp() -> None:
    for camp in NetworkingCamp:
        findings = check("Hi Dana, I saw your talk at PyData Warsaw.", camp=camp.value)
        assert "PER101" not in {f.code for f in findings}


def test_the_settings_make_it_stricter_or_looser() -> None:
    strict = make_settings({"blank-normal-for-camps": [], "blank-normal-for": []})
    for camp in NetworkingCamp:
        for relationship in Relationship:
            finding = _per101(
                check("", relationship=relationship.value, camp=camp.value, settings=strict)
            )
            assert finding.severity is Severity.ERROR
    loose = make_settings({"blank-normal-for-camps": ["open_networker", "in_between"]})
    assert _per101(check("", camp="in_between", settings=loose)).severity is Severity.INFO
    assert _per101(check("", camp="unknown", settings=loose)).severity is Severity.ERROR
    friends_only = make_settings({"blank-normal-for": ["friend"]})
    friend = _per101(check("", relationship="friend", settings=friends_only))
    colleague = _per101(check("", relationship="colleague", settings=friends_only))
    assert friend.severity is Severity.INFO
    assert colleague.severity is Severity.ERROR


def test_a_misspelled_camp_or_relationship_is_refused() -> None:
    with pytest.raises(ValueError, match="open_networker"):
        compiled(make_settings({"blank-normal-for-camps": ["open-networker"]}))
    with pytest.raises(ValueError, match="colleague"):
        compiled(make_settings({"blank-normal-for": ["coworker"]}))


def test_a_free_account_is_not_promised_a_note() -> None:
    free = _per101(check("", account="free"))
    premium = _per101(check("", account="premium"))
    assert premium.suggestion.startswith("Add a short note: 'Hi Dana, ...'")
    assert not free.suggestion.startswith("Add a short note")
    assert "month" in free.suggestion



def test_through_the_engine_and_the_config_severity_override() -> None:
    from invitecore.config import Config
    from invitecore.testing import evaluate_case
    from invitecore_personalization import plugin

    blank = {"note": "", "relationship": "colleague"}
    profile = {"name": "Dana Kowalski"}
    (finding,) = evaluate_case(plugin, profile=profile, invitation=blank).findings
    assert finding.severity is Severity.INFO
    strict = Config(severity={"PER101": "error"})
    (finding,) = evaluate_case(plugin, profile=profile, invitation=blank, config=strict).findings
    assert finding.severity is Severity.ERROR
    stranger = {"note": "", "relationship": "none"}
    (finding,) = evaluate_case(plugin, profile=profile, invitation=stranger).findings
    assert finding.severity is Severity.ERROR
