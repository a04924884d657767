"""删除草稿 on the list's selection as the user sees it, and 最近删除的草稿 restoring them."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from client.services.draft_bin import deleted_drafts
from test_shell_support import desk, window  # noqa: F401 - fixtures
from test_shell_support import fill, set_status


@pytest.fixture
def asked(window, monkeypatch):
    """What the confirmation was asked for; answered yes unless the test says otherwise."""
    seen: list[int] = []
    answer = {"yes": True}

    def ask(n: int) -> bool:
        seen.append(n)
        return answer["yes"]
    monkeypatch.setattr(window.draft_bin, "ask", ask)
    return seen, answer


def test_select_all_deletes_every_matching_draft_and_the_bin_restores_them(
        qtbot, window, desk, asked):
    ids = fill(desk, 680)
    set_status(desk, ids[:30], "released")
    window.ctx.events.declarations_changed.emit([])
    lst = window.list
    assert lst.model.rowCount() == 680 and lst.model.held_rows < 680
    lst.table.setFocus()
    qtbot.keyClick(lst.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert lst.all_matching
    window.actions_.delete.trigger()
    seen, _ = asked
    assert seen == [650]                     # every draft the filter holds, not the rows loaded
    assert desk.count() == 30 and desk.count(status="draft") == 0
    assert "已删除 650 份草稿" in window.statusBar().currentMessage()
    assert lst.model.rowCount() == 30

    dlg = window.draft_bin.show()
    assert dlg.table.rowCount() == 650 and not dlg.restore_btn.isEnabled()
    for r in (0, 1):
        dlg.table.selectionModel().select(
            dlg.table.model().index(r, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    picked = dlg.selected_ids()
    assert len(picked) == 2 and dlg.restore_btn.text() == "恢复所选 (2)"
    dlg.restore_btn.click()
    assert "已恢复 2 份草稿" in dlg.result_label.text()
    assert dlg.table.rowCount() == 648
    assert sorted(x.id for x in desk.list(status="draft")) == sorted(picked)
    assert lst.model.rowCount() == 32         # the list follows
    dlg.close()


def test_deleting_selected_rows_asks_first_and_refuses_non_drafts(qtbot, window, desk, asked):
    ids = fill(desk, 5)
    set_status(desk, ids[:1], "released")
    window.ctx.events.declarations_changed.emit([])
    lst = window.list
    seen, answer = asked
    drafts = [s.id for s in (lst.model.summary(r) for r in range(5)) if s.status == "draft"]
    lst.select_id(drafts[0])
    answer["yes"] = False
    window.actions_.delete.trigger()
    assert seen == [1] and desk.count() == 5              # 取消: nothing deleted
    answer["yes"] = True
    window.actions_.delete.trigger()
    assert desk.count() == 4
    assert [x.id for x in deleted_drafts(desk)] == [drafts[0]]

    released = next(s.id for s in (lst.model.summary(r) for r in range(4))
                    if s.status == "released")
    lst.select_id(released)
    assert not window.actions_.delete.isEnabled()         # a numbered one is never deleted
    window.draft_bin.delete_selected()                    # (Delete pressed all the same)
    assert desk.count() == 4 and seen == [1, 1]           # not asked: refused at once
    assert window.statusBar().currentMessage() == "只能删除草稿"


def test_ctrl_z_in_the_list_takes_the_last_deletion_back(qtbot, window, desk, asked):
    ids = fill(desk, 4)
    window.ctx.events.declarations_changed.emit([])
    lst = window.list
    undo = window.draft_bin.undo_action
    assert not undo.isEnabled()                          # nothing deleted yet
    lst.select_id(ids[2])
    window.actions_.delete.trigger()
    assert desk.count() == 3 and undo.isEnabled()
    assert "Ctrl+Z 撤销" in window.statusBar().currentMessage()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # a window shortcut needs its window active
    lst.table.setFocus()
    qtbot.keyClick(lst.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert desk.count() == 4 and deleted_drafts(desk) == []
    assert "已恢复 1 份草稿" in window.statusBar().currentMessage()
    assert not undo.isEnabled() and lst.model.rowCount() == 4
    # typing in the search box keeps Ctrl+Z for the box's own text
    lst.select_id(ids[1])
    window.actions_.delete.trigger()
    box = window.list.search
    box.setFocus()
    qtbot.keyClicks(box, "ab")
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert desk.count() == 3 and undo.isEnabled()
