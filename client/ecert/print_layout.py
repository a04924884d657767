"""A readable bilingual rendering of an e-certificate, as a print layout (A4, millimetres).

Reuses :mod:`client.interchange.print_layout`'s ``PrintLayout``/``Page``/``Rect``/``Text``, so
``ui.printing.save_pdf`` turns it into a PDF like the 报检单. One page for the header,
parties and transport, the goods lines after it (continued on more pages when long).
"""
from __future__ import annotations

from ..interchange.print_layout import Page, PrintLayout, Rect, Text
from . import tables
from .sps import Certificate

_X, _W = 15.0, 180.0
_STATUS = {"70": "有效 / issued", "40": "已作废 / CANCELLED — 本证书已被签发机构作废，不再有效"}
#: the notes of a replacement certificate, by subject (ePhyto practice)
_NOTES = {"ADRP": "替换说明 / Replacement", "ADRPN": "被替换证书编号 / Replaced certificate No.",
          "ADRPR": "替换原因 / Reason for replacement",
          "ADRD": "原证签发时间 / Replaced certificate issued at"}


def _when(iso: str | None) -> str:
    """``2026-12-02T06:00:00.000Z`` → ``2026-12-02 06:00:00 UTC`` (other text unchanged)."""
    v = (iso or "").strip()
    if len(v) >= 19 and v[10] == "T" and v.endswith("Z"):
        return f"{v[:10]} {v[11:19]} UTC"
    return v


def _transport(mode: str | None, name: str | None) -> str:
    t = tables.transport()
    what = " / ".join(x for x in (t.names_cn.get(mode or ""), t.names.get(mode or "")) if x)
    if mode and not what:
        what = f"Rec 19: {mode}"
    return "  ".join(x for x in (what, name or "") if x)


def _country(a2: str | None) -> str:
    return f"{a2} {tables.country_name(a2)}" if a2 else ""


def _party(p: dict) -> str:
    return " / ".join(x for x in (p.get("name_cn"), p.get("name_en")) if x) or "-"


def layout(cert: Certificate) -> PrintLayout:
    zh, en = tables.type_name(cert.type_code)
    pages: list[Page] = []
    page = Page(number=1)
    pages.append(page)
    t = page.texts.append
    t(Text(_X, 12, _W, 10, f"{zh}  {en}", role="title", size_pt=16, bold=True, align="center"))
    t(Text(_X, 22, _W, 6, "UN/CEFACT SPSCertificate 17 · 电子证书 / electronic certificate",
           role="label", size_pt=8, align="center"))
    rows = [("证书编号 / Certificate No.", cert.number),
            ("状态 / Status", _STATUS.get(cert.status_code, cert.status_code)),
            ("签发时间 / Issued at", _when(cert.issued_at)),
            ("签发机构 / Issuer", cert.issuer),
            ("报检号 / Application No.", cert.reference or ""),
            ("发货人 / Consignor", _party(cert.consignor)),
            ("收货人 / Consignee", _party(cert.consignee)),
            ("输出国 / Country of export", _country(cert.export_country)),
            ("输入国 / Country of import", _country(cert.import_country)),
            ("卸货口岸 / Port of unloading", cert.unloading_port or ""),
            ("运输方式 / Means of conveyance", _transport(cert.transport_mode,
                                                       cert.transport_name)),
            ("集装箱 / Containers", ", ".join(cert.containers))]
    rows += [(_NOTES.get(k, f"附注 {k} / Note {k}"), _when(v) if k == "ADRD" else v)
             for k, v in cert.notes.items()]
    y = 32.0
    for label, value in rows:
        page.rects.append(Rect(_X, y, _W, 9))
        t(Text(_X + 1, y, 58, 9, label, role="label", size_pt=8))
        t(Text(_X + 60, y, _W - 61, 9, value, size_pt=9, bold=label.startswith("状态"),
               source=label))
        y += 9
    y += 4
    heads = [("序号\nNo.", 10), ("货物名称 / Description", 62), ("HS", 21),
             ("净重 kg\nNet", 21), ("毛重 kg\nGross", 21), ("包装 / Packages", 31),
             ("原产\nOrigin", 14)]
    aligns = ["center", "left", "center", "right", "right", "left", "center"]

    def head_row(p: Page, y: float) -> float:
        x = _X
        for h, w in heads:
            p.rects.append(Rect(x, y, w, 10))
            p.texts.append(Text(x + 0.5, y, w - 1, 10, h, role="label", size_pt=7, bold=True,
                                align="center"))
            x += w
        return y + 10

    y = head_row(page, y)
    for ln in cert.lines:
        if y > 270:
            page = Page(number=len(pages) + 1)
            pages.append(page)
            y = head_row(page, 15)
        pkg = f"{ln.package_count or ''} {tables.packages().names.get(ln.package_rec21 or '', '')}"
        values = [str(ln.seq or ""), " / ".join(x for x in (ln.name_cn, ln.name_en) if x),
                  ", ".join(ln.hs_codes), str(ln.net_weight_kg or ""),
                  str(ln.gross_weight_kg or ""), pkg.strip(), ln.origin_country or ""]
        x = _X
        for (_h, w), v, a in zip(heads, values, aligns):
            page.rects.append(Rect(x, y, w, 9))
            page.texts.append(Text(x + 1, y, w - 2, 9, v, size_pt=8, align=a))
            x += w
        y += 9
    for p in pages:
        p.count = len(pages)
        p.texts.append(Text(_X, 282, _W, 6, f"{cert.number} · {p.number}/{len(pages)} · 数字签名"
                            "见 XML 原件 / digitally signed: see the XML original",
                            role="label", size_pt=7, align="center"))
    return PrintLayout(direction="outbound", title=f"{zh} {en}", inspection_no=cert.number,
                       pages=pages)
