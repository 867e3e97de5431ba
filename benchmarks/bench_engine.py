"""Engine overhead: `Engine.evaluate(case)` against calling the four plugins' hooks directly.

"Direct" calls each bundled plugin's hook functions with arguments prepared beforehand (the
classification, findings and result the engine would pass), which is the least any host could
do. The engine on top classifies, scores, decides the verdict, isolates each plugin, checks
types and codes and builds the result. Target (docs/benchmarks.md): at most 1.3x.

Two measurements, both printed:

- **list** (the target): 5,000 distinct prospects from the synthetic list. The plugins cache
  what they work out by text, so each side runs in a fresh child process that meets the list
  for the first time, as a real run does; the arguments for the direct side are prepared in
  another process and loaded from a pickle before the clock starts. CPU time of one pass,
  median over ``--repeats`` pairs of children.
- **three cases, repeated**: three hand-written cases evaluated over and over. Every plugin
  answers from its caches here, so this shows the engine's own cost per case against the
  cheapest possible plugin work, not a run.

    python benchmarks/bench_engine.py [--rows 5000] [--repeats 5] [--number 2000]
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_batch import generate  # the sibling script (its folder is on sys.path when run)

from invitecore import Case, Invitation, Profile, Sender
from invitecore.engine import Engine
from invitecore.inputs import load_inputs

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


def _arguments(engine: Engine, case: Case) -> dict[str, Any]:
    """Every hook argument for ``case``, as the engine would pass them."""
    result = engine.evaluate(case)
    return {
        "profile": case.profile,
        "invitation": case.invitation,
        "sender": case.sender,
        "classification": result.classification,
        "findings": result.findings,
        "result": result,
    }


def _direct_calls(engine: Engine, arguments: dict[str, Any]) -> list[Callable[[], Any]]:
    """Zero-argument closures calling each plugin hook with the prepared ``arguments``."""
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


def _child(side: str, prepared: Path) -> None:
    """One pass of one side over the prepared list, in this fresh process: µs per case."""
    engine = Engine.from_config()
    rows: list[tuple[Case, dict[str, Any]]] = pickle.loads(prepared.read_bytes())
    if side == "direct":
        work = [call for _, arguments in rows for call in _direct_calls(engine, arguments)]
        start = time.process_time()
        for call in work:
            call()
    else:
        cases = [case for case, _ in rows]
        evaluate = engine.evaluate
        start = time.process_time()
        for case in cases:
            evaluate(case)
    print(1e6 * (time.process_time() - start) / len(rows))


def _list_ratio(rows: int, repeats: int) -> tuple[float, float]:
    """Median µs per case (direct, engine) over ``repeats`` pairs of fresh children."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        source = generate(rows, folder, seed=8)
        engine = Engine.from_config()
        cases = [item for item in load_inputs([str(source)]) if isinstance(item, Case)]
        prepared = folder / "prepared.pickle"
        prepared.write_bytes(pickle.dumps([(case, _arguments(engine, case)) for case in cases]))
        timings: dict[str, list[float]] = {"direct": [], "engine": []}
        for _ in range(repeats):
            for side in ("direct", "engine"):
                done = subprocess.run(
                    [sys.executable, __file__, "--child", side, str(prepared)],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                timings[side].append(float(done.stdout))
    return statistics.median(timings["direct"]), statistics.median(timings["engine"])


def _per_case(run: Callable[[], None], number: int, repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            run()
        timings.append((time.perf_counter() - start) / number)
    return statistics.median(timings) * 1e6


def _repeated_ratio(number: int, repeats: int) -> tuple[float, float]:
    engine = Engine.from_config()
    direct = [_direct_calls(engine, _arguments(engine, case)) for case in CASES]

    def run_direct() -> None:
        for calls in direct:
            for call in calls:
                call()

    def run_engine() -> None:
        for case in CASES:
            engine.evaluate(case)

    run_direct()
    run_engine()
    d = _per_case(run_direct, number, repeats) / len(CASES)
    e = _per_case(run_engine, number, repeats) / len(CASES)
    return d, e


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--number", type=int, default=2000)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], Path(args.child[1]))
        return
    plugins = [r.name for r in Engine.from_config().loaded.active_external]
    print(f"plugins: {', '.join(plugins) or 'none'}")
    d, e = _list_ratio(args.rows, args.repeats)
    print(f"list of {args.rows:,} prospects, first pass (median of {args.repeats} child pairs)")
    print(f"  plugin hooks called directly : {d:7.1f} us per case")
    print(f"  Engine.evaluate              : {e:7.1f} us per case")
    print(f"  ratio                        : {e / d:.2f}x (target <= 1.3x)")
    d, e = _repeated_ratio(args.number, 7)
    print("three cases, repeated (plugins answer from their caches)")
    print(f"  plugin hooks called directly : {d:7.1f} us per case")
    print(f"  Engine.evaluate              : {e:7.1f} us per case")
    print(f"  ratio                        : {e / d:.2f}x (engine's own cost: {e - d:.1f} us)")


if __name__ == "__main__":
    main()
