"""Converters and validators for the value objects' fields (internal).

Converters are lenient and never raise; the validators after them know the field's name, so
every error message names the field. Each takes a fast path for a value that already has the
right type, because plugins build these objects on every case.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, NoReturn, SupportsIndex, TypeVar

import attrs

from invitecore.enums import Account, Camp, NetworkingCamp, Relationship, RiskLevel, Severity
from invitecore.errors import quote

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
        raise ValueError(f"{attribute.name}: {quote(value)} is not one of: {allowed}")

    return check


WHOLE_NUMBER_LIMIT = 2**63
"""Whole-number fields hold less than this (what every JSON tool reads exactly)."""


def _to_int(value: object) -> Any:
    if value is None or type(value) is int:  # most fields of most rows
        return value
    if value == "" or isinstance(value, bool):
        return None if value == "" else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip().replace(",", "").rstrip("+")
        # ASCII digits only: "²".isdigit() is True, but int("²") raises. Longer texts stay
        # text, for the validator to refuse by name (and int() to have no 4,300-digit limit).
        if text.isascii() and text.isdigit() and len(text) <= 19:
            return int(text)
        # An abbreviation is read with no separator in it: "12,5K" could be 12.5 or 125.
        return _abbreviated(value.strip().rstrip("+"), value)
    return value


# Counts as profiles and scrapers abbreviate them: "30K+ connections", "1.2k", "2M followers".
_ABBREVIATED = re.compile(r"([0-9]{1,15})(?:\.([0-9]{1,3}))?\s?([kKmM])")
_MULTIPLIERS = {"k": 1_000, "m": 1_000_000}


def _abbreviated(text: str, value: object) -> Any:
    """``text`` ("30K", "1.2k", "2M") as its whole number, when the abbreviation stands for
    one ("1.2345k" does not); ``value`` unchanged otherwise."""
    match = _ABBREVIATED.fullmatch(text)
    if match is None:
        return value
    whole, decimals, suffix = match.groups()
    multiplier = _MULTIPLIERS[suffix.lower()]
    decimals = decimals or ""
    scale = 10 ** len(decimals)
    number = int(whole + decimals) * multiplier
    return number // scale if number % scale == 0 else value


def _to_bool(value: object) -> Any:
    if value is None or type(value) is bool:
        return value
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
        raise ValueError(f"{attribute.name}: expected {description}, got {quote(value)}")

    return check


def _not_text(attribute: attrs.Attribute[Any], value: object) -> NoReturn:
    raise ValueError(f"{attribute.name}: expected text, got {quote(value)}")


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator of a required text field of a plugin's value object (a message, a label)."""
    if type(value) is not str and not isinstance(value, str):
        _not_text(attribute, value)


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator of an optional text field: text or None."""
    if value is not None and type(value) is not str and not isinstance(value, str):
        _not_text(attribute, value)


def _whole(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator of an optional whole-number field: an int below :data:`WHOLE_NUMBER_LIMIT`."""
    if value is None or (type(value) is int and -WHOLE_NUMBER_LIMIT < value < WHOLE_NUMBER_LIMIT):
        return
    if isinstance(value, int) and not isinstance(value, bool):
        if -WHOLE_NUMBER_LIMIT < value < WHOLE_NUMBER_LIMIT:
            return
        raise ValueError(f"{attribute.name}: {quote(value)} is too large for a whole number")
    raise ValueError(f"{attribute.name}: expected a whole number, got {quote(value)}")


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
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise ValueError(f"span: {quote(value)} is not a (start, end) pair")
    try:
        return (_index(value[0]), _index(value[1]))
    except (TypeError, ValueError):
        raise ValueError(f"span: {quote(value)} is not a (start, end) pair") from None


def _index(value: object) -> int:
    # Whole numbers only: int() would also take 2.7 or "3" and silently move the span.
    if isinstance(value, bool) or not isinstance(value, SupportsIndex):
        raise TypeError(value)
    return value.__index__()


def _check_span(instance: object, attribute: attrs.Attribute[Any], value: Span | None) -> None:
    if value is not None and not (0 <= value[0] <= value[1]):
        raise ValueError(
            f"{attribute.name}: {quote(value)} is not a (start, end) pair with 0 <= start <= end"
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
        f"{attribute.name}: {quote(value)} is not a rule code"
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
        raise ValueError(f"{attribute.name}: expected a number, got {quote(value)}")
    if not math.isfinite(value):
        # nan would make every sum it enters nan, and JSON has no way to write it.
        raise ValueError(f"{attribute.name}: expected a finite number, got {value!r}")


def _check_weight(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    _expect_number(instance, attribute, value)
    if not (0.0 < value <= 1.0):
        raise ValueError(f"{attribute.name}: {value!r} is not in (0, 1]")


EXTRA_DEPTH = 32
"""How deeply ``Profile.extra`` may nest tables and lists."""


def _read_only(self: object, *args: object, **kwargs: object) -> NoReturn:
    raise TypeError(
        f"{type(self).__name__} is read-only: Profile.extra is shared by every plugin and the "
        "output (build a new Profile with attrs.evolve to change it)"
    )


class FrozenDict(dict[str, Any]):
    """A ``dict`` that cannot be changed: ``Profile.extra`` and the tables inside it.

    Still a ``dict`` (``isinstance``, ``==``, JSON and pickle treat it as one), so readers of
    ``extra`` need not know; every method that would change it raises ``TypeError``.
    """

    __slots__ = ()
    __setitem__ = __delitem__ = __ior__ = _read_only
    clear = pop = popitem = setdefault = update = _read_only

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenDict, (dict(self),))

    def __copy__(self) -> FrozenDict:
        return self

    def __deepcopy__(self, memo: object) -> FrozenDict:
        return self


class FrozenList(list[Any]):
    """A ``list`` that cannot be changed: the lists inside ``Profile.extra``."""

    __slots__ = ()
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _read_only
    append = extend = insert = pop = remove = clear = sort = reverse = _read_only

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenList, (list(self),))

    def __copy__(self) -> FrozenList:
        return self

    def __deepcopy__(self, memo: object) -> FrozenList:
        return self


_NO_EXTRA = FrozenDict()


def _frozen(value: Any, depth: int) -> Any:
    if type(value) is FrozenDict or type(value) is FrozenList:
        return value
    if isinstance(value, Mapping):
        if depth >= EXTRA_DEPTH:
            raise ValueError(f"extra: nested more than {EXTRA_DEPTH} levels deep")
        return FrozenDict({key: _frozen(item, depth + 1) for key, item in value.items()})
    if isinstance(value, (list, tuple)):
        if depth >= EXTRA_DEPTH:
            raise ValueError(f"extra: nested more than {EXTRA_DEPTH} levels deep")
        frozen = [_frozen(item, depth + 1) for item in value]
        return FrozenList(frozen) if isinstance(value, list) else tuple(frozen)
    return value


def _freeze_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    # A copy that nobody can change, down to its nested tables and lists: every plugin, the
    # output and the caller who built the profile see the same values, whatever one of them does.
    if not value:
        return _NO_EXTRA
    if type(value) is FrozenDict:
        return value
    if not isinstance(value, Mapping):
        raise TypeError(f"extra: expected a table, got {quote(value)}")
    return _frozen(value, 0)  # type: ignore[no-any-return]
