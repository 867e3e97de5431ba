"""Turn the addresses a profile publishes into open-camp signals."""

from __future__ import annotations

from collections.abc import Mapping

from invitecore import Camp, Profile, Signal
from invitecore_email_headline.detect import AddressFinder
from invitecore_email_headline.listing import FIELD_NAMES, published_addresses
from invitecore_email_headline.rules import SIGNAL_CODE_BY_FIELD

__all__ = ["email_signals"]


def email_signals(
    profile: Profile, finder: AddressFinder, weights: Mapping[str, float]
) -> list[Signal]:
    """One open-camp signal per distinct address, from the field where it weighs most.

    The same address in the headline and the about text is one piece of evidence, not two:
    counting it twice would inflate the core's noisy-OR. Each signal's ``value`` is the
    normalised address and its ``span`` covers the address as written in ``field``.

    :param weights: the signal weight per field name (``headline``, ``name``, ``about``).
    """
    published = published_addresses(profile, finder)
    if not published:
        return []  # most profiles
    best: dict[str, Signal] = {}
    for field, found in published:
        weight = weights[field]
        kept = best.get(found.address)
        if kept is not None and kept.weight >= weight:
            continue
        form = " (obfuscated)" if found.obfuscated else ""
        best[found.address] = Signal(
            code=SIGNAL_CODE_BY_FIELD[field],
            camp=Camp.OPEN,
            weight=weight,
            label=f"email address in {FIELD_NAMES[field]}: {found.address}{form}",
            field=field,
            span=(found.start, found.end),
            value=found.address,
        )
    return list(best.values())
