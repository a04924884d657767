"""A damaged or unreachable store gets a clear answer, never a traceback (issue 12, items 6
and 9): ``list``/``import``/``validate`` exit 2 naming the file and what to do."""
from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from client.model import to_dict
from client.rules.sample import sample_declaration

ROOT = Path(__file__).resolve().parents[2]
DB = "ciqdesk.sqlite3"


def run(*args, data_dir, stdin=None):
    env = dict(os.environ, CIQDESK_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT))
    p = subprocess.run([sys.executable, "-m", "client", *args], capture_output=True, text=True,
                       env=env, cwd=ROOT, timeout=120)
    return p.returncode, p.stdout, p.stderr


def _seeded(data_dir: Path, tmp_path: Path, n: int = 30) -> Path:
    """A store with ``n`` declarations; returns a good JSON file to import."""
    from client.services import Desk
    desk = Desk.open(data_dir)
    try:
        for i in range(n):
            desk.save_draft(sample_declaration(seed=700 + i))
        with desk.db.write() as conn:  # everything into the main file
            conn.exec_driver_sql("SELECT 1")
    finally:
        desk.close()
    import sqlite3
    c = sqlite3.connect(data_dir / DB)
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    c.close()
    good = tmp_path / "good.json"
    good.write_text(json.dumps(to_dict(sample_declaration(seed=799)), ensure_ascii=False),
                    encoding="utf-8")
    return good


def _damage(kind: str, db: Path) -> None:
    if kind == "truncated":
        with open(db, "r+b") as fh:
            fh.truncate(db.stat().st_size // 2)
    elif kind == "bad_header":
        with open(db, "r+b") as fh:
            fh.write(b"NOT A DATABASE!!")
    elif kind == "damaged_page":
        size = db.stat().st_size
        with open(db, "r+b") as fh:
            for page in range(1, size // 4096):  # every page but the first: b-trees broken
                fh.seek(page * 4096)
                fh.write(os.urandom(4096))
    elif kind == "directory":
        db.unlink()
        db.mkdir()
    elif kind == "empty":
        db.write_bytes(b"")


@pytest.mark.parametrize("kind", ["truncated", "bad_header", "damaged_page", "directory",
                                  "empty"])
def test_damaged_store_exits_2_naming_the_file(kind, data_dir, tmp_path):
    good = _seeded(data_dir, tmp_path)
    db = data_dir / DB
    for side in ("-wal", "-shm"):
        Path(str(db) + side).unlink(missing_ok=True)
    _damage(kind, db)
    for args in (["list"], ["import", str(good)], ["validate", str(good)], ["list", "--json"]):
        code, out, err = run(*args, data_dir=data_dir)
        assert code == 2, (args, code, err)
        assert "Traceback" not in err and "内部错误" not in err
        assert str(db) in err and "backups" in err
    if kind == "empty":  # the empty file was not silently re-created as a new store
        assert db.stat().st_size == 0
    code, out, err = run("--lang", "en", "list", data_dir=data_dir)
    assert code == 2 and "database file" in err


def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True).returncode == 0


def test_full_disk_is_a_clear_error_and_loses_nothing(tmp_path, monkeypatch):
    mnt = tmp_path / "small"
    if not _mount_tmpfs(mnt, "2m"):  # room for a new store; then filled up
        pytest.skip("needs root to mount a small tmpfs")
    try:
        data_dir = mnt / "profile"
        data_dir.mkdir()
        filler = mnt / "filler"
        code, _, err = run("list", data_dir=data_dir)  # creates the store
        assert code == 0, err
        big = [to_dict(sample_declaration(seed=800 + i)) for i in range(400)]
        for d in big:
            d["remarks"] = "备注" * 500
        f = tmp_path / "big.json"  # outside the small disk
        f.write_text(json.dumps(big, ensure_ascii=False), encoding="utf-8")
        st = os.statvfs(mnt)  # leave almost no room
        with open(filler, "wb") as fh:
            fh.write(b"\0" * max(0, st.f_bavail * st.f_frsize - 16384))
        code, out, err = run("import", str(f), data_dir=data_dir)
        assert code == 2, err
        assert "Traceback" not in err and "磁盘" in err
        filler.unlink()
        code, out, err = run("list", "--json", data_dir=data_dir)
        assert code == 0 and json.loads(out) == []  # the failed import left nothing half-done
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_read_only_folder_is_a_clear_error(tmp_path):
    mnt = tmp_path / "ro"
    if not _mount_tmpfs(mnt, "4m"):
        pytest.skip("needs root to mount a tmpfs read-only")
    try:
        data_dir = mnt / "profile"
        data_dir.mkdir()
        code, _, err = run("list", data_dir=data_dir)
        assert code == 0, err
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        good = tmp_path / "good.json"
        good.write_text(json.dumps(to_dict(sample_declaration(seed=820)), ensure_ascii=False),
                        encoding="utf-8")
        code, out, err = run("import", str(good), data_dir=data_dir)
        assert code == 2, err
        assert "Traceback" not in err and "只读" in err
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_store_log_and_attachments_are_private(data_dir, tmp_path):
    from client.services import Desk

    code, _, err = run("list", data_dir=data_dir)
    assert code == 0, err
    desk = Desk.open(data_dir)
    try:
        att = tmp_path / "invoice.pdf"
        att.write_bytes(b"%PDF-1.4 secret")
        sha, _ = desk.store_attachment(att)
    finally:
        desk.close()

    def mode(p: Path) -> int:
        return stat.S_IMODE(p.stat().st_mode)
    assert mode(data_dir / DB) == 0o600
    for sub in ("attachments", "backups", "logs", "cache"):
        assert mode(data_dir / sub) == 0o700
    logs = list((data_dir / "logs").glob("ciqdesk.log*"))
    assert logs and all(mode(p) == 0o600 for p in logs)
    blob = data_dir / "attachments" / sha[:2] / sha
    assert mode(blob) == 0o600 and mode(blob.parent) == 0o700


def test_list_escapes_control_characters(data_dir, tmp_path):
    d = to_dict(sample_declaration(seed=830))
    d["contract_no"] = "HT\x1b[31mRED\x00X"
    d["consignee"]["name_cn"] = "收货\x1b]0;pwned\x07人"
    f = tmp_path / "ctl.json"
    f.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    run("import", str(f), data_dir=data_dir)
    code, out, err = run("list", data_dir=data_dir)
    assert code == 0, err
    assert "\x1b" not in out and "\x00" not in out and "\x07" not in out
    assert "HT\\x1b[31mRED" in out and "收货\\x1b]0;pwned\\x07人" in out
    code, out, _ = run("list", "--json", data_dir=data_dir)  # JSON keeps the exact text
    assert json.loads(out)[0]["contract_no"] == "HT\x1b[31mRED\x00X"


def test_piping_to_head_exits_quietly(data_dir, tmp_path):
    from client.services import Desk
    desk = Desk.open(data_dir)
    try:
        for i in range(300):
            desk.save_draft(sample_declaration(seed=900 + i))
    finally:
        desk.close()
    env = dict(os.environ, CIQDESK_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT))
    p = subprocess.run(f"'{sys.executable}' -m client list | head -n 1", shell=True,
                       capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert len(p.stdout.splitlines()) == 1
    assert p.stderr == ""  # no "系统错误：[Errno 32] Broken pipe", no traceback
