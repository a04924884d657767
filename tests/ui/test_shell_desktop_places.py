"""Issue 18 item 18: what only the CLI could do gets a place in the desktop —
帮助 → 代码表版本, 生成错误报告 in the import dialog, 委托企业 defaults."""
from __future__ import annotations

import json


from client.model import to_dict
from client.rules.sample import sample_declaration
from test_shell_support import make_ctx
from test_shell_support import desk, window  # noqa: F401 - fixtures


def test_help_menu_shows_the_code_table_versions_in_force(qtbot, window, desk):
    act = next(a for a in window.menu_help.actions() if a.objectName() == "code_versions")
    assert act.text() == "代码表版本"
    act.trigger()
    dlg = window.code_versions.dialog
    qtbot.addWidget(dlg)
    rows = {r[1]: r for r in dlg.rows()}
    builtin = desk.codes.versions()["currencies"]
    assert rows["inspection_types"][0] == "报检类别"
    assert rows["currencies"][2:] == (builtin, "程序内置")
    assert dlg.table.rowCount() == len(rows) == len(desk.codes.versions())
    # every table has a name of its own, the eCIQ switch's tables too (issue 13)
    assert [t for t, r in rows.items() if r[0] == t] == []
    assert rows["transport_modes_customs"][0] == "运输方式（海关）"
    # a version the sync delivered replaces the built-in one, and says so
    csv = desk.codes.builtin_csv("currencies")
    desk.codes.replace("currencies", "2099.1.0", csv)
    dlg.retranslateUi()
    rows = {r[1]: r for r in dlg.rows()}
    assert rows["currencies"][2:] == ("2099.1.0", "平台下发")


def test_import_dialog_writes_the_error_report_of_what_it_imported(qtbot, desk, tmp_path):
    from openpyxl import load_workbook

    from ui.dialogs.import_dialog import ImportDialog
    good = to_dict(sample_declaration("inbound", seed=51))
    bad = to_dict(sample_declaration("inbound", seed=52))
    bad["goods"][0]["hs_code"] = None  # reads, but fails validation
    src = tmp_path / "two.json"
    src.write_text(json.dumps([good, bad], ensure_ascii=False), encoding="utf-8")
    dlg = ImportDialog(make_ctx(desk))
    qtbot.addWidget(dlg)
    assert dlg.report_btn.text() == "生成错误报告…" and not dlg.report_btn.isEnabled()
    dlg.load_files([str(src)])
    dlg.import_btn.click()
    assert desk.count() == 2 and dlg.report_btn.isEnabled()
    written = []
    dlg.report_written.connect(written.append)
    out = tmp_path / "report.xlsx"
    dlg.write_report(str(out))
    assert written == [str(out)]
    assert "1 份有错误，共 2 份" in dlg.status.text()
    wb = load_workbook(out, read_only=True)
    try:
        cells = [str(c.value) for ws in wb.worksheets
                 for row in ws.iter_rows() for c in row if c.value is not None]
    finally:
        wb.close()
    assert any("HS编码" in c for c in cells)


def test_client_defaults_dialog_saves_what_new_drafts_start_with(qtbot, window, desk):
    from client.services.clients import ClientsService
    from test_shell_support import put_enterprise
    put_enterprise(desk, role="broker", clients=[
        {"uscc": "91310115MA1H7XK03T", "name_cn": "黄浦江食品有限公司", "credit_grade": "C"},
        {"uscc": "91310115MA1K4AB2C0", "name_cn": "浦江国际物流有限公司", "credit_grade": "A"}])
    act = next(a for a in window.menu_sync.actions() if a.objectName() == "client_defaults")
    assert act.text() == "委托企业默认值…"
    act.trigger()
    dlg = window.client_defaults.dialog
    qtbot.addWidget(dlg)
    assert dlg.combo.count() == 2 and dlg.combo.itemText(0) != ""
    dlg.select("91310115MA1H7XK03T")
    row = dlg.keys.index("entry_exit_port")
    assert dlg.table.item(row, 0).text() == "入境/离境口岸"
    dlg.table.item(row, 1).setText("ｃｎｓｈａ")
    dlg.table.item(dlg.keys.index("ecommerce"), 1).setText("否")
    dlg.save_btn.click()
    got = ClientsService(desk).defaults("91310115MA1H7XK03T")
    assert got == {"entry_exit_port": "CNSHA", "ecommerce": False}
    assert "已保存" in dlg.status.text()
    # an unreadable value: refused with the field's name, nothing saved
    dlg.table.item(dlg.keys.index("ecommerce"), 1).setText("也许")
    dlg.save_btn.click()
    assert dlg.status.text().startswith("跨境电商：")
    assert ClientsService(desk).defaults("91310115MA1H7XK03T") == got
    assert dlg.table.currentRow() == dlg.keys.index("ecommerce")
