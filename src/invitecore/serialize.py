"""Results and summaries as plain data, and as JSON text: the one definition of the output schema.

:func:`result_to_dict` and :func:`summary_to_dict` give the documented key order
(docs/output.md, docs/schema/result.schema.json); every machine-readable format writes what they
return, through :func:`to_json`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import orjson

from invitecore.errors import quote
from invitecore.inputs.unicode import is_valid_text
from invitecore.models import Finding, Profile, Signal
from invitecore.results import CaseResult
from invitecore.summary import Summary

__all__ = ["jsonable", "result_to_dict", "summary_to_dict", "to_json"]


def to_json(data: Any, *, indent: bool = False) -> str:
    """``data`` as JSON text (UTF-8 characters as they are, not ``\\u`` escapes). It always
    gives standard JSON that parses, whatever ``data`` holds.

    Batch check sections may use keys that are not text (a year, a count); they are written as
    text, as ``json`` does. What orjson cannot write (a whole number past 64 bits from a JSON
    input's ``extra``; text that is not valid Unicode or an object of an unknown type, which
    only a plugin or a library caller could put in) goes through :func:`jsonable` first.
    """
    options = orjson.OPT_NON_STR_KEYS | (orjson.OPT_INDENT_2 if indent else 0)
    try:
        return orjson.dumps(data, option=options).decode("utf-8")
    except orjson.JSONEncodeError:
        return json.dumps(
            jsonable(data), ensure_ascii=False, indent=2 if indent else None, allow_nan=False
        )


def jsonable(value: Any, depth: int = 0) -> Any:
    """``value`` as data ``json.dumps`` writes as standard JSON: text that is not valid Unicode
    with its bad characters escaped (``\\ud800``), ``nan`` and infinities as null, a whole
    number too long to write, an object of another type and anything nested past 64 levels as
    a short text saying what it was."""
    if value is None or isinstance(value, (bool, str)):
        if isinstance(value, str) and not is_valid_text(value):
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
        return value
    if isinstance(value, int):
        return value if value.bit_length() <= 4000 else quote(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if depth >= 64:
        return "<nested too deeply>"
    if isinstance(value, Mapping):
        return {_key(key): jsonable(item, depth + 1) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item, depth + 1) for item in value]
    return quote(value)


def _key(key: Any) -> str:
    if isinstance(key, str):
        return jsonable(key)  # type: ignore[no-any-return]
    return str(key) if isinstance(key, (int, float)) and not isinstance(key, bool) else quote(key)


def _evidence(profile: Profile | None, signal: Signal) -> str | None:
    if profile is None or signal.field is None or signal.span is None:
        return None
    text = profile.field_text(signal.field)
    if text is None:
        return None
    start, end = signal.span
    return text[start:end]


def _note_evidence(
    result: CaseResult, field: str | None, span: tuple[int, int] | None
) -> str | None:
    # Findings point into the invitation (the note, the email); signals into the profile.
    invitation = result.invitation
    if invitation is None or field is None or span is None:
        return None
    text = getattr(invitation, field, None)
    return text[span[0] : span[1]] if isinstance(text, str) else None


def _location(result: CaseResult, finding: Finding) -> dict[str, Any] | None:
    located = result.location(finding)
    if located is None:
        return None
    file, line, column = located
    return {"file": file, "line": line, "column": column}


def result_to_dict(result: CaseResult) -> dict[str, Any]:
    """One result as plain data, in the documented key order."""
    profile = result.profile
    classification = result.classification
    risk = result.risk
    invitation = result.invitation
    errors: list[dict[str, str | None]] = [
        {"plugin": e.plugin, "hook": e.hook, "message": e.message} for e in result.errors
    ]
    if result.input_error is not None:
        errors.insert(0, {"plugin": None, "hook": None, "message": result.input_error})
    return {
        "id": result.id,
        "source": (
            {"file": result.source.file, "line": result.source.line} if result.source else None
        ),
        "name": profile.name if profile else None,
        "url": profile.url if profile else None,
        # The note as it will be sent (a template filled in for this prospect): the text every
        # finding's span points into.
        "invitation": None
        if invitation is None
        else {
            "note": invitation.note,
            "relationship": str(invitation.relationship),
            "email": invitation.email,
        },
        "classification": None
        if classification is None
        else {
            "camp": str(classification.camp),
            "confidence": classification.confidence,
            "open_strength": classification.open_strength,
            "selective_strength": classification.selective_strength,
            "signals": [
                {
                    "code": s.code,
                    "plugin": s.plugin,
                    "camp": str(s.camp),
                    "weight": s.weight,
                    "label": s.label,
                    "field": s.field,
                    "span": list(s.span) if s.span else None,
                    "evidence": _evidence(profile, s),
                    "value": s.value,
                }
                for s in classification.signals
            ],
        },
        "findings": [
            {
                "code": f.code,
                "plugin": f.plugin,
                "severity": str(f.severity) if f.severity else None,
                "message": f.message,
                "suggestion": f.suggestion,
                "field": f.field,
                "span": list(f.span) if f.span else None,
                "evidence": _note_evidence(result, f.field, f.span),
                "location": _location(result, f),
            }
            for f in result.findings
        ],
        "risk": None
        if risk is None
        else {
            "score": risk.score,
            "level": str(risk.level),
            "factors": [
                {"code": f.code, "plugin": f.plugin, "points": f.points, "reason": f.reason}
                for f in risk.factors
            ],
        },
        "verdict": str(result.verdict) if result.verdict else None,
        "verdict_reason": None
        if result.reason is None
        else {"rule": result.reason.rule, "text": result.reason.text},
        "advice": [{"code": a.code, "plugin": a.plugin, "text": a.text} for a in result.advice],
        "errors": errors,
    }


def summary_to_dict(summary: Summary) -> dict[str, Any]:
    """The summary as plain data."""
    return {
        "cases": summary.cases,
        "errors": {"input": summary.input_errors, "plugin": summary.plugin_errors},
        "by_camp": dict(summary.by_camp),
        "by_verdict": dict(summary.by_verdict),
        "by_level": dict(summary.by_level),
        "findings_by_severity": dict(summary.by_severity),
        **dict(summary.sections),
    }
