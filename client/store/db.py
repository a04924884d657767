"""Opening the SQLite database: pragmas, transactions, migrations with a backup first.

* WAL journal, ``synchronous=FULL`` (a write the user was told is saved survives a power
  cut), foreign keys on, a busy timeout so the CLI and the app can share one profile.
* Transactions are explicit: :meth:`Database.read` opens a deferred one,
  :meth:`Database.write` a ``BEGIN IMMEDIATE`` one behind a process-wide lock, so there is
  one writer at a time and a writer never deadlocks upgrading a read lock.
* :func:`migrate` compares the stored Alembic revision with :data:`SCHEMA_HEAD` using
  plain sqlite3 (Alembic is only imported when a migration is really needed: it costs
  ~0.4 s of start-up) and copies the database file to ``backups/`` before migrating.
"""
from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from sqlalchemy import Connection, Engine, create_engine, event

from ..errors import DeskError
from ..timeutil import format_time
from .quick import SCHEMA_HEAD, current_revision  # noqa: F401 - both part of this API

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class StoreError(DeskError):
    """The store cannot be used (disk full, read-only, corrupt, newer schema)."""


def utcnow() -> str:
    """Now as the store writes times: ISO-8601 UTC with microseconds, sortable as text."""
    return format_time(datetime.now(timezone.utc))


def _on_connect(dbapi_conn: sqlite3.Connection, _record) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA cache_size=-16000")
    cur.close()


def create_file(path: Path) -> None:
    """Create a new, empty WAL database at ``path`` readable by its owner only (0600).

    SQLite gives its ``-wal`` and ``-shm`` files the database file's mode, so they are
    private too. The header is written at once: a 0-byte store is refused as damaged.
    """
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()


def _on_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """One SQLite database file, with the engine and the single-writer lock."""

    _write_locks: dict[Path, threading.RLock] = {}

    def __init__(self, path: Path):
        self.path = Path(path)
        if not self.path.exists():
            create_file(self.path)
        self.engine: Engine = create_engine(
            f"sqlite:///{self.path}", connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(self.engine, "connect", _on_connect)
        event.listen(self.engine, "begin", _on_begin)
        self._lock = self._write_locks.setdefault(self.path.resolve(), threading.RLock())

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (``BEGIN IMMEDIATE``); commits on success, rolls back on error.

        Disk-full and read-only failures are turned into :class:`StoreError` with a message
        a user can act on; the transaction is rolled back, so nothing half-written stays.
        """
        with self._lock:
            try:
                with self.engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn:
                    with conn.begin():
                        yield conn
            except Exception as exc:  # translate environment errors, re-raise the rest
                raise _translate(exc) from exc

    def dispose(self) -> None:
        self.engine.dispose()


def _translate(exc: Exception) -> Exception:
    text = str(exc).lower()
    if "database or disk is full" in text or "disk i/o error" in text:
        return StoreError("磁盘空间不足，未能保存。请清理磁盘后重试；已保存的数据不受影响。",
                          "The disk is full: nothing was saved. Free some space and retry.")
    if "readonly" in text or "read-only" in text:
        return StoreError("数据目录只读，无法保存。", "The data directory is read-only.")
    return exc


def backup(path: Path, backups_dir: Path, label: str) -> Path:
    """A consistent copy of the database (sqlite3's online backup, WAL included)."""
    backups_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    target = backups_dir / f"{path.stem}-{label}-{stamp}.sqlite3"
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o600))  # private, like the store
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    log.info("backed up %s to %s before migrating", path, target)
    return target


def migrate(db: Database, backups_dir: Path) -> bool:
    """Bring the schema to :data:`SCHEMA_HEAD`; returns True when a migration ran."""
    rev = current_revision(db.path)
    if rev == SCHEMA_HEAD:
        return False
    if rev is not None:
        known = {p.name.split("_", 1)[0] for p in (MIGRATIONS_DIR / "versions").glob("*.py")}
        if rev not in known:
            raise StoreError(f"数据库由更新版本的 CIQ Desk 创建（结构版本 {rev}），请升级本程序。",
                             f"The database schema {rev} is newer than this program: "
                             f"please upgrade CIQ Desk.")
        backup(db.path, backups_dir, f"rev{rev}")
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db._lock, db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
    log.info("migrated %s from %s to %s", db.path, rev, SCHEMA_HEAD)
    return True
