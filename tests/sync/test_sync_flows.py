"""The sync engine against a real sandbox platform over HTTP on 127.0.0.1."""
from __future__ import annotations

import json
import time

import pytest
from sync_helpers import (accounted, add_drafts, check_consistent, local_rows, platform_view)

from client.errors import AuthError, NotEditable, ValidationFailed
from client.numbers import NoNumberLeft

pytestmark = pytest.mark.sandbox


def login(engine, sb, user="aa@demo"):
    return engine.login(sb.url, user, "demo123")


def settle(engine, rounds: int = 3):
    s = None
    for _ in range(rounds):
        time.sleep(0.1)
        s = engine.sync()
    return s


def test_round_trip_finalise_push_receipts(engine, desk, sandbox):
    ent = login(engine, sandbox)
    ids = add_drafts(desk, ent, 12)
    engine.top_up()
    res = engine.filing().finalise(ids)
    assert len(res.finalised) == 12
    nos = [n for _, n in res.finalised]
    assert len(set(nos)) == 12 and all(n.startswith("3100001") for n in nos)
    assert {desk.summary(i).status for i in ids} == {"ready"}
    s = engine.sync()
    assert s.pushed == 12 and s.applied == 12 and not s.rejected
    settle(engine)
    view = check_consistent(desk, sandbox, "aa@demo")
    assert {view[i]["status"] for i in ids} <= {"released", "certified"}
    hist = desk.history(ids[0])
    assert [h.status for h in hist][:3] == ["draft", "ready", "sent"]
    assert any(h.source == "platform" and h.status == "accepted" for h in hist)
    st = engine.state()
    assert st.logged_in and st.pending == 0 and st.last_sync_at and st.last_error is None
    assert sum(st.numbers_left.values()) > 0
    accounted(engine, desk)


def test_validation_errors_block_finalise_and_keep_draft(engine, desk, sandbox):
    ent = login(engine, sandbox)
    ids = add_drafts(desk, ent, 2)
    d = desk.get(ids[1])
    d.contract_no = None
    desk.save_draft(d)
    engine.top_up()
    with pytest.raises(ValidationFailed) as info:
        engine.filing().finalise(ids)
    assert any(i.field == "contract_no" for i in info.value.issues)
    assert {desk.summary(i).status for i in ids} == {"draft"}
    res = engine.filing().finalise(ids, skip_invalid=True)
    assert [i for i, _ in res.finalised] == [ids[0]] and ids[1] in res.invalid


def test_finalise_offline_with_leases_taken_earlier(engine, desk, sandbox_factory):
    from faultproxy import FaultProxy

    from client.errors import OfflineError
    sb = sandbox_factory()
    proxy = FaultProxy("127.0.0.1", int(sb.url.rsplit(":", 1)[1]))
    try:
        ent = engine.login(proxy.url, "aa@demo", "demo123")
        ids = add_drafts(desk, ent, 3)
        engine.sync()  # online: takes leases for the drafts' bureau/direction
        assert engine.leases()
        proxy.add("reset", count=10_000)  # the network is gone
        res = engine.filing().finalise(ids)
        assert len(res.finalised) == 3
        with pytest.raises(OfflineError) as info:
            engine.sync()
        assert "无法连接平台" in info.value.message_zh
        assert {desk.summary(i).status for i in ids} == {"ready"}
        proxy.clear()  # back online
        settle(engine)
        check_consistent(desk, sb, "aa@demo")
    finally:
        proxy.close()


def test_finalise_online_takes_a_lease_first(engine, desk, sandbox):
    ent = login(engine, sandbox)
    ids = add_drafts(desk, ent, 3)
    assert engine.leases() == []
    res = engine.filing().finalise(ids)
    assert len(res.finalised) == 3 and res.no_number == []
    assert len(engine.leases()) == 1


def test_finalise_with_no_number_left_stays_draft(engine, desk, sandbox):
    ent = login(engine, sandbox)
    ids = add_drafts(desk, ent, 3)
    # the platform cannot hand out numbers right now: finalising goes on offline
    assert sandbox.admin("POST", "/admin/faults", {"status": 503, "count": 1,
                                                   "path": "/v1/number-leases"}).ok
    with pytest.raises(NoNumberLeft) as info:
        engine.filing().finalise(ids[:1])
    assert "没有可用的报检号" in info.value.message_zh
    assert desk.summary(ids[0]).status == "draft" and desk.summary(ids[0]).inspection_no is None
    # two numbers at hand for three outbound drafts, and the platform still unreachable
    out = add_drafts(desk, ent, 3, "outbound")
    engine.take_lease("310000", "outbound", count=2)
    assert sandbox.admin("POST", "/admin/faults", {"status": 503, "count": 1,
                                                   "path": "/v1/number-leases"}).ok
    res = engine.filing().finalise(out)
    assert len(res.finalised) == 2 and len(res.no_number) == 1
    assert desk.summary(res.no_number[0]).status == "draft"


def test_numbers_never_reused_across_restart(engine, desk, sandbox, make_engine, data_dir):
    from client.services import Desk
    ent = login(engine, sandbox)
    engine.take_lease("310000", "inbound", count=10)
    first = engine.filing().finalise(add_drafts(desk, ent, 2)).finalised
    desk.close()
    desk2 = Desk.open(data_dir)
    try:
        e2 = make_engine(desk2)
        second = e2.filing().finalise(add_drafts(desk2, ent, 2)).finalised
    finally:
        desk2.close()
    nos = [n for _, n in first + second]
    assert len(set(nos)) == 4
    assert [int(n[-6:]) for n in nos] == sorted(int(n[-6:]) for n in nos)


def test_rejected_item_is_reported_and_never_resent(engine, desk, sandbox):
    ent = login(engine, sandbox)
    good = add_drafts(desk, ent, 1)
    alien = add_drafts(desk, ent, 1)
    cross = desk.get(alien[0])  # declared in Jiangsu, inspected in Shanghai: grade-dependent
    cross.declare_bureau = "320000"
    desk.save_draft(cross)
    engine.top_up()
    engine.filing().finalise(good + alien)
    # the platform lowers the grade before the desk hears of it: it refuses on receipt
    assert sandbox.admin("PUT", f"/admin/enterprises/{ent['uscc']}/credit-grade",
                         {"grade": "C"}).ok
    s = engine.push()
    assert len(s.rejected) == 1 and s.rejected[0].declaration_id == alien[0]
    assert s.rejected[0].reasons[0]["field"] == "declare_bureau"
    row = desk.summary(alien[0])
    assert row.status == "rejected" and "信用等级" in row.status_note
    s2 = engine.sync()
    assert s2.pushed == 0
    assert alien[0] not in platform_view(sandbox, "aa@demo")
    # the user corrects it and asks for it to be filed again: same id and number
    fixed = desk.get(alien[0])  # the number names Jiangsu for life: inspect there too
    fixed.inspect_bureau = fixed.release_bureau = fixed.declare_bureau
    engine.filing().amend(alien[0], fixed)
    assert desk.summary(alien[0]).status == "ready"
    s3 = engine.sync()
    assert s3.applied == 1 and not s3.rejected
    assert platform_view(sandbox, "aa@demo")[alien[0]]["inspection_no"] == row.inspection_no


def test_token_expiry_mid_batch_refreshes_once_and_continues(desk, make_engine, sandbox_factory):
    sb = sandbox_factory(time_scale=1.0)
    engine = make_engine(desk, batch_size=2)
    ent = login(engine, sb)
    ids = add_drafts(desk, ent, 5)
    engine.top_up()
    engine.filing().finalise(ids)
    calls = []

    def progress(done, total, msg):
        calls.append(done)
        if done == 2:  # after the first batch: every access token expires
            assert sb.admin("POST", "/admin/clock:advance", {"seconds": 7200}).ok
    client = engine.client()
    before = client.refreshes
    s = engine.push(progress=progress)
    assert s.applied == 5 and client.refreshes == before + 1
    assert {desk.summary(i).status for i in ids} == {"sent"}


def test_amend_applies_then_stale_amend_conflicts(desk, make_engine, sandbox_factory):
    sb = sandbox_factory(time_scale=1.0)  # statuses stay "accepted" for a while
    engine = make_engine(desk)
    ent = login(engine, sb)
    [did] = add_drafts(desk, ent, 1)
    engine.top_up()
    engine.filing().finalise([did])
    engine.sync()
    assert desk.summary(did).version == 1
    a = desk.get(did)
    a.remarks = "第一次修改"
    b = desk.get(did)
    b.remarks = "第二次修改（基于旧版本）"
    engine.filing().amend(did, a)
    engine.filing().amend(did, b)  # also against version 1: the platform will be at 2
    s = engine.sync()
    assert s.applied == 1 and len(s.conflicts) == 1
    assert s.conflicts[0].reasons[0]["code"] == "stale_version"
    row = desk.summary(did)
    assert row.version == 2 and desk.get(did).remarks == "第一次修改"
    on_platform = engine.client().get(f"/v1/declarations/{did}")
    assert on_platform["version"] == 2 and on_platform["payload"]["remarks"] == "第一次修改"


def test_withdraw(desk, make_engine, sandbox_factory):
    sb = sandbox_factory(time_scale=1.0)
    engine = make_engine(desk)
    ent = login(engine, sb)
    [did] = add_drafts(desk, ent, 1)
    engine.top_up()
    engine.filing().finalise([did])
    engine.sync()
    with pytest.raises(Exception):
        engine.filing().withdraw(did, "  ")
    engine.filing().withdraw(did, "合同取消")
    s = engine.sync()
    assert s.applied == 1
    assert desk.summary(did).status == "withdrawn"
    check_consistent(desk, sb, "aa@demo")
    with pytest.raises(NotEditable):
        engine.filing().withdraw(did, "again")


def test_credit_grade_change_is_applied(engine, desk, sandbox):
    login(engine, sandbox, "b@demo")
    assert desk.credit_grade()[0] == "B"
    r = sandbox.admin("PUT", "/admin/enterprises/b@demo/credit-grade", {"grade": "C"})
    assert r.ok, r.text
    s = engine.sync()
    assert s.credit_grade == ("B", "C")
    grade, at = desk.credit_grade()
    assert grade == "C" and at is not None
    from sqlalchemy import select

    from client.store import schema as sch
    with desk.db.read() as conn:
        row = conn.execute(select(sch.enterprises.c.credit_grade)
                           .where(sch.enterprises.c.is_self == 1)).scalar()
    assert row == "C"


def test_code_table_update_is_applied(engine, desk, sandbox):
    login(engine, sandbox)
    old = desk.codes.builtin_csv("purposes")
    new = old.rstrip("\n") + "\n" + _extra_row(old, "98", "测试用途")
    r = sandbox.admin("POST", "/admin/codes/purposes", {"version": "2026.99", "content": new})
    assert r.ok, r.text
    s = engine.sync()
    assert ("purposes", "2026.99") in s.code_tables
    assert desk.codes.versions()["purposes"] == "2026.99"
    assert "98" in desk.codes.purposes
    from client.services import Desk
    d2 = Desk.open(desk.paths.data_dir)  # kept in the store: a restart sees it too
    try:
        assert d2.codes.versions()["purposes"] == "2026.99"
    finally:
        d2.close()


def _extra_row(csv_text: str, code: str, name: str) -> str:
    header = csv_text.splitlines()[0].split(",")
    vals = [code if h == "code" else name if h in ("name_cn", "name") else "" for h in header]
    return ",".join(vals) + "\n"


def test_expired_cursor_triggers_full_resync(engine, desk, sandbox):
    ent = login(engine, sandbox)
    ids = add_drafts(desk, ent, 4)
    engine.top_up()
    engine.filing().finalise(ids)
    engine.sync()
    time.sleep(0.1)
    engine.sync()
    # the platform compacts its history and moves on without us
    assert sandbox.admin("POST", "/admin/declarations/" + ids[0] + "/status",
                         {"status": "rejected", "note": "人工退回"}).ok
    assert sandbox.admin("POST", "/admin/cursors:expire").ok
    s = engine.sync()
    assert s.resynced
    assert desk.summary(ids[0]).status == "rejected"
    check_consistent(desk, sandbox, "aa@demo")


def test_two_devices_on_one_account(desk, make_engine, sandbox, tmp_path):
    from client.services import Desk
    other = Desk.open(tmp_path / "second-device")
    (tmp_path / "att").write_bytes(b"test")
    other.store_attachment(tmp_path / "att")
    try:
        e1, e2 = make_engine(desk), make_engine(other)
        ent = login(e1, sandbox)
        login(e2, sandbox)
        assert e1.device_id() != e2.device_id()
        ids1 = add_drafts(desk, ent, 5)
        ids2 = add_drafts(other, ent, 5)
        e1.top_up()
        e2.top_up()
        n1 = {n for _, n in e1.filing().finalise(ids1).finalised}
        n2 = {n for _, n in e2.filing().finalise(ids2).finalised}
        assert not (n1 & n2)
        for e in (e1, e2, e1, e2):
            time.sleep(0.05)
            e.sync()
        view = platform_view(sandbox, "aa@demo")
        assert set(ids1) | set(ids2) <= set(view)
        for d, ids in ((desk, ids1), (other, ids2)):
            rows = local_rows(d)
            assert all(rows[i][0] == view[i]["status"] for i in ids)
        # the receipts of the other device's declarations bring them along, whole, with
        # their history: no resync needed
        for d, mine, theirs in ((desk, ids1, ids2), (other, ids2, ids1)):
            rows = local_rows(d)
            assert set(mine) | set(theirs) <= set(rows)
            for i in theirs:
                assert rows[i][:2] == (view[i]["status"], view[i]["inspection_no"])
                assert d.get(i).contract_no  # the document, not just a status row
                hist = d.history(i)
                assert any(h.source == "platform" and h.status == "accepted" for h in hist)
        assert e1.resync().imported == 0
    finally:
        other.close()


def test_wrong_password_is_an_auth_error_and_stores_nothing(engine, desk, sandbox, creds):
    with pytest.raises(AuthError) as info:
        engine.login(sandbox.url, "aa@demo", "wrong")
    assert "密码错误" in info.value.message_zh
    assert engine.account() == (None, None)
    assert creds.refresh_token(sandbox.url, "aa@demo") is None


def test_cli_login_finalize_sync_list(cli, sandbox, desk, data_dir):
    r = cli("login", "--platform", sandbox.url, "--user", "aa@demo", "--password-stdin",
            input="demo123\n")
    assert r.returncode == 0, r.stderr
    ent = desk.enterprise()
    ids = add_drafts(desk, ent, 3)
    r = cli("finalize", "--all", "--json")  # online: numbers are leased on the way
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)["finalised"]) == 3
    r = cli("sync")
    assert r.returncode == 0 and "受理 3" in r.stdout, r.stdout + r.stderr
    time.sleep(0.1)
    cli("sync")
    rows = json.loads(cli("list", "--json").stdout)
    by_id = {x["id"]: x for x in rows}
    assert all(by_id[i]["status"] in ("released", "certified") for i in ids)
    assert all(len(by_id[i]["inspection_no"]) == 15 for i in ids)
    r = cli("whoami", "--json")
    info = json.loads(r.stdout)
    assert info["credit_grade"] == "AA" and info["keyring_security"] == "plaintext-file"
    r = cli("leases", "--json")
    assert json.loads(r.stdout)[0]["used"] == 3
    assert cli("logout").returncode == 0
    assert {x["state"] for x in json.loads(cli("leases", "--json").stdout)} == {"closed"}
    r = cli("sync")
    assert r.returncode == 2 and "登录" in r.stderr


def test_cancel_stops_between_batches_and_keeps_the_rest(desk, make_engine, sandbox):
    engine = make_engine(desk, batch_size=3)
    ent = login(engine, sandbox)
    ids = add_drafts(desk, ent, 9)
    engine.top_up()
    engine.filing().finalise(ids)
    seen = []

    def progress(done, total, msg):
        seen.append((done, total))
    s = engine.sync(progress=progress, cancel=lambda: len(seen) >= 2)
    # stops between batches: the batch in flight when cancelled is finished and applied
    assert s.cancelled and s.pushed in (3, 6)
    assert seen[0] == (0, 9)
    statuses = [desk.summary(i).status for i in ids]
    assert statuses.count("sent") == s.pushed and statuses.count("ready") == 9 - s.pushed
    rest = 9 - s.pushed
    s = engine.sync()
    assert s.pushed == rest and not s.cancelled


def test_broker_files_for_a_client(engine, desk, sandbox):
    from sync_helpers import party
    me = login(engine, sandbox, "broker@demo")
    client_ent = next(c for c in me["clients"] if c["credit_grade"] == "AA")
    ids = add_drafts(desk, client_ent, 2)
    for did in ids:
        d = desk.get(did)
        d.agent = party(me)
        desk.save_draft(d)
    engine.top_up()
    engine.filing().finalise(ids)
    s = engine.sync()
    assert s.applied == 2, [p.reasons for p in s.rejected]
    settle(engine)
    view = platform_view(sandbox, "broker@demo")
    assert {view[i]["declarant_uscc"] for i in ids} == {client_ent["uscc"]}
    assert all(desk.summary(i).status == view[i]["status"] for i in ids)


def test_switching_account_retires_the_old_leases(engine, desk, sandbox):
    login(engine, sandbox, "aa@demo")
    engine.take_lease("310000", "inbound", count=5)
    ent_b = login(engine, sandbox, "b@demo")
    assert {le.state for le in engine.leases()} == {"closed"}
    [did] = add_drafts(desk, ent_b, 1)
    res = engine.filing().finalise([did])  # online: a lease of the new account is taken first
    open_leases = [le for le in engine.leases() if le.state == "open"]
    assert len(open_leases) == 1 and res.finalised[0][1].startswith("310000")
    s = engine.sync()
    assert s.applied == 1 and not s.rejected


def test_outbox_rows_the_platform_took_long_ago_are_pruned(engine, desk, sandbox):
    """Done rows carry a whole declaration each: after 30 days they go; pending, rejected
    and recent rows stay, and the declarations keep their status and history."""
    from sqlalchemy import select, update

    from client.store import schema as s
    ent = login(engine, sandbox)
    ids = add_drafts(desk, ent, 3)
    engine.top_up()
    engine.filing().finalise(ids)
    assert engine.push().applied == 3
    o = s.outbox
    with desk.db.write() as conn:  # two of them were sent 31 days ago
        conn.execute(update(o).where(o.c.declaration_id.in_(ids[:2]))
                     .values(sent_at="2026-01-01T00:00:00.000000Z"))
        conn.execute(update(o).where(o.c.declaration_id == ids[2])
                     .values(state="rejected", sent_at="2026-01-01T00:00:00.000000Z"))
    later = add_drafts(desk, ent, 1)
    engine.filing().finalise(later)
    assert engine.push().applied == 1
    with desk.db.read() as conn:
        left = dict(conn.execute(select(o.c.declaration_id, o.c.state)).all())
    assert left == {ids[2]: "rejected", later[0]: "applied"}
    for i in ids[:2]:
        assert desk.summary(i).status in ("sent", "accepted", "released", "certified")
        assert [h.status for h in desk.history(i)][:3] == ["draft", "ready", "sent"]


def test_release_keeps_the_grade_in_force_when_it_was_received(engine, desk, sandbox):
    """Issue 18 item 19, over real HTTP: a release pulled under AA stays AA after the
    platform lowers the grade to A; the next release is recorded under A."""
    ent = login(engine, sandbox)
    first = add_drafts(desk, ent, 1)
    engine.top_up()
    engine.filing().finalise(first)
    engine.sync()
    settle(engine)
    assert desk.summary(first[0]).status in ("released", "certified")
    r = sandbox.admin("PUT", "/admin/enterprises/aa@demo/credit-grade", {"grade": "A"})
    assert r.ok, r.text
    engine.sync()
    assert desk.credit_grade()[0] == "A"
    second = add_drafts(desk, ent, 1)
    engine.filing().finalise(second)
    engine.sync()
    settle(engine, rounds=6)
    assert desk.summary(second[0]).status in ("released", "certified")
    # the grade each release was received under, and the dashboard files it there
    from sqlalchemy import select

    from client.services import stats

    from client.store import schema as sch
    h = sch.status_history
    with desk.db.read() as conn:
        got = dict(conn.execute(select(h.c.declaration_id, h.c.credit_grade)
                                .where(h.c.status == "released")).all())
    assert got == {first[0]: "AA", second[0]: "A"}
    by_grade = stats.dashboard(desk).median_hours_by_grade
    assert {g: n for g, (_h, n) in by_grade.items()} == {"AA": 1, "A": 1}
