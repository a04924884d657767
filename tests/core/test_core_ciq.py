"""client.ciq: CIQ codes by HS code, the name search, the catalogue, the @1 upgrade, and
the @2 fields through JSON."""
from __future__ import annotations

import json
from decimal import Decimal

from client.ciq import ciq_lookup, upgrade_v1
from client.codes import default_codebook
from client.model import (SCHEMA, Dangerous, Licence, Producer, Qualification,
                          from_dict, new_declaration, parse_declaration, to_dict, to_json)
from client.rules.sample import sample_declaration

CB = default_codebook()
LK = ciq_lookup(CB)


def test_all_official_codes_are_loaded():
    assert len(LK) == 24197


def test_codes_for_an_hs_code_with_names():
    codes = LK.codes_for("0202300090")
    assert [c.ciq_code for c in codes] == ["101", "102", "103", "104", "105", "999"]
    assert codes[1].name_cn == "其他冻藏的去骨牛肉(30月龄以下)"
    assert codes[1].code13 == "0202300090102"
    assert LK.codes_for("0000000000") == [] and LK.codes_for(None) == []
    assert LK.name("0202300090", "102") == codes[1].name_cn
    assert LK.get("0202300090", "301") is None


def test_search_by_code_prefix_and_by_name():
    by_code = LK.search("02023000")
    assert by_code and all(c.code13.startswith("02023000") for c in by_code)
    by_name = LK.search("冻藏的去骨牛肉", limit=10)
    assert by_name and all("冻藏的去骨牛肉" in c.name_cn for c in by_name)
    assert len({c.code13 for c in by_name}) == len(by_name)
    assert len(LK.search("其他", limit=7)) == 7
    assert LK.search("没有这种商品名称xyz") == []


def test_catalogue_by_prefix_and_exact_pair_wins():
    beef = LK.catalogue("0202300090", "102")
    assert beef.letters("inbound") == ("P", "R") and beef.letters("outbound") == ("Q", "S")
    assert beef.condition("inbound") == "A" and beef.condition("outbound") == "B"
    assert beef.licences("inbound") == ("325",)
    assert "STAND-IN" in beef.basis
    assert LK.catalogue("0201100000").match == "02"
    assert LK.catalogue("1209100000").letters("inbound") == ("P",)   # the longer prefix
    assert LK.catalogue("6403990090") is None
    # an exact HS10+CIQ row of a platform version takes precedence over the prefix
    text = CB.builtin_csv("inspection_catalogue") + \
        "0202300090102,0202300090,102,M/N,,,,exact row\n"
    from client.codes import CodeBook
    cb = CodeBook()
    cb.replace("inspection_catalogue", "2026.12.1", text)
    lk = ciq_lookup(cb)
    assert lk.catalogue("0202300090", "102").letters("inbound") == ("M",)
    assert lk.catalogue("0202300090", "101").match == "02"
    assert lk.catalogue_version == "2026.12.1"


def test_v2_fields_round_trip_through_json():
    d = sample_declaration("outbound", 1, seed=2)
    g = d.goods[0]
    g.goods_attributes = ["32", "18"]
    g.licences = [Licence("425", "A1"), Licence("426", "B2")]
    g.dangerous = Dangerous(un_no="1005", name="氨", class_="2.3", pack_category="4",
                            packaging_code="1A1")
    g.producer = Producer(name="某厂", reg_no="3100/1")
    g.batch_no, g.std_quantity, g.std_unit = "B1", Decimal("12.50"), "035"
    d.containers[0].goods_seqs = [1]
    d.enterprise_qualifications = [Qualification("415", "Q9")]
    d.customs_decl_no, d.stopover_port, d.foreign_investment = "310120261234567890", "SGSIN", False
    data = json.loads(to_json(d))
    assert data["schema"] == SCHEMA == "ciqdesk/declaration@2"
    assert data["goods"][0]["dangerous"]["class"] == "2.3"
    assert data["goods"][0]["licences"] == [{"type": "425", "number": "A1"},
                                           {"type": "426", "number": "B2"}]
    assert data["containers"][0]["goods_seqs"] == [1]
    assert from_dict(data) == d


def test_v2_lists_of_codes_report_bad_items_at_their_path():
    data = to_dict(new_declaration())
    data["goods"] = [{"goods_attributes": ["14", {"x": 1}], "licences": "325"}]
    data["containers"] = [{"goods_seqs": [1, "x"]}]
    _decl, issues = parse_declaration(data)
    assert {(i.code, i.field) for i in issues} == {
        ("E0003", "goods[0].goods_attributes[1]"), ("E0008", "goods[0].licences"),
        ("E0005", "containers[0].goods_seqs[1]")}


def test_v1_file_still_parses_and_upgrades_with_mapped_codes():
    d = sample_declaration("inbound", 1, seed=5)
    data = to_dict(d)
    data["schema"] = "ciqdesk/declaration@1"
    data["transport_mode"], data["trade_mode"] = "2", "0110"   # customs 水路, 一般贸易
    v1, issues = parse_declaration(data)
    assert issues == [] and v1.schema == "ciqdesk/declaration@1"
    notes = upgrade_v1(v1, CB)
    assert v1.schema == SCHEMA
    assert (v1.transport_mode, v1.trade_mode) == ("1", "11")   # eCIQ 水路, 一般贸易
    # no customs declaration linked and nothing a rule needs: the customs codes are dropped
    assert "customs_transport_mode" not in v1.extra and "customs_trade_mode" not in v1.extra
    assert [n.field for n in notes] == ["transport_mode", "trade_mode"]
    assert "水路运输" in notes[0].message_zh and notes[0].message_en
    assert upgrade_v1(v1, CB) == []  # already @2: nothing to do


def test_customs_codes_survive_where_the_customs_link_or_a_rule_needs_them():
    d = sample_declaration("inbound", 1, seed=7)
    d.schema, d.transport_mode, d.trade_mode = "ciqdesk/declaration@1", "2", "0110"
    d.customs_decl_no = "310120261234567890"         # linked: every code kept
    upgrade_v1(d, CB)
    assert d.extra == {"customs_transport_mode": "2", "customs_trade_mode": "0110"}
    d = sample_declaration("inbound", 1, seed=8)
    d.schema, d.transport_mode, d.trade_mode = "ciqdesk/declaration@1", "6", "9710"
    upgrade_v1(d, CB)                                # mail (E1015) and B2B e-commerce (E18xx)
    assert (d.transport_mode, d.trade_mode) == ("9", "11")
    assert d.extra == {"customs_transport_mode": "6", "customs_trade_mode": "9710"}


def test_v1_mail_becomes_eciq_other_and_unknown_codes_are_kept_with_a_note():
    d = sample_declaration("inbound", 1, seed=6)
    d.schema, d.transport_mode, d.trade_mode = "ciqdesk/declaration@1", "6", "ZZZZ"
    notes = upgrade_v1(d, CB)
    assert d.transport_mode == "9"           # customs 6 邮件 → eCIQ 9 其他
    assert d.trade_mode == "ZZZZ" and "ZZZZ" in notes[1].message_zh
