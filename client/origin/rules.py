"""The certificate-of-origin rulebook (O1xxx), shared by the desk and the platform.

Same style as the declaration's (:mod:`client.rules`): each rule yields
:class:`~client.rules.base.Issue` s with a code, a severity, the field path it points at
and a Chinese and English message. :func:`validate` runs them all; the sandbox imports
this module and judges by it (one rulebook).

=====  ========  ===========================================================
O1000  error     the document cannot be read (a value of the wrong type, a bad date)
O1001  error     a required field is empty
O1010  error     the certificate type (agreement) is unknown
O1011  error     the consignee's country is not a party to the agreement on the
                 application date (not a member, or before/after its dates in force)
O1012  error     GSP Form A to a country that does not grant China GSP on that date
O1013  error     the consignee's country code is unknown
O1020  error     the origin criterion is not one the agreement defines
O1021  error     the criterion needs a percentage (RVC …) that is missing or not 0–100
O1030  error     the HS code is not an existing 6-digit subheading
O1040  error     applied for after the goods left: must be marked retroactive (后发)
O1041  error     a retroactive application without its reason
O1042  warning   marked retroactive though the goods have not left yet
O1050  error     a goods line without quantity or gross weight
O1051  error     third-party invoicing without the invoicing party's name
=====  ========  ===========================================================
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Iterator

from ..codes import CodeBook
from ..rules.base import Issue
from . import tables
from .model import get_path, normalise, parse_date

REQUIRED = (
    ("agreement", "证书类型", "certificate type"),
    ("exporter.name", "出口商名称", "exporter's name"),
    ("consignee.name", "收货人名称", "consignee's name"),
    ("consignee.country", "收货人国家", "consignee's country"),
    ("transport.departure_date", "离港日期", "departure date"),
    ("transport.means", "运输工具", "means of transport"),
    ("transport.port_of_loading", "装货港", "port of loading"),
    ("transport.port_of_discharge", "卸货港", "port of discharge"),
    ("application_place", "申请地点", "place of application"),
    ("application_date", "申请日期", "date of application"),
)
GOODS_REQUIRED = (
    ("description", "货物描述", "description of goods"),
    ("hs_code", "HS编码", "HS code"),
    ("criterion", "原产地标准", "origin criterion"),
    ("invoice_no", "发票号", "invoice number"),
    ("invoice_date", "发票日期", "invoice date"),
)


def _e(code: str, field: str, zh: str, en: str, severity: str = "error") -> Issue:
    return Issue(code, severity, field, zh, en)  # type: ignore[arg-type]


def _blank(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def validate(raw, codes: CodeBook, today: date | None = None) -> tuple[dict | None, list[Issue]]:
    """Check a certificate; returns the normalised document and every issue found."""
    doc, problems = normalise(raw)
    issues = [_e("O1000", p.field, p.message_zh, p.message_en) for p in problems]
    if doc is None:
        return None, issues
    for rule in RULES:
        issues.extend(rule(doc, codes, today or date.today()))
    return doc, issues


def r_required(doc: dict, codes: CodeBook, today: date) -> Iterator[Issue]:
    for path, zh, en in REQUIRED:
        if _blank(get_path(doc, path)):
            yield _e("O1001", path, f"{zh}不能为空", f"{en} is required")
    if not doc["goods"]:
        yield _e("O1001", "goods", "至少需要一项货物", "at least one goods line is required")
    for i, g in enumerate(doc["goods"]):
        for k, zh, en in GOODS_REQUIRED:
            if _blank(g.get(k)):
                yield _e("O1001", f"goods[{i}].{k}", f"第{i + 1}项货物{zh}不能为空",
                         f"goods line {i + 1}: {en} is required")


def r_agreement(doc: dict, codes: CodeBook, today: date) -> Iterator[Issue]:
    code = doc.get("agreement")
    if not isinstance(code, str) or _blank(code):
        return
    if tables.agreement(codes, code) is None:
        yield _e("O1010", "agreement", f"未知的证书类型 {code}",
                 f"unknown certificate type {code}")
        return
    country = get_path(doc, "consignee.country")
    on = parse_date(doc.get("application_date")) or today
    if _blank(country):
        return
    if codes.table("countries").get(country) is None:
        yield _e("O1013", "consignee.country", f"收货人国家代码 {country} 不存在",
                 f"consignee country code {country} does not exist")
        return
    if code == "NONPREF":
        return
    if code == "GSP":
        if not tables.is_donor(codes, country, on):
            row = tables.donor_row(codes, country)
            when = (f"（给惠期 {row.row.get('from') or '…'} 至 {row.row.get('to') or '今'}）"
                    if row else "")
            yield _e("O1012", "consignee.country",
                     f"{country} 在 {on.isoformat()} 不给予中国普惠制待遇{when}，不能签发普惠制证书",
                     f"{country} does not grant China GSP on {on.isoformat()}; no Form A")
        return
    if tables.is_party(codes, code, country, on):
        return
    row = tables.partner_row(codes, code, country)
    if row is None:
        yield _e("O1011", "consignee.country",
                 f"收货人国家 {country} 不是 {code} 协定的成员",
                 f"consignee country {country} is not a party to {code}")
    else:
        start = row.row.get("from") or "…"
        yield _e("O1011", "consignee.country",
                 f"{code} 协定对 {country} 自 {start} 起生效，申请日期 {on.isoformat()} 不在生效期内",
                 f"{code} is in force for {country} from {start}; not on {on.isoformat()}")


def r_goods(doc: dict, codes: CodeBook, today: date) -> Iterator[Issue]:
    code = str(doc.get("agreement") or "")
    known = bool(code.strip()) and tables.agreement(codes, code) is not None
    for i, g in enumerate(doc["goods"]):
        hs = g.get("hs_code")
        if not _blank(hs) and not (hs.isdigit() and codes.hs6_exists(hs)):
            yield _e("O1030", f"goods[{i}].hs_code",
                     f"第{i + 1}项货物HS编码 {hs} 不是现行的6位子目",
                     f"goods line {i + 1}: HS code {hs} is not an existing 6-digit subheading")
        crit = g.get("criterion")
        if known and not _blank(crit):
            row = tables.criterion(codes, code, crit)
            if row is None:
                have = "、".join(e.row["criterion"] for e in tables.criteria(codes, code))
                yield _e("O1020", f"goods[{i}].criterion",
                         f"第{i + 1}项货物原产地标准 {crit} 不是 {code} 协定规定的标准（可用：{have}）",
                         f"goods line {i + 1}: criterion {crit} is not defined by {code} "
                         f"(defined: {have.replace('、', ', ')})")
            elif row.row.get("needs_percent") == "1":
                pct = g.get("rvc_percent")
                try:
                    ok = pct is not None and Decimal(pct) >= 0 and Decimal(pct) <= 100
                except (InvalidOperation, ValueError):
                    ok = False
                if not ok:
                    yield _e("O1021", f"goods[{i}].rvc_percent",
                             f"第{i + 1}项货物原产地标准 {crit} 须填写0–100的百分比",
                             f"goods line {i + 1}: criterion {crit} needs a percentage 0-100")
        if _blank(g.get("quantity")) and _blank(g.get("gross_weight_kg")):
            yield _e("O1050", f"goods[{i}].quantity",
                     f"第{i + 1}项货物须填写数量或毛重", f"goods line {i + 1}: quantity or "
                     "gross weight is required")


def r_dates(doc: dict, codes: CodeBook, today: date) -> Iterator[Issue]:
    app = parse_date(doc.get("application_date"))
    dep = parse_date(get_path(doc, "transport.departure_date"))
    retro = bool(doc.get("retroactive"))
    if app and dep and app > dep and not retro:
        yield _e("O1040", "retroactive",
                 f"申请日期 {app.isoformat()} 晚于离港日期 {dep.isoformat()}，须标明后发证书",
                 f"applied on {app.isoformat()} after departure on {dep.isoformat()}: "
                 "mark it issued retroactively")
    if retro and _blank(doc.get("retroactive_reason")):
        yield _e("O1041", "retroactive_reason", "后发证书须说明原因",
                 "a retroactive certificate needs its reason")
    if retro and app and dep and app <= dep:
        yield _e("O1042", "retroactive", "货物尚未离港，无需后发",
                 "the goods have not left yet; retroactive issue is not needed", "warning")
    if doc.get("third_party_invoicing") and _blank(get_path(doc, "third_party.name")):
        yield _e("O1051", "third_party.name", "第三方发票须填写开票方名称",
                 "third-party invoicing needs the invoicing party's name")


RULES = (r_required, r_agreement, r_goods, r_dates)


def errors(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == "error"]
