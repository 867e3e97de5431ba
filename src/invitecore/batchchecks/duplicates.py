"""Duplicate prospects (same profile URL, or same name and company) in constant memory.

Short lists are checked exactly, with a set of keys. A list of a million prospects must not cost
a million remembered keys, so past ``exact_limit`` keys the check moves to a fixed-size Bloom
filter (16 MiB): memory then stays the same for ten thousand rows or ten million. The price is a
tiny chance of calling a new prospect a duplicate (about 1 in 100 million per row at a million
rows); it never misses a real duplicate.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from invitecore.report import CaseResult

__all__ = ["BloomFilter", "DuplicateProspects", "prospect_keys"]


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


def prospect_keys(result: CaseResult) -> list[tuple[str, str]]:
    """The identities of a prospect: ``("URL", ...)`` and ``("name and company", ...)``."""
    profile = result.profile
    if profile is None:
        return []
    keys = []
    url = profile.url
    if url and not url.isspace():
        keys.append(("URL", "u:" + _normal_url(url)))
    company = profile.company
    if company and not company.isspace() and profile.name and not profile.name.isspace():
        # Case and runs of spaces do not make a different person.
        name = " ".join(profile.name.split()).casefold()
        keys.append(("name and company", f"n:{name}\x00{' '.join(company.split()).casefold()}"))
    return keys


class DuplicateProspects:
    """Counts prospects that repeat an earlier row, and lists the first few."""

    name = "duplicates"

    def __init__(
        self, *, examples: int = 10, bits_log2: int = 27, exact_limit: int = 2_000
    ) -> None:
        self.bits_log2 = bits_log2
        self.exact_limit = exact_limit
        self.exact: set[str] | None = set()
        self.filter: BloomFilter | None = None
        self.count = 0
        self.examples: list[str] = []
        self.example_limit = examples

    def observe(self, result: CaseResult) -> None:
        """Check one prospect against every earlier one."""
        matched = None
        for label, key in prospect_keys(result):
            if self._seen(key) and matched is None:
                matched = label
        if matched is None:
            return
        self.count += 1
        if len(self.examples) < self.example_limit and result.profile is not None:
            where = f" ({result.source})" if result.source else ""
            self.examples.append(f"{result.profile.name}{where}: same {matched} as an earlier row")

    def _seen(self, key: str) -> bool:
        exact = self.exact
        if exact is not None:
            if key in exact:
                return True
            exact.add(key)
            if len(exact) > self.exact_limit:
                self.filter = BloomFilter(bits_log2=self.bits_log2)
                for known in exact:
                    self.filter.add(known)
                self.exact = None
            return False
        assert self.filter is not None
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
