"""The hook implementations the ``example`` entry point registers with invitecore."""

from __future__ import annotations

from collections.abc import Iterator

from invitecore import (
    Advice,
    CaseResult,
    Finding,
    Invitation,
    Profile,
    RiskFactor,
    Rule,
    Setting,
    Settings,
    Verdict,
    hookimpl,
)

from invitecore_example.matching import call_asks, overflow_start
from invitecore_example.rules import (
    CALL_ASK,
    CALL_ASK_RISK,
    LONG_NOTE,
    RULES,
    TALK_AFTER_ACCEPTING,
)
from invitecore_example.settings import SETTINGS

# The invitecore plugin API this plugin is written for (see "Loading and isolation").
INVITECORE_API = ">=1.0,<2"


@hookimpl
def invitecore_rules() -> tuple[Rule, ...]:
    """Declare the EXA rules."""
    return RULES


@hookimpl
def invitecore_settings() -> tuple[Setting, ...]:
    """Declare the phrases, the word limit and the risk points."""
    return SETTINGS


@hookimpl
def invitecore_invitation_checks(
    invitation: Invitation, profile: Profile, settings: Settings
) -> Iterator[Finding]:
    """EXA101 for the first call request in the note; EXA102 when the note runs long."""
    note = invitation.note
    # One finding per note is enough to act on; quoting every phrase would only add noise.
    for start, end in call_asks(note, settings):
        yield Finding(
            code=CALL_ASK,
            message=f"the note asks for a call before they have accepted: {note[start:end]!r}",
            suggestion=(
                f"Drop the request; tell {profile.given_name or 'them'} why you want to connect, "
                "and suggest a call once they accept."
            ),
            field="note",
            span=(start, end),
        )
        break
    start_of_extra = overflow_start(note, settings["max-words"])
    if start_of_extra is not None:
        yield Finding(
            code=LONG_NOTE,
            message=f"the note is longer than {settings['max-words']} words",
            suggestion="Cut it to one to three sentences: how you found them and why you write.",
            field="note",
            span=(start_of_extra, len(note)),
        )


@hookimpl
def invitecore_risk_factors(
    invitation: Invitation, findings: tuple[Finding, ...], settings: Settings
) -> Iterator[RiskFactor]:
    """EXA201: a stranger whose note asks for a call (only while EXA101 is reported)."""
    # Reading `findings` rather than re-matching the note means `ignore = ["EXA101"]` also
    # removes the risk it would add: the user sees one consistent story.
    if invitation.relationship.is_stranger and any(f.code == CALL_ASK for f in findings):
        yield RiskFactor(
            code=CALL_ASK_RISK,
            points=settings["call-ask-points"],
            reason="A stranger asking for a call in the first note reads as a sales approach",
        )


@hookimpl
def invitecore_advice(result: CaseResult) -> Iterator[Advice]:
    """EXA301: move the call request to after they accept."""
    if result.verdict is Verdict.DO_NOT_SEND:
        return
    if any(f.code == CALL_ASK for f in result.findings):
        yield Advice(
            code=TALK_AFTER_ACCEPTING,
            text="Connect first; ask for the call in a message after they accept.",
        )
