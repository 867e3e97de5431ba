"""Per-case cost of the personalization plugin's invitation check.

Run: ``python benchmarks/bench_personalization.py``. Calls the plugin's
``invitecore_invitation_checks`` hook directly (no engine overhead) for a few typical cases
(notes under 300 characters), ``--number`` calls per repeat, and prints the median over
``--repeat`` repeats in microseconds per case. Settings are resolved once, as the engine does.
"""

from __future__ import annotations

import argparse
import statistics
import time

from invitecore import Invitation, Profile, Sender
from invitecore.settings import resolve_settings
from invitecore_personalization import plugin

PROFILE = Profile(
    name="Dana Kowalski",
    first_name="Dana",
    last_name="Kowalski",
    headline="Head of Data at Brightwell Analytics",
    company="Brightwell Analytics",
    groups=("PyData Warsaw", "Women in Data Science"),
)
SENDER = Sender(name="Sam Lee", account="free")
CASES = {
    "good stranger note (208 chars)": Invitation(
        note="Hi Dana, I read your article on data contracts in the Brightwell engineering blog. "
        "We're rolling them out at my company and I'd love to compare notes - happy to share our "
        "rollout checklist in return.",
        relationship="none",
    ),
    "colleague, no how-met (60 chars)": Invitation(
        note="Hey Dana! Long time no see :) Would be great to connect here.",
        relationship="colleague",
    ),
    "default text + signature (75 chars)": Invitation(
        note="Hi Dana, I'd like to add you to my professional network on LinkedIn. - Sam",
        relationship="none",
    ),
    "pitch with calendar link (196 chars)": Invitation(
        note="Hi Dana! I'm the founder of LeadRocket, we help data teams cut warehouse costs by "
        "40%. Do you have 15 minutes next week? Here's my calendar: "
        "https://calendly.com/example/15min",
        relationship="none",
    ),
    "placeholder + group claim (142 chars)": Invitation(
        note="Hi {firstName}, fellow member of the Data Engineers Guild here! I'm working on "
        "lineage tooling and would love to swap notes on what works.",
        relationship="group",
    ),
    "no note": Invitation(note="", relationship="none"),
}


def main() -> None:
    """Time each case and print microseconds per case (median of the repeats)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, default=5000, help="calls per repeat")
    parser.add_argument("--repeat", type=int, default=7, help="repeats (median reported)")
    args = parser.parse_args()
    declared = {s.name: s for s in plugin.invitecore_settings()}
    settings = resolve_settings(declared, {}, plugin="personalization")
    check = plugin.invitecore_invitation_checks
    print(f"personalization: invitecore_invitation_checks, median of {args.repeat} x "
          f"{args.number} calls")
    medians = []
    for label, invitation in CASES.items():
        def run(invitation: Invitation = invitation) -> None:
            check(invitation=invitation, profile=PROFILE, sender=SENDER, settings=settings)

        run()  # compile the settings' patterns outside the timing (once per run in the engine)
        timings = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            for _ in range(args.number):
                run()
            timings.append((time.perf_counter() - start) / args.number * 1e6)
        median = statistics.median(timings)
        medians.append(median)
        codes = sorted(f.code for f in check(
            invitation=invitation, profile=PROFILE, sender=SENDER, settings=settings))
        print(f"  {label:<40} {median:7.1f} us/case   {' '.join(codes) or '-'}")
    print(f"  {'median over cases':<40} {statistics.median(medians):7.1f} us/case")


if __name__ == "__main__":
    main()
