"""Which input format a file is: from ``--input-format``, else its extension, else its content.

Rules, in order (docs/inputs.md repeats them for users):

1. ``--input-format NAME`` wins (one of :data:`INPUT_FORMATS`).
2. ``.toml`` -> ``case``; ``.jsonl`` / ``.ndjson`` -> ``jsonl``; ``.json`` -> ``json`` (or
   ``jsonl`` when the content is one object per line); ``.csv`` -> a CSV layout by its header.
3. Otherwise (stdin, other extensions) the first characters decide: ``{`` or ``[`` is JSON
   (``jsonl`` when the first line is a whole object and more lines follow) unless the first
   line is a TOML table header such as ``[profile]``, a first line of names separated by commas
   (or semicolons, tabs, bars) without ``=`` (or LinkedIn's ``Notes:``) is CSV, anything else
   TOML.

A CSV's layout comes from its header: ``Notes:`` or ``First Name``/``Last Name``/``Connected On``
is ``linkedin-connections``; ``fullName`` with ``isOpenLink``, ``vmid``, ``connectionDegree`` or
``sharedConnectionsCount`` is ``sales-navigator``; any other header is ``csv``.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from invitecore._suggest import did_you_mean
from invitecore.errors import UsageError
from invitecore.inputs.tables import DELIMITERS, sniff_layout

__all__ = ["INPUT_FORMATS", "check_format", "detect_format"]

INPUT_FORMATS = (
    "case",
    "json",
    "jsonl",
    "csv",
    "linkedin-connections",
    "sales-navigator",
    "proxycurl",
)
"""Names for ``--input-format``: ``case`` (a TOML/JSON case file, validated whole), ``json`` (a
JSON array of rows), ``jsonl`` (JSON Lines), ``csv``, ``linkedin-connections`` (LinkedIn's
Connections.csv export), ``sales-navigator`` (Phantombuster-style export), ``proxycurl``
(enrichment API person profiles, JSON or JSON Lines)."""

_BOM_AND_SPACE = "\ufeff \t\r\n"
# "[profile]" / "[[cases]]" opens a TOML table; a JSON array's first line never looks like that.
_TOML_TABLE = re.compile(r"\[\[?[A-Za-z0-9_.\- ]+\]\]?\s*(?:#.*)?")


def check_format(name: str | None) -> str | None:
    """``name`` when it is one of :data:`INPUT_FORMATS` (or None).

    :raises UsageError: for any other name, listing the valid ones.
    """
    if name is None or name in INPUT_FORMATS:
        return name
    raise UsageError(
        f"--input-format: unknown input format {name!r}{did_you_mean(name, INPUT_FORMATS)} "
        f"(available: {', '.join(INPUT_FORMATS)})"
    )


def json_shape(head: str) -> str:
    """``jsonl`` when the text starts with a one-line object and more lines follow, else
    ``json``."""
    stripped = head.lstrip(_BOM_AND_SPACE)
    first_line = stripped.split("\n", 1)[0].strip()
    if stripped.startswith("{") and first_line.endswith("}") and "\n" in stripped.strip():
        return "jsonl"
    return "json"


def _looks_like_csv(head: str) -> bool:
    first_line = head.lstrip(_BOM_AND_SPACE).split("\n", 1)[0].strip()
    if first_line.lower() == "notes:":
        return True
    return (
        any(delimiter in first_line for delimiter in DELIMITERS)
        and "=" not in first_line
        and not first_line.startswith(("[", "#"))
    )


def detect_format(name: str | None, head: str) -> str:
    """The format of an input named ``name`` (None for stdin) whose text starts with ``head``."""
    suffix = PurePath(name).suffix.lower() if name else ""
    if suffix == ".toml":
        return "case"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return sniff_layout(head)
    stripped = head.lstrip(_BOM_AND_SPACE)
    first_line = stripped.split("\n", 1)[0].strip()
    if suffix != ".json" and _TOML_TABLE.fullmatch(first_line):
        return "case"
    if suffix == ".json" or stripped.startswith(("{", "[")):
        return json_shape(head)
    if _looks_like_csv(head):
        return sniff_layout(head)
    return "case"
