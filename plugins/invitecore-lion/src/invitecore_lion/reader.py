"""Reading a profile: which evidence is in which field, at which characters.

This module is the plugin's reading of text, apart from its hooks (:mod:`invitecore_lion.plugin`
turns what is read here into weighted signals):

1. The fields are folded (NFKC, lower case; :mod:`invitecore_lion.normalize`) and searched
   for cue words in one pass over them all (:mod:`invitecore_lion.cues`). Most profiles hold
   none and cost nothing more.
2. Each sentence holding a cue is read on its own (a headline segment between ``|`` is a
   sentence): its markers (:mod:`invitecore_lion.markers`), in the headline and the about its
   statements (:mod:`invitecore_lion.statements`; a sentence in another language by the
   words it holds), and the users' extra phrases. Two neighbours count: a short question
   just before ("Haven't met? Then I won't accept.") carries its condition, and a sentence
   just after whose subject is "it" is read too ("I used to accept everyone. These days it's
   people I've worked with.").
3. Per rule code, the first evidence of the field is kept, with its span in the original text.

What a field says depends on its text alone, and so does what a sentence says. Lists repeat
both: whole fields (a stock about text, a common headline) and, more often, sentences (a
stock "I only connect with people I know" in otherwise different abouts, a headline segment
"Open Networker" after a different job title on every row). So the plan remembers the last
fields and sentences it read (``benchmarks/bench_lion.py --list`` shows what each saves).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from invitecore import Profile
from invitecore_lion import rules
from invitecore_lion.cues import CueFinder
from invitecore_lion.markers import Markers, Phrases
from invitecore_lion.normalize import FoldedText, fold
from invitecore_lion.statements import (
    NOTE,
    NOTE_ENFORCED,
    WELCOMES_ANYONE,
    Statement,
    question_condition,
    read_other_language,
    read_sentence,
)
from invitecore_lion.tokens import SENTENCE_MARK, ends_sentence, sentence_words, spans, words

__all__ = ["GRAMMAR_CUES", "Evidence", "Plan", "plan_for", "read_field", "read_profile"]

# One piece of evidence: rule code, span in the field's original text, the text there, and a
# value (a count, or the kind of statement: see statements.py). Tuples: immutable, so a
# remembered field can be handed out again.
Evidence = tuple[str, "tuple[int, int] | None", str, "str | None"]

# How many field texts, and how many sentences, each plan remembers (forgetting them all when
# full): enough for the stock texts of a list, bounded so that memory stays flat over any
# number of profiles.
MEMORY = 4096

# The stems of the words a statement can rest on (docs/language.md): a sentence with none of
# them says nothing the grammar reads. "nect" covers "connect", "connection" and the typo
# "conect"; "cept" both "accept" and "acept"; "invit" both "invite" and "invitation". Words
# that come with one of these are left out: "open (to all invitations)", "keep (my network
# small)", "send (me a request)", "ask me (to connect)", "(blank invitations get) archived",
# "(I decline) requests", "personalise (your invite)", "(I don't) refuse (any invitation)",
# "strangers (please don't connect)", "please message (me before you connect)".
GRAMMAR_CUES = frozenset({
    "cept", "nect", "invit", "request", "network", "link", "add", "follow", "reject", "refus",
    "idk", "click", "note", "known", "messag", "stranger", "book", "reflection", "open",
    # the same cues in other languages (words.OTHER_LANGUAGES): aceito, convites, vernetze,
    # uitnodiging, Einladung, Anfragen, akzeptiere, accetto, welkom, willkommen, verzoeken,
    # rechazo. (Stems without a rare letter, such as "solicit" or "demande", would cost a
    # scan of every text: docs/language.md section 14.)
    "aceit", "convit", "vernetz", "uitnodig", "einlad", "anfrag", "akzept", "accett", "welkom",
    "willkommen", "verzoek", "rechaz",
    # Polish "zaproszenia", "przyjmuję", Swedish "inbjudningar" (akceptuję, accepterar: "cept")
    "zaprosz", "przyjm", "inbjud",
    # Turkish "bağlantı" (connection), "davet" (invitation): "kabul" (accept) has no rare letter
    "bağlant", "davet",
    # the button named in quotes, with no other cue: "I never hit 'I don't know'"
    "t know'", 't know"', "t know\u201d",
})
_FIELD_KINDS = ("name", "headline", "about")
_PROSE = frozenset({"headline", "about"})  # the fields with sentences the grammar reads
_PREVIOUS_QUESTION = 60  # longest question read for a condition ("Haven't met?")
# The most characters of a sentence read on either side of a cue: a policy sentence is far
# shorter, and the bound keeps reading linear in the length of any text.
SENTENCE_REACH = 300
# "it's", "it is" as words ("\bit" written literal first: "i" then a look-behind, so that
# re skips to each "i").
_IT = re.compile(r"i(?<!\w.)t(?:'s| is)\b")
_MARKS = ".!?;|\n•·"
# Template or program text pasted into a field ("{user.level === 'OPEN' ? ... }", "${name}",
# "{{ headline }}"): it names values, says nothing of its writer, and is not read. ("||" and
# "=>" are left out: headlines use them as separators and arrows.)
# A parenthesis inside a sentence, with words after it.
_ASIDE = re.compile(r"\([^()]{1,120}\)(?=[^.!?;]*\w)")
_CODE = re.compile(r"===|!==|\$\{|\{\{")


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
        # The users' extra phrases, as (rule code, kind of statement, phrases); an open phrase
        # after a negation does not count.
        self.phrases = [
            (code, kind, Phrases(settings[name]))
            for name, code, kind in (
                ("known-people-only-phrases", rules.KNOWN_PEOPLE_ONLY, "known-people-only"),
                ("conditions-phrases", rules.CONDITIONS, "condition"),
                ("not-a-lion-phrases", rules.NOT_A_LION, "not-a-lion"),
                ("accept-all-phrases", rules.ACCEPT_ALL_PHRASE, "accepts-all"),
            )
            if any(p.strip() for p in settings[name])
        ]
        # The cues of the users' phrases: a sentence holding none has no phrase to look for.
        self.phrase_cues = frozenset(c for *_, p in self.phrases for c in p.cues)
        self.cues = CueFinder(GRAMMAR_CUES | self.markers.cues | self.phrase_cues)
        self.large_network_min = int(settings["large-network-min"])
        self.early_from = int(settings["early-member-from"])
        self.early_until = int(settings["early-member-until"])
        self.fields: dict[tuple[str, str], tuple[Evidence, ...]] = {}
        self.sentences: dict[tuple[str, str, str, str | None], tuple[_Item, ...]] = {}

    def forget(self) -> None:
        """Forget every remembered field and sentence."""
        self.fields.clear()
        self.sentences.clear()


@functools.lru_cache(maxsize=8)
def plan_for(settings: Mapping[str, Any]) -> Plan:
    """The plan for ``settings`` (cached per settings object, which hashes by identity)."""
    return Plan(settings)


def read_profile(profile: Profile, plan: Plan) -> dict[str, tuple[str, Evidence]]:
    """The first evidence of each rule code in ``profile``, as code -> ``(field, evidence)``,
    in the order found: name, headline, about, groups, then the profile's flags."""
    found: dict[str, tuple[str, Evidence]] = {}
    texts = [profile.name, profile.headline or "", profile.about or "", *profile.groups]
    joined = "\n".join(texts)
    if joined.isascii():  # folding is lower-casing: offsets stay put
        folds = None
        low = joined.lower()
    else:
        folds = [fold(text) for text in texts]
        low = "\n".join(f.folded for f in folds)
    # One search for cues over all the fields, joined with newlines (no cue holds one): most
    # profiles hold none, and one search costs less than one per field.
    cues = plan.cues.find(low)
    start = index = 0
    for number, text in enumerate(texts):
        if index == len(cues):
            break  # no cue in the fields left
        end = start + (len(folds[number].folded) if folds else len(text))
        first, index = index, bisect.bisect_left(cues, (end,))  # the cues in this field
        if index > first:
            field, kind = _field(number)
            known = plan.fields.get((kind, text))  # before folding: a stock text, read already
            if known is None:  # the field's cues, in its own offsets, are needed only here
                folded = folds[number] if folds else FoldedText(text, low[start:end])
                mine = [(position - start, cue) for position, cue in cues[first:index]]
                known = read_field(plan, kind, text, folded, mine)
            for evidence in known:
                found.setdefault(evidence[0], (field, evidence))
        start = end + 1
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


def _field(number: int) -> tuple[str, str]:
    """The name and kind of the profile's text field ``number`` (name, headline, about, then
    the groups)."""
    if number < len(_FIELD_KINDS):
        return _FIELD_KINDS[number], _FIELD_KINDS[number]
    return f"groups[{number - len(_FIELD_KINDS)}]", "group"


# A piece of evidence in a sentence: its start and end (in the sentence's folded text), rule
# code and value.
_Item = tuple[int, int, str, "str | None"]


def read_field(
    plan: Plan,
    kind: str,
    text: str,
    folded: FoldedText | None = None,
    cues: list[tuple[int, str]] | None = None,
) -> tuple[Evidence, ...]:
    """The first evidence of each rule code in one field of ``kind`` (``name``, ``headline``,
    ``about`` or ``group``), remembered for the last texts read. ``folded`` and ``cues`` (the
    cue occurrences in it) save work when the caller has done it."""
    key = (kind, text)
    known = plan.fields.get(key)
    if known is None:
        known = _read_field(plan, kind, text, folded, cues)
        if len(plan.fields) >= MEMORY:
            plan.fields.clear()
        plan.fields[key] = known
    return known


def _read_field(
    plan: Plan,
    kind: str,
    text: str,
    folded: FoldedText | None,
    cues: list[tuple[int, str]] | None,
) -> tuple[Evidence, ...]:
    folded = folded or fold(text)
    low = folded.folded
    # Every match of _CODE holds "==" or "{": two scans in C rule out most texts, for a
    # third of what the search costs on a long about.
    if kind in _PROSE and ("==" in low or "{" in low) and _CODE.search(low):
        return ()
    if cues is None:
        cues = plan.cues.find(low)
    items: list[_Item] = []
    read_until = 0  # the end of the last sentence read
    for index, (position, _) in enumerate(cues):
        if position < read_until:
            continue  # in a sentence read already
        start, end = _sentence(low, position, read_until)
        carried = _question_before(low, start) if kind in _PROSE else None
        mine = []  # the cues in this sentence
        ahead = index
        while ahead < len(cues) and cues[ahead][0] < end:
            mine.append((cues[ahead][0] - start, cues[ahead][1]))
            ahead += 1
        items += _shifted(read_sentence_at(plan, kind, folded.part(start, end), mine, carried),
                          start)
        read_until = end
        if kind == "about" and end < len(low) and any(c in GRAMMAR_CUES for _, c in mine):
            # "I used to accept everyone. These days it's people I've worked with.";
            # "Tell me why. Otherwise I delete it."
            after = _sentence(low, end, end)[1]
            if _IT.search(low, end, after) or low[end:after].lstrip().startswith("otherwise"):
                items += _shifted(read_sentence_at(plan, kind, folded.part(end, after), [], None),
                                  end)
                read_until = after
    if any(value == NOTE_ENFORCED for *_, value in items):
        # "Happy to connect with people I don't know yet. Just add a note ... Blank invites
        # get ignored.": the welcome holds only for invitations with a note, a condition
        items = [(start, end, code, NOTE if value == NOTE_ENFORCED else value)
                 for start, end, code, value in items if value not in WELCOMES_ANYONE]
    found: dict[str, Evidence] = {}
    for start, end, code, value in sorted(items):
        if code not in found and start < end:
            span = folded.original_span(start, end)
            found[code] = (code, span, text[span[0] : span[1]], value)
    return tuple(found.values())


def read_sentence_at(
    plan: Plan,
    kind: str,
    sentence: FoldedText,
    cues: list[tuple[int, str]],
    carried: str | None,
) -> tuple[_Item, ...]:
    """What one sentence of a field of ``kind`` says, remembered: its markers, its
    statements (in the headline and the about; ``carried`` is the condition of a question
    just before it) and the users' extra phrases. ``cues`` are the cue occurrences in it."""
    key = (kind, sentence.original, sentence.folded, carried)
    known = plan.sentences.get(key)
    if known is None:
        known = tuple(_read_sentence(plan, kind, sentence, cues, carried))
        if len(plan.sentences) >= MEMORY:
            plan.sentences.clear()
        plan.sentences[key] = known
    return known


def _read_sentence(
    plan: Plan,
    kind: str,
    sentence: FoldedText,
    cues: list[tuple[int, str]],
    carried: str | None,
) -> list[_Item]:
    low = sentence.folded
    markers = plan.markers.find(kind, sentence, cues)
    items: list[_Item] = [(m.start, m.end, m.code, m.value) for m in markers]
    if kind in _PROSE and "(" in low and _ASIDE.search(low):
        # "I only connect (which makes a lasting link) with people I know": the sentence is
        # read again with its parenthesis blanked out (same length, so offsets hold).
        plain = _ASIDE.sub(lambda m: " " * len(m.group()), low)
        offsets = spans(plain)
        items += [(offsets[s.first][0], offsets[s.last][1], s.code, s.kind)
                  for s in _statements(plan, plain, carried)]
    if kind in _PROSE and (not cues or any(
        cue in GRAMMAR_CUES and not any(m.start <= p < m.end for m in markers)
        for p, cue in cues
    )):  # a cue inside a marker ("network" in "Open Networker") is the marker's
        said = _statements(plan, low, carried)
        if said:
            offsets = spans(low)
            items += [(offsets[s.first][0], offsets[s.last][1], s.code, s.kind) for s in said]
    items += _phrases(plan, low, cues)
    return items


def _statements(plan: Plan, low: str, carried: str | None) -> list[Statement]:
    """The statements of one sentence (folded): by the English grammar, or, in another
    language, by the words it holds (docs/language.md section 14)."""
    forms, foreign = sentence_words(low)
    if foreign:
        return read_other_language(forms, plan.negations)
    return read_sentence(forms, carried, plan.negations, plan.negation_reach)


def _shifted(items: Iterable[_Item], by: int) -> list[_Item]:
    return [(start + by, end + by, code, value) for start, end, code, value in items]


def _sentence(low: str, position: int, after: int = 0) -> tuple[int, int]:
    """The sentence of ``low`` that holds ``position``: after the last sentence end before it
    (none is before ``after``), through the next one, at most :data:`SENTENCE_REACH`
    characters either side."""
    start = max(after, position - SENTENCE_REACH)
    # The last mark before ``position`` is the first in the text before it read backwards: a
    # search of the reversed text stops there, where a search forwards would go through every
    # mark of the sentences before (each mark is one character).
    backwards = low[start:position][::-1]
    mark = SENTENCE_MARK.search(backwards)
    while mark is not None:
        index = position - 1 - mark.start()
        if ends_sentence(low, index):
            start = index + 1
            break
        mark = SENTENCE_MARK.search(backwards, mark.end())
    end = min(len(low), position + SENTENCE_REACH)
    for mark in SENTENCE_MARK.finditer(low, position, end):
        if ends_sentence(low, mark.start()):
            end = mark.end()
            while end < len(low) and low[end] in _MARKS:  # "?!", "..."
                end += 1
            break
    return start, end


def _question_before(low: str, start: int) -> str | None:
    """The condition set up by a short question just before ``start`` ("Haven't met? Then I
    won't accept.")."""
    if start < 2 or low[start - 1] != "?":
        return None
    previous = _sentence(low, start - 2)[0]
    if start - previous > _PREVIOUS_QUESTION:
        return None
    return question_condition(words(low, previous, start))


def _phrases(plan: Plan, low: str, cues: list[tuple[int, str]]) -> Iterable[_Item]:
    """The first match of each of the users' phrase lists."""
    if plan.phrase_cues.isdisjoint([cue for _, cue in cues]):
        return  # every match holds one of its list's cues
    for code, kind, phrases in plan.phrases:
        for match in phrases.near(low, cues):
            if code == rules.ACCEPT_ALL_PHRASE and _negated_before(plan, low, match.start()):
                continue
            yield match.start(), match.end(), code, kind
            break


def _negated_before(plan: Plan, low: str, position: int) -> bool:
    """True when one of the few words before ``position`` is a negation."""
    before = words(low, max(0, position - 12 * plan.negation_reach), position)
    return any(word in plan.negations for word in before[-plan.negation_reach :])
