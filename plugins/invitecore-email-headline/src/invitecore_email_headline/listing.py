"""Which email addresses a profile lists: written in its fields, or known from the user's data."""

from __future__ import annotations

import attrs

from invitecore import Profile
from invitecore_email_headline.detect import AddressFinder, FoundAddress
from invitecore_email_headline.syntax import address_problem, normalise

__all__ = ["FIELD_NAMES", "ListedAddress", "listed_addresses", "published_addresses"]

FIELD_NAMES = {"headline": "headline", "name": "name", "about": "about text"}
"""The profile fields searched, in order of preference, with how a message names each."""

CONTACT_DATA = "your contact data (profile emails)"
"""How a message names :attr:`Profile.emails`, the addresses the user's own data holds."""


@attrs.frozen(kw_only=True)
class ListedAddress:
    """An address the profile lists, and where: a field name, or None for ``Profile.emails``."""

    address: str
    field: str | None

    @property
    def where(self) -> str:
        """Where the address was found, for messages ("headline", "about text" ...)."""
        return CONTACT_DATA if self.field is None else FIELD_NAMES[self.field]


def published_addresses(profile: Profile, finder: AddressFinder) -> list[tuple[str, FoundAddress]]:
    """``(field, address)`` for every address written in the name, headline and about text.

    Fields come in :data:`FIELD_NAMES` order; addresses in a sentence that asks not to be
    contacted (``refused``) are left out: they are neither open evidence nor a way in.
    """
    published: list[tuple[str, FoundAddress]] = []
    for field in FIELD_NAMES:
        text = getattr(profile, field)
        if not text:
            continue
        published.extend((field, found) for found in finder.find(text) if not found.refused)
    return published


def listed_addresses(
    profile: Profile, finder: AddressFinder, *, min_tld_length: int
) -> list[ListedAddress]:
    """Every distinct address the profile lists, best first: published ones, then ``emails``.

    Entries of ``Profile.emails`` that are not valid addresses are skipped: they cannot be
    suggested, and an empty CSV cell is common (domain.md section 8: most emails are empty).
    """
    listed: dict[str, ListedAddress] = {}
    for field, found in published_addresses(profile, finder):
        listed.setdefault(found.address, ListedAddress(address=found.address, field=field))
    for raw in profile.emails:
        address = normalise(raw)
        if address and address_problem(address, min_tld_length=min_tld_length) is None:
            listed.setdefault(address, ListedAddress(address=address, field=None))
    return list(listed.values())
