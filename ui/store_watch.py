"""Following changes other processes make to the store (the CLI, an ERP importing drafts).

:class:`StoreWatcher` polls SQLite's ``PRAGMA data_version`` on its own connection, once a
second, through the task runner (never on the GUI thread). The number changes whenever
another connection commits, so a poll that finds it unchanged costs one pragma. When it
changed, the watcher asks which declarations were touched since the newest change it has
seen (``updated_at``, microsecond precision, indexed) and announces them on
``ctx.events.declarations_changed`` — the list, the counts and any open editor then
refresh as they do for changes made in this window. Declarations removed, or more than a
page of changes, are announced as ``[]`` ("reload everything").

Changes this process made itself are announced again (by id): cheap and harmless, as the
list replaces the rows in place.

On the office store (PostgreSQL, issue 16) there is no polling: :class:`OfficeListen`
blocks on a ``LISTEN ciqdesk_changes`` connection in a thread of its own
(``client.store.office.ChangeListener``) and hands each notice (the ids the other desk's
transaction changed, ``[]`` for "reload") to the GUI thread by a queued signal; the store's
writers send them at commit (``office.notify``), so receipts another desk pulled show in
this desk's list and header at once.
"""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import threading

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

POLL_MS = 1000
#: more changed declarations than this in one poll reload the whole list
MAX_IDS = 50


class StoreProbe:
    """One read-only connection that tells what changed in the store since the last look."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None
        self._count = 0
        self._newest = ""

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=2)
        return self._conn

    def _state(self, conn: sqlite3.Connection) -> tuple[int, str]:
        count, newest = conn.execute(
            "SELECT count(*), coalesce(max(updated_at), '') FROM declarations").fetchone()
        return count, newest

    def poll(self) -> list[str] | None:
        """``None`` if nothing changed; else the changed ids (``[]``: reload everything)."""
        conn = self._connection()
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if version == self._version:
            return None
        first = self._version is None
        self._version = version
        count, newest = self._state(conn)
        if first:
            self._count, self._newest = count, newest
            return None
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM declarations WHERE updated_at >= ? ORDER BY updated_at DESC "
            "LIMIT ?", (self._newest, MAX_IDS + 1))]
        grew = count - self._count
        self._count, self._newest = count, max(newest, self._newest)
        if grew < 0 or len(ids) > MAX_IDS or (grew > 0 and len(ids) < grew):
            return []
        return ids or None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class OfficeListen(QObject):
    """A thread blocked on the office store's ``LISTEN`` connection.

    Signals:
        heard(object): the ids of a notice (``list[str]``; ``[]``: reload everything),
            delivered on the GUI thread.
    """

    heard = Signal(object)

    def __init__(self, url: str, parent: QObject | None = None):
        super().__init__(parent)
        self.url = url
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="office-listen", daemon=True)
        self._thread.start()
        self._ready.wait(10)  # LISTEN is in place before start() returns

    def _run(self) -> None:
        from client.store.office import ChangeListener
        try:
            listener = ChangeListener(self.url)
        except Exception:  # noqa: BLE001 - the desk keeps working; the log says why
            log.exception("office store: cannot LISTEN for changes")
            self._ready.set()
            return
        self._ready.set()
        try:
            while not self._stop.is_set():
                # blocks on the socket; the timeout only lets stop() end the thread
                ids = listener.wait(timeout=0.5)
                if ids is not None and not self._stop.is_set():
                    self.heard.emit(ids)
        except Exception:  # noqa: BLE001 - a lost connection: logged, the list still works
            log.exception("office store: change notices stopped")
        finally:
            listener.close()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)


class StoreWatcher(QObject):
    """Emits ``declarations_changed`` when another process or desk changed the store: polls
    SQLite every :data:`POLL_MS`; on the office store listens (:class:`OfficeListen`)."""

    def __init__(self, ctx, parent: QObject | None = None, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.ctx = ctx
        self.office: OfficeListen | None = None
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        db = ctx.desk.db
        if getattr(db, "is_postgres", False):
            self.office = OfficeListen(db.url, self)
            self.office.heard.connect(self._polled)
            self.probe = None
        else:
            self.probe = StoreProbe(db.path)

    def start(self) -> None:
        if self.office is not None:
            self.office.start()
            return
        self.poll()  # learn the current version
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.office is not None:
            self.office.stop()
        if self.probe is not None:
            self.probe.close()

    def poll(self) -> None:
        if self._busy or self.probe is None:
            return
        self._busy = True
        self.ctx.runner.run(self.probe.poll, on_done=self._polled, on_error=self._failed)

    def _polled(self, ids: list[str] | None) -> None:
        self._busy = False
        if ids is not None:
            log.info("store changed by another process: %s",
                     f"{len(ids)} declarations" if ids else "reload")
            self.ctx.events.declarations_changed.emit(ids)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        log.warning("store watch failed: %r", exc)
