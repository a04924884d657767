"""The engine's fast path of the ``ciq`` scope: the E20xx/W2001 family (speed only).

:func:`ciq_clean` is True only when none of the rules of ``client/rules/ciq.py`` can fire:
every rule there is registered with ``scope="ciq"``, so a declaration this check finds
plainly fine skips the 23 rules (most of the declarations validated in bulk). Like every
check of ``fastpath.py`` it must be conservative: it may call a fine declaration dirty (the
rules then run and tell), never a faulty one clean. ``tests/rules/test_rules_fastpath.py``
and the golden corpus (``tests/rules/test_rules_golden.py``) hold it to that.

What the catalogue requires (E2010–E2019) is not re-stated here: the check asks
:func:`client.ciq.requirements.line_missing`, which the rules read too (through
``iter_missing``), whether a line misses anything.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..ciq.lookup import ciq_lookup
from ..ciq.requirements import LICENCE_TABLE, line_missing
from ..codes import CodeBook
from ..model import Container, Dangerous, GoodsLine, Licence, Qualification
from .ciq import _EXCL_OF


@dataclass(frozen=True, slots=True)
class CiqSets:
    """The code tables the E20xx validity rules read, as sets (one per code-book state)."""

    attributes: frozenset
    licences: dict           # direction (as LICENCE_TABLE's default) -> frozenset
    pack_categories: frozenset
    qualifications: frozenset


def ciq_sets(codes: CodeBook) -> CiqSets:
    def build() -> CiqSets:
        def keys(name: str) -> frozenset:
            return frozenset(codes.table(name).codes())
        return CiqSets(keys("goods_attributes"),
                       {t: keys(t) for t in set(LICENCE_TABLE.values()) | {"licences_inbound"}},
                       keys("dangerous_pack_categories"), keys("enterprise_qualifications"))
    return codes._cached("rules.ciq_sets", build)  # type: ignore[no-any-return]


def _filled(v) -> bool:
    return v.__class__ is str and bool(v) and not v.isspace()


def _eighteen_ok(v) -> bool:
    """E2009/E2020 stay quiet: blank, or 18 ASCII digits."""
    if v is None:
        return True
    if v.__class__ is not str:
        return False
    return not v or v.isspace() or (len(v) == 18 and v.isdigit() and v.isascii())


def ciq_clean(decl, ctx, lk) -> bool:
    """True only when no ``ciq`` rule (E2001–E2022, W2001) can fire on ``decl``."""
    goods = decl.goods
    if goods.__class__ is not list:
        return False
    codes = ctx.codes
    sets = ciq_sets(codes)
    if not (_eighteen_ok(decl.customs_decl_no) and _eighteen_ok(decl.clearance_doc_no)):
        return False                                                 # E2009, E2020
    quals = decl.enterprise_qualifications                           # E2008
    if quals:
        if quals.__class__ is not list:
            return False
        for q in quals:
            if q.__class__ is not Qualification or not _filled(q.type) \
                    or q.type not in sets.qualifications or not _filled(q.number):
                return False
    lookup = ciq_lookup(codes)
    with_codes, pairs = lookup.hs_with_codes, lookup.pairs
    licence_types = sets.licences[LICENCE_TABLE.get(decl.direction or "", "licences_inbound")]
    attributes = sets.attributes
    today = ctx.today
    for i, g in enumerate(goods):
        if g.__class__ is not GoodsLine:
            return False
        hs, ciq = g.hs_code, g.ciq_code
        if hs.__class__ is not str or (ciq is not None and ciq.__class__ is not str):
            return False
        if hs in with_codes and (ciq is None or (hs, ciq) not in pairs):
            if (ciq is None or not ciq or ciq.isspace()) and len(hs) == 10:
                return False                                         # E2002
            if ciq is not None and len(ciq) == 3 and (hs, ciq) not in pairs:
                return False                                         # E2001
        attrs = g.goods_attributes
        if attrs:
            if attrs.__class__ is not list:
                return False
            for a in attrs:
                if a.__class__ is not str or a not in attributes:   # E2003
                    return False
            if len(attrs) > 1:                                       # E2004
                seen: dict = {}
                for a in attrs:
                    grp = _EXCL_OF.get(a)
                    if grp is not None:
                        other = seen.get(grp)
                        if other is not None and other != a:
                            return False
                        seen[grp] = a
        lic = g.licences
        if lic:
            if lic.__class__ is not list:
                return False
            for x in lic:                                            # E2005, E2006
                if x.__class__ is not Licence or x.type not in licence_types \
                        or not _filled(x.number):
                    return False
        d = g.dangerous                                              # E2007
        if d is not None:
            if d.__class__ is not Dangerous:
                return False
            p = d.pack_category
            if p is not None and (p.__class__ is not str
                                  or (p and not p.isspace() and p not in sets.pack_categories)):
                return False
        if g.std_quantity is not None and not _filled(g.std_unit):  # E2022
            return False
        pd = g.production_date                                       # W2001
        if pd is not None and pd > today:
            return False
        if line_missing(codes, lookup, decl, i, g, False):          # E2010-E2019
            return False
    cs = decl.containers                                             # E2021
    if cs:
        if cs.__class__ is not list:
            return False
        seqs = None
        for c in cs:
            if c.__class__ is not Container:
                return False
            gs = c.goods_seqs
            if gs:
                if seqs is None:
                    seqs = {g.seq for g in goods}
                for s in gs:
                    if s not in seqs:
                        return False
    return True
