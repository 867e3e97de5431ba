"""Test doubles for the plugins this one reads, so end-to-end tests need only the core.

They are deliberately crude (marker words, not real detection): they exist to hand the real
engine the signals and findings whose codes the spam-risk plugin is written against.
"""

from __future__ import annotations

from collections.abc import Iterator

from invitecore import Finding, Invitation, Profile, Rule, Signal, hookimpl

DEFAULT_TEXT = "I'd like to add you to my professional network on LinkedIn."
LISTED_EMAIL = "dana.lumen@example.com"


class FakeSignals:
    """Camp evidence from marker words in the headline: [open], [selective], [email]."""

    @hookimpl
    def invitecore_rules(self) -> list[Rule]:
        return [
            Rule(code="TST101", summary="open marker", severity="info"),
            Rule(code="TST102", summary="selective marker", severity="info"),
            Rule(code="EMH101", summary="email in headline", severity="info"),
        ]

    @hookimpl
    def invitecore_profile_signals(self, profile: Profile) -> Iterator[Signal]:
        headline = profile.headline or ""
        if "[open]" in headline:
            yield Signal(code="TST101", camp="open", weight=0.9, label="open marker")
        if "[selective]" in headline:
            # 0.7: selective, but under the core's do-not-send confidence (0.8)
            yield Signal(code="TST102", camp="selective", weight=0.7, label="selective marker")
        if "[email]" in headline:
            yield Signal(
                code="EMH101", camp="open", weight=0.6, label="email", value=LISTED_EMAIL
            )


class FakePersonalization:
    """Note findings with the personalization plugin's codes, from crude word checks."""

    @hookimpl
    def invitecore_rules(self) -> list[Rule]:
        return [
            Rule(code="PER102", summary="default text"),
            Rule(code="PER122", summary="no how-found"),
            Rule(code="PER132", summary="pitch or link"),
        ]

    @hookimpl
    def invitecore_invitation_checks(self, invitation: Invitation) -> Iterator[Finding]:
        note = invitation.note
        if not invitation.has_note:
            return
        if note.strip().startswith(DEFAULT_TEXT):
            yield Finding(code="PER102", message="default text")
        elif invitation.relationship.is_stranger and "we met" not in note.lower():
            yield Finding(code="PER122", message="no how-found")
        if "https://" in note:
            yield Finding(code="PER132", message="link")


def signals() -> tuple[str, FakeSignals]:
    """The fake signal plugin with its name, as ``evaluate_case`` takes it."""
    return ("fake-signals", FakeSignals())


def personalization() -> tuple[str, FakePersonalization]:
    """The fake personalization plugin with its name."""
    return ("fake-personalization", FakePersonalization())


class FakeProfileReader(FakeSignals):
    """FakeSignals that also reads plain words, so rule cases read as real profiles do: "LION" or
    "open networker" in the headline is open evidence, "no unsolicited invitations" selective,
    and an address in the headline an email signal carrying it."""

    @hookimpl
    def invitecore_profile_signals(self, profile: Profile) -> Iterator[Signal]:
        yield from super().invitecore_profile_signals(profile)
        headline = profile.headline or ""
        lowered = headline.lower()
        if "lion" in lowered.split() or "open networker" in lowered:
            yield Signal(code="TST101", camp="open", weight=0.9, label="open networker")
        if "no unsolicited invitations" in lowered:
            yield Signal(code="TST102", camp="selective", weight=0.9, label="selective")
        address = next((word.strip(".,;()") for word in headline.split() if "@" in word), None)
        if address:
            yield Signal(code="EMH101", camp="open", weight=0.6, label="email", value=address)


class FakeNoteReader(FakePersonalization):
    """FakePersonalization plus the codes the rule cases need, from plain words: PER113 for a
    ``{placeholder}`` left in the note, PER103 for a note that is only "Let's connect", PER123
    for a stranger's note without "because", PER124 for one without "happy to"."""

    @hookimpl
    def invitecore_rules(self) -> list[Rule]:
        more = [
            Rule(code="PER103", summary="stock phrases only"),
            Rule(code="PER113", summary="unfilled placeholder"),
            Rule(code="PER123", summary="no reason"),
            Rule(code="PER124", summary="no benefit"),
        ]
        return super().invitecore_rules() + more

    @hookimpl
    def invitecore_invitation_checks(self, invitation: Invitation) -> Iterator[Finding]:
        yield from super().invitecore_invitation_checks(invitation)
        note = invitation.note
        if not invitation.has_note or note.strip().startswith(DEFAULT_TEXT):
            return
        if "{" in note:
            yield Finding(code="PER113", message="placeholder")
        if note.strip().rstrip("!.").lower() == "let's connect":
            yield Finding(code="PER103", message="stock")
        elif invitation.relationship.is_stranger:
            if "because" not in note.lower():
                yield Finding(code="PER123", message="no reason")
            if "happy to" not in note.lower():
                yield Finding(code="PER124", message="no benefit")


def readers() -> tuple[tuple[str, FakeProfileReader], tuple[str, FakeNoteReader]]:
    """The two readers the rule cases run with, named as ``evaluate_case`` takes them."""
    return ("fake-signals", FakeProfileReader()), ("fake-personalization", FakeNoteReader())
