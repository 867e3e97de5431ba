"""Per-case cost of the personalization plugin's invitation check, alone and with spam-risk.

Run: ``python benchmarks/bench_personalization.py``. Calls the plugin's
``invitecore_invitation_checks`` hook directly (no engine overhead) for a few typical cases
(notes under 300 characters), ``--number`` calls per repeat, and prints the median over
``--repeat`` repeats in microseconds per case, twice: for a note seen for the first time (the
plugin's per-settings note cache bypassed: everything is worked out) and for a note seen before
(what a batch pays whenever a template's note recurs). When the spam-risk plugin is installed it
also prints the combined cost of both plugins per case, note seen before: the check followed by
spam-risk's ``invitecore_risk_factors`` on the findings it produced. Settings are resolved
once, as the engine does.

``--list FILE`` instead runs one pass over a JSON Lines list (see
``benchmarks/generate_prospects.py``) through the engine's call plan for this hook, as a batch
run does, and prints the CPU microseconds per row and the note cache's hit rate.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import inspect
import statistics
import time
from collections.abc import Callable
from types import ModuleType
from typing import Any

from invitecore import Case, Classification, Invitation, Profile, Sender, Settings
from invitecore.inputs import load_inputs
from invitecore.settings import resolve_settings
from invitecore_personalization import plugin


def _spam_risk() -> ModuleType | None:
    # Measured only when installed: the personalization plugin does not depend on it.
    try:
        return importlib.import_module("invitecore_spam_risk.plugin")
    except ImportError:
        return None

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


# No camp signals in the profile above: what the core concludes without the camp plugins.
CLASSIFICATION = Classification(camp="unknown", confidence=0.0)


def _hook(module: ModuleType) -> Callable[..., list[Any]]:
    """The plugin's check hook, given the core's classification when it takes one (the plugin
    of either venv: an older one does not)."""
    check: Callable[..., list[Any]] = module.invitecore_invitation_checks
    if "classification" in inspect.signature(check).parameters:
        return functools.partial(check, classification=CLASSIFICATION)
    return check


def _settings(module: ModuleType, name: str) -> Settings:
    declared = {s.name: s for s in module.invitecore_settings()}
    return resolve_settings(declared, {}, plugin=name)


def _microseconds(run: Callable[[], Any], number: int, repeat: int) -> float:
    """Median over ``repeat`` repeats of the mean microseconds per call of ``run``."""
    run()  # compile the settings' patterns outside the timing (once per run in the engine)
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            run()
        timings.append((time.perf_counter() - start) / number * 1e6)
    return statistics.median(timings)


def _cases(args: argparse.Namespace) -> None:
    settings = _settings(plugin, "personalization")
    check = _hook(plugin)
    # A fresh copy of each note's text: a note never seen before, whatever the plugin caches.
    fresh = iter(range(10**9))

    def first_sight(invitation: Invitation, profile: Profile, sender: Sender) -> list[Any]:
        note = invitation.note + " " * (next(fresh) % 2) if invitation.note else ""
        unseen = Invitation(note=note + "\u200b" * 0, relationship=invitation.relationship)
        return check(invitation=unseen, profile=profile, sender=sender, settings=settings)
    spam_risk = _spam_risk()
    risk_settings = _settings(spam_risk, "spam-risk") if spam_risk is not None else None
    print(f"median of {args.repeat} x {args.number} calls, us per case: personalization's "
          "invitecore_invitation_checks for a note seen for the first time and seen before, "
          "and (seen before) with spam-risk's invitecore_risk_factors after it")
    print(f"  {'case':<40} {'first':>7} {'again':>7} {'+ spam-risk':>12}   codes")
    first, again, combined = [], [], []
    for label, invitation in CASES.items():
        def run(invitation: Invitation = invitation) -> list[Any]:
            return check(invitation=invitation, profile=PROFILE, sender=SENDER, settings=settings)

        def run_first(invitation: Invitation = invitation) -> list[Any]:
            return first_sight(invitation, PROFILE, SENDER)

        def run_both(invitation: Invitation = invitation) -> list[Any]:
            findings = tuple(run(invitation))
            assert spam_risk is not None
            return spam_risk.invitecore_risk_factors(  # type: ignore[no-any-return]
                invitation=invitation, profile=PROFILE, classification=CLASSIFICATION,
                findings=findings, settings=risk_settings,
            )

        first.append(_microseconds(run_first, args.number, args.repeat))
        again.append(_microseconds(run, args.number, args.repeat))
        both = "n/a"
        if spam_risk is not None:
            combined.append(_microseconds(run_both, args.number, args.repeat))
            both = f"{combined[-1]:.1f}"
        codes = " ".join(sorted(f.code for f in run())) or "-"
        print(f"  {label:<40} {first[-1]:7.1f} {again[-1]:7.1f} {both:>12}   {codes}")
    total = f"{statistics.median(combined):.1f}" if combined else "n/a"
    print(f"  {'median over cases':<40} {statistics.median(first):7.1f} "
          f"{statistics.median(again):7.1f} {total:>12}")
    if spam_risk is None:
        print("(spam-risk plugin not installed: the combined cost was not measured)")


def _list(path: str) -> None:
    # Runs with either venv (the old plugin or this one): only the hook is called.
    settings = _settings(plugin, "personalization")
    check = _hook(plugin)
    cases = [case for case in load_inputs([path]) if isinstance(case, Case)]
    start = time.process_time()
    check(invitation=cases[0].invitation, profile=cases[0].profile, sender=cases[0].sender,
          settings=settings)
    first_case = time.process_time() - start
    start = time.process_time()
    for case in cases[1:]:
        check(invitation=case.invitation, profile=case.profile, sender=case.sender,
              settings=settings)
    elapsed = time.process_time() - start
    print(f"{len(cases)} rows: first case (settings compiled) {first_case * 1e3:.1f} ms; "
          f"the rest {elapsed / max(len(cases) - 1, 1) * 1e6:.1f} us per row (CPU, GC on)")


def main() -> None:
    """Time each case (or one pass over ``--list``) and print microseconds per case."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, default=5000, help="calls per repeat")
    parser.add_argument("--repeat", type=int, default=7, help="repeats (median reported)")
    parser.add_argument("--list", help="time one pass over this JSON Lines list instead")
    args = parser.parse_args()
    if args.list:
        _list(args.list)
    else:
        _cases(args)


if __name__ == "__main__":
    main()
