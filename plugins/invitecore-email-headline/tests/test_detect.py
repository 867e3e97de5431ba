"""Finding addresses in text: plain and obfuscated forms, and the "job @ company" false friends."""

from __future__ import annotations

import pytest

from conftest import make_settings
from invitecore.settings import Settings
from invitecore_email_headline.detect import FoundAddress, finder_for


def find(text: str, settings: Settings) -> list[FoundAddress]:
    found = finder_for(settings).find(text)
    for item in found:
        # Every span is exact: the text there is the address as written.
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start] not in " \t"
        assert text[item.end - 1] not in " \t"
    return found


def addresses(text: str, settings: Settings) -> list[str]:
    return [item.address for item in find(text, settings)]


@pytest.mark.parametrize(
    ("text", "written", "address"),
    [
        ("jane.doe@example.com", "jane.doe@example.com", "jane.doe@example.com"),
        ("Coach | Jane.Doe@Example.com | LION", "Jane.Doe@Example.com", "jane.doe@example.com"),
        ("Write to jane@example.com.", "jane@example.com", "jane@example.com"),
        ("(jane+li@mail.example.co.uk)", "jane+li@mail.example.co.uk", None),
        ("email:jane_doe42@example.org;", "jane_doe42@example.org", "jane_doe42@example.org"),
        ("sales@acme-widgets.com", "sales@acme-widgets.com", "sales@acme-widgets.com"),
    ],
)
def test_plain_addresses(
    text: str, written: str, address: str | None, settings: Settings
) -> None:
    [item] = find(text, settings)
    assert text[item.start : item.end] == written
    assert item.address == (address or written)
    assert not item.obfuscated


@pytest.mark.parametrize(
    ("text", "written", "address"),
    [
        ("jane [at] example [dot] com", "jane [at] example [dot] com", "jane@example.com"),
        ("Recruiter | jane(at)example.com", "jane(at)example.com", "jane@example.com"),
        ("jane {at} example {dot} org", "jane {at} example {dot} org", "jane@example.org"),
        ("jane<at>example.com", "jane<at>example.com", "jane@example.com"),
        ("jane [ at ] example [ dot ] co [ dot ] uk", None, "jane@example.co.uk"),
        ("mail jane at example dot com today", "jane at example dot com", "jane@example.com"),
        ("JANE AT EXAMPLE DOT COM", "JANE AT EXAMPLE DOT COM", "jane@example.com"),
        ("jane dot doe at example dot com", None, "jane.doe@example.com"),
        ("jane @ example . com", "jane @ example . com", "jane@example.com"),
        ("jane.doe @ example.com", "jane.doe @ example.com", "jane.doe@example.com"),
        ("j_doe @ example.org", "j_doe @ example.org", "j_doe@example.org"),
        ("jane42 @example.net", "jane42 @example.net", "jane42@example.net"),
        ("jane @ example [dot] com", "jane @ example [dot] com", "jane@example.com"),
        ("jane@example dot com", "jane@example dot com", "jane@example.com"),
        ("jane\uff20example.com", "jane\uff20example.com", "jane@example.com"),
        ("Sam at jane dot doe at example dot com", "jane dot doe at example dot com", None),
    ],
)
def test_obfuscated_addresses(
    text: str, written: str | None, address: str | None, settings: Settings
) -> None:
    [item] = find(text, settings)
    assert text[item.start : item.end] == (written or text)
    assert item.address == (address or "jane.doe@example.com")
    assert item.obfuscated


@pytest.mark.parametrize(
    "text",
    [
        # "at company": a job title or function before the "@".
        "Product @ Stripe",
        "Head of Product @ Stripe",
        "Marketing @ HubSpot.com",
        "Sales @ Acme.com",
        "Sales @ acme . com",
        "CEO @ acme.io",
        "VP Eng @ Example.com",
        "Team-Lead @ acme.com",
        "data.scientist @ acme.com",
        "Web3 @ Acme.io",
        "Founder @ Example [dot] com",
        "Engineer at Google dot com",
        "Engineer [at] Google.com",
        "Marketing@HubSpot.com",
        "CEO@Acme.com",
        # A company name after a spaced "@", with or without a dotted domain.
        "Jane @ Acme.com",
        "Head of Growth @Acme.io",
        "jane @ Stripe. Previously at Google",
        "Designer @ Acme, ex-Globex",
        # Handles and prose.
        "@handle on X",
        "Follow me @jane.doe on X",
        "follow @jane_doe for updates",
        "Find me at example dot com",
        "I work at example.com",
        "Working at Acme dot com since 2019",
        "Based at example dot com HQ",
        "medium.com/@jane.doe",
        # Not valid syntax.
        "jane@example",
        "jane@example.c",
        "jane@example.c0m",
        "jane@-example.com",
        "jane at example.com",
        "Product@Stripe",
        "@@",
        "",
    ],
)
def test_not_addresses(text: str, settings: Settings) -> None:
    assert addresses(text, settings) == []


def test_lowercase_role_mailbox_is_an_address(settings: Settings) -> None:
    # sales@acme.com is how people write a team mailbox; "Sales@Acme.com" is a title.
    assert addresses("sales@acme.com", settings) == ["sales@acme.com"]
    assert addresses("Sales@Acme.com", settings) == []


def test_several_addresses_in_order(settings: Settings) -> None:
    text = "jane@example.com or jane [at] example [dot] org, not Product @ Stripe"
    assert addresses(text, settings) == ["jane@example.com", "jane@example.org"]


def test_address_followed_by_the_word_at(settings: Settings) -> None:
    assert addresses("Reach me at jane@example.com at any time.", settings) == [
        "jane@example.com"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Please do not contact me at jane@example.com.",
        "Don’t email jane [at] example [dot] com about jobs",
        "jane@example.com - do not use this address for sales pitches",
        "DO NOT CONTACT   me via jane@example.com",
        "Old address, no longer in use: jane@example.org",
    ],
)
def test_do_not_contact_sentences_mark_the_address_refused(text: str, settings: Settings) -> None:
    [item] = find(text, settings)
    assert item.refused


@pytest.mark.parametrize(
    "text",
    [
        "Please don't hesitate to contact me at jane@example.com",
        "Do not contact me about crypto. Invitations welcome: jane@example.com",
        "Happy to chat: jane@example.com. Do not send me crypto offers.",
        "Do not contact old@example.org; use jane@example.com",
    ],
)
def test_refusal_stays_in_its_sentence(text: str, settings: Settings) -> None:
    found = {item.address: item.refused for item in find(text, settings)}
    assert found["jane@example.com"] is False


def test_refusal_window_is_a_setting() -> None:
    text = "Do not contact me, unless you really want to talk shop, at jane@example.com"
    assert finder_for(make_settings()).find(text)[0].refused
    assert not finder_for(make_settings({"do-not-contact-window": 10})).find(text)[0].refused


def test_extend_do_not_contact_phrases() -> None:
    text = "Recruiters only: jane@example.com"
    assert not finder_for(make_settings()).find(text)[0].refused
    extended = make_settings({"extend-do-not-contact-phrases": ["recruiters only"]})
    assert finder_for(extended).find(text)[0].refused


def test_detect_obfuscated_can_be_switched_off() -> None:
    plain_only = finder_for(make_settings({"detect-obfuscated": False}))
    assert plain_only.find("jane [at] example [dot] com") == []
    assert plain_only.find("jane @ example . com") == []
    assert [a.address for a in plain_only.find("jane@example.com")] == ["jane@example.com"]


def test_extend_role_words() -> None:
    text = "Plumber @ example . com"
    assert [a.address for a in finder_for(make_settings()).find(text)] == ["plumber@example.com"]
    extended = make_settings({"extend-role-words": ["Plumber"]})
    assert finder_for(extended).find(text) == []


def test_extend_stop_words() -> None:
    text = "Visit hello at example dot com"
    assert [a.address for a in finder_for(make_settings()).find(text)] == ["hello@example.com"]
    assert finder_for(make_settings({"extend-stop-words": ["hello"]})).find(text) == []


def test_mailbox_characters_setting() -> None:
    text = "jane.doe @ example.com"
    assert finder_for(make_settings({"mailbox-characters": "_"})).find(text) == []


def test_min_tld_length_setting() -> None:
    assert finder_for(make_settings({"min-tld-length": 4})).find("jane@example.com") == []


def test_finder_is_cached_per_settings_object(settings: Settings) -> None:
    assert finder_for(settings) is finder_for(settings)
    assert finder_for(make_settings()) is not finder_for(settings)


def test_local_part_longer_than_the_limit_is_not_cut_short() -> None:
    finder = finder_for(make_settings())
    assert finder.find("x" * 300 + "@example.com") == []
    assert finder.find("a." * 200 + "jane@example.com") == []


@pytest.mark.parametrize(
    "text",
    [
        "jane at example . com",
        "jane\tat\texample dot com",
        "jane\u00a0at\u00a0example\u00a0dot\u00a0com",
        "jane AT example [DOT] com",
    ],
)
def test_word_at_with_any_blank_and_any_spelled_out_dot(text: str, settings: Settings) -> None:
    [item] = find(text, settings)
    assert (item.address, item.start, item.end) == ("jane@example.com", 0, len(text))


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("\u0130stanbul office: jane at example dot com", ["jane at example dot com"]),
        ("\u0130\u0130\u0130 | jane AT example [dot] com", ["jane AT example [dot] com"]),
        (
            "\u0130zmir: jane@example.org, \u0130zmir: jo at example dot io",
            ["jane@example.org", "jo at example dot io"],
        ),
        ("jane at example dot com, \u0130zmir", ["jane at example dot com"]),
    ],
)
def test_offsets_after_a_letter_whose_lower_case_is_longer(
    text: str, written: list[str], settings: Settings
) -> None:
    # "İ".lower() is two characters ("i" and a combining dot above): the word "at" must still
    # be read where it stands in the text, not one character further on per "İ" before it.
    found = find(text, settings)
    assert [text[item.start : item.end] for item in found] == written
    assert [item.address for item in found] == [
        form.lower().replace(" at ", "@").replace(" dot ", ".").replace(" [dot] ", ".")
        for form in written
    ]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("jane@example\u212a.com", "jane@examplek.com"),
        ("jane@\u212aexample.com", "jane@kexample.com"),
        ("jane@example.\u212aom", "jane@example.kom"),
        ("jane [at] example\u212a [dot] com", "jane@examplek.com"),
        ("jane at exa\u212ample dot com", "jane@exakmple.com"),
        ("\u017fales@example.com", "\u017fales@example.com"),
    ],
)
def test_letters_that_fold_to_ascii_are_read_where_written(
    text: str, address: str, settings: Settings
) -> None:
    # The Kelvin sign "K" (U+212A) is the letter K for Unicode (NFC) and IDNA, and
    # email-validator normalises it so; the long "ſ" is not "s" for either. Either way the
    # span is the whole address as written, the sign included.
    [item] = find(text, settings)
    assert (item.address, item.start, item.end) == (address, 0, len(text))


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("anna.str\u00f6m@example.com", "anna.str\u00f6m@example.com"),
        ("j\u00f6ran@example.com", "j\u00f6ran@example.com"),
        ("\u0130jd@x.io", "i\u0307jd@x.io"),
        ("\u212ajane@example.com", "kjane@example.com"),
        ("jane@example.co\u212a", "jane@example.cok"),
        ("jane@example.com\u00e9", "jane@example.com\u00e9"),
        ("jane@example.com\u0301", "jane@example.co\u1e3f"),
        ("jane dot str\u00f6m at example dot com", "jane.str\u00f6m@example.com"),
        ("\u00c5sa [at] example [dot] com", "\u00e5sa@example.com"),
    ],
)
def test_a_letter_outside_ascii_is_part_of_the_address(
    text: str, address: str, settings: Settings
) -> None:
    # Never its ASCII end ("m@example.com"): the whole word, as written.
    [item] = find(text, settings)
    assert (item.address, item.start, item.end) == (address, 0, len(text))


@pytest.mark.parametrize(
    "text",
    [
        "\u0301jane@example.com",  # a local part cannot start with a combining mark
        "x" * 60 + "\u00e9" * 10 + "@example.com",  # more than the 64 characters read
    ],
)
def test_an_address_is_never_cut_out_of_a_word(text: str, settings: Settings) -> None:
    for item in find(text, settings):
        assert (item.start, item.end) == (0, len(text))


@pytest.mark.parametrize(
    "text",
    [
        "\u90ae\u7bb1jane@example.com",
        "Mail:\u00a0jane@example.com",
        "\u00abjane@example.com\u00bb",
        "jane@example.com\u2014Coach",
        "jane@example.com\u0964",  # a Devanagari danda (a full stop) is no letter
        "\U0001f4e7jane@example.com",
        "\u90ae\u7bb1jane@example.com\u8c22\u8c22",  # 邮箱 ... 谢谢
        "\u9023\u7d61\u5148\u306f jane@example.com\u307e\u3067",  # 連絡先は ... まで
        "jane@example.com\uc73c\ub85c \uc5f0\ub77d\uc8fc\uc138\uc694",  # ...으로 연락주세요
        "\u0e2d\u0e35\u0e40\u0e21\u0e25jane@example.com",  # อีเมล
    ],
)
def test_an_address_next_to_other_characters_outside_ascii_is_found(
    text: str, settings: Settings
) -> None:
    # Punctuation and symbols end an address; so does a script written without spaces where it
    # meets the ASCII of the address (the words around it are not part of it).
    [item] = find(text, settings)
    assert item.address == "jane@example.com"
    assert text[item.start : item.end] == "jane@example.com"


@pytest.mark.parametrize(
    ("text", "written", "address"),
    [
        # Chinese
        ("联系方式：葉士豪@臺網中心.台灣", "葉士豪@臺網中心.台灣", None),
        ("郵件 伊昭傑@郵件.商務", "伊昭傑@郵件.商務", None),
        ("邮箱：jeff葉@臺網中心.tw。", "jeff葉@臺網中心.tw", None),
        ("Contact: jeff@臺網中心.tw", "jeff@臺網中心.tw", None),
        ("jeff@xn--fiqq24b10vi0d.tw", "jeff@xn--fiqq24b10vi0d.tw", "jeff@臺網中心.tw"),
        # Japanese
        ("メール：甲斐黒川日本@example.tld", "甲斐黒川日本@example.tld", None),
        # Cyrillic
        ("Пишите: юзер@екзампл.ком.", "юзер@екзампл.ком", None),
        ("ЮЗЕР@ЕКЗАМПЛ.КОМ", "ЮЗЕР@ЕКЗАМПЛ.КОМ", "юзер@екзампл.ком"),
        (
            "чебурашкаящик-с-апельсинами.рф@example.tld",
            "чебурашкаящик-с-апельсинами.рф@example.tld",
            None,
        ),
        # Greek
        ("Επικοινωνία: ιωάννης@εεττ.gr", "ιωάννης@εεττ.gr", None),
        ("θσερ@εχαμπλε.ψομ | LION", "θσερ@εχαμπλε.ψομ", None),
        # Arabic
        ("البريد: محمد@مثال.مصر", "محمد@مثال.مصر", None),
        # Devanagari
        ("संपर्क: राम@मोहन.ईन्फो।", "राम@मोहन.ईन्फो", None),
        ("उदाहरण.परीक्ष@domain.with.idn.tld", "उदाहरण.परीक्ष@domain.with.idn.tld", None),
        # Accented Latin
        ("Écrivez à ñoñó@example.tld", "ñoñó@example.tld", None),
        ("MÜLLER@BEISPIEL.DE", "MÜLLER@BEISPIEL.DE", "müller@beispiel.de"),
        ("n\u0303on\u0303o\u0301@example.tld", None, "ñoñó@example.tld"),  # decomposed: NFC
    ],
)
def test_internationalised_addresses(
    text: str, written: str | None, address: str | None, settings: Settings
) -> None:
    [item] = find(text, settings)
    assert text[item.start : item.end] == (written or text)
    assert item.address == (address or written)
    assert not item.obfuscated


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("ñoñó [at] example [dot] tld", "ñoñó@example.tld"),
        ("юзер [at] екзампл [dot] ком", "юзер@екзампл.ком"),
        ("葉士豪 [at] 臺網中心 [dot] 台灣", "葉士豪@臺網中心.台灣"),
        ("葉士豪＠臺網中心.台灣", "葉士豪@臺網中心.台灣"),
        ("ιωάννης (at) εεττ (dot) gr", "ιωάννης@εεττ.gr"),
        ("राम {at} मोहन {dot} ईन्फो", "राम@मोहन.ईन्फो"),
        ("محمد [at] مثال [dot] مصر", "محمد@مثال.مصر"),
        ("juan.pérez at ejemplo dot es", "juan.pérez@ejemplo.es"),
        ("josé @ ejemplo . es", "josé@ejemplo.es"),
        ("jane.doe @ пример.рф", "jane.doe@пример.рф"),
        ("JUAN.PÉREZ AT EJEMPLO DOT ES", "juan.pérez@ejemplo.es"),
    ],
)
def test_obfuscated_internationalised_addresses(
    text: str, address: str, settings: Settings
) -> None:
    [item] = find(text, settings)
    assert (item.address, item.start, item.end) == (address, 0, len(text))
    assert item.obfuscated


@pytest.mark.parametrize(
    "text",
    [
        # Titles at a company, in other scripts and languages.
        "Продакт @ Яндекс",
        "Head of Product @ Яндекс",
        "Маркетолог @ Яндекс.Маркет",
        "Маркетинг@Яндекс.рф",
        "Директор @ компания . рф",
        "Ingeniera @ Ejemplo.es",
        "Ingénieur @ Société.fr",
        "ingénieur @ société.fr",
        "Ventas @ empresa . es",
        "产品经理 @ 腾讯",
        "产品经理 @ 腾讯 . 中国",
        "Διευθυντής @ Εταιρεία.gr",
        # Handles.
        "@葉士豪",
        "關注 @葉士豪 獲取更新",
        "@юзер в Telegram",
        "Подписывайтесь: @ivan.petrov",
        # Not valid syntax.
        "邮箱jane@example",
        "jane@例子.测试1",
        "юзер@екзампл",
        "me@⒈wouldbeinvalid.com",
        "jane@xn--0.tld",
    ],
)
def test_not_addresses_in_other_scripts(text: str, settings: Settings) -> None:
    assert addresses(text, settings) == []


def test_a_do_not_contact_sentence_refuses_an_internationalised_address(
    settings: Settings,
) -> None:
    [item] = find("Please do not contact me at юзер@екзампл.ком about jobs.", settings)
    assert item.refused


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("葉" + "a" * 64 + "@example.com", "a" * 64 + "@example.com"),
        ("jane@example." + "a" * 63 + "谢谢", "jane@example." + "a" * 63),
    ],
)
def test_a_script_without_spaces_ends_an_address_at_the_longest_atom_or_label(
    text: str, written: str, settings: Settings
) -> None:
    [item] = find(text, settings)
    assert text[item.start : item.end] == written
