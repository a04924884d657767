"""Fast typing in the goods and container grids: every keystroke lands once, in order."""
from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from client.services import Desk
from ui.editor import EditorWindow
from ui.editor.window import AUTOSAVE_MS
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


LINE = [("hs_code", "8471309000"), ("ciq_code", "101"), ("name_cn", "LAPTOP"), ("spec", "X1"),
        ("origin_country", "DEU"), ("quantity", "100"), ("quantity_unit", "001"),
        ("net_weight_kg", "1200.5"), ("gross_weight_kg", "1300"), ("value", "35000"),
        ("currency", "USD"), ("package_type", "22"), ("package_count", "10")]


def test_a_whole_goods_line_typed_in_one_burst(qtbot, ctx, data_dir):
    """Every value and Enter of a line posted at once, as from a typist who does not look
    at the screen: each cell gets exactly what was typed for it."""
    ed = _editor(qtbot, ctx)
    sec = _open_cell(qtbot, ed, GoodsSection, "hs_code")
    for _field, text in LINE:
        _burst(ed.windowHandle(), text)
    line = ed.decl.goods[0]
    typed = {f: getattr(line, f) for f, _ in LINE}
    assert {f: str(v) for f, v in typed.items()} == dict(LINE)
    ed.save_now()
    stored = _on_disk(data_dir, ed.decl.id).goods[0]
    assert {f: str(getattr(stored, f)) for f, _ in LINE} == dict(LINE)
    path = os.environ.get("CIQDESK_GRID_SHOT")      # look at it: the grid after the burst
    if path:
        sec.view.setCurrentIndex(sec.model.index(0, 0))
        ed.grab().save(path)


def test_a_goods_line_typed_at_25_keys_a_second(qtbot, ctx):
    """As the issue was found: each value and Enter at about 25 keys/s, with a glance at
    the invoice after the first character of a code, long enough for the autosave timer
    to fire on its own while the suggestions are open (was: USD -> UAHSD, DEU -> DEUEU)."""
    ed = _editor(qtbot, ctx)
    _open_cell(qtbot, ed, GoodsSection, "hs_code")
    codes = dict(GOODS_CODES)
    for field, text in LINE:
        for i, ch in enumerate(text):
            qtbot.keyClicks(ed.focusWidget(), ch)
            qtbot.wait(40 if i or field not in codes else 40 + AUTOSAVE_MS)
        qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Return)
        qtbot.wait(40)
    line = ed.decl.goods[0]
    assert {f: str(getattr(line, f)) for f, _ in LINE} == dict(LINE)


@pytest.mark.parametrize("field,typed", [("origin_country", "FR"), ("spec", "XYZ")])
def test_escape_takes_back_what_the_open_editor_wrote(qtbot, ctx, desk, field, typed):
    from client.rules import sample_declaration
    d = sample_declaration("inbound", goods=1, seed=2)
    desk.save_draft(d)
    ed = EditorWindow(ctx, d.id)
    ed.show()
    qtbot.waitExposed(ed)
    goods = ed.section(GoodsSection)
    ed._show_section(ed.sections.index(goods))
    goods.view.select_cell(0, field)
    qtbot.keyClicks(goods.view, typed[0])
    qtbot.keyClicks(ed.focusWidget(), typed[1:])
    assert getattr(ed.decl.goods[0], field) == typed      # written while typing
    qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Escape)   # suggestions open or not
    assert getattr(ed.decl.goods[0], field) == getattr(d.goods[0], field)
