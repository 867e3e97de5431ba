"""Evaluate cases in several processes, keeping input order and bounded memory.

Each worker builds its own :class:`~invitecore.engine.Engine` once (plugins load once per
process) and takes chunks of rows. The parent only reads, writes and keeps the summary, so
everything else happens in the workers: JSON Lines rows arrive unparsed
(:class:`~invitecore.inputs.records.PendingRecord`) and are parsed there. For streaming formats
the rows are rendered there too, and what comes back depends on the run's batch checks:

- when every one is a :class:`~invitecore.batch.SplitBatchCheck`, a
  :class:`~invitecore.report.RenderedChunk`: the chunk's output already encoded, its counts for
  the summary, and what each check's ``extract`` took from each row. The parent then builds no
  result objects at all;
- otherwise each row as text with a slimmed result (:class:`~invitecore.report.Rendered`) for
  the summary and the checks. Moving a full result between processes costs about as much as
  rendering it, which is why it is slimmed.

At most ``jobs * ahead`` chunks are in flight, so a million-row input is never read far ahead
of the output.
"""

from __future__ import annotations

import itertools
import multiprocessing
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol, TypeVar, Union

import attrs

from invitecore._assemble import builder
from invitecore.batch import SplitBatchCheck
from invitecore.config import Config
from invitecore.engine import Engine, input_error_result
from invitecore.enums import Account, NetworkingCamp, Relationship, RiskLevel, Severity, Verdict
from invitecore.errors import InputError, WorkerError
from invitecore.inputs.records import PendingLines
from invitecore.models import Classification, Finding, Invitation, Profile, Risk, Sender
from invitecore.report import Case, CaseResult, Rendered, RenderedChunk, Source
from invitecore.runner import tune_gc
from invitecore.serialize import SummaryCounter

__all__ = ["evaluate_parallel", "slim_result"]

Item = Union[Case, InputError, "_Resolvable"]
Render = Callable[[CaseResult], str]
T = TypeVar("T")


class _Resolvable(Protocol):
    def resolve(self) -> Case | InputError: ...


_engine: Engine | None = None
_checks: list[SplitBatchCheck] | None = None
_start_error: str | None = None


class _StartFailed(Exception):
    """Raised for every chunk by a worker whose start failed (the message says why)."""


def _start_worker(config: Config, checks: list[SplitBatchCheck] | None) -> None:
    global _engine, _checks, _start_error
    try:
        _engine = Engine.from_config(config)
    except Exception as exc:  # said once per chunk, as a named error, rather than a dead pool
        _start_error = f"{type(exc).__name__}: {exc}"
    _checks = checks
    tune_gc()  # for good: the worker does nothing else until the pool shuts down


# -- the wire format between workers and the parent ----------------------------------------------
#
# Pickling attrs objects is slow (one reduce and setstate per object), and on a parallel run the
# parent unpickles a slim result for every row while the workers wait for it. Workers therefore
# send each slim result as a flat tuple of strings and numbers, and the parent reassembles the
# objects from values its own workers produced, setting fields directly as attrs' own __init__
# does (the values were validated when the worker built them). ``_unpack(_pack(r))`` equals
# what the same fields give through the classes' own __init__; a test holds them together.

_ENUMS: dict[str, Any] = {
    f"{type(member).__name__}.{member.value}": member
    for enum in (NetworkingCamp, RiskLevel, Severity, Verdict, Account)
    for member in enum
}
_ABSENT = "\x00absent"  # no connection_degree in the profile's extra


def _enum(member: Any) -> str | None:
    return None if member is None else f"{type(member).__name__}.{member.value}"


_profile, _classification, _invitation = (
    builder(Profile),
    builder(Classification),
    builder(Invitation),
)
_risk, _finding, _source, _sender, _case_result = (
    builder(Risk),
    builder(Finding),
    builder(Source),
    builder(Sender),
    builder(CaseResult),
)
# _unpack passes every field in order: fail at import, not with wrong values, if they change.
assert [a.name for a in attrs.fields(Profile)][-5:] == [
    "url",
    "open_link",
    "premium",
    "emails",
    "extra",
]
assert [a.name for a in attrs.fields(CaseResult)][-3:] == ["advice", "errors", "input_error"]


def _pack(result: CaseResult) -> tuple[Any, ...]:
    """A slim result as plain data (see :func:`_unpack`)."""
    profile, classification, risk = result.profile, result.classification, result.risk
    invitation, sender, source = result.invitation, result.sender, result.source
    return (
        result.id,
        None if source is None else (source.file, source.line),
        None
        if profile is None
        else (
            profile.name,
            profile.first_name,
            profile.last_name,
            profile.company,
            profile.url,
            profile.extra.get("connection_degree", _ABSENT),
        ),
        None if classification is None else (_enum(classification.camp), classification.confidence),
        None if invitation is None else invitation.note,
        None if sender is None else (sender.name, _enum(sender.account)),
        tuple(
            (f.code, f.message, _enum(f.severity), f.suggestion, f.field, f.span, f.plugin)
            for f in result.findings
        ),
        None if risk is None else (risk.score, _enum(risk.level)),
        _enum(result.verdict),
        result.errors,
        result.input_error,
    )


def _unpack(packed: tuple[Any, ...], senders: dict[Any, Sender]) -> CaseResult:
    """The slim result :func:`_pack` packed, as :func:`slim_result` describes it.

    ``senders`` shares one Sender per distinct sender across rows (they are immutable).
    """
    (
        case_id,
        source,
        profile,
        classification,
        note,
        sender,
        findings,
        risk,
        verdict,
        errors,
        input_error,
    ) = packed
    enums = _ENUMS
    if profile is not None:
        name, first, last, company, url, degree = profile
        extra = {} if degree == _ABSENT else {"connection_degree": degree}
        profile = _profile(
            name,
            first,
            last,
            None,
            None,
            (),
            None,
            None,
            None,
            company,
            None,
            None,
            url,
            None,
            None,
            (),
            extra,
        )
    if classification is not None:
        classification = _classification(enums[classification[0]], classification[1], (), 0.0, 0.0)
    if sender is not None:
        shared = senders.get(sender)
        if shared is None:
            shared = senders[sender] = _sender(sender[0], enums[sender[1]])
        sender = shared
    return _case_result(
        case_id,
        None if source is None else _source(*source),
        profile,
        classification,
        None if note is None else _invitation(note, Relationship.NONE, None, ()),
        sender,
        tuple(
            [
                _finding(
                    code,
                    message,
                    None if severity is None else enums[severity],
                    suggestion,
                    field,
                    span,
                    plugin,
                )
                for code, message, severity, suggestion, field, span, plugin in findings
            ]
        ),
        None if risk is None else _risk(risk[0], enums[risk[1]], ()),
        None if verdict is None else enums[verdict],
        (),
        errors,
        input_error,
    )


def slim_result(result: CaseResult) -> CaseResult:
    """The parts of a result the summary and batch checks use (see :class:`Rendered`): who the
    prospect is, the note, the sender, camp and confidence, risk score and level, verdict,
    findings and errors. It is exactly what the parent of a parallel run rebuilds from what a
    worker sends (:func:`_pack`, :func:`_unpack`)."""
    return _unpack(_pack(result), {})


def _evaluate_chunk(chunk: list[Any] | PendingLines, render: Render | None) -> Any:
    if _start_error is not None:
        raise _StartFailed(_start_error)
    engine = _engine
    assert engine is not None, "worker started without an engine"
    if isinstance(chunk, PendingLines):
        items = chunk.resolve()
    else:
        items = [item.resolve() if hasattr(item, "resolve") else item for item in chunk]
    results = engine.evaluate_many(items)
    if render is None:
        return list(results)
    if _checks is not None:
        # Pickled here rather than by the pool, so that a batch check whose extract returned
        # something that does not pickle is found, named and dropped, not the whole chunk lost.
        return _pickled(_reduce(list(results), render, _checks))
    return [(render(r), _pack(r)) for r in results]


def _reduce(
    results: list[CaseResult], render: Render, checks: list[SplitBatchCheck]
) -> RenderedChunk:
    """Rendered rows with what the summary and each batch check take from them."""
    extracts: list[list[Any] | tuple[int, str]] = []
    for check in checks:
        column: list[Any] = []
        try:
            for result in results:
                column.append(check.extract(result))
        except Exception as exc:  # the parent drops this check, names it, and goes on
            extracts.append((len(column), f"{type(exc).__name__}: {exc}"))
        else:
            extracts.append(column)
    counts = SummaryCounter()
    for result in results:
        counts.add(result)
    texts = [render(r) for r in results]
    text = "".join(texts)
    output: bytes | str
    try:
        output = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: the output stream's error handler decides
        output = text
    return RenderedChunk(
        output=output,
        ends=list(itertools.accumulate(len(t) for t in texts)),
        counts=counts,
        input_errors=[r.input_error for r in results if r.input_error is not None],
        extracts=extracts,
    )


def _pickled(chunk: RenderedChunk) -> bytes:
    try:
        return pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL)
    except Exception:
        pass
    extracts = list(chunk.extracts)
    for index, column in enumerate(extracts):
        if isinstance(column, tuple):
            continue
        for row, value in enumerate(column):
            try:
                pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
            except Exception as exc:
                extracts[index] = (row, f"extract returned what cannot be pickled: {exc}")
                break
    return pickle.dumps(attrs.evolve(chunk, extracts=extracts), pickle.HIGHEST_PROTOCOL)


def _rendered(rows: list[Any], render: Render | None) -> Iterator[CaseResult | Rendered]:
    # Items from a worker: results as they are, or (text, packed slim result) pairs.
    if render is None:
        yield from rows
        return
    senders: dict[Any, Sender] = {}
    for text, packed in rows:
        yield Rendered(result=_unpack(packed, senders), text=text)


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
    """An already-finished stand-in for a Future."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


def evaluate_parallel(
    cases: Iterable[Item],
    *,
    config: Config,
    jobs: int,
    render: Render | None = None,
    checks: list[SplitBatchCheck] | None = None,
    chunk_size: int = 500,
    ahead: int = 4,
) -> Iterator[CaseResult | Rendered | RenderedChunk]:
    """Evaluate ``cases`` in ``jobs`` worker processes; yield results in input order.

    Items may be cases, input errors, or unparsed records with a ``resolve()`` method. With
    ``render``, each result comes back as :class:`Rendered`; with ``render`` and ``checks``
    (the run's batch checks, every one split), each chunk of rows comes back as a
    :class:`RenderedChunk` whose ``extracts`` follow the order of ``checks``. With
    ``jobs <= 1`` everything runs here, the same way.
    """
    if jobs <= 1:
        engine = Engine.from_config(config)
        for item in cases:
            resolved = item.resolve() if hasattr(item, "resolve") else item
            result = next(engine.evaluate_many([resolved]))
            yield result if render is None else Rendered(result=result, text=render(result))
        return
    try:
        yield from _in_pool(cases, config, jobs, render, checks, chunk_size, ahead)
    except BrokenProcessPool:  # from submitting a chunk or from waiting for one
        raise WorkerError(
            "a worker process stopped unexpectedly (killed, out of memory, or a crash in a "
            "plugin's native code); rerun with --jobs 1 to find the row"
        ) from None
    except _StartFailed as exc:
        raise WorkerError(f"a worker process could not start: {exc}") from None


def _in_pool(
    cases: Iterable[Item],
    config: Config,
    jobs: int,
    render: Render | None,
    checks: list[SplitBatchCheck] | None,
    chunk_size: int,
    ahead: int,
) -> Iterator[CaseResult | Rendered | RenderedChunk]:
    # Not multiprocessing.Pool: while a large result waits to be read, its worker-handler thread
    # polls the workers in a busy loop, which cost the parent about a third of its CPU time.
    with ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context(),
        initializer=_start_worker,
        initargs=(config, checks),
    ) as pool:
        pending: deque[Any] = deque()
        for chunk in _chunks(cases, chunk_size):
            if all(isinstance(item, InputError) for item in chunk):
                # Nothing to evaluate: no need to ship unreadable rows to a worker.
                done = [input_error_result(item) for item in chunk]
                if render is not None and checks is not None:
                    pending.append(_Done(_reduce(done, render, checks)))
                else:
                    pending.append(
                        _Done(
                            [
                                r if render is None else Rendered(result=r, text=render(r))
                                for r in done
                            ]
                        )
                    )
            else:
                shipped = PendingLines.gather(chunk) or chunk
                pending.append(pool.submit(_evaluate_chunk, shipped, render))
            while len(pending) >= jobs * ahead:
                yield from _finished(pending.popleft(), render)
        while pending:
            yield from _finished(pending.popleft(), render)


def _finished(job: Any, render: Render | None) -> Iterable[CaseResult | Rendered | RenderedChunk]:
    value = job.result()
    if isinstance(value, bytes):
        value = pickle.loads(value)
    if isinstance(value, RenderedChunk):
        return (value,)
    return value if isinstance(job, _Done) else _rendered(value, render)
