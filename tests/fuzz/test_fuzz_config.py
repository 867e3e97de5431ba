"""Fuzzing the config loader: any table, any value, any bytes.

Loading a config and building the engine from it either works or raises one
``InvitecoreError`` whose message is one line; it never raises anything else, and never accepts
a ``nan``.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import tomli_w
from fuzzkit import FUZZ, Plain, count, texts
from hypothesis import given
from hypothesis import strategies as st

from invitecore.config import load_config
from invitecore.engine import Engine
from invitecore.errors import InvitecoreError

KEYS = {
    "": [
        "select", "ignore", "extend-select", "severity", "disable", "fail-on", "format", "sender",
        "risk", "classification", "verdict", "plugins", "columns", "batch", "require-plugins",
        "ignor",
    ],
    "sender": ["name", "account"],
    "risk": ["medium", "high"],
    "classification": ["open-threshold", "selective-threshold"],
    "verdict": ["do-not-send-confidence", "revise-at"],
    "batch": [
        "weekly-invitation-limit", "monthly-personalized-notes", "restriction-threshold",
        "idk-response-rates", "examples", "extend-idk-response-rates",
    ],
    "plugins": ["plain", "lion", "invitecore.core"],
    "columns": ["Full Name", "who", ""],
}

ALL_KEYS = [key for keys in KEYS.values() for key in keys]
# TOML text is UTF-8: no lone surrogates.
toml_texts = texts.filter(lambda t: not any(0xD800 <= ord(c) <= 0xDFFF for c in t))
toml_scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    toml_texts,
    st.sampled_from(["error", "warning", "never", "free", "premium", "text", "json", "", "ALL",
                     "PLN", "PLN101", "XYZ", "name", "nmae"]),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(ALL_KEYS) | toml_texts, inner, max_size=4),
    ),
    max_leaves=10,
)


@st.composite
def config_tables(draw: st.DrawFn) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for key in draw(st.lists(st.sampled_from(KEYS[""]), max_size=6, unique=True)):
        if key in KEYS and draw(st.booleans()):
            table[key] = {
                sub: draw(toml_values)
                for sub in draw(st.lists(st.sampled_from(KEYS[key]), max_size=3, unique=True))
            }
        else:
            table[key] = draw(toml_values)
    return table


def _load(path: Path) -> None:
    try:
        config = load_config(path)
        Engine.from_plugins([("plain", Plain)], config)
    except InvitecoreError as error:
        text = str(error)
        assert "\n" not in text
        assert len(text) < 1500
        return
    for value in _numbers(config.plugins):
        assert math.isfinite(value)


def _numbers(value: Any) -> list[float]:
    if isinstance(value, float):
        return [value]
    if isinstance(value, dict):
        return [n for item in value.values() for n in _numbers(item)]
    if isinstance(value, (list, tuple)):
        return [n for item in value for n in _numbers(item)]
    return []


@FUZZ
@given(table=config_tables(), where=st.sampled_from(["invitecore.toml", "pyproject.toml"]))
def test_any_config_table(table: dict[str, Any], where: str, tmp_path: Path) -> None:
    count("config")
    document = {"tool": {"invitecore": table}} if where == "pyproject.toml" else table
    path = tmp_path / where
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    _load(path)


@FUZZ
@given(data=st.binary(max_size=200), prefix=st.sampled_from([b"", b"[tool.invitecore]\n"]))
def test_any_config_bytes(data: bytes, prefix: bytes, tmp_path: Path) -> None:
    count("config")
    path = tmp_path / "invitecore.toml"
    path.write_bytes(prefix + data)
    _load(path)
