"""The editor on a real thread pool (as in the app): load, autosave and validation happen
off the GUI thread and arrive back on it; plus Esc in a cell and the language switch."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QThreadPool, Qt
from PySide6.QtWidgets import QApplication

from client.rules import sample_declaration
from client.services import Desk
from ui.context import AppContext, AppEvents
from ui.editor import EditorWindow
from ui.editor.section_basic import BasicSection
from ui.editor.section_goods import GoodsSection
from ui.tasks import TaskRunner


def test_real_pool_load_autosave_and_markers(qtbot, desk, data_dir):
    pool = QThreadPool()
    ctx = AppContext(desk, TaskRunner(pool), AppEvents())
    ed = EditorWindow(ctx, None, "outbound")
    ed.show()
    # the new draft arrives from a worker
    qtbot.waitUntil(lambda: ed.mode == "edit", timeout=20000)
    assert ed.decl.direction == "outbound"
    contract = ed.section(BasicSection).bindings["contract_no"].widget
    contract.setFocus()
    qtbot.keyClicks(contract, "T-42")
    with qtbot.waitSignal(ed.saved, timeout=10000):
        pass
    assert not ed.dirty
    assert any(i.severity == "error" for i in ed.issues)   # an almost empty draft
    assert ed.issues_panel.model.rowCount() == len(ed.issues)
    other = Desk.open(data_dir)
    try:
        assert other.get(ed.decl.id).contract_no == "T-42"
        assert other.get(ed.decl.id).direction == "outbound"
    finally:
        other.close()
    ed.close()
    assert ctx.runner.wait(10000)


def test_escape_in_a_cell_cancels_the_edit_not_the_window(qtbot, ctx, desk):
    d = sample_declaration("inbound", goods=1, seed=2)
    desk.save_draft(d)
    ed = EditorWindow(ctx, d.id)
    ed.show()
    qtbot.waitExposed(ed)
    ed.activateWindow()
    qtbot.waitUntil(ed.isActiveWindow)
    goods = ed.section(GoodsSection)
    ed._show_section(ed.sections.index(goods))
    goods.view.select_cell(0, "spec")
    qtbot.keyClick(goods.view, "X")
    editor = QApplication.focusWidget()
    assert editor is not goods.view
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert ed.isVisible()
    assert ed.decl.goods[0].spec == d.goods[0].spec
    qtbot.keyClick(goods.view, Qt.Key.Key_Escape)    # now Esc closes the window
    assert not ed.isVisible()


def test_language_change_retranslates_labels(qtbot, ctx, desk):
    d = sample_declaration("inbound", goods=1, seed=2)
    desk.save_draft(d)
    ed = EditorWindow(ctx, d.id)
    basic = ed.section(BasicSection)
    assert basic.labels["contract_no"].text() == "合同号："
    ctx.lang = "en"
    for w in [ed, *ed.sections]:
        QApplication.sendEvent(w, QEvent(QEvent.Type.LanguageChange))
    assert basic.labels["contract_no"].text() == "contract no.:"


def test_closing_while_the_save_fails_brings_the_window_back(qtbot, desk, monkeypatch):
    from client.errors import DeskError
    d = sample_declaration("inbound", goods=1, seed=2)
    desk.save_draft(d)
    ctx = AppContext(desk, TaskRunner(QThreadPool()), AppEvents())
    ed = EditorWindow(ctx, d.id)
    ed.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)   # as the main window opens it
    ed.show()
    qtbot.waitUntil(lambda: ed.mode == "edit", timeout=20000)

    def broken(decl, **_kw):
        raise DeskError("数据库被锁定", "database is locked")

    monkeypatch.setattr(desk, "save_draft", broken)
    contract = ed.section(BasicSection).bindings["contract_no"].widget
    contract.setFocus()
    qtbot.keyClicks(contract, "Z")
    ed.close()                                       # the save runs on a worker and fails
    qtbot.waitUntil(ed.isVisible, timeout=20000)
    assert "数据库被锁定" in ed.message_label.text()
    assert ed.decl.contract_no == "Z" + d.contract_no and ed.dirty
    monkeypatch.undo()
    with qtbot.waitSignal(ed.saved, timeout=10000):  # the retry stores it
        pass
    assert desk.get(d.id).contract_no == ed.decl.contract_no
    assert ctx.runner.wait(10000)


def test_a_closed_editor_deletes_itself_after_saving(qtbot, ctx, desk):
    from shiboken6 import isValid
    d = sample_declaration("inbound", goods=1, seed=2)
    desk.save_draft(d)
    ed = EditorWindow(ctx, d.id)
    ed.show()
    with qtbot.waitSignal(ed.destroyed):
        ed.close()
    assert not isValid(ed)
