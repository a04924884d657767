"""The change feed (cursor paging, visibility, 410) and the declarations snapshot."""
from __future__ import annotations

import pytest
from sbx_helpers import (lease, make_declaration, number, pull_all, push, submit,
                         upload_sample_attachment)

pytestmark = pytest.mark.sandbox


def _file(sb, user, n, seed0=0):
    s = sb.login(user)
    upload_sample_attachment(s)
    ent = s.get("/v1/enterprise").json()
    le = lease(s, n)
    decls = [make_declaration(ent, number(le, le["first"] + i), seed=seed0 + i)
             for i in range(n)]
    assert all(r["outcome"] == "applied" for r in push(s, [submit(d) for d in decls]))
    return s, decls


def test_paging_with_cursor(sandbox):
    s, decls = _file(sandbox, "aa@demo", 7)
    everything, head = pull_all(s, limit=1000)
    assert len(everything) >= 7 * 4
    seqs = [c["seq"] for c in everything]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    # small pages give the same sequence
    paged, cursor = [], None
    pages = 0
    while True:
        params = {"limit": 3} if cursor is None else {"limit": 3, "since": cursor}
        body = s.get("/v1/changes", params=params).json()
        assert len(body["changes"]) <= 3
        paged.extend(body["changes"])
        cursor = body["next_cursor"]
        pages += 1
        if not body["has_more"]:
            break
    assert paged == everything and pages >= 10
    assert cursor == head
    # at the head: an empty page keeps the cursor
    body = s.get("/v1/changes", params={"since": head}).json()
    assert body == {"changes": [], "next_cursor": head, "has_more": False}
    # re-reading from an older cursor re-delivers (harmless re-apply)
    mid = s.get("/v1/changes", params={"limit": 5}).json()["next_cursor"]
    again, _ = pull_all(s, mid)
    assert again == everything[5:]


def test_visibility_enterprise_and_broker(sandbox):
    aa, aa_decls = _file(sandbox, "aa@demo", 2)
    c, c_decls = _file(sandbox, "c@demo", 2, seed0=10)
    broker = sandbox.login("broker@demo")
    ids = lambda changes: {x.get("declaration_id") for x in changes if x["kind"] == "status"}
    assert ids(pull_all(aa)[0]) == {d["id"] for d in aa_decls}
    assert ids(pull_all(c)[0]) == {d["id"] for d in c_decls}
    # the broker files for AA, A and B, not for C
    assert ids(pull_all(broker)[0]) == {d["id"] for d in aa_decls}
    snap = broker.get("/v1/declarations").json()
    assert {d["id"] for d in snap["declarations"]} == {d["id"] for d in aa_decls}


def test_credit_change_reaches_enterprise_and_broker(sandbox):
    aa = sandbox.login("aa@demo")
    broker = sandbox.login("broker@demo")
    _, cur_aa = pull_all(aa)
    _, cur_br = pull_all(broker)
    ent = aa.get("/v1/enterprise").json()
    r = sandbox.admin("PUT", f"/admin/enterprises/{ent['uscc']}/credit-grade", {"grade": "B"})
    assert r.status_code == 200, r.text
    for s, cur in ((aa, cur_aa), (broker, cur_br)):
        changes, _ = pull_all(s, cur)
        assert len(changes) == 1
        ch = changes[0]
        assert ch["kind"] == "credit" and ch["grade"] == "B" and ch["uscc"] == ent["uscc"]
        assert ch["previous_grade"] == "AA" and ch["at"].endswith("Z")
    after = aa.get("/v1/enterprise").json()
    assert after["credit_grade"] == "B"
    assert after["credit_grade_updated_at"] >= ent["credit_grade_updated_at"]
    # c@demo does not see it
    c = sandbox.login("c@demo")
    assert [x for x in pull_all(c)[0] if x["kind"] == "credit"] == []
    # by username works too; unknown grade refused
    r = sandbox.admin("PUT", "/admin/enterprises/aa@demo/credit-grade", {"grade": "Z"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "unknown_grade"


def test_expired_cursor_is_410(sandbox):
    s, _ = _file(sandbox, "a@demo", 3)
    first = s.get("/v1/changes", params={"limit": 2}).json()
    old = first["next_cursor"]
    _, head = pull_all(s)
    r = sandbox.admin("POST", "/admin/cursors:expire")
    assert r.status_code == 200
    r = s.get("/v1/changes", params={"since": old})
    assert r.status_code == 410
    assert r.json()["error"]["code"] == "cursor_expired"
    r = s.get("/v1/changes")               # no cursor: history is gone too
    assert r.status_code == 410
    # a client that was at the head lost nothing: its cursor still works
    assert s.get("/v1/changes", params={"since": head}).status_code == 200
    # snapshot, then continue from the final page's cursor
    decls, cursor = [], None
    while True:
        params = {"limit": 2} if cursor is None else {"limit": 2, "since": cursor}
        body = s.get("/v1/declarations", params=params).json()
        decls.extend(body["declarations"])
        cursor = body["next_cursor"]
        if not body["has_more"]:
            break
    assert len(decls) == 3 and all(d["payload"]["id"] == d["id"] for d in decls)
    assert s.get("/v1/changes", params={"since": cursor}).status_code == 200


def test_foreign_and_bad_cursors(sandbox):
    s = sandbox.login("b@demo")
    r = s.get("/v1/changes", params={"since": "deadbeef.5"})
    assert r.status_code == 410 and r.json()["error"]["code"] == "cursor_expired"
    r = s.get("/v1/changes", params={"since": "garbage"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_cursor"
    head = s.get("/v1/changes").json()["next_cursor"]
    epoch, seq = head.split(".")
    r = s.get("/v1/changes", params={"since": f"{epoch}.{int(seq) + 1000}"})
    assert r.status_code == 410


def test_declarations_snapshot_shape(sandbox):
    s, decls = _file(sandbox, "b@demo", 4)
    body = s.get("/v1/declarations", params={"limit": 10}).json()
    assert body["has_more"] is False
    got = {d["id"]: d for d in body["declarations"]}
    assert set(got) == {d["id"] for d in decls}
    for d in decls:
        g = got[d["id"]]
        assert g["inspection_no"] == d["inspection_no"] and g["version"] == 1
        assert g["payload"] == d and g["status"] in ("released", "certified", "rejected",
                                                     "inspection", "under_review", "accepted")
        assert g["declarant_uscc"] == d["declarant"]["uscc"]
    lean = s.get("/v1/declarations", params={"payload": "false"}).json()
    assert all("payload" not in d for d in lean["declarations"])
    # since = the head: nothing new
    again = s.get("/v1/declarations", params={"since": body["next_cursor"]}).json()
    assert again["declarations"] == []
