"""Evaluate cases in several worker processes, keeping input order and bounded memory.

Each worker builds its own :class:`~invitecore.engine.Engine` once (plugins load once per
process) and takes chunks of consecutive rows. JSON Lines rows reach it unparsed
(:class:`~invitecore.inputs.records.PendingLines`), so parsing happens there too. For every
chunk a worker sends back one :class:`Chunk`: the rows' counts for the summary, their rendered
text when the output format can render rows on its own (``OutputFormat.render``), and the
complete results whenever the process that writes needs them: for a format that is not rendered
row by row, and for the run's batch checks. Batch checks therefore see exactly what they see
in a single process.

At most ``jobs * ahead`` chunks are in flight, so a million-row input is never read far ahead
of the output.

Ctrl-C, SIGTERM and SIGHUP are held back while the pool starts worker processes or shuts down,
and delivered as soon as that call returns: the pool's own bookkeeping (a half-started manager
thread, a lock taken and never released) is not written to survive an exception raised by a
signal handler in the middle of it, and a run stopped there used to hang or end with an
internal error instead of its signal's exit code.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any, Protocol

import attrs

from invitecore.config import Config
from invitecore.engine import Engine
from invitecore.errors import InputError, WorkerError
from invitecore.hookcalls import describe
from invitecore.inputs.records import PendingLines
from invitecore.results import Case, CaseResult
from invitecore.summary import SummaryCounter

__all__ = ["Chunk", "evaluate_parallel"]

Render = Callable[[CaseResult], str]


class _Resolvable(Protocol):
    def resolve(self) -> Case | InputError: ...


Item = Case | InputError | _Resolvable


@attrs.frozen(kw_only=True)
class Chunk:
    """What a worker sends back for consecutive rows.

    :param counts: the rows counted for the summary and the exit code.
    :param input_errors: the message of each row that could not be read, in order (progress
        and stderr report them as the rows are written).
    :param rendered: each row's text from the format's ``render``, when it was asked for.
    :param results: the rows' complete results, when they were asked for.
    """

    counts: SummaryCounter
    input_errors: tuple[str, ...] = ()
    rendered: tuple[str, ...] = ()
    results: tuple[CaseResult, ...] = ()


_engine: Engine | None = None
_start_error: str | None = None

_STOPPING = frozenset(
    number
    for number in (getattr(signal, name, None) for name in ("SIGINT", "SIGTERM", "SIGHUP"))
    if number is not None
)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold the stopping signals back from this thread for the ``with`` block; one that arrived
    meanwhile is delivered, and its handler runs, as the block ends (see the module docstring).
    A no-op where the platform has no signal masks (Windows)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class _StartFailed(Exception):
    """Raised for every chunk by a worker whose start failed (the message says why)."""


def _start_worker(config: Config) -> None:
    global _engine, _start_error
    # A worker writes no report: what a plugin prints goes to stderr, as in the main process.
    sys.stdout = sys.stderr
    # SIGTERM and SIGHUP are the main process's to handle (it removes its temporary files);
    # a worker started by fork would otherwise inherit its handler. Ctrl-C reaches the whole
    # process group: the main process stops the workers, so a worker ignores it rather than
    # print a traceback of its own.
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        # Started while the main process held the signals back (_signals_held): a worker
        # inherits that mask and would otherwise never see the pool's own SIGTERM.
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)
    try:
        _engine = Engine.from_config(config)
    except Exception as exc:  # said once per chunk, as a named error, rather than a dead pool
        _start_error = describe(exc)


def _evaluate_chunk(
    chunk: list[Any] | PendingLines, render: Render | None, keep_results: bool
) -> Chunk:
    if _start_error is not None or _engine is None:
        raise _StartFailed(_start_error or "no engine")
    items = chunk.resolve() if isinstance(chunk, PendingLines) else [_resolved(i) for i in chunk]
    results = list(_engine.evaluate_many(items))
    counts = SummaryCounter()
    for result in results:
        counts.add(result)
    return Chunk(
        counts=counts,
        input_errors=tuple(r.input_error for r in results if r.input_error is not None),
        rendered=tuple(render(r) for r in results) if render is not None else (),
        results=tuple(results) if keep_results else (),
    )


def _resolved(item: Any) -> Case | InputError:
    return item.resolve() if hasattr(item, "resolve") else item  # type: ignore[no-any-return]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any] | PendingLines]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield PendingLines.gather(chunk) or chunk
            chunk = []
    if chunk:
        yield PendingLines.gather(chunk) or chunk


def evaluate_parallel(
    cases: Iterable[Item],
    *,
    config: Config,
    jobs: int,
    render: Render | None = None,
    keep_results: bool = True,
    chunk_size: int = 500,
    ahead: int = 4,
) -> Iterator[Chunk]:
    """Evaluate ``cases`` in ``jobs`` worker processes; yield their chunks in input order.

    Items may be cases, input errors, or unparsed records with a ``resolve()`` method. With
    ``render``, each chunk carries every row's rendered text; with ``keep_results``, the
    results themselves. Each worker builds its engine with ``Engine.from_config(config)``.

    :raises WorkerError: when a worker cannot start, dies, or cannot send its results back.
    """
    with _signals_held():
        pool = ProcessPoolExecutor(
            max(1, jobs),
            mp_context=multiprocessing.get_context(),
            initializer=_start_worker,
            initargs=(config,),
        )
    pending: deque[Future[Chunk]] = deque()
    try:
        for chunk in _chunks(cases, chunk_size):
            with _signals_held():  # the first submit starts the workers
                pending.append(pool.submit(_evaluate_chunk, chunk, render, keep_results))
            while len(pending) >= jobs * ahead:
                yield _received(pending.popleft())
        while pending:
            yield _received(pending.popleft())
    except BrokenProcessPool:  # from submitting a chunk or from waiting for one
        raise WorkerError(
            "a worker process stopped unexpectedly (killed, out of memory, or a crash in a "
            "plugin's native code); rerun with --jobs 1 to find the row"
        ) from None
    finally:
        # Stopped early (a signal, an error, a reader that closed the generator), the chunks
        # not started yet are dropped. Waiting for the running ones is left outside the held
        # signals, so that a worker stuck in a plugin can still be interrupted.
        with _signals_held():
            pool.shutdown(wait=False, cancel_futures=True)
        pool.shutdown(wait=True)


def _received(future: Future[Chunk]) -> Chunk:
    try:
        return future.result()
    except BrokenProcessPool:
        raise
    except _StartFailed as exc:
        raise WorkerError(f"a worker process could not start: {exc}") from None
    except Exception as exc:  # a result that cannot travel back (a plugin's odd object)
        raise WorkerError(
            f"a worker process could not send its results back ({describe(exc)}); "
            "rerun with --jobs 1"
        ) from None
