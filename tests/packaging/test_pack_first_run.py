"""The first-run dialog as a user meets it: sandbox button, inline Chinese errors, login."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from client.errors import AuthError, OfflineError
from ui.first_run import SANDBOX_URL, FirstRunDialog
from ui.tasks import FakeThreadPool, TaskRunner


class HeldRunner:
    """A runner that keeps the job until the test finishes it (a login in flight)."""

    def __init__(self):
        self.jobs = []

    def run(self, fn, *args, on_done=None, on_error=None):
        self.jobs.append((fn, args, on_done, on_error))

    def finish(self):
        fn, args, on_done, on_error = self.jobs.pop()
        try:
            result = fn(*args)
        except Exception as exc:  # noqa: BLE001
            on_error(exc)
        else:
            on_done(result)


@pytest.fixture
def calls():
    return []


def make(qtbot, login, runner=None, **kw):
    dlg = FirstRunDialog(login, runner or TaskRunner(FakeThreadPool()), **kw)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def fill(qtbot, dlg, url, user, pw):
    dlg.url_edit.setText(url)
    dlg.user_edit.setText(user)
    dlg.password_edit.setText(pw)
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)


def test_pack_sandbox_button_fills_the_address(qtbot, calls):
    dlg = make(qtbot, lambda *a: calls.append(a))
    qtbot.mouseClick(dlg.sandbox_button, Qt.MouseButton.LeftButton)
    assert dlg.url_edit.text() == SANDBOX_URL == "http://127.0.0.1:8600"
    assert not calls


def test_pack_successful_login_emits_and_accepts(qtbot, calls):
    def login(url, user, pw):
        calls.append((url, user, pw))
        return {"enterprise": "上海远航贸易有限公司", "credit_grade": "A"}

    dlg = make(qtbot, login)
    qtbot.mouseClick(dlg.sandbox_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dlg.logged_in, timeout=1000) as sig:
        fill(qtbot, dlg, SANDBOX_URL + "/", "  demo  ", "secret")
    assert calls == [(SANDBOX_URL, "demo", "secret")]
    assert sig.args == [SANDBOX_URL, "demo", {"enterprise": "上海远航贸易有限公司",
                                               "credit_grade": "A"}]
    assert dlg.result() == dlg.DialogCode.Accepted
    assert dlg.password_edit.text() == "", "the password is not kept in the widget"


@pytest.mark.parametrize("url,user,pw,message", [
    ("", "demo", "pw", "请输入平台地址"),
    ("ftp://platform", "demo", "pw", "平台地址应以 http:// 或 https:// 开头"),
    ("http://", "demo", "pw", "平台地址缺少主机名"),
    ("http://host:99999", "demo", "pw", "端口号无效"),
    (SANDBOX_URL, "", "pw", "请输入用户名"),
    (SANDBOX_URL, "demo", "", "请输入密码"),
])
def test_pack_form_problems_are_shown_inline_without_calling_login(qtbot, calls, url, user,
                                                                   pw, message):
    dlg = make(qtbot, lambda *a: calls.append(a))
    fill(qtbot, dlg, url, user, pw)
    assert not calls
    assert dlg.error_label.isVisible()
    assert message in dlg.error_label.text()
    assert dlg.isVisible()


def test_pack_wrong_password_is_shown_in_chinese_and_cleared(qtbot):
    def login(url, user, pw):
        raise AuthError("用户名或密码错误，请重新输入。", "wrong username or password")

    dlg = make(qtbot, login)
    fill(qtbot, dlg, SANDBOX_URL, "demo", "bad")
    assert dlg.error_label.text() == "用户名或密码错误，请重新输入。"
    assert dlg.password_edit.text() == ""
    assert dlg.user_edit.text() == "demo"
    assert dlg.isVisible() and dlg.login_button.isEnabled()


def test_pack_offline_and_internal_errors_keep_the_dialog_open(qtbot):
    def offline(url, user, pw):
        raise OfflineError("无法连接平台，请检查网络或平台地址。", "offline")

    dlg = make(qtbot, offline)
    fill(qtbot, dlg, "https://ciq.example.cn", "demo", "pw")
    assert dlg.error_label.text() == "无法连接平台，请检查网络或平台地址。"
    assert dlg.password_edit.text() == "pw", "an offline platform is not a wrong password"

    def bug(url, user, pw):
        raise KeyError("token")

    dlg2 = make(qtbot, bug)
    fill(qtbot, dlg2, "https://ciq.example.cn", "demo", "pw")
    assert "内部错误" in dlg2.error_label.text()
    assert dlg2.isVisible()


def test_pack_form_is_locked_while_logging_in(qtbot):
    runner = HeldRunner()
    dlg = make(qtbot, lambda url, user, pw: "ok", runner)
    fill(qtbot, dlg, SANDBOX_URL, "demo", "pw")
    assert dlg.is_busy()
    assert not dlg.login_button.isEnabled() and not dlg.url_edit.isEnabled()
    assert "正在登录" in dlg.status_label.text()
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)  # disabled: no 2nd login
    dlg.reject()  # Esc while logging in does not abandon the answer
    assert len(runner.jobs) == 1 and dlg.isVisible()
    runner.finish()
    assert dlg.result() == dlg.DialogCode.Accepted and dlg.result_value == "ok"


def test_pack_security_level_is_shown(qtbot):
    text = "注意：登录凭据以明文保存在本机文件中。"
    dlg = make(qtbot, lambda *a: None, security_text=text, security_level="plaintext-file")
    assert dlg.security_label.isVisible() and dlg.security_label.text() == text
    later = make(qtbot, lambda *a: None)
    assert not later.security_label.isVisible()
    qtbot.mouseClick(later.later_button, Qt.MouseButton.LeftButton)
    assert later.result() == later.DialogCode.Rejected


def test_pack_platform_errors_follow_the_ui_language(qtbot):
    def login(url, user, pw):
        raise AuthError("用户名或密码错误。", "wrong username or password")

    dlg = make(qtbot, login, lang="en")
    fill(qtbot, dlg, SANDBOX_URL, "demo", "bad")
    assert dlg.error_label.text() == "wrong username or password"
