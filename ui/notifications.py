"""Desktop notifications: the system tray balloon when there is a tray, else a toast."""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from client.notes import note_text

from .widgets.toast import Toast

log = logging.getLogger(__name__)


class Notifier(QObject):
    """Tells the user about releases and rejections without interrupting their work.

    Signals:
        notified(str, str): title and text of every notice shown (for tests and a log).
    """

    notified = Signal(str, str)

    def __init__(self, window: QWidget, parent: QObject | None = None, use_tray: bool = True):
        super().__init__(parent or window)
        self.window = window
        self.toast = Toast(window)
        self.tray: QSystemTrayIcon | None = None
        if use_tray and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(window.windowIcon(), self)
            self.tray.setToolTip("CIQ Desk")
            self.tray.activated.connect(lambda _r: (window.showNormal(), window.activateWindow()))
            self.tray.messageClicked.connect(lambda: (window.showNormal(), window.activateWindow()))
            self.tray.show()

    def notify(self, title: str, text: str, kind: str = "info") -> None:
        log.info("notice: %s — %s", title, text)
        if self.tray is not None and self.tray.supportsMessages():
            icon = {"error": QSystemTrayIcon.MessageIcon.Warning}.get(
                kind, QSystemTrayIcon.MessageIcon.Information)
            self.tray.showMessage(title, text, icon, 8000)
        else:
            self.toast.show_message(title, text, kind)
        self.notified.emit(title, text)

    def released(self, receipt) -> None:
        self.notify(self.tr("已放行"), self.tr("报检单 {no} 已放行").format(
            no=receipt.inspection_no or receipt.declaration_id), "ok")

    def released_many(self, receipts) -> None:
        first = self.tr("、").join(r.inspection_no or r.declaration_id for r in receipts[:3])
        self.notify(self.tr("已放行"), self.tr("%n 份报检单已放行：{first} 等", "", len(receipts)).format(
            first=first), "ok")

    def rejected(self, receipt) -> None:
        text = self.tr("报检单 {no} 被退回").format(no=receipt.inspection_no or receipt.declaration_id)
        if receipt.note:
            lang = getattr(getattr(self.window, "ctx", None), "lang", "zh")
            text += self.tr("：{why}").format(why=note_text(receipt.note, lang))
        self.notify(self.tr("退回"), text, "error")
