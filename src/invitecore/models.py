"""Value objects that cross the plugin hooks.

Everything here is an ``attrs`` frozen, keyword-only, slotted class: plugins build them with
keywords, so adding a field with a default later breaks no plugin. Collections are tuples.
Enum-valued fields accept their string values (``camp="open"``) and convert them; a bad value
raises :class:`ValueError` naming the field and the values it accepts.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

__all__ = [
    "Account",
    "Advice",
    "Camp",
    "Classification",
    "Finding",
    "Invitation",
    "NetworkingCamp",
    "PluginError",
    "Profile",
    "Relationship",
    "Risk",
    "RiskFactor",
    "RiskLevel",
    "Rule",
    "Sender",
    "Severity",
    "Signal",
    "Span",
    "TemplateGap",
    "Verdict",
]

Span = tuple[int, int]
"""A ``(start, end)`` pair of character offsets into one profile or invitation field."""


class _StrEnum(str, enum.Enum):
    """A string enum whose ``str()`` is its value (``enum.StrEnum`` is 3.11+)."""

    def __str__(self) -> str:
        return str(self.value)


class Severity(_StrEnum):
    """How much a finding matters. Ordered: ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Position in the order ``info < warning < error`` (0, 1, 2)."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


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
        return self in (Relationship.OTHER, Relationship.NONE)

    @property
    def asks_for_email(self) -> bool:
        """True where LinkedIn's form asked for the recipient's email (``friend``, ``other``)."""
        return self in (Relationship.FRIEND, Relationship.OTHER)


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


E = TypeVar("E", bound=enum.Enum)

# Converters are lenient and never raise: they turn what they can ("open", "6,500+", "true")
# into the field's type and pass anything else through unchanged. The validators that follow
# them know the field's name, so the error message can name it.


def _enum_value(enum_cls: type[E], value: object) -> E | object:
    # Members are str subclasses: test for them first, it is the common case on the hot path.
    if type(value) is enum_cls:
        return value
    member = _MEMBERS.get(value) if type(value) is str else None  # exact spellings, no strip
    if member is not None and type(member) is enum_cls:
        return member
    if isinstance(value, str):
        try:
            return enum_cls(value.strip().lower())
        except ValueError:
            return value
    return value


_MEMBERS: dict[str, enum.Enum] = {}  # filled below, once every enum exists


def _to_severity(value: object) -> Any:
    return _enum_value(Severity, value)


def _to_camp(value: object) -> Any:
    return _enum_value(Camp, value)


def _to_networking_camp(value: object) -> Any:
    return _enum_value(NetworkingCamp, value)


def _to_relationship(value: object) -> Any:
    return _enum_value(Relationship, value)


def _to_account(value: object) -> Any:
    return _enum_value(Account, value)


def _to_risk_level(value: object) -> Any:
    return _enum_value(RiskLevel, value)


for _enum in (Severity, Camp, NetworkingCamp, Relationship, Account, RiskLevel):
    # Values are unique across these enums except where they mean the same word; the type check
    # in _enum_value keeps a member of one enum from being taken for another.
    for _member in _enum:
        _MEMBERS.setdefault(_member.value, _member)


def _member_of(enum_cls: type[enum.Enum], *, optional: bool = False) -> Any:
    allowed = ", ".join(str(m.value) for m in enum_cls)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, enum_cls) or (optional and value is None):
            return
        raise ValueError(f"{attribute.name}: {value!r} is not one of: {allowed}")

    return check


def _to_int(value: object) -> Any:
    if value == "" or isinstance(value, bool):
        return None if value == "" else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip().replace(",", "").rstrip("+")
        if text.isdigit():
            return int(text)
    return value


def _to_bool(value: object) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("true", "yes", "y", "1"):
            return True
        if text in ("false", "no", "n", "0"):
            return False
        if text == "":
            return None
    return value


def _to_str(value: object) -> Any:
    if value is None or type(value) is str:
        return value
    # Spreadsheet exports turn some text cells into numbers (a zip code, a year): keep them.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _expect(types: tuple[type, ...], description: str) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if (
            value is None
            or type(value) in types
            or (isinstance(value, types) and not isinstance(value, bool))
            or (bool in types and isinstance(value, bool))
        ):
            return
        raise ValueError(f"{attribute.name}: expected {description}, got {value!r}")

    return check


_TEXT = _expect((str,), "text")


def _str_tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)  # type: ignore[arg-type]


def _to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


def _span(value: object) -> Span | None:
    if value is None:
        return None
    if type(value) is tuple and len(value) == 2 and type(value[0]) is int and type(value[1]) is int:
        return value  # already a pair of ints: the common case (re.Match.span())
    if not isinstance(value, (tuple, list)):
        raise ValueError(f"span: {value!r} is not a (start, end) pair")
    pair = tuple(value)
    if len(pair) != 2:
        raise ValueError(f"span: {value!r} is not a (start, end) pair")
    return (int(pair[0]), int(pair[1]))


def _check_span(instance: object, attribute: attrs.Attribute[Any], value: Span | None) -> None:
    if value is not None and not (0 <= value[0] <= value[1]):
        raise ValueError(
            f"{attribute.name}: {value!r} is not a (start, end) pair with 0 <= start <= end"
        )


_RULE_CODE = re.compile(r"[A-Z]{2,4}[0-9]{3}")


_VALID_CODES: set[str] = set()  # a run sees a few dozen codes millions of times


def _check_code(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if value in _VALID_CODES:
        return
    if isinstance(value, str) and _RULE_CODE.fullmatch(value):
        if len(_VALID_CODES) < 10_000:
            _VALID_CODES.add(value)
        return
    raise ValueError(
        f"{attribute.name}: {value!r} is not a rule code"
        " (2-4 capital letters and 3 digits, e.g. LIO101)"
    )


def _to_float(value: object) -> Any:
    if type(value) is float:
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return value
    return value


def _expect_number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, float):
        raise ValueError(f"{attribute.name}: expected a number, got {value!r}")


def _check_weight(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    _expect_number(instance, attribute, value)
    if not (0.0 < value <= 1.0):
        raise ValueError(f"{attribute.name}: {value!r} is not in (0, 1]")


def _freeze_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    # A plain dict keeps pickling and JSON simple; nobody mutates it because the owner is frozen
    # and the core hands out the same object only for reading.
    return dict(value or {})


@attrs.frozen(kw_only=True)
class Rule:
    """A rule a plugin can emit: the code, a one-line summary and a longer explanation.

    Every :class:`Signal`, :class:`Finding` and :class:`RiskFactor` a plugin returns must carry a
    code the same plugin declared through ``invitecore_rules``.
    """

    code: str = attrs.field(validator=_check_code)
    summary: str
    severity: Severity = attrs.field(
        default=Severity.WARNING, converter=_to_severity, validator=_member_of(Severity)
    )
    explanation: str = ""


@attrs.frozen(kw_only=True)
class Signal:
    """One piece of evidence about which camp a person is in.

    :param camp: ``"open"`` or ``"selective"``.
    :param weight: how strong the evidence is, in (0, 1]; 1 is conclusive on its own.
    :param label: a human-readable description ("LION token in headline").
    :param field: the profile field the evidence is in (``headline``, ``about``, ``groups[2]`` ...).
    :param span: ``(start, end)`` character offsets of the evidence inside that field.
    :param value: a machine-readable value extracted from the evidence (the email-headline plugin
        puts the normalised address here), for other plugins and formatters.
    :param plugin: filled in by the core with the name of the plugin that emitted the signal.
    """

    code: str = attrs.field(validator=_check_code)
    camp: Camp = attrs.field(converter=_to_camp, validator=_member_of(Camp))
    weight: float = attrs.field(converter=_to_float, validator=_check_weight)
    label: str
    field: str | None = None
    span: Span | None = attrs.field(default=None, converter=_span, validator=_check_span)
    value: str | None = None
    plugin: str | None = None


@attrs.frozen(kw_only=True)
class Finding:
    """Something wrong (or worth knowing) about the invitation, with a concrete fix.

    ``severity`` defaults to the severity of the rule that ``code`` names.
    """

    code: str = attrs.field(validator=_check_code)
    message: str
    severity: Severity | None = attrs.field(
        default=None,
        converter=_to_severity,
        validator=_member_of(Severity, optional=True),
    )
    suggestion: str | None = None
    field: str | None = None
    span: Span | None = attrs.field(default=None, converter=_span, validator=_check_span)
    plugin: str | None = None


@attrs.frozen(kw_only=True)
class RiskFactor:
    """One line of the risk scorecard: points added (or, when negative, taken away) and why."""

    code: str = attrs.field(validator=_check_code)
    points: float = attrs.field(converter=_to_float, validator=_expect_number)
    reason: str
    plugin: str | None = None


@attrs.frozen(kw_only=True)
class Advice:
    """A next step for the sender ("comment on one of their posts first"), from a plugin."""

    code: str = attrs.field(validator=_check_code)
    text: str
    plugin: str | None = None


@attrs.frozen(kw_only=True)
class PluginError:
    """A plugin that failed while evaluating a case: which plugin, in which hook, and why."""

    plugin: str
    hook: str
    message: str


def _check_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise ValueError(f"name: expected text, got {value!r}")


@attrs.frozen(kw_only=True)
class Profile:
    """What the sender knows about the recipient's LinkedIn profile.

    Only ``name`` is required. ``member_since`` is the year the person joined LinkedIn.
    ``emails`` holds addresses the sender's own data already has for the person (a
    ``Connections.csv`` export, an enrichment API); addresses written in the headline are found by
    plugins. ``extra`` keeps input fields the schema does not know, so plugins can still read them.
    """

    name: str = attrs.field(validator=_check_name)
    first_name: str | None = attrs.field(default=None, converter=_to_str, validator=_TEXT)
    last_name: str | None = attrs.field(default=None, converter=_to_str, validator=_TEXT)
    headline: str | None = attrs.field(default=None, converter=_to_str, validator=_TEXT)
    about: str | None = attrs.field(default=None, converter=_to_str, validator=_TEXT)
    groups: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    connections: int | None = attrs.field(
        default=None, converter=_to_int, validator=_expect((int,), "a whole number")
    )
    shared_connections: int | None = attrs.field(
        default=None, converter=_to_int, validator=_expect((int,), "a whole number")
    )
    member_since: int | None = attrs.field(
        default=None, converter=_to_int, validator=_expect((int,), "a whole number")
    )
    company: str | None = attrs.field(default=None, converter=_to_str, validator=_TEXT)
    title: str | None = attrs.field(default=None, converter=_to_str, validator=_TEXT)
    location: str | None = attrs.field(default=None, converter=_to_str, validator=_TEXT)
    url: str | None = attrs.field(default=None, converter=_to_str, validator=_TEXT)
    open_link: bool | None = attrs.field(
        default=None, converter=_to_bool, validator=_expect((bool,), "true or false")
    )
    premium: bool | None = attrs.field(
        default=None, converter=_to_bool, validator=_expect((bool,), "true or false")
    )
    emails: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    extra: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze_mapping)

    @property
    def given_name(self) -> str:
        """The first name to greet the person by: ``first_name``, else the name's first word."""
        if self.first_name:
            return self.first_name.strip()
        words = self.name.split()
        return words[0] if words else ""

    def text_fields(self) -> Iterable[tuple[str, str]]:
        """``(field, text)`` pairs for every non-empty free-text field, groups as ``groups[i]``."""
        for field in ("name", "headline", "about"):
            text = getattr(self, field)
            if text:
                yield field, text
        for index, group in enumerate(self.groups):
            if group:
                yield f"groups[{index}]", group

    def field_text(self, field: str) -> str | None:
        """The text of ``field`` as :meth:`text_fields` names it, or None."""
        if field.startswith("groups[") and field.endswith("]"):
            try:
                return self.groups[int(field[7:-1])]
            except (ValueError, IndexError):
                return None
        value = getattr(self, field, None)
        return value if isinstance(value, str) else None


@attrs.frozen(kw_only=True)
class TemplateGap:
    """A template placeholder that had no value for this prospect.

    The note keeps the placeholder text (``{company}``) at ``span`` instead of an empty string,
    so the gap cannot pass unnoticed; the core reports it as ``INV101`` unless a plugin's finding
    already points at that span.
    """

    field: str
    span: Span = attrs.field(converter=_span, validator=_check_span)


def _to_note(value: object) -> Any:
    return "" if value is None else value


@attrs.frozen(kw_only=True)
class Invitation:
    """The draft invitation: the note (empty means no note), the relationship picked, an email."""

    note: str = attrs.field(default="", converter=_to_note)
    relationship: Relationship = attrs.field(
        default=Relationship.NONE, converter=_to_relationship, validator=_member_of(Relationship)
    )
    email: str | None = attrs.field(default=None, converter=_to_str, validator=_TEXT)
    template_gaps: tuple[TemplateGap, ...] = attrs.field(default=(), converter=_to_tuple)

    @note.validator
    def _check_note(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            raise ValueError(f"note: expected text, got {type(value).__name__}")

    @property
    def has_note(self) -> bool:
        """True when the note has any non-blank text."""
        return bool(self.note.strip())


@attrs.frozen(kw_only=True)
class Sender:
    """Who sends the invitation; ``account`` sets the note length limit."""

    name: str | None = attrs.field(default=None, converter=_to_str, validator=_TEXT)
    account: Account = attrs.field(
        default=Account.FREE, converter=_to_account, validator=_member_of(Account)
    )


@attrs.frozen(kw_only=True)
class Classification:
    """The core's conclusion about a person's camp, with the signals it used."""

    camp: NetworkingCamp = attrs.field(
        converter=_to_networking_camp, validator=_member_of(NetworkingCamp)
    )
    confidence: float
    signals: tuple[Signal, ...] = attrs.field(default=(), converter=_to_tuple)
    open_strength: float = 0.0
    selective_strength: float = 0.0

    @property
    def is_open(self) -> bool:
        """True when the camp is ``open_networker``."""
        return self.camp is NetworkingCamp.OPEN_NETWORKER


@attrs.frozen(kw_only=True)
class Risk:
    """The summed risk scorecard: score clamped to 0-100, its level, and every factor."""

    score: float
    level: RiskLevel = attrs.field(converter=_to_risk_level, validator=_member_of(RiskLevel))
    factors: tuple[RiskFactor, ...] = attrs.field(default=(), converter=_to_tuple)
