"""The office store (issue 16): numbers across desks, and the big list on PostgreSQL.

Prints, in one run:

1. **Finalising across desks**: ``--desks`` desk processes (default 10) on one PostgreSQL
   schema, each finalising ``--drafts`` drafts (default 1,000) at once, against one desk
   finalising ``desks × drafts`` on PostgreSQL (the baseline of this run) and on SQLite:
   total time, numbers handed out, duplicates and gaps (both must be 0).
2. **List, search and first paint at ``--n`` declarations** (default 100,000) on
   PostgreSQL beside SQLite: the SQLite store is grown with ``bigstore.grow`` and copied
   into an empty schema with ``python -m client store copy --to``; then the newest 200,
   the next page, rare/common/no-match searches, and ``main.py --startup-probe`` paint
   times, each as a ratio to SQLite's.

    python benchmarks/bench_office.py [--desks 10] [--drafts 1000] [--n 100000]
        [--pg URL] [--skip-list] [--skip-finalise] [--keep DIR]

``--pg``: the server (default ``CIQDESK_TEST_PG_URL`` or ``tools/pg_test_server.sh``'s).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

DEFAULT_PG = "postgresql+psycopg://ciqdesk@127.0.0.1:54329/ciqdesk_test"


def _dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def new_schema(server: str) -> tuple[str, str]:
    import psycopg
    schema = "bench_" + uuid.uuid4().hex[:12]
    with psycopg.connect(_dsn(server), autocommit=True) as c:
        c.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        c.execute("ALTER EXTENSION pg_trgm SET SCHEMA public")  # if made elsewhere
        c.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in server else "?"
    return f"{server}{sep}options=-csearch_path%3D{schema}%2Cpublic", schema


def drop_schema(server: str, schema: str) -> None:
    import psycopg
    with psycopg.connect(_dsn(server), autocommit=True) as c:
        c.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def add_lease(url: str | None, data_dir: Path, size: int) -> None:
    from client import numbers, paths
    from client.services import Desk
    paths.configure_store(url)
    desk = Desk.open(data_dir)
    with desk.db.write() as conn:
        numbers.store_lease(conn, {"lease_id": "BENCH", "bureau": "310000",
                                   "direction": "inbound",
                                   "year": str(numbers.current_year())[-2:], "first": 1,
                                   "last": size, "expires_at": "2999-01-01T00:00:00.000Z"})
    desk.close()
    paths.configure_store(None)


def run_desks(url: str, tmp: Path, desks: int, drafts: int) -> tuple[float, list[str]]:
    """Start ``desks`` processes, wait until all made their drafts, start them at once;
    ``(wall seconds from the start signal to the last desk done, numbers)``."""
    go = tmp / f"go-{uuid.uuid4().hex[:6]}"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, str(ROOT / "benchmarks" / "office_desk.py"),
                               "--store", url, "--data-dir", str(tmp / f"d{k}-{go.name}"),
                               "--drafts", str(drafts), "--go", str(go), "--seed", str(k + 1)],
                              stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
             for k in range(desks)]
    for p in procs:
        assert json.loads(p.stdout.readline()).get("ready")
    t0 = time.perf_counter()
    go.touch()
    numbers: list[str] = []
    for p in procs:
        out, _ = p.communicate()
        got = json.loads(out.strip().splitlines()[-1])
        numbers += got["numbers"]
    return time.perf_counter() - t0, numbers


def judge(numbers: list[str]) -> str:
    serials = sorted(int(n[-6:]) for n in numbers)
    dupes = len(serials) - len(set(serials))
    gaps = (serials[-1] - serials[0] + 1 - len(set(serials))) if serials else 0
    return f"{len(numbers):,} numbers, {dupes} duplicates, {gaps} gaps"


def bench_finalise(server: str, desks: int, drafts: int, tmp: Path) -> None:
    total = desks * drafts
    url, schema = new_schema(server)
    try:
        add_lease(url, tmp / "lease-pg-one", total)
        one_pg, nums = run_desks(url, tmp, 1, total)
        print(f"one desk finalising {total:,} on PostgreSQL: {one_pg:.2f} s — {judge(nums)} "
              f"[baseline 1.00]")
    finally:
        drop_schema(server, schema)
    url, schema = new_schema(server)
    try:
        add_lease(url, tmp / "lease-pg-many", total)
        many, nums = run_desks(url, tmp, desks, drafts)
        print(f"{desks} desks finalising {drafts:,} each at once on PostgreSQL: {many:.2f} s "
              f"({many / one_pg:.2f}× the one desk) — {judge(nums)}")
    finally:
        drop_schema(server, schema)
    sq = tmp / "sqlite-one"
    add_lease(None, sq, total)
    one_sq, nums = _sqlite_one(sq, total, tmp)
    print(f"one desk finalising {total:,} on SQLite (reference): {one_sq:.2f} s "
          f"({one_sq / one_pg:.2f}× PostgreSQL's) — {judge(nums)}")


def _sqlite_one(data_dir: Path, total: int, tmp: Path) -> tuple[float, list[str]]:
    go = tmp / "go-sqlite"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("CIQDESK_STORE_URL", None)
    p = subprocess.Popen([sys.executable, str(ROOT / "benchmarks" / "office_desk.py"),
                          "--store", "sqlite", "--data-dir", str(data_dir), "--drafts",
                          str(total), "--go", str(go)], stdout=subprocess.PIPE, text=True,
                         env=env, cwd=ROOT)
    assert json.loads(p.stdout.readline()).get("ready")
    t0 = time.perf_counter()
    go.touch()
    out, _ = p.communicate()
    return time.perf_counter() - t0, json.loads(out.strip().splitlines()[-1])["numbers"]


def _queries(data_dir: Path, url: str | None) -> dict[str, float]:
    from bench_store import timeit as _timeit   # median ms of repeated calls, one warm-up

    from client import paths
    from client.services import Desk
    paths.configure_store(url)
    desk = Desk.open(data_dir)
    try:
        page = desk.list(limit=200)
        with desk.db.read() as conn:
            contract = conn.exec_driver_sql(
                "SELECT contract_no FROM declarations ORDER BY id LIMIT 1 OFFSET 1000").scalar()
        return {"newest 200": _timeit(lambda: desk.list(limit=200), 7),
                "next page": _timeit(lambda: desk.list(limit=200, after=page[-1].cursor), 7),
                "search rare": _timeit(lambda: desk.list(search=contract[-7:], limit=200), 5),
                "search common": _timeit(lambda: desk.list(search="上海华信", limit=200), 5),
                "search none": _timeit(lambda: desk.list(search="无此货物qx", limit=200), 5),
                "count": _timeit(lambda: desk.count(), 5)}
    finally:
        desk.close()
        paths.configure_store(None)


def _paint(data_dir: Path, url: str | None, runs: int = 3) -> float:
    paints = []
    for _ in range(runs):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        env.pop("CIQDESK_STORE_URL", None)
        args = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)]
        if url:
            args += ["--store", url]
        t0 = time.time()
        out = subprocess.run(args + ["--startup-probe"], capture_output=True, text=True,
                             env=env, cwd=ROOT, timeout=300)
        marks = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
        if "rows-shown-epoch" not in marks:
            raise SystemExit(f"start-up probe failed: {out.stderr[-2000:]}")
        paints.append((float(marks["rows-shown-epoch"].split()[0]) - t0) * 1000)
    return statistics.median(paints)


def bench_list(server: str, n: int, tmp: Path, keep: Path | None) -> None:
    from bigstore import grow
    sq = keep or tmp / "big"
    took = grow(sq, n, quiet=True)
    print(f"SQLite store of {n:,} declarations ready ({took:.0f} s to grow)")
    url, schema = new_schema(server)
    try:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        env.pop("CIQDESK_STORE_URL", None)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "client", "--data-dir", str(sq), "store", "copy",
                        "--to", url], check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
        print(f"store copy --to PostgreSQL: {time.perf_counter() - t:.1f} s")
        import psycopg
        with psycopg.connect(_dsn(server), autocommit=True) as c:
            c.execute(f"SET search_path = {schema}")
            c.execute("ANALYZE")
        a, b = _queries(sq, None), _queries(tmp / "pg-desk", url)
        for k in a:
            print(f"  {k:>14}: SQLite {a[k]:8.1f} ms   PostgreSQL {b[k]:8.1f} ms   "
                  f"({b[k] / a[k]:.1f}×)")
        pa, pb = _paint(sq, None), _paint(tmp / "pg-desk", url)
        print(f"  first page of rows painted (process start →): SQLite {pa:.0f} ms, "
              f"PostgreSQL {pb:.0f} ms ({pb / pa:.2f}×)")
    finally:
        drop_schema(server, schema)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--desks", type=int, default=10)
    ap.add_argument("--drafts", type=int, default=1000)
    ap.add_argument("--n", type=int, default=100000)
    ap.add_argument("--pg", default=os.environ.get("CIQDESK_TEST_PG_URL") or DEFAULT_PG)
    ap.add_argument("--skip-list", action="store_true")
    ap.add_argument("--skip-finalise", action="store_true")
    ap.add_argument("--keep", type=Path, help="grow/keep the big SQLite store here")
    a = ap.parse_args()
    os.environ.pop("CIQDESK_STORE_URL", None)
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        if not a.skip_finalise:
            bench_finalise(a.pg, a.desks, a.drafts, tmp)
        if not a.skip_list:
            bench_list(a.pg, a.n, tmp, a.keep)


if __name__ == "__main__":
    main()
