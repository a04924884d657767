"""Fast typing in the goods and container grids: every keystroke lands once, in order."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from client.services import Desk
from ui.editor import EditorWindow
from ui.editor.section_goods import ContainersSection, GoodsSection


def _editor(qtbot, ctx):
    ed = EditorWindow(ctx, None, "inbound")
    ed.show()
    qtbot.waitExposed(ed)
    ed.activateWindow()
    qtbot.waitUntil(ed.isActiveWindow)
    return ed


def _on_disk(data_dir, decl_id):
    other = Desk.open(data_dir)
    try:
        return other.get(decl_id)
    finally:
        other.close()


def _burst(window, text, enter=True):
    """Post every key of ``text`` (and Enter) to the window at once, before the event loop
    runs: what a fast typist produces while a cell editor opens. The window delivers each
    key to whatever has the focus when it is processed, as with a real keyboard."""
    keys = [(Qt.Key(ord(ch.upper())) if ch.isalnum() else Qt.Key.Key_unknown, ch)
            for ch in text]
    if enter:
        keys.append((Qt.Key.Key_Return, "\r"))
    for key, ch in keys:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.postEvent(window, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
    QApplication.processEvents()
    QApplication.processEvents()


GOODS_CODES = [("hs_code", "8471300000"), ("origin_country", "DEU"), ("quantity_unit", "001"),
               ("currency", "USD"), ("package_type", "22")]
CELLS = [(GoodsSection, f, c) for f, c in GOODS_CODES] + [
    (ContainersSection, "number", "MSKU1234565"), (ContainersSection, "size_type", "22G1")]


def _open_cell(qtbot, ed, section, field):
    """A new line in ``section``'s grid, the cell of ``field`` current (not yet editing)."""
    sec = ed.section(section)
    ed._show_section(ed.sections.index(sec))
    sec.view.setFocus()
    qtbot.keyClick(sec.view, Qt.Key.Key_Insert)
    sec.view.setCurrentIndex(sec.model.index(0, sec.model.column_of(field)))
    return sec


@pytest.mark.parametrize("mode", ["burst", "keyclicks"])
@pytest.mark.parametrize("section,field,code", CELLS)
def test_fast_typing_in_code_cells(qtbot, ctx, mode, section, field, code):
    ed = _editor(qtbot, ctx)
    sec = _open_cell(qtbot, ed, section, field)
    if mode == "burst":
        _burst(ed.windowHandle(), code)
    else:
        qtbot.keyClicks(ed.focusWidget(), code[0])
        qtbot.keyClicks(ed.focusWidget(), code[1:])
        qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Return)
    assert getattr(getattr(ed.decl, sec.MODEL.LIST)[0], field) == code


@pytest.mark.parametrize("section,field,code", CELLS)
def test_autosave_while_a_code_is_typed_keeps_the_keys(qtbot, ctx, data_dir, section, field,
                                                       code):
    """The autosave timer fires between two keystrokes (a typist at 25 keys/s pauses
    half a second after the previous cell): the picker's highlighted suggestion must not
    replace what was typed (was: USD -> UAHSD, DEU -> DEUEU, 001 -> 00101)."""
    ed = _editor(qtbot, ctx)
    sec = _open_cell(qtbot, ed, section, field)
    qtbot.keyClicks(sec.view, code[0])
    ed._save_timer.timeout.emit()            # the autosave runs while the editor is open
    editor = ed.focusWidget()
    assert editor.text() == code[0]
    stored = getattr(_on_disk(data_dir, ed.decl.id), sec.MODEL.LIST)[0]
    assert getattr(stored, field) == code[0]  # the open editor's text is in the store
    qtbot.keyClicks(editor, code[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert getattr(getattr(ed.decl, sec.MODEL.LIST)[0], field) == code
