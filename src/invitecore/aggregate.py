"""How the core turns plugin output into conclusions: camp, risk score and level, verdict.

These are pure functions of their inputs and the thresholds in :class:`Thresholds`, so every
conclusion can be explained from the numbers shown in the report. ``docs/engine.md`` states the
same rules in prose; keep the two in step.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from invitecore.models import (
    Camp,
    Classification,
    Finding,
    Invitation,
    NetworkingCamp,
    Risk,
    RiskFactor,
    RiskLevel,
    Severity,
    Signal,
    Verdict,
    VerdictReason,
)

__all__ = ["ALREADY_CONNECTED", "Thresholds", "classify", "decide_verdict", "score_risk"]

@attrs.frozen(kw_only=True)
class Thresholds:
    """The core's cut-offs: ``[tool.invitecore]`` tables ``classification``, ``risk``, ``verdict``.

    Defaults are chosen, not measured: see docs/engine.md for the reasoning behind each.
    """

    # A net open strength of 0.5 needs at least one moderately strong open sign that nothing
    # selective contradicts; a lone weak hint (emoji, connection count) stays "in between".
    open_threshold: float = 0.5
    # Selective evidence is acted on sooner than open evidence (docs/sources.md 1: with doubt,
    # treat a stranger as selective), hence a lower bar.
    selective_threshold: float = 0.3
    # Risk points are a ranking, not a probability (docs/sources.md 9). The bands split the
    # 0-100 scale so that one serious problem (a stranger of unknown camp: about 40 points with
    # the bundled scorecard) is "medium" on its own, and two together are "high".
    risk_medium: float = 30.0
    risk_high: float = 60.0
    # "Do not send" is reserved for people who have as good as said no: a strong, uncontradicted
    # selective statement.
    do_not_send_confidence: float = 0.8
    # A warning is something the sender can fix before sending (no greeting, no reason), so it is
    # worth a revision; info findings are notes for the reader and never hold a note back.
    revise_at: Severity = Severity.WARNING


def classify(signals: Sequence[Signal], thresholds: Thresholds) -> Classification:
    """Combine signals into a camp with a confidence.

    ``open`` and ``selective`` strengths are the noisy-OR of each camp's weights,
    ``1 - prod(1 - w)``: independent pieces of evidence reinforce each other without ever
    exceeding 1, and a second copy of weak evidence adds less than the first; ``net`` is
    their difference. ``net >= open_threshold``: open networker with confidence ``net``;
    ``net <= -selective_threshold``: selective connector with confidence ``-net``; otherwise in
    between with confidence ``1 - |net|`` (how balanced the evidence is). No signals: unknown, 0.
    """
    if not signals:
        return Classification(camp=NetworkingCamp.UNKNOWN, confidence=0.0)
    open_left = selective_left = 1.0
    for signal in signals:
        if signal.camp is Camp.OPEN:
            open_left *= 1.0 - signal.weight
        else:
            selective_left *= 1.0 - signal.weight
    open_strength, selective_strength = 1.0 - open_left, 1.0 - selective_left
    net = open_strength - selective_strength
    if net >= thresholds.open_threshold:
        camp, confidence = NetworkingCamp.OPEN_NETWORKER, net
    elif net <= -thresholds.selective_threshold:
        camp, confidence = NetworkingCamp.SELECTIVE_CONNECTOR, -net
    else:
        camp, confidence = NetworkingCamp.IN_BETWEEN, 1.0 - abs(net)
    return Classification(
        camp=camp,
        confidence=round(confidence, 4),
        signals=tuple(signals),
        open_strength=round(open_strength, 4),
        selective_strength=round(selective_strength, 4),
    )


def score_risk(factors: Sequence[RiskFactor], thresholds: Thresholds) -> Risk:
    """Sum the factors' points, clamp to 0-100, and band the score into low / medium / high."""
    total = 0.0
    for factor in factors:
        total += factor.points
    score = 100.0 if total > 100.0 else 0.0 if total < 0.0 else total
    if score >= thresholds.risk_high:
        level = RiskLevel.HIGH
    elif score >= thresholds.risk_medium:
        level = RiskLevel.MEDIUM
    else:
        level = RiskLevel.LOW
    return Risk(score=round(score, 2), level=level, factors=tuple(factors))


def decide_verdict(
    invitation: Invitation,
    classification: Classification,
    findings: Sequence[Finding],
    risk: Risk,
    thresholds: Thresholds,
) -> tuple[Verdict, VerdictReason]:
    """Decide what to do, first match wins, and say which rule matched with the facts it used.

    1. ``do_not_send``: a stranger whose camp is selective connector with confidence at or above
       ``do_not_send_confidence`` (they have as good as said they do not accept strangers).
    2. ``warm_up``: a stranger whose camp is selective connector or unknown, or in between with a
       high risk level: approach first (docs/engine.md: be certain of a stranger's camp).
    3. ``revise``: a high risk level, or any finding at or above ``revise_at``.
    4. ``send`` otherwise.

    A first-degree connection never gets here: the engine gives it ``already_connected``.
    """
    stranger = invitation.relationship.is_stranger
    who = f"a stranger (relationship '{invitation.relationship.value}')"
    camp = classification.camp
    confidence = classification.confidence
    high = risk.level is RiskLevel.HIGH
    if stranger and camp is NetworkingCamp.SELECTIVE_CONNECTOR:
        if confidence >= thresholds.do_not_send_confidence:
            return Verdict.DO_NOT_SEND, VerdictReason(
                rule="stranger-selective-sure",
                text=f"{who} whose camp is selective connector at confidence {confidence:.2f}, "
                f"at or above {thresholds.do_not_send_confidence:g}",
            )
        return Verdict.WARM_UP, VerdictReason(
            rule="stranger-selective",
            text=f"{who} whose camp is selective connector at confidence {confidence:.2f}, "
            f"below {thresholds.do_not_send_confidence:g} for do not send",
        )
    if stranger and camp is NetworkingCamp.UNKNOWN:
        return Verdict.WARM_UP, VerdictReason(
            rule="stranger-unknown",
            text=f"{who} whose camp is unknown: nothing in the profile shows how they connect",
        )
    if stranger and camp is NetworkingCamp.IN_BETWEEN and high:
        return Verdict.WARM_UP, VerdictReason(
            rule="stranger-in-between-high-risk",
            text=f"{who} whose camp is in between, and risk {risk.score:g} is at or above "
            f"{thresholds.risk_high:g} (high)",
        )
    if high:
        return Verdict.REVISE, VerdictReason(
            rule="high-risk",
            text=f"risk {risk.score:g} is at or above {thresholds.risk_high:g} (high)",
        )
    bar = thresholds.revise_at
    blocking = sorted(
        {f.code for f in findings if f.severity is not None and f.severity.rank >= bar.rank}
    )
    if blocking:
        return Verdict.REVISE, VerdictReason(
            rule="findings",
            text=f"{_count(len(blocking), 'finding')} at {bar} or above: {', '.join(blocking)}",
        )
    return Verdict.SEND, VerdictReason(
        rule="nothing-blocks",
        text=f"no finding at {bar} or above, and risk {risk.score:g} is below "
        f"{thresholds.risk_high:g} (high)",
    )


ALREADY_CONNECTED = VerdictReason(
    rule="already-connected",
    text="already a first-degree connection: there is no invitation to send",
)
"""The reason the engine gives ``already_connected`` rows (``Profile.connection_degree`` 1)."""


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")
