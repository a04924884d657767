"""Numbers and dates read back from a workbook exactly as the file stores them."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from xlsx_raw import Num, write_xlsx

from client.interchange.excel_import import read_workbook

PATHS = ["contract_no", "declarant.uscc", "goods.gross_weight_kg", "goods.net_weight_kg",
         "goods.value", "goods.quantity", "arrival_date", "unload_date", "goods.name_cn"]


def _read(tmp_path, *rows):
    book = write_xlsx(tmp_path / "exact.xlsx", [["合同号"], PATHS, *rows])
    got, problems = read_workbook(book)
    assert problems == []
    return [d for d, _ in got]


def test_amounts_and_weights_never_drift(tmp_path):
    [d] = _read(tmp_path,
                ["CT-1", "91310000MA1FL8XQ3T", Num("25200.500"), Num("0.1"), Num("3500.10"),
                 Num("100")],
                [None, None, Num("0.30000000000000004"), Num("1e-05"), Num("99999999.99"),
                 Num("2.0")])
    g1, g2 = d.goods
    assert g1.gross_weight_kg == Decimal("25200.500") and format(g1.gross_weight_kg, "f") == "25200.5"
    assert g1.net_weight_kg == Decimal("0.1") and g1.value == Decimal("3500.1")
    assert g1.quantity == Decimal(100)
    # an Excel sum of 0.1 + 0.2 is read as the 0.3 Excel shows, never 0.30000000000000004
    assert g2.gross_weight_kg == Decimal("0.3")
    assert g2.net_weight_kg == Decimal("0.00001") and g2.value == Decimal("99999999.99")


def test_long_integers_stored_as_numbers_keep_every_digit(tmp_path):
    [d] = _read(tmp_path, ["CT-2", 913100001234567890, Num("123456789012345678"),
                           None, Num("-12345678901234567")])
    assert d.declarant.uscc == "913100001234567890"
    assert d.goods[0].gross_weight_kg == Decimal(123456789012345678)
    assert d.goods[0].value == Decimal(-12345678901234567)


def test_dates_and_datetimes(tmp_path):
    [d] = _read(tmp_path, ["CT-3", None, 1, None, None, None, date(2026, 11, 30),
                           datetime(2026, 12, 1, 23, 59, 59)])
    assert d.arrival_date == date(2026, 11, 30)
    assert d.unload_date == date(2026, 12, 1)  # the day of a date-time, never the next day


def test_a_sheet_that_starts_below_and_right_of_a1_keeps_excel_row_and_column(tmp_path):
    book = write_xlsx(tmp_path / "offset.xlsx", [
        [], [None, *PATHS], [None, "CT-4", None, "约12公斤"]])
    got, [p] = read_workbook(book)
    assert got == []
    assert (p.row, p.column, p.field) == (3, "D", "goods[0].gross_weight_kg")
