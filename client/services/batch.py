"""Batches: one step (finalise, submit...) run over many declarations, resumable.

A batch is a row in ``batches`` plus one ``batch_items`` row per declaration with its
position. :class:`BatchRunner` processes the pending items in position order and marks
each ``done`` (or ``failed``, with the message) as soon as its step returns, so a batch
that was cancelled, or interrupted by a crash or a power cut, resumes exactly where it
stopped and never runs a step twice for an item marked done.

Two kinds of step:

* ``transactional=True``: ``step(conn, declaration_id)`` runs *inside* the write
  transaction that marks the item done: exactly once, even across a crash.
* otherwise ``step(desk, declaration_id)`` runs on its own (it may open its own
  transactions or talk to the network) and the item is marked right after it. A crash in
  between re-runs that one step on resume, so such steps must be idempotent — finalising
  is (a declaration already finalised is left alone), and submitting goes through the
  outbox, which the platform deduplicates by ``mutation_id``.

Batch states: ``running`` (being processed, or interrupted: resumable), ``paused``
(cancelled by the user: resumable) and ``done``.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from sqlalchemy import and_, case, func, insert, select, update

from ..errors import INTERNAL_ERROR, DeskError, InputError, NotFound, ValidationFailed
from ..interchange.progress import CancelFn, ProgressFn
from ..model import new_ulid
from ..store import declarations as decl_q
from ..store import schema as s
from ..store.db import utcnow

log = logging.getLogger(__name__)

StepFn = Callable[[Any, str], "str | None"]


@dataclass(frozen=True, slots=True)
class BatchInfo:
    """A batch and how far it got."""

    id: str
    kind: str
    state: str
    created_at: str
    finished_at: str | None
    note: str | None
    total: int
    done: int
    failed: int

    @property
    def pending(self) -> int:
        return self.total - self.done - self.failed

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "state": self.state,
                "created_at": self.created_at, "finished_at": self.finished_at,
                "note": self.note, "total": self.total, "done": self.done,
                "failed": self.failed, "pending": self.pending}


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One declaration of a batch."""

    declaration_id: str
    position: int
    state: str
    message: str | None


_running: set[str] = set()
_running_lock = threading.Lock()


class BatchRunner:
    """Runs ``step`` over the items of batches of one ``kind``, with progress and cancel."""

    def __init__(self, desk, kind: str, step_fn: StepFn, *, transactional: bool = False):
        self.desk = desk
        self.kind = kind
        self.step_fn = step_fn
        self.transactional = transactional

    # -- creating ----------------------------------------------------------------
    def create(self, ids, note: str | None = None) -> str:
        """Record a new batch of ``ids`` (in this order; repeated ids kept once), or of a
        :class:`~client.services.selection.Selection` resolved from the store."""
        from .selection import Selection, resolve
        if isinstance(ids, Selection):
            ids = resolve(self.desk, ids)
        unique = list(dict.fromkeys(ids))
        if not unique:
            raise InputError("没有要处理的报检单", "no declarations to process")
        bid = new_ulid()
        with self.desk.db.write() as conn:
            conn.execute(insert(s.batches).values(id=bid, kind=self.kind, state="running",
                                                  created_at=utcnow(), note=note))
            conn.execute(insert(s.batch_items), [
                {"batch_id": bid, "declaration_id": d, "position": i, "state": "pending",
                 "message": None} for i, d in enumerate(unique)])
        log.info("batch %s (%s) created with %d items", bid, self.kind, len(unique))
        return bid

    def start(self, ids: Sequence[str], note: str | None = None, *,
              progress: ProgressFn = None, cancel: CancelFn = None) -> BatchInfo:
        return self.run(self.create(ids, note), progress=progress, cancel=cancel)

    # -- running -----------------------------------------------------------------
    def run(self, batch_id: str, *, progress: ProgressFn = None, cancel: CancelFn = None,
            retry_failed: bool = False) -> BatchInfo:
        """Process the pending items of ``batch_id``; returns the batch afterwards.

        ``cancel()`` is checked before every item; a cancelled batch is ``paused`` and can
        be resumed with another :meth:`run`. ``retry_failed`` puts failed items back in
        the queue first.
        """
        info = batch_info(self.desk, batch_id)
        if info.kind != self.kind:
            raise InputError(f"批次 {batch_id} 是“{info.kind}”批次，不是“{self.kind}”",
                             f"batch {batch_id} is a {info.kind} batch, not {self.kind}")
        with _running_lock:
            if batch_id in _running:
                raise InputError(f"批次 {batch_id} 正在处理中", f"batch {batch_id} is already running")
            _running.add(batch_id)
        try:
            return self._run(batch_id, info, progress, cancel, retry_failed)
        finally:
            with _running_lock:
                _running.discard(batch_id)

    def _run(self, batch_id, info, progress, cancel, retry_failed) -> BatchInfo:
        t = s.batch_items
        with self.desk.db.write() as conn:
            if retry_failed:
                conn.execute(update(t).where(and_(t.c.batch_id == batch_id, t.c.state == "failed"))
                             .values(state="pending", message=None))
            conn.execute(update(s.batches).where(s.batches.c.id == batch_id)
                         .values(state="running", finished_at=None))
            todo = [r[0] for r in conn.execute(
                select(t.c.declaration_id).where(and_(t.c.batch_id == batch_id,
                                                      t.c.state == "pending"))
                .order_by(t.c.position))]
        total = info.total
        done = total - len(todo)
        label = _KIND_ZH.get(self.kind, self.kind)
        if progress is not None:
            progress(done, total, f"正在{label}")
        for decl_id in todo:
            if cancel is not None and cancel():
                self._set_state(batch_id, "paused")
                log.info("batch %s paused at %d/%d", batch_id, done, total)
                return batch_info(self.desk, batch_id)
            state, message = self._one(batch_id, decl_id)
            done += 1
            if progress is not None:
                progress(done, total, f"正在{label}：{decl_id} {'完成' if state == 'done' else '失败'}")
        self._set_state(batch_id, "done", finished=True)
        log.info("batch %s done", batch_id)
        return batch_info(self.desk, batch_id)

    def _one(self, batch_id: str, decl_id: str) -> tuple[str, str | None]:
        t = s.batch_items
        where = and_(t.c.batch_id == batch_id, t.c.declaration_id == decl_id,
                     t.c.state == "pending")
        if self.transactional:
            try:
                with self.desk.db.write() as conn:
                    message = self.step_fn(conn, decl_id)
                    conn.execute(update(t).where(where).values(state="done", message=message))
                return "done", message
            except DeskError as exc:
                return self._fail(where, exc.message_zh)
            except Exception:  # noqa: BLE001 - a bug in one step must not hide the others
                log.exception("batch %s: step failed on %s", batch_id, decl_id)
                return self._fail(where, INTERNAL_ERROR[0])
        try:
            message = self.step_fn(self.desk, decl_id)
        except DeskError as exc:
            return self._fail(where, exc.message_zh)
        except Exception:  # noqa: BLE001
            log.exception("batch %s: step failed on %s", batch_id, decl_id)
            return self._fail(where, INTERNAL_ERROR[0])
        with self.desk.db.write() as conn:
            conn.execute(update(t).where(where).values(state="done", message=message))
        return "done", message

    def _fail(self, where, message: str) -> tuple[str, str]:
        with self.desk.db.write() as conn:
            conn.execute(update(s.batch_items).where(where).values(state="failed", message=message))
        return "failed", message

    def _set_state(self, batch_id: str, state: str, finished: bool = False) -> None:
        with self.desk.db.write() as conn:
            conn.execute(update(s.batches).where(s.batches.c.id == batch_id).values(
                state=state, finished_at=utcnow() if finished else None))


_KIND_ZH = {"finalise": "定稿", "submit": "发送", "import": "导入"}


# ----------------------------------------------------------------------------- queries

def _info_query():
    b, t = s.batches, s.batch_items
    counts = (select(t.c.batch_id, func.count().label("total"),
                     func.sum(case((t.c.state == "done", 1), else_=0)).label("done"),
                     func.sum(case((t.c.state == "failed", 1), else_=0)).label("failed"))
              .group_by(t.c.batch_id).subquery())
    return (select(b.c.id, b.c.kind, b.c.state, b.c.created_at, b.c.finished_at, b.c.note,
                   func.coalesce(counts.c.total, 0), func.coalesce(counts.c.done, 0),
                   func.coalesce(counts.c.failed, 0))
            .select_from(b.outerjoin(counts, counts.c.batch_id == b.c.id)))


def batch_info(desk, batch_id: str) -> BatchInfo:
    with desk.db.read() as conn:
        row = conn.execute(_info_query().where(s.batches.c.id == batch_id)).first()
    if row is None:
        raise NotFound(f"找不到批次 {batch_id}", f"no batch {batch_id}")
    return BatchInfo(*row)


def list_batches(desk, limit: int = 50) -> list[BatchInfo]:
    """The newest batches first."""
    with desk.db.read() as conn:
        rows = conn.execute(_info_query().order_by(s.batches.c.created_at.desc(),
                                                   s.batches.c.id.desc()).limit(limit))
        return [BatchInfo(*r) for r in rows]


def batch_items(desk, batch_id: str) -> list[BatchItem]:
    t = s.batch_items
    with desk.db.read() as conn:
        rows = conn.execute(select(t.c.declaration_id, t.c.position, t.c.state, t.c.message)
                            .where(t.c.batch_id == batch_id).order_by(t.c.position))
        return [BatchItem(*r) for r in rows]


# ------------------------------------------------------------------------- selections

def select_ids(desk, ids: Sequence[str] = (), *, all_: bool = False, status: str | None = None,
               client: str | None = None) -> list[str]:
    """Declaration ids named on a command line: ids/inspection numbers, or a filter.

    ``all_``/``status``/``client`` select from the store, oldest first; explicit ids are
    kept in the order given. An id that does not exist is refused with its name.
    """
    if status and status not in decl_q.STATUSES:
        raise InputError(f"未知状态 {status}，可用：{', '.join(decl_q.STATUSES)}",
                         f"unknown status {status}; use one of {', '.join(decl_q.STATUSES)}")
    if ids:
        out, missing = [], []
        with desk.db.read() as conn:
            for key in ids:
                real = decl_q.resolve_id(conn, key)
                (out.append(real) if real else missing.append(key))
        if missing:
            raise NotFound(f"找不到报检单：{'、'.join(missing)}",
                           f"no such declarations: {', '.join(missing)}")
        return list(dict.fromkeys(out))
    if not (all_ or status or client):
        raise InputError("请给出报检单编号，或用 --all / --status / --client 选择",
                         "name the declarations, or select them with --all/--status/--client")
    t = s.declarations
    q = select(t.c.id)
    if status:
        q = q.where(t.c.status == status)
    if client:
        q = q.where(t.c.declarant_uscc == client)
    with desk.db.read() as conn:
        return [r[0] for r in conn.execute(q.order_by(t.c.created_at, t.c.id))]


# ------------------------------------------------------------------------------ steps

def finalise_step(desk, engine=None) -> StepFn:
    """The step of a ``finalise`` batch: :meth:`Filing.finalise` of one declaration.

    Idempotent: a declaration that is no longer a draft (finalised by an earlier run that
    was interrupted before its item was marked, or submitted meanwhile) is skipped with a
    note, never finalised twice. An invalid declaration, or one with no inspection number
    left offline, fails with the reason and stays a draft (``--retry-failed`` retries it).
    """
    from ..lifecycle import status_name
    from .filing import Filing
    filing = engine.filing() if engine is not None else Filing(desk)

    def step(_desk, decl_id: str) -> str | None:
        with desk.db.read() as conn:
            status = decl_q.existing_status(conn, [decl_id]).get(decl_id)
        if status is None:
            raise NotFound(f"找不到报检单 {decl_id}", f"no declaration {decl_id}")
        if status != "draft":
            return f"已是“{status_name(status)}”，跳过"
        try:
            result = filing.finalise([decl_id])
        except ValidationFailed as exc:
            details = "；".join(f"{i.field}: {i.message_zh}" for i in exc.issues[:3]
                               if getattr(i, "severity", "error") == "error")
            more = "…" if len(exc.issues) > 3 else ""
            raise ValidationFailed(f"未通过校验：{details}{more}", exc.message_en,
                                   exc.issues) from None
        if result.finalised:
            return f"报检号 {result.finalised[0][1]}"
        if result.skipped:
            return f"跳过：{next(iter(result.skipped.values()))}"
        return None
    return step
