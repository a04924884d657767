"""Growing from one desk to an office: copy a desk's SQLite store into an office database.

``python -m client store copy --to URL`` (``client/cli/office_cmds.py``) calls
:func:`copy_to`: the target is migrated to the current schema, then refused unless every
table is empty, then every row of every table (declarations and their parts, history,
outbox, leases, templates, client enterprises, settings, attachments' hashes,
e-certificates) is inserted in **one** transaction; a failure leaves the target as empty
as it was. The source is read in one read transaction and never written.

The copying desk becomes a desk of the office: its own settings (``kv.PER_DESK``: device
id, login) are stored under its desk id. Attachment *files* stay in the desk's data
directory (the office store holds their hashes and sizes).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import MetaData, func, insert, select, text

from .db import Database, StoreError, migrate
from .kv import PER_DESK

log = logging.getLogger(__name__)

#: SQLite-only tables (the FTS5 index and its shadow tables, Alembic's own row)
_SKIP_PREFIXES = ("decl_search", "alembic_version", "sqlite_")
CHUNK = 2000


@dataclass
class CopyResult:
    """Rows copied per table."""

    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


class TargetNotEmpty(StoreError):
    """The office database already holds rows: a copy would mix two stores."""


def copy_to(source: Database, target_url: str, desk: str, backups_dir) -> CopyResult:
    """Copy every row of ``source`` (an SQLite store) into the office database at
    ``target_url`` in one transaction; ``desk``: the copying desk's id."""
    if source.is_postgres:
        raise StoreError("只能从本机 SQLite 数据库复制到办公室数据库。",
                         "Copy from a desk's SQLite store to an office database.")
    target = Database(url=target_url, desk=desk)
    try:
        migrate(target, backups_dir)
        return _copy(source, target, desk)
    finally:
        target.dispose()


def _tables(db: Database) -> MetaData:
    md = MetaData()
    md.reflect(db.engine)
    return md


def _copy(source: Database, target: Database, desk: str) -> CopyResult:
    src_md, dst_md = _tables(source), _tables(target)
    names = [t.name for t in dst_md.sorted_tables if not t.name.startswith(_SKIP_PREFIXES)]
    result = CopyResult()
    with source.read() as src, target.engine.connect() as dst:
        with dst.begin():
            dst.exec_driver_sql("LOCK TABLE declarations IN EXCLUSIVE MODE")
            busy = [n for n in names if dst.execute(
                select(func.count()).select_from(dst_md.tables[n])).scalar()]
            if busy:
                raise TargetNotEmpty(
                    f"办公室数据库不是空的（{', '.join(busy)} 已有数据），未复制任何内容。"
                    f"请用一个新建的空数据库（createdb）。",
                    f"The office database is not empty ({', '.join(busy)}): nothing copied. "
                    f"Use a new, empty database (createdb).")
            for name in names:
                if name not in src_md.tables:
                    continue
                src_t, dst_t = src_md.tables[name], dst_md.tables[name]
                cols = [c.name for c in dst_t.columns if c.name in src_t.columns]
                n = 0
                rows = src.execute(select(*[src_t.c[c] for c in cols]))
                while True:
                    batch = rows.fetchmany(CHUNK)
                    if not batch:
                        break
                    values = [dict(zip(cols, r)) for r in batch]
                    if name == "kv":
                        for v in values:
                            if v["key"] in PER_DESK:
                                v["key"] = f"desk:{desk}:{v['key']}"
                    dst.execute(insert(dst_t), values)
                    n += len(values)
                result.rows[name] = n
            # identity columns continue after the copied ids
            dst.execute(text("SELECT setval(pg_get_serial_sequence('status_history', 'id'), "
                             "coalesce((SELECT max(id) FROM status_history), 0) + 1, false)"))
    log.info("copied %d rows into the office store", result.total)
    return result
