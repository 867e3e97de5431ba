"""Everything compiled from one :class:`~invitecore.Settings` object, built once and cached.

The core builds the settings once per run and they hash by identity, so
:func:`compiled` runs once per run (per worker), never per case.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping

import attrs

from invitecore import Settings
from invitecore_personalization.lexicon import Scanner
from invitecore_personalization.templates import Template, compile_templates

__all__ = ["CUE_TAGS", "Compiled", "compiled", "fold_name", "key_set"]

_SPLIT_SLACK = 2
# Words a salutation ("Hi Dana Kowalski,") and a signature ("Best regards, Sam Lee") may add.
_SALUTATION_AND_SIGNATURE_WORDS = 10

CUE_TAGS = (
    "met", "found", "why", "benefit", "shared", "stock", "pitch", "favour",
)
"""The tags of the one-pass cue scan, each fed by the ``<tag>-cues`` setting (``stock-phrases``)."""

_CUE_SETTINGS = {
    "met": "met-cues",
    "found": "found-cues",
    "why": "why-cues",
    "benefit": "benefit-cues",
    "shared": "shared-interest-cues",
    "stock": "stock-phrases",
    "pitch": "pitch-cues",
    "favour": "favour-cues",
}


def fold_name(word: str) -> str:
    """``word`` compared as a name: case, accents, trailing dots and curly quotes ignored."""
    if word.isascii():
        # The common case, in one step: no curly quote to straighten, and casefold() of ASCII
        # is lower().
        return word.rstrip(".").lower()
    return _fold_unicode(word)


# Names recur from row to row (a few are common in any list of people), and removing accents
# takes a call per character: each distinct word is folded once while it is recent.
@functools.lru_cache(maxsize=4096)
def _fold_unicode(word: str) -> str:
    word = word.replace("’", "'").rstrip(".").casefold()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def key_set(words: Iterable[str]) -> frozenset[str]:
    """Words as they are compared: lower case, without trailing dots (``Dr.`` -> ``dr``)."""
    return frozenset(word.strip().lower().rstrip(".") for word in words)


@attrs.frozen(kw_only=True, eq=False)
class Compiled:
    """The compiled form of one plugin settings table.

    Compared and hashed by identity, like the settings it is built from (one per run), so that
    memoised helpers can take it as part of their key.
    """

    cues: Scanner
    salutation: re.Pattern[str]
    placeholders: re.Pattern[str]
    link_tlds: tuple[str, ...]
    sign_offs: tuple[str, ...]
    templates: tuple[Template, ...]
    calendar_hosts: tuple[str, ...]
    generic_greetees: frozenset[str]
    not_names: frozenset[str]
    honorifics: frozenset[str]
    credentials: frozenset[str]
    not_in_names: frozenset[str]
    nicknames: Mapping[str, frozenset[str]]
    greeting_words: frozenset[str]
    coverage: float
    template_word_limit: int
    note_word_limit: int
    why_required_for: frozenset[str]
    benefit_required_for: frozenset[str]
    free_limit: int
    premium_limit: int
    shortest_limit: int  # the smaller of the two: a note within it is within both

    # Compiled when first used, not on the first case of every run: most notes have no link
    # and are not near a default text (the only case the signature is looked for). Both are
    # built from escaped words, so no setting can make them fail later.
    @functools.cached_property
    def links(self) -> re.Pattern[str]:
        """Links: a scheme, "www." or a bare name with one of ``link-tlds``."""
        return _links(self.link_tlds)

    @functools.cached_property
    def signature(self) -> re.Pattern[str]:
        """A signature at the end of a note ("- Sam", "Best,\\nSam"), see ``sign-offs``."""
        return _signature(self.sign_offs)


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so "good morning" is preferred over a shorter word with the same start.
    ordered = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or "(?!)"


def _salutation(words: Iterable[str]) -> re.Pattern[str]:
    # At the very start of the note (after blanks and up to three symbols such as an emoji).
    return re.compile(
        r"\s{0,20}(?:[^\w\s]{1,3}\s{0,5})?(?P<word>" + _alternation(words) + r")(?!\w)"
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


@functools.lru_cache(maxsize=8)
def compiled(settings: Settings) -> Compiled:
    """Compile ``settings`` (cached per settings object: they hash by identity)."""
    greeting_words = tuple(settings["greeting-words"])
    templates = compile_templates(settings["default-texts"], greeting_words)
    coverage = float(settings["default-text-coverage"])
    longest = max((len(t.words) for t in templates), default=0)
    free_limit = int(settings["free-note-limit"])
    premium_limit = int(settings["premium-note-limit"])
    # Longer bodies cannot be covered enough by any default text; the slack is for words
    # that str.split() and the word tokenizer split differently ("LinkedIn.- Sam").
    template_word_limit = int(longest / max(coverage, 0.05)) + _SPLIT_SLACK
    return Compiled(
        cues=Scanner(
            {tag: settings[name] for tag, name in _CUE_SETTINGS.items()},
            rare=[("pitch", "favour")],
        ),
        salutation=_salutation(greeting_words),
        placeholders=re.compile("|".join(f"(?:{p})" for p in settings["placeholder-patterns"])
                                or "(?!)"),
        link_tlds=tuple(settings["link-tlds"]),
        sign_offs=tuple(settings["sign-offs"]),
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
        greeting_words=key_set(greeting_words),
        coverage=coverage,
        template_word_limit=template_word_limit,
        note_word_limit=template_word_limit + _SALUTATION_AND_SIGNATURE_WORDS,
        why_required_for=key_set(settings["why-required-for"]),
        benefit_required_for=key_set(settings["benefit-required-for"]),
        free_limit=free_limit,
        premium_limit=premium_limit,
        shortest_limit=min(free_limit, premium_limit),
    )
