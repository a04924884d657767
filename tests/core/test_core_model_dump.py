"""The generated writers of the interchange JSON (model_fast.fast_dumpers) write exactly
what the readable definition (model._dump_obj) writes: keys, order, values, extras."""
from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from client import model
from client.model import Container, Dangerous, Licence, Producer, parse_declaration
from client.rules.sample import sample_declaration


def _same(decl) -> None:
    slow = model._dump_obj("declaration", decl)
    fast = model.to_dict(decl)
    assert json.dumps(fast, ensure_ascii=False) == json.dumps(slow, ensure_ascii=False)


def test_samples_of_both_directions_are_written_the_same():
    for i in range(60):
        _same(sample_declaration("inbound" if i % 2 else "outbound", 1 + i % 4, seed=i))


def test_every_kind_none_and_unknown_keys_are_written_the_same():
    d = sample_declaration("inbound", 2, seed=3)
    g = d.goods[0]
    g.licences = [Licence(type="411", number="2026011234567"), Licence(type="325")]
    g.dangerous = Dangerous(un_no="1993", name="易燃液体", class_="3")
    g.producer = Producer(name="某某工厂", reg_no=None)
    g.goods_attributes = ["11", "21"]
    g.production_date = date(2026, 1, 31)
    g.value = Decimal("25200.500")
    g.extra = {"vendor_note": {"a": [1, 2]}, "hs_code": "shadowed by the known key"}
    d.containers = [Container(number="CSQU3054383", size_type="45G1", goods_seqs=[1, 2])]
    d.remarks = None
    d.extra = {"x_broker": "A-17", "goods": "never replaces the known key"}
    _same(d)
    out = model.to_dict(d)
    assert list(out)[-1] == "x_broker" and out["goods"][0]["vendor_note"] == {"a": [1, 2]}
    assert out["goods"][0]["value"] == "25200.500"
    again, issues = parse_declaration(json.loads(model.dumps_compact(d)))
    assert issues == [] and model.to_dict(again) == out


def _json_text(decl) -> str:
    return json.dumps(model.to_dict(decl), ensure_ascii=False, allow_nan=False,
                      separators=(",", ":"))


def test_the_stored_text_is_what_json_writes():
    """dumps_compact (orjson) writes the same text json.dumps writes: keys in order,
    Chinese as is, control characters escaped, nulls kept."""
    for i in range(40):
        d = sample_declaration("inbound" if i % 2 else "outbound", 1 + i % 3, seed=100 + i)
        assert model.dumps_compact(d) == _json_text(d)
    d = sample_declaration("inbound", 2, seed=7)
    d.remarks = "第一行\n第二行\t\"引号\" \\ 反斜杠 \x01 😀"
    d.goods[0].extra = {"note": ["a", 1, None, True, {"k": "中文"}]}
    assert model.dumps_compact(d) == _json_text(d)
    assert json.loads(model.dumps_compact(d))["remarks"] == d.remarks


def test_what_orjson_refuses_is_written_by_json():
    """A lone surrogate or a huge integer under an unknown key (kept from a JSON file)
    is still stored, as json writes it."""
    d = sample_declaration("outbound", 1, seed=8)
    d.extra = {"odd": "\ud800", "big": 2 ** 70}
    text = model.dumps_compact(d)
    assert text == _json_text(d) and json.loads(text)["big"] == 2 ** 70


def test_nan_under_an_unknown_key_of_a_goods_line_is_refused():
    import pytest

    from client.errors import InputError
    d = sample_declaration("inbound", 2, seed=9)
    d.goods[1].extra = {"vendor": {"scores": [1.5, float("-inf")]}}
    with pytest.raises(InputError):
        model.dumps_compact(d)
    d.goods[1].extra = {"vendor": {"scores": [1.5, 2.0]}}
    assert json.loads(model.dumps_compact(d))["goods"][1]["vendor"] == {"scores": [1.5, 2.0]}


def test_stored_documents_read_back_as_json_reads_them():
    """loads_doc (orjson) gives what json.loads gives for what the store writes, and a text
    orjson refuses (an integer past 64 bits under an unknown key) is read by json."""
    for i in range(20):
        text = model.dumps_compact(sample_declaration("inbound" if i % 2 else "outbound",
                                                      1 + i % 3, seed=300 + i))
        assert model.loads_doc(text) == json.loads(text)
        assert model.to_dict(model.loads_stored(text)) == json.loads(text)
    d = sample_declaration("outbound", 1, seed=8)
    d.extra = {"big": 2 ** 70, "x": 1.5e300}
    text = model.dumps_compact(d)
    assert model.loads_doc(text) == json.loads(text) and model.loads_doc(text)["big"] == 2 ** 70
