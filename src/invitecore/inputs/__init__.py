"""Input readers: turn the files a user names into a stream of cases (or per-row errors).

Whole-file inputs (a TOML or JSON case file) are read and validated before anything is
evaluated: one bad file stops the run with one error line and no partial report. Row inputs
(JSON Lines) are read lazily; a bad row becomes an error row in place and the run goes on.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

from invitecore.errors import InputError
from invitecore.inputs.cases import detect_kind, iter_json_lines, read_case_text
from invitecore.models import Sender
from invitecore.report import Case

__all__ = ["STDIN", "load_inputs"]

STDIN = "-"


def _read_text(path: Path) -> str:
    try:
        with path.open(encoding="utf-8-sig", newline=None) as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError("no such file", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a case file", file=str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason})", file=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None


def _stream_lines(path: Path) -> Iterator[str]:
    # Opened only when iteration reaches this file, and closed when it is exhausted.
    with path.open(encoding="utf-8-sig", newline=None) as handle:
        yield from handle


def _peek(path: Path) -> str:
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as handle:
            return handle.read(4096)
    except FileNotFoundError:
        raise InputError("no such file", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a case file", file=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None


def load_inputs(
    paths: Sequence[str], *, default_sender: Sender | None = None, stdin: IO[str] | None = None
) -> Iterator[Case | InputError]:
    """Validate whole-file inputs now and return one stream over every case, in order.

    :raises InputError: when a whole-file input (TOML/JSON case file) or a path is bad.
    """
    parts: list[Iterable[Case | InputError]] = []
    for name in paths:
        if name == STDIN:
            text = (stdin or sys.stdin).read()
            kind = detect_kind(None, text[:4096])
            if kind == "jsonl":
                parts.append(
                    iter_json_lines(
                        iter(text.splitlines()), file="<stdin>", default_sender=default_sender
                    )
                )
            else:
                parts.append(
                    read_case_text(text, file="<stdin>", kind=kind, default_sender=default_sender)
                )
            continue
        path = Path(name)
        kind = detect_kind(path, _peek(path))
        if kind == "jsonl":
            parts.append(
                iter_json_lines(_stream_lines(path), file=name, default_sender=default_sender)
            )
        else:
            parts.append(
                read_case_text(
                    _read_text(path), file=name, kind=kind, default_sender=default_sender
                )
            )
    return itertools.chain.from_iterable(parts)
