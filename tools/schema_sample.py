"""Write the sample store of a released schema (``tests/data/schema-<NNNN>.sqlite3``).

    .venv/bin/python tools/schema_sample.py 0011_numbers

Copies the newest sample older than the revision, upgrades it with the project's own
migrations to exactly that revision (not to the head), checks that it holds the samples'
three declarations and passes ``PRAGMA integrity_check``, and writes it with its WAL folded
in. ``tests/core/test_core_migrations.py`` opens every sample and upgrades it to the head;
make one each time a schema is released (a stop that lands a new migration).
"""
from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data"


def main() -> int:
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from client.store.db import MIGRATIONS_DIR, Database, current_revision

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("revision", help="an Alembic revision id, e.g. 0011_numbers")
    args = ap.parse_args()
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(cfg)
    order = [r.revision for r in reversed(list(script.walk_revisions()))]
    if args.revision not in order:
        print(f"unknown revision {args.revision!r}; known: {', '.join(order)}")
        return 2
    number = args.revision.split("_")[0]
    older = sorted(p for p in DATA.glob("schema-*.sqlite3") if p.stem.split("-")[1] < number)
    if not older:
        print("no older sample to start from")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "ciqdesk.sqlite3"
        shutil.copy(older[-1], db_path)
        db = Database(db_path)
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, args.revision)
            conn.commit()
        db.engine.dispose()
        conn2 = sqlite3.connect(db_path)
        try:
            count = conn2.execute("SELECT count(*) FROM declarations").fetchone()[0]
            ok = conn2.execute("PRAGMA integrity_check").fetchone()[0]
            conn2.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn2.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn2.close()
        rev = current_revision(db_path)
        if (count, ok, rev) != (3, "ok", args.revision):
            print(f"not written: {count} declarations, integrity {ok}, revision {rev}")
            return 1
        out = DATA / f"schema-{number}.sqlite3"
        shutil.copy(db_path, out)
    print(f"wrote {out.relative_to(ROOT)} (from {older[-1].name}, at {args.revision})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
