"""Small key/value settings kept in the database (sync cursor, device id, enterprise...).

Values are JSON. Keys in use: ``device_id``, ``sync.cursor``, ``sync.last_at`` (last
successful sync), ``sync.last_result`` (time, ok, error of the last sync), ``enterprise`` (the logged-in
enterprise as the platform described it), ``platform_url``, ``username``.
On the office store (PostgreSQL, issue 16) the keys of :data:`PER_DESK` belong to one
desk (its device id, its login): they are kept as ``desk:<desk id>:<key>``, the desk id
being the engine's ``ciq_desk`` execution option (``Database``); the rest (the sync
cursor, the last sync) is the office's.
Nothing secret is ever stored here: tokens go to the OS keyring (``client.credentials``).
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, delete, select

from . import schema as s
from . import dialect


#: the keys one desk of an office keeps for itself
PER_DESK = frozenset({"device_id", "platform_url", "username", "enterprise", "platform_trust"})


def scoped(conn: Connection, key: str) -> str:
    """``key`` as stored: prefixed with the desk's id for :data:`PER_DESK` on the office store."""
    desk = conn.get_execution_options().get("ciq_desk")
    if desk and key in PER_DESK:
        return f"desk:{desk}:{key}"
    return key


def get(conn: Connection, key: str, default: Any = None) -> Any:
    key = scoped(conn, key)
    raw = conn.execute(select(s.kv.c.value).where(s.kv.c.key == key)).scalar()
    return default if raw is None else json.loads(raw)


def put(conn: Connection, key: str, value: Any) -> None:
    key = scoped(conn, key)
    raw = json.dumps(value, ensure_ascii=False)
    stmt = dialect.insert(conn, s.kv).values(key=key, value=raw)
    conn.execute(stmt.on_conflict_do_update(index_elements=[s.kv.c.key], set_={"value": raw}))


def remove(conn: Connection, key: str) -> None:
    conn.execute(delete(s.kv).where(s.kv.c.key == scoped(conn, key)))
