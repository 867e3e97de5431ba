"""Cold start: `invitecore run <example> --format json` against a one-command typer hello world.

Both run in fresh interpreters, alternating, in the same run; the script reports the medians of
N runs each and their ratio. Target (docs/benchmarks.md): ratio at most 1.5.

    python benchmarks/bench_startup.py [--runs 10] [--example examples/open-networker.toml]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HELLO = '''
import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    print(f"hello {name}")


app()
'''


# An installed package has its bytecode compiled; an editable checkout gets it on first run,
# unless the environment forbids writing it. Allow it, so both sides start from bytecode.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--example", default="examples/open-networker.toml")
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as folder:
        hello = Path(folder) / "hello.py"
        hello.write_text(HELLO)
        ours = [sys.executable, "-m", "invitecore", "run", str(root / args.example), "-f", "json"]
        theirs = [sys.executable, str(hello)]
        env_note = os.environ.get("INVITECORE_LOAD_PLUGINS", "<unset: all installed plugins>")
        # check=False above: `run` exits 1 when the example has error findings, by design.
        for command in (ours, theirs):  # warm the file cache once each
            _time(command)
        mine, base = [], []
        for _ in range(args.runs):
            mine.append(_time(ours))
            base.append(_time(theirs))
    m, b = statistics.median(mine), statistics.median(base)
    print(f"plugins: {env_note}")
    print(f"typer hello world : median {b * 1000:7.1f} ms over {args.runs} runs")
    print(f"invitecore run    : median {m * 1000:7.1f} ms over {args.runs} runs")
    print(f"ratio             : {m / b:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
