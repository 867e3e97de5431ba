"""A dedicated encoder for one result as a JSON Lines row.

``json`` encodes a result in two steps: :func:`~invitecore.serialize.result_to_dict` builds a
tree of dicts and lists, then the encoder walks it. On a million-row run those two steps were the
largest cost outside the plugins, so this module writes the same text straight from the result
objects, with the C string escaper the ``json`` module itself uses. Its output is byte for byte
``json.JSONEncoder(ensure_ascii=False, check_circular=False).encode(result_to_dict(result))``
(a property test holds the two together), so the documented schema has one definition.

Plugins hand out the same value objects again and again (the bundled spam-risk plugin returns
a few dozen distinct risk factors over a whole list), and most prospects share the core's one
classification without signals. The text of such an object depends on nothing but its own
fields, so it is remembered per object (see ``_TextCache``).
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable
from typing import Any, TypeVar

from invitecore.enums import Camp, NetworkingCamp, RiskLevel, Severity, Verdict
from invitecore.models import (
    Advice,
    Classification,
    Finding,
    Invitation,
    Profile,
    Risk,
    RiskFactor,
    Signal,
)
from invitecore.report import CaseResult, Source

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

V = TypeVar("V")

# The JSON text of value objects seen before, by ``id``: looking up by identity costs one dict
# lookup, where hashing a value object field by field costs about as much as writing its text.
# Each entry keeps its object (``(object, text)``), so the ``id`` cannot be reused by another
# object while the entry exists. Only objects whose text can no longer change are remembered:
# value objects are frozen, and the engine only fills in a ``plugin`` or ``severity`` that is
# still None (``engine._stamp``), so only objects with those fields set are stored.
_TextCache = dict[int, tuple[V, str]]
_CACHE_SIZE = 1024  # entries per cache; a full cache starts over, so memory stays bounded
_classifications: _TextCache[Classification] = {}
_signals: _TextCache[Signal] = {}  # the text before the evidence
_findings: _TextCache[Finding] = {}  # the text before the evidence
_factors: _TextCache[RiskFactor] = {}
_advice: _TextCache[Advice] = {}


def _recall(cache: _TextCache[V], item: V) -> str | None:
    """The text remembered for ``item`` (this very object), or None."""
    entry = cache.get(id(item))
    return entry[1] if entry is not None and entry[0] is item else None


def _remember(cache: _TextCache[V], item: V, text: str) -> str:
    """Store ``text`` as the text of ``item`` in ``cache``; returns ``text``."""
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[id(item)] = (item, text)
    return text


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


def _source(source: Source | None) -> str:
    if source is None:
        return "null"
    line = "null" if source.line is None else int.__repr__(source.line)
    return f'{{"file": {_quote(source.file)}, "line": {line}}}'


def _signal(profile: Profile | None, signal: Signal) -> str:
    # The evidence is the text of this row's profile at the signal's span; everything before
    # it depends on the signal alone and is remembered once the signal has its plugin.
    head = _recall(_signals, signal)
    if head is None:
        head = (
            f'{{"code": {_quote(signal.code)}, "plugin": {_text(signal.plugin)}, '
            f'"camp": {_word(signal.camp)}, "weight": {_float(signal.weight)}, '
            f'"label": {_quote(signal.label)}, "field": {_text(signal.field)}, '
            f'"span": {_span(signal.span)}, "evidence": '
        )
        if signal.plugin is not None:
            _remember(_signals, signal, head)
    evidence = None
    if profile is not None and signal.field is not None and signal.span is not None:
        text = profile.field_text(signal.field)
        if text is not None:
            evidence = text[signal.span[0] : signal.span[1]]
    return f'{head}{_text(evidence)}, "value": {_text(signal.value)}}}'


def _classification(profile: Profile | None, classification: Classification | None) -> str:
    if classification is None:
        return "null"
    if not classification.signals:
        # Without signals the text depends on the classification alone (whose fields the
        # engine never fills in later), and most rows share one such classification.
        known = _recall(_classifications, classification)
        if known is not None:
            return known
    signals = ", ".join([_signal(profile, s) for s in classification.signals])
    text = (
        f'{{"camp": {_word(classification.camp)}, '
        f'"confidence": {_float(classification.confidence)}, '
        f'"open_strength": {_float(classification.open_strength)}, '
        f'"selective_strength": {_float(classification.selective_strength)}, '
        f'"signals": [{signals}]}}'
    )
    return text if classification.signals else _remember(_classifications, classification, text)


def _finding(invitation: Invitation | None, finding: Finding) -> str:
    # As for signals: the evidence is this row's, the rest is remembered once the finding has
    # its plugin and severity.
    field, span = finding.field, finding.span
    head = _recall(_findings, finding)
    if head is None:
        head = (
            f'{{"code": {_quote(finding.code)}, '
            f'"plugin": {_text(finding.plugin)}, "severity": {_word(finding.severity)}, '
            f'"message": {_quote(finding.message)}, "suggestion": {_text(finding.suggestion)}, '
            f'"field": {_text(field)}, "span": {_span(span)}, "evidence": '
        )
        if finding.plugin is not None and finding.severity is not None:
            _remember(_findings, finding, head)
    evidence = None
    if invitation is not None and field is not None and span is not None:
        text = getattr(invitation, field, None)
        if isinstance(text, str):
            evidence = text[span[0] : span[1]]
    return f"{head}{_text(evidence)}}}"


def _factor(factor: RiskFactor) -> str:
    known = _recall(_factors, factor)
    if known is not None:
        return known
    text = (
        f'{{"code": {_quote(factor.code)}, "plugin": {_text(factor.plugin)}, '
        f'"points": {_float(factor.points)}, "reason": {_quote(factor.reason)}}}'
    )
    # A factor without its plugin yet may still be attributed by the engine: not remembered.
    return text if factor.plugin is None else _remember(_factors, factor, text)


def _risk(risk: Risk | None) -> str:
    if risk is None:
        return "null"
    factors = ", ".join([_factor(f) for f in risk.factors])
    return (
        f'{{"score": {_float(risk.score)}, "level": {_word(risk.level)}, "factors": [{factors}]}}'
    )


def _one_advice(advice: Advice) -> str:
    known = _recall(_advice, advice)
    if known is not None:
        return known
    text = (
        f'{{"code": {_quote(advice.code)}, "plugin": {_text(advice.plugin)}, '
        f'"text": {_quote(advice.text)}}}'
    )
    # As for factors: only advice already attributed to its plugin is remembered.
    return text if advice.plugin is None else _remember(_advice, advice, text)


def encode_result(result: CaseResult) -> str:
    """One result as the JSON text of :func:`~invitecore.serialize.result_to_dict`, no newline."""
    profile = result.profile
    invitation = result.invitation
    findings = ", ".join([_finding(invitation, f) for f in result.findings])
    advice = ", ".join([_one_advice(a) for a in result.advice])
    errors = [
        f'{{"plugin": {_text(e.plugin)}, "hook": {_text(e.hook)}, "message": {_quote(e.message)}}}'
        for e in result.errors
    ]
    if result.input_error is not None:
        errors.insert(
            0, f'{{"plugin": null, "hook": null, "message": {_quote(result.input_error)}}}'
        )
    return (
        f'{{"id": {_text(result.id)}, "source": {_source(result.source)}, '
        f'"name": {"null" if profile is None else _quote(profile.name)}, '
        f'"url": {"null" if profile is None else _text(profile.url)}, '
        f'"classification": {_classification(profile, result.classification)}, '
        f'"findings": [{findings}], "risk": {_risk(result.risk)}, '
        f'"verdict": {_word(result.verdict)}, "advice": [{advice}], '
        f'"errors": [{", ".join(errors)}]}}'
    )
