"""Ctrl+Z / Ctrl+Y in the goods table: a deleted line comes back whole, a typed cell is one
step, and what an undo puts back is autosaved into the real store."""
from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal

from PySide6.QtCore import Qt

from client.services import Desk

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _lines(goods) -> list[dict]:
    return [asdict(g) for g in goods]


def _stored_goods(data_dir, decl_id) -> list[dict]:
    other = Desk.open(data_dir)
    try:
        return _lines(other.get(decl_id).goods)
    finally:
        other.close()


def test_a_deleted_line_comes_back_whole_where_it_stood(qtbot, goods_editor, data_dir):
    ed, goods, d = goods_editor()
    before = _lines(ed.decl.goods)
    view, m = goods.view, goods.model
    view.setCurrentIndex(m.index(1, m.column_of("name_cn")))
    qtbot.keyClick(view, Qt.Key.Key_Delete, CTRL)
    assert _lines(ed.decl.goods) == [before[0], {**before[2], "seq": 2}]
    assert ed.message_bar.isVisible() and "Ctrl+Z" in ed.message_label.text()
    assert "第2行" in ed.message_label.text()
    with qtbot.waitSignal(ed.saved, timeout=5000):
        pass
    assert len(_stored_goods(data_dir, d.id)) == 2

    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert _lines(ed.decl.goods) == before               # every field, seq 2 again
    assert view.currentIndex().row() == 1
    assert "共 3 项" in goods.count_label.text()
    with qtbot.waitSignal(ed.saved, timeout=5000):       # the undo is autosaved
        pass
    assert _stored_goods(data_dir, d.id) == before

    qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)             # and done again
    assert [g["seq"] for g in _lines(ed.decl.goods)] == [1, 2]
    assert _lines(ed.decl.goods)[1]["name_cn"] == before[2]["name_cn"]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)     # Ctrl+Shift+Z redoes nothing more
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert _lines(ed.decl.goods) == before


def test_what_is_typed_into_a_cell_is_one_step(qtbot, goods_editor):
    ed, goods, _d = goods_editor()
    view, m = goods.view, goods.model
    old = ed.decl.goods[0].net_weight_kg
    view.setCurrentIndex(m.index(0, m.column_of("net_weight_kg")))
    qtbot.keyClick(view, "1")                        # typing opens the cell
    cell = ed.focusWidget()
    qtbot.keyClicks(cell, "2.5")                     # each keystroke is written into the row
    assert ed.decl.goods[0].net_weight_kg == Decimal("12.5")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    view.setCurrentIndex(m.index(0, m.column_of("net_weight_kg")))
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert ed.decl.goods[0].net_weight_kg == old      # not "12." or "12": the whole edit
    assert not m.undo_stack.canUndo()
    qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)
    assert ed.decl.goods[0].net_weight_kg == Decimal("12.5")


def test_typing_then_escape_leaves_no_step_and_delete_key_is_one(qtbot, goods_editor):
    ed, goods, _d = goods_editor()
    view, m = goods.view, goods.model
    name = ed.decl.goods[2].name_cn
    view.setCurrentIndex(m.index(2, m.column_of("name_cn")))
    qtbot.keyClick(view, "X")
    qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Escape)
    assert ed.decl.goods[2].name_cn == name and not m.undo_stack.canUndo()

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)              # Delete clears the cell
    assert ed.decl.goods[2].name_cn is None
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert ed.decl.goods[2].name_cn == name


def test_ctrl_z_in_an_open_cell_is_the_cells_own(qtbot, goods_editor):
    """While a cell is typed in, Ctrl+Z belongs to its editor: it does not bring back a
    line deleted before."""
    ed, goods, _d = goods_editor()
    view, m = goods.view, goods.model
    view.setCurrentIndex(m.index(0, m.column_of("name_cn")))
    qtbot.keyClick(view, Qt.Key.Key_Delete, CTRL)
    assert m.rowCount() == 2
    view.setCurrentIndex(m.index(0, m.column_of("spec")))
    qtbot.keyClick(view, "A")
    cell = ed.focusWidget()
    assert cell is not view
    qtbot.keyClick(cell, Qt.Key.Key_Z, CTRL)
    assert m.rowCount() == 2


def test_a_loaded_or_read_only_table_has_nothing_to_undo(goods_editor):
    ed, goods, _d = goods_editor()
    m = goods.model
    m.removeRows(0, 1)
    assert m.undo_stack.canUndo()
    m.read_only = True
    assert not m.undo() and m.rowCount() == 2             # a read-only table stays as shown
    m.read_only = False
    from client.rules import sample_declaration
    m.set_rows(sample_declaration("inbound", goods=4, seed=3).goods)
    assert not m.undo() and m.rowCount() == 4             # another list: nothing of before

