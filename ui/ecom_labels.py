"""Painting the traceability label sheet (``client.ecom.labels``) to PDF or PNG.

``python -m ui.ecom_labels ID --batch B --pdf FILE | --png FILE [--copies N] [--data-dir DIR]``
is the Qt half of ``python -m client ecom labels`` (the core CLI never imports Qt). The core
decides every box and QR module; this module only paints: each QR module a filled square
(4-module quiet zone kept clear), the label's lines beside it in the CJK print font, and a
thin grey outline of the label for cutting. :func:`paint_sheet` is what tests call; a PNG is
rendered at 300 dpi (one file per page: ``name.png``, ``name-2.png`` …).

Exit codes follow the CLI: 0 saved; 2 not found / cannot write / no CJK font; 3 a bug.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from client.ecom.labels import A4_3X7, Grid, PlacedLabel

log = logging.getLogger(__name__)
PNG_DPI = 300


def _paint_page(p: QPainter, labels: list[PlacedLabel], k: float, family: str) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for lab in labels:
        p.setPen(QPen(QColor("#bbbbbb"), max(1.0, 0.2 * k)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(QRectF(lab.x * k, lab.y * k, lab.w * k, lab.h * k), 2 * k, 2 * k)
        n = len(lab.matrix)
        side = lab.h - 6.0                       # the code's square, quiet zone inside it
        module = side / (n + 8)
        ox, oy = lab.x + 3.0 + 4 * module, lab.y + 3.0 + 4 * module
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("black"))
        for r, row in enumerate(lab.matrix):
            for c, v in enumerate(row):
                if v:
                    p.drawRect(QRectF((ox + c * module) * k, (oy + r * module) * k,
                                      module * k + 0.5, module * k + 0.5))
        tx = lab.x + 3.0 + side + 1.0
        tw = lab.x + lab.w - 1.5 - tx
        for i, line in enumerate(lab.lines):
            f = QFont(family)
            f.setPointSizeF(7.2 if i == 0 else 6.0)
            f.setBold(i == 0)
            key = i in (1, 3)   # the "备案号" / "报检号" captions, grey above their numbers
            p.setPen(QColor("#555555" if key else "black"))
            p.setFont(f)
            shown = QFontMetricsF(f, p.device()).elidedText(line, Qt.TextElideMode.ElideRight,
                                                            tw * k)
            p.drawText(QRectF(tx * k, (lab.y + 3.5 + i * 5.1) * k, tw * k, 5.0 * k),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)


def _pages(labels: list[PlacedLabel]) -> list[list[PlacedLabel]]:
    pages: list[list[PlacedLabel]] = []
    for lab in labels:
        while len(pages) <= lab.page:
            pages.append([])
        pages[lab.page].append(lab)
    return pages


def render_png_pages(labels: list[PlacedLabel], grid: Grid = A4_3X7,
                     dpi: int = PNG_DPI) -> list[QImage]:
    """Each page as a white RGB image at ``dpi``."""
    from .printing import cjk_family
    family = cjk_family()
    k = dpi / 25.4
    out = []
    for page in _pages(labels):
        img = QImage(int(grid.page_w * k), int(grid.page_h * k), QImage.Format.Format_RGB32)
        img.setDotsPerMeterX(int(dpi / 0.0254))
        img.setDotsPerMeterY(int(dpi / 0.0254))
        img.fill(QColor("white"))
        p = QPainter(img)
        _paint_page(p, page, k, family)
        p.end()
        out.append(img)
    return out


def paint_sheet(labels: list[PlacedLabel], out: str, fmt: str, grid: Grid = A4_3X7) -> list[str]:
    """Write the sheet to ``out`` (``fmt`` ``pdf`` or ``png``); the files written."""
    from .printing import cjk_family
    if fmt == "png":
        files = []
        base = Path(out)
        for i, img in enumerate(render_png_pages(labels, grid)):
            f = base if i == 0 else base.with_name(f"{base.stem}-{i + 1}{base.suffix}")
            if not img.save(str(f), "PNG"):
                raise OSError(f"cannot write {f}")
            files.append(str(f))
        return files
    family = cjk_family()
    w = QPdfWriter(out)
    w.setResolution(600)
    w.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                QMarginsF(0, 0, 0, 0)))
    w.setTitle("CIQ 溯源标签 / traceability labels")
    p = QPainter(w)
    k = w.resolution() / 25.4
    for i, page in enumerate(_pages(labels)):
        if i:
            w.newPage()
        _paint_page(p, page, k, family)
    if not p.end():
        raise OSError(f"cannot write {out}")
    return [out]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="ui.ecom_labels", description="溯源标签")
    ap.add_argument("id")
    ap.add_argument("--batch", required=True)
    ap.add_argument("--copies", type=int, default=1)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--pdf")
    g.add_argument("--png")
    ap.add_argument("--data-dir")
    ap.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = ap.parse_args(argv)
    from .print_pdf import _ensure_platform
    _ensure_platform()
    from PySide6.QtGui import QGuiApplication

    from client import paths
    from client.ecom.labels import labels_for, sheet
    from client.errors import DeskError
    from client.services import Desk

    from .printing import NoCjkFont
    if args.data_dir:
        paths.configure(args.data_dir)
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    out = args.pdf or args.png
    try:
        desk = Desk.open(args.data_dir)
        try:
            placed = sheet(labels_for(desk.get(args.id), args.batch, args.copies))
        finally:
            desk.close()
        files = paint_sheet(placed, out, "pdf" if args.pdf else "png")
    except DeskError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return exc.exit_code
    except NoCjkFont as exc:
        print("未找到可显示中文的字体（请安装 Noto Sans CJK SC）" if args.lang == "zh" else str(exc),
              file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"无法写入 {out}：{exc}" if args.lang == "zh" else f"cannot write {out}: {exc}",
              file=sys.stderr)
        return 2
    except Exception:  # noqa: BLE001 - a bug: traceback to the log, short line to the user
        log.exception("labels of %s failed", args.id)
        print("内部错误，详情已写入日志" if args.lang == "zh" else "internal error; see the log",
              file=sys.stderr)
        return 3
    n = len(placed)
    print(f"已保存 {', '.join(files)}（{n} 张标签）" if args.lang == "zh"
          else f"saved {', '.join(files)} ({n} labels)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
