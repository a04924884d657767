"""The @2 goods-line columns (issue 13) in the Excel template and CSV: written, read back."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from batch_helpers import fill, rows_of
from client.cli.main import main
from client.interchange.cells import CellError, reader_for
from client.interchange.columns import BY_PATH, columns_for
from client.interchange.excel_import import read_workbook
from client.interchange.listcells import (format_pairs, format_seq_groups, parse_pairs,
                                          parse_seq_groups)
from client.model import Dangerous, Licence, Producer, Qualification
from client.rules.sample import sample_declaration


def ciq_declaration(direction="outbound", seed=61):
    d = sample_declaration(direction, 2, seed=seed)
    g = d.goods[0]
    g.ciq_code = "101"
    g.goods_attributes = ["31", "20"]
    g.licences = [Licence("425", "PKG-2026-0001"), Licence("426", None)]
    g.dangerous = Dangerous("UN1993", "易燃液体", "3", "2", "4G")
    g.producer = Producer("上海某化工有限公司", "3100/03012")
    g.batch_no = "B20261130"
    g.production_date = date(2026, 11, 1)
    g.std_quantity = Decimal("1200.5")
    g.std_unit = "035"
    d.enterprise_qualifications = [Qualification("1", "QY-01"), Qualification("3", "QY-03")]
    d.customs_decl_no = "310120261000012345"
    d.stopover_port = "SGSIN"
    d.clearance_doc_no = "310000226000000123"
    d.containers[0].goods_seqs = [1, 2] if d.containers else []
    return d


def _same_new_fields(a, b):
    for ga, gb in zip(a.goods, b.goods):
        for f in ("ciq_code", "goods_attributes", "licences", "dangerous", "producer",
                  "batch_no", "production_date", "std_quantity", "std_unit"):
            assert getattr(gb, f) == getattr(ga, f), f
    assert b.enterprise_qualifications == a.enterprise_qualifications
    assert b.customs_decl_no == a.customs_decl_no and b.stopover_port == a.stopover_port
    assert [c.goods_seqs for c in b.containers] == [c.goods_seqs for c in a.containers]


def test_list_cells_text_form():
    assert parse_pairs("325:ABC123，411 ；410：X") == [("325", "ABC123"), ("411", None),
                                                     ("410", "X")]
    assert format_pairs([Licence("325", "ABC123"), Licence("411", None)]) == "325:ABC123,411"
    assert parse_seq_groups("1/2,3") == [[1, 2], [3]]
    assert format_seq_groups([[1, 2], [3]]) == "1/2,3"
    with pytest.raises(ValueError):
        parse_seq_groups("1/x")


def test_bad_list_cells_are_refused_with_the_form_to_write():
    with pytest.raises(CellError) as e:
        reader_for(BY_PATH["goods.licences"])(":ABC123")
    assert "类别:编号" in e.value.message_zh
    with pytest.raises(CellError) as e:
        reader_for(BY_PATH["containers.goods_seqs"])("1/二")
    assert "1/2,3" in e.value.message_zh


def test_template_has_the_new_columns_in_the_right_direction():
    inbound = {c.path for c in columns_for("inbound")}
    outbound = {c.path for c in columns_for("outbound")}
    for p in ("goods.goods_attributes", "goods.licences", "goods.dangerous.un_no",
              "goods.dangerous.class", "goods.producer.reg_no", "goods.batch_no",
              "goods.production_date", "goods.std_quantity", "goods.std_unit",
              "containers.goods_seqs", "enterprise_qualifications", "customs_decl_no",
              "stopover_port", "clearance_doc_no"):
        assert p in inbound and p in outbound, p
    assert "foreign_investment" in inbound and "foreign_investment" not in outbound
    assert BY_PATH["goods.licences"].label() == "产品资质(类别:编号,逗号分隔)"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_new_columns_round_trip_through_export_and_import(desk, tmp_path, suffix):
    from client.interchange.excel_export import export_workbook

    d = ciq_declaration()
    desk.save_draft(d)
    out = tmp_path / f"ciq{suffix}"
    export_workbook(desk, [d.id], out)
    [(got, _)], problems = read_workbook(out)
    assert problems == []
    _same_new_fields(d, got)
    assert got.clearance_doc_no is None  # platform-assigned: exported, never imported


def test_a_broker_types_the_new_columns_into_the_template(data_dir, tmp_path, capsys):
    d = ciq_declaration("inbound", seed=62)
    d.foreign_investment = True
    d.clearance_doc_no = None
    rows = rows_of(d, "inbound")
    rows[0]["goods.goods_attributes"] = "31、20"          # 、 as brokers separate lists
    rows[0]["goods.licences"] = "425：PKG-2026-0001，426"   # full-width colon and comma
    rows[0]["foreign_investment"] = "是"
    book = tmp_path / "t.xlsx"
    assert main(["template", "--out", str(book), "--direction", "inbound"]) == 0
    capsys.readouterr()
    fill(book, rows)
    [(got, _)], problems = read_workbook(book)
    assert problems == []
    _same_new_fields(d, got)
    assert got.foreign_investment is True
