"""Person-profile objects from enrichment APIs (Proxycurl-style, docs/sources.md section 8).

Most of their keys map by name (``first_name``, ``headline``, ``connections``) or by a common
alias (``full_name`` -> name, ``summary`` -> about, ``personal_emails`` -> emails,
``follower_count`` -> ``extra``); :func:`apply_enrichment` handles the rest: ``groups`` as
``{name, url}`` objects, ``experiences[0]`` as the current company and title when its
``ends_at`` is null, ``city``/``state``/``country`` as the location, ``public_identifier`` as the
profile URL. Keys it does not use (``occupation``, ``education``, the ``experiences`` list
itself ...) stay in ``Profile.extra``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["ENRICHMENT_KEYS", "PROFILE_URL", "apply_enrichment", "group_names"]

PROFILE_URL = "https://www.linkedin.com/in/{}"
# Keys that only enrichment objects have; a record with none of them skips this module.
ENRICHMENT_KEYS = frozenset(
    {"public_identifier", "city", "state", "country", "country_full_name", "experiences"}
)
_LOCATION_KEYS = ("city", "state", "country_full_name", "country")


def group_names(value: Any) -> Any:
    """``[{name, url}, ...]`` or ``["name", ...]`` -> ``["name", ...]``; anything else unchanged.

    An item that is neither text nor an object with a text ``name`` leaves the value unchanged,
    so the caller's type check reports it.
    """
    if not isinstance(value, list):
        return value
    names = []
    for item in value:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, Mapping) and isinstance(item.get("name"), str):
            names.append(item["name"])
        else:
            return value
    return names


def apply_enrichment(values: dict[str, Any], extra: dict[str, Any]) -> None:
    """Move the enrichment-only keys from ``extra`` into profile ``values`` (in place).

    A value the record already has (a ``location``, a ``company``) is never overwritten.
    """
    identifier = extra.pop("public_identifier", None)
    if isinstance(identifier, str) and identifier.strip() and "url" not in values:
        values["url"] = PROFILE_URL.format(identifier.strip())
    parts = [extra.pop(key, None) for key in _LOCATION_KEYS]
    city, state, country_name, country = parts
    place = [p.strip() for p in (city, state, country_name or country) if isinstance(p, str)]
    if any(place) and "location" not in values:
        values["location"] = ", ".join(p for p in place if p)
    experiences = extra.get("experiences")
    if isinstance(experiences, list) and experiences and isinstance(experiences[0], Mapping):
        current = experiences[0]
        if current.get("ends_at") is None:
            company, title = current.get("company"), current.get("title")
            if isinstance(company, str) and company.strip() and "company" not in values:
                values["company"] = company
            if isinstance(title, str) and title.strip() and "title" not in values:
                values["title"] = title
