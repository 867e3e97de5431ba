"""What the engine takes and produces: a case, where it came from, and its result."""

from __future__ import annotations

import attrs

from invitecore.models import (
    Advice,
    Classification,
    Finding,
    Invitation,
    PluginError,
    Profile,
    Risk,
    Sender,
    Verdict,
    VerdictReason,
)

__all__ = ["Case", "CaseResult", "Source", "source_text"]


@attrs.frozen(kw_only=True)
class Source:
    """Where a case came from: a file name (``-`` for stdin) and the 1-based line, if known."""

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return source_text(self.file, self.line)


def source_text(file: str, line: int | None) -> str:
    """How a :class:`Source` prints (``list.csv:12``), from its two fields."""
    return f"{file}:{line}" if line is not None else file


@attrs.frozen(kw_only=True)
class Case:
    """One invitation to judge: the recipient's profile, the draft, and who sends it."""

    profile: Profile
    invitation: Invitation = attrs.field(factory=Invitation)
    sender: Sender = attrs.field(factory=Sender)
    id: str | None = None
    source: Source | None = None


@attrs.frozen(kw_only=True)
class CaseResult:
    """Everything the engine concluded about one case.

    ``reason`` says which rule of the verdict's decision list matched, with the facts it used.
    A first-degree connection (``Profile.connection_degree`` 1) has the verdict
    ``already_connected``, its camp, and no findings or risk: there is no invitation to judge.
    A row that could not be read at all has ``input_error`` set, no classification or risk, and
    ``verdict`` None: batch runs emit it in place so every input row has exactly one output row.
    """

    id: str | None
    source: Source | None
    profile: Profile | None
    classification: Classification | None
    invitation: Invitation | None = None
    sender: Sender | None = None
    findings: tuple[Finding, ...] = ()
    risk: Risk | None = None
    verdict: Verdict | None = None
    reason: VerdictReason | None = None
    advice: tuple[Advice, ...] = ()
    errors: tuple[PluginError, ...] = ()
    input_error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the case was read and evaluated (plugin errors aside)."""
        return self.input_error is None

    def location(self, finding: Finding) -> tuple[str, int, int] | None:
        """``(file, line, column)`` of the start of ``finding``'s span in the file the note was
        read from (a case file or a template), as linters show it; None when the finding does
        not point into the note or the note has no such file (``Invitation.note_origin``)."""
        invitation = self.invitation
        if invitation is None or invitation.note_origin is None:
            return None
        if finding.field != "note" or finding.span is None:
            return None
        place = invitation.note_origin.position(finding.span[0])
        if place is None:
            return None
        return invitation.note_origin.file, place[0], place[1]
