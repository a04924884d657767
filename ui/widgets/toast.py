"""An in-window toast: a short message in the corner that fades by itself."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Qt
from PySide6.QtWidgets import QLabel, QWidget


class Toast(QLabel):
    """A transient notice shown over the bottom-right corner of ``parent``."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMaximumWidth(380)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        parent.installEventFilter(self)
        self.hide()

    def show_message(self, title: str, text: str, kind: str = "info", msecs: int = 6000) -> None:
        colour = {"ok": "#17803a", "error": "#c0282d", "info": "#1f5fb8"}.get(kind, "#1f5fb8")
        self.setStyleSheet(f"QLabel {{ background: #ffffff; border: 1px solid #d0d7e0;"
                           f" border-left: 4px solid {colour}; border-radius: 6px;"
                           f" padding: 10px 14px; color: #1d2733; }}")
        self.setText(f"<b style='color:{colour}'>{title}</b><br>{text}")
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start(msecs)

    def _place(self) -> None:
        p = self.parentWidget()
        self.move(p.width() - self.width() - 20, p.height() - self.height() - 40)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
