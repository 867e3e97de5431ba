"""The plugin's default texts, phrase lists and cue lexicons, as plain data.

:mod:`invitecore_personalization.settings` declares each of these as a setting with its source;
nothing else reads this module, so a user's ``[tool.invitecore.plugins.personalization]`` table
always wins.

Cue phrases use a small, linear-time syntax (compiled by :mod:`invitecore_personalization.lexicon`):
words are matched whole and case-insensitively, with straight or curly apostrophes optional
(``i'm`` also matches ``im``); ``a/b`` offers alternatives for one word; a word ending in ``*``
matches any ending (``connection*``); a lone ``*`` skips up to three words; an entry starting with
``re:`` is a raw regular expression, tried at each word start of the lower-cased note (keep it
linear: no nested unbounded quantifiers). Every phrase starts at a word start.
"""

from __future__ import annotations

__all__ = [
    "BENEFIT_CUES",
    "CALENDAR_HOSTS",
    "CREDENTIALS",
    "DEFAULT_TEXTS",
    "FAVOUR_CUES",
    "FOUND_CUES",
    "GENERIC_GREETEES",
    "GREETING_WORDS",
    "HONORIFICS",
    "LINK_TLDS",
    "MET_CUES",
    "NICKNAMES",
    "NOT_NAMES",
    "PITCH_CUES",
    "PLACEHOLDER_PATTERNS",
    "SHARED_INTEREST_CUES",
    "SIGN_OFFS",
    "STOCK_PHRASES",
    "WHY_CUES",
]

# domain.md section 5, verbatim apart from straight quotes. <name> and <group> are slots.
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

# domain.md section 5 names the first two; the rest are the same filler in other words.
STOCK_PHRASES = (
    "trying to build my network",
    "build/building/grow/growing/expand/expanding/extend/extending my * network",
    "learn from your experience",
    "learn from your expertise",
    "like-minded professionals",
    "like minded professionals",
    "connect with professionals",
    "connect with other professionals",
    "please accept my invitation",
    "accept my invite",
    "your profile is impressive",
    "impressive profile",
    "great profile",
    "add you to my network",
)

GREETING_WORDS = (
    "hi", "hello", "hey", "heya", "hiya", "hii", "dear", "greetings", "howdy", "good morning",
    "good afternoon", "good evening", "good day", "hola", "hallo", "bonjour", "ciao", "yo",
)

# Words after a greeting word that address nobody in particular ("Hi there").
GENERIC_GREETEES = (
    "there", "all", "everyone", "everybody", "team", "folks", "friend", "friends", "sir",
    "madam", "mate", "guys", "man", "again", "you", "colleague", "connection",
)

# Capitalised words that end a greeting's name rather than belong to it ("Hi Dana I saw ...").
NOT_NAMES = (
    "i", "i'm", "im", "i've", "i'd", "i'll", "my", "we", "we're", "it", "it's", "its", "this",
    "hope", "hoping", "thanks", "thank", "just", "saw", "loved", "love", "great", "good",
    "nice", "quick", "so", "long", "congrats", "congratulations", "how", "are", "is", "your",
    "you", "you're", "fellow", "as", "and", "the", "a", "an", "from", "our", "let's", "lets",
    "happy", "welcome", "please", "sorry", "reaching", "following", "read", "would",
)

# Short forms that are not spelled inside the full name (domain.md section 7 warns about wrong
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

HONORIFICS = ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam")

# Letters people paste from the name field after the name (domain.md section 7).
CREDENTIALS = (
    "lion", "l.i.o.n", "mba", "phd", "ph.d", "md", "jd", "cpa", "cfa", "pmp", "esq", "cissp",
    "cisa", "cism", "shrm-cp", "shrm-scp", "phr", "sphr", "pe", "rn", "msc", "bsc", "ma", "ba",
    "mfa", "llm", "acca", "frsa", "cpcc", "pcc", "acc", "csm", "cspo", "itil", "ccie", "dba",
    "edd", "ed.d", "mph", "mpa", "fca", "aca", "cima", "frm", "caia", "crisc", "pmi-acp",
)

# domain.md section 7, one regex per syntax (all bounded, so linear-time). Each starts with its
# literal opening character (the "_FN_" look-behind comes after the "_" it checks, the "(?i:"
# after the bracket): the joined regex then skips straight to those characters instead of trying
# every pattern at every position, about five times faster on a typical note.
PLACEHOLDER_PATTERNS = (
    r"\{\{?[^{}\n]{0,40}\}\}?",
    r"\(\([^()\n]{1,40}\)\)",
    r"#[A-Za-z_][A-Za-z0-9_]{0,30}#",
    r"_(?<![A-Za-z0-9_]_)[A-Z]{2,5}_(?![A-Za-z0-9_])",
    r"%[A-Za-z_]{2,30}%",
    r"\[(?i:[a-z ]{0,20}(?:name|company|title|position|role|industry|event|topic|city"
    r"|school|insert|first|last|job|location|group|field|skill)[a-z _]{0,20}\])",
    r"<(?i:[a-z ]{0,20}(?:name|company|title|position|role|event|topic|insert|first|last)"
    r"[a-z _]{0,20}>)",
)

# Cues that the note reminds a known person how the two met (domain.md sections 1 and 6).
MET_CUES = (
    "we met", "we've met", "met you", "meeting you", "met at",
    "great/good/nice/lovely/pleasure meeting/seeing/chatting/talking",
    "great/good/nice/lovely to meet/see/chat/catch",
    "great/good/nice/lovely to * meet/see/chat/catch", "in person", "as discussed",
    "team days", "days at", "days together", "those days", "good times", "remember our/when",
    "since we", "when we", "miss our/the",
    "was a pleasure", "catch up", "caught up", "catching up",
    "we worked", "worked with you", "working with you", "worked alongside", "working alongside",
    "worked together", "work together", "we overlapped", "overlapped at", "we were colleagues",
    "same class/team/course/cohort/program/programme/project/department/floor/lab/office/school",
    "same * class/team/course/cohort/program/programme/project/department/lab/office",
    "lab mates", "labmates", "classmate*", "class of", "we studied", "studied together",
    "our time at", "back at", "back when", "back in the day", "all these years",
    "thanks/thank for the call/meeting/chat/demo/intro/introduction/conversation/talk",
    "thanks again", "thank you again", "our call/meeting/chat/conversation/talk/project",
    "we spoke", "we talked", "we discussed", "we chatted", "talked about", "spoke about",
    "it's me from", "it's * from", "sat next to", "we were both at", "we were both in",
    "remember the/me", "doing business", "did business", "as promised", "we discussed",
    "same group", "same groups", "fellow member*", "both members", "both in the",
    "we're both in", "we are both in", "both part of",
)

# Cues that the note says where a stranger was found (domain.md sections 1 and 6).
FOUND_CUES = (
    "your/ur * post/posts/article/articles/talk/talks/paper/papers/thread/comment/comments"
    "/webinar/podcast/episode/keynote/presentation/newsletter/blog/book/video/answer/reel"
    "/portfolio/research/announcement/seminar/lecture/course/session/panel/workshop/question"
    "/tweet/story/study/preprint/piece/essay/repo/interview/update/feature/write-up/writeup",
    "your/ur * work/project/projects/campaign/designs/paper/papers",
    "post/article/talk/paper/episode/interview/thread/video/keynote/lecture/webinar on/about",
    "blog post", "i saw/read/watched/heard/listened", "read/heard/learned about",
    "i found your", "noticed you're", "came up when", "i searched", "gave/passed me your name",
    "both commented", "your/ur work on", "you posted", "you wrote", "you shared", "you spoke",
    "you presented",
    "the announcement", "in my feed", "on my feed", "my timeline",
    "came across you in/at/on/through/via", "found you in/on/through/via/at",
    "across your profile while/via/through/in/on/when",
    "mutual connection*", "mutual friend*", "mutual contact*", "shared connection*",
    "suggested i", "suggested that i", "recommended you", "recommended your",
    "mentioned you", "mentioned your", "referred me", "introduced me", "pointed me",
    "speak* highly", "spoke highly", "searching for", "in my search", "came up in",
    "you're at", "you are at", "noticed you're at", "keep seeing your",
    "in the * group", "we're both", "we are both", "both members", "fellow member*",
)

WHY_CUES = (
    "because", "since i/i'm/we/we're", "as i'm/i/we're", "as i am", "as we're working",
    "i'm/i/we're/we working on/building/starting/researching/writing/hiring/exploring"
    "/evaluating/launching/planning/preparing/organizing/organising/moving/rolling/studying",
    "i am/am now working/building/starting/researching/writing/hiring/exploring",
    "i'm/i/we're now working/building/starting/at/in",
    "working on", "looking for", "looking to", "hoping to", "moving into",
    "i work on/in/with", "i run/host/organize/organise/lead/manage/head/teach/coach",
    r"re:(?:i'?m|i am|we'?re|we are)\s+(?:now\s+|currently\s+|also\s+|just\s+)?"
    r"(?!reaching|trying|expanding|growing|extending|hoping|looking\s+forward)"
    r"[a-z]{2,20}ing\b(?!\s+(?:my|our)\s+(?:professional\s+)?network)",
    "to hear", "would love to hear", "regarding", "interested in", "applying for/to",
    "moved into", "just moved", "thought it'd/it would be good/great/useful",
    "invite you to speak/present/join/our/the", "invite you as", "as a speaker", "perfect for",
    "role that", "matches your", "i'm/i am new to", "feature/include/interview you/your",
    "for my/our project/team/startup/company/newsletter/event/meetup/class/course",
    "learn how", "learn more about your", "learn from how", "hear how",
    "compare notes", "swap notes/tips/ideas/stories", "exchange notes/ideas/tips",
    "keep/stay in touch", "staying in touch", "stay connected", "stay in contact",
    "keep the conversation", "continue the conversation", "so we can", "so i can", "so that",
    "as discussed",
    "connecting to", "in order to", "for my thesis/research/article/book/podcast/study",
    "reaching out because", "as promised", "line up", "next steps", "interested in your",
    "the person to talk to", "hiring", "opportunity", "stood out", "resonated", "hit home",
    "peers in", "keep seeing your", "i'd love your take", "your perspective on",
)

BENEFIT_CUES = (
    "happy/glad/delighted/keen to share/help/send/introduce/return/cheer/offer/give/pass"
    "/walk/show/make/review",
    "happy/glad to connect you",
    "be happy/glad to", "am happy to", "i'm happy to", "i can help/share/introduce",
    "can share", "could share", "i'll share", "i'll send", "i will send", "send you",
    "if useful", "if it's useful", "if it helps", "if that helps", "in case it's useful",
    "in case it helps", "if you're ever curious", "if you ever need",
    "might/could/would be useful/helpful/valuable/of interest",
    "useful to/for you/your", "you'd enjoy", "you might enjoy", "might interest you",
    "return the favour/favor", "make an intro", "make introductions", "on me",
    "free trial/course/guide/ebook/audit/consultation/template/templates/resource*",
    "save/cut/reduce * cost/costs/time/hours", "is/are hiring", "opportunity", "opportunities",
    "side project", "compare notes", "swap notes/tips/ideas", "exchange notes/ideas/tips",
    "trade/share notes/ideas/tips", "if you need", "invite you to speak/present/join",
    "invite you as", "as a speaker", "perfect for",
    "exposure", "get a lot out of", "matches your", "role for you", "fellow * here",
    "feature/include/interview you/your", "share the/our/my",
    "help/helps * reduce/save/cut/grow/win/improve",
    "save/saves/saved/recovered/cut/cuts * hours/time/money/costs/cost/for",
    "automate/automates * for", "help * leaders/teams/companies/founders save/grow/cut/win",
)

# Common ground (domain.md section 6) counts both as a reason and as something in it for them.
SHARED_INTEREST_CUES = (
    "similar work/tooling/tools/pipeline/project/projects/problem/problems/challenge"
    "/challenges/topic/system/systems/setup/stack/research/space",
    "doing similar", "same problem/problems/issue/issues/topic/challenge/challenges/space/field",
    "both working on", "also working on", "also work on", "also in", "i'm also", "i am also",
    "others working on", "people working on", "others in the",
    # "I'm a PM at a health startup too".
    r"re:i(?:'?m| am| do| work| build| run)\b[^.!?\n]{0,60}\btoo\b",
)

PITCH_CUES = (
    "our platform/product/solution/solutions/software/tool/service/services/agency/app",
    "we help * companies/businesses/teams/brands/founders/shippers/startups/clients/leaders",
    "we help you", "free trial", "book a demo", "book a call", "book here", "a demo",
    "quick call", "quick chat", "schedule a call/meeting/demo", "hop/jump on a call",
    "a quote", "i sell", "we sell", "pricing", "discount*", "special offer",
    "increase/boost/grow your revenue/sales/business/pipeline/leads", "more leads",
    "generate leads", "check out my", "my course", "sign up", "limited time",
    "15/20/30 min", "min/minute call/chat/demo", "quick demo", "worth a chat/call",
    "we've/we built", "tool/platform/software/app that", "time for a * call/chat/demo",
)

FAVOUR_CUES = (
    "refer me", "could/can/would you refer", "referral", "introduce me", "intro to",
    "put in a good word", "endorse me", "recommend me", "write me a recommendation",
    "share my", "like my post", "take a look at my", "my survey", "review my", "my cv",
    "my resume", "any openings", "open positions", "job openings",
    "open to a * chat/call", "would you be open to", "could/can you help me", "would you mind",
    "do me a favour/favor", "quick favour/favor", "pick your brain", "minutes of your time",
    "could/can/would you please", "please share", "could/can you share/pass/forward/send me",
    "a few minutes", "5/10/15/20/30 minutes", "10-minute/15-minute/20-minute/30-minute",
    "could/can we talk/chat/meet/hop",
)

# Hosts of scheduling links: a calendar link in a first message is a pitch (domain.md 6).
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
