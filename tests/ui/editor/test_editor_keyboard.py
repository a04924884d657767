"""Typing a declaration from the keyboard: Enter between fields, code pickers, goods lines,
Ctrl+S / autosave into the real store."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from client.services import Desk
from ui.editor import EditorWindow
from ui.editor.code_picker import CodePicker
from ui.editor.section_basic import BasicSection
from ui.editor.section_goods import GoodsSection
from ui.editor.section_transport import TransportSection

CTRL = Qt.KeyboardModifier.ControlModifier


def _editor(qtbot, ctx, decl_id=None, direction="inbound"):
    ed = EditorWindow(ctx, decl_id, direction)
    ed.show()
    qtbot.waitExposed(ed)
    ed.activateWindow()
    qtbot.waitUntil(ed.isActiveWindow)  # window shortcuts (Ctrl+S, Esc) need it
    return ed


def type_text(widget, text):
    """Type any text (Chinese too) as key events carrying the characters, like an IME
    commit; QTest.keyClicks only handles Latin-1."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


def _on_disk(data_dir, decl_id):
    """The declaration and its status as another process reads them from the store."""
    other = Desk.open(data_dir)
    try:
        return other.get(decl_id), other.summary(decl_id).status
    finally:
        other.close()


def _type(qtbot, ed, text):
    """Type into the field that has the focus, then press Enter."""
    w = ed.focusWidget()
    type_text(w, text)
    qtbot.keyClick(w, Qt.Key.Key_Return)
    return w


def test_enter_moves_through_the_form_and_pickers_accept_suggestions(qtbot, ctx, data_dir):
    ed = _editor(qtbot, ctx)
    basic = ed.section(BasicSection)
    itype = basic.bindings["inspection_type"].widget
    assert ed.focusWidget() is itype  # the first field has the focus on open

    type_text(itype, "入境检验")
    assert itype.popup_visible()
    assert itype.model.entries[0].code == "13"
    assert itype.model.data(itype.model.index(0, 0)) == "13 入境检验检疫"
    # outbound inspection types are not offered for an inbound declaration
    assert all(e.row["direction"] != "outbound" for e in itype.model.entries)
    qtbot.keyClick(itype, Qt.Key.Key_Return)
    assert itype.text() == "13" and not itype.popup_visible()
    assert ed.decl.inspection_type == "13"
    assert ed.focusWidget() is basic.bindings["clearance_mode"].widget

    qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Return)          # keep 一般报检
    assert ed.focusWidget() is basic.bindings["trade_mode"].widget
    _type(qtbot, ed, "0110")
    assert ed.decl.trade_mode == "0110"
    # a picker found by its Chinese name: Down chooses the second suggestion
    purpose = ed.focusWidget()
    type_text(purpose, "其他")
    first = purpose.model.entries[0].code
    qtbot.keyClick(purpose, Qt.Key.Key_Return)
    assert ed.decl.purpose == first
    assert ed.focusWidget() is basic.bindings["trade_country"].widget
    _type(qtbot, ed, "DEU")
    assert ed.decl.trade_country == "DEU"
    qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Return)          # 跨境电商 checkbox
    _type(qtbot, ed, "CT-2026-0099")
    assert ed.decl.contract_no == "CT-2026-0099"
    assert ed.focusWidget() is basic.bindings["invoice_no"].widget

    qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_S, CTRL)
    assert ed.save_state.text().startswith("已自动保存")

    stored, status = _on_disk(data_dir, ed.decl.id)
    assert status == "draft"
    assert (stored.inspection_type, stored.trade_mode, stored.purpose, stored.trade_country,
            stored.contract_no) == ("13", "0110", first, "DEU", "CT-2026-0099")


def test_last_field_of_a_section_moves_to_the_next_section(qtbot, ctx):
    ed = _editor(qtbot, ctx)
    basic = ed.section(BasicSection)
    location = basic.bindings["goods_location"].widget
    location.setFocus()
    type_text(location, "外高桥1号")
    qtbot.keyClick(location, Qt.Key.Key_Return)
    marks = basic.bindings["marks"].widget
    assert ed.focusWidget() is marks
    # Enter in a multi-line field is a new line, not the next field
    qtbot.keyClick(marks, Qt.Key.Key_Return)
    assert ed.focusWidget() is marks
    # Enter on a section's last field goes on to the next section's first field
    from ui.editor.section_parties import PartiesSection
    agent_uscc = ed.section(PartiesSection).bindings["agent.uscc"].widget
    agent_uscc.setFocus()
    qtbot.keyClick(agent_uscc, Qt.Key.Key_Return)
    transport = ed.section(TransportSection)
    assert ed.stack.currentWidget() is transport
    assert ed.focusWidget() is transport.bindings["transport_mode"].widget
    dist = transport.bindings["destination_district"].widget
    dist.setFocus()
    qtbot.keyClicks(dist, "310115")
    qtbot.keyClick(dist, Qt.Key.Key_Return)
    assert ed.focusWidget() is transport.bindings["arrival_date"].widget
    # after the last date, Enter lands in the goods table with a first line ready
    for _ in range(3):
        qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Return)
    goods = ed.section(GoodsSection)
    assert ed.stack.currentWidget() is goods
    assert goods.model.rowCount() == 1
    assert ed.focusWidget() is goods.view


def test_dates_accept_digits_and_inbound_fields_adapt(qtbot, ctx):
    ed = _editor(qtbot, ctx)
    t = ed.section(TransportSection)
    assert "arrival_date" in t.bindings and "ship_date" not in t.bindings
    arrival = t.bindings["arrival_date"].widget
    arrival.setFocus()
    qtbot.keyClicks(arrival, "20261130")
    qtbot.keyClick(arrival, Qt.Key.Key_Return)
    assert arrival.text() == "2026-11-30"
    assert ed.decl.arrival_date == date(2026, 11, 30)
    unload = ed.focusWidget()
    assert unload is t.bindings["unload_date"].widget
    qtbot.keyClicks(unload, "2026-12-01")
    qtbot.keyClick(unload, Qt.Key.Key_Return)
    assert ed.decl.unload_date == date(2026, 12, 1)
    claim = ed.focusWidget()
    qtbot.keyClicks(claim, "2026-13-45")
    qtbot.keyClick(claim, Qt.Key.Key_Return)
    assert claim.property("severity") == "error" and "日期" in claim.toolTip()
    assert ed.decl.claim_deadline is None

    out = _editor(qtbot, ctx, direction="outbound")
    t = out.section(TransportSection)
    assert "ship_date" in t.bindings and "arrival_date" not in t.bindings
    assert "destination_country" in t.bindings and "arrival_port" in t.bindings
    assert "lc_no" in out.section(BasicSection).bindings
    assert "lc_no" not in ed.section(BasicSection).bindings
    assert out.title_label.text() == "出境货物报检单"


def test_goods_lines_from_the_keyboard(qtbot, ctx, data_dir):
    ed = _editor(qtbot, ctx)
    goods = ed.section(GoodsSection)
    ed._show_section(ed.sections.index(goods))
    view = goods.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    assert goods.model.rowCount() == 1 and ed.decl.goods[0].seq == 1
    assert view.currentIndex().column() == goods.model.column_of("hs_code")

    qtbot.keyClick(view, "8")                       # typing opens the cell's code picker
    editor = ed.focusWidget()
    assert isinstance(editor, CodePicker)
    qtbot.keyClicks(editor, "471300000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)       # commit, next cell
    assert ed.decl.goods[0].hs_code == "8471300000"
    # the 检验检疫编码 follows the HS code (issue 13); Enter, Enter leaves it empty
    assert view.currentIndex().column() == goods.model.column_of("ciq_code")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Return)
    assert view.currentIndex().column() == goods.model.column_of("name_cn")  # chips skipped

    qtbot.keyClick(view, Qt.Key.Key_Return)         # Enter edits the current cell
    cell = ed.focusWidget()
    type_text(cell, "笔记本电脑")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    assert ed.decl.goods[0].name_cn == "笔记本电脑"

    idx = goods.model.index(0, goods.model.column_of("net_weight_kg"))
    view.setCurrentIndex(idx)
    qtbot.keyClick(view, "1")
    cell = ed.focusWidget()
    qtbot.keyClicks(cell, "200.5")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    assert ed.decl.goods[0].net_weight_kg == Decimal("1200.5")

    qtbot.keyClick(view, Qt.Key.Key_D, CTRL)        # copy the line
    qtbot.keyClick(view, Qt.Key.Key_Insert)         # and add an empty one after it
    assert [g.seq for g in ed.decl.goods] == [1, 2, 3]
    assert ed.decl.goods[1].hs_code == "8471300000"
    view.setCurrentIndex(goods.model.index(0, 2))
    qtbot.keyClick(view, Qt.Key.Key_Delete, CTRL)   # remove the first
    assert [g.seq for g in ed.decl.goods] == [1, 2]
    assert "共 2 项" in goods.count_label.text()

    with qtbot.waitSignal(ed.saved, timeout=5000):  # the autosave timer
        pass
    stored, _ = _on_disk(data_dir, ed.decl.id)
    assert [(g.seq, g.hs_code, g.name_cn) for g in stored.goods] == \
        [(1, "8471300000", "笔记本电脑"), (2, None, None)]
    assert stored.goods[0].net_weight_kg == Decimal("1200.5")


def test_autosave_within_a_second_and_changed_event(qtbot, ctx, data_dir):
    ed = _editor(qtbot, ctx)
    seen = []
    ctx.events.declarations_changed.connect(seen.append)
    contract = ed.section(BasicSection).bindings["contract_no"].widget
    contract.setFocus()
    qtbot.keyClicks(contract, "HT-01")
    assert ed.dirty and "未保存" in ed.save_state.text()
    with qtbot.waitSignal(ed.saved, timeout=5000):
        pass
    assert not ed.dirty
    assert seen == [[ed.decl.id]]
    assert _on_disk(data_dir, ed.decl.id)[0].contract_no == "HT-01"


def test_escape_closes_after_saving(qtbot, ctx, data_dir):
    ed = _editor(qtbot, ctx)
    contract = ed.section(BasicSection).bindings["contract_no"].widget
    contract.setFocus()
    qtbot.keyClicks(contract, "ESC-1")
    qtbot.keyClick(contract, Qt.Key.Key_Escape)
    assert not ed.isVisible()
    assert _on_disk(data_dir, ed.decl.id)[0].contract_no == "ESC-1"


def test_enter_after_the_last_cell_starts_a_new_line(qtbot, ctx, desk):
    from client.rules import sample_declaration
    d = sample_declaration("inbound", goods=1, seed=1)
    desk.save_draft(d)
    ed = _editor(qtbot, ctx, d.id)
    goods = ed.section(GoodsSection)
    ed._show_section(ed.sections.index(goods))
    m = goods.model
    goods.view.setCurrentIndex(m.index(0, m.columnCount() - 1))
    goods.view.setFocus()
    qtbot.keyClick(goods.view, Qt.Key.Key_Return)          # edit the last cell (品牌)
    qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Return)    # commit: a new line begins
    assert m.rowCount() == 2 and [g.seq for g in ed.decl.goods] == [1, 2]
    cur = goods.view.currentIndex()
    assert (cur.row(), cur.column()) == (1, m.column_of("hs_code"))
    assert ed.decl.goods[1].currency == d.goods[0].currency  # repeated from the line above
    # an empty last line does not breed more empty lines
    goods.view.setCurrentIndex(m.index(1, m.columnCount() - 1))
    goods.view.move_next()
    assert m.rowCount() == 2


def test_enter_after_the_last_container_moves_on_without_an_empty_row(qtbot, ctx, data_dir):
    from ui.editor.section_attachments import AttachmentsSection
    from ui.editor.section_goods import ContainersSection
    ed = _editor(qtbot, ctx)
    boxes = ed.section(ContainersSection)
    ed._show_section(ed.sections.index(boxes))
    boxes.view.setFocus()
    qtbot.keyClick(boxes.view, Qt.Key.Key_Insert)
    for text in ("MSCU1234566", "40HC", "12"):           # number, size type, goods, Enter each
        qtbot.keyClicks(boxes.view, text[0])
        qtbot.keyClicks(ed.focusWidget(), text[1:])
        qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Return)
    assert [(c.number, c.size_type, c.goods_seqs) for c in ed.decl.containers] == \
        [("MSCU1234566", "40HC", [12])]
    assert boxes.model.rowCount() == 1                   # no empty row to show as an error
    assert ed.stack.currentWidget() is ed.section(AttachmentsSection)  # moved on
    ed.save_now()
    assert len(_on_disk(data_dir, ed.decl.id)[0].containers) == 1
