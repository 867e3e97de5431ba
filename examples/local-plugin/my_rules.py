"""A whole invitecore plugin in one file: run it with `invitecore run -p my_rules.py ...`."""

from collections.abc import Iterator

from invitecore import Finding, Invitation, Rule, hookimpl


@hookimpl
def invitecore_rules() -> list[Rule]:
    return [Rule(code="MY101", summary="the note presses for a quick answer", severity="warning")]


@hookimpl
def invitecore_invitation_checks(invitation: Invitation) -> Iterator[Finding]:
    start = invitation.note.find("ASAP")
    if start >= 0:
        yield Finding(
            code="MY101",
            message="'ASAP' reads as pressure from someone they do not know yet",
            suggestion="Drop the deadline; say why you want to connect.",
            field="note",
            span=(start, start + len("ASAP")),
        )
