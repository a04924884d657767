"""What the eCIQ switch costs (issue 13): converting stored drafts, and validating in eCIQ terms.

    .venv/bin/python benchmarks/bench_ciqswitch.py [N] [--goods 5] [--repeat 3]

Builds a store (SQLite, a temporary profile) of N customs-coded drafts, then times in the
same run, CPU and wall:

1. **baseline**: ``save_many`` of the same N drafts unchanged, in one transaction (the
   store's own cost of rewriting N drafts);
2. **convert**: ``client.ciq.switch.convert_stored`` of the N drafts in one transaction
   (load, map, save, one history row each), as the pull runs it when version 2027.01.0
   arrives; rolled back after each repeat so every run converts all N;

and validation of N declarations (``validate`` only) with the customs lists in force
against the same declarations in eCIQ terms with the eCIQ lists in force. Ratios are the
figures to read; nothing is asserted.
"""
from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from client.ciq import switch  # noqa: E402
from client.ciq.lists import ECIQ_VERSION, eciq_codebook  # noqa: E402
from client.ciq.upgrade import map_customs_codes  # noqa: E402
from client.codes import default_codebook  # noqa: E402
from client.rules import RuleContext, validate  # noqa: E402
from client.rules.sample import sample_declaration  # noqa: E402
from client.store import declarations as decl_q  # noqa: E402


class _Rollback(Exception):
    pass


def _timed(fn):
    gc.collect()
    gc.disable()
    try:
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        return time.process_time() - c0, time.perf_counter() - w0
    finally:
        gc.enable()


def _in_rolled_back_tx(desk, body):
    def run():
        try:
            with desk.db.write() as conn:
                body(conn)
                raise _Rollback
        except _Rollback:
            pass
    return run


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=2000)
    ap.add_argument("--goods", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    from client.services import Desk
    decls = [sample_declaration("inbound" if i % 2 else "outbound", a.goods, seed=i)
             for i in range(a.n)]
    with tempfile.TemporaryDirectory() as tmp:
        desk = Desk.open(Path(tmp) / "profile")
        try:
            with desk.db.write() as conn:
                decl_q.save_many(conn, decls)
            existing = {d.id: "draft" for d in decls}
            fields = frozenset({"transport_mode", "trade_mode"})
            codes = eciq_codebook()
            base = min(_timed(_in_rolled_back_tx(desk, lambda c: decl_q.save_many(
                c, decls, existing=existing))) for _ in range(a.repeat))
            conv = min(_timed(_in_rolled_back_tx(desk, lambda c: switch.convert_stored(
                c, codes, fields, ECIQ_VERSION))) for _ in range(a.repeat))
        finally:
            desk.close()
    print(f"{a.n} drafts, {a.goods} goods lines each (best of {a.repeat}; CPU / wall)")
    print(f"  baseline save_many (rewrite unchanged)  {base[0]:7.3f} s / {base[1]:7.3f} s")
    print(f"  convert_stored (load, map, save, history) {conv[0]:7.3f} s / {conv[1]:7.3f} s"
          f"   = {conv[0] / base[0]:.2f}x baseline CPU, {a.n / conv[1]:,.0f} drafts/s wall")
    customs_ctx = RuleContext(codes=default_codebook(), credit_grade="A")
    eciq_ctx = RuleContext(codes=codes, credit_grade="A")
    eciq_decls = [sample_declaration("inbound" if i % 2 else "outbound", a.goods, seed=i)
                  for i in range(a.n)]
    for d in eciq_decls:
        map_customs_codes(d, default_codebook())
    validate(decls[0], customs_ctx)
    validate(eciq_decls[0], eciq_ctx)
    vc = min(_timed(lambda: [validate(d, customs_ctx) for d in decls])
             for _ in range(a.repeat))
    ve = min(_timed(lambda: [validate(d, eciq_ctx) for d in eciq_decls])
             for _ in range(a.repeat))
    print(f"  validate, customs lists in force         {vc[0]:7.3f} s CPU ({a.n / vc[0]:,.0f}/s)")
    print(f"  validate, eCIQ lists in force            {ve[0]:7.3f} s CPU ({a.n / ve[0]:,.0f}/s)"
          f"   = {ve[0] / vc[0]:.2f}x customs")


if __name__ == "__main__":
    main()
