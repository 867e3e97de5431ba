"""The regular expressions that find written email addresses, plain and obfuscated.

An address is found from its "at" marker outwards. The markers are ``@`` and ``＠``
(:data:`AT_SIGNS`), ``[at]``/``(at)``/``{at}``/``<at>`` (:data:`BRACKETED_AT`) and the
free-standing word ``at`` (:data:`WORD_AT`); they are found with ``str.find`` where possible,
which is many times faster than a regex scan over every position. The local part is then read
leftwards (by matching :attr:`Readers.local_reversed` against the reversed text just before the
marker) and the domain rightwards (:attr:`Readers.domain_after_marker`, anchored just after it).

There are two sets of these readers, alike but for the characters of atoms and labels:
:data:`ASCII_READERS` (ASCII letters, digits and the usual punctuation), compiled at import, and
:func:`unicode_readers`, which also take the letters, digits and combining marks of every
script (:mod:`.letters`). The finder reads a stretch of text with the ASCII readers whenever the
stretch is all ASCII (so they read exactly what the others would), and compiles the others only
the first time it needs them: their character class is large, and costs milliseconds to compile.

Why this shape: every pattern but the marker scan is anchored at a marker, every repetition
is bounded (an atom or label is at most 64 characters, a part has at most 16 atoms or labels),
and the characters of atoms and separators do not overlap, so a match attempt does a bounded
amount of work and the scan is linear in the text length however the text is built.
None of these patterns depends on settings.

No pattern is case-insensitive: the cases of "dot" and "at" are spelled out. A Unicode
case-insensitive ``[A-Za-z]`` also matches letters that case-fold to ASCII ones (the Kelvin sign
"K" as "k", the long "ſ" as "s"), which would read them as ASCII letters.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from invitecore_email_headline import letters

__all__ = [
    "ASCII_READERS",
    "ATOM_CHARS",
    "AT_SIGNS",
    "BRACKETED_AT",
    "DOMAIN_SEPARATOR",
    "DOMAIN_WINDOW",
    "FIRST_SEPARATOR_REACH",
    "LOCAL_SEPARATOR",
    "LOCAL_WINDOW",
    "MAX_GAP",
    "OBFUSCATION_CHARS",
    "SENTENCE_BREAKS",
    "SEPARATOR_START",
    "WHITESPACE",
    "WORD_AT",
    "Readers",
    "unicode_readers",
]

WHITESPACE = frozenset(" \t\u00a0")
"""Blanks allowed inside an obfuscated address (never a line break: addresses are one line)."""

_WS = "[ \\t\\u00a0]"
_OPEN = r"[\[({<]"
_CLOSE = r"[\])}>]"

ATOM_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_%+-")
"""ASCII characters of a local-part atom as people write them (a common subset of RFC 5322
atext: ``/``, ``=``, ``!`` and the like end a word in running text, as in ``medium.com/@jane``)."""

_ASCII_ATOM = r"[A-Za-z0-9_%+\-]"
_ASCII_LABEL = r"[A-Za-z0-9\-]"
# Outside ASCII: letters and digits (\w without "_", and only outside ASCII), combining marks.
_OTHER_SCRIPTS = r"[^\W_\x00-\x7f]"

AT_SIGNS = ("@", "\uff20")
"""The "at" signs: the ASCII one, and the full-width one people use to dodge address scrapers."""

BRACKETED_AT = re.compile(rf"{_OPEN}{_WS}?[aA][tT]{_WS}?{_CLOSE}")
"""A bracketed "at": ``[at]``, ``(at)``, ``{ at }``, ``<AT>``. Needs a closing bracket."""

WORD_AT = " at "
"""The free-standing word "at", searched in lower-cased text whose blanks are all spaces."""

OBFUSCATION_CHARS = re.compile(r"[ \t\u00a0\[\](){}<>]")
"""A part of an address holding one of these was written with obfuscated dots."""

# Separators between atoms or labels: a dot, "[dot]"-style, " dot ", and (domain only) " . ".
_DOT = "[dD][oO][tT]"
_TOD = "[tT][oO][dD]"
_BRACKETED_DOT = rf"{_WS}{{0,2}}{_OPEN}{_WS}?{_DOT}{_WS}?{_CLOSE}{_WS}{{0,2}}"
_WORD_DOT = rf"{_WS}{{1,3}}{_DOT}{_WS}{{1,3}}"
_SPACED_DOT = rf"{_WS}{{1,3}}\.{_WS}{{1,3}}"
_BRACKETED_DOT_REVERSED = rf"{_WS}{{0,2}}{_CLOSE}{_WS}?{_TOD}{_WS}?{_OPEN}{_WS}{{0,2}}"
_WORD_DOT_REVERSED = rf"{_WS}{{1,3}}{_TOD}{_WS}{{1,3}}"
_LOCAL_SEPARATOR_REVERSED = rf"(?:\.|{_BRACKETED_DOT_REVERSED}|{_WORD_DOT_REVERSED})"
_DOMAIN_SEPARATOR = rf"(?:\.|{_BRACKETED_DOT}|{_WORD_DOT}|{_SPACED_DOT})"

LOCAL_SEPARATOR = re.compile(rf"{_BRACKETED_DOT}|{_WORD_DOT}")
"""An obfuscated dot inside a local part (a literal ``.`` needs no replacing)."""

DOMAIN_SEPARATOR = re.compile(rf"{_BRACKETED_DOT}|{_WORD_DOT}|{_SPACED_DOT}")
"""An obfuscated dot inside a domain; a spaced ``" . "`` only counts between domain labels."""

LOCAL_WINDOW = 64 + 15 * 12
"""How far left of a marker a local part is read.

64 characters of atoms and at most 15 separators of at most 12 characters each. RFC 5321 allows
64 characters; email-validator accepts longer local parts (only its strict mode does not), but
an address found in a profile is not read further back: a local part that fills the whole
window is not taken, rather than cut short.
"""

MAX_GAP = 3
"""Blanks allowed between an "at" marker and the local part or the domain."""

DOMAIN_WINDOW = MAX_GAP + 16 * 64 + 16 * 12
"""How far right of a marker the domain readers look (16 labels and separators, and one more)."""

SEPARATOR_START = re.compile(r"[.\[({<dD]")
"""A character every separator between labels holds: a dot, an opening bracket, or the "d" of
"dot" (a cheap test for a domain before the costlier readers outside ASCII)."""

FIRST_SEPARATOR_REACH = MAX_GAP + 63 + 3 + 1
"""How far after a marker the first separator's :data:`SEPARATOR_START` character can be: past
the blanks, the first label and the blanks a separator starts with."""


class Readers(NamedTuple):
    """The patterns that read the parts of an address around a marker, for one repertoire."""

    local_reversed: re.Pattern[str]
    """A local part read backwards from the marker: atoms joined by dots (plain or obfuscated)."""

    beyond_local_reversed: re.Pattern[str]
    """More local part where :attr:`local_reversed` stopped (an atom longer than 64 characters,
    or a 17th atom): such a local part is not taken at all."""

    domain_after_marker: re.Pattern[str]
    """A domain of two to sixteen labels joined by dots, past up to :data:`MAX_GAP` blanks
    (group 1), matched where a marker ends. A label never starts with a blank, so the domain is
    found exactly where skipping every blank up to the limit puts it, or not at all."""

    beyond_domain: re.Pattern[str]
    """More domain where :attr:`domain_after_marker` stopped (a label longer than 63 characters,
    or a 17th label): such a domain is not taken at all."""


def _readers(atom: str, label: str, *, atomic: bool) -> Readers:
    """The readers for atoms and labels made of one ``atom`` or ``label`` character each.

    With ``atomic``, a run of atom or label characters, once read, is never given back: no
    separator starts with one of them, so a shorter run could not let one match where the
    longer did not, and giving characters back only costs time (much of it with the large
    classes of :func:`unicode_readers`). ``(?=(?P<name>X))(?P=name)`` is the atomic group
    ``(?>X)``, which Python's ``re`` only has from 3.11 on.
    """
    names = iter(range(1, 5))

    def run(unit: str, most: int) -> str:
        if not atomic:
            return f"{unit}{{1,{most}}}"
        name = f"run{next(names)}"
        return f"(?=(?P<{name}>{unit}{{1,{most}}}))(?P={name})"

    return Readers(
        local_reversed=re.compile(
            rf"{run(atom, 64)}(?:{_LOCAL_SEPARATOR_REVERSED}{run(atom, 64)}){{0,15}}"
        ),
        beyond_local_reversed=re.compile(rf"{_LOCAL_SEPARATOR_REVERSED}?{atom}"),
        domain_after_marker=re.compile(
            rf"{_WS}{{0,{MAX_GAP}}}"
            rf"({run(label, 63)}(?:{_DOMAIN_SEPARATOR}{run(label, 63)}){{1,15}})"
        ),
        beyond_domain=re.compile(rf"{_DOMAIN_SEPARATOR}?{label}"),
    )


ASCII_READERS = _readers(_ASCII_ATOM, _ASCII_LABEL, atomic=False)
"""The readers for text that is all ASCII."""


@functools.lru_cache(maxsize=1)
def unicode_readers() -> Readers:
    """The readers for text with characters outside ASCII (compiled on first use).

    An atom or label character is an ASCII one, a letter or digit outside ASCII, or a combining
    mark, tried in that order (the most common first). The marks outside the Basic Multilingual
    Plane are a class of their own behind a one-range test: the regex engine looks a character
    up in a table for the rest, but tries those ranges one by one.
    """
    split = letters.MARKS.index("\\U")
    marks = rf"[{letters.MARKS[:split]}]|(?=[\U00010000-\U0010ffff])[{letters.MARKS[split:]}]"
    atom = rf"(?:[A-Za-z0-9_%+\-]|{_OTHER_SCRIPTS}|{marks})"
    label = rf"(?:[A-Za-z0-9\-]|{_OTHER_SCRIPTS}|{marks})"
    return _readers(atom, label, atomic=True)


SENTENCE_BREAKS = (". ", "! ", "? ", "\n", ";")
"""Where a sentence or clause ends, for the do-not-contact context of an address.

Plain strings, because ``str.find`` over them beats a regex scan on this hot path; a dot
needs a space after it, so the dots inside an address do not end its sentence.
"""
