"""One desk of an office, as a process: make drafts, wait for the start signal, finalise.

Used by ``benchmarks/bench_office.py`` (ten desks at once) and the concurrency test
(``tests/office/test_office_concurrency.py``)::

    python benchmarks/office_desk.py --store URL --data-dir DIR --drafts N --go FILE

Prints one JSON line ``{"ready": true}`` when its drafts are saved, then, once FILE exists,
finalises them all and prints ``{"numbers": [...], "seconds": s}``.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--store", required=True)
    p.add_argument("--data-dir", required=True)
    p.add_argument("--drafts", type=int, default=1000)
    p.add_argument("--go", required=True)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--direction", default="inbound")
    p.add_argument("--one-by-one", action="store_true",
                   help="one finalise (one transaction) per draft")
    a = p.parse_args(argv)

    from client import paths
    from client.rules.sample import sample_declaration
    from client.services import Desk
    from client.services.filing import Filing
    from client.store import declarations as decl_q

    paths.configure_store(a.store if a.store != "sqlite" else None)
    desk = Desk.open(a.data_dir)
    att = Path(a.data_dir) / "contract.pdf"
    att.write_bytes(b"test")  # the sample declaration's attachment
    desk.store_attachment(att)
    decls = [sample_declaration(a.direction, 1, seed=a.seed * 1_000_000 + i)
             for i in range(a.drafts)]
    with desk.db.write() as conn:
        decl_q.save_many(conn, decls)
    print(json.dumps({"ready": True}), flush=True)
    go = Path(a.go)
    while not go.exists():
        time.sleep(0.01)
    t0 = time.perf_counter()
    ids = [d.id for d in decls if d.id]
    results = ([Filing(desk).finalise([i]) for i in ids] if a.one_by_one
               else [Filing(desk).finalise(ids)])
    took = time.perf_counter() - t0
    print(json.dumps({"numbers": [n for r in results for _, n in r.finalised],
                      "seconds": took,
                      "no_number": sum(len(r.no_number) for r in results),
                      "invalid": sum(len(r.invalid) for r in results)}), flush=True)
    desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
