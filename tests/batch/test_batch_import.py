"""Importing a template workbook filled in the way brokers really fill it."""
from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import pytest

from batch_helpers import fill, rows_of
from client.cli.main import main
from client.interchange.excel_import import read_workbook, stable_id
from client.interchange.importer import import_into
from client.interchange.progress import Cancelled
from client.rules.sample import sample_declaration
from client.services import ImportReport
from client.store import declarations as decl_q


def broker_rows():
    """Two inbound declarations without ids, typed with every habit brokers have."""
    a = sample_declaration("inbound", goods=3, seed=11)
    b = sample_declaration("inbound", goods=1, seed=12)
    ra = rows_of(a, "inbound")
    rb = rows_of(b, "inbound")
    for r in ra + rb:
        r.pop("id", None)  # a broker's sheet has no ids: stable ids come from USCC + contract
    first = ra[0]
    first["contract_no"] = "ＣＴ－Ａ００１ "                  # full-width, trailing space
    first["consignee.name_cn"] = first["consignee.name_cn"] + "  "
    first["arrival_date"] = datetime(2026, 11, 30)            # an Excel date
    first["unload_date"] = "2026/12/01"                       # text dates, three ways
    first["claim_deadline"] = "20270530"
    first["ecommerce"] = "否"
    first["containers.number"] = "CSQU3054383，MSKU1234565"    # full-width comma
    first["containers.size_type"] = "45G1"
    first["trade_country"] = first["trade_country"].lower()
    first["goods.hs_code"] = "８４７１３０００００"              # full-width digits
    first["goods.name_cn"] = "笔记本电脑，含电源"               # Chinese text stays as typed
    first["goods.net_weight_kg"] = " 1,200.50 "               # number stored as text
    first["goods.gross_weight_kg"] = 25200.5                  # an Excel float
    first["goods.quantity"] = "100"
    first["goods.quantity_unit"] = 1                          # Excel dropped the zeros of 001
    first["goods.currency"] = "ｕｓｄ"
    first["goods.package_count"] = "12"
    first["goods.value"] = 3500.1
    # a laptop (L in the catalogue) inbound: its 3C attribute and CCC certificate (issue 13)
    first["goods.goods_attributes"] = "11"
    first["goods.licences"] = "411：2026011234567 "              # full-width colon
    # continuation rows: id and contract blank, header cells blank
    for r in ra[1:]:
        r.pop("contract_no", None)
    ra[1]["goods.gross_weight_kg"] = 0.1 + 0.2               # an Excel sum shown as 0.3
    ra[1]["goods.net_weight_kg"] = "0.25"
    rows = ra + [{}] + rb                                     # an empty row between them
    return a, b, rows


@pytest.fixture
def broker_book(data_dir, tmp_path, capsys):
    book = tmp_path / "客户A 11月.xlsx"
    assert main(["template", "--out", str(book), "--direction", "inbound"]) == 0
    capsys.readouterr()
    a, b, rows = broker_rows()
    fill(book, rows)
    return book, a, b


def test_broker_workbook_imports_exactly_what_was_meant(broker_book, desk, capsys):
    book, a, b = broker_book
    assert main(["import", str(book), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["errors"] == []
    id_a = stable_id(a.declarant.uscc, "CT-A001")
    id_b = stable_id(b.declarant.uscc, b.contract_no)
    assert sorted(out["imported"]) == sorted([id_a, id_b])

    got = desk.get(id_a)
    assert got.contract_no == "CT-A001"
    assert got.consignee.name_cn == a.consignee.name_cn
    assert got.arrival_date == date(2026, 11, 30)
    assert got.unload_date == date(2026, 12, 1)
    assert got.claim_deadline == date(2027, 5, 30)
    assert got.ecommerce is False and got.direction == "inbound"
    assert got.trade_country == a.trade_country
    assert [(c.number, c.size_type) for c in got.containers] == [
        ("CSQU3054383", "45G1"), ("MSKU1234565", "45G1")]
    assert len(got.goods) == 3 and [g.seq for g in got.goods] == [1, 2, 3]
    g0, g1 = got.goods[0], got.goods[1]
    assert g0.hs_code == "8471300000"
    assert g0.name_cn == "笔记本电脑，含电源"
    assert g0.net_weight_kg == Decimal("1200.50")
    assert str(g0.gross_weight_kg) == "25200.5"
    assert g0.quantity == Decimal(100) and g0.quantity_unit == "001"
    assert g0.currency == "USD" and g0.package_count == 12
    assert str(g0.value) == "3500.1"
    assert g0.goods_attributes == ["11"]
    assert [(x.type, x.number) for x in g0.licences] == [("411", "2026011234567")]
    assert str(g1.gross_weight_kg) == "0.3"
    assert got.goods[2].name_cn == a.goods[2].name_cn
    assert desk.get(id_b).goods[0].hs_code == b.goods[0].hs_code

    # the sheet was filled from valid declarations: after all that clean-up it is still valid
    issues = desk.validate_ids([id_a, id_b])
    assert [i for i in issues[id_b] if i.severity == "error"] == []
    errors_a = [i for i in issues[id_a] if i.severity == "error"]
    assert errors_a == [], errors_a


def test_reimporting_updates_the_same_drafts_never_duplicates(broker_book, desk, capsys):
    book, a, _ = broker_book
    assert main(["import", str(book)]) == 0
    capsys.readouterr()
    assert desk.count() == 2
    fill(book, [{"remarks": "第二版"}])
    assert main(["import", str(book), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["imported"]) == 2 and out["errors"] == []
    assert desk.count() == 2
    assert desk.get(stable_id(a.declarant.uscc, "CT-A001")).remarks == "第二版"


def test_unreadable_cells_are_reported_by_row_and_column_and_only_their_declaration_skipped(
        broker_book, desk, capsys):
    book, a, b = broker_book
    letters = fill(book, [])
    # rows 3-5: declaration A (3 goods); row 6 empty; row 7: declaration B
    fill(book, [{"goods.net_weight_kg": "约12公斤"}], start=4)
    fill(book, [{"arrival_date": "2026-02-30", "goods.package_count": "2.5"}], start=7)
    assert main(["import", str(book), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["imported"] == []
    where = {(e["row"], e["column"]): e for e in out["errors"]}
    assert set(where) == {(4, letters["goods.net_weight_kg"]), (7, letters["arrival_date"]),
                          (7, letters["goods.package_count"])}
    w = where[(4, letters["goods.net_weight_kg"])]
    assert w["field"] == "goods[1].net_weight_kg"
    assert "约12公斤" in w["message"] and "CT-A001" in w["message"] and "未导入" in w["message"]
    assert "不存在" in where[(7, letters["arrival_date"])]["message"]
    assert "整数" in where[(7, letters["goods.package_count"])]["message"]
    assert desk.count() == 0


def test_a_thousand_declarations_with_one_bad_cell(desk, tmp_path):
    from client.interchange.columns import columns_for
    from client.interchange.writer import WorkbookWriter, declaration_rows

    cols = columns_for(None)
    ci = [c.path for c in cols].index("goods.gross_weight_kg")
    book = tmp_path / "big.xlsx"
    w = WorkbookWriter(book, cols, desk.codes)
    decls = [sample_declaration("inbound" if i % 2 else "outbound", 1, seed=i)
             for i in range(1000)]
    for i, d in enumerate(decls):
        rows = declaration_rows(d, cols)
        if i == 614:
            rows[0][ci] = "25200.5kg"
        w.add_rows(rows)
    w.close()
    report = ImportReport()
    seen = []
    import_into(desk, book, report, progress=lambda d, t, m: seen.append((d, t)))
    assert len(report.imported) == 999
    assert decls[614].id not in report.imported
    [err] = report.errors
    from openpyxl.utils import get_column_letter
    assert (err.row, err.column, err.field) == (3 + 614, get_column_letter(ci + 1),
                                                "goods[0].gross_weight_kg")
    assert "25200.5kg" in err.message
    assert desk.count() == 999
    assert seen and seen[-1][0] == seen[-1][1]  # progress reached its total


def test_cancel_stores_nothing(broker_book, desk):
    book, _, _ = broker_book
    report = ImportReport()
    with pytest.raises(Cancelled):
        import_into(desk, book, report, cancel=lambda: True)
    assert desk.count() == 0


def test_finalised_declarations_are_not_overwritten_by_import(broker_book, desk):
    book, a, b = broker_book
    import_into(desk, book, ImportReport())
    id_a = stable_id(a.declarant.uscc, "CT-A001")
    with desk.db.write() as conn:
        decl_q.set_status(conn, id_a, "ready")
    report = ImportReport()
    import_into(desk, book, report)
    assert len(report.updated) == 1
    [err] = report.errors
    assert err.field == "id" and "不能通过导入修改" in err.message
    assert desk.summary(id_a).status == "ready"


def test_a_file_that_is_no_workbook_is_refused_whole(data_dir, tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("这不是 Excel 文件", encoding="utf-8")
    assert main(["import", str(bad), "--json"]) == 2
    [err] = json.loads(capsys.readouterr().out)["errors"]
    assert err["row"] is None and "不是有效的 Excel 工作簿" in err["message"]


def test_a_sheet_without_the_path_row_is_read_by_its_chinese_labels(desk, tmp_path):
    from openpyxl import Workbook

    d = sample_declaration("outbound", 2, seed=5)
    rows = rows_of(d, "outbound")
    from client.interchange.columns import columns_for
    cols = [c for c in columns_for("outbound") if any(c.path in r for r in rows)]
    wb = Workbook()
    ws = wb.active
    ws.append([c.label() for c in cols])
    for r in rows:
        ws.append([r.get(c.path) for c in cols])
    book = tmp_path / "labels-only.xlsx"
    wb.save(book)
    decls, problems = read_workbook(book)
    assert problems == []
    [(got, row)] = decls
    assert row == 2 and got.id == d.id and len(got.goods) == 2
    assert got.goods[1].net_weight_kg == d.goods[1].net_weight_kg


def test_an_unknown_column_is_reported_not_silently_dropped(desk, tmp_path, capsys):
    book = tmp_path / "t.xlsx"
    assert main(["template", "--out", str(book)]) == 0
    from openpyxl import load_workbook
    wb = load_workbook(book)
    ws = wb.worksheets[0]
    col = ws.max_column + 1
    ws.cell(1, col, "客户内部编号")
    ws.cell(2, col, "client_ref")
    wb.save(book)
    d = sample_declaration("inbound", 1, seed=9)
    fill(book, rows_of(d))
    decls, problems = read_workbook(book)
    assert len(decls) == 1
    [p] = problems
    assert p.row == 2 and "client_ref" in p.message


def test_a_second_template_sheet_is_named_not_silently_skipped(desk, tmp_path):
    from openpyxl import load_workbook

    from client.interchange.columns import columns_for
    from client.interchange.writer import write_declarations

    book = tmp_path / "two-sheets.xlsx"
    inbound = sample_declaration("inbound", 1, seed=51)
    write_declarations(book, [(inbound, None)], columns_for("inbound"), desk.codes, 1,
                       direction="inbound")
    wb = load_workbook(book)
    copy = wb.copy_worksheet(wb["入境报检"])
    copy.title = "出境报检"
    wb.save(book)
    report = ImportReport()
    import_into(desk, book, report)
    assert report.imported == [inbound.id]
    [p] = report.errors
    assert p.row is None and "出境报检" in p.message and "未导入" in p.message


def test_goods_are_numbered_by_row_order_after_a_row_is_deleted(desk, tmp_path):
    from openpyxl import load_workbook

    from client.interchange.excel_export import export_workbook

    d = sample_declaration("inbound", 4, seed=52)
    desk.save_draft(d)
    book = tmp_path / "export.xlsx"
    export_workbook(desk, [d.id], book)
    wb = load_workbook(book)
    wb.worksheets[0].delete_rows(4)  # the client deletes the second goods line
    wb.save(book)
    report = ImportReport()
    import_into(desk, book, report)
    assert report.updated == [d.id] and report.errors == []
    got = desk.get(d.id)
    assert [g.seq for g in got.goods] == [1, 2, 3]
    assert [g.name_cn for g in got.goods] == [d.goods[i].name_cn for i in (0, 2, 3)]
    assert not [i for i in desk.validate_ids([d.id])[d.id] if i.field.startswith("goods")
                and i.severity == "error"]


def test_old_xls_files_get_advice_not_a_json_error(data_dir, tmp_path, capsys):
    old = tmp_path / "客户B.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)  # an OLE2 header
    assert main(["import", str(old), "--json"]) == 2
    [err] = json.loads(capsys.readouterr().out)["errors"]
    assert "另存为" in err["message"] and ".xlsx" in err["message"]


def test_import_with_validation_keeps_the_same_markers_as_validate_ids(broker_book, desk):
    book, a, b = broker_book
    fill(book, [{"goods.hs_code": "0000000000"}], start=4)  # declaration A, goods line 2
    report = ImportReport()
    import_into(desk, book, report, validate=True)
    assert len(report.imported) == 2
    kept = {i: desk.stored_issues(i) for i in report.imported}
    assert all(v is not None for v in kept.values())
    id_a = stable_id(a.declarant.uscc, "CT-A001")
    assert any(x["field"] == "goods[1].hs_code" and x["severity"] == "error" for x in kept[id_a])
    assert desk.summary(id_a).valid == 0 and desk.summary(id_a).error_count >= 1
    fresh = desk.validate_ids(report.imported)
    assert {i: [x.to_dict() for x in v] for i, v in fresh.items()} == kept


def test_the_import_dialog_path_moves_its_progress_within_one_big_file(desk, tmp_path,
                                                                       monkeypatch):
    """Desk.read_import / store_import (the desktop's import dialog): a single workbook of
    1,200 declarations moves the bar while it is read and while it is stored, rising to its
    total each time (it sat at 0 of 1 file until the whole file was done). The bar moves
    once per part read (``importer.CHUNK_ROWS`` rows) as the parts are stored."""
    from client.interchange import importer
    from client.interchange.columns import columns_for
    from client.interchange.writer import WorkbookWriter, declaration_rows
    from client.services import desk as desk_mod

    monkeypatch.setattr(desk_mod, "STORE_SLICE", 250)  # a sheet read whole: its slices
    monkeypatch.setattr(importer, "CHUNK_ROWS", 250)
    cols = columns_for(None)
    book = tmp_path / "one-big.xlsx"
    w = WorkbookWriter(book, cols, desk.codes)
    for i in range(1200):
        w.add_rows(declaration_rows(sample_declaration("inbound", 1, seed=i), cols))
    w.close()
    read_seen: list[tuple[int, int]] = []
    parsed = desk.read_import([book], progress=lambda d, t, m: read_seen.append((d, t)))
    rows_total = 1200 + 2  # the sheet's rows, header rows included
    during = [d for d, t in read_seen if t == rows_total]
    assert len(during) >= 2 and during == sorted(during) and during[-1] == rows_total
    store_seen: list[tuple[int, int]] = []
    report = desk.store_import(parsed, progress=lambda d, t, m: store_seen.append((d, t)))
    moved = [d for d, _ in store_seen]
    assert len(set(moved)) >= 4 and moved == sorted(moved) and moved[0] <= 300
    assert store_seen[-1] == (1200, 1200) and {t for _, t in store_seen} == {1200}
    assert len(report.imported) == 1200 and desk.count() == 1200


def test_the_import_dialog_path_keeps_the_same_markers_as_validate_ids(broker_book, desk):
    """Desk.read_import(validate=True) then store_import, as the desktop's import dialog
    reads and stores: every draft has its result at once, the same as validating it
    afterwards."""
    book, a, _b = broker_book
    fill(book, [{"goods.hs_code": "0000000000"}], start=4)  # declaration A, goods line 2
    parsed = desk.read_import([book], validate=True)
    report = desk.store_import(parsed)
    assert len(report.imported) == 2
    kept = {i: desk.stored_issues(i) for i in report.imported}
    assert all(v is not None for v in kept.values())
    id_a = stable_id(a.declarant.uscc, "CT-A001")
    assert any(x["field"] == "goods[1].hs_code" and x["severity"] == "error" for x in kept[id_a])
    assert desk.summary(id_a).error_count >= 1
    fresh = desk.validate_ids(report.imported)
    assert {i: [x.to_dict() for x in v] for i, v in fresh.items()} == kept
