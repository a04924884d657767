"""Applying the life cycle: due schedule steps become status changes.

:mod:`sandbox.lifecycle` plans a declaration's future at acceptance; this module applies
the steps that have come due, emitting one ``status`` change per step — lazily (whenever a
feed is served or a batch amends/withdraws, and on ``POST /admin/lifecycle:advance``) and
in a background daemon thread (:meth:`AdvancerMixin.start_advancer`). A part of
:class:`sandbox.platform.Platform`.
"""
from __future__ import annotations

import json
import logging
import threading

from sqlalchemy import select

from . import db, dockinds
from .protocol import status_change

log = logging.getLogger("sandbox")


class AdvancerMixin:
    """Due life-cycle steps (uses ``self.db``, ``self.lock``, ``self.settings``,
    ``self.now()`` and ``self._max_seq()`` of the platform)."""

    def advance(self, conn=None, only: list[str] | None = None, limit: int | None = None) -> int:
        """Apply every schedule step that is due; returns how many status changes it emitted.

        ``only`` limits it to those declaration ids (a batch brings just the declarations
        it amends or withdraws up to date; feeds bring everything). ``limit`` caps how many
        declarations one call advances (the background advancer works in small bites).
        """
        if conn is None:
            with self.lock, self.db.engine.begin() as c:
                return self.advance(c, only, limit)
        other = 0
        if only is None:  # other document kinds' due steps (sandbox.dockinds)
            for h in dockinds.all_handlers():
                if h.advance is not None:
                    other += h.advance(self, conn)
        now = self.now()
        d = db.declarations
        q = (select(d.c.id, d.c.inspection_no, d.c.enterprise_id, d.c.version,
                    d.c.accepted_at, d.c.schedule, d.c.step)
             .where(d.c.next_due_at.is_not(None), d.c.next_due_at <= now))
        if only is not None:
            if not only:
                return 0
            rows = []
            for part in db.in_chunks(only):
                rows.extend(conn.execute(q.where(d.c.id.in_(part))).all())
        elif limit is not None:
            rows = conn.execute(q.order_by(d.c.next_due_at).limit(limit)).all()
        else:
            rows = conn.execute(q).all()
        if not rows:
            return other
        scale = self.settings.time_scale
        events = []   # (at, order, step, row, step spec)
        updates: dict[str, list] = {}
        for order, r in enumerate(rows):
            steps = json.loads(r.schedule)
            step = r.step
            while step < len(steps):
                at = r.accepted_at + steps[step][0] / scale
                if at > now:
                    break
                events.append((at, order, step, r, steps[step]))
                step += 1
            nxt = (r.accepted_at + steps[step][0] / scale) if step < len(steps) else None
            # step, next_due_at, status, status_at, note, reasons, updated_seq, id
            updates[r.id] = [step, nxt, None, None, None, None, None, r.id]
        events.sort(key=lambda e: (e[0], e[1], e[2]))
        seq = self._max_seq(conn)
        change_rows = []
        dumps = json.dumps
        for at, _order, _step, r, spec in events:
            _off, status, note, reasons = spec[:4]
            seq += 1
            body = status_change(seq, r.id, r.inspection_no, status, at, note, r.version,
                                 reasons)
            if len(spec) > 4 and spec[4]:  # e.g. the clearance_doc_no of a release
                body.update(spec[4])
            change_rows.append((seq, r.enterprise_id, "status", r.id,
                                dumps(body, ensure_ascii=False)))
            u = updates[r.id]
            u[2:7] = [status, at, note, dumps(reasons, ensure_ascii=False) if reasons else None,
                      seq]
        if change_rows:
            conn.exec_driver_sql(
                "INSERT INTO changes (seq, enterprise_id, kind, declaration_id, body) "
                "VALUES (?, ?, ?, ?, ?)", change_rows)
        params = [tuple(u) for u in updates.values() if u[2] is not None]
        if params:
            conn.exec_driver_sql(
                "UPDATE declarations SET step = ?, next_due_at = ?, status = ?, status_at = ?, "
                "note = ?, reasons = ?, updated_seq = ? WHERE id = ?", params)
        # e-certificates of what just became certified (sandbox.ecert)
        self.issue_ecerts(conn, {e[3].id: e[0] for e in events if e[4][1] == "certified"})
        return len(change_rows) + other

    def has_due(self) -> bool:
        d = db.declarations
        with self.db.engine.connect() as conn:
            return conn.execute(select(d.c.id).where(
                d.c.next_due_at.is_not(None), d.c.next_due_at <= self.now()).limit(1)
            ).first() is not None

    def start_advancer(self, interval: float = 0.1, chunk: int = 1000) -> None:
        """A daemon thread applying due steps in the background, ``chunk`` at a time, so
        that the status changes are ready before the feed is read (feeds still catch up
        lazily, so the result does not depend on this thread)."""
        if getattr(self, "_advancer", None) is not None:
            return
        self._stop = threading.Event()

        def loop() -> None:
            while not self._stop.wait(interval):
                try:
                    while not self._stop.is_set() and self.has_due():
                        if self.advance(limit=chunk) == 0:
                            break
                except Exception:  # noqa: BLE001 - keep serving; the feeds catch up anyway
                    log.exception("background life-cycle advance failed")
        self._advancer = threading.Thread(target=loop, name="sandbox-advancer", daemon=True)
        self._advancer.start()

    def stop_advancer(self) -> None:
        t = getattr(self, "_advancer", None)
        if t is not None:
            self._stop.set()
            t.join(10)
            self._advancer = None
