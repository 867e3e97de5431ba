"""The names a row's columns (or a flat JSON record's keys) can map to, and their value parsers.

A column maps to a *target*: a :class:`~invitecore.models.Profile` field, one of the row-level
targets (``id``, ``note``, ``relationship``, ``account``, ``email``), or one of the ``extra``
targets whose value is parsed before it lands in ``Profile.extra`` (``connected_on``,
``follower_count``). ``connection_degree`` is a profile field whose text (``1st``, ``2nd``,
``3rd+``) is parsed too. Header names are matched after
:func:`normalize_header` (lower case, letters and digits only), so ``First Name``,
``first_name`` and ``firstName`` are the same column.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from invitecore._suggest import did_you_mean
from invitecore.errors import UsageError, quote
from invitecore.models import Profile

__all__ = [
    "COLUMN_TARGETS",
    "EXTRA_TARGETS",
    "LIST_FIELDS",
    "PROFILE_FIELDS",
    "ROW_TARGETS",
    "TEXT_FIELDS",
    "header_aliases",
    "is_count",
    "normalize_header",
    "parse_date",
    "parse_degree",
    "split_list",
    "validate_columns",
]

PROFILE_FIELDS: tuple[str, ...] = tuple(a.name for a in attrs.fields(Profile) if a.name != "extra")
# Annotations are strings here (``from __future__ import annotations`` in models.py).
TEXT_FIELDS: tuple[str, ...] = tuple(
    a.name for a in attrs.fields(Profile) if str(a.type) in ("str", "str | None")
)
"""Profile fields that hold text: the names a note template may use (plus ``sender_name``)."""
LIST_FIELDS = ("groups", "emails")
ROW_TARGETS = ("id", "note", "relationship", "account", "email")
"""Row-level targets: the case id, the note, the relationship, the sender's account, and the
email address to enter in the invitation form (``Invitation.email``)."""
EXTRA_TARGETS = ("connected_on", "follower_count")
COLUMN_TARGETS: tuple[str, ...] = PROFILE_FIELDS + ROW_TARGETS + EXTRA_TARGETS

# Cell separator for list fields (groups, emails) in a CSV cell: "a@example.com; b@example.org".
LIST_SEPARATOR = ";"


def normalize_header(name: str) -> str:
    """``First Name`` / ``first_name`` / ``firstName`` -> ``firstname``: letters and digits only."""
    return "".join(ch for ch in name.lower() if ch.isalnum())


# Names seen in exports for the same thing (docs/sources.md section 8), normalised. A header equal
# to
# a target's own name (``first_name``, ``shared_connections`` ...) maps to it without a listing.
_COMMON_ALIASES = {
    "fullname": "name",
    "givenname": "first_name",
    "surname": "last_name",
    "familyname": "last_name",
    "position": "title",
    "jobtitle": "title",
    "occupationtitle": "title",
    "companyname": "company",
    "employer": "company",
    "summary": "about",
    "profileurl": "url",
    "linkedinurl": "url",
    "linkedinprofileurl": "url",
    "publicprofileurl": "url",
    # The person's own addresses (Connections.csv's "Email Address"): Profile.emails. A column
    # named exactly "email" is the address to type into the invitation form (Invitation.email).
    "emailaddress": "emails",
    "emailaddresses": "emails",
    "personalemail": "emails",
    "personalemails": "emails",
    "sharedconnectionscount": "shared_connections",
    "mutualconnections": "shared_connections",
    "connectionscount": "connections",
    "connectioncount": "connections",
    "isopenlink": "open_link",
    "ispremium": "premium",
    "caseid": "id",
    "invitationnote": "note",
    "connectionnote": "note",
    "invitationemail": "email",
    "followers": "follower_count",
}
# Sales Navigator exports carry three URL columns; "profileUrl" is the Sales Navigator lead page,
# "linkedInProfileUrl" the public profile Profile.url means. The others stay in extra.
_SALES_NAVIGATOR_ALIASES = {"profileurl": None, "defaultprofileurl": None}


def header_aliases(layout: str) -> Mapping[str, str | None]:
    """Normalised header -> target for a CSV layout; a None target keeps the column in extra."""
    table: dict[str, str | None] = {normalize_header(t): t for t in COLUMN_TARGETS}
    table.update(_COMMON_ALIASES)
    if layout == "sales-navigator":
        table.update(_SALES_NAVIGATOR_ALIASES)
    return table


def validate_columns(columns: Mapping[str, str] | None) -> dict[str, str]:
    """Check a ``[tool.invitecore.columns]`` table; return it keyed by normalised column name.

    :raises UsageError: for a target that is not one of :data:`COLUMN_TARGETS`, listing them.
    """
    checked: dict[str, str] = {}
    for column, target in (columns or {}).items():
        if target not in COLUMN_TARGETS:
            raise UsageError(
                f"columns: {quote(column)} maps to unknown field {quote(target)}"
                f"{did_you_mean(str(target), COLUMN_TARGETS)}; "
                f"valid fields: {', '.join(sorted(COLUMN_TARGETS))}"
            )
        checked[normalize_header(column)] = target
    return checked


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}


def is_count(text: str) -> bool:
    """True when ``text`` is a whole number ``int()`` reads as a count: ASCII digits only (not
    ``²``, which ``str.isdigit`` accepts) and at most 18 of them."""
    return text.isascii() and text.isdigit() and len(text) <= 18


def parse_date(text: str) -> str:
    """``30 Jan 2026`` (Connections.csv's ``Connected On``) -> ``2026-01-30``.

    ISO dates pass through; anything else is returned unchanged, so no value is lost.
    """
    parts = text.replace(",", " ").split()
    if len(parts) == 3:
        day, month, year = parts
        if not is_count(day):  # "Jan 30 2026"
            day, month = month, day
        number = _MONTHS.get(month.lower())
        if number and is_count(day) and is_count(year) and len(year) == 4 and 1 <= int(day) <= 31:
            return f"{year}-{number:02d}-{int(day):02d}"
    return text


def parse_degree(value: object) -> int | None:
    """``1st`` / ``2nd`` / ``3rd+`` / ``2`` -> 1 / 2 / 3 / 2; None when it names no degree."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value > 0 else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    digits = len(text) - len(text.lstrip("0123456789"))
    number = int(text[:digits]) if 0 < digits <= 18 else 0
    return number if number > 0 else None


def split_list(value: str) -> list[str]:
    """A list field's CSV cell, split on ``;``, blanks dropped."""
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]
