"""Store figures (issue 2): import speed, list/search latency and CLI cold start.

    python benchmarks/bench_store.py [--n 10000] [--big 100000]

Prints:
* import of N declarations (2 goods lines, 1 container, 1 attachment, 1 certificate each)
  from JSON into an empty store, in declarations/s, and as a ratio to a bare
  ``sqlite3.executemany`` of the same rows (every table the import writes) into the same
  schema measured in the same run (target: >= 2,000/s and <= 3x);
* on a store of BIG declarations: the newest 200 (target < 20 ms), a search by contract
  number (exact, indexed; target < 20 ms), and a search-box query (substring);
* cold start of ``python -m client list`` on BIG declarations (target < 1 s), with
  ``--limit 200``, for the whole list (the lines people read) and for the whole list as JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from client.model import new_ulid, to_dict  # noqa: E402
from client.rules.sample import sample_declaration  # noqa: E402
from client.services import Desk  # noqa: E402
from client.store import declarations as decl_q  # noqa: E402


def make_docs(n: int) -> list[dict]:
    base = [sample_declaration("inbound" if i % 2 else "outbound", goods=2, seed=i)
            for i in range(200)]
    out = []
    for i in range(n):
        d = base[i % 200].copy()
        d.id = new_ulid()
        d.contract_no = f"HT2026-{i:07d}"
        out.append(to_dict(d))
    return out


def bare_executemany(db: Path, docs: list[dict]) -> tuple[float, float]:
    """The same rows our import writes (declarations, goods lines, containers, attachments,
    certificates, status history), inserted with plain sqlite3; rows prepared first."""
    from client.model import parse_declaration
    from client.store import schema
    rows, hist = [], []
    children: tuple[list, list, list, list] = ([], [], [], [])
    decls = [parse_declaration(d)[0] for d in docs]
    for d in decls:
        r = decl_q.header_row(d)
        r.update(id=d.id, status="draft", local_rev=1, created_at="2026", updated_at="2026")
        rows.append(r)
        for bucket, part in zip(children, decl_q.child_rows(d)):
            bucket.extend(part)
        hist.append({"declaration_id": d.id, "status": "draft", "at": "2026", "note": None,
                     "source": "local", "version": None})
    tables = [("declarations", rows), ("status_history", hist)] + [
        (t.name, part) for t, part in zip((schema.goods_lines, schema.containers,
                                           schema.attachments, schema.certificates), children)]
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    t = time.perf_counter()
    c = time.process_time()
    conn.execute("BEGIN")
    for name, part in tables:
        if part:
            cols = list(part[0])
            conn.executemany(f"INSERT INTO {name} ({','.join(cols)}) VALUES "
                             f"({','.join('?' * len(cols))})",
                             [tuple(r[c] for c in cols) for r in part])
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - t, time.process_time() - c
    conn.close()
    return elapsed


def bench_import(n: int, tmp: Path) -> None:
    docs = make_docs(n)
    src = tmp / "decls.json"
    src.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
    # baseline: an empty store with the same schema, plain executemany
    Desk.open(tmp / "base").close()
    base, base_cpu = bare_executemany(tmp / "base" / "ciqdesk.sqlite3", docs)
    desk = Desk.open(tmp / "ours")
    t = time.perf_counter()
    c = time.process_time()
    report = desk.import_json_files([src])
    ours, ours_cpu = time.perf_counter() - t, time.process_time() - c
    assert len(report.imported) == n, report.errors[:3]
    desk.close()
    print(f"import {n} declarations (2 goods lines, 1 container, 1 attachment, 1 certificate "
          f"each) from JSON: {ours:.2f} s = {n / ours:,.0f}/s "
          f"(target >= 2,000/s)")
    print(f"  bare sqlite3.executemany of the same rows: {base:.2f} s; ratio {ours / base:.2f}x "
          f"(target <= 3x)")
    print(f"  CPU time (steadier on a busy machine): ours {ours_cpu:.2f} s, bare {base_cpu:.2f} s, "
          f"ratio {ours_cpu / base_cpu:.2f}x")


def fill_big(path: Path, big: int) -> None:
    docs = make_docs(2000)
    from client.model import parse_declaration
    desk = Desk.open(path)
    decls = [parse_declaration(d)[0] for d in docs]
    done = 0
    while done < big:
        chunk = []
        for d in decls[: min(2000, big - done)]:
            c = d.copy()
            c.id = new_ulid()
            c.contract_no = f"HT2026-{done + len(chunk):07d}"
            chunk.append(c)
        with desk.db.write() as conn:
            decl_q.save_many(conn, chunk)
        done += len(chunk)
    desk.close()


def timeit(fn, repeat: int = 15) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def bench_queries(path: Path, big: int) -> None:
    desk = Desk.open(path)
    newest = timeit(lambda: desk.list(limit=200))
    with desk.db.read() as conn:
        exact = timeit(lambda: decl_q.find_by(conn, "contract_no", f"HT2026-{big // 2:07d}"))
    sub = timeit(lambda: desk.list(search=f"{big // 3:07d}", limit=200), repeat=5)
    name = timeit(lambda: desk.list(search="远航", limit=200), repeat=5)
    page2 = desk.list(limit=200)
    deep = timeit(lambda: desk.list(limit=200, after=page2[-1].cursor))
    print(f"on {big:,} declarations: newest 200 {newest:.1f} ms; next page {deep:.1f} ms; "
          f"contract number lookup {exact:.2f} ms (target < 20 ms each)")
    print(f"  search box: rare substring {sub:.1f} ms, common name {name:.1f} ms")
    desk.close()


def bench_cold_start(path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for args, label in ((["list", "--limit", "200"], "list --limit 200"),
                        (["list", "--json", "--limit", "200"], "list --json --limit 200"),
                        (["list"], "list (all, for people)"),
                        (["list", "--json"], "list --json (all)")):
        times = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "client", "--data-dir", str(path), *args],
                           stdout=subprocess.DEVNULL, check=True, env=env)
            times.append(time.perf_counter() - t)
        print(f"cold start `python -m client {label}`: {min(times):.2f} s (target < 1 s)")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    print(f"  (bare python start for reference: {time.perf_counter() - t:.2f} s)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--big", type=int, default=100000)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ciqdesk-bench-"))
    try:
        bench_import(args.n, tmp)
        big = tmp / "big"
        t = time.perf_counter()
        fill_big(big, args.big)
        print(f"(filled a store with {args.big:,} declarations in {time.perf_counter() - t:.0f} s)")
        bench_queries(big, args.big)
        bench_cold_start(big)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
