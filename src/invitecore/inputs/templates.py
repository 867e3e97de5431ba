"""The note every prospect of a batch gets: fixed text (``--note``) or a template (``--template``).

Template syntax: ``{first_name}`` inserts a profile text field (see :data:`TEMPLATE_FIELDS`),
``{company|your team}`` inserts a fallback when the field is empty, ``{{`` and ``}}`` are literal
braces. The template is parsed and its placeholder names checked once, up front; rendering a row
is a walk over the pre-parsed parts (user text never goes through ``str.format``).

A placeholder whose field is empty for a prospect (and has no fallback) stays in the note as
written (``{company}``) and is recorded as a :class:`~invitecore.models.TemplateGap` with its
exact span in the rendered note, so the gap is reported (INV101, or a plugin's own finding)
instead of rendering silently as an empty string.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import attrs

from invitecore._suggest import did_you_mean
from invitecore.errors import InputError
from invitecore.inputs.columns import TEXT_FIELDS, normalize_header
from invitecore.models import Profile, Sender, TemplateGap
from invitecore.origins import LineColumns, Run, TextOrigin, runs_of

__all__ = ["TEMPLATE_FIELDS", "NoteSource", "Slot", "fixed_note", "load_template", "parse_template"]

TEMPLATE_FIELDS: tuple[str, ...] = (*TEXT_FIELDS, "sender_name")
"""Placeholder names a template may use: the profile's text fields and the sender's name."""

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# "{{first_name}}" is the mustache style of other outreach tools (docs/sources.md section 7); here
# it
# would render as the literal text "{first_name}" in every note, so it is refused up front.
_MUSTACHE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|[^{}]*)?\}\}")


@attrs.frozen
class Slot:
    """One placeholder: the field it inserts and the fallback text used when that is empty."""

    field: str
    fallback: str | None = None


def _first_name(profile: Profile, sender: Sender) -> str | None:
    # A missing first_name falls back to the first word of the name (Profile.given_name): the
    # same rule plugins greet by, so a note and its checks agree on the name.
    return profile.given_name


def _sender_name(profile: Profile, sender: Sender) -> str | None:
    return sender.name


@attrs.frozen
class _ProfileField:
    """Reads one text field of the profile. A class, not a closure, so templates pickle and
    can travel to worker processes with the rows they render."""

    field: str

    def __call__(self, profile: Profile, sender: Sender) -> str | None:
        value: str | None = getattr(profile, self.field)
        return value


def _getter(field: str) -> Callable[[Profile, Sender], str | None]:
    if field == "first_name":
        return _first_name
    if field == "sender_name":
        return _sender_name
    return _ProfileField(field)


@attrs.frozen(kw_only=True)
class NoteSource:
    """Where each prospect's note comes from: fixed text, or a parsed template.

    Build with :func:`fixed_note`, :func:`parse_template` or :func:`load_template`.

    :param text: the note or template as written.
    :param parts: literal strings and :class:`Slot` placeholders, in order.
    :param origin: where it came from (a file name, ``--note``), for messages.
    :param places: for a template read from a file, where each part stands in it: a literal
        part's runs (offsets into the part, see :mod:`invitecore.origins`), or one run with
        step 0 at a placeholder's ``{``; empty otherwise. Rendered notes then carry a
        ``note_origin``.
    """

    text: str
    parts: tuple[str | Slot, ...]
    origin: str = "--note"
    places: tuple[tuple[Run, ...], ...] = ()
    # Derived from ``parts`` when the template is built (attrs fills a ``takes_self`` default
    # after the fields before it), so filling it in per prospect looks nothing up.
    _getters: tuple[Callable[[Profile, Sender], str | None] | None, ...] = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(
            lambda self: tuple(
                _getter(p.field) if isinstance(p, Slot) else None for p in self.parts
            ),
            takes_self=True,
        ),
    )

    @property
    def fields(self) -> tuple[str, ...]:
        """The placeholder names the template uses, in order of first use."""
        return tuple(dict.fromkeys(p.field for p in self.parts if isinstance(p, Slot)))

    @property
    def is_template(self) -> bool:
        """True when the note has at least one placeholder."""
        return any(isinstance(p, Slot) for p in self.parts)

    def render(self, profile: Profile, sender: Sender) -> tuple[str, tuple[TemplateGap, ...]]:
        """The note for one prospect and the placeholders it could not fill.

        An unfilled placeholder stays in the note as ``{field}``; each gap's span is the exact
        position of that text in the returned note.
        """
        note, gaps, _ = self.render_with_origin(profile, sender)
        return note, gaps

    def render_with_origin(
        self, profile: Profile, sender: Sender
    ) -> tuple[str, tuple[TemplateGap, ...], TextOrigin | None]:
        """:meth:`render`, and where the note's text stands in the template file (None for a
        template that is not from a file)."""
        if len(self.parts) == 1 and isinstance(self.parts[0], str):
            return self.parts[0], (), self._origin([self.parts[0]])
        pieces: list[str] = []
        gaps: list[TemplateGap] = []
        position = 0
        for part, getter in zip(self.parts, self._getters, strict=True):
            if getter is None:
                piece = part
            else:
                slot: Slot = part  # type: ignore[assignment]
                value = getter(profile, sender)
                piece = value.strip() if value else ""
                if not piece:
                    if slot.fallback is not None:
                        piece = slot.fallback
                    else:
                        piece = "{" + slot.field + "}"
                        gaps.append(
                            TemplateGap(field=slot.field, span=(position, position + len(piece)))
                        )
            pieces.append(piece)  # type: ignore[arg-type]
            position += len(piece)  # type: ignore[arg-type]
        return "".join(pieces), tuple(gaps), self._origin(pieces)

    def _origin(self, pieces: list[str]) -> TextOrigin | None:
        """The origin of a note made of ``pieces`` (one per part, filled in)."""
        if not self.places:
            return None
        runs: list[Run] = []
        position = 0
        for piece, place in zip(pieces, self.places, strict=True):
            for start, end, line, column, step in place:
                if step == 0:  # a placeholder: the whole filled-in text stands for its "{"
                    end = len(piece)
                runs.append((start + position, end + position, line, column, step))
            position += len(piece)
        return TextOrigin(file=self.origin, runs=tuple(runs))


def fixed_note(text: str) -> NoteSource:
    """The same note for every prospect (``--note TEXT``); braces in it are plain text."""
    return NoteSource(text=text, parts=(text,), origin="--note")


def _meant_field(name: str) -> str | None:
    """The template field a mustache-style name spells (``firstName`` -> ``first_name``)."""
    wanted = normalize_header(name)
    return next((f for f in TEMPLATE_FIELDS if normalize_header(f) == wanted), None)


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def parse_template(text: str, *, file: str = "--template", located: bool = False) -> NoteSource:
    """Parse a note template and check its placeholder names.

    ``located``: ``text`` is the whole of the file ``file``, so rendered notes can say where
    each of their characters stands in it (``Invitation.note_origin``).

    :raises InputError: for an unknown placeholder (listing the valid names), an unclosed ``{``,
        a lone ``}``, an empty ``{}`` or a mustache-style ``{{name}}``.
    """

    def fail(message: str, index: int) -> InputError:
        line, column = _position(text, index)
        return InputError(message, file=file, line=line, column=column)

    parts: list[str | Slot] = []
    literal: list[str] = []
    # Where each part stands in the text: the index of every literal character, or the index
    # of a placeholder's "{".
    sources: list[list[int] | int] = []
    literal_at: list[int] = []
    index, length = 0, len(text)
    while index < length:
        brace = min(
            (i for i in (text.find("{", index), text.find("}", index)) if i != -1),
            default=length,
        )
        literal.append(text[index:brace])
        literal_at.extend(range(index, brace))
        if brace == length:
            break
        char = text[brace]
        if text.startswith(char * 2, brace):
            mustache = _MUSTACHE.match(text, brace) if char == "{" else None
            meant = _meant_field(mustache.group(1)) if mustache else None
            if mustache and meant:
                raise fail(
                    f"{mustache.group(0)} is an escaped brace pair, not a placeholder: "
                    f"write {{{meant}}}",
                    brace,
                )
            literal.append(char)
            literal_at.append(brace)
            index = brace + 2
            continue
        if char == "}":
            raise fail("single '}' (write '}}' for a literal brace)", brace)
        close = text.find("}", brace + 1)
        opening = text.find("{", brace + 1)
        if close == -1 or (opening != -1 and opening < close):
            raise fail("unclosed '{' (write '{{' for a literal brace)", brace)
        name, bar, fallback = text[brace + 1 : close].partition("|")
        name = name.strip()
        if not name:
            raise fail("empty placeholder {} (name a field, e.g. {first_name})", brace)
        if name not in TEMPLATE_FIELDS:
            hint = did_you_mean(name, TEMPLATE_FIELDS) if _IDENTIFIER.fullmatch(name) else ""
            raise fail(
                f"unknown placeholder {{{name}}}{hint}; valid names: "
                + ", ".join(sorted(TEMPLATE_FIELDS)),
                brace,
            )
        if "".join(literal):
            parts.append("".join(literal))
            sources.append(literal_at)
        literal, literal_at = [], []
        parts.append(Slot(name, fallback if bar else None))
        sources.append(brace)
        index = close + 1
    if "".join(literal):
        parts.append("".join(literal))
        sources.append(literal_at)
    places: tuple[tuple[Run, ...], ...] = ()
    if located and parts:
        where = LineColumns(text)
        places = tuple(
            ((0, 0, *where(source), 0),)
            if isinstance(source, int)
            else runs_of([where(i) for i in source])
            for source in sources
        )
    return NoteSource(text=text, parts=tuple(parts) or ("",), origin=file, places=places)


def load_template(source: str | os.PathLike[str], *, file: bool = True) -> NoteSource:
    """A template from a file (``file=True``, ``--template FILE``) or from text (``file=False``).

    A template file is read as UTF-8 (a BOM is dropped, CRLF becomes LF; see
    :func:`~invitecore.inputs.sources.read_text`) and its trailing line breaks are removed: an
    editor's final newline is not part of the note.

    :raises InputError: when the file cannot be read or the template does not parse.
    """
    if not file:
        return parse_template(str(source))
    from invitecore.inputs.sources import read_text

    path = Path(source)
    if not path.exists():
        raise InputError("no such template file", file=str(path))
    text = read_text(path).rstrip("\n")
    return parse_template(text, file=str(path), located=True)
