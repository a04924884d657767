"""How fast the CIQ-code lookups are: by HS code, name search, catalogue (issue 13: < 5 ms).

    .venv/bin/python benchmarks/bench_ciq.py [--repeat 5]

Times, over the built-in 24,197 codes: ``codes_for`` (the picker's list for an HS code),
``search`` by name (substrings common and rare, Chinese) and by code prefix,
``catalogue`` (a goods line's letters), and building the lookup once. The baseline measured
in the same run is a plain dict lookup and one linear ``in`` scan over all names (what
a naive search would cost); figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from client.ciq.lookup import CiqLookup  # noqa: E402
from client.codes import default_codebook  # noqa: E402


def best(fn, n: int, repeat: int) -> float:
    """Best mean seconds per call of ``fn`` over ``repeat`` runs of ``n`` calls."""
    out = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for _ in range(n):
            fn()
        out = min(out, (time.perf_counter() - t) / n)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    cb = default_codebook()
    t = time.perf_counter()
    lk = CiqLookup(cb)
    build = time.perf_counter() - t
    names = [c.name_cn for c in lk._all]
    d = {c.code13: c for c in lk._all}
    rows = [
        ("baseline: dict lookup", lambda: d.get("0202300090102"), 20000),
        ("baseline: linear 'in' scan of 24,197 names", lambda: [x for x in names if "牛肉" in x], 50),
        ("codes_for('0202300090')", lambda: lk.codes_for("0202300090"), 20000),
        ("search('冻藏的去骨牛肉')", lambda: lk.search("冻藏的去骨牛肉"), 500),
        ("search('其他') (common, 50 hits)", lambda: lk.search("其他"), 500),
        ("search('钛白粉') (rare)", lambda: lk.search("钛白粉"), 500),
        ("search('不存在的名称') (no hit: full scan)", lambda: lk.search("不存在的名称"), 500),
        ("search('8471') (code prefix)", lambda: lk.search("8471"), 2000),
        ("catalogue('0202300090', '102')", lambda: lk.catalogue("0202300090", "102"), 20000),
    ]
    print(f"codes: {len(lk)}; building the lookup: {build * 1000:.1f} ms (once per table version)")
    base = None
    for label, fn, n in rows:
        s = best(fn, n, a.repeat)
        if base is None:
            base = s
        print(f"{label:48s}: {s * 1e6:9.1f} µs  ({s / base:8.1f}x dict lookup)"
              f"{'  target < 5 ms: met' if s < 0.005 else '  target < 5 ms: NOT met'}")


if __name__ == "__main__":
    main()
