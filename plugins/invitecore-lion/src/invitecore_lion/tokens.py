"""Text as the grammar reads it: words, spelled out, and where they were.

:func:`words` splits a piece of folded text (NFKC, lower case) into words and marks, spelling
out contractions and known misspellings: ``"don't"`` becomes ``do``, ``not``; ``"ive"``
becomes ``i``, ``have``; ``"ppl"`` becomes ``people``. (Folding has made every apostrophe a
straight ``'``.) Punctuation marks are words too: they end sentences and clauses.
:func:`spans` gives, for the same words, the offsets of the text each came from (both words of
``"don't"`` point at ``don't``), so a statement can quote the profile exactly; it is only
called for a sentence that says something.

:func:`sentence_words` gives the same words and says whether the sentence is in another
language (two or more words of :data:`invitecore_lion.words.FOREIGN_MARKS`, or French
elisions before a word of those tables, such as ``n'accepte``; not ``L'Oreal``): such a
sentence is read by the words it holds, not by their order (docs/language.md section 14).

Only the sentences around a cue word are read (see :mod:`invitecore_lion.reader`): a long
about text that mentions "connect" once costs one sentence.
"""

from __future__ import annotations

import re

from invitecore_lion.words import (
    CLITICS,
    ELISIONS,
    FOREIGN_MARKS,
    IS_AFTER,
    NOT_STEMS,
    OTHER_LANGUAGES_ONLY,
    SPELLINGS,
)

__all__ = ["CLAUSE_MARKS", "SENTENCE_MARK", "ends_sentence", "sentence_words", "spans", "words"]

# A word (letters and digits, with inner apostrophes or hyphens: "don't", "co-worker", "30k"),
# a newline, or any other single character that is not a space. "%" stays on its number.
# "w/o" standing alone is one word ("without": words.SPELLINGS); the literal comes first, so
# that re tries the look-behind only at a "w/o".
_WORD = re.compile(r"w/o(?<![\w/]w/o)(?![\w/])|[^\W_]+(?:['\-][^\W_]+)*%?|\n|[^\w\s]")
# What ends a sentence: . ! ? ; a newline, and "|" or a bullet, which separate headline
# segments; but a full stop before a letter or digit does not ("L.I.O.N.", "example.com",
# "1.5k"): see ends_sentence. One character class, so that re skips to each mark in C.
SENTENCE_MARK = re.compile(r"[.!?;|\n•·]")


def ends_sentence(text: str, index: int) -> bool:
    """True when the mark at ``text[index]`` ends a sentence."""
    return text[index] != "." or index + 1 >= len(text) or not text[index + 1].isalnum()
# Words that end a clause inside a sentence (negation and subjects do not reach past them).
CLAUSE_MARKS = frozenset({",", "—", "–", "-", ":", "(", ")", "but", "though", "although",
                          "however", "while", "whereas"})


def words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words of ``text[start:end]`` (folded text), spelled out."""
    return _spelled(_WORD.findall(text, start, len(text) if end is None else end))[0]


def sentence_words(text: str) -> tuple[list[str], bool]:
    """The words of ``text`` (folded), spelled out, and whether two or more of them are
    words of another language's policies (:data:`invitecore_lion.words.FOREIGN_MARKS`)."""
    return _spelled(_WORD.findall(text))


def _spelled(found: list[str]) -> tuple[list[str], bool]:
    spelled: list[str] = []
    marks = 0  # words of another language: all are in SPELLINGS or elided ("n'accepte")
    for word in found:
        if word in SPELLINGS or "'" in word:
            spelled.extend(spell_out(word))
            elided = _elided(word)
            if word in FOREIGN_MARKS or (elided is not None and _foreign(elided[1])):
                marks += 1
        else:
            spelled.append(word)
    return spelled, marks > 1


def _elided(word: str) -> tuple[str, str] | None:
    """The elision and the word after it ("n'accepte" -> "n", "accepte"), split at the first
    apostrophe; None when ``word`` does not start with an elision."""
    head, _, tail = word.partition("'")
    return (head, tail) if head in ELISIONS and tail else None


def _foreign(word: str) -> bool:
    """True when ``word`` is a word of the other-language tables: an elision counts as a
    mark of another language only before one ("n'accepte", not "L'Oreal", "D'Souza")."""
    return word in FOREIGN_MARKS or word in OTHER_LANGUAGES_ONLY or _elided(word) is not None


def spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The offsets in ``text`` of each of ``words(text, start, end)``."""
    found: list[tuple[int, int]] = []
    for match in _WORD.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        if word in SPELLINGS or "'" in word:  # as in _spelled: only these are spelled out
            found.extend([match.span()] * len(spell_out(word)))
        else:
            found.append(match.span())
    return found


def spell_out(word: str) -> tuple[str, ...]:
    """The words ``word`` stands for: contractions and known misspellings spelled out."""
    known = SPELLINGS.get(word)
    if known is not None:
        return known
    if "'" not in word:
        return (word,)
    stem, _, tail = word.rpartition("'")
    if tail == "t" and stem.endswith("n"):  # don't, won't, can't, haven't
        return (NOT_STEMS.get(stem, stem[:-1]), "not")
    if tail in CLITICS:
        return (stem, CLITICS[tail])
    if tail == "s":  # it's -> it is; Dana's -> Dana
        return (stem, "is") if stem in IS_AFTER else (stem,)
    elided = _elided(word)
    if elided is not None:  # French, Italian: n'accepte -> not accept
        return ELISIONS[elided[0]] + spell_out(elided[1])
    return (word,)
