"""Build a store of up to millions of declarations fast, for the benchmarks.

``bench_ui.fill`` writes realistic declarations (every state, history, parties) through the
store's own save path: right, but about 300/s on this shared machine, an hour for a
million. :func:`grow` fills a seed of :data:`SEED` that way once, then copies the seed
inside SQLite (``INSERT … SELECT``, one transaction per copy) with a two-digit suffix on
the id, inspection number and contract number (also replaced in ``doc`` and in the search
text), until the store holds ``n``. The search index's triggers fire for every copied row,
as they would for an import.
"""
from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 20_000
_CHILD = ("goods_lines", "containers", "attachments", "certificates", "status_history")


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM declarations").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def _copy_sql(conn: sqlite3.Connection) -> list[str]:
    """One INSERT … SELECT per table, copying the seed rows with suffix ``:sfx``."""
    def cols(table):
        return [(r[1], r[2], r[5]) for r in conn.execute(f"PRAGMA table_info({table})")]
    exprs = {
        "id": "id || :sfx",
        "inspection_no": "CASE WHEN inspection_no IS NULL THEN NULL ELSE inspection_no || :sfx END",
        "contract_no": "contract_no || :sfx",
        "search_text": ("replace(replace(search_text, lower(contract_no), lower(contract_no || :sfx)),"
                        " coalesce(inspection_no, char(1)), coalesce(inspection_no, '') || :sfx)"),
        "doc": "replace(replace(doc, id, id || :sfx), contract_no, contract_no || :sfx)",
    }
    names = [c[0] for c in cols("declarations")]
    out = [f"INSERT INTO declarations ({', '.join(names)}) SELECT "
           f"{', '.join(exprs.get(c, c) for c in names)} FROM declarations WHERE length(id) = 26"]
    for t in _CHILD:
        names = [c for c, typ, pk in cols(t) if not (c == "id" and pk and "INT" in typ.upper())]
        sel = [("declaration_id || :sfx" if c == "declaration_id" else c) for c in names]
        out.append(f"INSERT INTO {t} ({', '.join(names)}) SELECT {', '.join(sel)} FROM {t} "
                   f"WHERE length(declaration_id) = 26")
    return out


def grow(data_dir: Path, n: int, *, quiet: bool = False) -> float:
    """Make the store in ``data_dir`` hold at least ``n`` declarations; returns seconds."""
    from bench_ui import fill
    data_dir = Path(data_dir)
    db = data_dir / "ciqdesk.sqlite3"
    t0 = time.perf_counter()
    have = _count(db)
    if have >= n:
        return 0.0
    if have < min(n, SEED):
        fill(data_dir, min(n, SEED) - have, quiet=quiet, chunk=5000)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    seed = conn.execute("SELECT count(*) FROM declarations WHERE length(id) = 26").fetchone()[0]
    done = {r[0] for r in conn.execute(
        "SELECT DISTINCT substr(id, 27) FROM declarations WHERE length(id) = 28")}
    sqls = _copy_sql(conn)
    k = 1
    have = _count(db)
    while have < n and k < 100:
        sfx = f"{k:02d}"
        k += 1
        if sfx in done:
            continue
        conn.execute("BEGIN")
        for sql in sqls:
            conn.execute(sql, {"sfx": sfx})
        conn.execute("COMMIT")
        have += seed
        if not quiet:
            print(f"  {have:,}/{n:,} declarations ({time.perf_counter() - t0:.0f} s)", flush=True)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - t0
