"""申报 → 退出登录 in the desktop (issue 12 item 3, issue 18 item 18): the login ends on the
platform, the keyring forgets it, the drafts stay."""
from __future__ import annotations

import pytest

from sandbox.pytest_fixtures import sandbox, sandbox_factory  # noqa: F401
from test_shell_support import fill
from test_shell_support import desk, window  # noqa: F401 - fixtures
from test_shell_sync import MemoryKeyring


def _logout_action(window):
    return next(a for a in window.menu_sync.actions() if a.objectName() == "logout")


def test_logout_is_in_the_sync_menu_after_login_and_only_enabled_when_logged_in(window):
    acts = [a.objectName() for a in window.menu_sync.actions()]
    assert acts.index("logout") == acts.index("login") + 1
    act = _logout_action(window)
    assert act.text() == "退出登录"
    assert not act.isEnabled()


@pytest.mark.sandbox
def test_logout_ends_the_login_on_the_platform_and_keeps_the_drafts(qtbot, window, desk,
                                                                     sandbox):
    from client.credentials import CredentialStore
    from client.sync.engine import SyncEngine
    from client.sync.http import RetryPolicy
    creds = CredentialStore(MemoryKeyring())
    engine = SyncEngine(desk, creds, retry=RetryPolicy(attempts=2, base=0.01, cap=0.05))
    engine.login(sandbox.url, "aa@demo", "demo123")
    token = creds.refresh_token(sandbox.url, "aa@demo")
    window.sync.set_engine(engine)
    act = _logout_action(window)
    assert act.isEnabled()
    ids = fill(desk, 2)

    act.trigger()

    assert window.ctx.sync is None and not act.isEnabled()
    assert creds.refresh_token(sandbox.url, "aa@demo") is None
    assert "已退出登录" in window.statusBar().currentMessage()
    r = sandbox.session(device_id=engine.device_id()).post(
        "/v1/sessions/refresh", json={"refresh_token": token})
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_refresh_token"
    assert all(desk.get(i) is not None for i in ids)
    assert window.header.sync.mode == "offline"


def test_logout_label_follows_the_language(qtbot, window):
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtCore import QTranslator

    class En(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return "Log out" if (context, source) == ("LogoutCommand", "退出登录") else None
    tr = En()
    QCoreApplication.installTranslator(tr)
    try:
        QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
        assert _logout_action(window).text() == "Log out"
    finally:
        QCoreApplication.removeTranslator(tr)
        QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
