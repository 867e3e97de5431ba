"""Searching only the windows around anchors finds exactly what a whole-field search finds."""

from __future__ import annotations

import re
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lion_support import DEFAULTS, make_settings
from test_properties import FRAGMENTS

from invitecore_lion import phrases
from invitecore_lion.patterns import patterns_for
from invitecore_lion.windows import LOOKAHEAD, windows

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:
    import sre_constants
    import sre_parse

texts = st.lists(
    st.one_of(st.sampled_from([*FRAGMENTS, "Lionel", "lions clubs", "20+ years", "   "]),
              st.text(max_size=4)),
    max_size=30,
).map("".join)


def _whole_field(kind: str, text: str) -> list[tuple[str, tuple[int, int]]]:
    """The evidence matches of a search of the whole field with every category."""
    found = patterns_for(DEFAULTS)
    everything = found.pattern_for(kind, (1 << len(found.kinds[kind])) - 1, friends=True)
    named = found.categories_named(kind)
    return [(named[m.lastgroup or ""].name, m.span()) for m in everything.finditer(text)
            if named[m.lastgroup or ""].code is not None]


def _windowed(kind: str, text: str) -> list[tuple[str, tuple[int, int]]]:
    """The same, searching only the windows, as the detector does."""
    found = patterns_for(DEFAULTS)
    present = found.present(text)
    mask = found.categories_for(kind, present)
    if not mask:
        return []
    widths = found.widths[kind]
    where = windows(text, [a for a in present if a in widths], found.friend_anchors, widths)
    pattern = found.pattern_for(kind, mask, friends=where.friends)
    named = found.categories_named(kind)
    return [(named[m.lastgroup or ""].name, m.span()) for low, high in where.spans
            for m in pattern.finditer(text, low, high) if named[m.lastgroup or ""].code is not None]


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, kind=st.sampled_from(["name", "text", "group"]),
       padding=st.integers(0, 300))  # past SHORT_FIELD: windows, not whole fields
def test_windowed_search_equals_whole_field_search(text: str, kind: str, padding: int) -> None:
    # Padding moves the evidence away from the field's edges, so windows start and end inside.
    text = ("x " * padding + text + " y" * padding).lower()
    assert _windowed(kind, text) == _whole_field(kind, text), text


def test_far_apart_evidence_gets_separate_windows() -> None:
    text = "i accept all invitations" + " filler" * 60 + " 30k+ connections"
    found = patterns_for(DEFAULTS)
    widths = found.widths["text"]
    where = windows(text, [a for a in found.present(text) if a in widths], (), widths)
    assert len(where.spans) == 2
    assert _windowed("text", text) == _whole_field("text", text)


def test_false_friend_near_evidence_is_kept_and_far_one_is_not() -> None:
    found = patterns_for(DEFAULTS)
    widths = found.widths["text"]
    near = "based in lyon, 30k+ connections"
    far = "based in lyon" + " filler" * 60 + " 30k+ connections"
    for text, friends in ((near, True), (far, False)):
        present = [a for a in found.present(text) if a in widths]
        assert windows(text, present, found.friend_anchors, widths).friends is friends


def test_no_evidence_anchor_means_no_window() -> None:
    found = patterns_for(DEFAULTS)
    assert windows("detroit lions", [], found.friend_anchors, found.widths["text"]).spans == []


def _lookahead(node: Any) -> int:
    """The widest look-ahead assertion anywhere in a parsed pattern."""
    widest = 0
    items = node.data if isinstance(node, sre_parse.SubPattern) else node
    for item in items if isinstance(items, (list, tuple)) else ():
        if isinstance(item, sre_parse.SubPattern):
            widest = max(widest, _lookahead(item))
        elif isinstance(item, (list, tuple)):
            if (len(item) == 2 and item[0] in (sre_constants.ASSERT, sre_constants.ASSERT_NOT)
                    and item[1][0] == 1):
                widest = max(widest, item[1][1].getwidth()[1])
            widest = max(widest, _lookahead(item))
    return widest


@pytest.mark.parametrize("overrides", [{}, {"extend-false-friends": ["#opentowork"],
                                            "extend-networking-words": ["open for coffee"]}])
def test_lookahead_margin_and_widths_bound_every_category(overrides: dict[str, Any]) -> None:
    found = patterns_for(make_settings(overrides))
    for categories in found.kinds.values():
        for category in (*categories, found.networking):
            parsed = sre_parse.parse(category.source)
            assert _lookahead(parsed) <= LOOKAHEAD, category.name
            assert 0 < category.width < 1000, category.name


def test_unbounded_pattern_has_no_width() -> None:
    with pytest.raises(ValueError, match="no maximum width"):
        phrases.max_width(r"a\s*b")
    assert phrases.max_width(r"a\s{0,3}b") == 5
    assert re.fullmatch(phrases.phrase_source(["open networker"]), "open   networker")
