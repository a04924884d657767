"""Sync throughput against a sandbox over loopback: batched push vs one request each, pull.

    .venv/bin/python benchmarks/bench_sync.py [N] [--single 300]

Starts its own sandbox (a ``python -m sandbox`` subprocess on a free port, time scale 0.01
so every declaration stays "accepted" and the feed holds exactly one receipt each) and a
fresh CIQ Desk profile in a temporary directory, then measures in the same run:

1. finalising N drafts (validate + number + outbox; local only, for reference);
2. pushing the N finalised declarations in batches of 500 (target: N = 10,000 in < 15 s);
3. pushing ``--single`` more declarations one request each (batch size 1), extrapolated to
   N and labelled as such; the ratio of (3) to (2) per declaration (target ≥ 20x);
4. pulling the N status receipts from the change feed into the store (target < 3 s).

Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from keyrings.alt.file import PlaintextKeyring  # noqa: E402

from client.credentials import CredentialStore  # noqa: E402
from client.model import Party  # noqa: E402
from client.rules.sample import sample_declaration  # noqa: E402
from client.services import Desk  # noqa: E402
from client.store import declarations as decl_q  # noqa: E402
from client.sync.engine import SyncEngine  # noqa: E402
from client.sync.pull import CURSOR_KEY  # noqa: E402
from sandbox.testing import start_sandbox_process  # noqa: E402


def drafts(desk: Desk, ent: dict, n: int, seed0: int) -> list[str]:
    me = Party(name_cn=ent["name_cn"], name_en=ent["name_en"], reg_no=ent["reg_no"],
               uscc=ent["uscc"])
    ids = []
    for k in range(0, n, 1000):
        batch = []
        for i in range(k, min(n, k + 1000)):
            d = sample_declaration("inbound", 1, seed=seed0 + i)
            d.declarant = me
            d.consignee = me
            batch.append(d)
        with desk.db.write() as conn:
            decl_q.save_many(conn, batch)
        ids += [d.id for d in batch]
    return ids


def profile(root: Path, name: str, url: str, kr: PlaintextKeyring, user: str = "aa@demo",
            **kw):
    desk = Desk.open(root / name)
    att = root / "contract.pdf"
    att.write_bytes(b"test")
    desk.store_attachment(att)
    eng = SyncEngine(desk, CredentialStore(kr), **kw)
    ent = eng.login(url, user, "demo123")
    return desk, eng, ent


@contextmanager
def bench_platform(prefix: str, extra_args: list[str] | None = None):
    """``(root, keyring, sandbox)``: a temporary directory, a keyring file in it and a
    sandbox subprocess at time scale 0.01 (nothing moves until told), stopped after."""
    root = Path(tempfile.mkdtemp(prefix=prefix))
    kr = PlaintextKeyring()
    kr.file_path = str(root / "keyring.cfg")
    sb = start_sandbox_process(root / "platform", time_scale=0.01, extra_args=extra_args)
    try:
        print(f"sandbox {sb.url} (subprocess), profile {root}")
        yield root, kr, sb
    finally:
        sb.stop()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=10_000)
    ap.add_argument("--single", type=int, default=300,
                    help="declarations pushed one request each (extrapolated to N)")
    a = ap.parse_args()
    with bench_platform("bench-sync-") as (root, kr, sb):
        desk, eng, ent = profile(root, "desk", sb.url, kr)
        ids = drafts(desk, ent, a.n, 0)
        eng.top_up()
        t0 = time.perf_counter()
        res = eng.filing().finalise(ids)
        t_final = time.perf_counter() - t0
        assert len(res.finalised) == a.n, (len(res.finalised), res.no_number[:3])
        print(f"finalise {a.n}: {t_final:.2f} s ({a.n / t_final:,.0f}/s)  [local only]")

        t0 = time.perf_counter()
        s = eng.push()
        t_batch = time.perf_counter() - t0
        assert s.applied == a.n, (s.applied, s.rejected[:1], s.retry_later)
        print(f"push {a.n} in batches of 500: {t_batch:.2f} s "
              f"({a.n / t_batch:,.0f}/s)  target < 15 s for 10,000")

        # another enterprise: its receipts are not in the first desk's feed, so the pull
        # below measures the first desk's own receipts only
        d2, e2, ent2 = profile(root, "desk-single", sb.url, kr, user="a@demo", batch_size=1)
        ids2 = drafts(d2, ent2, a.single, 10_000_000)
        e2.top_up()
        e2.filing().finalise(ids2)
        t0 = time.perf_counter()
        s2 = e2.push()
        t_single = time.perf_counter() - t0
        assert s2.applied == a.single
        per_single = t_single / a.single
        per_batch = t_batch / a.n
        print(f"push {a.single} one request each: {t_single:.2f} s "
              f"({per_single * 1000:.1f} ms each); extrapolated to {a.n}: "
              f"{per_single * a.n:.1f} s [extrapolated]")
        print(f"ratio one-by-one / batched per declaration: {per_single / per_batch:.1f}x  "
              f"target >= 20x")

        with desk.db.write() as conn:
            from client.store import kv
            kv.remove(conn, CURSOR_KEY)
        t0 = time.perf_counter()
        s3 = eng.pull()
        t_pull = time.perf_counter() - t0
        print(f"pull {s3.receipts} status receipts ({s3.imported} declarations fetched, "
              f"{s3.unknown_receipts} not visible): {t_pull:.2f} s "
              f"({s3.receipts / t_pull:,.0f}/s)  target < 3 s for 10,000")
        counts = desk.counts_by_status()
        print(f"local statuses after pull: { {k: v for k, v in counts.items() if v} }")
        eng.close()
        e2.close()
        desk.close()
        d2.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
