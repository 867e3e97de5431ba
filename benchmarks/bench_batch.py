"""Batch throughput and memory: `invitecore run LIST.jsonl -f jsonl` on synthetic lists.

Runs the real CLI in child processes (all installed plugins), on lists made by
generate_prospects.py, and reports for each run the wall time, prospects per second and the
child's peak resident memory. In the same run it compares:

- 1 job against `--jobs 2` on the large list (target: at least 1.7x faster),
- peak memory on the large list against the small one (target: at most 1.2x),
- prospects per second on the large list, single process (target: at least 15,000/s).

    python benchmarks/bench_batch.py [--small 10000] [--large 1000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def generate(rows: int, folder: Path, seed: int = 7) -> Path:
    """The synthetic list of ``rows`` prospects (reused when it already exists)."""
    target = folder / (f"prospects-{rows}.jsonl" if seed == 7 else f"prospects-{rows}-{seed}.jsonl")
    if not target.exists():
        subprocess.run(
            [sys.executable, str(HERE / "generate_prospects.py"), "--rows", str(rows),
             "--seed", str(seed), "--out", str(target)],
            check=True,
        )
    return target


def measure(source: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `invitecore run` child."""
    command = [sys.executable, "-m", "invitecore", "run", str(source), "-f", "jsonl",
               "-o", os.devnull, "--quiet", "--fail-on", "never", "--jobs", str(jobs)]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=ENV)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"run failed with status {status}: {' '.join(command)}")
    # ru_maxrss is in KiB on Linux; with --jobs it is the largest single process.
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--keep", help="folder to keep the generated lists in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        small, large = generate(args.small, folder), generate(args.large, folder)
        measure(small, 1)  # warm caches and bytecode
        rows = {}
        for label, source, count, jobs in (
            ("small, 1 job", small, args.small, 1),
            ("large, 1 job", large, args.large, 1),
            ("large, 2 jobs", large, args.large, 2),
        ):
            seconds, rss = measure(source, jobs)
            rows[label] = (seconds, rss, count / seconds)
            print(f"{label:<14} {count:>9,} rows  {seconds:8.1f} s  {count / seconds:9,.0f} rows/s"
                  f"  peak RSS {rss:7.1f} MiB")
    one, two = rows["large, 1 job"], rows["large, 2 jobs"]
    print(f"throughput, 1 job      : {one[2]:,.0f} prospects/s (target >= 15,000)")
    print(f"speed-up with 2 jobs   : {one[0] / two[0]:.2f}x (target >= 1.7x)")
    print(f"peak RSS large / small : {one[1] / rows['small, 1 job'][1]:.2f}x (target <= 1.2x)")


if __name__ == "__main__":
    main()
