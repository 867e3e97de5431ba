"""Email address syntax: is an address well formed, and its normalised form. No network look-ups.

The check follows the parts of RFC 5321/5322 that real mail systems and LinkedIn's form enforce:
a dot-atom local part (quoted local parts are not accepted; nobody puts one on a profile) and a
host name domain whose top-level domain is letters. Each check is one pass over the text, so
it is linear.
"""

from __future__ import annotations

import re
import string

__all__ = ["DOMAIN_MAX", "LABEL_MAX", "LOCAL_MAX", "address_problem", "normalise"]

LOCAL_MAX = 64
"""Longest local part (RFC 5321 section 4.5.3.1.1)."""

DOMAIN_MAX = 253
"""Longest domain name as written (RFC 1035 section 2.3.4: 255 octets on the wire)."""

LABEL_MAX = 63
"""Longest label between two dots of a domain (RFC 1035 section 2.3.4)."""

# RFC 5322 "atext" plus the dot that joins atoms.
_LOCAL_CHARS = frozenset(string.ascii_letters + string.digits + "!#$%&'*+/=?^_`{|}~-.")
_DOMAIN_CHARS = frozenset(string.ascii_letters + string.digits + "-.")


# An address every check below accepts, but for the lengths: dot-atoms of the local part's
# characters, then labels of letters, digits and inner hyphens, at most 63 long, and a top-level
# domain of letters. One match in C settles the common, valid case; anything else (and any
# length over a limit) takes the checks, which name the problem.
_PLAIN_VALID = re.compile(
    r"(?P<local>[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
    r"@(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?P<tld>[A-Za-z]+))"
)


def normalise(address: str) -> str:
    """The form addresses are compared and reported in: trimmed and lower case.

    Local parts are case-sensitive in theory; in practice every mail provider ignores case, and
    comparing case-insensitively avoids reporting ``Jane@Example.com`` as a different address.
    """
    return address.strip().lower()


def _local_problem(local: str) -> str | None:
    if not local:
        return "there is nothing before the '@'"
    if len(local) > LOCAL_MAX:
        return f"the part before the '@' is longer than {LOCAL_MAX} characters"
    if not _LOCAL_CHARS.issuperset(local):  # one C-level pass; find the culprit only on failure
        bad = next(char for char in local if char not in _LOCAL_CHARS)
        return f"the part before the '@' contains {bad!r}"
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return "the part before the '@' starts or ends with a dot, or has two dots in a row"
    return None


def _domain_problem(domain: str, min_tld_length: int) -> str | None:
    if not domain:
        return "there is nothing after the '@'"
    if len(domain) > DOMAIN_MAX:
        return f"the domain is longer than {DOMAIN_MAX} characters"
    if not _DOMAIN_CHARS.issuperset(domain):
        bad = next(char for char in domain if char not in _DOMAIN_CHARS)
        return f"the domain contains {bad!r}"
    labels = domain.split(".")
    if len(labels) < 2:
        return "the domain has no dot (it should look like example.com)"
    for label in labels:
        if not label:
            return "the domain starts or ends with a dot, or has two dots in a row"
        if len(label) > LABEL_MAX:
            return f"a part of the domain is longer than {LABEL_MAX} characters"
        if label.startswith("-") or label.endswith("-"):
            return "a part of the domain starts or ends with a hyphen"
    tld = labels[-1]
    if not (tld.isascii() and tld.isalpha()):
        return f"the top-level domain {tld!r} is not all letters"
    if len(tld) < min_tld_length:
        return f"the top-level domain {tld!r} is shorter than {min_tld_length} letters"
    return None


def address_problem(address: str, *, min_tld_length: int = 2) -> str | None:
    """Why ``address`` is not a valid email address, as a phrase; None when it is valid.

    :param address: the address, already trimmed (surrounding spaces count as a problem).
    :param min_tld_length: fewest letters the top-level domain may have.
    """
    plain = _PLAIN_VALID.fullmatch(address)
    if (
        plain is not None
        and plain.end("local") <= LOCAL_MAX
        and len(address) - plain.start("domain") <= DOMAIN_MAX
        and len(address) - plain.start("tld") >= min_tld_length
    ):
        return None
    ats = address.count("@")
    if ats == 0:
        return "it has no '@'"
    if ats > 1:
        return "it has more than one '@'"
    local, domain = address.split("@")
    return _local_problem(local) or _domain_problem(domain, min_tld_length)
