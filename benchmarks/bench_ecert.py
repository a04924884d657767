"""E-certificates: issuing, fetching and verifying N (default 1,000) in one sync.

    .venv/bin/python benchmarks/bench_ecert.py [N]

Starts its own sandbox (a ``python -m sandbox`` subprocess, time scale 0.01 so nothing moves
until the clock is advanced) and a fresh desk profile, files N outbound declarations asking
for a phytosanitary certificate (type 18), pushes them, then measures in the same run:

1. issuing: the platform clock jumps past certification and one ``lifecycle:advance``
   applies every step — N e-certificates built, schema-checked and signed (RSA-SHA256);
2. one ``sync()`` on the desk: the feed pulled, the N e-certificates fetched in chunks of
   500, each verified against the pinned certificate, schema-checked and stored
   content-addressed (cost per certificate printed);
3. signature verification alone, per certificate (target < 5 ms): the desk's
   :func:`client.ecert.signing.verify` (lxml C14N + cryptography, pinned key loaded once)
   against two baselines measured on the same files in the same run — signxml's
   ``XMLVerifier`` (what the desk used before: it re-parses the document and rebuilds the
   pinned certificate each time) and the hardened parse alone.

Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import requests  # noqa: E402
from bench_sync import bench_platform, profile  # noqa: E402

from client.ecert import signing, xmlsafe  # noqa: E402
from client.ecert import store as q  # noqa: E402
from client.ecert.sync import pinned  # noqa: E402
from client.model import CertificateRequest, Party  # noqa: E402
from client.rules.sample import sample_declaration  # noqa: E402
from client.services import Desk  # noqa: E402
from client.store import declarations as decl_q  # noqa: E402
from client.store.blobs import blob_path  # noqa: E402
from sandbox.testing import DEFAULT_ADMIN_TOKEN  # noqa: E402


def drafts(desk: Desk, ent: dict, n: int) -> list[str]:
    me = Party(name_cn=ent["name_cn"], name_en=ent["name_en"], reg_no=ent["reg_no"],
               uscc=ent["uscc"])
    ids = []
    for k in range(0, n, 1000):
        batch = []
        for i in range(k, min(n, k + 1000)):
            d = sample_declaration("outbound", 2, seed=i)
            d.declarant = me
            d.consignor = Party(name_cn=me.name_cn, name_en=me.name_en, reg_no=me.reg_no,
                                uscc=me.uscc)
            d.certificates = [CertificateRequest(type="18", originals=1, copies=0)]
            batch.append(d)
        with desk.db.write() as conn:
            decl_q.save_many(conn, batch)
        ids += [d.id for d in batch]
    return ids


def signxml_verify(data: bytes, pem: bytes) -> None:
    """The baseline: signxml's verifier as the desk called it before (re-parse, certificate
    rebuilt from the PEM each time)."""
    from signxml import SignatureMethod, XMLVerifier
    from signxml.verifier import SignatureConfiguration
    cfg = SignatureConfiguration(signature_methods=frozenset({SignatureMethod.RSA_SHA256}),
                                 require_x509=False, expect_references=1)
    XMLVerifier().verify(xmlsafe.parse(data), x509_cert=pem.decode("ascii"), expect_config=cfg)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=1000)
    a = ap.parse_args()
    admin = requests.Session()
    admin.headers["X-Admin-Token"] = DEFAULT_ADMIN_TOKEN
    # long token and lease lives: the platform clock is moved ~4 months ahead below
    with bench_platform("bench-ecert-", extra_args=[
            "--token-ttl", "1e9", "--refresh-ttl", "1e9", "--lease-ttl", "1e9",
            "--lease-grace", "1e9"]) as (root, kr, sb):
        desk, eng, ent = profile(root, "desk", sb.url, kr)
        ids = drafts(desk, ent, a.n)
        eng.top_up()
        assert len(eng.filing().finalise(ids).finalised) == a.n
        s = eng.push()
        assert s.applied == a.n, (s.applied, s.rejected[:1])
        eng.sync()  # the "accepted" receipts, so the timed sync below is about certificates

        t0 = time.perf_counter()
        admin.post(f"{sb.url}/admin/clock:advance", json={"seconds": 1e7}).raise_for_status()
        admin.post(f"{sb.url}/admin/lifecycle:advance").raise_for_status()
        t_issue = time.perf_counter() - t0
        print(f"issue {a.n} e-certificates (build + schema + sign, with the status steps): "
              f"{t_issue:.2f} s = {t_issue / a.n * 1000:.2f} ms each")

        t0 = time.perf_counter()
        eng.sync()
        t_sync = time.perf_counter() - t0
        res = eng.ecerts
        print(f"one sync: pull + fetch {res.fetched} + verify + store: {t_sync:.2f} s = "
              f"{t_sync / max(res.fetched, 1) * 1000:.2f} ms per certificate "
              f"({res.valid} valid, {len(res.invalid)} invalid)")

        with desk.db.read() as conn:
            pem = pinned(conn)
            shas = [r[0] for r in conn.execute(q.ecerts.select().with_only_columns(
                q.ecerts.c.sha256).where(q.ecerts.c.status == "issued"))]
        files = [blob_path(desk.paths.attachments, h).read_bytes() for h in shas]
        signing.verify(files[0], pem)  # warm-up (verifier and schema objects are made once)
        signxml_verify(files[0], pem)
        per_verify, per_signxml, per_parse = [], [], []
        for data in files:
            t0 = time.perf_counter()
            xmlsafe.parse(data)
            per_parse.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            signing.verify(data, pem)
            per_verify.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            signxml_verify(data, pem)
            per_signxml.append(time.perf_counter() - t0)
        mv, ms, mp = (statistics.median(x) for x in (per_verify, per_signxml, per_parse))
        print(f"verify signature (desk), {len(files)} files: median {mv * 1000:.2f} ms, "
              f"mean {statistics.mean(per_verify) * 1000:.2f} ms per certificate  "
              f"target < 5 ms")
        print(f"baseline signxml XMLVerifier (same files, same run): median {ms * 1000:.2f} ms, "
              f"mean {statistics.mean(per_signxml) * 1000:.2f} ms; signxml / desk = "
              f"{ms / mv:.1f}x")
        print(f"baseline hardened parse alone: median {mp * 1000:.3f} ms; desk verify / parse "
              f"= {mv / mp:.1f}x")
        desk.close()
        eng.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
