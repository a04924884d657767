"""The search box: a line edit that reports its text once typing pauses (debounced)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 150


class SearchBox(QLineEdit):
    """Search over inspection number, contract, B/L and names.

    Signals:
        search_changed(str): the text, ``DEBOUNCE_MS`` after the last keystroke (or at once
            on Enter / clear).
    """

    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, debounce_ms: int = DEBOUNCE_MS):
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.flush)
        self._last: str | None = None
        self.textChanged.connect(self._typed)
        self.returnPressed.connect(self.flush)
        QShortcut(QKeySequence("Esc"), self, activated=self.clear)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802
        self.setPlaceholderText(self.tr("搜索报检号、合同号、提单号、收发货人… (Ctrl+F)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _typed(self, text: str) -> None:
        if not text:
            self.flush()
        else:
            self._timer.start()

    def flush(self) -> None:
        """Report the current text now (if it changed since last reported)."""
        self._timer.stop()
        text = self.text().strip()
        if text != self._last:
            self._last = text
            self.search_changed.emit(text)
