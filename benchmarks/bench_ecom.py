"""What the e-commerce registration checks cost (issue 15), as ratios in the same run.

    .venv/bin/python benchmarks/bench_ecom.py [N] [--known 100000] [--repeat 3]

1. ``validate`` of N e-commerce declarations (5 goods lines each) with no registrations in
   the context (the rules E1805–E1808 quiet) — the baseline;
2. the same with ``--known`` product registrations known, every goods line referencing one
   (each line checked for number, HS and origin);
3. loading those registrations from a real SQLite store (``client.ecom.store.known``, what
   ``Desk.rule_context()`` does), relative to step 1;
4. ``Desk.rule_context()`` once they are cached (unchanged store: only the
   ``store.version`` counter is read), relative to validating one declaration;
5. laying out one A4 sheet of 21 labels (segno QR matrices), per label, relative to the
   validation of one declaration.

Figures are printed (best CPU time of ``--repeat`` runs), never asserted.
"""
from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from client.codes import default_codebook  # noqa: E402
from client.ecom import labels  # noqa: E402
from client.ecom import store as q  # noqa: E402
from client.rules import RuleContext, validate  # noqa: E402
from client.rules.sample import sample_declaration  # noqa: E402


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
        gc.enable()
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=2000)
    ap.add_argument("--known", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    codes = default_codebook()
    decls = []
    products = {}
    for i in range(a.n):
        d = sample_declaration("inbound", 5, seed=i)
        d.ecommerce, d.trade_mode = True, "9610"
        for j, g in enumerate(d.goods):
            no = f"CBEP2026{(i * 5 + j) % a.known:08d}"
            g.product_reg_no = no
            products[no] = q.ProductRef(no, g.hs_code or "", g.origin_country or "", "x")
        decls.append(d)
    for k in range(a.known):
        no = f"CBEP2026{k:08d}"
        products.setdefault(no, q.ProductRef(no, "8471300000", "DEU", "x"))
    plain = RuleContext(codes=codes, credit_grade="A")
    known = RuleContext(codes=codes, credit_grade="A",
                        ecom_registrations=q.KnownRegistrations(products, frozenset()))
    validate(decls[0], plain)
    validate(decls[0], known)
    t_plain = best(lambda: [validate(d, plain) for d in decls], a.repeat)
    t_known = best(lambda: [validate(d, known) for d in decls], a.repeat)

    from client.services import Desk
    with tempfile.TemporaryDirectory() as tmp:
        desk = Desk.open(Path(tmp) / "p")
        with desk.db.write() as conn:  # one bulk insert (q.queue bumps a counter per row)
            now = "2026-12-02T00:00:00.000000Z"
            conn.execute(q.registrations.insert(), [
                {"id": f"R{k:09d}", "kind": "product", "source": "lookup", "status": "looked_up",
                 "reg_no": no, "title": ref.title, "hs_code": ref.hs_code,
                 "origin_country": ref.origin_country, "entry": None, "reasons": None,
                 "registered_by": None, "created_at": now, "updated_at": now}
                for k, (no, ref) in enumerate(products.items())])
            q._bump(conn)
        with desk.db.read() as conn:
            t_load = best(lambda: q.known(conn), a.repeat)
        desk.rule_context()
        t_ctx = best(lambda: [desk.rule_context() for _ in range(100)], a.repeat) / 100
        desk.close()
    lab = [(labels.LabelData(f"CBEP2026{k:08d}", "131000026000001", "B1"), "x")
           for k in range(21)]
    t_sheet = best(lambda: labels.sheet(lab), a.repeat)

    per_decl = t_plain / a.n
    print(f"declarations: {a.n} x 5 goods lines; known registrations: {len(products):,}")
    print(f"1. validate, no registrations:   {t_plain:.3f} s  ({a.n / t_plain:,.0f} decl/s)")
    print(f"2. validate, registrations known: {t_known:.3f} s  ratio to 1: "
          f"{t_known / t_plain:.3f}")
    print(f"3. load {len(products):,} registrations:  {t_load:.3f} s  ratio to 1: "
          f"{t_load / t_plain:.3f}")
    print(f"4. Desk.rule_context() with them cached: {t_ctx * 1000:.2f} ms  = "
          f"{t_ctx / per_decl:.1f} x one declaration's validation")
    print(f"5. lay out 21 labels:             {t_sheet * 1000:.1f} ms  per label = "
          f"{t_sheet / 21 / per_decl:.1f} x one declaration's validation")


if __name__ == "__main__":
    main()
