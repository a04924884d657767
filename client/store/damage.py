"""Telling a damaged or unreachable store from a bug, and restoring it from ``backups/``.

SQLite reports a damaged file late (the first query that reads a bad page) and in words
(``database disk image is malformed``, ``file is not a database``). This module holds the
checks made before a store is opened (:func:`check_file`: a directory in its place, a
0-byte file, a wrong header, a file shorter than its header says) and the translation of
any SQLite failure met later into a :class:`DamagedStore` naming the file and what to do
(:func:`store_error_from`). The desktop offers :func:`newest_backup` /
:func:`restore_backup`; the CLI prints the message and exits 2.

Plain ``sqlite3`` only: the CLI imports this on its error path.
"""
from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from ..errors import DeskError

log = logging.getLogger(__name__)

HEADER = b"SQLite format 3\x00"

_ADVICE_ZH = "请从 backups/ 恢复最近的副本，或用 --data-dir 指定另一个数据目录。"
_ADVICE_EN = "restore the newest copy from backups/ or use another data folder (--data-dir)."


class DamagedStore(DeskError):
    """The store file cannot be used; ``kind`` says why, ``path`` which file.

    Kinds: ``directory``, ``empty``, ``corrupt``, ``readonly``, ``full``, ``unreachable``.
    """

    def __init__(self, kind: str, path: Path, message_zh: str, message_en: str):
        super().__init__(message_zh, message_en)
        self.kind = kind
        self.path = Path(path)


def _damaged(kind: str, path: Path, why_zh: str, why_en: str, advice: bool = True) -> DamagedStore:
    zh = f"数据库文件 {path} {why_zh}。" + (_ADVICE_ZH if advice else "")
    en = f"The database file {path} {why_en}: " + (_ADVICE_EN if advice else "")
    return DamagedStore(kind, path, zh, en.rstrip(": ") + ("" if advice else "."))


def check_file(path: Path) -> None:
    """Refuse a store file that cannot be a database, before SQLite is let near it.

    A missing file is fine (a new profile); everything else is checked by its first 100
    bytes: the header string, and a page count that the file's length can hold.
    """
    path = Path(path)
    if path.is_dir():
        raise _damaged("directory", path, "是一个文件夹，不是数据库文件", "is a folder, not a file")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _damaged("unreachable", path, f"无法访问（{exc.strerror}）",
                       f"cannot be reached ({exc.strerror})") from None
    if size == 0:
        raise _damaged("empty", path, "为空（0 字节），里面没有数据；为防止覆盖，没有重新创建",
                       "is empty (0 bytes); it was not silently re-created")
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise _damaged("unreachable", path, f"无法读取（{exc.strerror}）",
                       f"cannot be read ({exc.strerror})") from None
    if len(head) < 100 or not head.startswith(HEADER):
        raise _damaged("corrupt", path, "已损坏（文件头不是 SQLite 数据库）",
                       "is damaged (its header is not an SQLite database's)")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    valid_for = int.from_bytes(head[92:96], "big")
    changes = int.from_bytes(head[24:28], "big")
    wal = path.with_name(path.name + "-wal")
    if (pages and valid_for == changes and pages * page_size > size
            and not (wal.exists() and wal.stat().st_size)):
        raise _damaged("corrupt", path, f"不完整（应有 {pages * page_size} 字节，实有 {size} 字节）",
                       f"is truncated ({size} of {pages * page_size} bytes)")


_CORRUPT = ("malformed", "not a database", "file is encrypted", "database corrupt",
            "disk image")
_FULL = ("database or disk is full", "no space left", "disk i/o error")
_READONLY = ("readonly", "read-only", "unable to open database file", "permission denied")


def _chain(exc: BaseException):
    seen = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        orig = getattr(exc, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's
        if isinstance(orig, BaseException):
            yield orig
        nxt = exc.__cause__ or exc.__context__
        if nxt is None:
            return
        exc = nxt


def store_error_from(exc: BaseException, path: Path) -> DamagedStore | None:
    """The :class:`DamagedStore` an SQLite or file-system failure means, or None (a bug).

    The file itself is looked at first (a folder, 0 bytes, a bad header say more than
    SQLite's ``unable to open database file``).
    """
    try:
        check_file(path)
    except DamagedStore as found:
        if any(isinstance(e, (sqlite3.Error, OSError)) or
               type(e).__module__.startswith("sqlalchemy") for e in _chain(exc)):
            return found
    for e in _chain(exc):
        if isinstance(e, DamagedStore):
            return e
        is_sqlite = isinstance(e, sqlite3.Error) or type(e).__module__.startswith("sqlalchemy")
        errno_full = isinstance(e, OSError) and e.errno == 28
        text = str(e).lower()
        if errno_full or (is_sqlite and any(w in text for w in _FULL)):
            return _damaged("full", path, "所在磁盘已满（或读写出错），未能保存；已保存的数据不受影响。"
                            "请清理磁盘后重试",
                            "is on a full disk (or the disk failed): nothing was saved; free "
                            "some space and retry", advice=False)
        if not is_sqlite:
            continue
        if any(w in text for w in _CORRUPT):
            return _damaged("corrupt", path, "已损坏（SQLite：" + str(e) + "）",
                            f"is damaged (SQLite: {e})")
        if any(w in text for w in _READONLY):
            return _damaged("readonly", path,
                            "或其所在文件夹只读，无法打开或写入。请检查文件夹权限，或用 --data-dir 指定另一个数据目录",
                            "or its folder is read-only; check the folder's permissions or use "
                            "another data folder (--data-dir)", advice=False)
    return None


def quick_check(path: Path) -> list[str]:
    """``PRAGMA quick_check`` of the store: ``[]`` when sound, else SQLite's findings."""
    check_file(path)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def newest_backup(backups_dir: Path) -> Path | None:
    """The newest ``*.sqlite3`` copy in ``backups_dir`` that passes a quick check."""
    try:
        found = sorted(Path(backups_dir).glob("*.sqlite3"), key=lambda p: p.stat().st_mtime,
                       reverse=True)
    except OSError:
        return None
    for p in found:
        try:
            if not quick_check(p):
                return p
        except DamagedStore:
            continue
    return None


def restore_backup(db_path: Path, backup: Path) -> Path:
    """Put ``backup`` in place of the store at ``db_path``; returns where the old file went.

    The damaged file (and its ``-wal``/``-shm``) is moved aside as
    ``<name>.damaged-<UTC stamp>``, never deleted.
    """
    db_path = Path(db_path)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    if db_path.exists():
        os.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    tmp = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(backup, tmp)
    os.replace(tmp, db_path)
    log.warning("restored %s from %s; the damaged file is %s", db_path, backup, aside)
    return aside
