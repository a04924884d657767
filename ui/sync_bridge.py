"""Background sync: runs the sync engine on the task runner, on a timer and on demand.

:class:`SyncBridge` never blocks the window: each run is one serial job on the
:class:`~ui.tasks.TaskRunner`. Whatever happens (offline, refused login, a bug) ends up in a
plain :class:`SyncState` the header shows; being offline is a state, never an error dialog.
After each run it looks for new platform receipts (released / rejected) in the store and
announces them, so notifications do not depend on the engine's return value.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from client.errors import AuthError, DeskError, OfflineError, describe
from client.store.db import utcnow

from .tasks import Progress

log = logging.getLogger(__name__)

SYNC_INTERVAL_MS = 60_000


@dataclass(frozen=True)
class SyncState:
    """What the sync indicator shows. Times are ISO-8601 UTC strings."""

    logged_in: bool = False
    online: bool | None = None      # None: not tried yet
    running: bool = False
    outbox: int = 0                 # changes waiting to be sent
    last_success: str | None = None
    last_attempt: str | None = None
    last_error: str | None = None   # the user-facing message of the last failure
    progress: tuple[int, int, str] | None = None


@dataclass(frozen=True)
class SyncOutcome:
    """What one background run found (plain data handed back to the GUI thread)."""

    ok: bool
    online: bool | None
    error: str | None
    error_kind: str | None          # offline | auth | platform | bug
    outbox: int
    receipts: list = field(default_factory=list)
    watermark: int = 0
    changed_ids: list = field(default_factory=list)
    at: str = ""
    reload_all: bool = False
    grade_changed: bool = False


def _error_text(exc: BaseException, lang: str) -> str:
    return describe(exc, lang)


def run_sync(desk, engine, progress, watermark: int | None, lang: str = "zh") -> SyncOutcome:
    """One sync run (on a worker thread): push/pull, then outbox size and new receipts.

    ``watermark`` is the newest status-history row already announced; ``None`` (the first
    run) means "announce only what this run brings".
    """
    from client.services import stats

    if watermark is None:
        watermark = stats.last_history_id(desk)

    ok, online, error, kind, result = True, True, None, None, None
    failure: DeskError | None = None
    if engine is not None:
        try:
            result = engine.sync(progress=progress,
                                 cancel=getattr(progress, "cancelled", None))
        except OfflineError as exc:
            ok, online, error, kind, failure = False, False, exc.message(lang), "offline", exc
        except AuthError as exc:
            ok, error, kind, failure = False, exc.message(lang), "auth", exc
        except DeskError as exc:
            ok, error, kind, failure = False, exc.message(lang), "platform", exc
        except Exception as exc:  # noqa: BLE001 - a bug: log it, show a short line
            log.exception("sync failed")
            ok, error, kind = False, _error_text(exc, lang), "bug"
    else:
        ok, online = False, None
    if failure is not None and hasattr(engine, "_remember_result"):
        engine._remember_result(failure)  # shown after a restart (sync.last_result)
    changed: list[str] = []
    reload_all = grade_changed = False
    if result is not None:  # a client.sync.summary.SyncSummary
        changed = [c.declaration_id for c in getattr(result, "status_changes", [])]
        changed += [p.declaration_id for p in getattr(result, "rejected", [])]
        changed += [p.declaration_id for p in getattr(result, "conflicts", [])]
        reload_all = bool(getattr(result, "resynced", False) or getattr(result, "imported", 0)
                          or getattr(result, "applied", 0) or getattr(result, "duplicates", 0))
        grade_changed = bool(getattr(result, "credit_grade", None))
        changed = list(dict.fromkeys(changed))
    receipts = stats.receipts_since(desk, watermark)
    new_mark = max([watermark] + [r.history_id for r in receipts])
    return SyncOutcome(ok=ok, online=online, error=error, error_kind=kind,
                       outbox=stats.outbox_pending(desk), receipts=receipts,
                       watermark=new_mark, changed_ids=changed, at=utcnow(),
                       reload_all=reload_all, grade_changed=grade_changed)



#: more releases than this in one sync become one notice (rejections are always told one
#: by one: each has its own reasons)
GROUP_RELEASES = 3

class SyncBridge(QObject):
    """Runs ``engine.sync(progress=)`` serially in the background and reports.

    Signals:
        state_changed(object): a new :class:`SyncState` (also forwarded to
            ``ctx.events.sync_state_changed``).
        released(object): a :class:`client.services.stats.Receipt` of a release.
        released_many(object): the list of release receipts of one run, instead of
            ``released`` each, when there are more than :data:`GROUP_RELEASES` (e.g. a
            first sync bringing declarations filed from another device).
        rejected(object): a :class:`client.services.stats.Receipt` of a rejection.
        finished(object): the :class:`SyncOutcome` of a run.
    """

    state_changed = Signal(object)
    released = Signal(object)
    released_many = Signal(object)
    rejected = Signal(object)
    finished = Signal(object)

    def __init__(self, ctx, parent: QObject | None = None, interval_ms: int = SYNC_INTERVAL_MS):
        super().__init__(parent)
        self.ctx = ctx
        self.state = SyncState(logged_in=ctx.sync is not None)
        self._watermark: int | None = None
        self._running = False
        self._again = False
        self._synced_once = False
        self._progress: Progress | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.sync_now)

    @property
    def engine(self) -> Any:
        return self.ctx.sync

    def set_engine(self, engine: Any) -> None:
        """Use ``engine`` from now on (after a login; ``None`` after logging out)."""
        self.ctx.sync = engine
        self._set(replace(self.state, logged_in=engine is not None,
                          online=None if engine is None else self.state.online,
                          last_error=None))
        if engine is not None:
            self.sync_now()

    def start(self) -> None:
        """Learn the current watermark and outbox, sync once, then every interval."""
        self.ctx.runner.run(self._prime, self.ctx.desk, on_done=self._primed,
                            on_error=lambda exc: log.error("sync bridge start: %r", exc))
        self.timer.start()

    @staticmethod
    def _prime(desk) -> tuple[int, int, dict]:
        from client.services import stats
        from client.store import kv
        with desk.db.read() as conn:  # the last sync as the store remembers it (a restart)
            last = dict(kv.get(conn, "sync.last_result") or {})
            last.setdefault("last_at", kv.get(conn, "sync.last_at"))
        return stats.last_history_id(desk), stats.outbox_pending(desk), last

    def _primed(self, result: tuple[int, int, dict]) -> None:
        mark, outbox, last = result
        if self._watermark is None:
            self._watermark = mark
        state = replace(self.state, outbox=outbox,
                        last_success=self.state.last_success or last.get("last_at"))
        if state.last_attempt is None:  # nothing ran yet in this session: show the stored run
            error = last.get("error_en" if self.ctx.lang == "en" else "error_zh")
            state = replace(state, last_attempt=last.get("at"),
                            online=False if last.get("kind") == "OfflineError" else state.online,
                            last_error=None if last.get("ok", True)
                            or last.get("kind") == "OfflineError" else error)
        self._set(state)
        if self.engine is not None:
            self.sync_now()

    def refresh_outbox(self) -> None:
        """Re-count the outbox (after a finalise) without syncing."""
        from client.services import stats
        self.ctx.runner.run(stats.outbox_pending, self.ctx.desk,
                            on_done=lambda n: self._set(replace(self.state, outbox=n)))

    def sync_now(self) -> None:
        """Start a run now (F5); if one is running, run once more after it."""
        if self._running:
            self._again = True
            return
        if self.engine is None:
            self._set(replace(self.state, logged_in=False, running=False))
            self.refresh_outbox()
            return
        self._running = True
        progress = self._progress = Progress(self)  # one per run, deleted when it ends
        progress.changed.connect(
            lambda d, t, m: self._set(replace(self.state, progress=(d, t, m))))
        self._set(replace(self.state, running=True, last_attempt=utcnow(), progress=None))
        self.ctx.runner.run_serial(run_sync, self.ctx.desk, self.engine, progress,
                                   self._watermark, self.ctx.lang,
                                   on_done=self._done, on_error=self._failed)

    def _release_progress(self) -> None:
        if self._progress is not None:
            self._progress.deleteLater()
            self._progress = None

    def _done(self, out: SyncOutcome) -> None:
        self._running = False
        self._release_progress()
        self._watermark = out.watermark
        self._set(replace(self.state, running=False, online=out.online, outbox=out.outbox,
                          last_success=out.at if out.ok else self.state.last_success,
                          last_error=None if out.ok or out.error_kind == "offline" else out.error,
                          logged_in=self.engine is not None, progress=None))
        releases = [r for r in out.receipts if r.status == "released"]
        if len(releases) > GROUP_RELEASES:
            self.released_many.emit(releases)
        else:
            for r in releases:
                self.released.emit(r)
        for r in out.receipts:
            if r.status != "released":
                self.rejected.emit(r)
        ids = list(dict.fromkeys(list(out.changed_ids)
                                 + [r.declaration_id for r in out.receipts]))
        if out.reload_all:
            self.ctx.events.declarations_changed.emit([])
        elif ids:
            self.ctx.events.declarations_changed.emit(ids)
        if out.ok and (out.grade_changed or not self._synced_once):
            self._synced_once = True
            self.ctx.events.enterprise_changed.emit()
        self.finished.emit(out)
        if self._again:
            self._again = False
            self.sync_now()

    def _failed(self, exc: BaseException) -> None:  # only if run_sync itself broke
        self._running = False
        self._release_progress()
        self._set(replace(self.state, running=False, last_error=_error_text(exc, self.ctx.lang)))

    def _set(self, state: SyncState) -> None:
        self.state = state
        self.state_changed.emit(state)
        self.ctx.events.sync_state_changed.emit(state)

    def stop(self) -> None:
        """Stop the timer and ask a running sync to stop between requests."""
        self.timer.stop()
        if self._progress is not None:
            self._progress.cancel()
