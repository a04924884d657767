"""Translations: every UI string has its English, and the .ts fallback really translates."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from ui.i18n import TRANSLATIONS_DIR, TsTranslator


def _messages(name: str):
    root = ET.parse(TRANSLATIONS_DIR / name).getroot()
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            yield ctx.findtext("name"), msg.findtext("source"), msg.find("translation")


def _texts(t) -> list[str]:
    """A translation's text, or each plural form of a ``%n`` message."""
    forms = [f.text or "" for f in t.iter("numerusform")]
    return forms or [t.text or ""]


def test_every_string_has_an_english_translation():
    missing = [(c, s) for c, s, t in _messages("ciqdesk_en.ts")
               if t.get("type") not in ("vanished", "obsolete")
               and (t.get("type") == "unfinished" or not all(x.strip() for x in _texts(t)))]
    assert not missing, f"untranslated (run tools/build_translations.py --update, then fill): {missing[:10]}"


def test_placeholders_survive_translation():
    import re
    bad = []
    for c, s, t in _messages("ciqdesk_en.ts"):
        for text in _texts(t):
            if not text:
                continue
            for pat in (r"\{[a-z]+[^}]*\}", r"%[dsn1-9]"):
                if sorted(re.findall(pat, s)) != sorted(re.findall(pat, text)):
                    bad.append((c, s, text))
    assert not bad, bad[:5]


def test_ts_translator_falls_back_by_source_text(qapp):
    tr = TsTranslator(TRANSLATIONS_DIR / "ciqdesk_en.ts")
    assert tr.translate("MainActions", "新建入境") == "New inbound"
    # a string written in a base class, looked up under a subclass's name (PySide6 tr())
    assert tr.translate("SomeSubclass", "新建入境") == "New inbound"
    assert tr.translate("MainActions", "没有这个字符串") is None  # null: "not mine" to Qt


def test_compiled_qm_alone_translates_the_shell(qapp, tmp_path):
    """Strings must sit under the context PySide6's tr() looks them up in at run time."""
    import subprocess
    import sys

    from PySide6.QtCore import QTranslator

    sys.path.insert(0, str(TRANSLATIONS_DIR.parents[1] / "tools"))
    try:
        from build_translations import _tool
    finally:
        sys.path.pop(0)
    qm = tmp_path / "en.qm"
    subprocess.run(_tool("lrelease") + [str(TRANSLATIONS_DIR / "ciqdesk_en.ts"), "-qm", str(qm)],
                   check=True, capture_output=True)
    tr = QTranslator()
    assert tr.load(str(qm))
    for context, source, english in [
            ("MainActions", "新建入境", "New inbound"), ("NavModel", "草稿", "Drafts"),
            ("DeclarationsModel", "状态", "Status"), ("SyncIndicator", "离线", "Offline"),
            ("SyncIndicator", "从未同步", "never"), ("HeaderBar", "委托企业：", "Client:"),
            ("GradeBadge", "信用 {g}", "Credit {g}"), ("MainWindow", "已定稿", "Finalised"),
            ("Formatting", "入境", "Inbound"), ("ListPage", "全部报检单", "All declarations")]:
        assert tr.translate(context, source) == english, (context, source)
    # plural forms compiled (the .qm picks by English rules; QCoreApplication puts %n in)
    assert tr.translate("IssuesPanel", "%n 个错误", None, 1) == "%n error"
    assert tr.translate("IssuesPanel", "%n 个错误", None, 2) == "%n errors"


def test_counts_agree_in_english(qapp):
    """Issue 18 item 13: "1 errors", "1 lines" — Qt's %n plural forms, in the .ts reader
    and in the compiled .qm."""
    from PySide6.QtCore import QCoreApplication
    tr = TsTranslator(TRANSLATIONS_DIR / "ciqdesk_en.ts")
    app = QCoreApplication.instance()
    app.installTranslator(tr)
    try:
        t = QCoreApplication.translate
        assert t("IssuesPanel", "%n 个错误", None, 1) == "1 error"
        assert t("IssuesPanel", "%n 个错误", None, 3) == "3 errors"
        assert t("TableSection", "共 %n 行", None, 1) == "1 row"
        assert t("GoodsSection", "共 %n 项　净重 %s 千克　毛重 %s 千克　货值 %s", None, 1
                 ).startswith("1 line　net")
    finally:
        app.removeTranslator(tr)
    # Chinese (no translator): the count is put in, the words stay
    assert QCoreApplication.translate("IssuesPanel", "%n 个错误", None, 1) == "1 个错误"


def test_a_language_removed_leaves_the_application_untranslated(qapp):
    """Language.remove takes its translators out (a test's window fixture ends with it, so
    the tests after it do not run translated by accident)."""
    from PySide6.QtCore import QCoreApplication

    from ui.i18n import Language

    def tr() -> str:
        return QCoreApplication.translate("AttachmentsModel", "单据类型")

    language = Language()
    language.set_language("en", remember=False)
    assert tr() == "Document type"
    language.remove()
    assert tr() == "单据类型"
    language.set_language("en", remember=False)  # it can be put back
    assert tr() == "Document type"
    language.remove()
