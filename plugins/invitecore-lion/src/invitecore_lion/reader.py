"""Reading a profile: which evidence is in which field, at which characters.

This module is the plugin's reading of text, apart from its hooks (:mod:`invitecore_lion.plugin`
turns what is read here into weighted signals). For each text field it:

1. folds the text (NFKC, lower case; :mod:`invitecore_lion.normalize`) and returns at once when
   no *cue word* is in it (most fields of most profiles): one split into words and one set test;
2. finds the markers (:mod:`invitecore_lion.markers`) in every field;
3. in the headline and the about, reads each sentence holding a cue word with the grammar
   (:mod:`invitecore_lion.statements`), and a question just before it ("Haven't met? Then I
   won't accept.");
4. looks for the users' extra phrases (the ``*-phrases`` settings);

and keeps, per rule code, the first evidence in the field, with its span in the original
text. A field's evidence is a pure function of its kind and text, and lists repeat texts (a
stock about, a common headline), so the plan remembers it for the last texts it read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from invitecore import Profile
from invitecore_lion import rules
from invitecore_lion.markers import Markers, phrase_pattern
from invitecore_lion.normalize import fold
from invitecore_lion.statements import question_condition, read_sentence
from invitecore_lion.tokens import sentence_spans, tokenize
from invitecore_lion.words import (
    ACCEPT, BUTTON, FOLLOW, INVITATIONS, KNOWN_PEOPLE, LEMMAS, NETWORK, READER_VERBS, REFUSE,
    SPELLINGS, STRANGER,
)

__all__ = ["Evidence", "Plan", "plan_for", "read_field", "read_profile"]

# One piece of evidence: rule code, span in the field's original text, the text there, and a
# value (a count, or the kind of statement: see statements.py). Tuples: immutable, so a
# remembered field can be handed out again.
Evidence = tuple[str, "tuple[int, int] | None", str, "str | None"]

# How many field texts each plan remembers (forgetting them all when full): enough for the
# stock texts of a list, bounded so that memory stays flat over any number of profiles.
FIELD_MEMORY = 4096

# Words that can start a statement (with their inflections): a sentence without one says
# nothing the grammar reads. Common words that need another cue to mean anything ("open" needs
# "invitations", "keep" needs "network", "note" is asked for with "include") are left out.
_CUE_LEMMAS = (
    (ACCEPT - {"open", "take", "welcome"}) | REFUSE - {"turn", "pass", "bin", "deny", "delete"}
    | READER_VERBS - {"send"} | INVITATIONS | FOLLOW | BUTTON | STRANGER | KNOWN_PEOPLE
    | (NETWORK - {"linkedin", "list"})
    | {"welcome", "unsolicited", "note", "message", "intro", "introduction", "why", "click",
       "personalise", "personalize", "customise", "customize", "known"}
)
GRAMMAR_CUES = frozenset(
    [form for form, base in LEMMAS.items() if base in _CUE_LEMMAS]
    + list(_CUE_LEMMAS)
    + [word for word, meant in SPELLINGS.items() if set(meant) & _CUE_LEMMAS]
)
# Words around which markers are found ("l" is the first letter of L.I.O.N. spelled out).
MARKER_CUES = frozenset({"lion", "lions", "l", "networker", "networkers", "opennetworker",
                         "opennetworkers", "toplinked", "toplink", "mylink", "mylink500",
                         "openlink", "idk"})
# Everything but letters, digits and apostrophes is a space, to split a text into words.
_NOT_WORD = str.maketrans({c: " " for c in "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n\r"})
_FIELD_KINDS = ("name", "headline", "about")
_IT = frozenset({"it", "it's", "it\u2019s"})


class Plan:
    """What reading needs from one resolved settings object, built once per object."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.markers = Markers(
            tokens=settings["lion-tokens"],
            networking=settings["networking-words"],
            open_phrases=settings["open-networker-phrases"],
            link_family=settings["link-family"],
            groups=settings["open-networker-groups"],
            connection_words=settings["connection-words"],
            false_friends=settings["false-friends"],
            emojis=settings["lion-emoji"],
            emoji_window=int(settings["emoji-window"]),
            bragging_min=int(settings["bragging-min-count"]),
        )
        self.negations = frozenset(w.lower().strip() for w in settings["negation-words"])
        self.negation_reach = int(settings["negation-window"])
        # The users' extra phrases, as (rule code, value, pattern); an open phrase after a
        # negation does not count.
        self.phrases = [
            (code, kind, re.compile(phrase_pattern(settings[name])))
            for name, code, kind in (
                ("known-people-only-phrases", rules.KNOWN_PEOPLE_ONLY, "phrase"),
                ("conditions-phrases", rules.CONDITIONS, "phrase"),
                ("not-a-lion-phrases", rules.NOT_A_LION, "not-a-lion"),
                ("accept-all-phrases", rules.ACCEPT_ALL_PHRASE, "phrase"),
            )
            if any(p.strip() for p in settings[name])
        ]
        phrase_words = {
            word
            for name in ("known-people-only-phrases", "conditions-phrases",
                         "not-a-lion-phrases", "accept-all-phrases", "open-networker-phrases",
                         "link-family", "open-networker-groups", "lion-tokens")
            for phrase in settings[name]
            for word in phrase.lower().translate(_NOT_WORD).split()
        }
        self.cues = GRAMMAR_CUES | MARKER_CUES | phrase_words
        self.emojis = self.markers.emojis
        self.large_network_min = int(settings["large-network-min"])
        self.early_from = int(settings["early-member-from"])
        self.early_until = int(settings["early-member-until"])
        self.memory: dict[tuple[str, str], tuple[Evidence, ...]] = {}

    def forget(self) -> None:
        """Forget every remembered field."""
        self.memory.clear()


@functools.lru_cache(maxsize=8)
def plan_for(settings: Mapping[str, Any]) -> Plan:
    """The plan for ``settings`` (cached per settings object, which hashes by identity)."""
    return Plan(settings)


def read_profile(profile: Profile, plan: Plan) -> dict[str, tuple[str, Evidence]]:
    """The first evidence of each rule code in ``profile``, as code -> ``(field, evidence)``,
    in the order found: name, headline, about, groups, then the profile's flags."""
    found: dict[str, tuple[str, Evidence]] = {}
    fields = [(f, f, t) for f, t in zip(_FIELD_KINDS, (profile.name, profile.headline,
                                                       profile.about)) if t]
    fields += [(f"groups[{i}]", "group", g) for i, g in enumerate(profile.groups) if g]
    for field, kind, text in fields:
        for evidence in read_field(plan, kind, text):
            found.setdefault(evidence[0], (field, evidence))
    if profile.open_link:
        found[rules.OPEN_LINK] = ("open_link", (rules.OPEN_LINK, None, "", "true"))
    connections = profile.connections
    if connections is not None and connections >= plan.large_network_min:
        found[rules.LARGE_NETWORK] = (
            "connections", (rules.LARGE_NETWORK, None, "", str(connections))
        )
    year = profile.member_since
    if year is not None and plan.early_from <= year <= plan.early_until:
        found[rules.EARLY_MEMBER] = ("member_since", (rules.EARLY_MEMBER, None, "", str(year)))
    return found


def read_field(plan: Plan, kind: str, text: str) -> tuple[Evidence, ...]:
    """The first evidence of each rule code in one field of ``kind`` (``name``, ``headline``,
    ``about`` or ``group``), remembered for the last texts read."""
    key = (kind, text)
    known = plan.memory.get(key)
    if known is None:
        known = _read(plan, kind, text)
        if len(plan.memory) >= FIELD_MEMORY:
            plan.memory.clear()
        plan.memory[key] = known
    return known


def _read(plan: Plan, kind: str, text: str) -> tuple[Evidence, ...]:
    folded = fold(text)
    low = folded.folded
    words = set(low.translate(_NOT_WORD).split())
    has_emoji = not low.isascii() and any(e in low for e in plan.emojis)
    if plan.cues.isdisjoint(words) and "+" not in low and not has_emoji:
        return ()  # most fields
    items: list[tuple[int, int, str, str | None]] = [
        (m.start, m.end, m.code, m.value) for m in plan.markers.find(kind, low, text)
    ]
    if kind in ("headline", "about") and not GRAMMAR_CUES.isdisjoint(words):
        items += _statements(plan, low)
    items += _phrases(plan, low)
    found: dict[str, Evidence] = {}
    for start, end, code, value in sorted(items):
        if code not in found and start < end:
            span = folded.original_span(start, end)
            found[code] = (code, span, text[span[0] : span[1]], value)
    return tuple(found.values())


def _statements(plan: Plan, low: str) -> list[tuple[int, int, str, str | None]]:
    """The statements of every sentence of ``low`` that holds a grammar cue."""
    items = []
    carried: str | None = None
    follows_cue = False
    for start, end in sentence_spans(low):
        piece = low[start:end]
        tokens = None
        words = piece.translate(_NOT_WORD).split()
        cued = not GRAMMAR_CUES.isdisjoint(words)
        # "I used to accept everyone. ... these days it's people I've worked with": a sentence
        # whose subject is "it" may speak of the one before.
        if cued or (follows_cue and not _IT.isdisjoint(words)):
            tokens = tokenize(low, start, end)
            for statement in read_sentence(tokens, carried, plan.negations,
                                           plan.negation_reach):
                first, last = tokens[statement.first], tokens[statement.last]
                items.append((first.start, last.end, statement.code, statement.kind))
        follows_cue = cued
        carried = None
        if piece.rstrip().endswith("?") and len(piece) < 60:
            # "Haven't met? Then I won't accept.": the question's condition carries over.
            carried = question_condition(tokens or tokenize(low, start, end))
    return items


def _phrases(plan: Plan, low: str) -> Iterable[tuple[int, int, str, str | None]]:
    for code, kind, pattern in plan.phrases:
        for match in pattern.finditer(low):
            if code == rules.ACCEPT_ALL_PHRASE and _negated_before(plan, low, match.start()):
                continue
            yield match.start(), match.end(), code, kind
            break


def _negated_before(plan: Plan, low: str, position: int) -> bool:
    """True when one of the few words before ``position`` is a negation."""
    before = tokenize(low, max(0, position - 12 * plan.negation_reach), position)
    return any(t.form in plan.negations for t in before[-plan.negation_reach :])
