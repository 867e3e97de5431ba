"""Reading cases: a TOML or JSON case file, JSON Lines of cases, or standard input.

A case is a table with ``profile`` (required), ``invitation``, ``sender`` and ``id``. Every
problem becomes an :class:`~invitecore.errors.InputError` naming the file, the line (and column
where the parser knows it) and the field path, e.g.
``cases.toml:7: profile.connections: expected a whole number, got 'many'``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from invitecore._suggest import did_you_mean
from invitecore.errors import InputError, quote
from invitecore.inputs.jsondoc import JsonDocument, parse_json_rows
from invitecore.inputs.unicode import check_unicode
from invitecore.locate import json_key_line, toml_key_line
from invitecore.models import Invitation, Profile, Relationship, Sender
from invitecore.origins import TextOrigin, literal_origin, position_in
from invitecore.results import Case, Source

if TYPE_CHECKING:
    from invitecore.inputs.templates import NoteSource

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["case_from_mapping", "cases_from_json", "read_case_text"]

CASE_KEYS = ("id", "profile", "invitation", "sender")
PROFILE_FIELDS = tuple(a.name for a in attrs.fields(Profile) if a.name != "extra")
INVITATION_FIELDS = ("note", "relationship", "email")
SENDER_FIELDS = tuple(a.name for a in attrs.fields(Sender))
# Set views for the per-row key checks: a subset test is one C call on the common, valid path.
_CASE_KEYS = frozenset(CASE_KEYS)
_PROFILE_FIELDS = frozenset(PROFILE_FIELDS)
_PROFILE_KEYS = _PROFILE_FIELDS | {"extra"}
_INVITATION_FIELDS = frozenset(INVITATION_FIELDS)
_SENDER_FIELDS = frozenset(SENDER_FIELDS)
_LIST_FIELDS = ("groups", "emails")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


class _Locator:
    """Turns a field path into a line (and column) of the source text."""

    __slots__ = ("base_line", "kind", "text")

    def __init__(self, text: str, kind: str, base_line: int | None) -> None:
        self.text = text
        self.kind = kind
        self.base_line = base_line

    def __call__(self, path: Sequence[str]) -> tuple[int | None, int | None]:
        if self.kind == "jsonl":
            return self.base_line, None
        if self.kind == "json":
            # ``text`` is the case's own JSON, starting on ``base_line`` of the file.
            found = json_key_line(self.text, path)
            if not found:
                return None, None
            line, column = found
            return line + (self.base_line or 1) - 1, column
        *table, key = path
        return toml_key_line(self.text, table, key), None


def _fail(message: str, path: Sequence[str], source: Source, locate: _Locator) -> InputError:
    line, column = locate(path) if path else (source.line, None)
    return InputError(
        message,
        file=source.file,
        line=line or source.line,
        column=column,
        field=".".join(path) or None,
    )


# What a missing or null table reads as; read-only, since every case shares it.
_NO_TABLE: Mapping[str, Any] = MappingProxyType({})


def _table(
    data: Mapping[str, Any], key: str, source: Source, locate: _Locator
) -> Mapping[str, Any]:
    value = data.get(key)
    if value is None:
        return _NO_TABLE
    if type(value) is not dict and not isinstance(value, Mapping):
        raise _fail(f"expected a table, got {type(value).__name__}", [key], source, locate)
    return value


def _build(
    cls: Any, table: Mapping[str, Any], section: str, source: Source, locate: _Locator
) -> Any:
    try:
        return cls(**table)
    except (ValueError, TypeError) as exc:
        # Converters and validators phrase errors as "field: message".
        field, _, message = str(exc).partition(": ")
        if not message or field not in table:
            field, message = "", str(exc)
        raise _fail(message, [section, field] if field else [section], source, locate) from None


def _check_keys(
    table: Mapping[str, Any],
    allowed: frozenset[str],
    section: str,
    source: Source,
    locate: _Locator,
) -> None:
    if allowed.issuperset(table):
        return
    for key in table:
        if key not in allowed:
            path = [section, key] if section else [key]
            raise _fail(f"unknown key{did_you_mean(key, allowed)}", path, source, locate)


def case_from_mapping(
    data: Any,
    *,
    source: Source,
    text: str = "",
    kind: str = "toml",
    default_sender: Sender | None = None,
    note: NoteSource | None = None,
    relationship: Relationship | None = None,
    origin_at: tuple[int, int] = (1, 1),
) -> Case:
    """Validate one parsed case and build a :class:`Case`.

    :param kind: ``toml``, ``json`` or ``jsonl``: how to find line numbers in ``text`` (for
        ``json``, ``text`` is the case's own JSON and ``source.line`` the line it starts on).
    :param default_sender: the sender used when the case has none (the config's ``[sender]``);
        a case's ``sender`` table overrides it key by key.
    :param note: the note for a case whose ``invitation`` has no ``note`` (``--note`` or
        ``--template``, rendered for this profile and sender).
    :param relationship: the relationship for a case whose ``invitation`` names none.
    :param origin_at: the line and column of the file where ``text`` starts (a case in a JSON
        array), for the note's origin (``Invitation.note_origin``).
    :raises InputError: for anything that does not fit, naming the field path.
    """
    locate = _Locator(text, kind, source.line)
    if not isinstance(data, Mapping):
        raise _fail(f"expected a case table, got {type(data).__name__}", [], source, locate)
    _check_keys(data, _CASE_KEYS, "", source, locate)
    if "profile" not in data:
        raise _fail("missing the [profile] table", [], source, locate)
    profile_table = _table(data, "profile", source, locate)
    name = profile_table.get("name")
    if not name and name != 0:
        first = profile_table.get("first_name") or ""
        last = profile_table.get("last_name") or ""
        if not (isinstance(first, str) and isinstance(last, str) and (first or last)):
            raise _fail("missing (every profile needs a name)", ["profile", "name"], source, locate)
        profile_table = {**profile_table, "name": f"{first} {last}".strip()}
    for field in _LIST_FIELDS:
        value = profile_table.get(field)
        if value is not None and not (
            isinstance(value, list) and all(isinstance(item, str) for item in value)
        ):
            raise _fail(
                f"expected a list of text, got {quote(value)}", ["profile", field], source, locate
            )
    # A misspelled key is an error, as in [invitation] and [sender]: read as an extra field it
    # would silently switch its field off. Fields of your own go under [profile.extra].
    _check_keys(profile_table, _PROFILE_KEYS, "profile", source, locate)
    extra = profile_table.get("extra")
    if extra is not None and not isinstance(extra, Mapping):
        raise _fail(
            f"expected a table, got {type(extra).__name__}", ["profile", "extra"], source, locate
        )
    profile = _build(Profile, profile_table, "profile", source, locate)

    sender_table = _table(data, "sender", source, locate)
    _check_keys(sender_table, _SENDER_FIELDS, "sender", source, locate)
    base = default_sender or Sender()
    if sender_table:
        merged = {"name": base.name, "account": base.account, **sender_table}
        sender = _build(Sender, merged, "sender", source, locate)
    else:
        sender = base  # immutable: share it rather than build one per case

    invitation_table = _table(data, "invitation", source, locate)
    _check_keys(invitation_table, _INVITATION_FIELDS, "invitation", source, locate)
    if relationship is not None and "relationship" not in invitation_table:
        invitation_table = {**invitation_table, "relationship": relationship}
    if note is not None and "note" not in invitation_table:
        text_, gaps, origin = note.render_with_origin(profile, sender)
        invitation_table = {
            **invitation_table,
            "note": text_,
            "template_gaps": gaps,
            "note_origin": origin,
        }
    invitation = _build(Invitation, invitation_table, "invitation", source, locate)
    if invitation.note and "note" in data.get("invitation", ()) and kind in ("toml", "json"):
        origin = _note_origin(text, kind, invitation.note, source, origin_at)
        if origin is not None:
            invitation = attrs.evolve(invitation, note_origin=origin)

    case_id = data.get("id")
    if case_id is not None and not isinstance(case_id, (str, int)):
        raise _fail(f"expected text, got {quote(case_id)}", ["id"], source, locate)
    return Case(
        profile=profile,
        invitation=invitation,
        sender=sender,
        id=None if case_id is None else str(case_id),
        source=source,
    )


_TOML_NOTE_KEY = re.compile(r"""(?:^|[.\s])(?:note|"note"|'note')\s*=\s*""", re.MULTILINE)
_JSON_NOTE_VALUE = re.compile(r'\s*:\s*')


def _note_origin(
    text: str, kind: str, note: str, source: Source, origin_at: tuple[int, int]
) -> TextOrigin | None:
    """Where the note's string literal stands in a case file, for line:column pointers.

    ``text`` is the case's own text, which starts at line and column ``origin_at`` of the file.
    """
    if kind == "toml":
        line = toml_key_line(text, ["invitation"], "note")
        if line is None:
            return None
        line_start = sum(len(row) + 1 for row in text.split("\n")[: line - 1])
        line_end = text.find("\n", line_start)
        key = _TOML_NOTE_KEY.search(text, line_start, len(text) if line_end < 0 else line_end)
        start = key.end() if key else -1
    else:
        found = json_key_line(text, ["invitation", "note"])
        if found is None:
            return None
        key_line, key_column = found
        index = sum(len(row) + 1 for row in text.split("\n")[: key_line - 1]) + key_column - 1
        colon = _JSON_NOTE_VALUE.match(text, index + len('"note"'))
        start = colon.end() if colon else -1
    if start < 0:
        return None
    origin = literal_origin(source.file, text, start, note, kind=kind)
    if origin is None or origin_at == (1, 1):
        return origin
    line, column = origin_at
    runs = tuple(
        (a, b, run_line + line - 1, run_column + (column - 1 if run_line == 1 else 0), step)
        for a, b, run_line, run_column, step in origin.runs
    )
    return attrs.evolve(origin, runs=runs)


def _parse_toml(text: str, file: str) -> Any:
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise InputError("invalid TOML: nested too deeply", file=file) from None
    except ValueError as exc:
        if not isinstance(exc, tomllib.TOMLDecodeError):  # int() past 4,300 digits
            reason = str(exc).split(":")[0]
            raise InputError(f"invalid TOML: {reason}", file=file) from None
        message = str(exc)
        position = _TOML_POSITION.search(message)
        line = int(position.group(1)) if position else None
        column = int(position.group(2)) if position else None
        message = _TOML_POSITION.sub("", message).strip()
        raise InputError(f"invalid TOML: {message}", file=file, line=line, column=column) from None


def read_case_text(
    text: str,
    *,
    file: str,
    kind: str,
    default_sender: Sender | None = None,
    note: NoteSource | None = None,
    relationship: Relationship | None = None,
) -> list[Case]:
    """Read a whole TOML or JSON case file: one case, or (JSON) an array of cases.

    :raises InputError: on the first problem; a case file is all or nothing.
    """
    if kind == "toml":
        data = _parse_toml(text, file)
        return [
            case_from_mapping(
                data,
                source=Source(file=file, line=1),
                text=text,
                kind="toml",
                default_sender=default_sender,
                note=note,
                relationship=relationship,
            )
        ]
    return cases_from_json(
        parse_json_rows(text, file=file),
        text,
        file=file,
        default_sender=default_sender,
        note=note,
        relationship=relationship,
    )


def cases_from_json(
    document: JsonDocument,
    text: str,
    *,
    file: str,
    default_sender: Sender | None = None,
    note: NoteSource | None = None,
    relationship: Relationship | None = None,
) -> list[Case]:
    """Every row of a parsed JSON case file as a case (all or nothing).

    :raises InputError: on the first case that does not fit, at the line of the culprit key.
    """
    for row in document.rows:
        if row.error is not None:
            raise row.error
        check_unicode(row.value, text[row.start : row.end], file=file, line=row.line)
    return [
        case_from_mapping(
            row.value,
            source=Source(file=file, line=row.line),
            text=text[row.start : row.end],
            kind="json",
            default_sender=default_sender,
            note=note,
            relationship=relationship,
            origin_at=position_in(text, row.start),
        )
        for row in document.rows
    ]
