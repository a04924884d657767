"""Small helpers every editor module shares: field paths, value parsing, marker styling.

* :func:`get_path` / :func:`set_path` read and write a leaf of a
  :class:`~client.model.Declaration` by its dotted path (``declarant.uscc``).
* :func:`parse_user_date` / :func:`parse_user_decimal` read what a declarer types.
* :func:`set_marker` marks an input widget as having an error or a warning
  (border, background, trailing icon, tooltip) — the one place the look is defined.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLineEdit, QWidget

from client.model import Declarer, Party, parse_decimal

from shiboken6 import isValid as _is_valid  # noqa: N813 - PySide6's own helper, always there

#: colours used for markers everywhere in the editor (and the timeline)
ERROR = "#d4380d"
ERROR_BG = "#ffece6"
WARNING = "#d48806"
WARNING_BG = "#fffbe6"
ACCENT = "#1f5fa8"

_PARTIES = ("declarant", "agent", "consignee", "consignor")


def alive(owner, fn):
    """``fn`` wrapped for a task-runner callback: skipped once ``owner`` (a QObject) was
    deleted, e.g. an editor closed while its save was still running."""
    def call(*args):
        if _is_valid(owner):
            return fn(*args)
        return None
    return call


def get_path(decl, path: str):
    """The value at a header path (``contract_no``, ``declarant.uscc``)."""
    obj = decl
    parts = path.split(".")
    for p in parts[:-1]:
        obj = getattr(obj, p, None)
        if obj is None:
            return None
    return getattr(obj, parts[-1], None)


def set_path(decl, path: str, value) -> None:
    """Set a header path, creating the party/declarer object when needed.

    An agent whose every field is empty becomes ``None`` (no agent)."""
    parts = path.split(".")
    if len(parts) == 1:
        setattr(decl, path, value)
        return
    head, leaf = parts
    obj = getattr(decl, head)
    if obj is None:
        obj = Declarer() if head == "declarer" else Party()
        setattr(decl, head, obj)
    setattr(obj, leaf, value)
    if head == "agent" and not any((obj.name_cn, obj.name_en, obj.reg_no, obj.uscc)):
        decl.agent = None


_DATE_RE = re.compile(r"^\s*(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?\s*$")


def parse_user_date(text: str) -> date | None:
    """``20261130``, ``2026-11-30``, ``2026/11/30``, ``2026.11.30``, ``2026年11月30日`` → date."""
    t = text.strip()
    if re.fullmatch(r"\d{8}", t):
        y, m, d = int(t[:4]), int(t[4:6]), int(t[6:])
    else:
        m_ = _DATE_RE.match(t)
        if not m_:
            return None
        y, m, d = (int(g) for g in m_.groups())
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_user_decimal(text) -> Decimal | None:
    """A decimal typed by a user: thousands separators and spaces allowed, words refused."""
    if isinstance(text, Decimal):
        return text
    if isinstance(text, (int,)) and not isinstance(text, bool):
        return Decimal(text)
    if not isinstance(text, str):
        return None
    t = text.strip().replace(",", "").replace("，", "").replace(" ", "")
    return parse_decimal(t) if t else None


def parse_user_int(text) -> int | None:
    if isinstance(text, int) and not isinstance(text, bool):
        return text
    if isinstance(text, str) and text.strip().isdigit() and len(text.strip()) < 10:
        return int(text.strip())
    return None


def format_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


_ICONS: dict[str, QIcon] = {}


def severity_icon(severity: str) -> QIcon:
    """A small round icon with '!' (error, red) or 'i'-like '!' (warning, amber)."""
    icon = _ICONS.get(severity)
    if icon is None:
        pm = QPixmap(32, 32)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(ERROR if severity == "error" else WARNING)
        p.setBrush(colour)
        p.setPen(Qt.PenStyle.NoPen)
        if severity == "error":
            p.drawEllipse(QRectF(2, 2, 28, 28))
        else:
            p.drawPolygon([QPointF(16, 2), QPointF(30, 29), QPointF(2, 29)])
        p.setPen(QColor("white"))
        f = QFont()
        f.setBold(True)
        f.setPixelSize(20)
        p.setFont(f)
        p.drawText(QRectF(0, 3 if severity != "error" else 0, 32, 30),
                   Qt.AlignmentFlag.AlignCenter, "!")
        p.end()
        icon = QIcon(pm)
        _ICONS[severity] = icon
    return icon


def worst(severities) -> str:
    s = set(severities)
    return "error" if "error" in s else ("warning" if "warning" in s else "")


def set_marker(widget: QWidget, severity: str, messages: list[str]) -> None:
    """Mark ``widget``: ``severity`` is ``"error"``, ``"warning"`` or ``""`` (clear).

    The style sheet of the editor keys on the dynamic property ``severity``; line edits
    also get a trailing icon. The tooltip explains the marker.
    """
    if widget.property("severity") != severity:
        widget.setProperty("severity", severity)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
    base = widget.property("baseToolTip") or ""
    tip = "\n".join(messages)
    widget.setToolTip(tip if tip else base)
    if isinstance(widget, QLineEdit):
        for act in widget.actions():
            if act.objectName() == "markerAction":
                widget.removeAction(act)
        if severity:
            act = widget.addAction(severity_icon(severity),
                                   QLineEdit.ActionPosition.TrailingPosition)
            act.setObjectName("markerAction")
            act.setToolTip(tip)


STYLE = f"""
QLineEdit, QPlainTextEdit, QComboBox, QSpinBox {{
    border: 1px solid #c9ced6; border-radius: 3px; padding: 3px 5px; background: white;
}}
QLineEdit, QComboBox, QSpinBox {{ min-height: 20px; }}
QPlainTextEdit {{ min-height: 54px; max-height: 54px; }}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus {{
    border: 1px solid {ACCENT};
}}
QLineEdit:disabled, QPlainTextEdit:disabled, QComboBox:disabled,
QLineEdit:read-only, QPlainTextEdit[readOnly="true"] {{
    background: #f4f5f7; color: #333; border-color: #dde1e6;
}}
QComboBox::drop-down {{ border: none; width: 22px; }}
QComboBox::down-arrow {{ width: 10px; height: 10px; }}
*[severity="error"] {{ border: 1px solid {ERROR}; background: {ERROR_BG}; }}
*[severity="warning"] {{ border: 1px solid {WARNING}; background: {WARNING_BG}; }}
QCheckBox[severity="error"] {{ color: {ERROR}; background: transparent; border: none; }}
QCheckBox[severity="warning"] {{ color: {WARNING}; background: transparent; border: none; }}
QGroupBox {{
    font-weight: bold; border: 1px solid #dfe3e8; border-radius: 4px;
    margin-top: 14px; padding: 10px 8px 6px 8px; background: #ffffff;
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; color: {ACCENT}; }}
QLabel[formLabel="true"] {{ color: #333; }}
QLabel[required="true"] {{ color: #222; }}
"""
