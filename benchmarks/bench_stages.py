"""Where a batch row's time goes: each stage timed on its own over a synthetic list.

Reads a list made by generate_prospects.py (made if missing), then times, per row, in one
process and with all installed plugins: reading and building the cases; each plugin's
implementation of each per-case hook, called as the engine calls it; the whole
``Engine.evaluate``; rendering a JSON Lines row; each built-in batch check; the summary
counter. Each figure is the best of ``--repeats`` passes (CPU time of this process, so other
processes on the machine disturb it less than wall time would). Plugin caches warm up over the
first pass exactly as in a real run; the hook figures include that, and leave out what reading
the clock around each call costs. This script holds the whole list in memory, which a CLI run
never does, so the garbage collector's share differs from a run's; bench_batch.py has those.

    python benchmarks/bench_stages.py [--rows 20000] [--repeats 3] [--list FILE]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
from bench_batch import generate  # the sibling script (its folder is on sys.path when run)

from invitecore.builtin.machine import render_json_line
from invitecore.engine import Engine
from invitecore.inputs import load_inputs
from invitecore.results import Case, CaseResult
from invitecore.runner import batch_checks
from invitecore.summary import SummaryCounter


def per_row(work: Callable[[], object], rows: int, repeats: int) -> float:
    """Best CPU microseconds per row over ``repeats`` runs of ``work``."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return 1e6 * best / rows


class HookTimer:
    """Wraps every plugin implementation in an engine's call plans to add up its CPU time.

    Reading the clock twice per call costs about as much as a small hook itself, so
    :meth:`net_seconds` takes away what the timer adds up around a call that does nothing.
    """

    def __init__(self, engine: Engine) -> None:
        self.seconds: dict[tuple[str, str], float] = {}
        self.calls: dict[tuple[str, str], int] = {}
        for attribute, hook in (
            ("_signals", "signals"),
            ("_checks", "checks"),
            ("_factors", "factors"),
            ("_advice", "advice"),
        ):
            plan = getattr(engine, attribute)
            setattr(engine, attribute, tuple(self._wrap(hook, impl) for impl in plan))

    def _wrap(self, hook: str, impl: Any) -> Any:
        key = (hook, impl.plugin)
        self.seconds[key] = 0.0
        self.calls[key] = 0
        return attrs.evolve(impl, function=self._timed(key, impl.function))

    def _timed(self, key: tuple[str, str], call: Callable[..., Any]) -> Callable[..., Any]:
        clock, seconds, calls = time.process_time, self.seconds, self.calls

        def timed(**arguments: Any) -> Any:
            start = clock()
            try:
                return call(**arguments)
            finally:
                seconds[key] += clock() - start
                calls[key] += 1

        return timed

    def net_seconds(self) -> dict[tuple[str, str], float]:
        """Each hook's seconds, less what the timer itself adds to each call."""
        probe = ("probe", "nothing")
        self.seconds[probe], self.calls[probe] = 0.0, 0
        nothing = self._timed(probe, lambda **arguments: None)
        for _ in range(200_000):
            nothing(a=1, b=2)
        bias = self.seconds.pop(probe) / self.calls.pop(probe)
        return {
            key: max(0.0, spent - bias * self.calls[key]) for key, spent in self.seconds.items()
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--list", help="a JSON Lines list to use instead of generated ones (for both passes)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        # Two lists: the breakdown by hook runs on a list no plugin cache has seen either.
        if args.list:
            sources = [Path(args.list)] * 2  # one list: the breakdown then meets warm caches
        else:
            sources = [generate(args.rows, Path(scratch), seed) for seed in (7, 8)]
        engine = Engine.from_config()
        cases: list[Case] = []
        results: list[CaseResult] = []

        def read() -> None:
            cases[:] = load_inputs([str(sources[0])])  # type: ignore[assignment]

        def evaluate() -> None:
            results[:] = [engine.evaluate(case) for case in cases]

        # Reading and evaluating are timed on their first pass only: plugins cache by text, and
        # a second pass over the same rows would time their caches, not a run.
        total = per_row(read, 1, 1)
        count = len(cases)
        lines = [("read and build cases", total / count)]
        lines.append(("Engine.evaluate, all hooks", per_row(evaluate, count, 1)))
        timed_engine = Engine.from_config()
        timer = HookTimer(timed_engine)
        other = [case for case in load_inputs([str(sources[1])]) if isinstance(case, Case)]
        for case in other:
            timed_engine.evaluate(case)
        for (hook, plugin), seconds in timer.net_seconds().items():
            lines.append((f"  {hook:<8} {plugin}", 1e6 * seconds / len(other)))
        lines.append(
            (
                "render a jsonl row",
                per_row(lambda: [render_json_line(r) for r in results], count, args.repeats),
            )
        )
        for name, check in batch_checks(engine)[0]:

            def observe(check: Any = check) -> None:
                for result in results:
                    check.observe(result)

            lines.append((f"  batch check {check.name} ({name})", per_row(observe, count, 1)))
        counter = SummaryCounter()

        def count_all() -> None:
            for result in results:
                counter.add(result)

        lines.append(("summary counter", per_row(count_all, count, 1)))
    print(f"{count:,} rows; CPU microseconds per row (rendering: best of {args.repeats})")
    for label, micros in lines:
        print(f"{label:<48} {micros:7.1f}")


if __name__ == "__main__":
    main()
