"""The task bridge delivers results and errors on the GUI thread, with real and fake pools."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThreadPool

from client.errors import OfflineError
from ui.tasks import FakeThreadPool, Progress, TaskRunner


def test_result_arrives_on_gui_thread_from_real_pool(qtbot):
    runner = TaskRunner(QThreadPool())
    seen = {}
    worker_thread = {}

    def work(x):
        worker_thread["t"] = threading.get_ident()
        return x * 2

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda b: b is False):
        runner.run(work, 21, on_done=lambda r: seen.update(r=r, t=threading.get_ident()))
    assert seen["r"] == 42
    assert seen["t"] == threading.get_ident()  # callback on the GUI thread
    assert worker_thread["t"] != threading.get_ident()  # work ran elsewhere


def test_desk_error_goes_to_on_error(qtbot):
    runner = TaskRunner(FakeThreadPool())
    errors = []

    def offline():
        raise OfflineError("无法连接平台", "platform unreachable")

    runner.run(offline, on_done=lambda r: pytest.fail("must not succeed"), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], OfflineError) and errors[0].message_zh == "无法连接平台"
    assert not runner.busy


def test_bug_is_logged_and_reported(qtbot, caplog):
    runner = TaskRunner(FakeThreadPool())
    errors = []
    runner.run(lambda: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)
    assert "ZeroDivisionError" in caplog.text


def test_progress_signal_and_cancel(qtbot):
    p = Progress()
    got = []
    p.changed.connect(lambda d, t, m: got.append((d, t, m)))
    p(1, 3, "一")
    assert got == [(1, 3, "一")]
    assert not p.cancelled()
    p.cancel()
    assert p.cancelled()
