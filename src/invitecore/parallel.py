"""Evaluate cases in several processes, keeping input order and bounded memory.

Each worker builds its own :class:`~invitecore.engine.Engine` once (plugins load once per
process) and takes chunks of rows. The parent only reads, writes and keeps the summary, so
everything else happens in the workers: JSON Lines rows arrive unparsed
(:class:`~invitecore.inputs.records.PendingRecord`) and are parsed there, and for streaming
formats the output row is rendered there too and comes back as text with a slimmed result
(:class:`~invitecore.report.Rendered`) for the summary. Moving a full result between processes
costs about as much as rendering it, which is why.

At most ``jobs * ahead`` chunks are in flight, so a million-row input is never read far ahead
of the output.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, Union

from invitecore.config import Config
from invitecore.engine import Engine, input_error_result
from invitecore.errors import InputError
from invitecore.models import Classification, Invitation, Profile, Risk
from invitecore.report import Case, CaseResult, Rendered

__all__ = ["evaluate_parallel", "slim_result"]

Item = Union[Case, InputError, "_Resolvable"]
Render = Callable[[CaseResult], str]


class _Resolvable(Protocol):
    def resolve(self) -> Case | InputError: ...


_engine: Engine | None = None


def _start_worker(config: Config) -> None:
    global _engine
    _engine = Engine.from_config(config)


def slim_result(result: CaseResult) -> CaseResult:
    """The parts of a result the summary and batch checks use (see :class:`Rendered`)."""
    profile = result.profile
    classification = result.classification
    risk = result.risk
    invitation = result.invitation
    return CaseResult(
        id=result.id,
        source=result.source,
        profile=None
        if profile is None
        else Profile(
            name=profile.name,
            first_name=profile.first_name,
            last_name=profile.last_name,
            company=profile.company,
            url=profile.url,
            extra=(
                {"connection_degree": profile.extra["connection_degree"]}
                if "connection_degree" in profile.extra
                else None
            ),
        ),
        classification=None
        if classification is None
        else Classification(camp=classification.camp, confidence=classification.confidence),
        invitation=None if invitation is None else Invitation(note=invitation.note),
        sender=result.sender,
        findings=result.findings,
        risk=None if risk is None else Risk(score=risk.score, level=risk.level),
        verdict=result.verdict,
        errors=result.errors,
        input_error=result.input_error,
    )


def _evaluate_chunk(chunk: list[Any], render: Render | None) -> list[Any]:
    engine = _engine
    assert engine is not None, "worker started without an engine"
    items = [item.resolve() if hasattr(item, "resolve") else item for item in chunk]
    results = engine.evaluate_many(items)
    if render is None:
        return list(results)
    return [Rendered(result=slim_result(r), text=render(r)) for r in results]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Done:
    """An already-finished stand-in for an AsyncResult."""

    def __init__(self, value: list[Any]) -> None:
        self.value = value

    def get(self) -> list[Any]:
        return self.value


def evaluate_parallel(
    cases: Iterable[Item],
    *,
    config: Config,
    jobs: int,
    render: Render | None = None,
    chunk_size: int = 500,
    ahead: int = 4,
) -> Iterator[CaseResult | Rendered]:
    """Evaluate ``cases`` in ``jobs`` worker processes; yield results in input order.

    Items may be cases, input errors, or unparsed records with a ``resolve()`` method. With
    ``render``, each result comes back as :class:`Rendered`. With ``jobs <= 1`` everything runs
    here, the same way.
    """
    if jobs <= 1:
        engine = Engine.from_config(config)
        for item in cases:
            resolved = item.resolve() if hasattr(item, "resolve") else item
            result = next(engine.evaluate_many([resolved]))
            yield result if render is None else Rendered(result=result, text=render(result))
        return
    context = multiprocessing.get_context()
    with context.Pool(jobs, initializer=_start_worker, initargs=(config,)) as pool:
        pending: deque[Any] = deque()
        for chunk in _chunks(cases, chunk_size):
            if all(isinstance(item, InputError) for item in chunk):
                # Nothing to evaluate: no need to ship unreadable rows to a worker.
                done = [input_error_result(item) for item in chunk]
                pending.append(
                    _Done(
                        [r if render is None else Rendered(result=r, text=render(r)) for r in done]
                    )
                )
            else:
                pending.append(pool.apply_async(_evaluate_chunk, (chunk, render)))
            while len(pending) >= jobs * ahead:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
