"""Property tests: any input shape yields issues and never an exception; generated valid
declarations yield no error."""
from __future__ import annotations

import json
import re
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stdnum import iso6346

from client.ciq import ciq_lookup
from client.codes import default_codebook
from client.model import (GOODS_FIELDS, HEADER_FIELDS, PARTY_FIELDS, Attachment,
                          CertificateRequest, Container, to_dict)
from client.rules import Issue, validate, validate_raw
from client.rules._common import fresh_lookups
from client.rules.sample import sample_declaration, satisfy_catalogue
from rules_testkit import ctx, fast_and_slow

CB = default_codebook()
LK = fresh_lookups(CB)
CIQ = ciq_lookup(CB)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# ------------------------------------------------------------------ malformed input
ODD_TEXT = ["", " ", "\x00", "\ud800", "\u202e", "\ufeff", "\u3000", "x" * 5000, "١٢٣", "Ⅻ",
            "310000", "inbound", "outbound", "import_direct", "export_direct", "8471300000",
            "CSQU3054383", "CNSHA", "DEHAM", "2026-02-30", "2026-11-20", "-1", "1e999",
            "0.0000000001", "NaN", "null", "[]", "{}", "01", "00", "PDF", "a.pdf", "9" * 40]

leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(min_value=-10**30, max_value=10**30),
                 st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
                 st.sampled_from(ODD_TEXT), st.sampled_from([2**63, -2**63, 10**40]))
junk = st.recursive(leaf, lambda c: st.lists(c, max_size=4)
                    | st.dictionaries(st.text(max_size=8), c, max_size=4), max_leaves=12)


def _obj(names):
    return st.fixed_dictionaries({}, optional={n: junk for n in names})


decl_shaped = st.fixed_dictionaries({}, optional={
    **{n: junk for n in HEADER_FIELDS},
    "declarant": st.one_of(junk, _obj(PARTY_FIELDS)),
    "consignee": st.one_of(junk, _obj(PARTY_FIELDS)),
    "declarer": st.one_of(junk, _obj(("name", "phone", "cert_no"))),
    "goods": st.one_of(junk, st.lists(st.one_of(_obj(GOODS_FIELDS), junk), max_size=4)),
    "containers": st.one_of(junk, st.lists(_obj(("number", "size_type")), max_size=3)),
    "attachments": st.one_of(junk, st.lists(_obj(("type", "file_name", "sha256", "size")),
                                            max_size=3)),
    "certificates": st.one_of(junk, st.lists(_obj(("type", "originals", "copies")),
                                             max_size=3)),
})


def _check_issues(issues):
    assert isinstance(issues, list)
    for i in issues:
        assert isinstance(i, Issue)
        assert i.severity in ("error", "warning")
        assert i.code != "W9999", f"a rule crashed: {i}"
        assert isinstance(i.field, str) and i.message_zh and i.message_en
        json.dumps(i.to_dict(), ensure_ascii=False)


@SETTINGS
@given(st.one_of(junk, decl_shaped))
def test_any_json_shape_yields_issues_never_an_exception(data):
    decl, issues = validate_raw(data, ctx(CB))
    _check_issues(issues)
    if not isinstance(data, dict):
        assert decl is None and issues


@SETTINGS
@given(st.sampled_from(["inbound", "outbound"]), st.data())
def test_valid_declaration_with_junk_spliced_in(direction, data):
    obj = to_dict(sample_declaration(direction, goods=2, seed=data.draw(st.integers(0, 99))))
    for name in data.draw(st.lists(st.sampled_from(GOODS_FIELDS), max_size=4)):
        obj["goods"][data.draw(st.integers(0, 1))][name] = data.draw(junk)
    for name in data.draw(st.lists(st.sampled_from(PARTY_FIELDS), max_size=2)):
        obj["declarant"][name] = data.draw(junk)
    for name in data.draw(st.lists(st.sampled_from(HEADER_FIELDS), max_size=4)):
        obj[name] = data.draw(junk)
    c = ctx(CB, credit_grade=data.draw(st.sampled_from([None, "A", "C", "zz", ""])))
    decl, issues = validate_raw(obj, c)
    _check_issues(issues)
    if decl is not None:
        _both_ways(decl, c)  # the fast paths change nothing


def test_absurd_numbers_and_nesting_yield_issues():
    obj = to_dict(sample_declaration("inbound", goods=2))
    big = 10**5000
    obj["goods"][0]["seq"] = big
    obj["goods"][1]["package_count"] = -big
    obj["attachments"][0]["size"] = big
    obj["certificates"][0]["originals"] = big
    obj["goods"][0]["value"] = "9" * 100_000 + ".123"
    obj["goods"][1]["net_weight_kg"] = "0." + "0" * 100_000 + "1"
    _, issues = validate_raw(obj, ctx(CB))
    _check_issues(issues)
    # each absurd value is pointed at (as unreadable, or by the rule it breaks)
    flagged = {i.field for i in issues if i.severity == "error"}
    assert {"goods[0].seq", "goods[1].package_count", "attachments[0].size",
            "certificates[0].originals", "goods[0].value", "goods[1].net_weight_kg"} <= flagged
    nested: list = []
    for _ in range(100_000):
        nested = [nested]
    decl, issues = validate_raw({"contract_no": nested, "goods": nested}, ctx(CB))
    assert issues and all(i.severity == "error" for i in issues)


def test_typed_declaration_with_none_everywhere_does_not_crash():
    from client.model import Declaration, GoodsLine, Party
    d = Declaration(declarant=None, consignee=Party(), goods=[GoodsLine()],
                    containers=[Container()], attachments=[Attachment()],
                    certificates=[CertificateRequest()])
    d.schema = None
    _check_issues(validate(d, ctx(CB)))


# ------------------------------------------------------------- valid declarations
HS6_OK = sorted(c for c in LK.hs6 if not any(c.startswith(p) for p in LK.negative))
COUNTRIES = sorted(LK.countries)
FOREIGN_PORT = sorted((c3, a2) for a2, c3 in LK.alpha2_to_3.items() if a2 != "CN")
CURRENCIES = sorted(LK.currencies)
UNITS = sorted(LK.units)
PACKAGES = sorted(LK.package_types)
DISTRICTS = sorted(LK.districts)
BUREAUS = sorted(LK.bureaus)
REGIONS: dict[str, list[str]] = {}
for b, regs in LK.regions_of.items():
    for r in regs:
        REGIONS.setdefault(r, []).append(b)
REGIONS = {k: sorted(v) for k, v in sorted(REGIONS.items())}
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
SAFE_TEXT = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N")), min_size=1,
                    max_size=30)


def _dec(draw, lo, hi, places):
    return draw(st.decimals(min_value=Decimal(lo), max_value=Decimal(hi), places=places,
                            allow_nan=False, allow_infinity=False))


@st.composite
def valid_declarations(draw):
    direction = draw(st.sampled_from(["inbound", "outbound"]))
    inbound = direction == "inbound"
    d = sample_declaration(direction, goods=draw(st.integers(1, 6)),
                           seed=draw(st.integers(0, 10**6)))
    partner, a2 = draw(st.sampled_from(FOREIGN_PORT))
    port = a2 + draw(st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=3, max_size=3))
    d.trade_country = partner
    if inbound:
        d.departure_country, d.departure_port = partner, port
        d.destination_district = draw(st.sampled_from(DISTRICTS))
        arrival = draw(st.dates(date(2020, 1, 1), date(2030, 12, 31)))
        d.arrival_date = arrival
        d.unload_date = draw(st.one_of(st.none(), st.just(arrival + timedelta(
            days=draw(st.integers(0, 30))))))
        d.claim_deadline = draw(st.one_of(st.none(), st.just(arrival + timedelta(
            days=draw(st.integers(0, 365))))))
    else:
        d.destination_country, d.arrival_port = partner, port
        d.origin_district = draw(st.sampled_from(DISTRICTS))
        d.ship_date = draw(st.dates(date(2020, 1, 1), date(2030, 12, 31)))
    d.contract_no = draw(st.text(alphabet=ALNUM + "-/", min_size=1, max_size=32))
    d.transport_mode = draw(st.sampled_from(sorted(LK.transport_modes)))
    if inbound and d.transport_mode == "6":
        d.bl_no = draw(st.one_of(st.none(), st.just("EMS123")))
    d.purpose = draw(st.sampled_from(sorted(LK.purposes)))
    if inbound:  # the local consignee needs only its Chinese name
        d.consignee.name_en = draw(st.one_of(st.none(), SAFE_TEXT))
    d.remarks = draw(st.one_of(st.none(), st.text(max_size=400).filter(
        lambda s: all(c.isprintable() or c in "\n\t" for c in s))))

    # bureaus, clearance mode, credit grade
    mode = draw(st.sampled_from(["standard", "direct", "cross"]))
    grade = draw(st.sampled_from(["AA", "A", "B"]))
    if mode == "standard":
        b = draw(st.sampled_from(BUREAUS))
        d.declare_bureau = d.port_bureau = d.inspect_bureau = d.release_bureau = b
        grade = draw(st.sampled_from([None, "AA", "A", "B", "C", "D"]))
    else:
        region = draw(st.sampled_from(sorted(REGIONS)))
        a, b = draw(st.lists(st.sampled_from(REGIONS[region]), min_size=2, max_size=2,
                             unique=True))
        d.port_bureau, d.inspect_bureau = a, b
        if mode == "direct":
            d.clearance_mode = "import_direct" if inbound else "export_direct"
        else:
            d.clearance_mode = draw(st.sampled_from(["standard", "import_transfer"] if inbound
                                                    else ["standard"]))
        d.declare_bureau = draw(st.sampled_from(REGIONS[region]))
        d.release_bureau = draw(st.sampled_from(REGIONS[region]))
    if draw(st.booleans()):
        d.inspection_no = (d.declare_bureau + ("1" if inbound else "2")
                           + draw(st.from_regex(r"[0-9]{8}", fullmatch=True)))

    ecommerce = draw(st.booleans())
    d.ecommerce = ecommerce
    if ecommerce:
        d.trade_mode = draw(st.sampled_from(sorted(LK.ecommerce_trade_modes)))

    for g in d.goods:
        g.hs_code = draw(st.sampled_from(HS6_OK)) + draw(st.from_regex(r"[0-9]{4}",
                                                                      fullmatch=True))
        g.name_cn = draw(st.text(alphabet=CJK, min_size=1, max_size=60))
        g.origin_country = draw(st.sampled_from(COUNTRIES))
        g.currency = draw(st.sampled_from(CURRENCIES))
        g.quantity_unit = draw(st.sampled_from(UNITS))
        g.package_type = draw(st.sampled_from(PACKAGES))
        g.package_count = draw(st.integers(0 if g.package_type == "00" else 1, 10**6))
        g.quantity = _dec(draw, "0.001", "1000000000", 3)
        net = _dec(draw, "0.001", "1000000000", 3)
        g.net_weight_kg = net
        g.gross_weight_kg = net + _dec(draw, "0", "1000000", 3)
        g.value = _dec(draw, "0.01", "999999999999", 2)
        g.product_reg_no = f"P{draw(st.integers(0, 10**8))}" if ecommerce else None
        # the eCIQ line of the drawn HS code: its first CIQ code, nothing the catalogue
        # asked of the sample's goods (satisfy_catalogue below gives what these need)
        known = CIQ.codes_for(g.hs_code)
        g.ciq_code = known[0].ciq_code if known else "999"
        g.goods_attributes, g.licences, g.producer = [], [], None

    serials = draw(st.lists(st.integers(0, 999_999), max_size=4, unique=True))
    owner = draw(st.from_regex(r"[A-Z]{3}", fullmatch=True))
    d.containers = []
    for s in serials:
        base = f"{owner}U{s:06d}"
        d.containers.append(Container(base + iso6346.calc_check_digit(base),
                                      draw(st.sampled_from(["22G1", "45G1", "42G1", "22R1",
                                                            "L5G1", "22U1"]))))
    d.attachments = [
        Attachment(type=draw(st.sampled_from(sorted(LK.attachment_types))),
                   file_name=draw(st.from_regex(r"[a-z0-9_]{1,60}", fullmatch=True)) + ".pdf",
                   sha256=draw(st.from_regex(r"[0-9a-f]{64}", fullmatch=True)),
                   size=draw(st.integers(1, 4 * 1024 * 1024)))
        for _ in range(draw(st.integers(0, 3)))]
    allowed = sorted(c for c, dr in LK.certificates.items() if dr in ("both", direction))
    d.certificates = [CertificateRequest(t, draw(st.integers(0, 9)), draw(st.integers(0, 9)))
                      for t in draw(st.lists(st.sampled_from(allowed), max_size=3, unique=True))]
    satisfy_catalogue(d, draw(st.integers(0, 999)))
    return d, grade


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_declarations())
def test_generated_valid_declarations_have_no_errors(case):
    decl, grade = case
    issues = validate(decl, ctx(CB, credit_grade=grade))
    errors = [(i.code, i.field, i.message_en) for i in issues if i.severity == "error"]
    assert errors == []
    _check_issues(issues)
    # and the same through JSON, as the CLI and the platform see it
    _, raw_issues = validate_raw(json.loads(json.dumps(to_dict(decl))), ctx(CB, credit_grade=grade))
    assert [i for i in raw_issues if i.severity == "error"] == []


# ------------------------------------------------- the fast path changes nothing but speed
from client.model import GoodsLine  # noqa: E402
from client.rules.fastpath import line_clean  # noqa: E402
from client.rules.registry import load_all  # noqa: E402


_both_ways = fast_and_slow


D = Decimal
_AMOUNT = st.sampled_from([None, D("1"), D("0"), D("-1"), D("0.001"), D("0.0005"), D("0.01"),
                           D("0.005"), D("1.500"), D("12.345"), D("999999999999999"),
                           D("1000000000000000"), D("25200.500"), D("26000.000")])
_CODE = st.sampled_from([None, "", " ", "001", "035", "999", "00", "22", "77", "USD", "RMB",
                         "CHN", "DEU", "XXX", "0"])
_TEXT = st.one_of(st.none(), st.sampled_from(["", " ", "\u3000", "x" * 64, "x" * 65, "x" * 255,
                                               "x" * 256, "货物"]))
#: values of the types the model produces (parse_declaration never yields a str amount)
goods_lines = st.builds(
    GoodsLine,
    seq=st.sampled_from([None, 0, 1, 2, -1]),
    hs_code=st.sampled_from([None, "", "8471300000", "8471990000", "84713000", "847130000X",
                             "８４７１３０００００", "0101210000"]),
    ciq_code=st.sampled_from([None, "", "999", "99", "٩٩٩", "abc"]),
    name_cn=_TEXT, name_en=_TEXT, spec=_TEXT, brand=_TEXT, product_reg_no=_TEXT,
    origin_country=_CODE, quantity=_AMOUNT, quantity_unit=_CODE, net_weight_kg=_AMOUNT,
    gross_weight_kg=_AMOUNT, value=_AMOUNT, currency=_CODE, package_type=_CODE,
    package_count=st.sampled_from([None, -1, 0, 1, 10]))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(goods_lines, min_size=1, max_size=3), st.booleans())
def test_fast_path_agrees_with_the_rules(lines, ecommerce):
    d = sample_declaration("inbound", goods=1)
    d.goods = lines
    d.ecommerce = ecommerce
    issues = _both_ways(d, ctx(CB))
    _check_issues(issues)
    local = {c for c, info in load_all().items() if info.scope == "goods"}
    for i, g in enumerate(lines):
        if line_clean(g, i, LK):
            fired = {x.code for x in issues if x.field.startswith(f"goods[{i}].")} & local
            assert not fired


@SETTINGS
@given(valid_declarations())
def test_fast_path_agrees_on_valid_declarations(case):
    decl, grade = case
    _both_ways(decl, ctx(CB, credit_grade=grade))


def test_fast_path_is_taken_for_the_sample():
    d = sample_declaration("outbound", goods=5)
    assert all(line_clean(g, i, LK) for i, g in enumerate(d.goods))


# ------------------------------------- check characters agree with python-stdnum's validate
from stdnum.cn import uscc as _uscc  # noqa: E402

from client.rules.checkdigits import container_problem, uscc_problem  # noqa: E402

_USCC_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ a-"


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(alphabet=_USCC_CHARS, min_size=16, max_size=19),
                 st.builds(lambda s: s + _uscc.calc_check_digit(s),
                           st.from_regex(r"[0-9]{8}[0-9A-HJ-NPQRTUWXY]{9}", fullmatch=True))))
def test_uscc_check_agrees_with_stdnum(v):
    assert (uscc_problem(v) is None) == (_uscc.is_valid(v) and _uscc.compact(v) == v)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ", min_size=10, max_size=12),
                 st.builds(lambda s: s + iso6346.calc_check_digit(s),
                           st.from_regex(r"[A-Z]{3}[UJZ][0-9]{6}", fullmatch=True))))
def test_container_check_agrees_with_stdnum(v):
    ok = container_problem(v) is None
    if ok:
        assert iso6346.is_valid(v) and iso6346.compact(v) == v
    if re.fullmatch(r"[A-Z]{3}[UJZ][0-9]{7}", v):  # stdnum also allows digits in the owner
        assert ok == iso6346.is_valid(v)          # code and category R; ISO 6346 does not


_HCODE = st.sampled_from([None, "", " ", "inbound", "outbound", "standard", "import_direct",
                          "310000", "320000", "999999", "13", "24", "99", "2", "6", "7",
                          "0110", "9610", "9999", "11", "99", "00", "DEU", "USA", "310115"])
_HTEXT = st.sampled_from([None, "", " ", "\u3000", "CT-1", "x" * 32, "x" * 33, "x" * 50,
                          "x" * 51, "x" * 64, "x" * 65, "x" * 100, "x" * 101, "N/M", "x" * 401])
_HDATE = st.sampled_from([None, date(2026, 11, 2)])
HEADER_POOL = {
    "direction": _HCODE, "inspection_type": _HCODE, "clearance_mode": _HCODE,
    "declare_bureau": _HCODE, "port_bureau": _HCODE, "inspect_bureau": _HCODE,
    "release_bureau": _HCODE, "transport_mode": _HCODE, "trade_mode": _HCODE,
    "purpose": _HCODE, "trade_country": _HCODE, "departure_country": _HCODE,
    "destination_country": _HCODE, "destination_district": _HCODE,
    "origin_district": _HCODE, "contract_no": _HTEXT, "transport_name": _HTEXT,
    "goods_location": _HTEXT, "invoice_no": _HTEXT, "lc_no": _HTEXT, "bl_no": _HTEXT,
    "marks": _HTEXT, "remarks": _HTEXT, "arrival_date": _HDATE, "ship_date": _HDATE,
}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["inbound", "outbound"]), st.data())
def test_header_fast_path_agrees_with_the_rules(direction, data):
    d = sample_declaration(direction, goods=1)
    for name in data.draw(st.lists(st.sampled_from(sorted(HEADER_POOL)), max_size=6)):
        setattr(d, name, data.draw(HEADER_POOL[name]))
    _check_issues(_both_ways(d, ctx(CB)))


def test_header_fast_path_is_taken_for_the_sample():
    from client.rules.fastpath import header_clean
    for direction in ("inbound", "outbound"):
        assert header_clean(sample_declaration(direction), ctx(CB), LK)
