"""What differs between the two store dialects, in one place (issue 16).

SQLite is the embedded store of one desk; PostgreSQL (psycopg 3) the shared store of an
office. Queries are SQLAlchemy Core and portable; the few driver-level statements (bulk
``executemany`` with ``?`` placeholders) and upserts (``INSERT … ON CONFLICT``) go through
here so they run on both.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def insert(conn: Connection, table: Table) -> Any:
    """``INSERT`` with ``on_conflict_do_update``/``on_conflict_do_nothing`` for ``conn``'s
    dialect (both dialects spell these the same way in SQLAlchemy)."""
    if is_postgres(conn):
        from sqlalchemy.dialects.postgresql import insert as pg_insert
        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert
    return sqlite_insert(table)


def driver_sql(conn: Connection, sql: str) -> str:
    """``sql`` written with ``?`` placeholders, in the paramstyle of ``conn``'s driver
    (psycopg: ``%s``). The statements passed here hold no literal ``?`` or ``%``."""
    if is_postgres(conn):
        return sql.replace("?", "%s")
    return sql
