"""The first-run dialog: which platform to talk to, and logging in to it.

:class:`FirstRunDialog` asks for the platform address, the username and the password,
offers the local sandbox (button 试用沙箱) for trying the app out, and shows how safely the login will be kept (the credential store's security text, passed
in by the caller). It does not know how to log in: the caller injects

* ``login_fn(url, username, password) -> result`` — the sync engine's login (blocking;
  raises :class:`client.errors.DeskError` subclasses such as ``AuthError`` or
  ``OfflineError`` with a Chinese message), and
* ``runner`` — anything with ``run(fn, *args, on_done=..., on_error=...)``, normally the
  app's :class:`ui.tasks.TaskRunner`, so the login runs off the GUI thread, and
* optionally ``sandbox_fn() -> url`` — starts the local sandbox and waits until it answers
  (blocking, run on the runner; normally :meth:`ui.sandbox_child.SandboxChild.start_and_wait`).
  With it, 试用沙箱 is one click: sandbox started, demo login filled in, logged in.
  Without it, the button only fills in :data:`SANDBOX_URL` (a sandbox the user started).

Errors are shown inline under the form (Chinese by default; ``lang="en"`` picks the English
message of a :class:`~client.errors.DeskError`; the labels go through ``self.tr`` like the
rest of the UI); the dialog stays open so the user can
correct the address or the password. "稍后再说" closes it without logging in (work offline).

* optionally ``office_fn(url)`` — 连接办公室数据库 (issue 16): connects to the office's
  PostgreSQL store and migrates it (blocking, on the runner; normally
  ``client.store.check_office`` then ``client.paths.save_store_url``). The row for the
  address shows when the button is clicked; a success says the desk uses the office store
  from its next start.

Signals:
    logged_in(str, str, object): url, username and ``login_fn``'s result, after success
        (the dialog then accepts itself).
    office_chosen(str): the office store URL that ``office_fn`` connected to.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from client.errors import AuthError, DeskError, InputError
from client.sync.urls import check_platform_url

log = logging.getLogger(__name__)

SANDBOX_URL = "http://127.0.0.1:8600"
_WEAK_LEVELS = ("plaintext-file", "none", "unknown")


def _tr(text: str) -> str:
    return QCoreApplication.translate("FirstRunDialog", text)


def check_url(text: str, lang: str = "zh") -> str | None:
    """What is wrong with ``text`` as a platform address (in ``lang``), else ``None``.

    The rules are :func:`client.sync.urls.check_platform_url`'s (https, or http on this
    computer only), the same the sync engine applies at login."""
    if not text:
        return _tr("请输入平台地址，例如 https://ciq.example.gov.cn 或试用沙箱。")
    try:
        check_platform_url(text)
    except InputError as exc:
        return exc.message(lang)
    return None


class FirstRunDialog(QDialog):
    """Platform address + login on first start (see the module docstring).

    Signals:
        logged_in(str, str, object): url, username, the login result.
    """

    logged_in = Signal(str, str, object)
    office_chosen = Signal(str)

    def __init__(self, login_fn: Callable[[str, str, str], Any], runner,
                 security_text: str = "", security_level: str | None = None,
                 url: str = "", username: str = "", parent: QWidget | None = None,
                 lang: str = "zh", sandbox_fn: Callable[[], str] | None = None,
                 office_fn: Callable[[str], None] | None = None):
        super().__init__(parent)
        self._office_fn = office_fn
        self._sandbox_fn = sandbox_fn
        self.lang = lang  # language of the platform's error messages (DeskError)
        self._login_fn = login_fn
        self._runner = runner
        self.result_value: Any = None
        self._busy = False
        self.setWindowTitle(self.tr("欢迎使用 CIQ Desk 报检通"))
        self.setMinimumWidth(460)

        intro = QLabel(self.tr("请填写检验检疫电子申报平台的地址和您的登录账号。"
                               "没有账号时，可先连接本机沙箱试用。"))
        intro.setWordWrap(True)

        self.url_edit = QLineEdit(url)
        self.url_edit.setPlaceholderText(self.tr("https://平台地址"))
        self.sandbox_button = QPushButton(self.tr("试用沙箱"))
        self.sandbox_button.setToolTip(
            self.tr("启动本机沙箱平台并以演示账号登录（仅供试用，数据不会报送）") if sandbox_fn
            else self.tr("使用本机沙箱平台 %1（仅供试用，数据不会报送）").replace("%1", SANDBOX_URL))
        self.sandbox_button.setAutoDefault(False)
        self.sandbox_button.clicked.connect(self.use_sandbox)
        url_row = QHBoxLayout()
        url_row.setContentsMargins(0, 0, 0, 0)
        url_row.addWidget(self.url_edit, 1)
        url_row.addWidget(self.sandbox_button)

        self.user_edit = QLineEdit(username)
        self.user_edit.setPlaceholderText(self.tr("报检单位账号"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        form = QFormLayout()
        form.addRow(self.tr("平台地址："), url_row)
        form.addRow(self.tr("用户名："), self.user_edit)
        form.addRow(self.tr("密码："), self.password_edit)

        self.security_label = QLabel(security_text)
        self.security_label.setWordWrap(True)
        self.security_label.setVisible(bool(security_text))
        weak = security_level in _WEAK_LEVELS
        self.security_label.setStyleSheet("color: #9a5b00;" if weak else "color: #4a5663;")

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0262d;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()

        self.status_label = QLabel()
        self.status_label.hide()

        # 连接办公室数据库: the office's shared store instead of this computer's file
        self.office_button = QPushButton(self.tr("连接办公室数据库"))
        self.office_button.setAutoDefault(False)
        self.office_button.setVisible(office_fn is not None)
        self.office_button.clicked.connect(self.show_office)
        self.office_edit = QLineEdit()
        self.office_edit.setPlaceholderText("postgresql+psycopg://用户@服务器/ciqdesk")
        self.office_connect = QPushButton(self.tr("连接"))
        self.office_connect.setAutoDefault(False)
        self.office_connect.clicked.connect(self.connect_office)
        self.office_row = QWidget()
        office_lay = QHBoxLayout(self.office_row)
        office_lay.setContentsMargins(0, 0, 0, 0)
        office_lay.addWidget(QLabel(self.tr("办公室数据库：")))
        office_lay.addWidget(self.office_edit, 1)
        office_lay.addWidget(self.office_connect)
        self.office_row.hide()

        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton(self.tr("登录"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = self.buttons.addButton(self.tr("稍后再说"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        self.later_button.clicked.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.security_label)
        lay.addWidget(self.error_label)
        lay.addWidget(self.status_label)
        lay.addWidget(self.office_row)
        office_line = QHBoxLayout()
        office_line.addWidget(self.office_button)
        office_line.addStretch(1)
        lay.addLayout(office_line)
        lay.addWidget(self.buttons)
        (self.user_edit if url else self.url_edit).setFocus()

    # -- actions ----------------------------------------------------------------------
    def use_sandbox(self) -> None:
        """试用沙箱: start the local sandbox and log in as the demo enterprise (one click)."""
        self.clear_error()
        if self._sandbox_fn is None:
            self.url_edit.setText(SANDBOX_URL)
            self.user_edit.setFocus()
            return
        if self._busy:
            return
        self._set_busy(True, self.tr("正在启动本机沙箱…"))
        self._runner.run(self._sandbox_fn, on_done=self._sandbox_ready, on_error=self._failed)

    def _sandbox_ready(self, url: str) -> None:
        from .sandbox_child import DEMO_PASSWORD, DEMO_USER
        self._set_busy(False)
        self.url_edit.setText(url)
        self.user_edit.setText(DEMO_USER)
        self.password_edit.setText(DEMO_PASSWORD)
        self.submit()

    def show_office(self) -> None:
        """连接办公室数据库: show the row for the office store's address."""
        self.office_row.show()
        self.office_edit.setFocus()

    def connect_office(self) -> None:
        """Check the address, then run ``office_fn`` through the runner."""
        from client.paths import is_server_url
        if self._busy or self._office_fn is None:
            return
        url = self.office_edit.text().strip()
        if not is_server_url(url):
            self.show_error(self.tr("请输入办公室数据库地址，例如 "
                                    "postgresql+psycopg://用户@服务器/ciqdesk"))
            self.office_edit.setFocus()
            return
        self.clear_error()
        self._set_busy(True, self.tr("正在连接办公室数据库…"))
        self._runner.run(self._office_fn, url, on_done=lambda _r: self._office_done(url),
                         on_error=self._failed)

    def _office_done(self, url: str) -> None:
        self._set_busy(False)
        self.status_label.setText(self.tr("已连接办公室数据库；重新启动 CIQ Desk 后，"
                                          "本机将使用办公室的共享数据。"))
        self.status_label.show()
        self.office_chosen.emit(url)

    def values(self) -> tuple[str, str, str]:
        return (self.url_edit.text().strip().rstrip("/"), self.user_edit.text().strip(),
                self.password_edit.text())

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def is_busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool, text: str | None = None) -> None:
        self._busy = busy
        for w in (self.url_edit, self.user_edit, self.password_edit, self.sandbox_button,
                  self.login_button, self.office_edit, self.office_connect):
            w.setEnabled(not busy)
        self.status_label.setText((text or self.tr("正在登录…")) if busy else "")
        self.status_label.setVisible(busy)

    def submit(self) -> None:
        """Check the form, then run ``login_fn`` through the runner."""
        if self._busy:
            return
        url, user, password = self.values()
        problem = check_url(url, self.lang)
        if problem:
            self.show_error(problem)
            self.url_edit.setFocus()
            return
        if not user:
            self.show_error(self.tr("请输入用户名。"))
            self.user_edit.setFocus()
            return
        if not password:
            self.show_error(self.tr("请输入密码。"))
            self.password_edit.setFocus()
            return
        self.clear_error()
        self._set_busy(True)
        log.info("logging in to %s as %s", url, user)
        self._runner.run(self._login_fn, url, user, password,
                         on_done=lambda result: self._done(url, user, result),
                         on_error=self._failed)

    def _done(self, url: str, user: str, result: Any) -> None:
        self._set_busy(False)
        self.result_value = result
        self.password_edit.clear()
        self.logged_in.emit(url, user, result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, DeskError):
            self.show_error(exc.message(self.lang))
            if isinstance(exc, AuthError):
                self.password_edit.clear()
                self.password_edit.setFocus()
        else:
            log.error("login failed with an internal error: %r", exc)
            self.show_error(self.tr("登录时发生内部错误，详情已写入日志。"))

    def reject(self) -> None:  # noqa: D401 - Qt override
        if self._busy:
            return  # a login is running: wait for its answer
        super().reject()
