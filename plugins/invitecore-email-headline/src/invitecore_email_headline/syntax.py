"""Email address syntax, as the email-validator library checks it; no network look-ups.

An address is valid when ``email_validator.validate_email`` accepts it with its deliverability
(DNS) check off and its other options at their defaults, all spelled out here so that no other
user of the library can change them: internationalised local parts and domains are accepted
(``ñoñó@example.tld``, ``葉士豪@臺網中心.台灣``), quoted local parts, bracketed IP addresses and
display names are not, nor special-use domains (``.local``, ``.test``, ``.invalid`` ...).
invitecore adds one rule of its own: the top-level domain is made of letters (and combining
marks), at least ``min_tld_length`` of them, as every top-level domain in use is.

The normalised form (:func:`normalised_address`) is email-validator's: the local part in Unicode
NFC, the domain in IDNA's Unicode form (``jeff@xn--fiqq24b10vi0d.tw`` is ``jeff@臺網中心.tw``)
and lower case; invitecore also lowers the local part, since mail providers ignore its case.

email-validator costs tens of milliseconds to import and tens of microseconds a call, so the
common cases are settled here without it, in ways that give its very verdict: a plain ASCII
address that it certainly accepts (one regular-expression match and a few tests), and an ASCII
text that it certainly refuses (no ``@``, no dot after it, longer than an address can be, or a
top-level domain that breaks invitecore's rule). Everything else is handed to the library,
imported on first use.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # imported lazily: see the module docstring
    from email_validator import ValidatedEmail

__all__ = [
    "MAX_LENGTH",
    "SPECIAL_USE_DOMAINS",
    "Checked",
    "address_problem",
    "check_address",
    "normalised_address",
]

MAX_LENGTH = 254
"""Longest address, in UTF-8 bytes (RFC 3696 errata 1690, as email-validator counts it)."""

SPECIAL_USE_DOMAINS = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})
"""email-validator's special-use names (``SPECIAL_USE_DOMAIN_NAMES``): no address ends in one.

Only used to send such addresses to the library (which refuses them) instead of accepting them
on the quick path; a test checks that this copy is the library's list.
"""

# The addresses accepted without the library: an ASCII dot-atom local part (RFC 5322 atext)
# and a domain of labels of letters, digits and inner hyphens, at most 63 long, ending in a
# top-level domain of letters. The caller adds the tests a regex does poorly (lengths, "--",
# special-use names).
_PLAIN_VALID = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?P<tld>[A-Za-z]{1,63}))"
)


class Checked(NamedTuple):
    """The verdict on one address: its normalised form when valid, else the problem."""

    address: str | None
    """The normalised address; None when the address is not valid."""
    problem: str | None
    """Why the address is not valid, as a phrase to follow "is not a valid address: "."""


def check_address(address: str, *, min_tld_length: int = 2) -> Checked:
    """Check ``address`` as written (surrounding blanks count as a problem).

    :param min_tld_length: fewest characters the top-level domain may have.
    """
    if address.isascii():
        plain = _PLAIN_VALID.fullmatch(address)
        if (
            plain is not None
            and len(address) <= MAX_LENGTH
            and "--" not in plain["domain"]  # IDNA ("xn--") and reserved ("ab--") labels
            and plain["tld"].lower() not in SPECIAL_USE_DOMAINS
            and len(plain["tld"]) >= min_tld_length
        ):
            return Checked(address.lower(), None)
        refused = _ascii_refusal(address, min_tld_length)
        if refused is not None:
            return Checked(None, refused)
    elif len(address) > MAX_LENGTH:
        return Checked(None, _too_long())
    validated, problem = _validated(address)
    if validated is None:
        return Checked(None, problem)
    tld = validated.domain.rpartition(".")[2]
    if not all(char.isalpha() or unicodedata.category(char)[0] == "M" for char in tld):
        return Checked(None, f"the top-level domain {tld!r} is not all letters")
    if len(tld) < min_tld_length:
        return Checked(None, _short_tld(tld, min_tld_length))
    local = validated.local_part.lower()
    if not local.isascii():
        local = unicodedata.normalize("NFC", local)
    return Checked(f"{local}@{validated.domain}", None)


def normalised_address(address: str, *, min_tld_length: int = 2) -> str | None:
    """The normalised form of ``address``; None when it is not valid."""
    return check_address(address, min_tld_length=min_tld_length).address


def address_problem(address: str, *, min_tld_length: int = 2) -> str | None:
    """Why ``address`` is not a valid email address, as a phrase; None when it is valid."""
    return check_address(address, min_tld_length=min_tld_length).problem


def _ascii_refusal(address: str, min_tld_length: int) -> str | None:
    """A problem email-validator (or invitecore's rule) certainly finds in an ASCII text."""
    if len(address) > MAX_LENGTH:
        return _too_long()
    if "@" not in address:
        return "it has no '@'"
    domain = address.rpartition("@")[2]
    if "." not in domain:
        # No label separator at all (ASCII has no other): the library's globally
        # deliverable rule refuses it, whatever else it finds first.
        return "the part after the '@' has no dot (it should look like example.com)"
    tld = domain.rpartition(".")[2]
    if tld and tld.isalnum() and not tld.isalpha():
        return f"the top-level domain {tld!r} is not all letters"
    if tld.isalpha() and len(tld) < min_tld_length:
        return _short_tld(tld, min_tld_length)
    return None


def _too_long() -> str:
    return f"it is longer than {MAX_LENGTH} characters, the most an address can have"


def _short_tld(tld: str, min_tld_length: int) -> str:
    return f"the top-level domain {tld!r} is shorter than {min_tld_length} letters"


@functools.lru_cache(maxsize=1024)
def _validated(address: str) -> tuple[ValidatedEmail | None, str | None]:
    """email-validator's verdict (a few addresses are kept: profiles and invitations repeat)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        validated = validate_email(
            address,
            allow_smtputf8=True,
            allow_empty_local=False,
            allow_quoted_local=False,
            allow_domain_literal=False,
            allow_display_name=False,
            strict=False,
            check_deliverability=False,
            test_environment=False,
            globally_deliverable=True,
        )
    except EmailNotValidError as error:
        return None, _phrase(str(error))
    return validated, None


def _phrase(message: str) -> str:
    # The library's sentences ("An email address cannot have two periods in a row.") read as
    # the phrase that follows "is not a valid address: ".
    message = message.rstrip(".")
    return message[:1].lower() + message[1:]
