"""Folding keeps a map back to the original offsets."""

from __future__ import annotations

import pytest

from invitecore_lion.normalize import fold, nfkc


def test_ascii_is_lowered_in_place() -> None:
    folded = fold("Jason (LION)")
    assert folded.folded == "jason (lion)"
    assert folded.starts is None
    assert folded.original_span(7, 11) == (7, 11)


def test_fullwidth_letters_fold_to_ascii_with_same_offsets() -> None:
    folded = fold("Ｄａｎａ ［ＬＩＯＮ］")
    assert folded.folded == "dana [lion]"
    start = folded.folded.index("[lion]")
    assert folded.original_span(start, start + 6) == (5, 11)


def test_expanding_characters_map_back_to_their_source() -> None:
    # "ﬁ" is one character that folds to two; everything after it shifts by one.
    text = "ﬁne LION"
    folded = fold(text)
    assert folded.folded == "fine lion"
    start = folded.folded.index("lion")
    s, e = folded.original_span(start, start + 4)
    assert text[s:e] == "LION"
    # A span ending inside the expansion still covers the whole original character.
    assert folded.original_span(0, 1) == (0, 1)


@pytest.mark.parametrize("text", ["İstanbul LION", "ß LION", "🦁 LION", "𝐋𝐈𝐎𝐍 x"])
def test_every_folded_span_points_at_original_text(text: str) -> None:
    folded = fold(text)
    start = folded.folded.index("lion")
    s, e = folded.original_span(start, start + 4)
    assert nfkc(text[s:e]).lower() == "lion"


def test_apostrophes_fold_to_straight_ones_in_place() -> None:
    folded = fold("I don\u2019t accept")
    assert folded.folded == "i don't accept"
    assert folded.original_span(2, 7) == (2, 7)


@pytest.mark.parametrize("text", ["ﬁne LION. Not a LION.", "Dana (LION). I accept all."])
def test_a_part_keeps_the_map_to_its_own_original_text(text: str) -> None:
    folded = fold(text)
    start = folded.folded.index(". ") + 2
    part = folded.part(start, len(folded.folded))
    assert part.original == text[folded.original_span(start, len(folded.folded))[0] :]
    assert part.written(0, len(part.folded)) == part.original
