"""Smoke test: the sandbox starts, logs in, numbers, accepts and releases one declaration."""
from __future__ import annotations

import pytest
from sbx_helpers import lease, make_declaration, number, pull_all, push, submit, \
    upload_sample_attachment

pytestmark = pytest.mark.sandbox


def test_round_trip(sandbox):
    s = sandbox.login("aa@demo")
    ent = s.get("/v1/enterprise").json()
    assert ent["credit_grade"] == "AA"
    upload_sample_attachment(s)
    le = lease(s, 5)
    decl = make_declaration(ent, number(le, le["first"]))
    res = push(s, [submit(decl)])
    assert res[0]["outcome"] == "applied", res
    changes, cursor = pull_all(s)
    statuses = [c["status"] for c in changes if c["kind"] == "status"]
    assert statuses[0] == "accepted"
    assert "released" in statuses
