"""Hypothesis strategies that build declarations with every field filled in odd ways."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from client.model import (Attachment, CertificateRequest, Container, Declaration, Declarer,
                          GoodsLine, Party, new_ulid)

# Chinese, Latin, full-width and emoji text; no surrogates (not valid UTF-8)
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
opt_text = st.none() | text
decimals = st.decimals(min_value=Decimal("0"), max_value=Decimal("1e12"), places=3,
                       allow_nan=False, allow_infinity=False) | st.sampled_from(
    [Decimal("25200.500"), Decimal("0.000"), Decimal("1200"), Decimal("7.10")])
opt_dec = st.none() | decimals
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))
opt_date = st.none() | dates
ints = st.none() | st.integers(min_value=0, max_value=10**6)

parties = st.builds(Party, name_cn=opt_text, name_en=opt_text, reg_no=opt_text, uscc=opt_text)
goods = st.builds(GoodsLine, seq=ints, hs_code=opt_text, ciq_code=opt_text, name_cn=opt_text,
                  name_en=opt_text, spec=opt_text, brand=opt_text, origin_country=opt_text,
                  quantity=opt_dec, quantity_unit=opt_text, net_weight_kg=opt_dec,
                  gross_weight_kg=opt_dec, value=opt_dec, currency=opt_text,
                  package_type=opt_text, package_count=ints, product_reg_no=opt_text)
containers = st.builds(Container, number=opt_text, size_type=opt_text)
attachments = st.builds(Attachment, type=opt_text, file_name=opt_text, sha256=opt_text, size=ints)
certs = st.builds(CertificateRequest, type=opt_text, originals=ints, copies=ints)


@st.composite
def declarations(draw) -> Declaration:
    return Declaration(
        id=new_ulid(), inspection_no=draw(opt_text),
        direction=draw(st.sampled_from(["inbound", "outbound"])),
        inspection_type=draw(opt_text), clearance_mode=draw(opt_text),
        declare_bureau=draw(opt_text), port_bureau=draw(opt_text),
        inspect_bureau=draw(opt_text), release_bureau=draw(opt_text),
        declarant=draw(st.none() | parties), agent=draw(st.none() | parties),
        declarer=draw(st.none() | st.builds(Declarer, name=opt_text, phone=opt_text,
                                              cert_no=opt_text)),
        consignee=draw(st.none() | parties), consignor=draw(st.none() | parties),
        contract_no=draw(opt_text), invoice_no=draw(opt_text), lc_no=draw(opt_text),
        bl_no=draw(opt_text), transport_mode=draw(opt_text), transport_name=draw(opt_text),
        trade_mode=draw(opt_text), trade_country=draw(opt_text),
        departure_country=draw(opt_text), destination_country=draw(opt_text),
        departure_port=draw(opt_text), entry_exit_port=draw(opt_text),
        arrival_port=draw(opt_text), destination_district=draw(opt_text),
        origin_district=draw(opt_text), arrival_date=draw(opt_date),
        unload_date=draw(opt_date), claim_deadline=draw(opt_date), ship_date=draw(opt_date),
        goods_location=draw(opt_text), purpose=draw(opt_text), marks=draw(opt_text),
        ecommerce=draw(st.none() | st.booleans()),
        goods=draw(st.lists(goods, max_size=4)),
        containers=draw(st.lists(containers, max_size=3)),
        attachments=draw(st.lists(attachments, max_size=2)),
        certificates=draw(st.lists(certs, max_size=2)),
        remarks=draw(opt_text),
    )
