"""A dedicated encoder for one result as a JSON Lines row.

``json`` encodes a result in two steps: :func:`~invitecore.serialize.result_to_dict` builds a
tree of dicts and lists, then the encoder walks it. On a million-row run those two steps were the
largest cost outside the plugins, so this module writes the same text straight from the result
objects, with the C string escaper the ``json`` module itself uses. Its output is byte for byte
``json.JSONEncoder(ensure_ascii=False, check_circular=False).encode(result_to_dict(result))``
(a property test holds the two together), so the documented schema has one definition.
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable
from typing import Any

from invitecore.enums import Camp, NetworkingCamp, RiskLevel, Severity, Verdict
from invitecore.models import Profile, Signal
from invitecore.report import CaseResult

__all__ = ["encode_result"]

# The C escaper when the interpreter has it (CPython does), as json.dumps uses.
_quote: Callable[[str], str] = json.encoder.encode_basestring
_generic = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode

# Enum members are few and recur on every row: quote each once.
_WORDS: dict[object, str] = {
    member: _quote(member.value)
    for enum in (Camp, NetworkingCamp, RiskLevel, Severity, Verdict)
    for member in enum
}


def _text(value: str | None) -> str:
    return "null" if value is None else _quote(value)


def _float(value: float) -> str:
    # json writes floats with float.__repr__; NaN and the infinities are its only special cases,
    # and theirs are the only reprs that do not end in a digit. Anything else that is not a
    # float (an int a third-party plugin put there) goes the generic way.
    if type(value) is float:
        text = float.__repr__(value)
        if text[-1].isdigit():
            return text
    return _generic(value)


def _span(span: tuple[int, int] | None) -> str:
    return "null" if span is None else f"[{int.__repr__(span[0])}, {int.__repr__(span[1])}]"


def _word(value: Any) -> str:
    if value is None:
        return "null"
    quoted = _WORDS.get(value)
    return quoted if quoted is not None else _quote(str(value))


def _signal(profile: Profile | None, signal: Signal) -> str:
    evidence = None
    if profile is not None and signal.field is not None and signal.span is not None:
        text = profile.field_text(signal.field)
        if text is not None:
            evidence = text[signal.span[0] : signal.span[1]]
    return (
        f'{{"code": {_quote(signal.code)}, "plugin": {_text(signal.plugin)}, '
        f'"camp": {_word(signal.camp)}, "weight": {_float(signal.weight)}, '
        f'"label": {_quote(signal.label)}, "field": {_text(signal.field)}, '
        f'"span": {_span(signal.span)}, "evidence": {_text(evidence)}, '
        f'"value": {_text(signal.value)}}}'
    )


def encode_result(result: CaseResult) -> str:
    """One result as the JSON text of :func:`~invitecore.serialize.result_to_dict`, no newline."""
    profile = result.profile
    classification = result.classification
    risk = result.risk
    source = result.source
    parts = [
        '{"id": ',
        _text(result.id),
        ', "source": ',
        "null"
        if source is None
        else f'{{"file": {_quote(source.file)}, "line": '
        f"{'null' if source.line is None else int.__repr__(source.line)}}}",
        ', "name": ',
        "null" if profile is None else _quote(profile.name),
        ', "url": ',
        "null" if profile is None else _text(profile.url),
        ', "classification": ',
    ]
    if classification is None:
        parts.append("null")
    else:
        signals = ", ".join([_signal(profile, s) for s in classification.signals])
        parts.append(
            f'{{"camp": {_word(classification.camp)}, '
            f'"confidence": {_float(classification.confidence)}, '
            f'"open_strength": {_float(classification.open_strength)}, '
            f'"selective_strength": {_float(classification.selective_strength)}, '
            f'"signals": [{signals}]}}'
        )
    parts.append(', "findings": [')
    invitation = result.invitation
    for index, finding in enumerate(result.findings):
        evidence = None
        field, span = finding.field, finding.span
        if invitation is not None and field is not None and span is not None:
            text = getattr(invitation, field, None)
            if isinstance(text, str):
                evidence = text[span[0] : span[1]]
        parts.append(
            f'{", " if index else ""}{{"code": {_quote(finding.code)}, '
            f'"plugin": {_text(finding.plugin)}, "severity": {_word(finding.severity)}, '
            f'"message": {_quote(finding.message)}, "suggestion": {_text(finding.suggestion)}, '
            f'"field": {_text(field)}, "span": {_span(span)}, "evidence": {_text(evidence)}}}'
        )
    parts.append('], "risk": ')
    if risk is None:
        parts.append("null")
    else:
        factors = ", ".join(
            [
                f'{{"code": {_quote(f.code)}, "plugin": {_text(f.plugin)}, '
                f'"points": {_float(f.points)}, "reason": {_quote(f.reason)}}}'
                for f in risk.factors
            ]
        )
        parts.append(
            f'{{"score": {_float(risk.score)}, "level": {_word(risk.level)}, '
            f'"factors": [{factors}]}}'
        )
    advice = ", ".join(
        [
            f'{{"code": {_quote(a.code)}, "plugin": {_text(a.plugin)}, "text": {_quote(a.text)}}}'
            for a in result.advice
        ]
    )
    errors = [
        f'{{"plugin": {_text(e.plugin)}, "hook": {_text(e.hook)}, "message": {_quote(e.message)}}}'
        for e in result.errors
    ]
    if result.input_error is not None:
        errors.insert(
            0, f'{{"plugin": null, "hook": null, "message": {_quote(result.input_error)}}}'
        )
    parts.append(
        f', "verdict": {_word(result.verdict)}, "advice": [{advice}], '
        f'"errors": [{", ".join(errors)}]}}'
    )
    return "".join(parts)
