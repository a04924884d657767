"""The generated fast readers of ``parse_declaration`` change nothing but speed.

``client.model`` reads a well-formed declaration with generated straight-line readers and
falls back to the generic table-driven reader (``_parse_obj``) on anything else. Every
test here parses the same input with ``FAST_PARSE`` on and off and checks that both give
the same declaration (field by field, with the type and exact value of every leaf, and
``to_dict``) and the same issues: over valid declarations, over hypothesis-mutated JSON
objects full of wrong types and odd strings, and over hand-written cases that must take
the fast path or must fall back. The objects built never share an ``extra`` dict or a list.
"""
from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import client.model as model
from client.model import (SCHEMA, Declaration, GoodsLine, Party, parse_declaration, to_dict,
                          to_json)
from client.rules.sample import sample_declaration
from core_strategies import declarations

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


class DictSub(dict):
    """A dict subclass: the generic reader takes it, the fast readers fall back."""


class StrSub(str):
    """A str subclass: kept as it is by the generic reader; the fast readers fall back."""


class IntSub(int):
    """An int subclass: the generic reader turns it into a plain int."""


# ----------------------------------------------------------------------------- helpers


def typed(value):
    """A comparable picture of a parsed value: the type and exact value of every leaf
    (``Decimal("1.0")`` and ``Decimal("1.00")`` differ, so do ``"1"`` and ``StrSub("1")``).
    Reading every slot also proves each one is set."""
    if is_dataclass(value):
        return (type(value), tuple((f.name, typed(getattr(value, f.name)))
                                   for f in fields(value)))
    if isinstance(value, dict):
        return (type(value), tuple((typed(k), typed(v)) for k, v in value.items()))
    if isinstance(value, list):
        return (type(value), tuple(typed(v) for v in value))
    return (type(value), repr(value))


def containers_of(decl) -> list:
    """Every ``extra`` dict and every list field of the objects in a declaration."""
    out = []

    def walk(obj):
        for f in fields(obj):
            value = getattr(obj, f.name)
            if f.name == "extra" or isinstance(value, list):
                out.append(value)
            if is_dataclass(value):
                walk(value)
            elif isinstance(value, list):
                for item in value:
                    if is_dataclass(item):  # lists of codes/numbers hold plain values
                        walk(item)

    if decl is not None:
        walk(decl)
    return out


def containers_in(data) -> list:
    """Every dict and list in an input (to check none is reused as a parsed container)."""
    if isinstance(data, dict):
        return [data, *(c for v in data.values() for c in containers_in(v))]
    if isinstance(data, list):
        return [data, *(c for v in data for c in containers_in(v))]
    return []


def generic(data):
    model.FAST_PARSE = False
    try:
        return parse_declaration(data)
    finally:
        model.FAST_PARSE = True


def takes_fast_path(data) -> bool:
    try:
        model._fast_declaration(data)
    except model._Slow:
        return False
    return True


def same_both_ways(data):
    """Parse ``data`` with the fast path on and off; both must agree exactly."""
    slow_decl, slow_issues = generic(data)
    fast_decl, fast_issues = parse_declaration(data)
    assert fast_issues == slow_issues
    assert fast_decl == slow_decl
    assert typed(fast_decl) == typed(slow_decl)
    if fast_decl is not None:
        assert to_dict(fast_decl) == to_dict(slow_decl)
    # no object shares an extra dict or a list with another one, or with the input
    found = containers_of(fast_decl)
    assert len({id(c) for c in found}) == len(found)
    assert not {id(c) for c in found} & {id(c) for c in containers_in(data)}
    return fast_decl, fast_issues


# ------------------------------------------------------------------- valid declarations


@given(declarations())
@SETTINGS
def test_valid_declarations_take_the_fast_path_with_the_same_result(decl):
    data = json.loads(to_json(decl))
    assert takes_fast_path(data)
    back, issues = same_both_ways(data)
    assert issues == [] and back == decl


@pytest.mark.parametrize("seed", range(20))
def test_sample_declarations_take_the_fast_path(seed):
    data = json.loads(to_json(sample_declaration("inbound" if seed % 2 else "outbound", 5,
                                                 seed=seed)))
    assert takes_fast_path(data)
    same_both_ways(data)


# ---------------------------------------------------------------- mutated declarations

ODD_STRINGS = ["1e3", "1E3", "NaN", "nan", "Infinity", "-inf", "sNaN", " 1.5 ", "\t1.5\n",
               "１２", "٣", "1_000", "1.5.5", "-3", ".5", "+7", "12", " 7 ", "0000000001",
               "12345678901", "abc", "", "2026-02-30", "2026-02-28", "2026-2-28",
               "20260228", "2026-W01-1", "+026-01-01", "２０２６-０１-０１", "true", "null",
               SCHEMA, "ciqdesk/declaration@2"]
ODD_INTS = [0, 1, -1, 2**63 - 1, -(2**63 - 1), 2**63, -(2**63), 2**64, 10**40, 2**128,
            2**129, -(2**129)]

odd_values = st.one_of(
    st.none(), st.booleans(), st.sampled_from(ODD_INTS), st.integers(),
    st.sampled_from(ODD_STRINGS), st.text(max_size=12),
    st.floats(allow_nan=False), st.sampled_from([12.5, 0.1, float("inf")]),
    st.sampled_from(ODD_STRINGS + ["x"]).map(StrSub), st.sampled_from(ODD_INTS).map(IntSub),
    st.sampled_from(["1.5", "NaN", "1E+3"]).map(Decimal),
    st.builds(date, st.integers(1990, 2099), st.integers(1, 12), st.integers(1, 28)),
    st.lists(st.none() | st.integers() | st.text(max_size=3), max_size=3),
    st.builds(lambda: {}), st.builds(lambda: []), st.builds(lambda: ()),
    st.builds(lambda: DictSub(name_cn="x", seq=1)),
    st.builds(lambda: [{"seq": 1}, None, "x", DictSub(seq=2), [], 3]),
    st.dictionaries(st.sampled_from(["seq", "name_cn", "number", "type", "colour"]),
                    st.none() | st.integers() | st.text(max_size=3), max_size=3),
)
UNKNOWN_KEYS = ["extra", "colour", "x_future", "", "Seq", "goods "]


def targets(data) -> list[tuple[str, dict]]:
    """(class key, object) of every object in ``data`` a mutation may change."""
    if not isinstance(data, dict):
        return []
    out = [("declaration", data)]
    for name, kind in model._CLASSES["declaration"][1]:
        value = data.get(name)
        if kind.startswith("obj:") and isinstance(value, dict):
            out.append((kind[4:], value))
        elif kind.startswith("list:") and isinstance(value, list):
            out += [(kind[5:], item) for item in value if isinstance(item, dict)]
    return out


@st.composite
def mutated(draw):
    data = json.loads(to_json(draw(declarations())))
    for _ in range(draw(st.integers(1, 5))):
        key, obj = draw(st.sampled_from(targets(data)))
        names = [n for n, _ in model._CLASSES[key][1]]
        action = draw(st.sampled_from(["set", "set", "set", "null", "del", "unknown",
                                       "item", "sub"]))
        if action == "set":
            obj[draw(st.sampled_from(names))] = draw(odd_values)
        elif action == "null":
            obj[draw(st.sampled_from(names))] = None
        elif action == "del":
            obj.pop(draw(st.sampled_from(names)), None)
        elif action == "unknown":
            obj[draw(st.sampled_from(UNKNOWN_KEYS))] = draw(odd_values)
        elif action == "item":  # something odd in one of the lists of the declaration
            name = draw(st.sampled_from(["goods", "containers", "attachments", "certificates"]))
            if isinstance(data.get(name), list):
                items = data[name]
                items.insert(draw(st.integers(0, len(items))), draw(odd_values))
        else:  # the object becomes a dict subclass with the same content, in its place
            sub = DictSub(obj)
            if obj is data:
                data = sub
            for k, v in data.items():  # the others are the top object's values or items
                if v is obj:
                    data[k] = sub
                elif isinstance(v, list):
                    v[:] = [sub if x is obj else x for x in v]
    return data


@given(mutated())
@SETTINGS
def test_mutated_declarations_give_the_same_result_both_ways(data):
    event("fast path" if takes_fast_path(data) else "generic path")
    same_both_ways(data)


@given(st.one_of(odd_values, st.dictionaries(st.sampled_from(
    [n for n, _ in model._HEADER_FIELDS] + UNKNOWN_KEYS), odd_values, max_size=6)))
@SETTINGS
def test_any_value_gives_the_same_result_both_ways(data):
    same_both_ways(data)


ODD_SCALARS = [None, True, False, 12.5, float("inf"), Decimal("1.5"), date(2026, 2, 28),
               StrSub("12"), IntSub(7), *ODD_STRINGS, *ODD_INTS]
#: where each class sits in a sample declaration
PLACES = {"declaration": (), "party": ("declarant",), "declarer": ("declarer",),
          "goods": ("goods", 1), "container": ("containers", 0),
          "attachment": ("attachments", 0), "certificate": ("certificates", 0)}


@pytest.mark.parametrize("key", list(PLACES))
def test_every_field_with_every_odd_scalar_gives_the_same_result_both_ways(key):
    """Exhaustive where hypothesis samples: each field of each class, each odd value."""
    for name, _kind in model._CLASSES[key][1]:
        for value in ODD_SCALARS:
            data = json.loads(to_json(sample_declaration("inbound", 2, seed=1)))
            obj = data
            for step in PLACES[key]:
                obj = obj[step]
            obj[name] = value
            same_both_ways(data)


# ------------------------------------------------------------------ hand-written cases

GOOD = {"seq": 1, "hs_code": "8471300000", "quantity": "966", "net_weight_kg": " 1040.002 ",
        "value": "-3", "gross_weight_kg": ".5", "package_count": 2**63 - 1}


@pytest.mark.parametrize("data", [
    {},
    {"id": "X1", "direction": "inbound"},
    {"schema": None, "goods": None, "containers": None, "attachments": None,
     "certificates": None, "declarant": None, "ecommerce": None, "arrival_date": None},
    {"schema": SCHEMA, "ecommerce": False, "arrival_date": "2024-02-29",
     "declarant": {}, "consignee": {"name_cn": "上海远航贸易有限公司", "uscc": None},
     "goods": [GOOD, {}, {"seq": -(2**63 - 1)}], "containers": [{"number": "CSQU3054383"}],
     "attachments": [{"size": 0}], "certificates": [{"originals": 1, "copies": 2}]},
    {"schema": "ciqdesk/declaration@2"},  # read fast; the schema check still reports it
], ids=["empty", "partial", "nulls", "mixed", "other-schema"])
def test_plainly_fine_input_takes_the_fast_path(data):
    assert takes_fast_path(data)
    same_both_ways(data)


def test_fast_path_defaults_and_other_schema():
    decl, issues = same_both_ways({"schema": None, "goods": None})
    assert decl.schema == SCHEMA and decl.goods == [] and decl.extra == {} and issues == []
    decl, issues = same_both_ways({"schema": "ciqdesk/declaration@3"})
    assert [i.code for i in issues] == ["E0001"]


def _with(**kw) -> dict:
    return {"id": "X1", "direction": "inbound", **kw}


@pytest.mark.parametrize("data, codes", [
    (_with(colour="红色"), []),
    (_with(extra={"a": 1}), []),
    (_with(goods=[{"seq": 1, "colour": "红色"}]), []),
    (_with(consignee={"name_cn": "甲", "x_future": [1]}), []),
    (DictSub(_with()), []),
    (_with(goods=[DictSub(seq=1)]), []),
    (_with(declarer=DictSub(name="张伟")), []),
    (_with(goods=[{"seq": 1}, None, "x", 3]), ["E0002", "E0002", "E0002"]),
    (_with(goods=({"seq": 1},)), ["E0008"]),
    (_with(goods={"seq": 1}), ["E0008"]),
    (_with(declarant="甲"), ["E0002"]),
    (_with(goods=[{"seq": True}]), ["E0005"]),
    (_with(goods=[{"seq": 2**63}]), ["E0005"]),
    (_with(goods=[{"seq": -(2**63)}]), ["E0005"]),
    (_with(goods=[{"seq": "5"}]), []),
    (_with(goods=[{"seq": IntSub(5)}]), []),
    (_with(goods=[{"seq": 5.0}]), ["E0005"]),
    (_with(goods=[{"value": "1e3"}]), ["E0004"]),
    (_with(goods=[{"value": "1E3"}]), ["E0004"]),
    (_with(goods=[{"value": "NaN"}]), ["E0004"]),
    (_with(goods=[{"value": "Infinity"}]), ["E0004"]),
    (_with(goods=[{"value": "1_000"}]), ["E0004"]),
    (_with(goods=[{"value": "１２"}]), ["E0004"]),
    (_with(goods=[{"value": "abc"}]), ["E0004"]),
    (_with(goods=[{"value": 12.5}]), ["E0004"]),
    (_with(goods=[{"value": 5}]), []),
    (_with(goods=[{"value": 2**129}]), ["E0004"]),
    (_with(goods=[{"value": StrSub("1.5")}]), ["E0004"]),
    (_with(arrival_date="2026-02-30"), ["E0006"]),
    (_with(arrival_date="20260228"), ["E0006"]),
    (_with(arrival_date=date(2026, 2, 28)), ["E0006"]),
    (_with(inspection_no=123), []),
    (_with(inspection_no=StrSub("A1")), []),
    (_with(inspection_no=2**129), ["E0003"]),
    (_with(ecommerce=1), ["E0007"]),
    (_with(ecommerce="true"), ["E0007"]),
    (_with(schema=1), ["E0001"]),
    (["not", "a", "declaration"], ["E0002"]),
    (None, ["E0002"]),
    ("{}", ["E0002"]),
])
def test_anything_else_falls_back_to_the_generic_reader(data, codes):
    assert not takes_fast_path(data)
    decl, issues = same_both_ways(data)
    assert [i.code for i in issues] == codes


def test_generic_reader_keeps_what_the_fast_path_refuses():
    decl, _ = same_both_ways(_with(goods=[{"seq": 1}, None], inspection_no=123, colour="红"))
    assert decl.inspection_no == "123" and decl.extra == {"colour": "红"}
    assert decl.goods[1] == GoodsLine()  # an unreadable item keeps its place


def test_parsed_objects_never_share_extra_dicts_or_lists():
    data = json.loads(to_json(sample_declaration("inbound", 5, seed=3)))
    data["goods"].append({})
    data["agent"] = {}
    a, _ = parse_declaration(data)
    b, _ = parse_declaration(data)
    c, _ = parse_declaration({})
    d, _ = parse_declaration({})
    found = containers_of(a) + containers_of(b) + containers_of(c) + containers_of(d)
    assert len({id(x) for x in found}) == len(found)
    assert all(x is not data["goods"] for x in found)
    a.goods[0].extra["k"] = 1
    a.containers.append(None)
    c.extra["k"] = 1
    assert b.goods[0].extra == {} and len(b.containers) == len(data["containers"])
    assert d.extra == {} and Declaration().extra == {} and Party().extra == {}


def test_a_key_with_a_strange_eq_does_not_make_parse_raise():
    class Flaky:
        """Equal to "id" the first time it is asked, never after."""

        def __init__(self):
            self.asked = False

        def __hash__(self):
            return hash("id")

        def __eq__(self, other):
            first, self.asked = not self.asked, True
            return first and other == "id"

    data = {name: None for name, _ in model._HEADER_FIELDS if name != "id"}
    data[Flaky()] = "X1"
    decl, _ = parse_declaration(data)  # the fast reader's data["id"] misses: generic path
    assert isinstance(decl, Declaration)
