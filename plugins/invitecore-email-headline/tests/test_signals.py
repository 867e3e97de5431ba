"""The ``invitecore_profile_signals`` hook: one open signal per address, weighted by field."""

from __future__ import annotations

import pytest

from conftest import make_settings
from invitecore import Camp, Profile, Signal
from invitecore.settings import Settings
from invitecore_email_headline import plugin
from invitecore_email_headline.rules import RULES


def signals(profile: Profile, settings: Settings) -> list[Signal]:
    result = plugin.invitecore_profile_signals(profile=profile, settings=settings)
    declared = {rule.code for rule in RULES}
    for signal in result:
        assert signal.code in declared
        assert signal.field is not None
        assert signal.span is not None
        text = profile.field_text(signal.field)
        assert text is not None
        written = text[signal.span[0] : signal.span[1]]
        # The evidence at the span reads as the address once obfuscation is undone.
        assert signal.value is not None
        assert signal.value.split("@")[0].split(".")[0] in written.lower()
    return result


def evidence(profile: Profile, signal: Signal) -> str:
    assert signal.field is not None
    assert signal.span is not None
    text = profile.field_text(signal.field)
    assert text is not None
    return text[signal.span[0] : signal.span[1]]


def test_headline_address(settings: Settings) -> None:
    profile = Profile(name="Jane Doe", headline="Growth coach | jane.doe@example.com | Invites OK")
    [signal] = signals(profile, settings)
    assert signal.code == "EMH101"
    assert signal.camp is Camp.OPEN
    assert signal.weight == pytest.approx(0.6)
    assert signal.field == "headline"
    assert evidence(profile, signal) == "jane.doe@example.com"
    assert signal.value == "jane.doe@example.com"
    assert signal.label == "email address in headline: jane.doe@example.com"


def test_name_address(settings: Settings) -> None:
    profile = Profile(name="Jane Doe (jane@example.com)", headline="Sales @ Acme.com")
    [signal] = signals(profile, settings)
    assert (signal.code, signal.field, signal.weight) == ("EMH102", "name", 0.6)
    assert signal.span == (10, 26)


def test_about_address_is_weaker(settings: Settings) -> None:
    profile = Profile(name="Jane Doe", about="I coach founders. Write to me: jane@example.com")
    [signal] = signals(profile, settings)
    assert (signal.code, signal.field) == ("EMH103", "about")
    assert signal.weight == pytest.approx(0.3)
    assert signal.label == "email address in about text: jane@example.com"


def test_obfuscated_address_says_so_in_the_label(settings: Settings) -> None:
    profile = Profile(name="Jane Doe", headline="Open to connect: jane [at] example [dot] com")
    [signal] = signals(profile, settings)
    assert signal.value == "jane@example.com"
    assert signal.label == "email address in headline: jane@example.com (obfuscated)"
    assert evidence(profile, signal) == "jane [at] example [dot] com"


def test_refused_address_gives_no_signal(settings: Settings) -> None:
    profile = Profile(name="Jane Doe", about="Please do not contact me at jane@example.com.")
    assert signals(profile, settings) == []


def test_company_forms_give_no_signal(settings: Settings) -> None:
    profile = Profile(
        name="Jane Doe",
        headline="Product @ Stripe | ex-Marketing @ HubSpot.com | @janedoe on X",
        about="Engineer at Google dot com alumni. Find me at example dot com.",
    )
    assert signals(profile, settings) == []


def test_same_address_twice_is_one_signal_from_the_strongest_field(settings: Settings) -> None:
    profile = Profile(
        name="Jane Doe",
        headline="Coach | JANE@example.com",
        about="Mail jane@example.com or jane at example dot com.",
    )
    [signal] = signals(profile, settings)
    assert (signal.code, signal.field, signal.value) == ("EMH101", "headline", "jane@example.com")


def test_stronger_field_wins_even_when_it_comes_later() -> None:
    settings = make_settings({"about-weight": 0.9})
    profile = Profile(name="Jane Doe", headline="jane@example.com", about="jane@example.com")
    [signal] = signals(profile, settings)
    assert (signal.field, signal.weight) == ("about", 0.9)


def test_distinct_addresses_give_distinct_signals(settings: Settings) -> None:
    profile = Profile(
        name="Jane Doe", headline="jane@example.com", about="Work: jane.doe@example.org"
    )
    assert [s.value for s in signals(profile, settings)] == [
        "jane@example.com",
        "jane.doe@example.org",
    ]


def test_weights_are_settings() -> None:
    settings = make_settings({"headline-weight": 0.5, "name-weight": 0.45, "about-weight": 0.2})
    profile = Profile(name="jane@example.org", headline="jane@example.com", about="a@example.net")
    assert [s.weight for s in signals(profile, settings)] == [0.5, 0.45, 0.2]


def test_groups_and_other_fields_are_not_read(settings: Settings) -> None:
    profile = Profile(name="Jane Doe", groups=("jane@example.com",), company="x@example.com")
    assert signals(profile, settings) == []


def test_no_text_no_signal(settings: Settings) -> None:
    assert signals(Profile(name=""), settings) == []


@pytest.mark.parametrize(
    ("profile", "code", "label", "written"),
    [
        (
            Profile(name="Jeff", headline="工程師 | 葉士豪@臺網中心.台灣"),
            "EMH101",
            "email address in headline: 葉士豪@臺網中心.台灣",
            "葉士豪@臺網中心.台灣",
        ),
        (
            Profile(name="Ιωάννης (ιωάννης@εεττ.gr)"),
            "EMH102",
            "email address in name: ιωάννης@εεττ.gr",
            "ιωάννης@εεττ.gr",
        ),
        (
            Profile(name="Иван", about="Пишите: ЮЗЕР [at] екзампл [dot] ком."),
            "EMH103",
            "email address in about text: юзер@екзампл.ком (obfuscated)",
            "ЮЗЕР [at] екзампл [dot] ком",
        ),
        (
            Profile(name="Ram", about="संपर्क: राम@मोहन.ईन्फो।"),
            "EMH103",
            "email address in about text: राम@मोहन.ईन्फो",
            "राम@मोहन.ईन्फो",
        ),
        (
            Profile(name="Ali", headline="مهندس | البريد: محمد@مثال.مصر"),
            "EMH101",
            "email address in headline: محمد@مثال.مصر",
            "محمد@مثال.مصر",
        ),
    ],
)
def test_signals_in_other_scripts_rest_on_the_address_as_written(
    profile: Profile, code: str, label: str, written: str, settings: Settings
) -> None:
    [signal] = plugin.invitecore_profile_signals(profile=profile, settings=settings)
    assert (signal.code, signal.label) == (code, label)
    assert signal.field is not None
    assert signal.span is not None
    text = profile.field_text(signal.field)
    assert text is not None
    assert text[signal.span[0] : signal.span[1]] == written
