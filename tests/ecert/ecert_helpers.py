"""Helpers of the e-certificate tests: outbound drafts asking for a phytosanitary certificate."""
from __future__ import annotations

import time

from client.model import CertificateRequest, Party
from client.rules.sample import sample_declaration

_seed = [500]


def outbound_with_certificates(desk, ent: dict, n: int = 1, types=("18",), goods: int = 2):
    import tempfile
    from pathlib import Path

    from client.store import declarations as decl_q
    with tempfile.TemporaryDirectory() as tmp:  # the samples' attachment is sha256(b"test")
        (Path(tmp) / "contract.pdf").write_bytes(b"test")
        desk.store_attachment(Path(tmp) / "contract.pdf")
    decls = []
    for _ in range(n):
        _seed[0] += 1
        d = sample_declaration("outbound", goods, seed=_seed[0])
        me = Party(name_cn=ent["name_cn"], name_en=ent["name_en"], reg_no=ent["reg_no"],
                   uscc=ent["uscc"])
        d.declarant = me
        d.consignor = Party(name_cn=me.name_cn, name_en=me.name_en, reg_no=me.reg_no,
                            uscc=me.uscc)
        d.certificates = [CertificateRequest(type="11", originals=1, copies=0)] + [
            CertificateRequest(type=t, originals=1, copies=1) for t in types]
        decls.append(d)
    with desk.db.write() as conn:
        decl_q.save_many(conn, decls)
    return [d.id for d in decls]


def ecerts_of(desk, decl_id):
    from client.ecert import store as q
    with desk.db.read() as conn:
        return q.of_declaration(conn, decl_id)


def settle_until(engine, check, rounds: int = 40):
    """Sync until ``check()`` holds (the sandbox runs a life cycle in milliseconds)."""
    for _ in range(rounds):
        engine.sync()
        if check():
            return
        time.sleep(0.05)
    raise AssertionError("the platform did not get there")
