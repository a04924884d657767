"""Table models of the import dialog: what will be imported, and the problems found."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from client.fields import label
from client.interchange.spool import PreviewItem

from ..models.formatting import direction_name, money


class PreviewModel(QAbstractTableModel):
    """The declarations an import would store (:class:`~client.interchange.spool.PreviewItem`
    each), with the errors validation found in each (blank: not validated yet)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[PreviewItem] = []

    def set_rows(self, rows: list[PreviewItem]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("文件"), self.tr("行"), self.tr("出入境"), self.tr("错误"),
                self.tr("合同号"), self.tr("收货人/发货人"), self.tr("货物"), self.tr("货物项数"),
                self.tr("货值")]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 9

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    #: the column of the errors validation found
    ERRORS = 3

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole:  # a declaration with errors stands out
            return QColor("#c62828") if index.column() == self.ERRORS and r.errors else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return [Path(r.file).name, "" if r.row is None else str(r.row),
                direction_name(r.direction), "" if r.errors is None else str(r.errors),
                r.contract_no or "", r.party or "", r.goods or "", str(r.goods_lines),
                money(r.value, r.currency)][index.column()]


class ProblemsModel(QAbstractTableModel):
    """Problems by file, row and column (``ImportProblem`` objects)."""

    def __init__(self, lang_fn, parent: QObject | None = None):
        super().__init__(parent)
        self.lang_fn = lang_fn
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("文件"), self.tr("行"), self.tr("列"), self.tr("字段"), self.tr("问题")]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        lang = self.lang_fn()
        msg = p.message_en if lang == "en" and p.message_en else p.message
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return msg
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return [Path(p.file).name, "" if p.row is None else str(p.row), p.column or "",
                label(p.field, lang) if p.field else "", msg][index.column()]
