"""Exports never carry a live formula, give back the same text on import, and say what
they had to cut (issue 12, items 1 and 9)."""
from __future__ import annotations

import csv
import json
import zipfile

import pytest

from batch_helpers import sheet_cells
from client.cli.main import main
from client.interchange.cells import csv_protect, csv_unprotect
from client.interchange.excel_import import read_workbook
from client.rules.sample import sample_declaration

HOSTILE = {
    "consignee.name_cn": '=HYPERLINK("http://x","点击")',
    "consignor.name_cn": "=cmd|' /C calc'!A0",
    "marks": "+1+1",
    "remarks": "-2+3",
    "goods_location": "@SUM(A1:A2)",
    "transport_name": "'=already quoted",
}


def _hostile(seed: int):
    d = sample_declaration("inbound", 2, seed=seed)
    d.consignee.name_cn = HOSTILE["consignee.name_cn"]
    d.consignor.name_cn = HOSTILE["consignor.name_cn"]
    d.marks = HOSTILE["marks"]
    d.remarks = HOSTILE["remarks"]
    d.goods_location = HOSTILE["goods_location"]
    d.transport_name = HOSTILE["transport_name"]
    d.goods[1].name_cn = "=1+1"
    return d


def _fields(d) -> dict:
    return {"consignee.name_cn": d.consignee.name_cn, "consignor.name_cn": d.consignor.name_cn,
            "marks": d.marks, "remarks": d.remarks, "goods_location": d.goods_location,
            "transport_name": d.transport_name, "goods[1].name_cn": d.goods[1].name_cn}


def test_xlsx_export_holds_no_formula_and_round_trips_the_text(data_dir, desk, tmp_path, capsys):
    d = _hostile(501)
    desk.save_draft(d)
    out = tmp_path / "out.xlsx"
    assert main(["export", "--xlsx", str(out), d.id]) == 0
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no formula element anywhere
    wb, ws, letters = sheet_cells(out)
    try:
        cell = ws[f"{letters['consignee.name_cn']}3"]
        assert cell.data_type == "s" and cell.value == HOSTILE["consignee.name_cn"]
        assert cell.quotePrefix  # Excel keeps it text even after the user edits the cell
    finally:
        wb.close()
    decls, problems = read_workbook(out)
    assert problems == []
    assert _fields(decls[0][0]) == _fields(d)


def test_error_report_holds_no_formula(data_dir, desk, tmp_path):
    d = _hostile(502)
    desk.save_draft(d)
    out = tmp_path / "report.xlsx"
    main(["report", "--out", str(out), "--all"])
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    assert "HYPERLINK" in sheet  # the text is there, as text


def test_csv_export_quotes_formula_leads_and_round_trips(data_dir, desk, tmp_path):
    from client.interchange.excel_export import export_workbook

    d = _hostile(503)
    desk.save_draft(d)
    out = tmp_path / "out.csv"
    export_workbook(desk, [d.id], out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    paths = rows[1]
    first = dict(zip(paths, rows[2]))
    assert first["consignee.name_cn"] == "'" + HOSTILE["consignee.name_cn"]
    assert first["marks"] == "'+1+1" and first["goods_location"] == "'@SUM(A1:A2)"
    assert first["transport_name"] == "''=already quoted"
    every_cell = [v for r in rows[2:] for v in r]
    assert not any(v[:1] in "=+-@\t\r" and v for v in every_cell)
    decls, problems = read_workbook(out)
    assert problems == []
    assert _fields(decls[0][0]) == _fields(d)


@pytest.mark.parametrize("text", ["=x", "'=x", "''=x", "'abc", "'", "", "-", "\tA", "\rA",
                                  "abc", "'+", "it's =1"])
def test_csv_apostrophe_rule_is_its_own_inverse(text):
    assert csv_unprotect(csv_protect(text)) == text
    assert csv_protect(text)[:1] not in ("=", "+", "-", "@", "\t", "\r") or not text


def test_an_apostrophe_typed_by_a_user_is_kept(data_dir, tmp_path):
    """Only an apostrophe before a formula lead is the exporter's; ``'abc`` stays as typed."""
    from client.interchange.columns import columns_for
    from client.interchange.writer import write_csv, declaration_rows

    d = sample_declaration("inbound", 1, seed=504)
    d.marks = "'N/M"
    cols = columns_for("inbound")
    out = tmp_path / "a.csv"
    write_csv(out, cols, declaration_rows(d, cols))
    decls, problems = read_workbook(out)
    assert problems == [] and decls[0][0].marks == "'N/M"


def test_a_cell_over_excels_limit_is_reported_per_cell(data_dir, desk, tmp_path, capsys):
    d = sample_declaration("inbound", 1, seed=505)
    d.remarks = "长" * 40000
    desk.save_draft(d)
    out = tmp_path / "long.xlsx"
    assert main(["export", "--xlsx", str(out), d.id]) == 0
    err = capsys.readouterr().err
    assert d.id in err and "40000" in err and "32767" in err
    from client.interchange.excel_export import export_workbook
    warnings: list = []
    export_workbook(desk, [d.id], out, warnings=warnings)
    assert [(w.declaration_id, w.field, w.length) for w in warnings] == [(d.id, "remarks", 40000)]
    assert "remarks" not in json.dumps([w.message_zh for w in warnings])  # named in Chinese


@pytest.mark.parametrize("text", ["1E8518300000", "1e999999999", "-1E9", "1E8"])
def test_a_huge_exponent_in_a_whole_number_cell_is_a_cell_error(text):
    """Found by the fuzz test: ``1E8518300000`` raised decimal.Overflow (exit 3)."""
    from client.interchange.cells import CellError, to_int
    if text == "1E8":
        assert to_int(text) == 100_000_000
        return
    with pytest.raises(CellError):
        to_int(text)
