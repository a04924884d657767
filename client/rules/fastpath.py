"""The engine's fast paths (speed only: they never decide anything themselves).

Header: the rules registered with ``header_simple=True`` (required header fields, header
text lengths, header codes in their tables) are skipped when :func:`header_clean` finds
every one of those fields plainly fine. Goods lines:

Most declarations validated in bulk are clean. The rules registered with
``goods_local=True`` look only at each goods line's own fields (and its index), so when
:func:`goods_clean` says every line is plainly fine, the engine may skip them: none of them
could fire. Otherwise the engine runs every rule as usual.

:func:`goods_clean` must therefore be *conservative*: it may call a fine line dirty (that
only costs time), never a faulty line clean. The tests enforce this two ways: every
goods-local rule has a broken case in ``tests/rules/test_rules_table.py`` that must fire
through the engine, and property tests check that ``validate`` gives identical results
with the fast path on and off (``client.rules.engine.FASTPATH``), including for a line
that :func:`goods_clean` accepts run through every goods-local rule directly.

Keep it in step with the goods-local rules: when such a rule gets a new condition, add
the matching requirement here (or drop ``goods_local`` from the rule).
"""
from __future__ import annotations

from decimal import Decimal

from ..model import CLEARANCE_MODES, GoodsLine
from ._common import Q2, Q3, Lookups

_ZERO = Decimal(0)
_MAX = Decimal(10) ** 15


def _fine_decimals(x, q) -> bool:
    try:
        return not (x % q)
    except ArithmeticError:
        return False


def line_clean(g, i: int, lk: Lookups) -> bool:
    """True only when no goods-local rule can fire on line ``g`` at index ``i``.

    Written out flat (no helper calls, no loops) because it runs for every line.
    """
    if g.__class__ is not GoodsLine:
        return False
    s = g.seq
    if s.__class__ is not int or s != i + 1:                        # E1033, E1508
        return False
    hs = g.hs_code                                                   # E1030, E1213, E1416
    if hs.__class__ is not str or len(hs) != 10 or not hs.isdigit() or not hs.isascii() \
            or hs[:6] not in lk.hs6:
        return False
    c = g.ciq_code                                                   # E1214
    if c is not None and (c.__class__ is not str or len(c) != 3 or not c.isdigit()
                          or not c.isascii()):
        return False
    n = g.name_cn                                                    # E1031, E1109
    if n.__class__ is not str or not n or n.isspace() or len(n) > 255:
        return False
    v = g.name_en                                                    # E1110
    if v is not None and (v.__class__ is not str or len(v) > 255):
        return False
    v = g.spec                                                       # E1111
    if v is not None and (v.__class__ is not str or len(v) > 255):
        return False
    v = g.brand                                                      # E1112
    if v is not None and (v.__class__ is not str or len(v) > 64):
        return False
    v = g.product_reg_no                                             # E1113
    if v is not None and (v.__class__ is not str or len(v) > 64):
        return False
    if g.origin_country not in lk.countries:                         # E1032 (and E1414)
        return False
    u = g.quantity_unit                                              # E1409, E1512
    if u is not None and u not in lk.units:
        return False
    q = g.quantity                                                   # E1502, E1505
    if q is not None and (u is None or q.__class__ is not Decimal or not (_ZERO < q < _MAX)):
        return False
    net = g.net_weight_kg                                            # E1501-E1505
    if net is not None and (net.__class__ is not Decimal or not (_ZERO < net < _MAX)
                            or not _fine_decimals(net, Q3)):
        return False
    gross = g.gross_weight_kg
    if gross is not None:
        if gross.__class__ is not Decimal or not (_ZERO < gross < _MAX) \
                or not _fine_decimals(gross, Q3) or (net is not None and net > gross):
            return False
    cur = g.currency                                                 # E1415, E1513
    if cur is not None and cur not in lk.currencies:
        return False
    v = g.value
    if v is not None and (cur is None or v.__class__ is not Decimal or not (_ZERO < v < _MAX)
                          or not _fine_decimals(v, Q2)):
        return False
    pt = g.package_type                                              # E1410
    if pt is not None and pt not in lk.package_types:
        return False
    pc = g.package_count                                             # E1510, E1511
    if pc is not None and (pc.__class__ is not int or pc < 0 or (pc == 0 and pt != "00")):
        return False
    return True


def goods_clean(goods, lk: Lookups) -> bool:
    """True only when every goods line is :func:`line_clean`."""
    if goods.__class__ is not list:
        return False
    for i, g in enumerate(goods):
        if not line_clean(g, i, lk):
            return False
    return True


def _filled(v) -> bool:
    return v.__class__ is str and bool(v) and not v.isspace()


def header_clean(decl, lk: Lookups) -> bool:
    """True only when no ``header_simple`` rule can fire on ``decl``."""
    d = decl.direction
    if d != "inbound" and d != "outbound":                           # E1001, E1401
        return False
    want = lk.inspection_types.get(decl.inspection_type)             # E1002, E1404, E1405
    if want is None or (want != "both" and want != d):
        return False
    if decl.clearance_mode not in CLEARANCE_MODES:                   # E1003, E1402
        return False
    b = lk.bureaus                                                   # E1004-E1006, E1403
    if decl.declare_bureau not in b or decl.port_bureau not in b \
            or decl.inspect_bureau not in b:
        return False
    r = decl.release_bureau
    if r is not None and r not in b:
        return False
    if decl.transport_mode not in lk.transport_modes \
            or decl.trade_mode not in lk.trade_modes \
            or decl.purpose not in lk.purposes:                     # E1016, E1018, E1027, E1406-E1408
        return False
    for v, limit in ((decl.contract_no, 32), (decl.transport_name, 64),
                     (decl.goods_location, 100)):                    # E1014, E1017, E1026, E1101, E1105, E1106
        if not _filled(v) or len(v) > limit:
            return False
    for v, limit in ((decl.invoice_no, 32), (decl.lc_no, 32), (decl.bl_no, 50),
                     (decl.marks, 400), (decl.remarks, 400)):        # E1102-E1104, E1107, E1108
        if v is not None and (v.__class__ is not str or len(v) > limit):
            return False
    if not _filled(decl.trade_country):                              # E1019
        return False
    if d == "inbound":                                               # E1020, E1022, E1024
        return (_filled(decl.departure_country) and _filled(decl.destination_district)
                and decl.arrival_date is not None)
    return (_filled(decl.destination_country) and _filled(decl.origin_district)
            and decl.ship_date is not None)                          # E1021, E1023, E1025
