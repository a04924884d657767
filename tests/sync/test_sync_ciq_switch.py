"""Issue 13, the switch to the eCIQ transport and trade lists, over real HTTP.

The sandbox publishes version 2027.01.0 of ``transport_modes``/``trade_modes`` (the eCIQ
lists, ``POST /admin/codes:eciq``); the desk takes it at its next sync and converts its
editable drafts in the same transaction, each conversion in the history; filed
declarations stay as filed; a failure half-way changes nothing; the platform judges eCIQ
codes, maps what a desk queued in customs terms, and refuses eCIQ codes while it still
holds the customs lists."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from sync_helpers import add_drafts, party

from client.ciq import switch
from client.ciq.lists import eciq_fields
from client.model import SCHEMA, SCHEMA_V1
from client.store import declarations as decl_q
from client.store import kv
from client.store import schema as s

pytestmark = pytest.mark.sandbox


def _set_codes(desk, decl_id, **fields):
    d = desk.get(decl_id)
    for k, v in fields.items():
        setattr(d, k, v)
    with desk.db.write() as conn:
        decl_q.save_many(conn, [d], existing={d.id: "draft"})


def _publish(sandbox):
    r = sandbox.admin("POST", "/admin/codes:eciq")
    assert r.status_code == 200, r.text
    return r.json()["published"]


def test_drafts_convert_at_sync_when_the_eciq_lists_arrive_and_filed_ones_stay(engine, desk,
                                                                              sandbox):
    ent = engine.login(sandbox.url, "aa@demo", "demo123")
    [filed] = add_drafts(desk, ent, 1)
    engine.top_up()
    engine.filing().finalise([filed])
    engine.sync()
    assert desk.summary(filed).status not in ("draft", "ready")
    filed_doc = desk.export_json(filed)
    filed_history = len(desk.history(filed))
    mail, air = add_drafts(desk, ent, 2)
    # an @1 draft by mail (customs 6) and an @2 draft by air (customs 5), both 一般贸易 0110
    _set_codes(desk, mail, schema=SCHEMA_V1, transport_mode="6", trade_mode="0110", bl_no=None)
    _set_codes(desk, air, transport_mode="5", trade_mode="0110")
    assert [p["version"] for p in _publish(sandbox)] == [switch.ECIQ_VERSION] * 2

    summary = engine.sync()
    assert summary.ciq_converted == 2 and summary.errors == []
    assert eciq_fields(desk.codes) == {"transport_mode", "trade_mode"}
    g = desk.get(mail)
    assert (g.schema, g.transport_mode, g.trade_mode) == (SCHEMA, "9", "11")
    assert g.extra == {"customs_transport_mode": "6"}   # kept: E1015 reads it (mail)
    g = desk.get(air)
    assert (g.transport_mode, g.trade_mode) == ("4", "11")
    for decl_id, old, new in ((mail, "6", "9"), (air, "5", "4")):
        last = desk.history(decl_id)[-1]
        assert last.status == "draft" and f"海关 {old} → {new}" in last.note
        assert "海关 0110 → 11" in last.note
    assert desk.export_json(filed) == filed_doc          # filed stays as filed
    assert len(desk.history(filed)) == filed_history
    # converted drafts validate clean in eCIQ terms (E1015: the mail one needs no B/L)
    results = desk.validate_ids([mail, air])
    assert {k: [i.code for i in v if i.severity == "error"] for k, v in results.items()} == {
        mail: [], air: []}
    # … and the platform accepts them, judged in eCIQ terms
    engine.top_up()
    engine.filing().finalise([mail, air])
    engine.sync()
    for decl_id in (mail, air):
        assert desk.summary(decl_id).status not in ("draft", "ready", "sent", "rejected"), \
            desk.history(decl_id)[-1].note
    # taking the same version again converts nothing more
    assert engine.sync().ciq_converted == 0


def test_a_conversion_failing_half_way_changes_nothing(engine, desk, sandbox, monkeypatch):
    ent = engine.login(sandbox.url, "aa@demo", "demo123")
    ids = add_drafts(desk, ent, 3)
    before = {i: (desk.export_json(i), len(desk.history(i))) for i in ids}
    _publish(sandbox)
    real, calls = switch.map_customs_codes, []

    def dies_on_the_second(decl, codes, only=None):
        calls.append(decl.id)
        if len(calls) == 2:
            raise RuntimeError("killed half-way through the conversion")
        return real(decl, codes, only=only)

    monkeypatch.setattr(switch, "map_customs_codes", dies_on_the_second)
    with pytest.raises(RuntimeError):
        engine.sync()
    assert len(calls) == 2
    assert {i: (desk.export_json(i), len(desk.history(i))) for i in ids} == before
    with desk.db.read() as conn:
        assert kv.get(conn, switch.KV_KEY) is None
        assert conn.execute(select(s.code_tables.c.name)).scalars().all() == []
    assert eciq_fields(desk.codes) == frozenset()

    monkeypatch.setattr(switch, "map_customs_codes", real)
    assert engine.sync().ciq_converted == 3
    assert {desk.get(i).trade_mode for i in ids} == {"11"}


def test_the_platform_maps_what_a_desk_queued_in_customs_terms(engine, desk, sandbox):
    """Finalised before the switch (customs 0110, which the eCIQ trade list does not hold),
    pushed after it: the push says ``customs``, the platform maps and accepts."""
    ent = engine.login(sandbox.url, "aa@demo", "demo123")
    ids = add_drafts(desk, ent, 2)
    engine.top_up()
    engine.filing().finalise(ids)
    _publish(sandbox)
    summary = engine.sync()
    assert summary.rejected == []
    for i in ids:
        assert desk.summary(i).status not in ("ready", "rejected")
        assert desk.get(i).trade_mode == "0110"   # filed as filed: the desk's copy unchanged


def test_a_platform_on_the_customs_lists_refuses_eciq_codes_naming_its_version(engine, desk,
                                                                              sandbox):
    ent = engine.login(sandbox.url, "aa@demo", "demo123")
    [i] = add_drafts(desk, ent, 1)
    with desk.db.write() as conn:   # as if this desk had taken the eCIQ lists
        kv.put(conn, switch.KV_KEY, {"version": switch.ECIQ_VERSION, "after_seq": 0})
    engine.top_up()
    engine.filing().finalise([i])
    summary = engine.sync()
    assert desk.summary(i).status == "rejected"
    [problem] = summary.rejected
    assert "2026.11.0" in problem.message("zh") and switch.ECIQ_VERSION in problem.message("zh")


def test_a_sandbox_started_with_the_eciq_lists_judges_the_examples(engine, desk,
                                                                    sandbox_factory):
    """``python -m sandbox --eciq-lists``: a new desk takes the lists at its first sync,
    and the examples (eCIQ codes) validate clean and are accepted, the README's walk-through."""
    from pathlib import Path

    sb = sandbox_factory(eciq_lists=True)
    listing = {t["table"]: t["version"] for t in sb.login("aa@demo", "demo123").get(
        f"{sb.url}/v1/codes").json()["tables"]}
    assert listing["transport_modes"] == listing["trade_modes"] == switch.ECIQ_VERSION
    ent = engine.login(sb.url, "aa@demo", "demo123")
    engine.sync()
    assert eciq_fields(desk.codes) == {"transport_mode", "trade_mode"}
    examples = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*-standard.json"))
    report = desk.import_files(examples)
    assert report.errors == [] and report.warnings == [] and len(report.imported) == 2
    for i in report.imported:   # filed by the logged-in enterprise (E1710)
        d = desk.get(i)
        assert d.trade_mode == "11" and d.transport_mode == "1"
        d.declarant = party(ent)
        if d.direction == "inbound":
            d.consignee = party(ent)
        else:
            d.consignor = party(ent)
        with desk.db.write() as conn:
            decl_q.save_many(conn, [d], existing={i: "draft"})
    results = desk.validate_ids(report.imported)
    assert [(i.code, i.field) for v in results.values() for i in v if i.severity == "error"] == []
    engine.top_up()
    engine.filing().finalise(report.imported)
    summary = engine.sync()
    assert summary.rejected == []
    assert {desk.summary(i).status for i in report.imported} <= {
        "accepted", "under_review", "inspection", "released", "certified"}
