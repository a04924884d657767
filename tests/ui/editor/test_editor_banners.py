"""The editor's message bar and status line say what is true now: a warning goes once
its cause is gone, the close button shows a cross, the read-only hint names only what
can be done, and a second withdrawal is refused on the desk."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from client.rules import sample_declaration
from client.store import declarations as decl_q
from client.store import schema as s
from ui.editor import EditorWindow
from ui.editor.section_attachments import AttachmentsSection


def _open(qtbot, ctx, decl_id):
    ed = EditorWindow(ctx, decl_id)
    ed.show()
    qtbot.waitExposed(ed)
    return ed


def _pdf(tmp_path, name, size):
    p = tmp_path / name
    p.write_bytes(b"%PDF-1.4\n" + b"0" * size + b"\n%%EOF\n")
    return p


def _submitted(desk, status="accepted"):
    d = sample_declaration("inbound", goods=2, seed=11)
    d.inspection_no = "310000126000321"
    desk.save_draft(d)
    with desk.db.write() as conn:
        decl_q.set_status(conn, d.id, "ready", note="已定稿")
        decl_q.set_status(conn, d.id, "sent")
        decl_q.set_status(conn, d.id, status, source="platform", version=1, receipt=True)
    return d


def test_size_warning_goes_once_a_good_file_is_added(qtbot, ctx, desk, tmp_path):
    d = sample_declaration("inbound", goods=1, seed=5)
    desk.save_draft(d)
    ed = _open(qtbot, ctx, d.id)
    sec = ed.section(AttachmentsSection)
    ed._show_section(ed.sections.index(sec))
    sec.add_files([str(_pdf(tmp_path, "big.pdf", 5 * 1024 * 1024))])
    assert ed.message_bar.isVisible() and "4 MB" in ed.message_label.text()
    sec.add_files([str(_pdf(tmp_path, "small.pdf", 2048))])
    assert ed.decl.attachments[-1].file_name == "small.pdf"
    assert not ed.message_bar.isVisible()


def test_queued_amendment_message_goes_when_the_platform_accepts_it(qtbot, ctx, desk):
    d = _submitted(desk)
    ed = _open(qtbot, ctx, d.id)
    ed.act_amend.trigger()
    ed.act_submit_amend.trigger()
    assert ed.message_bar.isVisible() and "修改申请已排队" in ed.message_label.text()
    with desk.db.write() as conn:                 # the sync pulls the platform's answer
        decl_q.set_status(conn, d.id, "accepted", source="platform", version=2,
                          receipt=True)
    ctx.events.declarations_changed.emit([d.id])
    assert not ed.message_bar.isVisible()


@pytest.fixture
def app_style(qapp):
    """The application's own style sheet (its button padding hid the cross)."""
    from ui.app import STYLE_SHEET
    before = qapp.styleSheet()
    qapp.setStyleSheet(STYLE_SHEET)
    yield
    qapp.setStyleSheet(before)


def test_message_close_button_shows_a_cross(qtbot, ctx, desk, app_style):
    d = sample_declaration("inbound", goods=1, seed=5)
    desk.save_draft(d)
    ed = _open(qtbot, ctx, d.id)
    for kind in ("error", "warning", "info"):
        ed.show_message("x", kind)
        qtbot.waitUntil(ed.message_close.isVisible)
        bar = ed.message_bar.grab().toImage()    # the button as it shows on the bar
        r = ed.message_close.geometry()
        bg = bar.pixelColor(r.left() - 4, r.top() + 2)
        marked = sum(1 for x in range(r.left(), r.right()) for y in range(r.top(), r.bottom())
                     if bg.lightness() - QColor(bar.pixelColor(x, y)).lightness() > 60)
        assert marked > 10, f"the close button of a {kind} message is blank"
    ed.message_close.click()
    assert not ed.message_bar.isVisible()


def test_read_only_hint_names_only_what_can_be_done(qtbot, ctx, desk):
    d = _submitted(desk, status="certified")
    ed = _open(qtbot, ctx, d.id)
    assert not ed.act_amend.isEnabled() and not ed.act_withdraw.isEnabled()
    hint = ed.hint_label.text()
    assert "请使用“修改申请”" not in hint and "不能再修改或撤销" in hint and "复制" in hint
    with desk.db.write() as conn:
        decl_q.set_status(conn, d.id, "under_review", source="platform", version=2,
                          receipt=True)
    ctx.events.declarations_changed.emit([d.id])
    assert "修改申请" in ed.hint_label.text() and "撤销申请" in ed.hint_label.text()


def test_a_second_withdrawal_is_refused_on_the_desk(qtbot, ctx, desk):
    d = _submitted(desk, status="under_review")
    ed = _open(qtbot, ctx, d.id)
    ed.lifecycle.withdraw("合同取消")
    assert "撤销申请已排队" in ed.message_label.text()
    ed.lifecycle.withdraw("再撤一次")
    assert "已有撤销申请" in ed.message_label.text()
    with desk.db.read() as conn:
        kinds = [r["kind"] for r in conn.execute(s.outbox.select()).mappings()]
    assert kinds.count("withdraw") == 1
