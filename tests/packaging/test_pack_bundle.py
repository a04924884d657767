"""What ships in the frozen bundle (the spec's filter) and the app icon files."""
from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from bundle_filter import keep  # noqa: E402


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqminimal.so",
    "PySide6\\plugins\\platforms\\qwindows.dll",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6\\plugins\\imageformats\\qico.dll",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/lib/libQt6PrintSupport.so.6",
    "PySide6/Qt/lib/libQt6Charts.so.6",
    "PySide6/Qt/lib/libQt6Svg.so.6",
    "PySide6/Qt/lib/libQt6Gui.so.6",
    "PySide6/Qt/lib/libQt6DBus.so.6",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6\\translations\\qtbase_en.qm",
    "resources/translations/ciqdesk_zh_CN.qm",
    "resources/codes/hs2022.csv",
    "client/store/migrations/versions/0001_initial.py",
    "pycountry/databases/iso3166-1.json",
    "pycountry/locales/zh_CN/LC_MESSAGES/iso3166-1.mo",
])
def test_pack_what_the_app_needs_ships(dest):
    assert keep(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqwayland-egl.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
    "PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so",
    "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
    "PySide6/Qt/lib/libQt6Quick.so.6",
    "PySide6/Qt/lib/libQt6Qml.so.6",
    "PySide6/Qt/lib/libQt6Pdf.so.6",
    "PySide6/Qt/lib/libQt63DCore.so.6",
    "PySide6/Qt/lib/libQt6Multimedia.so.6",
    "PySide6\\Qt6Bluetooth.dll",
    "PySide6\\opengl32sw.dll",
    "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
    "PySide6/QtDBus.abi3.so",
    "PySide6/Qt/qml/QtQuick/Controls/libqtquickcontrols2plugin.so",
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6\\translations\\qt_ja.qm",
    "pycountry/locales/de/LC_MESSAGES/iso3166-1.mo",
])
def test_pack_unused_qt_parts_are_left_out(dest):
    assert not keep(dest)


def test_pack_icon_files_are_real_images():
    png = (ROOT / "resources/icons/ciqdesk.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    w, h = struct.unpack(">II", png[16:24])
    assert (w, h) == (256, 256)
    ico = (ROOT / "resources/icons/ciqdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        wb, hb, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i:22 + 16 * i])
        assert ico[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(ico)
        sizes.add(wb or 256)
    assert {16, 32, 48, 256} <= sizes


def test_pack_print_uses_the_frozen_exe_when_frozen(monkeypatch):
    from client.cli import print_cmd
    cmd = print_cmd.renderer_command("01ABC", "/tmp/x.pdf", "/data", "zh", "2026-11-26")
    assert cmd[1:3] == ["-m", "ui.print_pdf"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/CIQDesk/CIQDesk")
    cmd = print_cmd.renderer_command("01ABC", "/tmp/x.pdf", "/data", "zh", None)
    assert cmd == ["/opt/CIQDesk/CIQDesk", "--print-pdf", "01ABC", "--pdf", "/tmp/x.pdf",
                   "--data-dir", "/data", "--lang", "zh"]


def test_pack_office_driver_binary_ships_on_windows_not_linux():
    """psycopg-binary's own libpq/libcrypto (10.8 MB) go into the Windows bundle; the Linux
    bundle uses the system's libpq through psycopg's pure-Python implementation."""
    win = "psycopg_binary\\_psycopg.cp311-win_amd64.pyd"
    assert keep(win, platform="win32")
    assert keep("psycopg_binary\\libpq.dll", platform="win32")
    assert not keep("psycopg_binary.libs/libcrypto-1736dd4b.so.3", platform="linux")
    assert not keep("psycopg_binary/_psycopg.cpython-311-x86_64-linux-gnu.so", platform="linux")
    assert keep("psycopg/pq/_pq_ctypes.py", platform="linux")


def test_pack_pure_python_office_driver_finds_the_system_libpq():
    import subprocess
    code = "import psycopg; print(psycopg.pq.__impl__, psycopg.pq.version() > 0)"
    import os
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=dict(os.environ, PSYCOPG_IMPL="python"), timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["python", "True"]
