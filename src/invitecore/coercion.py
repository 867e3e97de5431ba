"""Converters and validators for the value objects' fields (internal).

Converters are lenient and never raise; the validators after them know the field's name, so
every error message names the field. Each takes a fast path for a value that already has the
right type, because plugins build these objects on every case.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from invitecore.enums import Account, Camp, NetworkingCamp, Relationship, RiskLevel, Severity

Span = tuple[int, int]
"""A ``(start, end)`` pair of character offsets into one profile or invitation field."""


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
