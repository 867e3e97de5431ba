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

    # A member is a str whose text is its value: str's own __str__ returns that text.
    __str__ = str.__str__


class Severity(_StrEnum):
    """How much a finding matters. Ordered: ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Position in the order ``info < warning < error`` (0, 1, 2)."""
        return ("info", "warning", "error").index(self)


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
        return self in ("other", "none")

    @property
    def asks_for_email(self) -> bool:
        """True where LinkedIn's form asked for the recipient's email (``friend``, ``other``)."""
        return self in ("friend", "other")


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
    """What the sender should do with this invitation.

    ``already_connected``: the person is a first-degree connection already, so there is no
    invitation to send (LinkedIn's own ``Connections.csv`` lists only such people).
    """

    SEND = "send"
    REVISE = "revise"
    WARM_UP = "warm_up"
    DO_NOT_SEND = "do_not_send"
    ALREADY_CONNECTED = "already_connected"
