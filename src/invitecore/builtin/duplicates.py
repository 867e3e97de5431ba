"""Duplicate prospects: the same profile URL, or the same name and company, as an earlier row.

Every identity a run has seen is remembered as a 64-bit fingerprint (BLAKE2b) in one table that
grows with the list: 16 to 32 bytes an identity, so a million-row list costs about 32 MiB rather
than a million remembered strings. Two different prospects are taken for one only when their
fingerprints collide: for a million-row list (two million identities) about one chance in ten
million (``n**2 / 2**65``). A real duplicate is never missed.
"""

from __future__ import annotations

import array
import hashlib
from collections.abc import Mapping
from typing import Any

from invitecore.models import Profile
from invitecore.results import CaseResult

__all__ = ["DuplicateProspects", "FingerprintSet", "prospect_keys"]


class FingerprintSet:
    """A set of 64-bit fingerprints of text keys, in one flat array that doubles when 3/4 full.

    Open addressing with linear probing; 0 marks an empty slot (a key whose fingerprint is 0 is
    stored as 1).
    """

    def __init__(self, slots: int = 1024) -> None:
        self.slots = array.array("Q", bytes(8 * slots))
        self.count = 0

    def add(self, key: str) -> bool:
        """Remember ``key``; True when it (its fingerprint) was there already."""
        digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        fingerprint = int.from_bytes(digest, "little") or 1
        if self._probe(self.slots, fingerprint):
            return True
        self.count += 1
        if self.count * 4 > len(self.slots) * 3:
            self._grow()
        return False

    @staticmethod
    def _probe(slots: array.array[int], fingerprint: int) -> bool:
        """True when ``fingerprint`` is in ``slots``; otherwise put it in the first free slot."""
        mask = len(slots) - 1
        index = fingerprint & mask
        while True:
            held = slots[index]
            if held == fingerprint:
                return True
            if not held:
                slots[index] = fingerprint
                return False
            index = (index + 1) & mask

    def _grow(self) -> None:
        old, self.slots = self.slots, array.array("Q", bytes(16 * len(self.slots)))
        for fingerprint in old:
            if fingerprint:
                self._probe(self.slots, fingerprint)


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


def prospect_keys(profile: Profile) -> tuple[str | None, str | None]:
    """The two identities of a prospect: their profile URL (lowercased, without scheme,
    ``www.``, query or fragment) and their name with their company (casefolded, runs of spaces
    made one); None where the profile lacks what it takes."""
    return _url_key(profile), _name_key(profile)


class DuplicateProspects:
    """Counts prospects that repeat an earlier row, and lists the first few."""

    name = "duplicates"

    def __init__(self, *, examples: int = 10) -> None:
        self.seen = FingerprintSet()
        self.count = 0
        self.examples: list[str] = []
        self.example_limit = examples

    def observe(self, result: CaseResult) -> None:
        """Count the prospect if its URL (lowercased, without scheme, ``www.``, query or
        fragment) or its name and company (casefolded, runs of spaces made one) were seen in an
        earlier row; remember both either way, so later rows match on either."""
        profile = result.profile
        if profile is None:
            return
        url, name = prospect_keys(profile)
        url_seen = url is not None and self.seen.add(url)
        name_seen = name is not None and self.seen.add(name)
        if not (url_seen or name_seen):
            return
        self.count += 1
        if len(self.examples) < self.example_limit:
            matched = "URL" if url_seen else "name and company"
            where = f" ({result.source})" if result.source else ""
            self.examples.append(f"{profile.name}{where}: same {matched} as an earlier row")

    def finish(self) -> Mapping[str, Any]:
        """The section: how many duplicates, the first few, and a warning when there are any."""
        rows = f"{self.count:,} row" + ("" if self.count == 1 else "s")
        section: dict[str, Any] = {
            "count": self.count,
            "headline": f"{rows} repeat a person from an earlier row" if self.count else "none",
            "lines": list(self.examples),
            "warnings": [],
        }
        if self.count:
            section["warnings"].append(
                f"{rows} repeat a person: inviting someone twice wastes invitations and looks "
                "automated. The send plan counts each person once; remove the copies."
            )
        return section
