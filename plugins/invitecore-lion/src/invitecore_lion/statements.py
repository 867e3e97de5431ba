"""Reading a sentence for what its writer says about invitations (docs/language.md).

A sentence is a list of words, spelled out (:func:`invitecore_lion.tokens.words`: "don't" is
"do", "not"), each reduced to its lemma (:func:`invitecore_lion.words.lemma`). The grammar
looks for a *verb*
of one family (accept / connect / add / link; decline / ignore; send / invite; the "I Don't
Know" button; include a note; follow), finds its *object* in a window after it (or before it,
for "Invitations from strangers will not be accepted" and "People I know, those are the ones I
connect with"), and asks four questions about the clause:

- **Negation**: does a negation (not, never, no, nor, rarely, stopped ...) stand before the
  verb in its clause? The object has its own: in "I do not accept invitations from people I do
  not know" the first negation is the verb's, the second belongs to "people I do not know", a
  stranger.
- **Owner**: is it the writer's own policy? The subject must be the writer ("I", "we") or
  missing (a headline fragment, "Open to all invitations", or a passive); "LIONs accept all
  invitations", "you should accept everyone" and "people who connect with anyone" are not.
- **Tense**: "I used to accept everyone" and "I accepted every request until 2019" are past
  and say nothing about today.
- **Conditions**: does the sentence make acceptance depend on something? "if we haven't met"
  (a stranger condition), "unless we have worked together" (a known-people condition), "tell
  me why", "include a note" (conditions a stranger can meet).

The answer is a list of :class:`Statement`: what was said (a rule code and a kind, the
signal's ``value``) and the words it rests on.

Each family has one function below (``_accepting``, ``_refusing``, ``_note_request`` ...), and
:data:`_RULES` says which words start which; a sentence with none of those words costs one
set test.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from invitecore_lion import rules
from invitecore_lion.tokens import CLAUSE_MARKS
from invitecore_lion.words import (
    ACCEPT, AFFIRM_NOUNS, ALL, AUXILIARIES, BUTTON, BUTTON_VERBS, CONDITIONS, FIRST_PERSON,
    FOLLOW, HEDGE_SOME, INTERACT, INVITATIONS, KNOW, KNOWN_PEOPLE, LIMIT, NETWORK, NOTE_MODIFIERS,
    NOTE_NOUNS, NOTE_VERBS, NOW, OTHER_SUBJECTS, PAST, PAST_FORMS, PEOPLE, READER_VERBS,
    REASON, REFUSE, RELATIVES, SCOPE, SELECTIVE, STOP, STRANGER, STRANGER_MODIFIERS, lemma,
)

__all__ = ["NEGATIONS", "Reading", "Statement", "question_condition", "read_sentence"]

# How far the grammar looks, in tokens. Every window is bounded, so reading a sentence takes
# time linear in its length.
OBJECT_AFTER = 12  # "accept invitations from clients, opposing parties or anyone I haven't met"
OBJECT_BEFORE = 10  # "Invitations from people outside my professional circle will not be accepted"
NEGATION_REACH = 4  # "I am not going to accept", "I have never once accepted"
PHRASE_REACH = 6  # "people whom I have actually worked with", "include a short personal note"

# Kinds of statement, the ``value`` of their signals (documented in the README).
KNOWN_ONLY = "known-people-only"  # accepts only people they know
NO_STRANGERS = "no-strangers"  # refuses strangers, unsolicited or random invitations
IDK = "clicks-idk"  # answers strangers with "I don't know this person"
NOTE = "note"  # asks for a note
REASON_KIND = "reason"  # asks for a reason
FOLLOW_KIND = "follow-instead"  # asks strangers to follow instead
SCOPE_ONLY = "scope-only"  # accepts only people from a field
IDK_OTHERWISE = "note-or-idk"  # a note, otherwise "I don't know"
INTERACT_FIRST = "interact-first"  # accepts people they have interacted with
CONDITION = "condition"  # accepts on another condition ("if you put effort into it")
MIDDLE = "middle-ground"  # says they are in between
ACCEPTS_ALL = "accepts-all"
NEVER_REFUSES = "never-refuses"
NEVER_IDK = "never-idk"
ACCEPTS_YOU = "accepts-you"
WELCOMES = "welcomes-invitations"
SCOPED = "scoped-welcome"
SOME = "accepts-some"
SELECTIVE_KIND = "selective"

# The default negation words (the ``negation-words`` setting replaces them).
NEGATIONS = frozenset({"not", "never", "no", "nor", "neither", "rarely", "seldom", "hardly",
                       "barely", "unlikely", "without"})
_ONLY = frozenset({"only", "exclusively", "solely", "strictly", "just"})
_OTHERWISE = frozenset({"otherwise", "else", "or"})
_ME = frozenset({"me", "my"})
_ADVICE = frozenset({"should", "must", "recommend", "recommends", "advise", "advice", "tip"})
_OTHER_SITES = frozenset({"facebook", "xing", "instagram", "tiktok", "industry-specific"})
_PLATFORMS = frozenset({"twitter", "x", "instagram", "facebook", "tiktok", "youtube", "medium",
                        "substack", "github", "mastodon", "bluesky", "blog", "threads"})
_QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u00ab", "\u00bb"})


class Statement:
    """What a sentence says: a rule code, the kind of statement (the signal's ``value``), and
    the first and last token it rests on (indexes into the sentence)."""

    __slots__ = ("code", "first", "kind", "last")

    def __init__(self, code: str, kind: str, first: int, last: int) -> None:
        self.code = code
        self.kind = kind
        self.first = first
        self.last = last

    def __repr__(self) -> str:
        return f"Statement({self.code!r}, {self.kind!r}, {self.first}, {self.last})"


class Reading:
    """One sentence being read: its words, their lemmas, and the answers about its clauses.

    ``carried`` holds a condition that a question just before it set up ("Haven't met? Then I
    won't accept."): ``"stranger"``, ``"known"`` or None.
    """

    def __init__(
        self,
        forms: Sequence[str],
        carried: str | None = None,
        negations: frozenset[str] = NEGATIONS,
        reach: int = NEGATION_REACH,
        lemmas: list[str] | None = None,
    ) -> None:
        self.forms = forms
        self.lemmas = lemmas if lemmas is not None else [lemma(f) for f in forms]
        self.size = len(forms)
        self.negations = negations
        self.reach = reach
        self.carried = carried
        self.statements: list[Statement] = []

    @functools.cached_property
    def segments(self) -> list[tuple[int, int]]:
        """The sentence split at "but", ";", a dash: each segment has its own condition. In "I
        still accept most invitations, but please add a note if we've never met" the condition
        is the note's, not the acceptance's."""
        segments = []
        low = 0
        for index, word in enumerate(self.lemmas):
            if word in _SEGMENT_MARKS:
                segments.append((low, index))
                low = index + 1
        segments.append((low, self.size))
        return segments

    @functools.cached_property
    def conditions(self) -> list[str | None]:
        """The condition of each segment (see :meth:`condition_for`)."""
        conditions = [self._condition(low, high) for low, high in self.segments]
        if self.carried is not None and conditions[0] is None:
            conditions[0] = self.carried
        return conditions

    # -- the four questions ------------------------------------------------------------------

    def clause_start(self, index: int) -> int:
        """The first token of the clause that holds ``index`` (after a comma, dash, "but")."""
        for back in range(index - 1, -1, -1):
            if self.lemmas[back] in CLAUSE_MARKS:
                return back + 1
        return 0

    def negated(self, index: int) -> int | None:
        """The negation of the verb at ``index``, if any: a negation word a few tokens before
        it in its clause, or a verb that stops it ("stopped accepting", "no longer")."""
        start = self.clause_start(index)
        if start >= 2 and self.lemmas[start - 2] == "not":  # "I do not, in fact, accept"
            start = self.clause_start(start - 1)
        low = max(start, index - self.reach)
        for back in range(index - 1, low - 1, -1):
            word = self.lemmas[back]
            if word in self.negations or (word in STOP and self._stops(back)):
                return back
            if word in PEOPLE:  # the negation of another phrase ("people I don't know")
                return None
        return None

    def _stops(self, index: int) -> bool:
        word = self.lemmas[index]
        if word in ("give", "gave"):
            return index + 1 < self.size and self.lemmas[index + 1] == "up"
        return True

    def owner(self, index: int) -> str:
        """Whose the statement with its verb at ``index`` is: ``"writer"`` (I, we, or no
        subject: a headline fragment, a passive), ``"reader"`` (you, or an imperative with
        please), or ``"other"`` (they, LIONs, people who ..., advice)."""
        segment_start = self.segments[self.segment_of(index)][0]
        for back in range(index - 1, segment_start - 1, -1):
            word = self.lemmas[back]
            if word in ("i", "we", "my", "our"):
                return "writer"
            if word in _ADVICE:
                return "other"
            if word in ("please", "free", "you", "your"):  # "please ...", "feel free to ..."
                return "reader"
            if word in OTHER_SUBJECTS and word not in ("one", "those", "everyone") and not (
                back > 0 and self.lemmas[back - 1] in _DETERMINERS
            ):  # "a proud LION and connect with": a complement, not a subject
                return "other"
            if word in RELATIVES and back > 0 and self.lemmas[back - 1] in PEOPLE:
                return "other"
        return "writer"

    def past(self, index: int) -> bool:
        """True when the verb at ``index`` tells of a past policy: a past marker ("used to",
        "former", "was") before it in its sentence with no "now" between, or a past form after
        a pronoun with no auxiliary ("I accepted every request")."""
        marker = False
        for back in range(index):
            word = self.lemmas[back]
            if word in PAST:
                if word == "use" and not (back + 1 < self.size and self.lemmas[back + 1] == "to"):
                    continue
                if word == "once" and back + 1 < self.size and self.lemmas[back + 1] == "i":
                    continue  # "once I know you" is a condition
                marker = True
            elif word in NOW or word in CONDITIONS or word in _DECISIONS:
                marker = False  # "these days ...", "I decided years ago to only ..."
        if marker:
            return True
        if self.forms[index] in PAST_FORMS and index > 0:
            before = self.lemmas[index - 1]
            if before in ("i", "we", "they", "he", "she") or (
                index > 1 and before in ("initially", "always", "only", "just", "actually")
                and self.lemmas[index - 2] in ("i", "we")
            ):
                return True
        return False

    def note_asked(self, index: int) -> bool:
        """True when the segment of token ``index`` asks for a note or a reason."""
        segment = self.segment_of(index)
        return any(
            s.code == rules.CONDITIONS and self.segment_of(s.first) == segment
            for s in self.statements
        )

    def segment_of(self, index: int) -> int:
        for number, (low, high) in enumerate(self.segments):
            if low <= index <= high:
                return number
        return len(self.segments) - 1

    def condition_for(self, index: int) -> str | None:
        """The condition of the segment that holds token ``index``."""
        return self.conditions[self.segment_of(index)]

    def _condition(self, low: int, high: int) -> str | None:
        """``"stranger"`` for "if I don't know you" / "if we haven't met" / "haven't met?";
        ``"known"`` for "if we have worked together" / "unless I know you"; else None."""
        for index in range(low, high):
            word = self.lemmas[index]
            if word in CONDITIONS or (index == low and word in ("have", "do", "never")):
                kind = self._condition_at(index)
                if kind is not None:
                    return kind
        return None

    def _condition_at(self, index: int) -> str | None:
        """The condition opened at ``index`` (if / unless / a bare "haven't met?")."""
        word = self.lemmas[index]
        end = min(self.size, index + PHRASE_REACH + 2)
        negated = word == "unless"
        subject = word not in CONDITIONS  # "Haven't met?": no subject, the writer's
        for ahead in range(index + 1, end):
            lemma = self.lemmas[ahead]
            if lemma in ("i", "we"):
                subject = True
            elif lemma in ("you", "they", "someone", "it"):
                if not subject and lemma != "you":
                    return None
            elif lemma in self.negations:
                negated = not negated
            elif lemma in KNOW and subject and (lemma != "work" or self._with_me(ahead)):
                return "stranger" if negated else "known"
            elif lemma in INTERACT and subject:
                return "stranger" if negated else "interacted"
            elif lemma in CLAUSE_MARKS or lemma in ("then",):
                return None
        return None

    def _with_me(self, index: int) -> bool:
        """True when "work" at ``index`` is working *with* someone or together."""
        following = self.lemmas[index + 1 : index + 4]
        return bool({"with", "together", "for", "same"} & set(following))

    # -- objects -----------------------------------------------------------------------------

    def people_at(self, index: int) -> tuple[str, int] | None:
        """``("known", last)`` when people the writer knows are named at ``index`` ("people I
        know", "those I've worked with", "colleagues", "known contacts"), ``("stranger",
        last)`` for people they do not ("strangers", "anyone I haven't met", "people outside
        my circle", "unsolicited invitations"), else None."""
        word = self.lemmas[index]
        if word in KNOWN_PEOPLE:
            return "known", index
        if self.forms[index] == "known" and index + 1 < self.size and (
            self.lemmas[index + 1] in PEOPLE
        ):
            return "known", index + 1
        if word in STRANGER:
            return "stranger", index
        if word in STRANGER_MODIFIERS:
            return "stranger", min(index + 1, self.size - 1)
        if word in PEOPLE or word == "with":
            return self._known_clause(index)
        return None

    def _known_clause(self, index: int) -> tuple[str, int] | None:
        """After a person word at ``index``: "(who/whom/that) I (have) (not) know / met /
        worked with"; "outside my circle"."""
        negated = False
        end = min(self.size, index + PHRASE_REACH + 4)
        subject = False
        for ahead in range(index + 1, end):
            word = self.lemmas[ahead]
            if word in ("i", "we") or (word == "me" and ahead == index + 1):
                subject = True
            elif word in RELATIVES or word in AUXILIARIES or word in _ADVERBS or (
                word in _FILLERS
            ):
                continue
            elif word in self.negations:
                negated = True
            elif word in INTERACT and subject:
                return ("stranger" if negated else "interacted"), ahead
            elif word in KNOW and subject:
                last = ahead + 1 if ahead + 1 < self.size and self.lemmas[ahead + 1] in (
                    "with", "for", "together", "personally", "professionally", "irl", "before",
                ) else ahead
                return ("stranger" if negated else "known"), last
            elif word == "outside" and ahead + 2 < self.size:
                return "stranger", min(self.size - 1, ahead + 3)
            elif not subject and word in ("in", "from", "within", "working", "work", "at"):
                return None
            else:
                return None
        return None

    def object_of(self, verb: int) -> tuple[str, int, int] | None:
        """What the verb at ``verb`` takes: ``(kind, first, last)`` with kind one of
        ``known``, ``stranger``, ``note`` (a blank invitation, or one with a message),
        ``scope`` (people from one field), ``all``, ``you``, ``invitation`` (invitations as
        such). Searched after the verb, then before it (a fronted or passive object: "All
        invitations I am accepting", "People I know, those are the ones I connect with");
        the more telling kind wins, people named first ("all requests from users I have
        met" is about known people)."""
        after = self._object_in(range(verb + 1, min(self.size, verb + 1 + OBJECT_AFTER)))
        before = self._object_in(range(max(0, verb - OBJECT_BEFORE), verb), backwards=True)
        if before is not None and (
            after is None or _OBJECT_RANK[before[0]] < _OBJECT_RANK[after[0]]
        ):
            return before
        return after

    def _object_in(
        self, window: range, *, backwards: bool = False
    ) -> tuple[str, int, int] | None:
        """The most telling object in ``window`` (the first of each kind, then by rank)."""
        best: tuple[str, int, int] | None = None
        indexes = reversed(window) if backwards else iter(window)
        for index in indexes:
            word = self.lemmas[index]
            if word in _OBJECT_STOPS or (backwards and word in REFUSE) or (
                backwards and word in READER_VERBS and self._verb_before_people(index)
            ):
                break  # "invite people I don't know" is the object of "invite"
            found = self._object_at(index)
            if found is not None and (best is None or _OBJECT_RANK[found[0]] < _OBJECT_RANK[
                best[0]
            ]):
                best = found
                if _OBJECT_RANK[found[0]] == 0:
                    break
        return best

    def _object_at(self, index: int) -> tuple[str, int, int] | None:
        word = self.lemmas[index]
        last = self.size - 1
        people = self.people_at(index)
        if people is not None:
            return people[0], index, people[1]
        if word in NOTE_MODIFIERS or (word in ("with", "without") and self._note_follows(index)):
            return "note", index, min(last, index + 3)
        if word in ALL and not self._all_means_only(index):
            scope = self._scope_after(index) or self._scoping_noun(index)
            return ("scope", index, scope) if scope else ("all", index, min(last, index + 1))
        if word in PEOPLE and self._scope_after(index):
            return "scope", index, self._scope_after(index) or index
        if word in ("you", "your"):
            return "you", index, min(last, index + 1)
        if word in INVITATIONS:
            return "invitation", index, index
        return None

    def _all_means_only(self, index: int) -> bool:
        """"all" in "that's all", "above all", "first of all" is no quantifier."""
        before = self.lemmas[index - 1] if index else ""
        if self.lemmas[index] == "most":
            return before in ("than", "the", "at")
        return self.lemmas[index] == "all" and before in ("above", "of", "is", "at", "after")

    def _verb_before_people(self, index: int) -> bool:
        """True when the reader verb at ``index`` takes people ("invite people", "ask me")."""
        following = self.lemmas[index + 1] if index + 1 < self.size else ""
        return following in PEOPLE or following in _ME or following == "you"

    def _scoping_noun(self, index: int) -> int | None:
        """"any Grinnell student", "every nurse": a determiner of all followed by a noun that
        names a group, not invitations or people at large."""
        if self.lemmas[index] not in ("any", "every", "all") or index + 1 >= self.size:
            return None
        following = self.lemmas[index + 1]
        if following in INVITATIONS or following in PEOPLE or following in _UNSCOPED or not (
            following.isalpha()
        ):
            return None
        return min(self.size - 1, index + 2)

    def _note_follows(self, index: int) -> bool:
        end = min(self.size, index + 5)
        return any(self.lemmas[i] in NOTE_NOUNS for i in range(index + 1, end))

    def _scope_after(self, index: int) -> int | None:
        """The last token of a scope after a person word at ``index`` ("anyone working in
        supply chain", "people in tech", "people who are in my field"), or None."""
        end = min(self.size, index + 5)
        for ahead in range(index + 1, end):
            word = self.lemmas[ahead]
            if word in SCOPE and ahead + 1 < self.size:
                following = self.lemmas[ahead + 1]
                if following in ("linkedin", "the", "a", "my", "your", "person", "real") and (
                    following != "my" or ahead + 2 >= self.size
                    or self.lemmas[ahead + 2] not in ("field", "industry", "sector", "area")
                ) and following != "the":
                    return None
                if following in ("person", "real", "linkedin"):
                    return None
                return min(self.size - 1, ahead + 3)
            if word not in RELATIVES and word not in _SCOPE_FILLERS:
                return None
        return None

    def add(self, code: str, kind: str, first: int, last: int) -> None:
        self.statements.append(Statement(code, kind, min(first, last), max(first, last)))


# Which object says most about a policy (lower is more telling).
_OBJECT_RANK = {"known": 0, "stranger": 0, "note": 0, "interacted": 0, "scope": 1, "all": 2,
                "you": 3, "invitation": 4}
_OBJECT_STOPS = frozenset({".", "!", "?", ";", "but", "because", "so", "(", ")"})
_SEGMENT_MARKS = frozenset({"but", ";", "—", "–", "however", "though", "although", "whereas"})
_DETERMINERS = frozenset({"a", "an", "the", "proud", "fellow"})
_DECISIONS = frozenset({"decide", "decided", "decision", "chose", "choose", "chosen", "rule",
                        "policy", "pledge"})
_ADVERBS = frozenset({
    "actually", "personally", "already", "really", "truly", "directly", "ever", "once",
    "previously", "professionally", "well", "genuinely", "at", "least", "also", "both",
    "physically", "also", "either", "probably", "recently", "somehow",
})
# Words that may stand between "people" and "I know" ("anyone to Linked In that I have not
# eaten a meal with", "people via LinkedIn with whom I had a real business relationship").
_FILLERS = frozenset({"linkedin", "linked", "in", "on", "via", "here", "a", "an", "some", "real",
                      "significant", "personal", "professional", "working", "meal", "beer",
                      "coffee", "lunch", "drink", "with", "the", "sort", "of", "kind", "good"})
_UNSCOPED = frozenset({"linkedin", "the", "of", "my", "your", "these", "those", "one", "comers",
                       "time", "times", "kind", "kinds", "type", "types", "sort", "sorts"})
_SCOPE_FILLERS = frozenset({"working", "work", "who", "that", "are", "is", "based", "else"})


def read_sentence(
    forms: Sequence[str],
    carried: str | None = None,
    negations: frozenset[str] = NEGATIONS,
    reach: int = NEGATION_REACH,
) -> list[Statement]:
    """Every statement about invitations in the sentence of words ``forms`` (see the module
    docstring).

    ``carried`` is the condition of a question just before ("Haven't met?"), ``negations`` the
    negation words and ``reach`` how many words before a verb a negation reaches.
    """
    lemmas = [lemma(form) for form in forms]
    if _RULES.keys().isdisjoint(lemmas) or (_SECOND.isdisjoint(lemmas) and negations.isdisjoint(
        lemmas
    )):
        # A statement needs a verb and what it says of whom: an object, a negation, a
        # condition. Most sentences around a cue have no such word ("Let's connect about
        # network design.", "Network engineer at Examplecorp").
        return []
    reading = Reading(forms, carried, negations, reach, lemmas)
    # Requests for a note come first: they decide what an acceptance in the same sentence
    # means ("Happy to connect if you include a note" is a condition, not a welcome).
    for index, word in enumerate(lemmas):
        if word in _NOTE_STARTS:
            _note_request(reading, index)
    if not _MIDDLE.isdisjoint(lemmas) and _middle_ground(reading):
        return reading.statements
    for index, word in enumerate(lemmas):
        for rule in _RULES.get(word, ()):
            rule(reading, index)
    return reading.statements


def question_condition(forms: Sequence[str]) -> str | None:
    """The condition a short question sets up for the next sentence: "Haven't met?" ->
    ``"stranger"``, "Worked together?" -> ``"known"``."""
    reading = Reading(forms)
    return next((c for c in reading.conditions if c is not None), None)


# -- the rules, one per verb family -----------------------------------------------------------


def _accepting(reading: Reading, verb: int) -> None:
    """accept / connect / add / link / welcome / open (to): the writer taking invitations."""
    words = reading.lemmas
    if words[verb] == "link" and verb + 1 < reading.size and words[verb + 1] == "in":
        return  # "link in" is the verb; handled with "in" skipped? rare: leave it
    if words[verb] == "add" and verb + 1 < reading.size and words[verb + 1] in NOTE_MODIFIERS:
        return
    if words[verb] == "open" and not _open_to(reading, verb):
        return
    if words[verb] == "network" and not (verb + 1 < reading.size and words[verb + 1] == "with"):
        return
    if words[verb] == "welcome" and verb + 1 < reading.size and words[verb + 1] == "to":
        return  # "you're welcome to connect with me": the connecting is read
    if verb > 1 and words[verb - 1] == "to" and words[verb - 2] in INVITATIONS:
        return  # "a request to connect" names an invitation
    reader_side = _toward_me(reading, verb)
    if reader_side:
        _reader_acts(reading, verb)
        return
    owner = reading.owner(verb)
    if owner == "other" or (owner == "reader" and words[verb] != "welcome"):
        return
    if reading.past(verb):
        return
    negation = reading.negated(verb)
    found = reading.object_of(verb)
    kind, first, last = found if found is not None else ("", verb, verb)
    start = min(verb, first) if negation is None else min(negation, first)
    start = _with_only(reading, start)
    end = max(verb, last)
    if kind == "known":
        if negation is None:
            reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, start, end)
    elif kind == "interacted":
        if negation is None:
            reading.add(rules.CONDITIONS, INTERACT_FIRST, start, end)
    elif kind == "stranger":
        if negation is not None:
            code, value = ((rules.CONDITIONS, NOTE) if reading.note_asked(verb)
                           else (rules.KNOWN_PEOPLE_ONLY, NO_STRANGERS))
            reading.add(code, value, start, end)
        elif reading.note_asked(verb) or _conditional(reading, verb):
            reading.add(rules.CONDITIONS, NOTE if reading.note_asked(verb) else CONDITION,
                        start, end)
        elif _hedged_some(reading, verb) or _qualified(reading, last):
            reading.add(rules.SCOPED_WELCOME, SOME, start, end)
        elif not _elsewhere(reading, verb):
            reading.add(rules.ACCEPT_ALL_PHRASE, ACCEPTS_ALL, start, end)
    elif kind == "note":
        if negation is not None or _only_near(reading, verb):
            reading.add(rules.CONDITIONS, NOTE, start, end)
    elif kind == "scope":
        if negation is not None:
            return
        if _only_near(reading, verb):
            reading.add(rules.CONDITIONS, SCOPE_ONLY, start, end)
        else:
            reading.add(rules.SCOPED_WELCOME, SCOPED, start, end)
    elif kind == "all":
        if negation is not None:
            return
        if _hedged_some(reading, verb):
            reading.add(rules.SCOPED_WELCOME, SOME, start, end)
        elif reading.condition_for(verb) == "known":
            reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, start, end)
        elif reading.condition_for(verb) is None and not reading.note_asked(verb):
            if _if_in_segment(reading, verb):  # "anyone, if they have a photo"
                reading.add(rules.SCOPED_WELCOME, SOME, start, end)
            elif not _elsewhere(reading, verb):
                reading.add(rules.ACCEPT_ALL_PHRASE, ACCEPTS_ALL, start, end)
    else:  # you, invitations as such, or no object
        _conditional_acceptance(reading, verb, negation, kind, start, end)


def _conditional_acceptance(
    reading: Reading, verb: int, negation: int | None, kind: str, start: int, end: int
) -> None:
    """Accepting "you", invitations as such, or nothing named: what it means rests on the
    sentence's condition ("If I don't know you, I won't accept"; "if we've worked together,
    I'll accept you"), else on the object ("Invites welcome", "I will accept you")."""
    condition = reading.condition_for(verb)
    if negation is not None:
        if reading.note_asked(verb) or _note_thing_in(reading, verb):
            reading.add(rules.CONDITIONS, NOTE, start, end)
        elif condition == "stranger":
            reading.add(rules.KNOWN_PEOPLE_ONLY, NO_STRANGERS, start, end)
        elif condition == "known" and "unless" in reading.lemmas:
            reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, start, end)
        elif kind in ("you", "invitation", "scope"):
            # "I'm not going to accept invitations from recruiters": some are refused.
            reading.add(rules.NOT_A_LION, SELECTIVE_KIND, start, end)
        return
    if condition == "known":
        reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, start, end)
    elif condition == "interacted":
        reading.add(rules.CONDITIONS, INTERACT_FIRST, start, end)
    elif reading.note_asked(verb):
        return  # the note request is the statement
    elif condition is None and _conditional(reading, verb):
        if kind in ("you", "invitation", ""):  # "I'll accept if you put effort into it"
            reading.add(rules.CONDITIONS, CONDITION, start, end)
    elif condition is None and not _elsewhere(reading, verb):
        passive = kind == "invitation" and _affirmed(reading, verb)
        if kind == "you" or passive:
            reading.add(rules.ACCEPT_ALL_PHRASE, ACCEPTS_YOU if kind == "you" else WELCOMES,
                        start, end)


def _refusing(reading: Reading, verb: int) -> None:
    """decline / reject / ignore / archive / turn down: "I never reject an invitation" is
    open; "I ignore invitations from strangers" refuses them; "Blank invitations get
    archived" asks for a note."""
    words = reading.lemmas
    if words[verb] == "turn" and not (verb + 1 < reading.size and words[verb + 1] == "down"):
        return
    if words[verb] == "pass" and not (
        verb + 1 >= reading.size or words[verb + 1] in ("on", ".", "!")
    ):
        return
    if reading.owner(verb) == "other" or reading.past(verb):
        return
    negation = reading.negated(verb)
    found = reading.object_of(verb)
    kind, first, last = found if found is not None else ("", verb, verb)
    start = min(verb, first) if negation is None else min(negation, first)
    end = max(verb, last)
    if negation is not None:
        if kind in ("all", "invitation", "you", "") and reading.condition_for(verb) is None:
            reading.add(rules.ACCEPT_ALL_PHRASE, NEVER_REFUSES, start, end)
        return
    if kind == "note" or reading.note_asked(verb) or _reason_near(reading, verb) or (
        _note_thing_in(reading, verb)
    ):
        reading.add(rules.CONDITIONS, NOTE, start, end)
    elif kind == "stranger" or reading.condition_for(verb) == "stranger":
        reading.add(rules.KNOWN_PEOPLE_ONLY, NO_STRANGERS, start, end)
    elif kind in ("invitation", "all") and _most(reading, verb):
        reading.add(rules.NOT_A_LION, SELECTIVE_KIND, start, end)


def _reader_acts(reading: Reading, verb: int) -> None:
    """send / invite / "connect with me": what the writer tells the reader to do. "Please do
    not send me requests unless we have done business together" refuses strangers; "Send me
    an invitation" welcomes them; "if we've shipped something together, send away" accepts
    known people only."""
    words = reading.lemmas
    owner = reading.owner(verb)
    if owner == "other" or reading.past(verb):
        return
    if words[verb] == "send" and not _sends_invitation(reading, verb):
        return
    if words[verb] == "invite" and not (verb + 1 < reading.size and words[verb + 1] in _ME):
        return  # "invites" is mostly a noun; the verb invites "me"
    if words[verb] == "ask" and not (
        words[verb + 1 : verb + 2] == ["me"] and any(w in ACCEPT for w in words[verb + 2 : verb + 5])
    ):
        return  # "ask me to connect"
    negation = reading.negated(verb)
    start = verb if negation is None else negation
    end = min(reading.size - 1, verb + 3)
    strangers = reading.condition_for(verb) == "stranger" or any(w in STRANGER for w in words)
    if negation is not None:
        if strangers or (reading.condition_for(verb) == "known" and "unless" in words):
            reading.add(rules.KNOWN_PEOPLE_ONLY, NO_STRANGERS if strangers else KNOWN_ONLY,
                        _vocative_start(reading, start), end)
        return
    if reading.condition_for(verb) == "known":
        reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, _condition_start(reading), end)
    elif reading.note_asked(verb):
        return
    elif reading.condition_for(verb) is None and not reading.note_asked(verb) and not _conditional(reading, verb):
        scope = next((i for i in range(verb + 1, min(reading.size, verb + 6))
                      if words[i] in ALL and reading._scope_after(i)), None)
        if scope is not None:
            reading.add(rules.SCOPED_WELCOME, SCOPED, start, reading._scope_after(scope) or end)
        elif _scoped_by_vocative(reading):
            reading.add(rules.SCOPED_WELCOME, SCOPED, 0, end)
        else:
            reading.add(rules.SCOPED_WELCOME, WELCOMES, start, end)


def _button(reading: Reading, index: int) -> None:
    """The "I Don't Know" button: pressing it on strangers refuses them ("If I don't know you
    I will click 'I don't know this person'"); never pressing it is open ("Never IDK"); after
    a condition ("include a note, otherwise I'll click IDK") it enforces the condition."""
    words = reading.lemmas
    verb = index
    if words[index] in BUTTON:
        verb = next((i for i in range(index - 1, max(-1, index - 4), -1)
                     if words[i] in BUTTON_VERBS), index)
    if reading.owner(verb) == "other" or reading.past(verb):
        return
    if any(w in ("receive", "received", "get", "send", "sent") for w in words[max(0, verb - 3):verb]):
        return
    negation = reading.negated(verb)
    end = _button_end(reading, index)
    if negation is not None:
        if words[negation] in ("never", "not", "no") and (
            words[negation] == "never" or "will" in words[max(0, negation - 2):negation + 1]
            or words[negation] == "no"
        ):
            reading.add(rules.ACCEPT_ALL_PHRASE, NEVER_IDK, negation, end)
        return
    start = verb
    if any(w in _OTHERWISE for w in words[:verb]) and (reading.note_asked(verb)):
        reading.add(rules.CONDITIONS, IDK_OTHERWISE, start, end)
    else:
        reading.add(rules.KNOWN_PEOPLE_ONLY, IDK, start, end)


def _button_after(reading: Reading, verb: int) -> bool:
    """True when a button verb at ``verb`` presses "I don't know" (quoted, or followed by
    "this person", "button", "tab") or IDK."""
    words = reading.lemmas
    window = words[verb + 1 : verb + 8]
    if any(w in BUTTON for w in window):
        return True
    for offset in range(len(window) - 3):
        if window[offset : offset + 4] == ["i", "do", "not", "know"]:
            following = window[offset + 4 : offset + 6]
            quoted = offset > 0 and reading.forms[verb + offset] in _QUOTES
            return quoted or bool({"this", "button", "tab", "option"} & set(following)) or (
                offset + 4 >= len(window)
            )
    return False


def _button_end(reading: Reading, index: int) -> int:
    words = reading.lemmas
    for ahead in range(index + 1, min(reading.size, index + 10)):
        if words[ahead] in ("person", "button", "tab", "idk", "know"):
            last = ahead
            if words[ahead] == "know" and ahead + 1 < reading.size and (
                reading.forms[ahead + 1] in _QUOTES
            ):
                last = ahead + 1
            if ahead + 1 < reading.size and words[ahead + 1] in ("person",):
                last = ahead + 1
            if words[ahead] != "know" or not (
                ahead + 2 < reading.size and words[ahead + 1] == "this"
            ):
                return last
    return index


def _note_request(reading: Reading, verb: int) -> None:
    """"Please include a note", "personalise your invite", "tell me why", "write me a line
    about why", "message me first": a condition a stranger can meet. The reader is asked,
    so the subject is "you" or missing, never "I" ("I include a note when I invite")."""
    words = reading.lemmas
    asks_me = words[verb + 1 : verb + 2] == ["me"]
    if reading.owner(verb) == "writer" and _has_subject(reading, verb) and not asks_me:
        return
    if reading.past(verb):
        return
    if reading.negated(verb) is not None and not _in_if_clause(reading, verb):
        return  # "no note needed"; but "if you don't include a note" is a condition
    end = min(reading.size, verb + PHRASE_REACH)
    word = words[verb]
    kind = None
    last = verb
    for ahead in range(verb + 1, end):
        following = words[ahead]
        if following in (".", "!", "?", ";"):
            break
        if following in REASON and word in ("tell", "say", "let", "explain", "write", "mention",
                                            "know", "make", "reference", "provide", "give"):
            kind, last = REASON_KIND, ahead
            break
        if following in NOTE_NOUNS and not (following == "line" and word != "write"):
            if following in ("reason", "context"):
                kind, last = REASON_KIND, ahead
            else:
                kind, last = NOTE, ahead
            if word in ("tell", "say", "let") and following not in ("reason", "context"):
                kind = None
            break
        if word in ("personalise", "personalize", "customise", "customize") and (
            following in INVITATIONS or following in NOTE_NOUNS
        ):
            kind, last = NOTE, ahead
            break
    if word == "message" and kind is None and verb + 1 < reading.size and words[verb + 1] == "me":
        kind, last = NOTE, verb + 1
    if word == "let" and words[verb + 1 : verb + 3] != ["me", "know"]:
        return
    if kind is None:
        return
    start = verb - 1 if verb > 0 and words[verb - 1] == "please" else verb
    reading.add(rules.CONDITIONS, kind, start, last)


def _follow(reading: Reading, index: int) -> None:
    """"Follow me instead", "Strangers: please hit follow", "following is fine": strangers
    are asked to follow rather than connect. "Follow me on Twitter" is not about LinkedIn."""
    words = reading.lemmas
    after = words[index + 1 : index + 4]
    before = words[max(0, index - 3) : index]
    if any(w in _PLATFORMS for w in after):
        return
    if words[index] == "follow" and index > 0 and words[index - 1] in ("i", "we", "they"):
        return
    asked = (
        bool({"instead", "rather", "fine", "ok", "okay", "welcome", "better"} & set(after))
        or bool({"please", "free", "hit", "click", "just", "rather", "instead"} & set(before))
        or any(w in STRANGER or w == "else" for w in words[:index])
        or (index > 0 and words[index - 1] == "a")  # "treat them like a follow"
        or (index > 0 and words[index - 1] == "be")  # "to be followed"
    )
    if asked:
        start = index - 1 if index and words[index - 1] in ("please", "hit", "click") else index
        last = index + 1 if index + 1 < reading.size and words[index + 1] in (
            "me", "instead") else index
        if last == index + 1 and last + 1 < reading.size and words[last + 1] == "instead":
            last += 1
        reading.add(rules.CONDITIONS, FOLLOW_KIND, start, last)


def _no_phrase(reading: Reading, index: int) -> None:
    """Noun phrases: "No unsolicited invites", "no strangers" refuse strangers; "No note = no
    accept", "no message, no connection" ask for a note."""
    words = reading.lemmas
    if index + 1 >= reading.size:
        return
    following = words[index + 1]
    if following in STRANGER_MODIFIERS or following in STRANGER:
        last = index + 2 if index + 2 < reading.size and words[index + 2] in INVITATIONS else (
            index + 1)
        reading.add(rules.KNOWN_PEOPLE_ONLY, NO_STRANGERS, index, last)
        return
    if following in NOTE_NOUNS or (following in ("personal", "intro") and index + 2 < reading.size):
        rest = words[index + 2 : index + 7]
        if "no" in rest:
            then = index + 2 + rest.index("no")
            if then + 1 < reading.size and (words[then + 1] in ACCEPT or words[then + 1] in (
                    "connection", "accept", "acceptance", "add", "link", "connect")):
                reading.add(rules.CONDITIONS, NOTE, index, then + 1)


def _network_is(reading: Reading, index: int) -> None:
    """"My network is people I'd vouch for", "Connections are for people I've actually met",
    "I restrict my connections to people I know", "these days it's people I've worked with":
    the writer's network described as known people."""
    words = reading.lemmas
    if words[index] == "it" and not (index + 1 < reading.size and words[index + 1] == "is"):
        return
    if words[index] in ("connection", "contact") and index > 0 and words[index - 1] in (
            "your", "their", "his", "her"):
        return
    if reading.past(index):
        return
    for ahead in range(index + 1, min(reading.size, index + PHRASE_REACH + 2)):
        found = reading.people_at(ahead)
        if found is not None:
            kind, last = found
            if kind == "known" and reading.negated(ahead) is None:
                reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, _owner_start(reading, index),
                            last)
            return
        if words[ahead] in (".", "!", "?", ";"):
            return


def _selective(reading: Reading, index: int) -> None:
    """"I'm selective about who I connect with", "I keep my network small": the writer's
    network is chosen, without saying who is refused (not-a-LION family)."""
    words = reading.lemmas
    if reading.owner(index) != "writer" or reading.past(index):
        return
    window = words[index + 1 : index + 6]
    if words[index] in SELECTIVE:
        if reading.negated(index) is None and any(
            w in ACCEPT or w in NETWORK or w in ("who", "whom") for w in window
        ):
            reading.add(rules.NOT_A_LION, SELECTIVE_KIND, index, min(reading.size - 1, index + 5))
    elif words[index] == "keep" and any(w in NETWORK for w in window) and any(
        w in ("small", "curated", "tight", "personal", "selective", "private") for w in window
    ):
        reading.add(rules.NOT_A_LION, SELECTIVE_KIND, index, min(reading.size - 1, index + 6))


def _only_people(reading: Reading, index: int) -> None:
    """"Known contacts only", "colleagues only", "Only people I've met": known people, named
    with "only" and no verb."""
    words = reading.lemmas
    if index > 0:
        found = reading.people_at(index - 1) if words[index - 1] not in PEOPLE else (
            reading.people_at(index - 2) if index > 1 else None)
        if found is not None and found[0] == "known":
            reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, max(0, index - 2), index)
            return
    if index + 1 < reading.size and not any(
        w in ACCEPT or w in REFUSE or w in READER_VERBS for w in words[: index + 4]
    ):
        found = reading.people_at(index + 1)
        if found is not None and found[0] == "known":
            reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, index, found[1])


# -- small helpers ----------------------------------------------------------------------------


def _open_to(reading: Reading, verb: int) -> bool:
    """"open to (all) invitations / connection requests / connecting": "open" as an accept
    verb. "Open to new opportunities" and "open networker" are not."""
    words = reading.lemmas
    if not (verb + 1 < reading.size and words[verb + 1] == "to"):
        return False
    following = words[verb + 2 : verb + 5]
    return any(w in INVITATIONS or w in ALL for w in following)


def _toward_me(reading: Reading, verb: int) -> bool:
    """True when a connect/add/link verb is the reader's ("connect with me", "add me")."""
    words = reading.lemmas
    if words[verb] not in ("connect", "add", "link", "network"):
        return False
    following = words[verb + 1 : verb + 3]
    return "me" in following or (words[verb - 1] in ("free", "welcome") if verb else False)


def _sends_invitation(reading: Reading, verb: int) -> bool:
    """True when "send" at ``verb`` sends an invitation ("send me a request", "send away")."""
    words = reading.lemmas
    window = words[verb + 1 : verb + 5]
    if window[:1] == ["away"]:
        return True
    for word in window:
        if word in INVITATIONS:
            return True
        if word in (".", "!", "?", "email", "e-mail", "mail", "message", "note", "dm"):
            return False
    return False


def _affirmed(reading: Reading, verb: int) -> bool:
    """"Invites welcome", "all invites accepted", "your invitation will be accepted": an
    invitation noun as the subject of an accept verb (passive or adjective)."""
    words = reading.lemmas
    for back in range(verb - 1, max(-1, verb - 5), -1):
        if words[back] in AFFIRM_NOUNS:
            return True
        if words[back] not in AUXILIARIES and words[back] not in ("always", "it", "are", "very"):
            return False
    return False


def _conditional(reading: Reading, verb: int) -> bool:
    """True when a condition word (if, unless, as long as, once) stands in the sentence."""
    return any(w in CONDITIONS or w == "long" for w in reading.lemmas)


def _middle_ground(reading: Reading) -> bool:
    """"I fall somewhere in the middle", "in-between networker": the writer names the middle
    ground (language.md family 10); nothing else in the sentence counts."""
    words = reading.lemmas
    for index, word in enumerate(words):
        if word in _MIDDLE and (
            reading.owner(index) == "writer" and _has_subject(reading, index)
            or word != "middle"
        ):
            reading.add(rules.SCOPED_WELCOME, MIDDLE, max(0, index - 2), index)
            return True
    return False


def _note_thing_in(reading: Reading, verb: int) -> bool:
    """True when the segment of ``verb`` names a blank invitation ("a canned request", "the
    default message", "without a note")."""
    low, high = reading.segments[reading.segment_of(verb)]
    return any(w in NOTE_MODIFIERS for w in reading.lemmas[low:high]) or any(
        reading.lemmas[i] == "without" and reading._note_follows(i) for i in range(low, high)
    )


def _qualified(reading: Reading, last: int) -> bool:
    """True when a relative clause qualifies the people just named ("users that I have not
    met, who have recently posted quality content")."""
    following = reading.lemmas[last + 1 : last + 4]
    return bool({"who", "whom", "that", "which", "if", "as"} & set(following))


def _elsewhere(reading: Reading, verb: int) -> bool:
    """True when the segment of ``verb`` puts it on another site ("On many other sites, I
    accept friend requests openly", "on Facebook") (language.md trap 9)."""
    low, high = reading.segments[reading.segment_of(verb)]
    words = reading.lemmas[low:high]
    return bool(_OTHER_SITES & set(words)) or ("other" in words and bool(
        {"site", "sites", "platform", "platforms", "network", "networks"} & set(words)))


def _in_if_clause(reading: Reading, verb: int) -> bool:
    """True when an "if" or "unless" stands before ``verb`` in its clause."""
    return any(w in ("if", "unless") for w in reading.lemmas[reading.clause_start(verb) : verb])


def _if_in_segment(reading: Reading, verb: int) -> bool:
    """True when an "if" (not an "unless": "everyone, unless it's spam" is still everyone)
    stands in the segment of ``verb``."""
    for low, high in reading.segments:
        if low <= verb <= high:
            return any(w in ("if", "provided", "once", "when") for w in reading.lemmas[low:high])
    return False


def _asks(reading: Reading) -> bool:
    return any(s.code == rules.CONDITIONS for s in reading.statements)


def _has_subject(reading: Reading, verb: int) -> bool:
    return any(w in ("i", "we") for w in reading.lemmas[reading.clause_start(verb) : verb])


def _hedged_some(reading: Reading, verb: int) -> bool:
    window = reading.lemmas[max(0, verb - 3) : verb + 4]
    return any(w in HEDGE_SOME for w in window)


def _most(reading: Reading, verb: int) -> bool:
    window = reading.lemmas[max(0, verb - 3) : verb + 5]
    return any(w in ("most", "majority", "usually", "generally", "mostly", "always", "%")
               or w.endswith("%") for w in window)


def _only_near(reading: Reading, verb: int) -> bool:
    window = reading.lemmas[max(0, verb - 3) : verb + 4]
    return any(w in _ONLY and w != "just" for w in window)


def _reason_near(reading: Reading, verb: int) -> bool:
    window = reading.lemmas[verb + 1 : verb + 16]
    return any(w in ("reason", "why", "context") for w in window)


def _with_only(reading: Reading, start: int) -> int:
    """Extend a statement's start back over "only" and a subject ("I only ...")."""
    words = reading.lemmas
    if start > 0 and words[start - 1] in _ONLY:
        start -= 1
    return start


def _owner_start(reading: Reading, index: int) -> int:
    if index > 0 and reading.lemmas[index - 1] in ("my", "our"):
        return index - 1
    return index


def _vocative_start(reading: Reading, start: int) -> int:
    """Start a refusal at its vocative ("Strangers, please don't connect")."""
    for index in range(0, start):
        if reading.lemmas[index] in STRANGER:
            return index
    return start


def _condition_start(reading: Reading) -> int:
    for index, word in enumerate(reading.lemmas):
        if word in CONDITIONS:
            return index
    return 0


def _scoped_by_vocative(reading: Reading) -> bool:
    """"Fellow nurses and midwives: you're always welcome to connect": a welcome addressed to
    a group."""
    return bool(reading.lemmas) and reading.lemmas[0] == "fellow"


def _button_rule(reading: Reading, index: int) -> None:
    if reading.lemmas[index] in BUTTON or _button_after(reading, index):
        _button(reading, index)


_MIDDLE = frozenset({"middle", "in-between", "halfway", "semi-open"})
# The words (besides negations) one of which every statement holds besides its verb: whom it
# is about, a condition, a note, the button, a limit.
_SECOND = (
    _ONLY | PEOPLE | KNOWN_PEOPLE | STRANGER | STRANGER_MODIFIERS | NOTE_MODIFIERS | NOTE_NOUNS
    | REASON | ALL | INVITATIONS | CONDITIONS | SELECTIVE | BUTTON | _MIDDLE
    | {"you", "your", "me", "please", "instead", "free", "fine", "known", "=", "small"}
)
_NOTE_STARTS = NOTE_VERBS | {"tell", "say", "let", "explain"}
_Rule = Callable[[Reading, int], None]


def _rules_by_word() -> dict[str, tuple[_Rule, ...]]:
    """Which rules each word starts (a word may start several: "add" accepts or asks)."""
    table: dict[str, list[_Rule]] = {}
    for family, rule in (
        (ACCEPT, _accepting), (REFUSE, _refusing), (READER_VERBS, _reader_acts),
        (BUTTON | BUTTON_VERBS, _button_rule), (FOLLOW, _follow), ({"no"}, _no_phrase),
        (NETWORK | {"it"}, _network_is), (SELECTIVE | LIMIT, _selective),
        (_ONLY, _only_people), (_NOTE_STARTS, _note_request_marker),
    ):
        for word in family:
            table.setdefault(word, []).append(rule)
    return {word: tuple(rules) for word, rules in table.items()}


def _note_request_marker(reading: Reading, index: int) -> None:
    """Note requests are read in a first pass (see read_sentence); listed in the table only so
    that a sentence holding one is read at all."""


_RULES = _rules_by_word()
