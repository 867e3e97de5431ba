"""The plugin's settings: every limit, threshold and phrase list, with where its default comes from.

Users override them in ``[tool.invitecore.plugins.personalization]``; list settings also take
``extend-<name>`` to add to the default instead of replacing it (``extend-why-cues = [...]``).
"""

from __future__ import annotations

from invitecore import Relationship, Setting
from invitecore_personalization import defaults

__all__ = ["SETTINGS"]

_CUE_SYNTAX = (
    "Cue syntax: whole words, case-insensitive, apostrophes optional; 'a/b' alternatives, "
    "'word*' any ending, lone '*' skips up to three words, 're:' prefix a raw linear regex."
)
_ALL_RELATIONSHIPS = tuple(r.value for r in Relationship)

SETTINGS: tuple[Setting, ...] = (
    Setting(
        name="free-note-limit",
        default=200,
        description="Longest note (characters, spaces and emoji included) a free account may send.",
        source="domain.md section 4: 200 characters for a free account "
        "(vendors and users, 2025-2026)",
    ),
    Setting(
        name="premium-note-limit",
        default=300,
        description="Longest note a Premium / Sales Navigator account may send.",
        source="domain.md section 4: 300 characters (LinkedIn UI; long-standing)",
    ),
    Setting(
        name="default-texts",
        default=defaults.DEFAULT_TEXTS,
        description="LinkedIn's default invitation texts; '<name>', '<group>' are slots (PER102).",
        source="domain.md section 5 (default texts seen over the years)",
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
        name="stock-phrases",
        default=defaults.STOCK_PHRASES,
        description="Filler that gives no reason to connect (PER103). " + _CUE_SYNTAX,
        source="domain.md section 5 (stock phrases); chosen: rewordings of the same filler",
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
        source="domain.md sections 2 and 7 (LION and credentials in the name field)",
    ),
    Setting(
        name="placeholder-patterns",
        default=defaults.PLACEHOLDER_PATTERNS,
        description="Regexes for unfilled template placeholders (PER113); keep them linear.",
        source="domain.md section 7 ({firstName}, {{first_name|there}}, #firstName#, _FN_, "
        "[First Name], ((first_name))); chosen: %FIRSTNAME% and <First Name>",
    ),
    Setting(
        name="met-cues",
        default=defaults.MET_CUES,
        description="Phrases that remind a known person how the two met (PER121). " + _CUE_SYNTAX,
        source="domain.md sections 1 and 6 (remind them how you met: event, employer, school)",
    ),
    Setting(
        name="found-cues",
        default=defaults.FOUND_CUES,
        description="Phrases that say where a stranger was found (PER122). " + _CUE_SYNTAX,
        source="domain.md sections 1 and 6 (how you came across them: event, post, mutual "
        "contact, group, employer, school)",
    ),
    Setting(
        name="why-cues",
        default=defaults.WHY_CUES,
        description="Phrases that give a reason for connecting (PER123). " + _CUE_SYNTAX,
        source="domain.md sections 1 and 6 (why you want to connect); chosen: cue list",
    ),
    Setting(
        name="benefit-cues",
        default=defaults.BENEFIT_CUES,
        description="Phrases that offer the recipient something (PER124). " + _CUE_SYNTAX,
        source="domain.md sections 1 and 6 (how the connection could benefit them)",
    ),
    Setting(
        name="shared-interest-cues",
        default=defaults.SHARED_INTEREST_CUES,
        description="Common ground; counts as a reason and as a benefit. " + _CUE_SYNTAX,
        source="domain.md section 6 (common ground)",
    ),
    Setting(
        name="pitch-cues",
        default=defaults.PITCH_CUES,
        description="Sales-pitch phrases (PER132). " + _CUE_SYNTAX,
        source="domain.md section 6 (no sales pitch in the first message)",
    ),
    Setting(
        name="favour-cues",
        default=defaults.FAVOUR_CUES,
        description="Asks for a favour (PER132). " + _CUE_SYNTAX,
        source="domain.md section 6 (no ask for a favour in the first message)",
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
        default=_ALL_RELATIONSHIPS,
        description="Relationships for which a note without a reason gets PER123.",
        source="domain.md section 6 (a good note says why you want to connect)",
    ),
    Setting(
        name="benefit-required-for",
        default=_ALL_RELATIONSHIPS,
        description="Relationships for which a note with nothing in it for them gets PER124.",
        source="domain.md section 6 (a good note says what is in it for them)",
    ),
)
