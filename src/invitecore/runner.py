"""A whole run: stream cases through the engine into a report writer and batch checks.

The CLI's ``run`` command is a thin layer over :func:`execute`; tools that want the same
behaviour (summary, exit code) without the CLI call it directly. With ``jobs > 1`` the cases
are evaluated in worker processes (:mod:`invitecore.parallel`) and this process only writes,
counts and feeds the batch checks. :func:`settled_gc` tunes the garbage collector for the
length of a run (the CLI uses it).
"""

from __future__ import annotations

import gc
import pickle
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, cast

import attrs

from invitecore.batch import BatchCheck, SplitBatchCheck
from invitecore.engine import Engine
from invitecore.errors import InputError
from invitecore.models import PluginError, Severity
from invitecore.report import Case, CaseResult, Rendered, RenderedChunk, ReportWriter, Summary
from invitecore.serialize import SummaryCounter

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_PLUGIN",
    "RunOutcome",
    "execute",
    "is_split",
    "settled_gc",
    "tune_gc",
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


# Collect the youngest generation every this many surviving allocations instead of Python's 700.
GC_YOUNG_THRESHOLD = 50_000


def tune_gc() -> tuple[int, ...]:
    """Tune the garbage collector for a process about to do one long run; return the
    thresholds it had.

    A batch row leaves no reference cycles behind; what survives a collection is the plugins'
    caches filling up. Collecting every 700 survivors rescans them again and again: about 5% of
    a run's CPU time on the benchmark list, against 0.5-1% every 50,000. Nothing is frozen
    (``gc.freeze``): unfreezing cannot tell a host's frozen objects from ours, and the
    threshold alone gives the gain. The CLI (:func:`settled_gc`) and parallel workers call
    this; a library embedding the engine is left alone.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *thresholds[1:])
    return thresholds


@contextmanager
def settled_gc() -> Iterator[None]:
    """:func:`tune_gc` for the length of a block, then the collector as it was."""
    thresholds = tune_gc()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


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


def is_split(check: BatchCheck) -> bool:
    """True when ``check`` splits its per-row work (:class:`SplitBatchCheck`): its class
    defines callable ``extract`` and ``accept``, not merely attributes of those names."""
    kind = type(check)
    return callable(getattr(kind, "extract", None)) and callable(getattr(kind, "accept", None))


class _Checks:
    """The run's batch checks; a check that raises is dropped for the rest of the run.

    A split check is called as ``accept(extract(result))`` in one process too, so a failure
    names the same step (``BatchCheck.extract`` or ``BatchCheck.accept``) with or without
    ``--jobs``, and several failures are listed in row order, then in the checks' order.
    """

    def __init__(self, checks: list[tuple[str, BatchCheck]], errors: list[PluginError]) -> None:
        self.checks = checks
        self.errors = errors
        self.split_ids = {id(check) for _, check in checks if is_split(check)}
        # Workers extract for every check of the run, dropped ones too: a check's column in a
        # RenderedChunk is its place in the run's original list.
        self.columns = {id(check): index for index, (_, check) in enumerate(checks)}

    def observe(self, result: CaseResult) -> None:
        for name, check in self.checks:
            if id(check) not in self.split_ids:
                try:
                    check.observe(result)
                except Exception as exc:
                    self._drop(name, check, "BatchCheck.observe", _message(exc))
                continue
            split = cast(SplitBatchCheck, check)
            try:
                extracted = split.extract(result)
            except Exception as exc:
                self._drop(name, check, "BatchCheck.extract", _message(exc))
                continue
            try:
                split.accept(extracted)
            except Exception as exc:
                self._drop(name, check, "BatchCheck.accept", _message(exc))

    def accept(self, extracts: list[list[Any] | tuple[int, str]]) -> None:
        # Column by column: each check takes its rows in input order and never sees the
        # others, so only the order of failures differs from going row by row; they are
        # sorted back into it.
        failures: list[tuple[int, int, str, BatchCheck, str, str]] = []
        for name, check in self.checks:
            index = self.columns[id(check)]
            column = extracts[index]
            if isinstance(column, tuple):  # its extract raised in the worker, at this row
                row, message = column
                failures.append((row, index, name, check, "BatchCheck.extract", message))
                continue
            accept = cast(SplitBatchCheck, check).accept
            for row, extracted in enumerate(column):
                try:
                    accept(extracted)
                except Exception as exc:
                    failures.append(
                        (row, index, name, check, "BatchCheck.accept", _message(exc))
                    )
                    break
        for _, _, name, check, hook, message in sorted(failures, key=lambda f: f[:2]):
            self._drop(name, check, hook, message)

    def split(self) -> list[SplitBatchCheck] | None:
        """The checks, when every one of them can run its ``extract`` in a worker process."""
        checks = [check for _, check in self.checks]
        if not all(id(check) in self.split_ids for check in checks):
            return None
        try:
            # Workers get copies, whatever the start method: they must survive the trip.
            pickle.loads(pickle.dumps(checks))
        except Exception:
            return None
        return cast("list[SplitBatchCheck]", checks)

    def _drop(self, name: str, check: BatchCheck, hook: str, message: str) -> None:
        self.errors.append(PluginError(plugin=name, hook=hook, message=message))
        self.checks = [(n, c) for n, c in self.checks if c is not check]


def _message(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


def _write_chunk(writer: ReportWriter, chunk: RenderedChunk) -> None:
    """Write a worker's rendered rows: all at once where the writer takes encoded rows, else
    one ``write_text`` call per row, as for a single process."""
    write_encoded = getattr(writer, "write_encoded", None)
    if write_encoded is not None and isinstance(chunk.output, bytes):
        write_encoded(chunk.output)
        return
    text = chunk.output if isinstance(chunk.output, str) else chunk.output.decode("utf-8")
    write_text = writer.write_text  # type: ignore[attr-defined]
    start = 0
    for end in chunk.ends:
        write_text(text[start:end])
        start = end


def execute(
    engine: Engine,
    cases: Iterable[Case | InputError | Any],
    writer: ReportWriter,
    *,
    fail_on: Severity | None = Severity.ERROR,
    on_row: Callable[[str | None], None] | None = None,
    jobs: int = 1,
    render: Callable[[CaseResult], str] | None = None,
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
    :param render: with ``jobs > 1``, the writer's format's ``render`` function: workers render
        rows and the writer gets the text through its ``write_text``.
    """
    found, batch_errors = batch_checks(engine)
    checks = _Checks(found, batch_errors)
    counter = SummaryCounter()
    stream: Iterator[CaseResult | Rendered | RenderedChunk]
    if jobs > 1:
        if not engine.from_installed:
            # Workers build their own engines from the config and the installed plugins.
            raise ValueError("jobs > 1 needs an engine made by Engine.from_config")
        from invitecore.parallel import evaluate_parallel

        stream = evaluate_parallel(
            cases,
            config=engine.config,
            jobs=jobs,
            render=render,
            checks=checks.split() if render is not None else None,
        )
    else:
        stream = engine.evaluate_many(cases)
    for item in stream:
        if type(item) is RenderedChunk:
            _write_chunk(writer, item)
            counter.merge(item.counts)
            checks.accept(item.extracts)
            if on_row is not None:
                for error in item.input_errors:
                    on_row(error)
                for _ in range(item.counts.cases - len(item.input_errors)):
                    on_row(None)
            continue
        if type(item) is Rendered:
            result = item.result
            writer.write_text(item.text)  # type: ignore[attr-defined]
        else:
            result = cast(CaseResult, item)
            writer.write(result)
        counter.add(result)
        checks.observe(result)
        if on_row is not None:
            on_row(result.input_error)
    sections: dict[str, Any] = {}
    for name, check in checks.checks:
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
    if fail_on is not None and counter.worst_rank >= fail_on.rank:
        code = EXIT_FINDINGS
    if summary.input_errors:
        code = EXIT_INPUT
    if summary.plugin_errors or batch_errors:
        code = EXIT_PLUGIN
    return RunOutcome(summary=summary, exit_code=code, batch_errors=tuple(batch_errors))
