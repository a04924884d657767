"""The engine's fast paths (speed only: they never decide anything themselves).

Most declarations validated in bulk are clean. Every rule registered with a ``scope``
(see :data:`client.rules.registry.SCOPES`) is covered by that scope's check here: when the
check finds the declaration plainly fine in its scope, none of those rules could fire, so
the engine skips them. Otherwise the engine runs every rule as usual.

=============  ====================  ==================================================
scope          check                 looks at
=============  ====================  ==================================================
goods          :func:`goods_clean`   each goods line's own fields (and its index)
header         :func:`header_clean`  required / length / code-table header fields
parties        :func:`parties_clean` declarant, agent, consignee, consignor, declarer
ports          :func:`ports_clean`   the three UN/LOCODE ports and their countries
containers     :func:`containers_clean`    container numbers and size-type codes
attachments    :func:`attachments_clean`   attached documents (with ``ctx.attachment_sizes``)
certificates   :func:`certificates_clean`  requested certificates
ciq            :func:`~client.rules.fastpath_ciq.ciq_clean`  the eCIQ goods line and
                                     what the catalogue requires (``fastpath_ciq.py``)
=============  ====================  ==================================================

Every check is ``(decl, ctx, lk) -> bool`` and must be *conservative*: it may call a fine
declaration dirty (that only costs time), never a faulty one clean. The tests enforce this
two ways: every scoped rule has a broken case in ``tests/rules/test_rules_table.py`` that
must fire through the engine, and property tests check that ``validate`` gives identical
results with the fast path on and off (``client.rules.engine.FASTPATH``).

Keep the checks in step with their rules: when a scoped rule gets a new condition, add the
matching requirement here (or drop the rule's ``scope``). They are written out flat (few
helper calls) because they run for every declaration.
"""
from __future__ import annotations

from decimal import Decimal

from ..model import (CLEARANCE_MODES, Attachment, CertificateRequest, Container, Declarer,
                     GoodsLine, Party)
from ._common import DISTRICT_RE, LOCODE_RE, Q2, Q3, SHA256_RE, SIZE_TYPE_RE, Lookups
from .attachments import BAD_NAME_CHARS, MAX_NAME, MAX_SIZE
from .checkdigits import container_problem, uscc_problem
from .fastpath_ciq import ciq_clean
from .lengths import DECLARER_MAX, PARTY_NAME_MAX

_ZERO = Decimal(0)
_MAX = Decimal(10) ** 15


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
    # below 10**15 the remainder cannot overflow the decimal context: no try needed
    net = g.net_weight_kg                                            # E1501-E1505
    if net is not None and (net.__class__ is not Decimal or not (_ZERO < net < _MAX)
                            or net % Q3):
        return False
    gross = g.gross_weight_kg
    if gross is not None:
        if gross.__class__ is not Decimal or not (_ZERO < gross < _MAX) \
                or gross % Q3 or (net is not None and net > gross):
            return False
    cur = g.currency                                                 # E1415, E1513
    if cur is not None and cur not in lk.currencies:
        return False
    v = g.value
    if v is not None and (cur is None or v.__class__ is not Decimal or not (_ZERO < v < _MAX)
                          or v % Q2):
        return False
    pt = g.package_type                                              # E1410
    if pt is not None and pt not in lk.package_types:
        return False
    pc = g.package_count                                             # E1510, E1511
    if pc is not None and (pc.__class__ is not int or pc < 0 or (pc == 0 and pt != "00")):
        return False
    return True


def goods_clean(decl, ctx, lk: Lookups) -> bool:
    """True only when every goods line is :func:`line_clean`."""
    goods = decl.goods
    if goods.__class__ is not list:
        return False
    for i, g in enumerate(goods):
        if not line_clean(g, i, lk):
            return False
    return True


def _filled(v) -> bool:
    return v.__class__ is str and bool(v) and not v.isspace()


def header_clean(decl, ctx, lk: Lookups) -> bool:
    """True only when no ``header`` rule can fire on ``decl``."""
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
    countries = lk.countries                                         # E1414 (with goods)
    for v in (decl.trade_country, decl.departure_country, decl.destination_country):
        if v and v not in countries:
            return False
    districts = lk.districts                                         # E1211, E1212
    for v in (decl.destination_district, decl.origin_district):
        if v is not None and v != "" and (v.__class__ is not str or v not in districts
                                          or not DISTRICT_RE.fullmatch(v)):
            return False
    if d == "inbound":                                               # E1020, E1022, E1024
        return (_filled(decl.departure_country) and _filled(decl.destination_district)
                and decl.arrival_date is not None)
    return (_filled(decl.destination_country) and _filled(decl.origin_district)
            and decl.ship_date is not None)                          # E1021, E1023, E1025


def _blank(v) -> bool:
    return v is None or (v.__class__ is str and (not v or v.isspace()))


def _party_fine(p, lk: Lookups) -> bool:
    """A party block no ``parties`` rule could object to on its own (E1114, E1204, E1301,
    E1302); ``None`` counts as fine here, the callers decide whether it must exist."""
    if p is None:
        return True
    if p.__class__ is not Party:
        return False
    r = p.reg_no                                                     # E1204
    if r is not None and r != "" and (r.__class__ is not str or len(r) != 10
                                      or not r.isdigit() or not r.isascii()):
        return False
    u = p.uscc                                                       # E1301, E1302
    if u is not None and u != "" and (u.__class__ is not str or uscc_problem(u) is not None):
        return False
    for v in (p.name_cn, p.name_en):                                 # E1114
        if v is not None and (v.__class__ is not str or len(v) > PARTY_NAME_MAX):
            return False
    return True


def parties_clean(decl, ctx, lk: Lookups) -> bool:
    """True only when no ``parties`` rule can fire on ``decl``."""
    dp, ag, ce, co = decl.declarant, decl.agent, decl.consignee, decl.consignor
    if not (_party_fine(dp, lk) and _party_fine(ag, lk) and _party_fine(ce, lk)
            and _party_fine(co, lk)):
        return False
    if dp is None or _blank(dp.reg_no) or _blank(dp.uscc):          # E1007, E1008
        return False
    if ag is not None and _blank(ag.reg_no) and not (                # E1037
            _blank(ag.name_cn) and _blank(ag.name_en) and _blank(ag.uscc)):
        return False
    dr = decl.declarer                                               # E1009, E1115
    if dr.__class__ is not Declarer or _blank(dr.name):
        return False
    for v in (dr.name, dr.phone, dr.cert_no):
        if v is not None and (v.__class__ is not str or len(v) > DECLARER_MAX):
            return False
    d = decl.direction                                               # E1010-E1013
    if d == "inbound":
        return (ce is not None and not _blank(ce.name_cn)
                and co is not None and not (_blank(co.name_cn) and _blank(co.name_en)))
    if d == "outbound":
        return (co is not None and not _blank(co.name_cn)
                and ce is not None and not (_blank(ce.name_cn) and _blank(ce.name_en)))
    return True


def _port_elsewhere(port: str, country, lk: Lookups) -> bool:
    """The port may lie outside ``country`` (or the country is odd): W1516/W1517 could fire."""
    if country is None:
        return False
    if country.__class__ is not str:
        return True
    c3 = lk.alpha2_to_3.get(port[:2])
    return c3 is not None and country in lk.countries and c3 != country


def ports_clean(decl, ctx, lk: Lookups) -> bool:
    """True only when no ``ports`` rule can fire on ``decl``."""
    alpha2 = lk.alpha2
    dep, eep, arr = decl.departure_port, decl.entry_exit_port, decl.arrival_port
    for v in (dep, eep, arr):                                        # E1205, E1206
        if v is not None and v != "" and (v.__class__ is not str or not LOCODE_RE.fullmatch(v)
                                          or v[:2] not in alpha2):
            return False
    if eep and eep[:2] != "CN":                                      # E1208
        return False
    d = decl.direction
    if d == "inbound":
        if dep:
            if dep[:2] == "CN":                                      # E1207
                return False
            if _port_elsewhere(dep, decl.departure_country, lk):     # W1516
                return False
    elif d == "outbound":
        if dep and dep[:2] != "CN":                                  # E1209
            return False
        if arr:
            if arr[:2] == "CN":                                      # W1210
                return False
            if _port_elsewhere(arr, decl.destination_country, lk):   # W1517
                return False
    return True


def containers_clean(decl, ctx, lk: Lookups) -> bool:
    """True only when no ``containers`` rule can fire on ``decl``."""
    cs = decl.containers
    if cs.__class__ is not list:
        return False
    if len(cs) > 1:                                                  # E1509
        numbers = [c.number for c in cs]
        if len(set(numbers)) != len(numbers):
            return False
    for c in cs:
        if c.__class__ is not Container:
            return False
        v = c.number                                                 # E1034, E1303, E1304
        if v.__class__ is not str or container_problem(v) is not None:
            return False
        t = c.size_type                                              # E1216
        if t is not None and t != "" and (t.__class__ is not str or not SIZE_TYPE_RE.fullmatch(t)):
            return False
    return True


def attachments_clean(decl, ctx, lk: Lookups) -> bool:
    """True only when no ``attachments`` rule can fire on ``decl``."""
    atts = decl.attachments
    if atts.__class__ is not list:
        return False
    if not atts:
        return True
    sizes = ctx.attachment_sizes
    types = lk.attachment_types
    for a in atts:
        if a.__class__ is not Attachment:
            return False
        t = a.type                                                   # E1035, E1413
        if t.__class__ is not str or t not in types or _blank(t):
            return False
        n = a.file_name                                              # E1035, E1901, E1903, E1906
        if n.__class__ is not str or not n or len(n) > MAX_NAME or n.isspace() \
                or not n.isprintable() or not n.lower().endswith(".pdf") \
                or not BAD_NAME_CHARS.isdisjoint(n):
            return False
        h = a.sha256                                                 # E1035, E1904
        if h.__class__ is not str or not SHA256_RE.fullmatch(h):
            return False
        size = a.size                                                # E1902, E1905, W1907
        if sizes is not None:
            if h not in sizes:
                return False
            real = sizes.get(h)
            if isinstance(real, int):
                size = real
        if size is not None and (size.__class__ is not int or not 0 < size <= MAX_SIZE):
            return False
    return True


def certificates_clean(decl, ctx, lk: Lookups) -> bool:
    """True only when no ``certificates`` rule can fire on ``decl``."""
    certs = decl.certificates
    if certs.__class__ is not list:
        return False
    if not certs:
        return True
    table = lk.certificates
    d = decl.direction
    seen = set()
    for c in certs:
        if c.__class__ is not CertificateRequest:
            return False
        t = c.type                                                   # E1036, E1411, E1412
        if t.__class__ is not str or _blank(t):
            return False
        want = table.get(t)
        if want is None or (want != "both" and want != d):
            return False
        if t in seen:                                                # E1518
            return False
        seen.add(t)
        for v in (c.originals, c.copies):                            # E1215
            if v is not None and (v.__class__ is not int or not 0 <= v <= 9):
                return False
    return True


#: scope -> its check, in the order the engine runs them
CHECKS = {"goods": goods_clean, "header": header_clean, "parties": parties_clean,
          "ports": ports_clean, "containers": containers_clean,
          "attachments": attachments_clean, "certificates": certificates_clean,
          "ciq": ciq_clean}
