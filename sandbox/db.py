"""The sandbox's own SQLite database (SQLAlchemy 2 Core, WAL mode).

One process owns the file. Writes are serialised by :data:`Database.write_lock` (SQLite
allows one writer anyway; a Python lock avoids ``database is locked`` retries), each
request's writes are one transaction.
"""
from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import (Column, Float, ForeignKey, Index, Integer, MetaData, String, Table,
                        Text, create_engine, event, text)
from sqlalchemy.engine import Engine

metadata = MetaData()

meta = Table(
    "meta", metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

enterprises = Table(
    "enterprises", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String, nullable=False, unique=True),
    Column("password_hash", String, nullable=False),
    Column("role", String, nullable=False),           # enterprise | broker
    Column("name_cn", String, nullable=False),
    Column("name_en", String, nullable=False),
    Column("reg_no", String, nullable=False, unique=True),
    Column("uscc", String, nullable=False, unique=True),
    Column("credit_grade", String, nullable=False),
    Column("credit_grade_updated_at", Float, nullable=False),
)

# broker -> the enterprises it may file for
broker_clients = Table(
    "broker_clients", metadata,
    Column("broker_id", Integer, ForeignKey("enterprises.id"), primary_key=True),
    Column("client_id", Integer, ForeignKey("enterprises.id"), primary_key=True),
)

tokens = Table(
    "tokens", metadata,
    Column("token_hash", String, primary_key=True),
    Column("kind", String, nullable=False),           # access | refresh
    Column("enterprise_id", Integer, nullable=False),
    Column("device_id", String, nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("created_at", Float, nullable=False),
    # the login a token descends from (one refresh chain); logout and a replayed
    # refresh token revoke the whole family
    Column("family", String),
    # refresh tokens: when it was rotated (used once); presenting it again is theft
    Column("used_at", Float),
    Index("ix_tokens_family", "family"),
)

serial_counters = Table(
    "serial_counters", metadata,
    Column("bureau", String, primary_key=True),
    Column("type_digit", String, primary_key=True),
    Column("year", String, primary_key=True),
    Column("next_serial", Integer, nullable=False),
)

leases = Table(
    "leases", metadata,
    Column("id", String, primary_key=True),
    Column("enterprise_id", Integer, nullable=False),
    Column("device_id", String, nullable=False),
    Column("bureau", String, nullable=False),
    Column("direction", String, nullable=False),
    Column("type_digit", String, nullable=False),
    Column("year", String, nullable=False),
    Column("first", Integer, nullable=False),
    Column("last", Integer, nullable=False),
    Column("issued_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("closed_at", Float),
    Column("reported_used", Text),                    # JSON list of serials (close report)
    Column("request_key", String),                    # Idempotency-Key of the request
    Index("ix_leases_range", "bureau", "type_digit", "year", "first"),
    Index("ux_leases_key", "enterprise_id", "request_key", unique=True),
)

declarations = Table(
    "declarations", metadata,
    Column("id", String, primary_key=True),
    Column("inspection_no", String, nullable=False, unique=True),
    Column("enterprise_id", Integer, nullable=False),  # the declarant
    Column("filer_id", Integer, nullable=False),       # who submitted (declarant or broker)
    Column("lease_id", String),
    Column("direction", String),
    Column("status", String, nullable=False),
    Column("status_at", Float, nullable=False),
    Column("note", Text),
    Column("reasons", Text),                           # JSON list, for rejected
    Column("version", Integer, nullable=False),
    Column("payload", Text, nullable=False),           # the declaration JSON as accepted
    Column("accepted_at", Float, nullable=False),      # start of the current schedule
    Column("schedule", Text, nullable=False),          # JSON [[offset_s, status, note], ...]
    Column("step", Integer, nullable=False),           # next schedule step to apply
    Column("next_due_at", Float),                      # real time of that step, NULL = none
    Column("updated_seq", Integer, nullable=False),
    Column("created_at", Float, nullable=False),
    Index("ix_decl_due", "next_due_at"),
    Index("ix_decl_ent_seq", "enterprise_id", "updated_seq"),
)

mutations = Table(
    "mutations", metadata,
    Column("mutation_id", String, primary_key=True),   # UNIQUE forever
    Column("enterprise_id", Integer, nullable=False),
    Column("device_id", String, nullable=False),
    Column("kind", String),
    Column("declaration_id", String),
    Column("payload_hash", String, nullable=False),
    Column("outcome", String, nullable=False),
    Column("version", Integer),
    Column("reasons", Text, nullable=False),
    Column("created_at", Float, nullable=False),
)

changes = Table(
    "changes", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("enterprise_id", Integer),                  # NULL: visible to everyone (codes)
    Column("kind", String, nullable=False),
    Column("declaration_id", String),                  # status changes only
    Column("body", Text, nullable=False),              # the change object as JSON
    Index("ix_changes_ent_seq", "enterprise_id", "seq"),
    Index("ix_changes_decl", "declaration_id", "seq"),
    sqlite_autoincrement=True,
)

code_versions = Table(
    "code_versions", metadata,
    Column("id", Integer, primary_key=True),
    Column("table_name", String, nullable=False),
    Column("version", String, nullable=False),
    Column("sha256", String, nullable=False),
    Column("content", Text, nullable=False),
    Column("published_at", Float, nullable=False),
    Index("ux_code_versions", "table_name", "version", unique=True),
)


def in_chunks(values: list, size: int = 500):
    """``values`` in slices of ``size``, for ``IN (...)`` queries over long lists."""
    for i in range(0, len(values), size):
        yield values[i:i + size]


class Database:
    """The engine plus the one write lock of this process."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(
            f"sqlite:///{self.path}", connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(self.engine, "connect", _on_connect)
        self.write_lock = threading.RLock()
        with self.engine.begin() as conn:
            conn.execute(text("PRAGMA journal_mode=WAL"))
            _upgrade(conn)
        metadata.create_all(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()


def _upgrade(conn) -> None:
    """Bring a data directory made by an earlier sandbox build up to this schema."""
    cols = {r[1] for r in conn.execute(text("PRAGMA table_info(leases)"))}
    if cols and "request_key" not in cols:
        conn.execute(text("ALTER TABLE leases ADD COLUMN request_key VARCHAR"))
    cols = {r[1] for r in conn.execute(text("PRAGMA table_info(tokens)"))}
    if cols and "family" not in cols:
        conn.execute(text("ALTER TABLE tokens ADD COLUMN family VARCHAR"))
        conn.execute(text("ALTER TABLE tokens ADD COLUMN used_at FLOAT"))


def _on_connect(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()
