"""Certificates of origin over real HTTP to the sandbox (issue 15 "done when").

One outbox and one feed: a CO goes out as a ``doc_kind origin_certificate`` mutation of the
same ``mutations:batch`` as declarations, and comes back as ``doc_status`` changes of the
same ``/v1/changes`` feed; the platform judges with the desk's own O1xxx rulebook.
"""
from __future__ import annotations

import json
import time
from datetime import date, timedelta

import pytest
from sync_helpers import add_drafts

from client.errors import DeskError
from client.origin.service import OriginDesk

pytestmark = pytest.mark.sandbox


def _complete(doc: dict, *, country: str, application: date, departure: date) -> dict:
    """Fill what an outbound sample declaration does not carry."""
    doc["consignee"].update(country=country, name=doc["consignee"].get("name") or "Buyer Co.",
                            address="1 Harbour Road")
    doc["exporter"]["address"] = "88 Pudong Avenue, Shanghai"
    doc["transport"].update(departure_date=departure.isoformat(), means="MV OCEAN STAR",
                            port_of_loading="SHANGHAI", port_of_discharge="BUSAN")
    doc["application_place"] = "SHANGHAI"
    doc["application_date"] = application.isoformat()
    doc["retroactive"] = application > departure
    doc["retroactive_reason"] = "货物已出运后申请" if application > departure else None
    for g in doc["goods"]:
        g.update(hs_code="850440", description=g.get("description") or "POWER SUPPLIES",
                 invoice_no="INV-2026-1", invoice_date=application.isoformat(),
                 quantity=g.get("quantity") or "10", unit=g.get("unit") or "PCE")
    return doc


def _new_co(desk, ent, agreement="CN-KR", country="KOR", criterion="WO",
            application: date | None = None, departure: date | None = None) -> tuple:
    od = OriginDesk(desk)
    decl_id = add_drafts(desk, ent, 1, direction="outbound")[0]
    doc = od.new_from(decl_id, agreement, criterion)
    app = application or date.today()
    _complete(doc, country=country, application=app,
              departure=departure or app + timedelta(days=3))
    od.save(doc)
    return od, doc["id"], decl_id


def _sync_until(engine, od, cid, status, rounds=20):
    for _ in range(rounds):
        engine.sync()
        if od.row(cid).status == status:
            return
        time.sleep(0.1)
    raise AssertionError(f"{cid} stayed {od.row(cid).status}, not {status}")


def test_korea_co_aa_is_issued_at_once(engine, desk, sandbox):
    ent = engine.login(sandbox.url, "aa@demo", "demo123")
    od, cid, decl_id = _new_co(desk, ent)
    assert od.get(cid)["declaration_id"] == decl_id  # the link to the 报检单 is kept
    od.file(cid)
    assert od.row(cid).status == "ready"
    s = engine.sync()
    assert s.applied >= 1 and not s.rejected
    row = od.row(cid)
    assert row.status == "issued", (row, od.history(cid))
    assert row.certificate_no and row.certificate_no.startswith("CO") and "KR" in row.certificate_no
    assert row.issued_on
    # the platform shows the same
    sess = sandbox.login("aa@demo", device_id="checker")
    got = sess.get(f"{sandbox.url}/v1/origin-certificates/{cid}").json()
    assert got["status"] == "issued" and got["certificate_no"] == row.certificate_no
    # a second sync (the same receipts read again after a reset cursor) adds nothing
    n = len(od.history(cid))
    engine.sync()
    assert len(od.history(cid)) == n


def test_korea_co_grade_c_is_issued_after_review(engine, desk, sandbox_factory):
    sandbox = sandbox_factory(time_scale=1.0)  # review takes platform hours: real hours here
    ent = engine.login(sandbox.url, "c@demo", "demo123")
    od, cid, _ = _new_co(desk, ent)
    od.file(cid)
    engine.sync()
    assert od.row(cid).status == "sent"  # accepted, under review: not signed on arrival
    engine.sync()
    assert od.row(cid).status == "sent" and od.row(cid).certificate_no is None
    sandbox.admin("POST", "/admin/clock:advance", {"seconds": 5 * 3600})
    _sync_until(engine, od, cid, "issued")
    assert od.row(cid).certificate_no
    assert [h["status"] for h in od.history(cid)][-1] == "issued"


def test_retroactive_aa_application_waits_for_review(engine, desk, sandbox_factory):
    sandbox = sandbox_factory(time_scale=1.0)
    ent = engine.login(sandbox.url, "aa@demo", "demo123")
    today = date.today()
    od, cid, _ = _new_co(desk, ent, application=today, departure=today - timedelta(days=2))
    od.file(cid)
    engine.sync()
    assert od.row(cid).status == "sent"


def _platform_reasons(sandbox, user, doc):
    """Send a CO straight to the platform (bypassing the desk's check); its reasons."""
    sess = sandbox.login(user, device_id="raw")
    body = {"device_id": "raw", "mutations": [{
        "mutation_id": "co-" + doc["id"], "kind": "submit", "doc_kind": "origin_certificate",
        "doc_id": doc["id"], "payload": doc}]}
    r = sess.post(f"{sandbox.url}/v1/mutations:batch", data=json.dumps(body),
                  headers={"Content-Type": "application/json"})
    res = r.json()["results"][0]
    assert res["outcome"] == "rejected"
    return res["reasons"]


@pytest.mark.parametrize("agreement,country,application,field,code", [
    ("CN-AU", "AUS", date(2015, 12, 1), "consignee.country", "O1011"),
    ("CN-ASEAN", "JPN", None, "consignee.country", "O1011"),
])
def test_refused_at_the_right_field_on_desk_and_platform(engine, desk, sandbox, agreement,
                                                         country, application, field, code):
    ent = engine.login(sandbox.url, "aa@demo", "demo123")
    od, cid, _ = _new_co(desk, ent, agreement=agreement, country=country,
                         application=application,
                         departure=(application + timedelta(days=3)) if application else None)
    issues = od.validate(cid)
    errs = [i for i in issues if i.severity == "error"]
    assert [(i.code, i.field) for i in errs] == [(code, field)], errs
    with pytest.raises(DeskError) as exc:
        od.file(cid)
    assert exc.value.field == field
    assert od.row(cid).status == "draft"  # nothing queued
    reasons = _platform_reasons(sandbox, "aa@demo", od.get(cid))
    assert [(r["code"], r["field"]) for r in reasons] == [(code, field)]
    assert reasons[0]["message_zh"] and reasons[0]["message_en"]


def test_platform_rejection_comes_back_as_rejected(engine, desk, sandbox):
    """A certificate the desk would file but the platform refuses (the exporter is another
    enterprise) ends ``rejected`` with the platform's reason, through the one outbox."""
    ent = engine.login(sandbox.url, "aa@demo", "demo123")
    od, cid, _ = _new_co(desk, ent)
    doc = od.get(cid)
    doc["exporter"]["uscc"] = "91310000MA1FL0000X"
    od.save(doc)
    od.file(cid)
    s = engine.sync()
    assert od.row(cid).status == "rejected"
    assert s.rejected and s.rejected[0].reasons[0]["field"] == "exporter.uscc"
    assert "exporter.uscc" in (od.row(cid).status_note or "")


def test_issue_missed_by_an_expired_cursor_arrives_through_the_resync(engine, desk,
                                                                      sandbox_factory):
    sandbox = sandbox_factory(time_scale=1.0)
    ent = engine.login(sandbox.url, "c@demo", "demo123")
    od, cid, _ = _new_co(desk, ent)
    od.file(cid)
    engine.sync()
    assert od.row(cid).status == "sent"
    sandbox.admin("POST", "/admin/clock:advance", {"seconds": 5 * 3600})
    sandbox.admin("POST", "/admin/lifecycle:advance")
    sandbox.admin("POST", "/admin/cursors:expire")
    s = engine.sync()
    assert s.resynced
    row = od.row(cid)
    assert row.status == "issued" and row.certificate_no
