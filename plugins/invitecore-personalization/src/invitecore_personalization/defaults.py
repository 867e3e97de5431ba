"""The plugin's default texts, phrase lists and cue lexicons, as plain data.

:mod:`invitecore_personalization.settings` declares each of these as a setting with its source;
nothing else reads this module, so a user's ``[tool.invitecore.plugins.personalization]`` table
always wins.

The grammar rules and word families live in :mod:`~invitecore_personalization.phrasing` and
:mod:`~invitecore_personalization.families`.
"""

from __future__ import annotations

__all__ = [
    "CALENDAR_HOSTS",
    "CREDENTIALS",
    "DEFAULT_TEXTS",
    "GENERIC_GREETEES",
    "GREETING_WORDS",
    "HONORIFICS",
    "LINK_TLDS",
    "NICKNAMES",
    "NOT_NAMES",
    "PLACEHOLDER_PATTERNS",
    "SIGN_OFFS",
]

# docs/sources.md section 5, verbatim apart from straight quotes. <name> and <group> are slots.
DEFAULT_TEXTS = (
    "I'd like to add you to my professional network on LinkedIn.",
    "Join my network on LinkedIn.",
    "Since you are a person I trust, I wanted to invite you to join my network on LinkedIn",
    "I'd like to connect with you on LinkedIn",
    "Please connect with me on LinkedIn.",
    "Hi <name>, I'd like to join your LinkedIn network",
    "I'd like to invite you to my professional network on LinkedIn.",
    "<name> has indicated you are a fellow group member of <group>: "
    "I'd like to add you to my professional network on LinkedIn.",
)

GREETING_WORDS = (
    "hi", "hello", "hey", "heya", "hiya", "hii", "dear", "greetings", "howdy", "good morning",
    "good afternoon", "good evening", "good day", "hola", "hallo", "bonjour", "ciao", "yo",
    # other languages' hellos, so that "Hej!" is no name (section 17)
    "hej", "hei", "hoi", "moin", "servus", "oi", "olá", "buongiorno", "buenos días",
    "dzień dobry", "dzien dobry", "cześć", "czesc", "witam", "estimado", "estimada",
)

# Words after a greeting word that address nobody in particular ("Hi there").
GENERIC_GREETEES = (
    "there", "all", "everyone", "everybody", "team", "folks", "friend", "friends", "sir",
    "madam", "mate", "guys", "man", "again", "you", "colleague", "connection",
    # a role or a form of address, not a name ("Dear Hiring Manager", "Dear Valued Partner")
    "hiring", "valued", "recruiter", "recruitment", "search", "selection", "committee",
    "customer", "client", "partner", "member", "members", "reader", "candidate", "applicant",
    "colleagues", "future", "sirs",
)

# Capitalised words that end a greeting's name rather than belong to it ("Hi Dana I saw ...").
NOT_NAMES = (
    "i", "i'm", "im", "i've", "i'd", "i'll", "my", "we", "we're", "it", "it's", "its", "this",
    "hope", "hoping", "thanks", "thank", "just", "saw", "loved", "love", "great", "good",
    "nice", "quick", "so", "long", "congrats", "congratulations", "how", "are", "is", "your",
    "you", "you're", "fellow", "as", "and", "the", "a", "an", "from", "our", "let's", "lets",
    "happy", "welcome", "please", "sorry", "reaching", "following", "read", "would",
)

# Short forms that are not spelled inside the full name (docs/sources.md section 7 warns about wrong
# first names; these are right ones). "Tom" for "Thomas" needs no entry: see names.is_first.
NICKNAMES = {
    "robert": ["bob", "rob", "bobby", "robbie", "bert"],
    "william": ["bill", "will", "billy", "liam"],
    "james": ["jim", "jimmy", "jamie"],
    "michael": ["mike", "mick", "mikey"],
    "elizabeth": ["liz", "beth", "betty", "lisa", "eliza", "libby"],
    "margaret": ["peggy", "maggie", "meg", "greta"],
    "richard": ["dick", "rick", "rich", "ricky"],
    "john": ["jack", "johnny"],
    "edward": ["ted", "ed", "eddie", "ned"],
    "anthony": ["tony"],
    "katherine": ["kate", "kathy", "katie", "kat"],
    "catherine": ["cathy", "kate", "cat"],
    "alexander": ["alex", "sasha", "sandy"],
    "alexandra": ["alex", "sasha", "sandra"],
    "francis": ["frank"],
    "henry": ["harry", "hank"],
    "charles": ["charlie", "chuck"],
    "susan": ["sue", "susie"],
    "rebecca": ["becky", "becca"],
    "patricia": ["pat", "patty", "trish"],
    "jennifer": ["jen", "jenny"],
    "deborah": ["deb", "debbie"],
    "joseph": ["joe", "joey"],
    "josé": ["pepe"],
    "giuseppe": ["beppe", "peppe"],
    "aleksandr": ["sasha"],
}

HONORIFICS = (
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam",
    # other languages' titles, used with a first or a last name ("Panie Tomaszu", "Mme Roux")
    "pan", "pani", "panie", "herr", "frau", "mme", "mlle", "sr", "sra", "dott", "dott.ssa",
    "dra", "señor", "señora", "senhor", "senhora",
)

# Letters people paste from the name field after the name (docs/sources.md section 7).
CREDENTIALS = (
    "lion", "l.i.o.n", "mba", "phd", "ph.d", "md", "jd", "cpa", "cfa", "pmp", "esq", "cissp",
    "cisa", "cism", "shrm-cp", "shrm-scp", "phr", "sphr", "pe", "rn", "msc", "bsc", "ma", "ba",
    "mfa", "llm", "acca", "frsa", "cpcc", "pcc", "acc", "csm", "cspo", "itil", "ccie", "dba",
    "edd", "ed.d", "mph", "mpa", "fca", "aca", "cima", "frm", "caia", "crisc", "pmi-acp",
)

# docs/sources.md section 7, one regex per syntax (all bounded, so linear-time). Each starts
# with its literal opening character (the "_FN_" look-behind comes after the "_" it checks,
# the "(?i:" after the bracket): the joined regex then skips straight to those characters
# instead of trying every pattern at every position, about five times faster on a typical note.
PLACEHOLDER_PATTERNS = (
    r"\{\{?[^{}\n]{0,40}\}\}?",
    r"\(\([^()\n]{1,40}\)\)",
    r"#[A-Za-z_][A-Za-z0-9_]{0,30}#",
    r"_(?<![A-Za-z0-9_]_)[A-Z]{2,5}_(?![A-Za-z0-9_])",
    r"%[A-Za-z_]{2,30}%",
    # Any bracketed text that starts with a letter: in an invitation note square brackets are
    # a template's slot ("[First Name]", "[talk/panel]", "[Company/School]", "[tema]"), not an
    # aside. Not a badge pasted from the name field ("[LION 6,500+]", "[Open Networker]").
    r"\[(?=[^\W\d_])(?!(?i:lion|l\.i\.o\.n|open networker))[^\[\]{}\n\d+]{1,60}\]",
    r"<(?i:[a-z ]{0,20}(?:name|company|title|position|role|event|topic|insert|first|last)"
    r"[a-z _]{0,20}>)",
    r"\$\{[^{}\n]{0,40}\}",
    # FIRSTNAME, LAST_NAME, FULL NAME, FNAME, NAME, COMPANY as whole words: one pattern per
    # first letter, so that every pattern starts with a literal (see above).
    r"F(?<![\w\[{]F)(?:IRST[ _]?NAME|ULL[ _]?NAME|NAME)(?![\w\]}])",
    r"L(?<![\w\[{]L)AST[ _]?NAME(?![\w\]}])",
    r"N(?<![\w\[{]N)AME(?![\w\]}])",
    r"C(?<![\w\[{]C)OMPANY(?![\w\]}])",
)

# Hosts of scheduling links: a calendar link in a first message is a pitch (docs/sources.md 6).
CALENDAR_HOSTS = (
    "calendly.com", "cal.com", "savvycal.com", "zcal.co", "meetings.hubspot.com", "tidycal.com",
    "doodle.com", "youcanbook.me", "chilipiper.com", "calendar.app.google", "koalendar.com",
)

# Top-level domains recognised in bare links ("example.com/cv") without a scheme or "www.".
LINK_TLDS = (
    "com", "io", "co", "org", "net", "ai", "app", "ly", "me", "dev", "link", "xyz", "info",
    "biz", "gg", "page", "site", "online", "store", "tech", "de", "uk", "eu",
)

SIGN_OFFS = (
    "best", "thanks", "thank you", "regards", "cheers", "sincerely", "warmly", "kind regards",
    "best regards", "warm regards", "many thanks", "all the best", "br", "thx", "talk soon",
    "best wishes", "take care",
)
