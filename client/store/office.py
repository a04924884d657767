"""The office store's PostgreSQL-only parts (issue 16): a server that cannot be reached,
the sync lock, and change notices to other desks.

* :func:`unreachable` turns a connection failure into a :class:`StoreError` in Chinese.
* :func:`sync_lock` holds a session-level advisory lock while one desk pushes and pulls;
  the server drops it when that desk's connection dies, so a killed desk never blocks.
* :func:`notify` sends ``NOTIFY ciqdesk_changes`` inside a write transaction (delivered
  to listeners when it commits); ``ui/store_watch.py`` listens on its own connection.
"""
from __future__ import annotations

import contextlib
import logging
from typing import Iterator

from sqlalchemy import Connection

from ..errors import DeskError

log = logging.getLogger(__name__)

#: the channel other desks LISTEN on
CHANNEL = "ciqdesk_changes"
#: advisory lock key: one desk at a time pushes the outbox and pulls the feed
SYNC_LOCK = 0xC1D0_0002
#: transaction advisory lock key: the outbox's next ``seq`` (``sync.push.lock_outbox``)
OUTBOX_LOCK = 0xC1D0_0003


class SyncBusy(DeskError):
    """Another desk of the office is syncing now."""

    exit_code = 2


def unreachable(exc: BaseException, url: str) -> DeskError | None:
    """A :class:`StoreError` naming the server when ``exc`` is a failed connection."""
    from .db import StoreError
    text = str(exc)
    if type(exc).__name__ == "OperationalError" and type(exc).__module__.startswith(
            ("sqlalchemy", "psycopg")):
        host = url.split("@", 1)[-1].split("?", 1)[0]
        return StoreError(f"无法连接办公室数据库 {host}：{text.strip().splitlines()[0]}。"
                          f"请检查服务器是否已启动、地址和账号是否正确。",
                          f"Cannot reach the office database {host}: "
                          f"{text.strip().splitlines()[0]}.")
    return None


@contextlib.contextmanager
def sync_lock(engine, *, wait: bool = True) -> Iterator[Connection | None]:
    """Hold the office's sync lock on a connection of its own for the ``with`` body.

    ``wait=False`` raises :class:`SyncBusy` when another desk holds it. The lock is a
    session lock: released on exit, or by the server when this desk's connection dies.
    """
    with engine.connect() as conn:
        if wait:
            conn.exec_driver_sql(f"SELECT pg_advisory_lock({SYNC_LOCK})")
        elif not conn.exec_driver_sql(f"SELECT pg_try_advisory_lock({SYNC_LOCK})").scalar():
            conn.rollback()
            raise SyncBusy("办公室的另一台电脑正在同步，请稍后再试。",
                           "Another desk of the office is syncing: try again shortly.")
        conn.commit()
        try:
            yield conn
        finally:
            try:
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({SYNC_LOCK})")
                conn.commit()
            except Exception:  # noqa: BLE001 - a dead connection has released it already
                log.warning("sync lock: connection lost before unlock", exc_info=True)


#: more ids than this in one notice are sent as "" (reload everything)
MAX_IDS = 50


def notify(conn: Connection, ids: list[str] | None = None) -> None:
    """Tell the other desks, when this transaction commits, which declarations changed
    (``ids``; none or too many: the payload ``""``, reload everything). SQLite: nothing
    (its desks watch ``PRAGMA data_version``)."""
    if conn.dialect.name == "postgresql":
        payload = ",".join(ids) if ids and len(ids) <= MAX_IDS else ""
        conn.exec_driver_sql("SELECT pg_notify(%s, %s)", (CHANNEL, payload))


class ChangeListener:
    """``LISTEN ciqdesk_changes`` on a connection of its own (autocommit): :meth:`wait`
    blocks on the socket until a notice arrives — no polling loop. Used by
    ``ui/store_watch.py`` on a thread of its own, and by tests."""

    def __init__(self, url: str):
        import psycopg
        self._conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1),
                                     autocommit=True)
        self._conn.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float | None = None) -> list[str] | None:
        """The ids of the next notice(s) (``[]``: reload everything); ``None`` on timeout.
        Notices that arrived together are merged."""
        got: list[str] | None = None
        for n in self._conn.notifies(timeout=timeout, stop_after=1):
            got = [] if not n.payload else n.payload.split(",")
        if got is None:
            return None
        for n in self._conn.notifies(timeout=0.05):  # the rest of a burst
            if not n.payload or got == []:
                got = []
            else:
                got += n.payload.split(",")
        return list(dict.fromkeys(got)) if got else got

    def close(self) -> None:
        self._conn.close()
