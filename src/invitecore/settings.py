"""Plugin settings: declared with defaults and sources, overridden from a config table.

A plugin declares each number, phrase list and weight it uses as a :class:`Setting` through the
``invitecore_settings`` hook. The core then checks the plugin's config table
(``[tool.invitecore.plugins.<name>]``) against those declarations, so a misspelled key or a wrong
type is a config error with a did-you-mean instead of a silently ignored value, and hands the
plugin a :class:`Settings` mapping with every default filled in.

For a list or table setting ``x`` the config may also give ``extend-x``: its items are added to
the default instead of replacing it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

__all__ = ["Setting", "SettingError", "Settings", "resolve_settings"]


@attrs.frozen(kw_only=True)
class Setting:
    """One configurable default of a plugin.

    :param name: the config key, in kebab-case (``open-threshold``).
    :param default: the value used when the config says nothing; its type is the type the config
        value must have (an int is accepted where the default is a float).
    :param description: what the setting controls, one sentence.
    :param source: where the default comes from (a help-centre article, a study, "chosen: ...").
    :param check: optional; called with the resolved value when the config is loaded, raises
        :class:`ValueError` with a message when the value is not acceptable (a weight out of
        range, a code that does not exist). The message becomes a config error with the file
        and line of the key.
    """

    name: str
    default: Any
    description: str
    source: str = ""
    check: Callable[[Any], None] | None = None


class SettingError(ValueError):
    """A config value that does not fit a declared setting. ``key`` names the offending key."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


class Settings(Mapping[str, Any]):
    """A read-only mapping of one plugin's resolved settings.

    It hashes by identity, and the core builds it once per run, so a plugin may cache work
    derived from it (compiled patterns, say) with ``functools.lru_cache``.
    """

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, Any] | None = None) -> None:
        self._values = dict(values or {})

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    # Identity semantics with the C implementations, not Python methods: plugins look their
    # compiled patterns up by this object on every case, so the hash is on the hot path.
    __hash__ = object.__hash__
    __eq__ = object.__eq__

    def __repr__(self) -> str:
        return f"Settings({self._values!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Settings, (self._values,))


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, Mapping):
        return "a table"
    return type(value).__name__


def _fits(default: Any, value: Any) -> bool:
    if default is None:
        return True
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(default, str):
        return isinstance(value, str)
    if isinstance(default, (list, tuple)):
        if not isinstance(value, (list, tuple)):
            return False
        sample = next(iter(default), None)
        return sample is None or all(_fits(sample, item) for item in value)
    if isinstance(default, Mapping):
        if not isinstance(value, Mapping):
            return False
        sample = next(iter(default.values()), None)
        return sample is None or all(_fits(sample, item) for item in value.values())
    return isinstance(value, type(default))


def _coerce(default: Any, value: Any) -> Any:
    if isinstance(default, float) and not isinstance(value, bool):
        return float(value)
    if isinstance(default, tuple):
        return tuple(value)
    if isinstance(default, Mapping):
        return dict(value)
    return value


def resolve_settings(
    declared: Mapping[str, Setting], table: Mapping[str, Any] | None, *, plugin: str
) -> Settings:
    """Merge one plugin's config ``table`` over its ``declared`` defaults.

    :raises SettingError: for an undeclared key (with a did-you-mean where one is close) or a
        value of the wrong type. Plugins that declare no settings accept any table unchanged.
    """
    values: dict[str, Any] = {name: setting.default for name, setting in declared.items()}
    if not table:
        return Settings(values)
    if not declared:
        values.update(table)
        return Settings(values)
    given: dict[str, str] = {}
    from invitecore._suggest import did_you_mean

    for key, value in table.items():
        extend = key.startswith("extend-") and key[7:] in declared
        name = key[7:] if extend else key
        if name not in declared:
            candidates = list(declared) + [
                f"extend-{n}"
                for n, s in declared.items()
                if isinstance(s.default, (list, tuple, Mapping))
            ]
            raise SettingError(
                key, f"unknown setting {key!r} for plugin {plugin!r}{did_you_mean(key, candidates)}"
            )
        default = declared[name].default
        if extend and not isinstance(default, (list, tuple, Mapping)):
            raise SettingError(key, f"{key!r}: only list and table settings can be extended")
        if not _fits(default, value):
            raise SettingError(
                key, f"{key!r} for plugin {plugin!r} must be {_type_name(default)}, got {value!r}"
            )
        given[name] = key
        if extend and isinstance(default, Mapping):
            values[name] = {**values[name], **value}
        elif extend:
            values[name] = _coerce(default, [*values[name], *value])
        else:
            values[name] = _coerce(default, value)
    for name, key in given.items():
        check = declared[name].check
        if check is not None:
            try:
                check(values[name])
            except ValueError as exc:
                raise SettingError(key, f"{key!r} for plugin {plugin!r}: {exc}") from None
    return Settings(values)
