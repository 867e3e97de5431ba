"""The example plugin's settings: every phrase, limit and weight, with where its default comes from.

Users override them in ``[tool.invitecore.plugins.example]``; ``extend-call-phrases`` adds
phrases to the default list instead of replacing it.
"""

from __future__ import annotations

from invitecore import Setting

__all__ = ["SETTINGS"]

SETTINGS: tuple[Setting, ...] = (
    Setting(
        name="call-phrases",
        default=(
            "quick call",
            "short call",
            "hop on a call",
            "jump on a call",
            "schedule a call",
            "set up a call",
            "book a meeting",
            "book a demo",
            "quick chat",
            "coffee chat",
            "15 minutes",
            "15-minute call",
            "a few minutes of your time",
        ),
        description="Phrases that ask the recipient for a call or a meeting (case is ignored).",
        source="docs/sources.md 6 (no ask for a favour in the first message); phrases chosen "
        "from common outreach templates",
    ),
    Setting(
        name="max-words",
        default=50,
        description="Words a note may have before EXA102 calls it long.",
        source="docs/sources.md 6: one to three sentences, roughly 20 to 50 words",
    ),
    Setting(
        name="call-ask-points",
        default=15.0,
        description="Risk points when a stranger's note asks for a call (EXA201).",
        source="chosen: half the default medium band (30), so the ask alone never makes a "
        "stranger's invitation medium risk but tips one that is close",
    ),
)
