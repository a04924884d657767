"""Hostile and oversized files: a zip bomb, too many rows or declarations, a huge CSV field.

Each is refused (or reported per cell) with a clear message; nothing crashes, and a good
file imported beside it still imports.
"""
from __future__ import annotations

import json
import struct

import pytest
from xlsx_raw import write_xlsx

from client.cli.main import main
from client.interchange import workbook_limits as limits
from client.interchange.excel_import import read_workbook

HEAD = [["合同号"], ["contract_no", "declarant.uscc", "goods.hs_code", "goods.name_cn"]]


def _bomb_rows(megabytes: int):
    row = "<row>" + '<c t="inlineStr"><is><t>炸弹炸弹炸弹炸弹</t></is></c>' * 20 + "</row>"
    block = row * ((1 << 20) // len(row.encode()))
    for _ in range(megabytes):
        yield block


@pytest.fixture
def good_csv(tmp_path):
    f = tmp_path / "good.csv"
    f.write_text("contract_no,declarant.uscc,goods.hs_code\nCT-OK,91310000MA1FL8XQ3T,8471300000\n",
                 encoding="utf-8")
    return f


def _import(capsys, *files):
    code = main(["import", *map(str, files), "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_a_zip_bomb_is_refused_before_it_is_read(data_dir, tmp_path, capsys, good_csv):
    bomb = write_xlsx(tmp_path / "bomb.xlsx", HEAD, sheet_xml_rows=_bomb_rows(300), level=9)
    assert bomb.stat().st_size < 3_000_000  # 300 MB of sheet XML in a small file
    code, out = _import(capsys, bomb, good_csv)
    assert code == 2
    [err] = out["errors"]
    assert err["row"] is None and "压缩炸弹" in err["message"] and "整个文件未导入" in err["message"]
    assert len(out["imported"]) == 1  # the good file beside it still imports


def _lie_about_size(path, part: str, size: int) -> None:
    """Patch the uncompressed size the archive declares for ``part`` (local + central)."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    loc = data.find(b"PK\x03\x04")
    while loc != -1:
        n = struct.unpack_from("<H", data, loc + 26)[0]
        if data[loc + 30:loc + 30 + n] == name:
            struct.pack_into("<I", data, loc + 22, size)
        loc = data.find(b"PK\x03\x04", loc + 4)
    cen = data.find(b"PK\x01\x02")
    while cen != -1:
        n = struct.unpack_from("<H", data, cen + 28)[0]
        if data[cen + 46:cen + 46 + n] == name:
            struct.pack_into("<I", data, cen + 24, size)
        cen = data.find(b"PK\x01\x02", cen + 4)
    path.write_bytes(bytes(data))


def test_a_bomb_that_lies_about_its_size_is_refused_too(tmp_path):
    bomb = write_xlsx(tmp_path / "liar.xlsx", HEAD, sheet_xml_rows=_bomb_rows(100), level=9)
    _lie_about_size(bomb, "xl/worksheets/sheet1.xml", 1_000_000)
    got, [err] = read_workbook(bomb)
    assert got == [] and err.row is None
    assert "损坏" in err.message or "压缩炸弹" in err.message


def test_more_rows_than_the_limit_are_refused_with_the_number(data_dir, tmp_path, capsys):
    rows = (f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>CT-{r}</t></is></c></row>'
            for r in range(3, limits.MAX_ROWS + 2))
    book = write_xlsx(tmp_path / "rows.xlsx", HEAD, sheet_xml_rows=rows)
    code, out = _import(capsys, book)
    assert code == 2
    [err] = out["errors"]
    assert "200,001 行" in err["message"] and "200,000" in err["message"]


def test_more_declarations_than_the_limit_are_refused_with_the_number(tmp_path):
    n = limits.MAX_DECLARATIONS + 1
    rows = (f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>CT-{r}</t></is></c></row>'
            for r in range(3, n + 3))
    book = write_xlsx(tmp_path / "decls.xlsx", HEAD, sheet_xml_rows=rows)
    got, [err] = read_workbook(book)
    assert got == [] and err.row is None
    assert "100,001" in err.message and "100,000 份" in err.message
    assert "100,000 per file" in err.message_en


def test_a_csv_field_over_the_csv_limit_is_a_cell_error(data_dir, tmp_path, capsys):
    f = tmp_path / "huge.csv"
    f.write_text("contract_no,declarant.uscc,goods.name_cn\n"
                 f"CT-BIG,91310000MA1FL8XQ3T,\"{'货' * 200_000}\"\n"
                 "CT-OK,91310000MA1FL8XQ3T,笔记本电脑\n", encoding="utf-8")
    code, out = _import(capsys, f)
    assert code == 1
    [err] = out["errors"]
    assert (err["row"], err["column"], err["field"]) == (2, "C", "goods[0].name_cn")
    assert "200,000 个字符" in err["message"] and "CT-BIG" in err["message"]
    assert len(out["imported"]) == 1
