"""One running app per profile.

:class:`ProfileLock` holds a ``QLockFile`` in the data directory for as long as the app
runs (a lock left by a killed process is taken over: Qt checks that its PID is gone) and
listens on a local socket named after the profile. A second start on the same profile
does not get the lock: it asks the first one to come to the front and exits, saying so
on stderr (and in a dialog when the first one does not answer).

Signals:
    ProfileLock.activated(): another start of this profile asked this window to show.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("ciqdesk.single_instance")

LOCK_NAME = "ciqdesk.lock"
EXIT_IN_USE = 3
_MESSAGE = b"activate\n"


def server_name(data_dir: Path) -> str:
    """The local socket name of a profile (the same for every start on that directory)."""
    key = str(Path(data_dir).resolve()).encode("utf-8")
    return "ciqdesk-" + hashlib.sha1(key).hexdigest()[:16]


class ProfileLock(QObject):
    """The lock of one profile and the socket a second start talks to."""

    activated = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.name = server_name(self.data_dir)
        self.lock = QLockFile(str(self.data_dir / LOCK_NAME))
        self.lock.setStaleLockTime(0)   # stale only when its process is gone, never by age
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the lock and listen for later starts; ``False`` if another app holds it."""
        if not self.lock.tryLock(200):
            return False
        QLocalServer.removeServer(self.name)   # left behind by a killed process
        self.server = QLocalServer(self)
        if not self.server.listen(self.name):
            log.warning("profile socket %s: %s", self.name, self.server.errorString())
        self.server.newConnection.connect(self._connection)
        return True

    def _connection(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)

    def _read(self, sock: QLocalSocket) -> None:
        if bytes(sock.readAll()).startswith(_MESSAGE.strip()):
            log.info("activated by a second start on this profile")
            self.activated.emit()

    def ask_running_to_show(self, timeout_ms: int = 2000) -> bool:
        """Ask the app holding the lock to come to the front; whether it was reached."""
        sock = QLocalSocket()
        sock.connectToServer(self.name)
        if not sock.waitForConnected(timeout_ms):
            return False
        sock.write(_MESSAGE)
        ok = sock.waitForBytesWritten(timeout_ms)
        sock.disconnectFromServer()
        return ok

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()


def claim(data_dir: Path, lang: str) -> ProfileLock | None:
    """The profile's lock for this app, or ``None`` after telling the user that the profile
    is open in another window (which was asked to come to the front)."""
    lock = ProfileLock(data_dir)
    if lock.acquire():
        return lock
    reached = lock.ask_running_to_show()
    zh = f"此配置（{data_dir}）已在另一个 CIQ Desk 窗口中打开" + \
        ("，已切换到该窗口。" if reached else "，但该窗口没有响应。请先关闭它。")
    en = f"This profile ({data_dir}) is already open in another CIQ Desk window" + \
        ("; switched to it." if reached else ", which does not answer. Close it first.")
    print(f"{zh}\n{en}", file=sys.stderr, flush=True)
    log.warning("profile in use by another process (it was %sreached)", "" if reached else "not ")
    if not reached and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.warning(None, "CIQ Desk", zh if lang != "en" else en)
    return None


def bring_to_front(win) -> None:
    """Show a window that may be minimised or hidden in the tray, on top and active."""
    if win.isMinimized():
        win.showNormal()
    win.show()
    win.raise_()
    win.activateWindow()
