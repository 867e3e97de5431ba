"""Evaluate prospect lists on Dask, partition by partition (``pip install invitecore[dask]``).

For lists that outgrow one machine. Each Dask worker process builds one engine per config and
reuses it for every partition it is given; cases and results pickle, so nothing else is needed::

    import dask.bag as db
    from invitecore.cluster import evaluate_bag

    results = evaluate_bag(db.from_sequence(cases, npartitions=8)).compute()

``evaluate_dataframe`` takes a Dask (or pandas) dataframe whose columns are profile fields plus
optional ``note``, ``relationship``, ``email``, ``account`` and ``id``, and returns a dataframe of
the flat CSV columns, one row per input row, in order. See docs/batch.md.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from invitecore.builtin.machine import CSV_COLUMNS, flat_row
from invitecore.config import Config
from invitecore.engine import Engine
from invitecore.errors import InputError
from invitecore.inputs.records import RecordReader
from invitecore.inputs.rows import RowBuilder
from invitecore.models import Sender
from invitecore.results import Case, CaseResult, Source

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

__all__ = ["case_from_record", "evaluate_bag", "evaluate_dataframe", "evaluate_partition"]

_engines: dict[bytes, Engine] = {}


def _engine_for(config: Config | None) -> Engine:
    # One engine per config per worker process: plugin loading is the expensive part.
    key = pickle.dumps(config)
    engine = _engines.get(key)
    if engine is None:
        engine = _engines[key] = Engine.from_config(config)
    return engine


def evaluate_partition(
    cases: Iterable[Case | InputError], config: Config | None = None
) -> list[CaseResult]:
    """Evaluate one partition's cases in order (runs inside a Dask worker)."""
    return list(_engine_for(config).evaluate_many(cases))


def evaluate_bag(bag: dask.bag.Bag, *, config: Config | None = None) -> dask.bag.Bag:
    """A bag of :class:`~invitecore.results.CaseResult`, one per case, partitions kept in order."""
    mapped: dask.bag.Bag = bag.map_partitions(evaluate_partition, config)  # type: ignore[no-untyped-call]
    return mapped


def _text(value: Any) -> Any:
    # Dataframes hold missing values as NaN/None/NA: treat them all as "not given".
    if value is None:
        return None
    try:
        if value != value:  # NaN
            return None
    except (TypeError, ValueError):  # pandas.NA refuses comparison
        return None
    return value


def case_from_record(
    record: Mapping[str, Any], *, source: Source | None = None, sender: Sender | None = None
) -> Case | InputError:
    """A case from one flat record (a dataframe row), read as a flat JSON record is (the same
    column names and aliases, see docs/inputs.md); an InputError when it cannot be built.

    Missing values (None, NaN, pandas.NA) are "not given"; ``groups`` and ``emails`` may be
    lists or ``;``-separated text.
    """
    values = {key: _text(value) for key, value in record.items()}
    for list_field in ("groups", "emails"):
        if isinstance(values.get(list_field), str):
            values[list_field] = [part.strip() for part in values[list_field].split(";")]
    reader = RecordReader(RowBuilder(default_sender=sender), {}, cases=False)
    where = source or Source(file="<dataframe>")
    try:
        return reader.flat(values, where)
    except InputError as error:
        return error


def _evaluate_frame(frame: pandas.DataFrame, config: Config | None, file: str) -> pandas.DataFrame:
    import pandas

    engine = _engine_for(config)
    rows = []
    for index, record in zip(frame.index, frame.to_dict("records"), strict=True):
        case = case_from_record(record, source=Source(file=file, line=int(index) + 1))
        rows.append(flat_row(next(engine.evaluate_many([case]))))
    return pandas.DataFrame(rows, columns=list(CSV_COLUMNS), index=frame.index)


def evaluate_dataframe(
    frame: dask.dataframe.DataFrame, *, config: Config | None = None, name: str = "dataframe"
) -> dask.dataframe.DataFrame:
    """Evaluate every row of a Dask dataframe; the result has the CSV columns, same index.

    ``source`` in each row is ``<name>:<index + 1>``, so a row is traceable to its input.
    """
    import pandas

    meta = pandas.DataFrame({column: pandas.Series(dtype=object) for column in CSV_COLUMNS})
    mapped: dask.dataframe.DataFrame = frame.map_partitions(  # type: ignore[no-untyped-call]
        _evaluate_frame, config, name, meta=meta
    )
    return mapped
