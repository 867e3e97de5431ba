"""A small grammar over canonical words: rules name families and words, with bounded gaps.

A rule is a line of space-separated items, matched against :attr:`~.text.Words.text`:

=============  ===========================================================================
``word``       the word (in any inflection, case or spelling :mod:`~.text` folds to it)
``a/b/c``      one of the words
``@family``    any member of a family (:mod:`~invitecore_personalization.families`);
               members may be several words ("come across"); ``@a/@b/word`` any of them
``word?``      the word, or nothing (also ``@family?``, ``a/b?``)
``~``          up to three words of the same clause (``~5``: up to five)
``NAME``       a capitalised name (an organisation, event, person, place)
``SLOT``       an unfilled placeholder; ``NUM`` a number or year
=============  ===========================================================================

Rules are whole words: ``post`` never matches ``postgres``. A gap never crosses a clause mark,
so "your talk. Our post" is not "your ~ post". Every repetition is bounded, so a rule runs in
linear time on any input.

Each rule is its own regex, compiled the first time a note could match it: a rule can match
only a note that has at least one word of each of its required items, so :class:`Grammar`
indexes every rule by one of them (its *anchor*, the item whose words are rarest in notes)
and tries only the rules whose anchor word is in the note and whose other required items
are there too. Most notes try a dozen rules of the three hundred, and a run compiles only
the rules its notes can use.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

from invitecore_personalization.text import Tokens

__all__ = ["Grammar", "Match", "Rule", "compile_rule"]

_GAP_WORD = r"(?:[^ .]+ )"
_DEFAULT_GAP = 3
_MARKS = ("NAME", "SLOT", "NUM")

Match = tuple[int, int]
"""The first and last token of a match (inclusive)."""

# Words in most notes: an item made only of these is a poor anchor (it would send almost
# every note to the rule). Any other word counts as rare.
_FREQUENT = frozenset(
    """i im id ive ill you your youre we were us our my me a an the to and of in on at for
    with from be have do it this that would could can will like love NAME your . about
    connect hi""".split()  # noqa: SIM905
)
_FREQUENT_WEIGHT = 50


def _alternatives(words: Sequence[str], canonical: Callable[[str], str]) -> tuple[list[str], str]:
    """The canonical forms of ``words`` (each may be several words), and a regex for any of
    them, each followed by a space."""
    forms = sorted({" ".join(canonical(w) for w in phrase.split()) for phrase in words if phrase})
    if not forms:
        return forms, "(?!)"
    trie: _Trie = {}
    for form in forms:
        node = trie
        for ch in form + " ":
            node = node.setdefault(ch, {})
        node[_END] = {}
    return forms, "(?:" + _trie_source(trie) + ")"


_Trie = dict[str, "_Trie"]
_END = ""  # the key that marks the end of a form in a trie node


def _trie_source(node: _Trie) -> str:
    """A regex for the forms of a character trie.

    At each character the engine follows the one branch that can match instead of trying
    every form in turn (a family has up to a hundred). Where a form ends and a longer one
    goes on ("post " and "post office "), the longer is tried first, as in an alternation of
    the forms longest first.
    """
    branches = [re.escape(ch) + _trie_source(child) for ch, child in node.items() if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return body + "?" if len(branches) > 1 else "(?:" + body + ")?"
    return body


def compile_rule(
    rule: str, families: Mapping[str, Sequence[str]], canonical: Callable[[str], str]
) -> tuple[str, tuple[frozenset[str], ...], frozenset[str] | None]:
    """The regex source for one rule (see the module docstring); for each required item (not
    optional, not a gap) the tokens any of its words starts with; and the tokens a match can
    start with (None when a leading gap lets it start anywhere).

    :raises ValueError: for an unknown family.
    """
    parts = []
    required: list[frozenset[str]] = []
    first: set[str] | None = set()
    opened = False  # a required item or a gap came: the first token is known
    for item in rule.split():
        if item == "~" or (item.startswith("~") and item[1:].isdigit()):
            size = int(item[1:]) if len(item) > 1 else _DEFAULT_GAP
            parts.append(f"{_GAP_WORD}{{0,{size}}}")
            if not opened:
                first, opened = None, True
            continue
        optional = item.endswith("?") and len(item) > 1
        body = item[:-1] if optional else item
        words: list[str] = []
        marks: list[str] = []
        for piece in body.split("/"):
            if piece.startswith("@"):
                if piece[1:] not in families:
                    raise ValueError(f"unknown family {piece} in rule {rule!r}")
                words.extend(families[piece[1:]])
            elif piece in _MARKS:
                marks.append(piece)
            else:
                words.append(piece)
        forms, alternatives = _alternatives(words, canonical) if words else ([], "")
        choices = ([alternatives] if words else []) + [mark + " " for mark in marks]
        source = "(?:" + "|".join(choices) + ")"
        parts.append(f"(?:{source})?" if optional else source)
        starts = [form.split()[0] for form in forms] + marks
        if not opened and first is not None:
            first.update(starts)
            opened = not optional
        if not optional:
            required.append(frozenset(starts))
    return "".join(parts), tuple(required), frozenset(first) if first is not None else None


class Rule:
    """One rule line, its regex (compiled when first needed) and the words it needs.

    :param line: the rule as written.
    :param source: its regex source (:func:`compile_rule`).
    :param required: for each required item, the tokens its words start with.
    :param first: the tokens a match can start with (None: any).
    """

    __slots__ = ("_pattern", "first", "line", "required", "source")

    def __init__(
        self,
        line: str,
        source: str,
        required: tuple[frozenset[str], ...],
        first: frozenset[str] | None,
    ) -> None:
        self.line = line
        self.source = source
        self.required = required
        self.first = first
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The rule's regex, matched at a space before a word of :attr:`~.text.Words.text`;
        it ends with the space after its last word."""
        if self._pattern is None:
            self._pattern = re.compile(f" (?:{self.source})")
        return self._pattern

    def can_match(self, words: Tokens) -> bool:
        """False when some required item has none of its words in the note."""
        return not any(item.isdisjoint(words.vocabulary) for item in self.required)

    def matches(self, words: Tokens) -> Iterator[Match]:
        """Every match in ``words`` as (first token, last token): the first way the rule
        matches from each token where it matches at all, in order."""
        vocabulary = words.vocabulary
        pattern, text, starts = self.pattern, words.text, words.starts
        if self.first is None:
            found = pattern.search(text)
            while found is not None:
                first = words.index_at(found.start() + 1)
                last = words.index_at(found.end() - 2)
                if last >= first:
                    yield first, last
                found = pattern.search(text, found.start() + 1)
            return
        # A match can only start at one of the rule's first words: try there alone.
        positions = words.positions
        here = [positions[token] for token in self.first.intersection(vocabulary)]
        for first in sorted(itertools.chain.from_iterable(here)) if len(here) > 1 else here[0]:
            found = pattern.match(text, starts[first] - 1)
            if found is not None:
                yield first, bisect.bisect_left(starts, found.end()) - 1


def _anchor(rule: Rule) -> frozenset[str]:
    """The required item whose words are rarest in notes (see the module docstring)."""
    return min(
        rule.required,
        key=lambda item: sum(_FREQUENT_WEIGHT if t in _FREQUENT else 1 for t in item),
    )


class Grammar:
    """Named groups of rules, read together: where each group matches in a note.

    :param groups: group name -> its rule lines (see the module docstring).
    :param families: family name -> members.
    :param canonical: the canonical form of a word (see :class:`~.text.Lexicon`).
    """

    def __init__(
        self,
        groups: Mapping[str, Sequence[str]],
        families: Mapping[str, Sequence[str]],
        canonical: Callable[[str], str],
    ) -> None:
        self.groups: dict[str, tuple[Rule, ...]] = {}
        self._index: dict[str, list[_Indexed]] = {}
        self._always: list[_Indexed] = []  # rules without a required item
        # Each distinct required item is one bit; a token sets the bits of the items it is in.
        items: dict[frozenset[str], int] = {}
        self._bits: dict[str, int] = {}
        for group, lines in groups.items():
            rules = []
            for number, line in enumerate(lines):
                rule = Rule(line, *compile_rule(line, families, canonical))
                rules.append(rule)
                mask = 0
                for item in rule.required:
                    if item not in items:
                        items[item] = bit = 1 << len(items)
                        for token in item:
                            self._bits[token] = self._bits.get(token, 0) | bit
                    mask |= items[item]
                indexed = _Indexed(group, number, rule, mask)
                if not rule.required:
                    self._always.append(indexed)
                    continue
                for token in _anchor(rule):
                    self._index.setdefault(token, []).append(indexed)
            self.groups[group] = tuple(rules)
        self._anchors = frozenset(self._index)

    def read(self, words: Tokens) -> dict[str, tuple[Match, ...]]:
        """For every group, its matches in ``words`` in order: one per token where any of its
        rules matches, from the first such rule (as if the group were one alternation)."""
        vocabulary = words.vocabulary
        # The required items that have a word here, as bits; then the rules indexed by a word
        # here whose required items are all here.
        present = functools.reduce(
            operator.or_, map(self._bits.get, vocabulary, itertools.repeat(0)), 0
        )
        candidates = set(self._always)
        for token in self._anchors.intersection(vocabulary):
            candidates.update(self._index[token])
        # group -> first token -> (rule number, last token)
        found: dict[str, dict[int, tuple[int, int]]] = {}
        text, starts, positions = words.text, words.starts, words.positions
        for group, number, rule, mask in candidates:
            if present & mask != mask:
                continue
            seen = found.setdefault(group, {})
            if rule.first is None:
                matches: Iterable[Match] = rule.matches(words)
            else:
                # Rule.matches inline (the costliest loop of a reading): the rule is tried only
                # where one of its first words is.
                match = rule.pattern.match
                at = [positions[token] for token in rule.first.intersection(vocabulary)]
                matches = []
                for first in sorted(itertools.chain.from_iterable(at)) if len(at) > 1 else at[0]:
                    hit = match(text, starts[first] - 1)
                    if hit is not None:
                        matches.append((first, bisect.bisect_left(starts, hit.end()) - 1))
            for first, last in matches:
                if first not in seen or seen[first][0] > number:
                    seen[first] = (number, last)
        return {
            group: tuple([(first, hits[first][1]) for first in sorted(hits)])
            if (hits := found.get(group))
            else ()
            for group in self.groups
        }


class _Indexed(NamedTuple):
    """A rule as the index holds it: its group, its number there, the rule, and the bits of
    its required items."""

    group: str
    number: int
    rule: Rule
    mask: int
