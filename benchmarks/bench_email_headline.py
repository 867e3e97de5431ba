"""Benchmark the email-headline plugin: microseconds per profile / per case for typical inputs.

Run: ``python benchmarks/bench_email_headline.py``. Calls the hook functions directly (no engine),
so the numbers are the plugin's own cost. When the lion plugin is installed too, it also times
both plugins' profile hooks together (the issue's target: under 30 microseconds per profile).
Each figure is the median of several repeats of many iterations, timed with perf_counter.

The plugin keeps the addresses of the last profile it read, for the check hook that follows the
signal hook on the same profile. Calling a hook on one profile over and over would time that
entry, not the work, so it is cleared before every call: each figure is the cost for a profile
seen for the first time (clearing it is one assignment).
"""

from __future__ import annotations

import importlib
import statistics
import time
from collections.abc import Callable
from types import ModuleType
from typing import Any

from invitecore import Invitation, Profile
from invitecore.settings import Settings, resolve_settings
from invitecore_email_headline import listing
from invitecore_email_headline import plugin as email_plugin

REPEATS = 7
ITERATIONS = 5_000

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
}

INVITATIONS = {
    "relationship none, no email (typical)": Invitation(note="Hi Jane", relationship="none"),
    "relationship other, email missing": Invitation(note="Hi Jane", relationship="other"),
    "relationship other, email matches": Invitation(
        note="Hi Jane", relationship="other", email="jane.doe@example.com"
    ),
    "malformed email": Invitation(note="Hi Jane", relationship="friend", email="jane@example"),
}


def _settings_for(module: ModuleType, name: str) -> Settings:
    declared = {setting.name: setting for setting in module.invitecore_settings()}
    return resolve_settings(declared, {}, plugin=name)


def _median_microseconds(work: Callable[[], Any]) -> float:
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        for _ in range(ITERATIONS):
            listing._last = None  # a profile seen for the first time (see the module docstring)
            work()
        timings.append((time.perf_counter() - started) / ITERATIONS * 1e6)
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


def main() -> None:
    """Print the per-profile and per-case timings."""
    email_settings = _settings_for(email_plugin, "email-headline")
    print(f"email-headline, median of {REPEATS} x {ITERATIONS} calls (microseconds)")
    print("profile signals (invitecore_profile_signals):")
    for label, profile in PROFILES.items():
        micros = _median_microseconds(
            lambda p=profile: email_plugin.invitecore_profile_signals(
                profile=p, settings=email_settings
            )
        )
        print(f"  {label:<40} {micros:8.2f} us")
    print("invitation checks (invitecore_invitation_checks), email in headline profile:")
    profile = PROFILES["email in headline"]
    for label, invitation in INVITATIONS.items():
        micros = _median_microseconds(
            lambda i=invitation: email_plugin.invitecore_invitation_checks(
                invitation=i, profile=profile, settings=email_settings
            )
        )
        print(f"  {label:<40} {micros:8.2f} us")

    lion = _optional_lion()
    if lion is None:
        print("lion + email-headline: invitecore_lion has no profile hook installed; skipped")
        return
    lion_settings = _settings_for(lion, "lion")
    print("lion + email-headline profile signals together:")
    for label, profile in PROFILES.items():
        micros = _median_microseconds(
            lambda p=profile: (
                lion.invitecore_profile_signals(profile=p, settings=lion_settings),
                email_plugin.invitecore_profile_signals(profile=p, settings=email_settings),
            )
        )
        print(f"  {label:<40} {micros:8.2f} us")


if __name__ == "__main__":
    main()
