"""Notes the plugin cannot read (PER104): other scripts, and languages it has no words for."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import DANA, check, codes, make_settings, only
from invitecore import Profile
from invitecore_personalization import read_note

# Made-up notes: "I heard your talk on data contracts at PyData Warsaw and would like to ask
# you about it", in four scripts, and in Indonesian.
UNREADABLE = {
    "Hangul script": "다나님 안녕하세요, PyData Warsaw에서 데이터 계약에 관한 "
    "발표를 잘 들었습니다. 한번 여쭤보고 싶습니다.",
    "Chinese or Japanese script": "你好，我在华沙的数据大会上听了你关于数据契约的演讲，"
    "想向你请教几个问题。",
    "Arabic script": "مرحبا دانا، استمعت إلى محاضرتك عن عقود البيانات في وارسو "
    "وأود أن أسألك عنها.",
    "Cyrillic script": "Здравствуйте, Дана! Слушал ваш доклад о контрактах данных в Варшаве "
    "и хотел бы задать пару вопросов.",
    "a language it has no words for": "Halo Dana, saya mendengar presentasi Anda tentang "
    "kontrak data di Warsawa minggu lalu dan ingin bertanya sedikit.",
}
_ELEMENT_CODES = {"PER103", "PER111", "PER121", "PER122", "PER123", "PER124"}


@pytest.mark.parametrize("why", sorted(UNREADABLE))
def test_a_note_it_cannot_read_is_reported_as_unread_not_as_missing_everything(
    why: str,
) -> None:
    findings = check(UNREADABLE[why])
    assert why in only(findings, "PER104").message
    assert not codes(findings) & _ELEMENT_CODES
    assert read_note(UNREADABLE[why], profile=DANA).unread == why


def test_length_placeholders_and_links_are_still_checked_in_an_unread_note() -> None:
    note = "{first_name}님, 발표 잘 들었습니다. 자료는 https://example.com/slides 에 있습니다. " * 6
    found = codes(check(note, account="free"))
    assert {"PER104", "PER113", "PER131", "PER132"} <= found


@pytest.mark.parametrize(
    "note",
    [
        "Hi Dana, I heard your talk on data contracts at PyData Warsaw and would love to ask "
        "you about it.",
        "Hola Dana, escuché tu charla sobre contratos de datos en PyData Warsaw y me gustaría "
        "hacerte unas preguntas.",
        "Merhaba Dana, geçen hafta PyData Warsaw'da veri sözleşmeleri üzerine konuşmanızı "
        "dinledim, birlikte konuşmak isterim.",
        "connect pls",  # too short to tell
    ],
)
def test_english_and_the_languages_with_a_table_are_read(note: str) -> None:
    assert "PER104" not in codes(check(note))


def test_the_share_is_a_setting() -> None:
    note = UNREADABLE["a language it has no words for"]
    assert "PER104" not in codes(check(note, settings=make_settings({"unread-min-share": 0})))
    assert "PER104" in codes(check(note, settings=make_settings({"unread-min-share": 0.3})))


def test_a_language_added_to_the_words_table_is_read() -> None:
    note = UNREADABLE["a language it has no words for"]
    indonesian = {"extend-language-words": {"id": ["saya", "dan", "di", "ingin", "minggu", "lalu"]}}
    assert "PER104" not in codes(check(note, settings=make_settings(indonesian)))


_ENGLISH = st.sampled_from(
    ["i", "you", "your", "the", "to", "and", "a", "of", "in", "on", "at", "for", "with", "we"]
)
_OTHER = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=3, max_size=9)


@given(st.lists(st.tuples(_ENGLISH, _OTHER), min_size=3, max_size=30))
def test_a_note_half_of_english_function_words_is_always_read(
    pairs: list[tuple[str, str]],
) -> None:
    note = " ".join(f"{a} {b}" for a, b in pairs)
    assert read_note(note, profile=Profile(name="Dana Kowalski")).unread is None


@pytest.mark.parametrize(
    "note",
    [
        # LinkedIn's "bold" and fullwidth letters are Latin letters
        "𝗛𝗶 𝗗𝗮𝗻𝗮, 𝗜 𝘀𝗲𝗲 𝘆𝗼𝘂 𝘄𝗼𝗿𝗸 𝗮𝘁 𝗕𝗿𝗶𝗴𝗵𝘁𝘄𝗲𝗹𝗹 𝗮𝗻𝗱 𝘄𝗼𝘂𝗹𝗱 𝗹𝗼𝘃𝗲 𝘁𝗼 𝗰𝗼𝗻𝗻𝗲𝗰𝘁.",
        "Ｈｉ Ｄａｎａ, I see you work at Brightwell and would love to connect.",
        # Hangul fillers used as blanks are no letters
        "Hi Dana, I see you work at Brightwell and would love to connect!" + "\u3164" * 12,
    ],
)
def test_styled_letters_and_fillers_do_not_make_a_note_unreadable(note: str) -> None:
    assert "PER104" not in codes(check(note))
