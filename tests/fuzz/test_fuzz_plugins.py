"""Fuzzing the engine with misbehaving plugins, and every output format with what they return.

A generated plugin does, in each hook, one of: return a random mix of value objects (built from
random field values, so that building them may fail), other objects and ``None``; raise one
of many exceptions, ``SystemExit`` and bare ``BaseException`` included; yield some items and
then raise; or write to what it was given. Beside a well-behaved plugin, on random rows, a run
must: never raise; give one row per case in every format, JSON that parses, CSV without
formulas, text without escape sequences; keep the well-behaved plugin's evidence; exit 0 to 3;
and give the same output when run again (with ``--redact`` too).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from typing import Any

from fuzzkit import FUZZ, Plain, count, json_like, read_bytes, records, texts, write_all
from hypothesis import given
from hypothesis import strategies as st

from invitecore import (
    Advice,
    Finding,
    RiskFactor,
    Rule,
    Signal,
    hookimpl,
)
from invitecore.engine import Engine


class Unprintable(Exception):
    def __str__(self) -> str:
        raise ValueError("no")


EXCEPTIONS: list[Callable[[], BaseException]] = [
    lambda: RuntimeError("boom"),
    lambda: SystemExit(0),
    lambda: SystemExit("text"),
    lambda: BaseException("bare"),
    lambda: GeneratorExit(),
    lambda: Unprintable(),
    lambda: RecursionError(),
    lambda: MemoryError(),
    lambda: ValueError("\x1b[2J" + "x" * 5000),
    lambda: StopIteration(),
]

CODES = ["FZZ101", "FZZ201", "FZZ301", "FZZ401", "XYZ101", "bad", "PLN101"]
MAKERS: dict[str, Callable[..., Any]] = {
    "signal": lambda d: Signal(
        code=d["code"], camp=d["camp"], weight=d["number"], label=d["text"], field=d["field"],
        span=d["span"], value=d["value"],
    ),
    "finding": lambda d: Finding(
        code=d["code"], message=d["text"], severity=d["severity"], suggestion=d["value"],
        field=d["field"], span=d["span"],
    ),
    "factor": lambda d: RiskFactor(code=d["code"], points=d["number"], reason=d["text"]),
    "advice": lambda d: Advice(code=d["code"], text=d["text"]),
}

fields = st.fixed_dictionaries(
    {
        "code": st.sampled_from(CODES),
        "camp": st.sampled_from(["open", "selective", "closed", 5]),
        "number": st.one_of(
            st.floats(allow_nan=True, allow_infinity=True), st.integers(-200, 200), st.just("0.5")
        ),
        "text": st.one_of(texts, st.none(), st.integers(), st.lists(texts, max_size=2)),
        "field": st.sampled_from([None, "note", "headline", "about", "name", "groups[0]", "x"]),
        "span": st.one_of(
            st.none(),
            st.tuples(st.integers(-3, 50), st.integers(-3, 50)),
            st.just((0.5, 2)),
            st.just("0:2"),
        ),
        "value": st.one_of(st.none(), texts, st.integers()),
        "severity": st.sampled_from([None, "info", "warning", "error", "fatal"]),
    }
)
items = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(sorted(MAKERS)), fields),
        json_like.map(lambda v: ("raw", v)),
    ),
    max_size=4,
)
behaviours = st.one_of(
    st.tuples(st.just("return"), items),
    st.tuples(st.just("raise"), st.integers(0, len(EXCEPTIONS) - 1)),
    st.tuples(st.just("yield-then-raise"), st.tuples(items, st.integers(0, len(EXCEPTIONS) - 1))),
    st.tuples(st.just("write"), st.sampled_from(["extra", "profile", "invitation"])),
    st.tuples(st.just("none"), st.none()),
)
HOOKS = {
    "invitecore_profile_signals": ("profile",),
    "invitecore_invitation_checks": ("profile", "invitation"),
    "invitecore_risk_factors": ("profile", "findings"),
    "invitecore_advice": ("result",),
}


def _made(spec: Any) -> Any:
    kind, data = spec
    if kind == "raw":
        return data
    return MAKERS[kind](data)  # may raise, inside the plugin's call: that is the point


def _hook(behaviour: tuple[str, Any]) -> Callable[..., Any]:
    kind, detail = behaviour

    def returns(**arguments: Any) -> Any:
        return [_made(spec) for spec in detail]

    def raises(**arguments: Any) -> Any:
        raise EXCEPTIONS[detail]()

    def yields_then_raises(**arguments: Any) -> Iterator[Any]:
        specs, exc = detail
        for spec in specs:
            yield _made(spec)
        raise EXCEPTIONS[exc]()

    def writes(**arguments: Any) -> Any:
        if detail == "extra" and "profile" in arguments:
            arguments["profile"].extra["owned"] = 1
        target = arguments.get(detail) or next(iter(arguments.values()), None)
        object.__setattr__(target, "owned", 1)  # a frozen, slotted object: raises
        return []

    return {
        "return": returns,
        "raise": raises,
        "yield-then-raise": yields_then_raises,
        "write": writes,
        "none": lambda **arguments: None,
    }[kind]


def hostile_plugin(plan: dict[str, tuple[str, Any]]) -> type:
    """A plugin class whose hooks behave as ``plan`` says, each taking its arguments by name."""
    namespace: dict[str, Any] = {
        "invitecore_rules": staticmethod(
            hookimpl(lambda: [Rule(code=c, summary=c) for c in CODES[:4]])
        )
    }
    for hook, names in HOOKS.items():
        if hook not in plan:
            continue
        body = _hook(plan[hook])
        # pluggy reads the argument names from the signature: give each hook its own.
        passed = ", ".join(f"{n}={n}" for n in names)
        source = f"def {hook}({', '.join(names)}):\n    return body({passed})\n"
        scope: dict[str, Any] = {"body": body}
        exec(source, scope)
        namespace[hook] = staticmethod(hookimpl(scope[hook]))
    return type("Hostile", (), namespace)


plans = st.dictionaries(st.sampled_from(sorted(HOOKS)), behaviours, max_size=4)


def _rows() -> st.SearchStrategy[bytes]:
    return st.lists(records(), min_size=1, max_size=4).map(
        lambda rows: "".join(json.dumps(r) + "\n" for r in rows).encode("utf-8", "surrogatepass")
    )


@FUZZ
@given(plan=plans, data=_rows(), redact=st.booleans())
def test_misbehaving_plugins_never_take_the_run_down(
    plan: dict[str, tuple[str, Any]], data: bytes, redact: bool
) -> None:
    count("plugins")
    items_read = read_bytes(data, input_format="jsonl")

    def run() -> tuple[dict[str, str], set[int]]:
        engine = Engine.from_plugins([("plain", Plain), ("hostile", hostile_plugin(plan))])
        return write_all(engine, items_read, redact=redact)

    outputs, codes = run()
    assert codes <= {0, 1, 2, 3}
    assert run()[0] == outputs, "the same rows and plugins give the same report"
    for row in (json.loads(line) for line in outputs["jsonl"].split("\n")[:-1]):
        if any(e["plugin"] is None for e in row["errors"]):
            continue  # an unreadable row
        for signal in row["classification"]["signals"]:
            assert signal["plugin"] in ("plain", "hostile")
        if not redact:
            assert all(math.isfinite(f["points"]) for f in row["risk"]["factors"] if row["risk"])
