"""Check the invitation's email against the relationship picked and the addresses listed."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from invitecore import Finding, Invitation, Profile, Relationship
from invitecore_email_headline.detect import AddressFinder
from invitecore_email_headline.listing import ListedAddress, listed_addresses
from invitecore_email_headline.rules import EMAIL_MALFORMED, EMAIL_MISMATCH, EMAIL_MISSING
from invitecore_email_headline.syntax import check_address

__all__ = ["ASKS_FOR_EMAIL", "email_findings"]

ASKS_FOR_EMAIL = frozenset(r for r in Relationship if r.asks_for_email)
"""The relationships LinkedIn's form asks an email for: a set look-up, where the enum property
is a Python-level call on every case."""


def email_findings(
    invitation: Invitation, profile: Profile, finder: AddressFinder, *, min_tld_length: int
) -> list[Finding]:
    """The EMH2xx findings for one invitation (none when it neither needs nor has an email)."""
    raw = invitation.email or ""
    written = raw.strip()
    if not written:
        relationship = invitation.relationship
        if relationship not in ASKS_FOR_EMAIL:
            return []  # the common case: skip reading the profile at all
        listed = listed_addresses(profile, finder, min_tld_length=min_tld_length)
        if listed:
            return [_missing(relationship, listed)]
        return [_missing_unlisted(relationship)]
    listed = listed_addresses(profile, finder, min_tld_length=min_tld_length)
    span = (raw.index(written), raw.index(written) + len(written))
    # Compared in the normalised form: "Jane@Example.com" and "jane@example.com" are one
    # address, and so are "jeff@xn--fiqq24b10vi0d.tw" and "jeff@臺網中心.tw".
    address, problem = check_address(written, min_tld_length=min_tld_length)
    if address is None:
        return [_malformed(written, problem or "", span, finder, listed)]
    if listed and address not in {entry.address for entry in listed}:
        return [_mismatch(written, span, listed)]
    return []


def _missing(relationship: Relationship, listed: Sequence[ListedAddress]) -> Finding:
    first = listed[0]
    return Finding(
        code=EMAIL_MISSING,
        message=(
            f"LinkedIn asks for the person's email when you pick '{relationship.value}', and the "
            f"invitation has none; the profile lists {first.address} (in {first.where})"
        ),
        suggestion=f"Enter {first.address} as the invitation's email (listed in {first.where})",
        field="email",
    )


# Its text depends on the relationship alone, so one finding per relationship serves every case
# (findings are immutable; the engine only fills in ``plugin`` and ``severity`` while None).
@functools.lru_cache(maxsize=len(Relationship))
def _missing_unlisted(relationship: Relationship) -> Finding:
    return Finding(
        code=EMAIL_MISSING,
        message=(
            f"LinkedIn asks for the person's email when you pick '{relationship.value}', and "
            "neither the invitation nor the profile has one"
        ),
        suggestion=(
            "LinkedIn will ask for their email address: 'other' and 'friend' need one. Get it "
            "from the person or a mutual contact first, or pick the relationship that truly "
            "describes how you know them"
        ),
        field="email",
    )


def _malformed(
    written: str,
    problem: str,
    span: tuple[int, int],
    finder: AddressFinder,
    listed: Sequence[ListedAddress],
) -> Finding:
    # An obfuscated form typed into the form ("jane [at] example [dot] com") has a clear fix.
    readable = finder.find(written)
    if len(readable) == 1 and (readable[0].start, readable[0].end) == (0, len(written)):
        suggestion = f"Write it as a plain address: {readable[0].address}"
    elif listed:
        suggestion = f"Use {listed[0].address} (listed in {listed[0].where})"
    else:
        suggestion = "Correct the address: it should look like name@example.com"
    return Finding(
        code=EMAIL_MALFORMED,
        message=f"The invitation's email {written!r} is not a valid address: {problem}",
        suggestion=suggestion,
        field="email",
        span=span,
    )


def _mismatch(written: str, span: tuple[int, int], listed: Sequence[ListedAddress]) -> Finding:
    first = listed[0]
    others = [entry.address for entry in listed[1:]]
    also = f" (or {', '.join(others)})" if others else ""
    return Finding(
        code=EMAIL_MISMATCH,
        message=(
            f"The invitation's email {written} differs from the address the profile lists: "
            f"{first.address} (in {first.where})"
        ),
        suggestion=f"Use {first.address}{also}",
        field="email",
        span=span,
    )
