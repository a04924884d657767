"""The goods and containers table models, without any widget."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from client.model import Container, GoodsLine
from ui.editor.goods_model import ContainersModel, GoodsTableModel

EDIT = Qt.ItemDataRole.EditRole

# no widgets, but icons and brushes need the (Qt GUI) application object
pytestmark = pytest.mark.usefixtures("qapp")


def _model(codebook, n=0):
    rows = [GoodsLine(seq=i + 1, name_cn=f"货物{i + 1}", currency="USD") for i in range(n)]
    return GoodsTableModel(rows, codes=codebook)


def test_columns_cover_the_listed_goods_fields_with_chinese_headers(codebook):
    m = _model(codebook)
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    for name in ("序号", "HS编码", "货物名称(中文)", "规格型号", "原产国", "数量", "数量单位",
                 "净重(千克)", "毛重(千克)", "货值", "币制", "包装种类", "包装件数", "商品备案号"):
        assert name in headers


def test_set_data_parses_decimals_and_rejects_words(codebook):
    m = _model(codebook, 1)
    col = m.column_of("net_weight_kg")
    rejected = []
    m.rejected.connect(lambda r, c, why: rejected.append((r, c, why)))
    assert m.setData(m.index(0, col), "1,200.500", EDIT)
    assert m.rows[0].net_weight_kg == Decimal("1200.500")
    assert m.data(m.index(0, col)) == "1200.500"
    assert not m.setData(m.index(0, col), "十二公斤", EDIT)
    assert not m.setData(m.index(0, col), "12kg", EDIT)
    assert m.rows[0].net_weight_kg == Decimal("1200.500")  # unchanged
    assert rejected and rejected[0][:2] == (0, col) and "数字" in rejected[0][2]
    assert m.setData(m.index(0, col), "", EDIT)
    assert m.rows[0].net_weight_kg is None


def test_integers_and_codes(codebook):
    m = _model(codebook, 1)
    pc = m.column_of("package_count")
    assert not m.setData(m.index(0, pc), "2.5", EDIT)
    assert m.setData(m.index(0, pc), "12", EDIT) and m.rows[0].package_count == 12
    cur = m.column_of("currency")
    assert m.setData(m.index(0, cur), "cny", EDIT) and m.rows[0].currency == "CNY"
    unit = m.column_of("quantity_unit")
    m.setData(m.index(0, unit), "001", EDIT)
    assert m.data(m.index(0, unit)) == "001 台"  # the name of the code is shown
    assert m.data(m.index(0, unit), EDIT) == "001"


def test_seq_is_not_editable_and_is_renumbered(codebook):
    m = _model(codebook, 3)
    edited = []
    m.edited.connect(lambda: edited.append(1))
    assert not m.flags(m.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not m.setData(m.index(0, 0), "7", EDIT)

    assert m.insertRows(1, 2)
    assert [g.seq for g in m.rows] == [1, 2, 3, 4, 5]
    assert m.rows[1].currency == "USD"  # repeated from the line above
    assert m.rows[3].name_cn == "货物2"

    assert m.removeRows(0, 2)
    assert [g.seq for g in m.rows] == [1, 2, 3]
    assert [g.name_cn for g in m.rows] == [None, "货物2", "货物3"]

    assert m.duplicate_row(1)
    assert [g.name_cn for g in m.rows] == [None, "货物2", "货物2", "货物3"]
    assert [g.seq for g in m.rows] == [1, 2, 3, 4]
    assert m.rows[1] is not m.rows[2]
    assert len(edited) == 3
    assert not m.removeRows(3, 5)


def test_edits_go_into_the_declaration_list(codebook):
    goods = [GoodsLine(seq=1)]
    m = GoodsTableModel(codes=codebook)
    m.set_rows(goods)
    m.insertRows(1, 1)
    m.setData(m.index(1, m.column_of("name_cn")), "  葡萄酒 ", EDIT)
    assert len(goods) == 2 and goods[1].name_cn == "葡萄酒"


def test_read_only_model_refuses_changes(codebook):
    m = _model(codebook, 1)
    m.read_only = True
    assert not m.flags(m.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert not m.setData(m.index(0, 2), "x", EDIT)
    assert not m.insertRows(0, 1)
    assert not m.removeRows(0, 1)


def test_markers_on_cells(codebook):
    from client.rules import Issue
    m = _model(codebook, 2)
    col = m.column_of("net_weight_kg")
    issue = Issue("E1501", "error", "goods[1].net_weight_kg", "净重不能大于毛重", "net > gross")
    m.set_issues({(1, "net_weight_kg"): [issue]})
    assert m.issue_at(1, "net_weight_kg") == "error"
    assert m.data(m.index(1, col), Qt.ItemDataRole.ToolTipRole) == "净重不能大于毛重"
    assert m.data(m.index(1, col), Qt.ItemDataRole.BackgroundRole) is not None
    assert m.data(m.index(0, col), Qt.ItemDataRole.BackgroundRole) is None
    m.set_issues({})
    assert m.issue_at(1, "net_weight_kg") == ""


def test_containers_model_normalises_numbers(codebook):
    m = ContainersModel([Container(number=None, size_type="45G1")], codes=codebook)
    assert m.setData(m.index(0, 0), "csqu 305438 3", EDIT)
    assert m.rows[0].number == "CSQU3054383"
    m.insertRows(1, 1)
    assert m.rows[1].size_type == "45G1"
    assert m.headerData(0, Qt.Orientation.Horizontal) == "集装箱号"
