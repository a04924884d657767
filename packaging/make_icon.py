"""Draw the app icon with Qt: a blue round seal (印章) with the character 检.

Writes ``resources/icons/ciqdesk.png`` (256 px) and ``resources/icons/ciqdesk.ico``
(16–256 px, PNG-compressed entries, as Windows Vista and later read them).

    .venv/bin/python packaging/make_icon.py
"""
from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
BLUE = "#1f5fbf"


def draw(size: int) -> bytes:
    """PNG bytes of the seal at ``size`` × ``size`` pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    sys.path.insert(0, str(ROOT))
    from ui.printing import cjk_family

    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    s = float(size)
    blue = QColor(BLUE)
    # filled disc with a white inner ring, like an inked seal
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(blue)
    p.drawEllipse(QRectF(s * 0.02, s * 0.02, s * 0.96, s * 0.96))
    if size >= 24:
        ring = QPen(QColor("white"))
        ring.setWidthF(max(1.0, s * 0.035))
        p.setPen(ring)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QRectF(s * 0.11, s * 0.11, s * 0.78, s * 0.78))
    font = QFont(cjk_family())
    font.setBold(True)
    font.setPixelSize(max(8, int(s * (0.56 if size >= 24 else 0.7))))
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(QRectF(0, -s * 0.03, s, s), int(Qt.AlignmentFlag.AlignCenter.value), "检")
    p.end()
    buf = QByteArray()
    dev = QBuffer(buf)
    dev.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(dev, "PNG")
    dev.close()
    return bytes(buf.data())


def ico(images: list[tuple[int, bytes]]) -> bytes:
    """An ICO file holding PNG images (ICONDIR + ICONDIRENTRY table + data)."""
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    table, data = b"", b""
    for size, png in images:
        dim = 0 if size >= 256 else size
        table += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return head + table + data


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    OUT.mkdir(parents=True, exist_ok=True)
    images = [(n, draw(n)) for n in SIZES]
    (OUT / "ciqdesk.png").write_bytes(dict(images)[256])
    (OUT / "ciqdesk.ico").write_bytes(ico(images))
    print(f"wrote {OUT / 'ciqdesk.png'} and {OUT / 'ciqdesk.ico'} ({', '.join(map(str, SIZES))} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
