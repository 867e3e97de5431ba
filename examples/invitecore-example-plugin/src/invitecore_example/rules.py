"""The rules of the example plugin: the ``EXA`` family (1xx note checks, 2xx risk, 3xx advice)."""

from __future__ import annotations

from invitecore import Rule, Severity

__all__ = ["CALL_ASK", "CALL_ASK_RISK", "LONG_NOTE", "RULES", "TALK_AFTER_ACCEPTING"]

CALL_ASK = "EXA101"
LONG_NOTE = "EXA102"
CALL_ASK_RISK = "EXA201"
TALK_AFTER_ACCEPTING = "EXA301"

RULES: tuple[Rule, ...] = (
    Rule(
        code=CALL_ASK,
        summary="the note asks for a call or a meeting",
        severity=Severity.WARNING,
        explanation=(
            "Asking for someone's time before they have accepted is asking a favour in the first "
            "message (docs/sources.md 6). Give a reason to connect instead, and suggest the "
            "call in a message once they have accepted."
        ),
    ),
    Rule(
        code=LONG_NOTE,
        summary="the note is longer than a short note should be",
        severity=Severity.INFO,
        explanation=(
            "A good note is one to three sentences, roughly 20 to 50 words (docs/sources.md 6). "
            "The finding's span starts at the first word past the limit."
        ),
    ),
    Rule(
        code=CALL_ASK_RISK,
        summary="a stranger asks for a call in the first note",
        explanation=(
            "From someone they do not know, an ask for a call reads as a sales approach: the kind "
            "of invitation people answer with 'I don't know this person'."
        ),
    ),
    Rule(
        code=TALK_AFTER_ACCEPTING,
        summary="ask for the call after they accept",
        explanation="Advice shown when the note asks for a call.",
    ),
)
