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

A :class:`Rules` object is a named list of rules compiled into one regex;
:meth:`Rules.matches` gives the span (in tokens) of each match, first to last.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence

from invitecore_personalization.text import Words

__all__ = ["Match", "Rules", "compile_rule"]

_GAP_WORD = r"(?:[^ .]+ )"
_DEFAULT_GAP = 3

Match = tuple[int, int]
"""The first and last token of a match (inclusive)."""


def _alternatives(
    words: Sequence[str], canonical: Callable[[str], str]
) -> str:
    """A regex for any of ``words`` (each may be several words), longest first."""
    forms = {" ".join(canonical(w) for w in phrase.split()) for phrase in words if phrase}
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    return "(?:" + "|".join(re.escape(f) + " " for f in ordered) + ")" if ordered else "(?!)"


def compile_rule(
    rule: str, families: Mapping[str, Sequence[str]], canonical: Callable[[str], str]
) -> str:
    """The regex source for one rule (see the module docstring).

    :raises ValueError: for an unknown family.
    """
    parts = []
    for item in rule.split():
        if item == "~" or (item.startswith("~") and item[1:].isdigit()):
            size = int(item[1:]) if len(item) > 1 else _DEFAULT_GAP
            parts.append(f"{_GAP_WORD}{{0,{size}}}")
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
            elif piece in ("NAME", "SLOT", "NUM"):
                marks.append(piece + " ")
            else:
                words.append(piece)
        choices = [_alternatives(words, canonical)] if words else []
        source = "(?:" + "|".join(choices + marks) + ")"
        parts.append(f"(?:{source})?" if optional else source)
    return "".join(parts)


class Rules:
    """A list of rules read as one: where any of them matches in a note's words.

    :param rules: the rule lines (see the module docstring).
    :param families: family name -> members.
    :param canonical: the canonical form of a word (see :class:`~.text.Lexicon`).
    """

    def __init__(
        self,
        rules: Sequence[str],
        families: Mapping[str, Sequence[str]],
        canonical: Callable[[str], str],
    ) -> None:
        self.rules = tuple(rules)
        sources = [compile_rule(rule, families, canonical) for rule in self.rules]
        # Each match starts at a space (a word start) and ends with the space after its last
        # word.
        body = "|".join(f"(?:{s})" for s in sources) if sources else "(?!)"
        self.pattern = re.compile(f" (?:{body})")

    def matches(self, words: Words) -> Iterator[Match]:
        """Every match in ``words``, as (first token, last token), in order."""
        text = words.text
        pos = 0
        while True:
            found = self.pattern.search(text, pos)
            if found is None:
                return
            first = words.index_at(found.start() + 1)
            last = words.index_at(found.end() - 2)
            if last >= first:
                yield first, last
            pos = found.start() + 1  # the next match starts at a later word

    def first(self, words: Words) -> Match | None:
        """The first match in ``words``, or None."""
        return next(self.matches(words), None)


def clause(words: Words, first: int, last: int) -> tuple[int, int]:
    """The token range of the clause around tokens ``first`` to ``last`` (no ``.`` inside)."""
    return words.clauses[first][0], words.clauses[last][1]
