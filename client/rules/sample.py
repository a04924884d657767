"""A fully valid declaration to start from, for tests, demos, benchmarks and the self-test.

``sample_declaration("inbound", goods=5)`` passes the whole rulebook with no error (and no
warning when the context carries a credit grade) against the built-in code tables. With a
``seed`` the names, numbers, quantities and HS codes vary (deterministically per seed) but
stay valid. The ``id`` is always a fresh ULID: it is the declaration's identity, not part of
its content.

The signature is stable: ``sample_declaration(direction="inbound", goods=1, *, seed=None)``.
"""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from stdnum.cn import uscc as _uscc

from ..model import (Attachment, CertificateRequest, Container, Declaration, Declarer,
                     GoodsLine, Party, new_ulid)

# (hs_code, name_cn, name_en, unit, package_type) — first 6 digits exist in HS 2022 and none
# is on the cross-border e-commerce negative list.
GOODS = (
    ("8471300000", "笔记本电脑", "Laptop computer", "001", "22"),
    ("8517130000", "智能手机", "Smartphone", "001", "22"),
    ("6109100000", "棉制针织T恤衫", "Cotton knitted T-shirt", "011", "22"),
    ("9403600000", "木制家具", "Wooden furniture", "011", "23"),
    ("3304990000", "护肤品", "Skin care preparation", "142", "22"),
    ("6403990000", "皮革面鞋", "Leather shoes", "025", "22"),
    ("9503008900", "塑料玩具", "Plastic toys", "007", "22"),
    ("2204210000", "葡萄酒", "Wine", "095", "22"),
    ("8479899990", "工业机器人", "Industrial robot", "001", "23"),
    ("8708299000", "汽车车身零件", "Car body parts", "007", "29"),
    ("3926909090", "塑料制品", "Plastic articles", "035", "06"),
    ("8415101000", "空调器", "Air conditioner", "001", "22"),
    ("9401610000", "软垫木框架坐具", "Upholstered wooden seats", "011", "23"),
    ("4820100000", "笔记本", "Notebooks", "011", "22"),
    ("8518300000", "耳机", "Headphones", "007", "22"),
)

#: the CIQ code of the HS codes above that have several (the rest have the single "999")
CIQ_CODES = {"8517130000": "101", "9503008900": "101", "8479899990": "101",
             "8518300000": "101"}

#: valid ISO 6346 numbers (check digit included)
CONTAINERS = ("CSQU3054383", "MSKU1234565", "TGHU8593002", "CAIU2204730", "OOLU1826463",
              "MAEU7654320", "TCNU1234565", "HLXU3178955")

#: the local enterprises a desk files for: (name_cn, name_en, 10-digit reg_no, USCC without
#: its check character, which python-stdnum computes)
_ENTERPRISES = (
    ("上海远航贸易有限公司", "Shanghai Yuanhang Trading Co., Ltd.", "3100600001", "91310115MA1K4AB2C"),
    ("上海东方进出口有限公司", "Shanghai Dongfang Import & Export Co., Ltd.", "3100600002",
     "91310000MA1FL8LQ2"),
    ("浦江国际物流有限公司", "Pujiang International Logistics Co., Ltd.", "3100600003",
     "91310115MA1H7XK03"),
    ("申城科技发展有限公司", "Shencheng Technology Development Co., Ltd.", "3100600004",
     "91310104MA1FR4UJ9"),
    ("黄浦江食品有限公司", "Huangpujiang Foods Co., Ltd.", "3100600005", "91310101MA1G8B3N4"),
    ("长江实业进出口有限公司", "Changjiang Industrial Import & Export Co., Ltd.", "3100600006",
     "91310230MA1JX2T77"),
)
_COMPANIES_EN = ("Hanse Trading GmbH", "Pacific Goods Inc.", "Nordic Supply AB",
                 "Rhein Maschinenbau AG", "Sunrise Exports Ltd.", "Maple Leaf Imports Corp.")
_DECLARERS = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊")
#: (ISO alpha-3, foreign UN/LOCODE)
_PARTNERS = (("DEU", "DEHAM"), ("USA", "USLAX"), ("JPN", "JPTYO"), ("KOR", "KRPUS"),
             ("NLD", "NLRTM"), ("AUS", "AUSYD"))


def _uscc_for(base17: str) -> str:
    """A USCC with its GB 32100-2015 check character computed by python-stdnum."""
    return base17 + _uscc.calc_check_digit(base17)


def _container_no(rng: random.Random) -> str:
    from stdnum import iso6346
    owner = rng.choice(("CSQ", "MSK", "TGH", "OOL", "HLX", "TCN"))
    base = f"{owner}U{rng.randrange(10**6):06d}"
    return base + iso6346.calc_check_digit(base)


def sample_declaration(direction: str = "inbound", goods: int = 1, *,
                       seed: int | None = None) -> Declaration:
    """A valid declaration of ``direction`` with ``goods`` goods lines (1..50).

    Bureaus are all Shanghai (310000), clearance is ``standard``, not e-commerce; the
    declaration is a draft (``inspection_no`` is ``None`` until finalised).
    """
    inbound = direction != "outbound"
    rng = random.Random(seed) if seed is not None else None
    pick = (lambda seq, i=0: rng.choice(seq)) if rng else (lambda seq, i=0: seq[i % len(seq)])
    n = seed if seed is not None else 0

    partner_country, partner_port = pick(_PARTNERS)
    name_cn, name_en, reg_no, uscc17 = pick(_ENTERPRISES)
    local = Party(name_cn=name_cn, name_en=name_en, reg_no=reg_no, uscc=_uscc_for(uscc17))
    foreign = Party(name_en=pick(_COMPANIES_EN))
    base_day = date(2026, 11, 2) + timedelta(days=(n % 20) if seed is not None else 0)

    lines = []
    for i in range(goods):
        hs, name_cn, name_en, unit, pkg = (rng.choice(GOODS) if rng else GOODS[i % len(GOODS)])
        qty = rng.randrange(1, 5000) if rng else 100 * (i + 1)
        net = Decimal(rng.randrange(1000, 2_000_000) if rng else 1_200_500 + 1000 * i) / 1000
        gross = net + Decimal(rng.randrange(0, 500_000) if rng else 49_500) / 1000
        value = Decimal(rng.randrange(100, 50_000_000) if rng else 3_500_000 + 100 * i) / 100
        lines.append(GoodsLine(
            seq=i + 1, hs_code=hs, ciq_code=CIQ_CODES.get(hs, "999"), name_cn=name_cn, name_en=name_en,
            spec="标准型", brand="无品牌", origin_country=partner_country if inbound else "CHN",
            quantity=Decimal(qty), quantity_unit=unit,
            net_weight_kg=net.quantize(Decimal("0.001")),
            gross_weight_kg=gross.quantize(Decimal("0.001")),
            value=value.quantize(Decimal("0.01")), currency="USD",
            package_type=pkg, package_count=(rng.randrange(1, 500) if rng else 10 * (i + 1))))

    contract = f"CT2026{n:06d}" if seed is not None else "CT2026-SH-0001"
    decl = Declaration(
        id=new_ulid(),
        direction="inbound" if inbound else "outbound",
        inspection_type="13" if inbound else "24",
        clearance_mode="standard",
        declare_bureau="310000", port_bureau="310000", inspect_bureau="310000",
        release_bureau="310000",
        declarant=local,
        declarer=Declarer(name=pick(_DECLARERS), phone="021-62345678", cert_no="3100012345"),
        consignee=replace(local) if inbound else foreign,
        consignor=foreign if inbound else replace(local),
        contract_no=contract,
        invoice_no=contract.replace("CT", "INV"),
        lc_no=None if inbound else contract.replace("CT", "LC"),
        bl_no=f"COSU62{(n * 31337) % 10**8:08d}" if inbound else None,
        transport_mode="2",
        transport_name="COSCO SHIPPING ARIES/012E",
        trade_mode="0110",
        trade_country=partner_country,
        departure_country=partner_country if inbound else None,
        destination_country=None if inbound else partner_country,
        departure_port=partner_port if inbound else "CNSHA",
        entry_exit_port="CNSHA",
        arrival_port=None if inbound else partner_port,
        destination_district="310115" if inbound else None,
        origin_district=None if inbound else "310115",
        arrival_date=base_day if inbound else None,
        unload_date=base_day + timedelta(days=1) if inbound else None,
        claim_deadline=base_day + timedelta(days=180) if inbound else None,
        ship_date=None if inbound else base_day,
        goods_location="上海市浦东新区外高桥保税区港城路1号",
        purpose="99",
        marks="N/M",
        ecommerce=False,
        goods=lines,
        containers=[Container(number=(_container_no(rng) if rng else CONTAINERS[0]),
                              size_type="45G1")],
        attachments=[Attachment(type="101001", file_name="contract.pdf",
                                sha256="9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                                size=4)],
        certificates=[CertificateRequest(type="21" if inbound else "11", originals=1, copies=0)],
        remarks=None,
    )
    satisfy_catalogue(decl, n)
    return decl


def satisfy_catalogue(decl: Declaration, n: int = 0) -> None:
    """Give each goods line what the inspection catalogue requires of it (licences with
    numbers, attributes, the producer's filing no., the exporting country's certificate),
    as a complete declaration has them. Numbers are made up from ``n``."""
    from ..ciq.requirements import requirements
    from ..model import Licence, Producer
    for i, g in enumerate(decl.goods):
        for _round in range(2):  # an attribute added (预包装) can require one more licence
            for r in requirements(decl, i):
                if r.present or not r.rule:
                    continue
                if r.kind == "licence":
                    g.licences.append(Licence(type=r.code, number=f"{r.code}2026{n:06d}{i:02d}"))
                elif r.kind == "attribute":
                    g.goods_attributes.append(r.code)
                elif r.kind == "attachment":
                    decl.attachments.append(Attachment(
                        type=r.code, file_name=f"{r.code}.pdf", size=4,
                        sha256="9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
                elif r.kind == "field" and r.code == "518":
                    g.producer = Producer(name=decl.declarant.name_cn if decl.declarant else None,
                                          reg_no=f"3100/{n:05d}")
