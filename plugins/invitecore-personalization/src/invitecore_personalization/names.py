"""The recipient's names as a greeting should use them, and what is wrong with a greeting's name.

Name fields are messy (docs/sources.md section 7): ``Marcus O'Neill (LION) marcus@example.com``,
``Dr. Priya Raman, PhD``. :func:`recipient_names` cleans them; :func:`judge_greeting` compares
the words a salutation used with them.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from typing import NamedTuple

from invitecore import Profile
from invitecore_personalization.patterns import Compiled, fold_name

__all__ = ["NameProblem", "RecipientNames", "fold_name", "judge_greeting", "recipient_names"]

# Bracketed asides and e-mail addresses are never part of a name (LION counts, addresses).
_ASIDES = re.compile(r"\([^()]{0,200}\)|\[[^\[\]]{0,200}\]|\S{1,100}@\S{1,200}")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]{0,60}")
_NICKNAME_MIN = 3
_PLAIN_LENGTH = 61
_NO_SHORT_FORMS: frozenset[str] = frozenset()


class RecipientNames(NamedTuple):
    """Clean display names and the folded keys greetings are compared with."""

    first: str
    last: str
    first_key: str
    last_key: str
    keys: frozenset[str]
    short_forms: frozenset[str] = frozenset()

    def is_first(self, key: str) -> bool:
        """True when ``key`` is the first name or a short form of it.

        A short form is listed in the ``nicknames`` setting ("Bob" for "Robert"), or starts with
        the same letter and spells its letters in order inside the first name ("Tom" for
        "Thomas", "Dan" for "Daniel", "Kate" for "Katherine").
        """
        first = self.first_key
        if not first or not key:
            return False
        if key == first or key in self.short_forms:
            return True
        if len(key) < _NICKNAME_MIN or key[0] != first[0]:
            return False
        if key.startswith(first):
            return True  # "Danny" for "Dan"
        remaining = iter(first)
        return all(ch in remaining for ch in key)


def _name_words(text: str | None, compiled: Compiled) -> list[tuple[str, str]]:
    """The name words of ``text`` and their folded keys, without credentials and titles."""
    if not text:
        return []
    if len(text) <= _PLAIN_LENGTH and text.replace(" ", "").isalpha():
        # Letters and spaces only (almost every name field): no aside to drop, and each word
        # is one _NAME_WORD match.
        words = text.split()
    else:
        words = _NAME_WORD.findall(_ASIDES.sub(" ", text))
    skip = compiled.not_in_names
    return [(word, key) for word in words if (key := _fold(word)) not in skip]


def _fold(word: str) -> str:
    # fold_name() of an ASCII word of letters is its lower case.
    return word.lower() if word.isascii() and word.isalpha() else fold_name(word)


def recipient_names(profile: Profile, compiled: Compiled) -> RecipientNames:
    """The recipient's first and last name, without titles, credentials, LION or addresses."""
    first, last = profile.first_name, profile.last_name
    if (
        first and last and first.isascii() and first.isalpha() and last.isascii()
        and last.isalpha() and profile.name == f"{first} {last}"
        and len(first) <= _PLAIN_LENGTH and len(last) <= _PLAIN_LENGTH
    ):
        # The usual export: one plain word in each of the first and last name fields, and
        # the name field the two: what the general way below finds, without reading any field
        # twice.
        first_key, last_key = first.lower(), last.lower()
        if first_key not in compiled.not_in_names and last_key not in compiled.not_in_names:
            return RecipientNames(
                first=first,
                last=last,
                first_key=first_key,
                last_key=last_key,
                keys=frozenset((first_key, last_key)),
                short_forms=compiled.nicknames.get(first_key, _NO_SHORT_FORMS),
            )
    first_words = _name_words(profile.first_name, compiled)
    last_words = _name_words(profile.last_name, compiled)
    full = _name_words(profile.name, compiled)
    first_words = first_words or full[:1]
    last_words = last_words or (full[-1:] if len(full) > 1 else [])
    first_key = first_words[0][1] if first_words else ""
    return RecipientNames(
        first=" ".join([word for word, _ in first_words]),
        last=" ".join([word for word, _ in last_words]),
        first_key=first_key,
        last_key=last_words[-1][1] if last_words else "",
        keys=frozenset([key for _, key in full + first_words + last_words]),
        short_forms=compiled.nicknames.get(first_key, _NO_SHORT_FORMS),
    )


class NameProblem(enum.Enum):
    """Why a salutation's name is wrong (PER112)."""

    PASTED = "credentials or 'LION' pasted from the name field"
    TITLE_ONLY = "a title without a name"
    LAST_FIRST = "'Last, First' order"
    LAST_NAME = "the last name without a title, as if it were the first name"
    OTHER_PERSON = "a first name that is not theirs"


def judge_greeting(
    keys: Sequence[str], pasted: bool, names: RecipientNames, compiled: Compiled
) -> NameProblem | None:
    """What is wrong with greeting the recipient by the name words ``keys`` (None when nothing is).

    :param keys: the salutation's name words, in order, folded (:func:`fold_name`): "dr",
        "raman".
    :param pasted: True when the salutation carried a bracketed aside such as "(LION)".
    """
    if pasted or not compiled.credentials.isdisjoint(keys):
        return NameProblem.PASTED
    titled = bool(keys) and keys[0] in compiled.honorifics
    rest = keys[1:] if titled else keys
    if not rest:
        return NameProblem.TITLE_ONLY if titled else None
    if titled:
        # "Dear Dr. Raman" and "Dear Dr. Priya Raman" are both fine.
        return None if rest[-1] in names.keys else NameProblem.OTHER_PERSON
    if names.is_first(rest[0]):
        return None
    if len(rest) >= 2 and rest[0] == names.last_key and names.is_first(rest[1]):
        return NameProblem.LAST_FIRST
    if rest[0] == names.last_key and names.last_key != names.first_key:
        return NameProblem.LAST_NAME
    if rest[0] in names.keys:
        return None  # a middle or preferred name written in the name field
    return NameProblem.OTHER_PERSON
