"""``--selftest`` runs ``PRAGMA quick_check`` on the profile's store (issue 12, item 6)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from client.rules.sample import sample_declaration
from client.selftest import check_user_store

ROOT = Path(__file__).resolve().parents[2]


def _store(data_dir: Path) -> Path:
    from client.services import Desk
    desk = Desk.open(data_dir)
    try:
        for i in range(40):
            desk.save_draft(sample_declaration(seed=600 + i))
    finally:
        desk.close()
    return data_dir / "ciqdesk.sqlite3"


def test_selftest_passes_a_sound_store_and_fails_a_damaged_one(data_dir):
    db = _store(data_dir)
    assert check_user_store().ok
    before = db.read_bytes()
    assert check_user_store().ok and db.read_bytes() == before  # checked, never changed
    size = db.stat().st_size
    with open(db, "r+b") as fh:  # scribble over the middle pages, keep the header
        fh.seek(4096 * 2)
        fh.write(os.urandom(max(4096, size - 4096 * 3)))
    for side in ("-wal", "-shm"):
        Path(str(db) + side).unlink(missing_ok=True)
    res = check_user_store()
    assert not res.ok and "backups" in res.detail
    env = dict(os.environ, CIQDESK_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT))
    p = subprocess.run([sys.executable, "-m", "client.selftest"], capture_output=True,
                       text=True, env=env, cwd=ROOT, timeout=300)
    assert p.returncode == 1 and "[FAIL] profile store sound" in p.stdout


def test_selftest_names_a_zero_byte_store(data_dir):
    (data_dir / "ciqdesk.sqlite3").write_bytes(b"")
    res = check_user_store()
    assert not res.ok and "0 bytes" in res.detail


def test_selftest_without_a_store_passes(data_dir):
    res = check_user_store()
    assert res.ok and "no store yet" in res.detail
