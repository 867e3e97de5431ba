"""Benchmark the email-headline plugin: microseconds per profile / per case, and the cold start.

Run: ``python benchmarks/bench_email_headline.py``. Calls the hook functions directly (no engine),
so the numbers are the plugin's own cost. When the lion plugin is installed too, it also times
both plugins' profile hooks together (the issue's target: under 30 microseconds per profile).
Each figure is the median of several repeats of many iterations of CPU time (``process_time``:
a busy machine steals wall-clock time, not CPU time).

The plugin keeps the addresses of the last profile it read, for the check hook that follows the
signal hook on the same profile. Calling a hook on one profile over and over would time that
entry, not the work, so it is cleared before every call: each figure is the cost for a profile
seen for the first time (clearing it is one assignment).

The script runs under any venv that has the plugin, old or new. To compare two side by side in
one run, give the other venv's interpreter:

- ``--against /work/baseline/.venv/bin/python`` runs this script's measurements in a fresh
  process of each interpreter in turn, ``--rounds`` times alternately (so a change of load hits
  both alike), and prints the median of each side and their ratio (this one / the other);
- ``--cold`` measures the cold start instead: in a fresh process, the plugin's import (the core
  imported first, apart) and its first calls on one profile and invitation, for a few profiles;
  with ``--against``, alternately in both. The children run with bytecode caching on, and once
  untimed first, so that neither side compiles its sources (an editable install under
  ``PYTHONDONTWRITEBYTECODE`` would, a regular one would not).

Profiles and cases marked "(intl)" hold internationalised addresses or text outside ASCII; the
rows above them are those of the benchmark before internationalised addresses were found.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from types import ModuleType
from typing import Any

from invitecore import Invitation, Profile
from invitecore.settings import Settings, resolve_settings

ABOUT = (
    "I help early-stage software companies turn their first customers into a repeatable sales "
    "motion. Before consulting I spent eight years in product and go-to-market roles at two "
    "venture-backed startups, where I built the first sales team, wrote the playbook and hired "
    "the first account executives. Today I work with founders on pricing, positioning and the "
    "first ten hires of a commercial team. I write a weekly newsletter about B2B sales for "
    "technical founders and speak at meetups about customer discovery. Outside work I run, "
    "cook for too many people and volunteer as a mentor at a local accelerator. If you are a "
    "founder figuring out how to sell, or an operator who enjoys comparing notes on early "
    "go-to-market, I would be glad to hear from you. I read every message, although it may take "
    "me a few days to answer during busy weeks."
)

ABOUT_RU = (
    "Помогаю молодым софтверным компаниям превратить первых клиентов в повторяемые продажи. "
    "До консалтинга восемь лет работал в продукте и выводе на рынок в двух стартапах, где "
    "собрал первую команду продаж и написал плейбук. Сейчас работаю с основателями над "
    "ценообразованием и позиционированием. Веду еженедельную рассылку о B2B-продажах 🚀"
)

PROFILES = {
    "no email (typical)": Profile(
        name="Jane Doe",
        headline="Head of Growth at Acme | B2B SaaS go-to-market | Mentor @ Example Accelerator",
        about=ABOUT,
    ),
    "email in headline": Profile(
        name="Jane Doe",
        headline="Sales coach for founders | jane.doe@example.com | Invitations welcome",
        about=ABOUT,
    ),
    "obfuscated email in about": Profile(
        name="Jane Doe",
        headline="Product @ Stripe | ex-Marketing @ HubSpot.com",
        about=ABOUT + " Reach me at jane dot doe at example dot com.",
    ),
    "refused email in about": Profile(
        name="Jane Doe",
        headline="Engineer at Example Corp",
        about=ABOUT + " Please do not contact me at jane@example.com about sales.",
    ),
    "(intl) no email, Cyrillic text": Profile(
        name="Иван Петров",
        headline="Продакт @ Яндекс | B2B SaaS 🚀 | Ментор @ Акселератор",
        about=ABOUT_RU,
    ),
    "(intl) IDN email in headline": Profile(
        name="葉士豪",
        headline="工程師 | 葉士豪@臺網中心.台灣 | 歡迎邀請",
        about=ABOUT,
    ),
    "(intl) obfuscated email in about": Profile(
        name="Иван Петров",
        headline="Продакт @ Яндекс",
        about=ABOUT_RU + " Пишите: юзер [at] екзампл [dot] ком.",
    ),
}

INVITATIONS = {
    "relationship none, no email (typical)": Invitation(note="Hi Jane", relationship="none"),
    "relationship other, email missing": Invitation(note="Hi Jane", relationship="other"),
    "relationship other, email matches": Invitation(
        note="Hi Jane", relationship="other", email="jane.doe@example.com"
    ),
    "malformed email": Invitation(note="Hi Jane", relationship="friend", email="jane@example"),
    "(intl) IDN email, other address listed": Invitation(
        note="Hi Jane", relationship="other", email="jeff@臺網中心.tw"
    ),
}


def _settings_for(module: ModuleType, name: str) -> Settings:
    declared = {setting.name: setting for setting in module.invitecore_settings()}
    return resolve_settings(declared, {}, plugin=name)


def _median_microseconds(work: Callable[[], Any], repeats: int, iterations: int) -> float:
    from invitecore_email_headline import listing

    timings = []
    for _ in range(repeats):
        started = time.process_time()
        for _ in range(iterations):
            listing._last = None  # a profile seen for the first time (see the module docstring)
            work()
        timings.append((time.process_time() - started) / iterations * 1e6)
    return statistics.median(timings)


def _optional_lion() -> ModuleType | None:
    try:
        module = importlib.import_module("invitecore_lion.plugin")
    except ImportError:
        return None
    has_hooks = hasattr(module, "invitecore_profile_signals") and hasattr(
        module, "invitecore_settings"
    )
    return module if has_hooks else None


def measure(repeats: int, iterations: int, with_lion: bool = True) -> dict[str, float]:
    """Median microseconds per call for every row, keyed by its printed label."""
    from invitecore_email_headline import plugin as email_plugin

    email_settings = _settings_for(email_plugin, "email-headline")
    rows: dict[str, float] = {}
    for label, profile in PROFILES.items():
        rows[f"profile signals | {label}"] = _median_microseconds(
            lambda p=profile: email_plugin.invitecore_profile_signals(
                profile=p, settings=email_settings
            ),
            repeats,
            iterations,
        )
    profile = PROFILES["email in headline"]
    for label, invitation in INVITATIONS.items():
        rows[f"invitation checks | {label}"] = _median_microseconds(
            lambda i=invitation: email_plugin.invitecore_invitation_checks(
                invitation=i, profile=profile, settings=email_settings
            ),
            repeats,
            iterations,
        )
    lion = _optional_lion() if with_lion else None
    if lion is not None:
        lion_settings = _settings_for(lion, "lion")
        for label, profile in PROFILES.items():
            rows[f"lion + email-headline | {label}"] = _median_microseconds(
                lambda p=profile: (
                    lion.invitecore_profile_signals(profile=p, settings=lion_settings),
                    email_plugin.invitecore_profile_signals(profile=p, settings=email_settings),
                ),
                repeats,
                iterations,
            )
    return rows


COLD_CASES = {
    "ASCII profile, email in headline": ("email in headline", "relationship other, email matches"),
    "(intl) Cyrillic text, no email": ("(intl) no email, Cyrillic text", "malformed email"),
    "(intl) IDN email in headline": (
        "(intl) IDN email in headline",
        "(intl) IDN email, other address listed",
    ),
}


def cold(case: str) -> dict[str, float]:
    """Milliseconds to import the plugin (the core already imported) and for its first calls.

    Meant for a fresh process: ``--cold-case`` runs it there.
    """
    import invitecore  # noqa: F401  (the core's import is not the plugin's cost)

    started = time.perf_counter()
    from invitecore_email_headline import plugin as email_plugin

    imported = time.perf_counter()
    settings = _settings_for(email_plugin, "email-headline")
    profile_label, invitation_label = COLD_CASES[case]
    profile, invitation = PROFILES[profile_label], INVITATIONS[invitation_label]
    resolved = time.perf_counter()
    email_plugin.invitecore_profile_signals(profile=profile, settings=settings)
    email_plugin.invitecore_invitation_checks(
        invitation=invitation, profile=profile, settings=settings
    )
    called = time.perf_counter()
    return {
        f"{case} | import": (imported - started) * 1e3,
        f"{case} | first calls": (called - resolved) * 1e3,
    }


def _run_child(python: str, arguments: list[str]) -> dict[str, float]:
    # Bytecode caching on, as for an installed program (PYTHONDONTWRITEBYTECODE would make every
    # import compile the sources of an editable install, and not those of a regular one).
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    output = subprocess.run(
        [python, __file__, *arguments],
        check=True,
        capture_output=True,
        text=True,
        env=environment,
    ).stdout
    result: dict[str, float] = json.loads(output)
    return result


def _compare(
    other: str | None, rounds: int, arguments_per_round: list[list[str]], unit: str
) -> None:
    sides = {"this": sys.executable} if other is None else {"this": sys.executable, "other": other}
    seen: dict[str, dict[str, list[float]]] = {side: {} for side in sides}
    for python in sides.values():
        _run_child(python, arguments_per_round[0])  # untimed: writes the bytecode caches
    for _ in range(rounds):
        for arguments in arguments_per_round:
            for side, python in sides.items():
                for label, value in _run_child(python, arguments).items():
                    seen[side].setdefault(label, []).append(value)
    labels = list(seen["this"])
    for label in seen.get("other", {}):
        if label not in labels:
            labels.append(label)
    width = max(len(label) for label in labels)
    header = f"{'':<{width}}  {'this':>10}"
    if other is not None:
        header += f"  {'other':>10}  {'ratio':>6}"
    print(f"median of {rounds} alternating rounds ({unit}); this = {sys.executable}")
    if other is not None:
        print(f"other = {other}")
    print(header)
    for label in labels:
        this = statistics.median(seen["this"][label]) if label in seen["this"] else None
        line = f"{label:<{width}}  " + (f"{this:10.2f}" if this is not None else f"{'-':>10}")
        if other is not None:
            values = seen["other"].get(label)
            that = statistics.median(values) if values else None
            line += f"  {that:10.2f}" if that is not None else f"  {'-':>10}"
            if this is not None and that:
                line += f"  {this / that:6.2f}x"
        print(line)


def main() -> None:
    """Print the per-profile and per-case timings, or compare with another venv."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--iterations", type=int, default=5_000)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--no-lion", action="store_true", help="leave the lion plugin out")
    parser.add_argument("--against", metavar="PYTHON", help="another venv's interpreter")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds")
    parser.add_argument("--cold", action="store_true", help="import and first-call cost")
    parser.add_argument("--cold-case", choices=COLD_CASES, help=argparse.SUPPRESS)
    options = parser.parse_args()

    if options.cold_case:
        print(json.dumps(cold(options.cold_case)))
        return
    if options.cold:
        _compare(
            options.against,
            options.rounds,
            [["--cold-case", case] for case in COLD_CASES],
            "milliseconds, each figure from a fresh process",
        )
        return
    if options.against:
        child = ["--json", "--repeats", str(options.repeats)]
        child += ["--iterations", str(options.iterations)]
        if options.no_lion:
            child.append("--no-lion")
        _compare(options.against, options.rounds, [child], "CPU microseconds per call")
        return
    rows = measure(options.repeats, options.iterations, with_lion=not options.no_lion)
    if options.json:
        print(json.dumps(rows))
        return
    print(
        f"email-headline, median of {options.repeats} x {options.iterations} calls "
        "(CPU microseconds)"
    )
    section = None
    for label, micros in rows.items():
        head, _, name = label.partition(" | ")
        if head != section:
            print(f"{head}:")
            section = head
        print(f"  {name:<42} {micros:8.2f} us")
    if not any(label.startswith("lion") for label in rows) and not options.no_lion:
        print("lion + email-headline: invitecore_lion has no profile hook installed; skipped")


if __name__ == "__main__":
    main()
