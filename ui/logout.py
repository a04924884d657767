"""申报 → 退出登录: end the platform login from the desktop.

:class:`LogoutCommand` adds the action after 登录平台… in the window's 申报 menu, keeps it
enabled only while logged in, and runs :meth:`client.sync.engine.SyncEngine.logout` on the
task runner (it closes this device's leases and revokes the login on the platform when
reachable, and forgets the refresh token in the keyring either way). Drafts, finalised
declarations and the outbox stay on the desk; the next login sends what is waiting.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction

log = logging.getLogger(__name__)


class LogoutCommand(QObject):
    """The 退出登录 action of a :class:`ui.main_window.MainWindow`."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.action = QAction(window)
        self.action.setObjectName("logout")
        window.menu_sync.insertAction(_after(window.menu_sync, window.actions_.login),
                                      self.action)
        self.action.triggered.connect(self.logout)
        self.ctx.events.sync_state_changed.connect(lambda _s: self._update())
        window.installEventFilter(self)
        self.running = False
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.action.setText(self.tr("退出登录"))
        tip = self.tr("退出平台登录：撤销本机的登录凭据；本机的报检单保留，下次登录后继续申报")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _update(self) -> None:
        self.action.setEnabled(self.ctx.sync is not None and not self.running)

    def logout(self) -> None:
        engine = self.ctx.sync
        if engine is None or self.running:
            return
        self.running = True
        self._update()
        self.window.sync.stop()
        self.ctx.runner.run_serial(engine.logout, on_done=lambda _r: self._done(),
                                   on_error=self._failed)

    def _done(self) -> None:
        self.running = False
        self.window.sync.set_engine(None)
        self.window.sync.timer.start()
        self.ctx.events.enterprise_changed.emit()
        self.window.info(self.tr("已退出登录。本机的报检单都已保留。"))
        self._update()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.window.sync.timer.start()
        self._update()
        self.window.show_error(exc)


def _after(menu, action):
    """The action following ``action`` in ``menu`` (None: append at the end)."""
    acts = menu.actions()
    i = acts.index(action) if action in acts else len(acts) - 1
    return acts[i + 1] if i + 1 < len(acts) else None
