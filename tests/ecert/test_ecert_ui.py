"""The timeline shows a declaration's e-certificates; a bad signature shows as invalid."""
from __future__ import annotations

import os
from decimal import Decimal

import pytest

from client.ecert import store as q
from client.rules import sample_declaration
from client.store.db import utcnow


def test_timeline_lists_ecerts_and_never_shows_an_invalid_one_as_valid(qtbot, open_desk):
    from ui.context import AppContext, AppEvents
    from ui.tasks import FakeThreadPool, TaskRunner
    from ui.timeline import TimelineWidget
    desk = open_desk("ui")
    d = sample_declaration("outbound", goods=1, seed=3)
    desk.save_draft(d)
    with desk.db.write() as conn:
        for number, status in (("CN310000226000001-18-01", "issued"),
                               ("CN310000226000001-15-01", "invalid")):
            conn.execute(q.ecerts.insert().values(
                number=number, declaration_id=d.id, cert_type=number.split("-")[1],
                status=status, issued_at="2026-12-02T06:00:00.000Z", updated_at=utcnow()))
    ctx = AppContext(desk, TaskRunner(FakeThreadPool()), AppEvents())
    tl = TimelineWidget(ctx, d.id)
    qtbot.addWidget(tl)
    text = tl.ecerts_label.text()
    assert "CN310000226000001-18-01" in text and "植物检疫证书" in text and "有效" in text
    assert "2026-12-02 06:00:00" in text
    bad = text.split("CN310000226000001-15-01")[1].split("</tr>")[0]
    assert "签名无效" in bad and "有效<" not in bad.replace("签名无效", "")
    if os.environ.get("ECERT_SHOT"):
        tl.resize(720, 420)
        tl.show()
        tl.grab().save(os.environ["ECERT_SHOT"])


def test_editor_certificates_section_shows_the_ecerts(qtbot, open_desk):
    from ui.context import AppContext, AppEvents
    from ui.editor import EditorWindow
    from ui.editor.section_certificates import CertificatesSection
    from ui.tasks import FakeThreadPool, TaskRunner
    desk = open_desk("ui")
    d = sample_declaration("outbound", goods=1, seed=4)
    desk.save_draft(d)
    with desk.db.write() as conn:
        conn.execute(q.ecerts.insert().values(
            number="CN310000226000002-18-01", declaration_id=d.id, cert_type="18",
            status="cancelled", issued_at="2026-12-01T08:00:00.000Z", updated_at=utcnow()))
    ctx = AppContext(desk, TaskRunner(FakeThreadPool()), AppEvents())
    ed = EditorWindow(ctx, d.id)
    text = ed.section(CertificatesSection).ecerts_label.text()
    assert "CN310000226000002-18-01" in text and "已作废" in text
    ed.close()


def test_bilingual_pdf_rendering_of_an_ecert(qtbot, tmp_path):
    import shutil
    import subprocess

    from client.ecert import print_layout, sps, xmlsafe
    from client.ecert.signing import make_key_pair, sign
    from client.model import to_dict
    from ui.printing import save_pdf
    d = sample_declaration("outbound", goods=3, seed=9)
    d.inspection_no = "310000226000009"
    d.transport_mode, d.trade_mode = "1", "11"   # eCIQ 水路 → Rec 19 1; 一般贸易
    notes = [("ADRP", "replaces"), ("ADRPN", "CN310000226000009-18-00"),
             ("ADRPR", "amended"), ("ADRD", "2026-12-01T08:00:00Z")]
    data = sign(sps.build(to_dict(d), number="CN310000226000009-18-01", desk_type="18",
                          issued_at="2026-12-02T06:00:00.000Z", issuer_id="310000",
                          issuer_name="上海海关 / Shanghai Customs", notes=notes),
                *make_key_pair("t"))
    cert = sps.read(xmlsafe.parse(data))
    lay = print_layout.layout(cert)
    text = lay.pages[0].all_text()
    assert "植物检疫证书" in text and "Phytosanitary Certificate" in text
    assert "CN310000226000009-18-01" in text and d.goods[0].hs_code in text
    # readable times, the transport mode in both languages, the notes by what they mean
    assert "2026-12-02 06:00:00 UTC" in text and "T06:00" not in text
    assert "水路运输 / maritime transport" in text
    assert "被替换证书编号 / Replaced certificate No." in text and "Note ADRPN" not in text
    assert "原证签发时间 / Replaced certificate issued at" in text
    assert "2026-12-01 08:00:00 UTC" in text
    pdf = tmp_path / "ecert.pdf"
    assert save_pdf(lay, pdf) == 1 and pdf.read_bytes().startswith(b"%PDF")
    if os.environ.get("ECERT_SHOT") and shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf),
                        os.environ["ECERT_SHOT"].removesuffix(".png") + "-pdf"], check=True)


def _drop(window, path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(event)
    assert event.isAccepted()
    window.dropEvent(event)


@pytest.fixture
def window(qtbot, open_desk):
    from ui.context import AppContext, AppEvents
    from ui.main_window import MainWindow
    from ui.tasks import FakeThreadPool, TaskRunner
    desk = open_desk("dropper")
    win = MainWindow(AppContext(desk, TaskRunner(FakeThreadPool()), AppEvents()),
                     use_tray=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    for ed in list(win._editors.values()):
        ed.close()


def test_dropping_a_foreign_ecert_on_the_window_makes_the_inbound_draft(qtbot, window,
                                                                        tmp_path):
    from ecert_helpers import foreign_certificate
    desk = window.ctx.desk
    changed = []
    window.ctx.events.declarations_changed.connect(changed.append)
    _drop(window, foreign_certificate(tmp_path, import_country="AU"))
    (decl_id,) = changed[-1]
    decl = desk.get(decl_id)   # the same draft `ecert import` makes
    assert decl.direction == "inbound" and desk.summary(decl_id).status == "draft"
    assert decl.consignor.name_en == "Kiwi Orchards Ltd" and decl.departure_country == "NZL"
    assert decl.goods[0].name_en == "Fresh kiwifruit"
    assert decl.goods[0].net_weight_kg == Decimal("12500")
    assert [a.type for a in decl.attachments] == ["101007"]
    assert decl_id in window._editors            # opened for the declarer to finish
    box = window._ecert_box                      # the warnings, to read
    assert box.isVisible() and "AU" in box.text() and "HS" in box.text()
    assert window.statusBar().currentMessage().startswith("已据电子证书 nz.xml")


def test_dropping_a_hostile_xml_shows_the_refusal_and_stores_nothing(qtbot, window, tmp_path):
    desk = window.ctx.desk
    bad = tmp_path / "evil.xml"
    bad.write_bytes(b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM '
                    b'"http://127.0.0.1:9/x">]><r>&x;</r>')
    _drop(window, bad)
    assert "DOCTYPE" in window._last_box.text() and window._last_box.isVisible()
    assert desk.counts_by_status().get("draft", 0) == 0 and not window._editors
