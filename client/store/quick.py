"""Quick reads of the store through the ``sqlite3`` driver alone (no SQLAlchemy).

``python -m client list`` is what a broker's ERP calls in a loop. Importing SQLAlchemy and
the services costs about as much start-up time as listing 100,000 rows, so the list reads
through here: :func:`open_reader` opens the database only when it already has the current
schema (:data:`SCHEMA_HEAD`); anything else (no database yet, a migration due, a newer
schema) returns ``None`` and the caller opens the store the normal way
(``Desk.open``), which creates, backs up and migrates.

The list queries read the covering index ``ix_decl_list_cover`` newest first, keyset-paged
(a search text of three characters or more asks the trigram index first, ``search.py``),
and let SQLite write the output (``json_object`` for ``--json``, ``printf`` for people).
This module also holds what the SQLAlchemy side shares with it: :data:`SCHEMA_HEAD`,
:func:`current_revision` and :func:`like_escape`.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterator

#: the newest migration in ``migrations/versions`` (a test keeps this in step with Alembic)
SCHEMA_HEAD = "0012_draft_bin"

#: the keys of ``list --json`` objects
BRIEF_KEYS = ("id", "inspection_no", "direction", "status", "contract_no", "consignee",
              "updated_at", "clearance_doc_no")


def current_revision(path: Path) -> str | None:
    """The Alembic revision stored in a database file (``None`` for a new/empty file)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.OperationalError:
        return None
    finally:
        conn.close()


def open_reader(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to the store at ``path`` if it has the current schema, else
    ``None`` (the caller then opens it through ``Desk.open``). The connection reads one
    snapshot (a read transaction) until it is closed."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    conn = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        conn.execute("PRAGMA query_only=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("BEGIN")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        row = None
    if row is None or row[0] != SCHEMA_HEAD:
        conn.close()
        return None
    return conn


def like_escape(text: str) -> str:
    """``text`` for a ``LIKE ... ESCAPE '\\'`` pattern (``%`` and ``_`` taken literally)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def iter_brief_json(conn: sqlite3.Connection, *, status: str | None = None,
                    search: str | None = None, limit: int | None = None,
                    chunk: int = 5000) -> Iterator[list[str]]:
    """Chunks of JSON objects (text) with the :data:`BRIEF_KEYS`, newest first, written by
    SQLite's ``json_object`` (what ``list --json`` prints)."""
    obj = "json_object(" + ", ".join(f"'{k}', {k}" for k in BRIEF_KEYS) + ")"
    return _iter_cover(conn, obj, {}, status, search, limit, chunk)


def iter_brief_lines(conn: sqlite3.Connection, status_names: dict[str, str], *,
                     status: str | None = None, search: str | None = None,
                     limit: int | None = None, chunk: int = 5000) -> Iterator[list[str]]:
    """Chunks of text lines (what ``list`` prints), newest first, formatted by SQLite's
    ``printf``: id, inspection number, direction, status name (from ``status_names``),
    contract number, counterparty (consignor outbound, else consignee), last change.
    Widths count characters (``%-!15s``), as Python's format does."""
    params: dict = {}
    cases = []
    for n, (code, name) in enumerate(status_names.items()):
        params[f"sc{n}"], params[f"sn{n}"] = code, name
        cases.append(f"WHEN :sc{n} THEN :sn{n}")
    status_sql = f"CASE status {' '.join(cases)} ELSE status END" if cases else "status"

    def dash(col: str) -> str:
        return f"coalesce(nullif({col}, ''), '-')"

    party = dash("CASE WHEN direction = 'outbound' THEN consignor ELSE consignee END")
    line = (f"printf('%s  %-!15s  %-!8s  %-!8s  %-!20s  %s  %s', id, {dash('inspection_no')}, "
            f"{dash('direction')}, coalesce({status_sql}, ''), {dash('contract_no')}, "
            f"{party}, updated_at)")
    return _iter_cover(conn, line, params, status, search, limit, chunk)


def _iter_cover(conn: sqlite3.Connection, expr: str, params: dict, status, search, limit,
                chunk) -> Iterator[list[str]]:
    """Chunks of ``expr`` over the covering index, newest first, keyset-paged (a row value
    comparison, which SQLite turns into one index seek per chunk)."""
    from . import search as fts
    where = []
    params = dict(params)
    source = fts.FROM_COVER
    if status:
        where.append("status = :status")
        params["status"] = status
    if search and search.strip():
        cond, found, source = fts.plan(conn, search.strip().lower())
        if cond is None:
            return
        where.append(cond)
        params.update(found)
    after = None
    done = 0
    while limit is None or done < limit:
        size = chunk if limit is None else min(chunk, limit - done)
        conds = list(where)
        if after is not None:
            conds.append("(updated_at, id) < (:au, :ai)")
            params.update(au=after[0], ai=after[1])
        sql = (f"SELECT {expr}, updated_at, id FROM {source}"
               + (" WHERE " + " AND ".join(conds) if conds else "")
               + " ORDER BY updated_at DESC, id DESC LIMIT :limit")
        rows = conn.execute(sql, dict(params, limit=size)).fetchall()
        if not rows:
            return
        yield [r[0] for r in rows]
        done += len(rows)
        after = (rows[-1][1], rows[-1][2])
        if len(rows) < size:
            return
