"""The syntax check of addresses: email-validator's own test cases, and what invitecore adds.

The addresses below are a copy of the syntax cases of email-validator's test suite
(JoshData/python-email-validator, ``tests/test_syntax.py``, as published for the 2.x releases
that have ``strict`` and display names): the parametrisations of ``test_email_valid``,
``test_email_valid_intl_local_part``, ``test_email_valid_only_if_quoted_local_part``,
``test_email_invalid_syntax``, ``test_email_invalid_syntax_strict`` and
``test_email_invalid_reserved_domain``, inputs only (invitecore words its own messages), with the
normalised form the suite expects for each valid one. Left out: the unsafe-character and
``allow_smtputf8=False`` cases (they need ``test_environment=True``, an ``@test`` domain, or an
option invitecore does not use) and the pyIsEmail suite that file also carries.

invitecore validates with the library's defaults and no DNS look-up, so: the valid addresses
are accepted, those valid only with ``allow_quoted_local`` or ``allow_display_name`` are not,
the invalid ones are not, and those only ``strict=True`` refuses (a local part over 64
characters) are accepted.
"""

from __future__ import annotations

import unicodedata

import email_validator
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from invitecore_email_headline.syntax import (
    SPECIAL_USE_DOMAINS,
    address_problem,
    check_address,
    normalised_address,
)

# fmt: off
VALID = [
    # test_email_valid (the addresses that need no option)
    ("Abc@example.tld", "Abc@example.tld"),
    ("Abc.123@test-example.com", "Abc.123@test-example.com"),
    (
        "user+mailbox/department=shipping@example.tld",
        "user+mailbox/department=shipping@example.tld",
    ),
    ("!#$%&'*+-/=?^_`.{|}~@example.tld", "!#$%&'*+-/=?^_`.{|}~@example.tld"),
    ("jeff@臺網中心.tw", "jeff@臺網中心.tw"),
    # test_email_valid_intl_local_part
    ("伊昭傑@郵件.商務", "伊昭傑@郵件.商務"),
    ("राम@मोहन.ईन्फो", "राम@मोहन.ईन्फो"),
    ("юзер@екзампл.ком", "юзер@екзампл.ком"),
    ("θσερ@εχαμπλε.ψομ", "θσερ@εχαμπλε.ψομ"),
    ("葉士豪@臺網中心.tw", "葉士豪@臺網中心.tw"),
    ("葉士豪@臺網中心.台灣", "葉士豪@臺網中心.台灣"),
    ("jeff葉@臺網中心.tw", "jeff葉@臺網中心.tw"),
    ("ñoñó@example.tld", "ñoñó@example.tld"),
    ("我買@example.tld", "我買@example.tld"),
    ("甲斐黒川日本@example.tld", "甲斐黒川日本@example.tld"),
    ("чебурашкаящик-с-апельсинами.рф@example.tld", "чебурашкаящик-с-апельсинами.рф@example.tld"),
    ("उदाहरण.परीक्ष@domain.with.idn.tld", "उदाहरण.परीक्ष@domain.with.idn.tld"),
    ("ιωάννης@εεττ.gr", "ιωάννης@εεττ.gr"),
    ("＠@fullwidth.at", "＠@fullwidth.at"),
]
ONLY_WITH_OPTIONS = [
    # test_email_valid: quoted local parts (allow_quoted_local) and display names
    # (allow_display_name)
    '"quoted local part"@example.org',
    '"de-quoted.local.part"@example.org',
    'MyName <me@example.org>',
    'My Name <me@example.org>',
    r'"My.\"Na\\me\".Is" <"me \" \\ me"@example.org>',
    # test_email_valid_intl_local_part: a display name
    '\"s\u0323\u0307\" <s\u0323\u0307@nfc.tld>',
    # test_email_valid_only_if_quoted_local_part
    '"unnecessarily.quoted.local.part"@example.com',
    '"quoted..local.part"@example.com',
    '"quoted.with.at@"@example.com',
    '"quoted with space"@example.com',
    '"quoted.with.dquote\\""@example.com',
    '"unnecessarily.quoted.with.unicode.λ"@example.com',
    '"quoted.with..unicode.λ"@example.com',
    '"quoted.with.extraneous.\\escape"@example.com',
]
INVALID = [
    # test_email_invalid_syntax
    'hello.world',
    'hello＠world',
    'hello﹫world',
    'my@localhost',
    'my@.leadingdot.com',
    'my@．leadingfwdot.com',
    'my@twodots..com',
    'my@twofwdots．．.com',
    'my@trailingdot.com.',
    'my@trailingfwdot.com．',
    'me@-leadingdash',
    'me@－leadingdashfw',
    'me@trailingdash-',
    'me@trailingdashfw－',
    'my@baddash.-.com',
    'my@baddash.-a.com',
    'my@baddash.b-.com',
    'my@baddashfw.－.com',
    'my@baddashfw.－a.com',
    'my@baddashfw.b－.com',
    'my@example.com\n',
    'my@example\n.com',
    'me@x!',
    'me@x ',
    '.leadingdot@domain.com',
    'twodots..here@domain.com',
    'trailingdot.@domain.email',
    'me@⒈wouldbeinvalid.com',
    'me@\u037e.com',
    'me@\u1fef.com',
    '@example.com',
    'white space@test',
    'test@white space',
    '\nmy@example.com',
    'm\ny@example.com',
    'my\n@example.com',
    'me.\u037e@example.com',
    'test@\n',
    'bad"quotes"@example.com',
    'obsolete."quoted".atom@example.com',
    'me@1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.11111111112222222222333333333344444444445555555555.com',
    'me@中1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444.com',
    'me@\uFB2C1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444.com',
    'me@1111111111222222222233333333334444444444555555555666666666677777.com',
    'me@11111111112222222222333333333344444444445555555556666666666777777.com',
    'me@中111111111222222222233333333334444444444555555555666666.com',
    'meme@1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555.com',
    'my.long.address@1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.11111111112222222222333333333344444.info',
    'my.long.address@λ111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444.info',
    'my.long.address@\uFB2C111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444.info',
    'my.λong.address@1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.111111111122222222223333333333444.info',
    'my.λong.address@1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444.info',
    'my.\u0073\u0323\u0307.address@1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444.info',
    'my.\uFB2C.address@1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.11111111112222222222333333333344444.info',
    'my.\uFB2C.address@1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.11111111112222222222333333333344.info',
    'my.long.address@λ111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.11111111112222222222333333.info',
    'my.λong.address@λ111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.1111111111222222222233333333334444444444555555555.6666666666777777777788888888889999999999000000000.11111111112222222222333333.info',
    'me@bad-tld-1',
    'me@bad.tld-2',
    'me@xn--0.tld',
    'me@yy--0.tld',
    'me@yy－－0.tld',
    'me@[127.0.0.1]',
    'me@[127.0.0.999]',
    'me@[IPv6:::1]',
    'me@[IPv6:::G]',
    'me@[tag:text]',
    'me@[untaggedtext]',
    'me@[tag:invalid space]',
    '<me@example.com>',
    '<me@example.com',
    '<me@example.com> !',
    '<\u0338me@example.com',
    'DisplayName <me@-example.com>',
    'DisplayName <me@example.com>',
    'Display Name <me@example.com>',
    '\"Display Name\" <me@example.com>',
    'Display.Name <me@example.com>',
    '\"Display.Name\" <me@example.com>',
    # test_email_invalid_reserved_domain
    'me@anything.arpa',
    'me@valid.invalid',
    'me@link.local',
    'me@host.localhost',
    'me@onion.onion.onion',
    'me@test.test.test',
]
STRICT_ONLY = [
    # test_email_invalid_syntax_strict: valid without strict=True
    '11111111112222222222333333333344444444445555555555666666666677777@example.com',
    '111111111122222222223333333333444444444455555555556666666666777777@example.com',
    '\uFB2C111111122222222223333333333444444444455555555556666666666777777@example.com',
]
# fmt: on


def _ours(normalized: str) -> str:
    # email-validator's normalised form, with the local part lowered as invitecore lowers it.
    local, _, domain = normalized.rpartition("@")
    return unicodedata.normalize("NFC", local.lower()) + "@" + domain


@pytest.mark.parametrize(("address", "normalized"), VALID)
def test_email_validators_valid_addresses_are_accepted(address: str, normalized: str) -> None:
    assert address_problem(address) is None
    assert normalised_address(address) == _ours(normalized)


@pytest.mark.parametrize("address", ONLY_WITH_OPTIONS)
def test_quoted_local_parts_and_display_names_are_refused(address: str) -> None:
    assert normalised_address(address) is None
    assert address_problem(address)


@pytest.mark.parametrize("address", INVALID)
def test_email_validators_invalid_addresses_are_refused(address: str) -> None:
    assert normalised_address(address) is None
    assert address_problem(address)


@pytest.mark.parametrize("address", STRICT_ONLY)
def test_local_parts_over_64_characters_pass_as_without_strict(address: str) -> None:
    assert address_problem(address) is None


@pytest.mark.parametrize(
    ("address", "expected"),
    [*VALID, *((a, None) for a in ONLY_WITH_OPTIONS + INVALID), *((a, a) for a in STRICT_ONLY)],
)
def test_the_installed_library_agrees_with_its_published_cases(
    address: str, expected: str | None
) -> None:
    # Guards the dependency range: a release that changed these verdicts would show here.
    try:
        validated = email_validator.validate_email(address, check_deliverability=False)
    except email_validator.EmailSyntaxError:
        assert expected is None
    else:
        assert expected is not None
        if address not in STRICT_ONLY:
            assert validated.normalized == expected


def test_the_special_use_names_are_the_librarys() -> None:
    assert set(email_validator.SPECIAL_USE_DOMAIN_NAMES) == SPECIAL_USE_DOMAINS


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("Jane.Doe@Example.COM", "jane.doe@example.com"),
        ("jeff@xn--fiqq24b10vi0d.tw", "jeff@臺網中心.tw"),  # IDNA's Unicode form
        ("JEFF@臺網中心.TW", "jeff@臺網中心.tw"),
        ("ÑOÑÓ@EXAMPLE.TLD", "ñoñó@example.tld"),
        ("n\u0303on\u0303o\u0301@example.tld", "ñoñó@example.tld"),  # NFC
        ("ЮЗЕР@ЕКЗАМПЛ.КОМ", "юзер@екзампл.ком"),
        ("jane@example\u212a.com", "jane@examplek.com"),  # the Kelvin sign, as IDNA maps it
        ("POSTMASTER@example.org", "postmaster@example.org"),
    ],
)
def test_normalised_form(written: str, normalised: str) -> None:
    assert normalised_address(written) == normalised


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("jane.example.com", "no '@'"),
        ("jane@example", "no dot"),
        ("jane@@example.com", "'@'"),
        ("jane doe@example.com", "SPACE"),
        (".jane@example.com", "start with a period"),
        ("ja..ne@example.com", "two periods in a row"),
        ("jane@-example.com", "hyphen"),
        ("jane@exa_mple.com", "'_'"),
        ("jane@example.c", "shorter than 2"),
        ("jane@example.c0m", "not all letters"),
        ("jane@example.123", "not all letters"),
        ("jane@" + "a" * 64 + ".com", "so many characters"),
        ("j" * 250 + "@example.com", "longer than 254"),
        ("jane@臺網中心.c", "shorter than 2"),
        ("jane@例子.测试1", "not all letters"),
        ("jane@localhost.localdomain.local", "special-use"),
    ],
)
def test_invalid_addresses_give_a_reason(address: str, reason: str) -> None:
    problem = address_problem(address)
    assert problem is not None
    assert reason in problem


def test_min_tld_length_is_a_parameter() -> None:
    assert address_problem("jane@example.co", min_tld_length=3) is not None
    assert address_problem("jane@example.com", min_tld_length=3) is None
    assert address_problem("jane@臺網中心.台灣", min_tld_length=3) is not None
    assert address_problem("jane@例子.ком", min_tld_length=3) is None


def _library_verdict(address: str, min_tld_length: int) -> bool:
    # The rule as stated: email-validator accepts it (defaults, no DNS), and the top-level
    # domain of its normalised form is letters and marks, at least min_tld_length of them.
    try:
        validated = email_validator.validate_email(address, check_deliverability=False)
    except email_validator.EmailSyntaxError:
        return False
    tld = validated.domain.rpartition(".")[2]
    return len(tld) >= min_tld_length and all(
        char.isalpha() or unicodedata.category(char)[0] == "M" for char in tld
    )


# Texts built like addresses around the limits of the quick paths: lengths near 64, 63 and 254,
# hyphens and "--" ("xn--" Punycode labels), special-use names, digits in the top-level domain.
_pieces = st.sampled_from(
    [
        "jane",
        "J",
        ".",
        "..",
        "-",
        "--",
        "@",
        "xn--",
        "xn--fiqq24b10vi0d",
        "x" * 63,
        "example",
        "com",
        "io",
        "c0m",
        "1",
        "local",
        "test",
        "arpa",
        "'",
        "/",
        " ",
        "\u00e9",
        "\u212a",
        "é",
    ]
)
_addresses = st.lists(_pieces | st.text(alphabet="aZ09._-+@!é ", max_size=4), max_size=12).map(
    "".join
) | st.builds(
    lambda local, labels, tld, hyphen: (
        "a" * local + "@" + ".".join(hyphen + "b" * n for n in labels) + "." + "c" * tld
    ),
    st.integers(0, 70),
    st.lists(st.integers(0, 64), min_size=1, max_size=5),
    st.integers(0, 5),
    st.sampled_from(["", "-"]),
)


@settings(max_examples=1500)
@given(_addresses, st.integers(1, 4))
def test_the_verdict_is_the_librarys_plus_the_tld_rule(address: str, min_tld_length: int) -> None:
    checked = check_address(address, min_tld_length=min_tld_length)
    assert (checked.address is not None) == _library_verdict(address, min_tld_length)
    assert (checked.problem is None) == (checked.address is not None)
