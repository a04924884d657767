"""Item 7: the list follows drafts another process (the CLI) adds to the profile."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from client.model import to_dict
from client.rules.sample import sample_declaration
from client.services import Desk
from test_shell_support import fill, make_ctx

REPO = Path(__file__).resolve().parents[2]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "client", *args], cwd=str(REPO),
                          capture_output=True, text=True, timeout=120)


def test_drafts_imported_by_the_cli_appear_without_user_action(qtbot, data_dir, tmp_path):
    from ui.main_window import MainWindow
    desk = Desk.open(data_dir)
    try:
        fill(desk, 2)
        win = MainWindow(make_ctx(desk), use_tray=False)
        qtbot.addWidget(win)
        win.show()
        win.ctx.events.declarations_changed.emit([])
        win.store_watch.start()
        qtbot.waitUntil(lambda: win.list.model.rowCount() == 2, timeout=5000)
        assert win.nav.model.count_of("all") == 2

        path = tmp_path / "erp.json"
        path.write_text(json.dumps([to_dict(sample_declaration("inbound", seed=i))
                                    for i in range(5)], ensure_ascii=False), encoding="utf-8")
        done = _cli("import", str(path))  # a second process writes to the same profile
        assert done.returncode == 0, done.stderr

        qtbot.waitUntil(lambda: win.list.model.rowCount() == 7, timeout=10000)
        qtbot.waitUntil(lambda: win.nav.model.count_of("all") == 7, timeout=5000)
        assert "7" in win.counts_label.text()

        _cli("list")  # a process that only reads changes nothing: no reload is announced
        seen = []
        win.ctx.events.declarations_changed.connect(seen.append)
        qtbot.wait(2500)
        assert seen == []
    finally:
        win.close()
        desk.close()
