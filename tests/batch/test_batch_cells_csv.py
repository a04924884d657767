"""Reading single cells as brokers type them, and the CSV variant of the template."""
from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import pytest

from batch_helpers import rows_of
from client.cli.main import main
from client.interchange.cells import (CellError, float_to_decimal, reader_for, to_bool, to_date,
                                      to_decimal, to_int)
from client.interchange.columns import BY_PATH, columns_for
from client.interchange.excel_import import read_workbook
from client.rules.sample import sample_declaration


@pytest.mark.parametrize("typed, expected", [
    (25200.5, "25200.5"), (0.1 + 0.2, "0.3"), (3.0, "3"), (1e-05, "0.00001"),
    (1234567.891, "1234567.891"), (" 1,200.50 ", "1200.50"), ("１２００．５", "1200.5"),
    ("25200", "25200"), (7, "7"),
])
def test_decimals_are_the_number_the_user_typed(typed, expected):
    assert to_decimal(typed) == Decimal(expected)
    assert format(to_decimal(typed), "f") == expected


def test_excel_float_never_grows_digits():
    assert str(float_to_decimal(25200.5)) == "25200.5"
    assert str(float_to_decimal(0.7 * 3)) == "2.1"


@pytest.mark.parametrize("bad", ["约12公斤", "12kg", "1.2.3", "--5", True])
def test_words_are_not_numbers(bad):
    with pytest.raises(CellError) as e:
        to_decimal(bad)
    assert "不是数值" in e.value.message_zh


@pytest.mark.parametrize("typed, expected", [
    (datetime(2026, 11, 30, 0, 0), date(2026, 11, 30)), ("2026-11-30", date(2026, 11, 30)),
    ("2026/11/30", date(2026, 11, 30)), ("20261130", date(2026, 11, 30)),
    (20261130, date(2026, 11, 30)), ("2026.1.5", date(2026, 1, 5)),
    ("２０２６－１１－３０", date(2026, 11, 30)), ("2026年11月30日", date(2026, 11, 30)),
    (46356, date(2026, 11, 30)),  # an Excel serial day in a cell formatted as a number
    ("2026-11-30 00:00:00", date(2026, 11, 30)),
])
def test_dates_in_every_form_brokers_send(typed, expected):
    assert to_date(typed) == expected


@pytest.mark.parametrize("bad", ["2026-02-30", "20260230", "明天", "30/11/2026"])
def test_dates_that_do_not_exist_are_refused(bad):
    with pytest.raises(CellError):
        to_date(bad)


@pytest.mark.parametrize("typed, expected", [
    ("是", True), ("否", False), ("Y", True), ("n", False), ("TRUE", True), ("false", False),
    (True, True), (0, False), (" 是 ", True)])
def test_yes_no(typed, expected):
    assert to_bool(typed) is expected


def test_counts_must_be_whole_numbers():
    assert to_int("12") == 12 and to_int(12.0) == 12 and to_int("１２") == 12
    with pytest.raises(CellError):
        to_int("2.5")
    with pytest.raises(CellError):
        to_int(2.5)


def test_codes_are_normalised_names_are_kept():
    hs = reader_for(BY_PATH["goods.hs_code"])
    assert hs("８４７１３０００００ ") == "8471300000"
    assert hs(101210010) == "0101210010"  # Excel dropped the leading zero
    bureau = reader_for(BY_PATH["declare_bureau"])
    assert bureau("310000 上海出入境检验检疫局") == "310000"  # picked from the drop-down
    assert reader_for(BY_PATH["direction"])("入境") == "inbound"
    name = reader_for(BY_PATH["goods.name_cn"])
    assert name("  棉制Ｔ恤，白色　") == "棉制Ｔ恤，白色"
    uscc = reader_for(BY_PATH["declarant.uscc"])
    assert uscc("９１３１０１１５ma1k00000x") == "91310115MA1K00000X"
    containers = reader_for(BY_PATH["containers.number"])
    assert containers("csqu3054383， MSKU1234565、TGHU8593002") == [
        "CSQU3054383", "MSKU1234565", "TGHU8593002"]


def _csv_text(decls) -> str:
    import csv
    import io
    cols = columns_for(None)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([c.label() for c in cols])
    w.writerow([c.path for c in cols])
    for d in decls:
        for r in rows_of(d):
            w.writerow(["" if r.get(c.path) is None else str(r.get(c.path)) for c in cols])
    return buf.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk"])
def test_csv_in_utf8_with_or_without_bom_and_gbk(desk, tmp_path, encoding):
    decls = [sample_declaration("inbound", 2, seed=21), sample_declaration("outbound", 1, seed=22)]
    f = tmp_path / f"batch-{encoding}.csv"
    f.write_bytes(_csv_text(decls).encode(encoding))
    got, problems = read_workbook(f)
    assert problems == []
    assert [d.id for d, _ in got] == [d.id for d in decls]
    assert [row for _, row in got] == [3, 5]
    a = got[0][0]
    assert a.consignee.name_cn == decls[0].consignee.name_cn  # Chinese survived the encoding
    assert a.goods[1].value == decls[0].goods[1].value
    assert a.arrival_date == decls[0].arrival_date


def test_csv_bad_cell_points_at_row_and_column(data_dir, tmp_path, capsys):
    d = sample_declaration("inbound", 1, seed=23)
    text = _csv_text([d]).splitlines()
    cols = columns_for(None)
    i = [c.path for c in cols].index("goods.quantity")
    import csv
    row = next(csv.reader([text[2]]))
    row[i] = "一百"
    import io
    buf = io.StringIO()
    csv.writer(buf).writerow(row)
    text[2] = buf.getvalue().rstrip("\r\n")
    f = tmp_path / "one.csv"
    f.write_text("\n".join(text) + "\n", encoding="utf-8")
    assert main(["import", str(f), "--json"]) == 1
    [err] = json.loads(capsys.readouterr().out)["errors"]
    from openpyxl.utils import get_column_letter
    assert (err["row"], err["column"]) == (3, get_column_letter(i + 1))
    assert "一百" in err["message"]


def test_csv_template_and_export(data_dir, desk, tmp_path, capsys):
    t = tmp_path / "template.csv"
    assert main(["template", "--out", str(t)]) == 0
    lines = t.read_bytes().decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and lines[1].startswith("id,inspection_no,status,direction")
    d = sample_declaration("inbound", 2, seed=24)
    desk.save_draft(d)
    out = tmp_path / "export.csv"
    assert main(["export", "--xlsx", str(out), "--all"]) == 0
    got, problems = read_workbook(out)
    assert problems == [] and [x.id for x, _ in got] == [d.id]
    assert got[0][0].goods[1].gross_weight_kg == d.goods[1].gross_weight_kg


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_exported_amounts_come_back_exactly(desk, tmp_path, suffix):
    from client.interchange.excel_export import export_workbook

    d = sample_declaration("inbound", 2, seed=25)
    d.goods[0].net_weight_kg = Decimal("0.00001")
    d.goods[0].value = Decimal("12345678901234567.89")  # more digits than an Excel number holds
    d.goods[1].gross_weight_kg = Decimal("25200.5")
    desk.save_draft(d)
    out = tmp_path / f"amounts{suffix}"
    export_workbook(desk, [d.id], out)
    [(got, _)], problems = read_workbook(out)
    assert problems == []
    assert got.goods[0].net_weight_kg == Decimal("0.00001")
    assert format(got.goods[0].value, "f") == "12345678901234567.89"
    assert format(got.goods[1].gross_weight_kg, "f") == "25200.5"


def test_nothing_selected_is_said_plainly(data_dir, capsys):
    assert main(["report", "--out", "r.xlsx", "--status", "draft"]) == 2
    assert "没有符合条件的报检单" in capsys.readouterr().err
