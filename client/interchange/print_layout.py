"""The printed declaration (入境/出境货物报检单) as pure geometry: boxes, labels, values.

This module decides *what goes where* on an A4 portrait sheet laid out like the official
forms of 中华人民共和国出入境检验检疫 (the boxed grid with its printed labels, the
报检号 in the ``*编 号`` box at the top right, the goods table continuing onto 续页 with the
header repeated and "第 X 页 / 共 Y 页"). It knows nothing about Qt: every coordinate is in
millimetres from the top-left corner of the sheet, so the layout is testable without a
display and a renderer (``ui.printing``) only has to draw rectangles, lines, check boxes
and text fitted into rectangles.

Values come from the declaration; codes are resolved to their names through the
:class:`~client.codes.CodeBook` (``310000`` → 上海出入境检验检疫局, ``USA`` → 美国).

Entry point: :func:`build_layout(decl, codes, declared_on=None) -> PrintLayout`.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..codes import CodeBook
from ..model import Declaration, GoodsLine, Party, format_decimal

log = logging.getLogger(__name__)

PAGE_W = 210.0
PAGE_H = 297.0
LEFT = 15.0
TOP = 12.0
WIDTH = PAGE_W - 2 * LEFT   # 180 mm
BOTTOM = PAGE_H - 20.0       # the grid never goes below this line; the footer sits
                             # under it, clear of printers' unprintable edge (~5 mm)

#: goods lines printed on the first sheet; the rest go onto continuation sheets
FIRST_PAGE_GOODS = 5
GOODS_ROW_H = 8.5
#: the goods table's columns (label, width in mm): the same on every page
GOODS_COLUMNS_IN = (("货物名称(中/外文)", 52.0), ("H.S.编码", 22.0), ("原产国(地区)", 22.0),
                    ("数/重量", 30.0), ("货物总值", 26.0), ("包装种类及数量", 28.0))
GOODS_COLUMNS_OUT = (("货物名称(中/外文)", 52.0), ("H.S.编码", 22.0), ("产地", 22.0),
                     ("数/重量", 30.0), ("货物总值", 26.0), ("包装种类及数量", 28.0))

NO_NUMBER = "（草稿，未编号）"


# --------------------------------------------------------------------------- items


@dataclass(frozen=True, slots=True)
class Rect:
    """A stroked rectangle (a cell of the grid), millimetres."""

    x: float
    y: float
    w: float
    h: float
    width: float = 0.25  # pen width, mm


@dataclass(frozen=True, slots=True)
class Text:
    """Text to fit into a rectangle.

    ``role`` is ``title``, ``label`` (printed on the blank form), ``value`` (filled in from
    the declaration), ``number`` (the 报检号) or ``note``. The renderer wraps the text and
    shrinks it down to ``min_pt`` if it does not fit at ``size_pt``; ``source`` names the
    declaration field a value comes from (for tests and for the editor's preview).
    """

    x: float
    y: float
    w: float
    h: float
    text: str
    role: str = "value"
    size_pt: float = 8.0
    min_pt: float = 5.0
    bold: bool = False
    align: str = "left"      # left | center | right
    valign: str = "center"   # top | center
    wrap: bool = True
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Check:
    """A check box (□ / ☑) of the 随附单据 and 需要证单名称 lists."""

    x: float
    y: float
    size: float
    checked: bool
    source: str | None = None


@dataclass
class Page:
    """One sheet: its number, the total, and what is drawn on it."""

    number: int
    count: int = 0
    rects: list[Rect] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    goods_seqs: list[int] = field(default_factory=list)

    def labels(self) -> list[str]:
        return [t.text for t in self.texts if t.role == "label"]

    def values(self) -> dict[str, str]:
        """``source → text`` of every value placed on the page."""
        return {t.source: t.text for t in self.texts if t.source}

    def all_text(self) -> str:
        return "\n".join(t.text for t in self.texts)


@dataclass
class PrintLayout:
    """A whole printed declaration: the sheets in order."""

    direction: str
    title: str
    inspection_no: str
    pages: list[Page]


# ----------------------------------------------------------------------- formatting


def _fmt_dec(v: Decimal | None) -> str:
    if v is None:
        return ""
    text = format_decimal(v)
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    whole = f"{int(whole):,}" if whole else "0"
    return f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}"


def _fmt_date(d: date | None) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日" if d else ""


class _Names:
    """Code → name through the CodeBook, falling back to the code itself."""

    def __init__(self, codes: CodeBook):
        self.codes = codes

    def name(self, table: str, code: str | None, with_code: bool = False) -> str:
        if not code:
            return ""
        try:
            e = self.codes.table(table).get(code)
        except KeyError:  # pragma: no cover - table names are fixed
            e = None
        if e is None:
            return code
        name = e.name_cn or e.name_en or code
        return f"{name}({code})" if with_code else name

    def district(self, code: str | None) -> str:
        """``310115`` → 上海市浦东新区 (province + county when they differ)."""
        if not code:
            return ""
        table = self.codes.table("districts")
        e = table.get(code)
        if e is None:
            return code
        prov = table.get(code[:2] + "0000")
        if prov is not None and prov.code != code and not e.name_cn.startswith(prov.name_cn):
            return prov.name_cn + e.name_cn
        return e.name_cn


def _party_lines(p: Party | None) -> tuple[str, str]:
    return ((p.name_cn or "") if p else "", (p.name_en or "") if p else "")


# ------------------------------------------------------------------ text that fits

PT_MM = 25.4 / 72
LINE_EM = 1.5  # Noto Sans CJK's line spacing is 1.46 em (measured with Qt)
OVERFLOW_NOTE = "…（全文见附页）"


def _char_em(c: str) -> float:
    """Advance width in ems (CJK and full-width forms 1 em; Latin estimated on the wide
    side, so that a value the estimate accepts is never clipped by the renderer)."""
    if ord(c) >= 0x2E80:
        return 1.01
    if c == " ":
        return 0.25
    if c in ".,:;/-'|()[]!1iIlj":
        return 0.36
    if c in "mwMW@%&":
        return 0.85
    if c.isupper():
        return 0.66
    return 0.58


def _count_lines(para: str, width_em: float) -> int:
    """Lines ``para`` takes when wrapped at word boundaries where it can (Latin words
    stay whole) and anywhere else, as the renderer's WordWrap|WrapAnywhere does."""
    tokens: list[str] = []
    word = ""
    for c in para:
        if ord(c) >= 0x2E80 or c == " ":
            if word:
                tokens.append(word)
                word = ""
            tokens.append(c)
        else:
            word += c
    if word:
        tokens.append(word)
    lines, used = 1, 0.0
    for tok in tokens:
        w = sum(_char_em(c) for c in tok)
        if used + w <= width_em:
            used += w
            continue
        if tok == " ":
            continue  # a space at a break disappears
        if w <= width_em:
            lines += 1
            used = w
            continue
        for c in tok:  # a word longer than the line breaks anywhere
            cw = _char_em(c)
            if used + cw > width_em:
                lines += 1
                used = 0.0
            used += cw
    return lines


def text_fits(text: str, w: float, h: float, pt: float) -> bool:
    """Whether ``text`` wrapped into ``w`` × ``h`` mm fits at ``pt`` points.

    An estimate on the safe side of the renderer's own measuring, so that what it says
    fits does fit; it decides when a value goes onto the 附页 in full.
    """
    em = pt * PT_MM
    width_em = w * 0.95 / em
    lines = sum(_count_lines(para, width_em) for para in text.split("\n"))
    return lines * em * LINE_EM <= h + 0.01


def truncate_to_fit(text: str, w: float, h: float, pt: float, note: str = OVERFLOW_NOTE) -> str:
    """The longest prefix of ``text`` that fits together with ``note``."""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_fits(text[:mid].rstrip() + note, w, h, pt):
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + note


# ------------------------------------------------------------------------- builder


def _field_name(source: str) -> str:
    from ..fields import label
    return {"containers": "集装箱规格、数量及号码", "remarks": "特殊条款/其他要求",
            "goods": "货物合计"}.get(source) or label(source)


class _Sheet:
    """Helpers that put cells onto one :class:`Page`."""

    def __init__(self, page: Page, overflow: list | None = None):
        self.page = page
        self.overflow = overflow  # (name, full text) of values too long for their box

    def cell(self, x, y, w, h, *, stroke=True) -> None:
        if stroke:
            self.page.rects.append(Rect(x, y, w, h))

    def label(self, x, y, w, h, text, *, size=8.0, align="center", stroke=True, bold=False,
              valign="center", min_size=5.5) -> None:
        self.cell(x, y, w, h, stroke=stroke)
        self.page.texts.append(Text(x + 0.8, y + 0.4, w - 1.6, h - 0.8, text, "label", size,
                                    min(size, min_size), bold=bold, align=align,
                                    valign=valign))

    def value(self, x, y, w, h, text, source, *, size=8.5, align="left", stroke=True,
              valign="center", name: str | None = None) -> None:
        """A filled-in value; one too long even at 5 pt is cut, and kept in full for the
        附页 (``name`` is how the 附页 calls it; default: the field's label)."""
        self.cell(x, y, w, h, stroke=stroke)
        if text:
            iw, ih = w - 2.0, h - 0.8
            if self.overflow is not None and source and not text_fits(text, iw, ih, 5.0):
                entry = (name or _field_name(source), text)
                if entry not in self.overflow:  # headers repeat on every sheet
                    self.overflow.append(entry)
                text = truncate_to_fit(text, iw, ih, 5.0)
            self.page.texts.append(Text(x + 1.0, y + 0.4, iw, ih, text, "value",
                                        size, 5.0, align=align, valign=valign, source=source))

    def text(self, x, y, w, h, text, role="note", **kw) -> None:
        self.page.texts.append(Text(x, y, w, h, text, role, **kw))

    def pairs(self, y, h, items, widths) -> float:
        """A row of label|value pairs; ``items`` are ``(label, value, source)``."""
        x = LEFT
        for (lab, val, src), (lw, vw) in zip(items, widths):
            self.label(x, y, lw, h, lab)
            self.value(x + lw, y, vw, h, val, src, name=lab)
            x += lw + vw
        return y + h


class _Builder:
    def __init__(self, decl: Declaration, codes: CodeBook, declared_on: date | None):
        self.d = decl
        self.n = _Names(codes)
        self.codes = codes
        self.inbound = decl.direction != "outbound"
        self.declared_on = declared_on or date.today()
        self.form = "入境货物报检单" if self.inbound else "出境货物报检单"
        self.number = decl.inspection_no or NO_NUMBER
        self.columns = GOODS_COLUMNS_IN if self.inbound else GOODS_COLUMNS_OUT
        self.overflow: list[tuple[str, str]] = []

    # -- shared parts -----------------------------------------------------------
    def header(self, s: _Sheet, continuation: bool) -> float:
        """Title, the 编号 box and the line under it; returns where the grid starts."""
        s.text(LEFT, TOP, WIDTH, 7.5, "中华人民共和国出入境检验检疫", "title", size_pt=15,
               bold=True, align="center", wrap=False)
        title = self.form + ("（续页）" if continuation else "")
        s.text(LEFT + 30, TOP + 8, WIDTH - 60, 9, "  ".join(title) if not continuation else title,
               "title", size_pt=19 if not continuation else 17, bold=True, align="center",
               wrap=False)
        # the number box, top right: "*编 号" + the 15-digit 报检号 in large bold digits
        bx, bw = PAGE_W - LEFT - 62, 62
        by = TOP + 19
        s.label(bx, by, 14, 8, "*编  号", size=8.5)
        s.cell(bx + 14, by, bw - 14, 8)
        s.page.texts.append(Text(bx + 15, by + 0.3, bw - 16, 7.4, self.number, "number",
                                 13 if self.d.inspection_no else 9, 7, bold=True,
                                 align="center", wrap=False, source="inspection_no"))
        if self.d.clearance_doc_no:  # the 通关单号 the platform issued on release
            s.text(bx - 10, TOP + 1, bw + 10, 5, f"通关单号：{self.d.clearance_doc_no}", "value",
                   size_pt=8, min_pt=6, bold=True, align="right", wrap=False,
                   source="clearance_doc_no")
        # the unit that files and stamps the form: the broker when one files for the
        # declarant (代理报检), named together with its principal
        agent = self.d.agent if self.d.agent and self.d.agent.display_name else None
        decl = agent or self.d.declarant or Party()
        name = decl.display_name
        if agent is not None and self.d.declarant and self.d.declarant.display_name:
            name += f"（代理报检，委托人：{self.d.declarant.display_name}）"
        src = "agent" if agent is not None else "declarant"
        s.label(LEFT, by, 30, 8, "报检单位（加盖公章）：", size=8, align="left", stroke=False)
        s.value(LEFT + 30, by, bx - LEFT - 32, 8, name, f"{src}.name_cn", stroke=False)
        y = by + 9
        if continuation:
            s.label(LEFT, y, 18, 6, "合同号：", align="left", stroke=False)
            s.value(LEFT + 18, y, 50, 6, self.d.contract_no or "", "contract_no", stroke=False)
            s.label(LEFT + 70, y, 26, 6, "报检日期：", align="left", stroke=False)
            s.value(LEFT + 88, y, 40, 6, _fmt_date(self.declared_on), "declared_on", stroke=False)
            return y + 7
        declarer = self.d.declarer
        items = (("报检单位登记号：", decl.reg_no or "", f"{src}.reg_no", 25, 27),
                 ("联系人：", declarer.name if declarer and declarer.name else "",
                  "declarer.name", 13, 20),
                 ("电话：", declarer.phone if declarer and declarer.phone else "",
                  "declarer.phone", 10, 30),
                 ("报检日期：", _fmt_date(self.declared_on), "declared_on", 16, 39))
        x = LEFT
        for lab, val, src, lw, vw in items:
            s.label(x, y, lw, 6, lab, align="left", stroke=False)
            s.value(x + lw, y, vw, 6, val, src, stroke=False)
            x += lw + vw
        return y + 7

    def footer(self, s: _Sheet) -> None:
        p = s.page
        s.text(LEFT, BOTTOM + 1.5, 110, 5, '注：有"*"号栏由出入境检验检疫机关填写', "note",
               size_pt=7.5, align="left")
        s.text(LEFT + 110, BOTTOM + 1.5, 70, 5, "◆国家出入境检验检疫局制", "note", size_pt=7.5,
               align="right")
        s.text(LEFT, BOTTOM + 6.5, WIDTH, 5, f"第 {p.number} 页 / 共 {{count}} 页", "page",
               size_pt=8, align="center")

    def party_rows(self, s: _Sheet, y: float, label: str, party: Party | None,
                   path: str) -> float:
        cn, en = _party_lines(party)
        s.label(LEFT, y, 18, 14, label, size=9)
        s.label(LEFT + 18, y, 14, 7, "(中文)")
        s.value(LEFT + 32, y, WIDTH - 32, 7, cn, f"{path}.name_cn")
        s.label(LEFT + 18, y + 7, 14, 7, "(外文)")
        s.value(LEFT + 32, y + 7, WIDTH - 32, 7, en, f"{path}.name_en")
        return y + 14

    def goods_header(self, s: _Sheet, y: float) -> float:
        x = LEFT
        for lab, w in self.columns:
            s.label(x, y, w, 7, lab, size=8)
            x += w
        return y + 7

    def goods_cells(self, g: GoodsLine, index: int) -> list[tuple[str, str]]:
        n = self.n
        p = f"goods[{index}]"
        name = f"{g.seq or index + 1}. {g.name_cn or ''}"
        if g.name_en:
            name += f"\n{g.name_en}"
        if self.inbound:
            origin = n.name("countries", g.origin_country)
            origin_src = f"{p}.origin_country"
        else:
            origin = n.district(self.d.origin_district) or n.name("countries", g.origin_country)
            origin_src = "origin_district"
        qty = ""
        if g.quantity is not None:
            qty = f"{_fmt_dec(g.quantity)} {n.name('units', g.quantity_unit)}".strip()
        weight = f"{_fmt_dec(g.net_weight_kg)} 千克" if g.net_weight_kg is not None else ""
        value = _fmt_dec(g.value)
        if g.currency:
            value = f"{value}\n{n.name('currencies', g.currency)}" if value else g.currency
        pkg = ""
        if g.package_count is not None or g.package_type:
            count = "" if g.package_count is None else str(g.package_count)
            pkg = f"{count} {n.name('package_types', g.package_type)}".strip()
        return [(name, f"{p}.name_cn"), (g.hs_code or "", f"{p}.hs_code"), (origin, origin_src),
                ("\n".join(x for x in (qty, weight) if x), f"{p}.quantity"),
                (value, f"{p}.value"), (pkg, f"{p}.package_count")]

    def goods_rows(self, s: _Sheet, y: float, lines: list[tuple[int, GoodsLine]],
                   rows: int) -> float:
        for r in range(rows):
            x = LEFT
            ry = y + r * GOODS_ROW_H
            cells = (self.goods_cells(lines[r][1], lines[r][0]) if r < len(lines)
                     else [("", "")] * len(self.columns))
            seq = (lines[r][1].seq or lines[r][0] + 1) if r < len(lines) else 0
            for (text, src), (lab, w) in zip(cells, self.columns):
                s.value(x, ry, w, GOODS_ROW_H, text, src if text else None, size=7.5,
                        align="left" if x == LEFT else "center", name=f"第 {seq} 项 {lab}")
                x += w
            if r < len(lines):
                s.page.goods_seqs.append(lines[r][1].seq or lines[r][0] + 1)
        return y + rows * GOODS_ROW_H

    def totals_text(self) -> str:
        total, cur = self.d.total_value()
        pkgs = sum(g.package_count or 0 for g in self.d.goods)
        parts = [f"共 {len(self.d.goods)} 项货物"]
        if total is not None:
            parts.append(f"货物总值合计：{_fmt_dec(total)} "
                         f"{self.n.name('currencies', cur) if cur else '（多币制）'}")
        if pkgs:
            parts.append(f"包装件数合计：{pkgs}")
        return "    ".join(parts)

    # -- the first sheet ----------------------------------------------------------
    def first_page(self, page: Page) -> None:
        s = _Sheet(page, self.overflow)
        d, n = self.d, self.n
        y = self.header(s, continuation=False)
        first, second = ((("收货人", d.consignee, "consignee"), ("发货人", d.consignor, "consignor"))
                         if self.inbound else
                         (("发货人", d.consignor, "consignor"), ("收货人", d.consignee, "consignee")))
        y = self.party_rows(s, y, *first)
        y = self.party_rows(s, y, *second)
        y = self.goods_header(s, y)
        lines = list(enumerate(d.goods))[:FIRST_PAGE_GOODS]
        y = self.goods_rows(s, y, lines, FIRST_PAGE_GOODS)
        summary = self.totals_text()
        if len(d.goods) > FIRST_PAGE_GOODS:
            summary = (f"（第 {FIRST_PAGE_GOODS + 1}–{len(d.goods)} 项见续页）    " + summary)
        s.value(LEFT, y, WIDTH, 6, summary, "goods", size=7.5)
        y += 6
        y = self.inbound_rows(s, y) if self.inbound else self.outbound_rows(s, y)
        y = self.checklists(s, y)
        self.declaration_box(s, y)
        self.footer(s)

    def licences_text(self) -> str:
        """许可证/审批号: the numbers of every goods line's licences, once each (many
        numbers go in full to the 附页, as any value too long for its box)."""
        seen: list[str] = []
        for g in self.d.goods:
            for lic in g.licences:
                item = (lic.number or "").strip()
                if item and item not in seen:
                    seen.append(item)
        return "；".join(seen) or str(self.d.extra.get("license_no") or "")

    def producer_text(self) -> str:
        """生产单位注册号: the goods lines' producer registration numbers, once each."""
        seen: list[str] = []
        for g in self.d.goods:
            reg = g.producer.reg_no if g.producer else None
            if reg and reg not in seen:
                seen.append(reg)
        return "、".join(seen) or str(self.d.extra.get("producer_reg_no") or "")

    def transport_text(self) -> str:
        d = self.d
        mode = self.n.name("transport_modes", d.transport_mode)
        return " ".join(x for x in (d.transport_name or "", f"（{mode}）" if mode else "") if x)

    def container_text(self) -> str:
        by_type: dict[str, list[str]] = {}
        for c in self.d.containers:
            by_type.setdefault(c.size_type or "", []).append(c.number or "")
        return "；".join(f"{t or '规格未填'} × {len(nums)}：{'、'.join(nums)}"
                        for t, nums in by_type.items())

    def inbound_rows(self, s: _Sheet, y: float) -> float:
        d, n = self.d, self.n
        h = 7.0
        w2 = ((30.0, 60.0), (30.0, 60.0))
        y = s.pairs(y, h, (("运输工具名称号码", self.transport_text(), "transport_name"),
                           ("合同号", d.contract_no or "", "contract_no")), w2)
        w3 = ((22.0, 38.0), (22.0, 38.0), (22.0, 38.0))
        y = s.pairs(y, h, (("贸易方式", n.name("trade_modes", d.trade_mode), "trade_mode"),
                           ("贸易国别(地区)", n.name("countries", d.trade_country), "trade_country"),
                           ("提单/运单号", d.bl_no or "", "bl_no")), w3)
        y = s.pairs(y, h, (("到货日期", _fmt_date(d.arrival_date), "arrival_date"),
                           ("启运国家(地区)", n.name("countries", d.departure_country),
                            "departure_country"),
                           ("许可证/审批号", self.licences_text(), "goods[].licences")), w3)
        y = s.pairs(y, h, (("卸毕日期", _fmt_date(d.unload_date), "unload_date"),
                           ("启运口岸", d.departure_port or "", "departure_port"),
                           ("入境口岸", d.entry_exit_port or "", "entry_exit_port")), w3)
        y = s.pairs(y, h, (("索赔有效期至", _fmt_date(d.claim_deadline), "claim_deadline"),
                           ("经停口岸", d.stopover_port or "", "stopover_port"),
                           ("目的地", n.district(d.destination_district), "destination_district")),
                    w3)
        s.label(LEFT, y, 40, 7, "集装箱规格、数量及号码")
        s.value(LEFT + 40, y, WIDTH - 40, 7, self.container_text(), "containers")
        y += 7
        s.label(LEFT, y, 30, 14, "合同订立的特殊条款\n以及其他要求")
        s.value(LEFT + 30, y, 68, 14, d.remarks or "", "remarks", valign="top")
        s.label(LEFT + 98, y, 24, 7, "货物存放地点")
        s.value(LEFT + 122, y, 58, 7, d.goods_location or "", "goods_location")
        s.label(LEFT + 98, y + 7, 24, 7, "用途")
        s.value(LEFT + 122, y + 7, 58, 7, n.name("purposes", d.purpose), "purpose")
        return y + 14

    def outbound_rows(self, s: _Sheet, y: float) -> float:
        d, n = self.d, self.n
        h = 7.0
        w3 = ((25.0, 37.0), (22.0, 30.0), (24.0, 42.0))
        y = s.pairs(y, h, (("运输工具名称号码", self.transport_text(), "transport_name"),
                           ("贸易方式", n.name("trade_modes", d.trade_mode), "trade_mode"),
                           ("货物存放地点", d.goods_location or "", "goods_location")), w3)
        y = s.pairs(y, h, (("合同号", d.contract_no or "", "contract_no"),
                           ("信用证号", d.lc_no or "", "lc_no"),
                           ("用途", n.name("purposes", d.purpose), "purpose")), w3)
        y = s.pairs(y, h, (("发货日期", _fmt_date(d.ship_date), "ship_date"),
                           ("输往国家(地区)", n.name("countries", d.destination_country),
                            "destination_country"),
                           ("许可证/审批号", self.licences_text(), "goods[].licences")), w3)
        y = s.pairs(y, h, (("启运地", d.departure_port or "", "departure_port"),
                           ("离境口岸", d.entry_exit_port or "", "entry_exit_port"),
                           ("到达口岸", d.arrival_port or "", "arrival_port")), w3)
        y = s.pairs(y, h, (("产地", n.district(d.origin_district), "origin_district"),
                           ("贸易国别(地区)", n.name("countries", d.trade_country), "trade_country"),
                           ("生产单位注册号", self.producer_text(), "goods[].producer.reg_no")),
                    w3)
        s.label(LEFT, y, 40, 7, "集装箱规格、数量及号码")
        s.value(LEFT + 40, y, WIDTH - 40, 7, self.container_text(), "containers")
        y += 7
        s.label(LEFT, y, 36, 14, "合同、信用证订立的\n检验检疫条款或特殊要求", size=7.5)
        s.value(LEFT + 36, y, WIDTH - 36, 14, d.remarks or "", "remarks", valign="top")
        return y + 14

    # -- 随附单据 / 标记及号码 / 需要证单名称 / 检验检疫费 -----------------------------
    def checklists(self, s: _Sheet, y: float) -> float:
        d, n = self.d, self.n
        # 随附单据: every attachment type of the code table as a check box, ticked when
        # attached; types the table does not know are "补填" (filled in) after the list.
        have = {a.type for a in d.attachments if a.type}
        table = self.codes.table("attachment_types")
        items = [(e.name_cn, e.code in have, e.code) for e in table.entries]
        extra = [n.name("attachment_types", t) for t in sorted(have) if t not in table]
        h_att = 38.0
        wa, wm = 78.0, 50.0
        s.label(LEFT, y, wa, 6, '随附单据(划"✓"或补填)')
        s.cell(LEFT, y + 6, wa, h_att - 6)
        rows = (len(items) + 1) // 2
        rh = min(4.6, (h_att - 8) / max(rows, 1))
        for i, (name, checked, code) in enumerate(items):
            cx = LEFT + 2 + (i // rows) * (wa / 2)
            cy = y + 7 + (i % rows) * rh
            s.page.checks.append(Check(cx, cy + 0.6, 3.0, checked, f"attachments:{code}"))
            s.text(cx + 4, cy, wa / 2 - 6, rh, name, "label", size_pt=7.5, min_pt=5.5,
                   align="left", wrap=False)
        if extra:
            s.text(LEFT + 2, y + h_att - 5, wa - 4, 4.5, "补填：" + "、".join(extra), "value",
                   size_pt=7, source="attachments:other")
        s.label(LEFT + wa, y, wm, 6, "标记及号码")
        s.value(LEFT + wa, y + 6, wm, h_att - 6, d.marks or "", "marks", valign="top",
                align="center")
        fx = LEFT + wa + wm
        fw = WIDTH - wa - wm
        s.label(fx, y, fw, 6, "*外商投资财产(划\"✓\")")
        s.cell(fx, y + 6, fw, 7)
        fi = d.foreign_investment if self.inbound else None
        for i, (word, ticked) in enumerate((("是", fi is True), ("否", fi is False))):
            cx = fx + fw / 2 - 14 + i * 16
            s.page.checks.append(Check(cx, y + 8, 3.0, ticked, f"foreign_investment:{word}"))
            s.text(cx + 4, y + 7, 8, 5, word, "label", size_pt=8, align="left", wrap=False)
        s.label(fx, y + 13, fw, 6, "*检验检疫费", bold=True)
        for i, lab in enumerate(("总金额\n(人民币元)", "计费人", "收费人")):
            s.label(fx, y + 19 + i * (h_att - 19) / 3, 20, (h_att - 19) / 3, lab, size=7,
                    min_size=4.5)
            s.cell(fx + 20, y + 19 + i * (h_att - 19) / 3, fw - 20, (h_att - 19) / 3)
        y += h_att
        # 需要证单名称 with 正/副 counts
        want = {c.type: c for c in d.certificates if c.type}
        direction = "inbound" if self.inbound else "outbound"
        certs = [e for e in self.codes.table("certificates").entries
                 if e.row.get("direction", "both") in ("both", direction)]
        rows = (len(certs) + 1) // 2
        rh = 4.6
        h_cert = 2 + rows * rh + 1
        s.label(LEFT, y, 30, h_cert, '需要证单名称\n(划"✓"或补填)')
        s.cell(LEFT + 30, y, WIDTH - 30, h_cert)
        colw = (WIDTH - 30) / 2
        for i, e in enumerate(certs):
            cx = LEFT + 32 + (i // rows) * colw
            cy = y + 1.5 + (i % rows) * rh
            c = want.get(e.code)
            s.page.checks.append(Check(cx, cy + 0.6, 3.0, c is not None, f"certificates:{e.code}"))
            s.text(cx + 4, cy, colw - 32, rh, e.name_cn, "label", size_pt=7.5, min_pt=5.5,
                   align="left", wrap=False)
            ori = "" if c is None or c.originals is None else str(c.originals)
            cop = "" if c is None or c.copies is None else str(c.copies)
            s.text(cx + colw - 28, cy, 7, rh, ori or "__", "value" if ori else "label",
                   size_pt=7.5, align="center", source=f"certificates:{e.code}.originals"
                   if ori else None)
            s.text(cx + colw - 21, cy, 4, rh, "正", "label", size_pt=7.5, align="left")
            s.text(cx + colw - 16, cy, 7, rh, cop or "__", "value" if cop else "label",
                   size_pt=7.5, align="center", source=f"certificates:{e.code}.copies"
                   if cop else None)
            s.text(cx + colw - 9, cy, 4, rh, "副", "label", size_pt=7.5, align="left")
        unknown = [t for t in want if t not in {e.code for e in certs}]
        if unknown:
            s.text(LEFT + 32, y + h_cert - 4.5, WIDTH - 34, 4,
                   "补填：" + "、".join(f"{n.name('certificates', t)} 正{want[t].originals or 0}"
                                      f"副{want[t].copies or 0}" for t in unknown),
                   "value", size_pt=7, source="certificates:other")
        return y + h_cert

    def declaration_box(self, s: _Sheet, y: float) -> None:
        h = max(BOTTOM - y, 22.0)
        wl = 120.0
        s.cell(LEFT, y, wl, h)
        s.text(LEFT + 2, y + 1, wl - 4, 5, "报检人郑重声明：", "label", size_pt=8.5, bold=True,
               align="left")
        promise = ("1．本人被授权报检。\n2．上列填写内容正确属实。" if self.inbound else
                   "1．本人被授权报检。\n2．上列填写内容正确属实，货物无伪造或冒用他人的厂名、"
                   "标志、认证标志，并承担货物质量责任。")
        s.text(LEFT + 8, y + 6, wl - 12, h - 14, promise, "label", size_pt=8, align="left",
               valign="top")
        s.text(LEFT + 62, y + h - 7, 14, 5, "签名：", "label", size_pt=8.5, align="right")
        name = self.d.declarer.name if self.d.declarer and self.d.declarer.name else ""
        s.page.rects.append(Rect(LEFT + 76, y + h - 2.5, 38, 0.01, 0.2))
        if name:
            s.text(LEFT + 77, y + h - 7, 36, 5, name, "value", size_pt=9, source="declarer.name")
        s.label(LEFT + wl, y, WIDTH - wl, 6, "领 取 证 单", bold=True)
        rest = h - 6
        for i, lab in enumerate(("日期", "签名")):
            s.label(LEFT + wl, y + 6 + i * rest / 2, 16, rest / 2, lab)
            s.cell(LEFT + wl + 16, y + 6 + i * rest / 2, WIDTH - wl - 16, rest / 2)

    # -- continuation sheets ----------------------------------------------------------
    def continuation(self, page: Page, lines: list[tuple[int, GoodsLine]], last: bool) -> None:
        s = _Sheet(page, self.overflow)
        y = self.header(s, continuation=True)
        y = self.goods_header(s, y)
        y = self.goods_rows(s, y, lines, len(lines))
        if last:
            s.value(LEFT, y, WIDTH, 6, self.totals_text(), "goods", size=7.5)
        self.footer(s)

    def overflow_pages(self, first_number: int) -> list[Page]:
        """附页: the full text of every value that did not fit its box, label | text."""
        pages: list[Page] = []
        items = list(self.overflow)
        self.overflow = []  # the 附页 itself prints everything in full
        while items:
            page = Page(first_number + len(pages))
            s = _Sheet(page, [])  # its header is cut like the others' (already listed)
            y = self.header(s, continuation=True)
            s.label(LEFT, y, WIDTH, 7, "附页：以下栏目内容超出栏位，全文如下", bold=True)
            y += 7
            while items:
                name, text = items[0]
                h = 7.0
                while not text_fits(text, WIDTH - 42 - 2, h - 0.8, 8.5) and h < BOTTOM - y:
                    h += 3.5
                if y + h > BOTTOM and y > TOP + 60:
                    break  # next sheet
                h = min(h, BOTTOM - y)
                items.pop(0)
                s.label(LEFT, y, 40, h, name)
                s.value(LEFT + 40, y, WIDTH - 40, h, text, "overflow", valign="top")
                y += h
            self.footer(s)
            pages.append(page)
        return pages

    def build(self) -> PrintLayout:
        pages = [Page(1)]
        self.first_page(pages[0])
        rest = list(enumerate(self.d.goods))[FIRST_PAGE_GOODS:]
        per_page = continuation_capacity()
        chunks = [rest[i:i + per_page] for i in range(0, len(rest), per_page)]
        for i, chunk in enumerate(chunks):
            page = Page(len(pages) + 1)
            self.continuation(page, chunk, last=i == len(chunks) - 1)
            pages.append(page)
        if self.overflow:
            pages += self.overflow_pages(len(pages) + 1)
        count = len(pages)
        for p in pages:
            p.count = count
            p.texts = [Text(t.x, t.y, t.w, t.h, t.text.replace("{count}", str(count)), t.role,
                            t.size_pt, t.min_pt, t.bold, t.align, t.valign, t.wrap, t.source)
                       if t.role == "page" else t for t in p.texts]
        log.debug("laid out %s %s on %d pages", self.form, self.number, count)
        return PrintLayout(self.d.direction or "inbound", self.form, self.number, pages)


def continuation_capacity() -> int:
    """Goods lines that fit on one continuation sheet (header, table header, total row)."""
    grid_top = TOP + 19 + 9 + 7   # title block, 编号 line, contract/date line
    return int((BOTTOM - grid_top - 7 - 6) // GOODS_ROW_H)


def build_layout(decl: Declaration, codes: CodeBook, declared_on: date | None = None
                 ) -> PrintLayout:
    """Lay out ``decl`` on A4 sheets; ``declared_on`` is the 报检日期 (default today)."""
    return _Builder(decl, codes, declared_on).build()
