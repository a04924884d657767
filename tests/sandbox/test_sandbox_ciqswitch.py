"""Issue 13, the platform's side: publishing the eCIQ lists, and judging submissions from
desks on either list by what each mutation says (``code_lists``), over real HTTP."""
from __future__ import annotations

import pytest
from sbx_helpers import lease, make_declaration, number, push, submit, upload_sample_attachment

pytestmark = pytest.mark.sandbox


def _filed(sandbox, seed, code_lists=None, **codes):
    s = sandbox.login("aa@demo")
    upload_sample_attachment(s)
    ent = s.get("/v1/enterprise").json()
    le = lease(s, 1)
    d = make_declaration(ent, number(le, le["first"]), seed=seed)
    d.update(codes)
    m = submit(d)
    if code_lists is not None:
        m["code_lists"] = code_lists
    return s, d, push(s, [m])[0]


def test_publishing_the_eciq_lists_is_one_version_of_two_tables_and_idempotent(sandbox):
    s = sandbox.login("a@demo")
    customs = s.get("/v1/codes/transport_modes").json()
    first = sandbox.admin("POST", "/admin/codes:eciq").json()["published"]
    assert [(p["table"], p["version"], p["published"]) for p in first] == [
        ("transport_modes", "2027.01.0", True), ("trade_modes", "2027.01.0", True)]
    again = sandbox.admin("POST", "/admin/codes:eciq").json()["published"]
    assert [p["published"] for p in again] == [False, False]
    now = s.get("/v1/codes/transport_modes").json()
    assert now["version"] == "2027.01.0" and "1,水路运输" in now["content"]
    # the customs list stays served, under its own name and under its old version
    assert s.get("/v1/codes/transport_modes_customs").json()["content"] == customs["content"]
    assert s.get("/v1/codes/transport_modes", params={"version": customs["version"]}).json()[
        "content"] == customs["content"]


def test_a_desk_older_than_the_switch_is_judged_in_customs_terms(sandbox):
    """No ``code_lists`` at all (a desk that predates it): 0110 and 2 are mapped to 11 and
    1 for the judgement; the payload is kept as sent."""
    sandbox.admin("POST", "/admin/codes:eciq")
    s, d, res = _filed(sandbox, 11, transport_mode="2", trade_mode="0110")
    assert res["outcome"] == "applied", res
    stored = s.get(f"/v1/declarations/{d['id']}").json()["payload"]
    assert (stored["transport_mode"], stored["trade_mode"]) == ("2", "0110")


def test_a_payload_that_says_eciq_is_judged_in_eciq_terms(sandbox):
    sandbox.admin("POST", "/admin/codes:eciq")
    _, _, res = _filed(sandbox, 12, "eciq", transport_mode="1", trade_mode="11")
    assert res["outcome"] == "applied", res
    _, _, res = _filed(sandbox, 13, "eciq", transport_mode="1", trade_mode="0110")
    assert res["outcome"] == "rejected"
    assert ("E1407", "trade_mode") in {(r["code"], r["field"]) for r in res["reasons"]}


def test_a_platform_still_on_the_customs_lists_refuses_eciq_naming_its_version(sandbox):
    _, _, res = _filed(sandbox, 14, "eciq", transport_mode="1", trade_mode="11")
    assert res["outcome"] == "rejected"
    [r] = res["reasons"]
    assert r["code"] == "code_lists_unknown"
    assert "2026.11.0" in r["message_zh"] and "2027.01.0" in r["message_en"]
    _, _, res = _filed(sandbox, 15, "customs", transport_mode="2", trade_mode="0110")
    assert res["outcome"] == "applied", res
