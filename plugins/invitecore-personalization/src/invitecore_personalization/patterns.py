"""Everything built from one :class:`~invitecore.Settings` object, once per run.

The core builds the settings once per run and they hash by identity, so :func:`compiled` runs
once per run (per worker), never per case.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from invitecore import NetworkingCamp, Relationship, Settings
from invitecore_personalization.templates import Template, compile_templates, could_match

if TYPE_CHECKING:
    from invitecore_personalization.reading import Reader

__all__ = ["RULE_SETTINGS", "Compiled", "compiled", "default_settings", "fold_name", "key_set"]

RULE_SETTINGS = {
    "met": "met-cues",
    "history": "history-cues",
    "found": "found-cues",
    "shared": "shared-context-cues",
    "why": "why-cues",
    "benefit": "benefit-cues",
    "gift": "gift-cues",
    "sender_only": "sender-only-cues",
    "stock": "stock-phrases",
    "pitch": "pitch-cues",
    "favour": "favour-cues",
}
"""Rule group (:mod:`~.phrasing`) -> the setting that holds its rules."""


def fold_name(word: str) -> str:
    """``word`` compared as a name: case, accents, trailing dots and curly quotes ignored."""
    word = word.replace("’", "'").rstrip(".").casefold()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def key_set(words: Iterable[str]) -> frozenset[str]:
    """Words as they are compared, folded as :func:`fold_name` folds the words it looks up
    (``Dr.`` -> ``dr``, ``Señora`` -> ``senora``)."""
    return frozenset(fold_name(word.strip()) for word in words)


@attrs.frozen(kw_only=True, eq=False)
class Compiled:
    """The compiled form of one plugin settings table (compared by identity)."""

    reader: Reader
    salutation: re.Pattern[str]
    opening: re.Pattern[str]
    placeholders: re.Pattern[str]
    links: re.Pattern[str]
    signature: re.Pattern[str]
    templates: tuple[Template, ...]
    calendar_hosts: tuple[str, ...]
    generic_greetees: frozenset[str]
    not_names: frozenset[str]
    honorifics: frozenset[str]
    credentials: frozenset[str]
    not_in_names: frozenset[str]
    nicknames: Mapping[str, frozenset[str]]
    coverage: float
    why_required_for: frozenset[str]
    benefit_required_for: frozenset[str]
    blank_normal_camps: frozenset[NetworkingCamp]
    blank_normal_for: frozenset[Relationship]
    free_limit: int
    premium_limit: int


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so "good morning" is preferred over a shorter word with the same start.
    ordered = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or "(?!)"


def _salutation(words: Iterable[str]) -> re.Pattern[str]:
    # At the very start of the note (after blanks and up to three symbols such as an emoji).
    return re.compile(
        r"\s{0,20}(?:[^\w\s]{1,3}\s{0,5})?(?P<word>" + _alternation(words) + r")(?!\w)"
    )


def _opening(words: Iterable[str]) -> re.Pattern[str]:
    # A greeting word and one to three capitalised words up to the clause mark after them
    # ("Hi Dana,", "Dear Ms Sørby," stops at the "." of "Ms.": see greeting.body_start).
    name = r"[^\W\d_][\w'’-]{0,40}"
    return re.compile(
        r"\s{0,20}(?:[^\w\s]{1,3}\s{0,5})?(?P<word>(?i:"
        + _alternation(words)
        + r"))(?!\w),?[ \t]{1,20}"
        r"(?P<names>" + name + r"(?:[ \t]{1,5}" + name + r"){0,2})[ \t]{0,3}"
        r"(?=[,!:\n\u2014\u2013])"
    )


def _links(tlds: Iterable[str]) -> re.Pattern[str]:
    # A scheme or "www." always makes a link; a bare "name.tld" needs a known TLD. The
    # lookbehind keeps e-mail addresses ("sam@example.com") and "Node.js"-style words out.
    return re.compile(
        r"(?:https?://|www\.)[^\s<>\"']{1,2000}"
        r"|(?<![@\w.-])(?:[a-z0-9][a-z0-9-]{0,62}\.){1,4}(?:" + _alternation(tlds) + r")"
        r"(?![\w-])(?:/[^\s<>\"']{0,2000})?"
    )


def _signature(sign_offs: Iterable[str]) -> re.Pattern[str]:
    # Applied to the last 80 characters only (see templates.strip_signature), so the unbounded
    # blanks cannot add up over a long note.
    name = r"[^\W\d_a-z][\w'’.-]{0,30}(?:[ \t]+[^\W\d_a-z][\w'’.-]{0,30}){0,2}"
    return re.compile(
        r"(?:^|(?<=[\n.!?,;:)]))[ \t]*\n?[ \t]*(?P<sig>"
        r"(?:[-–—~]{1,3}[ \t]*|(?i:" + _alternation(sign_offs) + r")(?!\w)[ \t]*[,.!]?\s*)"
        r"(?:" + name + r")?[ \t]*[.!]?)\s*$"
    )


def _placeholders(patterns: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")


@functools.lru_cache(maxsize=1)
def default_settings() -> Settings:
    """The declared defaults, resolved as the core resolves them."""
    from invitecore.settings import resolve_settings
    from invitecore_personalization.settings import SETTINGS

    return resolve_settings({s.name: s for s in SETTINGS}, {}, plugin="personalization")


def _members(settings: Settings, name: str, kind: Iterable[str]) -> frozenset[str]:
    """The values of setting ``name``, each one of ``kind``'s (a typo would go unnoticed)."""
    values = key_set(settings[name])
    allowed = {str(member) for member in kind}
    unknown = sorted(values - allowed)
    if unknown:
        raise ValueError(
            f"personalization setting {name!r}: unknown value(s) {', '.join(unknown)}; "
            f"expected some of {', '.join(sorted(allowed))}"
        )
    return values


@functools.lru_cache(maxsize=8)
def compiled(settings: Settings) -> Compiled:
    """Compile ``settings`` (cached per settings object: they hash by identity)."""
    from invitecore_personalization.reading import Reader

    greeting_words = tuple(settings["greeting-words"])
    placeholders = _placeholders(settings["placeholder-patterns"])
    signature = _signature(settings["sign-offs"])
    templates = compile_templates(settings["default-texts"], greeting_words)
    coverage = float(settings["default-text-coverage"])

    def find_placeholders(note: str) -> list[tuple[int, int]]:
        return [m.span() for m in placeholders.finditer(note)]

    def could_be_default(text: str) -> bool:
        return could_match(text, templates, coverage)

    reader = Reader(
        families=settings["families"],
        rules={group: tuple(settings[name]) for group, name in RULE_SETTINGS.items()},
        irregular=settings["word-forms"],
        common=tuple(settings["common-words"]) + greeting_words,
        placeholders=find_placeholders,
        could_be_default=could_be_default,
        language_words={
            code: [word.lower() for word in words]
            for code, words in settings["language-words"].items()
        },
        unread_min_words=int(settings["unread-min-words"]),
        unread_min_share=float(settings["unread-min-share"]),
    )
    free_limit = int(settings["free-note-limit"])
    premium_limit = int(settings["premium-note-limit"])
    result = Compiled(
        reader=reader,
        salutation=_salutation(greeting_words),
        opening=_opening(greeting_words),
        placeholders=placeholders,
        links=_links(settings["link-tlds"]),
        signature=signature,
        templates=templates,
        calendar_hosts=tuple(h.lower() for h in settings["calendar-hosts"]),
        generic_greetees=key_set(settings["generic-greetees"]),
        not_names=key_set(settings["not-names"]),
        honorifics=key_set(settings["honorifics"]),
        credentials=key_set(settings["credentials"]),
        not_in_names=key_set(settings["credentials"]) | key_set(settings["honorifics"]),
        nicknames={
            fold_name(full): frozenset(fold_name(short) for short in shorts)
            for full, shorts in settings["nicknames"].items()
        },
        coverage=coverage,
        why_required_for=key_set(settings["why-required-for"]),
        benefit_required_for=key_set(settings["benefit-required-for"]),
        blank_normal_camps=frozenset(
            map(NetworkingCamp, _members(settings, "blank-normal-for-camps", NetworkingCamp))
        ),
        blank_normal_for=frozenset(
            map(Relationship, _members(settings, "blank-normal-for", Relationship))
        ),
        free_limit=free_limit,
        premium_limit=premium_limit,
    )
    return result
