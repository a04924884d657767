"""Issue 15 item 8: a printed traceability label, scanned back, leads to its declaration.

The sheet is painted by the real renderer (``ui.ecom_labels``) into a 300 dpi image, every
QR code on it is decoded by zxing-cpp (an independent reader) and each decoded text is
traced back through the store to the goods, the declaration and its status history.
"""
from __future__ import annotations

import json
import time

import pytest
import zxingcpp
from ecom_helpers import COSMETIC

from client.ecom import labels, model
from client.ecom import store as q
from client.ecom.kind import queue_registration
from client.ecom.trace import trace
from client.errors import InputError
from client.model import Party
from client.rules.sample import sample_declaration
from client.store import declarations as decl_q


def test_label_text_round_trips_and_refuses_foreign_text():
    d = labels.LabelData("CBEP202600000001", "131000026000001", "LOT|7/批次")
    assert labels.decode(labels.encode(d)) == d
    for bad in ("hello", "CIQTRACE1|R=X|I=123|B=1", "CIQTRACE1|R=X|Q=1|B=1"):
        with pytest.raises(InputError):
            labels.decode(bad)


def test_sheet_is_the_a4_three_by_seven_grid():
    d = labels.LabelData("CBEP202600000001", "131000026000001", "B1")
    placed = labels.sheet([(d, "x")] * 22)
    assert [p.page for p in placed].count(0) == 21 and placed[21].page == 1
    last = placed[20]
    g = labels.A4_3X7
    assert last.x + last.w <= g.page_w and last.y + last.h <= g.page_h
    # segno's matrix decodes to the same text as a QR, checked below by a real reader
    assert len(placed[0].matrix) == len(placed[0].matrix[0]) >= 21


def _gray(img):
    from PySide6.QtGui import QImage
    g = img.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, bpl = g.width(), g.height(), g.bytesPerLine()
    raw = bytes(g.constBits())[: bpl * h]
    rows = b"".join(raw[y * bpl: y * bpl + w] for y in range(h))
    return memoryview(rows).cast("B", (h, w))


def _filed_declaration(desk, engine, sandbox, tmp_path):
    (tmp_path / "contract.pdf").write_bytes(b"test")  # the sample's attachment
    desk.store_attachment(tmp_path / "contract.pdf")
    ent = engine.login(sandbox.url, "aa@demo", "demo123")
    with desk.db.write() as conn:
        rid = queue_registration(conn, model.parse_entry(COSMETIC, desk.codes).entry)
    engine.sync()
    with desk.db.read() as conn:
        reg = next(r for r in q.all_rows(conn) if r.id == rid)
    d = sample_declaration("inbound", 2, seed=11)
    d.ecommerce, d.trade_mode = True, "9610"
    me = Party(name_cn=ent["name_cn"], name_en=ent["name_en"], reg_no=ent["reg_no"],
               uscc=ent["uscc"])
    d.declarant, d.consignee = me, Party(**{k: getattr(me, k) for k in
                                            ("name_cn", "name_en", "reg_no", "uscc")})
    for g in d.goods:
        g.hs_code, g.origin_country, g.product_reg_no = "3304990099", "KOR", reg.reg_no
        g.ciq_code = "103"  # 成人面部驻留类化妆品 (a row of ciq_codes.csv for this HS code)
        g.name_cn, g.brand = "保湿面霜", "雪花秀"
    d.goods[1].spec = "100ml/瓶"
    with desk.db.write() as conn:
        decl_q.save_many(conn, [d])
    assert desk.validate_decl(d) == []
    engine.top_up()
    assert len(engine.filing().finalise([d.id]).finalised) == 1
    for _ in range(40):
        s = engine.sync()
        assert not s.rejected, s.rejected
        if len(desk.history(d.id)) >= 4:
            break
        time.sleep(0.05)
    return desk.get(d.id), reg.reg_no


def test_printed_label_decodes_back_to_its_declaration(qapp, open_desk, make_engine, sandbox,
                                                       tmp_path):
    from ui.ecom_labels import paint_sheet, render_png_pages
    desk = open_desk("aa")
    engine = make_engine(desk)
    decl, reg_no = _filed_declaration(desk, engine, sandbox, tmp_path)
    placed = labels.sheet(labels.labels_for(decl, "LOT-2026-12", copies=2))
    assert len(placed) == 4     # two goods lines, two copies each
    (page,) = render_png_pages(placed)
    found = zxingcpp.read_barcodes(_gray(page))
    texts = sorted(b.text for b in found if b.format == zxingcpp.BarcodeFormat.QRCode)
    assert texts == sorted(p.text for p in placed)
    t = trace(desk.db, texts[0])
    assert t.label == {"reg_no": reg_no, "inspection_no": decl.inspection_no,
                       "batch": "LOT-2026-12"}
    assert {(g.declaration_id, g.goods_index) for g in t.goods} == {(decl.id, 0), (decl.id, 1)}
    assert t.registration["reg_no"] == reg_no
    history = [h["status"] for h in t.goods[0].history]
    assert history[:3] == ["draft", "ready", "sent"] and len(history) >= 4
    assert t.goods[0].status == desk.summary(decl.id).status == history[-1]
    # the sheet also prints as a PDF and a PNG file
    out = paint_sheet(placed, str(tmp_path / "labels.pdf"), "pdf")
    assert (tmp_path / "labels.pdf").read_bytes()[:5] == b"%PDF-" and out
    paint_sheet(placed, str(tmp_path / "labels.png"), "png")
    assert (tmp_path / "labels.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_trace_and_labels(qapp, open_desk, make_engine, sandbox, cli, tmp_path):
    desk = open_desk("aa")
    engine = make_engine(desk)
    decl, reg_no = _filed_declaration(desk, engine, sandbox, tmp_path)
    prof = desk.paths.data_dir
    text = labels.encode(labels.LabelData(reg_no, decl.inspection_no, "B7"))
    desk.close()
    r = cli(prof, "trace", text, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert [g["declaration_id"] for g in out["goods"]] == [decl.id, decl.id]
    r = cli(prof, "trace", decl.inspection_no)
    assert r.returncode == 0 and decl.inspection_no in r.stdout
    r = cli(prof, "trace", "CIQTRACE1|nonsense")
    assert r.returncode == 2 and "溯源标签" in r.stderr
    png = tmp_path / "sheet.png"
    r = cli(prof, "ecom", "labels", decl.id, "--batch", "B7", "--png", str(png))
    assert r.returncode == 0, r.stderr
    assert png.read_bytes()[:4] == b"\x89PNG"
