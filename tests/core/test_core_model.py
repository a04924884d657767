"""The interchange format: every field survives JSON and the store, exactly."""
from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings

from client.model import (Declaration, GoodsLine, new_ulid, parse_declaration, to_dict,
                          to_json)
from core_strategies import declarations


@given(declarations())
@settings(max_examples=150, deadline=None)
def test_json_round_trip_is_lossless(decl):
    text = to_json(decl)
    back, issues = parse_declaration(json.loads(text))
    assert issues == []
    assert back == decl
    assert to_json(back) == text


@given(decl=declarations())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_store_round_trip_is_lossless(desk, decl):
    if decl.inspection_no is not None:  # numbers are unique in a store
        decl.inspection_no += new_ulid()
    desk.save_draft(decl)
    assert desk.get(decl.id) == decl
    assert json.loads(desk.export_json(decl.id)) == to_dict(decl)


def test_decimal_scale_and_chinese_text_kept():
    src = {"schema": "ciqdesk/declaration@1", "id": new_ulid(), "direction": "inbound",
           "consignee": {"name_cn": "上海远航贸易有限公司"},
           "arrival_date": "2026-02-28",
           "goods": [{"seq": 1, "gross_weight_kg": "25200.500", "value": "1200.50",
                      "quantity": "7"}]}
    decl, issues = parse_declaration(src)
    assert issues == []
    g = decl.goods[0]
    assert g.gross_weight_kg == Decimal("25200.500") and g.value == Decimal("1200.50")
    out = to_dict(decl)
    assert out["goods"][0]["gross_weight_kg"] == "25200.500"
    assert out["goods"][0]["value"] == "1200.50"
    assert out["goods"][0]["quantity"] == "7"
    assert out["arrival_date"] == "2026-02-28"
    assert out["consignee"]["name_cn"] == "上海远航贸易有限公司"


def test_unknown_fields_survive_a_round_trip():
    src = {"id": "X1", "direction": "outbound", "future_field": {"a": [1, 2]},
           "goods": [{"seq": 1, "colour": "红色"}]}
    decl, issues = parse_declaration(src)
    assert issues == []
    out = to_dict(decl)
    assert out["future_field"] == {"a": [1, 2]}
    assert out["goods"][0]["colour"] == "红色"


def test_unreadable_values_are_reported_with_their_path():
    src = {"id": "X2", "direction": "inbound", "arrival_date": "2026-02-30",
           "goods": [{"seq": 1, "net_weight_kg": 12.5}, {"seq": "two"}], "ecommerce": "yes",
           "containers": "CSQU3054383"}
    decl, issues = parse_declaration(src)
    fields = {i.field for i in issues}
    assert fields == {"arrival_date", "goods[0].net_weight_kg", "goods[1].seq", "ecommerce",
                      "containers"}
    by_field = {i.field: i for i in issues}
    assert "到货日期" in by_field["arrival_date"].message_zh
    assert "第1项货物净重" in by_field["goods[0].net_weight_kg"].message_zh
    # what could be read is kept
    assert decl.direction == "inbound" and len(decl.goods) == 2
    assert decl.arrival_date is None


def test_not_an_object_at_all():
    decl, issues = parse_declaration(["not", "a", "declaration"])
    assert decl is None and issues[0].code == "E0002"


def test_total_value_and_summary():
    d = Declaration(id="x", goods=[GoodsLine(name_cn="钢材", value=Decimal("10.50"), currency="USD"),
                                   GoodsLine(name_cn="铝材", value=Decimal("1.25"), currency="USD")])
    assert d.total_value() == (Decimal("11.75"), "USD")
    assert d.goods_summary() == "钢材、铝材"
    assert date(2026, 1, 1)  # dates are plain datetime.date
