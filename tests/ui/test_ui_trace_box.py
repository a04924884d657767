"""The toolbar's 溯源 box: a scanned label's text opens the goods and their declaration."""
from __future__ import annotations

from PySide6.QtCore import Qt

from client.ecom import labels
from client.rules.sample import sample_declaration
from client.services import Desk
from client.store import declarations as decl_q
from test_shell_support import make_ctx


def _desk_with_ecom_declaration(data_dir):
    desk = Desk.open(data_dir)
    d = sample_declaration("inbound", 2, seed=3)
    d.ecommerce, d.trade_mode = True, "9610"
    d.inspection_no = "131000026000123"
    for g in d.goods:
        g.product_reg_no = "CBEP202600000005"
    d.goods[0].name_cn = "保湿面霜"
    with desk.db.write() as conn:
        decl_q.save_many(conn, [d])
    return desk, d


def test_scanned_label_shows_goods_and_opens_the_declaration(qtbot, data_dir):
    from ui.trace_box import TraceBox
    desk, d = _desk_with_ecom_declaration(data_dir)
    try:
        ctx = make_ctx(desk)
        box = TraceBox(ctx)
        qtbot.addWidget(box)
        box.setText(labels.encode(labels.LabelData("CBEP202600000005", d.inspection_no, "B1")))
        qtbot.keyClick(box, Qt.Key.Key_Return)
        dlg = box.dialog
        assert dlg is not None
        text = dlg.view.toPlainText()
        assert d.inspection_no in text and "保湿面霜" in text and "B1" in text
        assert len(dlg.open_buttons) == 1
        with qtbot.waitSignal(ctx.events.open_declaration) as sig:
            dlg.open_buttons[0].click()
        assert sig.args == [d.id]
        dlg.close()
    finally:
        desk.close()


def test_text_that_is_no_label_says_why(qtbot, data_dir):
    from ui.trace_box import TraceBox
    desk, _d = _desk_with_ecom_declaration(data_dir)
    try:
        box = TraceBox(make_ctx(desk))
        qtbot.addWidget(box)
        box.setText("CIQTRACE1|garbage")
        qtbot.keyClick(box, Qt.Key.Key_Return)
        assert "溯源标签" in box.dialog.view.toPlainText()
        assert box.dialog.open_buttons == []
        box.dialog.close()
    finally:
        desk.close()
