"""Which email addresses a profile lists: written in its fields, or known from the user's data."""

from __future__ import annotations

import operator

import attrs

from invitecore import Profile
from invitecore_email_headline.detect import AddressFinder, FoundAddress
from invitecore_email_headline.syntax import normalised_address

__all__ = ["FIELD_NAMES", "ListedAddress", "Published", "listed_addresses", "published_addresses"]

FIELD_NAMES = {"headline": "headline", "name": "name", "about": "about text"}
"""The profile fields searched, in order of preference, with how a message names each."""

_field_texts = operator.attrgetter(*FIELD_NAMES)  # one C call for the three texts

CONTACT_DATA = "your contact data (profile emails)"
"""How a message names :attr:`Profile.emails`, the addresses the user's own data holds."""


@attrs.frozen(kw_only=True)
class ListedAddress:
    """An address the profile lists, and where: a field name, or None for ``Profile.emails``."""

    address: str
    field: str | None

    @property
    def where(self) -> str:
        """Where the address was found, to follow "in" in messages ("the headline" ...)."""
        return CONTACT_DATA if self.field is None else f"the {FIELD_NAMES[self.field]}"


Published = tuple[tuple[str, FoundAddress], ...]
"""``(field, address)`` pairs, as :func:`published_addresses` returns them."""

# The last profile texts read, with what they publish: the engine runs the signal hook and then
# the check hook on the same profile, so the check hook finds its answer here. One entry, keyed
# by the finder (per settings object) and the texts themselves (tuple equality compares the very
# same strings by identity first); replaced whole, so a concurrent reader sees one entry or the
# other.
_last: tuple[AddressFinder, tuple[str | None, ...], Published] | None = None


def published_addresses(profile: Profile, finder: AddressFinder) -> Published:
    """``(field, address)`` for every address written in the name, headline and about text.

    Fields come in :data:`FIELD_NAMES` order; addresses in a sentence that asks not to be
    contacted (``refused``) are left out: they are neither open evidence nor a way in.
    """
    global _last
    texts: tuple[str | None, ...] = _field_texts(profile)
    last = _last
    if last is not None and last[0] is finder and last[1] == texts:
        return last[2]
    headline, name, about = texts  # FIELD_NAMES order
    # Most profiles publish no address: one test over all the fields at once settles them,
    # instead of one scan per field.
    if not finder.may_hold(f"{headline or ''}\n{name or ''}\n{about or ''}"):
        published: Published = ()
    else:
        published = _read_fields(texts, finder)
    _last = (finder, texts, published)
    return published


def _read_fields(texts: tuple[str | None, ...], finder: AddressFinder) -> Published:
    found_in: list[tuple[str, FoundAddress]] = []
    for field, text in zip(FIELD_NAMES, texts, strict=True):
        if text:
            for found in finder.find(text):
                if not found.refused:
                    found_in.append((field, found))
    return tuple(found_in)


def listed_addresses(
    profile: Profile, finder: AddressFinder, *, min_tld_length: int
) -> list[ListedAddress]:
    """Every distinct address the profile lists, best first: published ones, then ``emails``.

    Entries of ``Profile.emails`` that are not valid addresses are skipped: they cannot be
    suggested, and an empty CSV cell is common (docs/sources.md section 8: most emails are empty).
    """
    listed: dict[str, ListedAddress] = {}
    for field, found in published_addresses(profile, finder):
        listed.setdefault(found.address, ListedAddress(address=found.address, field=field))
    for raw in profile.emails:
        written = raw.strip()
        # Checked as written and normalised as email-validator does (never lowered first).
        address = normalised_address(written, min_tld_length=min_tld_length) if written else None
        if address is not None:
            listed.setdefault(address, ListedAddress(address=address, field=None))
    return list(listed.values())
