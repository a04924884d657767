"""A scanned label's text back to the goods, their declarations and status history.

:func:`trace` accepts a full label text (``CIQTRACE1|…``), a bare registration number or a
bare 15-digit inspection number (what a user types into the search box) and answers a
:class:`Trace`: the registration as the desk knows it, every goods line carrying that
number (in the declaration named by the label, or in all when the label names none) and
each declaration's status history.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from sqlalchemy import text

from ..errors import InputError
from ..store import declarations as decl_q
from . import labels
from . import store as q
from .model import REG_NO_RE

_GOODS_BY_REG = text(
    "SELECT d.id, CAST(g.key AS INTEGER) FROM declarations d, json_each(d.doc, '$.goods') g "
    "WHERE json_extract(g.value, '$.product_reg_no') = :reg ORDER BY d.created_at, d.id")
#: the same on the office store (PostgreSQL's jsonb over the JSON text)
_GOODS_BY_REG_PG = text(
    "SELECT d.id, CAST(t.ord - 1 AS INTEGER) FROM declarations d, "
    "jsonb_array_elements(CAST(d.doc AS jsonb)->'goods') WITH ORDINALITY AS t(g, ord) "
    "WHERE t.g->>'product_reg_no' = :reg ORDER BY d.created_at, d.id")


@dataclass
class TracedGoods:
    declaration_id: str
    inspection_no: str | None
    status: str
    goods_index: int
    name_cn: str | None
    brand: str | None
    hs_code: str | None
    origin_country: str | None
    product_reg_no: str | None
    history: list = field(default_factory=list)   # [{status, at, note, source, version}]


@dataclass
class Trace:
    """What :func:`trace` found (``to_dict`` is ``trace --json``)."""

    code: str
    label: dict | None
    registration: dict | None
    goods: list[TracedGoods]

    def to_dict(self) -> dict:
        return {"code": self.code, "label": self.label, "registration": self.registration,
                "goods": [asdict(g) for g in self.goods]}


def parse_code(code: str) -> tuple[str | None, str | None, labels.LabelData | None]:
    """``(reg_no, inspection_no, label)`` of what was scanned or typed."""
    c = code.strip()
    if c.startswith(labels.PREFIX):
        d = labels.decode(c)
        return d.reg_no or None, d.inspection_no, d
    if REG_NO_RE.fullmatch(c) or c.startswith("CBE"):
        return c, None, None
    if labels.INSPECTION_RE.fullmatch(c):
        return None, c, None
    raise InputError(f"无法识别的溯源码：{c[:60]!r}（应为溯源标签内容、商品备案号或15位报检号）",
                     f"unrecognised trace code {c[:60]!r} (a label's text, a product "
                     "registration no. or a 15-digit inspection no.)", field="code")


def trace(db, code: str) -> Trace:
    reg_no, inspection_no, label = parse_code(code)
    with db.read() as conn:
        reg = q.by_reg_no(conn, reg_no) if reg_no else None
        hits: list[tuple[str, int | None]] = []
        if reg_no:
            hits = [(r[0], r[1]) for r in conn.execute(
                _GOODS_BY_REG_PG if conn.dialect.name == "postgresql" else _GOODS_BY_REG,
                {"reg": reg_no})]
        if inspection_no:
            real = decl_q.resolve_id(conn, inspection_no)
            if reg_no:
                hits = [h for h in hits if h[0] == real]
            elif real:
                hits = [(real, None)]
        goods: list[TracedGoods] = []
        cache: dict = {}
        for decl_id, idx in hits:
            if decl_id not in cache:
                cache[decl_id] = (decl_q.load(conn, decl_id), decl_q.summary(conn, decl_id),
                                  [asdict(h) for h in decl_q.history(conn, decl_id)])
            decl, summ, hist = cache[decl_id]
            if decl is None:
                continue
            indices = [idx] if idx is not None else list(range(len(decl.goods or ())))
            for i in indices:
                g = decl.goods[i]
                goods.append(TracedGoods(decl.id, decl.inspection_no, summ.status if summ else "",
                                         i, g.name_cn, g.brand, g.hs_code, g.origin_country,
                                         g.product_reg_no, hist))
    return Trace(code.strip(), label.to_dict() if label else None,
                 reg.to_dict() if reg else None, goods)
