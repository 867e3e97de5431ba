"""Which rule codes are on (``select`` / ``ignore``) and at what severity, the way ruff does it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from invitecore.models import Severity

__all__ = ["RuleFilter"]

ALL = "ALL"


def _longest_match(code: str, prefixes: Iterable[str]) -> int:
    """Length of the longest prefix in ``prefixes`` that ``code`` starts with (-1 for none)."""
    best = -1
    for prefix in prefixes:
        if prefix == ALL:
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


class RuleFilter:
    """Decides per rule code whether it is enabled and which severity overrides it.

    A code is enabled when ``select`` is empty or matches it, and no ``ignore`` entry matches it
    more specifically (a longer prefix wins; on a tie, ``ignore`` wins). ``ALL`` matches every
    code. Severity overrides also go by the longest matching code or prefix. Answers are cached
    per code, since a run asks about the same few dozen codes millions of times.
    """

    def __init__(
        self,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        severity: Mapping[str, Severity] | None = None,
    ) -> None:
        self.select = tuple(select)
        self.ignore = tuple(ignore)
        self.severity = dict(severity or {})
        self._enabled: dict[str, bool] = {}
        self._severity: dict[str, Severity | None] = {}

    def enabled(self, code: str) -> bool:
        """True when findings, signals and factors with ``code`` are reported."""
        cached = self._enabled.get(code)
        if cached is None:
            selected = _longest_match(code, self.select) if self.select else 0
            # ignored is -1 when nothing ignores the code, so any selection wins then.
            cached = selected >= 0 and _longest_match(code, self.ignore) < selected
            self._enabled[code] = cached
        return cached

    def severity_for(self, code: str) -> Severity | None:
        """The configured severity for ``code``, or None when the config sets none."""
        if code not in self._severity:
            best, chosen = -1, None
            for prefix, severity in self.severity.items():
                length = 0 if prefix == ALL else len(prefix) if code.startswith(prefix) else -1
                if length > best:
                    best, chosen = length, severity
            self._severity[code] = chosen
        return self._severity[code]

    def unknown_selectors(self, codes: Iterable[str]) -> list[str]:
        """The ``select`` / ``ignore`` / ``severity`` entries that match none of ``codes``."""
        known = list(codes)
        entries = [*self.select, *self.ignore, *self.severity]
        return [
            entry
            for entry in entries
            if entry != ALL and not any(code.startswith(entry) for code in known)
        ]
