"""A whole run: stream cases through the engine into a report writer, then the summary.

The CLI's ``run`` command is a thin layer over :func:`execute`; tools that want the same
behaviour (summary, exit code) without the CLI call it directly. With ``jobs > 1`` the cases
are evaluated in worker processes (:mod:`invitecore.parallel`); results reach the writer and
the batch checks in input order either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from invitecore.batch import BatchCheck
from invitecore.engine import Engine
from invitecore.errors import InputError
from invitecore.hookcalls import collect, describe
from invitecore.models import PluginError, Severity
from invitecore.output import ReportWriter
from invitecore.results import Case, CaseResult
from invitecore.summary import Summary, SummaryCounter

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_PLUGIN",
    "RunOutcome",
    "batch_checks",
    "execute",
]

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
    errors: list[PluginError] = []
    found = collect(engine.plan("invitecore_batch_checks"), {}, BatchCheck, errors)
    return [(impl.plugin, check) for impl, check in found], errors


class _Checks:
    """The run's batch checks; a check that raises is dropped for the rest of the run."""

    def __init__(self, checks: list[tuple[str, BatchCheck]], errors: list[PluginError]) -> None:
        self.checks = checks
        self.errors = errors

    def observe(self, result: CaseResult) -> None:
        for name, check in self.checks:
            try:
                check.observe(result)
            except Exception as exc:
                self._drop(name, check, "BatchCheck.observe", describe(exc))

    def sections(self) -> dict[str, Any]:
        sections: dict[str, Any] = {}
        for name, check in self.checks:
            try:
                if check.name in RESERVED_SECTIONS or check.name in sections:
                    raise ValueError(f"summary section {check.name!r} is already taken")
                sections[check.name] = dict(check.finish())
            except Exception as exc:
                self.errors.append(
                    PluginError(plugin=name, hook="BatchCheck.finish", message=describe(exc))
                )
        if self.errors:
            sections["batch_errors"] = {
                "warnings": [f"{e.plugin} failed in {e.hook}: {e.message}" for e in self.errors]
            }
        return sections

    def _drop(self, name: str, check: BatchCheck, hook: str, message: str) -> None:
        self.errors.append(PluginError(plugin=name, hook=hook, message=message))
        self.checks = [(n, c) for n, c in self.checks if c is not check]


def execute(
    engine: Engine,
    cases: Iterable[Case | InputError | Any],
    writer: ReportWriter,
    *,
    fail_on: Severity | None = Severity.ERROR,
    on_row: Callable[[str | None], None] | None = None,
    jobs: int = 1,
    render: Callable[[CaseResult], str] | None = None,
    summary: bool = True,
) -> RunOutcome:
    """Evaluate ``cases`` in order, write each result, then the summary; compute the exit code.

    Exit code: 0 nothing at or above ``fail_on``; 1 a finding at or above it; 2 an input row
    could not be read; 3 a plugin failed on some case or batch check. The highest applies.

    :param on_row: called after each row is written, with the row's input error (None when
        the row was read): progress bars, logging.
    :param jobs: evaluate in this many worker processes (see :mod:`invitecore.parallel`);
        ``cases`` may then also hold unparsed records with a ``resolve()`` method. Each worker
        builds its engine with :meth:`Engine.from_config` from ``engine.config``, so ``engine``
        must have been made that way too (``ValueError`` otherwise).
    :param render: with ``jobs > 1``, the output format's ``render``: workers render the rows
        and the writer gets each row's text through its ``write_text``.
    :param summary: run the batch checks and put their sections in the summary. Without it
        the summary has only the counts (formats that show no summary need no more).
    """
    found, batch_errors = batch_checks(engine) if summary else ([], [])
    checks = _Checks(found, batch_errors)
    counter = SummaryCounter()
    if jobs > 1:
        if not engine.from_installed:
            # Workers build their own engines from the config and the installed plugins.
            raise ValueError("jobs > 1 needs an engine made by Engine.from_config")
        from invitecore.parallel import evaluate_parallel

        chunks = evaluate_parallel(
            cases,
            config=engine.config,
            jobs=jobs,
            render=render,
            keep_results=render is None or bool(checks.checks),
        )
        for chunk in chunks:
            counter.merge(chunk.counts)
            if render is not None:
                for text in chunk.rendered:
                    writer.write_text(text)  # type: ignore[attr-defined]
            for result in chunk.results:
                if render is None:
                    writer.write(result)
                checks.observe(result)
            if on_row is not None:
                errors = iter(chunk.input_errors)
                for _ in range(chunk.counts.cases):
                    on_row(next(errors, None))
    else:
        for result in engine.evaluate_many(cases):
            writer.write(result)
            counter.add(result)
            checks.observe(result)
            if on_row is not None:
                on_row(result.input_error)
    outcome = counter.summary(checks.sections())
    writer.close(outcome)
    code = EXIT_OK
    if fail_on is not None and counter.worst_rank >= fail_on.rank:
        code = EXIT_FINDINGS
    if outcome.input_errors:
        code = EXIT_INPUT
    if outcome.plugin_errors or batch_errors:
        code = EXIT_PLUGIN
    return RunOutcome(summary=outcome, exit_code=code, batch_errors=tuple(batch_errors))
