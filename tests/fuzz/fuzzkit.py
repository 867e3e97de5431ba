"""What the fuzz properties share: the budget, hostile values, a plain plugin, and one run
through every output format.

The number of examples each property runs comes from ``INVITECORE_FUZZ_EXAMPLES``: ``nox -s
fuzz`` sets the CI budget, ``nox -s fuzz -- 20000`` a longer local one; without it, a small one,
so that the ordinary test run keeps the properties from rotting.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from invitecore import Finding, Invitation, Profile, Rule, Signal, hookimpl
from invitecore.builtin.machine import CsvWriter, JsonLinesWriter, JsonWriter
from invitecore.builtin.text import TextWriter
from invitecore.engine import Engine
from invitecore.errors import InputError
from invitecore.inputs import load_inputs
from invitecore.output import FormatOptions
from invitecore.redact import Redactor
from invitecore.runner import execute

EXAMPLES = int(os.environ.get("INVITECORE_FUZZ_EXAMPLES", "10"))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
        HealthCheck.filter_too_much,
    ],
)
"""The settings of every fuzz property (applied per test, never as the global profile)."""

CASES: Counter[str] = Counter()
"""Generated cases run, by target (readers, config, plugins, outputs, cli)."""


def count(target: str, cases: int = 1) -> None:
    """Record ``cases`` more generated cases run against ``target``."""
    CASES[target] += cases


# -- hostile values --------------------------------------------------------------------------------

TRICKY = [
    "\x00", "\x1b[2J", "\x1b]0;t\x07", "\x9b", "\r", "\n", "\r\n", "\t", '"', '""', "'", ",",
    ";", "|", "\\", "\ufeff", "\u202e", "\u2028", "²", "٣", "=", "+", "-", "@", "{", "}",
    "{first_name}", "{{", "\\ud800", "😀", "ß", "İ", "\ud800", "\udfff", " ", "nan", "1e999",
]

texts = st.lists(
    st.one_of(st.characters(codec=None), st.sampled_from(TRICKY)), max_size=20
).map("".join)
"""Short text with control characters, quotes, separators, surrogates and look-alike digits."""

numbers = st.one_of(
    st.integers(),
    st.integers(min_value=10**18, max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["²", "1,234", "500+", "0", "-3", "9" * 30, "١٢٣", " 7 ", "1e3", ""]),
)
"""What a number column may hold."""

scalars = st.one_of(st.none(), st.booleans(), numbers, texts)
json_like = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=4)
    ),
    max_leaves=12,
)
"""A JSON-ish value, nested a few levels."""

PROFILE_KEYS = [
    "name", "first_name", "last_name", "headline", "about", "groups", "connections",
    "shared_connections", "member_since", "company", "title", "location", "url", "open_link",
    "premium", "emails", "connection_degree", "id", "note", "relationship", "account", "email",
    "Full Name", "Followers", "connected_on", "extra", "profile", "public_identifier",
    "experiences", "city",
]


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    """A flat record (a bare profile): usually a name, then anything."""
    record: dict[str, Any] = {}
    if draw(st.integers(0, 9)):
        record["name"] = draw(st.one_of(texts.filter(lambda t: t.strip()), st.just("Ada Lane")))
    for key in draw(st.lists(st.sampled_from(PROFILE_KEYS), max_size=5)):
        record[key] = draw(json_like)
    for key in draw(st.lists(texts, max_size=2)):
        record[key] = draw(json_like)
    return record


# -- a plain plugin --------------------------------------------------------------------------------


class Plain:
    """A well-behaved plugin beside the hostile ones: a signal, a finding, a factor per case."""

    @staticmethod
    @hookimpl
    def invitecore_rules() -> list[Rule]:
        return [
            Rule(code="PLN101", summary="open"),
            Rule(code="PLN201", summary="short note"),
            Rule(code="PLN301", summary="risk"),
        ]

    @staticmethod
    @hookimpl
    def invitecore_profile_signals(profile: Profile) -> Iterator[Signal]:
        if profile.headline:
            yield Signal(
                code="PLN101", camp="open", weight=0.6, label="headline", field="headline",
                span=(0, min(3, len(profile.headline))),
            )

    @staticmethod
    @hookimpl
    def invitecore_invitation_checks(invitation: Invitation) -> Iterator[Finding]:
        if len(invitation.note) < 5:
            span = (0, len(invitation.note))
            yield Finding(code="PLN201", message="short", field="note", span=span)

    @staticmethod
    @hookimpl
    def invitecore_risk_factors() -> list[Any]:
        from invitecore import RiskFactor

        return [RiskFactor(code="PLN301", points=10, reason="always")]


# -- one run through every format ------------------------------------------------------------------

FORMATS: dict[str, Any] = {
    "text": TextWriter,
    "json": JsonWriter,
    "jsonl": JsonLinesWriter,
    "csv": CsvWriter,
}


def read_bytes(
    data: bytes, *, input_format: str | None = None, delimiter: str | None = None, note: Any = None
) -> list[Any]:
    """Every item ``invitecore run -`` reads from ``data`` (an up-front InputError raises)."""
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    return list(
        load_inputs(["-"], stdin=stdin, input_format=input_format, delimiter=delimiter, note=note)
    )


def attempt(function: Callable[[], Any]) -> tuple[Any, InputError | None]:
    """``function()``'s value, or the InputError it raised (one possible outcome, not a
    failure of the property)."""
    try:
        return function(), None
    except InputError as error:
        return None, error


def write_all(
    engine: Engine, items: Sequence[Any], *, redact: bool = False
) -> tuple[dict[str, str], set[int]]:
    """Each format's output for ``items``, and the exit codes of the runs; checks what holds
    for every output: JSON parses with one row per item, CSV has one row per item."""
    outputs: dict[str, str] = {}
    codes = set()
    for name, factory in FORMATS.items():
        stream = io.StringIO()
        writer = factory(stream, FormatOptions(version="fuzz"))
        outcome = execute(
            engine, iter(items), writer, redact=Redactor() if redact else None
        )
        codes.add(outcome.exit_code)
        outputs[name] = stream.getvalue()
    count("outputs", len(FORMATS))
    check_outputs(outputs, len(items))
    return outputs, codes


def check_outputs(outputs: dict[str, str], rows: int) -> None:
    # JSON Lines are separated by LF alone (str.splitlines would also split at U+2028).
    lines = [json.loads(line) for line in outputs["jsonl"].split("\n")[:-1]]
    assert len(lines) == rows
    document = json.loads(outputs["json"])
    assert len(document["results"]) == rows
    assert document["summary"]["cases"] == rows
    table = list(csv.reader(io.StringIO(outputs["csv"])))
    assert len(table) == rows + 1
    for row in table[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert "\x1b" not in outputs["text"]
    for value in _strings(document):
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in value)


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def finite(value: Any) -> bool:
    return not (isinstance(value, float) and not math.isfinite(value))


def jsonl_bytes(lines: Sequence[str]) -> bytes:
    return "".join(line + "\n" for line in lines).encode("utf-8", "surrogatepass")


def records_in(lines: Sequence[str]) -> int:
    """Records of a JSON Lines text: its lines that are not blank."""
    return sum(1 for line in lines if line.strip() and not line.isspace())


def input_errors(items: Sequence[Any]) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


Behaviour = Callable[..., Any]
