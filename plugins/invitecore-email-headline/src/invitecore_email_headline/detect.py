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
from typing import Any

import attrs

from invitecore import Settings
from invitecore_email_headline import letters, patterns
from invitecore_email_headline.syntax import normalised_address

__all__ = ["AddressFinder", "FoundAddress", "finder_for", "phrase_pattern"]

_OBFUSCATED_MARKERS = frozenset({"wide_at_sign", "bracketed", "word"})
_ASCII_THEN_OTHER = re.compile(r"[A-Za-z0-9][^\x00-\x7f]")
_PART_SPLIT = re.compile(r"[._+\-]")
_SENTENCE_BREAK = re.compile("|".join(map(re.escape, patterns.SENTENCE_BREAKS)))

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
        # Whether any phrase occurs in a clause, found in one pass over it.
        self._phrase_pattern = phrase_pattern(self._phrases)
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
        if "@" in text:
            _add_signs(markers, text, "@", "at_sign")
        if not self._detect_obfuscated:
            return markers
        if "\uff20" in text:
            _add_signs(markers, text, "\uff20", "wide_at_sign")
        # A bracketed "at" needs a closing bracket: four memchr tests rule most texts out.
        if ")" in text or "]" in text or "}" in text or ">" in text:
            match = patterns.BRACKETED_AT.search(text)  # usually "(LION)": no bracketed "at"
            while match is not None:
                markers.append((match.start(), match.end(), "bracketed"))
                match = patterns.BRACKETED_AT.search(text, match.end())
        if "t" in text or "T" in text:
            markers.extend(self._word_markers(text))
        if len(markers) > 1:
            markers.sort()
        return markers

    @staticmethod
    def _word_markers(text: str) -> list[_Marker]:
        lowered = _blanks_as_spaces(text.lower())
        position = lowered.find(patterns.WORD_AT)
        if position == -1:
            return []  # tested first: one cheap search settles every text without the word
        # A free-standing "at" only joins an address whose domain spells its dot out
        # ("dot", "[dot]", " . "), so without one there is nothing to scan for.
        if "dot" not in lowered and " ." not in lowered:
            return []
        if len(lowered) != len(text):
            # Some character lowered to two ("İ"): the positions below are used in ``text``,
            # so read them in a lowering that keeps every character in place. The tests above
            # hold in either lowering (only ASCII letters lower to "a", "t", "d" or "o").
            lowered = _blanks_as_spaces(_lower_in_place(text))
            position = lowered.find(patterns.WORD_AT)
        markers: list[_Marker] = []
        while position != -1:
            markers.append((position + 1, position + 3, "word"))
            position = lowered.find(patterns.WORD_AT, position + 3)
        return markers

    def may_hold(self, text: str) -> bool:
        """False when :meth:`find` certainly finds nothing in ``text``; a cheap test.

        Every address needs an "at" marker with a domain after it. A sign or bracketed marker
        is checked for its domain here (that rejects "Title @ Company"); a word marker, rare
        since it needs a spelled-out dot in the text, counts as a possible address. The marker
        kinds are those of :meth:`_markers`, looked for in the same way, but the test stops at
        the first one with a domain and builds no list.

        Several texts joined with line breaks may be tested at once: an address cannot span a
        line break, so whatever one of them may hold, the joined text may hold too.
        """
        if "@" in text and _sign_with_domain(text, "@"):
            return True
        if not self._detect_obfuscated:
            return False
        if "\uff20" in text and _sign_with_domain(text, "\uff20"):
            return True
        if ")" in text or "]" in text or "}" in text or ">" in text:
            for match in patterns.BRACKETED_AT.finditer(text):
                if _domain_match(text, match.end()) is not None:
                    return True
        # What :meth:`_word_markers` tests before it looks for positions (no offsets are read
        # here, so the plain lowering serves even where it changes the length).
        lowered = _blanks_as_spaces(text.lower())
        return patterns.WORD_AT in lowered and ("dot" in lowered or " ." in lowered)

    def _candidate(self, text: str, marker: _Marker) -> FoundAddress | None:
        marker_start, marker_end, kind = marker
        # The domain first: it is the cheaper side, and "Title @ Company" fails there.
        domain_match = _domain_match(text, marker_end)
        if domain_match is None:
            return None
        domain_start, end = domain_match.span(1)
        if domain_match.re is patterns.ASCII_READERS.domain_after_marker:
            if patterns.ASCII_READERS.beyond_domain.match(text, end):
                return None  # a label longer than 63 characters, or more than 16 labels
        else:
            # Where ASCII meets a script written without spaces, the domain ends, though the
            # reader went on (or stopped there only for length): read it again up to there.
            cut = _unspaced_cut(text, domain_start, end + 1)
            if cut is None:
                if patterns.unicode_readers().beyond_domain.match(text, end):
                    return None  # a label longer than 63 characters, or more than 16 labels
            elif cut < end:
                domain_match = domain_match.re.match(text, marker_end, cut)
                if domain_match is None or domain_match.end(1) != cut:
                    return None  # it lost its last dot: no domain at all
                end = cut

        local_end = marker_start
        while (
            local_end > 0
            and marker_start - local_end < patterns.MAX_GAP
            and text[local_end - 1] in patterns.WHITESPACE
        ):
            local_end -= 1
        if local_end == 0:
            return None
        last = text[local_end - 1]
        if last.isascii() and last not in patterns.ATOM_CHARS:
            return None  # most markers with a domain: "Mentor @ Example.org", "Jane (at) ..."
        window_start = max(0, local_end - patterns.LOCAL_WINDOW)
        window = text[window_start:local_end]
        readers = patterns.ASCII_READERS if window.isascii() else patterns.unicode_readers()
        reversed_window = window[::-1]
        local_match = readers.local_reversed.match(reversed_window)
        if local_match is None:
            return None
        local_length = local_match.end()
        cut = None
        if readers is not patterns.ASCII_READERS:
            # As for the domain: where ASCII meets a script written without spaces, it ends.
            cut = _unspaced_cut(reversed_window, 0, local_length + 1)
        if cut is not None:
            local_length = cut
        else:
            if readers.beyond_local_reversed.match(reversed_window, local_length):
                return None  # an atom longer than 64 characters, or more than 16 atoms
            if local_length == len(window) and window_start > 0:
                return None  # fills the whole window: too long to be read
        start = local_end - local_length

        spaced = local_end < marker_start or domain_start > marker_end
        local_written = text[start:local_end]
        domain_written = text[domain_start:end]
        local_obfuscated = patterns.OBFUSCATION_CHARS.search(local_written) is not None
        domain_obfuscated = patterns.OBFUSCATION_CHARS.search(domain_written) is not None
        local = local_written
        if local_obfuscated:
            local = patterns.LOCAL_SEPARATOR.sub(".", local)
        domain = domain_written
        if domain_obfuscated:
            domain = patterns.DOMAIN_SEPARATOR.sub(".", domain)
        lowered = local.lower()
        obfuscated = kind in _OBFUSCATED_MARKERS or spaced or domain_obfuscated or local_obfuscated
        if obfuscated:
            accepted = self._accept_obfuscated(
                kind, spaced, lowered, domain_written, domain_obfuscated
            )
        else:
            accepted = self._accept_plain(lowered, local_written + domain_written)
        if not accepted:
            return None
        address = normalised_address(f"{local}@{domain}", min_tld_length=self._min_tld_length)
        if address is None:
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
        if _SENTENCE_BREAK.search(before) is not None:
            # Keep what follows the last break (only its first character, for ". " and the like).
            before = before[max(map(before.rfind, patterns.SENTENCE_BREAKS)) + 1 :]
        after = text[end : end + self._window]
        first_break = _SENTENCE_BREAK.search(after)  # the earliest of the breaks' offsets
        if first_break is not None:
            after = after[: first_break.start()]
        clause = _normalise_phrase(f"{before} {after}")
        return self._phrase_pattern.search(clause) is not None


def phrase_pattern(phrases: Collection[str]) -> re.Pattern[str]:
    """A pattern whose ``search`` finds any of ``phrases`` (non-empty) in a text.

    The phrases share their first words ("do not ...", "don't ..."), so they are merged into a
    tree first: at each position of the text the search then follows one branch instead of
    trying every phrase in turn. It matches where some phrase occurs, and nowhere else.
    """
    tree: dict[str, dict[str, Any]] = {}
    for phrase in phrases:
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here
    return re.compile(_branches(tree))


def _branches(node: dict[str, dict[str, Any]]) -> str:
    # A run of single branches is written out in a loop, so the recursion (and the pattern's
    # nesting) only goes as deep as the points where phrases part or end.
    run: list[str] = []
    while len(node) == 1 and "" not in node:
        [(char, node)] = node.items()
        run.append(re.escape(char))
    alternatives = [re.escape(char) + _branches(child) for char, child in node.items() if char]
    if not alternatives:
        return "".join(run) if node or run else "(?!)"  # a phrase ends; no phrases: no match
    body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
    # A phrase that ends here needs nothing more: what follows is optional.
    return "".join(run) + (f"(?:{body})?" if "" in node else body)


def _lower_in_place(text: str) -> str:
    """``text`` in lower case, every character at its own offset, so positions hold in ``text``.

    ``str.lower`` lowers a few characters to two ("İ" to "i" and a combining dot above), which
    shifts every offset after them; here such a character stays as written (the markers sought
    in the result are ASCII). Called only when ``text.lower()`` changed the length: no
    character lowers to nothing, so a kept length means every character kept its place.
    """
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def _blanks_as_spaces(lowered: str) -> str:
    # Same length, so offsets still point into the text that was lowered.
    if "\t" in lowered or "\u00a0" in lowered:
        return lowered.replace("\t", " ").replace("\u00a0", " ")
    return lowered


def _add_signs(markers: list[_Marker], text: str, sign: str, kind: str) -> None:
    position = text.find(sign)
    while position != -1:
        markers.append((position, position + 1, kind))
        position = text.find(sign, position + 1)


def _sign_with_domain(text: str, sign: str) -> bool:
    """True when some ``sign`` in ``text`` has a domain after it."""
    position = text.find(sign)
    while position != -1:
        if _domain_match(text, position + 1) is not None:
            return True
        position = text.find(sign, position + 1)
    return False


def _domain_match(text: str, marker_end: int) -> re.Match[str] | None:
    """The domain read after a marker that ends at ``marker_end`` (group 1), or None.

    Read with the ASCII readers when the text they could look at is all ASCII, as most is.
    """
    if text.isascii():
        return patterns.ASCII_READERS.domain_after_marker.match(text, marker_end)
    region = text[marker_end : marker_end + patterns.DOMAIN_WINDOW]
    if region.isascii():
        return patterns.ASCII_READERS.domain_after_marker.match(text, marker_end)
    if patterns.SEPARATOR_START.search(region, 0, patterns.FIRST_SEPARATOR_REACH) is None:
        return None  # "Продакт @ Яндекс": no dot, spelled out or not, where one must be
    return patterns.unicode_readers().domain_after_marker.match(text, marker_end)


def _unspaced_cut(text: str, start: int, end: int) -> int | None:
    """The first place in ``text[start:end]`` where an ASCII letter or digit meets a character
    of a script written without spaces (the offset of the latter), or None.

    Read outward from a marker, such a meeting ends an address: the local part is searched in
    the reversed text.
    """
    for match in _ASCII_THEN_OTHER.finditer(text, start, end):
        if letters.is_unspaced(text[match.end() - 1]):
            return match.end() - 1
    return None


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
