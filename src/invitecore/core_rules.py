"""Rules the core itself emits (declared by the built-in plugin, :mod:`invitecore.builtin`)."""

from __future__ import annotations

from invitecore.models import Rule, Severity

__all__ = ["CORE_RULES", "TEMPLATE_FIELD_MISSING"]

TEMPLATE_FIELD_MISSING = "INV101"

CORE_RULES = (
    Rule(
        code=TEMPLATE_FIELD_MISSING,
        summary="A template placeholder has no value for this prospect",
        severity=Severity.ERROR,
        explanation=(
            "The note template names a field (such as {company}) that this prospect's row "
            "leaves empty. Sending it would show an empty gap or the raw placeholder, a classic "
            "sign of automated outreach. Fill the field in the input, or write this note by "
            "hand."
        ),
    ),
)
