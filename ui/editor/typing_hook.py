"""A test hook (off by default): type into a new draft inside the running app.

``CIQDESK_TEST_TYPING="HEADER|CELL"`` makes ``main.py`` open a new inbound draft, type
HEADER into 合同号, once that was saved add a goods line, and once that was saved type
CELL into its 货物名称 (leaving that cell editor open, as a declarer mid-word), then
print ``typed <declaration id>`` on stdout. The crash test kills the process right after
and reads the store; nothing else uses it.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest

ENV = "CIQDESK_TEST_TYPING"
_KEEP: list = []


def run(ctx, value: str) -> None:
    """Open the editor, wait until its draft is loaded, then type (see module docstring)."""
    from .section_basic import BasicSection
    from .section_goods import GoodsSection
    from .window import EditorWindow

    header, _, cell = value.partition("|")
    ed = EditorWindow(ctx, None, "inbound")
    _KEEP.append(ed)  # the hook holds the editor it opened
    ed.show()

    def type_when_loaded() -> None:
        if ed.decl is None or not ed.sections:
            QTimer.singleShot(20, type_when_loaded)
            return
        contract = ed.section(BasicSection).bindings["contract_no"].widget
        contract.setFocus()
        QTest.keyClicks(contract, header)
        ed.saved.connect(type_cell, Qt.ConnectionType.SingleShotConnection)

    def type_cell() -> None:
        goods = ed.section(GoodsSection)
        ed._show_section(ed.sections.index(goods))
        goods.view.setFocus()
        QTest.keyClick(goods.view, Qt.Key.Key_Insert)
        ed.saved.connect(type_cell_text, Qt.ConnectionType.SingleShotConnection)

    def type_cell_text() -> None:
        goods = ed.section(GoodsSection)
        goods.view.setCurrentIndex(goods.model.index(0, goods.model.column_of("name_cn")))
        QTest.keyClicks(goods.view, cell[:1])          # opens the cell editor
        editor = goods.view.indexWidget(goods.view.currentIndex())
        QTest.keyClicks(editor, cell[1:])              # and stays open: no Enter
        print(f"typed {ed.decl.id}", flush=True)
        sys.stdout.flush()

    type_when_loaded()
