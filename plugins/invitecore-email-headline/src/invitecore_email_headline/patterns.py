"""The regular expressions that find written email addresses, plain and obfuscated.

An address is found from its "at" marker outwards. The markers are ``@`` and ``＠``
(:data:`AT_SIGNS`), ``[at]``/``(at)``/``{at}``/``<at>`` (:data:`BRACKETED_AT`) and the
free-standing word ``at`` (:data:`WORD_AT`); they are found with ``str.find`` where possible,
which is many times faster than a regex scan over every position. The local part is then read
leftwards (by matching :data:`LOCAL_REVERSED` against the reversed text just before the marker)
and the domain rightwards (:data:`DOMAIN`, anchored just after it).

Why this shape: every pattern but the marker scan is anchored at a marker, every repetition
is bounded (an atom or label is at most 64 characters, a part has at most 16 atoms or labels),
and the character sets of atoms and separators do not overlap, so a match attempt does a
bounded amount of work and the scan is linear in the text length however the text is built.
None of these patterns depends on settings, so they are compiled once, at import.

The case-insensitive ones are ASCII-only (:data:`re.ASCII`): without it, a Unicode
case-insensitive ``[A-Za-z]`` also matches letters that case-fold to ASCII ones (the Kelvin sign
"K" as "k", the long "ſ" as "s", "İ" and the dotless "ı" as "i"), and an address written with
them would be read as a different, all-ASCII one.
"""

from __future__ import annotations

import re

__all__ = [
    "ATOM_CHARS",
    "AT_SIGNS",
    "BRACKETED_AT",
    "CLOSING_BRACKETS",
    "DOMAIN",
    "DOMAIN_AFTER_MARKER",
    "DOMAIN_CONTINUES",
    "DOMAIN_SEPARATOR",
    "LABEL_CHARS",
    "LOCAL_CONTINUES_REVERSED",
    "LOCAL_REVERSED",
    "LOCAL_SEPARATOR",
    "LOCAL_WINDOW",
    "MAX_GAP",
    "PLAIN_DOMAIN",
    "PLAIN_LOCAL",
    "SENTENCE_BREAKS",
    "WHITESPACE",
    "WORD_AT",
]

WHITESPACE = frozenset(" \t\u00a0")
"""Blanks allowed inside an obfuscated address (never a line break: addresses are one line)."""

_WS = "[ \\t\\u00a0]"
_FLAGS = re.IGNORECASE | re.ASCII  # ASCII-only case folding, see the module docstring
_OPEN = r"[\[({<]"
_CLOSE = r"[\])}>]"

ATOM_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_%+-")
"""Characters of a local-part atom as people write them (the common subset of RFC 5322 atext)."""

LABEL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
"""Characters of a domain label."""

_ATOM = r"[A-Za-z0-9_%+\-]{1,64}"
_LABEL = r"[A-Za-z0-9\-]{1,63}"

AT_SIGNS = ("@", "\uff20")
"""The "at" signs: the ASCII one, and the full-width one people use to dodge address scrapers."""

BRACKETED_AT = re.compile(rf"{_OPEN}{_WS}?[aA][tT]{_WS}?{_CLOSE}")
"""A bracketed "at": ``[at]``, ``(at)``, ``{ at }``, ``<AT>``. Needs a closing bracket."""

CLOSING_BRACKETS = ")]}>"
"""A text without any of these holds no :data:`BRACKETED_AT` (a cheap test before the scan)."""

WORD_AT = " at "
"""The free-standing word "at", searched in lower-cased text whose blanks are all spaces."""

# Separators between atoms or labels: a dot, "[dot]"-style, " dot ", and (domain only) " . ".
_BRACKETED_DOT = rf"{_WS}{{0,2}}{_OPEN}{_WS}?dot{_WS}?{_CLOSE}{_WS}{{0,2}}"
_WORD_DOT = rf"{_WS}{{1,3}}dot{_WS}{{1,3}}"
_SPACED_DOT = rf"{_WS}{{1,3}}\.{_WS}{{1,3}}"
_BRACKETED_DOT_REVERSED = rf"{_WS}{{0,2}}{_CLOSE}{_WS}?tod{_WS}?{_OPEN}{_WS}{{0,2}}"
_WORD_DOT_REVERSED = rf"{_WS}{{1,3}}tod{_WS}{{1,3}}"

LOCAL_SEPARATOR = re.compile(rf"{_BRACKETED_DOT}|{_WORD_DOT}", _FLAGS)
"""An obfuscated dot inside a local part (a literal ``.`` needs no replacing)."""

DOMAIN_SEPARATOR = re.compile(rf"{_BRACKETED_DOT}|{_WORD_DOT}|{_SPACED_DOT}", _FLAGS)
"""An obfuscated dot inside a domain; a spaced ``" . "`` only counts between domain labels."""

LOCAL_REVERSED = re.compile(
    rf"{_ATOM}(?:(?:\.|{_BRACKETED_DOT_REVERSED}|{_WORD_DOT_REVERSED}){_ATOM}){{0,15}}",
    _FLAGS,
)
"""A local part read backwards from the marker: atoms joined by dots (plain or obfuscated)."""

LOCAL_CONTINUES_REVERSED = re.compile(
    rf"(?:\.|{_BRACKETED_DOT_REVERSED}|{_WORD_DOT_REVERSED})[A-Za-z0-9_%+\-]", _FLAGS
)
"""Another separator and atom where :data:`LOCAL_REVERSED` stopped: more than 16 atoms."""

LOCAL_WINDOW = 64 + 15 * 12
"""How far left of a marker a valid local part can reach as written.

64 characters of atoms (RFC 5321) and at most 15 separators of at most 12 characters each; a
local part that fills the whole window is longer than that and cannot be valid.
"""

DOMAIN = re.compile(
    rf"{_LABEL}(?:(?:\.|{_BRACKETED_DOT}|{_WORD_DOT}|{_SPACED_DOT}){_LABEL}){{1,15}}",
    _FLAGS,
)
"""A domain read forwards from the marker: two to sixteen labels joined by dots."""

MAX_GAP = 3
"""Blanks allowed between an "at" marker and the local part or the domain."""

DOMAIN_AFTER_MARKER = re.compile(rf"{_WS}{{0,{MAX_GAP}}}({DOMAIN.pattern})", _FLAGS)
""":data:`DOMAIN` past up to :data:`MAX_GAP` blanks (group 1), matched where a marker ends.

One match in C instead of a loop over the blanks. A label never starts with a blank, so the
domain is found exactly where skipping every blank up to the limit puts it, or not at all.
"""

DOMAIN_CONTINUES = re.compile(
    rf"(?:\.|{_BRACKETED_DOT}|{_WORD_DOT}|{_SPACED_DOT})[A-Za-z0-9\-]", _FLAGS
)
"""Another separator and label where :data:`DOMAIN` stopped: more than 16 labels."""

PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_%+.\-]+")
"""A local part with nothing to undo (fullmatch): no obfuscated dots."""

PLAIN_DOMAIN = re.compile(r"[A-Za-z0-9.\-]+")
"""A domain with nothing to undo (fullmatch): no obfuscated dots."""

SENTENCE_BREAKS = (". ", "! ", "? ", "\n", ";")
"""Where a sentence or clause ends, for the do-not-contact context of an address.

Plain strings, because ``str.find`` over them beats a regex scan on this hot path; a dot
needs a space after it, so the dots inside an address do not end its sentence.
"""
