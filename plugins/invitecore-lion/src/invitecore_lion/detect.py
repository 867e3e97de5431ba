"""Finding the evidence in one profile: which rule, in which field, at which characters.

The detector searches the folded form of each field (NFKC, lower-case: ``ＬＩＯＮ`` and
``𝐋𝐈𝐎𝐍`` are LION) and reports spans in the original text. It returns :class:`Evidence`, the
first of each rule code in the order the fields are read; turning evidence into weighted
signals is the plugin's job. The work on one field is in :mod:`invitecore_lion.fields`.

Speed: most profiles hold no anchor (see :mod:`invitecore_lion.patterns`), and no evidence. The
fields are joined with newlines and folded once (for ASCII text, lower-cased) and one search for
every anchor at once (:mod:`invitecore_lion.literals`) proves that most profiles hold none; an
emoji needs non-ASCII text. Only then is the profile read field by field, and only the fields
that hold an anchor; a field whose text was seen lately is not read again (the plan remembers
its evidence, see :mod:`invitecore_lion.plan`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from invitecore import Profile
from invitecore_lion import rules
from invitecore_lion.fields import field_evidence, parse_count
from invitecore_lion.literals import LiteralFinder
from invitecore_lion.normalize import FoldedText, fold
from invitecore_lion.plan import FIELD_MEMORY, Plan, plan_for

__all__ = ["Evidence", "find_evidence", "first_evidence", "parse_count", "scan_field"]

# The first evidence of each rule code, in the order found (dicts keep insertion order), as
# code -> ``(field, span, text, value)``: what :class:`Evidence` holds, without the object.
Found = dict[str, tuple[str, "tuple[int, int] | None", str, "str | None"]]


class Evidence:
    """One piece of evidence: rule code, field, original span and text, extracted value.

    A plain slotted class rather than an attrs one or a NamedTuple: defining either costs a
    tenth of a millisecond or more at import, and the CLI imports this on every run. Evidence
    never crosses a hook (the plugin turns it into signals).
    """

    __slots__ = ("code", "field", "span", "text", "value")

    def __init__(
        self,
        code: str,
        field: str,
        span: tuple[int, int] | None = None,
        text: str = "",
        value: str | None = None,
    ) -> None:
        self.code = code
        self.field = field
        self.span = span
        self.text = text
        self.value = value

    def __repr__(self) -> str:
        return (
            f"Evidence(code={self.code!r}, field={self.field!r}, span={self.span!r}, "
            f"text={self.text!r}, value={self.value!r})"
        )


def find_evidence(profile: Profile, settings: Mapping[str, Any]) -> list[Evidence]:
    """The first evidence of each rule code in ``profile``, in the order found: field by field
    (name, headline, about, groups), then the flags."""
    return [Evidence(code, *rest) for code, rest in first_evidence(profile, settings).items()]


def first_evidence(profile: Profile, settings: Mapping[str, Any]) -> Found:
    """:func:`find_evidence` as code -> ``(field, span, text, value)``, without building
    :class:`Evidence` objects (the plugin turns these straight into signals)."""
    plan = plan_for(settings)
    found: Found = {}
    _text_evidence(plan, profile, found)
    if profile.open_link:
        found[rules.OPEN_LINK] = ("open_link", None, "", "true")
    connections = profile.connections
    if connections is not None and connections >= plan.large_network_min:
        found[rules.LARGE_NETWORK] = ("connections", None, "", str(connections))
    year = profile.member_since
    if year is not None and plan.early_from <= year <= plan.early_until:
        found[rules.EARLY_MEMBER] = ("member_since", None, "", str(year))
    return found


def scan_field(
    field: str,
    text: str,
    settings: Mapping[str, Any],
    *,
    folded: FoldedText | None = None,
    anchors: frozenset[str] | None = None,
) -> Iterator[Evidence]:
    """The first evidence of each rule code in one text field (``name``, ``headline``,
    ``about`` or ``groups[i]``).

    ``folded`` and ``anchors`` (every anchor that occurs somewhere in the profile) save work a
    caller has done already; without them, the field is folded and searched for every anchor.
    """
    plan = plan_for(settings)
    folded = folded or fold(text)
    present = tuple(plan.patterns.present(folded.folded, anchors)) if anchors != frozenset() else ()
    found: Found = {}
    _scan_text(plan, found, field, _field_kind(field), text, folded, present)
    for code, rest in found.items():
        yield Evidence(code, *rest)


def _field_kind(field: str) -> str:
    if field.startswith("groups["):
        return "group"
    return "name" if field == "name" else "text"


def _text_evidence(plan: Plan, profile: Profile, found: Found) -> None:
    """Add the evidence in the profile's text fields to ``found``, field by field."""
    if not plan.joinable:
        _unjoinable_fields(plan, profile, found)
        return
    # The fields Profile.text_fields() yields, read directly (a test holds the two together):
    # this runs for every profile, and a generator costs more than the rest. Empty fields stay,
    # as empty strings, so that field ``i`` is ``texts[i]``.
    texts = (profile.name, profile.headline or "", profile.about or "", *profile.groups)
    joined = "\n".join(texts)
    if joined.isascii():
        _ascii_profile(plan, found, texts, joined.lower())  # for ASCII, the whole fold
    else:
        _unicode_profile(plan, found, texts, joined)


def _ascii_profile(plan: Plan, found: Found, texts: Sequence[str], lowered: str) -> None:
    """:func:`_text_evidence` for ASCII ``texts``, lower-cased and joined as ``lowered``: no
    emoji, and no anchor in most."""
    finder = plan.anchor_finder
    if finder is None:
        anchors = _anchors_in(plan, lowered)
        if anchors:
            _visit(plan, found, texts, lowered, None, 0, anchors, emojis=False)
        return
    match = finder.any(lowered)
    if match is not None:
        first = max(0, match.start() - finder.reach)  # no anchor starts before
        _visit(plan, found, texts, lowered, None, first, None, emojis=False)


def _unicode_profile(plan: Plan, found: Found, texts: Sequence[str], joined: str) -> None:
    """:func:`_text_evidence` for ``texts`` (joined with newlines as ``joined``) that are not
    all ASCII: each is folded, unless one look proves there is nothing to find."""
    finder = plan.anchor_finder
    if finder is not None and unicodedata.is_normalized("NFKC", joined):
        # Fields joined with newlines (which compose with nothing) are NFKC when each is. Then
        # if lower-casing keeps every character one character, the lower-cased join is the
        # join of the folded fields: one look proves that most such profiles hold nothing.
        lowered = joined.lower()
        if (
            len(lowered) == len(joined)
            and finder.any(lowered) is None
            and not any(emoji in lowered for emoji in plan.patterns.emojis)
        ):
            return
    folds = [fold(text) for text in texts]
    lowered = "\n".join(folded.folded for folded in folds)
    # Whatever a field holds, the profile holds: most profiles hold no lion emoji.
    emojis = any(emoji in lowered for emoji in plan.patterns.emojis)
    if finder is None:
        anchors = _anchors_in(plan, lowered)
        if anchors or emojis:
            _visit(plan, found, texts, lowered, folds, 0, anchors, emojis=emojis)
    elif emojis:
        _visit(plan, found, texts, lowered, folds, 0, None, emojis=True)
    else:
        match = finder.any(lowered)
        if match is not None:
            first = max(0, match.start() - finder.reach)
            _visit(plan, found, texts, lowered, folds, first, None, emojis=False)


# The fields before the groups, in the order of ``texts`` in _text_evidence, with their kinds.
_FIELDS = (("name", "name"), ("headline", "text"), ("about", "text"))


def _visit(
    plan: Plan,
    found: Found,
    texts: Sequence[str],
    lowered: str,
    folds: Sequence[FoldedText] | None,
    first: int,
    anchors: list[str] | None,
    *,
    emojis: bool,
) -> None:
    """Add to ``found`` the evidence in each field that may hold some.

    ``lowered`` is the fields (``texts``) folded, joined with newlines; ``folds`` the folded
    fields (None: the fields are ASCII, and ``lowered`` is their fold). No anchor starts before
    ``first`` in ``lowered``. ``anchors`` are those in the profile (None: ask the plan's anchor
    finder, field by field); with ``emojis``, a lion emoji is somewhere in the profile.

    A field's evidence is a pure function of its kind and text, so it is remembered: lists
    repeat texts (a stock about, a common headline), and such a field is not looked at again.
    """
    finder = plan.anchor_finder
    start = 0
    for index, text in enumerate(texts):
        end = start + (len(text) if folds is None else len(folds[index].folded))
        # A field that ends before ``first`` holds no anchor (no anchor holds a newline,
        # plan.joinable, so each lies inside one field).
        if end > first or emojis:
            field, kind = _FIELDS[index] if index < len(_FIELDS) else (
                f"groups[{index - len(_FIELDS)}]", "group"
            )
            known = plan.fields[kind]
            evidence = known.get(text)
            if evidence is None:
                piece = lowered[start:end]
                if anchors is not None:
                    present = [anchor for anchor in anchors if anchor in piece]
                elif end > first and finder is not None:
                    present = finder.find(lowered, max(start, first), end)
                else:
                    present = []
                if present or (emojis and not text.isascii()):
                    folded = FoldedText(text, piece) if folds is None else folds[index]
                    evidence = field_evidence(plan, kind, text, folded, present)
                    if len(known) >= FIELD_MEMORY:
                        known.clear()  # bounded: memory stays flat over any number of profiles
                    known[text] = evidence
            if evidence:
                for code, span, written, value in evidence:
                    if code not in found:
                        found[code] = (field, span, written, value)
        start = end + 1


def _anchors_in(plan: Plan, text: str) -> list[str]:
    """The plan's anchors that occur in ``text``, with a substring test each: for the first
    profiles of a run, as compiling the anchor finder is not worth it for a few."""
    plan.cold -= 1
    if plan.cold <= 0:
        plan.anchor_finder = LiteralFinder(plan.anchors)
    return [anchor for anchor in plan.anchors if anchor in text]


def _unjoinable_fields(plan: Plan, profile: Profile, found: Found) -> None:
    """:func:`_text_evidence` for settings whose anchors hold a newline (so that joining the
    fields with newlines could make one): each field looked at alone."""
    fields = [(field, text, fold(text)) for field, text in profile.text_fields()]
    anchors = plan.patterns.present("\n".join(folded.folded for _, _, folded in fields))
    for field, text, folded in fields:
        if anchors or not text.isascii():  # else neither a pattern nor an emoji can match
            present = [anchor for anchor in anchors if anchor in folded.folded]
            _scan_text(plan, found, field, _field_kind(field), text, folded, present)


def _scan_text(
    plan: Plan,
    found: Found,
    field: str,
    kind: str,
    text: str,
    folded: FoldedText,
    present: Sequence[str],
) -> None:
    """Add to ``found`` the evidence in one field, given the anchors ``present`` in it (every
    anchor of the plan that occurs in it)."""
    for code, span, written, value in field_evidence(plan, kind, text, folded, present):
        if code not in found:
            found[code] = (field, span, written, value)


