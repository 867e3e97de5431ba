"""The rule grammar matches as a regular expression of its items would.

The grammar matches over tokens without compiling anything; its documented behaviour is that
of a regex (the first way, a longer member before a shorter one, a longer gap first, an
optional item before its absence, gaps within a clause). The oracle here writes each rule as
that regex, plainly, and both must find the same matches on any tokens.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from invitecore_personalization.grammar import Grammar, Rule, compile_rule
from invitecore_personalization.text import Tokens

FAMILIES = {
    "a": ("x", "x y", "x y z"),
    "b": ("y", "z w", "w"),
    "c": ("NAME", "z"),
}
ITEMS = ["x", "y", "z", "w", "@a", "@b", "@c", "x/w", "@a/z", "NAME", "~", "~1", "~2"]
TOKENS = ["x", "y", "z", "w", ".", "NAME", "q"]


def _same(word: str) -> str:
    return word


def _oracle(rule: str) -> re.Pattern[str]:
    """The rule as a regex over tokens joined by spaces (each token followed by a space)."""
    parts = []
    for item in rule.split():
        if item.startswith("~"):
            size = int(item[1:]) if len(item) > 1 else 3
            parts.append(r"(?:[^ .]+ ){0," + str(size) + "}")
            continue
        optional = item.endswith("?")
        body = item.rstrip("?")
        forms: set[str] = set()
        for piece in body.split("/"):
            forms.update(FAMILIES[piece[1:]] if piece.startswith("@") else [piece])
        # Longest first, as the grammar promises; each form is whole words.
        ordered = sorted(forms, key=lambda form: len(form.split()), reverse=True)
        source = "(?:" + "|".join(re.escape(form) + " " for form in ordered) + ")"
        parts.append(source + ("?" if optional else ""))
    return re.compile(" (?:" + "".join(parts) + ")")


def _oracle_matches(rule: str, tokens: list[str]) -> list[tuple[int, int]]:
    pattern = _oracle(rule)
    text = " " + " ".join(tokens) + " "
    starts = [1]
    for token in tokens:
        starts.append(starts[-1] + len(token) + 1)
    found = []
    for first in range(len(tokens)):
        hit = pattern.match(text, starts[first] - 1)
        if hit is not None and hit.end() > starts[first]:
            found.append((first, starts.index(hit.end()) - 1))
    return found


RULES = st.lists(
    st.tuples(st.sampled_from(ITEMS), st.booleans()).map(
        lambda pair: pair[0] + ("?" if pair[1] and not pair[0].startswith("~") else "")
    ),
    min_size=1,
    max_size=5,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(RULES, st.lists(st.sampled_from(TOKENS), max_size=14))
def test_matches_as_the_regex_would(rule: str, tokens: list[str]) -> None:
    grammar_rule = Rule(rule, *compile_rule(rule, FAMILIES, _same))
    assert list(grammar_rule.matches(Tokens(tuple(tokens)))) == _oracle_matches(rule, tokens)


@settings(max_examples=200, deadline=None)
@given(st.lists(RULES, min_size=1, max_size=4), st.lists(st.sampled_from(TOKENS), max_size=14))
def test_a_group_reads_as_one_alternation(rules: list[str], tokens: list[str]) -> None:
    # Where several rules of a group match at one token, the first rule's match is kept.
    grammar = Grammar({"group": rules}, FAMILIES, _same)
    expected: dict[int, int] = {}
    for rule in rules:
        for first, last in _oracle_matches(rule, tokens):
            expected.setdefault(first, last)
    assert grammar.read(Tokens(tuple(tokens)))["group"] == tuple(sorted(expected.items()))


def test_a_longer_member_is_tried_first_and_a_shorter_one_after() -> None:
    rule = Rule("@a w", *compile_rule("@a w", FAMILIES, _same))
    # "x y z" then "w": the longest member fits.
    assert list(rule.matches(Tokens(("x", "y", "z", "w")))) == [(0, 3)]
    # "x y" then "w": the longest member would leave no "w", the next one does.
    assert list(rule.matches(Tokens(("x", "y", "w")))) == [(0, 2)]


def test_a_gap_never_crosses_a_clause_mark() -> None:
    rule = Rule("x ~ w", *compile_rule("x ~ w", FAMILIES, _same))
    assert list(rule.matches(Tokens(("x", "q", "w")))) == [(0, 2)]
    assert list(rule.matches(Tokens(("x", ".", "w")))) == []
