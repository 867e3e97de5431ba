"""Word families: the words that carry each part of a note, grouped by what they do.

Members are written in their base form (the lemma): :mod:`~invitecore_personalization.text`
reads ``met``, ``meeting`` and ``meets`` as ``meet``, ``posts`` as ``post``, so a family lists
``meet`` and ``post`` once. A member may be several words ("come across"). Which family a
word belongs to, and why, is described in ``docs/language.md`` (the section numbers below).

Users add members with the ``extend-families`` setting (``{"content" = ["zine"]}``).
"""

from __future__ import annotations

__all__ = ["COMMON_WORDS", "FAMILIES", "IRREGULAR", "LANGUAGE_WORDS"]

FAMILIES: dict[str, tuple[str, ...]] = {
    # -- who ---------------------------------------------------------------------------------
    "your": ("your", "youre", "yours"),
    "i": ("i", "im", "ive", "id", "ill", "we", "were", "weve", "wed", "well"),
    "we": ("we", "were", "weve", "wed", "us", "both of us", "you and i", "you and me"),
    "neg": (
        "not", "never", "no", "dont", "didnt", "havent", "hasnt", "hadnt", "isnt", "arent",
        "wasnt", "werent", "cant", "cannot", "wont", "wouldnt", "couldnt", "shouldnt", "doesnt",
        "aint", "neither", "nor", "nobody", "nobodys", "noone", "none",
    ),
    # A future or an "if": what follows has not happened (language.md section 11.2).
    "unreal": (
        "if", "whenever", "someday", "one day", "hope to", "hoping to", "would love to",
        "would like to", "love to", "like to", "want to", "lets", "let us", "could", "might",
        "maybe", "should", "will", "shall", "ever", "in the future", "down the line",
        "someday", "soon", "wanna", "to",
    ),
    # -- how I found you (section 3) ---------------------------------------------------------
    # What they published or said, or took part in.
    "content": (
        "post", "article", "write-up", "writeup", "blog", "blog post", "thread", "comment",
        "answer", "reply", "question", "talk", "keynote", "presentation", "session", "panel",
        "workshop", "webinar", "webniar", "seminar", "lecture", "podcast", "episode", "interview",
        "newsletter", "book", "paper", "study", "research", "report", "investigation",
        "video", "tiktok", "reel", "tweet", "story", "piece", "essay", "column", "op-ed",
        "repo", "repository", "portfolio", "disclosure", "listing", "slides", "deck",
        "framework", "case study", "guide", "course", "thesis", "announcement", "analysis",
        "insight", "content", "writing", "design", "campaign", "demo", "poster", "pr",
        "contribution", "project", "app", "site", "website", "channel", "stream", "speech",
        "photo", "launch", "answers", "comments", "page", "poll", "explainer",
        "notebook",
    ),
    # Verbs of coming across what they published.
    "see": (
        "see", "read", "watch", "hear", "listen", "attend", "catch", "enjoy", "love", "like",
        "come across", "stumble", "find", "spot", "notice", "follow", "discover", "devour",
        "finish", "stumble upon", "came upon", "check out", "go through", "saw",
    ),
    "speak": (
        "speak", "present", "talk", "host", "moderate", "demo", "keynote", "write", "post",
        "publish", "share", "mention", "discuss", "describe", "say", "explain", "argue",
        "comment", "answer", "reply", "ask", "lead", "run", "appear",
    ),
    # Events and places people meet (section 2).
    # An event by itself ("at the Porto meetup") ...
    "event": (
        "conference", "meetup", "summit", "expo", "congress", "forum", "convention", "fair",
        "trade show", "booth", "stand", "webinar", "workshop", "seminar", "panel", "keynote",
        "dinner", "party", "wedding", "bbq", "barbecue", "mixer", "roundtable", "hackathon",
        "festival", "gala", "awards", "retreat", "bootcamp", "open day", "user group",
        "networking event", "q&a", "ceremony", "offsite", "reunion", "tournament", "lecture",
        "masterclass", "symposium", "colloquium", "meet-up", "customer day", "supplier day",
        "event", "session", "talk", "breakfast", "luncheon", "quiz", "pub quiz", "trivia",
        "book club", "pop-up", "popup", "briefing", "stall",
    ),
    # ... and words that are an event only after its name ("ProductDays", "Quality Week").
    "event_name": (
        "day", "days", "week", "night", "nights", "fest", "con", "camp", "live", "show",
        "game", "match", "class", "course", "launch", "meeting", "drinks", "lunch",
    ),
    "meet": ("meet", "chat", "talk", "speak", "catch up", "bump into", "run into"),
    # A mutual contact (section 4).
    "mutual": (
        "mutual", "shared", "common", "mutual connection", "mutual friend", "mutual contact",
    ),
    "contact": ("connection", "contact", "friend", "colleague", "acquaintance", "network"),
    # Family, who pass a name on ("my sister-in-law Ola said ...", "I'm Ana's cousin").
    "kin": (
        "mum", "mom", "dad", "mother", "father", "brother", "sister", "cousin", "aunt",
        "uncle", "niece", "nephew", "son", "daughter", "wife", "husband", "partner",
        "brother-in-law", "sister-in-law", "in-law",
    ),
    "refer": (
        "suggest", "recommend", "mention", "tell", "say", "pass", "give", "refer", "point",
        "introduce", "send", "forward", "rave", "speak highly", "share",
    ),
    # Looking for a kind of person (section 3).
    "search": (
        "search", "research", "look", "explore", "browse", "hunt", "scout", "scan", "dig",
    ),
    "list": (
        "list", "directory", "database", "roster", "register", "speaker list", "lineup",
        "line-up", "agenda", "programme", "program", "search",
    ),
    "network": ("linkedin", "here", "this platform", "this site", "the platform", "li"),
    "other_network": (
        "twitter", "x", "github", "tiktok", "instagram", "youtube", "medium", "substack",
        "facebook", "reddit", "mastodon", "bluesky", "discord", "slack", "whatsapp",
        "stack overflow", "stackoverflow", "kaggle", "dribbble", "behance", "spotify",
    ),
    # What the other person did to the sender (reversed direction, section 3).
    "reverse": (
        "view", "visit", "check out", "look at", "subscribe", "sign up", "like", "follow",
        "comment on", "share", "mention", "download", "register", "join", "star", "fork",
    ),
    # Shared school, employer, group (section 4).
    "alum": ("alum", "alumnus", "alumna", "alumni", "alumnae", "graduate", "grad"),
    "member": ("member", "members", "membership"),
    "group": (
        "group", "community", "network", "circle", "collective", "association", "society",
        "guild", "club", "forum", "chapter", "slack", "discord", "council", "board",
    ),
    # Shared history between people who know each other (section 2 and labelling.md).
    "together_verb": (
        "work", "collaborate", "partner", "team up", "teach", "study", "sit", "train",
        "volunteer", "intern", "serve", "play", "build", "run", "share", "do", "supply",
        "help", "lead", "manage", "report", "organise", "organize", "cover", "launch", "ship",
        "sell", "buy", "deliver", "install", "fix", "renew", "book", "hire", "handle", "meet",
        "overlap", "do business", "doing business", "did business", "invoice",
    ),
    "together": (
        "together", "with you", "alongside", "alongside you", "next to you", "behind you",
        "beside you", "with me", "for you", "for us", "under you", "under your", "with your team",
        "on your",
        "each other",
    ),
    "context": (
        "team", "crew", "squad", "office", "store", "shop", "branch", "floor", "lab", "site",
        "plant", "station", "shift", "rota", "desk", "department", "unit", "class", "course",
        "seminar", "module", "lecture", "bootcamp", "school", "college", "uni", "university",
        "academy", "institute", "program", "programme", "cohort", "section", "midterm", "exam",
        "diploma", "degree", "mba", "phd", "internship", "project", "release", "launch",
        "merger", "integration", "migration", "rewrite", "revamp", "audit", "deal", "contract",
        "renewal", "pilot", "order", "tender", "proposal", "acquisition", "matter", "case",
        "charter", "booking", "invoice", "account", "line", "reunion", "party", "wedding",
        "bbq", "dinner", "drinks", "gym", "club", "choir", "league", "band", "crunch",
        "meeting", "call", "chat", "conversation", "demo", "visit", "trip", "conference",
        "meetup", "expo", "summit", "event", "workshop", "panel", "booth", "stand", "days",
        "practice", "clinic", "hospital", "firm", "startup",
        "company", "job", "role", "startup", "agency", "studio", "newsroom", "campus",
        "rollout", "onboarding", "implementation", "upgrade", "redesign", "engagement",
        "shipment", "campaign", "renovation", "hackathon",
        # rituals of a team and pastimes shared with friends
        "standup", "stand-up", "retro", "sprint", "quiz", "football", "soccer", "basketball",
        "climbing", "book club", "childhood", "purchase", "netball", "rugby",
        "cricket", "hockey", "tennis", "volleyball", "five-a-side", "swimming", "running club",
        "study group", "ward", "collaboration",
    ),
    # Saying who one is to someone who should know ("it's Sam from ...").
    # Who the sender was to them, as they name themselves ("lab partner here", "Jess's dad
    # here from swimming lessons", "your old on-call buddy"): section 2.
    "peer": (
        "partner", "buddy", "mate", "pal", "dad", "mum", "mom", "parent", "neighbour",
        "neighbor", "roommate", "flatmate", "housemate", "teammate", "classmate", "colleague",
        "coworker", "co-worker", "deskmate", "labmate", "bandmate", "crewmate", "intern",
        "alum", "alumnus", "alumna", "student", "mentee",
    ),
    "self": ("its me", "it is me", "its", "it is", "me", "this is", "remember me"),
    "thanks": ("thanks", "thank you", "many thanks", "merci", "gracias", "danke", "obrigado"),
    "recall": (
        "remember", "since", "back at", "back in", "back when", "our time", "those days",
        "as promised", "as discussed", "as per", "following", "follow up", "following up",
        "like i said", "as i said", "per our",
    ),
    "leave": ("leave", "move on from", "move from", "left"),
    # -- why (section 5) ---------------------------------------------------------------------
    "aim": (
        "learn", "hear", "discuss", "talk", "chat", "ask", "understand", "know", "dig",
        "explore", "compare", "pick your brain", "find out", "figure out", "interview",
        "feature", "quote", "collaborate", "collab", "partner", "co-author", "review",
        "keep up", "keep up with", "brainstorm", "exchange", "swap", "get your", "show",
        "follow up", "follow-up",
    ),
    "topic_link": (
        "about", "on", "how", "what", "why", "whether", "if", "regarding", "around", "re",
        "in", "your", "the", "where", "which", "when",
    ),
    "doing": (
        "build", "work on", "research", "write", "design", "scope", "roll out", "move",
        "plan", "try", "apply", "raise", "organise", "organize", "launch", "evaluate",
        "put together", "lead", "hire", "renovate", "relocate", "switch", "transition",
        "start", "prepare", "migrate", "study", "learn", "develop", "run", "set up",
        "setup", "fund", "look for", "seek", "search for", "recruit", "explore", "create",
        "finish", "test", "pilot", "scale", "fight", "struggle", "hit", "tackle", "solve",
        "stick", "make", "produce", "coordinate", "teach", "open", "expand into", "import",
        "export", "buy", "need", "rebuild", "redesign", "restructure", "implement",
        "automate", "translate", "localize", "localise", "fix", "debug", "compile",
        "rework", "rethink", "revamp", "overhaul",
    ),
    "job": (
        "job", "role", "position", "opening", "opportunity", "internship", "placement",
        "vacancy", "req", "requisition", "contract", "gig",
    ),
    "seek": (
        "look for", "seek", "apply", "explore", "search for", "hunt", "interested in",
        "pursue", "move into", "break into", "transition into", "switch into", "get into",
        "open to",
    ),
    "hire": ("hire", "recruit", "look for", "staff", "seek", "need", "search for"),
    # Asks that only ask to connect (section 11.12): not a reason.
    "connect_ask": (
        "connect", "link", "link up", "network", "add", "accept", "join", "be connected",
        "stay connected", "keep in touch", "stay in touch", "touch base", "reconnect",
        "follow", "catch up", "get to know", "say hi", "know each other",
    ),
    # -- benefit (section 6) -----------------------------------------------------------------
    "offer_mood": (
        "happy", "glad", "delighted", "keen", "willing", "able", "ready", "pleased", "free",
        "more than happy", "always happy", "gladly", "eager", "thrilled", "honoured", "honored",
    ),
    "offer_verb": (
        "share", "help", "send", "introduce", "intro", "return", "review", "give", "pass",
        "credit", "put you in touch", "connect you", "be a reference", "lend", "cover", "buy",
        "host", "feature", "offer", "loop you in", "include", "show you", "walk you through",
        "forward", "recommend", "refer", "mentor", "support", "provide", "hook you up",
        "get you", "treat", "pay", "donate", "vouch", "talk", "contribute", "tell",
        "upstream", "report back", "bring",
    ),
    "resource": (
        "guide", "checklist", "template", "report", "runbook", "notes", "slides", "deck",
        "dataset", "data", "list", "sheet", "spreadsheet", "macro", "script", "code", "tool",
        "config", "matrix", "kit", "harness", "sample", "samples", "copy", "pdf", "draft",
        "chapter", "article", "ebook", "course", "licence", "license", "ticket", "trial",
        "audit", "consultation", "credit", "resource", "link", "recording", "number",
        "contact", "intro", "introduction", "referral", "lead", "leads", "feedback",
        "documents", "doc", "docs", "unit", "units", "result", "results", "learnings", "spec",
        "brief",
    ),
    "gift": (
        "free", "no charge", "no strings", "on me", "on the house", "complimentary", "gratis",
        "in return", "in exchange", "return the favour", "return the favor", "owe you",
        "paid", "pay", "covered", "credit you", "named credit",
    ),
    "mutual_gain": (
        "each other", "one another", "both of us", "us both", "both our", "mutual",
        "mutually", "win-win", "win for both", "for both", "together",
    ),
    "exchange": ("swap", "exchange", "trade", "share", "compare"),
    "exchange_object": (
        "note", "tip", "idea", "insight", "story", "experience", "learnings", "lesson",
        "war story", "playbook", "practice", "thought", "resource", "perspective", "what",
        "view", "approach", "template", "spec", "data", "number", "document", "contact",
        "plan", "sample", "measurement", "sketch",
    ),
    # Work or business for them ("send you leads", "recommend you to ...").
    "business": (
        "client", "clients", "customer", "customers", "lead", "leads", "work", "business",
        "referral", "referrals", "job", "jobs", "order", "orders", "booking", "bookings",
    ),
    "offer_to_them": (
        "opening", "role", "position", "opportunity", "job", "gig", "customer", "client",
        "lead", "referral", "speaking slot", "slot", "seat", "grant", "funding", "budget",
        "stage", "spot", "discount", "licence", "license", "ticket", "pass",
    ),
    # -- generic (section 7) -----------------------------------------------------------------
    "profile": (
        "profile", "background", "experience", "expertise", "career", "journey",
        "accomplishment", "achievement", "skill", "credential", "resume", "bio", "page",
        "leadership", "work", "field", "industry", "role", "company", "organisation",
        "organization", "business", "firm", "position", "title", "space", "sector",
        "area", "domain",
    ),
    "field": (
        "industry", "field", "space", "sector", "area", "domain", "market", "world",
        "community", "niche", "line of work", "profession",
    ),
    "people": (
        "professional", "people", "person", "leader", "peer", "expert", "folk", "individual",
        "mind", "minds", "executive", "founder", "practitioner", "colleague", "member",
        "creative", "specialist", "entrepreneur", "owner", "manager", "engineer", "marketer",
        "recruiter", "educator", "teacher", "director", "other",
    ),
    # Whom a pitch serves ("we help plumbing contractors win more jobs").
    "client": (
        "contractor", "contractors", "client", "clients", "customer", "customers", "store",
        "stores", "shop", "shops", "clinic", "clinics", "practice", "practices", "startup",
        "startups", "school", "schools", "agent", "agents", "broker", "brokers",
    ),
    "grow": ("build", "grow", "expand", "extend", "widen", "broaden", "increase", "ampliare"),
}

# Forms the regular endings cannot reach, and chat spellings (text.Lexicon).
IRREGULAR: dict[str, str] = {
    "met": "meet", "saw": "see", "seen": "see", "heard": "hear", "spoke": "speak",
    "spoken": "speak", "found": "find", "came": "come", "wrote": "write", "written": "write",
    "gave": "give", "given": "give", "told": "tell", "taught": "teach", "sat": "sit",
    "caught": "catch", "thought": "think", "brought": "bring", "led": "lead", "ran": "run",
    "won": "win", "began": "begin", "begun": "begin", "went": "go", "gone": "go", "got": "get",
    "gotten": "get", "made": "make", "built": "build", "sent": "send", "felt": "feel",
    "kept": "keep", "left": "leave", "lost": "lose", "paid": "pay", "said": "say",
    "sold": "sell", "bought": "buy", "took": "take", "taken": "take", "knew": "know",
    "known": "know", "did": "do", "does": "do", "done": "do", "was": "be", "is": "be",
    "are": "be", "am": "be", "been": "be", "being": "be", "has": "have", "had": "have",
    "having": "have", "held": "hold", "ate": "eat", "drove": "drive", "flew": "fly",
    "grew": "grow", "grown": "grow", "fought": "fight", "stuck": "stick",
    "studied": "study", "studies": "study", "ur": "your", "yr": "your",
    "u": "you", "ya": "you", "pls": "please", "plz": "please", "thx": "thanks", "ty": "thanks",
    "coz": "because", "cuz": "because", "bc": "because", "cos": "because", "wanna": "want",
    "gonna": "go", "4": "for", "abt": "about", "w": "with", "convo": "conversation",
    "alums": "alum", "webinars": "webinar", "allum": "alum", "alumn": "alum",
    # misspellings of cue words that are more than one slip away
    "artical": "article", "conferance": "conference", "webinair": "webinar",
    "recomended": "recommend", "reccomended": "recommend", "recommanded": "recommend",
    "pannel": "panel", "togther": "together", "togehter": "together", "reconect": "reconnect",
    "migraton": "migration", "converstion": "conversation",
}

# Cue words of notes written in other languages (docs/language.md section 14), read as the
# English word that does the same job, so that the rules written in English read them:
# "ich habe Ihren Vortrag ... gehört" is "your talk ... heard", "vi sua palestra" "see your
# talk". Only words that are no English word, so English notes read as before: no articles
# ("die", "de"), no "tu", "je", "no", "mit", "stage" or "salon". A few short function words
# are here all the same ("en", "au", "bei", "te", "si", "se"): they are rarely a name, and
# the rules need them ("te vi en el congreso" is "you see in the congress").
OTHER_LANGUAGES: dict[str, str] = {
    # who: you, your, I, we, our
    "te": "you", "tus": "your", "você": "you", "vous": "you", "usted": "you", "dich": "you",
    "ihr": "your",
    "ihren": "your", "ihre": "your", "ihrem": "your", "ihres": "your", "dein": "your",
    "deine": "your", "deinen": "your", "deinem": "your", "sua": "your", "seu": "your",
    "suas": "your", "seus": "your", "votre": "your", "vos": "your", "tuo": "your", "tua": "your",
    "vostro": "your", "vostra": "your", "jouw": "your", "ich": "i", "ik": "i", "wir": "we",
    "nous": "we", "nosotros": "we", "noi": "we", "wij": "we", "nós": "we", "unser": "our",
    "unsere": "our", "unseren": "our", "unserem": "our", "nuestro": "our", "nuestra": "our",
    "nuestros": "our", "nosso": "our", "nossa": "our", "nossos": "our", "notre": "our",
    "nostro": "our", "nostra": "our", "onze": "our", "comigo": "me", "conmigo": "me",
    # people: a friend, a colleague, a mate from a course; a mutual contact
    "amigo": "friend", "amiga": "friend", "amico": "friend", "amica": "friend", "freund": "friend",
    "freundin": "friend", "vriend": "friend", "collega": "colleague", "colega": "colleague",
    "kollege": "colleague", "kollegin": "colleague", "collègue": "colleague", "compagna": "mate",
    "compagno": "mate", "compañero": "mate", "compañera": "mate", "gemeinsamen": "mutual",
    "gemeinsame": "mutual", "común": "mutual", "comum": "mutual", "commun": "mutual",
    "comune": "mutual", "kontakt": "contact", "contacto": "contact", "contato": "contact",
    "contatto": "contact",
    # what they published or said
    "vortrag": "talk", "palestra": "talk", "charla": "talk", "ponencia": "talk",
    "conferencia": "talk", "conférence": "talk", "conferência": "talk", "intervento": "talk",
    "beitrag": "post", "publicación": "post", "publicação": "post", "publicacion": "post",
    "publicacao": "post", "artikel": "article", "artigo": "article", "artículo": "article",
    "articolo": "article", "blogartikel": "article", "buch": "book", "libro": "book",
    "livro": "book", "livre": "book", "publicaste": "publish", "publicou": "publish",
    "publié": "publish", "veröffentlicht": "publish", "progetto": "project", "proyecto": "project",
    "projeto": "project", "projekt": "project", "projet": "project", "colaboración": "project",
    "colaboração": "project", "collaborazione": "project", "parceria": "project",
    "samenwerking": "project", "zusammenarbeit": "project", "vídeo": "video",
    "entrevista": "interview", "intervista": "interview", "portafolio": "portfolio",
    "portfólio": "portfolio", "comentario": "comment", "comentário": "comment",
    "commentaire": "comment", "kommentar": "comment", "commento": "comment", "episodio": "episode",
    "episódio": "episode", "épisode": "episode",
    # seeing, reading, hearing, liking it; meeting; speaking
    "gesehen": "see", "visto": "see", "gezien": "see", "vimos": "see", "vedo": "see",
    "gelesen": "read", "letto": "read", "leí": "read", "gelezen": "read",
    "leído": "read", "gehört": "hear", "ascoltato": "hear", "escuché": "hear", "ouvi": "hear",
    "escuchado": "hear", "écouté": "hear", "gehoord": "hear", "geluisterd": "listen",
    "assisti": "watch", "aimé": "love", "adoré": "love", "encantó": "love", "gustó": "like",
    "gostei": "like", "piaciuto": "like", "kennengelernt": "meet", "getroffen": "meet",
    "conocimos": "meet", "conocí": "meet", "conhecemos": "meet", "conheci": "meet",
    "rencontré": "meet", "rencontrés": "meet", "rencontrée": "meet", "conosciuti": "meet",
    "conosciuto": "meet", "incontrato": "meet", "ontmoet": "meet", "conhecer": "meet",
    "conocer": "meet", "conocerte": "meet", "kennenlernen": "meet", "croisés": "meet",
    "croisé": "meet", "croisée": "meet", "connues": "meet", "connus": "meet", "connu": "meet",
    "encontré": "find", "trovato": "find", "hablando": "speak", "hablar": "speak",
    "falar": "speak", "parlare": "speak", "parler": "speak", "sprechen": "speak",
    "praten": "speak",
    # working, studying, remembering together; since; thanks for; at, in, on, about
    "zusammengearbeitet": "work", "trabajamos": "work", "trabalhamos": "work", "travaillé": "work",
    "lavorato": "work", "collaborato": "work", "samengewerkt": "work", "trabajar": "work",
    "trabalhar": "work", "travailler": "work", "travaille": "work", "lavorare": "work",
    "lavori": "work", "arbeiten": "work", "arbeite": "work", "werken": "work", "studiert": "study",
    "estudiamos": "study", "studiato": "study", "étudié": "study", "gestudeerd": "study",
    "zusammen": "together", "juntos": "together", "juntas": "together", "insieme": "together",
    "samen": "together", "contigo": "together", "erinnerst": "remember", "acuerdas": "remember",
    "lembra": "remember", "lembras": "remember", "souviens": "remember", "ricordi": "remember",
    "recuerdas": "remember", "desde": "since", "seit": "since", "depuis": "since",
    "obrigada": "thanks", "grazie": "thanks", "bedankt": "thanks", "por": "for", "pelo": "for",
    "pela": "for", "pelos": "for", "pelas": "for", "voor": "for", "für": "for", "para": "for",
    "beim": "at", "bei": "at", "au": "at", "aux": "at", "en": "in", "nel": "in", "nella": "in",
    "durante": "during", "sur": "on", "sul": "on", "sulla": "on", "sobre": "about",
    "über": "about", "besprochen": "discuss", "besproken": "discuss", "discutir": "discuss",
    "discuter": "discuss", "discutere": "discuss", "austauschen": "discuss",
    "austausch": "discuss",
    # events and shared context
    "messe": "fair", "feria": "fair", "fiera": "fair", "feira": "fair", "konferenz": "conference",
    "tagung": "conference", "kongress": "congress", "congreso": "congress",
    "congresso": "congress", "evento": "event", "événement": "event", "veranstaltung": "event",
    "gruppe": "group", "grupo": "group", "gruppo": "group", "groupe": "group",
    "casamento": "wedding", "boda": "wedding", "matrimonio": "wedding", "hochzeit": "wedding",
    "mariage": "wedding", "bruiloft": "wedding", "soirée": "party", "fiesta": "party",
    "festa": "party", "jantar": "dinner", "abendessen": "dinner", "grillen": "bbq",
    "webinario": "webinar", "equipe": "team", "equipo": "team", "équipe": "team",
    "squadra": "team", "curso": "course", "corso": "course", "kurs": "course", "clase": "class",
    "classe": "class", "klasse": "class", "máster": "degree", "mestrado": "degree",
    "maestría": "degree", "universidad": "university", "universidade": "university",
    "université": "university", "università": "university", "universität": "university",
    "hochschule": "university", "escuela": "school", "escola": "school", "école": "school",
    "scuola": "school", "schule": "school", "infancia": "childhood", "infância": "childhood",
    "kindheit": "childhood", "enfance": "childhood", "infanzia": "childhood", "compra": "purchase",
    "compras": "purchase", "achat": "purchase", "acquisto": "purchase", "kauf": "purchase",
    # reasons: the same topic, a question, a job search, learning
    "même": "same", "mismo": "same", "misma": "same", "mesmo": "same", "mesma": "same",
    "stesso": "same", "gleiche": "same", "zelfde": "same", "sujet": "topic", "tema": "topic",
    "thema": "topic", "ähnlichem": "similar", "ähnliches": "similar", "similaire": "similar",
    "simile": "similar", "preguntas": "question", "pregunta": "question", "perguntas": "question",
    "pergunta": "question", "fragen": "question", "frage": "question", "domande": "question",
    "domanda": "question", "vragen": "question", "vraag": "question", "suche": "seek",
    "sucht": "seek", "busco": "seek", "buscabas": "seek", "cherche": "seek", "cerco": "seek",
    "procuro": "seek", "zoek": "seek", "stelle": "job", "empleo": "job", "emprego": "job",
    "vaga": "opening", "puesto": "position", "vacature": "vacancy", "seguir": "follow",
    "trabajo": "work", "aprender": "learn",
    "apprendre": "learn", "imparare": "learn", "lernen": "learn", "leren": "learn",
    # offers: exchange ideas or experience, share, send, help, tell, gladly, in return, at
    # your disposal; if you need ..., count on me
    "échanger": "exchange", "trocar": "exchange", "intercambiar": "exchange",
    "scambiare": "exchange", "uitwisselen": "exchange", "ideias": "idea", "idées": "idea",
    "ideen": "idea", "experiencias": "experience", "experiências": "experience",
    "expérience": "experience", "expériences": "experience", "esperienze": "experience",
    "ervaringen": "experience", "erfahrungen": "experience", "compartir": "share",
    "compartilhar": "share", "condividere": "share", "partager": "share", "teilen": "share",
    "delen": "share", "deel": "share", "enviar": "send", "envoyer": "send", "inviare": "send",
    "schicken": "send", "sturen": "send", "mandar": "send", "ayudar": "help", "ajudar": "help",
    "aider": "help", "aiutare": "help", "helfen": "help", "helpen": "help", "erzähle": "tell",
    "erzählen": "tell", "gerne": "gladly", "gern": "gladly", "graag": "gladly",
    "volentieri": "gladly", "volontiers": "gladly", "retour": "return", "retorno": "return",
    "disposición": "disposal", "disposição": "disposal", "disposizione": "disposal",
    "verfügung": "disposal", "referencia": "reference", "referência": "reference",
    "referenza": "reference", "si": "if", "wenn": "if", "necesitas": "need",
    "necesites": "need", "necesite": "need", "necesita": "need", "precisar": "need",
    "precisa": "need", "precisas": "need", "brauchst": "need", "brauchen": "need",
    "besoin": "need", "nodig": "need", "conte": "count", "conta": "count", "cuenta": "count",
    # learning from each other ("voneinander lernen", "ayudarnos mutuamente")
    "voneinander": "mutually", "gegenseitig": "mutually", "mutuamente": "mutually",
    # Polish (section 17): the formal "your" (Pana, Pani), seeing, working together, talking
    # about, gladly helping or sending. Not "na" ("at", "in the"), a surname as well.
    # "pani" is also a title in defaults.HONORIFICS ("Pani Anno"): the greeting reads it as a
    # title before a name, the rules of the note body as the formal "your"
    "pana": "your", "pani": "your", "twój": "your", "twoje": "your", "twoją": "your",
    "widziałem": "see", "widziałam": "see", "czytałem": "read", "czytałam": "read",
    "słuchałem": "listen", "słuchałam": "listen", "wystąpienie": "talk", "prezentację": "talk",
    "artykuł": "article", "konferencji": "conference", "konferencja": "conference",
    "poznaliśmy": "meet", "poznałyśmy": "meet", "spotkaliśmy": "meet", "pracowaliśmy": "work",
    "pracowałyśmy": "work", "pracowałem": "work", "pracowałam": "work", "studiowaliśmy": "study",
    "razem": "together", "porozmawiać": "discuss", "porozmawiałbym": "discuss",
    "porozmawiałabym": "discuss", "zapytać": "ask", "chętnie": "gladly", "pomogę": "help",
    "pomóc": "help", "wyślę": "send", "wysłać": "send", "podzielić": "share", "mogę": "can",
    # Swedish: looking for a job, gladly, help, share, send, experience, met, saw, read. Not
    # "din", "dina" ("your"): names as well
    "söker": "seek", "jobb": "job", "som": "as", "tjänst": "position", "gärna": "gladly",
    "hjälpa": "help", "skicka": "send", "erfarenheter": "experience",
    "utbyta": "exchange", "träffades": "meet", "träffade": "meet", "såg": "see", "läste": "read",
    "ditt": "your",
    # more Portuguese, Spanish, Italian, French, Dutch and German forms of the same jobs
    "estudaste": "study", "estudei": "study", "estudou": "study", "estudié": "study",
    "também": "also", "como": "how", "trocarmos": "exchange",
    "pasó": "pass", "passou": "pass", "charlando": "chat", "charlar": "chat", "suo": "your",
    "aggiornata": "updated", "aggiornato": "updated", "restare": "stay", "rimanere": "stay",
    "confrontarmi": "compare", "confrontarci": "compare", "parlé": "tell", "hoorde": "hear",
    "hörte": "hear", "vermisse": "miss", "bleiben": "stay", "tenho": "have", "tengo": "have",
    # section 18: talking at an event, attending a webinar, a podcast's episode (French,
    # Swedish), and Turkish: listening to a talk, reading an article, working together, meeting
    "échangé": "talk", "suivi": "attend", "webinaire": "webinar", "lyssnade": "listen",
    "avsnitt": "episode", "avsnittet": "episode", "podden": "podcast", "chez": "at",
    "dinledim": "hear", "izledim": "watch", "okudum": "read", "konuşmanızı": "talk",
    "sunumu": "talk", "sunumunuzu": "talk", "sunumunu": "talk",
    "makalenizi": "article", "makaleni": "article", "çalıştığımız": "work",
    "çalıştık": "work", "birlikte": "together", "tanıştık": "meet", "tanıştığımız": "meet",
    # Polish: sitting together (in a class)
    "siedzieliśmy": "sit", "siedziałyśmy": "sit",
}
IRREGULAR.update(OTHER_LANGUAGES)

# Words of other languages that are English words or names as well ("se", "vi", "lido",
# "saber", "jag", "dela"): read as the English word only in a sentence that holds a word of
# OTHER_LANGUAGES too ("te vi en el congreso", "adorava saber como está"), so that "Vi" and
# "Dela" stay names and an English "se" or "lido" stays what it is.
OTHER_LANGUAGES_IN_CONTEXT: dict[str, str] = {
    "se": "if", "vi": "see", "lido": "read", "saber": "know", "jag": "i", "dela": "share",
}

# Words that are never a name when capitalised: function words, greetings, months and days,
# and everyday words that open sentences ("Loved your talk", "Quick question").
COMMON_WORDS: tuple[str, ...] = tuple(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself
    yourselves hi hello hey dear greetings hola hallo bonjour ciao salve ola olá yo howdy hiya
    good morning afternoon evening day thanks thank cheers best regards sincerely warm kind
    regards love loved great nice quick quickly congrats congratulations hope hoping glad happy
    sorry please let lets would love like liked really saw read noticed found came came across
    just still finally also so anyway btw ps p.s ok okay yes yeah wow haha lol omg
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday today tomorrow yesterday tonight weekend week month year spring summer
    autumn fall winter christmas easter
    linkedin internet email e-mail mr mrs ms miss dr prof professor sir madam team everyone
    all folks there friend friends mate buddy amigo
    """.split()  # noqa: SIM905
)

# The commonest words of each language the plugin has cue words for (articles, pronouns,
# prepositions, conjunctions, auxiliaries): with the cue words and COMMON_WORDS they tell a
# note the plugin can read from one in a language it has no words for (language.py, section
# 19 of docs/language.md). Never used to read a note, only to count what it holds; so a word
# here may be an English word or a name too ("de", "die", "van").
LANGUAGE_WORDS: dict[str, tuple[str, ...]] = {
    code: tuple(words.split())
    for code, words in {
        "en": """a an the and or but if of to in on at for with from by about as into over after
        i me my we us our you your he she it they them their this that these those is are
        was were be been am do did have has had will would can could should may might must
        not no so just also very really here there what when where who why how all any some
        hi hello thanks thank please""",
        "es": """de la que el en y a los se del las un por con no una su para es al lo como más
        pero sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay
        donde yo mi mis tu te ti nos usted ustedes estoy estamos soy somos fue gracias hola""",
        "pt": """de a o que e do da em um para é com não uma os no se na por mais as dos como mas
        ao ele das à seu sua ou quando muito nos já eu também só pelo pela até isso ela entre
        depois sem mesmo você vocês meu minha estou somos obrigado obrigada olá tudo bem""",
        "fr": """de la le et les des en un une du que qui est pour dans par sur au aux pas plus ne
        se ce il elle avec sont je vous nous mais ou sa son ses mon ma mes votre vos tu te
        ton ta très aussi bien merci bonjour suis avons été""",
        "it": """di e il la che un una a per in è non sono mi si lo ho le con ma come del della
        dei ti ci io tu lei noi voi gli anche più al alla nel suo sua mio mia tuo tua
        grazie ciao buongiorno sei siamo""",
        "de": """der die das und in den von zu mit sich des auf für ist im dem nicht ein eine
        einen als auch es an er hat aus bei sind wir ich sie ihr ihre ihnen mein meine mich
        mir dich dir du über nach wie noch habe haben danke hallo gerne sehr""",
        "nl": """de en van ik te dat die in een het niet zijn is was op aan met als voor er maar
        om dan zou of wat mijn dit zo door over ze zich bij ook tot je jij jou jouw uw wij
        we ons onze heb hebben graag bedankt hoi""",
        "pl": """i w nie na się z do to że jest co jak o po tak za a ale od jestem mnie mi ci cię
        pan pani panie dla przy przez czy być bardzo już tylko jego jej ich dziękuję
        cześć""",
        "sv": """och i att det som en på är av för med till den har de inte om ett men jag du vi
        ni han hon sig min mitt din ditt er era vår våra så från kan tack hej""",
        "tr": """ve bir bu da de için ile çok ben sen siz biz o ama gibi daha var yok ne en
        sizin benim olarak kadar sonra merhaba teşekkürler mi mı mu mü misin mısın musun
        müsün hâlâ şu her şey çünkü değil geçen hafta üzerine birlikte yeni hep güzel
        isterim saygılarımla""",
    }.items()
}
