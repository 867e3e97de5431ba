"""Value objects that cross the plugin hooks.

Everything here is an ``attrs`` frozen, keyword-only, slotted class: plugins build them with
keywords, so adding a field with a default later breaks no plugin. Collections are tuples.
Enum-valued fields accept their string values (``camp="open"``) and convert them; a bad value
raises :class:`ValueError` naming the field and the values it accepts. The enums themselves
live in :mod:`invitecore.enums` and are re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from invitecore._suggest import did_you_mean
from invitecore.coercion import (
    Span,
    _check_code,
    _check_span,
    _check_weight,
    _expect,
    _expect_number,
    _freeze_mapping,
    _member_of,
    _optional_text,
    _span,
    _str_tuple,
    _text,
    _to_account,
    _to_bool,
    _to_camp,
    _to_float,
    _to_int,
    _to_networking_camp,
    _to_relationship,
    _to_risk_level,
    _to_severity,
    _to_str,
    _to_tuple,
    _whole,
)
from invitecore.enums import (
    Account,
    Camp,
    NetworkingCamp,
    Relationship,
    RiskLevel,
    Severity,
    Verdict,
)
from invitecore.errors import quote
from invitecore.origins import TextOrigin

__all__ = [
    "Account",
    "Advice",
    "Camp",
    "Classification",
    "Finding",
    "Invitation",
    "NetworkingCamp",
    "PluginError",
    "Profile",
    "Relationship",
    "Risk",
    "RiskFactor",
    "RiskLevel",
    "Rule",
    "Sender",
    "Severity",
    "Signal",
    "Span",
    "TemplateGap",
    "Verdict",
    "VerdictReason",
]


@attrs.frozen(kw_only=True)
class Rule:
    """A rule a plugin can emit: the code, a one-line summary and a longer explanation.

    Every :class:`Signal`, :class:`Finding` and :class:`RiskFactor` a plugin returns must carry a
    code the same plugin declared through ``invitecore_rules``.
    """

    code: str = attrs.field(validator=_check_code)
    summary: str = attrs.field(validator=_text)
    severity: Severity = attrs.field(
        default=Severity.WARNING, converter=_to_severity, validator=_member_of(Severity)
    )
    explanation: str = attrs.field(default="", validator=_text)


@attrs.frozen(kw_only=True)
class Signal:
    """One piece of evidence about which camp a person is in.

    :param camp: ``"open"`` or ``"selective"``.
    :param weight: how strong the evidence is, in (0, 1]; 1 is conclusive on its own.
    :param label: a human-readable description ("LION token in headline").
    :param field: the profile field the evidence is in (``headline``, ``about``, ``groups[2]`` ...).
    :param span: ``(start, end)`` character offsets of the evidence inside that field.
    :param value: a machine-readable value extracted from the evidence (the email-headline plugin
        puts the normalised address here), for other plugins and formatters.
    :param plugin: filled in by the core with the name of the plugin that emitted the signal.
    """

    code: str = attrs.field(validator=_check_code)
    camp: Camp = attrs.field(converter=_to_camp, validator=_member_of(Camp))
    weight: float = attrs.field(converter=_to_float, validator=_check_weight)
    label: str = attrs.field(validator=_text)
    field: str | None = attrs.field(default=None, validator=_optional_text)
    span: Span | None = attrs.field(default=None, converter=_span, validator=_check_span)
    value: str | None = attrs.field(default=None, validator=_optional_text)
    plugin: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class Finding:
    """Something wrong (or worth knowing) about the invitation, with a concrete fix.

    ``severity`` defaults to the severity of the rule that ``code`` names.
    """

    code: str = attrs.field(validator=_check_code)
    message: str = attrs.field(validator=_text)
    severity: Severity | None = attrs.field(
        default=None,
        converter=_to_severity,
        validator=_member_of(Severity, optional=True),
    )
    suggestion: str | None = attrs.field(default=None, validator=_optional_text)
    field: str | None = attrs.field(default=None, validator=_optional_text)
    span: Span | None = attrs.field(default=None, converter=_span, validator=_check_span)
    plugin: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class RiskFactor:
    """One line of the risk scorecard: points added (or, when negative, taken away) and why."""

    code: str = attrs.field(validator=_check_code)
    points: float = attrs.field(converter=_to_float, validator=_expect_number)
    reason: str = attrs.field(validator=_text)
    plugin: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class Advice:
    """A next step for the sender ("comment on one of their posts first"), from a plugin."""

    code: str = attrs.field(validator=_check_code)
    text: str = attrs.field(validator=_text)
    plugin: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class VerdictReason:
    """Why the core decided a verdict: the rule of its decision list that matched (docs/engine.md,
    "Verdict"), and the facts it used, in a sentence."""

    rule: str = attrs.field(validator=_text)
    text: str = attrs.field(validator=_text)


@attrs.frozen(kw_only=True)
class PluginError:
    """A plugin that failed while evaluating a case: which plugin, in which hook, and why."""

    plugin: str = attrs.field(validator=_text)
    hook: str = attrs.field(validator=_text)
    message: str = attrs.field(validator=_text)


def _check_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise ValueError(f"name: expected text, got {quote(value)}")


@attrs.frozen(kw_only=True)
class Profile:
    """What the sender knows about the recipient's LinkedIn profile.

    Only ``name`` is required. ``member_since`` is the year the person joined LinkedIn.
    ``connection_degree`` is how far they are from the sender in LinkedIn's network: 1 means
    already connected (then there is nothing to invite), 2 and 3 as LinkedIn shows them.
    ``emails`` holds addresses the sender's own data already has for the person (a
    ``Connections.csv`` export, an enrichment API); addresses written in the headline are found by
    plugins. ``extra`` keeps input fields the schema does not know, so plugins can still read them.
    """

    name: str = attrs.field(validator=_check_name)
    first_name: str | None = attrs.field(default=None, converter=_to_str, validator=_optional_text)
    last_name: str | None = attrs.field(default=None, converter=_to_str, validator=_optional_text)
    headline: str | None = attrs.field(default=None, converter=_to_str, validator=_optional_text)
    about: str | None = attrs.field(default=None, converter=_to_str, validator=_optional_text)
    groups: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    connections: int | None = attrs.field(default=None, converter=_to_int, validator=_whole)
    shared_connections: int | None = attrs.field(
        default=None, converter=_to_int, validator=_whole
    )
    member_since: int | None = attrs.field(default=None, converter=_to_int, validator=_whole)
    company: str | None = attrs.field(default=None, converter=_to_str, validator=_optional_text)
    title: str | None = attrs.field(default=None, converter=_to_str, validator=_optional_text)
    location: str | None = attrs.field(default=None, converter=_to_str, validator=_optional_text)
    url: str | None = attrs.field(default=None, converter=_to_str, validator=_optional_text)
    open_link: bool | None = attrs.field(
        default=None, converter=_to_bool, validator=_expect((bool,), "true or false")
    )
    premium: bool | None = attrs.field(
        default=None, converter=_to_bool, validator=_expect((bool,), "true or false")
    )
    emails: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    connection_degree: int | None = attrs.field(
        default=None, converter=_to_int, validator=_whole
    )
    extra: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze_mapping)

    @property
    def given_name(self) -> str:
        """The first name to greet the person by: ``first_name``, else the name's first word."""
        if self.first_name:
            return self.first_name.strip()
        words = self.name.split()
        return words[0] if words else ""

    def text_fields(self) -> Iterable[tuple[str, str]]:
        """``(field, text)`` pairs for every non-empty free-text field, groups as ``groups[i]``."""
        for field in ("name", "headline", "about"):
            text = getattr(self, field)
            if text:
                yield field, text
        for index, group in enumerate(self.groups):
            if group:
                yield f"groups[{index}]", group

    def field_text(self, field: str) -> str | None:
        """The text of ``field`` as :meth:`text_fields` names it, or None."""
        if field.startswith("groups[") and field.endswith("]"):
            try:
                return self.groups[int(field[7:-1])]
            except (ValueError, IndexError):
                return None
        value = getattr(self, field, None)
        return value if isinstance(value, str) else None


@attrs.frozen(kw_only=True)
class TemplateGap:
    """A template placeholder that had no value for this prospect.

    The note keeps the placeholder text (``{company}``) at ``span`` instead of an empty string,
    so the gap cannot pass unnoticed; the core reports it as ``INV101`` unless a plugin's finding
    already points at that span.
    """

    field: str = attrs.field(validator=_text)
    span: Span = attrs.field(converter=_span, validator=_check_span)


def _to_note(value: object) -> Any:
    return "" if value is None else value


@attrs.frozen(kw_only=True)
class Invitation:
    """The draft invitation: the note (empty means no note), the relationship picked, an email.

    ``note_origin`` says where the note's text stands in the file it was read from (a case file
    or a template), so a span can be shown as a line and column; None when it has no such file.
    """

    note: str = attrs.field(default="", converter=_to_note)
    relationship: Relationship = attrs.field(
        default=Relationship.NONE, converter=_to_relationship, validator=_member_of(Relationship)
    )
    email: str | None = attrs.field(default=None, converter=_to_str, validator=_optional_text)
    template_gaps: tuple[TemplateGap, ...] = attrs.field(default=(), converter=_to_tuple)
    note_origin: TextOrigin | None = None

    @note.validator
    def _check_note(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            raise ValueError(f"note: expected text, got {type(value).__name__}")

    @property
    def has_note(self) -> bool:
        """True when the note has any non-blank text."""
        return bool(self.note.strip())


@attrs.frozen(kw_only=True)
class Sender:
    """Who sends the invitation; ``account`` sets the note length limit."""

    name: str | None = attrs.field(default=None, converter=_to_str, validator=_optional_text)
    account: Account = attrs.field(
        default=Account.FREE, converter=_to_account, validator=_member_of(Account)
    )


@attrs.frozen(kw_only=True)
class Classification:
    """The core's conclusion about a person's camp, with the signals it used."""

    camp: NetworkingCamp = attrs.field(
        converter=_to_networking_camp, validator=_member_of(NetworkingCamp)
    )
    confidence: float
    signals: tuple[Signal, ...] = attrs.field(default=(), converter=_to_tuple)
    open_strength: float = 0.0
    selective_strength: float = 0.0

    @property
    def is_open(self) -> bool:
        """True when the camp is ``open_networker``."""
        return self.camp is NetworkingCamp.OPEN_NETWORKER


@attrs.frozen(kw_only=True)
class Risk:
    """The summed risk scorecard: score clamped to 0-100, its level, and every factor."""

    score: float
    level: RiskLevel = attrs.field(converter=_to_risk_level, validator=_member_of(RiskLevel))
    factors: tuple[RiskFactor, ...] = attrs.field(default=(), converter=_to_tuple)


def _named_field_errors(cls: type[Any]) -> None:
    """Make ``cls(misspelled=...)`` say which field was meant, as a case file does.

    attrs' own ``__init__`` raises ``TypeError: ... unexpected keyword argument 'abot'``; this
    wraps it so the message names the class and suggests the closest field. The wrapper only
    acts when that error is raised, so building an object costs one more call, nothing else.
    """
    init = cls.__init__
    fields = tuple(field.alias for field in attrs.fields(cls))

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except TypeError:
            unknown = [key for key in kwargs if key not in fields]
            if not unknown:
                raise
            raise TypeError(_unknown_field(cls, unknown[0])) from None

    __init__.__doc__ = init.__doc__
    __init__.__wrapped__ = init  # type: ignore[attr-defined]  # inspect.signature shows attrs'
    cls.__init__ = __init__


def _unknown_field(cls: type[Any], word: str) -> str:
    fields = tuple(field.alias for field in attrs.fields(cls))
    listed = ", ".join(fields)
    return f"{cls.__name__}: unknown field {word!r}{did_you_mean(word, fields)} (fields: {listed})"


# The classes people build: plugins (rules, signals, findings, factors, advice, errors) and
# users and tools (profiles, invitations, senders). The core builds the others itself, once per
# case. The extra call costs nothing measurable (first pass over 50,000 rows, side by side).
for _cls in (Rule, Signal, Finding, RiskFactor, Advice, PluginError, Profile, Invitation, Sender):
    _named_field_errors(_cls)
