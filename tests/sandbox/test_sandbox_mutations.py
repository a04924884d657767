"""mutations:batch — idempotency, payload mismatch, rulebook rejections, amend/withdraw."""
from __future__ import annotations

import copy
import gzip
import json

import pytest
from sbx_helpers import (SAMPLE_ATTACHMENT_SHA, lease, make_declaration, number, push, submit,
                         upload_sample_attachment)

from client.model import new_ulid

pytestmark = pytest.mark.sandbox


def _aa(sb):
    s = sb.login("aa@demo")
    upload_sample_attachment(s)
    s.ent = s.get("/v1/enterprise").json()
    s.le = lease(s, 50)
    s.next_serial = iter(range(s.le["first"], s.le["last"] + 1))
    return s


@pytest.fixture
def aa(shared_sandbox):
    return _aa(shared_sandbox)


@pytest.fixture
def aa_slow(slow_sandbox):
    """On a real-time platform, so a declaration stays amendable during the test."""
    return _aa(slow_sandbox)


def fresh(s, seed=1, **kw):
    return make_declaration(s.ent, number(s.le, next(s.next_serial)), seed=seed, **kw)


def test_submit_applied_then_resend_is_duplicate(aa):
    d = fresh(aa)
    m = submit(d)
    first = push(aa, [m])[0]
    assert first == {"mutation_id": m["mutation_id"], "outcome": "applied", "version": 1,
                     "reasons": []}
    again = push(aa, [m])[0]
    assert again["outcome"] == "duplicate" and again["version"] == 1 and again["reasons"] == []
    assert again["replayed"] is True
    # the platform holds one declaration
    r = aa.get(f"/v1/declarations/{d['inspection_no']}")
    assert r.status_code == 200 and r.json()["id"] == d["id"]
    assert [h["status"] for h in r.json()["history"]][0] == "accepted"


def test_same_mutation_twice_in_one_batch(aa):
    m = submit(fresh(aa))
    res = push(aa, [m, m])
    assert [x["outcome"] for x in res] == ["applied", "duplicate"]


def test_resend_after_lost_response(aa, shared_sandbox):
    """The platform applies the batch but the answer is lost (503): a resend is duplicate."""
    m = submit(fresh(aa))
    r = shared_sandbox.admin("POST", "/admin/faults",
                             {"status": 503, "when": "after", "path": "/v1/mutations:batch",
                              "retry_after": 1})
    assert r.status_code == 201
    r = aa.post("/v1/mutations:batch", json={"device_id": "x", "mutations": [m]})
    assert r.status_code == 503 and r.headers["Retry-After"] == "1"
    assert r.json()["error"]["code"] == "unavailable"
    assert push(aa, [m])[0]["outcome"] == "duplicate"


def test_same_mutation_id_different_payload(aa):
    d = fresh(aa)
    m = submit(d)
    assert push(aa, [m])[0]["outcome"] == "applied"
    m2 = copy.deepcopy(m)
    m2["payload"]["remarks"] = "changed"
    res = push(aa, [m2])[0]
    assert res["outcome"] == "rejected" and res["http_status"] == 422
    assert res["reasons"][0]["code"] == "mutation_payload_mismatch"
    # key order does not matter
    m3 = json.loads(json.dumps(m, sort_keys=True))
    assert push(aa, [m3])[0]["outcome"] == "duplicate"


def test_rulebook_rejection_with_reasons(aa):
    d = fresh(aa)
    d["contract_no"] = None
    d["trade_mode"] = "9999"
    res = push(aa, [submit(d)])[0]
    assert res["outcome"] == "rejected" and res["version"] is None
    fields = {r["field"] for r in res["reasons"]}
    assert {"contract_no", "trade_mode"} <= fields
    for r in res["reasons"]:
        assert r["code"] and r["message"] and r["message_en"] and r["message_zh"]
    # a rejected submission leaves no declaration: fixed, it goes in under a new mutation id
    assert aa.get(f"/v1/declarations/{d['id']}").status_code == 404
    d["contract_no"] = "CT-1"
    d["trade_mode"] = "0110"
    assert push(aa, [submit(d)])[0]["outcome"] == "applied"


def test_credit_grade_decides(shared_sandbox):
    """import_direct is allowed for AA but not for D (credit_grades.csv)."""
    outcomes = {}
    for user in ("aa@demo", "d@demo"):
        s = shared_sandbox.login(user)
        upload_sample_attachment(s)
        ent = s.get("/v1/enterprise").json()
        le = lease(s, 1)
        d = make_declaration(ent, number(le, le["first"]))
        d.update(clearance_mode="import_direct", port_bureau="310000", inspect_bureau="320000",
                 declare_bureau="310000", release_bureau="320000")
        outcomes[user] = push(s, [submit(d)])[0]
    assert outcomes["aa@demo"]["outcome"] == "applied", outcomes["aa@demo"]
    assert outcomes["d@demo"]["outcome"] == "rejected"
    assert "clearance_mode" in {r["field"] for r in outcomes["d@demo"]["reasons"]}


def test_already_submitted_under_another_mutation_id(aa):
    d = fresh(aa)
    assert push(aa, [submit(d)])[0]["outcome"] == "applied"
    res = push(aa, [submit(d)])[0]
    assert res["outcome"] == "rejected"
    assert res["reasons"][0]["code"] == "already_submitted" and res["reasons"][0]["field"] == "id"
    other = copy.deepcopy(d)
    other["id"] = new_ulid()
    res = push(aa, [submit(other)])[0]
    assert res["reasons"][0]["code"] == "already_submitted"
    assert res["reasons"][0]["field"] == "inspection_no"


def test_number_checks(aa):
    d = fresh(aa)
    d["declare_bureau"] = "320000"
    assert push(aa, [submit(d)])[0]["reasons"][0]["code"] == "number_bureau_mismatch"
    d = fresh(aa, direction="outbound")
    assert push(aa, [submit(d)])[0]["reasons"][0]["code"] == "number_direction_mismatch"
    d = fresh(aa)
    m = submit(d)
    m["inspection_no"] = "310000126999999"
    assert push(aa, [m])[0]["reasons"][0]["code"] == "inspection_no_mismatch"


def test_declarant_must_be_self_or_a_client(shared_sandbox):
    b = shared_sandbox.login("b@demo")
    c = shared_sandbox.login("c@demo")
    upload_sample_attachment(c)
    le = lease(c, 1)
    d = make_declaration(b.get("/v1/enterprise").json(), number(le, le["first"]))
    res = push(c, [submit(d)])[0]
    assert res["outcome"] == "rejected"
    assert res["reasons"][0] == {**res["reasons"][0], "code": "declarant_not_permitted",
                                 "field": "declarant.uscc"}


def test_broker_files_for_clients(shared_sandbox):
    br = shared_sandbox.login("broker@demo")
    upload_sample_attachment(br)
    broker = br.get("/v1/enterprise").json()
    le = lease(br, 3)
    client = next(c for c in broker["clients"] if c["credit_grade"] == "B")
    d = make_declaration(client, number(le, le["first"]), agent=broker)
    assert push(br, [submit(d)])[0]["outcome"] == "applied"
    # without the broker as agent
    d2 = make_declaration(client, number(le, le["first"] + 1), seed=2)
    assert push(br, [submit(d2)])[0]["reasons"][0]["code"] == "agent_mismatch"
    # not a client of this broker
    c_ent = shared_sandbox.login("c@demo").get("/v1/enterprise").json()
    d3 = make_declaration(c_ent, number(le, le["first"] + 2), agent=broker)
    assert push(br, [submit(d3)])[0]["reasons"][0]["code"] == "declarant_not_permitted"
    # the client sees the declaration filed for it
    cs = shared_sandbox.login("b@demo")
    assert cs.get(f"/v1/declarations/{d['id']}").status_code == 200


def test_attachment_missing_is_retryable(shared_sandbox):
    s = shared_sandbox.login("c@demo")
    ent = s.get("/v1/enterprise").json()
    le = lease(s, 1)
    d = make_declaration(ent, number(le, le["first"]))
    blob = b"%PDF-1.4 unique attachment for c@demo"
    import hashlib
    sha = hashlib.sha256(blob).hexdigest()
    d["attachments"] = [{"type": "101001", "file_name": "invoice.pdf", "sha256": sha,
                         "size": len(blob)}]
    m = submit(d)
    res = push(s, [m])[0]
    assert res["outcome"] == "rejected" and res["retryable"] is True
    assert res["reasons"][0]["code"] == "attachment_missing"
    assert res["reasons"][0]["field"] == "attachments[0].sha256"
    assert s.put(f"/v1/attachments/{sha}", data=blob).status_code == 201
    assert push(s, [m])[0]["outcome"] == "applied"


def test_amend_conflict_and_withdraw(aa_slow):
    aa = aa_slow
    d = fresh(aa, seed=7)
    assert push(aa, [submit(d)])[0]["version"] == 1
    d2 = copy.deepcopy(d)
    d2["remarks"] = "修改：更正货物描述"
    amend = {"mutation_id": new_ulid(), "kind": "amend", "declaration_id": d["id"],
             "inspection_no": d["inspection_no"], "base_version": 1, "payload": d2}
    res = push(aa, [amend])[0]
    assert res["outcome"] == "applied" and res["version"] == 2
    stale = dict(amend, mutation_id=new_ulid())
    res = push(aa, [stale])[0]
    assert res["outcome"] == "conflict" and res["version"] == 2
    assert res["reasons"][0]["code"] == "stale_version"
    got = aa.get(f"/v1/declarations/{d['id']}").json()
    assert got["payload"]["remarks"] == d2["remarks"] and got["version"] == 2
    wd = {"mutation_id": new_ulid(), "kind": "withdraw", "declaration_id": d["id"],
          "inspection_no": d["inspection_no"], "base_version": 1, "payload": None}
    assert push(aa, [wd])[0]["outcome"] == "conflict"
    wd["mutation_id"] = new_ulid()
    wd["base_version"] = 2
    wd["payload"] = {"reason": "合同取消"}
    res = push(aa, [wd])[0]
    assert res["outcome"] == "applied" and res["version"] == 3
    got = aa.get(f"/v1/declarations/{d['id']}").json()
    assert got["status"] == "withdrawn" and "合同取消" in got["note"]
    # withdrawn: no more amendments
    am = dict(amend, mutation_id=new_ulid(), base_version=3)
    assert push(aa, [am])[0]["reasons"][0]["code"] == "not_amendable"


def test_withdraw_not_after_release(aa, shared_sandbox):
    d = fresh(aa, seed=8)
    push(aa, [submit(d)])
    r = shared_sandbox.admin("POST", f"/admin/declarations/{d['inspection_no']}/status",
                             {"status": "released"})
    assert r.status_code == 200
    wd = {"mutation_id": new_ulid(), "kind": "withdraw", "declaration_id": d["id"],
          "inspection_no": d["inspection_no"], "base_version": None, "payload": None}
    res = push(aa, [wd])[0]
    assert res["outcome"] == "rejected" and res["reasons"][0]["code"] == "not_withdrawable"


def test_amend_and_withdraw_unknown_declaration(aa):
    for kind in ("amend", "withdraw"):
        m = {"mutation_id": new_ulid(), "kind": kind, "declaration_id": new_ulid(),
             "inspection_no": None, "base_version": 1, "payload": None}
        assert push(aa, [m])[0]["reasons"][0]["code"] == "unknown_declaration"
    m = {"mutation_id": new_ulid(), "kind": "explode", "declaration_id": "x", "payload": None}
    assert push(aa, [m])[0]["reasons"][0]["code"] == "invalid_mutation"


def test_gzip_batch(aa):
    ds = [fresh(aa, seed=i) for i in range(20)]
    body = json.dumps({"device_id": "gz", "mutations": [submit(d) for d in ds]}).encode()
    r = aa.post("/v1/mutations:batch", data=gzip.compress(body),
                headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
    assert r.status_code == 200, r.text
    assert [x["outcome"] for x in r.json()["results"]] == ["applied"] * 20
    r = aa.post("/v1/mutations:batch", data=b"not gzip at all",
                headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_gzip"


def test_batch_limits(aa):
    ms = [{"mutation_id": new_ulid(), "kind": "withdraw", "declaration_id": "x"}] * 501
    r = aa.post("/v1/mutations:batch", json={"device_id": "x", "mutations": ms})
    assert r.status_code == 413 and r.json()["error"]["code"] == "batch_too_large"
    r = aa.post("/v1/mutations:batch", json={"device_id": "x", "mutations": [{"kind": "submit"}]})
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_request"
    r = aa.post("/v1/mutations:batch", data=b"{nope", headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_json"


def test_sample_attachment_sha_is_the_uploaded_one():
    from client.rules.sample import sample_declaration
    d = sample_declaration("inbound")
    assert all(a.sha256 == SAMPLE_ATTACHMENT_SHA for a in d.attachments)
