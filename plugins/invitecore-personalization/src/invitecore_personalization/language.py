"""Whether the plugin can read a note at all: its script and its words.

The plugin reads English, and the cue words of the other languages in its tables
(``docs/language.md`` sections 14 and 19). A note in any other language or script holds none
of the words it reads, so it would look like a note that says nothing: "does not say how you
came across them", "generic", about a note that may say all of that in Korean or Indonesian.
Such a note is not read for its elements; PER104 says so instead (section 19).

Two tests, both cheap next to reading a note, and both on the note's own text:

- **script**: most of its letters are not Latin (Hangul, CJK, Arabic, Cyrillic, ...);
- **words**: it has at least ``min_words`` lower-case words, and for no language the plugin
  reads are ``min_share`` of them words of that language the plugin knows (its cue words,
  and the commonest words of the language: a capitalised unknown word may be a name, so it
  is left out of the count). The English notes of the labelled batches hold 45% or more such
  words, the notes in other languages with a table 33% or more, the Indonesian ones 14-25%.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Mapping

__all__ = ["unread_language"]

# A word: letters, with inner apostrophes ("don't", "l'ESC").
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# What is no prose in any language: links, addresses, handles and placeholders
# ("https://example.com", "{first_name}님", "[Company]").
# Tried at the start of a token only, so a long run without blanks is scanned once.
_NOT_PROSE_MARKS = "/@{[#%<("  # one of these (or "www.") is in every match of _NOT_PROSE
# The same words as _WORD in an ASCII text, found about twice as fast.
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
_NOT_PROSE = re.compile(r"(?<!\S)\S*?(?:://|www\.|@)\S*|[{\[#%<(]{1,3}\s?\w{1,40}\s?[}\]#%>)]{1,3}")


_FILLERS = dict.fromkeys(map(ord, "\u3164\u115f\u1160\uffa0"), " ")


def _latin(letter: str) -> bool:
    """True for a letter of the Latin script (ASCII, Latin-1, Latin Extended, Vietnamese)."""
    code = ord(letter)
    return code < 0x250 or 0x1E00 <= code <= 0x1EFF or 0x2C60 <= code <= 0x2C7F


def _script(letter: str) -> str:
    """The name of ``letter``'s script as Unicode names it ("HANGUL SYLLABLE GA": Hangul)."""
    name = unicodedata.name(letter, "")
    first = name.split(" ", 1)[0]
    if first == "CJK":
        return "Chinese or Japanese"
    return first.capitalize() if first else "another"


def unread_language(
    text: str,
    known_words: Collection[str],
    languages: Mapping[str, Collection[str]],
    knows: Callable[[str], bool],
    *,
    min_words: int,
    min_share: float,
) -> str | None:
    """Why the plugin cannot read ``text`` ("Hangul script", "a language it has no words
    for"), or None when it can.

    :param known_words: lower-case words the plugin reads in every language, as written (its
        cue words and common words).
    :param languages: language code -> its commonest lower-case words; a text is read when
        enough of its words are known words or words of one of these languages.
    :param knows: True for a lower-case word the plugin reads in any form (an inflection, a
        typo): asked only when set lookups alone would leave the text unread.
    :param min_words: fewest lower-case words for the words test to judge.
    :param min_share: the share of known words below which the text is not read.
    """
    if "www." in text or any(mark in text for mark in _NOT_PROSE_MARKS):
        text = _NOT_PROSE.sub(" ", text)  # most notes hold none: skip the scan
    ascii_text = text.isascii()
    if not ascii_text:  # an ASCII text is all Latin letters, and already in NFKC form
        # Styled letters (LinkedIn's "bold" 𝗛𝗶, fullwidth Ｈｉ) are Latin letters; Hangul
        # fillers used as blanks are no letters at all.
        text = unicodedata.normalize("NFKC", text).translate(_FILLERS)
        letters = [ch for ch in text if ch.isalpha()]
        other = [ch for ch in letters if not _latin(ch)]
        if 2 * len(other) > len(letters):
            return f"{_script(other[0])} script"
    words_in = (_ASCII_WORD if ascii_text else _WORD).findall(text)
    found = [(w.lower().replace("’", "'"), w[0].isupper()) for w in words_in]
    if sum(not capital for _, capital in found) < min_words:
        return None  # too short to tell, even if every capitalised word is a name
    known = [word in known_words for word, _ in found]
    # Set lookups first: they settle almost every note; inflections and typos only after.
    for thorough in (False, True):
        if thorough:
            known = [hit or knows(word) for hit, (word, _) in zip(known, found, strict=True)]
        for words in languages.values() or [()]:
            counted = hits = 0
            for hit, (word, capital) in zip(known, found, strict=True):
                if hit or word in words:
                    hits += 1
                    counted += 1
                elif not capital:
                    counted += 1
            if hits >= min_share * counted:
                return None
    return "a language it has no words for"
