"""Batches: progress, cancel and resume, never processing an item twice."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from client.cli.main import main
from client.errors import InputError
from client.rules.sample import sample_declaration
from client.services.batch import (BatchRunner, batch_info, batch_items, finalise_step,
                                   list_batches, select_ids)
from client.store import kv
from client.store import schema as s


class FileStep:
    """A real step: appends the id to a journal file (what a user would see happen)."""

    def __init__(self, journal: Path):
        self.journal = journal

    def __call__(self, desk, decl_id: str) -> str:
        with self.journal.open("a", encoding="utf-8") as fh:
            fh.write(decl_id + "\n")
        return f"处理 {decl_id}"

    def processed(self) -> list[str]:
        return self.journal.read_text("utf-8").split() if self.journal.exists() else []


def _ids(n: int) -> list[str]:
    return [f"D{i:04d}" for i in range(n)]


def test_cancel_then_resume_processes_every_item_exactly_once(desk, tmp_path):
    step = FileStep(tmp_path / "journal.txt")
    runner = BatchRunner(desk, "test", step)
    seen = []
    info = runner.start(_ids(10), progress=lambda d, t, m: seen.append((d, t)),
                        cancel=lambda: len(step.processed()) >= 4)
    assert info.state == "paused" and (info.done, info.pending) == (4, 6)
    assert seen[0] == (0, 10) and seen[-1] == (4, 10)

    seen.clear()
    info = runner.run(info.id, progress=lambda d, t, m: seen.append((d, t)))
    assert info.state == "done" and (info.done, info.failed, info.pending) == (10, 0, 0)
    assert step.processed() == _ids(10)  # in order, none twice, none skipped
    assert seen[0] == (4, 10) and seen[-1] == (10, 10)
    assert info.finished_at is not None
    assert [i.message for i in batch_items(desk, info.id)][:2] == ["处理 D0000", "处理 D0001"]

    info = runner.run(info.id)  # resuming a finished batch does nothing
    assert step.processed() == _ids(10)


def test_an_interrupted_batch_resumes_where_it_stopped(desk, tmp_path):
    step = FileStep(tmp_path / "journal.txt")

    def crashing(d, decl_id):
        if decl_id == "D0005":
            raise KeyboardInterrupt  # the process is stopped in the middle of an item
        return step(d, decl_id)

    runner = BatchRunner(desk, "test", crashing)
    bid = runner.create(_ids(8))
    with pytest.raises(KeyboardInterrupt):
        runner.run(bid)
    info = batch_info(desk, bid)
    assert info.state == "running" and info.done == 5 and info.pending == 3
    assert bid in [b.id for b in list_batches(desk)]

    info = BatchRunner(desk, "test", step).run(bid)
    assert info.state == "done" and info.done == 8
    assert step.processed() == _ids(8)


def test_failed_items_keep_their_reason_and_can_be_retried(desk, tmp_path):
    step = FileStep(tmp_path / "journal.txt")
    broken = {"D0002"}

    def picky(d, decl_id):
        if decl_id in broken:
            raise InputError("第3份有问题", "item 3 is broken")
        return step(d, decl_id)

    runner = BatchRunner(desk, "test", picky)
    info = runner.start(_ids(4))
    assert (info.state, info.done, info.failed) == ("done", 3, 1)
    assert [(i.declaration_id, i.message) for i in batch_items(desk, info.id)
            if i.state == "failed"] == [("D0002", "第3份有问题")]
    broken.clear()
    info = runner.run(info.id, retry_failed=True)
    assert (info.done, info.failed) == (4, 0)
    assert sorted(step.processed()) == _ids(4)


def test_transactional_steps_commit_with_their_mark(desk):
    calls = []

    def step(conn, decl_id):
        calls.append(decl_id)
        kv.put(conn, f"batch-test:{decl_id}", True)
        if decl_id == "D0003":
            raise RuntimeError("a bug in the step")  # rolled back together with its mark
        return None

    runner = BatchRunner(desk, "test", step, transactional=True)
    info = runner.start(_ids(5))
    assert (info.done, info.failed) == (4, 1)
    with desk.db.read() as conn:
        assert kv.get(conn, "batch-test:D0003") is None
        assert kv.get(conn, "batch-test:D0004") is True
    assert [i.message for i in batch_items(desk, info.id) if i.state == "failed"] == [
        "内部错误，详情已写入日志"]


def test_a_batch_of_another_kind_is_refused(desk, tmp_path):
    bid = BatchRunner(desk, "other", FileStep(tmp_path / "j")).create(["X"])
    with pytest.raises(InputError):
        BatchRunner(desk, "test", FileStep(tmp_path / "j")).run(bid)


# ------------------------------------------------------------------- real finalising

def _lease(desk, direction: str, first: int = 1, last: int = 50) -> None:
    from client import numbers
    with desk.db.write() as conn:
        numbers.store_lease(conn, {"lease_id": f"L-{direction}", "bureau": "310000",
                                   "direction": direction, "year": numbers.current_year(),
                                   "first": first, "last": last, "expires_at": None})


def test_batch_finalise_cancel_and_resume_numbers_each_declaration_once(desk):
    from client.sync.engine import SyncEngine

    _lease(desk, "inbound")
    decls = [sample_declaration("inbound", 1, seed=60 + i) for i in range(6)]
    invalid = sample_declaration("inbound", 1, seed=70)
    invalid.goods[0].hs_code = "12"
    for d in decls + [invalid]:
        desk.save_draft(d)
    ids = [d.id for d in decls] + [invalid.id]
    engine = SyncEngine(desk)
    runner = BatchRunner(desk, "finalise", finalise_step(desk, engine))
    state = {"n": 0}

    def cancel_after_three():
        state["n"] += 1
        return state["n"] > 3

    info = runner.start(ids, cancel=cancel_after_three)
    assert info.state == "paused" and info.done == 3
    # an earlier run finalised item 4 but was killed before marking it: finalise is
    # idempotent by status, so the resumed batch leaves it alone instead of renumbering
    engine.filing().finalise([ids[3]])
    number_of_4 = desk.get(ids[3]).inspection_no
    info = runner.run(info.id)
    assert (info.state, info.done, info.failed) == ("done", 6, 1)
    items = {i.declaration_id: i for i in batch_items(desk, info.id)}
    assert "跳过" in items[ids[3]].message
    assert "未通过校验" in items[invalid.id].message and "goods[0].hs_code" in items[invalid.id].message
    numbers_ = [desk.get(i).inspection_no for i in ids[:6]]
    assert None not in numbers_ and len(set(numbers_)) == 6
    assert desk.get(ids[3]).inspection_no == number_of_4
    assert all(desk.summary(i).status == "ready" for i in ids[:6])
    assert desk.summary(invalid.id).status == "draft"
    with desk.db.read() as conn:
        outbox = [r[0] for r in conn.execute(select(s.outbox.c.declaration_id))]
    assert sorted(outbox) == sorted(ids[:6])  # one submission each, never two


def test_cli_batch_finalize_without_numbers_then_resume_after_a_lease(data_dir, desk, capsys):
    decls = [sample_declaration("outbound", 1, seed=80 + i) for i in range(3)]
    for d in decls:
        desk.save_draft(d)
    assert main(["batch", "finalize", "--all", "--json"]) == 1
    info = json.loads(capsys.readouterr().out)
    assert (info["total"], info["failed"]) == (3, 3)
    assert main(["batch", "show", info["id"], "--json"]) == 0
    items = json.loads(capsys.readouterr().out)["items"]
    assert all("没有可用的报检号" in i["message"] for i in items)
    _lease(desk, "outbound")
    assert main(["batch", "resume", info["id"], "--retry-failed", "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["done"], again["failed"], again["state"]) == (3, 0, "done")
    assert main(["batch", "list", "--json"]) == 0
    assert [b["id"] for b in json.loads(capsys.readouterr().out)] == [info["id"]]
    assert all(desk.summary(d.id).status == "ready" for d in decls)


def test_selection_by_status_client_and_ids(desk):
    a = sample_declaration("inbound", 1, seed=90)
    b = sample_declaration("inbound", 1, seed=91)
    b.declarant.uscc = "91310115MA1K4AB2C0"
    for d in (a, b):
        desk.save_draft(d)
    assert select_ids(desk, all_=True) == [a.id, b.id]
    assert select_ids(desk, client=a.declarant.uscc) == [a.id]
    assert select_ids(desk, [b.id, a.id, b.id]) == [b.id, a.id]
    with pytest.raises(Exception) as e:
        select_ids(desk, ["NOPE"])
    assert "NOPE" in str(e.value.message_zh)
    with pytest.raises(InputError):
        select_ids(desk)
