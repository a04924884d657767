"""A large workbook's import shared with worker processes (issue 17): whichever process
prepared a part, the store, the results kept, the problems and the warnings are the same;
a worker that dies costs nothing but time; a cancel stops the workers and stores nothing."""
from __future__ import annotations

import multiprocessing
import os

import pytest

from batch_helpers import count_parts, fill, rows_of
from client.cli.main import main
from client.interchange import import_work
from client.interchange.importer import import_into
from client.interchange.progress import Cancelled
from client.model import dumps_compact
from client.rules.sample import sample_declaration
from client.services import Desk, ImportReport
from desk_fixtures import take_eciq_lists


@pytest.fixture
def book(data_dir, tmp_path, capsys):
    """30 declarations (1–3 goods lines) in customs codes (mapped to eCIQ on import, with
    warnings), one with a quantity that cannot be read (not imported)."""
    path = tmp_path / "大批.xlsx"
    assert main(["template", "--out", str(path)]) == 0
    capsys.readouterr()
    rows = []
    for i in range(30):
        d = sample_declaration("inbound" if i % 2 else "outbound", 1 + i % 3, seed=300 + i)
        d.transport_mode, d.trade_mode = "2", "0110"
        rs = rows_of(d)
        if i == 7:
            rs[0]["goods.quantity"] = "十二"
        rows.extend(rs)
    fill(path, rows)
    return path


def _import(path, profile, monkeypatch, workers: int, cancel=None):
    monkeypatch.setenv("CIQDESK_IMPORT_WORKERS", str(workers))
    monkeypatch.setattr(import_work, "POOL_FROM_ROWS", 1)
    monkeypatch.setattr(import_work, "POOL_PART_ROWS", 4)  # many parts for two processes
    desk = Desk.open(profile)
    take_eciq_lists(desk)
    report = ImportReport()
    try:
        import_into(desk, path, report, validate=True, cancel=cancel)
    finally:
        stored = _stored(desk)
        desk.close()
    return report, stored


def _stored(desk):
    with desk.db.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, doc, status, valid, error_count, warning_count, issues, validated_rev, "
            "search_text FROM declarations ORDER BY id").all()
        goods = conn.exec_driver_sql(
            "SELECT declaration_id, seq, hs_code, quantity, value FROM goods_lines "
            "ORDER BY declaration_id, seq").all()
        found = conn.exec_driver_sql("SELECT count(*) FROM decl_search").scalar()
    return [tuple(r) for r in rows], [tuple(g) for g in goods], found


def _said(report):
    return ([(p.row, p.column, p.field, p.message) for p in report.errors],
            [(p.row, p.field, p.message) for p in report.warnings])


def _local_parts(monkeypatch):
    """Count the parts this process prepares itself (a worker's are not counted)."""
    calls = []
    real = import_work.prepare

    def spy(*a, **kw):
        calls.append(1)
        return real(*a, **kw)
    monkeypatch.setattr(import_work, "prepare", spy)
    return calls


def test_workers_store_exactly_what_this_process_alone_stores(book, tmp_path, monkeypatch):
    alone, stored_alone = _import(book, tmp_path / "alone", monkeypatch, 0)
    parts = count_parts(monkeypatch)
    local = _local_parts(monkeypatch)
    shared, stored_shared = _import(book, tmp_path / "shared", monkeypatch, 1)
    assert len([p for p in parts if p]) > len(local), "a worker prepared some of the parts"
    assert len(alone.imported) == 29 and sorted(shared.imported) == sorted(alone.imported)
    assert stored_shared == stored_alone
    assert _said(shared) == _said(alone)
    errors, warnings = _said(shared)
    assert [e[2] for e in errors] == ["goods[0].quantity"]
    # the sample declarations are in customs codes: each one imported is mapped, twice
    assert {w[1] for w in warnings} == {"transport_mode", "trade_mode"}
    assert len(warnings) == 2 * 29
    assert multiprocessing.active_children() == []


def _die(groups):  # noqa: ARG001 - run in the worker instead of import_work._work
    os._exit(3)


def test_a_worker_that_dies_costs_only_time(book, tmp_path, monkeypatch, caplog):
    alone, stored_alone = _import(book, tmp_path / "alone", monkeypatch, 0)
    monkeypatch.setattr(import_work, "_work", _die)
    with caplog.at_level("WARNING", logger="client.interchange.import_work"):
        shared, stored_shared = _import(book, tmp_path / "dies", monkeypatch, 1)
    assert "an import worker failed" in caplog.text
    assert stored_shared == stored_alone and _said(shared) == _said(alone)
    assert multiprocessing.active_children() == []


def _hang(groups):  # noqa: ARG001 - run in the worker instead of import_work._work
    import time
    time.sleep(3600)


def test_a_hung_worker_is_ended_and_its_part_prepared_here(book, tmp_path, monkeypatch,
                                                            caplog):
    alone, stored_alone = _import(book, tmp_path / "alone", monkeypatch, 0)
    monkeypatch.setattr(import_work, "_work", _hang)
    monkeypatch.setattr(import_work, "PART_TIMEOUT", 2.0)
    with caplog.at_level("WARNING", logger="client.interchange.import_work"):
        shared, stored_shared = _import(book, tmp_path / "hangs", monkeypatch, 1)
    assert "did not finish its part; ending it" in caplog.text
    assert stored_shared == stored_alone and _said(shared) == _said(alone)
    assert multiprocessing.active_children() == []


def _slow(groups):  # run in the worker instead of import_work._work
    import time
    time.sleep(0.5)
    return import_work._STATE and import_work.prepare(
        import_work._STATE["reader"], groups, import_work._STATE["codes"],
        import_work._STATE["ctx"])


def test_a_slow_worker_holds_back_only_a_few_parts(book, tmp_path, monkeypatch):
    """Results are stored in the sheet's order; the parts prepared here while a slow
    worker's part is not back yet wait in memory, a bounded number of them."""
    from client.services.import_sink import ImportSink
    monkeypatch.setattr(import_work, "_work", _slow)
    monkeypatch.setattr(import_work, "POOL_PART_ROWS", 2)
    events = []
    real_prepare, real_store = import_work.prepare, ImportSink.store_rows

    def prepare(*a, **kw):
        events.append(+1)
        return real_prepare(*a, **kw)

    def store(self, batch, rows):
        events.append(-1)
        return real_store(self, batch, rows)
    monkeypatch.setattr(import_work, "prepare", prepare)
    monkeypatch.setattr(ImportSink, "store_rows", store)
    monkeypatch.setenv("CIQDESK_IMPORT_WORKERS", "1")
    monkeypatch.setattr(import_work, "POOL_FROM_ROWS", 1)
    desk = Desk.open(tmp_path / "slow")
    try:
        report = ImportReport()
        import_into(desk, book, report, validate=True)
    finally:
        desk.close()
    assert len(report.imported) == 29
    held, most = 0, 0
    for e in events:
        held += e
        most = max(most, held)
    assert events.count(-1) > events.count(+1), "the worker prepared some parts"
    assert most <= import_work._HELD + 1


def test_a_cancel_stops_the_workers_and_stores_nothing(book, tmp_path, monkeypatch):
    asked = []

    def cancel():
        asked.append(1)
        return len(asked) > 3
    with pytest.raises(Cancelled):
        _import(book, tmp_path / "cancelled", monkeypatch, 1, cancel=cancel)
    assert multiprocessing.active_children() == []
    desk = Desk.open(tmp_path / "cancelled")
    try:
        assert _stored(desk) == ([], [], 0)
    finally:
        desk.close()


def test_workers_only_for_a_large_sheet(monkeypatch):
    monkeypatch.delenv("CIQDESK_IMPORT_WORKERS", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert import_work.workers_for(None) == 0
    assert import_work.workers_for(import_work.POOL_FROM_ROWS - 1) == 0
    assert import_work.workers_for(20_000) == import_work.MAX_WORKERS
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    assert import_work.workers_for(20_000) == 2
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # no faster with one (measured)
    assert import_work.workers_for(20_000) == 0
    monkeypatch.setenv("CIQDESK_IMPORT_WORKERS", "0")
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert import_work.workers_for(20_000) == 0
    monkeypatch.setenv("CIQDESK_IMPORT_WORKERS", "2")
    assert import_work.workers_for(20_000) == 2


def test_the_same_json_whichever_process_wrote_it(book, tmp_path, monkeypatch):
    """The stored JSON is dumps_compact of what the store reads back (a worker's
    serialiser is this one)."""
    _, stored = _import(book, tmp_path / "shared", monkeypatch, 1)
    desk = Desk.open(tmp_path / "shared")
    try:
        for did, doc, *_rest in stored[0]:
            assert dumps_compact(desk.get(did)) == doc
    finally:
        desk.close()
