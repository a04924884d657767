"""Traceability labels (溯源标签): the text a label's QR code carries and the A4 grid.

The QR text is ``CIQTRACE1|R=<reg_no>|I=<inspection_no>|B=<batch>`` (:func:`encode`,
:func:`decode`; the batch is percent-encoded so ``|`` cannot break a field). The sheet is
the standard A4 3 × 7 label grid (63.5 × 38.1 mm labels, as Avery L7160 / 3M 7160): the
core lays the labels out in millimetres with segno's QR matrix (:func:`sheet`); the Qt side
(``ui.ecom_labels``) only paints what this module decided.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

import segno

from ..errors import InputError

PREFIX = "CIQTRACE1"
INSPECTION_RE = re.compile(r"[0-9]{15}")


@dataclass(frozen=True, slots=True)
class LabelData:
    """What one label says: registration number, inspection number, batch."""

    reg_no: str
    inspection_no: str
    batch: str

    def to_dict(self) -> dict:
        return {"reg_no": self.reg_no, "inspection_no": self.inspection_no, "batch": self.batch}


def encode(d: LabelData) -> str:
    return f"{PREFIX}|R={d.reg_no}|I={d.inspection_no}|B={quote(d.batch, safe='')}"


def decode(text: str) -> LabelData:
    """A scanned label back to its fields; :class:`InputError` for anything else."""
    t = text.strip()
    parts = t.split("|")
    if parts[0] != PREFIX or len(parts) != 4:
        raise InputError(f"不是 CIQ 溯源标签：{t[:60]!r}（应以 {PREFIX}| 开头）",
                         f"not a CIQ traceability label: {t[:60]!r} (starts with {PREFIX}|)",
                         field="code")
    fields = {}
    for p in parts[1:]:
        k, sep, v = p.partition("=")
        if not sep or k not in ("R", "I", "B"):
            raise InputError(f"溯源标签字段无法识别：{p[:30]!r}", f"unreadable label field {p[:30]!r}",
                             field="code")
        fields[k] = v
    if not INSPECTION_RE.fullmatch(fields.get("I", "")):
        raise InputError("溯源标签中的报检号应为15位数字", "the label's inspection no. must be 15 digits",
                         field="code")
    return LabelData(fields.get("R", ""), fields["I"], unquote(fields.get("B", "")))


# --------------------------------------------------------------------------- the grid
@dataclass(frozen=True, slots=True)
class Grid:
    """A label sheet: page size, label size, margins and pitch, all in millimetres."""

    name: str
    page_w: float
    page_h: float
    cols: int
    rows: int
    label_w: float
    label_h: float
    left: float
    top: float
    pitch_x: float
    pitch_y: float

    @property
    def per_page(self) -> int:
        return self.cols * self.rows


#: A4, 3 × 7 labels of 63.5 × 38.1 mm (the common L7160 / 7160 layout)
A4_3X7 = Grid("A4 3×7 (63.5×38.1 mm, L7160)", 210.0, 297.0, 3, 7, 63.5, 38.1, 7.25, 15.15,
              66.04, 38.1)


@dataclass(frozen=True, slots=True)
class PlacedLabel:
    """One label on a page: its box (mm), the QR text, the QR matrix and the printed lines."""

    page: int
    x: float
    y: float
    w: float
    h: float
    text: str
    matrix: tuple            # rows of 0/1 (without the quiet zone)
    lines: tuple             # printed text lines next to the code
    data: LabelData


def qr_matrix(text: str) -> tuple:
    q = segno.make(text, error="m", micro=False)
    return tuple(tuple(1 if v else 0 for v in row) for row in q.matrix)


def sheet(labels: list[tuple[LabelData, str]], grid: Grid = A4_3X7) -> list[PlacedLabel]:
    """Lay ``(data, product title)`` labels out on as many pages as they need."""
    out = []
    for n, (d, title) in enumerate(labels):
        page, k = divmod(n, grid.per_page)
        r, c = divmod(k, grid.cols)
        text = encode(d)
        out.append(PlacedLabel(page, grid.left + c * grid.pitch_x, grid.top + r * grid.pitch_y,
                               grid.label_w, grid.label_h, text, qr_matrix(text),
                               (title, "商品备案号", d.reg_no, "报检号", d.inspection_no,
                                f"批次 {d.batch}"), d))
    return out


def labels_for(decl, batch: str, copies: int = 1) -> list[tuple[LabelData, str]]:
    """The labels of a declaration: one per goods line with a product registration
    number, ``copies`` each. Refuses (``InputError``) a declaration without an inspection
    number or without registered goods."""
    if not decl.inspection_no:
        raise InputError("报检单尚未定稿，没有报检号，不能打印溯源标签",
                         "the declaration has no inspection no. yet (finalise it first)",
                         field="inspection_no")
    if not batch.strip() or len(batch) > 40:
        raise InputError("请填写批次号（1–40个字符）", "give a batch (1-40 characters)", field="batch")
    out = []
    for g in decl.goods or ():
        if g.product_reg_no:
            d = LabelData(g.product_reg_no.strip(), decl.inspection_no, batch.strip())
            title = " ".join(x for x in (g.brand, g.name_cn) if x) or d.reg_no
            out.extend([(d, title)] * max(1, copies))
    if not out:
        raise InputError("该报检单没有填写商品备案号的货物，无可打印的溯源标签",
                         "no goods line of this declaration has a product registration no.",
                         field="goods[].product_reg_no")
    return out
