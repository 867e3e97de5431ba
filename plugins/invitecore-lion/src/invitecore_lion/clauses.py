"""One sentence being read: the questions the grammar asks about its clauses.

A :class:`Reading` holds a sentence as words (spelled out by :func:`invitecore_lion.tokens.words`)
and their lemmas, and answers, for the word at some index (usually a verb):

- **Negation** (:meth:`Reading.negated`): does a negation stand before it in its clause (not,
  never, no, nor, rarely, stopped, no longer)? In "I do not accept invitations from people I
  do not know" the first negation is the verb's; the second belongs to the object "people I
  do not know", a stranger (docs/language.md, family 2).
- **Owner** (:meth:`Reading.owner`): is it the writer's own policy? The nearest subject must be
  the writer (I, we, my) or missing (a headline fragment, "Open to all invitations", a
  passive); "LIONs accept all invitations", "you should accept everyone" and "people who
  connect with anyone" are someone else's (trap 1).
- **Tense** (:meth:`Reading.past`): "I used to accept everyone" and "I accepted every request"
  say nothing about today; "these days", "now", "I decided to" end a past (trap 6).
- **Condition** (:meth:`Reading.condition_for`): does the segment (the part of the sentence
  between "but", ";" or a dash) make acceptance depend on something? "if we haven't met",
  "haven't met?" (``stranger``), "unless we have worked together" (``known``), "if we have
  interacted" (``interacted``).
- **Object** (:meth:`Reading.object_of`): what does the verb take? People the writer knows
  ("people I know", "those I've worked with", "colleagues", "known contacts"), strangers
  ("strangers", "anyone I haven't met", "people outside my circle", "unsolicited
  invitations"), a note ("the default message", "invitations with a personal message"), a
  scope ("anyone in supply chain", "any Grinnell student"), all ("everyone", "all
  invitations", "most"), you, or invitations as such.

Every look is a bounded window of words, so reading a sentence takes time linear in its
length.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from invitecore_lion import rules
from invitecore_lion.tokens import CLAUSE_MARKS
from invitecore_lion.words import (
    ALL,
    AUXILIARIES,
    CONDITIONS,
    INTERACT,
    INVITATIONS,
    KNOW,
    KNOWN_PEOPLE,
    NOTE_MODIFIERS,
    NOTE_NOUNS,
    NOW,
    OTHER_SUBJECTS,
    PAST,
    PAST_FORMS,
    PEOPLE,
    READER_VERBS,
    REFUSE,
    RELATIVES,
    SCOPE,
    STOP,
    STRANGER,
    STRANGER_MODIFIERS,
    lemma,
)

__all__ = ["NEGATIONS", "NEGATION_REACH", "PHRASE_REACH", "Object", "Reading", "Statement"]

# How far the grammar looks, in words.
OBJECT_AFTER = 12  # "accept invitations from clients, opposing parties or anyone I haven't met"
OBJECT_BEFORE = 10  # "Invitations from people outside my professional circle will not be accepted"
NEGATION_REACH = 4  # "I am not going to accept", "I have never once accepted"
PHRASE_REACH = 6  # "people whom I have actually worked with", "include a short personal note"

# The default negation words (the ``negation-words`` setting replaces them). Contractions are
# spelled out before ("don't" is "do not").
NEGATIONS = frozenset({"not", "never", "no", "nor", "neither", "rarely", "seldom", "hardly",
                       "barely", "unlikely", "without"})

# What a verb takes, as ``(kind, first word, last word)``; see Reading.object_of.
Object = tuple[str, int, int]


class Statement:
    """What a sentence says: a rule code, the kind of statement (the signal's ``value``), and
    the first and last word it rests on (indexes into the sentence)."""

    __slots__ = ("code", "first", "kind", "last")

    def __init__(self, code: str, kind: str, first: int, last: int) -> None:
        self.code = code
        self.kind = kind
        self.first = first
        self.last = last

    def __repr__(self) -> str:
        return f"Statement({self.code!r}, {self.kind!r}, {self.first}, {self.last})"


class Reading:
    """One sentence being read: its words, their lemmas, the answers about its clauses, and
    the statements found so far.

    ``carried`` is a condition that a question just before set up ("Haven't met? Then I won't
    accept."); ``negations`` the negation words; ``reach`` how many words before a verb a
    negation reaches.
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
        self.lemmas = lemmas if lemmas is not None else [lemma(form) for form in forms]
        self.size = len(forms)
        self.negations = negations
        self.reach = reach
        self.carried = carried
        self.statements: list[Statement] = []

    def add(self, code: str, kind: str, first: int, last: int) -> None:
        """Record a statement resting on the words ``first`` to ``last`` (either order)."""
        self.statements.append(Statement(code, kind, min(first, last), max(first, last)))

    # -- clauses and segments ------------------------------------------------------------------

    def clause_start(self, index: int) -> int:
        """The first word of the clause that holds ``index`` (after a comma, a dash, "but")."""
        for back in range(index - 1, -1, -1):
            if self.lemmas[back] in CLAUSE_MARKS:
                return back + 1
        return 0

    @functools.cached_property
    def segments(self) -> list[tuple[int, int]]:
        """The sentence split at "but", ";" and dashes, as ``(first, end)`` word ranges. Each
        segment has its own condition: in "I still accept most invitations, but please add a
        note if we've never met" the condition is the note's, not the acceptance's."""
        segments = []
        low = 0
        for index, word in enumerate(self.lemmas):
            if word in _SEGMENT_MARKS:
                segments.append((low, index))
                low = index + 1
        segments.append((low, self.size))
        return segments

    def segment_of(self, index: int) -> int:
        """The number of the segment that holds word ``index``."""
        for number, (low, high) in enumerate(self.segments):
            if low <= index <= high:
                return number
        return len(self.segments) - 1

    def segment_words(self, index: int) -> list[str]:
        """The lemmas of the segment that holds word ``index``."""
        low, high = self.segments[self.segment_of(index)]
        return self.lemmas[low:high]

    # -- negation, owner, tense ----------------------------------------------------------------

    def negated(self, index: int) -> int | None:
        """The negation of the word at ``index``, if any: a negation word a few words before it
        in its clause, or a verb that stops it ("stopped accepting", "gave up accepting")."""
        # Asides do not count toward the reach, and a comma is crossed when only asides stand
        # between it and the verb: "I do not, in fact, normally accept"; but "If you don't
        # know me, connect" is not negated (the clause before holds more than asides).
        counted = 0
        crossed = False
        for back in range(index - 1, max(-1, index - 4 * self.reach), -1):
            word = self.lemmas[back]
            if word in self.negations or (word in STOP and self._stops(back)):
                return back
            if word in PEOPLE or word in INTERACT or self._knowing(back):
                # a negation before is another phrase's: "people I don't know", "Invites from
                # folks I don't know get archived" (the negation is the knowing's); not a
                # noun of KNOW: "No business invitations accepted" is negated
                return None
            if word == ",":
                if counted:  # "if we haven't, I'll decline": the clause before is another's
                    return None
                crossed = True
                continue
            if word in CLAUSE_MARKS:
                return None
            if word in _ASIDES or (word.endswith("ly") and len(word) > 4):
                continue
            if crossed:
                return None
            counted += 1
            if counted >= self.reach:
                return None
        return None

    def _stops(self, index: int) -> bool:
        """True when the STOP verb at ``index`` stops what follows ("give" only in "give up")."""
        if self.lemmas[index] == "give":
            return index + 1 < self.size and self.lemmas[index + 1] == "up"
        return True

    def owner(self, index: int) -> str:
        """Whose the statement with its verb at ``index`` is: ``"writer"`` (I, we, my, or no
        subject: a headline fragment, a passive), ``"reader"`` (you, please, feel free to), or
        ``"other"`` (they, LIONs, people who, advice). The nearest subject in the segment
        decides."""
        for back in range(index - 1, self.segments[self.segment_of(index)][0] - 1, -1):
            word = self.lemmas[back]
            if word in _WRITER:
                following = self.lemmas[back + 1] if back + 1 < self.size else ""
                if word in ("my", "our") and (following in KNOWN_PEOPLE or following in _RELATIONS):
                    return "other"  # "my colleague only connects with ...": someone else
                return "writer"
            if word in _ADVICE:
                return "other"
            if word in _READER:
                return "reader"
            if word in OTHER_SUBJECTS and word not in _NOT_SUBJECTS and not (
                back > 0 and self.lemmas[back - 1] in _DETERMINERS
            ):  # "a proud LION and connect with": a complement, not a subject
                return "other"
            if word in RELATIVES and back > 0 and self.lemmas[back - 1] in PEOPLE:
                return "other"  # "people who accept all invitations"
        return "writer"

    def past(self, index: int) -> bool:
        """True when the word at ``index`` tells of a past policy: a past marker before it in
        the sentence ("used to", "former", "was") with no "now", "these days" or decision
        between, or a past form right after a pronoun ("I accepted every request")."""
        marker = False
        for back in range(index):
            word = self.lemmas[back]
            if word in PAST:
                following = self.lemmas[back + 1] if back + 1 < self.size else ""
                never = self.lemmas[back - 1 : back] == ["never"]
                if (word == "use" and following != "to") or (
                    word == "once" and (following == "i" or never)
                ) or (word == "back" and following == "to"):
                    # "the use of", "once I know you" (a condition), "never once", "gone back to"
                    continue
                marker = True
            elif word in NOW or word in CONDITIONS or word in _DECISIONS or (
                word == "but" and back > 0 and self.lemmas[back - 1] == ","
            ):  # "these days ...", "I decided years ago to only ...", "..., but now I ..."
                marker = False
        if marker:
            return True
        if index == 0 or self.forms[index] not in PAST_FORMS:
            return False
        before = self.lemmas[index - 1]
        if before == "never" or self.lemmas[index - 2 : index] == ["never", "once"]:
            return False  # "I never (once) accepted ...": a habit that holds to this day
        return before in _PRONOUNS or (
            index > 1 and before in _PAST_ADVERBS and self.lemmas[index - 2] in ("i", "we")
        )

    # -- conditions ----------------------------------------------------------------------------

    @functools.cached_property
    def conditions(self) -> list[str | None]:
        """The condition of each segment (see :meth:`condition_for`)."""
        conditions = [self._condition(low, high) for low, high in self.segments]
        if self.carried is not None and conditions[0] is None:
            conditions[0] = self.carried
        return conditions

    def condition_for(self, index: int) -> str | None:
        """The condition of the segment that holds word ``index``: ``"stranger"`` ("if I don't
        know you", "if we haven't met", "haven't met?"), ``"known"`` ("if we have worked
        together", "unless I know you"), ``"interacted"`` ("if we have interacted"), or
        None."""
        return self.conditions[self.segment_of(index)]

    def note_asked(self, index: int) -> bool:
        """True when the segment of word ``index`` asks for a note, a reason or to follow."""
        segment = self.segment_of(index)
        return any(s.code == rules.CONDITIONS and self.segment_of(s.first) == segment
                   for s in self.statements)

    def _condition(self, low: int, high: int) -> str | None:
        for index in range(low, high):
            word = self.lemmas[index]
            if word in CONDITIONS or (index == low and word in ("have", "do", "never")):
                kind = self._condition_at(index)
                if kind is not None:
                    return kind
        return None

    def _condition_at(self, index: int) -> str | None:
        """The condition opened at ``index``: "if" / "unless" / a bare "haven't met?"."""
        word = self.lemmas[index]
        negated = word == "unless"  # "unless I know you" is "if I don't know you", negated
        subject = word not in CONDITIONS  # "Haven't met?": no subject, the writer's
        for ahead in range(index + 1, min(self.size, index + PHRASE_REACH + 2)):
            word = self.lemmas[ahead]
            if word in ("i", "we"):
                subject = True
            elif word in ("they", "someone", "it") and not subject:
                return None  # "if they have a photo": not about knowing
            elif word in self.negations:
                negated = not negated
            elif subject and (
                (word in KNOW and (word != "work" or self.together(ahead)))
                or (word == "picture" and self.lemmas[ahead + 1 : ahead + 2] in (["you"], ["your"]))
            ):  # "if I can't picture your face": recognising someone is knowing them
                return "stranger" if negated else "known"
            elif word in INTERACT and subject:
                return "stranger" if negated else "interacted"
            elif word in CLAUSE_MARKS or word == "then":
                return None
        return None

    def together(self, index: int) -> bool:
        """True when "work" at ``index`` is working with someone ("worked with", "worked
        together", "worked for", "worked at the same company")."""
        return not _TOGETHER.isdisjoint(self.lemmas[index + 1 : index + 4])

    def _knowing(self, index: int) -> bool:
        """True when the word at ``index`` is a verb of knowing (:data:`words.KNOW`: "know",
        "met", "worked", "trust", "vouch", "crossed") and so owns a negation before it; a noun
        of the table ("business", "history", "together", a bare "work") only with "with",
        "together" or "paths" right after it: "no history with", not "No business
        invitations accepted" (docs/language.md section 15)."""
        word = self.lemmas[index]
        if word not in KNOW:
            return False
        if word not in _KNOW_NOUNS and (word != "work" or self.forms[index] != "work"):
            return True
        return not _KNOWING_AFTER.isdisjoint(self.lemmas[index + 1 : index + 2])

    # -- objects -------------------------------------------------------------------------------

    def object_of(self, verb: int) -> Object | None:
        """What the verb at ``verb`` takes, as ``(kind, first, last)``, kind one of ``known``,
        ``stranger``, ``interacted``, ``note``, ``scope``, ``all``, ``you``, ``invitation``.

        Looked for after the verb, then before it (a fronted or passive object: "All
        invitations I am accepting", "People I know, those are the ones I connect with");
        the more telling kind wins, people named before "all" ("all requests from users I
        have met" is about known people).
        """
        after = self._object_in(range(verb + 1, min(self.size, verb + 1 + OBJECT_AFTER)))
        low = max(0, verb - OBJECT_BEFORE)
        if low:  # fillers do not count: "People I have actually met: those are the ones I
            # connect with"
            low = max(0, low - sum(1 for word in self.lemmas[low:verb] if word in _FILLERS))
        before = self._object_in(range(low, verb), backwards=True)
        if before is not None and before[0] in _PEOPLE_KINDS and not self._fronted(before, verb):
            before = None  # "My colleague only connects with ...": the subject, not the object
        if before is not None and (after is None or _RANK[before[0]] < _RANK[after[0]]):
            return before
        return after

    def _fronted(self, found: Object, verb: int) -> bool:
        """True when people named before the verb are its object: the writer is the subject
        between them ("People I know, those are the ones I connect with", "All invitations I
        am accepting"), or the verb is passive ("Invitations from strangers will not be
        accepted")."""
        between = self.lemmas[found[2] + 1 : verb]
        while between and between[-1] in self.negations:
            between = between[:-1]  # "Unsolicited requests are not accepted"
        return not _WRITER.isdisjoint(between) or (
            bool(between) and between[-1] in ("be", "been", "being", "get", "gets", "is", "are")
        )

    def _object_in(self, window: range, *, backwards: bool = False) -> Object | None:
        """The most telling object in ``window`` (the first of each kind)."""
        best: Object | None = None
        for index in (reversed(window) if backwards else window):
            word = self.lemmas[index]
            if word in _OBJECT_STOPS or (backwards and (
                word in REFUSE or (word in READER_VERBS and self._takes_people(index))
            )):
                break  # "invite people I don't know": the people are the object of "invite"
            found = self._object_at(index)
            if found is not None and (best is None or _RANK[found[0]] < _RANK[best[0]]):
                best = found
                if _RANK[found[0]] == 0:
                    break
        return best

    def _object_at(self, index: int) -> Object | None:
        """The object that starts at word ``index``, if one does."""
        word = self.lemmas[index]
        last = self.size - 1
        people = self.people_at(index)
        if people is not None:
            return people[0], index, people[1]
        if word in NOTE_MODIFIERS or (word in ("with", "without") and self._note_follows(index)):
            return "note", index, min(last, index + 3)
        if word in ALL and not self._not_a_quantifier(index):
            scope = self._scope_after(index) or self._scoping_noun(index)
            return ("scope", index, scope) if scope else ("all", index, min(last, index + 1))
        if word in PEOPLE:
            scope = self._scope_after(index)
            if scope is not None:
                return "scope", index, scope
        if word == "fellow" and index < last and self.lemmas[index + 1] != "of":
            # "from fellow nurses", "fellow Westmoor alumni": people of one group
            return "scope", index, min(last, index + 2)
        if word in ("you", "your"):
            return "you", index, min(last, index + 1)
        if word in INVITATIONS:
            return "invitation", index, index
        return None

    def people_at(self, index: int) -> tuple[str, int] | None:
        """``(kind, last word)`` when people are named at ``index``: ``known`` ("people I
        know", "those I've worked with", "colleagues", "known contacts"), ``stranger``
        ("strangers", "anyone I haven't met", "people outside my circle", "unsolicited
        invitations"), ``interacted`` ("people I have interacted with"); else None."""
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
            return self._whom_i_know(index)
        return None

    def _whom_i_know(self, index: int) -> tuple[str, int] | None:
        """After a person word at ``index``: "(who/whom/that) I (have) (not) know / met / worked
        with / had a beer with / interacted with", or "outside my circle"."""
        negated = subject = False
        for ahead in range(index + 1, min(self.size, index + PHRASE_REACH + 4)):
            word = self.lemmas[ahead]
            if word in _KNOWERS or (word == "me" and ahead == index + 1):
                subject = True
            elif word == "," and ahead == index + 1 and (
                ahead + 1 < self.size and self.lemmas[ahead + 1] in RELATIVES
            ):
                continue  # "people, who I know" (German sets the comma: "Menschen, die ...")
            elif word in RELATIVES or word in AUXILIARIES or word in _FILLERS:
                continue
            elif word in self.negations:
                negated = True
            elif word in INTERACT and subject:
                return ("stranger" if negated else "interacted"), ahead
            elif word in KNOW and (subject or self.forms[ahead] == "known"):
                # "people I know", "those I've worked with"; without a subject only the
                # participle: "individuals not personally known to the partner"
                if ahead + 1 < self.size and self.lemmas[ahead + 1] in _KNOWN_TAILS:
                    ahead += 1  # "met before", "worked with", "know personally"
                return ("stranger" if negated else "known"), ahead
            elif word == "outside" and ahead + 2 < self.size:
                return "stranger", min(self.size - 1, ahead + 3)
            else:
                return None
        return None

    def _note_follows(self, index: int) -> bool:
        """True when a note noun follows "with" / "without" at ``index``."""
        return not NOTE_NOUNS.isdisjoint(self.lemmas[index + 1 : index + 5])

    def _not_a_quantifier(self, index: int) -> bool:
        """True for "all" in "above all", "first of all", "that is all", and "most" in "more
        than most", "the most"."""
        before = self.lemmas[index - 1] if index else ""
        if self.lemmas[index] == "most":
            return before in ("than", "the", "at")
        return self.lemmas[index] == "all" and before in ("above", "of", "is", "at", "after")

    def _takes_people(self, index: int) -> bool:
        """True when the reader verb at ``index`` takes people ("invite people", "ask me")."""
        following = self.lemmas[index + 1] if index + 1 < self.size else ""
        return following in PEOPLE or following in ("me", "my", "you")

    def _scope_after(self, index: int) -> int | None:
        """The last word of a scope after a person word at ``index`` ("anyone working in supply
        chain", "people in tech", "people who are in my field"), or None ("people on
        LinkedIn", "people in my network" name no scope)."""
        for ahead in range(index + 1, min(self.size, index + 5)):
            word = self.lemmas[ahead]
            if word in SCOPE and ahead + 1 < self.size:
                following = self.lemmas[ahead + 1]
                if following in _NO_SCOPE:
                    return None
                if following == "my" and (
                    ahead + 2 >= self.size or self.lemmas[ahead + 2] not in _FIELDS
                ):
                    return None
                return min(self.size - 1, ahead + 3)
            if word not in RELATIVES and word not in _SCOPE_FILLERS:
                return None
        return None

    def _scoping_noun(self, index: int) -> int | None:
        """The last word of a scope in "any Grinnell student", "every nurse": "any", "every" or
        "all" before a noun that names a group, not invitations or people at large."""
        if self.lemmas[index] not in ("any", "every", "all") or index + 1 >= self.size:
            return None
        following = self.lemmas[index + 1]
        if following in INVITATIONS or following in PEOPLE or following in _UNSCOPED or not (
            following.isalpha()
        ):
            return None
        return min(self.size - 1, index + 2)


_WRITER = frozenset({"i", "we", "my", "our"})
_RELATIONS = frozenset({"friend", "friends", "boss", "manager", "wife", "husband", "partner",
                        "team", "company", "firm", "mentor", "son", "daughter"})
_PEOPLE_KINDS = frozenset({"known", "stranger", "interacted"})
_READER = frozenset({"please", "free", "you", "your"})  # "please ...", "feel free to ..."
_ADVICE = frozenset({"should", "must", "recommend", "recommends", "advise", "advice", "tip"})
_NOT_SUBJECTS = frozenset({"one", "those", "everyone"})
_DETERMINERS = frozenset({"a", "an", "the", "proud", "fellow"})
_PRONOUNS = frozenset({"i", "we", "they", "he", "she"})
# Who may know the people of "people I know": the writer, or the he / she of a profile
# written in the third person ("people she has worked with").
_KNOWERS = frozenset({"i", "we", "he", "she"})
_PAST_ADVERBS = frozenset({"initially", "always", "only", "just", "actually"})
_DECISIONS = frozenset({"decide", "decided", "decision", "chose", "choose", "chosen", "rule",
                        "policy", "pledge"})
_TOGETHER = frozenset({"with", "together", "for", "same"})
# Words of words.KNOW that are nouns too ("No business invitations", "work inquiries"): they
# own a negation before them only with one of _KNOWING_AFTER right after ("no history with").
_KNOW_NOUNS = frozenset({"business", "history", "together"})
_KNOWING_AFTER = frozenset({"with", "together", "paths"})
_SEGMENT_MARKS = frozenset({"but", ";", "—", "–", "however", "though", "although", "whereas"})
# Which object says most about a policy (lower is more telling).
_RANK = {"known": 0, "stranger": 0, "note": 0, "interacted": 0, "scope": 1, "all": 2, "you": 3,
         "invitation": 4}
# Words that leave a negation's reach alone: "I do not, in fact, normally accept", "I would
# not, of course, connect" (and adverbs in -ly).
_ASIDES = frozenset({"in", "fact", "of", "course", "really", "even", "ever", "always", "often",
                     "honestly", "frankly", "normally", "usually", "generally", "typically",
                     "actually", "personally", "just", "quite", "anymore"})
_OBJECT_STOPS = frozenset({".", "!", "?", ";", "but", "because", "so", "(", ")"})
# Words that may stand between "people" and "I know": adverbs ("people I actually know"),
# and places and things ("anyone to Linked In that I have not eaten a meal with", "people
# via LinkedIn with whom I had a real business relationship").
_FILLERS = frozenset({
    "actually", "personally", "already", "really", "truly", "directly", "ever", "once",
    "previously", "professionally", "well", "genuinely", "at", "least", "also", "both",
    "physically", "either", "probably", "recently", "somehow",
    "linkedin", "link", "in", "on", "via", "here", "a", "an", "some", "real", "significant",
    "personal", "professional", "working", "meal", "beer", "coffee", "lunch", "drink", "with",
    "the", "sort", "of", "kind", "good", "likely",
})
_KNOWN_TAILS = frozenset({"with", "for", "together", "personally", "professionally", "irl",
                          "before"})
_NO_SCOPE = frozenset({"linkedin", "a", "your", "person", "real"})
_FIELDS = frozenset({"field", "industry", "sector", "area"})
# Nouns after "any" / "every" that name no group: "any time", and the kinds of group ("any
# industry", "every field", "any background"), which leave no one out.
_UNSCOPED = frozenset({"linkedin", "the", "of", "my", "your", "these", "those", "one", "comers",
                       "time", "times", "kind", "kinds", "type", "types", "sort", "sorts",
                       "industry", "industries", "field", "fields", "sector", "sectors",
                       "background", "backgrounds", "country", "countries", "level", "levels",
                       "profession", "professions", "location", "locations", "walk", "walks",
                       # intensifiers: "every single invitation" (section 19)
                       "single", "last", "new", "incoming"})
_SCOPE_FILLERS = frozenset({"working", "work", "who", "that", "are", "is", "based", "else"})
