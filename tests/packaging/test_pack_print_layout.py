"""The printed 报检单 layout (pure Python): labels of the official form, values, pagination."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from client.interchange.print_layout import (FIRST_PAGE_GOODS, NO_NUMBER, PAGE_H, PAGE_W,
                                             build_layout)
from client.model import Attachment
from client.rules.sample import sample_declaration

INBOUND_LABELS = [
    "报检单位（加盖公章）：", "报检单位登记号：", "联系人：", "电话：", "报检日期：", "*编  号",
    "收货人", "发货人", "(中文)", "(外文)", "货物名称(中/外文)", "H.S.编码", "原产国(地区)",
    "数/重量", "货物总值", "包装种类及数量", "运输工具名称号码", "合同号", "贸易方式",
    "贸易国别(地区)", "提单/运单号", "到货日期", "启运国家(地区)", "许可证/审批号", "卸毕日期",
    "启运口岸", "入境口岸", "索赔有效期至", "经停口岸", "目的地", "集装箱规格、数量及号码",
    "合同订立的特殊条款\n以及其他要求", "货物存放地点", "用途", '随附单据(划"✓"或补填)',
    "标记及号码", '需要证单名称\n(划"✓"或补填)', "*检验检疫费", "报检人郑重声明：", "签名：",
    "领 取 证 单",
]
OUTBOUND_LABELS = [
    "发货人", "收货人", "产地", "输往国家(地区)", "离境口岸", "到达口岸", "启运地", "发货日期",
    "生产单位注册号", "信用证号", "合同号", "货物存放地点", "用途", "H.S.编码",
    "合同、信用证订立的\n检验检疫条款或特殊要求", '随附单据(划"✓"或补填)', "*检验检疫费",
]


@pytest.fixture
def inbound30():
    d = sample_declaration("inbound", 30)
    for g in d.goods:  # ten licence numbers would add a 附页 (tested on its own below)
        g.licences = []
    d.inspection_no = "310000126000123"
    d.attachments.append(Attachment(type="101002", file_name="invoice.pdf"))
    d.remarks = "到货后30日内完成检验"
    return d


def test_pack_thirty_goods_lines_continue_onto_a_second_sheet(inbound30, codebook):
    layout = build_layout(inbound30, codebook, date(2026, 11, 26))
    assert len(layout.pages) >= 2
    first, *rest = layout.pages
    assert first.goods_seqs == list(range(1, FIRST_PAGE_GOODS + 1))
    printed = [s for p in layout.pages for s in p.goods_seqs]
    assert printed == list(range(1, 31)), "every goods line exactly once, in order"
    # the first sheet says where the rest went
    assert f"第 {FIRST_PAGE_GOODS + 1}–30 项见续页" in first.all_text()
    for p in layout.pages:
        assert f"第 {p.number} 页 / 共 {len(layout.pages)} 页" in p.all_text()


def test_pack_continuation_sheets_repeat_the_header(inbound30, codebook):
    layout = build_layout(inbound30, codebook, date(2026, 11, 26))
    for p in layout.pages[1:]:
        text = p.all_text()
        assert "入境货物报检单（续页）" in text
        assert "中华人民共和国出入境检验检疫" in text
        assert p.values()["inspection_no"] == "310000126000123"
        assert p.values()["contract_no"] == "CT2026-SH-0001"
        for col in ("货物名称(中/外文)", "H.S.编码", "原产国(地区)", "数/重量", "货物总值",
                    "包装种类及数量"):
            assert col in p.labels()
    assert "共 30 项货物" in layout.pages[-1].all_text()


def test_pack_every_inbound_label_of_the_form_is_printed(inbound30, codebook):
    labels = build_layout(inbound30, codebook).pages[0].labels()
    missing = [lab for lab in INBOUND_LABELS if lab not in labels]
    assert not missing


def test_pack_every_outbound_label_of_the_form_is_printed(codebook):
    d = sample_declaration("outbound", 2)
    page = build_layout(d, codebook).pages[0]
    missing = [lab for lab in OUTBOUND_LABELS if lab not in page.labels()]
    assert not missing
    assert "出  境  货  物  报  检  单" in page.all_text()
    assert page.values()["origin_district"] == "上海市浦东新区"
    assert page.values()["destination_country"] == "德国"
    assert page.values()["lc_no"] == "LC2026-SH-0001"


def test_pack_values_are_placed_with_code_names_resolved(inbound30, codebook):
    page = build_layout(inbound30, codebook, date(2026, 11, 26)).pages[0]
    v = page.values()
    assert v["inspection_no"] == "310000126000123"
    assert v["declarant.name_cn"] == "上海远航贸易有限公司"
    assert v["declared_on"] == "2026年11月26日"
    assert v["consignor.name_en"] == "Hanse Trading GmbH"
    assert v["trade_mode"] == "一般贸易"
    assert v["trade_country"] == "德国"
    assert v["destination_district"] == "上海市浦东新区"
    assert v["purpose"] == "其他"
    assert v["arrival_date"] == "2026年11月02日"
    assert v["containers"] == "45G1 × 1：CSQU3054383"
    assert v["remarks"] == "到货后30日内完成检验"
    assert v["goods[0].hs_code"] == "8471300000"
    assert v["goods[0].origin_country"] == "德国"
    assert v["goods[0].quantity"] == "100 台\n1,200.500 千克"
    assert v["goods[0].value"] == "35,000.00\n美元"
    assert "COSCO SHIPPING ARIES/012E" in v["transport_name"]
    assert "水路运输" in v["transport_name"]
    checks = {c.source: c.checked for c in page.checks}
    assert checks["attachments:101001"] and checks["attachments:101002"]
    assert not checks["attachments:101004"]
    assert checks["certificates:21"] and not checks["certificates:11"]
    assert "certificates:20" not in checks, "出境货物换证凭单 is an outbound certificate"
    assert v["certificates:21.originals"] == "1"


def test_pack_a_draft_prints_without_a_number(codebook):
    d = sample_declaration("inbound", 1)
    layout = build_layout(d, codebook)
    assert len(layout.pages) == 1
    assert layout.pages[0].values()["inspection_no"] == NO_NUMBER


def test_pack_everything_lies_on_the_a4_sheet(inbound30, codebook):
    for p in build_layout(inbound30, codebook).pages:
        for item in [*p.rects, *p.texts]:
            assert 0 <= item.x and item.x + item.w <= PAGE_W + 0.01
            assert 0 <= item.y and item.y + item.h <= PAGE_H + 0.01


def test_pack_layout_stays_qt_free():
    import subprocess
    import sys
    code = ("import sys, client.interchange.print_layout, client.cli.print_cmd;"
            "print([m for m in sys.modules if m.startswith('PySide6')])")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=root)
    assert out.stdout.strip() == "[]"


def test_pack_a_broker_files_and_stamps_for_its_principal(codebook):
    from client.model import Party
    d = sample_declaration("inbound", 1)
    d.agent = Party(name_cn="上海通关代理有限公司", reg_no="3100900001")
    v = build_layout(d, codebook).pages[0].values()
    assert v["agent.name_cn"] == "上海通关代理有限公司（代理报检，委托人：上海远航贸易有限公司）"
    assert v["agent.reg_no"] == "3100900001"
    assert "declarant.name_cn" not in v


def test_pack_values_too_long_for_their_box_continue_on_an_attached_sheet(codebook):
    from client.interchange.print_layout import OVERFLOW_NOTE
    d = sample_declaration("inbound", 3)
    d.remarks = ("合同第12条：货物须附原产地证书及品质证书；到货后30日内由收货人申请检验，"
                 "检验不合格的，收货人有权在索赔期内向发货人提出索赔。") * 4
    d.goods[1].name_en = ("Smartphone, 6.7 inch OLED display, 256 GB storage, dual SIM, "
                          "5G, with charger and USB-C cable, retail packed, assorted colours")
    layout = build_layout(d, codebook)
    first, attached = layout.pages[0], layout.pages[-1]
    assert len(layout.pages) == 2
    assert first.values()["remarks"].endswith(OVERFLOW_NOTE)
    assert first.values()["goods[1].name_cn"].endswith(OVERFLOW_NOTE)
    assert "附页：以下栏目内容超出栏位，全文如下" in attached.labels()
    full = [t.text for t in attached.texts if t.source == "overflow"]
    assert d.remarks in full
    assert any(d.goods[1].name_en in t for t in full)
    assert "第 2 项 货物名称(中/外文)" in attached.labels()
    assert "第 2 页 / 共 2 页" in attached.all_text()


def test_pack_ordinary_values_need_no_attached_sheet(codebook):
    d = sample_declaration("outbound", 5)
    d.marks = "YUANHANG/SHANGHAI/C-NO.1-100/MADE IN CHINA"
    layout = build_layout(d, codebook)
    assert len(layout.pages) == 1
    assert "附页" not in layout.pages[0].all_text()


def test_pack_ciq_boxes_are_filled_from_the_model(codebook):
    """许可证/审批号, 经停口岸, 外商投资财产, 生产单位注册号 and the 通关单号 (issue 13)."""
    from client.model import Licence, Producer

    d = sample_declaration("inbound", 2, seed=71)
    d.goods[0].licences = [Licence("325", "A3100260001"), Licence("519", "CHN0001")]
    d.goods[1].licences = [Licence("325", "A3100260001")]  # the same licence printed once
    d.stopover_port = "KRPUS"
    d.foreign_investment = True
    d.clearance_doc_no = "310000226000000123"
    page = build_layout(d, codebook, date(2026, 11, 26)).pages[0]
    values = page.values()
    assert values["goods[].licences"] == "A3100260001；CHN0001"
    assert values["stopover_port"] == "KRPUS"
    assert values["clearance_doc_no"] == "通关单号：310000226000000123"
    ticks = {c.source: c.checked for c in page.checks if c.source.startswith("foreign_inv")}
    assert ticks == {"foreign_investment:是": True, "foreign_investment:否": False}

    out = sample_declaration("outbound", 2, seed=72)
    out.goods[0].producer = Producer("某食品厂", "3100/02001")
    out.goods[1].producer = Producer("某食品厂二厂", "3100/02002")
    page = build_layout(out, codebook, date(2026, 11, 26)).pages[0]
    assert page.values()["goods[].producer.reg_no"] == "3100/02001、3100/02002"
    assert "clearance_doc_no" not in page.values()  # none issued yet: no box text
    assert not any(c.checked for c in page.checks if c.source.startswith("foreign_inv"))


def test_pack_many_licence_numbers_go_in_full_to_the_attached_sheet(codebook):
    """Thirty lines with ten licences: the 许可证/审批号 box cannot hold the numbers, the
    附页 lists every one of them."""
    d = sample_declaration("inbound", 30)
    numbers = sorted({lic.number for g in d.goods for lic in g.licences if lic.number})
    assert len(numbers) >= 6
    layout = build_layout(d, codebook, date(2026, 11, 26))
    last = layout.pages[-1].all_text()
    assert "附页" in last and all(n in last for n in numbers)
