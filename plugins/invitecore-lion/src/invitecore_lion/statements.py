"""Reading a sentence for what its writer says about invitations (docs/language.md).

A sentence is a list of words, spelled out (:func:`invitecore_lion.tokens.words`: "don't" is
"do", "not") and reduced to lemmas (:func:`invitecore_lion.words.lemma`). Each family of
statement has a rule below, started by the words of its family (:data:`_RULES`):

- ``_accepting``: accept / connect / add / link / welcome / "open to", by the writer.
  "I only connect with people I know" refuses strangers (LIO151); "I accept all invitations"
  is open (LIO103); "I accept invitations from anyone in supply chain" a scoped welcome
  (LIO111); "I only accept invitations with a personal message" a condition (LIO154).
- ``_refusing``: decline / reject / refuse / ignore / archive / turn down. "I never reject an
  invitation" is open; "I ignore invitations from strangers" refuses them; "Blank
  invitations get archived" asks for a note.
- ``_reader_acts``: what the reader is told to do, send / invite / "connect with me" / "ask me
  to connect". "Please do not send me requests unless we have done business together"
  refuses strangers; "Feel free to connect with me" welcomes them.
- ``_button``: the "I Don't Know" button. Pressing it on strangers refuses them; never
  pressing it is open.
- ``_note_request``: "please include a note", "tell me why", "personalise your invite",
  "message me first": conditions a stranger can meet.
- ``_follow``, ``_no_phrase``, ``_network_is``, ``_selective``, ``_only_people``: "follow me
  instead", "No unsolicited invites" / "No note = no accept", "My network is people I'd vouch
  for", "I'm selective about who I connect with", "KNOWN CONTACTS ONLY".

Each rule asks the questions of :class:`~invitecore_lion.clauses.Reading` (negation, owner,
tense, condition, object) before it records a :class:`Statement`: a rule code, the kind of
statement (the signal's ``value``, listed below) and the words it rests on.

A sentence in another language is not read by this grammar, whose questions rest on English
word order, but by :func:`read_other_language`, from which words it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from invitecore_lion import rules
from invitecore_lion.clauses import (
    NEGATION_REACH,
    NEGATIONS,
    OBJECT_AFTER,
    PHRASE_REACH,
    Reading,
    Statement,
)
from invitecore_lion.words import (
    ACCEPT,
    AFFIRM_NOUNS,
    ALL,
    AUXILIARIES,
    BE,
    BUTTON,
    BUTTON_VERBS,
    CONDITIONS,
    FIRST_PERSON,
    FOLLOW,
    HEDGE_SOME,
    INTERACT,
    INVITATIONS,
    KNOW,
    KNOWN_PEOPLE,
    LIMIT,
    NETWORK,
    NOTE_MODIFIERS,
    NOTE_NOUNS,
    NOTE_VERBS,
    OTHER_LANGUAGES_ONLY,
    PEOPLE,
    READER_VERBS,
    REASON,
    REFUSE,
    RELATIVES,
    SELECTIVE,
    STRANGER,
    STRANGER_MODIFIERS,
    lemma,
)

__all__ = ["KINDS", "NOTE", "NOTE_ENFORCED", "WELCOMES_ANYONE", "Statement", "question_condition",
           "read_other_language", "read_sentence"]

# The kinds of statement: the ``value`` of the signals (the README lists them too).
KNOWN_ONLY = "known-people-only"  # LIO151: connects only with people they know
NO_STRANGERS = "no-strangers"  # LIO151: refuses strangers, unsolicited or random invitations
IDK = "clicks-idk"  # LIO151: answers strangers with "I don't know this person"
NOTE = "note"  # LIO154: asks for a note
REASON_KIND = "reason"  # LIO154: asks for a reason
FOLLOW_KIND = "follow-instead"  # LIO154: asks strangers to follow instead
SCOPE_ONLY = "scope-only"  # LIO154: accepts only people from one field
IDK_OTHERWISE = "note-or-idk"  # LIO154: a note, otherwise "I don't know"
INTERACT_FIRST = "interact-first"  # LIO154: accepts people they have interacted with
CONDITION = "condition"  # LIO154: accepts on another condition ("if you put effort into it")
SELECTIVE_KIND = "selective"  # LIO152: says they are selective, refuses some invitations
ACCEPTS_ALL = "accepts-all"  # LIO103: accepts all invitations, anyone, strangers
NEVER_REFUSES = "never-refuses"  # LIO103: never declines an invitation
NEVER_IDK = "never-idk"  # LIO103: never clicks "I don't know"
ACCEPTS_YOU = "accepts-you"  # LIO103: "I will accept you"
WELCOMES = "welcomes-invitations"  # LIO103 "Invites welcome"; LIO111 "feel free to connect"
SCOPED = "scoped-welcome"  # LIO111: welcomes invitations from one group
SOME = "accepts-some"  # LIO111: accepts some invitations, or anyone on a condition
MIDDLE = "middle-ground"  # LIO111: says they are in between
USED_TO_BE_SELECTIVE = "used-to-be-selective"  # LIO111: "I used to accept only people I knew"
USED_TO_BE_OPEN = "used-to-be-open"  # LIO152: "I used to accept everyone"
BY_THE_BOOK = "by-the-book"  # LIO151: follows LinkedIn's advice (connect with people you know)
HABITUAL_REFUSAL = "refuses-them"  # LIO152: "I pretty much ignore them", "I've been rejecting them"
# A note enforced by a refusal ("Blank invites get ignored"): reported as NOTE, but it makes
# a welcome in the same field conditional (reader.py; docs/language.md section 16).
NOTE_ENFORCED = "note-enforced"
# What a welcome of anyone says: dropped beside NOTE_ENFORCED.
WELCOMES_ANYONE = frozenset({ACCEPTS_ALL, WELCOMES, SOME})
KINDS = (KNOWN_ONLY, NO_STRANGERS, IDK, NOTE, REASON_KIND, FOLLOW_KIND, SCOPE_ONLY,
         IDK_OTHERWISE, INTERACT_FIRST, CONDITION, SELECTIVE_KIND, ACCEPTS_ALL, NEVER_REFUSES,
         NEVER_IDK, ACCEPTS_YOU, WELCOMES, SCOPED, SOME, MIDDLE, USED_TO_BE_SELECTIVE,
         USED_TO_BE_OPEN, HABITUAL_REFUSAL, BY_THE_BOOK)
# How often (not always): "I usually accept invitations that ..." is partly open.
_FREQUENCY = frozenset({"usually", "generally", "normally", "typically", "mostly", "often",
                        "frequently", "largely", "tend"})
# A refusal of invitations named before: "I ignore them", "I decline these".
_ANAPHORS = frozenset({"them", "these", "those", "such", "most"})
# A stated network size at or above this is a brag ("I reached 30,000 connections").
STATED_COUNT_MIN = 5000

_ONLY = frozenset({"only", "exclusively", "solely", "strictly", "just"})
_READER_SIDE = frozenset({"connect", "add", "link", "network"})  # the reader may do these
_OTHERWISE = frozenset({"otherwise", "else", "or"})
_ME = frozenset({"me", "my"})
_MIDDLE = frozenset({"middle", "in-between", "halfway", "semi-open"})
_OTHER_SITES = frozenset({"facebook", "xing", "instagram", "tiktok", "industry-specific"})
_SITES = frozenset({"site", "sites", "platform", "platforms", "network", "networks"})
_PLATFORMS = frozenset({"twitter", "x", "instagram", "facebook", "tiktok", "youtube", "medium",
                        "substack", "github", "mastodon", "bluesky", "blog", "threads"})
_QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u00ab", "\u00bb"})
_NOTE_STARTS = NOTE_VERBS | {"tell", "say", "let", "explain"}
_REASON_VERBS = frozenset({"tell", "say", "let", "explain", "write", "mention", "know", "make",
                           "reference", "provide", "give"})
# The words (besides negations) one of which every statement holds besides its verb: whom it
# is about, a condition, a note, the button, a limit.
_SECOND = (
    _ONLY | PEOPLE | KNOWN_PEOPLE | STRANGER | STRANGER_MODIFIERS | NOTE_MODIFIERS | NOTE_NOUNS
    | REASON | ALL | INVITATIONS | CONDITIONS | SELECTIVE | BUTTON | _MIDDLE
    | {"you", "your", "me", "please", "instead", "free", "fine", "known", "=", "small"}
    | _ANAPHORS | {"who", "whom", "vouch", "open", "book", "reflection", "mirror", "recommend",
                  "fellow", "profile", "profiles", "mutual", "new", "otherwise"}
)


def read_sentence(
    forms: Sequence[str],
    carried: str | None = None,
    negations: frozenset[str] = NEGATIONS,
    reach: int = NEGATION_REACH,
) -> list[Statement]:
    """Every statement about invitations in the sentence of words ``forms``.

    ``carried`` is the condition of a question just before ("Haven't met?"), ``negations`` the
    negation words and ``reach`` how many words before a verb a negation reaches.
    """
    lemmas = [lemma(form) for form in forms]
    if _RULES.keys().isdisjoint(lemmas) or (
        _SECOND.isdisjoint(lemmas) and negations.isdisjoint(lemmas)
    ):
        # A statement needs a verb and what it says of whom: an object, a negation, a
        # condition. Most sentences around a cue have none ("Let's connect about network
        # design.", "Network engineer at Examplecorp").
        return []
    if "entitled" in lemmas or "titled" in lemmas:
        return []  # "an article entitled Why I Accept Everyone": a title of someone's writing
    reading = Reading(forms, carried, negations, reach, lemmas)
    # Requests for a note come first: they decide what an acceptance in the same segment
    # means ("Happy to connect if you include a note" is a condition, not a welcome).
    for index, word in enumerate(lemmas):
        if word in _NOTE_STARTS:
            _note_request(reading, index)
    if not _MIDDLE.isdisjoint(lemmas) and _middle_ground(reading):
        return reading.statements
    for index, word in enumerate(lemmas):
        for rule in _RULES.get(word, ()):
            rule(reading, index)
    if any(s.kind in (ACCEPTS_YOU, WELCOMES) for s in reading.statements) and _addressed(
        reading, min(s.first for s in reading.statements)
    ):
        # "Students and recent grads: I'm always happy to accept your invitations": a welcome
        # of the group addressed, not of everyone (in between; language.md section 19)
        reading.statements = [
            Statement(rules.SCOPED_WELCOME, SCOPED, s.first, s.last)
            if s.kind in (ACCEPTS_YOU, WELCOMES) else s
            for s in reading.statements
        ]
    if reading.statements and forms[-1] == "?":
        # "Accept every invite? Only connect with people you know?": questions with no "I"
        # weigh policies (a trainer's, an article's) and state none; "Haven't met?" is read
        # as the condition of the next sentence instead (question_condition). Only the
        # question's own clause: "All invitations accepted - why not?" still states one.
        start = _question_start(forms)
        if FIRST_PERSON.isdisjoint(lemmas[start:]):
            reading.statements = [s for s in reading.statements if s.first < start]
    if reading.statements and "why" in lemmas and _why_i(lemmas):
        # "Why I accept your invitation", "an article entitled Why I Accept All Requests": a
        # title over reasons, not a rule without exceptions.
        reading.statements = [
            Statement(rules.SCOPED_WELCOME, SOME, s.first, s.last)
            if s.code == rules.ACCEPT_ALL_PHRASE else s
            for s in reading.statements
        ]
    return reading.statements


# -- other languages ------------------------------------------------------------------------------

_ABOUT_INVITATIONS = INVITATIONS | {"contact", "connect", "network", "invite"}
_INVITATION_NOUNS = frozenset({"invitation", "request", "connection", "contact"})
_INTRODUCING = frozenset({"connect", "network", "link"})  # also "connecting people with jobs"
_RESTRICTIONS = _ONLY - {"just"}


def read_other_language(
    forms: Sequence[str], negations: frozenset[str] = NEGATIONS
) -> list[Statement]:
    """What a sentence in another language says, read by which words it holds rather than
    by their order (docs/language.md section 14): German puts "nicht" after the verb
    ("nehme ... nicht an"), French says "only" as "ne ... que", Spanish "I have" as "he".
    ``forms`` are its words spelled out in English (:data:`words.OTHER_LANGUAGES`),
    ``negations`` the negation words.

    A sentence about invitations (a verb to take, refuse or send them, and an invitation,
    request, contact or "connect"; or, without a verb, a note and an invitation) is read,
    first match wins, as: a note with a restriction (only, not, without) or "please" -> a
    condition (enforced when refused); people known, met or worked with -> known people only
    (not when "connect" alone introduces them); strangers, negated or refused -> no
    strangers; a refusal negated (not by "without") -> never refuses; the writer accepting
    all, with no restriction -> accepts all, or a scoped welcome when "from" a group follows
    the all-word; the writer accepting invitations (a noun), with no restriction -> accepts
    some (in between). The words of a concession ("aunque no nos conozcamos", "auch ohne
    Nachricht") are left out of all of these: they widen (docs/language.md section 16).
    """
    lemmas = [lemma(OTHER_LANGUAGES_ONLY.get(form, form)) for form in forms]
    acts = [i for i, w in enumerate(lemmas)
            if w in ACCEPT or w in REFUSE or w in READER_VERBS or w == "answer"]
    about = [i for i, w in enumerate(lemmas) if w in _ABOUT_INVITATIONS]
    conceded = _conceded(lemmas)

    def where(family: frozenset[str]) -> list[int]:
        # the words of a concession ("aunque no nos conozcamos") widen; they restrict nothing
        return [i for i, w in enumerate(lemmas) if w in family and i not in conceded]

    known = where(KNOW | KNOWN_PEOPLE)
    negated = [i for i in where(negations)  # "sans exception" is all, not a restriction
               if not (lemmas[i] == "without" and lemmas[i + 1 : i + 2] == ["exception"])
               # "n'hésitez pas", "não hesite": don't hesitate, an encouragement; "eine
               # Nachricht ist nicht nötig": a note not needed widens
               and "hesitate" not in lemmas[max(0, i - 2) : i + 3]
               and "necessary" not in lemmas[max(0, i - 2) : i + 3]]
    refusals = where(REFUSE)
    restrictions = negated + refusals + where(_RESTRICTIONS)
    if not about and known and restrictions and where(PEOPLE):
        # "je n'accepte que les personnes que je connais": people accepted, no invitation named
        about = where(PEOPLE)
    notes = where(NOTE_NOUNS)
    invitations = where(_INVITATION_NOUNS)  # not "invite", also the writer's own verb
    if not about or not (acts or (notes and invitations)):
        # a verb is needed, but for "Kontaktanfragen bitte nur mit Nachricht" (a note asked)
        return []
    strangers = where(STRANGER | STRANGER_MODIFIERS)
    accepting = [i for i in acts if lemmas[i] in ACCEPT]
    # the writer's own acceptance: "acepto" (i accept), or a bare "Bienvenue" (welcome)
    writer = not FIRST_PERSON.isdisjoint(lemmas) or "welcome" in lemmas
    found: tuple[str, str, list[int]] | None = None
    if notes and (restrictions or "please" in lemmas):
        found = rules.CONDITIONS, NOTE_ENFORCED if refusals else NOTE, notes + restrictions
    elif known and (restrictions or invitations or any(
        lemmas[i] not in _INTRODUCING for i in acts
    )):  # not "Ich vernetze Menschen, die ich kenne, mit Startups": introducing them
        found = rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, known + acts
    elif strangers and (negated or refusals):
        found = rules.KNOWN_PEOPLE_ONLY, NO_STRANGERS, strangers + negated + refusals
    elif refusals and (never := [i for i in negated if lemmas[i] != "without"]):
        found = rules.ACCEPT_ALL_PHRASE, NEVER_REFUSES, refusals + never
    elif accepting and writer and not restrictions and not strangers:
        everyone = where(ALL)
        scope = next((i for i in everyone if _scoped_all(lemmas, i, conceded)), None)
        if scope is not None:  # "cualquier profesional del sector": anyone of one group
            found = rules.SCOPED_WELCOME, SCOPED, [*accepting, scope]
        elif everyone:
            found = rules.ACCEPT_ALL_PHRASE, ACCEPTS_ALL, accepting + everyone
        elif invitations:
            found = rules.SCOPED_WELCOME, SOME, accepting + invitations
    if found is None:
        return []
    code, kind, used = found
    return [Statement(code, kind, min(used + about), max(used + about))]


# Words that open a concession: "auch ohne Nachricht", "anche da chi non conosco", "aunque
# no nos conozcamos", "même sans message" (words.OTHER_LANGUAGES_ONLY spells them "even",
# "although"); "qu'on se connaisse ou non" ends in one ("or not").
_CONCESSIVE = frozenset({"although", "though", "whether"})
# "even" ("auch", "anche", "même" are also "also" and "same") concedes only before these:
# "auch ohne", "anche da", "même sans", "incluso de", "même si", "auch wenn"
# The foreign words here ("si", "wenn", "se", "als", "jeśli", "om": each "if") are left raw
# on purpose: spelled "if" in words.OTHER_LANGUAGES_ONLY they would change how every foreign
# sentence holding them is read (words.CONDITIONS); here they count only right after "even"
# (or "auch", "même", ... spelled "even"), which English text does not write.
_EVEN_BEFORE = frozenset({"without", "from", "if", "when", "si", "wenn", "se", "als", "jeśli",
                          "om"})
_CLAUSE_ENDS = frozenset({",", ";", ":", ".", "!", "?"})
# How far before "limited" its subject may stand: "Connections on this profile are limited".
_LIMITED_SUBJECT = 6


def _conceded(lemmas: Sequence[str]) -> set[int]:
    """The indexes of the words of concessions in ``lemmas``: from a concessive word to the
    end of its clause ("aunque no nos conozcamos"), or a clause ending "or not" ("qu'on se
    connaisse ou non"). An acceptance with such a clause widens to everyone; the knowing,
    the note and the negation inside it restrict nothing."""
    conceded: set[int] = set()
    start: int | None = None
    for index, word in enumerate(lemmas):
        if word in _CLAUSE_ENDS:
            start = None
        elif start is None and (word in _CONCESSIVE or (
            word == "even" and index + 1 < len(lemmas) and lemmas[index + 1] in _EVEN_BEFORE
        )):
            start = index
        if start is not None:
            conceded.add(index)
        elif word in ("not", "no") and lemmas[index - 1 : index] == ["or"]:
            back = index
            while back > 0 and lemmas[back - 1] not in _CLAUSE_ENDS:
                back -= 1
            conceded.update(range(back, index + 1))
    return conceded


def _scoped_all(lemmas: Sequence[str], index: int, conceded: set[int]) -> bool:
    """True when "from" or "in" follows the all-word at ``index`` closely, outside a
    concession, before anything but an invitation or another all-word: "cualquier
    profesional del sector" (anyone of one sector); not "todas las solicitudes de conexión"."""
    for ahead in range(index + 1, min(len(lemmas), index + 4)):
        if ahead in conceded or lemmas[ahead] in _CLAUSE_ENDS:
            return False
        if lemmas[ahead] in ("from", "in"):
            following = lemmas[ahead + 1 : ahead + 2]
            return bool(following) and following[0] not in _ABOUT_INVITATIONS and (
                following[0] not in ALL and following[0] not in FIRST_PERSON
            )
    return False


def _why_i(lemmas: Sequence[str]) -> bool:
    """True when "why" opens the sentence or is followed by "I" or "we"."""
    return lemmas[0] == "why" or any(
        word == "why" and lemmas[i + 1 : i + 2] in (["i"], ["we"]) for i, word in enumerate(lemmas)
    )


def question_condition(forms: Sequence[str]) -> str | None:
    """The condition a short question sets up for the next sentence: "Haven't met?" ->
    ``"stranger"``, "Worked together?" -> ``"known"``."""
    return next((c for c in Reading(forms).conditions if c is not None), None)


# -- accept / connect / add / link / welcome ---------------------------------------------------


def _accepting(reading: Reading, verb: int) -> None:
    """The writer taking invitations: what it means rests on the object."""
    words = reading.lemmas
    following = words[verb + 1] if verb + 1 < reading.size else ""
    if words[verb] == "yes" and words[verb - 1 : verb] != ["say"]:
        return  # "I say yes to invitations from ..." accepts; a bare "yes" does not
    if words[verb] == "open" and following in ("networking", "network"):
        _open_networking(reading, verb)
        return
    if words[verb] == "open" and following == "to" and words[verb + 2 : verb + 3] and (
        words[verb + 2] in ACCEPT
    ):
        return  # "open to connecting with fellow nurses": "connecting" says it
    if words[verb] == "open" and verb > 0 and words[verb - 1] in ("that", "too", "completely",
                                                                 "totally", "fully"):
        if reading.negated(verb) is not None:  # "I'm open, but not THAT open"
            reading.add(rules.SCOPED_WELCOME, MIDDLE, verb - 1, verb)
        return
    if words[verb] in ("open", "connect", "network") and (
        words[verb + 1 : verb + 3] in (["to", "new"], ["with", "new"])
    ) and reading.negated(verb) is None and reading.owner(verb) == "writer" and (
        not reading.past(verb)
    ) and any(w in PEOPLE or w in KNOWN_PEOPLE or w in ("friend", "friends", "face", "faces")
              for w in words[verb + 3 : verb + 5]):
        # "always open to new acquaintances", "a way to network with new people"; not "open to
        # new opportunities"
        reading.add(rules.SCOPED_WELCOME, SOME, verb, verb + 2)
        return
    if verb > 0 and words[verb - 1] == "before" and "i" in words[:verb] and any(
        w in INTERACT or w in ("meet", "talk", "know") for w in words[max(0, verb - 10) : verb]
    ):  # "I interact with someone for months before accepting": a bar a stranger can clear
        reading.add(rules.CONDITIONS, INTERACT_FIRST, _condition_from(reading, verb), verb)
        return
    if (
        (words[verb] == "link" and following == "in")  # "Linked In", the site
        or (words[verb] == "add" and following in NOTE_MODIFIERS)
        or (words[verb] == "open" and not _open_to(reading, verb))  # "open networker"
        or (words[verb] == "network" and following != "with")  # "network engineer"
        or (words[verb] == "welcome" and following == "to")  # "you're welcome to connect"
        # "contributions welcome from anyone": something else is welcomed
        or (words[verb] == "welcome" and verb > 0 and (
            words[verb - 1] in _WELCOMED_THINGS
            or (verb > 1 and words[verb - 1] in INVITATIONS and words[verb - 2] in _OTHER_REQUESTS)
        ))
        or (verb > 1 and words[verb - 1] == "to" and words[verb - 2] in INVITATIONS)
    ):  # the last: "a request to connect" names an invitation
        return
    owner = reading.owner(verb)
    if owner == "other" and _third_person_bio(reading, verb):
        owner = "writer"
    if _toward_me(reading, verb) or (owner == "reader" and words[verb] in _READER_SIDE):
        _reader_acts(reading, verb)  # "connect with me", "add me", "please don't connect"
        return
    if (owner == "other" or words[verb - 1 : verb] == ["to"]) and not _ADVISING.isdisjoint(
        words[max(0, verb - 4) : verb]
    ):  # "you should accept all", "I tell my clients to accept everyone": advice
        _advice(reading, verb)
        return
    if reading.forms[verb] == "connected" and verb > 0 and words[verb - 1] in BE:
        return  # "the people I'm connected with": who is in the network, not a policy
    if owner == "other" or (owner == "reader" and words[verb] != "welcome"):
        return
    if _elsewhere(reading, verb):
        # "On other sites I accept anyone, but LinkedIn is different": not here
        turn = next((i for i in range(verb + 1, reading.size)
                     if words[i] in ("but", "however", "whereas")), None)
        if turn is not None and "linkedin" in words[turn : turn + 4] and (
            reading.negated(verb) is None
        ):
            reading.add(rules.NOT_A_LION, SELECTIVE_KIND, turn, min(reading.size - 1, turn + 4))
        return
    if reading.past(verb):
        _used_to(reading, verb)
        return
    negation = reading.negated(verb)
    kind, first, last = reading.object_of(verb) or ("", verb, verb)
    if kind in ("all", "scope", "") and not _OTHER_THINGS.isdisjoint(
        words[min(first, verb + 1) : verb] + words[verb + 1 : last + 4]
    ) and not _invitations_first(words, verb, last):
        # "We accept all major credit cards", "All major cards accepted": something else; not
        # "most invitations from people in payments", whose other thing is the scope
        return
    if kind == "" and words[verb + 1 : verb + 3] == ["with", "fellow"]:
        kind, first, last = "scope", verb + 2, min(reading.size - 1, verb + 3)
    if kind in ("known", "stranger", "interacted") and first == verb + 1 and (
        words[verb] in ("connect", "link", "network")
    ):
        return  # "connecting people I know with new roles": introducing them
    start = _lead_in(reading, min(verb, first) if negation is None else min(negation, first))
    end = max(verb, last)
    if negation is not None and kind in ("all", "you", "invitation", "scope", "") and (
        not _QUALITY.isdisjoint(reading.segment_words(verb))
    ) and reading.condition_for(verb) != "stranger":
        # "I never connect with anyone who has no photo": open but for a quality bar (not "if I
        # can't picture your face, I won't accept": a condition of knowing)
        reading.add(rules.SCOPED_WELCOME, SOME, start, end)
        return
    if kind == "known":  # "I only connect with people I know", "People I know, I connect with"
        if negation is None:
            reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, start, end)
    elif kind == "interacted":  # "I connect with people I have interacted with"
        if negation is None:
            reading.add(rules.CONDITIONS, INTERACT_FIRST, start, end)
    elif kind == "stranger":
        _accepting_strangers(reading, negation, verb, last, start, end)
    elif kind == "note":  # "I only accept invitations with a note", "I don't accept the default"
        if negation is not None or _only_near(reading, verb):
            reading.add(rules.CONDITIONS, NOTE, start, end)
        elif words[first - 1] == "even" and not ALL.isdisjoint(words[verb + 1 : first]):
            # "I accept every invitation, even without a note": a concession, not a condition
            _accepting_all(reading, verb, start, end)
    elif kind == "scope":  # "I connect only with people in tech", "anyone in supply chain"
        if negation is None:
            reading.add(*((rules.CONDITIONS, SCOPE_ONLY) if _only_near(reading, verb)
                          else (rules.SCOPED_WELCOME, SCOPED)), start, end)
    elif kind == "all":
        if negation is None:
            _accepting_all(reading, verb, start, end)
    else:  # you, invitations as such, or no object
        _accepting_if(reading, verb, negation, kind, start, end)


def _question_start(forms: Sequence[str]) -> int:
    """The first word of the last clause of a sentence ending in "?": after its last clause
    mark or dash ("All invitations accepted - why not?" -> "why")."""
    for index in range(len(forms) - 2, -1, -1):
        if forms[index] in _CLAUSE_ENDS or forms[index] in ("-", "\u2013", "\u2014"):
            return index + 1
    return 0


def _invitations_first(words: Sequence[str], verb: int, last: int) -> bool:
    """True when an invitation word follows ``verb`` before any of :data:`_OTHER_THINGS`."""
    for word in words[verb + 1 : last + 4]:
        if word in INVITATIONS:
            return True
        if word in _OTHER_THINGS:
            return False
    return False


_ADVISING = frozenset({"should", "tell", "advise", "recommend", "urge", "encourage"})
# What a business accepts that is no invitation ("We accept all major credit cards").
_OTHER_THINGS = frozenset({
    "card", "cards", "credit", "payment", "payments", "currency", "currencies", "cash",
    "order", "orders", "booking", "bookings", "reservation", "reservations", "insurance",
    "insurances", "submission", "submissions", "donation", "donations", "return", "returns",
    "application", "applications", "cookie", "cookies", "term", "terms", "major",
})
# Requests that are not invitations to connect ("pull requests welcome").
_OTHER_REQUESTS = frozenset({"pull", "merge", "feature", "support", "access", "meeting",
                             "coffee", "media", "press", "speaking", "interview", "demo"})
# Things a profile welcomes that are not invitations ("Contributions welcome from anyone").
_WELCOMED_THINGS = frozenset({
    "contribution", "contributions", "feedback", "question", "questions", "idea", "ideas",
    "comment", "comments", "suggestion", "suggestions", "pitch", "pitches", "submission",
    "submissions", "pr", "prs", "volunteer", "volunteers", "donation", "donations",
    "application", "applications", "applicant", "applicants", "cv", "cvs", "resume", "resumes",
    "inquiry", "inquiries", "enquiry", "enquiries", "proposal", "proposals", "dm", "dms",
    "message", "collaboration", "collaborations", "guest", "guests", "referral", "referrals",
    "visitor", "visitors", "client", "clients", "customer", "customers", "student", "students",
})


def _advice(reading: Reading, verb: int) -> None:
    """"You should accept all invitations", "I tell people to accept everyone": advice to be
    open says the writer leans open, without saying what they do (in between)."""
    found = reading.object_of(verb)
    if found is not None and found[0] == "all" and reading.negated(verb) is None and (
        not reading.past(verb) and not _conditional(reading)
    ):
        reading.add(rules.SCOPED_WELCOME, SOME, max(0, verb - 2), found[2])


def _invited_if(reading: Reading, verb: int) -> bool:
    """True when the condition is only the invitation: "if you connect with me", "if you
    invite me" (reciprocity, not a bar)."""
    words = reading.lemmas
    for index, word in enumerate(words[:verb]):
        if word == "if" and words[index + 1 : index + 2] == ["you"]:
            clause = words[index + 2 : index + 6]
            return any(w in ("connect", "invite", "add", "send", "link") for w in clause) and (
                NOTE_NOUNS.isdisjoint(words[index:verb])  # not "if you send a note"
            )
    return False


def _review(reading: Reading, index: int) -> None:
    """"I review the profile of everyone who invites me", "once I've had a look at their
    profile", "I consider our mutual connections": a stranger is weighed, not refused (in
    between)."""
    words = reading.lemmas
    after = words[index + 1 : index + 6]
    if not ({"profile", "profiles", "mutual", "background"} & set(after)) or (
        "i" not in words[max(0, index - 4) : index]
    ) or reading.negated(index) is not None or reading.past(index) or (
        not reading.negations.isdisjoint(words[index:])
    ):  # "I check the profile, but usually I won't accept": the refusal is the policy
        return
    if any(w in ACCEPT or w in INVITATIONS or w in READER_VERBS for w in words):
        reading.add(rules.SCOPED_WELCOME, SOME, index, index + 1 + next(
            i for i, w in enumerate(after) if w in ("profile", "profiles", "mutual", "background")
        ))


# "Open networking" as a technology (docs/language.md section 17): a noun right after it
# ("open networking projects"), or network gear named in the sentence.
_NETWORK_PROJECTS = frozenset({
    "project", "projects", "foundation", "standard", "standards", "stack", "stacks",
    "initiative", "initiatives", "software", "hardware", "switch", "switches", "platform",
})
_NETWORK_GEAR = frozenset({
    "hardware", "software", "switch", "switches", "switching", "fabric", "fabrics", "sdn",
    "router", "routers", "routing", "white-box", "whitebox", "data-centre", "data-center",
    "datacenter", "protocol", "protocols", "sonic",
})


def _open_networking(reading: Reading, verb: int) -> None:
    """"Open networking" as the writer's practice: "I'm a supporter of open networking", "I
    turned to open networking" lean open (in between); "LinkedIn isn't meant for open
    networking", "no open networking" are selective. Without a first-person word it is a
    topic (software-defined "open networking" hardware) and says nothing."""
    words = reading.lemmas
    if (words[verb + 2 : verb + 3] and words[verb + 2] in _NETWORK_PROJECTS) or (
        not _NETWORK_GEAR.isdisjoint(words)
    ):  # "contribute to open networking projects", "on white-box hardware": the technology
        return
    negation = reading.negated(verb)
    if negation is not None and words[negation] in ("not", "no", "never"):
        reading.add(rules.NOT_A_LION, SELECTIVE_KIND, negation, verb + 1)
    elif negation is None and reading.owner(verb) == "writer" and not reading.past(verb) and (
        not {"i", "my", "me", "we", "our"}.isdisjoint(words[:verb])
    ) and "about" not in words[max(0, verb - 4) : verb]:  # "I'm talking about open networking"
        reading.add(rules.SCOPED_WELCOME, SOME, verb, verb + 1)


def _condition_from(reading: Reading, verb: int) -> int:
    """The first word of the clause of ``verb``."""
    return reading.clause_start(verb)


def _know_who(reading: Reading, index: int) -> None:
    """"I like to know who I'm connecting with", "I know and vouch for everyone in my network":
    the writer's network is chosen (LIO152)."""
    words = reading.lemmas
    following = words[index + 1 : index + 2]
    if words[index] == "know" and following not in (["who"], ["whom"], ["most"], ["many"]):
        return  # most "know"s ("people I know") are another statement's: decided cheaply
    if words[index] == "knowledge" and following != ["of"]:
        return
    if following in (["most"], ["many"]) and reading.negated(index) is not None and any(
        w in ACCEPT or w in NETWORK for w in words[index + 2 : index + 10]
    ):
        # "I don't know most of the people who connect with me": many strangers accepted
        reading.add(rules.SCOPED_WELCOME, SOME, reading.negated(index) or index, index + 1)
        return
    if (words[index] == "know" and reading.owner(index) != "writer") or (
        reading.negated(index) is not None or reading.past(index)
        or _in_if_clause(reading, index)
    ):
        return
    before = words[max(0, index - 6) : index]
    if words[index] == "vouch" and ("i" not in before or any(
        w in PEOPLE and before[i + 1 : i + 2] in (["i"], ["we"], ["who"], ["whom"], ["that"])
        for i, w in enumerate(before)
    )):
        return  # "people I would vouch for" is the object of another statement
    after = words[index + 1 : index + 6]
    if ((words[index] == "know" and after[:1] in (["who"], ["whom"])) or (
        words[index] == "knowledge" and after[:1] == ["of"]
        and not PEOPLE.isdisjoint(after[1:4])
    )) and any(w in ACCEPT for w in words[index + 1 : index + 9]):
        # "I want to know who I connect with", "knowledge of the person you connect with"
        reading.add(rules.NOT_A_LION, SELECTIVE_KIND, index, min(reading.size - 1, index + 5))
    elif words[index] == "vouch" and any(
        w in ACCEPT or w in NETWORK for w in words[max(0, index - 12) : index]
    ) and "i" in words[max(0, index - 12) : index]:  # a connection is an endorsement
        reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, index, min(reading.size - 1, index + 2))


def _by_the_book(reading: Reading, index: int) -> None:
    """"I use LinkedIn by the book", "as LinkedIn recommends", "LinkedIn as a reflection of my
    real network": the writer follows the site's advice to connect with people they know."""
    words = reading.lemmas
    word = words[index]
    before = words[max(0, index - 3) : index]
    if word == "book":
        found = before[-2:] == ["by", "the"]
    elif word == "recommend":
        found = bool({"as", "how"} & set(before)) and "i" in words[:index]
    else:  # reflection, mirror
        after = words[index + 1 : index + 6]
        found = "my" in after and any(w in NETWORK or w == "contact" for w in after)
    if found and reading.negated(index) is None and not _in_if_clause(reading, index):
        # LinkedIn's own advice is to connect only with people one knows well
        reading.add(rules.KNOWN_PEOPLE_ONLY, BY_THE_BOOK, max(0, index - 2), index)


def _share_known(reading: Reading, index: int) -> None:
    """"I have personally met 90% of the people I'm connected with": most of the network is
    known (LIO152)."""
    words = reading.lemmas
    share = next((w for w in words[index + 1 : index + 3] if w.endswith("%")), None)
    if share is None or "i" not in words[max(0, index - 4) : index] or not any(
        w in ACCEPT or w in NETWORK for w in words[index + 2 : index + 9]
    ) or reading.negated(index) is not None:
        return
    digits = share.split("-")[0].rstrip("%")
    if digits.isdigit() and int(digits) >= 50:
        reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, index, words.index(share, index))


_DISLIKE = frozenset({"tired", "sick", "fed", "annoyed", "hate", "dislike", "weary", "bother",
                      "bothered", "irritated", "frustrated"})


def _dislike_strangers(reading: Reading, index: int) -> None:
    """"I'm tired of getting requests from complete strangers": selective (LIO152)."""
    words = reading.lemmas
    window = words[max(0, index - 9) : index]
    if not _DISLIKE.isdisjoint(window) and "i" in words[:index] and (
        reading.negated(index) is None
    ):
        start = max(0, index - 9) + next(i for i, w in enumerate(window) if w in _DISLIKE)
        reading.add(rules.NOT_A_LION, SELECTIVE_KIND, start, index)


def _used_to(reading: Reading, verb: int) -> None:
    """A past policy tells of a change: "I used to accept invitations only from people I
    knew" (no longer selective: in between); "I used to accept everyone" (no longer open)."""
    if reading.negated(verb) is not None or reading.condition_for(verb) is not None:
        return
    kind, first, last = reading.object_of(verb) or ("", verb, verb)
    start, end = _lead_in(reading, min(verb, first)), max(verb, last)
    if kind == "known" and not _reader_side_past(reading, verb) and _only_near(reading, verb):
        reading.add(rules.SCOPED_WELCOME, USED_TO_BE_SELECTIVE, start, end)
    elif kind in ("all", "stranger") and not _hedged_some(reading, verb):
        reading.add(rules.NOT_A_LION, USED_TO_BE_OPEN, start, end)


def _reader_side_past(reading: Reading, verb: int) -> bool:
    """True when the past policy is the reader's or a story ("you used to", "he used to")."""
    return any(w in ("you", "he", "she", "they") for w in reading.lemmas[:verb])


def _accepting_strangers(
    reading: Reading, negation: int | None, verb: int, last: int, start: int, end: int
) -> None:
    """"I do not accept invitations from people I do not know" refuses strangers (unless the
    refusal is of the default message: a note is asked for); "I'm happy to accept people I
    don't know yet" is open, "some invitations from people I haven't met" partly."""
    asked = reading.note_asked(verb)
    if negation is not None:
        reading.add(*((rules.CONDITIONS, NOTE) if asked
                      else (rules.KNOWN_PEOPLE_ONLY, NO_STRANGERS)), start, end)
    elif asked or (_conditional(reading) and not (
        _invited_if(reading, verb)
        and sum(1 for w in reading.lemmas if w in CONDITIONS or w == "long") == 1
    )):
        # "if you want to connect, just send it - I accept everyone": the reader's wish to
        # invite is no bar to clear
        reading.add(rules.CONDITIONS, NOTE if asked else CONDITION, start, end)
    elif _qualified(reading, last):
        # "users I have not met, who have recently posted quality content": a bar a stranger
        # can clear
        reading.add(rules.CONDITIONS, CONDITION, start, end)
    elif _hedged_some(reading, verb):
        reading.add(rules.SCOPED_WELCOME, SOME, start, end)
    else:
        reading.add(rules.ACCEPT_ALL_PHRASE, ACCEPTS_ALL, start, end)


def _accepting_all(reading: Reading, verb: int, start: int, end: int) -> None:
    """"I accept all invitations", "WILL CONNECT WITH ANYONE": open, unless only some, under a
    condition, or on another site."""
    condition = reading.condition_for(verb)
    if _hedged_some(reading, verb):
        reading.add(rules.SCOPED_WELCOME, SOME, start, end)
    elif (vocative := _vocative_group(reading, verb)) is not None:
        # "Recruiters and HR people: invite away, I accept all of you": all of one group
        reading.add(rules.SCOPED_WELCOME, SCOPED, vocative, end)
    elif _conceding(reading, verb):
        # "I accept all invitations, even without a note / even if we haven't met / whether
        # or not we know each other": the concession widens, it sets no condition
        reading.add(rules.ACCEPT_ALL_PHRASE, ACCEPTS_ALL, start, end)
    elif (note := _note_condition_after(reading, verb)) is not None:
        # "I accept most requests, as long as there's a short note": open, with a condition
        # beside it, which leaves the writer in between (README, "How the weights add up")
        reading.add(rules.ACCEPT_ALL_PHRASE, ACCEPTS_ALL, start, end)
        reading.add(rules.CONDITIONS, NOTE, start, max(end, note))
    elif condition == "known":  # "all requests, if we have met"
        reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, start, end)
    elif condition is None and not reading.note_asked(verb):
        if _if_in_segment(reading, verb):  # "anyone, if they have a photo"
            reading.add(rules.SCOPED_WELCOME, SOME, start, end)
        else:
            reading.add(rules.ACCEPT_ALL_PHRASE, ACCEPTS_ALL, start, end)


def _accepting_if(
    reading: Reading, verb: int, negation: int | None, kind: str, start: int, end: int
) -> None:
    """Accepting "you", invitations as such, or nothing named: what it means rests on the
    condition ("If I don't know you, I won't accept"; "if we've worked together, I'll accept
    you"), else on the object ("Invites welcome", "I will accept you")."""
    condition = reading.condition_for(verb)
    if negation is not None:
        if reading.note_asked(verb) or _note_thing_in(reading, verb):
            reading.add(rules.CONDITIONS, NOTE, start, end)
        elif condition == "stranger":  # "If I don't know you, I won't accept"; "unless I know you"
            reading.add(rules.KNOWN_PEOPLE_ONLY, NO_STRANGERS, start, end)
        elif (known := _known_otherwise(reading, verb)) is not None:
            # "We've met or we've worked together, otherwise no connect"
            reading.add(rules.KNOWN_PEOPLE_ONLY, NO_STRANGERS, known, end)
        elif kind in ("you", "invitation", "scope"):
            # "I'm not going to accept invitations from recruiters": some are refused.
            reading.add(rules.NOT_A_LION, SELECTIVE_KIND, start, end)
    elif condition == "known" and not (_PLATFORMS | {"elsewhere"}).isdisjoint(
        reading.segment_words(verb)
    ):  # "if I know you on Twitter or elsewhere": knowing can start on another site
        reading.add(rules.CONDITIONS, INTERACT_FIRST, start, end)
    elif condition == "known":
        reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, start, end)
    elif condition == "interacted":
        reading.add(rules.CONDITIONS, INTERACT_FIRST, start, end)
    elif reading.note_asked(verb):
        pass  # the request for a note is the statement
    elif (note := _note_and(reading, verb)) is not None:
        # "a line or two about your work and I'm happy to connect": the note is the condition
        reading.add(rules.CONDITIONS, NOTE, note, end)
    elif condition is None and _conditional(reading):
        if _invited_if(reading, verb):
            return  # "if you connect with me, I'll connect with you": the invitation itself
        if kind in ("you", "invitation", ""):  # "I'll accept if you put effort into it"
            reading.add(rules.CONDITIONS, CONDITION, start, end)
    elif condition is None and kind in ("invitation", "") and _frequently(reading, verb):
        reading.add(rules.SCOPED_WELCOME, SOME, start, end)  # "I usually accept invitations"
    elif condition is None:
        if kind == "you":
            reading.add(rules.ACCEPT_ALL_PHRASE, ACCEPTS_YOU, start, end)
        elif kind == "invitation" and _affirmed(reading, verb):
            reading.add(rules.ACCEPT_ALL_PHRASE, WELCOMES, start, end)


# -- decline / reject / ignore ------------------------------------------------------------------


def _refusing(reading: Reading, verb: int) -> None:
    """Refusing invitations: "I never reject an invitation" is open; "I ignore invitations from
    strangers" refuses them; "Blank invitations get archived" asks for a note; "I decline
    most invitations" is selective."""
    words = reading.lemmas
    following = words[verb + 1] if verb + 1 < reading.size else ""
    if (words[verb] == "turn" and following != "down") or (
        words[verb] == "pass" and following not in ("on", ".", "!", "")
    ):
        return
    noun = reading.forms[verb] in ("rejection", "rejections")  # "a canned request is a rejection"
    if (reading.owner(verb) == "other" and not noun) or reading.past(verb):
        return
    negation = reading.negated(verb)
    kind, first, last = reading.object_of(verb) or ("", verb, verb)
    if negation is not None and words[negation] == "without" and kind == "note":
        negation = None  # "requests without a message are deleted": the note is the object
    start = _lead_in(reading, min(verb, first) if negation is None else min(negation, first))
    end = max(verb, last)
    if negation is None and "otherwise" in words[max(0, verb - 6) : verb]:
        # "Tell me why. Otherwise it goes to the trash.": the refusal enforces a condition
        reading.add(rules.CONDITIONS, CONDITION, words.index("otherwise", max(0, verb - 6)), verb)
        return
    if noun and not _note_thing_in(reading, verb):
        return
    if negation is not None:
        if kind in ("all", "invitation", "you", "") and reading.condition_for(verb) is None:
            reading.add(rules.ACCEPT_ALL_PHRASE, NEVER_REFUSES, start, end)
    elif kind == "note" or _note_thing_in(reading, verb):
        # "Blank invites get ignored", "Invitations without a message go unanswered"
        reading.add(rules.CONDITIONS, NOTE_ENFORCED, start, end)
    elif reading.note_asked(verb) or _reason_near(reading, verb):
        reading.add(rules.CONDITIONS, NOTE, start, end)
    elif kind == "stranger" or reading.condition_for(verb) == "stranger":
        reading.add(rules.KNOWN_PEOPLE_ONLY, NO_STRANGERS, start, end)
    elif kind in ("invitation", "all") and _most(reading, verb):
        reading.add(rules.NOT_A_LION, SELECTIVE_KIND, start, end)
    elif kind in ("", "invitation") and reading.owner(verb) == "writer" and not (
        _in_if_clause(reading, verb)
    ):
        # "I pretty much ignore them", "I have been rejecting these", "I disregard and bin them"
        for ahead in range(verb + 1, min(reading.size, verb + 5)):
            if reading.lemmas[ahead] in _ANAPHORS:
                reading.add(rules.NOT_A_LION, HABITUAL_REFUSAL, start, ahead)
                break
            if not reading.lemmas[ahead].replace("-", "").isalnum():
                break


# -- what the reader is told to do: send, invite, connect with me -------------------------------


def _reader_acts(reading: Reading, verb: int) -> None:
    """The reader sending an invitation: "Please do not send me requests unless we have done
    business together" refuses strangers; "if we've shipped something together, send away"
    accepts known people only; "Send me an invitation", "connect with me" welcome them."""
    words = reading.lemmas
    if reading.owner(verb) == "other":
        return
    if reading.past(verb):  # "My profile used to say: don't invite me unless we've met"
        if reading.negated(verb) is not None and reading.condition_for(verb) == "stranger":
            reading.add(rules.SCOPED_WELCOME, USED_TO_BE_SELECTIVE, verb, verb)
        return
    if (words[verb] == "send" and not _sends_invitation(reading, verb)) or (
        words[verb] == "invite" and not (verb + 1 < reading.size and words[verb + 1] in _ME)
    ) or (  # "invites" is mostly a noun; the verb invites "me"
        words[verb] == "ask" and not (
            words[verb + 1 : verb + 2] == ["me"]
            and any(w in ACCEPT for w in words[verb + 2 : verb + 5])
        )
    ):  # "ask me to connect"
        return
    if not _PLATFORMS.isdisjoint(words[verb + 1 : verb + 5]):
        return  # "connect with me on Twitter": another site
    if words[verb] == "send" and _has_subject(reading, verb) and (
        words[verb + 1 : verb + 2] != ["me"]
    ):
        return  # "I wanted to send you an invitation": the writer inviting someone
    negation = reading.negated(verb)
    start = verb if negation is None else _lead_in(reading, negation)
    end = min(reading.size - 1, verb + 3)
    condition = reading.condition_for(verb)
    if negation is not None:
        # "Strangers, please don't connect"; "please don't send me requests unless we have
        # worked together" (unless: the condition is "if we have not").
        if condition == "stranger" or not STRANGER.isdisjoint(words):
            reading.add(rules.KNOWN_PEOPLE_ONLY, NO_STRANGERS, _vocative_start(reading, start),
                        end)
    elif condition == "known":
        reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, _condition_start(reading), end)
    elif condition is None and not reading.note_asked(verb) and not _conditional(reading):
        scope = next((reading._scope_after(i) for i in range(verb + 1, min(reading.size, verb + 6))
                      if words[i] in ALL and reading._scope_after(i)), None)
        if scope is not None:  # "connect with me if you're anyone in games"
            reading.add(rules.SCOPED_WELCOME, SCOPED, start, scope)
        elif words[0] == "fellow":  # "Fellow nurses: you're always welcome to connect with me"
            reading.add(rules.SCOPED_WELCOME, SCOPED, 0, end)
        elif words[verb] == "send" and not _has_subject(reading, verb) and (
            (words[verb + 1 : verb + 2] == ["me"] or verb == 0) and "please" not in words[:verb]
        ):  # "So, send me an invitation to connect.", "Send the invite and I'll accept it": a
            # plain imperative, to anyone
            reading.add(rules.ACCEPT_ALL_PHRASE, WELCOMES, start, end)
        else:
            reading.add(rules.SCOPED_WELCOME, WELCOMES, start, end)


# -- the "I Don't Know" button --------------------------------------------------------------------


def _button(reading: Reading, index: int) -> None:
    """"If I don't know you I will click 'I don't know this person'" refuses strangers; "I
    never click IDK" is open; "include a note, otherwise I'll click IDK" enforces a condition.
    Receiving an IDK ("I have received IDKs from LIONs") says nothing."""
    words = reading.lemmas
    if words[index] not in BUTTON and not _presses_button(reading, index):
        return
    verb = index
    if words[index] in BUTTON:
        verb = next((i for i in range(index - 1, max(-1, index - 4), -1)
                     if words[i] in BUTTON_VERBS), index)
    if reading.owner(verb) == "other" or reading.past(verb) or any(
        w in ("receive", "received", "get", "send", "sent") for w in words[max(0, verb - 3) : verb]
    ):
        return
    negation = reading.negated(verb)
    end = _button_end(reading, index)
    if negation is not None:
        if words[negation] in ("never", "no") or "will" in words[max(0, negation - 2) : negation]:
            reading.add(rules.ACCEPT_ALL_PHRASE, NEVER_IDK, negation, end)
    elif not _OTHERWISE.isdisjoint(words[:verb]) and reading.note_asked(verb):
        reading.add(rules.CONDITIONS, IDK_OTHERWISE, verb, end)
    else:
        reading.add(rules.KNOWN_PEOPLE_ONLY, IDK, verb, end)


def _presses_button(reading: Reading, verb: int) -> bool:
    """True when a button verb at ``verb`` presses "I don't know": quoted, or followed by "this
    person", "button" or "tab", or "IDK"."""
    window = reading.lemmas[verb + 1 : verb + 8]
    if not BUTTON.isdisjoint(window):
        return True
    for offset in range(len(window) - 3):
        if window[offset : offset + 4] == ["i", "do", "not", "know"]:
            quoted = offset > 0 and reading.forms[verb + offset] in _QUOTES
            following = set(window[offset + 4 : offset + 6])
            # "... I'll click I don't know." ends the sentence or clause with it (section 20)
            ends = window[offset + 4 : offset + 5] in ([], ["."], ["!"], [";"], [","])
            return quoted or bool({"this", "button", "tab", "option"} & following) or ends
    return False


def _button_end(reading: Reading, index: int) -> int:
    """The last word of the button's name ("I don't know this person", "IDK")."""
    words = reading.lemmas
    for ahead in range(index + 1, min(reading.size, index + 10)):
        word = words[ahead]
        if word in ("person", "button", "tab", "idk"):
            return ahead
        if word == "know" and not (ahead + 2 < reading.size and words[ahead + 1] == "this"):
            quoted = ahead + 1 < reading.size and reading.forms[ahead + 1] in _QUOTES
            return ahead + 1 if quoted else ahead
    return index


# -- conditions a stranger can meet ---------------------------------------------------------------


def _note_request(reading: Reading, verb: int) -> None:
    """"Please include a note", "personalise your invite", "tell me why", "write me a line
    about why", "message me first", "if you don't include a note": the reader is asked, so
    the subject is "you" or missing, not "I" ("I include a note when I invite")."""
    words = reading.lemmas
    word = words[verb]
    asks_me = words[verb + 1 : verb + 2] == ["me"]
    if reading.owner(verb) == "writer" and _has_subject(reading, verb) and not asks_me:
        return
    if reading.past(verb) or (word == "let" and words[verb + 1 : verb + 3] != ["me", "know"]):
        return
    form = reading.forms[verb]
    if form != word and form in (word + "s", word + "es"):
        return  # "he gives the following reasons": a description, not a request
    negation = reading.negated(verb)
    complaint = negation is not None and any(  # "the person didn't put a note on it"
        w in ("person", "they", "sender", "people", "someone", "requester")
        for w in words[max(0, negation - 4) : negation]
    )
    if negation is not None and not _in_if_clause(reading, verb) and not complaint and (
        words[negation] != "without" or words[verb] in NOTE_NOUNS
    ):  # "no note needed"; but "if you don't include a note", "without telling me why" ask
        return
    kind = None
    last = verb
    for ahead in range(verb + 1, min(reading.size, verb + PHRASE_REACH + 2)):
        following = words[ahead]
        if following in (".", "!", "?", ";"):
            break
        if (following in REASON or (following == "who" and word == "tell")) and (
            word in _REASON_VERBS
        ):  # "tell me who you are" too
            kind, last = REASON_KIND, ahead  # "tell me why", "say how we know each other"
            break
        if following in NOTE_NOUNS and (following != "line" or word == "write"):
            if following in ("reason", "context"):
                kind = REASON_KIND
            elif word not in ("tell", "say", "let"):
                kind = NOTE
            last = ahead
            break
        if word in ("personalise", "personalize", "customise", "customize") and (
            following in INVITATIONS or following in NOTE_NOUNS
        ):
            kind, last = NOTE, ahead  # "personalise your invite"
            break
    if word == "message" and kind is None and asks_me:
        kind, last = NOTE, verb + 1  # "message me first"
    if "free" in words[max(0, verb - 3) : verb] or "welcome" in words[max(0, verb - 3) : verb]:
        kind = None  # "feel free to send me a message": an offer, not a condition
    if kind is not None:
        start = verb - 1 if verb > 0 and words[verb - 1] == "please" else verb
        reading.add(rules.CONDITIONS, kind, start, last)


def _follow(reading: Reading, index: int) -> None:
    """"Follow me instead", "Strangers: please hit follow", "following is fine", "my
    preference is to be followed": strangers are asked to follow rather than connect.
    "Follow me on Twitter" is about another site; "I follow" is the writer's doing."""
    words = reading.lemmas
    after = set(words[index + 1 : index + 4])
    before = set(words[max(0, index - 3) : index])
    if not _PLATFORMS.isdisjoint(after) or (index > 0 and words[index - 1] in ("i", "we", "they")):
        return
    asked = (
        bool({"instead", "rather", "fine", "ok", "okay", "welcome", "better"} & after)
        or bool({"please", "free", "hit", "click", "just", "rather", "instead"} & before)
        or any(w in STRANGER or w == "else" for w in words[:index])  # "Everyone else, follow"
        or (index > 0 and words[index - 1] in ("a", "be"))  # "like a follow", "be followed"
    )
    if asked:
        start = index - 1 if index and words[index - 1] in ("please", "hit", "click") else index
        last = index
        while last + 1 < reading.size and last < index + 2 and words[last + 1] in ("me", "instead"):
            last += 1
        reading.add(rules.CONDITIONS, FOLLOW_KIND, start, last)


# -- phrases without a verb -----------------------------------------------------------------------


def _no_phrase(reading: Reading, index: int) -> None:
    """"No unsolicited invites", "no strangers" refuse strangers; "No note = no accept", "no
    message, no connection" ask for a note."""
    words = reading.lemmas
    if index + 1 >= reading.size:
        return
    following = words[index + 1]
    if following in STRANGER_MODIFIERS or following in STRANGER:
        last = index + 2 if index + 2 < reading.size and words[index + 2] in INVITATIONS else (
            index + 1)
        reading.add(rules.KNOWN_PEOPLE_ONLY, NO_STRANGERS, index, last)
    elif following in NOTE_NOUNS or following in ("personal", "intro"):
        rest = words[index + 2 : index + 7]
        if "no" in rest:
            then = index + 2 + rest.index("no")
            if then + 1 < reading.size and (
                words[then + 1] in ACCEPT or words[then + 1] in ("connection", "acceptance")
            ):
                reading.add(rules.CONDITIONS, NOTE, index, then + 1)


def _network_is(reading: Reading, index: int) -> None:
    """"My network is people I'd vouch for", "Connections are for people I've actually met",
    "I restrict my connections to people I know", "these days it's people I've worked with":
    the writer's network named as people they know."""
    words = reading.lemmas
    adjective = index - 2 if words[index - 1 : index] == ["linkedin"] else index - 1
    if words[index] in ("connection", "network") and adjective >= 0 and (
        words[adjective] in _GENUINE and "i" in words[:index]
        and reading.negated(index) is None and not reading.past(index)
    ):  # "I value authentic connections", "I want a meaningful network"
        reading.add(rules.NOT_A_LION, SELECTIVE_KIND, adjective, index)
        return
    if (words[index] == "it" and words[index + 1 : index + 2] != ["is"]) or (
        words[index] in ("connection", "contact") and index > 0
        and words[index - 1] in ("your", "their", "his", "her")
    ) or reading.past(index):
        return
    if words[index] == "network" and _people_you_know(reading, index) and (
        reading.negated(index) is None
    ):  # "it is about networks of people you know", "a network should be people you trust":
        # advice in general, not yet the writer's refusal
        reading.add(rules.NOT_A_LION, SELECTIVE_KIND, index, min(reading.size - 1, index + 5))
        return
    for ahead in range(index + 1, min(reading.size, index + PHRASE_REACH + 2)):
        found = reading.people_at(ahead)
        if found is not None:
            start = index - 1 if index > 0 and words[index - 1] in ("my", "our") else index
            if found[0] == "known" and _elsewhere(reading, index):
                pass  # "On Facebook, it's people I know": another site
            elif found[0] == "known" and reading.negated(ahead) is None and _low_bar(reading):
                # "people I know (even if we only met once at a conference)": a bar a
                # stranger can clear
                reading.add(rules.CONDITIONS, INTERACT_FIRST, start, found[1])
            elif found[0] == "known" and reading.negated(ahead) is None:
                reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, start, found[1])
            elif found[0] == "interacted" and reading.negated(ahead) is None and (
                start < index or words[index] == "it"
            ):
                # "my connections are people I have interacted with"
                reading.add(rules.CONDITIONS, INTERACT_FIRST, start, found[1])
            return
        if words[ahead] in (".", "!", "?", ";"):
            return


# A bar of quality, not of acquaintance: "no photo", "fake profiles", "spammers".
_QUALITY = frozenset({"picture", "photo", "headshot", "fake", "spam", "spammer", "bot",
                      "bots", "scammer", "scammers", "spammers"})
_GENUINE = frozenset({"authentic", "genuine", "meaningful", "real-life", "trusted"})


def _low_bar(reading: Reading) -> bool:
    """True for "even if we only met once", "even briefly": knowing is a low bar."""
    words = reading.lemmas
    return "even" in words and ("once" in words or "briefly" in words)


def _people_you_know(reading: Reading, index: int) -> bool:
    """True when "people (that) you know / have met" follows ``index`` closely: a network
    described in general ("a network should be people you know")."""
    words = reading.lemmas
    for ahead in range(index + 1, min(reading.size - 2, index + 6)):
        if words[ahead] in PEOPLE:
            rest = [w for w in words[ahead + 1 : ahead + 5] if w not in RELATIVES
                    and w not in AUXILIARIES and w not in ("actually", "already", "really")]
            return rest[:1] == ["you"] and rest[1:2] in (["know"], ["meet"], ["trust"])
    return False


def _selective(reading: Reading, index: int) -> None:
    """"I'm selective about who I connect with", "I keep my network small and personal", "a
    more restrained policy": the writer's network is chosen, without saying who is refused
    (LIO152, with not-a-LION)."""
    words = reading.lemmas
    if reading.owner(index) != "writer" or reading.past(index):
        return
    window = words[index + 1 : index + 6]
    last = min(reading.size - 1, index + 5)
    if words[index] in SELECTIVE:
        if "invite" in words[index + 1 : index + 9] and ACCEPT.isdisjoint(words):
            return  # "careful about whom I invite": the writer's own invitations
        if reading.negated(index) is None and any(
            w in ACCEPT or w in NETWORK or w in ("who", "whom", "policy") for w in window
        ):
            reading.add(rules.NOT_A_LION, SELECTIVE_KIND, index, last)
    elif words[index] in ("limit", "restrict", "reserve", "reserved") and (
        words[index + 1 : index + 3] != ["the", "right"]
    ) and (
        not NETWORK.isdisjoint(window)
        or not NETWORK.isdisjoint(words[max(0, index - _LIMITED_SUBJECT) : index])
    ) and reading.negated(index) is None:
        # "I limit my connections to people I've had a real conversation with"; "Connections
        # on this profile are limited to clients and colleagues" (or "reserved for")
        reading.add(rules.NOT_A_LION, SELECTIVE_KIND, index, last)
    elif words[index] == "keep" and not NETWORK.isdisjoint(window) and any(
        w in ("small", "curated", "tight", "personal", "selective", "private") for w in window
    ):
        reading.add(rules.NOT_A_LION, SELECTIVE_KIND, index, min(reading.size - 1, index + 6))


def _only_people(reading: Reading, index: int) -> None:
    """"KNOWN CONTACTS ONLY", "colleagues only", "Only people I've met": known people named
    with "only" and no verb."""
    words = reading.lemmas
    ends = index + 1 >= reading.size or not words[index + 1].isalnum()
    if index > 0 and ends:  # "colleagues only.", not "my colleague only connects with"
        named = index - 2 if words[index - 1] in PEOPLE and index > 1 else index - 1
        found = reading.people_at(named)
        if found is not None and found[0] == "known":
            reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, max(0, index - 2), index)
            return
        # "Invitations from people I know only": the people, then who they are, then "only".
        for person in range(index - 2, max(-1, index - PHRASE_REACH - 3), -1):
            if words[person] in PEOPLE:
                found = reading.people_at(person)
                if found is not None and found[0] == "known" and found[1] >= index - 1:
                    reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, person, index)
                    return
                break
    if index + 1 < reading.size and not any(
        w in ACCEPT or w in REFUSE or w in READER_VERBS for w in words[: index + 4]
    ):
        found = reading.people_at(index + 1)
        if found is not None and found[0] == "known":
            reading.add(rules.KNOWN_PEOPLE_ONLY, KNOWN_ONLY, index, found[1])


def _middle_ground(reading: Reading) -> bool:
    """"I fall somewhere in the middle", "an in-between networker": the writer names the
    middle ground (language.md family 10); nothing else in the sentence counts."""
    for index, word in enumerate(reading.lemmas):
        if word in _MIDDLE and (word != "middle" or (
            reading.owner(index) == "writer" and _has_subject(reading, index)
        )):
            reading.add(rules.SCOPED_WELCOME, MIDDLE, max(0, index - 2), index)
            return True
    return False


# -- small questions ------------------------------------------------------------------------------


def _open_to(reading: Reading, verb: int) -> bool:
    """True for "open to (all) invitations / connection requests / anyone"; not for "open to
    new opportunities" or "open networker"."""
    words = reading.lemmas
    return words[verb + 1 : verb + 2] == ["to"] and any(
        w in INVITATIONS or w in ALL for w in words[verb + 2 : verb + 5]
    )


def _toward_me(reading: Reading, verb: int) -> bool:
    """True when connect / add / link is the reader's: "connect with me", "add me", "feel free
    to connect", "welcome to connect"."""
    words = reading.lemmas
    if words[verb] not in ("connect", "add", "link", "network"):
        return False
    return "me" in words[verb + 1 : verb + 3] or (
        verb > 0 and words[verb - 1] in ("free", "welcome")
    )


def _sends_invitation(reading: Reading, verb: int) -> bool:
    """True when "send" sends an invitation ("send me a request", "send away"), not an email."""
    window = reading.lemmas[verb + 1 : verb + 5]
    if window[:1] == ["away"]:
        return True
    for word in window:
        if word in INVITATIONS:
            return True
        if word in (".", "!", "?", "email", "e-mail", "mail", "message", "note", "dm"):
            return False
    return False


def _affirmed(reading: Reading, verb: int) -> bool:
    """True when an invitation is the subject of the accept word ("Invites welcome", "all
    invites accepted", "your invitation will be accepted")."""
    words = reading.lemmas
    for back in range(verb - 1, max(-1, verb - 5), -1):
        if words[back] in AFFIRM_NOUNS:
            return True
        if words[back] not in AUXILIARIES and words[back] not in ("always", "it", "are", "very"):
            return False
    return False


def _conditional(reading: Reading) -> bool:
    """True when a condition word (if, unless, once, as long as) stands in the sentence, and
    it is not one every member meets ("if you're on LinkedIn, you're welcome": section 20)."""
    words = reading.lemmas
    conditions = [i for i, w in enumerate(words) if w in CONDITIONS or w == "long"]
    # only an "if" that every member meets, with nothing joined to it ("if you're on LinkedIn
    # and we have met" is still a condition)
    return any(not _met_by_all(words, i) for i in conditions)


def _met_by_all(words: Sequence[str], index: int) -> bool:
    """True when the "if" at ``index`` opens a clause every member meets, alone."""
    clause = [w.lower() for w in words[index + 1 : index + 5]]
    # the four words after "if", and the one after them: nothing may be joined to the clause
    return words[index] == "if" and tuple(clause) in _MET_BY_ALL and (
        words[index + 5 : index + 6] not in (["and"], ["or"])
    )


# What every member of LinkedIn is: "if you're on LinkedIn", "if you are here" ("you're" is
# spelled out as "you are").
_MET_BY_ALL = frozenset({
    ("you", "are", "on", "linkedin"), ("you", "are", "on", "here"), ("you", "are", "here", ","),
})


_CONDITION_OPENERS = CONDITIONS - {"unless"}  # "unless" opens an exception, not a condition


def _note_condition_after(reading: Reading, verb: int) -> int | None:
    """The note named by a condition after ``verb`` in its sentence ("..., as long as there's
    a short note", "provided you add a message"), or None."""
    words = reading.lemmas
    for i in range(verb + 1, reading.size):
        opens = words[i] in _CONDITION_OPENERS or (
            words[i] == "long" and words[i - 1] == "as" and words[i + 1 : i + 2] == ["as"]
        )
        if opens:
            return next(
                (j for j in range(i + 1, min(reading.size, i + PHRASE_REACH + 2))
                 if words[j] in NOTE_NOUNS),
                None,
            )
    return None


def _known_otherwise(reading: Reading, verb: int) -> int | None:
    """The first word of "we've met or worked together, otherwise (no connect)": a clause
    naming the writer's knowing, then "otherwise" just before the negated ``verb``; None when
    there is none."""
    words = reading.lemmas
    turn = next((i for i in range(verb - 1, max(-1, verb - PHRASE_REACH), -1)
                 if words[i] == "otherwise"), None)
    if turn is None:
        return None
    low = max(0, turn - 2 * PHRASE_REACH)
    subject = next((i for i in range(low, turn) if words[i] in ("i", "we")), None)
    if subject is None or not any(
        words[i] in KNOW and (words[i] != "work" or reading.together(i))
        for i in range(subject + 1, turn)
    ):
        return None
    return subject


def _note_and(reading: Reading, verb: int) -> int | None:
    """The note of "a line or two about what you do, and I'm happy to connect": a note named
    before ``verb`` in its segment, with "and" between them (an imperative's condition), or
    None."""
    low = reading.segments[reading.segment_of(verb)][0]
    words = reading.lemmas
    for index in range(max(low, verb - 3 * PHRASE_REACH), verb):
        if words[index] in NOTE_NOUNS and "and" in words[index + 1 : verb] and (
            not _ASKED_NOTE.isdisjoint(words[max(low, index - 2) : index])
        ):  # "a line", "a short note", "your message"; not "my notes are public and ..."
            return index - 2 if index - 2 >= low and words[index - 2] in ("a", "an") else (
                index - 1)
    return None


_ASKED_NOTE = frozenset({"a", "an", "your", "short", "quick", "brief", "personal"})


def _if_in_segment(reading: Reading, verb: int) -> bool:
    """True when an "if" (not "unless": "everyone, unless it's spam" is still everyone) stands
    in the segment of ``verb``."""
    return any(w in ("if", "provided", "once", "when") for w in reading.segment_words(verb))


def _in_if_clause(reading: Reading, verb: int) -> bool:
    """True when "if" or "unless" stands before ``verb`` in its clause."""
    start = reading.clause_start(verb)
    if start >= 2 and reading.lemmas[start] == "and":  # "If I don't know you, and you don't..."
        start = reading.clause_start(start - 1)
    return any(w in ("if", "unless") and reading.lemmas[i - 1 : i] != ["as"]
               for i, w in enumerate(reading.lemmas[start:verb], start))  # not "as if"


def _note_thing_in(reading: Reading, verb: int) -> bool:
    """True when the segment of ``verb`` names a blank invitation ("a canned request", "the
    default message", "without a note")."""
    words = reading.segment_words(verb)
    return not NOTE_MODIFIERS.isdisjoint(words) or any(
        word == "without" and not NOTE_NOUNS.isdisjoint(words[i + 1 : i + 5])
        for i, word in enumerate(words)
    )


def _qualified(reading: Reading, last: int) -> bool:
    """True when a relative clause qualifies the people just named ("users that I have not
    met, who have recently posted quality content")."""
    return not {"who", "whom", "that", "which", "if", "as"}.isdisjoint(
        reading.lemmas[last + 1 : last + 4]
    )


def _elsewhere(reading: Reading, verb: int) -> bool:
    """True when the segment of ``verb`` is about another site ("On many other sites, I
    accept friend requests openly", "on Facebook") (language.md trap 9)."""
    words = reading.segment_words(verb)
    return not _OTHER_SITES.isdisjoint(words) or (
        "other" in words and not _SITES.isdisjoint(words)
    )


def _vocative_group(reading: Reading, verb: int) -> int | None:
    """The first word of a group the sentence is addressed to, when the writer accepts "all
    of you" after it: "Recruiters and HR people: ..., I accept all of you"; else None."""
    if "you" not in reading.lemmas[verb + 1 : verb + 5]:
        return None
    return 0 if _addressed(reading, verb) else None


def _addressed(reading: Reading, before: int) -> bool:
    """True when the words before a colon that stands before word ``before`` name a group:
    "Recruiters:", "Fellow alumni:", "Students and recent grads:"; not "Note:", "Status:"."""
    words = reading.lemmas
    colon = next((i for i in range(before) if words[i] == ":"), None)
    if colon is None or colon > 5:
        return False
    named = words[:colon]
    last = reading.forms[colon - 1].lower() if colon else ""
    return (
        not any(w in FIRST_PERSON or w in ACCEPT or w in REFUSE for w in named)
        # a noun phrase only: no number, no verb in -ing ("20 years in payments:", "Helping
        # startups grow:")
        and all(w.isalpha() and not w.endswith("ing") for w in reading.forms[:colon])
        and (words[colon - 1] in PEOPLE or _plural_noun(last))
        and last not in _NOT_A_GROUP
        and INVITATIONS.isdisjoint(named)
        and NETWORK.isdisjoint(named)
    )


# Plurals before a colon that address everyone or name no people ("Hey folks:", "Dear
# visitors:", "Interests:").
_NOT_A_GROUP = frozenset({
    "folks", "visitors", "everyone", "everybody", "friends", "guys", "all", "readers",
    "viewers", "interests", "skills", "services", "specialties", "specialities", "hobbies",
    "years", "thoughts", "notes", "rules", "values", "languages", "tools", "awards",
})


# Words ending in "s" that name no group: "LION status: ...", "Thanks: ...", "This is: ...".
_NOT_PLURALS = frozenset({
    "thanks", "always", "perhaps", "news", "yes", "has", "was", "does", "its", "whereas",
    "towards", "besides", "sometimes", "hers", "ours", "yours", "theirs", "as", "less",
    "unless", "regardless", "afterwards", "nowadays", "various", "series", "lots",
})


def _plural_noun(form: str) -> bool:
    """True when ``form`` reads as a plural noun ("recruiters", "devs"): it ends in "s" but
    not in "ss", "us" or "is" ("business", "status", "this") and is no function word."""
    return (len(form) > 3 and form.endswith("s") and not form.endswith(("ss", "us", "is"))
            and form not in _NOT_PLURALS)


def _conceding(reading: Reading, verb: int) -> bool:
    """True when a concession follows ``verb`` in its sentence: "even without a note", "even
    if we haven't met", "even from people I don't know", "whether or not we know each
    other"."""
    words = reading.lemmas
    for index in range(verb + 1, min(reading.size - 1, verb + OBJECT_AFTER)):
        if words[index] in (".", "!", "?", ";"):
            return False
        if (words[index] == "even" and words[index + 1] in ("if", "without", "though", "from",
                                                            "when", "with")) or (
            words[index] == "whether" and "not" in words[index + 1 : index + 9]
        ):
            return True
    return False


def _third_person_bio(reading: Reading, verb: int) -> bool:
    """True for a profile written in the third person: "She connects on LinkedIn only with
    people she has worked with" (the sentence opens with "she" or "he", and the verb, in the
    present, follows within a few words). "My wife only connects with ..." is someone else."""
    return reading.lemmas[0] in ("he", "she") and 0 < verb <= 3 and (
        reading.forms[verb].endswith("s") and reading.forms[verb] != reading.lemmas[verb]
    )


def _has_subject(reading: Reading, verb: int) -> bool:
    return any(w in ("i", "we") for w in reading.lemmas[reading.clause_start(verb) : verb])


def _hedged_some(reading: Reading, verb: int) -> bool:
    """True for "some", "several", "occasionally" near the verb: partly open."""
    return not HEDGE_SOME.isdisjoint(reading.lemmas[max(0, verb - 3) : verb + 4])


def _frequently(reading: Reading, verb: int) -> bool:
    """True for "usually", "generally", "tend to" just before the verb."""
    return not _FREQUENCY.isdisjoint(reading.lemmas[max(0, verb - 3) : verb])


def _stated_count(reading: Reading, index: int) -> None:
    """"I have 30,000 connections", "I reached 12k contacts": the writer's network size, said
    in a sentence; a large one is the same hint as a bragged "30K+" (LIO106)."""
    words = reading.lemmas
    if words[index] not in ("connection", "contact") or reading.negated(index) is not None:
        return
    back = index - 1
    while back >= 0 and index - back <= 4 and not words[back][:1].isdigit():
        back -= 1
    if back < 0 or index - back > 4 or not ({"i", "my", "we", "our"} & set(words[:index])):
        return
    first = back
    while first >= 2 and words[first - 1] == "," and words[first - 2].isdigit():
        first -= 2
    digits = "".join(w for w in words[first : back + 1] if w != ",")
    count = int(digits[:-1]) * 1000 if digits[-1:] == "k" and digits[:-1].isdigit() else (
        int(digits) if digits.isdigit() else 0)
    if count >= STATED_COUNT_MIN:
        reading.add(rules.COUNT_BRAGGING, str(count), first, index)


def _most(reading: Reading, verb: int) -> bool:
    """True for "most", "usually", "almost always", "80%" near a refusal verb."""
    return any(w in ("most", "majority", "usually", "generally", "mostly", "always")
               or w.endswith("%") for w in reading.lemmas[max(0, verb - 3) : verb + 5])


def _only_near(reading: Reading, verb: int) -> bool:
    return any(w in _ONLY and w != "just" for w in reading.lemmas[max(0, verb - 3) : verb + 4])


def _reason_near(reading: Reading, verb: int) -> bool:
    return any(w in ("reason", "why", "context") for w in reading.lemmas[verb + 1 : verb + 22])


def _lead_in(reading: Reading, start: int) -> int:
    """Where the words a statement rests on start: back over "only" and over the auxiliaries
    of a negation ("I *only* connect with", "I *do not* accept")."""
    words = reading.lemmas
    while start > 0 and (words[start - 1] in _ONLY or (
        words[start] in reading.negations and words[start - 1] in _NEGATED_AUXILIARIES
    )):
        start -= 1
    return start


_NEGATED_AUXILIARIES = frozenset({"do", "does", "did", "will", "would", "am", "is", "are",
                                  "have", "has", "can", "could", "should"})


def _vocative_start(reading: Reading, start: int) -> int:
    """Start a refusal at its vocative ("*Strangers*, please don't connect")."""
    return next((i for i in range(start) if reading.lemmas[i] in STRANGER), start)


def _condition_start(reading: Reading) -> int:
    return next((i for i, w in enumerate(reading.lemmas) if w in CONDITIONS), 0)


# -- which words start which rules ----------------------------------------------------------------

_Rule = Callable[[Reading, int], None]


def _rules_by_word() -> dict[str, tuple[_Rule, ...]]:
    """The rules each word starts (a word may start several: "add" accepts or asks)."""
    table: dict[str, list[_Rule]] = {}
    for family, rule in (
        (ACCEPT, _accepting), (REFUSE, _refusing), (READER_VERBS, _reader_acts),
        (BUTTON | BUTTON_VERBS, _button), (FOLLOW, _follow), ({"no"}, _no_phrase),
        (NETWORK | {"it"}, _network_is), ({"connection", "contact"}, _stated_count),
        (SELECTIVE | LIMIT, _selective), (_ONLY, _only_people),
        (_NOTE_STARTS | _MIDDLE, _read_first), ({"know", "vouch", "knowledge"}, _know_who),
        ({"book", "recommend", "reflection", "mirror"}, _by_the_book),
        ({"meet", "know"}, _share_known), (STRANGER | {"unsolicited"}, _dislike_strangers),
        ({"review", "consider", "look", "check", "research", "examine"}, _review),
        (_WAITING, _left_waiting),
    ):
        for word in family:
            table.setdefault(word, []).append(rule)
    return {word: tuple(found) for word, found in table.items()}


# Where an invitation left alone stays: "otherwise I leave it in the queue", "or it sits
# pending" (docs/language.md section 17).
_WAITING = frozenset({"queue", "pending"})


def _left_waiting(reading: Reading, index: int) -> None:
    """An invitation left waiting as the price of a missing note or reason: "Tell me what
    you'd like to talk about - otherwise I leave it in the queue" and "Invites without a note
    sit in the queue" are conditions; "my queue of pending requests" is not."""
    words = reading.lemmas
    back = max(0, index - 8)
    otherwise = next((i for i in range(index - 1, back - 1, -1)
                      if words[i] in ("otherwise", "else")), None)
    if otherwise is not None and reading.owner(index) != "other" and not (
        NOTE_NOUNS | INVITATIONS | {"connect", "tell", "why"}
    ).isdisjoint(words[:otherwise]):
        reading.add(rules.CONDITIONS, CONDITION, otherwise, index)
    elif _note_thing_in(reading, index) and not INVITATIONS.isdisjoint(words[:index]):
        reading.add(rules.CONDITIONS, NOTE_ENFORCED, _condition_start(reading), index)


def _read_first(reading: Reading, index: int) -> None:
    """Requests for a note and the middle ground are read first (see read_sentence); their
    words are in the table only so that a sentence holding one is read at all."""


_RULES = _rules_by_word()
