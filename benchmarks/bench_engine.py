"""Engine overhead: `Engine.evaluate(case)` against calling the four plugins' hooks directly.

"Direct" calls each bundled plugin's hook functions with arguments prepared beforehand (the
classification and findings the engine would pass), which is the least any host could do. The
engine on top classifies, scores, decides the verdict, isolates each plugin, checks types and
codes and builds the result. Both are timed in the same run; the script prints per-case
microseconds (median of repeats) and the ratio. Target (docs/benchmarks.md): at most 1.3x.

    python benchmarks/bench_engine.py [--repeats 7] [--number 2000]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

from invitecore import Case, Invitation, Profile, Sender
from invitecore.engine import Engine

CASES = [
    Case(
        profile=Profile(
            name="Priya Natarajan [LION 12,000+]",
            first_name="Priya",
            headline="Talent Partner | Open Networker | priya.natarajan@example.com",
            about="I accept all invitations: you never know who can help whom. " * 6,
            groups=("TopLinked.com (Open Networkers)", "Data Engineering Europe"),
            connections=12400,
            company="Northwind Analytics",
        ),
        invitation=Invitation(
            note="Hi Priya, I saw your post on hiring data engineers in Lisbon. I run a small "
            "meetup on the same topic and would be glad to share our speaker list with you.",
            relationship="other",
        ),
    ),
    Case(
        profile=Profile(
            name="Martin Oduya",
            headline="CFO at Blue Harbor Logistics",
            about="I only connect with people I know personally. Please follow me instead.",
            member_since=2005,
            shared_connections=0,
        ),
        invitation=Invitation(
            note="I'd like to add you to my professional network on LinkedIn.",
            relationship="none",
        ),
    ),
    Case(
        profile=Profile(
            name="Helen Castillo", first_name="Helen",
            headline="Head of Product at Lumen Health", shared_connections=41,
            company="Lumen Health",
        ),
        invitation=Invitation(
            note="Hi Helen, it's Sam from the Fabrikam checkout team (2019-2021). Saw you moved "
            "to Lumen Health, congratulations! Would be great to stay in touch.",
            relationship="colleague",
        ),
        sender=Sender(name="Sam Whitaker"),
    ),
]


def _direct_calls(engine: Engine, case: Case) -> list[Callable[[], Any]]:
    """Zero-argument closures calling each plugin hook with precomputed arguments."""
    result = engine.evaluate(case)
    arguments = {
        "profile": case.profile,
        "invitation": case.invitation,
        "sender": case.sender,
        "classification": result.classification,
        "findings": result.findings,
        "result": result,
    }
    calls: list[Callable[[], Any]] = []
    for plan in (engine._signals, engine._checks, engine._factors, engine._advice):
        for impl in plan:
            if impl.plugin == "invitecore.core":
                continue
            kwargs = {
                name: impl.settings if name == "settings" else arguments[name]
                for name in impl.argnames
            }

            def call(
                function: Callable[..., Any] = impl.function, kw: dict[str, Any] = kwargs
            ) -> Any:
                returned = function(**kw)
                # Generators do their work only when consumed; consume like a host must.
                return list(returned) if returned is not None else None

            calls.append(call)
    return calls


def _per_case(run: Callable[[], None], number: int, repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            run()
        timings.append((time.perf_counter() - start) / number)
    return statistics.median(timings) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--number", type=int, default=2000)
    args = parser.parse_args()
    engine = Engine.from_config()
    plugins = [r.name for r in engine.loaded.active_external]
    print(f"plugins: {', '.join(plugins) or 'none'}")
    direct = [_direct_calls(engine, case) for case in CASES]

    def run_direct() -> None:
        for calls in direct:
            for call in calls:
                call()

    def run_engine() -> None:
        for case in CASES:
            engine.evaluate(case)

    run_direct()
    run_engine()
    d = _per_case(run_direct, args.number, args.repeats) / len(CASES)
    e = _per_case(run_engine, args.number, args.repeats) / len(CASES)
    print(f"plugin hooks called directly : {d:7.1f} us per case")
    print(f"Engine.evaluate              : {e:7.1f} us per case")
    print(f"ratio                        : {e / d:.2f}x (target <= 1.3x)")


if __name__ == "__main__":
    main()
