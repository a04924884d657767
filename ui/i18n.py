"""Language switching at run time: Chinese (the source language) and English.

Source strings in ``ui/`` are Chinese (``self.tr("新建入境")``). English comes from
``resources/translations/ciqdesk_en.qm`` (built from the ``.ts`` by
``tools/build_translations.py``); if the ``.qm`` has not been built, the ``.ts`` is read
directly, so a fresh checkout still switches language. Qt's own strings (standard dialog
buttons) come from Qt's ``qtbase_<lang>.qm``.

Installing a translator makes Qt send ``QEvent.LanguageChange`` to every widget; each
window re-labels itself in ``changeEvent`` → ``retranslateUi()``.
"""
from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import (QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings,
                            QTranslator, Signal)

from client.paths import resource_dir

log = logging.getLogger(__name__)

LANGUAGES = ("zh", "en")
TRANSLATIONS_DIR = resource_dir() / "translations"
_QT_LOCALE = {"zh": "zh_CN", "en": "en"}


class TsTranslator(QTranslator):
    """Translates from a Qt Linguist ``.ts`` file.

    Used alone when no ``.qm`` was built, and installed under the ``.qm`` translator as a
    fallback by source text: PySide6's ``self.tr()`` looks strings up under the *runtime*
    class name, so a string written in a base class or mixin (whose context lupdate names
    after that base) would otherwise stay untranslated in subclasses.
    """

    def __init__(self, ts_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._map: dict[tuple[str, str], str] = {}
        self._by_source: dict[str, str] = {}
        #: ``%n`` messages: their plural forms (English: one, other)
        self._forms: dict[tuple[str, str], list[str]] = {}
        self._forms_by_source: dict[str, list[str]] = {}
        root = ET.parse(ts_path).getroot()
        for ctx in root.iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                src = msg.findtext("source")
                tr = msg.find("translation")
                if src is None or tr is None or tr.get("type") in ("obsolete", "vanished"):
                    continue
                if msg.get("numerus") == "yes":
                    forms = [f.text or "" for f in tr.iter("numerusform")]
                    if forms and all(f.strip() for f in forms):
                        self._forms[(name, src)] = forms
                        self._forms_by_source.setdefault(src, forms)
                    continue
                if not (tr.text or "").strip():
                    continue
                self._map[(name, src)] = tr.text
                self._by_source.setdefault(src, tr.text)

    def __len__(self) -> int:
        return len(self._map) + len(self._forms)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt naming
        return not (self._map or self._forms)

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D102
        forms = self._forms.get((context, source_text)) or self._forms_by_source.get(source_text)
        if forms:  # Qt replaces %n afterwards; English: the first form for 1, else the last
            return forms[0] if n == 1 or len(forms) == 1 else forms[-1]
        # None (a null QString) when this file has no translation: Qt takes an *empty*
        # string as a translation, which blanked Qt's own buttons (Close, OK) in English
        return (self._map.get((context, source_text))
                or self._by_source.get(source_text) or None)


def load_app_translators(lang: str, parent: QObject | None = None) -> list[QTranslator]:
    """Translators of CIQ Desk's own strings for ``lang``, in install order (none for zh).

    The ``.ts`` reader goes first (Qt asks the last installed translator first), so the
    compiled ``.qm`` answers when it can and the ``.ts`` fills in by source text.
    """
    if lang == "zh":
        return []
    out: list[QTranslator] = []
    qm = TRANSLATIONS_DIR / f"ciqdesk_{lang}.qm"
    ts = TRANSLATIONS_DIR / f"ciqdesk_{lang}.ts"
    if ts.exists():
        try:
            out.append(TsTranslator(ts, parent))
        except ET.ParseError:
            log.exception("broken translation file %s", ts)
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        tr = QTranslator(parent)
        if tr.load(str(qm)):
            out.append(tr)
        else:
            log.warning("could not load %s", qm)
    if not out:
        log.warning("no translation for %s", lang)
    return out


def load_qt_translator(lang: str, parent: QObject | None = None) -> QTranslator | None:
    """Qt's own translation (standard buttons, file dialogs) for ``lang``."""
    tr = QTranslator(parent)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if tr.load(f"qtbase_{_QT_LOCALE.get(lang, lang)}", path):
        return tr
    return None


class Language(QObject):
    """The current UI language; switches translators at run time and remembers the choice.

    Signals:
        changed(str): the new language code (``"zh"`` or ``"en"``), after the translators
            were swapped (widgets have also received ``LanguageChange`` by then).
    """

    changed = Signal(str)

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self.lang = "zh"
        self._installed: list[QTranslator] = []

    @staticmethod
    def saved(settings: QSettings | None) -> str | None:
        val = settings.value("ui/language") if settings is not None else None
        return val if val in LANGUAGES else None

    def set_language(self, lang: str, *, remember: bool = True) -> None:
        """Install the translators of ``lang`` (``zh`` or ``en``) and tell everyone."""
        if lang not in LANGUAGES:
            raise ValueError(lang)
        app = QCoreApplication.instance()
        for tr in self._installed:
            app.removeTranslator(tr)
        self._installed = []
        for tr in [load_qt_translator(lang, self)] + load_app_translators(lang, self):
            if tr is not None:
                app.installTranslator(tr)
                self._installed.append(tr)
        self.lang = lang
        QLocale.setDefault(QLocale("zh_CN" if lang == "zh" else "en_US"))
        if remember and self.settings is not None:
            self.settings.setValue("ui/language", lang)
        log.info("UI language: %s", lang)
        self.changed.emit(lang)

    def remove(self) -> None:
        """Take this language's translators out of the application (the window that used
        it is gone for good, or a test ends: the next one starts untranslated)."""
        app = QCoreApplication.instance()
        for tr in self._installed:
            app.removeTranslator(tr)
        self._installed = []
