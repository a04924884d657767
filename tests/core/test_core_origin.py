"""Certificates of origin on the desk: the CLI (real processes), the store's one writer,
the outbox row of the ``origin_certificate`` kind, and the printed layout."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from client.origin import store as co_store
from client.origin.print_layout import build, cont_capacity, first_capacity
from client.origin.service import OriginDesk
from client.rules.sample import sample_declaration
from client.store import declarations as decl_q
from client.store import schema as s

ROOT = Path(__file__).resolve().parents[2]


def run(*args, data_dir):
    env = dict(os.environ, CIQDESK_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT),
               QT_QPA_PLATFORM="offscreen")
    p = subprocess.run([sys.executable, "-m", "client", *args], capture_output=True, text=True,
                       env=env, cwd=ROOT, timeout=180)
    return p.returncode, p.stdout, p.stderr


def _outbound(desk, goods=1) -> str:
    d = sample_declaration("outbound", goods, seed=11)
    with desk.db.write() as conn:
        decl_q.save_many(conn, [d])
    return d.id


def _fill(doc: dict) -> dict:
    t = date.today()
    doc["consignee"].update(country="KOR", address="Seoul")
    doc["exporter"]["address"] = "Shanghai"
    doc["transport"].update(departure_date=(t + timedelta(days=2)).isoformat(), means="MV A",
                            port_of_loading="SHANGHAI", port_of_discharge="BUSAN")
    doc["application_place"] = "SHANGHAI"
    doc["retroactive"] = False
    for g in doc["goods"]:
        g.update(hs_code="850440", invoice_no="INV1", invoice_date=t.isoformat())
    return doc


def test_new_from_declaration_carries_goods_consignee_transport_and_link(desk):
    decl_id = _outbound(desk, goods=3)
    decl = desk.get(decl_id)
    doc = OriginDesk(desk).new_from(decl_id, "CN-KR", "WO")
    assert doc["declaration_id"] == decl_id
    assert len(doc["goods"]) == 3 and all(g["criterion"] == "WO" for g in doc["goods"])
    assert doc["goods"][0]["hs_code"] == decl.goods[0].hs_code[:6]
    assert doc["consignee"]["name"] in (decl.consignee.name_en, decl.consignee.name_cn)
    assert doc["transport"]["means"] == decl.transport_name
    assert doc["goods"][0]["invoice_no"] == decl.invoice_no


def test_file_queues_one_outbox_row_of_the_kind_and_errors_change_nothing(desk):
    od = OriginDesk(desk)
    doc = od.new_from(_outbound(desk), "CN-KR", "WO")
    doc["consignee"]["country"] = "JPN"
    od.save(_fill(doc) | {"consignee": doc["consignee"] | {"country": "JPN"}})
    from client.errors import DeskError
    with pytest.raises(DeskError) as exc:
        od.file(doc["id"])
    assert exc.value.field == "consignee.country"
    with desk.db.read() as conn:
        assert conn.execute(s.outbox.select()).all() == []
    assert od.row(doc["id"]).status == "draft"
    doc["consignee"]["country"] = "KOR"
    od.save(doc)
    od.file(doc["id"])
    with desk.db.read() as conn:
        rows = conn.execute(s.outbox.select()).all()
    assert [(r.doc_kind, r.declaration_id, r.kind, r.state) for r in rows] == [
        ("origin_certificate", doc["id"], "submit", "pending")]
    assert json.loads(rows[0].payload)["id"] == doc["id"]
    assert od.row(doc["id"]).status == "ready"
    with pytest.raises(DeskError):
        od.file(doc["id"])  # filed once
    with pytest.raises(DeskError):
        od.save(doc)  # no longer editable


def test_platform_moves_only_forward_and_a_receipt_twice_adds_nothing(desk):
    od = OriginDesk(desk)
    doc = _fill(od.new_from(_outbound(desk), "CN-KR", "WO"))
    od.save(doc)
    od.file(doc["id"])
    with desk.db.write() as conn:
        assert co_store.move(conn, doc["id"], "issued", "ok", "platform", at="T1",
                             certificate_no="CO26KR000001")
        assert not co_store.move(conn, doc["id"], "issued", "ok", "platform", at="T1")
        assert not co_store.move(conn, doc["id"], "sent", "late", "platform", at="T0")
    r = od.row(doc["id"])
    assert r.status == "issued" and r.certificate_no == "CO26KR000001"
    assert [h["status"] for h in od.history(doc["id"])] == ["draft", "ready", "issued", "sent"]


_WRITES = [re.compile(p, re.I) for p in (
    r"insert\(\s*(s\.)?origin_(certificates|history)", r"update\(\s*(s\.)?origin_certificates",
    r"INSERT\s+INTO\s+origin_", r"UPDATE\s+origin_certificates")]


def test_only_the_origin_store_writes_the_co_tables():
    offenders = []
    for root in ("client", "ui"):
        for f in (ROOT / root).rglob("*.py"):
            rel = f.relative_to(ROOT).as_posix()
            if rel in ("client/origin/store.py",) or "/migrations/" in rel:
                continue
            text = f.read_text(encoding="utf-8")
            offenders += [f"{rel}: {p.pattern}" for p in _WRITES if p.search(text)]
    assert offenders == []
    assert any(p.search("conn.execute(update(s.origin_certificates))") for p in _WRITES)


def test_layout_boxes_and_continuation_sheets(desk):
    od = OriginDesk(desk)
    n = first_capacity() + cont_capacity() + 1  # spills onto a third sheet
    doc = _fill(od.new_from(_outbound(desk, goods=min(n, 50)), "CN-KR", "WO"))
    while len(doc["goods"]) < n:
        doc["goods"].append(dict(doc["goods"][0]))
    lay = build(doc, desk.codes)
    assert len(lay.pages) == 3 and all(p.count == 3 for p in lay.pages)
    seqs = [i for p in lay.pages for i in p.goods_seqs]
    assert seqs == list(range(n))
    first = lay.pages[0]
    labels = " ".join(first.labels())
    for box in range(1, 15):
        assert f"{box}." in labels, box
    assert first.values()["consignee.name"].startswith(doc["consignee"]["name"])
    assert "CONTINUATION SHEET" in lay.pages[1].all_text()


def test_cli_new_list_validate_file_print(desk, data_dir, tmp_path):
    decl_id = _outbound(desk, goods=2)
    desk.close()
    code, out, err = run("origin", "new", "--from", decl_id, "--agreement", "CN-KR",
                         "--criterion", "WO", "--json", data_dir=data_dir)
    assert code == 0, err
    cid = json.loads(out)["id"]
    code, out, _ = run("origin", "list", "--json", data_dir=data_dir)
    rows = json.loads(out)
    assert [(r["id"], r["status"], r["certificate_no"]) for r in rows] == [(cid, "draft", None)]
    code, out, _ = run("origin", "validate", cid, "--json", data_dir=data_dir)
    assert code == 1
    res = json.loads(out)
    assert res[0]["id"] == cid and res[0]["valid"] is False
    assert "application_place" in {i["field"] for i in res[0]["issues"]}
    # complete it through import (same id: the draft is replaced)
    code, out, _ = run("origin", "show", cid, data_dir=data_dir)
    doc = _fill(json.loads(out))
    f = tmp_path / "co.json"
    f.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = run("origin", "import", str(f), "--json", data_dir=data_dir)
    assert code == 0 and json.loads(out) == {"imported": [cid]}, err
    code, out, err = run("origin", "file", cid, "--json", data_dir=data_dir)
    assert code == 0, out + err
    assert json.loads(out)[0]["status"] == "ready"
    pdf = tmp_path / "co.pdf"
    code, out, err = run("origin", "print", cid, "--pdf", str(pdf), data_dir=data_dir)
    assert code == 0, err
    assert pdf.read_bytes()[:5] == b"%PDF-"
    code, _out, err = run("origin", "new", "--from", decl_id, "--agreement", "CN-XX",
                          data_dir=data_dir)
    assert code == 2 and "CN-XX" in err
