"""Batch throughput and memory: `invitecore run LIST.jsonl` on synthetic lists, in child processes.

Runs the real CLI (all installed plugins) on lists made by generate_prospects.py and reports,
for each run, the wall time, prospects per second and the child's peak resident memory:

- 1 job against `--jobs 2` on the large list, `-f jsonl` (target: at least 1.7x faster);
- peak memory on the large list against the small one (target: at most 1.2x);
- the large list as one `-f json` document, whose summary runs the batch checks;
- with `--baseline PYTHON` (the interpreter of another install, such as a virtualenv of an older
  commit), every run is also made with that install, alternating with this one, and the
  report gives new/old ratios measured side by side (target: this install's single-process
  rate at least 0.9x the baseline's).

    python benchmarks/bench_batch.py [--small 10000] [--large 1000000] [--keep DIR]
                                     [--baseline /path/to/old/venv/bin/python]
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


def measure(python: str, source: Path, jobs: int, *extra: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `invitecore run` child."""
    command = [python, "-m", "invitecore", "run", str(source), "-o", os.devnull, "--quiet",
               "--fail-on", "never", "--jobs", str(jobs), *extra]
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
    parser.add_argument("--baseline", help="python of another install to compare with")
    args = parser.parse_args()
    installs = {"new": sys.executable}
    if args.baseline:
        installs["old"] = args.baseline
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        small, large = generate(args.small, folder), generate(args.large, folder)
        for python in installs.values():
            measure(python, small, 1, "-f", "jsonl")  # warm caches and bytecode
        runs = [
            ("small, 1 job", small, args.small, 1, None),
            ("large, 1 job", large, args.large, 1, None),
            ("large, 2 jobs", large, args.large, 2, None),
            ("large, 1 job, json", large, args.large, 1, "json"),
        ]
        rows: dict[tuple[str, str], tuple[float, float, float]] = {}
        for label, source, count, jobs, kind in runs:
            for name, python in installs.items():  # alternating: drift hits both alike
                extra = ("-f", kind or "jsonl")
                seconds, rss = measure(python, source, jobs, *extra)
                rows[name, label] = (seconds, rss, count / seconds)
                print(f"{name} {label:<22} {count:>9,} rows {seconds:8.1f} s"
                      f" {count / seconds:9,.0f} rows/s  peak RSS {rss:7.1f} MiB", flush=True)
    for name in installs:
        one, two = rows[name, "large, 1 job"], rows[name, "large, 2 jobs"]
        print(f"{name}: throughput, 1 job      : {one[2]:,.0f} prospects/s")
        print(f"{name}: speed-up with 2 jobs   : {one[0] / two[0]:.2f}x (target >= 1.7x)")
        print(f"{name}: peak RSS large / small : {one[1] / rows[name, 'small, 1 job'][1]:.2f}x"
              " (target <= 1.2x)")
    if "old" in installs:
        for label, *_ in runs:
            ratio = rows["new", label][2] / rows["old", label][2]
            print(f"new / old rows/s, {label:<22}: {ratio:.2f}x")


if __name__ == "__main__":
    main()
