"""Find the salutation at the start of a note and the name words it uses.

``Hi Dana,`` / ``hey dana i saw ...`` / ``Dear Dr. Raman,`` / ``Lena! Great seeing you`` /
``Hi Kowalski, Dana,`` / ``Hi Marcus (LION),`` / ``Hi ,`` (an empty fill) / ``Hi there,``.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Protocol

from invitecore_personalization.names import RecipientNames, fold_name
from invitecore_personalization.patterns import Compiled

__all__ = [
    "Opening", "Question", "Salutation", "find_salutation", "names_recipient", "read_opening",
    "salutation_for",
]

# One token of a salutation: a bracketed aside, a word, or one other character. Applied with
# .match() at successive positions of the first 120 characters only.
_TOKEN = re.compile(
    r"[ \t]{0,20}(?:(?P<aside>[(\[][^()\[\]\n]{0,40}[)\]])|(?P<word>[^\W\d_][\w'’.-]{0,40})"
    r"|(?P<other>\S))"
)
_EMPTY_FILL = re.compile(r"[ \t]+[,!.:;?]")
# The usual opening of a template's note after its greeting word: one capitalised ASCII word,
# a comma, and the next word ("Dana, we met ..."). Each part is exactly the token _TOKEN finds
# there (the name ends at the comma, so it is the whole word token; "after" is _TOKEN's word
# alternative), which lets _read_plain_name read it with one match.
_PLAIN_NAME = re.compile(
    r"[ \t]{0,20}(?P<name>[A-Z][a-z]{0,40}),[ \t]{0,20}(?P<after>[^\W\d_][\w'’.-]{0,40})"
)
_MAX_NAME_WORDS = 5
_WINDOW = 120


class Salutation(NamedTuple):
    """The opening of a note (a named tuple: one is built per case).

    :param span: the salutation from the greeting word to the end of the name (or of the
        greeting word when there is no name).
    :param words: the name words, in order; empty when the salutation names nobody.
    :param keys: the words as names are compared (:func:`~.names.fold_name`).
    :param pasted: True when a bracketed aside ("(LION)", "[LION 6,500+]") followed the name.
    :param empty_fill: True for "Hi ," (a template whose name came out empty).
    """

    span: tuple[int, int]
    words: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    pasted: bool = False
    empty_fill: bool = False

    @property
    def has_name(self) -> bool:
        """True when the salutation names someone (rightly or wrongly)."""
        return bool(self.words)


# The questions about the recipient's names that reading a salutation may ask.
_IS_NAME = 0  # is this word one of their names, or a short form of their first name?
_IS_FIRST = 1  # is it their first name (or a short form)?
_LAST_FIRST = 2  # is the word before the comma their last name, and this their first?
Question = tuple[int, str, str]
"""A question about the recipient's names: (kind, key, key of the word before a comma)."""


class _Names:
    """The answers about the recipient's names, or, without names, the questions asked.

    Reading with ``names=None`` answers every question "no" and records it: when the real
    names also answer each of them "no", reading with them takes the very same steps and
    gives the same salutation (see :func:`salutation_for`).
    """

    __slots__ = ("asked", "names")

    def __init__(self, names: RecipientNames | None) -> None:
        self.names = names
        self.asked: list[Question] = []

    def ask(self, kind: int, key: str, before: str = "") -> bool:
        """The answer to one question (always "no" without names)."""
        names = self.names
        if names is None:
            self.asked.append((kind, key, before))
            return False
        return _answer(names, kind, key, before)


def _answer(names: RecipientNames, kind: int, key: str, before: str) -> bool:
    if kind == _IS_NAME:
        return key in names.keys or names.is_first(key)
    if kind == _IS_FIRST:
        return names.is_first(key)
    return before == names.last_key and names.is_first(key)


def _is_name_word(word: str, key: str, taken: int, names: _Names, compiled: Compiled) -> bool:
    if key in compiled.not_names:
        return False
    if key in compiled.credentials or key in compiled.honorifics:
        return True
    # A capitalised word right after "Hi" is a name even when it is not theirs ("Hi John").
    if word[:1].isupper() and taken < _MAX_NAME_WORDS - 1:
        return True
    return names.ask(_IS_NAME, key)


def _key(word: str) -> str:
    # fold_name() without the call for ASCII words (almost all): no curly quote, no accent.
    return word.rstrip(".").lower() if word.isascii() else fold_name(word)


def _continues_after_comma(
    note: str, pos: int, last_key: str, names: _Names, compiled: Compiled
) -> bool:
    """True when the text after a comma still belongs to the name ("Kowalski, Dana", ", MBA").

    :param last_key: the key of the name word before the comma.
    """
    token = _TOKEN.match(note, pos)
    if token is None or token.lastgroup != "word":
        return token is not None and token.lastgroup == "aside"
    key = _key(token["word"])
    if key in compiled.credentials:
        return True
    return names.ask(_LAST_FIRST, key, last_key)


_NameWords = tuple[tuple[str, ...], tuple[str, ...], bool, int]


def _read_plain_name(note: str, start: int, names: _Names, compiled: Compiled) -> _NameWords | None:
    """What :func:`_read_name` finds for "Dana, we ...", or None when the text has another shape.

    The steps the general reading takes for it, without its token loop (a note not seen before
    reads its salutation once, and almost every template note opens this way): the word is a
    name word (capitalised, first, and not in ``not-names`` nor a generic greetee), the comma
    asks whether the next word continues the name ("Kowalski, Dana", ", MBA"), and the answer
    "no" ends the name at the comma.
    """
    plain = _PLAIN_NAME.match(note, start)
    if plain is None:
        return None
    name = plain["name"]
    key = name.lower()  # _key() of an ASCII word without dots
    if key in compiled.not_names or key in compiled.generic_greetees:
        return None
    after = _key(plain["after"])
    # The questions _continues_after_comma() asks, in its order. A "yes" means the name goes
    # on: the general reading then asks again, which records nothing twice (only reading
    # without names records questions, and there every answer is "no").
    if after in compiled.credentials or names.ask(_LAST_FIRST, after, key):
        return None
    return (name,), (key,), False, plain.end("name")


def _read_name(note: str, start: int, names: _Names, compiled: Compiled) -> _NameWords:
    """The name words from ``start``, their keys, whether an aside was pasted in, and where the
    name ends."""
    plain = _read_plain_name(note, start, names, compiled)
    if plain is not None:
        return plain
    return _read_name_words(note, start, names, compiled)


def _read_name_words(note: str, start: int, names: _Names, compiled: Compiled) -> _NameWords:
    """:func:`_read_name` for any text: token by token."""
    words: list[str] = []
    keys: list[str] = []
    pasted = False
    end = pos = start
    limit = min(len(note), start + _WINDOW)
    match = _TOKEN.match
    while pos < limit and len(words) < _MAX_NAME_WORDS:
        token = match(note, pos)
        if token is None:
            break
        kind = token.lastgroup  # the one named group that matched
        text = token.group(kind)  # type: ignore[arg-type]
        if kind == "word":
            key = _key(text)
            if not _is_name_word(text, key, len(words), names, compiled) or (
                not words and key in compiled.generic_greetees
            ):
                break
            words.append(text)
            keys.append(key)
            end = pos = token.end()
        elif kind == "aside":
            inner = fold_name(text[1:-1])
            if not words or (not any(ch.isdigit() for ch in inner) and "lion" not in inner):
                break  # "[First Name]" is a placeholder (PER113), not a pasted aside
            pasted = True
            end = pos = token.end()
        elif text == "," and words and _continues_after_comma(
            note, token.end(), keys[-1], names, compiled
        ):
            pos = token.end()
        else:
            break
    return tuple(words), tuple(keys), pasted, end


def _salutation(
    note: str, folded: str, names: _Names, compiled: Compiled
) -> Salutation | None:
    opening = compiled.salutation.match(folded)
    if opening is not None:
        word_start, word_end = opening.span("word")
        fill = _EMPTY_FILL.match(note, word_end)
        if fill is not None:
            return Salutation((word_start, fill.end()), empty_fill=True)
        pos = word_end
        # "Hi, Dana" puts a comma between greeting word and name.
        if note[pos : pos + 1] == ",":
            pos += 1
        words, keys, pasted, end = _read_name(note, pos, names, compiled)
        if words:
            return Salutation((word_start, end), words, keys, pasted)
        generic = _TOKEN.match(note, word_end)
        if generic is not None and generic.lastgroup == "word" and (
            _key(generic["word"]) in compiled.generic_greetees
        ):
            word_end = generic.end()
        return Salutation((word_start, word_end))
    # No greeting word: "Lena! Great seeing you" opens with the name itself.
    first = _TOKEN.match(note)
    if first is not None and first.lastgroup == "word" and names.ask(
        _IS_FIRST, _key(first["word"])
    ):
        start = first.start("word")
        words, keys, pasted, end = _read_name(note, start, names, compiled)
        if words:
            return Salutation((start, end), words, keys, pasted)
    return None


class Opening(Protocol):
    """How a note opens, read once per note text (see :func:`read_opening`)."""

    @property
    def note(self) -> str:
        """The note."""

    @property
    def folded(self) -> str:
        """:func:`~invitecore_personalization.lexicon.fold_text` of the note."""

    @property
    def assumed(self) -> Salutation | None:
        """The salutation for a recipient whose names answer every question "no"."""

    @property
    def asked(self) -> tuple[Question, ...]:
        """The questions about the recipient's names that reading the salutation asked."""


def read_opening(
    note: str, folded: str, compiled: Compiled
) -> tuple[Salutation | None, tuple[Question, ...]]:
    """How ``note`` opens, as far as that does not depend on whom it is sent to.

    :param folded: :func:`~invitecore_personalization.lexicon.fold_text` of ``note``.
    :returns: the salutation for a recipient whose names answer every question asked "no"
        (most: "Hi Dana," asks only whether "Dana, I ..." is "Last, First"), and the
        questions asked (see :class:`Opening`).
    """
    unknown = _Names(None)
    assumed = _salutation(note, folded, unknown, compiled)
    return assumed, tuple(unknown.asked)


def salutation_for(
    opening: Opening, names: RecipientNames, compiled: Compiled
) -> Salutation | None:
    """The salutation of a note that opens with ``opening``, sent to ``names``."""
    for kind, key, before in opening.asked:
        # "Hi Dana, I ..." asks whether "Dana, I" is "Last, First": mostly it is not their last
        # name, which settles it without the call.
        if kind == _LAST_FIRST and before != names.last_key:
            continue
        if _answer(names, kind, key, before):
            # One answer differs, so the reading goes another way: read again, with names.
            return find_salutation(opening.note, opening.folded, names, compiled)
    return opening.assumed


def find_salutation(
    note: str, folded: str, names: RecipientNames, compiled: Compiled
) -> Salutation | None:
    """The salutation that opens ``note`` (None when the note does not open with one)."""
    return _salutation(note, folded, _Names(names), compiled)


def names_recipient(folded: str, names: RecipientNames) -> bool:
    """True when the recipient's first name appears anywhere as a whole word ("..., Dana!")."""
    key = names.first_key
    if not key:
        return False
    text = folded if folded.isascii() else fold_name(folded)
    start = text.find(key)
    while start >= 0:
        end = start + len(key)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = text.find(key, end)
    return False
