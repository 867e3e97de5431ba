"""The grammar of each element: which families, in which order, say how, why and benefit.

Each constant is a tuple of rules in the syntax of :mod:`~invitecore_personalization.grammar`
(``@family``, ``a/b``, ``~`` for up to three words of the same clause). What a rule finds is
then checked by :mod:`~invitecore_personalization.reading` in its clause: negated ("we
haven't met"), hypothetical ("if we ever meet"), or only about the sender ("share my CV").
The facts behind each rule are in ``docs/language.md`` (section numbers below).

Users add rules with the ``extend-rules`` setting, per element (``{"why" = ["@i am ~ wine"]}``).
"""

from __future__ import annotations

__all__ = ["RULES"]

_GROUPS: dict[str, tuple[str, ...]] = {
    # -- how I found you (section 3): what they published or said ---------------------------
    "found_content": (
        "your ~2 @content",
        # a broadcast of theirs ("ur livestream on rate limiting"); not a content word, as
        # a show's title asks things ("the 'Ask a CTO' livestream")
        "your ~2 livestream/vod/broadcast",
        # section 21: "your LinkedIn Live with ...", "your work on the ledger library caught
        # my eye", "Anna (my manager) suggested I reach out"
        "your linkedin live",
        # section 22: "a webinar you were in", "the soldering workshop you ran", "your
        # borrow-checker cheat sheet"
        "@content ~1 you be/were ~1 in/on/at/part",
        "you run/give/host/lead/teach/organise/organize the ~2 @content i/that/which/last",
        "@content you run/give/host/lead/teach/organise/organize",
        "your ~3 cheat sheet/cheatsheet/checklist/tutorial/toolkit",
        "your work/project/research/library/tool on? ~4 catch/caught my eye/attention",
        "NAME/manager/colleague/friend/boss/mentor/professor/cousin ~1 suggest/recommend ~1"
        " i/we reach/contact/connect/write",
        "NAME/manager/colleague/friend/boss/mentor/professor/cousin . suggest/recommend ~1"
        " i/we reach/contact/connect/write",
        "@see ~3 @content ~3 where/which/that/in/by you",
        "@see the/that/this/a ~2 @content on/about/with/from/by/of",
        "@see to? you ~2 @speak/at/on/in",
        # Things they made, named without "your": "listened to every episode of ...", "I read
        # Lineage Letters every week", "halfway through <title>", "finished <title>".
        "@see ~2 every/each ~1 @content",
        "listener/reader/subscriber/viewer/fan of the? ~2 NAME/@content",
        "@see NAME ~2 every/each",
        "halfway/midway/partway through ~2 NAME",
        "finish the? ~1 NAME",
        "@see youre ~1 @speak/attend/at/on/in",
        "you @speak ~3 at/on/in/about the? ~2 @event/NAME/SLOT",
        "@see that you ~1 @speak",
        "follow your ~1 work/content/post/writing/research/insight/thinking/newsletter on/in/about",
        "keep @see your/you",
        "follower on/of ~1 @other_network",
        "thanks for your ~2 @content",
        # "a/b" alternates single words: a two-word alternative gets a rule of its own.
        (
            "find/discover you/your ~2 via/through/from/in/at the? ~3 "
            "@content/@event/@list/@group/NAME/SLOT"
        ),
        (
            "come across you/your ~2 via/through/from/in/at the? ~3 "
            "@content/@event/@list/@group/NAME/SLOT"
        ),
        "your ~3 on @other_network",
        # The object before its verb, as Spanish, Portuguese and French put it ("te vi en el
        # congreso", "te escuché en la radio"): "you see at/in the <event or content>".
        "you @see in/at/on ~3 @event/@content",
        "via ~2 @event/@group",
        "you ~2 @reverse ~2 my",
        "you ~1 @reverse ~1 our",
        # Their job advert or careers page (section 17): "noticed you're hiring a ...",
        # "saw the careers page lists no engineers"
        "@see ~1 youre/you be/were? hire a/an",
        "career/careers page/site/board",
    ),
    # -- how we met: events (section 2) ------------------------------------------------------
    "met_event": (
        "@meet ~1 you? ~2 at/on/during/after/in",
        # section 22: a contact before this one ("following up on my email about the lease",
        # "we emailed last week about the booking")
        "follow up on my/our ~1 email/call/message/conversation/chat/voicemail",
        "we email/phone/text/speak ~2 last/yesterday/earlier",
        "we ~1 meet",
        "@meet you",
        "@meet ~3 @event",
        "great/nice/good/lovely/glad/fun ~2 see you",
        "at/from/during/after/on/in the ~3 @event",
        "at/from/during/after/on/in NAME ~2 @event",
        "NAME @event_name",
        "NAME ~1 @event",
        "at/from/during/after SLOT",
        "both @speak/attend at",
        "speaker list",
        "list of speakers",
        "we ~2 @speak/chat/talk",
        "our ~2 chat/call/conversation/meeting/talk/discussion",
        "get your ~2 card/number/details/email/mail/address ~3 from/at the? ~2 @event/NAME/SLOT",
        "same @event/webinar/conference/session",
        # "saw you at the wedding", "saw u at jake's party" (section 17)
        "@see you at/during/after ~3 @event",
    ),
    # -- a mutual contact (section 4) --------------------------------------------------------
    "mutual_named": (
        "NAME ~6 @refer ~2 you/your/youre/me/i/we/us",
        "SLOT ~6 @refer ~2 you/your/youre/me/i/we/us",
        # Hearsay: "said you're the one to talk to", "told me you were looking for ..."
        "say/tell ~2 youre/you be/were? the ~2 one/person/people/guy/expert/go-to",
        "tell me you/youre be/were? ~1 look/search/need/hire",
        "@refer me your ~1 email/number/details/contact/address/name/card",
        "hear from/through/via ~2 NAME/SLOT",
        "via/through NAME/SLOT ~4 hear",
        # the pronoun before the verb, as Spanish and Portuguese put it ("me pasó tu contacto
        # Diego Salas": passed me your contact)
        "me @refer ~2 contact/email/number/details/name NAME/SLOT",
        "@contact of a ~1 @contact",
        "im/i be? NAME ~1 @kin/@contact/@peer",
        "@refer ~3 by NAME/SLOT",
        "your name ~1 come up",
        "rave about you",
        "speak highly of you/your",
        "my ~1 @contact/@kin/boss/manager/neighbour/neighbor NAME/SLOT",
        "NAME/SLOT and i ~2 @together_verb/discuss",
        "NAME/SLOT and i be/were ~2 @peer/@contact/together",
        "a ~1 friend/colleague of mine",
        "connect to/with NAME/SLOT",
        "both know NAME/SLOT",
        "NAME/SLOT ~1 introduce us",
        "recommend you",
    ),
    "mutual_unnamed": (
        "@mutual ~1 @contact",
        "@contact in common",
        "both connect",
        "share ~1 connection",
        "we both know",
        # section 22: "you're connected to half my old team"
        "youre connect to ~5 my",
        "you be connect to ~5 my",
    ),
    # -- a search for a kind of person (section 3) -------------------------------------------
    "search": (
        # "while searching for ...", not "while browsing LinkedIn" (a search for nobody)
        "while/when/during ~1 @search ~5 for/on/into/about/among",
        "while/when/during ~1 research",
        "search/research for",
        "in my search",
        "only ~1 person/one ~3 find",
        "@search ~2 for people/someone/anyone",
        "alum/alumni search",
        "on/in/from/through the? ~3 @list",
        "through the ~2 @search",
        "your listing",
    ),
    # -- shared school, employer, group (section 4) ------------------------------------------
    "shared": (
        "fellow ~3 @alum",
        "@alum ~2 of/from",
        "both ~3 @alum",
        "NAME/SLOT ~1 @alum",
        # section 22: a school and a year, then "here" ("Kellerby College '18 here")
        "NAME NUM here",
        "also ~1 @alum",
        "also ~1 work/study at",
        # the article in the verb, as Portuguese "estudaste na Universidade ..."
        "also ~1 work/study ~3 NAME/SLOT",
        # a former employer in common, to a stranger: "we were both at Nordvik (I left ...)"
        "we ~1 be/were both at/in NAME/SLOT",
        "we ~1 both ~1 work/study/go",
        "i be there",
        "same school/university/college/company/employer/alma mater",
        "same year/class/cohort/intake/batch ~1 at/in NAME/SLOT",
        "fellow ~1 @member",
        "both ~1 @member",
        "@member of",
        "youre/you be? ~1 alum/alumnus/alumna/alumni",
        "@member here",
        "same ~1 @group",
        "in the ~3 @group",
        "both in NAME/SLOT",
        "from the ~3 @group",
        "@group ~1 in common",
    ),
    # -- how people who know each other met (labelling.md, section 2) ------------------------
    "history": (
        "@together_verb ~6 @together",
        "we ~2 be/were ~2 at/in/on",
        "we ~1 @together_verb",
        "@self ~3 from",
        "@self .? NAME .? from",
        "NAME from the? NAME/SLOT",
        "from the? NAME/SLOT here",
        "our ~3 @context",
        "NAME ~2 @context",
        "@context NAME",
        "@thanks ~1 for ~6 @context/NAME/SLOT",
        "class/promo/batch/cohort of? NUM",
        "NAME ~1 NUM",
        "remember ~4 NAME/@context/SLOT",
        "since ~1 NAME/SLOT",
        "back at/in ~1 NAME/SLOT",
        "@leave NAME",
        "@together_verb with NAME/SLOT",
        "your team ~2 with us",
        "@recall our",
        "since ~3 @context/@event",
        # The verb last, as German and Dutch put it ("wir haben zusammen in Krakau studiert").
        "together ~6 @together_verb",
        "as? promise/discuss/agree/request ~1 at/during/after/over ~3 @context/@event/NAME/SLOT",
        # The sender names who they were to them ("lab partner here", "NAME's dad here").
        "@peer here",
        # "I'm the new hire on the billing team"
        "@i ~3 on/in the ~3 team/squad/crew/department/desk/unit",
        "@peer ~3 from ~2 @context/NAME/SLOT/NUM",
        # What the sender misses of their time together ("miss our coffee breaks at ...")
        "miss ~1 our ~4 at/in/from NAME/SLOT",
        "miss ~1 our ~2 @context",
        "manage/manager/boss/mentor/supervisor/teacher/professor/tutor/coach at NAME/SLOT",
        # Those who left the same place, as a crowd of them ("ex-Nordvik people, reunite")
        "ex NAME folks/crew/people/gang/colleagues/crowd/squad/team",
    ),
    # -- stock: could be said to anyone (section 7) ------------------------------------------
    "stock": (
        "come across/find/see/view ~1 your ~1 profile",
        "find you on/here",
        "come across you on/here",
        "linkedin suggest",
        "linkedin/algorithm recommend",
        "@grow ~1 my ~2 network",
        "my ~1 network with",
        "add you to my ~2 network",
        "join my ~2 network",
        "invite you to ~1 join/connect",
        "like-minded",
        # section 22: a job seeker's or a recruiter's stock line ("interested in opportunities
        # at your esteemed organisation", "an opportunity that matches your profile")
        "interest in ~1 opportunities/opportunity/openings/roles at/in/with your",
        "opportunity that ~1 match/fit your profile",
        "like minded",
        "connect with ~2 @people",
        "learn from your experience/expertise",
        "impress ~2 your ~2 @profile",
        "your ~1 @profile ~2 impressive/impress/caught",
        "your ~1 @profile ~2 stand/stood out",
        "would ~1 love/like to ~1 connect",
        "let us connect",
        "lets connect",
        "please accept",
        "accept my ~1 invitation/invite/request",
        "i see you work",
        "notice/see you be ~1 in/at",
        "notice/see youre ~1 in/at",
        "we be both in the ~2 @field",
        "we ~1 both work in",
        "stay/keep in touch",
        "stay connected",
        "open to connect",
        "look forward to connect",
        "reach out to connect",
        "congrat ~4 new role/position/job at/with NAME/MERGE/SLOT",
        # A job search with no field: "seeking new opportunities", "looking for a job"
        "look for a/new? new? @job",
        "seek/pursue a/new? new? @job",
        "congrat ~4 new role/position/job",
    ),
    # -- why (section 5) ---------------------------------------------------------------------
    "why_aim": (
        "@aim ~2 how/what/why/whether/where/which",
        "@aim ~2 about/on/regarding/around/re",
        "@aim ~1 more about",
        "compare note",
        "your ~1 eyes/opinion/take/view/thought/input/feedback/advice/perspective on",
        "question ~2 about/on/regarding/for you",
        "ask ~1 you ~3 about/how/what/whether/if",
        "pick your brain",
        "keep up with ~2 your",
        "keep follow your",
        "follow what you",
        # section 22: "follow how you roll it out", "learn the SMD rework technique"
        "follow how/where/what you",
        "learn ~1 the/your ~3 technique/method/trick/approach/process/workflow/setup",
        "follow ~2 your ~2 work/insight/content/thinking/writing/post/research/journey/fix"
        "/progress/roadmap",
        # "stay updated on", "keep informed about", "stay up to date with" (one rule each: "a/b"
        # alternates one word)
        "stay/keep updated/update/informed on/about/with",
        "stay/keep up to date on/about/with",
        "@aim ~3 @content",
        "interview/quote/feature you",
        "to quote your",
        "consider speak",
        "invite you to",
        "co-author",
        "collab",
        "co-marketing",
        "count/want/get you in",
        "be up for",
        # a wish to work together, not the past ("we worked together on the migration")
        "to/lets/could/can/would/might work together on",
        "pilot partner",
        "on the record",
        "show you ~2 demo",
        "is/be the reason",
        "be why i",
        "ask/need/request/want/use ~3 reference",
        "be my reference",
        "put in a word",
        "@aim ~2 your ~2 @content",
        "to ~1 share ~2 on/about",
        # "Connecting so I can send the follow-ups", "so our engineers can coordinate"
        "connect ~3 so that? ~4 can/could",
        "connection/request/invite ~2 so that? ~4 can/could",
        "connect ~3 so you/it/its/we/our",
        # "adding you here so you have a direct line", "so the committee can find you"
        "add you ~2 so",
        # A pitch names its topic: "I help coaches get more clients", "we help CTOs like you"
        "i/we help ~3 like you",
        "i/we help ~2 @people/@client/coach/team/brand/company/business/firm/agency ~1 get/cut"
        "/grow/save/reclaim/win/land/book/scale/generate/find/reduce/increase/automate/hire/sell",
        "i/we help NAME ~3 get/cut/grow/save/reclaim/win/land/book/scale/generate/find/reduce"
        "/increase/automate/hire/sell",
        # The topic of a call or chat: "following our call re: the licence"
        "call/chat/meeting/conversation ~8 re/about/regarding",
        "reach out to? you? about/regarding/re",
        "connect ~8 to share/introduce/send/discuss",
        # Connecting for a piece of work in common: "to coordinate the handover", "for the
        # autumn rollout"; a question the sender has: "I have two questions about ..."
        "connect ~3 to facilitate/coordinate/arrange/schedule/align/simplify/streamline/plan",
        "connect ~2 for the ~2 plan/planning/project/review/rollout/launch/integration"
        "/renewal/handover/kickoff",
        "@i ~2 have ~2 question about/on/regarding",
        "connect and introduce",
        "discuss/explore ~1 extend/expand/renew/scale/grow",
        "connect ~2 for future/upcoming/next",
        "might/may be interested in our/the/this",
        "interest in/for your ~1 experience/work/approach/journey of/with/in/on",
        # The verb last, as German and Dutch put it ("über Datenqualität austauschen")
        "about ~3 discuss/speak/talk/exchange",
        "pitch you",
        "agree ~3 your ~1 point/take/view/argument",
        # A follow-up names what was spoken about (section 17): "we spoke on the phone
        # yesterday about the lease", "we emailed last month about the judges"
        "we ~2 @speak/email/phone/call/chat ~6 about/regarding/re",
        # Their take, asked for without "on": "I'm weighing that move and would love your take"
        "love/like/value/appreciate/welcome ~1 your ~1 take/opinion/perspective/advice/input"
        "/thought/view",
        "learn from your experience/expertise ~2 @doing",
        "have a ~1 question about/on/regarding",
        # section 21: tips asked on a named thing ("any tips for surviving the rotation there")
        "any tips/pointers/advice for/on/about ~3",
        # section 20: a question the sender took away ("I left with a question about ...")
        "with a/one/two/few/couple ~1 question about/on/regarding",
    ),
    "why_doing": (
        "@i ~2 @doing",
        "we ~1 @doing",
        "i ~1 be ~2 @doing",
        "we be ~2 @doing",
        "@i ~1 be ~1 a/an ~3 look/seek/interest",
        "@seek ~4 @job",
        "@job ~2 in/at/as/for",
        "apply for/to",
        "@i ~1 apply",
        "@i ~1 be ~1 interest in",
        "interest in the",
        "@hire ~3 engineer/developer/designer/manager/director/analyst/someone/people/a/an",
        "we be @hire",
        "any opening",
        "give me ~1 opportunity",
        "on the shortlist",
        "@i ~2 need someone/somebody/a/an/help",
        "@i ~3 similar",
        "same problem/issue/thing/migration/challenge/topic/subject",
        # section 20: a career move into a named field ("a teacher trying to move into
        # instructional design")
        "try/hope/look/want/plan to ~1 move/break/pivot/transition/switch/get into",
        # section 20: "I've got the same shop layout", "we're in the same boat with ..."
        "@i ~2 get/have ~1 the same ~2 setup/layout/stack/situation/struggle/goal/boat",
        "im/i am ~1 also",
        "too ~1 ,",
        # The sender as their would-be customer: "looking to rent near the park", "selling
        # our house in spring", "seeking mentorship in product design"
        "look/hope/plan/want to ~1 rent/buy/sell/lease/relocate",
        "sell/rent/let/buy my/our ~1 flat/house/home/apartment/office/shop/car/business/company",
        "@seek ~2 mentorship/mentoring/guidance/mentor in/on/with/for",
    ),
    # -- benefit (section 6) -----------------------------------------------------------------
    "benefit_offer": (
        "@offer_mood to ~2 @offer_verb",
        "@i ~2 can/could/will/would/ll/d ~2 @offer_verb",
        "can/could/may/shall i ~1 @offer_verb ~3 you",
        # "I'd send you the slides", "we'd share ours"
        "id/wed ~2 @offer_verb",
        "introduce you to",
        "want me to",
        "want in",
        # "it's yours!", "the sofa is yours" ("yours" reads as "your": the clause must end)
        "its/it be? yours .",
        "its/it be? yours if",
        "hope it/this help",
        "here/attached be? the/a/that/this/my/our ~2 @resource",
        # An open offer of help with what they were given (section 17): "shout if the forms
        # are confusing", "so you can reach me for any questions"
        "shout/holler if",
        "so you can reach/contact/call/ping me",
        "if your ~2 need any/one/some/it/them",
        "the ~2 be yours .",
        "im your girl/guy/man/person/woman",
        "keep send/refer/recommend/point",
        "direct line",
        "any issue/problem/question ~3 ping/call/text/email/message/contact me",
        "useful/helpful for/to you/your",
        "bring you ~2 the/a/some/your",
        "let me know if ~4 i",
        "let me know if there be anything",
        "anything ~1 i can ~1 do/help",
        "if you ~2 need/want ~8 shout/call/i/happy/glad/let",
        "if u ~2 need/want ~8 shout/call/i/happy/glad/let",
        "if you/u ever? need",
        # section 18: a condition of theirs, then a call to reach the sender ("if you ever
        # want a second pair of eyes on a model, give me a call"; "if your team needs anything
        # on the launch, just shout")
        "if you/your/u ~12 . give me a call/shout/ring/buzz",
        "if you/your/u ~12 . just shout/holler",
        "ill/well ~2 @offer_verb",
        # "We'd happily share our runbook", "gladly send you a copy", "gerne erzähle ich"
        "gladly/happily ~3 @offer_verb",
        "@offer_verb ~1 gladly",
        "disposal",
        "ping/call/text/message me ~1 directly/anytime/any",
        "can/could @offer_verb ~3 @resource",
        "count ~1 me",
        "if there be ever",
        "count me in",
        "want a copy",
        "want it",
        # An offer asked as a question ("want the link?", "want them?", "want his number?");
        # "I want the job." is the sender's wish (see "for_sender")
        "want the/a/an/them/his/her/their/my/our/some/all ~3 .",
        "want an? intro/introduction",
        "here be the ~2 i promise",
        "so you have a direct line",
        "@offer_verb you ~2 his/her/their number/details/contact/email",
        "if ~2 useful",
        "if it help",
        # section 20: an offer with no subject ("Can send you the plans I used"), and help
        # offered on a condition of theirs ("reach out if our team can support your audit")
        "can/could @offer_verb you",
        "if we/our/i/my ~3 can/could ~1 @offer_verb ~2 you/your",
    ),
    "benefit_gift": (
        "free",
        "pro bono",
        "pro-bono",
        "@i ~2 have/get ~2 spare/surplus/extra",
        "first pick/dibs/refusal",
        "no charge",
        "no strings",
        "coffee/drink/lunch/dinner/beer/round/one/meal/breakfast/pint ~2 on me",
        "in return",
        "in exchange",
        "return the favour/favor",
        "returning the favour/favor",
        "owe you",
        "cover",
        "pay well",
        "would pay",
        "get named credit",
        "credit you",
        "early access",
        "spare ticket",
    ),
    "benefit_mutual": (
        "each other",
        "one another",
        "both of us",
        "us both",
        "both our",
        "mutual benefit",
        "mutually",
        "win-win",
        "win for both",
        "benefit from ~3 connect",
        "beneficial for both",
        "@exchange ~2 @exchange_object",
        # The object first, as in an "idea swap" or Dutch and German word order
        # ("ervaringen uitwisselen": experiences exchange)
        "experience/idea/note/tip/referral/lead swap/exchange/trade",
        "grow something together",
        # section 21: a favour returned in kind ("happy to do the same for you")
        "do the same for you",
    ),
    "benefit_opportunity": (
        "we ~1 be ~1 @hire",
        "we ~1 @hire",
        "we have an opening",
        "could be your thing",
        "great/perfect/good fit",
        # a recruiter's "your background fits very well", "a role that matches your profile",
        # "contacts who'd suit your brand"
        "your ~1 background/profile/experience/skillset fit/match/suit ~2 well/perfectly/exactly",
        "match/fit/suit your ~1 background/profile/experience/skillset",
        "would/whod/youd suit/fit your",
        "thought of you",
        "might be a fit",
        "would you ~1 consider speak",
        "invite you to speak/present/join",
        "be part of it",
        "decent job",
        "new client",
        "take new client",
        "take ~1 client",
        "be you available",
        "i be buy",
        "i would be buy",
        "would pay",
        "advisory board",
        "on the shortlist",
        "need a ~3 for",
        "send them your way",
        "send you client",
        # section 21: roles shared by a recruiter, a slot on a show or a session for them
        "@i/happy/glad/love ~3 share ~2 opportunities/openings/roles/vacancies",
        "have you on ~2 episode/show/podcast/panel/stage",
        "consider join ~4 session/panel/talk/podcast/webinar/board",

        # section 20: a recruiter's role or a guest slot for them ("a confidential chat about a
        # Director role", "keep you in mind for future openings", "come on as a guest")
        "chat/talk/call/conversation about a ~3 role/position/opening/vacancy",
        "keep you in mind for",
        "on as a guest",
        "be our/my ~1 guest",
        "reorder",
        "be you take",
        # an opportunity offered to them ("an exciting opportunity for you", "want me to refer
        # you?", "referral fees to brokers who ...")
        "@offer_to_them ~3 for you",
        "my ~2 have ~3 @offer_to_them",
        # For their show or publication: a guest, a story, an audience
        "fit/suit your ~2 issue/show/podcast/newsletter/publication/magazine/column/lineup",
        "your ~1 listeners/readers/audience/viewers/subscribers would/will/might",
        "pitch you a ~2 guest/story/piece/article",
        "put ~3 in front of",
        # A speaking slot: "want a slot", "consider giving a talk"
        "want a ~1 slot/spot/seat",
        "consider/want/like ~1 to? do/give/run ~4 talk/session/workshop/keynote/webinar/q&a",
        # Becoming their customer
        "wholesale",
        "future/more/repeat order",
        "send ~1 brief",
        "share ~1 pricing/price/rate/quote for",
        "client/customer of mine",
        "great/perfect/good/strong match",
        "youd ~1 fit",
        "trade ~3 for",
        "we/were be? hire/recruit",
        "@i ~1 have ~5 @offer_to_them",
        "me to ~1 refer/introduce/recommend/suggest you",
        "pass your name",
        "referral fee/fees/bonus",
        "book/hire you",
        # Work or business sent their way, paid work offered (docs/language.md section 16):
        # "I'm hiring a ...", "we're looking for ...", "we'd send you leads", "recommending you
        # to ...", "freelancing with us", "it's paid"
        "im/ive hire/recruit",
        "were ~1 @hire",
        "send/bring/pass you ~2 @business",
        "send ~2 @business ~1 your way",
        "recommend/refer you to",
        "freelance/freelancing/freelancer/contract/subcontract ~2 with/for us",
        ". pay .",
        "its/it be? pay",
        "pay/paid gig/role/project/work/position/opportunity/contract/job/collaboration"
        "/appearance/slot/spot/feature",
        "youd get a/an/the/full/free/paid/NUM",
        "you would get a/an/the/full/free/paid/NUM",
        "i know ~1 someone/somebody/two/three/some/few ~2 great/brilliant/excellent/good/strong"
        "/talented/solid/look",
        # A part for them in the sender's show, event or circle (section 17): a guest, a
        # speaker, a mentor; "would you come on as a guest?", "would love you to speak",
        # "you'd be a perfect mentor", "you'd be very welcome", "show a few of your pieces"
        "you ~4 guest",
        "love/like you to ~1 speak/present/join/judge/mentor/host/teach/lead/contribute/guest",
        "youd be ~3 mentor/speaker/guest/panelist/panellist/judge/host",
        "youd/youll be ~2 welcome",
        "you be ~1 always/very/more/most welcome",
        "exhibit/display/stock ~3 your",
        "show ~3 of your",
        # Work passed on to them: "more briefs than hands", "would you be open to me passing
        # some on", "any interest in freelance work"
        "more ~3 than hands",
        "more ~3 than i can take/handle/manage",
        "pass some/it/them/work/jobs/projects/clients/overflow on/along/over",
        "pass your ~2 along/on",
        "interest in ~2 freelance/paid/contract work/gig/project/role",
    ),
    # -- what is only for the sender (section 6, 11.5) ---------------------------------------
    "for_sender": (
        "my cv/resume/portfolio/background/profile/experience/skill/availability/application",
        "help me",
        "i/we/im want",
        "could/can/would you ~2 help",
        "thanks for share",
        "for share",
        "introduce myself/ourselves",
        "share more about my",
        # "so I can learn from you"; not "so I can send you the report" (an offer)
        "so i can ~1 learn/ask/get/see/hear/understand/follow/reach/pick/know/find/access/grow",
    ),
    # -- asks for a favour (section 9) -------------------------------------------------------
    "favour": (
        "refer me",
        "could/can/would you ~1 refer",
        "referral",
        "introduce me",
        "put in a word",
        "endorse me",
        "recommend me",
        "write me a recommendation",
        "share my",
        "could/can/would you ~2 pass/forward/send/share my",
        "like my post",
        "take a look at my",
        "my survey",
        "fill ~2 survey",
        "review my",
        "any opening",
        "job opening",
        "open position",
        "would you be open to a ~2 call/chat/conversation/zoom",
        "could/can you help me",
        "would you mind",
        "do me a favour/favor",
        "pick your brain",
        "NUM min/mins/minute/minutes",
        "NUM-minute",
        "a few minute",
        "could/can we talk/chat/meet/hop",
        "hop/jump on a call",
        "quick/short call",
        "virtual coffee",
    ),
    # -- pitches (section 9) -----------------------------------------------------------------
    "pitch": (
        "our platform/product/solution/software/tool/service/sensor/app/system/catalogue",
        "we help",
        "i help",
        "help ~2 like you",
        "@i work with ~3 to",
        "media kit",
        "our catalogue",
        "price sheet",
        "our ~2 rate",
        "rate card",
        "competitive rate",
        "book a demo",
        "check our",
        "we be a",
        "im a ~3 consultant/rep/representative/agency/founder",
        "i be a ~3 consultant/rep/representative/agency",
        "ship owner",
        "i/we sell",
        "a quote",
    ),
}

# The rule lists as the reader uses them, one per setting (see settings.py): the groups above
# that are read the same way are joined.
RULES: dict[str, tuple[str, ...]] = {
    "met": _GROUPS["met_event"],
    "history": _GROUPS["history"],
    "found": _GROUPS["found_content"] + _GROUPS["mutual_named"] + _GROUPS["search"],
    "shared": _GROUPS["shared"] + _GROUPS["mutual_unnamed"],
    "why": _GROUPS["why_aim"] + _GROUPS["why_doing"],
    "benefit": _GROUPS["benefit_offer"] + _GROUPS["benefit_mutual"],
    "gift": _GROUPS["benefit_gift"] + _GROUPS["benefit_opportunity"],
    "sender_only": _GROUPS["for_sender"],
    "stock": _GROUPS["stock"],
    "pitch": _GROUPS["pitch"],
    "favour": _GROUPS["favour"],
}
