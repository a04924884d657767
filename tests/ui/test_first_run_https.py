"""The first-run dialog refuses plain http to another computer, saying why (issue 12 item 4)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from ui.first_run import SANDBOX_URL, FirstRunDialog
from ui.tasks import FakeThreadPool, TaskRunner


def _submit(qtbot, url, lang="zh"):
    calls = []
    dlg = FirstRunDialog(lambda *a: calls.append(a), TaskRunner(FakeThreadPool()))
    dlg.lang = lang
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.url_edit.setText(url)
    dlg.user_edit.setText("demo")
    dlg.password_edit.setText("secret")
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)
    return dlg, calls


def test_plain_http_to_another_host_is_refused_before_the_password_is_sent(qtbot):
    dlg, calls = _submit(qtbot, "http://ciq.example.cn")
    assert calls == []
    text = dlg.error_label.text()
    assert "https://" in text and "未加密" in text and "127.0.0.1" in text
    dlg, calls = _submit(qtbot, "http://10.1.2.3:8600", lang="en")
    assert calls == [] and "unencrypted" in dlg.error_label.text()


def test_https_and_the_local_sandbox_go_through(qtbot):
    for url in ("https://ciq.example.cn", SANDBOX_URL, "http://localhost:8600"):
        dlg, calls = _submit(qtbot, url)
        assert calls == [(url, "demo", "secret")], dlg.error_label.text()
