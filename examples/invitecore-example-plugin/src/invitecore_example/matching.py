"""Finding call requests and the end of a short note in the note text.

Every span is a pair of exact offsets into the note as written: ``note[start:end]`` is the text
the finding quotes. The call pattern is compiled once per :class:`~invitecore.Settings` object
(the core builds one per run), never per call.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from invitecore import Settings

__all__ = ["call_asks", "call_pattern", "overflow_start"]

_WORD = re.compile(r"\S+")


def _phrase_pattern(phrase: str) -> str:
    # Any run of whitespace between the words ("quick  call", a line break). Each word is a
    # literal and `\s+` cannot match the next word's first character, so the pattern has no
    # ambiguous repetition and runs in linear time.
    return r"\s+".join(re.escape(word) for word in phrase.split())


@functools.lru_cache(maxsize=8)
def call_pattern(settings: Settings) -> re.Pattern[str] | None:
    """The compiled pattern for ``settings["call-phrases"]``, or None when the list is empty."""
    phrases = [phrase for phrase in settings["call-phrases"] if phrase.strip()]
    if not phrases:
        return None
    # Longest first, so "15-minute call" wins over a shorter phrase inside it.
    alternatives = sorted((_phrase_pattern(p) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def call_asks(note: str, settings: Settings) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every call request in ``note``, in order."""
    pattern = call_pattern(settings)
    if pattern is None:
        return
    for match in pattern.finditer(note):
        yield match.span()


def overflow_start(note: str, max_words: int) -> int | None:
    """The offset of the first word past ``max_words``, or None when the note is short enough."""
    for index, match in enumerate(_WORD.finditer(note)):
        if index == max_words:
            return match.start()
    return None
