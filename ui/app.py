"""The QApplication: names, the CJK font, the light Fusion style with a blue accent.

:func:`create_app` is called once by ``main.py`` (and by tests that need the real look).
Nothing here touches the store or the network.
"""
from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from .qtfix import pin_immortals

log = logging.getLogger(__name__)

ORG_NAME = "CIQDesk"
APP_NAME = "CIQ Desk"
APP_VERSION = "0.1.0"

#: the restrained blue accent used across the shell
ACCENT = "#1f6fd1"
ACCENT_DARK = "#17569f"
#: preferred CJK families, best first (the first one present is used)
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "微软雅黑",
                "PingFang SC", "Noto Sans SC", "WenQuanYi Micro Hei", "SimHei")

STYLE_SHEET = f"""
QMainWindow, QDialog {{ background: #f5f7fa; }}
QToolBar {{ background: #ffffff; border: none; border-bottom: 1px solid #dde3ea;
           spacing: 2px; padding: 3px 6px; }}
QToolBar QToolButton {{ padding: 4px 8px; border-radius: 4px; color: #1d2733; }}
QToolBar QToolButton:hover {{ background: #e8f0fb; }}
QToolBar QToolButton:pressed {{ background: #d3e3f8; }}
QToolBar QToolButton:disabled {{ color: #9aa5b1; }}
QToolBar::separator {{ background: #dde3ea; width: 1px; margin: 4px 6px; }}
QTableView {{ background: #ffffff; border: 1px solid #dde3ea; gridline-color: #eef1f5;
             selection-background-color: #dceafc; selection-color: #14202e;
             alternate-background-color: #fafbfd; }}
QHeaderView::section {{ background: #f0f3f7; color: #3b4754; border: none;
                       border-right: 1px solid #e2e7ee; border-bottom: 1px solid #dde3ea;
                       padding: 5px 6px; font-weight: 600; }}
QLineEdit {{ border: 1px solid #c9d2dc; border-radius: 4px; padding: 4px 8px;
            background: #ffffff; selection-background-color: {ACCENT}; }}
QLineEdit:focus {{ border: 1px solid {ACCENT}; }}
QComboBox {{ border: 1px solid #c9d2dc; border-radius: 4px; padding: 3px 8px; background: #fff; }}
QPushButton {{ border: 1px solid #c2ccd7; border-radius: 4px; padding: 5px 14px;
              background: #ffffff; color: #1d2733; }}
QPushButton:hover {{ background: #eef4fc; border-color: {ACCENT}; }}
QPushButton:default {{ background: {ACCENT}; color: #ffffff; border-color: {ACCENT_DARK}; }}
QPushButton:default:hover {{ background: {ACCENT_DARK}; }}
QStatusBar {{ background: #ffffff; border-top: 1px solid #dde3ea; color: #4a5663; }}
QProgressBar {{ border: 1px solid #c9d2dc; border-radius: 3px; background: #fff;
               text-align: center; }}
QProgressBar::chunk {{ background: {ACCENT}; }}
QSplitter::handle {{ background: #dde3ea; }}
QMenu::item:selected {{ background: #dceafc; color: #14202e; }}
"""


def pick_cjk_family(families: list[str] | None = None) -> str | None:
    """The first preferred CJK family installed, else any family that can write Chinese."""
    installed = families if families is not None else QFontDatabase.families()
    have = set(installed)
    for fam in CJK_FAMILIES:
        if fam in have:
            return fam
    if families is None:
        for fam in installed:
            if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(fam):
                return fam
    return None


def _palette() -> QPalette:
    pal = QPalette()
    base = {
        QPalette.ColorRole.Window: "#f5f7fa",
        QPalette.ColorRole.WindowText: "#1d2733",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#fafbfd",
        QPalette.ColorRole.Text: "#1d2733",
        QPalette.ColorRole.Button: "#ffffff",
        QPalette.ColorRole.ButtonText: "#1d2733",
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#1d2733",
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.PlaceholderText: "#8a96a3",
    }
    for role, colour in base.items():
        pal.setColor(role, QColor(colour))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#9aa5b1"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#9aa5b1"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#9aa5b1"))
    return pal


def apply_style(app: QApplication) -> None:
    """Fusion, a light palette, the CJK font and the shell's style sheet."""
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(_palette())
    family = pick_cjk_family()
    font = QFont(family) if family else QFont()
    font.setPointSizeF(9.5 if sys.platform == "win32" else 10)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
    if family is None:
        log.warning("no CJK font found: Chinese text may show as boxes")
    else:
        log.info("UI font: %s", family)




def create_app(argv: list[str] | None = None) -> QApplication:
    """The application object, named and styled (re-uses an existing one in tests)."""
    pin_immortals()
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(APP_VERSION)
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationDisplayName(APP_NAME)
    apply_style(app)
    return app
