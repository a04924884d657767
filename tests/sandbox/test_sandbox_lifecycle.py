"""The life cycle: grade-dependent, deterministic, on a scaled clock."""
from __future__ import annotations

import pytest
from sbx_helpers import (lease, make_declaration, number, pull_all, push, submit,
                         upload_sample_attachment)

from sandbox import lifecycle

pytestmark = pytest.mark.sandbox


def _file(sb, user, n, seed0=0, certificates=True):
    s = sb.login(user)
    upload_sample_attachment(s)
    ent = s.get("/v1/enterprise").json()
    le = lease(s, n)
    decls = []
    for i in range(n):
        d = make_declaration(ent, number(le, le["first"] + i), seed=seed0 + i)
        if not certificates:
            d["certificates"] = []
        decls.append(d)
    res = push(s, [submit(d) for d in decls])
    assert all(r["outcome"] == "applied" for r in res), res
    return s, decls


def _timelines(changes):
    out: dict[str, list[str]] = {}
    for c in changes:
        if c["kind"] == "status":
            out.setdefault(c["declaration_id"], []).append(c["status"])
    return out


def test_aa_reaches_released_and_certified(shared_sandbox):
    s, decls = _file(shared_sandbox, "aa@demo", 5)
    s2, plain = _file(shared_sandbox, "aa@demo", 3, seed0=50, certificates=False)
    changes, _ = pull_all(s)
    tl = _timelines(changes)
    for d in decls:
        t = tl[d["id"]]
        assert t[0] == "accepted" and t[1] == "under_review"
        assert t[-2:] == ["released", "certified"], t
    for d in plain:
        assert tl[d["id"]][-1] == "released"
    # status receipts carry time, note and version; times never go backwards
    for c in changes:
        if c["kind"] == "status":
            assert c["at"].endswith("Z") and c["note"] and c["version"] == 1
            assert c["inspection_no"]
    for d in decls:
        ats = [c["at"] for c in changes if c.get("declaration_id") == d["id"]]
        assert ats == sorted(ats)
    got = s.get(f"/v1/declarations/{decls[0]['id']}").json()
    assert got["status"] == "certified"
    assert [h["status"] for h in got["history"]] == tl[decls[0]["id"]]


def test_d_is_always_inspected(shared_sandbox):
    s, decls = _file(shared_sandbox, "d@demo", 12)
    tl = _timelines(pull_all(s)[0])
    for d in decls:
        t = tl[d["id"]]
        assert t[:4] == ["accepted", "under_review", "inspection", "released"], t


def test_inspection_rates_follow_grade():
    import random
    rng = random.Random(5)
    ids = ["%026x" % rng.getrandbits(104) for _ in range(400)]

    def rate(grade):
        plans = [lifecycle.plan(i, 1, grade, False) for i in ids]
        return sum(any(s[1] == "inspection" for s in p) for p in plans) / len(plans)
    aa, b, d = rate("AA"), rate("B"), rate("D")
    assert aa < 0.06 and 0.15 < b < 0.45 and d == 1.0
    assert all(s[1] != "rejected" for i in ids for s in lifecycle.plan(i, 1, "AA", True))
    # AA is released faster than D
    t_aa = sum(lifecycle.plan(i, 1, "AA", False)[-1][0] for i in ids)
    t_d = sum(lifecycle.plan(i, 1, "D", False)[-1][0] for i in ids)
    assert t_aa * 10 < t_d


def test_plan_is_deterministic_per_declaration():
    a = lifecycle.plan("01JX0000000000000000000000", 1, "B", True)
    assert a == lifecycle.plan("01JX0000000000000000000000", 1, "B", True)
    assert a[0][1] == "under_review" and a[-1][1] in ("certified", "rejected")


def test_slow_clock_stays_accepted(slow_sandbox):
    s, decls = _file(slow_sandbox, "b@demo", 2)
    tl = _timelines(pull_all(s)[0])
    assert all(tl[d["id"]] == ["accepted"] for d in decls)
    # moving the platform clock forward a day completes it
    slow_sandbox.admin("POST", "/admin/clock:advance", {"seconds": 86400})
    tl = _timelines(pull_all(s)[0])
    assert all(tl[d["id"]][-1] in ("certified", "rejected") for d in decls), tl


def test_admin_forced_rejection_reaches_the_feed(slow_sandbox):
    s, decls = _file(slow_sandbox, "a@demo", 1)
    _, cursor = pull_all(s)
    r = slow_sandbox.admin("POST", f"/admin/declarations/{decls[0]['id']}/status",
                           {"status": "rejected", "note": "单证不符",
                            "reasons": [{"code": "R010", "field": "goods[0].name_cn",
                                         "message": "货物名称不符"}]})
    assert r.status_code == 200
    changes, _ = pull_all(s, cursor)
    assert len(changes) == 1
    c = changes[0]
    assert c["status"] == "rejected" and c["note"] == "单证不符"
    assert c["reasons"][0]["code"] == "R010"
    # schedule stopped: nothing more after a day
    slow_sandbox.admin("POST", "/admin/clock:advance", {"seconds": 86400})
    assert [c for c in pull_all(s, cursor)[0] if c["declaration_id"] == decls[0]["id"]] == [c]
