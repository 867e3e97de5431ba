"""The dedicated JSON Lines encoder writes exactly what the generic encoder writes."""

from __future__ import annotations

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from invitecore import CaseResult, Finding, Profile, Signal
from invitecore.enums import Camp, NetworkingCamp, RiskLevel, Severity, Verdict
from invitecore.formats.jsonline import encode_result
from invitecore.formats.machine import render_json_line
from invitecore.models import Advice, Classification, Invitation, PluginError, Risk, RiskFactor
from invitecore.report import Source
from invitecore.serialize import result_to_dict

GENERIC = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode

text = st.text(max_size=40)  # any code point: quotes, backslashes, controls, surrogates, emoji
maybe_text = st.none() | text
code = st.from_regex(r"[A-Z]{2,4}[0-9]{3}", fullmatch=True)
span = st.none() | st.tuples(st.integers(0, 50), st.integers(0, 50)).map(lambda p: tuple(sorted(p)))
number = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-100, 100)


@st.composite
def results(draw: st.DrawFn) -> CaseResult:
    if draw(st.booleans()) and draw(st.booleans()):
        source = draw(st.none() | st.builds(Source, file=text, line=st.none() | st.integers(1)))
        return CaseResult(
            id=None, source=source, profile=None, classification=None, input_error=draw(text)
        )
    profile = Profile(
        name=draw(text), headline=draw(maybe_text), about=draw(maybe_text), url=draw(maybe_text)
    )
    signals = draw(
        st.lists(
            st.builds(
                Signal,
                code=code,
                camp=st.sampled_from(Camp),
                weight=st.floats(0.01, 1.0),
                label=text,
                field=st.sampled_from([None, "headline", "about", "name", "groups[0]"]),
                span=span,
                value=maybe_text,
                plugin=maybe_text,
            ),
            max_size=3,
        )
    )
    findings = draw(
        st.lists(
            st.builds(
                Finding,
                code=code,
                message=text,
                severity=st.none() | st.sampled_from(Severity),
                suggestion=maybe_text,
                field=st.sampled_from([None, "note", "email"]),
                span=span,
                plugin=maybe_text,
            ),
            max_size=3,
        )
    )
    factors = draw(
        st.lists(
            st.builds(
                RiskFactor, code=code, points=st.floats(-100, 100), reason=text, plugin=maybe_text
            ),
            max_size=3,
        )
    )
    return CaseResult(
        id=draw(maybe_text),
        source=draw(st.none() | st.builds(Source, file=text, line=st.none() | st.integers(1))),
        profile=profile,
        classification=draw(
            st.none()
            | st.builds(
                Classification,
                camp=st.sampled_from(NetworkingCamp),
                confidence=number,
                signals=st.just(tuple(signals)),
                open_strength=number,
                selective_strength=number,
            )
        ),
        invitation=Invitation(note=draw(text)),
        findings=tuple(findings),
        risk=draw(
            st.none()
            | st.builds(
                Risk,
                score=number,
                level=st.sampled_from(RiskLevel),
                factors=st.just(tuple(factors)),
            )
        ),
        verdict=draw(st.none() | st.sampled_from(Verdict)),
        advice=tuple(
            draw(st.lists(st.builds(Advice, code=code, text=text, plugin=maybe_text), max_size=2))
        ),
        errors=tuple(
            draw(st.lists(st.builds(PluginError, plugin=text, hook=text, message=text), max_size=2))
        ),
    )


@settings(max_examples=400)
@given(results())
def test_dedicated_encoder_matches_generic_encoder(result: CaseResult) -> None:
    assert encode_result(result) == GENERIC(result_to_dict(result))


def test_line_is_one_json_object_with_newline() -> None:
    result = CaseResult(
        id="1",
        source=Source(file="list.jsonl", line=3),
        profile=Profile(name='Ana "Quote" \\ Back\nslash'),
        classification=Classification(camp=NetworkingCamp.UNKNOWN, confidence=math.inf),
    )
    line = render_json_line(result)
    assert line.endswith("\n")
    assert line.count("\n") == 1
    assert json.loads(line)["name"] == 'Ana "Quote" \\ Back\nslash'
    assert json.loads(line)["classification"]["confidence"] == math.inf
