"""Store figures (issue 2): import speed, list/search latency and CLI cold start.

    python benchmarks/bench_store.py [--n 100000] [--import-n 10000] [--store DIR]

``--n 1000000`` measures a store of a million (built by ``benchmarks/bigstore.py``: a
realistic seed copied inside SQLite; ``--store DIR`` keeps it for the next run).

Prints:
* import of N declarations (2 goods lines, 1 container, 1 attachment, 1 certificate each)
  from JSON into an empty store, in declarations/s, and as a ratio to a bare
  ``sqlite3.executemany`` of the same rows (every table the import writes) into the same
  schema measured in the same run (target: >= 2,000/s and <= 3x);
* on a store of N declarations: the newest 200 (target < 20 ms), a search by contract
  number (exact, indexed; target < 20 ms), search-box queries (rare, common, no match) and
  every keystroke of six typed queries (median, p90, max; target p90 < 50 ms);
* cold start of ``python -m client list`` on N declarations (target < 1 s), with
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
        for bucket, cols, part in zip(children, decl_q.CHILD_COLS, decl_q.child_rows(d)):
            bucket.extend(dict(zip(cols, row)) for row in part)
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


def timeit(fn, repeat: int = 15) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def _p90(times: list[float]) -> float:
    times = sorted(times)
    return times[int(len(times) * 0.9)] * 1000


def bench_queries(path: Path, big: int) -> None:
    desk = Desk.open(path)
    n = desk.count()
    newest = timeit(lambda: desk.list(limit=200))
    with desk.db.read() as conn:
        contract, number = conn.exec_driver_sql(
            "SELECT contract_no, inspection_no FROM declarations WHERE inspection_no IS NOT NULL "
            "ORDER BY id LIMIT 1 OFFSET ?", (n // 3,)).one()
        exact = timeit(lambda: decl_q.find_by(conn, "contract_no", contract))
    sub = timeit(lambda: desk.list(search=contract[-7:], limit=200), repeat=5)
    name = timeit(lambda: desk.list(search="上海华信", limit=200), repeat=5)
    nothing = timeit(lambda: desk.list(search="无此货物qx", limit=200), repeat=5)
    page2 = desk.list(limit=200)
    deep = timeit(lambda: desk.list(limit=200, after=page2[-1].cursor))
    print(f"on {n:,} declarations: newest 200 {newest:.1f} ms; next page {deep:.1f} ms; "
          f"contract number lookup {exact:.2f} ms (target < 20 ms each)")
    print(f"  search box: rare substring {sub:.1f} ms, common name {name:.1f} ms, "
          f"no match {nothing:.1f} ms")
    counted = timeit(lambda: desk.count(search="上海华信"), repeat=3)
    print(f"  count of a common name's matches (the list's 共 N 份, {desk.count(search='上海华信'):,}): "
          f"{counted:.0f} ms")
    # every prefix of a few queries, as typed and as the search box asks
    # (Desk.search_first_page): >= 3 characters use the trigram index; 1-2 characters,
    # or a text the index cannot answer within PROBE_DEADLINE, walk the newest
    # SHORT_BUDGET rows (the box then offers 继续搜索全部)
    from client.store.search import PROBE_DEADLINE, SHORT_BUDGET
    per_key, short, slowest, seen = [], [], ("", 0.0), None  # seen: the list keeps a floor
    for q in (number, contract, "上海华信电子", "cosu12", "无此货物", "qqxjz"):
        for i in range(1, len(q) + 1):
            text = q[:i]
            t = time.perf_counter()
            floor, _rows = desk.search_first_page(search=text, limit=200, floor_hint=seen)
            took = time.perf_counter() - t
            seen = floor or seen
            per_key.append(took)
            if floor is not None:
                short.append(took)
            if took > slowest[1]:
                slowest = (text, took)
    print(f"  search box, every keystroke of 6 queries (2 with no match): median "
          f"{statistics.median(per_key) * 1000:.1f} ms, p90 {_p90(per_key):.1f} ms, "
          f"max {max(per_key) * 1000:.1f} ms over {len(per_key)} (first page; target p90 < 50 ms)")
    if short:
        print(f"    of which bounded at the newest {SHORT_BUDGET:,} (1-2 characters, or the index "
              f"past {PROBE_DEADLINE * 1000:.0f} ms): {len(short)}, median "
              f"{statistics.median(short) * 1000:.1f} ms, max {max(short) * 1000:.1f} ms; "
              f"slowest keystroke {slowest[0]!r} {slowest[1] * 1000:.1f} ms")
    t = time.perf_counter()
    desk.list(search="qq", limit=200)
    print(f"  继续搜索 (no bound) for a 2-character query with no match: "
          f"{(time.perf_counter() - t) * 1000:.0f} ms (the walk of every row; the user asked)")
    desk.close()


def bench_cold_start(path: Path) -> None:
    # as an installed desk runs: with compiled bytecode (this machine's environment sets
    # PYTHONDONTWRITEBYTECODE, which would compile every module on every start)
    cache = Path(tempfile.mkdtemp(prefix="ciqdesk-pyc-"))
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "client", "--data-dir", str(path), "list", "--limit",
                    "1"], stdout=subprocess.DEVNULL, check=True, env=env)  # writes the .pyc
    times = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import client.cli.main, client.cli.drafts, "
                        "client.store.quick"], check=True, env=env)
        times.append(time.perf_counter() - t)
    print(f"  (python start + importing the CLI's modules for list: {min(times):.2f} s)")
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
        print(f"cold start `python -m client {label}`: {min(times):.2f} s (target < 1 s; "
              "list --limit 200 at 1,000,000: <= 0.3 s)")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    print(f"  (bare python start for reference: {time.perf_counter() - t:.2f} s)")
    shutil.rmtree(cache, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100000,
                    help="declarations in the store the list, search and CLI figures use")
    ap.add_argument("--big", type=int, help="the same as --n (older spelling)")
    ap.add_argument("--import-n", type=int, default=10000, help="declarations imported")
    ap.add_argument("--store", help="reuse (and grow) the store in this folder")
    args = ap.parse_args()
    n = args.big or args.n
    tmp = Path(tempfile.mkdtemp(prefix="ciqdesk-bench-"))
    try:
        if args.import_n:
            bench_import(args.import_n, tmp)
        big = Path(args.store) if args.store else tmp / "big"
        from bigstore import grow
        took = grow(big, n, quiet=True)
        print(f"(store of {n:,} declarations: built or grown in {took:.0f} s)")
        bench_queries(big, n)
        bench_cold_start(big)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
