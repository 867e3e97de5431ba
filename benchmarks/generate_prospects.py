"""Write a synthetic prospect list: JSON Lines of cases, made-up people only.

The list is meant to look like a real outreach list, including how little and how much repeats
in one:

- names, companies and titles are drawn from large made-up pools with a long-tailed (Zipf-like)
  popularity, as in real lists: a few first names and employers are common, most are rare;
  names are built from syllables, so no real person is described;
- headlines and abouts are assembled per prospect (title, employer, skills, sentences), so they
  rarely repeat word for word; about two fifths of prospects have no about, as in exports;
- evidence is deliberately common, heavier than most real lists: about 15% show LION in the
  headline, 10% an email address there, 10% a selective statement in the about, 10% an
  open-networker statement, 5% a false friend (Lions Clubs, Lionbridge);
- notes come from one template per prospect with the first name filled in (the everyday batch
  path, so notes repeat whenever first names do), plus a share of hand-written notes that
  mention a per-prospect topic, the default text and empty notes;
- about 2% of rows repeat an earlier prospect (duplicates for the batch checks).

    python benchmarks/generate_prospects.py --rows 1000000 --out /tmp/prospects.jsonl
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
from collections.abc import Iterator, Sequence
from typing import Any

ONSETS = [
    "b",
    "d",
    "f",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "ch",
    "sh",
    "br",
    "kr",
    "tr",
]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io"]
CODAS = ["", "", "n", "r", "l", "s", "m", "th", "x"]
SUFFIXES = ["", "", "son", "sen", "ova", "ez", "i", "ard", "ley", "ström"]
COMPANY_ENDINGS = [
    "",
    " Labs",
    " Systems",
    " Group",
    " Analytics",
    " Health",
    " Logistics",
    " Partners",
    " Energy",
    " Software",
    " & Co",
    " Foods",
    " Bank",
]
SENIORITY = ["", "", "", "Senior ", "Lead ", "Head of ", "VP ", "Chief ", "Junior ", "Principal "]
ROLES = [
    "Data Engineer",
    "Recruiter",
    "Talent Partner",
    "Product Manager",
    "Sales Director",
    "Account Executive",
    "Founder",
    "CFO",
    "Software Engineer",
    "Designer",
    "Marketing",
    "Operations",
    "Customer Success",
    "Controller",
    "Consultant",
    "Researcher",
    "Engineering Manager",
    "People Partner",
    "Brand Strategist",
    "Supply Chain Analyst",
]
SKILLS = [
    "dbt",
    "Airflow",
    "SaaS",
    "B2B sales",
    "hiring",
    "FP&A",
    "Kubernetes",
    "UX research",
    "growth",
    "payments",
    "ESG",
    "logistics",
    "compliance",
    "pricing",
    "analytics",
    "employer branding",
    "cloud",
    "retail",
    "fintech",
    "healthcare",
]
PLAIN_HEADLINES = [
    "{title} at {company}",
    "{title} at {company} | {skill} & {skill2}",
    "{title} | Product @ {company}",
    "{title} at {company} | Building teams that ship",
    "Helping {company} with {skill} | {title}",
]
LION_HEADLINES = [
    "{title} at {company} | [LION {count},000+] | Open Networker",
    "{title} (LION) | {skill}",
    "L.I.O.N. | {title} at {company} | I accept all invites",
]
EMAIL_HEADLINES = [
    "{title} | {first}.{last}@example.com | invites welcome",
    "{title} at {company} - {first}{last}@example.org",
]
FALSE_FRIEND_ABOUTS = [
    "{years} years in {skill}, member of Lions Clubs International in my town.",
    "Previously at Lionbridge, now leading {skill} at {company}.",
]
SELECTIVE_ABOUTS = [
    "I only connect with people I know personally. Please include a note saying how we met.",
    "I lead {skill} at {company}. I accept invitations only from people I have worked with.",
]
OPEN_ABOUTS = [
    "Open networker: I accept all invitations. You never know who can help whom.",
    "I am a LION and will never click 'I don't know'. Invites welcome, {skill} people especially.",
]
SENTENCES = [
    "I lead the {company} {skill} team.",
    "{years} years across {skill} and {skill2}.",
    "Before {company} I spent {years2} years in consulting.",
    "I care about clear documentation, honest estimates and mentoring.",
    "Outside work I coach a youth football team.",
    "Currently hiring for {title} roles at {company}.",
    "Speaker at regional meetups on {skill}.",
    "Happy to talk about {skill}, {skill2} and building teams.",
]
TEMPLATES = [
    "Hi {first}, I read your post about hiring data engineers and would like to connect; "
    "happy to share our meetup's speaker list with you.",
    "Hi {first}, we met at the Lisbon product meetup in March. Great to stay in touch!",
    "Hi {first}, I am trying to build my network and would love to connect.",
    "Hello {first}, I lead analytics at a company much like {company}. I'd value your view on "
    "hiring, and can share our salary benchmark in return.",
]
HANDWRITTEN = (
    "Hi {first}, your talk on {skill} at the {city} meetup stayed with me, especially the part "
    "about {skill2}. I'm building something similar at {company2} and would love to compare notes."
)
CITIES = ["Lisbon", "Porto", "Tallinn", "Leeds", "Utrecht", "Ghent", "Turku", "Graz", "Lyon"]
DEFAULT_NOTE = "I'd like to add you to my professional network on LinkedIn."


def _words(
    rng: random.Random,
    count: int,
    syllables: Sequence[int],
    endings: Sequence[str],
) -> list[str]:
    """``count`` distinct made-up capitalised words built from syllables."""
    seen: dict[str, None] = {}
    while len(seen) < count:
        word = "".join(
            rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
            for _ in range(rng.choice(syllables))
        )
        seen[word.capitalize() + rng.choice(endings)] = None
    return list(seen)


class Pool:
    """Values with long-tailed popularity: the item of rank r is drawn in proportion to 1/r."""

    def __init__(self, values: Sequence[str]) -> None:
        self.values = list(values)
        self.cumulative = list(itertools.accumulate(1 / rank for rank in range(1, len(values) + 1)))

    def draw(self, rng: random.Random) -> str:
        """One value."""
        return rng.choices(self.values, cum_weights=self.cumulative)[0]


def prospects(rows: int, seed: int) -> Iterator[dict[str, Any]]:
    """Yield ``rows`` case objects, reproducibly for one seed."""
    rng = random.Random(seed)
    firsts = Pool(_words(rng, 3_000, (1, 2, 2, 3), ("",)))
    lasts = Pool(_words(rng, 20_000, (2, 2, 3), SUFFIXES))
    companies = Pool(_words(rng, 20_000, (1, 2, 2, 3), COMPANY_ENDINGS))
    previous: dict[str, Any] | None = None
    for index in range(rows):
        if previous is not None and rng.random() < 0.02:
            profile = dict(previous)  # the same prospect again, as lists merged from two exports
        else:
            profile = _profile(rng, index, firsts, lasts, companies)
        previous = profile
        yield {
            "id": str(index),
            "profile": profile,
            "invitation": {
                "note": _note(rng, profile, companies),
                "relationship": rng.choice(["none", "none", "none", "other", "colleague", "group"]),
            },
        }


def _profile(
    rng: random.Random,
    index: int,
    firsts: Pool,
    lasts: Pool,
    companies: Pool,
) -> dict[str, Any]:
    first, last, company = firsts.draw(rng), lasts.draw(rng), companies.draw(rng)
    title = rng.choice(SENIORITY) + rng.choice(ROLES)
    skill, skill2 = rng.sample(SKILLS, 2)
    values = {
        "first": first.lower(),
        "last": last.lower(),
        "company": company,
        "title": title,
        "skill": skill,
        "skill2": skill2,
        "count": rng.randint(5, 30),
        "years": rng.randint(3, 25),
        "years2": rng.randint(2, 9),
    }
    kind = rng.random()
    if kind < 0.15:
        headline = rng.choice(LION_HEADLINES)
    elif kind < 0.25:
        headline = rng.choice(EMAIL_HEADLINES)
    else:
        headline = rng.choice(PLAIN_HEADLINES)
    stance = rng.random()
    if stance < 0.10:
        about = rng.choice(SELECTIVE_ABOUTS)
    elif stance < 0.20:
        about = rng.choice(OPEN_ABOUTS)
    elif stance < 0.25:
        about = rng.choice(FALSE_FRIEND_ABOUTS)
    elif stance < 0.60:
        about = " ".join(rng.sample(SENTENCES, rng.randint(2, 5)))
    else:
        about = ""
    profile: dict[str, Any] = {
        "name": f"{first} {last}",
        "first_name": first,
        "last_name": last,
        "headline": headline.format(**values),
        "company": company,
        "url": f"https://www.linkedin.com/in/example-{index}",
        "shared_connections": rng.choice([0, 0, 1, 3, 12, None]),
    }
    if about:
        profile["about"] = about.format(**values)
    if rng.random() < 0.2:
        profile["member_since"] = rng.randint(2003, 2024)
    return profile


def _note(rng: random.Random, profile: dict[str, Any], companies: Pool) -> str:
    first = profile["first_name"]
    pick = rng.random()
    if pick < 0.05:
        return ""
    if pick < 0.10:
        return DEFAULT_NOTE
    skill, skill2 = rng.sample(SKILLS, 2)
    if pick < 0.25:
        return HANDWRITTEN.format(
            first=first,
            skill=skill,
            skill2=skill2,
            city=rng.choice(CITIES),
            company2=companies.draw(rng),
        )
    # The rest get one of four campaign templates, filled in with the prospect's own fields.
    return rng.choice(TEMPLATES).format(first=first, company=profile["company"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8") as handle:
        for case in prospects(args.rows, args.seed):
            handle.write(json.dumps(case) + "\n")


if __name__ == "__main__":
    main()
