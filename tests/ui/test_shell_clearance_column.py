"""The 通关单号 column of the declarations list (issue 13): the platform's clearance
document number of released A/B goods, shown after 最后回执时间, paged with its row."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from client.services import Desk
from test_shell_support import fill, make_ctx, set_status
from ui.models.declarations_model import Col, DeclarationsModel, SummaryRole


@pytest.fixture
def desk(data_dir):
    d = Desk.open(data_dir)
    yield d
    d.close()


def _issue_clearance(desk: Desk, ids: list[str]) -> dict[str, str]:
    """Release ``ids`` and store a 通关单号 for each, as a pull of the release does
    (the column beside ``inspection_no``); returns ``{id: number}``."""
    set_status(desk, ids, "released")
    out = {}
    with desk.db.write() as conn:
        for n, decl_id in enumerate(ids):
            no = f"310000126{n:09d}"
            conn.exec_driver_sql("UPDATE declarations SET clearance_doc_no = ? WHERE id = ?",
                                 (no, decl_id))
            out[decl_id] = no
    return out


def test_released_rows_show_their_clearance_doc_no_drafts_none(qapp, desk):
    ids = fill(desk, 6)
    issued = _issue_clearance(desk, ids[:2])
    model = DeclarationsModel(make_ctx(desk))
    model.reload()
    assert model.headerData(Col.CLEARANCE_DOC, Qt.Orientation.Horizontal) == "通关单号"
    for decl_id in ids:
        row = model.row_of(decl_id)
        cell = model.index(row, Col.CLEARANCE_DOC)
        assert cell.data() == issued.get(decl_id, "")
        tip = cell.data(Qt.ItemDataRole.ToolTipRole)
        assert (tip is not None) == (decl_id in issued)


def test_clearance_doc_no_stays_with_its_row_across_pages(qapp, desk):
    """Keyset paging with a small window: every row's 通关单号 is its own declaration's,
    however far the list is scrolled and back."""
    ids = fill(desk, 230)
    issued = _issue_clearance(desk, ids[::7])
    model = DeclarationsModel(make_ctx(desk), page_size=40, max_pages=2)
    model.reload()
    assert model.rowCount() == 230
    seen = 0
    for r in list(range(model.rowCount())) + [5, 120, 229]:
        s = model.index(r, Col.NUMBER).data(SummaryRole)
        assert model.index(r, Col.CLEARANCE_DOC).data() == issued.get(s.id, "")
        seen += s.id in issued
    assert seen >= len(issued)


def test_column_sits_beside_the_status_in_views_that_can_have_one(qtbot, desk):
    from ui.i18n import Language
    from ui.main_window import MainWindow
    ids = fill(desk, 3)
    issued = _issue_clearance(desk, ids[:1])
    language = Language()
    language.set_language("zh", remember=False)
    win = MainWindow(make_ctx(desk, language=language), use_tray=False)
    qtbot.addWidget(win)
    win.show()
    try:
        table = win.list.table
        h = table.horizontalHeader()
        assert not table.isColumnHidden(Col.CLEARANCE_DOC)
        assert h.visualIndex(Col.CLEARANCE_DOC) == h.visualIndex(Col.STATUS) + 1
        # wide enough for the 18 digits
        digits = table.fontMetrics().horizontalAdvance("310000126000000000")
        assert table.columnWidth(Col.CLEARANCE_DOC) >= digits
        model = table.model()
        row = next(r for r in range(model.rowCount())
                   if model.index(r, 0).data(SummaryRole).id == ids[0])
        assert model.index(row, Col.CLEARANCE_DOC).data() == issued[ids[0]]
        # drafts and the states before a release never carry one: no empty column there
        for key, shown in (("draft", False), ("review", False), ("released", True),
                           ("rejected", False), ("all", True)):
            win.nav.select(key)
            assert table.isColumnHidden(Col.CLEARANCE_DOC) is not shown, key
        language.set_language("en", remember=False)
        assert model.headerData(Col.CLEARANCE_DOC, Qt.Orientation.Horizontal) == "Clearance doc. no."
    finally:  # leave no translator behind for the tests that follow
        from PySide6.QtCore import QCoreApplication
        for tr in language._installed:
            QCoreApplication.instance().removeTranslator(tr)


def test_a_header_saved_before_the_column_existed_still_shows_it(qtbot, desk):
    """ui.ini of an older desk holds the header of 12 columns: restoring it must not hide
    the new one."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QHeaderView, QTableView

    from ui.main_window import MainWindow
    old = QTableView()
    old.setModel(QStandardItemModel(1, 12))
    old.horizontalHeader().moveSection(3, 1)
    old.setColumnHidden(11, True)
    state = old.horizontalHeader().saveState()
    ctx = make_ctx(desk)
    win = MainWindow(ctx, use_tray=False)
    qtbot.addWidget(win)
    h: QHeaderView = win.list.table.horizontalHeader()
    h.restoreState(state)  # what MainWindow._restore_table_state does with ui.ini's value
    assert not h.isSectionHidden(Col.CLEARANCE_DOC)
    assert h.sectionSize(Col.CLEARANCE_DOC) > 0
