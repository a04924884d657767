"""The engine's fast-path scopes (``client/rules/fastpath.py``) change nothing but speed.

For each scope, hypothesis sets the fields that scope's rules read to tricky values (and
the fields they are judged against, such as the direction) and checks that ``validate``
gives the same issues with the fast path on and off. A scope check that called a faulty
declaration clean would skip a rule that fires and the two runs would differ.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stdnum import iso6346

from client.codes import default_codebook
from client.model import Attachment, CertificateRequest, Container, Dangerous, Declarer, Party
from client.rules._common import fresh_lookups
from client.rules.fastpath import CHECKS
from client.rules.registry import SCOPES, load_all, scope_names
from client.rules.sample import sample_declaration
from rules_testkit import ctx, fast_and_slow

CB = default_codebook()
LK = fresh_lookups(CB)
SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


class Text(str):
    """A str subclass: rules test ``isinstance``, fast paths ``__class__``."""


def both_ways(decl, c):
    issues = fast_and_slow(decl, c)
    assert all(i.code != "W9999" for i in issues), issues
    return issues


def test_every_scope_has_a_check_and_rules():
    assert set(CHECKS) == set(SCOPES)
    used = {name for info in load_all().values() for name in scope_names(info.scope)}
    assert set(SCOPES) <= used


def test_the_sample_is_clean_in_every_scope():
    """Otherwise the fast path would never be taken for the declarations benchmarked."""
    for direction in ("inbound", "outbound"):
        for seed in (None, 1, 2):
            d = sample_declaration(direction, goods=5, seed=seed)
            assert d.containers and d.attachments and d.certificates
            c = ctx(CB, attachment_sizes={a.sha256: 1000 for a in d.attachments})
            assert {s: check(d, c, LK) for s, check in CHECKS.items()} == dict.fromkeys(CHECKS, True)


def test_a_dirty_scope_runs_its_rules():
    d = sample_declaration("inbound", goods=2)
    d.containers[0].number = "CSQU3054384"  # wrong check digit
    assert not CHECKS["containers"](d, ctx(CB), LK)
    assert [i.code for i in both_ways(d, ctx(CB))] == ["E1304"]


# ------------------------------------------------------------------------- parties
USCC_OK = sample_declaration("inbound").declarant.uscc
_PTEXT = st.sampled_from([None, "", " ", "\u3000", "上海东方进出口有限公司", "x" * 255, "x" * 256,
                          Text("x"), Text(" "), 7])
_REG = st.sampled_from([None, "", " ", "3100600002", "310060000", "310060000X", "３１００６０００２",
                        Text("3100600002"), 3100600002])
_USCC = st.sampled_from([None, "", " ", USCC_OK, USCC_OK[:-1] + ("0" if USCC_OK[-1] != "0" else "1"),
                         USCC_OK.lower(), USCC_OK[:17], Text(USCC_OK)])
parties = st.one_of(st.none(), st.builds(Party, name_cn=_PTEXT, name_en=_PTEXT, reg_no=_REG,
                                         uscc=_USCC))
declarers = st.one_of(st.none(), st.builds(Declarer, name=_PTEXT, phone=_PTEXT,
                                           cert_no=st.sampled_from([None, "", "x" * 64, "x" * 65])))


@SETTINGS
@given(st.sampled_from(["inbound", "outbound", None, "sideways"]), parties, parties, parties,
       parties, declarers, st.booleans())
def test_parties_scope_agrees_with_the_rules(direction, dp, ag, ce, co, dr, keep_declarant):
    d = sample_declaration("inbound" if direction != "outbound" else "outbound", goods=1)
    d.direction = direction
    if not keep_declarant:
        d.declarant = dp
    d.agent, d.consignee, d.consignor, d.declarer = ag, ce, co, dr
    both_ways(d, ctx(CB))


# --------------------------------------------------------------------------- ports
_PORT = st.sampled_from([None, "", "CNSHA", "CNNGB", "DEHAM", "USLAX", "XXABC", "cnsha", "CNSH",
                         "CNSHAX", "JPTYO", Text("DEHAM"), Text("CNSHA")])
_COUNTRY = st.sampled_from([None, "", "DEU", "USA", "CHN", "JPN", "XXX", Text("DEU")])


@SETTINGS
@given(st.sampled_from(["inbound", "outbound", None]), _PORT, _PORT, _PORT, _COUNTRY, _COUNTRY)
def test_ports_scope_agrees_with_the_rules(direction, dep, eep, arr, dep_c, dest_c):
    d = sample_declaration(direction or "inbound", goods=1)
    d.direction = direction
    d.departure_port, d.entry_exit_port, d.arrival_port = dep, eep, arr
    d.departure_country, d.destination_country = dep_c, dest_c
    both_ways(d, ctx(CB))


# ---------------------------------------------------------------------- containers
MSCU = "MSCU123456" + iso6346.calc_check_digit("MSCU123456")
_CNO = st.sampled_from([None, "", " ", "CSQU3054383", MSCU, "CSQU3054384", "csqu3054383",
                        "CSQU305438", "CSQX3054383", Text("CSQU3054383")])
_SIZE = st.sampled_from([None, "", "22G1", "45G1", "L5G1", "99XX", "22g1", Text("22G1")])
containers = st.lists(st.builds(Container, number=_CNO, size_type=_SIZE), max_size=4)


@SETTINGS
@given(containers)
def test_containers_scope_agrees_with_the_rules(cs):
    d = sample_declaration("inbound", goods=1)
    d.containers = cs
    both_ways(d, ctx(CB))


# --------------------------------------------------------------------- attachments
_ATYPE = st.sampled_from([None, "", " ", "101001", "999999", Text("101001")])
_NAME = st.sampled_from([None, "", " ", "contract.pdf", "CONTRACT.PDF", "scan.jpg", "a/b.pdf",
                         "a\x01.pdf", "x" * 60 + ".pdf", "x" * 61 + ".pdf", Text("c.pdf")])
_SHA = st.sampled_from([None, "", SHA, SHA.upper(), SHA[:-1], "z" * 64, "e" * 64])
_SIZE_B = st.sampled_from([None, -1, 0, 1, 4 * 1024 * 1024, 4 * 1024 * 1024 + 1, True, False])
attachments = st.lists(st.builds(Attachment, type=_ATYPE, file_name=_NAME, sha256=_SHA,
                                 size=_SIZE_B), max_size=3)
_SIZES = st.one_of(st.none(), st.dictionaries(st.sampled_from([SHA, "e" * 64]), _SIZE_B,
                                              max_size=2))


@SETTINGS
@given(attachments, _SIZES)
def test_attachments_scope_agrees_with_the_rules(atts, sizes):
    d = sample_declaration("outbound", goods=1)
    d.attachments = atts
    both_ways(d, ctx(CB, attachment_sizes=sizes))


# -------------------------------------------------------------------- certificates
_CTYPE = st.sampled_from([None, "", " ", "11", "21", "99", "ZZ", Text("11")])
_COUNT = st.sampled_from([None, -1, 0, 1, 9, 10, True])
certificates = st.lists(st.builds(CertificateRequest, type=_CTYPE, originals=_COUNT,
                                  copies=_COUNT), max_size=3)


@SETTINGS
@given(st.sampled_from(["inbound", "outbound", None]), certificates)
def test_certificates_scope_agrees_with_the_rules(direction, certs):
    d = sample_declaration(direction or "outbound", goods=1)
    d.direction = direction
    d.certificates = certs
    both_ways(d, ctx(CB))


# ----------------------------------------------------------------------- districts
_DISTRICT = st.sampled_from([None, "", " ", "310115", "320100", "999999", "31011", "31011X",
                             Text("310115"), 310115])


@SETTINGS
@given(st.sampled_from(["inbound", "outbound"]), _DISTRICT, _DISTRICT)
def test_districts_in_the_header_scope_agree_with_the_rules(direction, dest, origin):
    d = sample_declaration(direction, goods=1)
    d.destination_district, d.origin_district = dest, origin
    both_ways(d, ctx(CB))


# ------------------------------------------------------------------------------ ciq
_HS_CIQ = st.sampled_from([("8471300000", "999"), ("8517130000", "101"), ("8517130000", "301"),
                           ("0202300090", "102"), ("1905310000", "101"), ("2814100000", "301"),
                           ("9503006000", "101"), ("8471300000", None), ("8471300000", ""),
                           ("8471300000", "   "), ("8471300000", "12"), ("847130", "   "),
                           ("8471300000", Text("999")), (Text("8471300000"), "999")])
_ATTRS = st.lists(st.sampled_from(["11", "12", "13", "14", "15", "31", "32", "99", "", Text("14")]),
                  max_size=3)
_LTYPE = st.sampled_from(["325", "519", "517", "411", "410", "425", "426", "518", "999", "", None])
_LNUM = st.sampled_from(["L-1", "", " ", None])
_DANGEROUS = st.one_of(st.none(), st.builds(
    Dangerous, un_no=st.sampled_from(["1005", None, ""]), name=st.just("无水氨"),
    class_=st.just("2.3"), pack_category=st.sampled_from(["1", "4", "9", "", " ", None])))
_NO18 = st.sampled_from([None, "", " ", "310120261234567890", "3101202612345678", "31012026123456789X"])


@SETTINGS
@given(st.sampled_from(["inbound", "outbound", None]), _HS_CIQ, _ATTRS,
       st.lists(st.tuples(_LTYPE, _LNUM), max_size=3), _DANGEROUS,
       st.sampled_from([(None, None), ("5", None), ("5", "035"), ("5", " ")]),
       st.sampled_from([None, "2026-01-01", "2030-01-01"]), _NO18, _NO18,
       st.lists(st.tuples(st.sampled_from([None, "", "999", "A01"]), _LNUM), max_size=2),
       st.sampled_from([[], [1], [1, 9], [2]]), st.booleans())
def test_ciq_scope_agrees_with_the_rules(direction, hs_ciq, attrs, lics, dangerous, std, made,
                                         customs_no, clearance_no, quals, seqs, with_cert):
    from datetime import date
    from decimal import Decimal
    from client.model import Licence, Qualification
    from client.rules.sample import satisfy_catalogue
    d = sample_declaration(direction or "inbound", goods=2)
    d.direction = direction
    g = d.goods[1]
    g.hs_code, g.ciq_code = hs_ciq
    g.goods_attributes = list(attrs)
    g.licences = [Licence(t, n) for t, n in lics]
    g.dangerous = dangerous
    g.std_quantity = Decimal(std[0]) if std[0] else None
    g.std_unit = std[1]
    g.production_date = date.fromisoformat(made) if made else None
    if with_cert and direction is not None:
        satisfy_catalogue(d)   # what the catalogue asks, on top of the drawn values
    d.customs_decl_no, d.clearance_doc_no = customs_no, clearance_no
    d.enterprise_qualifications = [Qualification(t, n) for t, n in quals]
    d.containers[0].goods_seqs = list(seqs)
    both_ways(d, ctx(CB))
