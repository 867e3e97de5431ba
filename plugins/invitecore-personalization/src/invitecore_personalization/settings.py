"""The plugin's settings: every limit, threshold and phrase list, with where its default comes from.

Users override them in ``[tool.invitecore.plugins.personalization]``; list settings also take
``extend-<name>`` to add to the default instead of replacing it (``extend-why-cues = [...]``);
for a table (``families``) ``extend-`` replaces only the entries it names.
"""

from __future__ import annotations

from invitecore import NetworkingCamp, Relationship, Setting
from invitecore_personalization import defaults
from invitecore_personalization.families import (
    COMMON_WORDS,
    FAMILIES,
    IRREGULAR,
    LANGUAGE_WORDS,
)
from invitecore_personalization.phrasing import RULES

__all__ = ["SETTINGS"]

_RULE_SYNTAX = (
    "Rule syntax: words in any inflection or case, 'a/b' alternatives, '@family' any word of a "
    "family, 'word?' optional, '~' up to three words of the same clause ('~5': five), NAME a "
    "capitalised name, SLOT a placeholder, NUM a number."
)
_STRANGERS = tuple(r.value for r in Relationship if r.is_stranger)
_KNOWN = tuple(r.value for r in Relationship if not r.is_stranger)
_BLANK_SOURCE = (
    "docs/sources.md section 9 (a 2025-26 sample of 16,492 requests: blank ones accepted about as "
    "often as personalised ones, 26.37% against 26.42%) and section 1 (open networkers accept "
    "anyone; people who know you do not answer 'I don't know this person', selective "
    "connectors and strangers of unknown camp do)"
)

SETTINGS: tuple[Setting, ...] = (
    Setting(
        name="free-note-limit",
        default=200,
        description="Longest note (characters, spaces and emoji included) a free account may send.",
        source="docs/sources.md section 4: 200 characters for a free account "
        "(vendors and users, 2025-2026)",
    ),
    Setting(
        name="premium-note-limit",
        default=300,
        description="Longest note a Premium / Sales Navigator account may send.",
        source="docs/sources.md section 4: 300 characters (LinkedIn UI; long-standing)",
    ),
    Setting(
        name="default-texts",
        default=defaults.DEFAULT_TEXTS,
        description="LinkedIn's default invitation texts; '<name>', '<group>' are slots (PER102).",
        source="docs/sources.md section 5 (default texts seen over the years)",
    ),
    Setting(
        name="default-text-coverage",
        default=0.7,
        description=(
            "Share of the note's words (after greeting and signature) that a default text must "
            "cover, and share of the default text the note must contain, for PER102."
        ),
        source="chosen: 70% lets a name, a 'Thanks!' or a typo through while a real sentence "
        "added to a default text (about 10 words) brings coverage below it",
    ),
    Setting(
        name="greeting-words",
        default=defaults.GREETING_WORDS,
        description="Words that open a salutation ('Hi', 'Dear', 'Good morning').",
        source="chosen: common English salutations and a few European ones",
    ),
    Setting(
        name="generic-greetees",
        default=defaults.GENERIC_GREETEES,
        description="Words after a salutation that address nobody by name ('Hi there') (PER111).",
        source="chosen: common impersonal salutations",
    ),
    Setting(
        name="not-names",
        default=defaults.NOT_NAMES,
        description="Capitalised words that end a salutation's name ('Hi Dana I saw ...').",
        source="chosen: pronouns and sentence openers that follow a name without a comma",
    ),
    Setting(
        name="honorifics",
        default=defaults.HONORIFICS,
        description="Titles a greeting may put before the last name ('Dear Dr. Raman') (PER112).",
        source="chosen: English honorifics",
    ),
    Setting(
        name="nicknames",
        default=defaults.NICKNAMES,
        description="Short forms of first names not spelled inside the full name (PER112).",
        source="chosen: common English short forms; 'Tom' for 'Thomas' is recognised without "
        "an entry (same first letter, letters in order)",
    ),
    Setting(
        name="credentials",
        default=defaults.CREDENTIALS,
        description="Tokens pasted from a name field that do not belong in a greeting (PER112).",
        source="docs/sources.md sections 2 and 7 (LION and credentials in the name field)",
    ),
    Setting(
        name="placeholder-patterns",
        default=defaults.PLACEHOLDER_PATTERNS,
        description="Regexes for unfilled template placeholders (PER113); keep them linear.",
        source="docs/sources.md section 7 ({firstName}, {{first_name|there}}, #firstName#, _FN_, "
        "[First Name], ((first_name))); chosen: %FIRSTNAME% and <First Name>",
    ),
    Setting(
        name="families",
        default=FAMILIES,
        description="Word families the rules name as '@family' (members in their base form; "
        "a family given here replaces the built-in one of that name).",
        source="docs/language.md sections 2-11 (cue words of real notes, by what they do)",
    ),
    Setting(
        name="word-forms",
        default=IRREGULAR,
        description="Irregular word forms and chat spellings, read as their base form "
        "('met' = 'meet', 'ur' = 'your'), and cue words of other languages, read as the "
        "English word that does the same job ('Vortrag' = 'talk').",
        source="chosen: English irregular verbs the rules use; docs/language.md section 10 "
        "(chat spellings) and section 14 (other languages)",
    ),
    Setting(
        name="common-words",
        default=COMMON_WORDS,
        description="Words that are never read as a name when capitalised ('Thursday', 'Hi').",
        source="chosen: function words, greetings, months, days and common sentence openers",
    ),
    Setting(
        name="language-words",
        default=LANGUAGE_WORDS,
        description="The commonest words of each language the plugin reads (language code -> "
        "words): with its cue words they tell a note it can read from one it cannot (PER104). "
        "A language added to word-forms needs its words here too.",
        source="docs/language.md section 19: articles, pronouns, prepositions, conjunctions "
        "and auxiliaries, the most frequent words of each language",
    ),
    Setting(
        name="unread-min-words",
        default=6,
        description="Fewest lower-case words a note needs before too few known words leave it "
        "unread (PER104); shorter notes are always read.",
        source="docs/language.md section 19: 'connect pls' or 'Hola Ana, qué tal' are too "
        "short to tell a language by",
    ),
    Setting(
        name="unread-min-share",
        default=0.3,
        description="Share of a note's lower-case words that must be words of one language "
        "the plugin reads for the note to be read; below it the note is reported as unread "
        "(PER104).",
        source="docs/language.md section 19: in the labelled batches English notes hold 45% "
        "or more such words, notes in the other languages with a table 33% or more, "
        "Indonesian ones 14-25%",
    ),
    Setting(
        name="met-cues",
        default=RULES["met"],
        description="How the two met or will meet: an event, a meeting, a conversation "
        "(how_met_or_found for everyone). " + _RULE_SYNTAX,
        source="docs/language.md section 2; labelling.md (an event in common counts)",
    ),
    Setting(
        name="history-cues",
        default=RULES["history"],
        description="Shared history that reminds someone you know how you know each other "
        "(needs a name, team, class, year or deal in its clause) (PER121). " + _RULE_SYNTAX,
        source="seed article via docs/sources.md section 1 (remind them how you met); labelling.md",
    ),
    Setting(
        name="found-cues",
        default=RULES["found"],
        description="How a stranger was found: something they published or said, a named "
        "mutual contact, a search for a kind of person (PER122). " + _RULE_SYNTAX,
        source="docs/language.md sections 3 and 4; labelling.md",
    ),
    Setting(
        name="shared-context-cues",
        default=RULES["shared"],
        description="A shared school, employer or group, or unnamed mutual connections: how "
        "they were found, but true of everyone on such a list (not specific). " + _RULE_SYNTAX,
        source="docs/language.md section 4",
    ),
    Setting(
        name="why-cues",
        default=RULES["why"],
        description="A specific reason to connect: an aim with a topic, the sender's project, "
        "a job search, a hiring need, a question (PER123). " + _RULE_SYNTAX,
        source="docs/language.md section 5; labelling.md",
    ),
    Setting(
        name="benefit-cues",
        default=RULES["benefit"],
        description="An offer to the recipient or an explicitly mutual gain; not counted "
        "inside a sales pitch (PER124). " + _RULE_SYNTAX,
        source="docs/language.md section 6; labelling.md",
    ),
    Setting(
        name="gift-cues",
        default=RULES["gift"],
        description="Something free, a favour returned, or an opportunity for them (a role, a "
        "customer, a speaking slot); counted even inside a pitch (PER124). " + _RULE_SYNTAX,
        source="docs/language.md sections 6 and 9 (a free resource in a pitch is a benefit)",
    ),
    Setting(
        name="sender-only-cues",
        default=RULES["sender_only"],
        description="What is only for the sender ('share my CV', 'help me'): an offer next to "
        "it does not count (PER124). " + _RULE_SYNTAX,
        source="docs/language.md sections 6 and 11.5",
    ),
    Setting(
        name="stock-phrases",
        default=RULES["stock"],
        description="Stock phrases that fit anyone; quoted when a note is generic (PER103). "
        + _RULE_SYNTAX,
        source="docs/sources.md section 5; docs/language.md section 7",
    ),
    Setting(
        name="pitch-cues",
        default=RULES["pitch"],
        description="The sender's own offer: a sales pitch (PER132). " + _RULE_SYNTAX,
        source="docs/sources.md section 6; docs/language.md section 9",
    ),
    Setting(
        name="favour-cues",
        default=RULES["favour"],
        description="Asks for a favour (PER132). " + _RULE_SYNTAX,
        source="docs/sources.md section 6; docs/language.md section 9",
    ),
    Setting(
        name="calendar-hosts",
        default=defaults.CALENDAR_HOSTS,
        description="Hosts of scheduling links, reported as calendar links (PER132).",
        source="chosen: widely used scheduling services",
    ),
    Setting(
        name="link-tlds",
        default=defaults.LINK_TLDS,
        description="Top-level domains that make a bare 'name.tld' a link (PER132).",
        source="chosen: common generic and European TLDs; 'https://' and 'www.' always count",
    ),
    Setting(
        name="sign-offs",
        default=defaults.SIGN_OFFS,
        description="Closing words of a signature ('Best, Sam'), dropped before PER102 matching.",
        source="chosen: common English sign-offs",
    ),
    Setting(
        name="why-required-for",
        default=_STRANGERS,
        description="Relationships for which a note without a reason gets PER123.",
        source="seed article via docs/sources.md section 1: to someone you know, remind them how "
        "you met; to a stranger, say how you found them, why you connect and what is in it for "
        "them",
    ),
    Setting(
        name="benefit-required-for",
        default=_STRANGERS,
        description="Relationships for which a note with nothing in it for them gets PER124.",
        source="seed article via docs/sources.md section 1: what is in it for them is asked of "
        "notes to strangers; people who know each other need a reminder, not an offer",
    ),
    Setting(
        name="blank-normal-for-camps",
        default=(NetworkingCamp.OPEN_NETWORKER.value,),
        description="Camps (open_networker, in_between, selective_connector, unknown) to whom an "
        "invitation without a note is normal practice: PER101 is then information, not an "
        "error. Empty: no note is an error for every camp (unless blank-normal-for says so).",
        source=_BLANK_SOURCE,
    ),
    Setting(
        name="blank-normal-for",
        default=_KNOWN,
        description="Relationships (the sender knows the person) for which an invitation without "
        "a note is normal practice: PER101 is then information, not an error.",
        source=_BLANK_SOURCE,
    ),
)
