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
from collections.abc import Collection, Iterable, Mapping, Sequence

import attrs

__all__ = [
    "Template", "TemplateMatch", "compile_templates", "could_match", "could_match_any",
    "match_template", "strip_signature", "word_keys",
]

_WORD = re.compile(r"[\w'’]+")
# ASCII text as one bytes.translate() sees it: word characters lower-cased, apostrophes deleted
# (_key() drops them) and every other character a space, so str.split() yields the keys of
# _WORD's tokens.
_ASCII_KEYS = bytes(
    ch if chr(ch).isalnum() or ch == ord("_") else ord(" ") for ch in range(128)
).lower() + bytes(128)
# A _WORD token made of apostrophes only ("' '") has the empty key, which deleting apostrophes
# would lose. Written to start with the apostrophe (the look-behind checks the character before
# it) so that the search skips straight from apostrophe to apostrophe.
_LONE_APOSTROPHES = re.compile(r"'(?<![\w']')'*(?![\w'])")
_NAME_SLOT = "<name>"
_GROUP_SLOT = "<group>"
_SLOTS = {"nameslot": _NAME_SLOT, "groupslot": _GROUP_SLOT}
_TAIL = 80


def _key(word: str) -> str:
    return word.replace("'", "").replace("’", "").lower()


def _keys(text: str) -> set[str]:
    """The set of :func:`_key` of every word of ``text``."""
    if text.isascii():
        # One C-level translate and split instead of a regex match and a _key() call per word
        # (about a fifth of the cost); in ASCII text per-word and whole-text lower-casing agree.
        keys = set(text.encode("ascii").translate(_ASCII_KEYS, b"'").decode("ascii").split())
        if "'" in text and _LONE_APOSTROPHES.search(text) is not None:
            keys.add("")
        return keys
    # Outside ASCII lower() may change the length ("İ") or depend on context (final sigma), so
    # keys stay per word.
    return {_key(word) for word in _WORD.findall(text)}


def word_keys(text: str) -> frozenset[str]:
    """The words of ``text`` as default texts are compared (case and apostrophes ignored)."""
    return frozenset(_keys(text))


def _tokens(note: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` of every word of ``note[start:end]``."""
    if note.isascii():
        # ASCII lower() keeps offsets, so one lower() of the note replaces one per word.
        lowered = note.lower()
        return [
            (m.start(), m.end(), m.group().replace("'", ""))
            for m in _WORD.finditer(lowered, start, end)
        ]
    return [(m.start(), m.end(), _key(m.group())) for m in _WORD.finditer(note, start, end)]


@attrs.frozen(kw_only=True, eq=False)
class Template:
    """A default text as a word list (salutation dropped), and the text itself.

    Compared and hashed by identity (built once per settings object), so that a tuple of them
    can key the memoised helpers below.
    """

    text: str
    words: tuple[str, ...]
    counts: Mapping[str, int] = attrs.field(factory=dict)
    # Derived from counts, for _candidates: its words as a set (set & frozenset runs in C) and
    # how much more than once each repeated word counts.
    keys: frozenset[str] = attrs.field(init=False)
    repeats: Mapping[str, int] = attrs.field(init=False)

    @keys.default
    def _keys_default(self) -> frozenset[str]:
        return frozenset(self.counts)

    @repeats.default
    def _repeats_default(self) -> Mapping[str, int]:
        return {word: n - 1 for word, n in self.counts.items() if n != 1}

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
            counts = {word: words.count(word) for word in words}
            templates.append(Template(text=text, words=tuple(words), counts=counts))
    return tuple(templates)


def strip_signature(note: str, signature: re.Pattern[str]) -> int:
    """Where the note's signature starts ("- Sam", "Best,\\nSam"), or ``len(note)`` if none."""
    offset = max(0, len(note) - _TAIL)
    match = signature.search(note, offset)
    return match.start("sig") if match is not None else len(note)


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
    candidates = _candidates(note[start:end], name_keys, group_keys, templates, coverage)
    if not candidates:
        return None
    tokens = _tokens(note, start, end)
    plain = _slot([(k, i) for i, (_, _, k) in enumerate(tokens)], name_keys, _NAME_SLOT)
    grouped: list[tuple[str, int]] | None = None
    sets: dict[int, set[str]] = {}  # the words of plain and of grouped, as sets
    best: TemplateMatch | None = None
    for template in candidates:
        size = len(template.words)
        # Matched words never exceed the shorter list, so lengths alone rule most notes out.
        if not coverage * size <= len(tokens) <= size / coverage:
            continue
        if template.has_group and grouped is None:
            grouped = _slot(plain, group_keys, _GROUP_SLOT)
        slotted = grouped if template.has_group and grouped is not None else plain
        words = [word for word, _ in slotted]
        # The alignment matches no more words than the template words the note holds at all,
        # so a template that cannot reach the coverage, or beat the best match so far, is
        # skipped without the costly alignment (which alone decides the result).
        present = sets.get(id(slotted))
        if present is None:
            present = sets[id(slotted)] = set(words)
        bound = _shared_counts(present, (template,))[0] / max(len(words), size)
        if bound < coverage or (best is not None and bound <= best.coverage):
            continue
        if tuple(words) == template.words:
            # The default text word for word (the common case): one block covers both lists,
            # which is what the alignment would find, at a fraction of its cost.
            matched = [difflib.Match(0, 0, size)]
        else:
            blocks = difflib.SequenceMatcher(None, template.words, words, autojunk=False)
            matched = [b for b in blocks.get_matching_blocks() if b.size]
        shared = sum(b.size for b in matched)
        score = min(shared / len(words), shared / size)
        if score >= coverage and (best is None or score > best.coverage):
            first = slotted[matched[0].b][1]
            last = slotted[matched[-1].b + matched[-1].size - 1][1]
            best = TemplateMatch(
                template=template, coverage=score, span=(tokens[first][0], tokens[last][1])
            )
    return best


def could_match(
    text: str,
    name_keys: Collection[str],
    group_keys: Collection[str],
    templates: Sequence[Template],
    coverage: float,
) -> bool:
    """False when ``text`` shares too few words with every default text to be built around one.

    Also False for every part of ``text`` that starts and ends at word boundaries (it has no
    words ``text`` lacks), so a cheap test on a superset can spare the search for the part.
    """
    return bool(_candidates(text, name_keys, group_keys, templates, coverage))


# Memoised: called on the words after a note's salutation, which are the same in every note a
# template gives, whoever it greets.
@functools.lru_cache(maxsize=4096)
def could_match_any(text: str, templates: tuple[Template, ...], coverage: float) -> bool:
    """False when no part of ``text`` can be built around a default text, whatever the names.

    :func:`could_match` for every recipient, sender and group at once: as if the text held a
    name and a group (the slots only add to the words it shares). Also False for every part of
    ``text`` that starts and ends at word boundaries, like :func:`could_match`.
    """
    vocabulary, slots = _vocabulary(templates)
    return _covers_any(_shared_keys(text, vocabulary) | slots, templates, coverage)


@functools.lru_cache(maxsize=8)
def _vocabulary(templates: tuple[Template, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Every word of the default texts, and the slots among them."""
    vocabulary = frozenset().union(*(template.keys for template in templates))
    return vocabulary, vocabulary & {_NAME_SLOT, _GROUP_SLOT}


def _shared_keys(text: str, vocabulary: frozenset[str]) -> frozenset[str]:
    """The :func:`_keys` of ``text`` that are in ``vocabulary``, without building them all."""
    if not text.isascii() or ("" in vocabulary and "'" in text):
        return vocabulary.intersection(_keys(text))
    return vocabulary.intersection(
        text.encode("ascii").translate(_ASCII_KEYS, b"'").decode("ascii").split()
    )


# Which default texts a note shares enough words with depends only on which of their words it
# holds: a few dozen words, so few combinations, and the same ones recur from note to note.
@functools.lru_cache(maxsize=1024)
def _covers_any(shared: frozenset[str], templates: tuple[Template, ...], coverage: float) -> bool:
    counts = _shared_counts(shared, templates)
    return any(
        count >= coverage * len(template.words)
        for template, count in zip(templates, counts, strict=True)
    )


def _candidates(
    body: str,
    name_keys: Collection[str],
    group_keys: Collection[str],
    templates: Sequence[Template],
    coverage: float,
) -> list[Template]:
    """Templates that share enough words with ``body`` to be worth aligning word by word.

    Words shared in order are a subset of words shared at all, so a set intersection (in C)
    rules out most templates before the costlier tokenizing and alignment.
    """
    present = _keys(body)
    if not present.isdisjoint(name_keys):
        present.add(_NAME_SLOT)
    if not present.isdisjoint(group_keys):
        present.add(_GROUP_SLOT)
    counts = _shared_counts(present, templates)
    return [
        template
        for template, count in zip(templates, counts, strict=True)
        if count >= coverage * len(template.words)
    ]


def _shared_counts(
    present: set[str] | frozenset[str], templates: Iterable[Template]
) -> list[int]:
    """How many of each template's words (counted with repeats) are among ``present``."""
    counts = []
    # One C-level set intersection per template plus its few repeated words, in one loop
    # (a function call or generator per template costs as much as the intersection).
    for template in templates:
        shared = present & template.keys
        count = len(shared)
        if template.repeats:
            for word, extra in template.repeats.items():
                if word in shared:
                    count += extra
        counts.append(count)
    return counts


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
