"""Dask integration: a list evaluated on a LocalCluster gives exactly the local results."""

from __future__ import annotations

import pickle

import pytest

from invitecore import Case, Invitation, Profile, Sender
from invitecore.builtin.machine import CSV_COLUMNS, flat_row
from invitecore.engine import Engine
from invitecore.errors import InputError
from invitecore.results import Source

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pandas = pytest.importorskip("pandas")

from invitecore.cluster import (  # noqa: E402 - after the skips: needs the dask extra
    case_from_record,
    evaluate_bag,
    evaluate_dataframe,
)


def _cases() -> list[Case | InputError]:
    notes = [
        "",
        "I'd like to add you to my professional network on LinkedIn.",
        "Hi {first}, we met at the Lisbon data meetup in March; I'd like to stay in touch.",
    ]
    cases: list[Case | InputError] = []
    for i in range(60):
        first = f"Ana{i}"
        cases.append(
            Case(
                id=str(i),
                profile=Profile(
                    name=f"{first} Example",
                    first_name=first,
                    headline=["[LION] Recruiter", "CFO", "Open Networker | a@example.com"][i % 3],
                    about="I only connect with people I know." if i % 4 == 0 else None,
                ),
                invitation=Invitation(
                    note=notes[i % 3].format(first=first),
                    relationship=["none", "colleague", "other"][i % 3],
                ),
                sender=Sender(account="free" if i % 2 else "premium"),
                source=Source(file="list.jsonl", line=i + 1),
            )
        )
    cases.insert(10, InputError("invalid JSON", file="list.jsonl", line=99))
    return cases


def test_cases_and_results_pickle() -> None:
    cases = _cases()
    assert pickle.loads(pickle.dumps(cases))[:3] == cases[:3]
    error = pickle.loads(pickle.dumps(cases[10]))
    assert str(error) == str(cases[10])
    results = list(Engine.from_config().evaluate_many(cases))
    assert pickle.loads(pickle.dumps(results)) == results


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


def test_bag_on_local_cluster_matches_local_results(client) -> None:  # type: ignore[no-untyped-def]
    cases = _cases()
    local = list(Engine.from_config().evaluate_many(cases))
    remote = evaluate_bag(db.from_sequence(cases, npartitions=4)).compute()
    assert remote == local
    assert len(remote) == len(cases)
    assert remote[10].input_error is not None


def test_dataframe_on_local_cluster_matches_local_rows(client) -> None:  # type: ignore[no-untyped-def]
    records = [
        {
            "name": f"Bo{i} Example",
            "headline": "[LION]" if i % 2 else "CFO",
            "note": "",
            "relationship": "none" if i % 3 else "colleague",
            "id": str(i),
        }
        for i in range(40)
    ]
    records[5]["relationship"] = "boss"  # one bad row: an error row, not a crash
    frame = pandas.DataFrame(records)
    engine = Engine.from_config()
    expected = [
        flat_row(
            next(
                engine.evaluate_many(
                    [case_from_record(record, source=Source(file="dataframe", line=index + 1))]
                )
            )
        )
        for index, record in enumerate(records)
    ]
    result = evaluate_dataframe(dd.from_pandas(frame, npartitions=3)).compute()
    assert list(result.columns) == list(CSV_COLUMNS)
    assert result.values.tolist() == expected
    assert "relationship" in result.iloc[5]["error"]
