"""Who else has a declaration open (issue 16): presence rows with a heartbeat.

An editor calls :func:`beat` when it opens a declaration and every
:data:`HEARTBEAT_S` while it stays open, and :func:`leave` when it closes. A row whose
heartbeat is older than :data:`PRESENCE_TIMEOUT_S` is a desk that died: it no longer
counts, and the next beat of anyone removes it. On the SQLite store the rows are this
machine's windows (the desk id is the process's); on the office store, every desk's.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import and_, delete, select, update

from ..store import schema as s
from ..store.db import utcnow
from ..timeutil import format_time

HEARTBEAT_S = 15
PRESENCE_TIMEOUT_S = 45


@dataclass(frozen=True)
class Colleague:
    """Another desk with the same declaration open."""

    user: str | None
    since: str


def desk_key(desk) -> str:
    return desk.db.desk or f"local-{os.getpid()}-{id(desk)}"


def beat(desk, decl_id: str) -> list[Colleague]:
    """Mark ``decl_id`` open at this desk now; the other desks that have it open."""
    t = s.presence
    me, now, user = desk_key(desk), utcnow(), desk.user()
    stale = format_time(datetime.now(timezone.utc) - timedelta(seconds=PRESENCE_TIMEOUT_S))
    with desk.db.write() as conn:
        conn.execute(delete(t).where(t.c.heartbeat_at < stale))
        done = conn.execute(update(t).where(and_(t.c.declaration_id == decl_id, t.c.desk == me))
                            .values(heartbeat_at=now, user_name=user)).rowcount
        if not done:
            conn.execute(t.insert().values(declaration_id=decl_id, desk=me, user_name=user,
                                           opened_at=now, heartbeat_at=now))
        rows = conn.execute(select(t.c.user_name, t.c.opened_at).where(
            and_(t.c.declaration_id == decl_id, t.c.desk != me)).order_by(t.c.opened_at)).all()
    return [Colleague(r[0], r[1]) for r in rows]


def leave(desk, decl_id: str) -> None:
    """This desk closed ``decl_id``."""
    t = s.presence
    with desk.db.write() as conn:
        conn.execute(delete(t).where(and_(t.c.declaration_id == decl_id,
                                          t.c.desk == desk_key(desk))))
