"""The fixed vocabularies of invitecore: severities, camps, relationships, accounts, verdicts.

Every enum is a ``str`` subclass whose ``str()`` is its value, so it prints, compares and
serialises as the word users write in files and configs.
"""

from __future__ import annotations

import enum

__all__ = [
    "Account",
    "Camp",
    "NetworkingCamp",
    "Relationship",
    "RiskLevel",
    "Severity",
    "Verdict",
]


class _StrEnum(str, enum.Enum):
    """A string enum whose ``str()`` is its value (``enum.StrEnum`` is 3.11+)."""

    # A member's text is its value, so str's own __str__ (in C) returns the value as a plain
    # str; ``str(self.value)`` did the same through the enum ``value`` property, about ten
    # times slower, and output formats call it on every row.
    __str__ = str.__str__


class Severity(_StrEnum):
    """How much a finding matters. Ordered: ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Position in the order ``info < warning < error`` (0, 1, 2)."""
        # Keyed by value: hashing a member runs Enum.__hash__ in Python, a str hashes in C.
        return _SEVERITY_RANK[self._value_]


_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class Camp(_StrEnum):
    """The camp a single piece of evidence points to."""

    OPEN = "open"
    SELECTIVE = "selective"


class NetworkingCamp(_StrEnum):
    """The camp the core concludes from all the evidence about one person."""

    OPEN_NETWORKER = "open_networker"
    IN_BETWEEN = "in_between"
    SELECTIVE_CONNECTOR = "selective_connector"
    UNKNOWN = "unknown"


class Relationship(_StrEnum):
    """How the sender knows the recipient, as LinkedIn's invitation form used to ask it."""

    COLLEAGUE = "colleague"
    CLASSMATE = "classmate"
    BUSINESS = "business"
    FRIEND = "friend"
    GROUP = "group"
    OTHER = "other"
    NONE = "none"

    @property
    def is_stranger(self) -> bool:
        """True for ``other`` and ``none``: the sender has no shared history to point to."""
        return self is _OTHER or self is _NONE

    @property
    def asks_for_email(self) -> bool:
        """True where LinkedIn's form asked for the recipient's email (``friend``, ``other``)."""
        return self is _FRIEND or self is _OTHER


# The properties above compare against these: on Python 3.11 reading a member from its class
# goes through the enum metaclass's __getattr__ hook, several times slower than a global.
_OTHER, _NONE, _FRIEND = Relationship.OTHER, Relationship.NONE, Relationship.FRIEND


class Account(_StrEnum):
    """The sender's LinkedIn account type; it sets the note length limit."""

    FREE = "free"
    PREMIUM = "premium"


class RiskLevel(_StrEnum):
    """A risk score put into one of three bands (cut-offs come from config)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Verdict(_StrEnum):
    """What the sender should do with this invitation."""

    SEND = "send"
    REVISE = "revise"
    WARM_UP = "warm_up"
    DO_NOT_SEND = "do_not_send"
