"""货物明细 and 集装箱 sections: a toolbar of line actions above an editable table.

The goods section also shows the "本商品需要" panel (:class:`~ui.editor.needs_panel.NeedsPanel`)
for the current line, refreshed as the user types; its add actions put a licence or an
attribute into the line, or go to the cell of a field to fill; attachments and
certificates are handed to the window (``need_elsewhere``).

Signals:
    TableSection.edited(str): the list name (``goods``/``containers``) after any change.
    TableSection.message(str): a refused value to show in the status line.
    TableSection.notice(str): a change the user may take back (a line deleted: Ctrl+Z).
    GoodsSection.need_elsewhere(str, str): kind (``attachment``/``certificate``) and code
        of a requirement that is added in another section.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from client.ciq import requirements
from client.model import Licence

from .goods_model import ContainersModel, GoodsTableModel
from .needs_panel import NeedsPanel
from .table_view import EditTableView


class TableSection(QWidget):
    """A list of the declaration as a table, with 新增/复制/删除 line buttons."""

    edited = Signal(str)
    message = Signal(str)
    notice = Signal(str)
    TITLE = ""
    MODEL = GoodsTableModel
    HINT = ""
    GROW_ON_ENTER = True   # Enter after the last cell of a filled-in line starts a new one

    def __init__(self, ctx, direction: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.direction = direction
        self.decl = None
        self.model = self.MODEL(codes=ctx.desk.codes, lang=ctx.lang, parent=self,
                                direction=direction)
        self.view = EditTableView(ctx.desk.codes, ctx.lang, self,
                                  grow_on_enter=self.GROW_ON_ENTER)
        self.view.setModel(self.model)
        self.view.setObjectName(self.MODEL.LIST)
        self.view.message.connect(self.message)
        self.view.notice.connect(self.notice)
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
        self.extend(lay)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #7a8391;")
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)
        self.model.rowsInserted.connect(self._count)
        self.model.rowsRemoved.connect(self._count)
        self.model.modelReset.connect(self._count)
        self.model.dataChanged.connect(self._count)
        self.retranslateUi()

    def extend(self, lay: QVBoxLayout) -> None:
        """Add what a section shows under its table (nothing by default)."""

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
    """货物明细 (1 to 50 lines), with totals of weights and value, and the "本商品需要"
    panel of the current line."""

    TITLE = QT_TRANSLATE_NOOP("EditorSections", "货物明细")
    MODEL = GoodsTableModel
    need_elsewhere = Signal(str, str)

    def extend(self, lay: QVBoxLayout) -> None:
        self.panel = NeedsPanel(self.ctx.lang, self)
        self.panel.add_requested.connect(self.add_need)
        lay.addWidget(self.panel)
        self._refresh_timer = QTimer(self)  # a burst of keys refreshes the panel once
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh_needs)
        self.model.edited.connect(self._refresh_timer.start)
        self.model.modelReset.connect(self._refresh_timer.start)
        self.view.selectionModel().currentChanged.connect(
            lambda cur, prev: self._refresh_timer.start() if cur.row() != prev.row() else None)

    def load(self, decl) -> None:
        super().load(decl)
        self.refresh_needs()

    def current_row(self) -> int:
        cur = self.view.currentIndex()
        if cur.isValid():
            return cur.row()
        return 0 if self.model.rowCount() else -1

    def refresh_needs(self) -> None:
        """Show what the current line needs (catalogue letters, licences, documents)."""
        row = self.current_row()
        if self.decl is None or row < 0 or row >= len(self.decl.goods):
            self.panel.show_line(-1, (), None, [])
            return
        letters, condition = self.model.catalogue(row)
        self.panel.show_line(row, letters, condition,
                             requirements(self.decl, row, self.ctx.desk.codes))

    def _edit_cell(self, row: int, field: str, suffix: str = "") -> None:
        """Open the cell of ``field`` with the cursor at the end (after ``suffix``)."""
        self.view.select_cell(row, field)
        idx = self.view.currentIndex()
        self.view.edit(idx)
        ed = self.view.indexWidget(idx)
        if isinstance(ed, QLineEdit):
            if suffix:
                ed.setText(ed.text() + suffix)
            ed.deselect()
            ed.end(False)
            ed.setFocus()

    def add_need(self, req) -> None:
        """One action per requirement: the licence row, the attribute, the field's cell;
        attachments and certificates go to their sections (``need_elsewhere``)."""
        row = self.panel.row
        if self.model.read_only or row < 0:
            return
        if req.kind == "licence":
            # the licence row is added; the cell opens after "325:" for its number
            line = self.decl.goods[row]
            if not any(x.type in req.alternatives for x in line.licences):
                self.model.add_item(row, "licences", Licence(type=req.code))
            last = line.licences[-1] if line.licences else None
            self._edit_cell(row, "licences",
                            ":" if last is not None and last.type in req.alternatives
                            and not last.number else "")
        elif req.kind == "attribute":
            self.model.add_item(row, "goods_attributes", req.code)
            self.view.select_cell(row, "goods_attributes")
        elif req.kind == "field":
            _, _, field = req.field.partition("].")
            self._edit_cell(row, field if self.model.column_of(field) >= 0
                            else field.split(".")[0])
        else:
            self.need_elsewhere.emit(req.kind, req.code)
        self.refresh_needs()

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
