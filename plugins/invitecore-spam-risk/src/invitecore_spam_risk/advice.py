"""Next steps for the sender, from the whole result: approach first, or use the listed email.

Domain.md 1: before inviting a stranger who may be selective, approach them (engage with their
posts, a group they list, an introduction from a mutual contact) so the invitation does not come
out of the blue, then invite with a personal note. An open networker who lists an email address
is invited by choosing "Other" and entering that address.

:func:`invitation_facts` reads the relationship and the email from ``result.invitation``; a
result built without one (by a tool, or an older core) falls back on this plugin's own factors
on the scorecard.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from invitecore import (
    Advice,
    Camp,
    CaseResult,
    Classification,
    Profile,
    Relationship,
    RiskLevel,
    Verdict,
)
from invitecore_spam_risk import rules
from invitecore_spam_risk.settings import ScorecardConfig

_APPROACH_VERDICTS = frozenset({Verdict.WARM_UP, Verdict.DO_NOT_SEND})


@attrs.frozen(kw_only=True)
class InvitationFacts:
    """What the advice needs to know about the draft invitation."""

    stranger: bool
    knows_them: bool
    email: str | None
    email_given: bool


def invitation_facts(result: CaseResult, config: ScorecardConfig) -> InvitationFacts:
    """The relationship and email of ``result``'s invitation, read or inferred.

    From the invitation when the result carries one; otherwise from the scorecard: SPM101 or a
    warm-up verdict (the core gives those to strangers only) means a stranger, SPM122 a real
    relationship, SPM123 an email given (an email SPM123 could not credit does not count).
    """
    invitation = result.invitation
    if invitation is not None:
        email = invitation.email.strip() if invitation.email else None
        return InvitationFacts(
            stranger=invitation.relationship.is_stranger,
            knows_them=invitation.relationship in config.real_relationships,
            email=email or None,
            email_given=bool(email),
        )
    codes = {f.code for f in result.risk.factors} if result.risk is not None else set()
    return InvitationFacts(
        stranger=rules.STRANGER_NOT_OPEN in codes or result.verdict in _APPROACH_VERDICTS,
        knows_them=rules.REAL_RELATIONSHIP in codes,
        email=None,
        email_given=rules.EMAIL_GIVEN in codes,
    )


def listed_email(classification: Classification, config: ScorecardConfig) -> str | None:
    """The address an open-camp email signal found on the profile, if any."""
    for signal in classification.signals:
        if (
            signal.value
            and signal.camp is Camp.OPEN
            and signal.code.startswith(config.listed_email_signals)
        ):
            return signal.value
    return None


def _approach_steps(
    profile: Profile, result: CaseResult, config: ScorecardConfig
) -> Iterator[Advice]:
    name = profile.given_name or profile.name
    lead = (
        f"{name}'s profile says they connect only with people they know: do not invite yet. "
        if result.verdict is Verdict.DO_NOT_SEND
        else ""
    )
    yield Advice(
        code=rules.APPROACH_FIRST,
        text=f"{lead}Approach {name} first: follow them and leave a thoughtful comment on one or "
        "two of their recent posts, so your name is familiar when the invitation arrives.",
    )
    shared = config.shares_group(profile.groups)
    if shared is not None:
        yield Advice(
            code=rules.USE_GROUP,
            text=f"You are both in '{shared}': take part in a discussion there where {name} is "
            "active before you invite.",
        )
    else:
        group = next((g.strip() for g in profile.groups if g.strip()), None)
        if group is not None:
            yield Advice(
                code=rules.USE_GROUP,
                text=f"Join '{group}', a group on {name}'s profile, and take part in its "
                "discussions before you invite.",
            )
    count = profile.shared_connections
    if count:
        yield Advice(
            code=rules.ASK_INTRODUCTION,
            text=f"You share {count} connection{'s' if count != 1 else ''} with {name}: ask one "
            "of them to introduce you.",
        )
    yield Advice(
        code=rules.INVITE_WITH_NOTE,
        text=f"Then invite with a personal note: greet {name} by name, say how you came across "
        "them, why you want to connect and what is in it for them; no pitch and no link.",
    )


def advice_for(result: CaseResult, config: ScorecardConfig) -> list[Advice]:
    """The advice for one result: approach steps for a risky stranger, the listed email."""
    profile, classification = result.profile, result.classification
    if profile is None or classification is None or result.verdict is None:
        return []
    facts = invitation_facts(result, config)
    advice: list[Advice] = []
    high = result.risk is not None and result.risk.level is RiskLevel.HIGH
    if facts.stranger and (result.verdict in _APPROACH_VERDICTS or high):
        advice.extend(_approach_steps(profile, result, config))
    if classification.is_open and not facts.knows_them:
        address = listed_email(classification, config)
        if address is not None and not _already_used(address, facts):
            name = profile.given_name or profile.name
            advice.append(
                Advice(
                    code=rules.USE_LISTED_EMAIL,
                    text=f"{name} lists {address}: choose '{Relationship.OTHER.value}' in the "
                    f"invitation form and enter {address}.",
                )
            )
    return advice


def _already_used(address: str, facts: InvitationFacts) -> bool:
    """True when the invitation already carries the listed address."""
    if facts.email is not None:
        return facts.email.casefold() == address.casefold()
    # Without the invitation: an email was given and credited (not flagged as different).
    return facts.email_given
