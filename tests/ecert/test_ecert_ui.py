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
