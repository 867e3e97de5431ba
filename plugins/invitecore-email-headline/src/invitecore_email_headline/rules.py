"""The rule codes this plugin emits: ``EMH1xx`` profile signals, ``EMH2xx`` invitation findings."""

from __future__ import annotations

from invitecore import Rule, Severity

__all__ = [
    "EMAIL_IN_ABOUT",
    "EMAIL_IN_HEADLINE",
    "EMAIL_IN_NAME",
    "EMAIL_MALFORMED",
    "EMAIL_MISMATCH",
    "EMAIL_MISSING",
    "RULES",
    "SIGNAL_CODE_BY_FIELD",
]

EMAIL_IN_HEADLINE = "EMH101"
EMAIL_IN_NAME = "EMH102"
EMAIL_IN_ABOUT = "EMH103"
EMAIL_MISSING = "EMH201"
EMAIL_MISMATCH = "EMH202"
EMAIL_MALFORMED = "EMH203"

SIGNAL_CODE_BY_FIELD = {
    "headline": EMAIL_IN_HEADLINE,
    "name": EMAIL_IN_NAME,
    "about": EMAIL_IN_ABOUT,
}
"""The profile fields this plugin reads, each with the code of the signal it gives."""

_SIGNAL_NOTE = (
    " Addresses are found in any script (`葉士豪@臺網中心.台灣`, `юзер@екзампл.ком`). Obfuscated "
    "forms (`jane [at] example [dot] com`, `jane(at)example.com`, `jane at example dot com`, "
    "`jane @ example . com`) count the same as a plain address; the label says 'obfuscated'. "
    "The normalised address (obfuscation removed, email-validator's normalised form: Unicode "
    "NFC, the domain in IDNA's Unicode form, lower case) is in the signal's `value`, the "
    "address as written is the field text at the signal's `span`."
)

RULES = (
    Rule(
        code=EMAIL_IN_HEADLINE,
        summary="email address in the headline",
        severity=Severity.INFO,
        explanation=(
            "Open networkers often put their email address in the headline, so that strangers "
            "can give it when the invitation form asks how they know the person "
            "(docs/sources.md section 2; LinkedIn's own rule of thumb counted an '@' and '.com' "
            "in the "
            "headline). Not everyone who shows an address is an open networker, so this "
            "weighs less than an explicit LION token." + _SIGNAL_NOTE
        ),
    ),
    Rule(
        code=EMAIL_IN_NAME,
        summary="email address in the name field",
        severity=Severity.INFO,
        explanation=(
            "An address written into the name field is as public as one in the headline and "
            "means the same thing (docs/sources.md section 2)." + _SIGNAL_NOTE
        ),
    ),
    Rule(
        code=EMAIL_IN_ABOUT,
        summary="email address in the about text (weaker)",
        severity=Severity.INFO,
        explanation=(
            "An address in the about text is a weaker sign: many people list a contact address "
            "there without being open to every invitation. An address in a sentence that asks "
            "not to be contacted ('please do not contact me at ...') is no open evidence at all "
            "and gives no signal." + _SIGNAL_NOTE
        ),
    ),
    Rule(
        code=EMAIL_MISSING,
        summary="the chosen relationship needs the person's email, and the invitation has none",
        severity=Severity.WARNING,
        explanation=(
            "LinkedIn's form asked for the recipient's email address when the sender picked "
            "'Friend' or 'Other', and some profiles still ask for it (docs/sources.md section 5). "
            "When the profile lists an address, the suggestion gives it. A warning, not an "
            "error: today most profiles no longer ask, so the invitation may still go through."
        ),
    ),
    Rule(
        code=EMAIL_MISMATCH,
        summary="the invitation's email differs from the one the profile lists",
        severity=Severity.WARNING,
        explanation=(
            "The person published an address (in the profile or in your own contact data) and "
            "the invitation carries another one. LinkedIn checks the address against the "
            "person's account, so a different one is likely to fail or to look like a guess. "
            "Addresses are compared in their normalised form: case, Unicode composition and "
            "the IDNA spelling of the domain do not make two addresses differ "
            "(`jeff@xn--fiqq24b10vi0d.tw` is `jeff@臺網中心.tw`)."
        ),
    ),
    Rule(
        code=EMAIL_MALFORMED,
        summary="the invitation's email is not a valid address",
        severity=Severity.ERROR,
        explanation=(
            "The address fails the syntax check of the email-validator library (no DNS "
            "look-up; internationalised addresses such as `ñoñó@example.tld` or "
            "`葉士豪@臺網中心.台灣` are valid; quoted local parts, IP addresses in brackets and "
            "display names are not), or its top-level domain is not made of letters. The form "
            "will refuse it, or the invitation cannot reach the person: an error."
        ),
    ),
)
"""Every rule this plugin declares, in code order."""
