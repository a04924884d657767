"""Reference data: built-in tables, lookups, pickers' search, atomic replacement."""
from __future__ import annotations

import hashlib

import pytest

from client.codes import TABLES, CodeBook, CodeTableError


def test_every_builtin_table_loads_with_a_version(codebook):
    versions = codebook.versions()
    for name in TABLES:
        t = codebook.table(name)
        assert len(t) > 0, name
        assert versions[name] == t.version


def test_lookups_from_starter_tables_and_standards(codebook):
    assert codebook.bureaus.get("310000").name_cn == "上海出入境检验检疫局"
    assert codebook.countries.get("DEU").name_cn == "德国"
    assert codebook.currencies.get("USD").name_cn == "美元"
    assert codebook.districts.get("440300").name_cn == "深圳市"
    assert codebook.hs6_exists("847130") and not codebook.hs6_exists("010110")
    assert codebook.direction_of("inspection_types", "13") == "inbound"
    assert codebook.direction_of("certificates", "20") == "outbound"


def test_regions_and_credit_grades(codebook):
    assert codebook.regions_of("320000") == {"SCL", "CJJ"}  # Jiangsu is in two regions
    assert codebook.same_region("110000", "130000")
    assert not codebook.same_region("110000", "440000")
    assert codebook.grade_allows("AA", "direct_modes") is True
    assert codebook.grade_allows("C", "cross_bureau_declaration") is False
    assert codebook.grade_allows("Z", "direct_modes") is None


def test_negative_list_matches_longest_prefix(codebook):
    cat, name, prefix = codebook.negative_list_match("0101210000")
    assert cat == "1" and prefix == "01"
    assert codebook.negative_list_match("2530900000")[2] == "253090"
    assert codebook.negative_list_match("8471300000") is None


@pytest.mark.parametrize("table,query,expect", [
    ("bureaus", "3100", "310000"),
    ("bureaus", "上海", "310000"),
    ("bureaus", "shanghai", "310000"),
    ("countries", "德国", "DEU"),
    ("countries", "germany", "DEU"),
    ("currencies", "CNY", "CNY"),
    ("hs2022", "8471", "8471"),
    ("hs2022", "horses", "0101"),
    ("districts", "深圳", "440300"),
])
def test_picker_search_by_code_chinese_and_english(codebook, table, query, expect):
    hits = codebook.table(table).search(query, limit=20)
    assert expect in [h.code for h in hits]


def test_exact_code_comes_first(codebook):
    assert codebook.units.search("035")[0].code == "035"


def test_replace_table_atomically_and_refuse_bad_versions():
    book = CodeBook()
    old = book.bureaus
    csv_text = book.builtin_csv("bureaus") + "990000,测试出入境检验检疫局,Test\n"
    sha = hashlib.sha256(csv_text.encode()).hexdigest()
    new = book.replace("bureaus", "2027.1", csv_text, sha)
    assert book.bureaus is new and "990000" in book.bureaus and "990000" not in old
    assert book.versions()["bureaus"] == "2027.1"
    with pytest.raises(CodeTableError):
        book.replace("bureaus", "2027.2", csv_text, "0" * 64)  # hash mismatch
    with pytest.raises(CodeTableError):
        book.replace("bureaus", "2027.3", "nonsense\n")  # no code column
    assert book.bureaus is new  # the table in force is untouched


def test_stored_override_is_used_and_a_broken_one_falls_back(tmp_path):
    base = CodeBook()
    text = base.builtin_csv("units") + "999,测试单位,test unit\n"
    book = CodeBook(overrides={"units": ("2027.1", "", text)})
    assert "999" in book.units and book.units.source == "platform"
    broken = CodeBook(overrides={"units": ("2027.2", "", "")})
    assert "035" in broken.units and broken.units.source == "builtin"


def test_every_code_the_editor_offers_has_an_english_name(codebook):
    """Issue 18 item 12: the English UI showed "13 入境检验检疫". Tables whose official CSV
    is Chinese only get English names from resources/codes/names_en.csv (by code), which
    changes neither their version nor their hash."""
    for name in ("inspection_types", "attachment_types", "certificates", "purposes",
                 "package_types", "currencies", "countries", "units", "trade_modes",
                 "transport_modes", "bureaus"):
        missing = [e.code for e in codebook.table(name).entries if not e.name_en]
        assert not missing, (name, missing)
    assert codebook.inspection_types.get("13").label("en") == "13 inbound inspection and quarantine"
    assert codebook.inspection_types.get("13").label("zh") == "13 入境检验检疫"


def test_english_names_survive_a_table_from_the_platform(codebook):
    from client.codes import CodeBook
    book = CodeBook()
    t = book.replace("package_types", "2099.1.0", book.builtin_csv("package_types"))
    assert t.get("06").name_en == "bale / bag" and t.version == "2099.1.0"


def test_a_table_reads_as_the_csv_module_reads_it():
    """parse_csv reads rows itself (speed): blank lines, short and long rows and stray
    spaces come out as csv.DictReader gives them, stripped."""
    import csv
    import io

    from client.codes import parse_csv
    text = "\ufeffcode,name_cn,name_en\r\n 01 , 甲 ,A\r\n\r\n02,乙\r\n03,丙,C,extra\r\n\"0,4\",\" 丁 \",D\r\n"
    expected = [{k: (v or "").strip() for k, v in r.items() if k is not None}
                for r in csv.DictReader(io.StringIO(text[1:]))]
    assert parse_csv(text) == expected
    assert parse_csv(text)[1] == {"code": "02", "name_cn": "乙", "name_en": ""}
    assert parse_csv(text)[3]["code"] == "0,4"
