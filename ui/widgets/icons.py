"""Small line icons drawn with QPainter in the shell's accent colour (no image files).

``icon(name)`` → a cached :class:`QIcon`. Names: ``inbound``, ``outbound``, ``copy``,
``template``, ``validate``, ``finalise``, ``sync``, ``import``, ``export``, ``delete``,
``dashboard``, ``app``.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from ..app import ACCENT

_SIZE = 48  # drawn at 2x for sharpness; toolbars show them at 20-24 px


def _doc(p: QPainter, x=12, y=6, w=24, h=34) -> None:
    path = QPainterPath()
    path.moveTo(x, y)
    path.lineTo(x + w - 8, y)
    path.lineTo(x + w, y + 8)
    path.lineTo(x + w, y + h)
    path.lineTo(x, y + h)
    path.closeSubpath()
    p.drawPath(path)


def _arrow(p: QPainter, x1, y1, x2, y2, head=6) -> None:
    p.drawLine(QPointF(x1, y1), QPointF(x2, y2))
    if x1 == x2:
        d = 1 if y2 > y1 else -1
        p.drawLine(QPointF(x2, y2), QPointF(x2 - head, y2 - d * head))
        p.drawLine(QPointF(x2, y2), QPointF(x2 + head, y2 - d * head))
    else:
        d = 1 if x2 > x1 else -1
        p.drawLine(QPointF(x2, y2), QPointF(x2 - d * head, y2 - head))
        p.drawLine(QPointF(x2, y2), QPointF(x2 - d * head, y2 + head))


def _draw(name: str, p: QPainter) -> None:
    if name == "inbound":
        _doc(p, 6, 6, 24, 34)
        _arrow(p, 44, 30, 24, 30)
    elif name == "outbound":
        _doc(p, 6, 6, 24, 34)
        _arrow(p, 20, 30, 44, 30)
    elif name == "copy":
        p.drawRoundedRect(QRectF(16, 14, 24, 28), 3, 3)
        p.drawPolyline([QPointF(10, 34), QPointF(8, 34), QPointF(8, 6), QPointF(30, 6),
                        QPointF(30, 8)])
    elif name == "template":
        _doc(p)
        for y in (18, 25, 32):
            p.drawLine(17, y, 31, y)
    elif name == "validate":
        p.drawEllipse(QRectF(7, 7, 34, 34))
        p.drawPolyline([QPointF(15, 24), QPointF(21, 30), QPointF(33, 17)])
    elif name == "finalise":
        _doc(p, 8, 5, 24, 30)
        p.drawEllipse(QRectF(24, 25, 18, 18))
        p.drawPolyline([QPointF(28.5, 34), QPointF(32, 37.5), QPointF(38, 30.5)])
    elif name == "sync":
        p.drawArc(QRectF(9, 9, 30, 30), 30 * 16, 150 * 16)
        p.drawArc(QRectF(9, 9, 30, 30), 210 * 16, 150 * 16)
        p.drawPolyline([QPointF(36, 8), QPointF(37, 17), QPointF(28, 16)])
        p.drawPolyline([QPointF(12, 40), QPointF(11, 31), QPointF(20, 32)])
    elif name == "import":
        p.drawPolyline([QPointF(6, 28), QPointF(6, 42), QPointF(42, 42), QPointF(42, 28)])
        _arrow(p, 24, 5, 24, 32, 8)
    elif name == "export":
        p.drawPolyline([QPointF(6, 28), QPointF(6, 42), QPointF(42, 42), QPointF(42, 28)])
        _arrow(p, 24, 34, 24, 7, 8)
    elif name == "delete":
        p.drawLine(10, 12, 38, 12)
        p.drawPolyline([QPointF(19, 12), QPointF(19, 7), QPointF(29, 7), QPointF(29, 12)])
        p.drawPolyline([QPointF(13, 12), QPointF(15, 42), QPointF(33, 42), QPointF(35, 12)])
    elif name == "dashboard":
        for i, h in enumerate((14, 26, 20, 32)):
            p.drawRect(QRectF(8 + i * 9, 40 - h, 5, h))
    elif name == "app":
        p.setBrush(QColor(ACCENT))
        p.drawRoundedRect(QRectF(4, 4, 40, 40), 9, 9)
        p.setPen(QPen(QColor("#ffffff"), 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPolyline([QPointF(14, 25), QPointF(21, 32), QPointF(34, 17)])


@lru_cache(maxsize=None)
def icon(name: str, colour: str = ACCENT) -> QIcon:
    pm = QPixmap(_SIZE, _SIZE)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), 3.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    _draw(name, p)
    p.end()
    return QIcon(pm)
