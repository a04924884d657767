"""Number leases: never overlapping across devices, close voids the rest, expiry."""
from __future__ import annotations

import threading

import pytest
from sbx_helpers import lease, make_declaration, number, push, submit, upload_sample_attachment

pytestmark = pytest.mark.sandbox


def test_lease_shape(shared_sandbox):
    s = shared_sandbox.login("aa@demo")
    le = lease(s, 25, direction="outbound", year=2026)
    assert le["bureau"] == "310000" and le["direction"] == "outbound" and le["year"] == "26"
    assert le["last"] - le["first"] + 1 == 25 == le["count"]
    assert le["first_inspection_no"] == f"3100002{26}{le['first']:06d}"
    assert le["state"] == "open" and le["expires_at"].endswith("Z") and le["lease_id"]
    assert s.get(f"/v1/number-leases/{le['lease_id']}").json()["submitted"] == 0
    assert any(x["lease_id"] == le["lease_id"] for x in
               s.get("/v1/number-leases", params={"state": "open"}).json()["leases"])


def test_leases_never_overlap_across_devices_and_enterprises(shared_sandbox):
    sessions = [shared_sandbox.login(u, device_id=f"dev-{i}")
                for i, u in enumerate(["aa@demo", "aa@demo", "b@demo", "broker@demo"])]
    got: list[tuple[int, int]] = []
    lock = threading.Lock()
    errors = []

    def work(s):
        try:
            for _ in range(10):
                le = lease(s, 37, bureau="320000")
                with lock:
                    got.append((le["first"], le["last"]))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s,)) for s in sessions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    serials = [n for a, b in got for n in range(a, b + 1)]
    assert len(serials) == 40 * 37 == len(set(serials))
    # other bureau/direction/year keep their own counters
    other = lease(sessions[0], 1, bureau="320000", direction="outbound")
    assert other["first"] == 1


def test_lease_validation(shared_sandbox):
    s = shared_sandbox.login("aa@demo")
    r = s.post("/v1/number-leases", json={"bureau": "999999", "direction": "inbound",
                                          "year": 2026, "count": 5})
    assert r.status_code == 400 and r.json()["error"]["code"] == "unknown_bureau"
    r = s.post("/v1/number-leases", json={"bureau": "310000", "direction": "inbound",
                                          "year": 2026, "count": 10 ** 6})
    assert r.status_code == 400
    r = s.post("/v1/number-leases", json={"bureau": "310000", "direction": "sideways",
                                          "year": 2026, "count": 5})
    assert r.status_code == 422


def test_close_voids_unused_serials(shared_sandbox):
    s = shared_sandbox.login("a@demo")
    ent = s.get("/v1/enterprise").json()
    upload_sample_attachment(s)
    le = lease(s, 10)
    f = le["first"]
    d1 = make_declaration(ent, number(le, f), seed=1)
    assert push(s, [submit(d1)])[0]["outcome"] == "applied"
    # f+1 assigned offline but not yet pushed: reported as used when closing
    r = s.post(f"/v1/number-leases/{le['lease_id']}/close",
               json={"used": [f + 1, number(le, f + 2)]})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["state"] == "closed"
    assert out["used"] == [f, f + 1, f + 2]
    assert out["void_count"] == 7 and out["void_ranges"] == [[f + 3, f + 9]]
    # closing again answers the same
    again = s.post(f"/v1/number-leases/{le['lease_id']}/close", json={"used": []}).json()
    assert again["used"] == out["used"] and again["void_count"] == 7
    # a reported serial is still submittable, a voided one is not
    d2 = make_declaration(ent, number(le, f + 1), seed=2)
    d3 = make_declaration(ent, number(le, f + 5), seed=3)
    res = push(s, [submit(d2), submit(d3)])
    assert res[0]["outcome"] == "applied"
    assert res[1]["outcome"] == "rejected"
    assert res[1]["reasons"][0]["code"] == "number_void"


def test_close_rejects_foreign_serials_and_leases(shared_sandbox):
    s = shared_sandbox.login("b@demo")
    le = lease(s, 3)
    r = s.post(f"/v1/number-leases/{le['lease_id']}/close", json={"used": [le["last"] + 1]})
    assert r.status_code == 422 and r.json()["error"]["code"] == "serial_out_of_range"
    other = shared_sandbox.login("c@demo")
    r = other.post(f"/v1/number-leases/{le['lease_id']}/close", json={"used": []})
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_lease"


def test_number_must_come_from_own_lease(shared_sandbox):
    a = shared_sandbox.login("aa@demo")
    b = shared_sandbox.login("b@demo")
    upload_sample_attachment(b)
    ent_b = b.get("/v1/enterprise").json()
    le_a = lease(a, 2)
    d = make_declaration(ent_b, number(le_a, le_a["first"]))
    res = push(b, [submit(d)])
    assert res[0]["outcome"] == "rejected"
    assert res[0]["reasons"][0]["code"] == "number_not_leased"


def test_expired_lease_grace_then_void(sandbox_factory):
    sb = sandbox_factory(lease_ttl=100, lease_grace=50)
    s = sb.login("aa@demo")
    ent = s.get("/v1/enterprise").json()
    upload_sample_attachment(s)
    le = lease(s, 5)
    sb.admin("POST", "/admin/clock:advance", {"seconds": 120})
    assert s.get(f"/v1/number-leases/{le['lease_id']}").json()["state"] == "expired"
    # within the grace period a number assigned before expiry is still accepted
    d1 = make_declaration(ent, number(le, le["first"]), seed=1)
    assert push(s, [submit(d1)])[0]["outcome"] == "applied"
    sb.admin("POST", "/admin/clock:advance", {"seconds": 40})
    d2 = make_declaration(ent, number(le, le["first"] + 1), seed=2)
    res = push(s, [submit(d2)])
    assert res[0]["outcome"] == "rejected" and res[0]["reasons"][0]["code"] == "number_void"


def test_lease_request_with_idempotency_key(shared_sandbox):
    s = shared_sandbox.login("a@demo")
    body = {"bureau": "310000", "direction": "outbound", "year": 2026, "count": 4}
    r1 = s.post("/v1/number-leases", json=body, headers={"Idempotency-Key": "k-1"})
    r2 = s.post("/v1/number-leases", json=body, headers={"Idempotency-Key": "k-1"})
    assert r1.status_code == 201 and r2.status_code == 201
    assert r2.json()["lease_id"] == r1.json()["lease_id"] and r2.json()["replayed"] is True
    r3 = s.post("/v1/number-leases", json=dict(body, count=5),
                headers={"Idempotency-Key": "k-1"})
    assert r3.status_code == 422 and r3.json()["error"]["code"] == "idempotency_key_reused"
    # another enterprise's key space is its own
    other = shared_sandbox.login("b@demo")
    r4 = other.post("/v1/number-leases", json=body, headers={"Idempotency-Key": "k-1"})
    assert r4.json()["lease_id"] != r1.json()["lease_id"]
    # without a key every request is a new lease
    assert lease(s, 4, direction="outbound")["first"] > r1.json()["last"]
