"""A foreign e-certificate → an inbound draft; the round trip between two desks; hostile XML."""
from __future__ import annotations

import http.server
import json
import threading
from decimal import Decimal

import pytest
from ecert_helpers import NZ_KEY, foreign_certificate, outbound_with_certificates


def _import(cli, profile, path):
    r = cli(profile, "ecert", "import", str(path), "--json")
    return r.returncode, json.loads(r.stdout), r


def test_foreign_certificate_fills_a_clean_inbound_draft(open_desk, cli, tmp_path):
    desk = open_desk("importer")
    path = foreign_certificate(tmp_path)
    code, out, r = _import(cli, desk.paths.data_dir, path)
    assert code == 0, r.stderr
    assert out["errors"] == [] and len(out["imported"]) == 1
    decl = desk.get(out["imported"][0])
    assert decl.direction == "inbound" and desk.summary(decl.id).status == "draft"
    assert decl.consignor.name_en == "Kiwi Orchards Ltd"
    assert decl.consignee.name_cn == "上海果品进出口有限公司"
    assert decl.departure_country == "NZL" and decl.trade_country == "NZL"
    # Rec 19 1 (maritime) → eCIQ 1 水路 → customs 2 水路 (this desk is on the customs list)
    assert decl.entry_exit_port == "CNSHA" and decl.transport_mode == "2"
    g = decl.goods[0]
    assert g.name_en == "Fresh kiwifruit" and g.origin_country == "NZL"
    assert g.net_weight_kg == Decimal("12500") and g.gross_weight_kg == Decimal("13000")
    assert g.package_type == "22" and g.package_count == 1200
    # a 6-digit HS code is left for the declarer, with candidates
    assert g.hs_code is None and "0810500000" in g.extra["hs_candidates"]
    assert any("081050" in w for w in out["warnings"])
    assert decl.goods[1].hs_code and len(decl.goods[1].hs_code) == 10
    (att,) = decl.attachments
    assert att.type == "101007" and att.file_name == "NZ2026-PH-000123.xml"
    assert desk.attachment_path(att.sha256).read_bytes() == path.read_bytes()


def test_a_desk_on_the_eciq_lists_gets_the_eciq_transport_code(open_desk, cli, tmp_path):
    from tests.desk_fixtures import take_eciq_lists
    desk = open_desk("eciq")
    take_eciq_lists(desk)
    desk.db.engine.dispose()  # the CLI reads the same file
    code, out, r = _import(cli, desk.paths.data_dir, foreign_certificate(tmp_path))
    assert code == 0, r.stderr
    assert desk.get(out["imported"][0]).transport_mode == "1"   # Rec 19 1 → eCIQ 1 水路运输


def test_import_country_not_china_warns_and_cancelled_is_refused(open_desk, cli, tmp_path):
    desk = open_desk("importer")
    code, out, _ = _import(cli, desk.paths.data_dir,
                           foreign_certificate(tmp_path, import_country="JP", name="jp.xml"))
    assert code == 0 and len(out["imported"]) == 1
    assert any("JP" in w and "Japan" in w for w in out["warnings"])
    before = desk.count()
    code, out, _ = _import(cli, desk.paths.data_dir,
                           foreign_certificate(tmp_path, status="40", name="cancelled.xml"))
    assert code == 1 and out["imported"] == [] and "作废" in out["errors"][0]
    assert desk.count() == before


class _Counter(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY x "pwned">')

    def log_message(self, *a):
        pass


@pytest.fixture
def listener():
    srv = http.server.HTTPServer(("127.0.0.1", 0), _Counter)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


HOSTILE = {
    "malformed": b"<rsm:SPSCertificate xmlns:rsm='x'><unclosed>",
    "other_root": b"<?xml version='1.0'?><Invoice xmlns='urn:oasis:names:specification:ubl'/>",
    "xxe_file": b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                b"<rsm:SPSCertificate xmlns:rsm='urn:un:unece:uncefact:data:standard:"
                b"SPSCertificate:17'>&e;</rsm:SPSCertificate>",
    "billion_laughs": b"<?xml version='1.0'?><!DOCTYPE l [<!ENTITY a 'aaaaaaaaaa'>"
                      b"<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
                      b"<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]><l>&c;</l>",
}


@pytest.mark.parametrize("case", [*HOSTILE, "external_dtd", "external_entity_url"])
def test_hostile_xml_is_refused_storing_nothing_and_fetching_nothing(
        case, open_desk, cli, tmp_path, listener):
    desk = open_desk("importer")
    _Counter.hits = 0
    data = HOSTILE.get(case)
    if case == "external_dtd":
        data = (f"<?xml version='1.0'?><!DOCTYPE r SYSTEM '{listener}/evil.dtd'>"
                "<r>&x;</r>").encode()
    elif case == "external_entity_url":
        data = (f"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY e SYSTEM '{listener}/e'>]>"
                "<rsm:SPSCertificate xmlns:rsm='urn:un:unece:uncefact:data:standard:"
                "SPSCertificate:17'>&e;</rsm:SPSCertificate>").encode()
    path = tmp_path / f"{case}.xml"
    path.write_bytes(data)
    code, out, r = _import(cli, desk.paths.data_dir, path)
    assert code == 2 and out["imported"] == [], r.stdout
    msg = out["errors"][0]
    expected = {"malformed": "格式正确", "other_root": "根元素"}.get(case, "DOCTYPE")
    assert expected in msg
    assert desk.count() == 0
    assert not list(desk.paths.attachments.rglob("*")) or all(
        p.is_dir() for p in desk.paths.attachments.rglob("*"))
    assert _Counter.hits == 0
    v = cli(desk.paths.data_dir, "ecert", "verify", str(path), "--cert", str(_pem(tmp_path)))
    assert v.returncode == 2 and _Counter.hits == 0


def _pem(tmp_path):
    p = tmp_path / "nz.pem"
    p.write_bytes(NZ_KEY[1])
    return p


@pytest.mark.sandbox
def test_round_trip_exporting_desk_to_importing_desk(open_desk, make_engine, sandbox, cli,
                                                     tmp_path):
    from ecert_helpers import ecerts_of, settle_until
    exporter = open_desk("exporter")
    engine = make_engine(exporter)
    ent = engine.login(sandbox.url, "aa@demo", "demo123")
    (decl_id,) = outbound_with_certificates(exporter, ent, 1, goods=3)
    engine.top_up()
    engine.filing().finalise([decl_id])
    settle_until(engine, lambda: [e.status for e in ecerts_of(exporter, decl_id)] == ["issued"])
    out = tmp_path / "export"
    assert cli(exporter.paths.data_dir, "ecert", "export", decl_id, "--out",
               str(out)).returncode == 0
    (xml,) = out.glob("*.xml")
    importer = open_desk("importer abroad")
    code, res, r = _import(cli, importer.paths.data_dir, xml)
    assert code == 0, r.stderr
    a, b = exporter.get(decl_id), importer.get(res["imported"][0])
    # exported abroad: the import country is not China, and the desk names it
    from client.ecert.tables import alpha2
    assert any(alpha2(a.destination_country) in w for w in res["warnings"])
    assert (b.consignor.name_cn, b.consignor.name_en) == (a.consignor.name_cn, a.consignor.name_en)
    assert b.consignee.name_en == a.consignee.name_en
    fields = ("name_cn", "name_en", "hs_code", "net_weight_kg", "gross_weight_kg",
              "package_type", "package_count", "origin_country")
    assert [[getattr(g, f) for f in fields] for g in b.goods] == \
           [[getattr(g, f) for f in fields] for g in a.goods]
