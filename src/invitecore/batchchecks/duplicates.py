"""Duplicate prospects (same profile URL, or same name and company) in constant memory.

Short lists are checked exactly, with a set of keys. A list of a million prospects must not cost
a million remembered Python strings, so past ``exact_limit`` keys the check moves to a
fixed-size table of 64-bit fingerprints (32 MiB, room for about three million identities, i.e.
one and a half million prospects): memory then stays the same for ten thousand rows or ten
million. Two different prospects are taken for one only if their fingerprints collide (about
one chance in ten million over a whole million-row list). Should the table fill, a 16 MiB Bloom
filter takes the identities that do not fit, with its own tiny chance (about 1 in 100 million
per row) of calling a new prospect a duplicate. Neither ever misses a real duplicate.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from invitecore.models import Profile
from invitecore.report import CaseResult, source_text

__all__ = ["BloomFilter", "DuplicateProspects", "FingerprintTable"]

_BITS_64 = 0xFFFF_FFFF_FFFF_FFFF


class FingerprintTable:
    """A fixed-size set of 64-bit key fingerprints, by open addressing in one flat array.

    Fingerprints come from Python's own string hash (salted per process, which is harmless for a
    table that lives one run in one process); 0 marks an empty slot. Lookups probe linearly and
    the table accepts keys only up to three quarters full, so a probe run stays short.
    """

    def __init__(self, slots_log2: int = 22) -> None:
        self.mask = (1 << slots_log2) - 1
        self.capacity = (3 << slots_log2) // 4
        self.count = 0
        self.slots = memoryview(bytearray(8 << slots_log2)).cast("Q")

    @property
    def full(self) -> bool:
        """True when no new key can be added."""
        return self.count >= self.capacity

    def add(self, key: str) -> bool | None:
        """Add ``key``: True when it was already present, False when added, None when it was
        absent and the table is full (the caller must remember it elsewhere)."""
        fingerprint = (hash(key) & _BITS_64) or 1
        slots, mask = self.slots, self.mask
        index = fingerprint & mask
        while True:
            held = slots[index]
            if held == fingerprint:
                return True
            if not held:
                break
            index = (index + 1) & mask
        if self.count >= self.capacity:
            return None
        slots[index] = fingerprint
        self.count += 1
        return False


class BloomFilter:
    """A fixed-size set of keys that can answer "seen before?" with rare false yeses.

    Positions come from Python's own string hash (SipHash, 64 bits, salted per process): the
    filter lives only as long as one run in one process, so a per-process salt is harmless, and
    it is several times cheaper than a cryptographic digest.
    """

    def __init__(self, bits_log2: int = 27, hashes: int = 6) -> None:
        self.size = 1 << bits_log2
        self.mask = self.size - 1
        self.hashes = hashes
        self.bits = bytearray(self.size >> 3)

    def add(self, key: str) -> bool:
        """Add ``key``; return True when it was (probably) already present."""
        value = hash(key) & 0xFFFF_FFFF_FFFF_FFFF
        first, step = value & 0xFFFF_FFFF, (value >> 32) | 1
        bits, mask = self.bits, self.mask
        present = True
        # One position per hash function, by double hashing; a plain loop over the positions
        # (rather than a generator or a helper call) because this runs twice per input row.
        for position in range(first, first + self.hashes * step, step):
            position &= mask
            byte, bit = position >> 3, 1 << (position & 7)
            if not bits[byte] & bit:
                present = False
                bits[byte] |= bit
        return present


def _normal_url(url: str) -> str:
    url = url.strip().lower()
    # Query and fragment do not change the person: cut at the first "?" or "#".
    if "?" in url:
        url = url[: url.index("?")]
    if "#" in url:
        url = url[: url.index("#")]
    url = url.rstrip("/")
    if url.startswith("http"):
        url = url.removeprefix("https://").removeprefix("http://")
    return url.removeprefix("www.")


def _url_key(profile: Profile) -> str | None:
    url = profile.url
    return "u:" + _normal_url(url) if url and not url.isspace() else None


def _name_key(profile: Profile) -> str | None:
    company, name = profile.company, profile.name
    if not company or company.isspace() or not name or name.isspace():
        return None
    # Case and runs of spaces do not make a different person.
    return f"n:{' '.join(name.split()).casefold()}\x00{' '.join(company.split()).casefold()}"


# What DuplicateProspects.extract sends for one row: the URL key, the name-and-company key,
# the prospect's name and where the row is (file, line); the example line is built from the
# last two only for the few rows that are duplicates.
_Identity = tuple[str | None, str | None, str, tuple[str, int | None] | None]


class DuplicateProspects:
    """Counts prospects that repeat an earlier row, and lists the first few."""

    name = "duplicates"

    def __init__(
        self,
        *,
        examples: int = 10,
        bits_log2: int = 27,
        slots_log2: int = 22,
        exact_limit: int = 2_000,
    ) -> None:
        self.bits_log2 = bits_log2
        self.slots_log2 = slots_log2
        self.exact_limit = exact_limit
        self.exact: set[str] | None = set()
        self.table: FingerprintTable | None = None
        self.filter: BloomFilter | None = None
        self.count = 0
        self.examples: list[str] = []
        self.example_limit = examples

    def observe(self, result: CaseResult) -> None:
        """Check one prospect against every earlier one."""
        self.accept(self.extract(result))

    def extract(self, result: CaseResult) -> _Identity | None:
        """The prospect's identities, its URL (``u:``, lowercased, without scheme, ``www.``,
        query or fragment) and its name and company (``n:``, casefolded, runs of spaces made
        one), with its name and where its row is; None when it has neither."""
        profile = result.profile
        if profile is None:
            return None
        url, name = _url_key(profile), _name_key(profile)
        if url is None and name is None:
            return None
        source = result.source
        return url, name, profile.name, None if source is None else (source.file, source.line)

    def accept(self, extracted: _Identity | None) -> None:
        """Count the prospect if either identity was seen before, and remember both."""
        if extracted is None:
            return
        url, name, who, where = extracted
        # Both keys are remembered whichever matched, so later rows match on either.
        url_seen = url is not None and self._seen(url)
        name_seen = name is not None and self._seen(name)
        if not (url_seen or name_seen):
            return
        self.count += 1
        if len(self.examples) < self.example_limit:
            matched = "URL" if url_seen else "name and company"
            named = who if where is None else f"{who} ({source_text(*where)})"
            self.examples.append(f"{named}: same {matched} as an earlier row")

    def _seen(self, key: str) -> bool:
        exact = self.exact
        if exact is not None:
            if key in exact:
                return True
            exact.add(key)
            if len(exact) > self.exact_limit:
                self.table = FingerprintTable(slots_log2=self.slots_log2)
                for known in exact:
                    self._remember(known)
                self.exact = None
            return False
        return self._remember(key)

    def _remember(self, key: str) -> bool:
        assert self.table is not None
        seen = self.table.add(key)
        if seen is not None:
            return seen
        if self.filter is None:  # the table is full: the rest go to the Bloom filter
            self.filter = BloomFilter(bits_log2=self.bits_log2)
        return self.filter.add(key)

    def finish(self) -> Mapping[str, Any]:
        """The section: how many duplicates, the first few, and a warning when there are any."""
        section: dict[str, Any] = {
            "count": self.count,
            "headline": f"{self.count} prospect(s) repeat an earlier row",
            "lines": list(self.examples),
            "warnings": [],
        }
        if self.count:
            section["warnings"].append(
                f"{self.count} duplicate prospect(s): inviting someone twice wastes invitations "
                "and looks automated; remove them from the list."
            )
        return section
