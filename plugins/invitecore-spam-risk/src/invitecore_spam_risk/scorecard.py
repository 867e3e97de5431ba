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
which counts as selective for a stranger (docs/sources.md 1).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import NamedTuple

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
from invitecore_spam_risk.rules import (
    EMAIL_GIVEN,
    EMAIL_MISSING,
    NO_NOTE,
    OPEN_NETWORKER,
    REAL_RELATIONSHIP,
    SHARED_CONNECTIONS,
    SHARED_GROUP,
)
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

# The per-case path names codes and enum members as plain globals: ``rules.X`` is two look-ups
# and ``Enum.MEMBER`` a Python-level descriptor call, a noticeable share of a ~1 us hook.
_GROUP = Relationship.GROUP
_OPEN_NETWORKER = NetworkingCamp.OPEN_NETWORKER

# Strongest evidence first: when several empty-note factors apply, only the first one counts.
_EMPTY_NOTE_ORDER = (rules.NO_NOTE, rules.DEFAULT_TEXT, rules.GENERIC_NOTE)
_EMPTY_NOTE_FACTORS = rules.EMPTY_NOTE_FACTORS
_MISSING_PART_FACTORS = rules.MISSING_PART_FACTORS

# Named on every line (and advice) so the engine, which stamps ``plugin`` on items that lack it,
# has nothing to do for ours; lines shared between cases are then never touched after building.
PLUGIN_NAME = "spam-risk"


def _line(code: str, points: float, reason: str) -> RiskFactor | None:
    # A factor set to 0 in the config is switched off, not shown as a line worth nothing.
    if not points:
        return None
    return RiskFactor(code=code, points=points, reason=reason, plugin=PLUGIN_NAME)


# The lines whose reason quotes the case (a year, a count, a confidence, a group's name) take
# their text from values that recur across a batch, so each distinct line is built (and validated
# by the core's value object) once. Factors are immutable, so sharing them between cases is safe.
@functools.lru_cache(maxsize=1024)
def _shared_line(code: str, points: float, reason: str) -> RiskFactor:
    return RiskFactor(code=code, points=points, reason=reason, plugin=PLUGIN_NAME)


@functools.lru_cache(maxsize=256)
def _member_since_line(points: float, since: int) -> RiskFactor:
    return _shared_line(
        rules.LONG_TIME_MEMBER,
        points,
        f"Member since {since}: long-time members are the most annoyed by invitations from "
        "strangers",
    )


@functools.lru_cache(maxsize=1024)
def _open_networker_line(points: float, confidence: float) -> RiskFactor:
    return _shared_line(
        rules.OPEN_NETWORKER,
        points,
        f"Their profile reads as an open networker (confidence {confidence:.2f}): open "
        "networkers accept invitations from people they do not know",
    )


@functools.lru_cache(maxsize=1024)
def _shared_connections_line(points: float, shared: int) -> RiskFactor:
    return _shared_line(
        rules.SHARED_CONNECTIONS,
        points,
        f"You share {shared} connection{'s' if shared != 1 else ''}: a mutual contact can "
        "vouch for you",
    )


class _RelationshipLines(NamedTuple):
    """The lines that depend on the relationship picked (None: no such line, or switched off)."""

    stranger: dict[NetworkingCamp, RiskFactor | None] | None  # by camp; None: not a stranger
    asks_email: bool  # the form asks for their email (the factor counts even when switched off)
    email_missing: RiskFactor | None
    real: RiskFactor | None


class Scorecard:
    """One run's scorecard: every line whose text does not depend on the case, built up front.

    Built once per :class:`ScorecardConfig` (the plugin caches it per ``Settings``), so scoring a
    case is dictionary look-ups and appends; only lines quoting the case go through the small
    caches above. A line is None when its points are 0: the factor is switched off.
    """

    __slots__ = (
        "_blank_normal",
        "_by_code",
        "_by_relationship",
        "_config",
        "_email_given",
        "_group_claim",
        "_long_time_points",
        "_no_note",
        "_no_shared_context",
        "_open_points",
        "_shared_connections_points",
        "_shared_group_points",
    )

    def __init__(self, config: ScorecardConfig) -> None:
        points = config.points
        self._config = config
        # relationship -> camp -> line; a relationship missing here is not a stranger, and an
        # open networker (no stranger points) has no line.
        stranger: dict[Relationship, dict[NetworkingCamp, RiskFactor | None]] = {
            relationship: {
                camp: _line(
                    rules.STRANGER_NOT_OPEN,
                    camp_points,
                    f"You do not know them (relationship '{relationship.value}'), and "
                    f"{_CAMP_REASONS[camp]}",
                )
                for camp, camp_points in config.stranger_points.items()
            }
            for relationship in Relationship
            if relationship.is_stranger
        }
        # finding code -> (factor it raises or None, that factor's line, credits it voids): one
        # look-up per finding. The finding's code is named in the line's reason; the voided
        # credits are the ``credit-voided-by`` table turned around.
        voids: dict[str, set[str]] = {}
        for factor, codes in config.voided_by.items():
            for code in codes:
                voids.setdefault(code, set()).add(factor)
        self._by_code: dict[str, tuple[str | None, RiskFactor | None, frozenset[str]]] = {}
        for code in {*config.finding_factors, *voids}:
            raises = config.finding_factors.get(code)
            line = (
                None
                if raises is None
                else _line(raises, points[raises], f"{_FINDING_REASONS[raises]} ({code})")
            )
            self._by_code[code] = (raises, line, frozenset(voids.get(code, ())))
        self._no_note = _line(rules.NO_NOTE, points[rules.NO_NOTE], _FINDING_REASONS[rules.NO_NOTE])
        self._blank_normal = _line(
            rules.NO_NOTE,
            config.blank_normal_points,
            "No note: normal practice with an open networker or someone who knows you, but a "
            "short note can only help",
        )
        email_missing = {
            relationship: _line(
                rules.EMAIL_MISSING,
                points[rules.EMAIL_MISSING],
                f"You picked '{relationship.value}', for which LinkedIn's form asks for their "
                "email, and none is given",
            )
            for relationship in Relationship
            if relationship.asks_for_email
        }
        self._no_shared_context = _line(
            rules.NO_SHARED_CONTEXT,
            points[rules.NO_SHARED_CONTEXT],
            "The profile shows no shared connections and you share no group: the invitation "
            "comes out of the blue",
        )
        real = {
            relationship: _line(
                rules.REAL_RELATIONSHIP,
                points[rules.REAL_RELATIONSHIP],
                f"You know them: relationship '{relationship.value}'",
            )
            for relationship in config.real_relationships
        }
        self._email_given = _line(
            rules.EMAIL_GIVEN,
            points[rules.EMAIL_GIVEN],
            "You give their email address, the form's proof that you know them",
        )
        self._group_claim = _line(
            rules.SHARED_GROUP,
            points[rules.SHARED_GROUP],
            "You picked 'group': you say you share a group with them",
        )
        # relationship -> everything the card reads for it, in one look-up per case.
        self._by_relationship = {
            relationship: _RelationshipLines(
                stranger.get(relationship),
                relationship in email_missing,
                email_missing.get(relationship),
                real.get(relationship),
            )
            for relationship in Relationship
        }
        self._long_time_points = points[rules.LONG_TIME_MEMBER]
        self._open_points = points[rules.OPEN_NETWORKER]
        self._shared_connections_points = points[rules.SHARED_CONNECTIONS]
        self._shared_group_points = points[rules.SHARED_GROUP]

    def _blank_is_normal(self, raised: dict[str, RiskFactor | None]) -> None:
        """Score the note of an invitation to an open networker or to someone who knows you.

        A blank invitation is normal practice with them (docs/sources.md 1, 9): it gets
        ``blank-normal-points`` in place of ``no-note-points``, unless the note has a worse
        problem of its own (a default text is never scored below a blank invitation). A note's
        missing parts never add up to more than a blank invitation would: a short note can
        only help.
        """
        if NO_NOTE in raised:
            del raised[NO_NOTE]
            if _EMPTY_NOTE_FACTORS.isdisjoint(raised):
                raised[NO_NOTE] = self._blank_normal
        blank = self._blank_normal.points if self._blank_normal is not None else 0.0
        if _missing_parts_above(raised, blank):
            for code in _MISSING_PART_FACTORS:
                raised.pop(code, None)

    def factors(
        self,
        invitation: Invitation,
        profile: Profile,
        classification: Classification,
        findings: tuple[Finding, ...],
    ) -> list[RiskFactor]:
        """The scorecard lines for one case, risk-raising factors first, in code order."""
        config = self._config
        card: list[RiskFactor] = []
        relationship = invitation.relationship
        camp = classification.camp
        by_camp, asks_email, email_missing, real = self._by_relationship[relationship]
        if by_camp is not None:
            line = by_camp.get(camp)
            if line is not None:
                card.append(line)
        email = invitation.email
        has_email = bool(email and email.strip())

        # One pass over the findings: the note factors they raise (the first finding for a
        # factor names it) and the credits they void.
        raised: dict[str, RiskFactor | None] = {}
        voided = _NO_CODES
        by_code = self._by_code
        for finding in findings:
            entry = by_code.get(finding.code)
            if entry is not None:
                factor, line, voids = entry
                if factor is not None and factor not in raised:
                    raised[factor] = line
                if voids:
                    voided = voided | voids
        # Invitation.has_note, inlined: the property call costs more than the test.
        if NO_NOTE not in raised and not invitation.note.strip():
            raised[NO_NOTE] = self._no_note
        if raised and (by_camp is None or camp is _OPEN_NETWORKER):
            self._blank_is_normal(raised)
        if EMAIL_MISSING not in raised and asks_email and not has_email:
            raised[EMAIL_MISSING] = email_missing
        if len(raised) == 1:
            # The common case, one note factor: nothing to subsume, nothing to sort.
            for line in raised.values():
                if line is not None:
                    card.append(line)
        elif raised:
            for line in _note_lines(raised):
                if line is not None:
                    card.append(line)

        # A known shared group cancels "no shared context" even when its own line is set to 0.
        has_group = False
        shared_group: RiskFactor | None = None
        if SHARED_GROUP not in voided:
            group = config.shares_group(profile.groups) if config.sender_groups else None
            if group is not None:
                has_group = True
                if self._shared_group_points:
                    shared_group = _shared_line(
                        SHARED_GROUP,
                        self._shared_group_points,
                        f"You are both members of the group '{group}'",
                    )
            elif relationship is _GROUP:
                has_group = True
                shared_group = self._group_claim
        shared = profile.shared_connections
        if by_camp is not None:  # a stranger
            since = profile.member_since
            if (
                since is not None
                and since <= config.long_time_member_until
                and self._long_time_points
            ):
                card.append(_member_since_line(self._long_time_points, since))
            if shared == 0 and not has_group and self._no_shared_context is not None:
                card.append(self._no_shared_context)

        if (
            camp is _OPEN_NETWORKER
            and self._open_points
            and OPEN_NETWORKER not in voided
        ):
            card.append(_open_networker_line(self._open_points, classification.confidence))
        if real is not None and REAL_RELATIONSHIP not in voided:
            card.append(real)
        if self._email_given is not None and has_email and EMAIL_GIVEN not in voided:
            card.append(self._email_given)
        if (
            shared is not None
            and shared >= config.shared_connections_min
            and self._shared_connections_points
            and SHARED_CONNECTIONS not in voided
        ):
            card.append(_shared_connections_line(self._shared_connections_points, shared))
        if shared_group is not None:
            card.append(shared_group)
        return card


def _missing_parts_above(raised: dict[str, RiskFactor | None], ceiling: float) -> bool:
    """Whether the missing-part lines in ``raised`` add up to more than ``ceiling``."""
    total = 0.0
    for code in _MISSING_PART_FACTORS:
        line = raised.get(code)
        if line is not None:
            total += line.points
    return total > ceiling


def _note_lines(raised: dict[str, RiskFactor | None]) -> Iterable[RiskFactor | None]:
    """The raised note factors' lines in code order, without double counting.

    A note with no content of its own stands for the missing parts and the weaker empty-note
    factors, so only the strongest empty-note factor stays, with the pitch and email factors
    (which sort after it).
    """
    if _EMPTY_NOTE_FACTORS.isdisjoint(raised):
        return map(raised.__getitem__, sorted(raised))
    for empty in _EMPTY_NOTE_ORDER:
        if empty in raised:
            break
    return (raised[empty], raised.get(rules.PITCH), raised.get(EMAIL_MISSING))
