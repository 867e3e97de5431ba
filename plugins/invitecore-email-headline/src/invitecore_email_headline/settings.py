"""The plugin's configurable defaults, each with where it comes from.

Users override them in ``[tool.invitecore.plugins.email-headline]``; list settings also take
``extend-<name>`` to add to the default instead of replacing it.
"""

from __future__ import annotations

from invitecore import Setting

__all__ = ["SETTINGS"]

ROLE_WORDS = (
    # Job titles and functions people write before "@ Company" ("Product @ Stripe"); docs/sources.md
    # section 2 names that form as a false friend. Compared in lower case, whole word.
    "product", "marketing", "sales", "engineer", "engineering", "eng", "developer", "dev",
    "designer", "design", "ceo", "cto", "cfo", "coo", "cmo", "cio", "ciso", "cpo", "cro", "vp",
    "svp", "evp", "avp", "founder", "cofounder", "co-founder", "partner", "director", "manager",
    "lead", "head", "recruiter", "recruiting", "talent", "hr", "people", "growth", "ops",
    "operations", "consultant", "advisor", "adviser", "analyst", "architect", "scientist",
    "researcher", "research", "intern", "student", "investor", "owner", "president", "chair",
    "chairman", "board", "principal", "associate", "specialist", "strategist", "writer",
    "editor", "author", "speaker", "coach", "mentor", "teacher", "professor", "lecturer", "pm",
    "swe", "sde", "sre", "ux", "ui", "data", "ai", "ml", "finance", "legal", "counsel",
    "support", "success", "communications", "comms", "pr", "brand", "content", "seo", "it",
    "security", "devops", "qa", "tech", "strategy", "bd", "partnerships", "admin", "assistant",
    "officer", "executive", "staff", "senior", "sr", "junior", "jr", "fellow", "evangelist",
    "ambassador", "volunteer", "freelancer", "contractor", "web3", "saas", "b2b", "b2c",
    # The same in other languages, now that addresses in any script are found ("Маркетинг@
    # Яндекс.рф", "Ingeniera @ ejemplo . es" are titles at a company): Spanish, Portuguese,
    # French, German, Italian, Russian, Greek, Chinese, Japanese, Arabic, Hindi.
    "ventas", "producto", "ingeniero", "ingeniera", "directora", "gerente", "fundador",
    "fundadora", "desarrollador", "jefe", "jefa", "vendas", "produto", "engenheiro",
    "engenheira", "diretor", "diretora", "ventes", "produit", "ingénieur", "directeur",
    "directrice", "fondateur", "fondatrice", "développeur", "vertrieb", "ingenieur", "leiter",
    "leiterin", "gründer", "gründerin", "geschäftsführer", "entwickler", "vendite", "prodotto",
    "ingegnere", "direttore", "fondatore", "директор", "менеджер", "инженер", "разработчик",
    "маркетинг", "маркетолог", "продажи", "основатель", "руководитель", "продакт", "дизайнер",
    "аналитик", "рекрутер", "διευθυντής", "μηχανικός", "ιδρυτής", "πωλήσεις",
    "产品", "产品经理", "经理", "总监", "工程师", "创始人", "销售", "市场", "营销",
    "エンジニア", "マネージャー", "営業",
    "مدير", "مهندس", "مؤسس", "مبيعات", "प्रबंधक", "निदेशक", "इंजीनियर",
)

STOP_WORDS = (
    # English words that come before "at" in prose ("find me at example dot com", "based at
    # ..."): never the mailbox of an obfuscated address.
    "me", "us", "him", "her", "them", "you", "i", "we", "he", "she", "they", "it", "is", "am",
    "are", "was", "be", "work", "works", "worked", "working", "based", "located", "live",
    "lives", "living", "look", "looking", "find", "found", "reach", "contact", "email", "mail",
    "write", "visit", "available", "online", "here", "there", "home", "best", "least", "most",
    "good", "great", "expert", "team", "office", "site", "website", "blog", "or", "and",
    "also", "now", "currently", "formerly", "previously", "then", "time", "times", "once",
)

DO_NOT_CONTACT_PHRASES = (
    # Sentences that withdraw an address as a way in: an address there is no open evidence
    # (the "do not contact me at ..."). Matched in lower case, with straight quotes and
    # single spaces, in the same sentence as the address.
    "do not contact", "don't contact", "dont contact", "do not email", "don't email",
    "do not e-mail", "don't e-mail", "do not write", "don't write", "do not reach out",
    "don't reach out", "do not use this", "don't use this", "do not send", "don't send",
    "not to be contacted", "no unsolicited", "not for unsolicited", "not for recruiters",
    "not for sales", "not accepting", "no longer in use", "no longer used", "no longer active",
)

SETTINGS = (
    Setting(
        name="headline-weight",
        default=0.6,
        description="Weight of the open-camp signal for an address in the headline (EMH101).",
        source=(
            "docs/sources.md section 2 (an email in the headline is a sign of an open networker, "
            "weaker than LION); chosen: 0.6 is decisive alone at the core's open threshold 0.5 "
            "but below the 0.8-0.95 of an explicit LION token"
        ),
    ),
    Setting(
        name="name-weight",
        default=0.6,
        description="Weight of the open-camp signal for an address in the name field (EMH102).",
        source="docs/sources.md section 2 (headline or name); chosen: same as headline-weight",
    ),
    Setting(
        name="about-weight",
        default=0.3,
        description="Weight of the open-camp signal for an address in the about text (EMH103).",
        source=(
            "chosen: a contact address in a long text is a weak hint, below the core's open "
            "threshold 0.5 on its own (in between)"
        ),
    ),
    Setting(
        name="detect-obfuscated",
        default=True,
        description=(
            "Also find obfuscated addresses: [at]/(at), 'at ... dot', spaced '@' and '.'."
        ),
        source="docs/sources.md section 2 (obfuscated forms exist: name [at] domain [dot] com)",
    ),
    Setting(
        name="min-tld-length",
        default=2,
        description=(
            "Fewest letters a top-level domain may have for an address to be valid (counted in "
            "its Unicode form: 台灣 has two)."
        ),
        source="RFC 1123 / IANA root zone: every top-level domain has two letters or more",
    ),
    Setting(
        name="mailbox-characters",
        default="._-+0123456789",
        description=(
            "Characters that make the word before a spaced '@' look like a mailbox (jane.doe "
            "@ example.com) rather than a job title before a company (Sales @ Acme.com)."
        ),
        source="chosen: job titles are plain words; mailboxes often join words with . _ - +",
    ),
    Setting(
        name="role-words",
        default=ROLE_WORDS,
        description=(
            "Job titles and functions: a word from this list before an obfuscated or spaced "
            "'@'/'at' means 'at company', not an address (also a capitalised Role@Company.com)."
        ),
        source=(
            "docs/sources.md section 2 false friends ('Product @ Stripe'); chosen list, in English "
            "and ten other languages"
        ),
    ),
    Setting(
        name="stop-words",
        default=STOP_WORDS,
        description=(
            "Prose words that are never the mailbox of an obfuscated address ('find me at "
            "example dot com')."
        ),
        source="chosen: common English words before 'at'",
    ),
    Setting(
        name="do-not-contact-phrases",
        default=DO_NOT_CONTACT_PHRASES,
        description=(
            "Phrases that, in the same sentence as an address, withdraw it: no signal, and the "
            "address is not suggested for the invitation."
        ),
        source="issue: 'do not contact me at ...' in an about text is not open evidence",
    ),
    Setting(
        name="do-not-contact-window",
        default=120,
        description=(
            "How many characters before and after an address (within its sentence) are searched "
            "for a do-not-contact phrase."
        ),
        source="chosen: about one sentence of a profile text",
    ),
)
"""Every setting this plugin declares, with its default and source."""
