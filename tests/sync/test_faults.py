"""Reliability: network faults, lost responses and bad answers over real HTTP.

After any fault and a final clean sync: every finalised declaration is on the platform
exactly once, numbers are unique and accounted for (used or void), local status equals
the platform's, and the SQLite file passes ``PRAGMA integrity_check``. A bad answer gives
a clear error and changes nothing locally.
"""
from __future__ import annotations

import json
import time

import pytest
from faultproxy import FaultProxy
from sync_helpers import accounted, add_drafts, check_consistent

from client.errors import DeskError
from client.sync.http import BadResponse

pytestmark = pytest.mark.sandbox


@pytest.fixture
def proxied(sandbox, desk, make_engine):
    proxy = FaultProxy("127.0.0.1", int(sandbox.url.rsplit(":", 1)[1]))
    engine = make_engine(desk, batch_size=20, page_limit=50)
    ent = engine.login(proxy.url, "aa@demo", "demo123")
    yield proxy, engine, ent
    proxy.close()


def final_clean_sync(engine, proxy):
    proxy.clear()
    for _ in range(3):
        time.sleep(0.1)
        engine.sync()


def snapshot(desk) -> dict:
    """Everything the sync may touch, to show that a bad answer changed nothing."""
    import sqlite3
    con = sqlite3.connect(desk.paths.db)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("declarations", "status_history", "outbox", "number_leases", "kv",
                          "code_tables", "enterprises")}
    finally:
        con.close()


def test_random_network_faults_then_clean_sync(proxied, desk, sandbox):
    proxy, engine, ent = proxied
    ids = add_drafts(desk, ent, 100)
    engine.top_up()
    assert len(engine.filing().finalise(ids).finalised) == 100
    proxy.chaos(0.35, seed=7)
    errors = 0
    for _ in range(12):
        try:
            engine.sync()
        except DeskError:
            errors += 1
    assert proxy.count("reset") + proxy.count("drop") > 0
    final_clean_sync(engine, proxy)
    check_consistent(desk, sandbox, "aa@demo")
    accounted(engine, desk)


def test_response_lost_after_the_platform_applied_the_batch(proxied, desk, sandbox):
    proxy, engine, ent = proxied
    ids = add_drafts(desk, ent, 30)
    engine.top_up()
    engine.filing().finalise(ids)
    proxy.add("drop", path="/v1/mutations:batch", count=50)
    with pytest.raises(DeskError):
        engine.push()
    assert {desk.summary(i).status for i in ids} == {"ready"}  # no answer: still to send
    proxy.clear()
    s = engine.push()
    assert s.duplicates == 20 and s.applied == 10  # the first batch had been applied
    final_clean_sync(engine, proxy)
    check_consistent(desk, sandbox, "aa@demo")


def test_sandbox_fault_after_handling_is_a_resend_not_a_second_declaration(proxied, desk,
                                                                          sandbox):
    proxy, engine, ent = proxied
    ids = add_drafts(desk, ent, 5)
    engine.top_up()
    engine.filing().finalise(ids)
    assert sandbox.admin("POST", "/admin/faults", {"status": 503, "count": 1, "when": "after",
                                                   "path": "/v1/mutations:batch"}).ok
    s = engine.push()
    assert s.duplicates == 5 and s.applied == 0
    final_clean_sync(engine, proxy)
    check_consistent(desk, sandbox, "aa@demo")


def _rewrite_json(fn):
    def rewrite(body: bytes) -> bytes:
        data = json.loads(body)
        fn(data)
        return json.dumps(data).encode()
    return rewrite


@pytest.mark.parametrize("path,mutate", [
    ("/v1/mutations:batch", lambda d: d["results"][0].update(version="one")),
    ("/v1/mutations:batch", lambda d: d["results"].pop()),
    ("/v1/mutations:batch", lambda d: d["results"][0].update(outcome="maybe")),
    ("/v1/changes", lambda d: d.update(has_more="yes")),
    ("/v1/changes", lambda d: d["changes"][0].update(status="teleported")),
    ("/v1/changes", lambda d: d["changes"][0].update(version=[1])),
])
def test_wrong_types_change_nothing(proxied, desk, sandbox, path, mutate):
    proxy, engine, ent = proxied
    ids = add_drafts(desk, ent, 3)
    engine.top_up()
    engine.filing().finalise(ids)
    if path == "/v1/changes":
        engine.push()
    before = snapshot(desk)
    proxy.add("rewrite", path=path, fn=_rewrite_json(mutate))
    with pytest.raises(BadResponse) as info:
        engine.sync()
    assert info.value.message_zh.startswith("平台返回了无法识别的数据")
    assert "本地数据未做任何更改" in info.value.message_zh
    after = snapshot(desk)
    assert after == before
    final_clean_sync(engine, proxy)
    check_consistent(desk, sandbox, "aa@demo")


@pytest.mark.parametrize("path", ["/v1/mutations:batch", "/v1/changes"])
def test_garbage_json_changes_nothing(proxied, desk, sandbox, path):
    proxy, engine, ent = proxied
    ids = add_drafts(desk, ent, 3)
    engine.top_up()
    engine.filing().finalise(ids)
    if path == "/v1/changes":
        engine.push()
    before = snapshot(desk)
    proxy.add("garbage", path=path)
    with pytest.raises(BadResponse):
        engine.sync()
    assert snapshot(desk) == before
    final_clean_sync(engine, proxy)
    check_consistent(desk, sandbox, "aa@demo")


def test_latency_is_tolerated(proxied, desk, sandbox):
    proxy, engine, ent = proxied
    ids = add_drafts(desk, ent, 3)
    proxy.add("latency", seconds=0.3, count=20)
    engine.sync()
    engine.filing().finalise(ids)
    final_clean_sync(engine, proxy)
    check_consistent(desk, sandbox, "aa@demo")


def test_lost_lease_answer_gets_the_same_lease_back(proxied, desk, sandbox):
    proxy, engine, ent = proxied
    proxy.add("drop", path="/v1/number-leases", method="POST", count=100)
    with pytest.raises(DeskError):
        engine.take_lease("310000", "inbound", count=7)
    assert engine.leases() == []
    proxy.clear()
    le = engine.take_lease("310000", "inbound", count=50)  # same key, same (first) request
    assert le.last - le.first + 1 == 7
    on_platform = engine.client().get("/v1/number-leases")["leases"]
    assert [x["lease_id"] for x in on_platform] == [le.lease_id]


@pytest.fixture
def second_device(sandbox, make_engine, tmp_path):
    """``file(ent, n)``: another device of the same account files ``n`` declarations
    directly with the platform (not through the proxy); returns their ids."""
    from client.services import Desk
    other = Desk.open(tmp_path / "second-device")
    (tmp_path / "att").write_bytes(b"test")  # the sample declarations' attachment
    other.store_attachment(tmp_path / "att")
    e2 = make_engine(other)
    e2.login(sandbox.url, "aa@demo", "demo123")

    def file(ent, n):
        ids = add_drafts(other, ent, n)
        e2.top_up()
        e2.filing().finalise(ids)
        assert e2.sync().applied == n
        return ids
    yield file
    other.close()


def test_declarations_from_another_device_arrive_even_after_a_lost_fetch(
        proxied, desk, second_device):
    """Receipts name declarations filed on another device; fetching them fails (offline):
    the receipts are applied, the declarations stay remembered and the next sync brings
    them. A remembered id the platform does not show this login is dropped, once."""
    from client.store import kv
    from client.sync.pull import UNKNOWN_KEY
    proxy, engine, ent = proxied
    theirs = second_device(ent, 3)
    proxy.add("drop", path="/v1/declarations/", count=1000)
    for _ in range(50):  # until the platform's first receipts for them are due
        time.sleep(0.1)
        try:
            engine.sync()
        except DeskError:
            break
    else:
        pytest.fail("no receipt for the other device's declarations arrived")
    with desk.db.read() as conn:
        assert sorted(kv.get(conn, UNKNOWN_KEY)) == sorted(theirs)
    assert not set(theirs) & {r.id for r in desk.list()}
    with desk.db.write() as conn:  # and one the platform will not show this login
        kv.put(conn, UNKNOWN_KEY, kv.get(conn, UNKNOWN_KEY) + ["01NOSUCHDECLARATION0000000"])
    proxy.clear()
    s = engine.sync()
    assert s.imported == 3 and s.unknown_receipts == 1
    assert set(theirs) <= {r.id for r in desk.list()}
    with desk.db.read() as conn:
        assert kv.get(conn, UNKNOWN_KEY) is None
    assert engine.sync().imported == 0


def test_many_unknown_declarations_are_read_by_pages_not_one_by_one(
        proxied, desk, second_device, monkeypatch):
    from client.sync import pull
    monkeypatch.setattr(pull, "FETCH_ONE_BY_ONE", 2)
    proxy, engine, ent = proxied
    theirs = second_device(ent, 4)
    imported = 0
    for _ in range(50):
        time.sleep(0.1)
        imported += engine.sync().imported
        if imported:
            break
    assert imported == 4 and set(theirs) <= {r.id for r in desk.list()}
    paths = [x.path for x in proxy.seen]
    assert "/v1/declarations" in paths
    assert not any(p.startswith("/v1/declarations/") for p in paths)
