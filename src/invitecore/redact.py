"""``invitecore run --redact``: reports and logs to share, without the people in them.

Every email address, every LinkedIn profile URL, and each prospect's name (the full name and
its parts: ``name``, ``first_name``, ``last_name``, the first word of the name) is replaced by
a placeholder, wherever it appears: in the profile, the note, plugins' messages and evidence,
the summary, error rows and the error lines on stderr. Placeholders are stable: the same value
gets the same placeholder everywhere in the run (``Person 3``, ``email-2@redacted.invalid``,
``https://www.linkedin.com/in/redacted-5``), numbered in input order, so a redacted report still
shows which rows are about the same person, and the same input gives the same report.

Spans keep pointing at the same words: a finding on ``Ada`` in ``Hi Ada, ...`` points at
``Person 1`` in ``Hi Person 1, ...``; a finding's line and column in its case file are kept.

Names are found in a row's own text (a note names the prospect it is for); a name written in
another row's text, or in free text outside any row (a file name, a plugin's load error), is
found only when it is an email address or a profile URL.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from invitecore.models import Finding, Profile, Signal
from invitecore.origins import Run, TextOrigin
from invitecore.results import CaseResult

__all__ = ["EMAIL", "PROFILE_URL", "Redactor"]

EMAIL = r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+"
"""An email address, as the redactor finds it in text."""
PROFILE_URL = (
    r"(?:https?://)?(?:[\w-]+\.)?linkedin\.com/(?:in|pub|profile|sales/lead|sales/people)"
    r"/[^\s\"'<>()\[\],;]+"
)
"""A LinkedIn profile URL, as the redactor finds it in text."""
_FIXED = re.compile(f"(?P<email>{EMAIL})|(?P<url>{PROFILE_URL})", re.IGNORECASE)

T = TypeVar("T")
Edit = tuple[int, int, int, int]  # (start, end) in the text, (start, end) of its replacement


@functools.lru_cache(maxsize=256)
def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(
        f"(?P<email>{EMAIL})|(?P<url>{PROFILE_URL})|(?P<name>(?<!\\w)(?:{alternatives})(?!\\w))",
        re.IGNORECASE,
    )


class _Text:
    """One text, redacted, with the edits that map its old offsets to the new ones."""

    __slots__ = ("edits", "new", "old")

    def __init__(self, old: str, new: str, edits: list[Edit]) -> None:
        self.old = old
        self.new = new
        self.edits = edits

    def offset(self, position: int, *, end: bool) -> int:
        """Where ``position`` of the old text is in the new one: a position inside a replaced
        word goes to the start of its placeholder (to its end, for the end of a span)."""
        shift = 0
        for start, stop, new_start, new_stop in self.edits:
            if position <= start:
                break
            if position < stop:
                return new_stop if end else new_start
            shift = new_stop - stop
        return position + shift

    def span(self, span: tuple[int, int] | None) -> tuple[int, int] | None:
        if span is None or not self.edits:
            return span
        return self.offset(span[0], end=False), self.offset(span[1], end=True)

    def origin(self, origin: TextOrigin | None) -> TextOrigin | None:
        """``origin`` for the new text: each placeholder stands where its word stood."""
        if origin is None or not self.edits:
            return origin
        runs: list[Run] = []
        kept = 0  # the start of the old text not replaced yet
        ending = (len(self.old), len(self.old), len(self.new), len(self.new))
        for start, stop, new_start, new_stop in [*self.edits, ending]:
            shift = new_start - start
            for a, b, line, column, step in origin.runs:
                low, high = max(a, kept), min(b, start)
                if low < high:
                    runs.append((low + shift, high + shift, line, column + step * (low - a), step))
            if start < len(self.old):
                place = origin.position(start)
                if place is not None:
                    runs.append((new_start, new_stop, place[0], place[1], 0))
            kept = stop
        return attrs.evolve(origin, runs=tuple(runs))


class Redactor:
    """Replaces names, email addresses and profile URLs with stable placeholders."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}
        self._emails: dict[str, str] = {}
        self._urls: dict[str, str] = {}

    # -- placeholders -------------------------------------------------------------------------

    @staticmethod
    def _stable(table: dict[str, str], value: str, make: Callable[[int], str]) -> str:
        key = value.casefold()
        found = table.get(key)
        if found is None:
            found = table[key] = make(len(table) + 1)
        return found

    def email(self, value: str) -> str:
        """The placeholder for an email address."""
        return self._stable(self._emails, value, lambda n: f"email-{n}@redacted.invalid")

    def url(self, value: str) -> str:
        """The placeholder for a profile URL."""
        return self._stable(
            self._urls, value.rstrip("/"), lambda n: f"https://www.linkedin.com/in/redacted-{n}"
        )

    def _person(self, profile: Profile | None) -> dict[str, str]:
        """The placeholder of each of the profile's names (the full name and its parts), keyed
        by the name case-folded: one per person, numbered by first appearance."""
        if profile is None:
            return {}
        parts = [profile.name, profile.first_name, profile.last_name, *profile.name.split()]
        names = [p.strip() for p in parts if p and len(p.strip()) > 1]
        if not names:
            return {}
        holder = self._stable(self._names, names[0], lambda n: f"Person {n}")
        return {name.casefold(): holder for name in names}

    # -- text ---------------------------------------------------------------------------------

    def text(self, text: str) -> str:
        """``text`` with its email addresses and profile URLs replaced (stderr lines, free
        text outside any row)."""
        return self._redact(text, {})[0] if text else text

    def _redact(self, text: str, names: dict[str, str]) -> tuple[str, list[Edit]]:
        pattern = _pattern(tuple(sorted(names, key=lambda n: (-len(n), n)))) if names else _FIXED
        pieces: list[str] = []
        edits: list[Edit] = []
        last, size = 0, 0
        for match in pattern.finditer(text):
            kind = match.lastgroup
            word = match.group()
            if kind == "email":
                holder = self.email(word)
            elif kind == "url":
                holder = self.url(word)
            else:
                holder = names[word.casefold()]
            pieces.append(text[last : match.start()])
            size += match.start() - last
            edits.append((match.start(), match.end(), size, size + len(holder)))
            pieces.append(holder)
            size += len(holder)
            last = match.end()
        if not edits:
            return text, edits
        pieces.append(text[last:])
        return "".join(pieces), edits

    # -- results ------------------------------------------------------------------------------

    def result(self, result: CaseResult) -> CaseResult:
        """``result`` with every name, address and profile URL of it replaced."""
        names = self._person(result.profile)
        texts: dict[str, _Text] = {}

        def red(value: str | None, field: str | None = None) -> str | None:
            if not value:
                return value
            new, edits = self._redact(value, names)
            if field is not None:
                texts[field] = _Text(value, new, edits)
            return new

        profile = self._profile(result.profile, red)
        invitation = result.invitation
        if invitation is not None:
            note = red(invitation.note, "note") or ""
            invitation = attrs.evolve(
                invitation,
                note=note,
                email=None if invitation.email is None else self.email(invitation.email),
                template_gaps=tuple(
                    attrs.evolve(gap, span=_span(texts, "note", gap.span))
                    for gap in invitation.template_gaps
                ),
                note_origin=texts["note"].origin(invitation.note_origin)
                if "note" in texts
                else invitation.note_origin,
            )
        classification = result.classification
        if classification is not None:
            classification = attrs.evolve(
                classification,
                signals=tuple(self._signal(s, red, texts) for s in classification.signals),
            )
        risk = result.risk
        if risk is not None:
            risk = attrs.evolve(
                risk,
                factors=tuple(
                    self._text_fields(f, red, ("reason",)) for f in risk.factors
                ),
            )
        return attrs.evolve(
            result,
            id=red(result.id),
            profile=profile,
            invitation=invitation,
            classification=classification,
            findings=tuple(self._finding(f, red, texts) for f in result.findings),
            risk=risk,
            reason=None
            if result.reason is None
            else self._text_fields(result.reason, red, ("text",)),
            advice=tuple(self._text_fields(a, red, ("text",)) for a in result.advice),
            errors=tuple(self._text_fields(e, red, ("message",)) for e in result.errors),
            input_error=red(result.input_error),
        )

    def _profile(
        self, profile: Profile | None, red: Callable[..., str | None]
    ) -> Profile | None:
        if profile is None:
            return None
        fields: dict[str, Any] = {
            field: red(getattr(profile, field), field)
            for field in ("name", "first_name", "last_name", "headline", "about")
        }
        fields.update(
            groups=tuple(red(g, f"groups[{i}]") or "" for i, g in enumerate(profile.groups)),
            url=None if profile.url is None else self.url(profile.url),
            emails=tuple(self.email(email) for email in profile.emails),
            company=red(profile.company),
            title=red(profile.title),
            location=red(profile.location),
            extra=self.data(profile.extra, red),
        )
        return attrs.evolve(profile, **fields)

    def data(self, value: Any, red: Callable[..., str | None] | None = None) -> Any:
        """Plain data (``extra``, a summary section) with every text in it redacted."""
        redact = red or self.text
        if isinstance(value, str):
            return redact(value)
        if isinstance(value, dict):
            return {self.data(k, red): self.data(v, red) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self.data(item, red) for item in value]
        return value

    def _signal(
        self, signal: Signal, red: Callable[..., str | None], texts: dict[str, _Text]
    ) -> Signal:
        return attrs.evolve(
            signal,
            label=red(signal.label) or "",
            value=red(signal.value),
            span=_span(texts, signal.field, signal.span),
        )

    def _finding(
        self, finding: Finding, red: Callable[..., str | None], texts: dict[str, _Text]
    ) -> Finding:
        return attrs.evolve(
            finding,
            message=red(finding.message) or "",
            suggestion=red(finding.suggestion),
            span=_span(texts, finding.field, finding.span),
        )

    @staticmethod
    def _text_fields(item: T, red: Callable[..., str | None], fields: Iterable[str]) -> T:
        return attrs.evolve(item, **{field: red(getattr(item, field)) for field in fields})  # type: ignore[misc]


def _span(
    texts: dict[str, _Text], field: str | None, span: tuple[int, int] | None
) -> tuple[int, int] | None:
    if field is None or span is None or field not in texts:
        return span
    return texts[field].span(span)

