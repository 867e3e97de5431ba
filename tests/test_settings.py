"""Plugin settings: defaults, overrides, extend-, type checks, did-you-mean, the Settings map."""

from __future__ import annotations

import functools
import pickle
from typing import Any

import pytest

from invitecore.settings import Setting, SettingError, Settings, resolve_settings

DECLARED = {
    s.name: s
    for s in (
        Setting(name="open-threshold", default=0.5, description="d", source="chosen"),
        Setting(name="max-length", default=300, description="d"),
        Setting(name="strict", default=False, description="d"),
        Setting(name="greeting", default="Hi", description="d"),
        Setting(name="phrases", default=["a", "b"], description="d"),
        Setting(name="tokens", default=("LION",), description="d"),
        Setting(name="weights", default={"x": 0.5}, description="d"),
        Setting(name="anything", default=None, description="d"),
    )
}


def resolve(table: dict[str, Any] | None) -> Settings:
    return resolve_settings(DECLARED, table, plugin="demo")


class TestResolve:
    @pytest.mark.parametrize("table", [None, {}])
    def test_defaults_fill_everything(self, table: dict[str, Any] | None) -> None:
        settings = resolve(table)
        assert dict(settings) == {name: s.default for name, s in DECLARED.items()}

    def test_override_replaces(self) -> None:
        settings = resolve({"phrases": ["c"], "greeting": "Hello", "strict": True})
        assert settings["phrases"] == ["c"]
        assert settings["greeting"] == "Hello"
        assert settings["strict"] is True

    def test_int_is_accepted_for_float_and_converted(self) -> None:
        value = resolve({"open-threshold": 1})["open-threshold"]
        assert value == 1.0
        assert isinstance(value, float)

    def test_tuple_default_keeps_tuple_type(self) -> None:
        assert resolve({"tokens": ["LION", "TOPLINKED"]})["tokens"] == ("LION", "TOPLINKED")

    def test_extend_list_appends_to_default(self) -> None:
        assert resolve({"extend-phrases": ["c"]})["phrases"] == ["a", "b", "c"]
        assert resolve({"extend-tokens": ["OPEN"]})["tokens"] == ("LION", "OPEN")

    def test_extend_after_override_appends_to_override(self) -> None:
        assert resolve({"phrases": ["z"], "extend-phrases": ["c"]})["phrases"] == ["z", "c"]

    def test_extend_table_merges(self) -> None:
        assert resolve({"extend-weights": {"y": 1}})["weights"] == {"x": 0.5, "y": 1}

    def test_extend_does_not_mutate_the_declared_default(self) -> None:
        resolve({"extend-phrases": ["c"], "extend-weights": {"y": 1.0}})
        assert DECLARED["phrases"].default == ["a", "b"]
        assert DECLARED["weights"].default == {"x": 0.5}

    def test_none_default_accepts_any_type(self) -> None:
        assert resolve({"anything": [1, "x"]})["anything"] == [1, "x"]

    def test_undeclared_plugin_gets_table_as_written(self) -> None:
        settings = resolve_settings({}, {"whatever": 1}, plugin="free-form")
        assert dict(settings) == {"whatever": 1}


class TestErrors:
    @pytest.mark.parametrize(
        ("key", "suggestion"),
        [
            ("open-treshold", "open-threshold"),
            ("max_length", "max-length"),
            ("extend-phrase", "extend-phrases"),
        ],
    )
    def test_unknown_key_with_did_you_mean(self, key: str, suggestion: str) -> None:
        with pytest.raises(SettingError) as caught:
            resolve({key: 1})
        assert caught.value.key == key
        assert f"unknown setting {key!r} for plugin 'demo'" in str(caught.value)
        assert f"(did you mean {suggestion!r}?)" in str(caught.value)

    def test_unknown_key_without_close_match(self) -> None:
        with pytest.raises(SettingError, match="unknown setting 'zzz'") as caught:
            resolve({"zzz": 1})
        assert "did you mean" not in str(caught.value)

    @pytest.mark.parametrize(
        ("key", "value", "expected"),
        [
            ("open-threshold", "high", "a number"),
            ("open-threshold", True, "a number"),
            ("max-length", 2.5, "a number"),
            ("max-length", False, "a number"),
            ("strict", 1, "true or false"),
            ("greeting", 5, "text"),
            ("phrases", "a", "a list"),
            ("phrases", ["a", 1], "a list"),
            ("extend-phrases", [1], "a list"),
            ("weights", {"y": "heavy"}, "a table"),
            ("weights", ["x"], "a table"),
        ],
    )
    def test_wrong_type(self, key: str, value: Any, expected: str) -> None:
        with pytest.raises(SettingError) as caught:
            resolve({key: value})
        assert caught.value.key == key
        assert f"{key!r} for plugin 'demo' must be {expected}, got {value!r}" in str(caught.value)

    def test_scalar_cannot_be_extended(self) -> None:
        with pytest.raises(SettingError, match="only list and table settings can be extended"):
            resolve({"extend-greeting": "x"})

    def test_setting_error_is_a_value_error(self) -> None:
        assert issubclass(SettingError, ValueError)


class TestSettingsMapping:
    def test_read_only_mapping(self) -> None:
        settings = Settings({"a": 1})
        assert settings["a"] == 1
        assert list(settings) == ["a"]
        assert len(settings) == 1
        assert repr(settings) == "Settings({'a': 1})"
        with pytest.raises(TypeError):
            settings["a"] = 2  # type: ignore[index]

    def test_copies_its_input(self) -> None:
        source = {"a": 1}
        settings = Settings(source)
        source["a"] = 2
        assert settings["a"] == 1

    def test_hashes_and_compares_by_identity(self) -> None:
        first, second = Settings({"a": 1}), Settings({"a": 1})
        assert first == first
        assert first != second
        assert hash(first) == object.__hash__(first)  # identity, not content
        assert len({first, second}) == 2

    def test_usable_as_lru_cache_key(self) -> None:
        calls: list[Settings] = []

        @functools.lru_cache(maxsize=8)
        def compile_for(settings: Settings) -> int:
            calls.append(settings)
            return len(settings)

        settings = resolve(None)
        compile_for(settings)
        compile_for(settings)
        assert calls == [settings]

    def test_pickles_to_equal_values(self) -> None:
        settings = resolve({"extend-phrases": ["c"]})
        copy = pickle.loads(pickle.dumps(settings))
        assert dict(copy) == dict(settings)
