"""The template workbook, the error report a client can fix, and exports to the template."""
from __future__ import annotations

import json

from batch_helpers import sheet_cells
from client.cli.main import main
from client.interchange.columns import columns_for
from client.interchange.excel_export import cell_of
from client.interchange.excel_import import read_workbook
from client.rules.sample import sample_declaration
from client.store import declarations as decl_q


def test_template_has_labels_paths_frozen_rows_and_drop_downs(data_dir, tmp_path):
    book = tmp_path / "模板.xlsx"
    assert main(["template", "--out", str(book), "--direction", "inbound"]) == 0
    wb, ws, letters = sheet_cells(book)
    try:
        assert ws.title == "入境报检"
        assert ws.freeze_panes == "A3"
        assert ws[f"{letters['contract_no']}1"].value == "合同号"
        assert ws[f"{letters['declarant.uscc']}1"].value == "报检单位统一社会信用代码"
        assert ws[f"{letters['goods.hs_code']}1"].value == "HS编码"
        assert "lc_no" not in letters and "ship_date" not in letters  # outbound-only fields
        assert {"containers.number", "certificates.copies", "goods.package_count"} <= set(letters)
        assert ws.column_dimensions[letters["goods_location"]].width >= 28
        codes = wb["代码表"]
        bureaus_col = next(c.column_letter for c in codes[1] if c.value == "检验检疫机构")
        assert codes[f"{bureaus_col}2"].value.startswith("110000 ")
        dv = {str(v.sqref): v for v in ws.data_validations.dataValidation}
        declare = dv[f"{letters['declare_bureau']}3:{letters['declare_bureau']}1048576"]
        assert declare.type == "list" and "代码表" in declare.formula1 and bureaus_col in declare.formula1
        assert f"{letters['ecommerce']}3:{letters['ecommerce']}1048576" in dv
    finally:
        wb.close()


def test_rule_paths_map_to_template_cells():
    cols = columns_for(None)
    idx = {c.path: i for i, c in enumerate(cols)}
    assert cell_of("goods[3].hs_code", cols, 5) == (3, idx["goods.hs_code"])
    assert cell_of("declarant.uscc", cols, 5) == (0, idx["declarant.uscc"])
    assert cell_of("containers[1].number", cols, 1) == (0, idx["containers.number"])
    assert cell_of("certificates[0].copies", cols, 1) == (0, idx["certificates.copies"])
    assert cell_of("goods[2]", cols, 3) == (2, idx["goods.seq"])
    assert cell_of("attachments[0].type", cols, 1) == (0, idx["id"])
    assert cell_of("", cols, 1) == (0, idx["id"])
    # a field the inbound template has no column for lands on the id cell
    inbound = columns_for("inbound")
    assert cell_of("ship_date", inbound, 1) == (0, 0)


def test_error_report_highlights_the_right_cells_with_the_message(data_dir, desk, tmp_path, capsys):
    good = sample_declaration("inbound", 2, seed=31)
    bad = sample_declaration("inbound", 3, seed=32)
    bad.goods[1].hs_code = "0000000000"
    bad.declarant.uscc = bad.declarant.uscc[:-1] + ("0" if bad.declarant.uscc[-1] != "0" else "1")
    for d in (good, bad):
        desk.save_draft(d)
    out = tmp_path / "report.xlsx"
    assert main(["report", "--out", str(out), "--status", "draft", "--json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["declarations"] == 2 and summary["with_errors"] == 1

    issues = {i["field"]: i for i in desk.stored_issues(bad.id) if i["severity"] == "error"}
    assert "goods[1].hs_code" in issues and "declarant.uscc" in issues
    wb, ws, letters = sheet_cells(out)
    try:
        first = next(r for r in range(3, ws.max_row + 1)
                     if ws[f"{letters['id']}{r}"].value == bad.id)
        hs = ws[f"{letters['goods.hs_code']}{first + 1}"]
        assert hs.value == "0000000000"
        assert hs.fill.fgColor.rgb.endswith("FFC7CE")
        assert issues["goods[1].hs_code"]["message_zh"] in hs.comment.text
        uscc = ws[f"{letters['declarant.uscc']}{first}"]
        assert uscc.fill.fgColor.rgb.endswith("FFC7CE")
        assert issues["declarant.uscc"]["message_zh"] in uscc.comment.text
        # the first goods line's HS code is fine: no highlight there
        assert ws[f"{letters['goods.hs_code']}{first}"].comment is None
        assert issues["declarant.uscc"]["message_zh"] in ws[f"{letters['issues']}{first}"].value
        good_first = next(r for r in range(3, ws.max_row + 1)
                          if ws[f"{letters['id']}{r}"].value == good.id)
        assert all(ws.cell(good_first, c).comment is None for c in range(1, ws.max_column + 1))
    finally:
        wb.close()

    # the client fixes the report and sends it back: it imports over the same draft
    from openpyxl import load_workbook
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    ws[f"{letters['goods.hs_code']}{first + 1}"] = good.goods[0].hs_code
    ws[f"{letters['declarant.uscc']}{first}"] = good.declarant.uscc
    wb.save(out)
    assert main(["import", str(out), "--validate", "--json"]) == 0
    assert sorted(json.loads(capsys.readouterr().out)["imported"]) == sorted([good.id, bad.id])
    assert desk.count() == 2
    assert [i for i in desk.stored_issues(bad.id) if i["severity"] == "error"] == []


def test_export_carries_status_and_number_and_reimports_onto_the_same_drafts(
        data_dir, desk, tmp_path, capsys):
    a = sample_declaration("outbound", 2, seed=41)
    b = sample_declaration("outbound", 1, seed=42)
    c = sample_declaration("inbound", 1, seed=43)
    c.declarant.uscc = b.declarant.uscc  # one client's two declarations, and another's
    b.declarant.uscc = a.declarant.uscc
    assert c.declarant.uscc != a.declarant.uscc
    for d in (a, b, c):
        desk.save_draft(d)
    with desk.db.write() as conn:
        conn.execute(decl_q.s.declarations.update()
                     .where(decl_q.s.declarations.c.id == b.id)
                     .values(inspection_no="310000226000123"))
        decl_q.set_status(conn, b.id, "released")
    out = tmp_path / "给客户.xlsx"
    assert main(["export", "--xlsx", str(out), "--client", a.declarant.uscc]) == 0
    capsys.readouterr()
    wb, ws, letters = sheet_cells(out)
    try:
        ids = [ws[f"{letters['id']}{r}"].value for r in range(3, ws.max_row + 1)]
        assert set(ids) == {a.id, b.id}  # the other client's declaration is not in it
        row_b = 3 + ids.index(b.id)
        assert ws[f"{letters['status']}{row_b}"].value == "已放行"
        assert ws[f"{letters['inspection_no']}{row_b}"].value == "310000226000123"
        assert ws.title == "出境报检"
    finally:
        wb.close()
    decls, problems = read_workbook(out)
    assert problems == []
    back = {d.id: d for d, _ in decls}
    assert back[a.id].inspection_no is None  # export-only columns are ignored on import
    assert [g.net_weight_kg for g in back[a.id].goods] == [g.net_weight_kg for g in a.goods]
    assert main(["import", str(out), "--json"]) == 1  # the released one is refused, a updated
    res = json.loads(capsys.readouterr().out)
    assert res["imported"] == [a.id] and [e["field"] for e in res["errors"]] == ["id"]
    assert desk.count() == 3


def test_export_needs_a_selection(data_dir, capsys):
    assert main(["export", "--xlsx", "x.xlsx"]) == 2
    assert "--all" in capsys.readouterr().err


def test_a_cancelled_export_leaves_no_file(desk, tmp_path):
    import pytest

    from client.interchange.excel_export import export_workbook
    from client.interchange.progress import Cancelled

    for i in range(3):
        desk.save_draft(sample_declaration("inbound", 1, seed=100 + i))
    ids = [r.id for r in desk.list()]
    for name in ("cancelled.xlsx", "cancelled.csv"):
        with pytest.raises(Cancelled):
            export_workbook(desk, ids, tmp_path / name, cancel=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile"]
