"""Validation markers: a bad value is marked (and explains itself), the mark goes when the
value is fixed, and clicking an issue goes to its field or goods cell."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from client.errors import DeskError
from client.rules import sample_declaration
from client.services import Desk
from ui.editor import EditorWindow
from ui.editor.section_goods import GoodsSection
from ui.editor.section_parties import PartiesSection

CTRL = Qt.KeyboardModifier.ControlModifier
EDIT = Qt.ItemDataRole.EditRole


def _open(qtbot, ctx, decl):
    ctx.desk.save_draft(decl)
    ed = EditorWindow(ctx, decl.id)
    ed.show()
    qtbot.waitExposed(ed)
    ed.activateWindow()
    qtbot.waitUntil(ed.isActiveWindow)
    return ed


def _click_issue(qtbot, ed, field):
    view = ed.issues_panel.view
    model = ed.issues_panel.model
    row = next(i for i, x in enumerate(model.issues) if x.field == field)
    rect = view.visualRect(model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_valid_declaration_has_no_markers(qtbot, ctx):
    ed = _open(qtbot, ctx, sample_declaration("inbound", goods=2, seed=5))
    assert ed.issues == []
    assert ed.issues_panel.model.rowCount() == 0
    assert "未发现问题" in ed.issues_panel.header.text()


def test_bad_uscc_is_marked_and_unmarked_when_fixed(qtbot, ctx):
    decl = sample_declaration("inbound", goods=1, seed=2)
    good_uscc = decl.declarant.uscc
    ed = _open(qtbot, ctx, decl)
    field = ed.section(PartiesSection).bindings["declarant.uscc"].widget
    assert field.property("severity") in (None, "")
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "91310000ABC")
    qtbot.keyClick(field, Qt.Key.Key_S, CTRL)       # save now (validation follows)
    assert field.property("severity") == "error"
    assert "统一社会信用代码" in field.toolTip()
    assert any(a.objectName() == "markerAction" for a in field.actions())  # the icon
    assert any(i.field == "declarant.uscc" for i in ed.issues)
    nav_item = ed.nav.item(ed.sections.index(ed.section(PartiesSection)))
    assert "1" in nav_item.text()                   # the section shows its error count

    field.selectAll()
    qtbot.keyClicks(field, good_uscc)
    qtbot.keyClick(field, Qt.Key.Key_S, CTRL)
    assert field.property("severity") == ""
    assert "统一社会信用代码" in field.toolTip() and "格式" not in field.toolTip()
    assert not any(i.field == "declarant.uscc" for i in ed.issues)


def test_net_weight_above_gross_marks_the_cell_until_fixed(qtbot, ctx):
    decl = sample_declaration("inbound", goods=2, seed=9)
    ed = _open(qtbot, ctx, decl)
    goods = ed.section(GoodsSection)
    m = goods.model
    gross = decl.goods[1].gross_weight_kg
    net_col = m.column_of("net_weight_kg")
    m.setData(m.index(1, net_col), str(gross + 10), EDIT)
    ed.save_now()
    assert m.issue_at(1, "net_weight_kg") == "error"
    tip = m.data(m.index(1, net_col), Qt.ItemDataRole.ToolTipRole)
    assert "净重" in tip and "毛重" in tip
    assert m.issue_at(0, "net_weight_kg") == ""
    assert any("第2项货物" in ed.issues_panel.model.text(i) for i in ed.issues_panel.model.issues)

    m.setData(m.index(1, net_col), str(gross - Decimal("1")), EDIT)
    ed.save_now()
    assert m.issue_at(1, "net_weight_kg") == ""
    assert ed.issues == []


def test_clicking_an_issue_focuses_the_field_or_selects_the_cell(qtbot, ctx):
    decl = sample_declaration("inbound", goods=3, seed=4)
    decl.goods[2].net_weight_kg = decl.goods[2].gross_weight_kg * 2
    decl.contract_no = None
    ed = _open(qtbot, ctx, decl)
    assert {"contract_no", "goods[2].net_weight_kg"} <= {i.field for i in ed.issues}
    errors_first = [i.severity for i in ed.issues_panel.model.issues]
    assert errors_first == sorted(errors_first, key=lambda s: s != "error")

    _click_issue(qtbot, ed, "goods[2].net_weight_kg")
    goods = ed.section(GoodsSection)
    assert ed.stack.currentWidget() is goods
    cur = goods.view.currentIndex()
    assert (cur.row(), cur.column()) == (2, goods.model.column_of("net_weight_kg"))
    assert QApplication.focusWidget() is goods.view

    _click_issue(qtbot, ed, "contract_no")
    assert ed.stack.currentIndex() == 0
    contract = ed.sections[0].bindings["contract_no"].widget
    assert QApplication.focusWidget() is contract
    assert contract.property("severity") == "error"


def test_unknown_code_is_marked_at_once(qtbot, ctx):
    ed = _open(qtbot, ctx, sample_declaration("inbound", goods=1, seed=1))
    bureau = ed.sections[0].bindings["port_bureau"].widget
    bureau.setFocus()
    bureau.selectAll()
    qtbot.keyClicks(bureau, "999999")
    assert not bureau.is_valid()
    assert bureau.property("severity") == "error"   # before any save: the picker knows
    assert "代码" in bureau.toolTip()


def test_failed_save_keeps_the_edits_and_retries(qtbot, ctx, data_dir, monkeypatch):
    decl = sample_declaration("inbound", goods=1, seed=6)
    ed = _open(qtbot, ctx, decl)
    real = ctx.desk.save_draft
    calls = []

    def full_disk(d, **_kw):
        calls.append(d.contract_no)
        raise DeskError("磁盘已满，无法写入数据库", "disk full")

    monkeypatch.setattr(ctx.desk, "save_draft", full_disk)
    contract = ed.sections[0].bindings["contract_no"].widget
    contract.setFocus()
    contract.selectAll()
    qtbot.keyClicks(contract, "CT-NEW")
    qtbot.keyClick(contract, Qt.Key.Key_S, CTRL)
    assert calls == ["CT-NEW"]
    assert ed.message_bar.isVisible() and "磁盘已满" in ed.message_label.text()
    assert "未保存" in ed.save_state.text()
    assert ed.decl.contract_no == "CT-NEW" and ed.dirty
    # closing now would lose the edits: the window stays open and says why
    ed.close()
    assert ed.isVisible() and "暂不关闭" in ed.message_label.text()

    monkeypatch.setattr(ctx.desk, "save_draft", real)
    with qtbot.waitSignal(ed.saved, timeout=10000):  # the retry timer
        pass
    assert not ed.message_bar.isVisible() and not ed.dirty
    other = Desk.open(data_dir)
    try:
        assert other.get(decl.id).contract_no == "CT-NEW"
    finally:
        other.close()


def test_f8_walks_through_the_issues(qtbot, ctx):
    decl = sample_declaration("inbound", goods=2, seed=4)
    decl.contract_no = None
    decl.goods[1].net_weight_kg = decl.goods[1].gross_weight_kg * 2
    ed = _open(qtbot, ctx, decl)
    fields = [i.field for i in ed.issues_panel.model.issues]
    assert {"contract_no", "goods[1].net_weight_kg"} <= set(fields)
    seen = []
    for _ in fields:
        qtbot.keyClick(ed.focusWidget() or ed, Qt.Key.Key_F8)
        seen.append(ed.issues_panel.view.currentIndex().row())
    assert seen == list(range(len(fields)))
    goods = ed.section(GoodsSection)
    qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_F8)     # wraps to the first again
    assert ed.issues_panel.view.currentIndex().row() == 0
    target = fields[0]
    if target.startswith("goods"):
        assert QApplication.focusWidget() is goods.view
    else:
        assert QApplication.focusWidget().objectName() == target


def test_a_new_draft_is_not_painted_red_until_touched_or_finalised(qtbot, ctx):
    ed = EditorWindow(ctx, None, "inbound")
    ed.show()
    qtbot.waitExposed(ed)
    ed.activateWindow()
    qtbot.waitUntil(ed.isActiveWindow)
    basic = ed.sections[0]
    contract = basic.bindings["contract_no"].widget
    assert any(i.field == "contract_no" for i in ed.issues)       # listed in the panel
    assert ed.issues_panel.model.rowCount() == len(ed.issues)
    assert contract.property("severity") in (None, "")           # but not painted yet
    contract.setFocus()
    qtbot.keyClicks(contract, "A")
    qtbot.keyClick(contract, Qt.Key.Key_Backspace)               # touched, empty again
    qtbot.keyClick(contract, Qt.Key.Key_S, CTRL)
    assert contract.property("severity") == "error"
    bureau = basic.bindings["declare_bureau"].widget
    assert bureau.property("severity") in (None, "")
    qtbot.keyClick(contract, Qt.Key.Key_Return, CTRL)            # finalise: refused
    assert bureau.property("severity") == "error"
