"""The change feed and the declarations snapshot, and their cursors.

``GET /v1/changes`` (status, credit and codes changes after a cursor),
``GET /v1/declarations`` (the snapshot, paged by each declaration's last change) and
``GET /v1/declarations/{id or inspection_no}`` (one declaration with its history) —
PROTOCOL.md "Change feed" and "Declarations snapshot". :class:`Cursors` makes and reads
the opaque ``"<epoch>.<seq>"`` cursors. Every read first applies due life-cycle steps
(:mod:`sandbox.advancer`), so a feed never misses one. A part of
:class:`sandbox.platform.Platform`.
"""
from __future__ import annotations

import json

from sqlalchemy import or_, select

from . import db
from .protocol import ApiError, Principal, iso


class Cursors:
    """Opaque feed cursors ``"<epoch>.<seq>"``; the epoch identifies this database."""

    def __init__(self, epoch: str):
        self.epoch = epoch

    def make(self, seq: int) -> str:
        return f"{self.epoch}.{seq}"

    def parse(self, text: str | None) -> int:
        """The seq a cursor stands for (0 for none). 400 when malformed, 410 when foreign."""
        if text is None or text == "" or text == "0":
            return 0
        epoch, dot, seq = text.partition(".")
        if not dot or not seq.isdigit():
            raise ApiError(400, "bad_cursor", f"not a cursor of this platform: {text[:40]!r}")
        if epoch != self.epoch:
            raise ApiError(410, "cursor_expired",
                           "this cursor belongs to another platform database (the sandbox was "
                           "reset); take a full snapshot with GET /v1/declarations")
        return int(seq)


def find_declaration(conn, key: str, visible: frozenset[int] | None = None):
    """The declaration row whose id or inspection number is ``key``; 404
    ``unknown_declaration`` when there is none or (given ``visible``) when its declarant is
    not one of those enterprises."""
    d = db.declarations
    r = conn.execute(select(d).where(or_(d.c.id == key, d.c.inspection_no == key))).first()
    if r is None or (visible is not None and r.enterprise_id not in visible):
        raise ApiError(404, "unknown_declaration", f"no declaration {key!r}")
    return r


def _declaration_item(r, declarant_uscc: str | None) -> dict:
    """A declaration as the snapshot answers it, without ``payload``."""
    return {"id": r.id, "inspection_no": r.inspection_no, "declarant_uscc": declarant_uscc,
            "status": r.status, "status_at": iso(r.status_at), "note": r.note,
            "reasons": json.loads(r.reasons) if r.reasons else [], "version": r.version,
            "submitted_at": iso(r.created_at)}


class FeedsMixin:
    """The feeds (uses ``self.db``, ``self.lock``, ``self.cursors``, ``self.horizon``,
    ``self.advance()`` and ``self._max_seq()`` of the platform)."""

    def changes(self, p: Principal, since: str | None, limit: int) -> dict:
        after = self.cursors.parse(since)
        with self.lock, self.db.engine.begin() as conn:
            self.advance(conn)
            head = self._max_seq(conn)
            if after < self.horizon or after > head:
                raise ApiError(410, "cursor_expired",
                               "this cursor is too old (the change history before it was "
                               "compacted) or unknown; take a full snapshot "
                               "(GET /v1/declarations, /v1/enterprise, /v1/codes) and continue "
                               "from the snapshot's cursor",
                               details={"horizon": self.cursors.make(self.horizon)})
            c = db.changes
            vis = sorted(p.visible)
            rows = conn.execute(select(c.c.seq, c.c.body).where(
                c.c.seq > after, or_(c.c.enterprise_id.in_(vis), c.c.enterprise_id.is_(None)))
                .order_by(c.c.seq).limit(limit + 1)).all()
        has_more = len(rows) > limit
        rows = rows[:limit]
        # the cursor after the last change returned; with nothing more, the head itself
        last = rows[-1].seq if has_more else head
        return {"changes_json": [r.body for r in rows], "next_cursor": self.cursors.make(last),
                "has_more": has_more}

    def declarations(self, p: Principal, since: str | None, limit: int, with_payload: bool
                     ) -> dict:
        after = self.cursors.parse(since)
        d = db.declarations
        with self.lock, self.db.engine.begin() as conn:
            self.advance(conn)
            head = self._max_seq(conn)
            if after > head:
                raise ApiError(410, "cursor_expired", "unknown cursor; start again without since")
            cols = [d.c.id, d.c.inspection_no, d.c.enterprise_id, d.c.status, d.c.status_at,
                    d.c.note, d.c.reasons, d.c.version, d.c.updated_seq, d.c.created_at]
            if with_payload:
                cols.append(d.c.payload)
            rows = conn.execute(select(*cols).where(
                d.c.enterprise_id.in_(sorted(p.visible)), d.c.updated_seq > after)
                .order_by(d.c.updated_seq).limit(limit + 1)).all()
            usccs = dict(conn.execute(select(db.enterprises.c.id, db.enterprises.c.uscc)).all())
        has_more = len(rows) > limit
        rows = rows[:limit]
        out = []
        for r in rows:
            item = _declaration_item(r, usccs.get(r.enterprise_id))
            if with_payload:
                item["payload_json"] = r.payload
            out.append(item)
        last = rows[-1].updated_seq if has_more else head
        return {"declarations": out, "next_cursor": self.cursors.make(last),
                "has_more": has_more}

    def declaration(self, p: Principal, key: str) -> dict:
        with self.lock, self.db.engine.begin() as conn:
            self.advance(conn)
            r = find_declaration(conn, key, p.visible)
            hist = conn.execute(select(db.changes.c.body).where(
                db.changes.c.declaration_id == r.id).order_by(db.changes.c.seq)).scalars().all()
            uscc = conn.execute(select(db.enterprises.c.uscc).where(
                db.enterprises.c.id == r.enterprise_id)).scalar()
        out = _declaration_item(r, uscc)
        out.update({"payload": json.loads(r.payload), "history": [json.loads(h) for h in hist]})
        return out
