"""Every registered rule, exercised: quiet on a valid declaration, firing on a broken one at
the right field path. ``test_every_rule_has_a_case`` keeps this table complete."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Callable

import pytest

from client.model import Container, CertificateRequest, Party
from client.rules.registry import load_all
from rules_testkit import codes_of, ctx, sample_declaration, setp
from client.rules import validate

SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def direct_in(d):
    """A valid 进口直通: Shanghai port, Jiangsu destination (both 长江经济带)."""
    d.clearance_mode = "import_direct"
    d.port_bureau, d.inspect_bureau, d.declare_bureau, d.release_bureau = (
        "310000", "320000", "320000", "320000")


def direct_out(d):
    """A valid 出口直放: Jiangsu origin, Shanghai port."""
    d.clearance_mode = "export_direct"
    d.inspect_bureau, d.port_bureau, d.declare_bureau, d.release_bureau = (
        "320000", "310000", "320000", "320000")


def cross_declare(d):
    """Declared in Shanghai, inspected in Jiangsu (same region): needs a grade allowing it."""
    d.declare_bureau, d.inspect_bureau, d.release_bureau = "310000", "320000", "320000"


def ecom(d):
    d.ecommerce = True
    d.trade_mode = "9610"
    for i, g in enumerate(d.goods):
        g.product_reg_no = f"P31{i:06d}"


def ecom_eciq(d):
    """:func:`ecom` in eCIQ terms: trade mode 42 电子商务."""
    ecom(d)
    d.trade_mode = "42"


def _known_registrations(not_found=()):
    """The registrations of :func:`ecom_registered`'s goods lines, as the desk would know
    them after a sync (issue 15)."""
    from client.ecom.store import KnownRegistrations, ProductRef
    goods = sample_declaration("inbound", goods=3).goods
    return KnownRegistrations(
        {f"CBEP2026{i:08d}": ProductRef(f"CBEP2026{i:08d}", g.hs_code, g.origin_country, g.name_cn)
         for i, g in enumerate(goods)}, frozenset(not_found))


def ecom_registered(d):
    """An e-commerce declaration whose goods point at registered products."""
    ecom(d)
    for i, g in enumerate(d.goods):
        g.product_reg_no = f"CBEP2026{i:08d}"


REGS = {"ecom_registrations": _known_registrations(not_found=("CBEP202699999999",))}


@dataclass
class Case:
    code: str
    field: str
    mutate: Any                       # {path: value} or a callable(decl)
    direction: str = "inbound"
    setup: Callable | None = None
    good: dict = field(default_factory=dict)   # context kwargs for the valid run
    bad: dict | None = None                    # context kwargs for the broken run
    id: str = ""
    eciq: bool = False   # judged with the eCIQ transport/trade lists in force (issue 13)

    def build(self, broken: bool):
        d = sample_declaration(self.direction, goods=3)
        if self.eciq:
            d.transport_mode, d.trade_mode = "1", "11"   # eCIQ 水路运输, 一般贸易
        if self.setup:
            self.setup(d)
        if broken:
            if callable(self.mutate):
                self.mutate(d)
            else:
                for path, value in self.mutate.items():
                    setp(d, path, value)
        return d


def _goods2(hs, ciq, attrs=(), dangerous=None):
    """Line 3 becomes these goods, with what the catalogue requires of them."""
    from client.model import Dangerous
    from client.rules.sample import satisfy_catalogue

    def f(d):
        g = d.goods[2]
        g.hs_code, g.ciq_code, g.goods_attributes = hs, ciq, list(attrs)
        g.licences, g.producer = [], None
        if dangerous:
            g.dangerous = Dangerous(un_no="1005", name="无水氨", class_="2.3", pack_category="4")
        satisfy_catalogue(d)
    return f


_BEEF = _goods2("0202300090", "102", ["15"])
_BISCUIT = _goods2("1905310000", "101", ["14"])
_AMMONIA = _goods2("2814100000", "301", ["32"], dangerous=True)


def _drop(i, code):
    def f(d):
        d.goods[i].licences = [x for x in d.goods[i].licences if x.type != code]
    return f


def _qualification(d):
    from client.model import Qualification
    d.enterprise_qualifications = [Qualification("999", "Q1")]


def C(code, field, mutate, direction="inbound", **kw):
    return Case(code, field, mutate, direction, **kw)


def _replace_goods(n, direction="inbound"):
    def f(d):
        d.goods = sample_declaration(direction, goods=n).goods
    return f


def _dup_container(d):
    d.containers.append(Container(number=d.containers[0].number, size_type="22G1"))


def _dup_cert(d):
    d.certificates.append(CertificateRequest(type=d.certificates[0].type, originals=0, copies=1))


def _no_declarer(d):
    d.declarer = None


ARRIVAL = sample_declaration("inbound").arrival_date
DECLARANT = sample_declaration("inbound").declarant.uscc
BROKER = "91310000MA1FL8LQ21"
OLD_SYNC = datetime(2026, 10, 27, 8, 0, tzinfo=timezone.utc)  # 30 days before TODAY

CASES = [
    # ---------------------------------------------------------------- required (E10xx)
    C("E1001", "direction", {"direction": None}),
    C("E1002", "inspection_type", {"inspection_type": None}),
    C("E1003", "clearance_mode", {"clearance_mode": ""}),
    C("E1004", "declare_bureau", {"declare_bureau": None}),
    C("E1005", "port_bureau", {"port_bureau": ""}),
    C("E1006", "inspect_bureau", {"inspect_bureau": "   "}),
    C("E1007", "declarant.reg_no", {"declarant.reg_no": None}),
    C("E1008", "declarant.uscc", {"declarant.uscc": ""}),
    C("E1009", "declarer.name", {"declarer.name": None}),
    C("E1009", "declarer.name", _no_declarer, id="E1009-no-declarer"),
    C("E1010", "consignee.name_cn", {"consignee.name_cn": None}),
    C("E1011", "consignee.name_en", {"consignee.name_en": None, "consignee.name_cn": None},
      "outbound"),
    C("E1012", "consignor.name_cn", {"consignor.name_cn": " "}, "outbound"),
    C("E1013", "consignor.name_en", {"consignor.name_en": None, "consignor.name_cn": None}),
    C("E1014", "contract_no", {"contract_no": None}),
    C("E1015", "bl_no", {"bl_no": None}),
    C("E1015", "bl_no", {"bl_no": None}, eciq=True, id="E1015-eciq"),
    C("E1015", "bl_no", {"bl_no": None, "transport_mode": "9",
                         "extra": {"customs_transport_mode": "2"}}, eciq=True,
      id="E1015-eciq-9-not-mail"),
    C("W1015", "bl_no", {"bl_no": None, "transport_mode": "9"}, eciq=True),
    C("E1407", "trade_mode", {"trade_mode": "0110"}, eciq=True, id="E1407-eciq-customs-code"),
    C("W1803", "trade_mode", {"trade_mode": "11"}, setup=ecom_eciq, eciq=True, id="W1803-eciq"),
    C("W1804", "ecommerce", {"trade_mode": "42"}, eciq=True, id="W1804-eciq-42"),
    C("W1804", "ecommerce", {"extra": {"customs_trade_mode": "9710"}}, eciq=True,
      id="W1804-eciq-b2b"),
    C("E1016", "transport_mode", {"transport_mode": None}),
    C("E1017", "transport_name", {"transport_name": None}),
    C("E1018", "trade_mode", {"trade_mode": None}),
    C("E1019", "trade_country", {"trade_country": None}),
    C("E1020", "departure_country", {"departure_country": None}),
    C("E1021", "destination_country", {"destination_country": None}, "outbound"),
    C("E1022", "destination_district", {"destination_district": None}),
    C("E1023", "origin_district", {"origin_district": None}, "outbound"),
    C("E1024", "arrival_date", {"arrival_date": None}),
    C("E1025", "ship_date", {"ship_date": None}, "outbound"),
    C("E1026", "goods_location", {"goods_location": ""}),
    C("E1027", "purpose", {"purpose": None}),
    C("E1028", "goods", {"goods": []}),
    C("E1029", "goods", _replace_goods(51)),
    C("E1030", "goods[1].hs_code", {"goods[1].hs_code": None}),
    C("E1031", "goods[1].name_cn", {"goods[1].name_cn": ""}),
    C("E1032", "goods[0].origin_country", {"goods[0].origin_country": None}),
    C("E1033", "goods[2].seq", {"goods[2].seq": None}),
    C("E1034", "containers[0].number", {"containers[0].number": None}),
    C("E1035", "attachments[0].sha256", {"attachments[0].sha256": None}),
    C("E1036", "certificates[0].type", {"certificates[0].type": None}),
    C("E1037", "agent.reg_no", {"agent": Party(name_cn="上海报关代理有限公司")}),
    # ------------------------------------------------------------------ lengths (E11xx)
    C("E1101", "contract_no", {"contract_no": "C" * 33}),
    C("E1102", "invoice_no", {"invoice_no": "I" * 33}),
    C("E1103", "lc_no", {"lc_no": "L" * 33}, "outbound"),
    C("E1104", "bl_no", {"bl_no": "B" * 51}),
    C("E1105", "transport_name", {"transport_name": "T" * 65}),
    C("E1106", "goods_location", {"goods_location": "仓" * 101}),
    C("E1107", "marks", {"marks": "M" * 401}),
    C("E1108", "remarks", {"remarks": "备" * 401}),
    C("E1109", "goods[1].name_cn", {"goods[1].name_cn": "货" * 256}),
    C("E1110", "goods[1].name_en", {"goods[1].name_en": "g" * 256}),
    C("E1111", "goods[2].spec", {"goods[2].spec": "s" * 256}),
    C("E1112", "goods[0].brand", {"goods[0].brand": "b" * 65}),
    C("E1113", "goods[0].product_reg_no", {"goods[0].product_reg_no": "P" * 65}),
    C("E1114", "consignor.name_en", {"consignor.name_en": "N" * 256}),
    C("E1115", "declarer.phone", {"declarer.phone": "1" * 65}),
    # ------------------------------------------------------------------ formats (E12xx)
    C("E1201", "inspection_no", {"inspection_no": "31000012600000"}),
    C("E1202", "inspection_no", {"inspection_no": "320000126000001"}),
    C("E1203", "inspection_no", {"inspection_no": "310000226000001"}),
    C("E1204", "declarant.reg_no", {"declarant.reg_no": "31006000A1"}),
    C("E1205", "departure_port", {"departure_port": "DE-HAM"}),
    C("E1206", "departure_port", {"departure_port": "XXHAM"}),
    C("E1207", "departure_port", {"departure_port": "CNNGB"}),
    C("E1208", "entry_exit_port", {"entry_exit_port": "DEHAM"}),
    C("E1209", "departure_port", {"departure_port": "DEHAM"}, "outbound"),
    C("W1210", "arrival_port", {"arrival_port": "CNNGB"}, "outbound"),
    C("E1211", "destination_district", {"destination_district": "31011"}),
    C("E1212", "destination_district", {"destination_district": "999999"}),
    C("E1213", "goods[1].hs_code", {"goods[1].hs_code": "84713000"}),
    C("E1214", "goods[0].ciq_code", {"goods[0].ciq_code": "99"}),
    C("E1215", "certificates[0].originals", {"certificates[0].originals": 10}),
    C("E1216", "containers[0].size_type", {"containers[0].size_type": "45GP"}),
    C("E1217", "id", {"id": "draft-1"}),
    C("E1218", "goods[1].name_cn", {"goods[1].name_cn": "笔记本\x07电脑"}),
    # ------------------------------------------------------------- check digits (E13xx)
    C("E1301", "declarant.uscc", {"declarant.uscc": "91310115MA1K4AB2C"}),
    C("E1302", "declarant.uscc", {"declarant.uscc": "91310115MA1K4AB2C1"}),
    C("E1303", "containers[0].number", {"containers[0].number": "CSQ3054383"}),
    C("E1304", "containers[0].number", {"containers[0].number": "CSQU3054384"}),
    # ---------------------------------------------------------------- code tables (E14xx)
    C("E1401", "direction", {"direction": "import"}),
    C("E1402", "clearance_mode", {"clearance_mode": "fast"}),
    C("E1403", "release_bureau", {"release_bureau": "999999"}),
    C("E1404", "inspection_type", {"inspection_type": "99"}),
    C("E1405", "inspection_type", {"inspection_type": "24"}),
    C("E1406", "transport_mode", {"transport_mode": "7"}),
    C("E1407", "trade_mode", {"trade_mode": "9999"}),
    C("E1408", "purpose", {"purpose": "00"}),
    C("E1409", "goods[0].quantity_unit", {"goods[0].quantity_unit": "999"}),
    C("E1410", "goods[1].package_type", {"goods[1].package_type": "77"}),
    C("E1411", "certificates[0].type", {"certificates[0].type": "99"}),
    C("E1412", "certificates[0].type", {"certificates[0].type": "20"}),
    C("E1413", "attachments[0].type", {"attachments[0].type": "109999"}),
    C("E1414", "goods[1].origin_country", {"goods[1].origin_country": "XXX"}),
    C("E1414", "trade_country", {"trade_country": "GER"}, id="E1414-header"),
    C("E1415", "goods[0].currency", {"goods[0].currency": "RMB"}),
    C("E1416", "goods[0].hs_code", {"goods[0].hs_code": "8471990000"}),
    # ---------------------------------------------------------------- cross-field (E15xx)
    C("E1501", "goods[0].net_weight_kg", {"goods[0].net_weight_kg": Decimal("26000.000"),
                                          "goods[0].gross_weight_kg": Decimal("25200.500")}),
    C("E1502", "goods[1].value", {"goods[1].value": Decimal("0")}),
    C("E1502", "goods[0].quantity", {"goods[0].quantity": Decimal("-1")}, id="E1502-qty"),
    C("E1503", "goods[0].value", {"goods[0].value": Decimal("100.005")}),
    C("E1504", "goods[0].net_weight_kg", {"goods[0].net_weight_kg": Decimal("1.0005")}),
    C("E1505", "goods[0].value", {"goods[0].value": Decimal(10) ** 15}),
    C("E1506", "unload_date", {"unload_date": ARRIVAL - timedelta(days=1)}),
    C("E1507", "claim_deadline", {"claim_deadline": ARRIVAL - timedelta(days=1)}),
    C("E1508", "goods[1].seq", {"goods[1].seq": 3}),
    C("E1508", "goods[1].seq", {"goods[1].seq": 1}, id="E1508-duplicate"),
    C("E1509", "containers[1].number", _dup_container),
    C("E1510", "goods[0].package_count", {"goods[0].package_count": 0}),
    C("E1511", "goods[0].package_count", {"goods[0].package_count": -1}),
    C("E1512", "goods[0].quantity_unit", {"goods[0].quantity_unit": None}),
    C("E1513", "goods[0].currency", {"goods[0].currency": None}),
    C("E1514", "lc_no", {"lc_no": "LC-1"}),
    C("W1515", "ship_date", {"ship_date": ARRIVAL}),
    C("W1515", "unload_date", {"unload_date": ARRIVAL}, "outbound", id="W1515-outbound"),
    C("W1516", "departure_port", {"departure_port": "JPTYO"}),
    C("W1517", "arrival_port", {"arrival_port": "JPTYO"}, "outbound"),
    C("E1518", "certificates[1].type", _dup_cert),
    # ------------------------------------------------------------ 三通两直 (E16xx)
    C("E1601", "clearance_mode", {"clearance_mode": "import_direct"}, "outbound"),
    C("E1601", "clearance_mode", {"clearance_mode": "import_transfer"}, "outbound",
      id="E1601-transfer"),
    C("E1602", "clearance_mode", {"clearance_mode": "export_direct"}),
    C("E1603", "inspect_bureau", {"inspect_bureau": "310000", "declare_bureau": "310000",
                                  "release_bureau": "310000"}, setup=direct_in),
    C("E1604", "inspect_bureau", {"inspect_bureau": "440000", "declare_bureau": "440000",
                                  "release_bureau": "440000"}, setup=direct_in),
    C("E1605", "inspect_bureau", {"inspect_bureau": "310000", "declare_bureau": "310000",
                                  "release_bureau": "310000"}, "outbound", setup=direct_out),
    C("E1606", "inspect_bureau", {"inspect_bureau": "440000", "declare_bureau": "440000",
                                  "release_bureau": "440000"}, "outbound", setup=direct_out),
    C("E1607", "declare_bureau", {"declare_bureau": "440000"}),
    C("E1608", "release_bureau", {"release_bureau": "440000"}),
    # -------------------------------------------------------------- credit (E17xx)
    C("W1701", "clearance_mode", {}, setup=direct_in, bad={"credit_grade": None}),
    C("W1701", "declare_bureau", {}, setup=cross_declare, bad={"credit_grade": "Z"},
      id="W1701-unknown-grade"),
    C("E1702", "clearance_mode", {}, setup=direct_in, bad={"credit_grade": "C"}),
    C("E1702", "clearance_mode", {}, "outbound", setup=direct_out, bad={"credit_grade": "D"},
      id="E1702-export"),
    C("E1703", "declare_bureau", {}, setup=cross_declare, bad={"credit_grade": "C"}),
    C("W1704", "clearance_mode", {}, setup=direct_in, bad={"grade_synced_at": OLD_SYNC}),
    C("E1710", "declarant.uscc", {"declarant.uscc": "91310000MA1FL8LQ21"},
      good={"enterprise_uscc": DECLARANT}, bad={"enterprise_uscc": DECLARANT}),
    C("E1710", "declarant.uscc", {},
      setup=lambda d: setattr(d, "agent", Party(name_cn="代理", reg_no="3100000099", uscc=BROKER)),
      good={"enterprise_uscc": BROKER, "client_usccs": frozenset({DECLARANT})},
      bad={"enterprise_uscc": BROKER, "client_usccs": frozenset()}, id="E1710-broker"),
    C("E1711", "agent.uscc", {"agent": None},
      setup=lambda d: setattr(d, "agent", Party(name_cn="代理", reg_no="3100000099", uscc=BROKER)),
      good={"enterprise_uscc": BROKER, "client_usccs": frozenset({DECLARANT})},
      bad={"enterprise_uscc": BROKER, "client_usccs": frozenset({DECLARANT})}),
    # --------------------------------------------------------- e-commerce (E18xx)
    C("E1801", "goods[0].hs_code", {"goods[0].hs_code": "0101210000"}, setup=ecom),
    C("E1802", "goods[1].product_reg_no", {"goods[1].product_reg_no": None}, setup=ecom),
    C("W1803", "trade_mode", {"trade_mode": "0110"}, setup=ecom),
    C("W1804", "ecommerce", {"trade_mode": "9610"}),
    C("E1805", "goods[1].product_reg_no", {"goods[1].product_reg_no": "CBEP202699999999"},
      setup=ecom_registered, good=REGS),
    C("W1806", "goods[2].product_reg_no", {"goods[2].product_reg_no": "CBEP202688888888"},
      setup=ecom_registered, good=REGS),
    C("E1807", "goods[0].hs_code", {"goods[0].hs_code": "8517130000"},
      setup=ecom_registered, good=REGS),
    C("E1808", "goods[0].origin_country", {"goods[0].origin_country": "JPN"},
      setup=ecom_registered, good=REGS),
    # --------------------------------------------------------- attachments (E19xx)
    C("E1901", "attachments[0].file_name", {"attachments[0].file_name": "contract.docx"}),
    C("E1902", "attachments[0].size", {"attachments[0].size": 4 * 1024 * 1024 + 1}),
    C("E1902", "attachments[0].size", {}, good={"attachment_sizes": {SHA: 182_044}},
      bad={"attachment_sizes": {SHA: 5 * 1024 * 1024}}, id="E1902-stored-size"),
    C("E1903", "attachments[0].file_name", {"attachments[0].file_name": "a" * 61 + ".pdf"}),
    C("E1904", "attachments[0].sha256", {"attachments[0].sha256": "abc"}),
    C("E1905", "attachments[0].size", {"attachments[0].size": 0}),
    C("E1906", "attachments[0].file_name", {"attachments[0].file_name": "scan/contract.pdf"}),
    C("W1907", "attachments[0].sha256", {}, good={"attachment_sizes": {SHA: 182_044}},
      bad={"attachment_sizes": {}}),
    # ------------------------------------------- eCIQ goods line and catalogue (E20xx)
    C("E2001", "goods[1].ciq_code", {"goods[1].ciq_code": "301"}),
    C("E2002", "goods[1].ciq_code", {"goods[1].ciq_code": None}),
    C("E2003", "goods[0].goods_attributes", {"goods[0].goods_attributes": ["11", "99"]}),
    C("E2004", "goods[0].goods_attributes", {"goods[0].goods_attributes": ["11", "12"]}),
    C("E2005", "goods[0].licences[0].type", {"goods[0].licences[0].type": "999"}),
    C("E2006", "goods[0].licences[0].number", {"goods[0].licences[0].number": " "}),
    C("E2007", "goods[2].dangerous.pack_category", {"goods[2].dangerous.pack_category": "9"},
      direction="outbound", setup=_AMMONIA),
    C("E2008", "enterprise_qualifications[0].type", _qualification),
    C("E2009", "customs_decl_no", {"customs_decl_no": "12345"}),
    C("E2010", "goods[2].licences", _drop(2, "325"), setup=_BEEF),
    C("E2011", "attachments", lambda d: setattr(d, "attachments", d.attachments[:1]),
      setup=_BEEF),
    C("E2012", "goods[2].licences", _drop(2, "519"), setup=_BEEF),
    C("E2013", "goods[2].goods_attributes", {"goods[2].goods_attributes": []}, setup=_BEEF),
    C("E2014", "goods[2].licences", _drop(2, "517"), setup=_BISCUIT),
    C("E2015", "goods[2].producer.reg_no", {"goods[2].producer.reg_no": ""},
      direction="outbound", setup=_BISCUIT),
    C("E2016", "goods[0].goods_attributes", {"goods[0].goods_attributes": []}),
    C("E2017", "goods[0].licences", {"goods[0].licences": []}),
    C("E2018", "goods[2].dangerous.un_no", {"goods[2].dangerous.un_no": None},
      direction="outbound", setup=_AMMONIA),
    C("E2019", "goods[2].licences", _drop(2, "426"), direction="outbound", setup=_AMMONIA),
    C("E2020", "clearance_doc_no", {"clearance_doc_no": "31012026"}),
    C("E2021", "containers[0].goods_seqs", {"containers[0].goods_seqs": [1, 9]}),
    C("E2022", "goods[2].std_unit", {"goods[2].std_quantity": Decimal("5")}),
    C("W2001", "goods[2].production_date",
      {"goods[2].production_date": datetime(2030, 1, 1).date()}),
]


def _case_id(c: Case) -> str:
    return c.id or f"{c.code}-{c.field}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_rule_quiet_on_valid_and_fires_on_broken(case: Case, codebook):
    if case.eciq:
        from client.ciq.lists import eciq_codebook
        codebook = eciq_codebook()
    good_ctx = ctx(codebook, **case.good)
    bad_ctx = ctx(codebook, **(case.bad if case.bad is not None else case.good))

    good = validate(case.build(broken=False), good_ctx)
    assert good == [], f"the valid declaration already has issues: {good}"

    issues = validate(case.build(broken=True), bad_ctx)
    hits = [i for i in issues if i.code == case.code]
    assert hits, f"{case.code} did not fire; got {[(i.code, i.field) for i in issues]}"
    assert case.field in [i.field for i in hits]
    info = load_all()[case.code]
    for i in hits:
        assert i.severity == info.severity
        assert i.message_zh and i.message_en
        assert i.message_zh != i.message_en


def test_every_rule_has_a_case():
    covered = {c.code for c in CASES}
    missing = sorted(set(load_all()) - covered)
    assert not missing, f"rules without a firing test in CASES: {missing}"


def test_case_codes_are_registered():
    unknown = sorted({c.code for c in CASES} - set(load_all()))
    assert not unknown


def test_rule_fires_when_called_directly(codebook):
    """Rules are plain functions: callable without the engine (no lookups cached yet)."""
    from client.rules.crossfield import net_not_above_gross
    d = sample_declaration("inbound", goods=1)
    d.goods[0].net_weight_kg = Decimal("2")
    d.goods[0].gross_weight_kg = Decimal("1")
    assert net_not_above_gross(d, ctx(codebook))[0].code == "E1501"
    assert codes_of(validate(d, ctx(codebook))) == {"E1501"}
