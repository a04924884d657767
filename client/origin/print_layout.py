"""A certificate of origin as a print layout (A4, millimetres), in the agreement form's
numbered boxes: 1 exporter, 2 producer, 3 consignee, 4 transport, 5 remarks / for official
use, 6–12 the goods table (item, marks, description, HS, origin criterion, quantity or
gross weight, invoice), 13 declaration by the exporter, 14 certification.

Reuses :mod:`client.interchange.print_layout`'s ``PrintLayout``/``Page``/``Rect``/``Text``, so
``ui.printing.save_pdf`` renders it like the 报检单 (CJK and Latin fonts embedded). Goods
that do not fit the first sheet go on continuation sheets (表格续页), each with the
certificate number, the goods table header and boxes 13/14 repeated blank-free.
"""
from __future__ import annotations

from ..codes import CodeBook
from ..interchange.print_layout import Page, PrintLayout, Rect, Text
from . import tables

_X, _W = 12.0, 186.0
_LEFT = 100.0                      # width of the left column (boxes 1-4)
#: goods table columns: (box number, label, width mm, key)
COLUMNS = (("6", "Item\nnumber", 12.0, "seq"), ("7", "Marks and numbers\non packages", 28.0,
           "marks"), ("8", "Number and kind of packages;\ndescription of goods", 58.0,
           "description"), ("9", "HS code\n(6 digits)", 18.0, "hs_code"),
           ("10", "Origin\ncriterion", 20.0, "criterion"),
           ("11", "Quantity or\ngross weight", 24.0, "quantity"),
           ("12", "Invoice number\nand date", 26.0, "invoice"))
ROW_H = 11.0
FIRST_TOP, FIRST_BOTTOM = 122.0, 226.0   # goods rows on the first sheet
CONT_TOP, CONT_BOTTOM = 44.0, 226.0      # and on a continuation sheet


def first_capacity() -> int:
    return int((FIRST_BOTTOM - FIRST_TOP - 12) // ROW_H)


def cont_capacity() -> int:
    return int((CONT_BOTTOM - CONT_TOP - 12) // ROW_H)


def _party(p: dict, codes: CodeBook) -> str:
    lines = [p.get("name") or "", p.get("address") or ""]
    c = p.get("country")
    if c:
        e = codes.table("countries").get(c)
        lines.append(e.name_en.upper() if e and e.name_en else c)
    return "\n".join(x for x in lines if x)


def _box(page: Page, x: float, y: float, w: float, h: float, label: str, value: str,
         source: str | None = None, size: float = 8.5) -> None:
    page.rects.append(Rect(x, y, w, h))
    page.texts.append(Text(x + 1, y + 0.5, w - 2, 5, label, role="label", size_pt=6.5,
                           valign="top"))
    page.texts.append(Text(x + 2, y + 6, w - 4, h - 7, value, size_pt=size, min_pt=5,
                           valign="top", source=source))


def _goods_value(g: dict, i: int, key: str, codes: CodeBook) -> str:
    if key == "seq":
        return str(i + 1)
    if key == "description":
        return " ".join(x for x in (g.get("packages"), g.get("description")) if x)
    if key == "criterion":
        c = g.get("criterion") or ""
        return f"{c} {g['rvc_percent']}%" if g.get("rvc_percent") else c
    if key == "quantity":
        if g.get("quantity"):
            u = codes.table("units").get(g.get("unit"))
            unit = (u.name_en or u.name_cn).upper() if u else (g.get("unit") or "")
            return f"{g['quantity']} {unit}".strip()
        return f"{g['gross_weight_kg']} KG G.W." if g.get("gross_weight_kg") else ""
    if key == "invoice":
        return "\n".join(x for x in (g.get("invoice_no"), g.get("invoice_date")) if x)
    return str(g.get(key) or "")


def _goods_table(page: Page, y: float, goods: list[tuple[int, dict]], last: bool,
                 more: bool, codes: CodeBook) -> float:
    x = _X
    for box, label, w, _k in COLUMNS:
        page.rects.append(Rect(x, y, w, 12))
        page.texts.append(Text(x + 0.5, y, w - 1, 12, f"{box}. {label}", role="label",
                               size_pt=6, align="center"))
        x += w
    y += 12
    for i, g in goods:
        x = _X
        for _box_no, _label, w, key in COLUMNS:
            page.rects.append(Rect(x, y, w, ROW_H, width=0.15))
            page.texts.append(Text(x + 0.8, y + 0.5, w - 1.6, ROW_H - 1,
                                   _goods_value(g, i, key, codes), size_pt=7.5, min_pt=5,
                                   valign="top", source=f"goods[{i}].{key}"))
            x += w
        y += ROW_H
    note = ("（以下空白）*** END ***" if last else "（转下页 / continued on next sheet）") \
        if goods else ""
    if more or last:
        page.texts.append(Text(_X + 40, y + 1, 100, 6, note, role="note", size_pt=7,
                               align="center"))
    return y


def _boxes_13_14(page: Page, doc: dict) -> None:
    y, h = 230.0, 48.0
    place_date = ", ".join(x for x in (doc.get("application_place"),
                                       doc.get("application_date")) if x)
    _box(page, _X, y, _W / 2, h, "13. Declaration by the exporter / 出口商声明",
         "The undersigned hereby declares that the above details and statement are correct, "
         "that all the goods were produced in\n\nCHINA\n\nand that they comply with the "
         "origin requirements specified in the agreement.\n\n" + place_date +
         "\n.............................................\nPlace and date, signature of "
         "authorized signatory", source="application_date", size=7)
    _box(page, _X + _W / 2, y, _W / 2, h, "14. Certification / 签证机构证明",
         "It is hereby certified, on the basis of control carried out, that the declaration "
         "by the exporter is correct.\n\n\n" + (doc.get("issued_on") or "") +
         "\n.............................................\nPlace and date, signature and "
         "stamp of certifying authority", source="issued_on", size=7)


def _header(page: Page, doc: dict, title: str, form: str, no: str, n: int) -> None:
    page.texts.append(Text(_X, 6, _W, 6, f"ORIGINAL · {form} · sheet {n}", role="label",
                           size_pt=7, align="right"))


def build(doc: dict, codes: CodeBook) -> PrintLayout:
    ag = tables.agreement(codes, doc.get("agreement"))
    title_en = ag.name_en if ag else "Certificate of Origin"
    form = ag.row.get("form", "") if ag else ""
    no = doc.get("certificate_no") or "（草稿，未签证）DRAFT"
    goods = list(enumerate(doc.get("goods") or []))
    pages: list[Page] = []
    page = Page(number=1)
    pages.append(page)
    _header(page, doc, title_en, form, no, 1)
    t = doc.get("transport") or {}
    # left column: boxes 1-4
    _box(page, _X, 12, _LEFT, 26, "1. Exporter's name, address, country / 出口商",
         _party(doc.get("exporter") or {}, codes), "exporter.name")
    _box(page, _X, 38, _LEFT, 22, "2. Producer's name and address / 生产商",
         _party(doc.get("producer") or {}, codes) or "AVAILABLE UPON REQUEST", "producer.name")
    _box(page, _X, 60, _LEFT, 26, "3. Consignee's name, address, country / 收货人",
         _party(doc.get("consignee") or {}, codes), "consignee.name")
    route = "\n".join(x for x in (
        f"Departure date: {t.get('departure_date') or ''}",
        f"Vessel / flight / vehicle: {t.get('means') or ''}",
        f"Port of loading: {t.get('port_of_loading') or ''}",
        f"Port of discharge: {t.get('port_of_discharge') or ''}") if x)
    _box(page, _X, 86, _LEFT, 32, "4. Means of transport and route / 运输方式及路线", route,
         "transport.departure_date")
    # right column: number, title, box 5
    rx, rw = _X + _LEFT, _W - _LEFT
    page.rects.append(Rect(rx, 12, rw, 48))
    page.texts.append(Text(rx + 2, 13, rw - 4, 8, f"Certificate No. {no}", role="number",
                           size_pt=9, bold=True, source="certificate_no"))
    heading = form if form.startswith("CERTIFICATE") else "CERTIFICATE OF ORIGIN\n" + form
    page.texts.append(Text(rx + 2, 22, rw - 4, 16, heading,
                           role="title", size_pt=12, bold=True, align="center"))
    page.texts.append(Text(rx + 2, 38, rw - 4, 14, title_en, role="label", size_pt=8,
                           align="center", source="agreement"))
    page.texts.append(Text(rx + 2, 52, rw - 4, 7, "Issued in THE PEOPLE'S REPUBLIC OF CHINA",
                           role="label", size_pt=7.5, align="center"))
    official = []
    if doc.get("retroactive"):
        official.append("☑ ISSUED RETROSPECTIVELY 后发" + (f": {doc['retroactive_reason']}"
                                                          if doc.get("retroactive_reason") else ""))
    if doc.get("third_party_invoicing"):
        tp = doc.get("third_party") or {}
        official.append("☑ THIRD-PARTY INVOICING 第三方发票: " + (tp.get("name") or ""))
    if doc.get("remarks"):
        official.append(doc["remarks"])
    _box(page, rx, 60, rw, 58, "5. For official use / Remarks / 备注",
         "\n".join(official), "retroactive")
    cap = first_capacity()
    chunk, rest = goods[:cap], goods[cap:]
    _goods_table(page, FIRST_TOP, chunk, last=not rest, more=bool(rest), codes=codes)
    _boxes_13_14(page, doc)
    while rest:
        page = Page(number=len(pages) + 1)
        pages.append(page)
        _header(page, doc, title_en, form, no, page.number)
        page.rects.append(Rect(_X, 12, _W, 28))
        page.texts.append(Text(_X + 2, 13, _W - 4, 10, "CONTINUATION SHEET 续页",
                               role="title", size_pt=12, bold=True, align="center"))
        page.texts.append(Text(_X + 2, 24, _W - 4, 8, f"Certificate No. {no} · {form}",
                               role="number", size_pt=9, align="center"))
        page.texts.append(Text(_X + 2, 32, _W - 4, 7, "Exporter: " + (
            (doc.get("exporter") or {}).get("name") or ""), role="label", size_pt=7.5,
            align="center"))
        cap = cont_capacity()
        chunk, rest = rest[:cap], rest[cap:]
        _goods_table(page, CONT_TOP, chunk, last=not rest, more=bool(rest), codes=codes)
        page.goods_seqs = [i for i, _g in chunk]
        _boxes_13_14(page, doc)
    pages[0].goods_seqs = [i for i, _g in goods[:first_capacity()]]
    for p in pages:
        p.count = len(pages)
        p.texts.append(Text(_X, 282, _W, 6, f"{no} · Page {p.number} of {len(pages)} · 第 "
                            f"{p.number} 页，共 {len(pages)} 页", role="label", size_pt=7,
                            align="center"))
    return PrintLayout(direction="outbound", title=f"Certificate of Origin {form}",
                       inspection_no=no, pages=pages)
