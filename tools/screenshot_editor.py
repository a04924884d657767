"""Render the declaration editor and the status timeline to PNG (docs/img/).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshot_editor.py [OUT_DIR [EXTRA_DIR]]
    CIQDESK_SHOT_LANG=en …   # the English UI: files end in -en.png

OUT_DIR (default docs/img) gets editor.png, editor-goods-ciq.png (a frozen-beef import:
catalogue chips, the CIQ-code picker open, the "本商品需要" panel), timeline.png and
import-dialog.png (a preview with problems); EXTRA_DIR, when given, also gets the goods
table, the basic section, a read-only declaration and its status section.

Builds a throw-away profile with a realistic inbound declaration carrying a few mistakes
(markers visible), and a finalised declaration with several platform receipts.
"""
from __future__ import annotations

import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(out_dir: str | None = None, extra_dir: str | None = None) -> int:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    import ui  # noqa: F401  (applies the PySide6 6.12 reference-count workaround)
    from client.rules import sample_declaration
    from client.services import Desk
    from client.store import declarations as decl_q
    from ui.context import AppContext, AppEvents
    from ui.editor import EditorWindow
    from ui.tasks import FakeThreadPool, TaskRunner
    from ui.timeline import TimelineWidget

    out = Path(out_dir or ROOT / "docs" / "img")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    app.setFont(QFont("Noto Sans CJK SC", 10))
    desk = Desk.open(tempfile.mkdtemp(prefix="ciqdesk-shot-"))
    lang = os.environ.get("CIQDESK_SHOT_LANG", "zh")
    sfx = "-en" if lang == "en" else ""
    from ui.i18n import Language
    language = Language()
    language.set_language(lang, remember=False)
    ctx = AppContext(desk, TaskRunner(FakeThreadPool()), AppEvents(), lang=lang)

    # a draft with mistakes: net > gross on line 2, a broken USCC, a missing B/L number
    d = sample_declaration("inbound", goods=4, seed=7)
    d.goods[1].net_weight_kg = d.goods[1].gross_weight_kg + Decimal("120.5")
    d.consignee.uscc = "91310115MA1K0000X"
    d.bl_no = None
    desk.save_draft(d)
    ed = EditorWindow(ctx, d.id)
    ed.resize(1280, 800)
    ed.show()
    extra = Path(extra_dir) if extra_dir else None
    ed.field_map.focus("goods[1].name_cn", ed._show_section)
    app.processEvents()
    if extra:
        ed.grab().save(str(extra / f"editor-goods{sfx}.png"))
        ed._show_section(0)
        app.processEvents()
        ed.grab().save(str(extra / f"editor-basic{sfx}.png"))
    # the picture for the docs: a form with a marked field, badges and the issues panel
    ed._show_section(1)
    app.processEvents()
    ed.grab().save(str(out / f"editor{sfx}.png"))

    ciq_goods_shot(ctx, app, out / f"editor-goods-ciq{sfx}.png")

    # a finalised declaration with receipts
    f = sample_declaration("inbound", goods=2, seed=3)
    f.inspection_no = "310000126000042"
    desk.save_draft(f)
    from datetime import datetime, timedelta, timezone
    t0 = datetime.now(timezone.utc)

    def at(minutes: int) -> str:
        return (t0 + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    with desk.db.write() as conn:
        for status, when, note, src, ver in (
                ("ready", at(34), "已定稿，报检号 310000126000042", "local", None),
                ("sent", at(37), None, "local", None),
                ("accepted", at(39), "受理机构：上海出入境检验检疫局", "platform", 1),
                ("under_review", at(76), None, "platform", 1),
                ("inspection", at(228),
                 "布控查验：木质包装需检疫处理，请于11月27日前到外高桥查验场配合查验", "platform", 1),
                ("released", at(441), "查验合格，准予放行", "platform", 1)):
            decl_q.set_status(conn, f.id, status, note=note, source=src, version=ver, at=when,
                              receipt=src == "platform")
    tl = TimelineWidget(ctx, f.id)
    tl.resize(720, 800)
    tl.show()
    app.processEvents()
    tl.grab().save(str(out / f"timeline{sfx}.png"))
    if extra:
        ro = EditorWindow(ctx, f.id)
        ro.resize(1280, 800)
        ro.show()
        app.processEvents()
        ro.grab().save(str(extra / f"editor-readonly{sfx}.png"))
        ro._show_section(len(ro.sections))
        app.processEvents()
        ro.grab().save(str(extra / f"editor-status{sfx}.png"))
        ro.close()
    # the import dialog: a good file and a broken one (Problems tab with field labels)
    import json

    from client.model import to_dict
    from ui.dialogs.import_dialog import ImportDialog
    tmp = Path(tempfile.mkdtemp(prefix="ciqdesk-shot-import-"))
    good = [to_dict(sample_declaration("inbound", seed=21)),
            to_dict(sample_declaration("outbound", seed=22))]
    bad = to_dict(sample_declaration("inbound", seed=23))
    bad["goods"][0]["net_weight_kg"] = "十二"
    (tmp / "decls.json").write_text(json.dumps(good + [bad], ensure_ascii=False), "utf-8")
    (tmp / "broken.json").write_text('[{"id": "A",}]', "utf-8")
    dlg = ImportDialog(ctx)
    dlg.load_files([str(tmp / "decls.json"), str(tmp / "broken.json")])
    dlg.tabs.setCurrentIndex(1)
    dlg.show()
    app.processEvents()
    dlg.grab().save(str(out / f"import-dialog{sfx}.png"))
    dlg.close()
    ed.close()
    desk.close()
    print(out)
    return 0


def ciq_goods_shot(ctx, app, path: Path) -> None:
    """Frozen beef from Australia: chips P R A, the picker listing the HS code's CIQ codes,
    the panel asking for licence 325 and the exporting country's certificate."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from client.model import Licence
    from client.rules import sample_declaration
    from ui.editor import EditorWindow
    from ui.editor.section_goods import GoodsSection

    d = sample_declaration("inbound", goods=2, seed=9)
    g = d.goods[0]
    g.hs_code, g.ciq_code, g.name_cn, g.origin_country = "0202300090", None, "冻去骨牛肉", "AUS"
    g.goods_attributes, g.licences = ["20"], [Licence("519", "AUS-0011-EST")]
    d.attachments = []
    ctx.desk.save_draft(d)
    ed = EditorWindow(ctx, d.id)
    ed.resize(1400, 860)
    ed.show()
    sec = ed.section(GoodsSection)
    ed._show_section(ed.sections.index(sec))
    sec.view.setFocus()
    sec.view.setCurrentIndex(sec.model.index(0, sec.model.column_of("ciq_code")))
    app.processEvents()
    QTest.keyClicks(sec.view, "1")           # the picker lists 101–105 with their names
    app.processEvents()
    shot = ed.grab()
    picker = ed.focusWidget()
    if picker is not None and getattr(picker, "popup", None) is not None \
            and picker.popup.isVisible():
        from PySide6.QtGui import QPainter
        p = QPainter(shot)                    # the popup is its own window: paint it in
        p.drawPixmap(ed.mapFromGlobal(picker.popup.pos()), picker.popup.grab())
        p.end()
    shot.save(str(path))
    QTest.keyClick(picker, Qt.Key.Key_Escape)
    ed.close()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
