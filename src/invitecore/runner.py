"""A whole run: stream cases through the engine into a report writer and batch checks.

The CLI's ``run`` command is a thin layer over :func:`execute`; tools that want the same
behaviour (summary, exit code) without the CLI call it directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from invitecore.batch import BatchCheck
from invitecore.engine import Engine
from invitecore.errors import InputError
from invitecore.models import PluginError, Severity
from invitecore.report import Case, CaseResult, Rendered, ReportWriter, Summary
from invitecore.serialize import SummaryCounter

__all__ = ["EXIT_FINDINGS", "EXIT_INPUT", "EXIT_OK", "EXIT_PLUGIN", "RunOutcome", "execute"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_PLUGIN = 3

# Keys of the summary the core writes itself; batch checks must name their sections otherwise.
RESERVED_SECTIONS = frozenset(
    {"cases", "errors", "by_camp", "by_verdict", "by_level", "findings_by_severity", "batch_errors"}
)


@attrs.frozen(kw_only=True)
class RunOutcome:
    """What a run ended with: the summary and the exit code the CLI should return."""

    summary: Summary
    exit_code: int
    batch_errors: tuple[PluginError, ...] = ()


def batch_checks(engine: Engine) -> tuple[list[tuple[str, BatchCheck]], list[PluginError]]:
    """Ask every plugin for its batch checks, each plugin isolated from the others."""
    checks: list[tuple[str, BatchCheck]] = []
    errors: list[PluginError] = []
    hook = engine.loaded.manager.hook.invitecore_batch_checks
    for impl in reversed(hook.get_hookimpls()):
        name = impl.plugin_name
        kwargs = {"settings": engine.settings.get(name)} if "settings" in impl.argnames else {}
        try:
            returned = impl.function(**kwargs) or ()
            for check in returned if isinstance(returned, Iterable) else (returned,):
                if not isinstance(check, BatchCheck):
                    raise TypeError(f"returned {type(check).__name__}, expected a BatchCheck")
                checks.append((name, check))
        except Exception as exc:
            errors.append(
                PluginError(
                    plugin=name,
                    hook="invitecore_batch_checks",
                    message=f"{type(exc).__name__}: {exc}",
                )
            )
    return checks, errors


def execute(
    engine: Engine,
    cases: Iterable[Case | InputError],
    writer: ReportWriter,
    *,
    fail_on: Severity | None = Severity.ERROR,
    on_result: Callable[[CaseResult], None] | None = None,
    results: Iterator[CaseResult | Rendered] | None = None,
) -> RunOutcome:
    """Evaluate ``cases`` in order, write each result, then the summary; compute the exit code.

    Exit code: 0 nothing at or above ``fail_on``; 1 a finding at or above it; 2 an input row
    could not be read; 3 a plugin failed on some case or batch check. The highest applies.

    :param on_result: called with each result after it is written (progress bars, logging).
    :param results: precomputed results to use instead of evaluating ``cases`` (parallel runs);
        a :class:`Rendered` item is written with the writer's ``write_text``.
    """
    checks, batch_errors = batch_checks(engine)
    counter = SummaryCounter()
    worst = -1
    stream: Iterator[CaseResult | Rendered] = (
        results if results is not None else engine.evaluate_many(cases)
    )
    for item in stream:
        if isinstance(item, Rendered):
            result = item.result
            writer.write_text(item.text)  # type: ignore[attr-defined]
        else:
            result = item
            writer.write(result)
        counter.add(result)
        for finding in result.findings:
            if finding.severity is not None:
                worst = max(worst, finding.severity.rank)
        for name, check in checks:
            try:
                check.observe(result)
            except Exception as exc:
                batch_errors.append(
                    PluginError(
                        plugin=name,
                        hook="BatchCheck.observe",
                        message=f"{type(exc).__name__}: {exc}",
                    )
                )
                checks = [(n, c) for n, c in checks if c is not check]
        if on_result is not None:
            on_result(result)
    sections: dict[str, Any] = {}
    for name, check in checks:
        try:
            if check.name in RESERVED_SECTIONS or check.name in sections:
                raise ValueError(f"summary section {check.name!r} is already taken")
            sections[check.name] = dict(check.finish())
        except Exception as exc:
            batch_errors.append(
                PluginError(
                    plugin=name, hook="BatchCheck.finish", message=f"{type(exc).__name__}: {exc}"
                )
            )
    if batch_errors:
        sections["batch_errors"] = {
            "warnings": [f"{e.plugin} failed in {e.hook}: {e.message}" for e in batch_errors]
        }
    summary = counter.summary(sections)
    writer.close(summary)
    code = EXIT_OK
    if fail_on is not None and worst >= fail_on.rank:
        code = EXIT_FINDINGS
    if summary.input_errors:
        code = EXIT_INPUT
    if summary.plugin_errors or batch_errors:
        code = EXIT_PLUGIN
    return RunOutcome(summary=summary, exit_code=code, batch_errors=tuple(batch_errors))
