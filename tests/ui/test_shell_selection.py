"""Select all over a filter (more rows than the model holds) and batch work on it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from client.services import Desk
from client.store import schema as s
from test_shell_support import fill, make_ctx, set_status


@pytest.fixture
def desk(data_dir):
    d = Desk.open(data_dir)
    yield d
    d.close()


@pytest.fixture
def window(qtbot, desk):
    from ui.i18n import Language
    from ui.main_window import MainWindow
    win = MainWindow(make_ctx(desk, language=Language()), use_tray=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def _validated(desk) -> int:
    from sqlalchemy import func, select
    t = s.declarations
    with desk.db.read() as conn:
        return conn.execute(select(func.count()).where(t.c.valid.is_not(None))).scalar_one()


def _filter_drafts(window, desk, n_drafts=650, n_released=30):
    ids = fill(desk, n_drafts + n_released)
    set_status(desk, ids[:n_released], "released")
    window.ctx.events.declarations_changed.emit([])
    window._refilter(status=("draft",))
    return ids[n_released:]


def test_ctrl_a_selects_the_whole_filtered_set_and_validates_it(qtbot, window, desk):
    drafts = _filter_drafts(window, desk)
    lst = window.list
    assert lst.model.rowCount() == 650 and lst.model.held_rows < 650 + 1
    assert "全选 650 条符合条件的" == lst.select_all_btn.text()
    lst.table.setFocus()
    qtbot.keyClick(lst.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert lst.all_matching and lst.selected_count() == 650
    assert lst.select_all_btn.text() == "已选择全部 650 条符合条件的"
    assert sorted(lst.selected_ids()) == sorted(drafts)  # resolved from the store
    window.actions_.validate.trigger()
    dlg = window._batch_dialog
    assert dlg.totals is not None and dlg.totals.done == 650 and not dlg.totals.cancelled
    assert dlg.bar.value() == 650 and dlg.bar.maximum() == 650
    assert "已校验 650 份" in dlg.message.text()
    assert _validated(desk) == 650  # the released ones were not in the selection
    dlg.close()


def test_clicking_one_row_ends_the_select_all(qtbot, window, desk):
    _filter_drafts(window, desk, 250, 0)
    lst = window.list
    lst.select_all_btn.click()
    assert lst.all_matching
    lst.select_id(lst.model.summary(3).id)
    assert not lst.all_matching and lst.selected_count() == 1


def test_cancel_stops_the_validation_between_pages(qtbot, window, desk):
    from ui.dialogs.selection_dialog import ValidateSelectionDialog
    _filter_drafts(window, desk, 500, 0)
    lst = window.list
    lst.table.selectAll()
    dlg = ValidateSelectionDialog(window.ctx, lst.selection(), window)
    dlg.page = 100
    reports = []
    shown = dlg._progress

    def progress(done, total, m):  # the user presses 取消 once 200 are done
        shown(done, total, m)
        reports.append((done, total, dlg.bar.value()))
        if done >= 200:
            dlg.cancel_btn.click()
    dlg._progress = progress
    dlg.open()
    dlg.start()  # the FakeThreadPool runs it now
    assert (200, 500, 200) in reports  # progress shown as it went
    assert dlg.totals.cancelled and dlg.totals.done == 200 and dlg.totals.total == 500
    assert "已取消" in dlg.message.text()
    assert _validated(desk) == 200  # what was validated stays validated


def test_ctrl_a_loads_no_rows_beyond_those_on_screen(qtbot, window, desk):
    """Selecting all 650 drafts reads no page the view did not show (at 100,000 rows the
    selection signal used to read every row: 29 s)."""
    _filter_drafts(window, desk)
    lst = window.list
    held = set(lst.model._pages)
    assert held and len(held) * lst.model.page_size < 650
    emitted: list[int] = []
    lst.selection_changed.connect(lambda rows: emitted.append(len(rows)))
    lst.table.setFocus()
    qtbot.keyClick(lst.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert lst.all_matching and lst.selected_count() == 650
    assert set(lst.model._pages) == held
    assert emitted and max(emitted) <= lst.model.held_rows
