"""A small grammar over canonical words: rules name families and words, with bounded gaps.

A rule is a line of space-separated items, matched against :attr:`~.text.Tokens.tokens`:

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
so "your talk. Our post" is not "your ~ post". Every gap is bounded, so a rule runs in linear
time on any input.

A rule matches as a regular expression of its items would (the first way, trying a longer
member before a shorter one, a longer gap before a shorter one and an optional item before
its absence), but over tokens, with dictionaries: nothing is compiled, so the first note of
a run costs what any other does. A rule can match only a note that has at least one word of
each of its required items, so :class:`Grammar` indexes every rule by one of them (its
*anchor*, the item whose words are rarest in notes) and tries only the rules whose anchor word
is in the note and whose other required items are there too, and only where one of the words
it can start with is. Most notes try a dozen rules of the three hundred.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from invitecore_personalization.text import BREAK, Tokens

__all__ = ["Grammar", "Match", "Rule", "compile_rule"]

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


class Step(NamedTuple):
    """One item of a rule, as it is matched.

    ``forms`` maps the first token of each member to the tokens after it, longest first
    (``()`` for a one-word member); a gap has no forms and a ``gap`` of up to so many tokens.
    """

    forms: Mapping[str, tuple[tuple[str, ...], ...]]
    optional: bool
    gap: int


def _item_forms(
    body: str, families: Mapping[str, Sequence[str]], canonical: Callable[[str], str]
) -> Mapping[str, tuple[tuple[str, ...], ...]]:
    """The members of one item (``@family/word/NAME``): first token -> the tokens after it
    in each member, longest first.

    :raises ValueError: for an unknown family.
    """
    words: list[str] = []
    for piece in body.split("/"):
        if piece.startswith("@"):
            if piece[1:] not in families:
                raise ValueError(f"unknown family {piece}")
            words.extend(families[piece[1:]])
        else:
            words.append(piece)
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for phrase in words:
        # The marks NAME, SLOT and NUM stand as they are; words are read as notes are.
        tokens = [w if w in _MARKS else canonical(w) for w in phrase.split()]
        if tokens:
            by_first.setdefault(tokens[0], set()).add(tuple(tokens[1:]))
    return {
        token: tuple(sorted(rests, key=len, reverse=True)) for token, rests in by_first.items()
    }


def compile_rule(
    rule: str,
    families: Mapping[str, Sequence[str]],
    canonical: Callable[[str], str],
    known: dict[str, Mapping[str, tuple[tuple[str, ...], ...]]] | None = None,
) -> tuple[tuple[Step, ...], tuple[frozenset[str], ...], frozenset[str] | None]:
    """The steps of one rule (see the module docstring); for each required item (not
    optional, not a gap) the tokens any of its words starts with; and the tokens a match can
    start with (None when a leading gap lets it start anywhere).

    :param known: items already read (item -> its members), shared by the rules of a grammar.
    :raises ValueError: for an unknown family.
    """
    known = {} if known is None else known
    steps = []
    required: list[frozenset[str]] = []
    first: set[str] | None = set()
    opened = False  # a required item or a gap came: the first token is known
    for item in rule.split():
        if item == "~" or (item.startswith("~") and item[1:].isdigit()):
            gap = int(item[1:]) if len(item) > 1 else _DEFAULT_GAP
            steps.append(Step({}, optional=False, gap=gap))
            if not opened:
                first, opened = None, True
            continue
        optional = item.endswith("?") and len(item) > 1
        body = item[:-1] if optional else item
        forms = known.get(body)
        if forms is None:
            try:
                forms = known[body] = _item_forms(body, families, canonical)
            except ValueError as error:
                raise ValueError(f"{error} in rule {rule!r}") from None
        steps.append(Step(forms, optional=optional, gap=0))
        if not opened and first is not None:
            first.update(forms)
            opened = not optional
        if not optional:
            required.append(frozenset(forms))
    return tuple(steps), tuple(required), frozenset(first) if first is not None else None


def _match(steps: tuple[Step, ...], k: int, tokens: tuple[str, ...], i: int) -> int | None:
    """Where a match of ``steps[k:]`` from token ``i`` ends (exclusive), the first way (see
    the module docstring), or None."""
    size, count = len(tokens), len(steps)
    # Steps with one way to go are followed in a loop; a choice (a gap, an optional item, a
    # member with a longer one) tries the rest of the rule for each way, in order.
    while k < count:
        forms, optional, gap = steps[k]
        if gap:
            # Greedy, as a regex repetition: the longest run of words of this clause first.
            end, limit = i, i + gap
            if limit > size:
                limit = size
            while end < limit and tokens[end] != BREAK:
                end += 1
            for j in range(end, i - 1, -1):
                found = _match(steps, k + 1, tokens, j)
                if found is not None:
                    return found
            return None
        rests = forms.get(tokens[i]) if i < size else None
        if rests is None:
            if not optional:
                return None
        elif len(rests) == 1 and not optional:
            rest = rests[0]
            if rest:
                if tokens[i + 1 : i + 1 + len(rest)] != rest:
                    return None
                i += len(rest)
            i += 1
        else:
            for rest in rests:
                j = i + 1 + len(rest)
                if not rest or tokens[i + 1 : j] == rest:
                    found = _match(steps, k + 1, tokens, j)
                    if found is not None:
                        return found
            return _match(steps, k + 1, tokens, i) if optional else None
        k += 1
    return i


class Rule:
    """One rule line, its steps and the words it needs.

    :param line: the rule as written.
    :param steps: its items (:func:`compile_rule`).
    :param required: for each required item, the tokens its words start with.
    :param first: the tokens a match can start with (None: any).
    """

    __slots__ = ("first", "line", "required", "steps")

    def __init__(
        self,
        line: str,
        steps: tuple[Step, ...],
        required: tuple[frozenset[str], ...],
        first: frozenset[str] | None,
    ) -> None:
        self.line = line
        self.steps = steps
        self.required = required
        self.first = first

    def matches(self, words: Tokens) -> list[Match]:
        """Every match in ``words`` as (first token, last token): the first way the rule
        matches from each token where it matches at all, in order. A rule with known first
        words is tried only where one of them is."""
        tokens, steps = words.tokens, self.steps
        if self.first is None:
            starts: Iterable[int] = range(len(tokens))
        else:
            at = [words.positions[token] for token in self.first.intersection(words.vocabulary)]
            if not at:
                return []  # a rule of optional items only, none of them here
            starts = sorted(itertools.chain.from_iterable(at)) if len(at) > 1 else at[0]
        found = []
        for first in starts:
            end = _match(steps, 0, tokens, first)
            if end is not None and end > first:
                found.append((first, end - 1))
        return found


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
        # Families share their words across many rules: fold each word once.
        canonical = functools.lru_cache(maxsize=None)(canonical)
        known: dict[str, Mapping[str, tuple[tuple[str, ...], ...]]] = {}
        for group, lines in groups.items():
            rules = []
            for number, line in enumerate(lines):
                rule = Rule(line, *compile_rule(line, families, canonical, known))
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
        for group, number, rule, mask in candidates:
            if present & mask != mask:
                continue
            seen = found.setdefault(group, {})
            for first, last in rule.matches(words):
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
