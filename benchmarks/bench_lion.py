"""Benchmark the lion plugin's per-profile cost, alone and together with email-headline.

Run as ``python benchmarks/bench_lion.py``. Prints microseconds per profile for a few typical
profiles (headline under 120 characters, about under 1,000), as the median of several repeats
of many calls to the plugins' ``invitecore_profile_signals`` hooks with settings resolved the way
the core resolves them. The profiles are made up. The last lines give the mean per profile
over the labelled profiles of the cross-plugin accuracy test (mostly evidence-bearing
profiles, false friends and edge cases, so heavier than a typical prospect list).

The lion plugin remembers the evidence of field texts (a list repeats texts), so calling it on
one profile over and over would time that memory. Before every call it is told to forget
(``invitecore_lion.plugin.forget``, outside the timed call): each lion figure is the cost of a
profile seen for the first time.

With ``--list FILE`` (a JSON Lines list, e.g. from generate_prospects.py) it prints instead the
mean microseconds per row of one pass over the list, as a run sees it (the memory warming up
as it goes), and the same with the memory forgotten before every row.

With ``--cold`` it prints the cost of a cold start: a fresh interpreter importing the plugin,
resolving its settings and checking one profile (the median of several fresh processes, minus
the same interpreter importing only the core).

The script uses only the plugin's hooks and ``forget``, so it runs with any version of the
plugin (compare two versions by running it with each one's environment).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from invitecore import Profile
from invitecore.inputs import load_inputs
from invitecore.settings import Settings, resolve_settings
from invitecore_lion import plugin as lion_plugin

try:
    from invitecore.results import Case
except ImportError:  # the core before results.py (commit 1179edd and older)
    from invitecore.report import Case  # type: ignore[no-redef,attr-defined,import-not-found,unused-ignore]

ITERATIONS = 5_000
REPEATS = 7
COLD_RUNS = 15
DATA = Path(__file__).parents[1] / "tests" / "integration" / "data"
LABELLED = [DATA / "labelled_profiles.json", DATA / "blind-1-profiles.json"]

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

# A cold start: import the plugin, resolve its settings, check one profile.
_COLD = """
import time
started = time.perf_counter()
import {module} as plugin
from invitecore import Profile
from invitecore.settings import resolve_settings
settings = resolve_settings({{s.name: s for s in plugin.invitecore_settings()}}, {{}}, plugin="x")
plugin.invitecore_profile_signals(
    profile=Profile(name="Ada Lane", headline="Recruiter (LION) | I accept all invitations",
                    about="Not a LION? I only connect with people I know. Please include a note."),
    settings=settings,
)
print(time.perf_counter() - started)
"""
_BASE = """
import time
started = time.perf_counter()
import invitecore
from invitecore import Profile
from invitecore.settings import resolve_settings
print(time.perf_counter() - started)
"""


def load_labelled() -> list[Profile]:
    """The profiles of the cross-plugin accuracy test, as the engine would receive them."""
    profiles = []
    for path in LABELLED:
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            cases = data["profiles"] if isinstance(data, dict) else data
            profiles += [Profile(**case["profile"]) for case in cases]
    return profiles


def _settings(module: ModuleType, name: str) -> Settings:
    declared = {s.name: s for s in module.invitecore_settings()}
    return resolve_settings(declared, {}, plugin=name)


class _Hook:
    """A plugin's profile hook with resolved settings, and what to do before each timed call."""

    def __init__(self, module: ModuleType, name: str) -> None:
        settings = _settings(module, name)
        self.call: Callable[[Profile], object] = lambda profile: module.invitecore_profile_signals(
            profile=profile, settings=settings
        )
        # The lion plugin's memory of field texts, forgotten before each call.
        self.reset: Callable[[], None] = lambda: None
        if module is lion_plugin:
            self.reset = lambda: lion_plugin.forget(settings)


def _microseconds(hooks: Sequence[_Hook], profiles: Sequence[Profile]) -> float:
    """Median over REPEATS of the mean time per profile of ``hooks`` (called in turn), over
    about ITERATIONS calls, each timed on its own after the hooks' resets."""
    for profile in profiles:
        for hook in hooks:
            hook.call(profile)  # compile the patterns, warm what a run has warm, before timing
    rounds = max(1, ITERATIONS // len(profiles))
    clock = time.perf_counter
    samples = []
    for _ in range(REPEATS):
        spent = 0.0
        for _ in range(rounds):
            for profile in profiles:
                for hook in hooks:
                    hook.reset()
                started = clock()
                for hook in hooks:
                    hook.call(profile)
                spent += clock() - started
        samples.append(spent / (rounds * len(profiles)) * 1e6)
    return statistics.median(samples)


def _list(path: str) -> None:
    """Print the lion hook's mean microseconds per row over the list at ``path``."""
    profiles = [case.profile for case in load_inputs([path]) if isinstance(case, Case)]
    settings = _settings(lion_plugin, "lion")
    hook = lion_plugin.invitecore_profile_signals
    for profile in profiles[:200]:  # compile the patterns as a run's first profiles would
        hook(profile=profile, settings=settings)
    lion_plugin.forget(settings)
    started = time.process_time()
    for profile in profiles:
        hook(profile=profile, settings=settings)
    spent = (time.process_time() - started) / len(profiles) * 1e6
    print(f"{len(profiles)} rows, memory on (as in a run): {spent:.2f} us per row (CPU time)")
    clock = time.process_time
    spent = 0.0
    for profile in profiles:
        lion_plugin.forget(settings)
        started = clock()
        hook(profile=profile, settings=settings)
        spent += clock() - started
    print(f"{len(profiles)} rows, memory forgotten before each row: "
          f"{spent / len(profiles) * 1e6:.2f} us per row (CPU time)")


def _cold() -> None:
    """Print the median cold start of the plugin, and of the core's imports alone: with the
    modules' bytecode cached (as installed; a first, untimed run writes it), and with every
    module compiled from source in every process (bytecode neither read nor written)."""
    def run(source: str, env: dict[str, str]) -> float:
        out = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True,
                             check=True, env=env)
        return float(out.stdout.strip())

    cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as empty:
        # An empty bytecode cache that is never written: every import compiles its source.
        uncached = {**cached, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": empty}
        for label, env in (("bytecode cached", cached), ("compiled from source", uncached)):
            cold = _COLD.format(module="invitecore_lion.plugin")
            run(cold, env)
            run(_BASE, env)  # write the bytecode (when it may be) before timing
            plugin = [run(cold, env) for _ in range(COLD_RUNS)]
            base = [run(_BASE, env) for _ in range(COLD_RUNS)]
            plugin_ms = statistics.median(plugin) * 1e3
            base_ms = statistics.median(base) * 1e3
            print(f"cold start ({label}), median of {COLD_RUNS} fresh processes: import + "
                  f"settings + first profile {plugin_ms:.1f} ms; core imports alone "
                  f"{base_ms:.1f} ms; the plugin's share {plugin_ms - base_ms:.1f} ms")


def main() -> None:
    """Print the table (or, with ``--list``, the list's mean; with ``--cold``, the cold
    start)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--list", help="a JSON Lines list: time one pass over it instead")
    parser.add_argument("--cold", action="store_true", help="time a cold start instead")
    args = parser.parse_args()
    if args.list:
        _list(args.list)
        return
    if args.cold:
        _cold()
        return
    lion = _Hook(lion_plugin, "lion")
    try:
        email_module = importlib.import_module("invitecore_email_headline.plugin")
        email: _Hook | None = _Hook(email_module, "email-headline")
    except ImportError:
        email = None
    print(f"median of {REPEATS} x {ITERATIONS} calls, microseconds per profile")
    print(f"{'profile':34} {'chars':>6} {'lion':>8} {'email':>8} {'both':>8}")
    rows: list[tuple[str, list[Profile]]] = [(label, [p]) for label, p in PROFILES.items()]
    labelled = load_labelled()
    rows.append((f"realistic mix ({len(labelled)} labelled)", labelled))
    for label, profiles in rows:
        chars = sum(len(t) for p in profiles for _, t in p.text_fields()) // len(profiles)
        lion_us = _microseconds([lion], profiles)
        if email is None:
            print(f"{label:34} {chars:6d} {lion_us:8.1f} {'-':>8} {'-':>8}")
            continue
        email_us = _microseconds([email], profiles)
        both_us = _microseconds([lion, email], profiles)
        print(f"{label:34} {chars:6d} {lion_us:8.1f} {email_us:8.1f} {both_us:8.1f}")


if __name__ == "__main__":
    main()
