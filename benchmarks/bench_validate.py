"""How fast the rulebook validates: declarations/s, and the cost relative to ``json.loads``.

    .venv/bin/python benchmarks/bench_validate.py [N] [--goods 5] [--repeat 3]

Builds N valid declarations (``sample_declaration`` with different seeds, 5 goods lines
each) as JSON text, then times, in the same run and on one core:

1. ``json.loads`` of all N texts;
2. ``parse_declaration`` + ``validate`` of the decoded objects (what ``validate_raw`` does);

and, for the breakdown, ``parse_declaration`` alone and ``validate`` alone.

The target: ≥ 10,000 declarations/s for step 2, and step 2 within 8x step 1. Figures are
printed (best CPU time of ``--repeat`` runs, garbage collector paused while timing,
like ``timeit``), never asserted: timing belongs to this script, not to
the test suite.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from client.codes import default_codebook  # noqa: E402
from client.model import parse_declaration, to_json  # noqa: E402
from client.rules import RuleContext, validate  # noqa: E402
from client.rules.sample import sample_declaration  # noqa: E402


def build(n: int, goods: int) -> list[str]:
    texts = []
    for i in range(n):
        direction = "inbound" if i % 2 == 0 else "outbound"
        texts.append(to_json(sample_declaration(direction, goods, seed=i)))
    return texts


def best_of(repeat: int, fn) -> float:
    """Best CPU time (``process_time``: this process on one core, so other programs on the
    machine skew it less than wall time) of ``repeat`` runs, with the cyclic GC off while timing (as ``timeit``
    does: otherwise full collections over the N decoded objects held for the run dominate)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            t0 = time.process_time()
            fn()
            best = min(best, time.process_time() - t0)
        finally:
            gc.enable()
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=20_000)
    ap.add_argument("--goods", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    ctx = RuleContext(codes=default_codebook(), credit_grade="A")
    texts = build(args.n, args.goods)
    objs = [json.loads(t) for t in texts]

    # sanity: every generated declaration is valid (no errors)
    bad = 0
    for o in objs[:200]:
        decl, perr = parse_declaration(o)
        if perr or any(i.severity == "error" for i in validate(decl, ctx)):
            bad += 1
    # warm up lookups and caches outside the timed region
    for o in objs[:100]:
        validate(parse_declaration(o)[0], ctx)

    def run_loads():
        for t in texts:
            json.loads(t)

    def run_validate():
        for o in objs:
            decl, _ = parse_declaration(o)
            validate(decl, ctx)

    def run_parse_only():
        for o in objs:
            parse_declaration(o)

    decls = [parse_declaration(o)[0] for o in objs]

    def run_validate_only():
        for d in decls:
            validate(d, ctx)

    t_loads = best_of(args.repeat, run_loads)
    t_vonly = best_of(args.repeat, run_validate_only)
    t_parse = best_of(args.repeat, run_parse_only)
    t_val = best_of(args.repeat, run_validate)
    n = args.n
    size = sum(len(t) for t in texts) / n
    print(f"declarations: {n} × {args.goods} goods lines, {size:.0f} bytes of JSON each; "
          f"invalid among the first 200: {bad}")
    print(f"json.loads                  : {t_loads:8.3f} s  {n / t_loads:10,.0f} /s  "
          f"{t_loads / n * 1e6:7.1f} µs each")
    print(f"parse_declaration           : {t_parse:8.3f} s  {n / t_parse:10,.0f} /s  "
          f"{t_parse / n * 1e6:7.1f} µs each")
    print(f"parse_declaration + validate: {t_val:8.3f} s  {n / t_val:10,.0f} /s  "
          f"{t_val / n * 1e6:7.1f} µs each")
    print(f"validate (pre-parsed)       : {t_vonly:8.3f} s  {n / t_vonly:10,.0f} /s  "
          f"{t_vonly / n * 1e6:7.1f} µs each")
    print(f"ratio (parse + validate) / json.loads: {t_val / t_loads:.2f}x  (target ≤ 8x)")
    print(f"rate target ≥ 10,000/s — parse + validate: "
          f"{'met' if n / t_val >= 10_000 else 'NOT met'}; validate alone: "
          f"{'met' if n / t_vonly >= 10_000 else 'NOT met'}; "
          f"ratio target ≤ 8x: {'met' if t_val / t_loads <= 8 else 'NOT met'}")
    print(f"(load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs: other "
          f"programs running skew every figure)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
