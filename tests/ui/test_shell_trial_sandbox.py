"""Item 4: 试用沙箱 starts the sandbox itself, logs in as the demo, stops with the app."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from client.services import Desk
from test_shell_support import make_ctx
from test_shell_sync import MemoryKeyring

pytestmark = [pytest.mark.sandbox, pytest.mark.slow]


def test_trial_sandbox_is_one_click_and_stops_with_the_window(qtbot, data_dir):
    from client.credentials import CredentialStore
    from client.sync.engine import SyncEngine
    from ui.main_window import MainWindow
    desk = Desk.open(data_dir)
    ctx = make_ctx(desk)
    ctx.sync = SyncEngine(desk, CredentialStore(MemoryKeyring()))
    win = MainWindow(ctx, use_tray=False)
    qtbot.addWidget(win)
    win.show()
    child = None
    try:
        dlg = win.show_login()
        with qtbot.waitSignal(dlg.logged_in, timeout=60000):
            qtbot.mouseClick(dlg.sandbox_button, Qt.MouseButton.LeftButton)
        child = ctx.trial
        assert child is not None
        assert child.running(), "the sandbox runs as a child process of the app"
        assert (data_dir / "sandbox").is_dir(), "its data lives in the profile"
        assert dlg.url_edit.text() == child.url != "http://127.0.0.1:8600"
        assert ctx.sync is not None and ctx.sync.account() == (child.url, "aa@demo")
        qtbot.waitUntil(lambda: win.sync.state.logged_in and win.sync.state.online,
                        timeout=30000)
        qtbot.waitUntil(lambda: win.header.grade.text() == "信用 AA", timeout=10000)
        proc = child.proc
        win.close()
        assert proc.poll() is not None, "closing the app stops the sandbox"
        assert not child.running()

        # the next start: the saved login's sandbox comes back on the same address
        from main import _existing_engine
        engine, again = _existing_engine(desk)
        try:
            assert again is not None and again.running() and again.url == child.url
            assert engine is not None and engine.account() == (child.url, "aa@demo")
        finally:
            if again is not None:
                again.stop()
    finally:
        if child is not None:
            child.stop()
        win.sync.stop()
        desk.close()


def test_a_sandbox_that_cannot_start_is_told_inline(qtbot, data_dir, monkeypatch):
    from ui import sandbox_child
    from ui.first_run import FirstRunDialog
    from ui.tasks import FakeThreadPool, TaskRunner
    monkeypatch.setattr(sandbox_child, "sandbox_command",
                        lambda: [sandbox_child.sys.executable, "-c", "raise SystemExit(3)"])
    desk = Desk.open(data_dir)
    try:
        child = sandbox_child.SandboxChild(desk.paths)
        calls = []
        dlg = FirstRunDialog(lambda *a: calls.append(a), TaskRunner(FakeThreadPool()),
                             sandbox_fn=child.start_and_wait)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.mouseClick(dlg.sandbox_button, Qt.MouseButton.LeftButton)
        assert "本机沙箱未能启动" in dlg.error_label.text()
        assert dlg.isVisible() and dlg.sandbox_button.isEnabled() and calls == []
    finally:
        desk.close()
