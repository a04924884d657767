"""Across processes on one PostgreSQL (issue 16): numbers, the sync lock, the copy."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from client.store import schema as s
from tests.office.conftest import add_lease

REPO = Path(__file__).resolve().parents[2]
WORKER = REPO / "benchmarks" / "office_desk.py"


def _start_desks(tmp_path, url: str, desks: int, drafts: int):
    go = tmp_path / "go"
    procs = []
    for k in range(desks):
        procs.append(subprocess.Popen(
            [sys.executable, str(WORKER), "--store", url, "--data-dir",
             str(tmp_path / f"worker-{k}"), "--drafts", str(drafts), "--go", str(go),
             "--seed", str(k + 1)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(REPO),
            env=dict(os.environ, PYTHONPATH=str(REPO))))
    for p in procs:
        line = p.stdout.readline()
        assert json.loads(line or "{}").get("ready"), p.stderr.read()
    go.touch()
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=600)
        assert p.returncode == 0, stderr
        out.append(json.loads(stdout.strip().splitlines()[-1]))
    return out


def test_desks_finalising_at_once_hand_out_unique_gapless_numbers(
        tmp_path, open_desk, office_url, pg_only):
    desk = open_desk("office")
    add_lease(desk, first=1, last=100000)
    got = _start_desks(tmp_path, office_url, desks=4, drafts=60)
    numbers = [n for g in got for n in g["numbers"]]
    assert all(g["no_number"] == 0 and g["invalid"] == 0 for g in got)
    assert len(numbers) == 240
    assert len(set(numbers)) == 240  # never one number twice
    serials = sorted(int(n[-6:]) for n in numbers)
    assert serials == list(range(1, 241))  # and none skipped
    with desk.db.read() as conn:
        nxt = conn.execute(s.number_leases.select()).first().next_serial
        filed = conn.execute(s.declarations.select().where(
            s.declarations.c.status == "ready")).all()
    assert nxt == 241 and len(filed) == 240


HOLDER = """
import sys, time
from client import paths
from client.services import Desk
from client.store.office import sync_lock
paths.configure_store(sys.argv[1])
desk = Desk.open(sys.argv[2])
with sync_lock(desk.db.engine):
    print("held", flush=True)
    time.sleep(600)
"""


def test_a_desk_killed_holding_the_sync_lock_releases_it(tmp_path, open_desk, office_url,
                                                         pg_only):
    from client.store.office import SyncBusy, sync_lock
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, office_url,
                               str(tmp_path / "holder")], stdout=subprocess.PIPE, text=True,
                              cwd=str(REPO), env=dict(os.environ, PYTHONPATH=str(REPO)))
    try:
        assert holder.stdout.readline().strip() == "held"
        other = open_desk("other")
        with pytest.raises(SyncBusy), sync_lock(other.db.engine, wait=False):
            pass
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        deadline = time.monotonic() + 30
        while True:  # the server notices the dead connection and drops its lock
            try:
                with sync_lock(other.db.engine, wait=False):
                    break
            except SyncBusy:
                assert time.monotonic() < deadline, "lock of a dead desk never released"
                time.sleep(0.1)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        holder.stdout.close()


def test_store_copy_round_trips_a_profile_and_refuses_a_non_empty_target(
        tmp_path, open_desk, office_url, pg_only, monkeypatch):
    """A desk's SQLite profile copied into an empty office schema: every row, once."""
    from client.services import Desk
    from client.services.filing import Filing
    from client.store import declarations as decl_q
    from client.store.copy import TargetNotEmpty
    from tests.office.conftest import login_as
    from client.rules.sample import sample_declaration

    monkeypatch.delenv("CIQDESK_STORE_URL")
    src_dir = tmp_path / "one-desk"
    local = Desk.open(src_dir)
    att = src_dir / "contract.pdf"
    att.write_bytes(b"test")
    local.store_attachment(att)
    add_lease(local)
    login_as(local, "wang")
    ids = []
    for k in range(5):
        d = sample_declaration("inbound", seed=100 + k)
        local.save_draft(d)
        ids.append(d.id)
    Filing(local).finalise(ids[:3])
    local.save_template("常用", sample_declaration("inbound", seed=9))
    with local.db.read() as conn:
        src_rows = {r.id: (r.status, r.inspection_no, r.filed_by) for r in decl_q.list_page(conn)}
        src_hist = conn.execute(s.status_history.select().order_by(s.status_history.c.id)).all()
        src_out = conn.execute(s.outbox.select()).all()
    local.close()
    before = src_dir.joinpath("ciqdesk.sqlite3").read_bytes()

    env = dict(os.environ, PYTHONPATH=str(REPO), CIQDESK_DATA_DIR=str(src_dir))
    env.pop("CIQDESK_STORE_URL", None)
    run = subprocess.run([sys.executable, "-m", "client", "store", "copy", "--to", office_url],
                         cwd=str(REPO), env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "declarations: 5" in run.stdout
    assert src_dir.joinpath("ciqdesk.sqlite3").read_bytes() == before  # source untouched

    monkeypatch.setenv("CIQDESK_STORE_URL", office_url)
    office = open_desk("after-copy")
    with office.db.read() as conn:
        rows = {r.id: (r.status, r.inspection_no, r.filed_by) for r in decl_q.list_page(conn)}
        hist = conn.execute(s.status_history.select().order_by(s.status_history.c.id)).all()
        out = conn.execute(s.outbox.select()).all()
        leases = conn.execute(s.number_leases.select()).all()
        templates = conn.execute(s.templates.select()).all()
        blobs = conn.execute(s.blobs.select()).all()
    assert rows == src_rows
    assert [tuple(h) for h in hist] == [tuple(h) for h in src_hist]
    assert sorted(map(tuple, out)) == sorted(map(tuple, src_out))
    assert leases[0].next_serial == 4 and len(templates) == 1 and len(blobs) == 1
    # the office goes on: a new history row gets a fresh id, the next number follows
    d = sample_declaration("inbound", seed=200)
    office.save_draft(d)
    office.store_attachment(att)
    Filing(office).finalise([d.id])
    assert office.get(d.id).inspection_no.endswith("000004")

    again = subprocess.run([sys.executable, "-m", "client", "store", "copy", "--to",
                            office_url], cwd=str(REPO), env=env, capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 2
    assert "办公室数据库不是空的" in again.stderr
    assert TargetNotEmpty.__name__  # the error class the CLI reported


def test_desks_queueing_at_once_for_different_leases_never_clash_on_the_send_order(
        tmp_path, open_desk, office_url, pg_only):
    """Two desk processes whose finalises lock different lease rows (inbound, outbound)
    still share the outbox: its send order (``seq``) is taken under a lock, so no
    transaction fails and no ``seq`` is taken twice."""
    from client import numbers
    a = open_desk("a")
    for lease_id, direction in (("IN", "inbound"), ("OUT", "outbound")):
        with a.db.write() as conn:
            numbers.store_lease(conn, {"lease_id": lease_id, "bureau": "310000",
                                       "direction": direction,
                                       "year": str(numbers.current_year())[-2:], "first": 1,
                                       "last": 1000, "expires_at": "2999-01-01T00:00:00.000Z"})
    go = tmp_path / "go"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    procs = [subprocess.Popen([sys.executable, str(WORKER), "--store", office_url,
                               "--data-dir", str(tmp_path / direction), "--drafts", "60",
                               "--go", str(go), "--seed", str(k + 7), "--direction", direction,
                               "--one-by-one"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd=str(REPO), env=env)
             for k, direction in enumerate(("inbound", "outbound"))]
    for p in procs:
        assert json.loads(p.stdout.readline() or "{}").get("ready"), p.stderr.read()
    go.touch()
    for p in procs:
        _out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err[-3000:]
    with a.db.read() as conn:
        seqs = [r.seq for r in conn.execute(s.outbox.select())]
    assert sorted(seqs) == list(range(1, 121))
