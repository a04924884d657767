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
    """One store: an SQLite database file (one desk), or an office's PostgreSQL database
    (``url``, issue 16), with the engine and the single-writer lock.

    On PostgreSQL transactions are ``READ COMMITTED``; the writers that must not race
    across desks lock the rows they change (numbers: ``SELECT … FOR UPDATE``) or hold an
    advisory lock (sync: :mod:`client.store.office`).
    """

    _write_locks: dict[str, threading.RLock] = {}

    def __init__(self, path: Path | None = None, *, url: str | None = None,
                 desk: str | None = None):
        self.url = url
        self.path: Path | None = None
        self.desk = desk
        if url is not None:
            engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
            # ``desk``: this desk's id, which scopes its own settings (``kv.PER_DESK``)
            self.engine: Engine = engine.execution_options(ciq_desk=desk) if desk else engine
            key = url
        else:
            assert path is not None
            self.path = Path(path)
            if not self.path.exists():
                create_file(self.path)
            self.engine = create_engine(
                f"sqlite:///{self.path}", connect_args={"check_same_thread": False,
                                                        "timeout": 10})
            event.listen(self.engine, "connect", _on_connect)
            event.listen(self.engine, "begin", _on_begin)
            key = str(self.path.resolve())
        self._lock = self._write_locks.setdefault(key, threading.RLock())

    @property
    def is_postgres(self) -> bool:
        return self.url is not None

    @property
    def file(self) -> Path:
        """The SQLite file (a :class:`StoreError` on the office store, which has none)."""
        if self.path is None:
            raise StoreError("办公室数据库没有本地文件。", "The office store has no local file.")
        return self.path

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
                    # (the option is read by the SQLite begin hook only)
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
    """Bring the schema to :data:`SCHEMA_HEAD`; returns True when a migration ran.

    On PostgreSQL the revision is read through SQLAlchemy and the migration runs in one
    transaction holding an advisory lock (two desks starting at once migrate once); the
    office's own backups are the database administrator's (``pg_dump``)."""
    if db.is_postgres:
        return _migrate_pg(db)
    rev = current_revision(db.file)
    if rev == SCHEMA_HEAD:
        return False
    if rev is not None:
        if rev not in _known_revisions():
            raise StoreError(f"数据库由更新版本的 CIQ Desk 创建（结构版本 {rev}），请升级本程序。",
                             f"The database schema {rev} is newer than this program: "
                             f"please upgrade CIQ Desk.")
        backup(db.file, backups_dir, f"rev{rev}")
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


#: advisory lock key of a running migration (``pg_advisory_xact_lock``)
MIGRATE_LOCK = 0xC1D0_0001


def _pg_revision(conn: Connection) -> str | None:
    from sqlalchemy import text
    if conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar() is None:
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _known_revisions() -> set[str]:
    """The revision ids of ``migrations/versions`` (read from the files' ``revision = …``)."""
    import re
    found = set()
    for p in (MIGRATIONS_DIR / "versions").glob("*.py"):
        m = re.search(r'^revision = "([^"]+)"', p.read_text(encoding="utf-8"), re.M)
        if m:
            found.add(m.group(1))
    return found


def _migrate_pg(db: Database) -> bool:
    with db.engine.connect() as conn:
        rev = _pg_revision(conn)
        conn.rollback()
    if rev == SCHEMA_HEAD:
        return False
    if rev is not None and rev not in _known_revisions():
        raise StoreError(f"办公室数据库由更新版本的 CIQ Desk 创建（结构版本 {rev}），请升级本程序。",
                         f"The office database schema {rev} is newer than this program: "
                         f"please upgrade CIQ Desk.")
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db._lock, db.engine.connect() as conn:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATE_LOCK})")
        if _pg_revision(conn) != SCHEMA_HEAD:  # another desk may have migrated meanwhile
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        conn.commit()
    log.info("migrated the office store from %s to %s", rev, SCHEMA_HEAD)
    return True
