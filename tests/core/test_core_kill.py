"""A kill in the middle of an import leaves the store consistent: whole files or nothing."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from client.model import to_dict
from client.rules.sample import sample_declaration
from client.services import Desk

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("attempt", range(3))
def test_sigkill_during_import(attempt, data_dir, tmp_path):
    files: dict[Path, set[str]] = {}
    for n in range(8):
        decls = [to_dict(sample_declaration("inbound", goods=2, seed=n * 1000 + i))
                 for i in range(400)]
        f = tmp_path / f"batch{n}.json"
        f.write_text(json.dumps(decls, ensure_ascii=False), encoding="utf-8")
        files[f] = {d["id"] for d in decls}
    Desk.open(data_dir).close()  # schema in place, so the kill lands inside imports
    env = dict(os.environ, CIQDESK_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "client", "import", *map(str, files)],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(random.Random(attempt).uniform(0.4, 1.6))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    conn = sqlite3.connect(data_dir / "ciqdesk.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    stored = {r[0] for r in conn.execute("SELECT id FROM declarations")}
    goods = conn.execute("SELECT count(*) FROM goods_lines").fetchone()[0]
    conn.close()
    whole = set()
    for ids in files.values():
        part = ids & stored
        assert part in (set(), ids), "a file was half imported"
        whole |= part
    assert stored == whole
    assert goods == 2 * len(stored)
    desk = Desk.open(data_dir)
    try:
        for decl_id in list(stored)[:20]:
            assert desk.get(decl_id).id == decl_id
    finally:
        desk.close()
