"""What a goods line needs, by the inspection catalogue and its attributes (本商品需要).

:func:`requirements` answers for one goods line; the rules of ``client/rules/ciq.py``
(E2010–E2019) report every item that is not present, each at its :attr:`Requirement.field`.
Both read the same :data:`NEEDS` table of functions, so the editor's panel and the
rulebook cannot disagree.

What the built-in table asks for (the catalogue is the stand-in of
``tools/gen_ciq_codes.py`` until the platform publishes its own):

* the licences the catalogue row lists for the direction (e.g. 325 进境动植物检疫许可证);
* P inbound: the exporting country's certificate attached (101006/101007/101008);
* R inbound: the foreign producer's registration (licence 519) and a 预包装/非预包装
  attribute (14/15); 预包装 also the label filing (licence 517);
* S outbound: the producer's filing (518) number in ``producer.reg_no``;
* L inbound: a 3C attribute (11/12/13); 3C目录内 a CCC certificate (411) or exemption (410);
* dangerous goods (attributes 31/32): ``dangerous`` filled (UN no., class, packing
  category); outbound also the packaging results (licences 425 and 426);
* 监管条件 A (inbound) / B (outbound): the goods need a 通关单 — item ``clearance``,
  present once the platform has issued ``clearance_doc_no`` (no rule: the platform issues it).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Literal

from ..codes import CodeBook
from ..model import Declaration, GoodsLine
from .lookup import CatalogueEntry, CiqLookup, ciq_lookup

Kind = Literal["licence", "attachment", "certificate", "attribute", "field", "clearance"]


@dataclass(frozen=True, slots=True)
class Requirement:
    """One thing a goods line needs (a row of the editor's "本商品需要" panel).

    * ``code`` — the code to add: a licence type (``kind="licence"``, goes into
      ``goods[i].licences``), an attachment type (``attachment``, ``attachments``), a goods
      attribute (``attribute``, ``goods[i].goods_attributes``), a certificate
      (``clearance``: ``97`` 通关单), or the code whose number a field holds (``field``:
      ``518`` in ``producer.reg_no``; or the dangerous-goods field name);
    * ``alternatives`` — any one of these codes satisfies the item (always holds ``code``);
    * ``name_cn``/``name_en`` — what to show (the alternatives' names joined by "/");
    * ``present`` — already satisfied by the declaration as it is;
    * ``field`` — the path to fix (``goods[0].licences``); ``rule`` — the rule code that
      reports it when missing (``""`` for the ``clearance`` notice);
    * ``why_cn``/``why_en`` — the reason (catalogue letter or attribute).
    """

    code: str
    kind: Kind
    name_cn: str
    name_en: str
    present: bool
    field: str
    rule: str
    alternatives: tuple[str, ...]
    why_cn: str
    why_en: str


#: what the need functions give for an item already present when the caller does not show
#: present items (``named=False``: the rules, which report only what is missing)
PRESENT = Requirement("", "field", "", "", True, "", "", (), "", "")

_NO_ATTRS: frozenset[str] = frozenset()


def _attrs_of(g: GoodsLine) -> frozenset[str]:
    """The goods attribute codes of a line, as the need functions read them."""
    attrs = g.goods_attributes
    return frozenset(a for a in attrs if isinstance(a, str)) \
        if attrs and isinstance(attrs, list) else _NO_ATTRS

#: the licence tables of each direction
LICENCE_TABLE = {"inbound": "licences_inbound", "outbound": "licences_outbound"}


class _Ctx:
    """What the need functions share for one line (the lookups and the names)."""

    __slots__ = ("codes", "lk", "decl", "i", "g", "entry", "direction", "attrs", "_letters",
                 "named")

    def __init__(self, codes: CodeBook, lk: CiqLookup, decl: Declaration, i: int,
                 g: GoodsLine, entry: CatalogueEntry | None, named: bool = True,
                 attrs: frozenset[str] | None = None):
        self.codes, self.lk, self.decl, self.i, self.g, self.entry = codes, lk, decl, i, g, entry
        self.direction = decl.direction
        self.attrs = _attrs_of(g) if attrs is None else attrs
        self._letters: tuple[str, ...] | None = None
        #: False (the rules): an item already present is :data:`PRESENT` (nobody shows it)
        self.named = named

    def letters(self) -> tuple[str, ...]:
        if self._letters is None:
            self._letters = self.entry.letters(self.direction) if self.entry else ()
        return self._letters

    def names(self, table: str, codes: tuple[str, ...], present: bool = False
              ) -> tuple[str, str]:
        if present and not self.named:
            return "", ""
        t = self.codes.table(table)
        cn, en = [], []
        for c in codes:
            e = t.get(c)
            cn.append(e.name_cn if e else c)
            en.append((e.name_en or e.name_cn) if e else c)
        return "/".join(cn), "/".join(en)

    def has_licence(self, codes: tuple[str, ...]) -> bool:
        lic = self.g.licences
        if not isinstance(lic, list):
            return False
        for x in lic:
            t, n = getattr(x, "type", None), getattr(x, "number", None)
            if t in codes and isinstance(n, str) and n.strip():
                return True
        return False

    def licence(self, codes: tuple[str, ...], rule: str, why_cn: str, why_en: str
                ) -> Requirement:
        table = LICENCE_TABLE.get(self.direction or "", "licences_inbound")
        present = self.has_licence(codes)
        if present and not self.named:
            return PRESENT
        cn, en = self.names(table, codes, present)
        return Requirement(codes[0], "licence", cn, en, present,
                           f"goods[{self.i}].licences", rule, codes, why_cn, why_en)

    def attribute(self, codes: tuple[str, ...], rule: str, why_cn: str, why_en: str
                  ) -> Requirement:
        present = bool(self.attrs.intersection(codes))
        if present and not self.named:
            return PRESENT
        cn, en = self.names("goods_attributes", codes, present)
        return Requirement(codes[0], "attribute", cn, en, present,
                           f"goods[{self.i}].goods_attributes", rule, codes, why_cn, why_en)


def _blank(v: object) -> bool:
    return not isinstance(v, str) or not v.strip()


def _catalogue_licences(c: _Ctx) -> list[Requirement]:
    if c.entry is None:
        return []
    codes = c.entry.licences(c.direction)
    if not codes:
        return []
    return [c.licence((code,), "E2010", f"法检目录（{c.entry.categories}）要求该许可证",
                      f"the inspection catalogue ({c.entry.categories}) requires it")
            for code in codes]


_ORIGIN_CERTS = ("101006", "101007", "101008")


def _origin_certificate(c: _Ctx) -> list[Requirement]:
    if c.direction != "inbound" or "P" not in c.letters():
        return []
    have = {getattr(a, "type", None) for a in (c.decl.attachments or ())}
    present = bool(have & set(_ORIGIN_CERTS))
    if present and not c.named:
        return [PRESENT]
    cn, en = c.names("attachment_types_eciq", _ORIGIN_CERTS)
    return [Requirement(_ORIGIN_CERTS[0], "attachment", cn, en, present,
                        "attachments", "E2011", _ORIGIN_CERTS,
                        "检验检疫类别 P（进境动植物检疫）：须随附输出国官方证书",
                        "category P (entry quarantine): the exporting country's certificate")]


def _food_inbound(c: _Ctx) -> list[Requirement]:
    if c.direction != "inbound" or "R" not in c.letters():
        return []
    why = ("检验检疫类别 R（进口食品）", "category R (imported food)")
    out = [c.licence(("519",), "E2012", *why),
           c.attribute(("14", "15"), "E2013", *why)]
    if "14" in c.attrs:
        out.append(c.licence(("517",), "E2014", "预包装进口食品须标签备案",
                             "pre-packaged imported food needs its label filing"))
    return out


def _food_outbound(c: _Ctx) -> list[Requirement]:
    if c.direction != "outbound" or "S" not in c.letters():
        return []
    reg = c.g.producer.reg_no if c.g.producer is not None else None
    present = not _blank(reg)
    if present and not c.named:
        return [PRESENT]
    cn, en = c.names("licences_outbound", ("518",))
    return [Requirement("518", "field", cn, en, present,
                        f"goods[{c.i}].producer.reg_no", "E2015", ("518",),
                        "检验检疫类别 S（出口食品）：须填写生产企业备案号",
                        "category S (exported food): the producer's filing number")]


def _ccc(c: _Ctx) -> list[Requirement]:
    if c.direction != "inbound" or "L" not in c.letters():
        return []
    out = [c.attribute(("11", "12", "13"), "E2016", "检验检疫类别 L（民用商品入境验证）须申明3C属性",
                       "category L (entry verification): say whether CCC applies")]
    if "11" in c.attrs:
        out.append(c.licence(("411", "410"), "E2017", "3C目录内商品须CCC证书或免办证明",
                             "goods in the CCC catalogue need a CCC certificate or exemption"))
    return out


_DANGEROUS_FIELDS = (("un_no", "UN编码", "UN number"), ("class", "危险货物类别", "hazard class"),
                     ("pack_category", "危包类别", "packing category"))


def _dangerous(c: _Ctx) -> list[Requirement]:
    if not c.attrs & {"31", "32"}:
        return []
    d = c.g.dangerous
    why = ("货物属性为危险化学品（31/32）", "attribute: dangerous chemical (31/32)")
    out = []
    for (name, cn, en), attr in zip(_DANGEROUS_FIELDS, ("un_no", "class_", "pack_category")):
        present = d is not None and not _blank(getattr(d, attr))
        out.append(PRESENT if present and not c.named else
                   Requirement(name, "field", cn, en, present,
                               f"goods[{c.i}].dangerous.{name}", "E2018", (name,), *why))
    if c.direction == "outbound":
        out += [c.licence((code,), "E2019", *why) for code in ("425", "426")]
    return out


def _clearance(c: _Ctx) -> list[Requirement]:
    cond = c.entry.condition(c.direction) if c.entry else None
    if cond is None:
        return []
    name_cn = "入境货物通关单" if cond == "A" else "出境货物通关单"
    name_en = "inbound clearance document" if cond == "A" else "outbound clearance document"
    return [Requirement("97", "clearance", f"须凭{name_cn}", name_en,
                        not _blank(c.decl.clearance_doc_no), "clearance_doc_no", "", ("97",),
                        f"监管条件 {cond}：放行时由平台签发通关单号",
                        f"condition {cond}: the platform issues the clearance no. on release")]


#: rule code → the function listing that rule's requirements of one line (in panel order)
NEEDS: dict[str, Callable[[_Ctx], list[Requirement]]] = {
    "E2010": _catalogue_licences,
    "E2011": _origin_certificate,
    "E2012": _food_inbound,      # also E2013, E2014 (same condition, one pass)
    "E2015": _food_outbound,
    "E2016": _ccc,               # also E2017
    "E2018": _dangerous,         # also E2019
    "": _clearance,
}
#: the need functions of the rules (every entry of :data:`NEEDS` but the notice)
_RULE_NEEDS = tuple(fn for code, fn in NEEDS.items() if code)

# The contract of a need function (tests/rules/test_rules_needs_plan.py holds every one of
# NEEDS to it): WHETHER it lists items, and how many, depends only on the line's catalogue
# row, the direction and the goods attributes; what else the line holds (licences,
# attachments, producer, dangerous-goods data) decides only each item's ``present``. So
# line_missing remembers, per (row, direction, attributes), which functions list anything
# (the "plan") and asks only those; most lines ask none or one.


def line_context(codes: CodeBook, decl: Declaration, i: int, *, named: bool = True,
                 entry: CatalogueEntry | None | bool = False) -> _Ctx:
    """The shared state of line ``i`` for the :data:`NEEDS` functions (``entry``: the
    catalogue row if the caller looked it up already)."""
    lk = ciq_lookup(codes)
    g = decl.goods[i]
    if entry is False:
        hs = g.hs_code if isinstance(g.hs_code, str) else None
        ciq = g.ciq_code if isinstance(g.ciq_code, str) else None
        entry = lk.catalogue(hs, ciq)
    return _Ctx(codes, lk, decl, i, g, entry if isinstance(entry, CatalogueEntry) else None,
                named)


def requirements(decl: Declaration, goods_index: int, codes: CodeBook | None = None
                 ) -> list[Requirement]:
    """Every licence, certificate, attachment, attribute and field goods line
    ``goods_index`` needs, in panel order, each with ``present`` telling whether the
    declaration already has it. ``codes``: the CodeBook in force (default: built-in).

    Raises ``IndexError`` for a line that does not exist.
    """
    if codes is None:
        from ..codes import default_codebook
        codes = default_codebook()
    if not 0 <= goods_index < len(decl.goods):
        raise IndexError(goods_index)
    c = line_context(codes, decl, goods_index)
    out: list[Requirement] = []
    for fn in NEEDS.values():
        out.extend(fn(c))
    return out


def line_missing(codes: CodeBook, lk: CiqLookup, decl: Declaration, i: int, g: GoodsLine,
                 named: bool = True) -> list[Requirement] | tuple[()]:
    """The requirements of goods line ``i`` (``g``) that are not present, in :data:`NEEDS`
    order (empty: nothing missing). A line the catalogue does not list and that carries no
    goods attribute needs nothing, so it is not evaluated."""
    hs, ciq = g.hs_code, g.ciq_code
    entry = lk.catalogue(hs if isinstance(hs, str) else None,
                         ciq if isinstance(ciq, str) else None)
    if entry is None and not g.goods_attributes:
        return ()  # nothing in the catalogue, no attribute: nothing required
    attrs = _attrs_of(g)
    plans = lk.derived.setdefault("requirements.plans", {})
    # the row's identity: rows live as long as the lookup that holds them (and this memo)
    key: tuple | None = (id(entry), decl.direction, attrs)
    try:
        plan = plans.get(key)
    except TypeError:  # an odd direction value: no plan, ask every function
        key, plan = None, None
    if plan is not None and not plan:
        return ()
    c = _Ctx(codes, lk, decl, i, g, entry, named, attrs)
    out: list[Requirement] | None = None
    asked = []
    for fn in plan or _RULE_NEEDS:
        items = fn(c)
        if items:
            asked.append(fn)
        for r in items:
            if not r.present:
                if out is None:
                    out = []
                out.append(r)
    if plan is None and key is not None and len(plans) < 4096:
        plans[key] = tuple(asked)
    return out or ()


def iter_missing(decl: Declaration, codes: CodeBook, *, named: bool = True
                 ) -> Iterator[Requirement]:
    """The requirements of every goods line that are not present, line by line
    (:func:`line_missing`): what the rules E2010–E2019 report."""
    goods = decl.goods or ()
    if not goods:
        return
    lk = ciq_lookup(codes)
    for i, g in enumerate(goods):
        yield from line_missing(codes, lk, decl, i, g, named)


def missing(decl: Declaration, codes: CodeBook) -> list[Requirement]:
    """The requirements of every goods line that are not present (what the rules report)."""
    return list(iter_missing(decl, codes))
