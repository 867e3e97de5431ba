"""Is a note one of LinkedIn's default texts, or built around one? (PER102)

Both the note and each default text become word lists: case, punctuation, apostrophes and curly
quotes are ignored; the recipient's and sender's names become a ``<name>`` slot, the profile's
group names a ``<group>`` slot; a leading salutation and a trailing signature ("- Sam",
"Thanks, Sam Lee") are dropped. The note is built around a default text when the words they
share in order cover at least ``default-text-coverage`` of the note *and* of the default text.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from invitecore import Profile

if TYPE_CHECKING:
    from invitecore_personalization.patterns import Compiled

__all__ = ["Template", "TemplateMatch", "compile_templates", "default_text", "strip_signature"]

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

    @property
    def has_group(self) -> bool:
        """True when the text has a ``<group>`` slot."""
        return _GROUP_SLOT in self.words


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


def default_text(
    note: str, profile: Profile, sender_name: str | None, compiled: Compiled
) -> TemplateMatch | None:
    """The default text ``note`` is built around, for this recipient and sender (PER102)."""
    from invitecore_personalization.greeting import find_salutation
    from invitecore_personalization.names import recipient_names

    longest = max((len(t.words) for t in compiled.templates), default=0)
    if len(note.split()) > longest / max(compiled.coverage, 0.05) + _SALUTATION_AND_SIGNATURE_WORDS:
        return None  # too long to be covered by any default text
    names = recipient_names(profile, compiled)
    salutation = find_salutation(note, names, compiled)
    start = salutation.span[1] if salutation is not None else 0
    end = max(start, strip_signature(note, compiled.signature))
    name_keys = set(names.keys)
    if sender_name:
        name_keys.update(w.lower() for w in sender_name.split())
    group_keys = {w.lower() for g in profile.groups for w in g.replace("(", " ").split()}
    return match_template(
        note, (start, end), name_keys, group_keys, compiled.templates, compiled.coverage
    )


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
        if not words or len(set(words) & set(template.words)) < coverage * len(template.words):
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
