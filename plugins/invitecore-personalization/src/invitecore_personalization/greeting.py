"""Find the salutation at the start of a note and the name words it uses.

``Hi Dana,`` / ``hey dana i saw ...`` / ``Dear Dr. Raman,`` / ``Lena! Great seeing you`` /
``Hi Kowalski, Dana,`` / ``Hi Marcus (LION),`` / ``Hi ,`` (an empty fill) / ``Hi there,``.
"""

from __future__ import annotations

import re

import attrs

from invitecore_personalization.names import RecipientNames, fold_name
from invitecore_personalization.patterns import Compiled

__all__ = ["Salutation", "find_salutation", "names_recipient"]

# One token of a salutation: a bracketed aside, a word, or one other character. Applied with
# .match() at successive positions of the first 120 characters only.
_TOKEN = re.compile(
    r"[ \t]{0,20}(?:(?P<aside>[(\[][^()\[\]\n]{0,40}[)\]])|(?P<word>[^\W\d_][\w'’.-]{0,40})"
    r"|(?P<other>\S))"
)
_EMPTY_FILL = re.compile(r"[ \t]+[,!.:;?]")
_MAX_NAME_WORDS = 5
_WINDOW = 120


@attrs.frozen(kw_only=True)
class Salutation:
    """The opening of a note.

    :param span: the salutation from the greeting word to the end of the name (or of the
        greeting word when there is no name).
    :param words: the name words, in order; empty when the salutation names nobody.
    :param pasted: True when a bracketed aside ("(LION)", "[LION 6,500+]") followed the name.
    :param empty_fill: True for "Hi ," (a template whose name came out empty).
    """

    span: tuple[int, int]
    words: tuple[str, ...] = ()
    pasted: bool = False
    empty_fill: bool = False

    @property
    def has_name(self) -> bool:
        """True when the salutation names someone (rightly or wrongly)."""
        return bool(self.words)


def _is_name_word(word: str, taken: int, names: RecipientNames, compiled: Compiled) -> bool:
    key = fold_name(word)
    if key in compiled.not_names:
        return False
    if key in names.keys or names.is_first(key) or key in compiled.credentials:
        return True
    if key in compiled.honorifics:
        return True
    # A capitalised word right after "Hi" is a name even when it is not theirs ("Hi John").
    return word[:1].isupper() and taken < _MAX_NAME_WORDS - 1


def _continues_after_comma(
    note: str, pos: int, words: list[str], names: RecipientNames, compiled: Compiled
) -> bool:
    """True when the text after a comma still belongs to the name ("Kowalski, Dana", ", MBA")."""
    token = _TOKEN.match(note, pos)
    if token is None or token["word"] is None:
        return token is not None and token["aside"] is not None
    key = fold_name(token["word"])
    if key in compiled.credentials:
        return True
    return bool(words) and fold_name(words[-1]) == names.last_key and names.is_first(key)


def _read_name(
    note: str, start: int, names: RecipientNames, compiled: Compiled
) -> tuple[list[str], bool, int]:
    """The name words from ``start``, whether an aside was pasted in, and where the name ends."""
    words: list[str] = []
    pasted = False
    end = start
    pos = start
    limit = min(len(note), start + _WINDOW)
    while pos < limit and len(words) < _MAX_NAME_WORDS:
        token = _TOKEN.match(note, pos)
        if token is None:
            break
        if token["aside"] is not None:
            inner = fold_name(token["aside"][1:-1])
            if not words or (not any(ch.isdigit() for ch in inner) and "lion" not in inner):
                break  # "[First Name]" is a placeholder (PER113), not a pasted aside
            pasted, end, pos = True, token.end(), token.end()
            continue
        if token["word"] is not None:
            word = token["word"]
            if not _is_name_word(word, len(words), names, compiled):
                break
            if not words and fold_name(word) in compiled.generic_greetees:
                break
            words.append(word)
            end = pos = token.end()
            continue
        if token["other"] == "," and words and _continues_after_comma(
            note, token.end(), words, names, compiled
        ):
            pos = token.end()
            continue
        break
    return words, pasted, end


def find_salutation(
    note: str, folded: str, names: RecipientNames, compiled: Compiled
) -> Salutation | None:
    """The salutation that opens ``note`` (None when the note does not open with one)."""
    opening = compiled.salutation.match(folded)
    if opening is not None:
        word_start, word_end = opening.span("word")
        fill = _EMPTY_FILL.match(note, word_end)
        if fill is not None:
            return Salutation(span=(word_start, fill.end()), empty_fill=True)
        pos = word_end
        # "Hi, Dana" puts a comma between greeting word and name.
        if note[pos : pos + 1] == ",":
            pos += 1
        words, pasted, end = _read_name(note, pos, names, compiled)
        if not words:
            generic = _TOKEN.match(note, word_end)
            if generic is not None and generic["word"] is not None and (
                fold_name(generic["word"]) in compiled.generic_greetees
            ):
                word_end = generic.end()
            return Salutation(span=(word_start, word_end))
        return Salutation(span=(word_start, end), words=tuple(words), pasted=pasted)
    # No greeting word: "Lena! Great seeing you" opens with the name itself.
    first = _TOKEN.match(note)
    if first is not None and first["word"] is not None and names.is_first(fold_name(first["word"])):
        words, pasted, end = _read_name(note, first.start("word"), names, compiled)
        if words:
            return Salutation(span=(first.start("word"), end), words=tuple(words), pasted=pasted)
    return None


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
