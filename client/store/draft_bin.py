"""The bin of deleted drafts (最近删除的草稿): a deleted draft is kept :data:`KEEP_DAYS` days.

Only drafts are deleted (anything numbered must be accounted for). :func:`discard` moves a
draft's document, as the store wrote it, into ``deleted_drafts`` in the transaction that
deletes it, with the list columns the bin shows; :func:`documents` hands documents back for
the caller to save again through the store's one save path, then :func:`forget` takes
them out of the bin (``services.draft_bin.restore_drafts``). Entries older than :data:`KEEP_DAYS` are dropped
whenever a draft is deleted (:func:`purge`).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Sequence

from sqlalchemy import Connection, delete, select

from ..timeutil import format_time
from . import schema as s
from .db import utcnow
from .rows import counterparty_name

#: days a deleted draft can be restored
KEEP_DAYS = 30
#: ids per statement (and drafts per save, restoring them)
CHUNK = 500


@dataclass(frozen=True)
class Discarded:
    """A deleted draft as the bin lists it."""

    id: str
    deleted_at: str
    deleted_by: str | None
    direction: str | None
    contract_no: str | None
    party: str | None
    goods: str | None


def _chunks(ids: Sequence[str]):
    for i in range(0, len(ids), CHUNK):
        yield list(ids[i:i + CHUNK])


def discard(conn: Connection, ids: Sequence[str], *, by: str | None = None) -> list[str]:
    """Move the drafts among ``ids`` into the bin and delete them; returns the ids moved.
    A declaration that is not a draft is left as it is (callers refuse it first)."""
    d, b = s.declarations, s.deleted_drafts
    now = utcnow()
    moved: list[str] = []
    for part in _chunks(ids):
        rows = conn.execute(select(d.c.id, d.c.doc, d.c.direction, d.c.contract_no,
                                   d.c.consignee, d.c.consignor, d.c.goods_summary)
                            .where(d.c.id.in_(part), d.c.status == "draft")).all()
        if not rows:
            continue
        found = [r.id for r in rows]
        # deleted once, restored, deleted again: the newer copy is the one kept
        conn.execute(delete(b).where(b.c.id.in_(found)))
        conn.execute(b.insert(), [
            {"id": r.id, "doc": r.doc, "deleted_at": now, "deleted_by": by,
             "direction": r.direction, "contract_no": r.contract_no,
             "party": counterparty_name(r.direction, r.consignee, r.consignor),
             "goods": r.goods_summary} for r in rows])
        conn.execute(delete(d).where(d.c.id.in_(found), d.c.status == "draft"))
        moved.extend(found)
    purge(conn)
    return moved


def listing(conn: Connection, limit: int = 2000) -> list[Discarded]:
    """What the bin holds, the latest deleted first (at most ``limit``)."""
    b = s.deleted_drafts
    rows = conn.execute(select(b.c.id, b.c.deleted_at, b.c.deleted_by, b.c.direction,
                               b.c.contract_no, b.c.party, b.c.goods)
                        .order_by(b.c.deleted_at.desc(), b.c.id).limit(limit)).all()
    return [Discarded(*r) for r in rows]


def documents(conn: Connection, ids: Sequence[str]) -> list[tuple[str, str]]:
    """``(id, document)`` of each of ``ids`` in the bin, in the order given."""
    b = s.deleted_drafts
    docs: dict[str, str] = {}
    for part in _chunks(ids):
        docs.update(conn.execute(select(b.c.id, b.c.doc).where(b.c.id.in_(part))).all())
    return [(i, docs[i]) for i in dict.fromkeys(ids) if i in docs]


def forget(conn: Connection, ids: Sequence[str]) -> None:
    """Take ``ids`` out of the bin (restored)."""
    b = s.deleted_drafts
    for part in _chunks(ids):
        conn.execute(delete(b).where(b.c.id.in_(part)))


def purge(conn: Connection, now: datetime | None = None) -> int:
    """Drop what was deleted more than :data:`KEEP_DAYS` days before ``now``."""
    cutoff = format_time((now or datetime.now(timezone.utc)) - timedelta(days=KEEP_DAYS))
    b = s.deleted_drafts
    return conn.execute(delete(b).where(b.c.deleted_at < cutoff)).rowcount or 0
