"""Folding text for matching while remembering where every character came from.

Folding is NFKC, lower case, and every apostrophe-like character (curly ’ ‘, modifier ʼ,
acute ´) read as a straight ``'``, one character for one.

Profiles write the LION token in many disguises: fullwidth ``ＬＩＯＮ``, mathematical bold
``𝐋𝐈𝐎𝐍``, circled or small forms. NFKC turns them into plain letters; lower-casing then lets
every pattern be matched case-sensitively, which Python's ``re`` does several times faster than
with ``IGNORECASE``. Both steps can change the length of the text (``ﬁ`` becomes ``fi``, ``İ``
becomes ``i̇``), and spans must point into the text the user wrote, so when lengths change each
character is folded on its own and every folded character keeps the offsets of the original
character it came from.

Per-character NFKC differs from whole-string NFKC only where a base letter and a following
combining mark would be composed; no token this plugin looks for is spelled that way.
"""

from __future__ import annotations

import unicodedata

__all__ = ["FoldedText", "fold", "nfkc"]


class FoldedText:
    """A field's folded (NFKC, lower-case) text and the map back to the original text.

    ``starts[i]`` / ``ends[i]`` are the original offsets of the character that produced folded
    character ``i``. Both are None when folding kept every character in place (the common
    case), so nothing is allocated for plain text. A plain slotted class rather than an attrs
    one: a profile folds several fields, and this sits on the per-profile hot path.
    """

    __slots__ = ("ends", "folded", "original", "starts")

    def __init__(
        self,
        original: str,
        folded: str,
        starts: tuple[int, ...] | None = None,
        ends: tuple[int, ...] | None = None,
    ) -> None:
        self.original = original
        self.folded = folded
        self.starts = starts
        self.ends = ends

    def __repr__(self) -> str:
        return f"FoldedText(original={self.original!r}, folded={self.folded!r})"

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``(start, end)`` of ``folded[start:end]`` (requires ``start < end``)."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]

    def written(self, start: int, end: int) -> str:
        """The original text of ``folded[start:end]``."""
        low, high = self.original_span(start, end) if start < end else (start, start)
        return self.original[low:high]

    def part(self, start: int, end: int) -> FoldedText:
        """``folded[start:end]`` (``start < end``) as a folded text of its own, with its
        original text and its own offsets."""
        if self.starts is None or self.ends is None:
            return FoldedText(self.original[start:end], self.folded[start:end])
        low = self.starts[start]
        return FoldedText(
            self.original[low : self.ends[end - 1]],
            self.folded[start:end],
            tuple(i - low for i in self.starts[start:end]),
            tuple(i - low for i in self.ends[start:end]),
        )


def fold(text: str) -> FoldedText:
    """NFKC-normalise and lower-case ``text`` (apostrophes straightened), keeping an offset
    map when lengths change."""
    if text.isascii():
        return FoldedText(original=text, folded=text.lower())
    if unicodedata.is_normalized("NFKC", text):
        lowered = _straight(text.lower())
        # lower() never drops a character, so equal lengths mean one character for one.
        if len(lowered) == len(text):
            return FoldedText(original=text, folded=lowered)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        piece = char.lower() if char.isascii() else unicodedata.normalize("NFKC", char).lower()
        pieces.append(piece)
        # A character that folds to several maps each of them back to itself; one that folds to
        # nothing has no folded character pointing at it.
        starts.extend([index] * len(piece))
        ends.extend([index + 1] * len(piece))
    return FoldedText(
        original=text, folded=_straight("".join(pieces)), starts=tuple(starts), ends=tuple(ends)
    )


def _straight(text: str) -> str:
    """``text`` with every apostrophe-like character a straight ``'``."""
    for curly in _APOSTROPHES:
        if curly in text:
            text = text.replace(curly, "'")
    return text


_APOSTROPHES = ("\u2019", "\u2018", "\u02bc", "\u00b4")


def nfkc(text: str) -> str:
    """``text`` in NFKC, character by character as :func:`fold` sees it (case kept)."""
    if text.isascii():
        return text
    return "".join(unicodedata.normalize("NFKC", char) for char in text)
