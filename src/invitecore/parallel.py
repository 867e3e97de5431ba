"""Evaluate cases in several processes, keeping input order and bounded memory.

Each worker builds its own :class:`~invitecore.engine.Engine` once (plugins load once per
process) and evaluates chunks of cases; the parent feeds chunks and yields results in input
order. At most ``jobs * ahead`` chunks are in flight, so a million-row input is never read far
ahead of the output. Cases and results pickle, which is all this needs.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult

from invitecore.config import Config
from invitecore.engine import Engine, input_error_result
from invitecore.errors import InputError
from invitecore.report import Case, CaseResult

__all__ = ["evaluate_parallel"]

_engine: Engine | None = None


def _start_worker(config: Config) -> None:
    global _engine
    _engine = Engine.from_config(config)


def _evaluate_chunk(chunk: list[Case | InputError]) -> list[CaseResult]:
    engine = _engine
    assert engine is not None, "worker started without an engine"
    return list(engine.evaluate_many(chunk))


def _chunks(items: Iterable[Case | InputError], size: int) -> Iterator[list[Case | InputError]]:
    chunk: list[Case | InputError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def evaluate_parallel(
    cases: Iterable[Case | InputError],
    *,
    config: Config,
    jobs: int,
    chunk_size: int = 500,
    ahead: int = 4,
) -> Iterator[CaseResult]:
    """Evaluate ``cases`` in ``jobs`` worker processes; yield results in input order.

    With ``jobs <= 1`` this is the plain single-process engine.
    """
    if jobs <= 1:
        yield from Engine.from_config(config).evaluate_many(cases)
        return
    context = multiprocessing.get_context()
    with context.Pool(jobs, initializer=_start_worker, initargs=(config,)) as pool:
        pending: deque[AsyncResult[list[CaseResult]]] = deque()
        for chunk in _chunks(cases, chunk_size):
            if all(isinstance(item, InputError) for item in chunk):
                # Nothing to evaluate: no need to ship unreadable rows to a worker.
                ready = [input_error_result(item) for item in chunk if isinstance(item, InputError)]
                pending.append(_Done(ready))  # type: ignore[arg-type]
            else:
                pending.append(pool.apply_async(_evaluate_chunk, (chunk,)))
            while len(pending) >= jobs * ahead:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


class _Done:
    """An already-finished stand-in for an AsyncResult."""

    def __init__(self, value: list[CaseResult]) -> None:
        self.value = value

    def get(self) -> list[CaseResult]:
        return self.value
