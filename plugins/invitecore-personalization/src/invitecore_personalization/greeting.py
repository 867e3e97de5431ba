"""Find the salutation at the start of a note and the name words it uses.

``Hi Dana,`` / ``hey dana i saw ...`` / ``Dear Dr. Raman,`` / ``Lena! Great seeing you`` /
``Hi Kowalski, Dana,`` / ``Hi Marcus (LION),`` / ``Hi ,`` (an empty fill) / ``Hi there,``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from invitecore_personalization.names import RecipientNames, fold_name

if TYPE_CHECKING:
    from invitecore_personalization.patterns import Compiled

__all__ = [
    "Salutation",
    "body_start",
    "find_salutation",
    "greeting_span",
    "names_recipient",
    "read_opening",
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
# there, so _read_name can read it with one match instead of a token loop.
_PLAIN_NAME = re.compile(
    r"[ \t]{0,20}(?P<name>[A-Z][a-z]{0,40}),[ \t]{0,20}(?P<after>[^\W\d_][\w'’.-]{0,40})"
)
# A name that opens the note without a salutation word: "Rafael, quick note", "Anouk…",
# "Svetlana hi!", "Kenji —".
_BARE_NAME = re.compile(
    r"\s{0,5}(?P<name>[^\W\d_][\w'’-]{1,30}(?:[ \t]+[^\W\d_][\w'’-]{1,30})?)"
    r"(?=[ \t]{0,3}(?:[,!:\u2014\u2013\u2026]|-\s|\.\.\.|[ \t]+(?i:hi|hello|hey)\b))"
)
_MAX_NAME_WORDS = 5
_WINDOW = 120


class Salutation(NamedTuple):
    """The opening of a note.

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


def _is_name_word(word: str, key: str, taken: int, names: RecipientNames, c: Compiled) -> bool:
    if key in c.not_names:
        return False
    if key in c.credentials or key in c.honorifics:
        return True
    # A capitalised word right after "Hi" is a name even when it is not theirs ("Hi John").
    if word[:1].isupper() and taken < _MAX_NAME_WORDS - 1:
        return True
    return key in names.keys or names.is_first(key)


def _continues_after_comma(
    note: str, pos: int, last_key: str, names: RecipientNames, c: Compiled
) -> bool:
    """True when the text after a comma still belongs to the name ("Kowalski, Dana", ", MBA")."""
    token = _TOKEN.match(note, pos)
    if token is None or token.lastgroup != "word":
        return token is not None and token.lastgroup == "aside"
    key = fold_name(token["word"])
    if key in c.credentials:
        return True
    return last_key == names.last_key and names.is_first(key)


def _read_name(
    note: str, start: int, names: RecipientNames, c: Compiled
) -> tuple[tuple[str, ...], tuple[str, ...], bool, int]:
    """The name words from ``start``, their keys, whether an aside was pasted in, and where
    the name ends."""
    plain = _PLAIN_NAME.match(note, start)
    if plain is not None:
        # What the token loop below finds for "Dana, we": a name word (capitalised, first,
        # neither a not-name nor "there"), then a comma after which the name does not go on.
        name = plain["name"]
        key = name.lower()
        if (
            key not in c.not_names
            and key not in c.generic_greetees
            and not _continues_after_comma(note, plain.start("after"), key, names, c)
        ):
            return (name,), (key,), False, plain.end("name")
    words: list[str] = []
    keys: list[str] = []
    pasted = False
    end = pos = start
    limit = min(len(note), start + _WINDOW)
    while pos < limit and len(words) < _MAX_NAME_WORDS:
        token = _TOKEN.match(note, pos)
        if token is None:
            break
        kind = token.lastgroup
        if kind == "word":
            text = token["word"]
            key = fold_name(text)
            if not _is_name_word(text, key, len(words), names, c) or (
                not words and key in c.generic_greetees
            ):
                break
            words.append(text)
            keys.append(key)
            end = pos = token.end()
        elif kind == "aside":
            inner = fold_name(token["aside"][1:-1])
            if not words or (not any(ch.isdigit() for ch in inner) and "lion" not in inner):
                break  # "[First Name]" is a placeholder (PER113), not a pasted aside
            pasted = True
            end = pos = token.end()
        elif token["other"] == "," and words and _continues_after_comma(
            note, token.end(), keys[-1], names, c
        ):
            pos = token.end()
        else:
            break
    return tuple(words), tuple(keys), pasted, end


def find_salutation(note: str, names: RecipientNames, c: Compiled) -> Salutation | None:
    """The salutation that opens ``note`` (None when the note does not open with one)."""
    opening = c.salutation.match(note.lower())
    if opening is not None:
        return _after_greeting(note, *opening.span("word"), names, c)
    # No greeting word: the note opens with their name ("Lena! Great seeing you"), or with a
    # title and a name ("Dr. Ferreira, your keynote ...", "Panie Tomaszu, ...").
    first = _TOKEN.match(note)
    if first is None or first.lastgroup != "word":
        return None
    key = fold_name(first["word"])
    titled = key in c.honorifics
    if titled or names.is_first(key):
        start = first.start("word")
        words, keys, pasted, end = _read_name(note, start, names, c)
        # a title needs a name after it: "Sir, please accept ..." greets nobody
        if len(words) > (1 if titled else 0):
            return Salutation((start, end), words, keys, pasted)
    return None


def _after_greeting(
    note: str, word_start: int, word_end: int, names: RecipientNames, c: Compiled
) -> Salutation:
    """The salutation whose greeting word is ``note[word_start:word_end]``."""
    fill = _EMPTY_FILL.match(note, word_end)
    if fill is not None:
        return Salutation((word_start, fill.end()), empty_fill=True)
    pos = word_end
    if note[pos : pos + 1] == ",":  # "Hi, Dana" puts a comma between greeting and name
        pos += 1
    words, keys, pasted, end = _read_name(note, pos, names, c)
    if words:
        return Salutation((word_start, end), words, keys, pasted)
    generic = _TOKEN.match(note, word_end)
    if generic is not None and generic.lastgroup == "word" and (
        fold_name(generic["word"]) in c.generic_greetees
    ):
        word_end = generic.end()
    return Salutation((word_start, word_end))


def read_opening(note: str, names: RecipientNames, c: Compiled) -> tuple[Salutation | None, int]:
    """The salutation that opens ``note`` (:func:`find_salutation`) and where the text after
    the greeting's name starts (:func:`body_start`), with one match for both when the note
    opens the usual way ("Hi Dana, ...")."""
    opening = c.opening.match(note)
    if opening is None:
        return find_salutation(note, names, c), 0
    start = _body_start(note, opening, c)
    name, end = opening["names"], opening.end("names")
    if start and note[end : end + 1] == "," and name.isascii() and name.isalpha() and (
        name[1:].islower()
    ):
        # "Hi Dana, ...": what _after_greeting reads for one plain name word before a comma
        # (a name word, as _body_start checked), unless the name goes on after the comma.
        key = name.lower()
        if not _continues_after_comma(note, end + 1, key, names, c):
            return Salutation((opening.start("word"), end), (name,), (key,)), start
    return _after_greeting(note, *opening.span("word"), names, c), start


def names_recipient(note: str, names: RecipientNames) -> tuple[int, int] | None:
    """Where the recipient's first name appears as a whole word ("..., Dana!"), if anywhere."""
    key = names.first_key
    if not key:
        return None
    text = note.lower() if note.isascii() else fold_name(note)
    start = text.find(key)
    while start >= 0:
        end = start + len(key)
        if (start == 0 or not text[start - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            return start, end
        start = text.find(key, end)
    return None


def greeting_span(
    note: str, names: RecipientNames, salutation: Salutation | None, c: Compiled
) -> tuple[int, int] | None:
    """The greeting element: a salutation naming someone (even wrongly), a name opening the
    note, or their first name used anywhere. None for "Hi there", "Hi {first_name}", "Hi ,".

    :param salutation: :func:`find_salutation` of the note for these names.
    """
    if salutation is not None and salutation.has_name:
        if not _introduces_sender(note, salutation, names):
            return salutation.span
        # "Hey, Sanjay from the plant here": the name is the sender's; theirs may come later
        end = salutation.span[1]
        later = names_recipient(note[end:], names)
        return None if later is None else (later[0] + end, later[1] + end)
    if salutation is None:
        bare = _BARE_NAME.match(note)
        if bare is not None and _name_like(bare["name"], c):
            return bare.span("name")
    return names_recipient(note, names)


# What follows the sender's own name when they say who they are ("Sanjay here", "Sanjay from
# the Tucson plant here").
_SENDER_INTRO = re.compile(r"[ \t]*(?:,[ \t]*)?(?:here\b|from\b[^.!?\n]{0,60}?\bhere\b)", re.I)


def _introduces_sender(note: str, salutation: Salutation, names: RecipientNames) -> bool:
    """True when the salutation's name is the sender saying who they are, not theirs."""
    return (
        not names.is_first(salutation.keys[0])
        and salutation.keys[0] not in names.keys
        and _SENDER_INTRO.match(note, salutation.span[1]) is not None
    )


def body_start(note: str, c: Compiled) -> int:
    """Where the note's text goes on after a greeting and a capitalised name ("Hi Dana,"),
    at the clause mark after the name; 0 when the note does not open that way.

    The name is all a mail merge changes from one note of a template to the next, and no
    rule reads it (the salutation is read by :func:`find_salutation` for each recipient), so
    the text from here on is read once per template (see :mod:`~.reading`).
    """
    opening = c.opening.match(note)
    return 0 if opening is None else _body_start(note, opening, c)


def _body_start(note: str, opening: re.Match[str], c: Compiled) -> int:
    for word in opening["names"].split():
        key = word.lower() if word.isascii() else fold_name(word)
        if not word[:1].isupper() or key in c.not_names or key in c.generic_greetees:
            return 0  # the salutation may end before it, or go on differently
    if c.placeholders.search(note, 0, opening.end()) is not None:
        return 0  # "Hi FIRSTNAME,": an unfilled placeholder, read with the text
    return opening.end()


def _name_like(text: str, c: Compiled) -> bool:
    """True for a capitalised word that is no known word ("Patrick", "Hiroshi-san")."""
    first = text.split()[0]
    if not first[:1].isupper() or (first.isupper() and len(first) > 1 and len(text) > 3):
        return False
    key = fold_name(first)
    lexicon = c.reader.lexicon
    return not (
        key in c.not_names or key in c.generic_greetees or lexicon.is_known(key.replace("'", ""))
    )
