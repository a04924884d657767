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
