"""Validating thousands of stored drafts at once shares them with worker processes (issue
17): the results, those kept for the list's markers and what the finalise memo learns are
the same as this process alone finds; a missing draft is still refused by id."""
from __future__ import annotations

import multiprocessing
import os

import pytest

from client.errors import NotFound
from client.interchange import import_work
from client.rules.sample import sample_declaration
from client.services import Desk


def _decls():
    out = []
    for i in range(24):
        d = sample_declaration("inbound" if i % 2 else "outbound", 1 + i % 3, seed=500 + i)
        if i % 5 == 0:
            d.contract_no = None  # an error the rules name
        if i % 7 == 0:
            d.goods[0].hs_code = "0000000000"
        out.append(d)
    return out


DECLS = _decls()


def _desk(path):
    desk = Desk.open(path)
    for d in DECLS:
        desk.save_draft(d)
    return desk


def _ids(desk):
    return sorted(r.id for r in desk.list(limit=100))


def _validate(desk, monkeypatch, workers: int):
    monkeypatch.setenv("CIQDESK_IMPORT_WORKERS", str(workers))
    monkeypatch.setattr(import_work, "POOL_FROM_ROWS", 1)
    got = desk.validate_ids(_ids(desk))
    kept = {i: desk.stored_issues(i) for i in got}
    return {i: [x.to_dict() for x in v] for i, v in got.items()}, kept


def test_workers_find_what_this_process_alone_finds(tmp_path, monkeypatch):
    a, b = _desk(tmp_path / "a"), _desk(tmp_path / "b")
    try:
        alone = _validate(a, monkeypatch, 0)
        shared = _validate(b, monkeypatch, 1)
        assert len(alone[0]) == 24 and any(alone[0].values())
        assert shared == alone
        assert multiprocessing.active_children() == []
        # the finalise memo learned the same clean drafts, at the same revisions (of rows
        # of two stores: their created_at differ)
        def revs(desk):
            return {i: version[0] for i, version in desk.clean_memo._revs.items()}
        assert revs(b) == revs(a) and revs(a)
    finally:
        a.close()
        b.close()


def _die(rows):  # noqa: ARG001 - run in the worker instead of import_work._validate_work
    os._exit(3)


def test_a_worker_that_dies_costs_only_time(tmp_path, monkeypatch):
    a, b = _desk(tmp_path / "a"), _desk(tmp_path / "b")
    try:
        alone = _validate(a, monkeypatch, 0)
        monkeypatch.setattr(import_work, "_validate_work", _die)
        assert _validate(b, monkeypatch, 1) == alone
    finally:
        a.close()
        b.close()


def test_a_missing_draft_is_refused_by_id(tmp_path, monkeypatch):
    desk = _desk(tmp_path / "a")
    try:
        monkeypatch.setenv("CIQDESK_IMPORT_WORKERS", "1")
        monkeypatch.setattr(import_work, "POOL_FROM_ROWS", 1)
        with pytest.raises(NotFound):
            desk.validate_ids(_ids(desk) + ["01NOSUCHDECLARATION0000000"])
        assert multiprocessing.active_children() == []
    finally:
        desk.close()
