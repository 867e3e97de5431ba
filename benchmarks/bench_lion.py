"""Benchmark the lion plugin's per-profile cost, alone and together with email-headline.

Run as ``python benchmarks/bench_lion.py``. Prints microseconds per profile for a few typical
profiles (headline under 120 characters, about under 1,000), as the median of several repeats
of many calls to the plugins' ``invitecore_profile_signals`` hooks with settings resolved the way
the core resolves them. The issue's target: lion + email-headline together under 30 us for a
typical profile. The profiles are made up. A last "realistic mix" line gives the mean per
profile over the labelled profiles of the cross-plugin accuracy test (mostly evidence-bearing
profiles, false friends and edge cases, so heavier than a typical prospect list).
"""

from __future__ import annotations

import importlib
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from invitecore import Profile
from invitecore.settings import Settings, resolve_settings

ITERATIONS = 5_000
REPEATS = 7
LABELLED = Path(__file__).parents[1] / "tests" / "integration" / "data" / "labelled_profiles.json"

ABOUT = (
    "I lead a team of data engineers building reliable pipelines for retail analytics. Before "
    "that I spent six years in consulting, helping mid-sized companies move their reporting to "
    "the cloud. I care about clear documentation, honest estimates and mentoring junior "
    "colleagues. Outside work I coach a youth football team and volunteer at the local food "
    "bank. Happy to talk about data quality, dbt, Airflow and building a data culture in small "
    "teams. Recently I have been writing about testing data transformations and about how to "
    "run an analytics team of five without burning anyone out. Speaker at regional meetups."
)

PROFILES = {
    "typical (no evidence)": Profile(
        name="Mara Quint",
        headline="Head of Data Engineering at Examplecorp | dbt, Airflow, Snowflake",
        about=ABOUT, groups=("Data Engineering Guild", "Analytics Leaders Forum"),
        connections=850, member_since=2014,
    ),
    "typical with 'connect', '20+'": Profile(
        name="Mara Quint",
        headline="Network engineer at Examplecorp | 20+ years of routing",
        about=ABOUT + " Let's connect about network design.",
        groups=("Network Pros",), connections=850,
    ),
    "open networker": Profile(
        name="Dana Reyes (LION)",
        headline="[LION 12,000+] Recruiter • Open Networker • dana.reyes@example.com",
        about=ABOUT + " I accept all invitations. 🦁", groups=("TopLinked.com (Open Networkers)",),
        connections=12000, open_link=True,
    ),
    "selective connector": Profile(
        name="Harriet Quenby", headline="CFO at Examplecorp",
        about=ABOUT + " I only connect with people I know. Please include a note.",
        member_since=2005,
    ),
}


def load_labelled() -> list[Profile]:
    """The profiles of the cross-plugin accuracy test, as the engine would receive them."""
    cases = json.loads(LABELLED.read_text(encoding="utf-8"))
    return [Profile(**case["profile"]) for case in cases]


def _settings(module: ModuleType, name: str) -> Settings:
    declared = {s.name: s for s in module.invitecore_settings()}
    return resolve_settings(declared, {}, plugin=name)


def _hook(module: ModuleType, name: str) -> Callable[[Profile], object]:
    settings = _settings(module, name)
    return lambda profile: module.invitecore_profile_signals(profile=profile, settings=settings)


def _microseconds(function: Callable[[Profile], object], profiles: Sequence[Profile]) -> float:
    """Median over REPEATS of the mean time per profile, over about ITERATIONS calls."""
    for profile in profiles:
        function(profile)  # warm the caches (compiled patterns) before timing
    rounds = max(1, ITERATIONS // len(profiles))
    samples = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        for _ in range(rounds):
            for profile in profiles:
                function(profile)
        samples.append((time.perf_counter() - started) / (rounds * len(profiles)) * 1e6)
    return statistics.median(samples)


def _together(
    first: Callable[[Profile], object], second: Callable[[Profile], object]
) -> Callable[[Profile], object]:
    return lambda profile: (first(profile), second(profile))


def main() -> None:
    """Print the table."""
    lion = _hook(importlib.import_module("invitecore_lion.plugin"), "lion")
    try:
        email_module = importlib.import_module("invitecore_email_headline.plugin")
        email: Callable[[Profile], object] | None = _hook(email_module, "email-headline")
    except ImportError:
        email = None
    print(f"median of {REPEATS} x {ITERATIONS} calls, microseconds per profile")
    print(f"{'profile':34} {'chars':>6} {'lion':>8} {'email':>8} {'both':>8}")
    rows: list[tuple[str, list[Profile]]] = [(label, [p]) for label, p in PROFILES.items()]
    labelled = load_labelled()
    rows.append((f"realistic mix ({len(labelled)} labelled)", labelled))
    for label, profiles in rows:
        chars = sum(len(t) for p in profiles for _, t in p.text_fields()) // len(profiles)
        lion_us = _microseconds(lion, profiles)
        if email is None:
            print(f"{label:34} {chars:6d} {lion_us:8.1f} {'-':>8} {'-':>8}")
            continue
        email_us = _microseconds(email, profiles)
        both_us = _microseconds(_together(lion, email), profiles)
        print(f"{label:34} {chars:6d} {lion_us:8.1f} {email_us:8.1f} {both_us:8.1f}")


if __name__ == "__main__":
    main()
