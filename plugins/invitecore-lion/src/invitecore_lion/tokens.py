"""Text as the grammar reads it: sentences of tokens, each with its lemma and original span.

A :class:`Token` is one word as written (folded: NFKC, lower case, every apostrophe straight),
expanded and reduced to its lemma: ``"don't"`` becomes the two tokens ``do`` and ``not``,
``"ive"`` becomes ``i`` and ``have``, ``"Accepted"`` has the lemma ``accept``. Punctuation
marks are tokens too (they end sentences and clauses). Every token keeps the offsets of the
text it came from, so a statement found in the tokens can quote the profile exactly.

Only the sentences around a cue word are tokenized (see :mod:`invitecore_lion.reader`): a long
about text that mentions "connect" once costs one sentence.
"""

from __future__ import annotations

import re

from invitecore_lion.words import CLITICS, IS_AFTER, NOT_STEMS, SPELLINGS, lemma

__all__ = ["CLAUSE_MARKS", "SENTENCE_END", "Token", "sentence_spans", "tokenize"]

# A word (letters and digits, with inner apostrophes or hyphens: "don't", "co-worker", "30k"),
# a newline, or any other single character that is not a space. "%" stays on its number.
_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*%?|\n|[^\w\s]")
# Characters that end a sentence. "|" and the bullets separate headline segments, which are
# sentences of their own.
SENTENCE_END = re.compile(r"[.!?;|\n•·]+")
# Tokens that end a clause inside a sentence (negation and subjects do not reach past them).
CLAUSE_MARKS = frozenset({",", "—", "–", "-", ":", "(", ")", "but", "though", "although",
                          "however", "while", "whereas"})
# Apostrophes and look-alikes, all read as "'" (one character each: offsets stay put).
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


class Token:
    """One word (or mark) of a sentence: its written form (folded, expanded), its lemma, and
    where it was in the folded text. A plain slotted class: a sentence makes dozens."""

    __slots__ = ("end", "form", "lemma", "start")

    def __init__(self, form: str, start: int, end: int) -> None:
        self.form = form
        self.lemma = lemma(form)
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Token({self.form!r}, {self.start}, {self.end})"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]`` (``text`` is folded: lower case), spelled out."""
    text = text.translate(_APOSTROPHES)
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        low, high = match.span()
        for form in _spell_out(match.group()):
            tokens.append(Token(form, low, high))
    return tokens


def _spell_out(word: str) -> tuple[str, ...]:
    """The words ``word`` stands for: contractions and known misspellings spelled out."""
    known = SPELLINGS.get(word)
    if known is not None:
        return known
    if "'" not in word:
        return (word,)
    stem, _, tail = word.rpartition("'")
    if tail == "t" and stem.endswith("n"):  # don't, won't, can't, haven't
        base = stem[:-1]
        return (NOT_STEMS.get(stem, base), "not")
    if tail in CLITICS:
        return (stem, CLITICS[tail])
    if tail == "s":  # it's -> it is; Dana's -> Dana
        return (stem, "is") if stem in IS_AFTER else (stem,)
    return (word,)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every sentence of ``text``, in order, its end mark included."""
    spans = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
