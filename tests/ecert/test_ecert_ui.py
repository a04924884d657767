"""The timeline shows a declaration's e-certificates; a bad signature shows as invalid."""
from __future__ import annotations

import os

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
    data = sign(sps.build(to_dict(d), number="CN310000226000009-18-01", desk_type="18",
                          issued_at="2026-12-02T06:00:00.000Z", issuer_id="310000",
                          issuer_name="上海海关 / Shanghai Customs"), *make_key_pair("t"))
    cert = sps.read(xmlsafe.parse(data))
    lay = print_layout.layout(cert)
    text = lay.pages[0].all_text()
    assert "植物检疫证书" in text and "Phytosanitary Certificate" in text
    assert "CN310000226000009-18-01" in text and d.goods[0].hs_code in text
    pdf = tmp_path / "ecert.pdf"
    assert save_pdf(lay, pdf) == 1 and pdf.read_bytes().startswith(b"%PDF")
    if os.environ.get("ECERT_SHOT") and shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf),
                        os.environ["ECERT_SHOT"].removesuffix(".png") + "-pdf"], check=True)
