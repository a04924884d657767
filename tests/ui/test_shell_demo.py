"""``main.py --demo`` end to end: a real sandbox subprocess, real login, real sync."""
from __future__ import annotations

import time

import pytest

from client.services import Desk
from test_shell_support import make_ctx

pytestmark = [pytest.mark.sandbox, pytest.mark.slow]


def test_demo_shows_a_full_life_cycle(qtbot, data_dir):
    from ui.demo import DemoController
    from ui.main_window import MainWindow
    desk = Desk.open(data_dir)
    ctx = make_ctx(desk)
    win = MainWindow(ctx, use_tray=False)
    qtbot.addWidget(win)
    notices = []
    win.notifier.notified.connect(lambda t, m: notices.append(t))
    demo = DemoController(ctx, win)
    try:
        demo.start()  # FakeThreadPool: sandbox up, logged in, declarations filed and finalised
        assert win.header.grade.text() == "信用 AA"
        assert win.sync.state.logged_in and win.sync.state.online
        assert win.nav.model.count_of("all") == 6
        deadline = time.time() + 60
        while "已放行" not in notices and time.time() < deadline:
            qtbot.wait(1000)
            win.sync.sync_now()
        assert "已放行" in notices, "a release within a minute"
        counts = desk.counts_by_status()
        assert counts["released"] + counts["certified"] >= 1
        assert counts["draft"] == 0 and counts["ready"] == 0
    finally:
        demo.stop()
        win.sync.stop()
        desk.close()
