"""A whole run: stream cases through the engine into a report writer, then the summary.

The CLI's ``run`` command is a thin layer over :func:`execute`; tools that want the same
behaviour (summary, exit code) without the CLI call it directly. With ``jobs > 1`` the cases
are evaluated in worker processes (:mod:`invitecore.parallel`); results reach the writer and
the batch checks in input order either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
import orjson

from invitecore.batch import BatchCheck
from invitecore.engine import Engine
from invitecore.errors import InputError, quote
from invitecore.hookcalls import collect, describe
from invitecore.models import PluginError, Severity
from invitecore.output import ReportWriter
from invitecore.redact import Redactor
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
    "plain_section",
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


def plain_section(section: Any) -> dict[str, Any]:
    """A batch check's section as plain JSON data (text keys; objects, lists, text, numbers,
    booleans and nulls), so that every format writes the same thing and none can fail on it;
    a ``nan`` becomes null.

    :raises ValueError: when it is not a mapping, or holds something JSON cannot encode.
    """
    if not isinstance(section, Mapping):
        raise ValueError(f"returned {type(section).__name__}, expected a mapping")
    try:
        data = orjson.loads(orjson.dumps(dict(section), option=orjson.OPT_NON_STR_KEYS))
    except orjson.JSONEncodeError as exc:
        raise ValueError(f"returned a section JSON cannot encode: {exc}") from None
    return data  # type: ignore[no-any-return]


class _Checks:
    """The run's batch checks; a check that raises is dropped for the rest of the run.

    Like hooks, a check is contained whatever it raises (``SystemExit`` included); only
    ``KeyboardInterrupt`` (Ctrl-C, SIGTERM) goes through.
    """

    def __init__(self, checks: list[tuple[str, BatchCheck]], errors: list[PluginError]) -> None:
        self.checks = checks
        self.errors = errors

    def observe(self, result: CaseResult) -> None:
        for name, check in self.checks:
            try:
                check.observe(result)
            except KeyboardInterrupt:
                raise
            except BaseException as exc:
                self._drop(name, check, "BatchCheck.observe", describe(exc))

    def sections(self) -> dict[str, Any]:
        sections: dict[str, Any] = {}
        for name, check in self.checks:
            try:
                title = check.name
                if not isinstance(title, str) or not title:
                    raise ValueError(f"its name is {quote(title)}, expected text")
                if title in RESERVED_SECTIONS or title in sections:
                    raise ValueError(f"summary section {quote(title)} is already taken")
                sections[title] = plain_section(check.finish())
            except KeyboardInterrupt:
                raise
            except BaseException as exc:
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
    redact: Redactor | None = None,
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
    :param redact: replace names, email addresses and profile URLs in every result before
        anything sees it (the writer, the batch checks, ``on_row``), and in the summary's
        sections (``--redact``). Rows are then rendered here, not in the workers.
    """
    if redact is not None:
        render = None
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
            results = chunk.results
            if redact is not None:
                results = tuple(redact.result(result) for result in results)
            for result in results:
                if render is None:
                    writer.write(result)
                checks.observe(result)
            if on_row is not None:
                errors = iter(
                    [r.input_error for r in results if r.input_error is not None]
                    if redact is not None
                    else chunk.input_errors
                )
                for _ in range(chunk.counts.cases):
                    on_row(next(errors, None))
    else:
        for result in engine.evaluate_many(cases):
            if redact is not None:
                result = redact.result(result)
            writer.write(result)
            counter.add(result)
            checks.observe(result)
            if on_row is not None:
                on_row(result.input_error)
    sections = checks.sections()
    if redact is not None:
        sections = redact.data(sections)
    outcome = counter.summary(sections)
    writer.close(outcome)
    code = EXIT_OK
    if fail_on is not None and counter.worst_rank >= fail_on.rank:
        code = EXIT_FINDINGS
    if outcome.input_errors:
        code = EXIT_INPUT
    if outcome.plugin_errors or batch_errors:
        code = EXIT_PLUGIN
    return RunOutcome(summary=outcome, exit_code=code, batch_errors=tuple(batch_errors))
