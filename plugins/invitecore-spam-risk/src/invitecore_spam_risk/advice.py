"""Next steps for the sender, from the whole result: approach first, or use the listed email.

Domain.md 1: before inviting a stranger who may be selective, approach them (engage with their
posts, a group they list, an introduction from a mutual contact) so the invitation does not come
out of the blue, then invite with a personal note. An open networker who lists an email address
is invited by choosing "Other" and entering that address.

For a selective connector the first step says what their profile says, resting on the
strongest selective signal that fired and quoting it (the signal's field and span point at the
words): "Dana's profile asks for a note ('Please include a note')", "... says they do not accept
invitations from strangers ('No unsolicited invites')". What the words mean is read from the
signal's ``value`` (the kinds the lion plugin documents), else said plainly ("Dana's profile
says: '...'").

:func:`invitation_facts` reads the relationship and the email from ``result.invitation``; a
result built without one (by a tool, or an older core) falls back on this plugin's own factors
on the scorecard.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from invitecore import (
    Account,
    Advice,
    Camp,
    CaseResult,
    Classification,
    NetworkingCamp,
    Profile,
    Relationship,
    RiskLevel,
    Signal,
    Verdict,
)
from invitecore_spam_risk import rules
from invitecore_spam_risk.scorecard import PLUGIN_NAME
from invitecore_spam_risk.settings import ScorecardConfig

# Enum members bound once: looking a member up on its class, or reading ``.value`` or a property
# of it, costs a Python-level call each time, several per case. Set membership is a C hash.
_APPROACH_VERDICTS = frozenset({Verdict.WARM_UP, Verdict.DO_NOT_SEND})
_DO_NOT_SEND = Verdict.DO_NOT_SEND
_HIGH = RiskLevel.HIGH
_OPEN_NETWORKER = NetworkingCamp.OPEN_NETWORKER
_OPEN_SIGNAL = Camp.OPEN
_SELECTIVE_SIGNAL = Camp.SELECTIVE
_SELECTIVE = NetworkingCamp.SELECTIVE_CONNECTOR
_STRANGERS = frozenset(r for r in Relationship if r.is_stranger)
_OTHER = Relationship.OTHER.value
_NAMED_STEPS_CACHED = 4096  # distinct (name, ...) keys kept per step; each entry is one Advice
_QUOTE_LIMIT = 120  # characters of the profile quoted at most

# What a selective signal's value says the profile does (the kinds the lion plugin sets on
# its signals; see its README). A value not listed here is quoted as it stands.
_SAYS = {
    "known-people-only": "says they connect only with people they know",
    "no-strangers": "says they do not accept invitations from strangers",
    "clicks-idk": "says strangers get 'I don't know this person'",
    "note": "asks for a note",
    "note-or-idk": "asks for a note",
    "reason": "asks you to say why you want to connect",
    "follow-instead": "asks people they do not know to follow instead",
    "scope-only": "accepts only people from their own field",
    "interact-first": "accepts people they have already interacted with",
    "condition": "sets a condition for accepting invitations",
    "not-a-lion": "says they are not an open networker",
    "selective": "says they are selective about invitations",
}


class InvitationFacts(NamedTuple):
    """What the advice needs to know about the draft invitation.

    A named tuple rather than an attrs class: it is built for every advised case and never
    leaves this module, and a tuple is several times cheaper to build.
    """

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
        relationship = invitation.relationship
        email = invitation.email.strip() if invitation.email else None
        return InvitationFacts(
            relationship in _STRANGERS,
            relationship in config.real_relationships,
            email or None,
            bool(email),
        )
    codes = {f.code for f in result.risk.factors} if result.risk is not None else set()
    return InvitationFacts(
        rules.STRANGER_NOT_OPEN in codes or result.verdict in _APPROACH_VERDICTS,
        rules.REAL_RELATIONSHIP in codes,
        None,
        rules.EMAIL_GIVEN in codes,
    )


def listed_email(classification: Classification, config: ScorecardConfig) -> str | None:
    """The address an open-camp email signal found on the profile, if any."""
    prefixes = config.listed_email_signals
    for signal in classification.signals:
        if signal.value and signal.camp is _OPEN_SIGNAL and signal.code.startswith(prefixes):
            return signal.value
    return None


def selective_evidence(
    classification: Classification, profile: Profile
) -> tuple[str, str] | None:
    """What the profile says that made the person selective, as ``(what it says, the words
    quoted)``: the strongest selective signal that points at words in the profile (its
    field and span), the first of equals. None when no such signal fired."""
    best: Signal | None = None
    for signal in classification.signals:
        if signal.camp is _SELECTIVE_SIGNAL and signal.span is not None and signal.field and (
            best is None or signal.weight > best.weight
        ):
            best = signal
    if best is None or best.field is None or best.span is None:
        return None
    quoted = _field_text(profile, best.field)[best.span[0] : best.span[1]].strip()
    if not quoted:
        return None
    if len(quoted) > _QUOTE_LIMIT:
        quoted = quoted[: _QUOTE_LIMIT - 1].rstrip() + "…"
    return _SAYS.get(best.value or "", "says"), quoted


def _field_text(profile: Profile, field: str) -> str:
    """The text of the profile field a signal names (``about``, ``groups[2]`` ...)."""
    if field.startswith("groups[") and field.endswith("]"):
        index = field[len("groups[") : -1]
        if index.isdigit() and int(index) < len(profile.groups):
            return profile.groups[int(index)]
        return ""
    value = getattr(profile, field, None) if field in _TEXT_FIELDS else None
    return value if isinstance(value, str) else ""


_TEXT_FIELDS = frozenset({"name", "headline", "about", "company", "title", "location"})


def _approach_steps(
    profile: Profile,
    do_not_send: bool,
    config: ScorecardConfig,
    evidence: tuple[str, str] | None = None,
    free: bool = False,
) -> list[Advice]:
    name = profile.given_name or profile.name
    count = profile.shared_connections or 0  # no introduction step without shared connections
    groups = profile.groups
    if not groups:
        return list(_named_steps(name, do_not_send, count, evidence, free))
    steps = [_approach_first(name, do_not_send, evidence)]
    shared = config.shares_group(groups) if config.sender_groups else None
    if shared is not None:
        steps.append(
            Advice(
                code=rules.USE_GROUP,
                text=f"You are both in '{shared}': take part in a discussion there where {name} "
                "is active before you invite.",
                plugin=PLUGIN_NAME,
            )
        )
    else:
        for group in groups:
            group = group.strip()
            if group:
                steps.append(
                    Advice(
                        code=rules.USE_GROUP,
                        text=f"Join '{group}', a group on {name}'s profile, and take part in its "
                        "discussions before you invite.",
                        plugin=PLUGIN_NAME,
                    )
                )
                break
    if count:
        steps.append(_ask_introduction(name, count))
    steps.append(_invite_with_note(name, free))
    return steps


# The steps whose text names only the person (and a count) are shared between the cases that name
# the same person: first names recur across a batch, and an Advice is immutable. Bounded caches,
# keyed by exactly what the text is built from.
@functools.lru_cache(maxsize=_NAMED_STEPS_CACHED)
def _named_steps(
    name: str,
    do_not_send: bool,
    count: int,
    evidence: tuple[str, str] | None = None,
    free: bool = False,
) -> tuple[Advice, ...]:
    """The approach steps for a profile that lists no group: they name only the person (and
    quote what the profile says)."""
    introduction = (_ask_introduction(name, count),) if count else ()
    return (
        _approach_first(name, do_not_send, evidence),
        *introduction,
        _invite_with_note(name, free),
    )


@functools.lru_cache(maxsize=_NAMED_STEPS_CACHED)
def _approach_first(
    name: str, do_not_send: bool, evidence: tuple[str, str] | None = None
) -> Advice:
    """The first step; for a selective connector it says what the profile says (``evidence``,
    see :func:`selective_evidence`), and for "do not send" not to invite yet."""
    if evidence is not None:
        says, quoted = evidence
        what = f"{name}'s profile says: '{quoted}'" if says == "says" else (
            f"{name}'s profile {says} ('{quoted}')")
        lead = f"{what}: do not invite yet. " if do_not_send else f"{what}. "
    elif do_not_send:
        lead = f"{name}'s profile reads as someone who declines strangers: do not invite yet. "
    else:
        lead = ""
    return Advice(
        code=rules.APPROACH_FIRST,
        text=f"{lead}Approach {name} first: follow them and leave a thoughtful comment on one "
        "or two of their recent posts, so your name is familiar when the invitation arrives.",
        plugin=PLUGIN_NAME,
    )


@functools.lru_cache(maxsize=_NAMED_STEPS_CACHED)
def _ask_introduction(name: str, count: int) -> Advice:
    return Advice(
        code=rules.ASK_INTRODUCTION,
        text=f"You share {count} connection{'s' if count != 1 else ''} with {name}: ask "
        "one of them to introduce you.",
        plugin=PLUGIN_NAME,
    )


@functools.lru_cache(maxsize=_NAMED_STEPS_CACHED)
def _invite_with_note(name: str, free: bool = False) -> Advice:
    # A free account adds a note to only a few invitations a month (docs/sources.md 4): the
    # step says so rather than promise a note the send plan may have given to someone else.
    when = (
        f"Then invite with a personal note (a free account has only a few a month: keep one "
        f"for {name}, or wait for next month's)"
        if free
        else "Then invite with a personal note"
    )
    return Advice(
        code=rules.INVITE_WITH_NOTE,
        text=f"{when}: greet {name} by name, say how you came across them, why you want to "
        "connect and what is in it for them; no pitch and no link.",
        plugin=PLUGIN_NAME,
    )


def advice_for(result: CaseResult, config: ScorecardConfig) -> list[Advice]:
    """The advice for one result: approach steps for a risky stranger, the listed email."""
    profile, classification, verdict = result.profile, result.classification, result.verdict
    if profile is None or classification is None or verdict is None:
        return []
    risk = result.risk
    risky = verdict in _APPROACH_VERDICTS or (risk is not None and risk.level is _HIGH)
    is_open = classification.camp is _OPEN_NETWORKER  # Classification.is_open, inlined
    # Most cases get no advice (someone the sender knows, a low-risk send to someone not open):
    # settle that from the verdict and the camp before reading the invitation.
    if not (risky or is_open):
        return []
    if risky and _stranger(result, config):
        evidence = (
            selective_evidence(classification, profile)
            if classification.camp is _SELECTIVE
            else None
        )
        sender = result.sender
        free = sender is not None and sender.account is Account.FREE
        advice = _approach_steps(profile, verdict is _DO_NOT_SEND, config, evidence, free)
    else:
        advice = []
    if is_open:
        facts = invitation_facts(result, config)
        if not facts.knows_them:
            address = listed_email(classification, config)
            if address is not None and not _already_used(address, facts):
                name = profile.given_name or profile.name
                advice.append(
                    Advice(
                        code=rules.USE_LISTED_EMAIL,
                        text=f"{name} lists {address}: choose '{_OTHER}' in the "
                        f"invitation form and enter {address}.",
                        plugin=PLUGIN_NAME,
                    )
                )
    return advice


def _stranger(result: CaseResult, config: ScorecardConfig) -> bool:
    """:attr:`InvitationFacts.stranger`, without building the facts when the result has an
    invitation (the common case: every approach-first stranger asks this)."""
    invitation = result.invitation
    if invitation is not None:
        return invitation.relationship in _STRANGERS
    return invitation_facts(result, config).stranger


def _already_used(address: str, facts: InvitationFacts) -> bool:
    """True when the invitation already carries the listed address."""
    if facts.email is not None:
        return facts.email.casefold() == address.casefold()
    # Without the invitation: an email was given and credited (not flagged as different).
    return facts.email_given
