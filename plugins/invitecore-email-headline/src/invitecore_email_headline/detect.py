"""Find the email addresses written in a piece of text, and tell them from "job @ company".

:class:`AddressFinder` is built once per :class:`~invitecore.Settings` (:func:`finder_for`); its
:meth:`~AddressFinder.find` returns every :class:`FoundAddress` in a text with exact offsets.

How a candidate (a local part, an "at" marker, a domain) is judged:

- a plain ``local@domain`` with no blanks is an address, unless the local part is a role word
  written with capitals (``Marketing@HubSpot.com`` is a title at a company; ``sales@acme.com``
  is a mailbox);
- every other form is obfuscated, and is never an address when its local part is a role word
  (``Product @ Stripe``, ``Engineer at Google dot com``) or a prose word (``me at ...``);
- ``[at]``/``(at)``/``＠`` are deliberate obfuscations: an address whatever the domain's dots;
- a free-standing word ``at`` needs the domain's dot spelled out too (``dot``, ``[dot]``,
  ``" . "``), since "at" is also an ordinary word;
- a spaced ``@`` (``jane @ example . com``) needs an obfuscated dot in the domain, or a local
  part with mailbox characters (``jane.doe @ example.com``) and a domain in lower case
  (``Web3 @ Acme.io`` is a company);
- and the result must pass :func:`~invitecore_email_headline.syntax.address_problem`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection

import attrs

from invitecore import Settings
from invitecore_email_headline import patterns
from invitecore_email_headline.syntax import address_problem

__all__ = ["AddressFinder", "FoundAddress", "finder_for"]

_OBFUSCATED_MARKERS = frozenset({"wide_at_sign", "bracketed", "word"})
_MAX_GAP = 3  # blanks allowed between the marker and the local part or domain
_PART_SPLIT = re.compile(r"[._+\-]")

_Marker = tuple[int, int, str]
"""Where an "at" marker starts and ends, and its kind (at_sign, wide_at_sign, bracketed, word)."""


@attrs.frozen(kw_only=True)
class FoundAddress:
    """An email address found in a text.

    :param address: the normalised address (lower case, obfuscation undone).
    :param start: offset of the first character of the address as written.
    :param end: offset just past it, so ``text[start:end]`` is the address as written.
    :param obfuscated: True when written in an obfuscated form (``[at]``, ``dot``, spaces ...).
    :param refused: True when its sentence asks not to be contacted there.
    """

    address: str
    start: int
    end: int
    obfuscated: bool
    refused: bool


def _normalise_phrase(text: str) -> str:
    # Curly apostrophes and runs of blanks must not hide a phrase ("don’t  contact").
    return " ".join(text.lower().replace("\u2019", "'").split())


class AddressFinder:
    """Finds addresses in text, with the thresholds and word lists of one plugin config."""

    def __init__(
        self,
        *,
        detect_obfuscated: bool,
        min_tld_length: int,
        mailbox_characters: str,
        role_words: Collection[str],
        stop_words: Collection[str],
        do_not_contact_phrases: Collection[str],
        do_not_contact_window: int,
    ) -> None:
        """Keep the settings in the forms the scan looks them up in (sets, normalised text)."""
        self._detect_obfuscated = detect_obfuscated
        self._min_tld_length = min_tld_length
        self._mailbox_characters = frozenset(mailbox_characters)
        self._role_words = frozenset(word.lower() for word in role_words)
        self._stop_words = frozenset(word.lower() for word in stop_words)
        self._phrases = tuple(
            phrase for phrase in (_normalise_phrase(p) for p in do_not_contact_phrases) if phrase
        )
        self._window = do_not_contact_window

    def find(self, text: str) -> list[FoundAddress]:
        """Every address in ``text``, in order, without overlaps."""
        found: list[FoundAddress] = []
        for marker in self._markers(text):
            candidate = self._candidate(text, marker)
            if candidate is None:
                continue
            # A later local part that reaches back into an earlier "domain" shows that domain
            # was a local part: in "Sam at jane dot doe at example dot com" the address is
            # jane.doe@example.com, so the later reading wins.
            while found and found[-1].end > candidate.start:
                found.pop()
            found.append(candidate)
        return found

    def _markers(self, text: str) -> list[_Marker]:
        """Every "at" marker that could join an address, in text order.

        Most profile texts hold none, so each kind is looked for only after a one-character
        test (``in`` is a memchr) says it may be there.
        """
        markers: list[_Marker] = []
        sign_kinds = (("@", "at_sign"), ("\uff20", "wide_at_sign"))
        for sign, kind in sign_kinds if self._detect_obfuscated else sign_kinds[:1]:
            position = text.find(sign)
            while position != -1:
                markers.append((position, position + 1, kind))
                position = text.find(sign, position + 1)
        if not self._detect_obfuscated:
            return markers
        if any(bracket in text for bracket in patterns.CLOSING_BRACKETS):
            markers.extend(
                (match.start(), match.end(), "bracketed")
                for match in patterns.BRACKETED_AT.finditer(text)
            )
        if "t" in text or "T" in text:
            markers.extend(self._word_markers(text))
        if len(markers) > 1:
            markers.sort()
        return markers

    @staticmethod
    def _word_markers(text: str) -> list[_Marker]:
        lowered = text.lower()
        if "\t" in lowered or "\u00a0" in lowered:
            # Same length, so offsets still point into ``text``.
            lowered = lowered.replace("\t", " ").replace("\u00a0", " ")
        # A free-standing "at" only joins an address whose domain spells its dot out
        # ("dot", "[dot]", " . "), so without one there is nothing to scan for.
        if "dot" not in lowered and " ." not in lowered:
            return []
        markers: list[_Marker] = []
        position = lowered.find(patterns.WORD_AT)
        while position != -1:
            markers.append((position + 1, position + 3, "word"))
            position = lowered.find(patterns.WORD_AT, position + 3)
        return markers

    def _candidate(self, text: str, marker: _Marker) -> FoundAddress | None:
        marker_start, marker_end, kind = marker
        # The domain first: it is the cheaper side, and "Title @ Company" fails there.
        domain_start = marker_end
        while (
            domain_start < len(text)
            and domain_start - marker_end < _MAX_GAP
            and text[domain_start] in patterns.WHITESPACE
        ):
            domain_start += 1
        domain_match = patterns.DOMAIN.match(text, domain_start)
        if domain_match is None:
            return None
        end = domain_match.end()
        if end < len(text) and text[end] in patterns.LABEL_CHARS:
            return None  # a label longer than 63 characters: not a domain
        if patterns.DOMAIN_CONTINUES.match(text, end):
            return None  # more labels than the pattern reads: too long to be valid

        local_end = marker_start
        while (
            local_end > 0
            and marker_start - local_end < _MAX_GAP
            and text[local_end - 1] in patterns.WHITESPACE
        ):
            local_end -= 1
        if local_end == 0 or text[local_end - 1] not in patterns.ATOM_CHARS:
            return None
        window_start = max(0, local_end - patterns.LOCAL_WINDOW)
        reversed_window = text[window_start:local_end][::-1]
        local_match = patterns.LOCAL_REVERSED.match(reversed_window)
        if local_match is None:
            return None
        if patterns.LOCAL_CONTINUES_REVERSED.match(reversed_window, local_match.end()):
            return None  # more atoms than a local part can have
        start = local_end - local_match.end()
        if start == window_start and window_start > 0:
            return None  # fills the whole window: too long to be a local part
        if start > 0 and text[start - 1] in patterns.ATOM_CHARS:
            return None  # an atom longer than 64 characters: not a local part

        spaced = local_end < marker_start or domain_start > marker_end
        local_written = text[start:local_end]
        domain_written = text[domain_start:end]
        local_obfuscated = patterns.PLAIN_LOCAL.fullmatch(local_written) is None
        domain_obfuscated = patterns.PLAIN_DOMAIN.fullmatch(domain_written) is None
        local = local_written.lower()
        if local_obfuscated:
            local = patterns.LOCAL_SEPARATOR.sub(".", local)
        domain = domain_written.lower()
        if domain_obfuscated:
            domain = patterns.DOMAIN_SEPARATOR.sub(".", domain)
        obfuscated = (
            kind in _OBFUSCATED_MARKERS or spaced or domain_obfuscated or local_obfuscated
        )
        if obfuscated:
            accepted = self._accept_obfuscated(
                kind, spaced, local, domain_written, domain_obfuscated
            )
        else:
            accepted = self._accept_plain(local, local_written + domain_written)
        address = f"{local}@{domain}"
        if not accepted or address_problem(address, min_tld_length=self._min_tld_length):
            return None
        return FoundAddress(
            address=address,
            start=start,
            end=end,
            obfuscated=obfuscated,
            refused=self._refused(text, start, end),
        )

    def _accept_plain(self, local: str, written: str) -> bool:
        # "Marketing@HubSpot.com" is a title at a company; "sales@acme.com" is a mailbox.
        return not (local in self._role_words and written != written.lower())

    def _accept_obfuscated(
        self, kind: str, spaced: bool, local: str, domain_written: str, domain_obfuscated: bool
    ) -> bool:
        if not self._detect_obfuscated:
            return False
        if local in self._role_words or local in self._stop_words:
            return False
        if kind in ("bracketed", "wide_at_sign"):
            return True
        # Free-standing "at" and the spaced "@" are the forms "Sales @ Acme.com" takes: any
        # role word among the local part's pieces ("Team-Lead") makes it a title.
        if any(part in self._role_words for part in _PART_SPLIT.split(local)):
            return False
        if domain_obfuscated:
            return True
        if kind == "word":
            return False  # "... at Example.com" is prose unless the dot is spelled out too
        if not spaced:
            return True  # "jane dot doe@example.com": the local part is already obfuscated
        return any(char in self._mailbox_characters for char in local) and (
            domain_written == domain_written.lower()
        )

    def _refused(self, text: str, start: int, end: int) -> bool:
        if not self._phrases:
            return False
        before = text[max(0, start - self._window) : start]
        before = before[max(before.rfind(mark) for mark in patterns.SENTENCE_BREAKS) + 1 :]
        after = text[end : end + self._window]
        cuts = [cut for cut in (after.find(mark) for mark in patterns.SENTENCE_BREAKS) if cut >= 0]
        if cuts:
            after = after[: min(cuts)]
        clause = _normalise_phrase(f"{before} {after}")
        return any(phrase in clause for phrase in self._phrases)


@functools.lru_cache(maxsize=8)
def finder_for(settings: Settings) -> AddressFinder:
    """The finder for one resolved settings table (built once per run: Settings hash by id)."""
    return AddressFinder(
        detect_obfuscated=bool(settings["detect-obfuscated"]),
        min_tld_length=int(settings["min-tld-length"]),
        mailbox_characters=str(settings["mailbox-characters"]),
        role_words=tuple(settings["role-words"]),
        stop_words=tuple(settings["stop-words"]),
        do_not_contact_phrases=tuple(settings["do-not-contact-phrases"]),
        do_not_contact_window=int(settings["do-not-contact-window"]),
    )
