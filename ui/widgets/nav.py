"""The left navigation: declaration states with live counts, and the dashboard entry."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (QFrame, QLabel, QListView, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QVBoxLayout, QWidget)

from ..app import ACCENT
from ..models.nav_model import CountRole, KeyRole, KindRole, NavModel, StatusesRole


class NavDelegate(QStyledItemDelegate):
    """Paints an entry: label on the left, its count on the right, an accent bar when current."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        if index.data(KindRole) == "separator":
            return QSize(10, 13)
        return QSize(160, 36)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        r: QRect = option.rect
        painter.save()
        if index.data(KindRole) == "separator":
            painter.setPen(QColor("#dde3ea"))
            y = r.center().y()
            painter.drawLine(r.left() + 12, y, r.right() - 12, y)
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected:
            painter.fillRect(r, QColor("#e3edfb"))
            painter.fillRect(QRect(r.left(), r.top() + 6, 3, r.height() - 12), QColor(ACCENT))
        elif hover:
            painter.fillRect(r, QColor("#eef2f7"))
        font = QFont(option.font)
        if selected:
            font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(ACCENT) if selected else QColor("#27323e"))
        text_rect = r.adjusted(18, 0, -56, 0)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         option.fontMetrics.elidedText(index.data(), Qt.TextElideMode.ElideRight,
                                                       text_rect.width()))
        count = index.data(CountRole)
        if count is not None:
            small = QFont(option.font)
            small.setPointSizeF(max(7.0, option.font.pointSizeF() - 1))
            painter.setFont(small)
            painter.setPen(QColor(ACCENT) if selected else QColor("#6b7785"))
            painter.drawText(r.adjusted(0, 0, -14, 0),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             f"{count:,}")
        painter.restore()


class NavPanel(QFrame):
    """The navigation column.

    Signals:
        filter_selected(object): the statuses to list (a tuple), or ``None`` for all.
        view_selected(str): a non-list view was chosen (``"dashboard"``).
    """

    filter_selected = Signal(object)
    view_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("NavPanel")
        self.setStyleSheet("#NavPanel { background: #f8fafc; border-right: 1px solid #dde3ea; }"
                           "QListView { background: transparent; border: none; outline: 0; }")
        self.model = NavModel(self)
        self.title = QLabel()
        self.title.setStyleSheet("color: #6b7785; padding: 12px 18px 6px 18px; font-weight: 600;")
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(NavDelegate(self.view))
        self.view.setMouseTracking(True)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.title)
        lay.addWidget(self.view, 1)
        self.setMinimumWidth(150)
        self.view.setCurrentIndex(self.model.index(0))
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802
        self.title.setText(self.tr("报检单"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def select(self, key: str) -> None:
        """Make the entry ``key`` current (emits the matching signal)."""
        self.view.setCurrentIndex(self.model.index(self.model.row_of(key)))

    def current_key(self) -> str:
        return self.view.currentIndex().data(KeyRole) or "all"

    def set_counts(self, counts: dict[str, int]) -> None:
        self.model.set_counts(counts)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        kind = current.data(KindRole)
        if kind == "filter":
            self.filter_selected.emit(current.data(StatusesRole))
        elif kind == "view":
            self.view_selected.emit(current.data(KeyRole))
