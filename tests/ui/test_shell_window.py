"""The main window as a user meets it: navigation, search, toolbar, header, language."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from client.services import Desk
from test_shell_support import fill, make_ctx, put_enterprise, set_status
from ui.models.declarations_model import Col, SummaryRole


@pytest.fixture
def desk(data_dir):
    d = Desk.open(data_dir)
    yield d
    d.close()


@pytest.fixture
def window(qtbot, desk):
    from ui.i18n import Language
    from ui.main_window import MainWindow
    from PySide6.QtCore import QLocale
    locale = QLocale()
    language = Language()
    language.set_language("zh", remember=False)  # as main.py does: Chinese by default
    ctx = make_ctx(desk, language=language)
    win = MainWindow(ctx, use_tray=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    for ed in list(win._editors.values()):
        ed.close()
    # the tests after these start as they would alone: no translator, the locale as it was
    language.remove()
    QLocale.setDefault(locale)


def _rows(win) -> list:
    t = win.list.table
    return [t.model().index(r, 0).data(SummaryRole) for r in range(t.model().rowCount())]


def test_nav_counts_update_after_a_save(qtbot, window, desk):
    nav = window.nav.model
    assert nav.count_of("draft") == 0 and nav.count_of("all") == 0
    ids = fill(desk, 3)
    window.ctx.events.declarations_changed.emit(ids)  # what the editor says after saving
    assert nav.count_of("draft") == 3 and nav.count_of("all") == 3
    assert window.nav.view.model().index(nav.row_of("draft"), 0).data(Qt.ItemDataRole.AccessibleTextRole) == "草稿 3"
    assert "共 3 份" in window.counts_label.text()


def test_nav_filters_the_table_by_state(qtbot, window, desk):
    ids = fill(desk, 6)
    set_status(desk, ids[:2], "released")
    set_status(desk, ids[2:3], "under_review")
    window.ctx.events.declarations_changed.emit([])
    window.nav.select("released")
    assert {s.status for s in _rows(window)} == {"released"} and len(_rows(window)) == 2
    assert window.list.title.text() == "已放行"
    window.nav.select("review")
    assert [s.id for s in _rows(window)] == [ids[2]]
    window.nav.select("all")
    assert len(_rows(window)) == 6


def test_search_box_filters_the_table(qtbot, window, desk):
    fill(desk, 40)
    window.ctx.events.declarations_changed.emit([])
    assert window.list.table.model().rowCount() == 40
    qtbot.keyClicks(window.list.search, "CT00012")
    qtbot.waitUntil(lambda: window.list.table.model().rowCount() == 1, timeout=3000)
    assert window.list.table.model().index(0, Col.CONTRACT).data() == "CT00012"
    assert window.list.matches.text() == "共 1 份"
    window.list.search.clear()
    qtbot.waitUntil(lambda: window.list.table.model().rowCount() == 40, timeout=3000)


def test_new_inbound_opens_an_editor(qtbot, window):
    before = set(QApplication.topLevelWidgets())
    window.actions_.new_inbound.trigger()
    opened = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
    assert opened, "pressing 新建入境 shows a window"
    from ui.editor import EditorWindow
    assert any(isinstance(w, EditorWindow) for w in opened)
    assert len(window._editors) == 1


def test_shortcuts_are_the_documented_ones(window):
    a = window.actions_
    assert a.new_inbound.shortcut().toString() == "Ctrl+N"
    assert a.new_outbound.shortcut().toString() == "Ctrl+Shift+N"
    assert a.duplicate.shortcut().toString() == "Ctrl+D"
    assert a.finalise.shortcut().toString() == "Ctrl+Return"
    assert a.sync.shortcut().toString() == "F5"


def test_switching_language_to_english_relabels_the_window(qtbot, window, desk):
    fill(desk, 2)
    window.ctx.events.declarations_changed.emit([])
    assert window.actions_.new_inbound.text() == "新建入境"
    window.actions_.lang_en.trigger()
    assert window.ctx.lang == "en"
    # Qt delivers LanguageChange to every widget through the event queue
    qtbot.waitUntil(lambda: window.actions_.new_inbound.text() == "New inbound", timeout=3000)
    assert window.menu_file.title() == "&File"
    model = window.list.model
    assert model.headerData(Col.STATUS, Qt.Orientation.Horizontal) == "Status"
    assert model.index(0, Col.STATUS).data() == "Draft"
    assert model.index(0, Col.DIRECTION).data() in ("Inbound", "Outbound")
    assert window.nav.model.index(window.nav.model.row_of("draft")).data() == "Drafts"
    assert window.list.search.placeholderText().startswith("Search")
    window.actions_.lang_zh.trigger()
    qtbot.waitUntil(lambda: window.actions_.new_inbound.text() == "新建入境", timeout=3000)
    assert model.index(0, Col.STATUS).data() == "草稿"


def test_header_shows_the_credit_grade(qtbot, window, desk):
    assert "未知" in window.header.grade.text()
    put_enterprise(desk, grade="C")
    window.ctx.events.enterprise_changed.emit()
    assert window.header.name.text() == "上海华信电子科技有限公司"
    assert window.header.grade.text() == "信用 C"
    assert "#e07b12" in window.header.grade.styleSheet()  # C is orange
    tip = window.header.grade.toolTip()
    assert "严密监管" in tip and "不可使用进口直通" in tip and "等级更新于" in tip
    put_enterprise(desk, grade="AA")
    window.ctx.events.enterprise_changed.emit()
    assert window.header.grade.text() == "信用 AA" and "#168a3c" in window.header.grade.styleSheet()
    assert not window.header.clients.isVisible()  # an enterprise files for itself only


def test_broker_switches_client_and_the_list_follows(qtbot, window, desk):
    from client.model import Party
    ids = fill(desk, 4)
    other = Party(name_cn="宁波海通进出口贸易有限公司", uscc="91330206MA2H4K7P1X", reg_no="3800600002")
    decl = desk.get(ids[0])
    decl.declarant = other
    desk.save_draft(decl)
    put_enterprise(desk, grade="A", role="broker", name="上海通关报检代理有限公司", clients=[
        {"uscc": other.uscc, "name_cn": other.name_cn, "credit_grade": "A"},
        {"uscc": "91320505MA1NQ3R88Y", "name_cn": "苏州恒瑞机械制造有限公司", "credit_grade": "B"}])
    window.ctx.events.enterprise_changed.emit()
    window.ctx.events.declarations_changed.emit([])
    combo = window.header.clients
    assert combo.isVisible() and combo.count() == 3
    assert combo.itemText(0) == "全部委托企业"  # the first entry is never blank
    assert window.header.grade.text() == "信用 A"  # the broker's own grade
    combo.setCurrentIndex(combo.findData(other.uscc))
    assert [s.id for s in _rows(window)] == [ids[0]]
    assert window.nav.model.count_of("all") == 1
    combo.setCurrentIndex(combo.findData("91320505MA1NQ3R88Y"))
    # the badge shows the client's grade: the one the rules judge the client's filings by
    assert window.header.grade.text() == "信用 B"
    assert "苏州恒瑞机械制造有限公司" in window.header.grade.toolTip()
    combo.setCurrentIndex(0)
    assert len(_rows(window)) == 4
    assert window.header.grade.text() == "信用 A"


def test_table_context_menu_and_enabled_actions(qtbot, window, desk):
    ids = fill(desk, 2)
    set_status(desk, ids[:1], "released")
    window.ctx.events.declarations_changed.emit([])
    window.list.select_id(ids[0])
    assert not window.actions_.finalise.isEnabled()   # released: nothing to finalise
    assert not window.actions_.delete.isEnabled()
    assert window.actions_.copy_number.isEnabled()
    window.list.select_id(ids[1])
    assert window.actions_.finalise.isEnabled() and window.actions_.delete.isEnabled()


def test_screenshot_option_writes_a_png(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtGui import QImage
    root = Path(__file__).resolve().parents[2]
    profile = tmp_path / "shot-profile"
    d = Desk.open(profile)
    try:
        fill(d, 5)
        put_enterprise(d, grade="B")
    finally:
        d.close()
    out = tmp_path / "main.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    res = subprocess.run([sys.executable, str(root / "main.py"), "--data-dir", str(profile),
                          "--screenshot", str(out)], cwd=root, env=env, capture_output=True,
                         text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1280, 800)


def test_enter_and_double_click_open_the_selected_declaration(qtbot, window, desk):
    ids = fill(desk, 3)
    window.ctx.events.declarations_changed.emit([])
    table = window.list.table
    window.list.select_id(ids[1])
    window.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=3000)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert ids[1] in window._editors
    window._editors[ids[1]].close()  # a closed editor is deleted and forgotten
    qtbot.waitUntil(lambda: ids[1] not in window._editors, timeout=3000)
    window.list.select_id(ids[2])
    rect = table.visualRect(table.currentIndex())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ids[2] in window._editors


def test_broker_new_declaration_is_filed_for_the_chosen_client(qtbot, window, desk):
    from sqlalchemy import insert

    from client.store import schema as s
    client = {"uscc": "91330206MA2H4K7P1X", "name_cn": "宁波海通进出口贸易有限公司",
              "reg_no": "3800600002", "credit_grade": "A"}
    put_enterprise(desk, grade="A", role="broker", name="上海通关报检代理有限公司", clients=[client])
    with desk.db.write() as conn:  # what a sync stores for a broker's clients
        conn.execute(insert(s.enterprises).values(uscc=client["uscc"], name_cn=client["name_cn"],
                                                  reg_no=client["reg_no"], credit_grade="A",
                                                  is_self=0))
        conn.execute(insert(s.enterprises).values(uscc="91310115607200113D", is_self=1,
                                                  name_cn="上海通关报检代理有限公司",
                                                  reg_no="3100600001", credit_grade="A"))
    window.ctx.events.enterprise_changed.emit()
    combo = window.header.clients
    combo.setCurrentIndex(combo.findData(client["uscc"]))
    window.actions_.new_outbound.trigger()
    rows = _rows(window)
    assert len(rows) == 1 and rows[0].declarant_uscc == client["uscc"]
    assert rows[0].direction == "outbound"
    assert rows[0].id in window._editors


def test_match_count_of_a_large_search_follows_when_typing_pauses(qtbot, window, desk):
    fill(desk, 250)
    window.ctx.events.declarations_changed.emit([])
    qtbot.keyClicks(window.list.search, "ct0")
    qtbot.waitUntil(lambda: window.list.matches.text() == "共 250 份", timeout=3000)
    # the list model counts the matches itself: every row is addressable
    assert window.list.table.model().rowCount() == 250


def test_status_history_opens_the_timeline(qtbot, window, desk):
    ids = fill(desk, 1)
    set_status(desk, ids, "released")
    window.ctx.events.declarations_changed.emit([])
    window.list.select_id(ids[0])
    window.actions_.history.trigger()
    from PySide6.QtWidgets import QDialog
    dialogs = [w for w in window.findChildren(QDialog) if w.isVisible()]
    assert dialogs and "状态历史" in dialogs[-1].windowTitle()
    try:
        from ui.timeline import TimelineWidget
    except ImportError:
        return
    assert dialogs[-1].findChildren(TimelineWidget)
    dialogs[-1].close()


def test_ctrl_f_returns_from_the_dashboard_to_the_search_box(qtbot, window):
    window.nav.select("dashboard")
    assert window.stack.currentWidget() is window.dashboard
    window.actions_.find.trigger()
    assert window.stack.currentWidget() is window.list


def test_dropping_files_on_the_window_opens_the_import_preview(qtbot, window, tmp_path):
    import json

    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from client.model import to_dict
    from client.rules.sample import sample_declaration
    path = tmp_path / "two.json"
    path.write_text(json.dumps([to_dict(sample_declaration("inbound", seed=1)),
                                to_dict(sample_declaration("outbound", seed=2))]), encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    dlg = window._import_dialog
    assert dlg.isVisible() and len(dlg.preview.rows) == 2
    dlg.close()


def test_empty_table_says_what_to_do(qtbot, window, desk):
    assert "Ctrl+N" in window.list.table.empty_text
    fill(desk, 2)
    window.ctx.events.declarations_changed.emit([])
    assert window.list.table.empty_text == ""
    qtbot.keyClicks(window.list.search, "no-such-contract")
    qtbot.waitUntil(lambda: "没有找到" in window.list.table.empty_text, timeout=3000)


def test_dashboard_follows_changes_while_shown(qtbot, window, desk):
    window.nav.select("dashboard")
    assert window.dashboard.cards[0].value.text() == "0"
    ids = fill(desk, 2)
    window.ctx.events.declarations_changed.emit(ids)
    assert window.dashboard.cards[0].value.text() == "2"


def test_print_preview_of_the_selected_declaration(qtbot, window, desk):
    pytest.importorskip("PySide6.QtPrintSupport")
    ids = fill(desk, 1)
    window.ctx.events.declarations_changed.emit([])
    window.list.select_id(ids[0])
    assert window.actions_.print_.isEnabled()
    window.actions_.print_.trigger()
    dlg = window._print_dialog
    assert dlg.isVisible()
    dlg.close()


def test_english_headers_are_not_cut(qtbot, window, desk):
    """Issue 18 item 12: "Consignee/consigno" in the English list."""
    from PySide6.QtCore import Qt
    window.actions_.lang_en.trigger()
    qtbot.waitUntil(lambda: window.actions_.new_inbound.text() == "New inbound", timeout=3000)
    t = window.list.table
    fm = t.horizontalHeader().fontMetrics()
    model = t.model()
    for col in range(model.columnCount()):
        text = model.headerData(col, Qt.Orientation.Horizontal)
        if not text or t.isColumnHidden(col):  # 定稿人 shows on the office store only
            continue
        assert t.columnWidth(col) >= fm.horizontalAdvance(text), (text, t.columnWidth(col))
