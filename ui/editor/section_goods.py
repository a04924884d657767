"""货物明细 and 集装箱 sections: a toolbar of line actions above an editable table.

Signals:
    TableSection.edited(str): the list name (``goods``/``containers``) after any change.
    TableSection.message(str): a refused value to show in the status line.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .goods_model import ContainersModel, GoodsTableModel
from .table_view import EditTableView


class TableSection(QWidget):
    """A list of the declaration as a table, with 新增/复制/删除 line buttons."""

    edited = Signal(str)
    message = Signal(str)
    TITLE = ""
    MODEL = GoodsTableModel
    HINT = ""
    GROW_ON_ENTER = True   # Enter after the last cell of a filled-in line starts a new one

    def __init__(self, ctx, direction: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.direction = direction
        self.decl = None
        self.model = self.MODEL(codes=ctx.desk.codes, lang=ctx.lang, parent=self)
        self.view = EditTableView(ctx.desk.codes, ctx.lang, self,
                                  grow_on_enter=self.GROW_ON_ENTER)
        self.view.setModel(self.model)
        self.view.setObjectName(self.MODEL.LIST)
        self.view.message.connect(self.message)
        self.model.edited.connect(lambda: self.edited.emit(self.MODEL.LIST))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 14, 14)
        bar = QHBoxLayout()
        self.add_btn = QPushButton()
        self.copy_btn = QPushButton()
        self.del_btn = QPushButton()
        for b, fn in ((self.add_btn, self.view.add_line), (self.copy_btn, self.view.copy_line),
                      (self.del_btn, self.view.remove_line)):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(fn)
            bar.addWidget(b)
        bar.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #555;")
        bar.addWidget(self.count_label)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #7a8391;")
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)
        self.model.rowsInserted.connect(self._count)
        self.model.rowsRemoved.connect(self._count)
        self.model.modelReset.connect(self._count)
        self.model.dataChanged.connect(self._count)
        self.retranslateUi()

    def load(self, decl) -> None:
        self.decl = decl
        self.model.set_rows(getattr(decl, self.MODEL.LIST))

    def set_read_only(self, ro: bool) -> None:
        self.model.read_only = ro
        for b in (self.add_btn, self.copy_btn, self.del_btn):
            b.setEnabled(not ro)

    def input_widgets(self) -> list[QWidget]:
        return [self.view]

    def _count(self, *_a) -> None:
        self.count_label.setText(self.count_text())

    def count_text(self) -> str:
        return self.tr("共 %n 行", "", self.model.rowCount())

    def retranslateUi(self) -> None:  # noqa: N802
        self.add_btn.setText(self.tr("新增一行 (Insert)"))
        self.copy_btn.setText(self.tr("复制此行 (Ctrl+D)"))
        self.del_btn.setText(self.tr("删除此行 (Ctrl+Delete)"))
        self.hint.setText(self.tr("直接输入即可编辑单元格；回车确认并跳到下一格；代码列输入代码或名称后从列表中选择。"))
        self._count()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


class GoodsSection(TableSection):
    """货物明细 (1 to 50 lines), with totals of weights and value."""

    TITLE = QT_TRANSLATE_NOOP("EditorSections", "货物明细")
    MODEL = GoodsTableModel

    def count_text(self) -> str:
        if self.decl is None:
            return ""
        from decimal import Decimal
        net = sum((g.net_weight_kg for g in self.decl.goods if g.net_weight_kg), Decimal(0))
        gross = sum((g.gross_weight_kg for g in self.decl.goods if g.gross_weight_kg), Decimal(0))
        total, cur = self.decl.total_value()
        value = f"{total:,.2f} {cur or ''}" if total is not None else "—"
        return self.tr("共 %n 项　净重 %s 千克　毛重 %s 千克　货值 %s", "", self.model.rowCount()) % (
            f"{net:,}", f"{gross:,}", value)


class ContainersSection(TableSection):
    """集装箱: number (ISO 6346, check digit) and size type."""

    TITLE = QT_TRANSLATE_NOOP("EditorSections", "集装箱")
    MODEL = ContainersModel
    GROW_ON_ENTER = False  # few containers: Enter after the last one moves on (Insert adds)

    def count_text(self) -> str:
        return self.tr("共 %n 个集装箱", "", self.model.rowCount())
