"""Which collected files ship in the bundle: the Qt plugin/library/translation slimming.

Used by ``packaging/ciqdesk.spec`` (``keep(dest)`` on every binary and data entry of the
Analysis) and tested in ``tests/packaging/test_pack_bundle.py``. ``dest`` is the path inside
the bundle, e.g. ``PySide6/Qt/plugins/platforms/libqxcb.so`` or
``PySide6\\plugins\\imageformats\\qjpeg.dll`` (Windows wheels have no ``Qt/`` level).
"""
from __future__ import annotations

import sys

#: plugin folder -> plugin stems kept (None: keep the whole folder); other folders go
KEEP_PLUGINS = {
    "platforms": {"qxcb", "qoffscreen", "qminimal", "qwindows", "qcocoa"},
    "imageformats": {"qico", "qsvg", "qjpeg"},  # PNG is built into QtGui
    "iconengines": {"qsvgicon"},
    "printsupport": None,
    "platforminputcontexts": None,  # ibus/compose: Chinese input methods on Linux
    "platformthemes": {"qxdgdesktopportal"},
    "xcbglintegrations": None,
    "styles": None,
    "tls": set(),
}
QT_TRANSLATIONS_KEEP = ("_zh_CN", "_en")
DROP_LIB_MARKERS = ("Qt6WebEngine", "Qt6Quick", "Qt6Qml", "Qt63D", "Qt6Multimedia",
                    "Qt6Pdf", "Qt6Bluetooth", "Qt6Nfc", "Qt6Sensors", "Qt6SerialPort",
                    "Qt6Designer", "Qt6Test", "Qt6Location", "Qt6Positioning",
                    "Qt6VirtualKeyboard", "Qt6Wayland", "Qt6ShaderTools", "Qt6Graphs",
                    "Qt6DataVisualization", "Qt6RemoteObjects", "Qt6Scxml", "Qt6Sql",
                    "Qt6Help", "Qt6HttpServer", "Qt6TextToSpeech", "Qt6SpatialAudio",
                    "Qt6WebSockets", "Qt6WebChannel", "Qt6WebView", "Qt6CanvasPainter",
                    "Qt6LabsStyleKit",
                    # the EGLFS/KMS and Wayland-shell integrations serve platform plugins
                    # that are not shipped (KEEP_PLUGINS["platforms"])
                    "Qt6EglFSDeviceIntegration", "Qt6EglFsKmsSupport", "Qt6WlShellIntegration",
                    "QtDBus.abi3",  # the Python binding (no module imports it; Qt's lib stays)
                    "opengl32sw")  # Windows: 20 MB software OpenGL; widgets do not use GL


def _plugin_stem(filename: str) -> str:
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep(dest: str, platform: str = sys.platform) -> bool:
    """Whether a collected file (its path inside the bundle) ships on ``platform``."""
    p = dest.replace("\\", "/")
    name = p.rsplit("/", 1)[-1]
    if p.startswith("psycopg_binary") and platform.startswith("linux"):
        # the office store's driver (issue 16): psycopg-binary carries its own libpq,
        # libcrypto, libssl and Kerberos (10.8 MB). On Linux the bundle already relies on
        # the distribution's libraries (xcb, fontconfig): psycopg's pure-Python
        # implementation uses the system's libpq (Debian: libpq5). Windows ships the binary.
        return False
    if "/plugins/" in p or p.startswith("plugins/"):
        rest = p.split("plugins/", 1)[1].split("/")
        if len(rest) >= 2:
            kind = rest[0]
            if kind not in KEEP_PLUGINS:
                return False
            allowed = KEEP_PLUGINS[kind]
            return allowed is None or _plugin_stem(rest[-1]) in allowed
    if "/Qt/qml/" in p or p.startswith("PySide6/qml/"):
        return False
    if "/Qt/translations/" in p or "/translations/qt" in p:
        if p.startswith("resources/"):
            return True
        return any(m in name for m in QT_TRANSLATIONS_KEEP)
    if p.startswith("pycountry/locales/"):
        # ISO names in 100+ languages (19 MB): the desk reads codes and English names only;
        # Chinese stays should a later version show pycountry's Chinese names
        return p.startswith("pycountry/locales/zh")
    if any(m in name for m in DROP_LIB_MARKERS):
        return False
    return True


