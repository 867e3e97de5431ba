"""The table of combining marks is what unicodedata says, and the unspaced scripts are known."""

from __future__ import annotations

import re
import unicodedata

import pytest

from invitecore_email_headline import letters


@pytest.mark.skipif(
    unicodedata.unidata_version != letters.UNICODE_VERSION,
    reason="the table was generated from another Unicode version",
)
def test_the_marks_table_is_up_to_date() -> None:
    # Regenerate with: python -m invitecore_email_headline.letters > letters.py
    assert letters.generate() == letters.MARKS


def test_the_marks_table_holds_only_marks() -> None:
    # On any Python: a character once a combining mark stays one.
    marks = re.compile(f"[{letters.MARKS}]")
    for char in ("\u0301", "\u093e", "\u094d", "\u0e31", "\u064b", "\u05b4", "\u3099"):
        assert marks.fullmatch(char), hex(ord(char))
    for char in ("a", "é", "\u0964", "。", " ", "\U0001f4e7"):
        assert not marks.fullmatch(char)


@pytest.mark.parametrize(
    "char", ["葉", "臺", "の", "カ", "ー", "한", "ก", "ລ", "ក", "မ", "\U00020000"]
)
def test_unspaced_scripts(char: str) -> None:
    assert letters.is_unspaced(char)


@pytest.mark.parametrize("char", ["a", "é", "ю", "ι", "र", "م", "א", "\U0001f4e7", "\u00a0"])
def test_spaced_scripts(char: str) -> None:
    assert not letters.is_unspaced(char)


def test_blocks_are_in_order() -> None:
    ends = [code for block in letters.UNSPACED_BLOCKS for code in block]
    assert ends == sorted(ends)
