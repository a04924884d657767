"""The engine, the registry, the sample declaration and behaviours the table does not pin
down (exact wording, context handling, code-table replacement)."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from client.codes import CodeBook
from client.model import to_dict
from client.rules import Issue, RuleContext, summarize, validate, validate_raw
from client.rules import engine
from client.rules.registry import FAMILIES, FAMILY_TITLES, load_all
from client.rules.sample import sample_declaration
from rules_testkit import codes_of, ctx, fields_of


# ----------------------------------------------------------------------- sample
@pytest.mark.parametrize("direction", ["inbound", "outbound"])
@pytest.mark.parametrize("goods", [1, 5, 50])
def test_sample_declaration_is_valid(direction, goods, codebook):
    d = sample_declaration(direction, goods)
    assert d.direction == direction and len(d.goods) == goods
    assert validate(d, ctx(codebook)) == []
    assert validate(d, RuleContext(codes=codebook)) == []  # no grade needed for standard


@pytest.mark.parametrize("direction", ["inbound", "outbound"])
def test_sample_declaration_seeds_vary_and_stay_valid(direction, codebook):
    decls = [sample_declaration(direction, 3, seed=s) for s in range(40)]
    assert len({d.contract_no for d in decls}) == 40
    assert len({d.containers[0].number for d in decls}) > 30
    assert len({d.id for d in decls}) == 40
    for d in decls:
        assert validate(d, ctx(codebook)) == []
    again = sample_declaration(direction, 3, seed=7)
    assert to_dict(again) | {"id": None} == to_dict(decls[7]) | {"id": None}


def test_sample_parties_are_separate_objects():
    d = sample_declaration("inbound")
    assert d.declarant == d.consignee and d.declarant is not d.consignee


# ----------------------------------------------------------------------- engine API
def test_issue_to_dict_and_summarize(codebook):
    d = sample_declaration("inbound")
    d.contract_no = None
    d.goods[0].currency = "RMB"
    d.departure_port = "JPTYO"  # W1516
    issues = validate(d, ctx(codebook))
    assert [i.severity for i in issues] == sorted((i.severity for i in issues),
                                                  key=lambda s: s != "error")
    assert summarize(issues) == (False, 2, 1)
    dd = issues[0].to_dict()
    assert set(dd) == {"code", "severity", "field", "message_zh", "message_en"}
    assert Issue.from_dict(dd) == issues[0]
    assert summarize([]) == (True, 0, 0)


def test_validate_raw_round_trip_and_non_objects(codebook):
    decl, issues = validate_raw(to_dict(sample_declaration("outbound", 5)), ctx(codebook))
    assert decl is not None and issues == []
    for junk in (None, 3, "x", [], [{}]):
        decl, issues = validate_raw(junk, ctx(codebook))
        assert decl is None and codes_of(issues) == {"E0002"}


def test_parse_issues_are_reported_with_rule_issues(codebook):
    obj = to_dict(sample_declaration("inbound", 2))
    obj["goods"][1]["net_weight_kg"] = 12.5          # a float: refused by the model
    obj["arrival_date"] = "2026-02-30"
    obj["contract_no"] = None
    _, issues = validate_raw(obj, ctx(codebook))
    assert {"E0004", "E0006", "E1014", "E1024"} <= codes_of(issues)
    assert "goods[1].net_weight_kg" in fields_of(issues, "E0004")


def test_context_without_codes_uses_builtin_tables():
    assert validate(sample_declaration("inbound"), RuleContext(codes=None)) == []


def test_a_crashing_rule_becomes_a_warning_not_an_exception(monkeypatch, codebook, caplog):
    def broken(decl, ctx):
        raise RuntimeError("boom")

    rules = (broken,) + engine._rule_fns()
    monkeypatch.setattr(engine, "_select", lambda decl, ctx, lk: rules)
    issues = validate(sample_declaration("inbound"), ctx(codebook))
    assert [i.code for i in issues] == ["W9999"]
    assert "boom" in caplog.text


def test_replaced_code_table_takes_effect(codebook):
    book = CodeBook()
    d = sample_declaration("inbound")
    assert validate(d, ctx(book)) == []
    book.replace("transport_modes", "2099.1", "code,name_cn,name_en\n5,航空运输,air\n")
    assert fields_of(validate(d, ctx(book)), "E1406") == ["transport_mode"]


# ----------------------------------------------------------------------- registry
def test_codes_follow_the_scheme():
    prefixes = {fam: FAMILY_TITLES[fam][0] for fam in FAMILIES}
    for code, info in load_all().items():
        assert re.fullmatch(r"[EW][12]\d{3}", code), code  # E10xx–E19xx, E20xx (issue 13)
        assert code[0] == ("E" if info.severity == "error" else "W")
        assert code[1:3] == prefixes[info.family], (code, info.family)
        assert info.summary_zh and info.summary_en and info.field


def test_rule_count_is_substantial():
    assert len(load_all()) >= 100


# ----------------------------------------------------------------------- wording
def test_net_weight_message_names_line_and_values(codebook):
    d = sample_declaration("inbound")
    d.goods[0].net_weight_kg = Decimal("26000.000")
    d.goods[0].gross_weight_kg = Decimal("25200.500")
    (i,) = [i for i in validate(d, ctx(codebook)) if i.code == "E1501"]
    assert i.field == "goods[0].net_weight_kg"
    assert i.message_zh.startswith("净重不能大于毛重：第1项货物净重 26000.000 千克，毛重 25200.500 千克")
    assert "26000.000 kg" in i.message_en


def test_messages_name_the_field_and_value(codebook):
    d = sample_declaration("inbound", 2)
    d.goods[1].hs_code = "84713000"
    (i,) = [i for i in validate(d, ctx(codebook)) if i.code == "E1213"]
    assert "第2项货物HS编码" in i.message_zh and "84713000" in i.message_zh
    assert "goods line 2 HS code" in i.message_en and "84713000" in i.message_en


def test_mail_needs_no_bill_of_lading(codebook):
    d = sample_declaration("inbound")
    d.bl_no = None
    assert "E1015" in codes_of(validate(d, ctx(codebook)))
    d.transport_mode = "6"
    assert "E1015" not in codes_of(validate(d, ctx(codebook)))


def test_outbound_needs_no_bill_of_lading(codebook):
    d = sample_declaration("outbound")
    assert d.bl_no is None
    assert validate(d, ctx(codebook)) == []


# ----------------------------------------------------------------------- credit
def _direct(d):
    d.clearance_mode = "import_direct"
    d.port_bureau, d.inspect_bureau, d.declare_bureau, d.release_bureau = (
        "310000", "320000", "320000", "320000")
    return d


def test_unknown_grade_is_only_a_warning(codebook):
    d = _direct(sample_declaration("inbound"))
    issues = validate(d, ctx(codebook, credit_grade=None, grade_synced_at=None))
    assert codes_of(issues) == {"W1701"}
    assert summarize(issues)[0] is True
    assert "尚未" in issues[0].message_zh and "not been synced" in issues[0].message_en


def test_standard_declaration_needs_no_grade(codebook):
    issues = validate(sample_declaration("inbound"), ctx(codebook, credit_grade=None))
    assert issues == []


def test_refusal_mentions_the_age_of_an_old_grade(codebook):
    d = _direct(sample_declaration("inbound"))
    old = datetime(2026, 11, 6, 9, 30, tzinfo=timezone.utc)  # 20 days before TODAY
    issues = validate(d, ctx(codebook, credit_grade="C", grade_synced_at=old))
    assert codes_of(issues) == {"E1702", "W1704"}
    refusal = [i for i in issues if i.code == "E1702"][0]
    assert "20天前" in refusal.message_zh and "20 days ago" in refusal.message_en


def test_fresh_grade_has_no_age_warning(codebook):
    d = _direct(sample_declaration("inbound"))
    recent = datetime(2026, 11, 21, tzinfo=timezone.utc)   # 5 days
    assert validate(d, ctx(codebook, credit_grade="AA", grade_synced_at=recent)) == []
    issues = validate(d, ctx(codebook, credit_grade="A", grade_synced_at=None))
    assert codes_of(issues) == {"W1704"} and "未知" in issues[0].message_zh


def test_grade_is_case_insensitive(codebook):
    d = _direct(sample_declaration("inbound"))
    assert codes_of(validate(d, ctx(codebook, credit_grade="c"))) == {"E1702"}


# ----------------------------------------------------------------------- e-commerce
def test_negative_list_names_the_category(codebook):
    d = sample_declaration("inbound", 2)
    d.ecommerce, d.trade_mode = True, "9610"
    for g in d.goods:
        g.product_reg_no = "P001"
    d.goods[1].hs_code = "9303100000"   # category 8 (firearms), prefix 9303
    issues = validate(d, ctx(codebook))
    (i,) = [i for i in issues if i.code == "E1801"]
    assert i.field == "goods[1].hs_code"
    assert "第8类" in i.message_zh and "9303" in i.message_zh
    assert "category 8" in i.message_en
    d.ecommerce = False
    d.trade_mode = "0110"
    assert "E1801" not in codes_of(validate(d, ctx(codebook)))


# ----------------------------------------------------------------------- attachments
def test_stored_size_wins_over_declared_size(codebook):
    d = sample_declaration("inbound")
    sha = d.attachments[0].sha256
    d.attachments[0].size = 10
    big = ctx(codebook, attachment_sizes={sha: 4 * 1024 * 1024 + 1})
    assert fields_of(validate(d, big), "E1902") == ["attachments[0].size"]
    d.attachments[0].size = 10 * 1024 * 1024
    small = ctx(codebook, attachment_sizes={sha: 1000})
    assert validate(d, small) == []


def test_pdf_extension_is_case_insensitive(codebook):
    d = sample_declaration("inbound")
    d.attachments[0].file_name = "CONTRACT.PDF"
    assert validate(d, ctx(codebook)) == []


# ----------------------------------------------------------------------- integration
def test_cross_region_release_is_refused_but_same_region_allowed(codebook):
    d = sample_declaration("inbound")
    d.release_bureau = "330000"  # 浙江, 长江经济带 like 上海
    assert validate(d, ctx(codebook)) == []
    d.release_bureau = "110000"  # 北京
    assert fields_of(validate(d, ctx(codebook)), "E1608") == ["release_bureau"]


def test_bureau_in_two_regions(codebook):
    """江苏 320000 is in 长江经济带 and 丝绸之路经济带: direct with 山东 370000 is fine."""
    d = sample_declaration("inbound")
    d.clearance_mode = "import_direct"
    d.port_bureau, d.inspect_bureau, d.declare_bureau, d.release_bureau = (
        "370000", "320000", "320000", "320000")
    assert validate(d, ctx(codebook)) == []
