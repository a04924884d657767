"""The desktop app as a real process: a SIGKILL right after typing loses nothing older
than a second (header fields and an open goods cell editor)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from client.services import Desk

ROOT = Path(__file__).resolve().parents[2]


def _app(data_dir: Path, *args: str, **env) -> subprocess.Popen:
    (data_dir / "ui.ini").write_text("[ui]\nfirst_run_done=true\n", encoding="utf-8")
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), **env)
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                             *args], env=full_env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_sigkill_after_typing_keeps_header_and_open_cell(data_dir):
    proc = _app(data_dir, CIQDESK_TEST_TYPING="HT-KILL-7|LAPTOP")
    try:
        line = ""
        while not line.startswith("typed "):
            line = proc.stdout.readline()
            assert line, f"the app ended before typing: {proc.stderr.read()[-2000:]}"
        decl_id = line.split()[1]
        time.sleep(1.2)                 # the promise: in the store within a second
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
    desk = Desk.open(data_dir)
    try:
        stored = desk.get(decl_id)
    finally:
        desk.close()
    assert stored.contract_no == "HT-KILL-7"
    assert [g.name_cn for g in stored.goods] == ["LAPTOP"]   # the cell still being edited


def _log(data_dir: Path) -> str:
    path = data_dir / "logs" / "ciqdesk.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _wait_log(data_dir: Path, text: str, count: int = 1, procs=()) -> None:
    """Wait (generously: this is a hang guard, not a speed limit) until the app logged
    ``text`` ``count`` times."""
    deadline = time.time() + 90
    while _log(data_dir).count(text) < count:
        for p in procs:
            assert p.poll() is None, f"the app ended: {p.stderr.read()[-2000:]}"
        assert time.time() < deadline, _log(data_dir)[-3000:]
        time.sleep(0.1)


def _kill(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()


@pytest.mark.slow
def test_second_start_on_a_profile_brings_the_first_to_the_front_and_exits(data_dir):
    first = _app(data_dir)
    started = []
    try:
        _wait_log(data_dir, "window shown after", procs=[first])
        second = _app(data_dir)
        started.append(second)
        out, err = second.communicate(timeout=90)
        assert second.returncode == 3
        assert "已在另一个 CIQ Desk 窗口中打开，已切换到该窗口" in err
        _wait_log(data_dir, "activated by a second start", procs=[first])
        assert first.poll() is None                       # the first one runs on
        assert _log(data_dir).count("window shown after") == 1  # no second window

        _kill(first)               # a killed app leaves its lock file behind ...
        assert (data_dir / "ciqdesk.lock").exists()
        third = _app(data_dir)     # ... which the next start takes over
        started.append(third)
        _wait_log(data_dir, "window shown after", count=2, procs=[third])
    finally:
        for p in [first, *started]:
            _kill(p)
