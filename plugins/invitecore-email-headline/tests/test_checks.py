"""The ``invitecore_invitation_checks`` hook: missing, different and malformed emails."""

from __future__ import annotations

import pytest

from invitecore import Finding, Invitation, Profile
from invitecore.settings import Settings
from invitecore_email_headline import plugin
from invitecore_email_headline.rules import RULES

WITH_ADDRESS = Profile(name="Jane Doe", headline="Coach | jane [at] example [dot] com")
WITHOUT_ADDRESS = Profile(name="Jane Doe", headline="Coach at Acme")


def findings(invitation: Invitation, profile: Profile, settings: Settings) -> list[Finding]:
    result = plugin.invitecore_invitation_checks(
        invitation=invitation, profile=profile, settings=settings
    )
    declared = {rule.code for rule in RULES}
    assert all(finding.code in declared for finding in result)
    return result


@pytest.mark.parametrize("relationship", ["other", "friend"])
def test_missing_email_suggests_the_listed_one(relationship: str, settings: Settings) -> None:
    invitation = Invitation(note="Hi Jane", relationship=relationship)
    [finding] = findings(invitation, WITH_ADDRESS, settings)
    assert finding.code == "EMH201"
    assert finding.field == "email"
    assert finding.suggestion is not None
    assert "jane@example.com" in finding.suggestion
    assert "headline" in finding.suggestion
    assert f"'{relationship}'" in finding.message


def test_missing_email_without_a_listed_one_says_linkedin_will_ask(settings: Settings) -> None:
    [finding] = findings(Invitation(relationship="other", email="  "), WITHOUT_ADDRESS, settings)
    assert finding.code == "EMH201"
    assert finding.suggestion is not None
    assert "LinkedIn will ask" in finding.suggestion
    assert "'other' and 'friend' need one" in finding.suggestion


def test_profile_emails_count_as_listed(settings: Settings) -> None:
    profile = Profile(name="Jane Doe", emails=("", "not-an-address", "Jane.Doe@Example.org"))
    [finding] = findings(Invitation(relationship="friend"), profile, settings)
    assert finding.suggestion is not None
    assert finding.suggestion == (
        "Enter jane.doe@example.org as the invitation's email"
        " (listed in your contact data (profile emails))"
    )
    assert finding.message.endswith("(in your contact data (profile emails))")


def test_profile_emails_are_normalised_as_email_validator_does(settings: Settings) -> None:
    # The Kelvin sign (U+212A) in a domain is the letter k for IDNA: the same address.
    profile = Profile(name="Jane Doe", emails=("jane@example\u212a.com",))
    [finding] = findings(Invitation(relationship="friend"), profile, settings)
    assert finding.suggestion is not None
    assert "jane@examplek.com" in finding.suggestion
    same = Invitation(relationship="friend", email="Jane@ExampleK.com")
    assert findings(same, profile, settings) == []
    [other] = findings(Invitation(relationship="friend", email="jd@example.org"), profile, settings)
    assert other.code == "EMH202"


def test_refused_address_is_not_suggested(settings: Settings) -> None:
    profile = Profile(name="Jane Doe", about="Do not contact me at jane@example.com.")
    [finding] = findings(Invitation(relationship="other"), profile, settings)
    assert finding.suggestion is not None
    assert "jane@example.com" not in finding.suggestion


@pytest.mark.parametrize("relationship", ["colleague", "classmate", "business", "group", "none"])
def test_relationships_that_need_no_email(relationship: str, settings: Settings) -> None:
    assert findings(Invitation(relationship=relationship), WITH_ADDRESS, settings) == []


def test_matching_email_is_fine(settings: Settings) -> None:
    invitation = Invitation(relationship="other", email=" Jane@Example.com ")
    assert findings(invitation, WITH_ADDRESS, settings) == []


def test_different_email(settings: Settings) -> None:
    invitation = Invitation(relationship="colleague", email="  jdoe@example.net")
    [finding] = findings(invitation, WITH_ADDRESS, settings)
    assert finding.code == "EMH202"
    assert finding.suggestion == "Use jane@example.com"
    assert finding.field == "email"
    assert finding.span == (2, 18)
    assert "jdoe@example.net" in finding.message
    assert "jane@example.com" in finding.message


def test_different_email_lists_every_alternative(settings: Settings) -> None:
    profile = Profile(name="Jane Doe", headline="jane@example.com", emails=("jd@example.org",))
    [finding] = findings(Invitation(email="x@example.net"), profile, settings)
    assert finding.suggestion == "Use jane@example.com (or jd@example.org)"


def test_any_listed_email_matches(settings: Settings) -> None:
    profile = Profile(name="Jane Doe", headline="jane@example.com", emails=("jd@example.org",))
    invitation = Invitation(relationship="other", email="jd@example.org")
    assert findings(invitation, profile, settings) == []


def test_email_without_a_listed_one_is_not_a_mismatch(settings: Settings) -> None:
    invitation = Invitation(relationship="other", email="x@example.net")
    assert findings(invitation, WITHOUT_ADDRESS, settings) == []


@pytest.mark.parametrize(
    ("email", "reason"),
    [
        ("jane.example.com", "no '@'"),
        ("jane@example", "no dot"),
        ("jane@@example.com", "'@'"),
        ("jane doe@example.com", "SPACE"),
        ("юзер@екзампл", "period"),
        ("jane@example.c0m", "not all letters"),
        ("jane@example.c", "shorter than 2"),
    ],
)
def test_malformed_email_is_an_error(email: str, reason: str, settings: Settings) -> None:
    invitation = Invitation(relationship="business", email=email)
    [finding] = findings(invitation, WITHOUT_ADDRESS, settings)
    assert finding.code == "EMH203"
    assert reason in finding.message
    assert finding.span == (0, len(email))
    assert finding.suggestion == "Correct the address: it should look like name@example.com"
    error = {rule.code: rule.severity for rule in RULES}["EMH203"]
    assert error.value == "error"


def test_malformed_email_suggests_the_listed_one(settings: Settings) -> None:
    [finding] = findings(Invitation(email="jane@example"), WITH_ADDRESS, settings)
    assert finding.code == "EMH203"
    assert finding.suggestion == "Use jane@example.com (listed in the headline)"


def test_obfuscated_email_in_the_form_is_malformed_with_a_plain_fix(settings: Settings) -> None:
    [finding] = findings(Invitation(email="jd [at] example [dot] org"), WITH_ADDRESS, settings)
    assert finding.code == "EMH203"
    assert finding.suggestion == "Write it as a plain address: jd@example.org"


@pytest.mark.parametrize(
    "email",
    [
        "jeff@臺網中心.tw",
        "ñoñó@example.tld",
        "юзер@екзампл.ком",
        "ιωάννης@εεττ.gr",
        "葉士豪@臺網中心.台灣",
        "राम@मोहन.ईन्फो",
        "محمد@مثال.مصر",
    ],
)
def test_internationalised_emails_are_not_malformed(email: str, settings: Settings) -> None:
    assert findings(Invitation(relationship="other", email=email), WITHOUT_ADDRESS, settings) == []


IDN_PROFILE = Profile(name="Jeff", headline="工程師 | jeff@臺網中心.tw")


@pytest.mark.parametrize(
    "email",
    ["jeff@臺網中心.tw", "jeff@xn--fiqq24b10vi0d.tw", "JEFF@臺網中心.TW", " jeff@臺網中心.tw "],
)
def test_the_same_address_in_another_form_matches(email: str, settings: Settings) -> None:
    # Compared in email-validator's normalised form: IDNA's Unicode domain, lower case.
    assert findings(Invitation(relationship="other", email=email), IDN_PROFILE, settings) == []


def test_a_different_internationalised_address(settings: Settings) -> None:
    invitation = Invitation(relationship="other", email=" 葉士豪@臺網中心.tw")
    [finding] = findings(invitation, IDN_PROFILE, settings)
    assert finding.code == "EMH202"
    assert finding.suggestion == "Use jeff@臺網中心.tw"
    assert finding.span == (1, len(invitation.email or ""))


def test_obfuscated_internationalised_email_has_a_plain_fix(settings: Settings) -> None:
    invitation = Invitation(relationship="other", email="юзер [at] екзампл [dot] ком")
    [finding] = findings(invitation, WITHOUT_ADDRESS, settings)
    assert finding.code == "EMH203"
    assert finding.suggestion == "Write it as a plain address: юзер@екзампл.ком"
