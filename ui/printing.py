"""Drawing a :class:`client.interchange.print_layout.PrintLayout` with Qt: PDF and printer.

The core decides what goes where (millimetres on A4); this module only converts millimetres
to device units and draws: stroked rectangles, check boxes, and text fitted into its box
(wrapped, then shrunk step by step down to the item's ``min_pt``). The same painting code
serves :class:`QPdfWriter` (``save_pdf``; Qt embeds the subset of the font actually used, so
the PDF reads the same on a machine without CJK fonts) and :class:`QPrinter`
(``print_declaration`` behind a :class:`QPrintDialog`, ``preview_dialog``).

For the editor::

    from ui.printing import (export_pdf_dialog, preview_dialog, print_declaration,
                             save_declaration_pdf)
    print_declaration(parent_widget, decl, desk.codes)          # QPrintDialog, then print
    preview_dialog(parent_widget, decl, desk.codes).exec()      # QPrintPreviewDialog
    export_pdf_dialog(parent_widget, decl, desk.codes)          # QFileDialog, then PDF
    save_declaration_pdf(decl, "/path/file.pdf", desk.codes)    # -> number of pages

``save_pdf``/``save_declaration_pdf`` may run on a worker thread (the editor runs them on
the task runner: QPdfWriter and fonts are thread-safe); the dialogs belong to the GUI thread.

Font: "Noto Sans CJK SC" when installed, else the first family that writes Simplified
Chinese (Microsoft YaHei / SimSun on Windows). :func:`cjk_family` names the one used.
"""
from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (QFont, QFontDatabase, QFontMetricsF, QPageLayout, QPageSize,
                           QPagedPaintDevice, QPainter, QPdfWriter, QPen)

from client.codes import CodeBook
from client.interchange.print_layout import PrintLayout, Text, build_layout
from client.model import Declaration

log = logging.getLogger(__name__)

PREFERRED_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
                      "微软雅黑", "SimSun", "宋体", "WenQuanYi Micro Hei", "Noto Sans SC")
PDF_DPI = 600




class NoCjkFont(RuntimeError):
    """No installed font can write Simplified Chinese: the printout would show boxes."""


def cjk_family() -> str:
    """The font family used for printing (raises :class:`NoCjkFont` when there is none)."""
    families = QFontDatabase.families()
    for f in PREFERRED_FAMILIES:
        if f in families:
            return f
    for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        if not QFontDatabase.isPrivateFamily(f):
            return f
    raise NoCjkFont("no font for Simplified Chinese is installed "
                    "(install fonts-noto-cjk / Noto Sans CJK SC)")


class _Painter:
    """Draws one layout onto a paged device; millimetres → device pixels."""

    def __init__(self, device: QPagedPaintDevice, family: str):
        self.device = device
        self.family = family
        self.res = device.logicalDpiX()
        self.k = self.res / 25.4

    def r(self, x: float, y: float, w: float, h: float) -> QRectF:
        k = self.k
        return QRectF(x * k, y * k, w * k, h * k)

    def font(self, t: Text, size: float) -> QFont:
        f = QFont(self.family)
        f.setPointSizeF(size)
        f.setBold(t.bold or t.role in ("title", "number"))
        if t.role == "title" and t.size_pt >= 17:
            f.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0)
        return f

    def flags(self, t: Text) -> int:
        h = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
             "right": Qt.AlignmentFlag.AlignRight}[t.align]
        v = Qt.AlignmentFlag.AlignTop if t.valign == "top" else Qt.AlignmentFlag.AlignVCenter
        f = int(h.value | v.value)
        if t.wrap:
            f |= int(Qt.TextFlag.TextWordWrap.value)
        return f

    def fit(self, t: Text, rect: QRectF, flags: int) -> QFont:
        """The largest size from ``size_pt`` down to ``min_pt`` at which the text fits."""
        size = t.size_pt
        while True:
            font = self.font(t, size)
            fm = QFontMetricsF(font, self.device)
            bound = fm.boundingRect(rect, flags | int(Qt.TextFlag.TextWrapAnywhere.value)
                                    if t.wrap else flags, t.text)
            fits = bound.height() <= rect.height() + 0.5 and bound.width() <= rect.width() + 0.5
            if fits or size <= t.min_pt:
                if not fits:
                    log.warning("text of %s clipped in its box: %r", t.source or t.role,
                                t.text[:40])
                return font
            size = max(t.min_pt, size - 0.5)

    def page(self, painter: QPainter, page) -> None:
        k = self.k
        for rect in page.rects:
            pen = QPen(Qt.GlobalColor.black)
            pen.setWidthF(rect.width * k)
            painter.setPen(pen)
            if rect.h < 0.05:  # a signature line
                painter.drawLine(self.r(rect.x, rect.y, rect.w, 0).topLeft(),
                                 self.r(rect.x, rect.y, rect.w, 0).topRight())
            else:
                painter.drawRect(self.r(rect.x, rect.y, rect.w, rect.h))
        pen = QPen(Qt.GlobalColor.black)
        pen.setWidthF(0.2 * k)
        for c in page.checks:
            painter.setPen(pen)
            box = self.r(c.x, c.y, c.size, c.size)
            painter.drawRect(box)
            if c.checked:
                tick = QPen(Qt.GlobalColor.black)
                tick.setWidthF(0.45 * k)
                painter.setPen(tick)
                s = c.size * k
                painter.drawPolyline([box.topLeft() + _pt(0.18 * s, 0.55 * s),
                                      box.topLeft() + _pt(0.42 * s, 0.82 * s),
                                      box.topLeft() + _pt(0.88 * s, 0.12 * s)])
        painter.setPen(Qt.GlobalColor.black)
        for t in page.texts:
            rect = self.r(t.x, t.y, t.w, t.h)
            flags = self.flags(t)
            if t.wrap:
                flags |= int(Qt.TextFlag.TextWrapAnywhere.value)
            painter.setFont(self.fit(t, rect, flags))
            painter.save()
            painter.setClipRect(rect.adjusted(-0.3 * k, -0.3 * k, 0.3 * k, 0.3 * k))
            painter.drawText(rect, flags, t.text)
            painter.restore()


def _pt(x: float, y: float):
    from PySide6.QtCore import QPointF
    return QPointF(x, y)


def paint_layout(layout: PrintLayout, device: QPagedPaintDevice,
                 family: str | None = None) -> int:
    """Paint every page of ``layout`` onto ``device`` (a QPdfWriter or QPrinter)."""
    family = family or cjk_family()
    page = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    # full-page mode: the origin is the paper's corner, not the printable area's, so the
    # layout's millimetres mean the sheet on a printer with hardware margins too
    page.setMode(QPageLayout.Mode.FullPageMode)
    device.setPageLayout(page)
    if hasattr(device, "setFullPage"):  # QPrinter
        device.setFullPage(True)
    drawer = _Painter(device, family)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting (printer or PDF file not writable)")
    try:
        for i, page in enumerate(layout.pages):
            if i:
                device.newPage()
            drawer.page(painter, page)
    finally:
        painter.end()
    return len(layout.pages)


def save_pdf(layout: PrintLayout, path: str | Path, family: str | None = None) -> int:
    """Write ``layout`` as an A4 PDF at ``path``; returns the number of pages."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setTitle(f"{layout.title} {layout.inspection_no}")
    writer.setCreator("CIQ Desk 报检通")
    pages = paint_layout(layout, writer, family)
    del writer  # flushes the file
    log.info("saved %s (%d pages) to %s", layout.inspection_no, pages, path)
    return pages


def save_declaration_pdf(decl: Declaration, path: str | Path, codes: CodeBook,
                         declared_on: date | None = None) -> int:
    """Lay out and save ``decl`` as a PDF; returns the number of pages."""
    return save_pdf(build_layout(decl, codes, declared_on), path)


def export_pdf_dialog(parent, decl: Declaration, codes: CodeBook,
                      declared_on: date | None = None) -> Path | None:
    """Ask where to save (QFileDialog), save the PDF; the path, or None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    suggested = f"报检单-{decl.inspection_no or decl.contract_no or decl.id}.pdf"
    name, _ = QFileDialog.getSaveFileName(parent, "另存为 PDF", suggested, "PDF 文件 (*.pdf)")
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
    save_declaration_pdf(decl, path, codes, declared_on)
    return path


def preview_dialog(parent, decl: Declaration, codes: CodeBook,
                   declared_on: date | None = None):
    """A QPrintPreviewDialog showing the printout (the caller calls ``exec()``)."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    layout = build_layout(decl, codes, declared_on)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(f"报检单 {decl.inspection_no or decl.id}")
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("打印预览 — " + layout.title)
    dialog.paintRequested.connect(lambda p: paint_layout(layout, p))
    dialog._printer = printer  # the dialog does not own it: keep it alive as long as it
    _open_at_fit_to_width(dialog)
    return dialog


def _open_at_fit_to_width(dialog) -> None:
    """Open readable: a page as wide as the preview, in a window tall enough to read it
    (Qt's default, the whole page in a small window, came up at 8.8 %)."""
    from PySide6.QtGui import QAction, QGuiApplication
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    screen = QGuiApplication.primaryScreen()
    avail = screen.availableGeometry() if screen is not None else None
    w, h = 900, 1000
    if avail is not None:
        w, h = min(w, avail.width() - 40), min(h, avail.height() - 60)
    dialog.resize(max(w, 500), max(h, 400))
    fit = dialog.findChild(QAction, "fitWidthAction")
    if fit is not None:
        fit.trigger()           # keeps the dialog's own zoom buttons in step
    widget = dialog.findChild(QPrintPreviewWidget)
    if widget is not None and widget.zoomMode() != QPrintPreviewWidget.ZoomMode.FitToWidth:
        widget.fitToWidth()
    from PySide6.QtWidgets import QComboBox
    for zoom in dialog.findChildren(QComboBox):   # "84.3%" was cut to "4.3%"
        zoom.setMinimumWidth(zoom.fontMetrics().horizontalAdvance("100.0%") + 80)


def print_declaration(parent, decl: Declaration, codes: CodeBook,
                      declared_on: date | None = None) -> bool:
    """Ask for a printer with a QPrintDialog and print ``decl``; False when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(f"报检单 {decl.inspection_no or decl.id}")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("打印报检单")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_layout(build_layout(decl, codes, declared_on), printer)
    return True
