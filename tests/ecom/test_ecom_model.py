"""Registration entries: what the desk and the platform accept, and the field each problem
points at (client.ecom.model)."""
from __future__ import annotations

import pytest
from ecom_helpers import COSMETIC, FRESH_FISH, OPERATOR

from client.ecom import model


def _fields(d, codes):
    return [p.field for p in model.parse_entry(d, codes, "e").problems]


def test_valid_entries_parse(codebook):
    p = model.parse_entry(COSMETIC, codebook).entry
    assert isinstance(p, model.Product) and p.hs_code == "3304990099" and p.origin_country == "KOR"
    o = model.parse_entry(OPERATOR, codebook).entry
    assert isinstance(o, model.Operator) and o.role == "ecommerce_operator"
    assert model.negative_list_problem(p, codebook) is None


@pytest.mark.parametrize("change,field", [
    ({"gtin": "8801234567890"}, "e.gtin"),             # check digit
    ({"gtin": "880123456789"}, "e.gtin"),              # 12 digits
    ({"hs_code": "33049"}, "e.hs_code"),
    ({"hs_code": "0101990000"}, "e.hs_code"),          # no such subheading
    ({"origin_country": "XXX"}, "e.origin_country"),
    ({"ingredients": None}, "e.ingredients"),          # cosmetics need their ingredients
    ({"brand": "  "}, "e.brand"),
    ({"name_cn": "面" * 101}, "e.name_cn"),
    ({"spec": 12}, "e.spec"),
])
def test_product_problem_points_at_its_field(codebook, change, field):
    assert _fields(dict(COSMETIC, **change), codebook) == [field]


def test_non_food_needs_no_ingredients(codebook):
    laptop = dict(COSMETIC, hs_code="8471300000", ingredients=None)
    assert _fields(laptop, codebook) == []
    assert model.needs_ingredients("2106909090") and not model.needs_ingredients("0602100000")


@pytest.mark.parametrize("change,field", [
    ({"role": "shop"}, "e.role"),
    ({"uscc": "91310115607200113A"}, "e.uscc"),
    ({"name_cn": None}, "e.name_cn"),
])
def test_operator_problem_points_at_its_field(codebook, change, field):
    assert _fields(dict(OPERATOR, **change), codebook) == [field]


def test_kind_and_shape(codebook):
    assert _fields({"kind": "shop"}, codebook) == ["e.kind"]
    assert _fields([1], codebook) == ["e"]


def test_negative_list_names_category_in_both_languages(codebook):
    fish = model.parse_entry(FRESH_FISH, codebook).entry
    p = model.negative_list_problem(fish, codebook, "entries[0]")
    assert p.field == "entries[0].hs_code"
    assert "第2类" in p.message_zh and "category 2" in p.message_en
