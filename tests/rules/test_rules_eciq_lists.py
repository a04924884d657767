"""Issue 13: the rules that read transport/trade codes, in eCIQ terms and in customs terms.

Which lists are in force is the code book's business (version 2027.01.0 of
``transport_modes``/``trade_modes`` holds the eCIQ lists); the same declaration is judged
by each, with the fast paths on and off."""
from __future__ import annotations

import pytest

from client.ciq.lists import eciq_codebook
from client.codes import default_codebook
from rules_testkit import codes_of, ctx, fast_and_slow, sample_declaration

ECIQ = eciq_codebook()
CUSTOMS = default_codebook()


def _inbound(transport, trade="11", bl_no=None, **extra):
    d = sample_declaration("inbound", 2, seed=31)
    d.transport_mode, d.trade_mode, d.bl_no = transport, trade, bl_no
    d.extra.update(extra)
    return d


@pytest.mark.parametrize("transport,extra,want", [
    ("1", {}, {"E1015"}),                                   # 水路: B/L required
    ("4", {}, {"E1015"}),                                   # 航空: air waybill required
    ("5", {}, set()),                                       # 旅客携带: none exists
    ("6", {}, set()),                                       # 管道运输: none exists
    ("9", {"customs_transport_mode": "6"}, set()),          # 其他, known to be mail
    ("9", {"customs_transport_mode": "9"}, {"E1015"}),      # 其他, known not to be mail
    ("9", {}, {"W1015"}),                                   # 其他: mail or not, asked
])
def test_bl_no_in_eciq_terms(transport, extra, want):
    issues = fast_and_slow(_inbound(transport, **extra), ctx(ECIQ))
    assert codes_of(issues) & {"E1015", "W1015"} == want


def test_a_filled_bl_no_quiets_both():
    for transport in ("1", "9"):
        assert codes_of(fast_and_slow(_inbound(transport, bl_no="COSU1"), ctx(ECIQ))) \
            & {"E1015", "W1015"} == set()


@pytest.mark.parametrize("transport,want", [("6", set()), ("2", {"E1015"}), ("9", {"E1015"})])
def test_bl_no_in_customs_terms_is_unchanged(transport, want):
    """Customs 6 is mail; W1015 belongs to the eCIQ lists only."""
    issues = fast_and_slow(_inbound(transport, trade="0110"), ctx(CUSTOMS))
    assert codes_of(issues) & {"E1015", "W1015"} == want


@pytest.mark.parametrize("trade,ok_eciq,ok_customs", [
    ("11", True, False), ("42", True, False), ("43", True, False), ("0110", False, True),
    ("9610", False, True)])
def test_trade_codes_belong_to_the_list_in_force(trade, ok_eciq, ok_customs):
    d = _inbound("1", trade=trade, bl_no="COSU1")
    assert ("E1407" not in codes_of(fast_and_slow(d, ctx(ECIQ)))) is ok_eciq
    d.transport_mode = "2"
    assert ("E1407" not in codes_of(fast_and_slow(d, ctx(CUSTOMS)))) is ok_customs


@pytest.mark.parametrize("ecommerce,trade,customs,want", [
    (False, "42", None, {"W1804"}),
    (False, "11", "9710", {"W1804"}),     # B2B e-commerce, known by its customs code
    (False, "11", "0110", set()),
    (False, "11", None, set()),
    (True, "42", None, set()),
    (True, "11", "9810", set()),
    (True, "11", None, {"W1803"}),
])
def test_e_commerce_trade_modes_in_eciq_terms(ecommerce, trade, customs, want):
    d = _inbound("1", trade=trade, bl_no="COSU1")
    d.ecommerce = ecommerce
    if customs:
        d.extra["customs_trade_mode"] = customs
    for i, g in enumerate(d.goods):
        g.product_reg_no = f"P31{i:06d}"
    assert codes_of(fast_and_slow(d, ctx(ECIQ))) & {"W1803", "W1804"} == want
