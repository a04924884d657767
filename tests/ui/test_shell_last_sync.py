"""Item 11: the last sync's time and result survive a restart (kept in the store)."""
from __future__ import annotations

import pytest

from client.services import Desk
from client.store import kv
from sandbox.pytest_fixtures import sandbox, sandbox_factory  # noqa: F401
from test_shell_support import make_ctx
from test_shell_sync import MemoryKeyring, _offline_engine


def _window(qtbot, desk):
    from ui.main_window import MainWindow
    win = MainWindow(make_ctx(desk), use_tray=False)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.mark.sandbox
def test_a_restart_shows_when_the_profile_last_synced(qtbot, data_dir, sandbox):
    from client.credentials import CredentialStore
    from client.sync.engine import SyncEngine
    desk = Desk.open(data_dir)
    engine = SyncEngine(desk, CredentialStore(MemoryKeyring()))
    engine.login(str(sandbox.url), "aa@demo", "demo123")
    engine.sync()
    engine.close()
    desk.close()

    desk = Desk.open(data_dir)  # the restart: a new window on the same profile, offline now
    try:
        win = _window(qtbot, desk)
        win.start_sync()
        win.sync.set_engine(_offline_engine(desk))
        text = win.header.sync.text()
        assert "从未同步" not in text
        assert "上次同步：刚刚" in text
    finally:
        desk.close()


def test_a_failed_sync_is_remembered_and_shown_after_a_restart(qtbot, data_dir):
    from client.errors import AuthError
    desk = Desk.open(data_dir)
    engine = _offline_engine(desk)
    with desk.db.write() as conn:
        kv.put(conn, "sync.last_at", "2026-11-20T08:00:00Z")
    engine._remember_result(AuthError("登录已失效，请重新登录", "login expired"))
    desk.close()

    desk = Desk.open(data_dir)
    try:
        win = _window(qtbot, desk)
        win.start_sync()  # no engine yet: what the store remembers is all there is
        state = win.sync.state
        assert state.last_success == "2026-11-20T08:00:00Z"
        assert state.last_error == "登录已失效，请重新登录"
        with desk.db.read() as conn:
            assert kv.get(conn, "sync.last_result")["ok"] is False
    finally:
        desk.close()


def test_an_offline_sync_in_the_app_records_its_result(data_dir):
    from ui.sync_bridge import run_sync
    desk = Desk.open(data_dir)
    try:
        out = run_sync(desk, _offline_engine(desk), None, 0)
        assert out.error_kind == "offline"
        with desk.db.read() as conn:
            last = kv.get(conn, "sync.last_result")
        assert last["ok"] is False and last["kind"] == "OfflineError"
        assert last["error_zh"]
    finally:
        desk.close()
