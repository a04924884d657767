"""What keeping deleted drafts costs: deleting into the bin and restoring, against the bare
store doing the same rows, in the same run.

    .venv/bin/python benchmarks/bench_bin.py [N] [--goods 2]

Builds a store (SQLite, a temporary profile) of N drafts (default 10,000;
``sample_declaration``, ``--goods`` lines each), copies it, then times:

1. **baseline delete**: one ``DELETE … WHERE id IN`` per 500 of the N drafts in one
   transaction on the copy (what deleting cost before the bin: the rows, their child rows and
   search index entries, nothing kept);
2. **delete into the bin**: ``services.draft_bin.delete_drafts`` of the same N (their
   documents kept in ``deleted_drafts``);
3. **baseline store**: ``declarations.save_many`` of the same N declarations into the copy
   (what storing them costs, as an import does, without the rules);
4. **restore**: ``restore_drafts`` of the N (documents read back, saved, judged by the rules).

Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", nargs="?", type=int, default=10_000)
    ap.add_argument("--goods", type=int, default=2)
    args = ap.parse_args()

    from sqlalchemy import delete

    from client.model import new_ulid
    from client.rules.sample import sample_declaration
    from client.services import Desk
    from client.services.draft_bin import delete_drafts, restore_drafts
    from client.store import declarations as decl_q
    from client.store import schema as s

    tmp = Path(tempfile.mkdtemp(prefix="bench-bin-"))
    try:
        src = tmp / "src"
        desk = Desk.open(src)
        decls = []
        for i in range(args.n):
            d = sample_declaration("inbound" if i % 2 else "outbound", goods=args.goods, seed=i)
            d.id = new_ulid()
            decls.append(d)
        with desk.db.write() as conn:
            decl_q.save_many(conn, decls)
        ids = [d.id for d in decls]
        desk.close()
        copy = tmp / "copy"
        shutil.copytree(src, copy)
        print(f"store of {args.n:,} drafts ({args.goods} goods lines each)")

        base = Desk.open(copy)
        t = time.perf_counter()
        with base.db.write() as conn:
            for k in range(0, len(ids), 500):
                conn.execute(delete(s.declarations).where(s.declarations.c.id.in_(ids[k:k + 500])))
        bare_delete = time.perf_counter() - t
        t = time.perf_counter()
        with base.db.write() as conn:
            decl_q.save_many(conn, decls)
        bare_store = time.perf_counter() - t
        base.close()

        desk = Desk.open(src)
        t = time.perf_counter()
        gone = delete_drafts(desk, ids)
        binned = time.perf_counter() - t
        t = time.perf_counter()
        back = restore_drafts(desk, ids)
        restored = time.perf_counter() - t
        desk.close()
        assert len(gone) == len(back.restored) == args.n
        print(f"1. baseline delete (rows, child rows, index; nothing kept): {bare_delete:.2f} s")
        print(f"2. delete into the bin: {binned:.2f} s = {binned / bare_delete:.2f}x the baseline "
              f"({args.n / binned:,.0f}/s)")
        print(f"3. baseline store (save_many, no rules): {bare_store:.2f} s")
        print(f"4. restore (read back, store, judge): {restored:.2f} s = "
              f"{restored / bare_store:.2f}x the baseline ({args.n / restored:,.0f}/s)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
