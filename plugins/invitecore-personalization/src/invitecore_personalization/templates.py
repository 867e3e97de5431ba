"""Is a note one of LinkedIn's default texts, or built around one? (PER102)

Both the note and each default text become word lists: case, punctuation, apostrophes and curly
quotes are ignored; the recipient's and sender's names become a ``<name>`` slot, the profile's
group names a ``<group>`` slot; a leading salutation and a trailing signature ("- Sam",
"Thanks, Sam Lee") are dropped. The note is built around a default text when the words they
share in order cover at least ``default-text-coverage`` of the note *and* of the default text.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from invitecore import Profile

if TYPE_CHECKING:
    from invitecore_personalization.greeting import Salutation
    from invitecore_personalization.names import RecipientNames
    from invitecore_personalization.patterns import Compiled

__all__ = [
    "Template",
    "TemplateMatch",
    "compile_templates",
    "could_match",
    "default_text",
    "match_template",
    "strip_signature",
]

_WORD = re.compile(r"[\w'’]+")
_NAME_SLOT = "<name>"
_GROUP_SLOT = "<group>"
_SLOTS = {"nameslot": _NAME_SLOT, "groupslot": _GROUP_SLOT}
_TAIL = 80
# Words a salutation ("Hi Dana Kowalski,") and a signature ("Best regards, Sam Lee") may add.
_SALUTATION_AND_SIGNATURE_WORDS = 10


def _key(word: str) -> str:
    return word.replace("'", "").replace("’", "").lower()


@attrs.frozen(kw_only=True, eq=False)
class Template:
    """A default text as a word list (salutation dropped), and the text itself."""

    text: str
    words: tuple[str, ...]
    # Derived fields: attrs fills each ``takes_self`` default in order, after ``words``.
    keys: frozenset[str] = attrs.field(
        init=False, default=attrs.Factory(lambda self: frozenset(self.words), takes_self=True)
    )
    """The distinct words."""
    repeats: tuple[tuple[str, int], ...] = attrs.field(
        init=False,
        default=attrs.Factory(
            lambda self: tuple(
                (w, self.words.count(w) - 1) for w in sorted(self.keys) if self.words.count(w) > 1
            ),
            takes_self=True,
        ),
    )
    """Words that occur more than once, and how many times more."""
    repeated: int = attrs.field(
        init=False,
        default=attrs.Factory(lambda self: len(self.words) - len(self.keys), takes_self=True),
    )
    """How many words are repeats."""

    @property
    def has_group(self) -> bool:
        """True when the text has a ``<group>`` slot."""
        return _GROUP_SLOT in self.keys

    def shared(self, present: frozenset[str] | set[str]) -> int:
        """How many of the text's words (with repeats) are among ``present``: at most the
        words an alignment can match."""
        return len(self.keys & present) + sum(n for w, n in self.repeats if w in present)


@attrs.frozen(kw_only=True)
class TemplateMatch:
    """The default text a note is built around, how well it covers it, and the span it covers."""

    template: Template
    coverage: float
    span: tuple[int, int]


def compile_templates(
    texts: Iterable[str], greeting_words: Collection[str]
) -> tuple[Template, ...]:
    """Word lists for the default ``texts`` ("<name>" and "<group>" are slots)."""
    greetings = {w.lower() for w in greeting_words}
    templates = []
    for text in texts:
        marked = text.replace("<name>", " nameslot ").replace("<group>", " groupslot ")
        words = [_SLOTS.get(k, k) for k in (_key(w) for w in _WORD.findall(marked))]
        if len(words) >= 2 and words[0] in greetings and words[1] == _NAME_SLOT:
            words = words[2:]
        if words:
            templates.append(Template(text=text, words=tuple(words)))
    return tuple(templates)


def strip_signature(note: str, signature: re.Pattern[str]) -> int:
    """Where the note's signature starts ("- Sam", "Best,\\nSam"), or ``len(note)`` if none."""
    offset = max(0, len(note) - _TAIL)
    match = signature.search(note, offset)
    return match.start("sig") if match is not None else len(note)


def could_match(text: str, templates: Sequence[Template], coverage: float) -> bool:
    """False when no part of ``text`` can be built around a default text, whatever names and
    groups it holds (as if it held a name and a group: slots only add shared words).

    Words shared in order are a subset of the words shared at all, so a set intersection
    rules out almost every note before the costlier alignment of :func:`match_template`.
    """
    if len(text.split()) > _word_limit(templates, coverage):
        return False
    present = _keys(text)
    present.update((_NAME_SLOT, _GROUP_SLOT))
    for template in templates:
        need = coverage * len(template.words)
        # The distinct words first (one intersection in C); repeats only add to them.
        if len(template.keys & present) + template.repeated >= need and (
            template.shared(present) >= need
        ):
            return True
    return False


# Bytes that are no word character (what _WORD does not take) -> a blank.
_ASCII_KEYS = bytes(b if chr(b).isalnum() or chr(b) in "_'" else 32 for b in range(256))


def _keys(text: str) -> set[str]:
    """The set of :func:`_key` of every word of ``text``."""
    if text.isascii():
        # The same words as _WORD.findall() then _key(), apostrophes dropped, in C.
        raw = text.lower().encode("ascii").translate(_ASCII_KEYS, b"'")
        return set(raw.decode("ascii").split())
    return {_key(w) for w in _WORD.findall(text)}


@functools.lru_cache(maxsize=8)
def _word_limit(templates: Sequence[Template], coverage: float) -> float:
    """More words than this (after greeting and signature) cannot be covered."""
    longest = max((len(t.words) for t in templates), default=0)
    return longest / max(coverage, 0.05) + _SALUTATION_AND_SIGNATURE_WORDS


def default_text(
    note: str,
    salutation: Salutation | None,
    names: RecipientNames,
    profile: Profile,
    sender_name: str | None,
    compiled: Compiled,
) -> TemplateMatch | None:
    """The default text ``note`` is built around, for this recipient and sender (PER102).

    :param salutation: the salutation that opens the note (it is not part of a default text).
    """
    if len(note.split()) > _word_limit(compiled.templates, compiled.coverage):
        return None  # too long to be covered by any default text
    start = salutation.span[1] if salutation is not None else 0
    end = max(start, strip_signature(note, compiled.signature))
    words = _keys(note[start:end])
    name_keys = set(names.keys)
    if sender_name:
        name_keys.update(w.lower() for w in sender_name.split())
    group_keys = {w.lower() for g in profile.groups for w in g.replace("(", " ").split()}
    # Only the names among the note's words matter (they become slots), so the same note to
    # the next person whose names it does not hold is the same question.
    return _match(
        note,
        (start, end),
        frozenset(words & name_keys),
        frozenset(words & group_keys),
        compiled.templates,
        compiled.coverage,
    )


# A note built around a default text is often sent unchanged to many people: its match is kept
# per note and per names it holds.
@functools.lru_cache(maxsize=1024)
def _match(
    note: str,
    body: tuple[int, int],
    name_keys: frozenset[str],
    group_keys: frozenset[str],
    templates: tuple[Template, ...],
    coverage: float,
) -> TemplateMatch | None:
    return match_template(note, body, name_keys, group_keys, templates, coverage)


def match_template(
    note: str,
    body: tuple[int, int],
    name_keys: Collection[str],
    group_keys: Collection[str],
    templates: Sequence[Template],
    coverage: float,
) -> TemplateMatch | None:
    """The default text ``note[body[0]:body[1]]`` is built around, or None.

    :param body: the note without its salutation and signature.
    :param name_keys: lower-case words of the recipient's and sender's names.
    :param group_keys: lower-case words of the profile's groups.
    """
    start, end = body
    tokens = [(m.start(), m.end(), _key(m.group())) for m in _WORD.finditer(note, start, end)]
    plain = _slot([(k, i) for i, (_, _, k) in enumerate(tokens)], name_keys, _NAME_SLOT)
    grouped = _slot(plain, group_keys, _GROUP_SLOT)
    best: TemplateMatch | None = None
    for template in templates:
        slotted = grouped if template.has_group else plain
        words = [word for word, _ in slotted]
        if not words or len(set(words) & template.keys) < coverage * len(template.words):
            continue  # too few shared words to reach the coverage: no alignment needed
        blocks = difflib.SequenceMatcher(None, template.words, words, autojunk=False)
        matched = [b for b in blocks.get_matching_blocks() if b.size]
        shared = sum(b.size for b in matched)
        score = min(shared / len(words), shared / len(template.words))
        if score >= coverage and (best is None or score > best.coverage):
            first = slotted[matched[0].b][1]
            last = slotted[matched[-1].b + matched[-1].size - 1][1]
            best = TemplateMatch(
                template=template, coverage=score, span=(tokens[first][0], tokens[last][1])
            )
    return best


def _slot(
    words: Sequence[tuple[str, int]], keys: Collection[str], slot: str
) -> list[tuple[str, int]]:
    """``(word, position)`` pairs with each run of words in ``keys`` replaced by one ``slot``."""
    slotted: list[tuple[str, int]] = []
    for word, position in words:
        if word in keys or word == slot:
            if slotted and slotted[-1][0] == slot:
                continue
            word = slot
        slotted.append((word, position))
    return slotted
