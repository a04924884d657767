"""Issue 13 in the editor: the new goods columns, the CIQ-code picker, the catalogue chips and
the "本商品需要" panel (pytest-qt, offscreen, a real store)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from client.ciq import ciq_lookup
from client.model import Licence, Producer
from ui.editor import EditorWindow
from ui.editor.section_attachments import AttachmentsSection
from ui.editor.section_basic import BasicSection
from ui.editor.section_goods import ContainersSection, GoodsSection
from ui.editor.section_transport import TransportSection

from test_editor_fast_typing import _burst, _editor, _on_disk, _open_cell

BEEF = "0202300090"  # 其他冻藏的去骨牛肉: six CIQ codes (101–105, 999)

#: every new goods cell that is typed, with what is typed and the value it must become
NEW_CELLS = [
    ("std_unit", "035", "035"),
    ("dangerous.pack_category", "2", "2"),
    ("goods_attributes", "31,20", ["31", "20"]),
    ("licences", "325:A3100260001", [Licence("325", "A3100260001")]),
    ("producer.reg_no", "3100/02001", "3100/02001"),
    ("producer.name", "ACME", "ACME"),
    ("batch_no", "B20261130", "B20261130"),
    ("production_date", "20261101", date(2026, 11, 1)),
    ("std_quantity", "1200.5", Decimal("1200.5")),
    ("dangerous.un_no", "UN1993", "UN1993"),
]


def _get(line, dotted):
    for part in dotted.split("."):
        line = getattr(line, part, None) if line is not None else None
    return line


@pytest.mark.parametrize("mode", ["burst", "keyclicks"])
@pytest.mark.parametrize("field,typed,expected", NEW_CELLS)
def test_fast_typing_into_each_new_column_lands_once(qtbot, ctx, mode, field, typed, expected):
    ed = _editor(qtbot, ctx)
    sec = _open_cell(qtbot, ed, GoodsSection, field)
    if mode == "burst":
        _burst(ed.windowHandle(), typed)
    else:
        qtbot.keyClicks(ed.focusWidget(), typed[0])
        qtbot.keyClicks(ed.focusWidget(), typed[1:])
        qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Return)
    assert _get(ed.decl.goods[0], field) == expected
    # the cell shows what was typed, once
    shown = sec.model.index(0, sec.model.column_of(field)).data(Qt.ItemDataRole.EditRole)
    assert shown == typed if field != "production_date" else shown == "2026-11-01"


@pytest.mark.parametrize("mode", ["burst", "keyclicks"])
def test_fast_typing_of_the_ciq_code_after_the_hs_code(qtbot, ctx, data_dir, mode):
    ed = _editor(qtbot, ctx)
    sec = _open_cell(qtbot, ed, GoodsSection, "hs_code")
    _burst(ed.windowHandle(), BEEF)        # Enter moves on to the CIQ-code cell
    assert sec.view.currentIndex().column() == sec.model.column_of("ciq_code")
    if mode == "burst":
        _burst(ed.windowHandle(), "102")
    else:
        qtbot.keyClicks(ed.focusWidget(), "1")
        qtbot.keyClicks(ed.focusWidget(), "02")
        qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Return)
    line = ed.decl.goods[0]
    assert (line.hs_code, line.ciq_code) == (BEEF, "102")
    shown = sec.model.index(0, sec.model.column_of("ciq_code")).data()
    assert shown == "102 其他冻藏的去骨牛肉(30月龄以下)"
    ed.save_now()
    assert _on_disk(data_dir, ed.decl.id).goods[0].ciq_code == "102"


def test_the_picker_lists_the_ciq_codes_of_the_typed_hs_code(qtbot, ctx):
    ed = _editor(qtbot, ctx)
    sec = _open_cell(qtbot, ed, GoodsSection, "hs_code")
    _burst(ed.windowHandle(), BEEF)
    qtbot.keyClicks(ed.focusWidget(), "1")   # opens the CIQ-code cell's picker
    picker = ed.focusWidget()
    assert picker.objectName() == "cellEditor_ciq_code"
    assert picker.popup_visible()
    listed = [e.code for e in picker.model.entries]
    assert listed == ["101", "102", "103", "104", "105"]
    qtbot.keyClick(picker, Qt.Key.Key_Backspace)  # an emptied cell lists them all
    assert picker.popup_visible()
    all_codes = [c.ciq_code for c in ciq_lookup(ctx.desk.codes).codes_for(BEEF)]
    assert [e.code for e in picker.model.entries] == all_codes
    assert "999" in all_codes and len(all_codes) == 6
    names = [e.name_cn for e in picker.model.entries]
    assert names[1] == "其他冻藏的去骨牛肉(30月龄以下)"
    qtbot.keyClick(picker, Qt.Key.Key_Down)    # Down, Enter: the second code
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert ed.decl.goods[0].ciq_code == "102"
    # another HS code: the picker lists that code's CIQ codes, not the beef's
    sec.model.setData(sec.model.index(0, sec.model.column_of("hs_code")), "0101210010")
    sec.view.setCurrentIndex(sec.model.index(0, sec.model.column_of("ciq_code")))
    qtbot.keyClicks(sec.view, "9")
    assert [e.code for e in ed.focusWidget().model.entries] == ["999"]


def test_a_container_holds_goods_lines_typed_as_a_list(qtbot, ctx):
    ed = _editor(qtbot, ctx)
    _open_cell(qtbot, ed, ContainersSection, "goods_seqs")
    _burst(ed.windowHandle(), "1,2")
    assert ed.decl.containers[0].goods_seqs == [1, 2]


def _beef_line(qtbot, ed):
    sec = ed.section(GoodsSection)
    _open_cell(qtbot, ed, GoodsSection, "hs_code")
    m = sec.model
    for field, value in (("hs_code", BEEF), ("ciq_code", "102"), ("name_cn", "冻牛肉"),
                         ("origin_country", "AUS")):
        m.setData(m.index(0, m.column_of(field)), value)
    sec.view.setCurrentIndex(m.index(0, m.column_of("name_cn")))
    sec.refresh_needs()
    return sec


def test_chips_show_the_catalogue_letters_of_each_line(qtbot, ctx):
    ed = _editor(qtbot, ctx)
    sec = _beef_line(qtbot, ed)
    chips = sec.model.index(0, sec.model.column_of("catalogue"))
    assert chips.data() == "P R A"  # inbound: 动植物检疫 + 进口食品, 须凭入境货物通关单
    assert "进境动植物" in chips.data(Qt.ItemDataRole.ToolTipRole)
    assert [sec.panel.chips.itemAt(i).widget().text() for i in range(sec.panel.chips.count())] \
        == ["P", "R", "须凭通关单"]


def _issue_codes_at(ed, prefix):
    return {i.code for i in ed.issues if (i.field or "").startswith(prefix)}


def test_the_panel_adds_the_licence_and_its_rule_marker_disappears(qtbot, ctx):
    ed = _editor(qtbot, ctx)
    sec = _beef_line(qtbot, ed)
    needs = {r.code: r for r in sec.panel.requirements}
    assert "325" in needs and not needs["325"].present
    rule = needs["325"].rule
    ed.save_now()                              # saved and validated (synchronous pool)
    assert rule in _issue_codes_at(ed, "goods[0].licences")
    assert sec.model.issue_at(0, "licences") == "error"
    qtbot.mouseClick(sec.panel.button_for("325"), Qt.MouseButton.LeftButton)
    assert ed.decl.goods[0].licences == [Licence("325", None)]   # the licence row
    assert sec.view.currentIndex().column() == sec.model.column_of("licences")
    cell = ed.focusWidget()                     # open after "325:", ready for the number
    assert cell.objectName() == "cellEditor_licences" and cell.text() == "325:"
    qtbot.keyClicks(cell, "A3100260001")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    assert ed.decl.goods[0].licences == [Licence("325", "A3100260001")]
    qtbot.waitUntil(lambda: {r.code: r.present for r in sec.panel.requirements}["325"])
    assert sec.panel.button_for("325") is None
    ed.save_now()
    assert rule not in _issue_codes_at(ed, "goods[0].licences")


def test_the_panel_updates_as_the_user_types(qtbot, ctx):
    ed = _editor(qtbot, ctx)
    sec = _beef_line(qtbot, ed)
    col = sec.model.column_of("licences")
    sec.view.setCurrentIndex(sec.model.index(0, col))
    qtbot.keyClicks(sec.view, "3")
    qtbot.keyClicks(ed.focusWidget(), "25:X1")   # still typing, no Enter
    qtbot.waitUntil(lambda: {r.code: r.present for r in sec.panel.requirements}.get("325"))


def test_the_panel_opens_the_attachment_add_with_the_type_set(qtbot, ctx, tmp_path,
                                                                 monkeypatch):
    ed = _editor(qtbot, ctx)
    sec = _beef_line(qtbot, ed)
    att = [r for r in sec.panel.requirements if r.kind == "attachment" and not r.present]
    assert att, "frozen beef inbound needs the exporting country's certificate"
    pdf = tmp_path / "cert.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    from PySide6.QtWidgets import QFileDialog
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(pdf)], "")))
    qtbot.mouseClick(sec.panel.button_for(att[0].code), Qt.MouseButton.LeftButton)
    atts = ed.section(AttachmentsSection)
    assert ed.stack.currentWidget() is atts
    assert [(a.type, a.file_name) for a in ed.decl.attachments] == [(att[0].code, "cert.pdf")]
    ed._show_section(ed.sections.index(sec))
    sec.refresh_needs()
    assert {r.code: r.present for r in sec.panel.requirements}[att[0].code] is True


def test_header_fields_of_issue_13(qtbot, ctx):
    ed = _editor(qtbot, ctx)
    basic = ed.section(BasicSection)
    quals = basic.bindings["enterprise_qualifications"].widget
    quals.setFocus()
    qtbot.keyClicks(quals, "1:QY-01,3:QY-03")
    assert [(q.type, q.number) for q in ed.decl.enterprise_qualifications] == \
        [("1", "QY-01"), ("3", "QY-03")]
    qtbot.keyClicks(basic.bindings["customs_decl_no"].widget, "310120261000012345")
    assert ed.decl.customs_decl_no == "310120261000012345"
    assert "foreign_investment" in basic.bindings          # inbound only
    shown = basic.bindings["clearance_doc_no"].widget
    assert shown.isReadOnly() and shown not in basic.input_widgets()
    transport = ed.section(TransportSection)
    port = transport.bindings["stopover_port"].widget
    port.setFocus()
    qtbot.keyClicks(port, "krpus")
    assert ed.decl.stopover_port == "KRPUS"
    out = EditorWindow(ctx, None, "outbound")
    out.show()
    qtbot.waitUntil(lambda: out.decl is not None and bool(out.sections))
    assert "foreign_investment" not in out.section(BasicSection).bindings
    out.close()


def test_a_copied_line_owns_its_lists(qtbot, ctx):
    ed = _editor(qtbot, ctx)
    sec = _beef_line(qtbot, ed)
    ed.decl.goods[0].producer = Producer("A", "1")
    sec.model.add_item(0, "licences", Licence("325", "X"))
    sec.view.copy_line()
    sec.model.add_item(1, "licences", Licence("519", "Y"))
    sec.model.setData(sec.model.index(1, sec.model.column_of("producer.reg_no")), "2")
    assert ed.decl.goods[0].licences == [Licence("325", "X")]
    assert ed.decl.goods[0].producer.reg_no == "1"


def test_the_timeline_shows_the_clearance_doc_no_once_issued(qtbot, ctx, desk):
    from client.rules.sample import sample_declaration
    from ui.timeline import TimelineWidget

    d = sample_declaration("inbound", 1, seed=81)
    desk.save_draft(d)
    tl = TimelineWidget(ctx, d.id)
    qtbot.addWidget(tl)
    assert tl.clearance_label.isHidden()
    d.clearance_doc_no = "310000226000000123"
    desk.save_draft(d)
    tl.refresh()
    assert not tl.clearance_label.isHidden()
    assert "310000226000000123" in tl.clearance_label.text()
