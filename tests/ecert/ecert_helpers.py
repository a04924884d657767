"""Helpers of the e-certificate tests: outbound drafts asking for a phytosanitary
certificate, a foreign (New Zealand) certificate file, syncing until a state is reached."""
from __future__ import annotations

import time

from client.ecert import signing, sps
from client.model import CertificateRequest, Party, to_dict
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


NZ_KEY = signing.make_key_pair("MPI New Zealand (test)")


def foreign_certificate(tmp_path, *, import_country="CN", status="70", hs6=True,
                        name="nz.xml"):
    """A phytosanitary certificate from New Zealand to China, signed by a foreign key."""
    d = to_dict(sample_declaration("outbound", 2, seed=77))
    d["consignor"] = {"name_en": "Kiwi Orchards Ltd"}
    d["consignee"] = {"name_cn": "上海果品进出口有限公司", "name_en": "Shanghai Fruit I/E Co."}
    d["arrival_port"] = "CNSHA"
    d["transport_mode"], d["trade_mode"] = "1", "11"   # eCIQ 水路 → Rec 19 1 (maritime); 一般贸易
    d["goods"][0].update(name_en="Fresh kiwifruit", name_cn=None, hs_code="081050" if hs6
                         else "0810500000", net_weight_kg="12.5", gross_weight_kg="13",
                         package_type="22", package_count=1200, origin_country="NZL")
    root = sps.build(d, number="NZ2026-PH-000123", desk_type="18",
                     issued_at="2026-11-30T22:00:00Z", issuer_id="NZ-MPI",
                     issuer_name="Ministry for Primary Industries", status=status)
    ns = sps.NSMAP
    con = root.find("rsm:SPSConsignment", ns)
    con.find("ram:ExportSPSCountry/ram:ID", ns).text = "NZ"
    con.find("ram:ImportSPSCountry/ram:ID", ns).text = import_country
    con.find("ram:ConsignorSPSParty/ram:SpecifiedSPSAddress/ram:CountryID", ns).text = "NZ"
    con.find("ram:ConsigneeSPSParty/ram:SpecifiedSPSAddress/ram:CountryID", ns).text = \
        import_country
    # the first line's weights in tonnes (Rec 20 TNE): 12.5 t net, 13 t gross
    for tag in ("NetWeightMeasure", "GrossWeightMeasure"):
        m = con.find(f".//ram:IncludedSPSTradeLineItem/ram:{tag}", ns)
        m.set("unitCode", "TNE")
    path = tmp_path / name
    path.write_bytes(signing.sign(root, *NZ_KEY))
    return path
