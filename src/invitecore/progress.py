"""A progress line on stderr for long runs: rows done, rate, and time left when it is known.

Shown only when stderr is a terminal that the report is not written to (and not with
``--quiet``): a pipe or a log file gets nothing, so machine-read output stays clean, and the
line never shares the screen with the report. It appears only once a run has taken
``delay`` seconds, so a short run draws nothing, and it is erased when the run ends.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import IO

__all__ = ["Progress", "count_lines"]


def count_lines(paths: Sequence[str], limit_bytes: int = 2 << 30) -> int | None:
    """Physical lines in regular files, for an estimate of rows to come; None if unknowable.

    Reading a file's bytes once is far cheaper than evaluating its rows; files past
    ``limit_bytes`` in total, stdin and pipes are not counted.
    """
    total, size = 0, 0
    for name in paths:
        if name == "-" or not os.path.isfile(name):
            return None
        size += os.path.getsize(name)
        if size > limit_bytes:
            return None
        with open(name, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                total += block.count(b"\n")
    return total


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}"


_WIDTH = 70


class Progress:
    """Redraws one stderr line at most ``hz`` times a second, after ``delay`` seconds."""

    def __init__(
        self, stream: IO[str], total: int | None = None, hz: float = 8.0, delay: float = 0.5
    ) -> None:
        self.stream = stream
        self.total = total
        self.interval = 1.0 / hz
        self.done = 0
        self.started = time.monotonic()
        self.drawn = self.started + delay - self.interval
        self.shown = False

    def advance(self, rows: int = 1) -> None:
        """Count ``rows`` more and redraw if enough time has passed."""
        self.done += rows
        now = time.monotonic()
        if now - self.drawn >= self.interval:
            self.drawn = now
            self._draw(now)

    def clear(self) -> None:
        """Erase the line, so that whatever is written next starts on a clean one."""
        if self.shown:
            self.stream.write("\r" + " " * _WIDTH + "\r")
            self.stream.flush()
            self.shown = False

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        text = f"{self.done:,} rows  {rate:,.0f}/s  {_duration(elapsed)} elapsed"
        if self.total and rate > 0 and self.done <= self.total:
            text += f"  ~{_duration((self.total - self.done) / rate)} left"
        self.stream.write("\r" + text[:_WIDTH].ljust(_WIDTH))
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """Erase the line: the report (or the shell's prompt) follows on a clean screen."""
        self.clear()
