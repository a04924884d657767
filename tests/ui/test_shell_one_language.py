"""Issue 18 item 12: one language at a time — Qt's own dialogs, the import problems'
fields, receipt notes (pytest-qt, offscreen)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from client.services.desk import ImportProblem
from client.store.declarations import HistoryEntry
from ui.dialogs.import_models import ProblemsModel
from ui.i18n import load_qt_translator
from ui.timeline import _Entry


def test_qt_file_dialog_strings_in_chinese(qtbot):
    tr = load_qt_translator("zh")
    assert tr is not None, "qtbase_zh_CN.qm not found in PySide6's translations"
    app = QCoreApplication.instance()
    app.installTranslator(tr)
    try:
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
        assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
    finally:
        app.removeTranslator(tr)


def test_problems_tab_names_fields_by_their_labels(qtbot):
    lang = ["zh"]
    model = ProblemsModel(lambda: lang[0])
    model.set_rows([ImportProblem("a.json", 1, None, "goods[0].net_weight_kg", "净重有误", "bad"),
                    ImportProblem("b.xlsx", 17, "K", "goods[].currency", "币制有误", "bad")])
    assert model.data(model.index(0, 3)) == "第1项货物净重(千克)"
    assert model.data(model.index(1, 3)) == "币制"
    lang[0] = "en"
    assert model.data(model.index(0, 3)) == "goods line 1 net weight (kg)"


def test_timeline_receipt_note_in_one_language(qtbot):
    entry = HistoryEntry("accepted", "2026-11-26T06:03:00Z", "已受理 / accepted", "platform", 1)
    zh = _Entry(entry, "zh", first=True, last=True)
    qtbot.addWidget(zh)
    assert zh.note_label.text() == "已受理"
    en = _Entry(entry, "en", first=True, last=True)
    qtbot.addWidget(en)
    assert en.note_label.text() == "accepted"


def test_goods_grid_headers_not_cut_in_english(qtbot):
    """Issue 18 item 12: "oods name (Chines" in the English goods grid."""
    from PySide6.QtCore import Qt

    from client.codes import default_codebook
    from ui.editor.goods_model import GoodsTableModel
    from ui.editor.table_view import EditTableView
    codes = default_codebook()
    model = GoodsTableModel([], codes, lang="en")
    view = EditTableView(codes, lang="en")
    qtbot.addWidget(view)
    view.setModel(model)
    fm = view.horizontalHeader().fontMetrics()
    for col in range(model.columnCount()):
        text = model.headerData(col, Qt.Orientation.Horizontal)
        assert view.columnWidth(col) >= fm.horizontalAdvance(text), text


def test_qt_standard_buttons_keep_their_text_in_english(qtbot):
    """The .ts reader must answer "not mine" with a null string: an empty one counts as a
    translation in Qt, and every standard button (Close, OK) was blank in English."""
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.i18n import load_app_translators
    app = QCoreApplication.instance()
    trs = load_app_translators("en")
    for tr in trs:
        app.installTranslator(tr)
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Close"
    finally:
        for tr in trs:
            app.removeTranslator(tr)
