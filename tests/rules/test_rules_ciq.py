"""E20xx: the eCIQ goods line and the inspection catalogue, on the four goods of issue 13.

Each case is built as a declarer would (a complete declaration of the direction with one
goods line of those goods); complete, it validates clean; each requirement taken away is
flagged by its rule at its field. The cases carry eCIQ transport and trade codes and are
judged by a code book holding the eCIQ lists (version 2027.01.0, as after the switch).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from client.ciq import requirements
from client.ciq.lists import eciq_codebook
from client.model import Attachment, Dangerous, GoodsLine, Licence, Producer
from rules_testkit import run as _run
from rules_testkit import sample_declaration as _sample

ECIQ = eciq_codebook()


def run(decl, **kw):
    return _run(decl, codes=ECIQ, **kw)


def sample_declaration(direction, n, seed):
    """The sample declaration with eCIQ codes: 1 水路运输, 11 一般贸易."""
    d = _sample(direction, n, seed=seed)
    d.transport_mode, d.trade_mode = "1", "11"
    return d


def _line(hs: str, ciq: str, name: str, **kw) -> GoodsLine:
    return GoodsLine(seq=1, hs_code=hs, ciq_code=ciq, name_cn=name, name_en=name,
                     spec="标准", brand="无", origin_country=kw.pop("origin", "AUS"),
                     quantity=Decimal("1000"), quantity_unit="035",
                     net_weight_kg=Decimal("1000.000"), gross_weight_kg=Decimal("1050.000"),
                     value=Decimal("8000.00"), currency="USD", package_type="22",
                     package_count=100, **kw)


def frozen_beef_import():
    d = sample_declaration("inbound", 1, seed=7)
    d.goods = [_line("0202300090", "102", "冻去骨牛肉", goods_attributes=["15"],
                     licences=[Licence("325", "3252026000123"), Licence("519", "AU-EST-0001")])]
    d.attachments.append(Attachment(type="101006", file_name="vet.pdf", sha256="a" * 64,
                                    size=4))
    return d


def prepackaged_food_import():
    d = sample_declaration("inbound", 1, seed=8)
    d.goods = [_line("1905310000", "101", "甜饼干", goods_attributes=["14"],
                     licences=[Licence("519", "DE-1905-01"), Licence("517", "LB2026-0042")],
                     batch_no="B2026-11", production_date=d.arrival_date)]
    return d


def toy_export():
    d = sample_declaration("outbound", 1, seed=9)
    d.goods = [_line("9503006000", "101", "布绒玩具", origin="CHN", goods_attributes=["12"],
                     licences=[Licence("417", "TOY-3100-0007")])]
    return d


def dangerous_chemical_export():
    d = sample_declaration("outbound", 1, seed=10)
    d.goods = [_line("2814100000", "301", "液氨", origin="CHN", goods_attributes=["32"],
                     licences=[Licence("425", "PKG-U-2026-01"), Licence("426", "PKG-P-2026-01")],
                     dangerous=Dangerous(un_no="1005", name="无水氨", class_="2.3",
                                         pack_category="4", packaging_code="1A1"),
                     producer=Producer(name="上海某化工有限公司", reg_no="3100CH0001"))]
    return d


CASES = {"beef": frozen_beef_import, "food": prepackaged_food_import, "toy": toy_export,
         "chemical": dangerous_chemical_export}


@pytest.mark.parametrize("case", CASES)
def test_complete_declaration_is_clean(case):
    assert run(CASES[case]()) == []


def _drop_licence(code):
    def f(d):
        d.goods[0].licences = [x for x in d.goods[0].licences if x.type != code]
    return f


def _drop_attr(d):
    d.goods[0].goods_attributes = []


def _drop_attachment(d):
    d.attachments = [a for a in d.attachments if a.type != "101006"]


def _dangerous_field(name):
    def f(d):
        setattr(d.goods[0].dangerous, name, None)
    return f


@pytest.mark.parametrize("case, take_away, code, field", [
    ("beef", _drop_licence("325"), "E2010", "goods[0].licences"),
    ("beef", _drop_attachment, "E2011", "attachments"),
    ("beef", _drop_licence("519"), "E2012", "goods[0].licences"),
    ("beef", _drop_attr, "E2013", "goods[0].goods_attributes"),
    ("food", _drop_licence("519"), "E2012", "goods[0].licences"),
    ("food", _drop_licence("517"), "E2014", "goods[0].licences"),
    ("food", _drop_attr, "E2013", "goods[0].goods_attributes"),
    ("toy", _drop_licence("417"), "E2010", "goods[0].licences"),
    ("chemical", _drop_licence("425"), "E2019", "goods[0].licences"),
    ("chemical", _drop_licence("426"), "E2019", "goods[0].licences"),
    ("chemical", _dangerous_field("un_no"), "E2018", "goods[0].dangerous.un_no"),
    ("chemical", _dangerous_field("class_"), "E2018", "goods[0].dangerous.class"),
    ("chemical", _dangerous_field("pack_category"), "E2018", "goods[0].dangerous.pack_category"),
])
def test_each_missing_requirement_is_flagged_at_its_field(case, take_away, code, field):
    d = CASES[case]()
    take_away(d)
    found = [(i.code, i.field) for i in run(d)]
    assert found == [(code, field)]
    issue = run(d)[0]
    assert issue.message_zh and issue.message_en and issue.message_zh != issue.message_en


def test_food_export_needs_the_producer_filing_number():
    d = sample_declaration("outbound", 1, seed=3)
    d.goods = [_line("1905310000", "101", "甜饼干", origin="CHN")]
    assert [(i.code, i.field) for i in run(d)] == [("E2015", "goods[0].producer.reg_no")]
    d.goods[0].producer = Producer(name="上海某食品有限公司", reg_no="3100/02001")
    assert run(d) == []


def test_ccc_goods_inbound_need_the_attribute_then_the_certificate():
    d = sample_declaration("inbound", 1, seed=4)
    d.goods = [_line("8415101000", "999", "空调器")]
    assert [(i.code, i.field) for i in run(d)] == [("E2016", "goods[0].goods_attributes")]
    d.goods[0].goods_attributes = ["11"]
    assert [(i.code, i.field) for i in run(d)] == [("E2017", "goods[0].licences")]
    d.goods[0].licences = [Licence("410", "MZ2026-001")]  # the exemption does as well
    assert run(d) == []


# ------------------------------------------------------------------ validity rules


def _one(d, **kw):
    for k, v in kw.items():
        setattr(d.goods[0], k, v)
    return [(i.code, i.field) for i in run(d)]


def test_ciq_pair_must_be_a_row():
    d = frozen_beef_import()
    assert _one(d, ciq_code="999") == []        # 0202300090 999 is a row
    assert _one(d, ciq_code="301") == [("E2001", "goods[0].ciq_code")]


def test_ciq_code_required_when_the_hs_code_has_some():
    assert _one(frozen_beef_import(), ciq_code=None) == [("E2002", "goods[0].ciq_code")]


def test_unknown_and_exclusive_attributes():
    d = toy_export()
    assert _one(d, goods_attributes=["12", "99"]) == [("E2003", "goods[0].goods_attributes")]
    assert _one(d, goods_attributes=["11", "12"]) == [("E2004", "goods[0].goods_attributes")]
    assert _one(d, goods_attributes=["16", "17", "12"]) == [("E2004", "goods[0].goods_attributes")]
    assert _one(d, goods_attributes=["12", "17"]) == []


def test_licence_type_of_the_direction_and_number():
    d = toy_export()
    d.goods[0].licences.append(Licence("325", "X1"))   # an inbound-only licence
    assert [(i.code, i.field) for i in run(d)] == [("E2005", "goods[0].licences[1].type")]
    d.goods[0].licences[1] = Licence("602", " ")
    assert [(i.code, i.field) for i in run(d)] == [("E2006", "goods[0].licences[1].number")]


def test_pack_category_code():
    d = dangerous_chemical_export()
    d.goods[0].dangerous.pack_category = "7"
    assert [(i.code, i.field) for i in run(d)] == [("E2007", "goods[0].dangerous.pack_category")]


def test_enterprise_qualifications():
    from client.model import Qualification
    d = toy_export()
    d.enterprise_qualifications = [Qualification("415", "Q-1")]
    assert run(d) == []
    d.enterprise_qualifications = [Qualification("999", "")]
    assert [(i.code, i.field) for i in run(d)] == [
        ("E2008", "enterprise_qualifications[0].number"),
        ("E2008", "enterprise_qualifications[0].type")]


@pytest.mark.parametrize("name, code", [("customs_decl_no", "E2009"),
                                        ("clearance_doc_no", "E2020")])
def test_eighteen_digit_numbers(name, code):
    d = toy_export()
    setattr(d, name, "310120261234567890")
    assert run(d) == []
    setattr(d, name, "31012026123456789")
    assert [(i.code, i.field) for i in run(d)] == [(code, name)]


def test_container_goods_seqs_and_std_unit():
    d = toy_export()
    d.containers[0].goods_seqs = [1]
    assert run(d) == []
    d.containers[0].goods_seqs = [1, 4]
    assert [(i.code, i.field) for i in run(d)] == [("E2021", "containers[0].goods_seqs")]
    d.containers[0].goods_seqs = []
    assert _one(d, std_quantity=Decimal("12")) == [("E2022", "goods[0].std_unit")]
    assert _one(d, std_unit="035") == []


def test_production_date_in_the_future_is_a_warning():
    from datetime import date
    d = prepackaged_food_import()
    assert [(i.code, i.severity) for i in run(d)] == []
    d.goods[0].production_date = date(2027, 1, 1)
    assert [(i.code, i.severity) for i in run(d)] == [("W2001", "warning")]


# ------------------------------------------------------------- the requirements panel


def test_requirements_list_what_the_line_needs_with_present_flags():
    d = frozen_beef_import()
    reqs = requirements(d, 0)
    by = {(r.kind, r.code): r for r in reqs}
    assert by[("licence", "325")].present and by[("licence", "325")].name_cn == "进境动植物检疫许可证"
    assert by[("licence", "325")].name_en == "entry animal and plant quarantine permit"
    assert by[("attachment", "101006")].present
    assert by[("attachment", "101006")].alternatives == ("101006", "101007", "101008")
    assert by[("attribute", "14")].present  # 15 非预包装 is chosen
    clearance = by[("clearance", "97")]
    assert not clearance.present and clearance.name_cn == "须凭入境货物通关单"
    d.clearance_doc_no = "310120261234567890"
    assert {(r.kind, r.code): r for r in requirements(d, 0)}[("clearance", "97")].present
    d.goods[0].licences = []
    missing = {r.code for r in requirements(d, 0) if not r.present}
    assert missing == {"325", "519"}


def test_goods_outside_the_catalogue_need_nothing():
    d = sample_declaration("inbound", 1, seed=1)
    d.goods = [_line("6403990090", "101", "皮鞋")]
    assert requirements(d, 0) == [] and run(d) == []
