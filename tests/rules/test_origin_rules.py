"""The certificate-of-origin rulebook (client.origin.rules): each rule fires on its case,
pointing at its field, and stays quiet on a valid certificate."""
from __future__ import annotations

import copy
from datetime import date

import pytest

from client.codes import default_codebook
from client.origin import rules, tables

TODAY = date(2026, 12, 2)


def valid_co(agreement="CN-KR", country="KOR", criterion="WO") -> dict:
    return {"format": "ciqdesk/origin-certificate@1", "id": "01TESTCO0000000000000000AA",
            "agreement": agreement,
            "exporter": {"name": "Shanghai Huaxin Electronics Co., Ltd.", "uscc": "x",
                         "address": "1 Road", "country": "CHN"},
            "producer": {"name": "Same"},
            "consignee": {"name": "Seoul Trading", "address": "2 Street", "country": country},
            "transport": {"departure_date": "2026-12-05", "means": "MV STAR",
                          "port_of_loading": "SHANGHAI", "port_of_discharge": "BUSAN"},
            "goods": [{"description": "POWER SUPPLIES", "hs_code": "850440",
                       "criterion": criterion, "quantity": "10", "unit": "PCE",
                       "invoice_no": "INV1", "invoice_date": "2026-12-01"}],
            "third_party_invoicing": False, "retroactive": False,
            "application_place": "SHANGHAI", "application_date": "2026-12-02"}


def codes_of(doc):
    _d, issues = rules.validate(doc, default_codebook(), TODAY)
    return [(i.code, i.field, i.severity) for i in issues]


@pytest.mark.parametrize("agreement,country,criterion", [
    ("CN-KR", "KOR", "WO"), ("CN-AU", "AUS", "WP"), ("CN-ASEAN", "VNM", "PE"),
    ("CN-PK", "PAK", "PSR"), ("CN-CH", "CHE", "WO"), ("APTA", "IND", "A"),
    ("GSP", "NOR", "P"), ("NONPREF", "USA", "WO"), ("CN-SG", "SGP", "WO"),
])
def test_quiet_on_valid_certificates(agreement, country, criterion):
    assert codes_of(valid_co(agreement, country, criterion)) == []


def _with(path_value: dict, doc=None) -> dict:
    d = copy.deepcopy(doc or valid_co())
    for path, v in path_value.items():
        cur = d
        parts = path.split(".")
        for p in parts[:-1]:
            cur = cur[int(p)] if isinstance(cur, list) else cur[p]
        cur[parts[-1]] = v
    return d


@pytest.mark.parametrize("change,expected", [
    ({"consignee.name": ""}, ("O1001", "consignee.name", "error")),
    ({"goods": []}, ("O1001", "goods", "error")),
    ({"goods.0.invoice_no": None}, ("O1001", "goods[0].invoice_no", "error")),
    ({"agreement": "CN-XX"}, ("O1010", "agreement", "error")),
    ({"consignee.country": "JPN"}, ("O1011", "consignee.country", "error")),
    ({"application_date": "2015-12-19", "goods.0.invoice_date": "2015-12-19",
      "transport.departure_date": "2015-12-20"}, ("O1011", "consignee.country", "error")),
    ({"consignee.country": "ZZZ"}, ("O1013", "consignee.country", "error")),
    ({"goods.0.criterion": "P"}, ("O1020", "goods[0].criterion", "error")),
    ({"goods.0.criterion": "RVC"}, ("O1021", "goods[0].rvc_percent", "error")),
    ({"goods.0.hs_code": "850499"}, ("O1030", "goods[0].hs_code", "error")),
    ({"goods.0.hs_code": "8504"}, ("O1030", "goods[0].hs_code", "error")),
    ({"transport.departure_date": "2026-11-20"}, ("O1040", "retroactive", "error")),
    ({"retroactive": True}, ("O1041", "retroactive_reason", "error")),
    ({"goods.0.quantity": None}, ("O1050", "goods[0].quantity", "error")),
    ({"third_party_invoicing": True}, ("O1051", "third_party.name", "error")),
    ({"application_date": "2026/12/02"}, ("O1000", "application_date", "error")),
    ({"goods.0.quantity": ["10"]}, ("O1000", "goods[0].quantity", "error")),
])
def test_each_rule_fires_at_its_field(change, expected):
    found = codes_of(_with(change))
    assert expected in found, found


def test_retroactive_with_reason_is_valid_and_early_retro_only_warns():
    d = _with({"transport.departure_date": "2026-11-20", "retroactive": True,
               "retroactive_reason": "装运后补办"})
    assert codes_of(d) == []
    d = _with({"retroactive": True, "retroactive_reason": "x"})
    assert codes_of(d) == [("O1042", "retroactive", "warning")]


def test_rvc_with_percentage_is_valid():
    assert codes_of(_with({"goods.0.criterion": "RVC", "goods.0.rvc_percent": "45"})) == []
    assert ("O1021", "goods[0].rvc_percent", "error") in codes_of(
        _with({"goods.0.criterion": "RVC", "goods.0.rvc_percent": "140"}))


def test_gsp_only_to_donors_on_the_date():
    assert ("O1012", "consignee.country", "error") in codes_of(valid_co("GSP", "USA", "P"))
    # Japan granted China GSP until 2019-03-31: refused now, accepted in 2018
    assert ("O1012", "consignee.country", "error") in codes_of(valid_co("GSP", "JPN", "P"))
    old = _with({"application_date": "2018-06-01", "transport.departure_date": "2018-06-05",
                 "goods.0.invoice_date": "2018-06-01"}, valid_co("GSP", "JPN", "P"))
    assert codes_of(old) == []


def test_messages_are_bilingual_and_name_the_dates():
    d = _with({"agreement": "CN-AU", "consignee.country": "AUS", "application_date": "2015-12-01"})
    _doc, issues = rules.validate(d, default_codebook(), TODAY)
    (i,) = [x for x in issues if x.code == "O1011"]
    assert "2015-12-20" in i.message_zh and "2015-12-20" in i.message_en


def test_tables_cover_every_agreement_with_partners_and_criteria():
    codes = default_codebook()
    for code in tables.AGREEMENTS:
        assert tables.agreement(codes, code) is not None, code
        assert tables.criteria(codes, code), code
        if code not in ("GSP", "NONPREF"):
            assert tables.partners(codes, code), code
    assert len(tables.partners(codes, "CN-ASEAN")) == 10
    assert tables.is_party(codes, "CN-KR", "KOR", date(2015, 12, 20))
    assert not tables.is_party(codes, "CN-KR", "KOR", date(2015, 12, 19))
