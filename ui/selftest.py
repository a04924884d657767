"""``CIQDesk --selftest``: the core checks plus everything the desktop needs, then exit.

``main.py --selftest`` calls :func:`run` and exits with its return value (0 all good, 1 any
failure). Each check prints one line, so a support person (or ``packaging/build.py
--selftest`` in CI) sees exactly which file, plugin or module is missing from an install.

GUI checks, on top of :mod:`client.selftest`: the Qt platform plugins this OS needs are in
the bundle and load (xcb/offscreen/minimal on Linux, windows on Windows, cocoa on macOS),
image-format and print-support plugins, a font that writes Simplified Chinese, a PDF
rendered with that font embedded, the translations (.qm) load, the keyring backend and its
security level, and the main window builds (never reaching the screen: offscreen on a
headless Linux box, ``WA_DontShowOnScreen`` on the native platform elsewhere).
"""
from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path

from client.selftest import CheckResult, SelfTest, run_core

log = logging.getLogger(__name__)

#: platform plugins (file stems) each OS must ship; the first is the one users run
PLATFORM_PLUGINS = {"linux": ("qxcb", "qoffscreen", "qminimal", "qwayland"),
                    "win32": ("qwindows", "qoffscreen", "qminimal"),
                    "darwin": ("qcocoa", "qoffscreen", "qminimal")}
IMAGE_PLUGINS = ("qico", "qsvg", "qjpeg")


def _os_key() -> str:
    return "linux" if sys.platform.startswith("linux") else sys.platform


def _plugin_dirs() -> list[Path]:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo

    dirs = [Path(p) for p in QCoreApplication.libraryPaths()]
    dirs.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)))
    seen, out = set(), []
    for d in dirs:
        if d not in seen and d.is_dir():
            seen.add(d)
            out.append(d)
    return out


def _find_plugin(kind: str, stem: str) -> Path | None:
    for d in _plugin_dirs():
        sub = d / kind
        if sub.is_dir():
            for f in sub.iterdir():
                name = f.name
                if name.startswith("lib"):
                    name = name[3:]
                if name.split(".")[0] == stem:
                    return f
    return None


def _load(path: Path) -> str | None:
    """``None`` when the plugin library loads, else Qt's reason (a missing system lib…)."""
    from PySide6.QtCore import QPluginLoader

    loader = QPluginLoader(str(path))
    if loader.load():
        return None
    return loader.errorString()


def check_platform_plugins() -> list[CheckResult]:
    from PySide6.QtGui import QGuiApplication

    out = [CheckResult("Qt platform in use", True, QGuiApplication.platformName())]
    for i, stem in enumerate(PLATFORM_PLUGINS.get(_os_key(), ("qoffscreen",))):
        path = _find_plugin("platforms", stem)
        if path is None:
            optional = stem == "qwayland"
            out.append(CheckResult(f"platform plugin {stem}", optional,
                                   "not in the bundle" + (" (optional)" if optional else
                                                          f"; searched {_plugin_dirs()}"),
                                   warning=optional))
            continue
        err = _load(path) if i == 0 else None  # the desktop one must really load
        hint = (" — install the xcb libraries (libxcb-cursor0, libxkbcommon-x11-0, "
                "libxcb-icccm4 …)" if stem == "qxcb" else "")
        out.append(CheckResult(f"platform plugin {stem}", err is None,
                               path.name if err is None else f"{path.name} cannot load: {err}{hint}"))
    return out


def check_other_plugins() -> list[CheckResult]:
    out = []
    for stem in IMAGE_PLUGINS:
        path = _find_plugin("imageformats", stem)
        out.append(CheckResult(f"image plugin {stem}", path is not None,
                               path.name if path else "missing from the bundle"))
    from PySide6.QtPrintSupport import QPrinterInfo

    names = QPrinterInfo.availablePrinterNames()
    out.append(CheckResult("print support", True,
                           f"{len(names)} printers" + ("" if names else " (PDF still works)")))
    return out


def check_font_and_pdf() -> list[CheckResult]:
    from client.codes import CodeBook
    from client.selftest import builtin_declaration

    from .printing import NoCjkFont, cjk_family, save_declaration_pdf

    try:
        fam = cjk_family()
    except NoCjkFont as exc:
        from PySide6.QtGui import QGuiApplication
        hint = ""
        if sys.platform == "win32" and QGuiApplication.platformName() == "offscreen":
            hint = (" — the offscreen platform on Windows sees only Qt's own font folder, "
                    "not C:\\Windows\\Fonts: run without QT_QPA_PLATFORM=offscreen")
        return [CheckResult("CJK font", False, f"{exc}{hint}")]
    out = [CheckResult("CJK font", True, fam,
                       warning=fam != "Noto Sans CJK SC" and sys.platform.startswith("linux"))]
    with tempfile.TemporaryDirectory(prefix="ciqdesk-selftest-") as tmp:
        pdf = Path(tmp) / "selftest.pdf"
        pages = save_declaration_pdf(builtin_declaration("inbound", 12), pdf, CodeBook())
        data = pdf.read_bytes()
        embedded = b"/FontFile" in data
        out.append(CheckResult("PDF printing", data.startswith(b"%PDF") and embedded,
                               f"{pages} pages, {len(data):,} bytes, font "
                               f"{'embedded' if embedded else 'NOT embedded'}"))
    return out


def check_translations() -> CheckResult:
    from PySide6.QtCore import QTranslator

    from client import paths

    folder = paths.resource_dir() / "translations"
    qms = sorted(folder.glob("*.qm")) if folder.is_dir() else []
    if not qms:
        return CheckResult("translations load (.qm)", True, "none shipped", warning=True)
    bad = [q.name for q in qms if not QTranslator().load(str(q))]
    return CheckResult("translations load (.qm)", not bad,
                       f"cannot load {', '.join(bad)}" if bad
                       else ", ".join(q.name for q in qms))


def check_keyring() -> list[CheckResult]:
    import keyring

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    from client.credentials import CredentialStore
    store = CredentialStore(backend)
    level, text = store.security(), store.security_text("zh")
    weak = level not in ("os", "encrypted-file")
    out = [CheckResult("keyring backend", True, f"{name} — security: {level}"
                       + (f" ({text})" if weak and text else ""), warning=weak)]
    if getattr(sys, "frozen", False):
        import importlib.util
        try:
            alt = importlib.util.find_spec("keyrings.alt") is not None
        except ModuleNotFoundError:  # not even the "keyrings" namespace: good
            alt = False
        out.append(CheckResult("keyrings.alt excluded", not alt,
                               "present in the bundle (plain-text keyrings must not ship)"
                               if alt else "not bundled"))
    need = {"linux": "keyring.backends.SecretService", "win32": "keyring.backends.Windows",
            "darwin": "keyring.backends.macOS"}.get(_os_key())
    if need:
        import importlib
        try:
            importlib.import_module(need)
            out.append(CheckResult("OS keyring backend module", True, need))
        except ImportError as exc:
            out.append(CheckResult("OS keyring backend module", False, f"{need}: {exc}"))
    return out


def check_main_window() -> CheckResult:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMainWindow

    from client.services import Desk

    from .context import AppContext, AppEvents
    from .tasks import FakeThreadPool, TaskRunner

    app = QApplication.instance()
    with tempfile.TemporaryDirectory(prefix="ciqdesk-selftest-") as tmp:
        desk = Desk.open(tmp)
        try:
            try:
                from .main_window import MainWindow
            except ModuleNotFoundError as exc:
                if exc.name != "ui.main_window":
                    raise
                win = QMainWindow()
                win.setWindowTitle("CIQ Desk 报检通")
                win.resize(1000, 700)
                how = "ui.main_window not present yet: built a minimal QMainWindow instead"
            else:
                ctx = AppContext(desk, TaskRunner(FakeThreadPool()), AppEvents())
                try:
                    win = MainWindow(ctx, use_tray=False)
                except TypeError:
                    win = MainWindow(ctx)
                how = f"ui.main_window.MainWindow built ({win.windowTitle() or 'untitled'})"
            win.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            win.show()
            app.processEvents()
            ok = win.isVisible()
            win.close()
            win.deleteLater()
            app.processEvents()
        finally:
            desk.close()
    return CheckResult("main window", ok, how)


GUI_CHECKS = [("platform plugins", check_platform_plugins), ("plugins", check_other_plugins),
              ("font and PDF", check_font_and_pdf), ("translations", check_translations),
              ("keyring", check_keyring), ("main window", check_main_window)]


def run(argv: list[str] | None = None) -> int:
    """Run every check, print one line each and a verdict; 0 when all passed, else 1."""
    started = time.perf_counter()
    headless = (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
                and not os.environ.get("WAYLAND_DISPLAY"))
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        # nothing to show on anyway; elsewhere the native platform is used (on Windows the
        # offscreen plugin would not see the system fonts) and no window reaches the screen
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6 import __version__ as pyside_version
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "ciqdesk"])
    test = SelfTest()
    print(f"CIQ Desk self-test — Python {sys.version.split()[0]}, PySide6 {pyside_version}, "
          f"{'frozen' if getattr(sys, 'frozen', False) else 'source'} "
          f"({getattr(sys, '_MEIPASS', None) or Path(__file__).resolve().parents[1]})",
          flush=True)
    run_core(test)
    for name, fn in GUI_CHECKS:
        test.run(name, fn)
    code = test.summary()
    print(f"self-test took {time.perf_counter() - started:.2f} s", flush=True)
    del app
    return code


if __name__ == "__main__":
    sys.exit(run())
