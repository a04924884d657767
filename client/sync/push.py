"""Pushing the outbox: batches of ≤ 500 mutations, each result applied in one transaction.

An outbox row is written together with the change it carries (finalise, amend, withdraw;
see :mod:`client.sync.engine`) and sent here exactly as written: the same
``mutation_id`` and the same payload text on every attempt, so the platform's
idempotency (``UNIQUE(mutation_id)``) turns a resend into ``duplicate``, never a second
declaration. Results:

* ``applied`` / ``duplicate`` → the row is done; a submitted declaration becomes ``sent``
  with the platform's version (receipts from the feed then move it on), an applied
  amendment replaces the local document;
* ``rejected`` → the row is closed for good with its reasons (never resent under a new
  key); a rejected submission sets the declaration to ``rejected`` with the reasons;
* ``conflict`` → the row is closed and reported; nothing local is overwritten;
* a *retryable* refusal (an attachment not uploaded yet) keeps the row pending.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from ..ciq.switch import CODE_LISTS, code_lists_of, switched_after
from ..model import loads_stored
from ..store import blobs as blob_q
from ..store import declarations as decl_q
from ..store import schema as s
from ..store import status as status_q
from ..store.status import Move
from ..store.db import Database, utcnow
from ..timeutil import format_time
from . import kinds
from .http import Cancelled, PlatformClient, encode_body
from .shapes import check_batch
from .summary import ItemProblem, Progress, SyncSummary

log = logging.getLogger(__name__)

BATCH_SIZE = 500


@dataclass(frozen=True, slots=True)
class OutboxItem:
    mutation_id: str
    seq: int
    declaration_id: str
    kind: str
    inspection_no: str | None
    base_version: int | None
    payload: str | None
    #: the document kind (:mod:`client.sync.kinds`); ``declaration_id`` holds its id
    doc_kind: str = kinds.DECLARATION


def lock_outbox(conn: Connection) -> None:
    """On the office store, hold the outbox's send order until this transaction ends (the
    next ``seq`` is read as max + 1: two desks must not both take it). SQLite: its one
    writer already does."""
    from ..store.office import OUTBOX_LOCK
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({OUTBOX_LOCK})")


def enqueue(conn: Connection, *, mutation_id: str, declaration_id: str, kind: str,
            inspection_no: str | None, base_version: int | None, payload: str | None,
            doc_kind: str = kinds.DECLARATION) -> None:
    """Add one outbox row in the caller's transaction (after every earlier row).

    ``declaration_id`` is the document's id, whatever its ``doc_kind``."""
    lock_outbox(conn)
    seq = (conn.execute(select(func.max(s.outbox.c.seq))).scalar() or 0) + 1
    conn.execute(insert(s.outbox).values(
        mutation_id=mutation_id, seq=seq, declaration_id=declaration_id, kind=kind,
        inspection_no=inspection_no, base_version=base_version, payload=payload,
        state="pending", attempts=0, created_at=utcnow(), doc_kind=doc_kind))


def enqueue_many(conn: Connection, rows: list[dict]) -> None:
    """Several outbox rows (dicts of :func:`enqueue`'s arguments), in order."""
    if not rows:
        return
    lock_outbox(conn)
    seq = conn.execute(select(func.max(s.outbox.c.seq))).scalar() or 0
    now = utcnow()
    full = []
    for r in rows:
        seq += 1
        full.append({"doc_kind": kinds.DECLARATION, **r, "seq": seq, "state": "pending",
                     "attempts": 0, "created_at": now})
    conn.execute(insert(s.outbox), full)


def pending_count(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(s.outbox)
                        .where(s.outbox.c.state == "pending")).scalar_one()


#: how long rows the platform took (``applied``/``duplicate``) stay in the outbox before
#: :func:`prune_done` deletes them (their payload is a whole declaration: a broker filing
#: thousands a month would otherwise grow the database without end)
KEEP_DONE_DAYS = 30


def prune_done(conn: Connection, *, now: datetime | None = None,
               keep_days: int = KEEP_DONE_DAYS) -> int:
    """Delete outbox rows the platform took more than ``keep_days`` ago; returns how many.

    Pending rows are never touched; ``rejected`` and ``conflict`` rows are kept with their
    reasons (the declarer may still need them). The declaration itself and its history
    keep everything the rows told.
    """
    cutoff = format_time((now or datetime.now(timezone.utc)) - timedelta(days=keep_days))
    o = s.outbox
    res = conn.execute(delete(o).where(o.c.state.in_(("applied", "duplicate")),
                                       o.c.sent_at.is_not(None), o.c.sent_at < cutoff))
    return res.rowcount or 0


def pending(conn: Connection, after_seq: int, limit: int) -> list[OutboxItem]:
    o = s.outbox
    rows = conn.execute(select(o.c.mutation_id, o.c.seq, o.c.declaration_id, o.c.kind,
                               o.c.inspection_no, o.c.base_version, o.c.payload,
                               o.c.doc_kind)
                        .where(o.c.state == "pending", o.c.seq > after_seq)
                        .order_by(o.c.seq).limit(limit))
    return [OutboxItem(*r) for r in rows]


def batch_body(device_id: str, items: list[OutboxItem],
               switched_after: int | None = None) -> bytes:
    """The request body, with each stored payload inserted verbatim (no re-encoding).

    Each declaration mutation says which transport/trade lists its payload is written in
    (``code_lists``: rows queued after the desk took the eCIQ lists, ``switched_after``,
    are ``eciq``; see :mod:`client.ciq.switch`)."""
    parts = []
    for it in items:
        if it.doc_kind == kinds.DECLARATION:
            fields = {"mutation_id": it.mutation_id, "kind": it.kind,
                      "declaration_id": it.declaration_id,
                      "inspection_no": it.inspection_no, "base_version": it.base_version,
                      CODE_LISTS: code_lists_of(it.seq, switched_after)}
        else:  # another document kind: named by doc_kind + doc_id (PROTOCOL.md "Document kinds")
            fields = {"mutation_id": it.mutation_id, "kind": it.kind,
                      "doc_kind": it.doc_kind, "doc_id": it.declaration_id,
                      "base_version": it.base_version}
        head = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
        parts.append(head[:-1] + ',"payload":' + (it.payload or "null") + "}")
    text = ('{"device_id":' + json.dumps(device_id) + ',"mutations":[' + ",".join(parts) + "]}")
    return text.encode("utf-8")


class Pusher:
    """Sends the pending outbox of one desk through one :class:`PlatformClient`."""

    def __init__(self, db: Database, client: PlatformClient, device_id: str,
                 attachments_root, *, batch_size: int = BATCH_SIZE,
                 progress: Progress | None = None, cancel: Callable[[], bool] | None = None):
        self.db = db
        self.client = client
        self.device_id = device_id
        self.root = attachments_root
        self.batch_size = max(1, min(BATCH_SIZE, batch_size))
        self.progress = progress or (lambda done, total, msg: None)
        self.cancel = cancel or (lambda: False)
        self.switched_after: int | None = None

    def run(self, summary: SyncSummary) -> SyncSummary:
        """Send every pending row, in order, batch by batch.

        Pipelined: one worker thread does all the network work (attachment uploads, the
        batch request, checking the answer) for batch *k+1* while this thread applies the
        results of batch *k* to the store, in order; this thread makes the body of batch
        *k+1* (JSON, gzip) while batch *k* is on its way, so the worker sends it at once. Only one request is ever in flight
        and results are applied strictly in outbox order; if a request fails, the batch
        already sent after it is simply resent next time (idempotent).
        """
        from concurrent.futures import ThreadPoolExecutor

        with self.db.read() as conn:
            total = pending_count(conn)
            self.switched_after = switched_after(conn)
        done = 0
        self.progress(0, total, "正在发送报检单…")
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push")
        try:
            items = self._next(0)
            fut = pool.submit(self._send, items, self._body(items), summary, None) \
                if items else None
            while fut is not None:
                cur_items, cur_fut = items, fut
                items, fut = [], None
                if not self.cancel():
                    items = self._next(cur_items[-1].seq)
                    if items:  # its body made here while the batch before is on its way
                        fut = pool.submit(self._send, items, self._body(items), summary,
                                          cur_fut)
                results = cur_fut.result()
                self._apply(cur_items, results, summary)
                done += len(cur_items)
                summary.pushed += len(cur_items)
                self.progress(done, total, f"已发送 {done}/{total}")
            if self.cancel() and done < total:
                raise Cancelled("同步已取消", "sync cancelled")
        finally:
            pool.shutdown(wait=True, cancel_futures=True)  # nothing keeps running after us
        with self.db.write() as conn:
            pruned = prune_done(conn)
        if pruned:
            log.info("pruned %d outbox rows the platform took over %d days ago", pruned,
                     KEEP_DONE_DAYS)
        return summary

    def _next(self, after: int) -> list[OutboxItem]:
        """The next pending rows, in order, as far as they go to the same endpoint."""
        with self.db.read() as conn:
            items = pending(conn, after, self.batch_size)
        if items:
            first = kinds.endpoint(items[0].doc_kind)
            for n, it in enumerate(items):
                if kinds.endpoint(it.doc_kind) != first:
                    return items[:n]
        return items

    def _body(self, items: list[OutboxItem]) -> tuple[bytes, dict[str, str]]:
        """The request body of a batch as sent (:func:`batch_body`, compressed) and its
        headers."""
        body, encoding = encode_body(batch_body(self.device_id, items, self.switched_after))
        return body, {"Content-Type": "application/json", **encoding}

    def _send(self, items: list[OutboxItem], body: tuple[bytes, dict[str, str]],
              summary: SyncSummary, prev) -> list[dict] | None:
        """Network part of one batch (runs on the worker thread): its attachments, then
        ``body`` (:meth:`_body`).

        ``prev`` is the previous batch's future: it has finished (one worker, in order);
        if it failed, this batch is not sent at all.
        """
        if prev is not None and prev.exception() is not None:
            return None
        self._upload_attachments(items, summary)
        answer = self.client.request("POST", kinds.endpoint(items[0].doc_kind),
                                     data=body[0], headers=body[1], compress=False)
        return check_batch(answer, [i.mutation_id for i in items])

    # -- attachments --------------------------------------------------------------------
    def _upload_attachments(self, items: list[OutboxItem], summary: SyncSummary) -> None:
        shas: set[str] = set()
        for it in items:
            if it.doc_kind == kinds.DECLARATION and it.kind in ("submit", "amend") and it.payload and '"sha256"' in it.payload:
                for a in (json.loads(it.payload).get("attachments") or []):
                    sha = a.get("sha256") if isinstance(a, dict) else None
                    if isinstance(sha, str) and len(sha) == 64:
                        shas.add(sha.lower())
        if not shas:
            return
        b = s.blobs
        with self.db.read() as conn:
            rows = conn.execute(select(b.c.sha256, b.c.uploaded_at)
                                .where(b.c.sha256.in_(sorted(shas)))).all()
        todo = [sha for sha, up in rows if up is None]
        for sha in todo:
            path = blob_q.blob_path(self.root, sha)
            if not path.is_file():
                log.warning("attachment %s is recorded but its file is missing", sha)
                continue
            self.client.request("PUT", f"/v1/attachments/{sha}", data=path.read_bytes(),
                                headers={"Content-Type": "application/octet-stream"},
                                compress=False)
            with self.db.write() as conn:
                conn.execute(update(b).where(b.c.sha256 == sha).values(uploaded_at=utcnow()))
            summary.attachments_uploaded += 1

    # -- results ------------------------------------------------------------------------
    def _apply(self, items: list[OutboxItem], results: list[dict], summary: SyncSummary) -> None:
        by_id = {r["mutation_id"]: r for r in results}
        now = utcnow()
        o = s.outbox
        d = s.declarations
        done_rows, retry_rows = [], []
        moves: list[Move] = []
        amended: list[tuple[str, str, int]] = []
        refuse_upload: set[str] = set()
        others: dict[str, list[tuple[OutboxItem, dict]]] = {}  # doc_kind -> results
        with self.db.write() as conn:
            cur = {}
            ids = sorted({i.declaration_id for i in items if i.doc_kind == kinds.DECLARATION})
            for k in range(0, len(ids), 500):
                for r in conn.execute(select(d.c.id, d.c.status, d.c.version)
                                      .where(d.c.id.in_(ids[k:k + 500]))):
                    cur[r[0]] = (r[1], r[2])
            for it in items:
                res = by_id[it.mutation_id]
                outcome = res["outcome"]
                reasons = res.get("reasons") or []
                version = res.get("version")
                status, old_version = cur.get(it.declaration_id, (None, None))
                if outcome == "rejected" and res.get("retryable"):
                    msg = _reasons_text(reasons)
                    retry_rows.append({"b_mid": it.mutation_id, "last_error": msg})
                    for x in reasons:
                        if x.get("code") == "attachment_missing":
                            refuse_upload.update(_shas(it.payload))
                    summary.retry_later += 1
                    continue
                done_rows.append({"b_mid": it.mutation_id, "state": outcome,
                                  "result": json.dumps(res, ensure_ascii=False)})
                if it.doc_kind != kinds.DECLARATION:
                    others.setdefault(it.doc_kind, []).append((it, res))
                    continue
                if outcome in ("applied", "duplicate"):
                    summary.applied += outcome == "applied"
                    summary.duplicates += outcome == "duplicate"
                    if it.kind == "submit":
                        if status == "ready":
                            moves.append(Move(it.declaration_id, "sent", "已发送，平台已接收",
                                              "local", version))
                            cur[it.declaration_id] = ("sent", version)
                    elif it.kind == "amend":
                        # the platform accepted the amendment as a new version (受理)
                        amended.append((it.declaration_id, it.payload, version))
                        moves.append(Move(it.declaration_id, "accepted",
                                          f"修改申请已受理（版本 {version}）", "platform", version))
                    else:
                        moves.append(Move(it.declaration_id, "withdrawn",
                                          f"撤销申请已受理（版本 {version}）", "platform", version))
                    continue
                problem = ItemProblem(it.declaration_id, it.inspection_no, it.kind, outcome,
                                      reasons)
                text = _reasons_text(reasons)
                if outcome == "rejected":
                    summary.rejected.append(problem)
                    if it.kind == "submit" and status in ("ready", "sent"):
                        moves.append(Move(it.declaration_id, "rejected", f"平台退回：{text}",
                                          "platform", receipt=True))
                        cur[it.declaration_id] = ("rejected", old_version)
                    else:
                        what = "修改申请" if it.kind == "amend" else "撤销申请"
                        moves.append(Move(it.declaration_id, status or "rejected",
                                          f"{what}被拒绝：{text}", "platform", version,
                                          keep_status=True))
                else:  # conflict
                    summary.conflicts.append(problem)
                    what = "修改申请" if it.kind == "amend" else "撤销申请"
                    moves.append(Move(it.declaration_id, status or "accepted",
                                      f"{what}与平台版本冲突（平台已是版本 {version}），未覆盖：{text}",
                                      "platform", version, keep_status=True))
            if done_rows:
                conn.execute(update(o).where(o.c.mutation_id == bindparam("b_mid")).values(
                    state=bindparam("state"), result=bindparam("result"), sent_at=now,
                    attempts=o.c.attempts + 1, last_error=None), done_rows)
            if retry_rows:
                conn.execute(update(o).where(o.c.mutation_id == bindparam("b_mid")).values(
                    attempts=o.c.attempts + 1, last_error=bindparam("last_error"),
                    sent_at=now), retry_rows)
            for decl_id, payload, version in amended:
                decl_q.save_many(conn, [loads_stored(payload)])
            status_q.record(conn, moves)
            for name, pairs in others.items():
                _apply_kind(conn, name, pairs, summary)
            if refuse_upload:
                conn.execute(update(s.blobs).where(s.blobs.c.sha256.in_(sorted(refuse_upload)))
                             .values(uploaded_at=None))


def _apply_kind(conn: Connection, name: str, pairs: list[tuple[OutboxItem, dict]],
                summary: SyncSummary) -> None:
    """Results for documents of another kind: counted here, applied by the kind."""
    for it, res in pairs:
        outcome = res["outcome"]
        summary.applied += outcome == "applied"
        summary.duplicates += outcome == "duplicate"
        if outcome in ("rejected", "conflict"):
            problem = ItemProblem(it.declaration_id, None, it.kind, outcome,
                                  res.get("reasons") or [])
            (summary.rejected if outcome == "rejected" else summary.conflicts).append(problem)
    kind = kinds.get(name)
    if kind is None or kind.apply_results is None:
        log.warning("results for %d outbox rows of unknown document kind %s", len(pairs), name)
        return
    kind.apply_results(conn, pairs, summary)


def _shas(payload: str | None) -> set[str]:
    if not payload:
        return set()
    try:
        atts = json.loads(payload).get("attachments") or []
    except (ValueError, AttributeError):
        return set()
    return {a["sha256"].lower() for a in atts
            if isinstance(a, dict) and isinstance(a.get("sha256"), str)}


def _reasons_text(reasons: list[dict]) -> str:
    out = []
    for r in reasons:
        msg = r.get("message_zh") or r.get("message") or r.get("code") or ""
        field = r.get("field")
        out.append(f"[{field}] {msg}" if field else msg)
    return "；".join(out) or "（平台未说明原因）"
