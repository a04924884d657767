"""Colours and painting of status and credit-grade badges, and the table's delegates."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from client.lifecycle import PALETTE

#: status → (text colour, background colour): the one palette of client.lifecycle
STATUS_COLOURS: dict[str, tuple[str, str]] = {k: (fg, bg) for k, (fg, bg, _s) in PALETTE.items()}

#: credit grade → (text colour, background colour): AA/A green, B blue, C orange, D red
GRADE_COLOURS: dict[str, tuple[str, str]] = {
    "AA": ("#ffffff", "#168a3c"),
    "A": ("#ffffff", "#35a353"),
    "B": ("#ffffff", "#4a74b0"),
    "C": ("#ffffff", "#e07b12"),
    "D": ("#ffffff", "#cf2e2e"),
}
UNKNOWN_GRADE = ("#ffffff", "#98a2ad")


def paint_pill(painter: QPainter, rect: QRect, text: str, fg: str, bg: str,
               *, align_left: bool = True, pad: int = 8, height: int | None = None) -> None:
    """A rounded badge with ``text`` inside ``rect`` (vertically centred)."""
    fm = QFontMetrics(painter.font())
    w = min(rect.width() - 4, fm.horizontalAdvance(text) + 2 * pad)
    h = min(rect.height() - 4, height or fm.height() + 4)
    x = rect.x() + 4 if align_left else rect.x() + (rect.width() - w) // 2
    y = rect.y() + (rect.height() - h) // 2
    pill = QRectF(x, y, w, h)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(bg))
    painter.drawRoundedRect(pill, h / 2, h / 2)
    painter.setPen(QColor(fg))
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def _paint_background(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """Row background without going through the (style-sheet) style: it is painted for
    every visible cell on every repaint, so it must be cheap."""
    if option.state & QStyle.StateFlag.State_Selected:
        painter.fillRect(option.rect, SELECTION)
    elif option.features & QStyleOptionViewItem.ViewItemFeature.Alternate:
        painter.fillRect(option.rect, ALTERNATE)


SELECTION = QColor("#dceafc")
ALTERNATE = QColor("#fafbfd")


class StatusBadgeDelegate(QStyledItemDelegate):
    """Paints the status column as a coloured badge (status code from ``status_role``)."""

    def __init__(self, status_role: int, parent=None):
        super().__init__(parent)
        self.status_role = status_role
        self._colours = {k: (QColor(fg), QColor(bg)) for k, (fg, bg) in STATUS_COLOURS.items()}
        self._default = (QColor("#333333"), QColor("#eeeeee"))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        _paint_background(painter, option)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        fg, bg = self._colours.get(index.data(self.status_role), self._default)
        r = option.rect
        fm = option.fontMetrics
        w = min(r.width() - 8, fm.horizontalAdvance(text) + 16)
        h = min(r.height() - 4, fm.height() + 4)
        pill = QRectF(r.x() + 4, r.y() + (r.height() - h) / 2, w, h)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(pill, h / 2, h / 2)
        painter.setPen(fg)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        s = super().sizeHint(option, index)
        return QSize(s.width() + 20, max(s.height(), 26))


class ValidityDelegate(QStyledItemDelegate):
    """Paints the validity marker: green tick, red count of errors, grey dash (not checked)."""

    def __init__(self, validity_role: int, parent=None):
        super().__init__(parent)
        self.validity_role = validity_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        _paint_background(painter, option)
        v = index.data(self.validity_role)
        r = option.rect
        d = min(r.height() - 10, 16)
        circle = QRectF(r.x() + (r.width() - d) / 2, r.y() + (r.height() - d) / 2, d, d)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if v is None:
            painter.setPen(QPen(QColor("#b5bec8"), 2))
            painter.drawLine(circle.center().x() - 4, circle.center().y(),
                             circle.center().x() + 4, circle.center().y())
        elif v is True:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#2e9d4f"))
            painter.drawEllipse(circle)
            pen = QPen(QColor("#ffffff"), 2)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            c = circle.center()
            painter.drawPolyline([c + type(c)(-4, 0), c + type(c)(-1, 3), c + type(c)(4, -3)])
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#d93636"))
            painter.drawEllipse(circle)
            painter.setPen(QColor("#ffffff"))
            f = painter.font()
            f.setPointSizeF(max(6.0, f.pointSizeF() - 2))
            f.setBold(True)
            painter.setFont(f)
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, str(v) if v < 100 else "99+")
        painter.restore()
