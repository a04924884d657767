"""The status timeline: inspection number (copyable) and every status change with its note."""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from client.rules import sample_declaration
from client.store import declarations as decl_q
from ui.timeline import TimelineWidget, local_time


def _receipts(desk):
    d = sample_declaration("inbound", goods=1, seed=2)
    d.inspection_no = "310000126000555"
    desk.save_draft(d)
    with desk.db.write() as conn:
        decl_q.set_status(conn, d.id, "ready", note="已定稿，报检号 310000126000555",
                          at="2026-11-26T01:00:00.000000Z")
        decl_q.set_status(conn, d.id, "sent", at="2026-11-26T01:02:00.000000Z")
        decl_q.set_status(conn, d.id, "accepted", source="platform", version=1, receipt=True,
                          at="2026-11-26T01:10:00.000000Z")
        decl_q.set_status(conn, d.id, "inspection", source="platform", version=1, receipt=True,
                          note="布控查验：木质包装需检疫处理", at="2026-11-26T03:00:00.000000Z")
    return d


def test_lists_every_history_entry_newest_first_with_notes(qtbot, ctx, desk):
    d = _receipts(desk)
    tl = TimelineWidget(ctx, d.id)
    qtbot.addWidget(tl)
    history = desk.history(d.id)
    assert len(tl.entries) == len(history) == 5
    statuses = [e.status_label.text() for e in tl.entries]
    assert statuses == ["查验", "已受理", "已发送", "已定稿待发送", "草稿"]
    top = tl.entries[0]
    assert top.note_label is not None and "木质包装" in top.note_label.text()
    assert top.time_label.text() == local_time("2026-11-26T03:00:00.000000Z")
    assert "平台回执" in top.source_label.text()
    assert tl.entries[2].note_label is None
    assert tl.number_label.text() == "310000126000555"
    assert "查验" in tl.current_label.text()


def test_local_time_format():
    text = local_time("2026-11-26T06:03:00.000000Z")
    assert len(text) == 16 and text[4] == "-" and text[13] == ":"
    assert local_time(None) == ""


def test_copy_button_puts_the_number_on_the_clipboard(qtbot, ctx, desk):
    d = _receipts(desk)
    tl = TimelineWidget(ctx, d.id)
    qtbot.addWidget(tl)
    QGuiApplication.clipboard().setText("")
    with qtbot.waitSignal(tl.number_copied):
        tl.copy_button.click()
    assert QGuiApplication.clipboard().text() == "310000126000555"
    assert "已复制" in tl.copy_button.text()


def test_refreshes_when_its_declaration_changes(qtbot, ctx, desk):
    d = _receipts(desk)
    other = sample_declaration("inbound", goods=1, seed=3)
    desk.save_draft(other)
    tl = TimelineWidget(ctx, d.id)
    qtbot.addWidget(tl)
    with desk.db.write() as conn:
        decl_q.set_status(conn, d.id, "released", source="platform", version=1, receipt=True,
                          note="查验合格，准予放行")
    ctx.events.declarations_changed.emit([other.id])   # not ours: no reload
    assert len(tl.entries) == 5
    with qtbot.waitSignal(tl.loaded):
        ctx.events.declarations_changed.emit([d.id])
    assert len(tl.entries) == 6
    assert tl.entries[0].status_label.text() == "已放行"


def test_a_draft_has_no_number_yet(qtbot, ctx, desk):
    d = sample_declaration("inbound", goods=1, seed=4)
    desk.save_draft(d)
    tl = TimelineWidget(ctx, d.id)
    qtbot.addWidget(tl)
    assert "尚未分配" in tl.number_label.text()
    assert tl.copy_button.isHidden()
    assert [e.status_label.text() for e in tl.entries] == ["草稿"]


def test_editor_shows_the_timeline_as_its_status_section(qtbot, ctx, desk):
    from ui.editor import EditorWindow
    d = _receipts(desk)
    ed = EditorWindow(ctx, d.id)
    assert ed.nav.item(ed.nav.count() - 1).text() == "状态"
    assert isinstance(ed.stack.widget(ed.stack.count() - 1), TimelineWidget)
    assert len(ed.timeline.entries) == 5
