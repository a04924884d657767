"""Small key/value settings kept in the database (sync cursor, device id, enterprise...).

Values are JSON. Keys in use: ``device_id``, ``sync.cursor``, ``sync.last_at`` (last
successful sync), ``sync.last_result`` (time, ok, error of the last sync), ``enterprise`` (the logged-in
enterprise as the platform described it), ``platform_url``, ``username``.
Nothing secret is ever stored here: tokens go to the OS keyring (``client.credentials``).
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, delete, select

from . import schema as s
from . import dialect


def get(conn: Connection, key: str, default: Any = None) -> Any:
    raw = conn.execute(select(s.kv.c.value).where(s.kv.c.key == key)).scalar()
    return default if raw is None else json.loads(raw)


def put(conn: Connection, key: str, value: Any) -> None:
    raw = json.dumps(value, ensure_ascii=False)
    stmt = dialect.insert(conn, s.kv).values(key=key, value=raw)
    conn.execute(stmt.on_conflict_do_update(index_elements=[s.kv.c.key], set_={"value": raw}))


def remove(conn: Connection, key: str) -> None:
    conn.execute(delete(s.kv).where(s.kv.c.key == key))
