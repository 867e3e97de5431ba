"""The scorecard: which factors apply to one invitation, each with its points and a plain reason.

Additive like a spam filter's scorecard: every factor is independent of the others' points, so a
reader can check the total by adding the lines. Two rules keep a fact from being counted twice:

- each factor appears at most once, however many findings point to it (PER121 and PER122 are
  both "no how-found");
- a note with no content of its own (no note, the default text, stock phrases only) already
  stands for a missing how-found, reason and benefit, so those are not added on top; and of the
  three empty-note factors only the strongest evidence counts (no note, then default, then stock).

The plugin reads other plugins' findings by code (the ``finding-factors`` table), and falls back
on what it can see itself when they are absent: an empty note is "no note", a friend/other
relationship without an email is "email missing". With no signals at all the camp is unknown,
which counts as selective for a stranger (domain.md 1).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping

from invitecore import (
    Classification,
    Finding,
    Invitation,
    NetworkingCamp,
    Profile,
    Relationship,
    RiskFactor,
)
from invitecore_spam_risk import rules
from invitecore_spam_risk.settings import ScorecardConfig

# Plain reasons for the factors other plugins' findings raise; the finding's code is appended.
_FINDING_REASONS = {
    rules.NO_NOTE: "No note: a bare invitation is what people who do not know you mark as spam",
    rules.DEFAULT_TEXT: "The note is LinkedIn's default text, which is no better than no note",
    rules.GENERIC_NOTE: "The note is generic (stock phrases or an unfilled template): "
    "it reads as mass outreach",
    rules.NO_HOW_FOUND: "The note does not say how you met or how you came across them",
    rules.NO_REASON: "The note gives no reason to connect",
    rules.NO_BENEFIT: "The note says nothing about what is in it for them",
    rules.PITCH: "The note pitches, links or asks a favour in a first message",
    rules.EMAIL_MISSING: "The form asks for their email for this relationship and none is given",
}

_CAMP_REASONS = {
    NetworkingCamp.SELECTIVE_CONNECTOR: "their profile reads as a selective connector, who "
    "declines strangers or answers 'I don't know this person'",
    NetworkingCamp.UNKNOWN: "nothing on their profile shows their camp: with no evidence, a "
    "stranger counts as selective",
    NetworkingCamp.IN_BETWEEN: "the evidence about their camp is mixed, so they may be selective",
}

_NO_CODES: frozenset[str] = frozenset()

# Strongest evidence first: when several empty-note factors apply, only the first one counts.
_EMPTY_NOTE_ORDER = (rules.NO_NOTE, rules.DEFAULT_TEXT, rules.GENERIC_NOTE)
# What each empty-note factor stands for, and so removes from the card.
_SUBSUMED = {
    empty: (rules.EMPTY_NOTE_FACTORS | rules.MISSING_PART_FACTORS) - {empty}
    for empty in _EMPTY_NOTE_ORDER
}


# The engine fills in ``plugin`` anyway; naming it here spares it a copy of every factor.
PLUGIN_NAME = "spam-risk"


@functools.lru_cache(maxsize=1024)
def _shared_line(code: str, points: float, reason: str) -> RiskFactor:
    # Most reasons are fixed texts, so the same few dozen immutable factors recur on every case;
    # building (and validating) them once keeps the per-case cost down.
    return RiskFactor(code=code, points=points, reason=reason, plugin=PLUGIN_NAME)


class _Card:
    """Collects factors in the order they are found, skipping zero-point ones."""

    __slots__ = ("factors", "points")

    def __init__(self, points: Mapping[str, float]) -> None:
        self.points = points
        self.factors: list[RiskFactor] = []

    def add(self, code: str, reason: str, points: float | None = None) -> None:
        """Add a factor whose reason is one of a few fixed texts."""
        value = self.points[code] if points is None else points
        # A factor set to 0 in the config is switched off, not shown as a line worth nothing.
        if value:
            self.factors.append(_shared_line(code, value, reason))

    def add_specific(self, code: str, reason: str) -> None:
        """Add a factor whose reason quotes this profile (a year, a count, a group name)."""
        value = self.points[code]
        if value:
            self.factors.append(
                RiskFactor(code=code, points=value, reason=reason, plugin=PLUGIN_NAME)
            )


def _note_factors(
    invitation: Invitation, findings: Iterable[Finding], config: ScorecardConfig
) -> dict[str, str]:
    """The note and email factors raised, factor code -> reason, without double counting."""
    raised: dict[str, str] = {}
    mapping = config.finding_factors
    for finding in findings:
        factor = mapping.get(finding.code)
        if factor is not None and factor not in raised:
            raised[factor] = f"{_FINDING_REASONS[factor]} ({finding.code})"
    if not invitation.has_note and rules.NO_NOTE not in raised:
        raised[rules.NO_NOTE] = _FINDING_REASONS[rules.NO_NOTE]
    email = invitation.email
    if (
        invitation.relationship.asks_for_email
        and not (email and email.strip())
        and rules.EMAIL_MISSING not in raised
    ):
        raised[rules.EMAIL_MISSING] = (
            f"You picked '{invitation.relationship.value}', for which LinkedIn's form asks for "
            "their email, and none is given"
        )
    for empty in _EMPTY_NOTE_ORDER:
        if empty in raised:
            for code in _SUBSUMED[empty]:
                raised.pop(code, None)
            break
    return raised


def _voided(factor: str, codes: frozenset[str], config: ScorecardConfig) -> bool:
    voiders = config.voided_by.get(factor)
    return voiders is not None and not voiders.isdisjoint(codes)


def risk_factors(
    invitation: Invitation,
    profile: Profile,
    classification: Classification,
    findings: tuple[Finding, ...],
    config: ScorecardConfig,
) -> list[RiskFactor]:
    """The scorecard lines for one case, risk-raising factors first, in code order."""
    card = _Card(config.points)
    relationship = invitation.relationship
    stranger = relationship.is_stranger
    camp = classification.camp
    codes = frozenset([f.code for f in findings]) if findings else _NO_CODES

    if stranger and camp is not NetworkingCamp.OPEN_NETWORKER:
        card.add(
            rules.STRANGER_NOT_OPEN,
            f"You do not know them (relationship '{relationship.value}'), and "
            f"{_CAMP_REASONS[camp]}",
            config.stranger_points[camp],
        )

    raised = _note_factors(invitation, findings, config)
    for code in sorted(raised):
        card.add(code, raised[code])

    shared_group = _shared_group(invitation, profile, codes, config)
    if stranger:
        since = profile.member_since
        if since is not None and since <= config.long_time_member_until:
            card.add_specific(
                rules.LONG_TIME_MEMBER,
                f"Member since {since}: long-time members are the most annoyed by invitations "
                "from strangers",
            )
        if profile.shared_connections == 0 and shared_group is None:
            card.add(
                rules.NO_SHARED_CONTEXT,
                "The profile shows no shared connections and you share no group: the "
                "invitation comes out of the blue",
            )

    if camp is NetworkingCamp.OPEN_NETWORKER and not _voided(rules.OPEN_NETWORKER, codes, config):
        card.add_specific(
            rules.OPEN_NETWORKER,
            f"Their profile reads as an open networker (confidence "
            f"{classification.confidence:.2f}): open networkers accept invitations from people "
            "they do not know",
        )
    if relationship in config.real_relationships and not _voided(
        rules.REAL_RELATIONSHIP, codes, config
    ):
        card.add(rules.REAL_RELATIONSHIP, f"You know them: relationship '{relationship.value}'")
    email = invitation.email
    if email and email.strip() and not _voided(rules.EMAIL_GIVEN, codes, config):
        card.add(
            rules.EMAIL_GIVEN, "You give their email address, the form's proof that you know them"
        )
    shared = profile.shared_connections
    if (
        shared is not None
        and shared >= config.shared_connections_min
        and not _voided(rules.SHARED_CONNECTIONS, codes, config)
    ):
        card.add_specific(
            rules.SHARED_CONNECTIONS,
            f"You share {shared} connection{'s' if shared != 1 else ''}: a mutual contact can "
            "vouch for you",
        )
    if shared_group is not None:
        card.add_specific(rules.SHARED_GROUP, shared_group)
    return card.factors


def _shared_group(
    invitation: Invitation, profile: Profile, codes: frozenset[str], config: ScorecardConfig
) -> str | None:
    """The reason for the shared-group factor, or None when no shared group is known."""
    if _voided(rules.SHARED_GROUP, codes, config):
        return None
    group = config.shares_group(profile.groups)
    if group is not None:
        return f"You are both members of the group '{group}'"
    if invitation.relationship is Relationship.GROUP:
        return "You picked 'group': you say you share a group with them"
    return None
