"""Write a synthetic prospect list: JSON Lines of cases, made-up people only.

The mix is meant to look like a real outreach list: mostly plain profiles, some open networkers
(LION tokens, emails in headlines), some selective statements, long-time members, templated
notes with a few personal ones, a share of duplicates and strangers.

    python benchmarks/generate_prospects.py --rows 1000000 --out /tmp/prospects.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from typing import Any

FIRST = ["Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jon", "Kemi",
         "Lars", "Mina", "Noor", "Olu", "Priya", "Quinn", "Rosa", "Sami", "Tara"]
LAST = ["Alvarez", "Brandt", "Chen", "Dube", "Eriksen", "Fofana", "Garcia", "Haddad", "Ito",
        "Jensen", "Kowalski", "Laine", "Mensah", "Novak", "Okafor", "Patel", "Quist", "Rossi"]
COMPANIES = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adatum", "Proseware"]
TITLES = ["Head of Talent", "CFO", "Data Engineer", "Founder", "Sales Director", "Recruiter"]
HEADLINES = [
    "{title} at {company}",
    "{title} at {company} | [LION 12,000+] | Open Networker",
    "{title} | {first}.{last}@example.com | invites welcome",
    "{title} at {company} | Building teams that ship",
    "{title} | Product @ {company}",
]
ABOUTS = [
    "",
    "I lead the {company} data platform team.",
    "I only connect with people I know personally. Please include a note saying how we met.",
    "Open networker: I accept all invitations. You never know who can help whom.",
    "Twenty years in logistics finance, member of Lions Clubs International.",
]
NOTES = [
    "",
    "I'd like to add you to my professional network on LinkedIn.",
    "Hi {first}, I read your post about hiring data engineers and would like to connect; "
    "happy to share our meetup's speaker list with you.",
    "Hi {first}, we met at the Lisbon product meetup in March. Great to stay in touch!",
    "Hi {first}, I am trying to build my network and would love to connect.",
]


def prospects(rows: int, seed: int) -> Iterator[dict[str, Any]]:
    """Yield ``rows`` case objects, reproducibly for one seed."""
    rng = random.Random(seed)
    for index in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        company, title = rng.choice(COMPANIES), rng.choice(TITLES)
        values = {"first": first.lower(), "last": last.lower(), "company": company, "title": title}
        person = index if rng.random() > 0.02 else max(0, index - 1)  # ~2% duplicates
        profile: dict[str, Any] = {
            "name": f"{first} {last}",
            "first_name": first,
            "last_name": last,
            "headline": rng.choice(HEADLINES).format(**values),
            "company": company,
            "url": f"https://www.linkedin.com/in/example-{person}",
            "shared_connections": rng.choice([0, 0, 1, 3, 12, None]),
        }
        about = rng.choice(ABOUTS).format(**values)
        if about:
            profile["about"] = about
        if rng.random() < 0.2:
            profile["member_since"] = rng.randint(2003, 2024)
        yield {
            "id": str(index),
            "profile": profile,
            "invitation": {
                "note": rng.choice(NOTES).format(first=first),
                "relationship": rng.choice(["none", "none", "other", "colleague", "group"]),
            },
        }


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
