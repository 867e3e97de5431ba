"""One flat record (a CSV row, a bare-profile or Proxycurl JSON object) -> one :class:`Case`.

Readers turn their row into ``values`` (target -> value, see :mod:`invitecore.inputs.columns`)
and ``extra`` (columns the schema does not know); :class:`RowBuilder` applies the run's defaults
(``--relationship``, the sender with its ``--account``, the note source) and builds the case. A
row's own ``relationship``, ``account``, ``note`` and ``email`` values override the defaults.
Every problem raises :class:`~invitecore.errors.InputError` naming the row's file, line and the
column as the input spells it; readers turn that into an error item in place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from invitecore.errors import InputError, quote
from invitecore.inputs.columns import is_count, parse_date, parse_degree
from invitecore.inputs.templates import NoteSource
from invitecore.models import Invitation, Profile, Relationship, Sender
from invitecore.results import Case, Source

__all__ = ["RowBuilder"]

Label = Callable[[str], str]
"""Turns a target name into the column (or key) name the input uses, for error messages."""


def _same(target: str) -> str:
    return target


def _split_error(exc: Exception) -> tuple[str | None, str]:
    # Model converters and validators phrase errors as "field: message".
    field, sep, message = str(exc).partition(": ")
    return (field, message) if sep and field.isidentifier() else (None, str(exc))


class RowBuilder:
    """Builds cases from flat records with the run's defaults; one per reader, reused per row."""

    def __init__(
        self,
        *,
        default_sender: Sender | None = None,
        relationship: Relationship | None = None,
        note: NoteSource | None = None,
    ) -> None:
        self.sender = default_sender or Sender()
        self.relationship = relationship
        self.note = note
        self._senders: dict[str, Sender] = {}
        # Most batch rows carry no per-row invitation values: share one Invitation between them
        # (it is immutable) instead of building one per row.
        self._shared: Invitation | None = None
        if note is None or not note.is_template:
            self._shared = Invitation(
                note=note.text if note is not None else "",
                relationship=relationship or Relationship.NONE,
            )

    def sender_for(self, account: object) -> Sender:
        """The default sender with ``account`` (``free``/``premium``) from a row, cached."""
        key = str(account).strip().lower()
        sender = self._senders.get(key)
        if sender is None:
            sender = Sender(name=self.sender.name, account=key)
            self._senders[key] = sender
        return sender

    def invitation(
        self,
        profile: Profile,
        sender: Sender,
        *,
        note: Any = None,
        relationship: Any = None,
        email: Any = None,
    ) -> Invitation:
        """The invitation for one prospect: the row's values over the run's defaults.

        :raises ValueError: with a ``field: message`` text for a bad relationship or email.
        """
        if note is None and relationship is None and email is None and self._shared is not None:
            return self._shared
        gaps: tuple[Any, ...] = ()
        origin = None
        if note is None and self.note is not None:
            note, gaps, origin = self.note.render_with_origin(profile, sender)
        return Invitation(
            note=note,
            relationship=relationship or self.relationship or Relationship.NONE,
            email=email,
            template_gaps=gaps,
            note_origin=origin,
        )

    def case(
        self,
        values: dict[str, Any],
        extra: dict[str, Any],
        *,
        source: Source,
        label: Label = _same,
    ) -> Case:
        """Build the case for one row. ``values`` is consumed (popped from).

        :raises InputError: for a missing name or a value a field does not accept.
        """

        def fail(message: str, target: str | None) -> InputError:
            name = values.get("name")
            return InputError(
                message,
                file=source.file,
                line=source.line,
                field=label(target) if target else None,
                # Who the row is about, when the name itself is not what failed.
                name=name if isinstance(name, str) and target != "name" else None,
            )

        case_id = values.pop("id", None)
        note = values.pop("note", None)
        relationship = values.pop("relationship", None)
        account = values.pop("account", None)
        email = values.pop("email", None)
        if "connected_on" in values:
            extra["connected_on"] = parse_date(str(values.pop("connected_on")))
        if "connection_degree" in values:
            raw = values.pop("connection_degree")
            degree = parse_degree(raw)
            if degree is not None:
                values["connection_degree"] = degree
            else:  # "Out of network" names no degree: keep the text under its own column name.
                extra[label("connection_degree")] = raw
        if "follower_count" in values:
            raw = values.pop("follower_count")
            extra["follower_count"] = int(raw) if isinstance(raw, str) and is_count(raw) else raw
        if not values.get("name"):
            first = values.get("first_name") or ""
            last = values.get("last_name") or ""
            if not (isinstance(first, str) and isinstance(last, str) and (first or last)):
                # Point at the input's own name column: "First Name" in a Connections.csv.
                column = label("name")
                if column == "name" and label("first_name") != "first_name":
                    column = label("first_name")
                raise InputError(
                    "missing (every row needs a name, or a first and last name)",
                    file=source.file,
                    line=source.line,
                    field=column,
                )
            values["name"] = f"{first.strip()} {last.strip()}".strip()
        if case_id is not None and not isinstance(case_id, (str, int)):
            raise fail(f"expected text, got {quote(case_id)}", "id")
        try:
            profile = Profile(**values, extra=extra)
        except (ValueError, TypeError) as exc:
            field, message = _split_error(exc)
            raise fail(message, field) from None
        try:
            sender = self.sender if account is None else self.sender_for(account)
        except ValueError as exc:
            raise fail(_split_error(exc)[1], "account") from None
        try:
            invitation = self.invitation(
                profile, sender, note=note, relationship=relationship, email=email
            )
        except (ValueError, TypeError) as exc:
            field, message = _split_error(exc)
            raise fail(message, field) from None
        return Case(
            profile=profile,
            invitation=invitation,
            sender=sender,
            id=None if case_id is None else str(case_id),
            source=source,
        )
