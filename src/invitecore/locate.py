"""Find the line of a key in TOML or JSON text, for error messages.

``tomllib`` and ``json`` parse without positions, so once a value fails validation we look its
key up in the source text. The scan follows the key path in order, which is exact for the files
people write by hand (one key per line) and a close pointer otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["json_key_line", "toml_key_line"]

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")


def _split_dotted(text: str) -> list[str]:
    return [part.strip().strip("\"'") for part in text.split(".")]


def toml_key_line(text: str, table: Sequence[str], key: str | None) -> int | None:
    """The 1-based line of ``key`` inside ``[table]`` (or of the table header when key is None).

    ``table`` is the header's path (``["tool", "invitecore", "risk"]``); a key may also be
    written dotted from a parent table (``risk.high = 70`` under ``[tool.invitecore]``).
    """
    target = list(table)
    current: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = _split_dotted(header.group(1))
            if key is None and current == target:
                return number
            if key is not None and current == [*target, key]:
                return number
            continue
        if key is None or "=" not in line:
            continue
        left = line.split("=", 1)[0].strip()
        if not left or left.startswith("#"):
            continue
        path = current + _split_dotted(left)
        if path[: len(target) + 1] == [*target, key]:
            return number
    return None


def json_key_line(text: str, path: Sequence[str | int]) -> tuple[int, int] | None:
    """The 1-based (line, column) of the last string key of ``path`` in JSON ``text``.

    Integer path parts (array indexes) are skipped; each string key is searched for after the
    position of the previous one.
    """
    position = 0
    found: int | None = None
    for part in path:
        if isinstance(part, int):
            continue
        match = re.compile(r'"' + re.escape(part) + r'"\s*:').search(text, position)
        if match is None:
            break
        found = match.start()
        position = match.end()
    if found is None:
        return None
    line = text.count("\n", 0, found) + 1
    column = found - (text.rfind("\n", 0, found) + 1) + 1
    return line, column
