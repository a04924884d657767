"""The certificate of origin document: ``ciqdesk/origin-certificate@1`` (docs/origin-certificate.md).

The document is kept as its interchange JSON (a plain dict); :func:`normalise` checks the
shape (types, dates) without raising — unreadable values become :class:`ParseIssue` s with
their field path, and the value is dropped so nothing else trips on it — and
:func:`from_declaration` starts a certificate from an outbound 报检单 (goods, consignee,
transport and invoice carried over, the link kept in ``declaration_id``).
"""
from __future__ import annotations

import copy
import re
from datetime import date
from typing import Any

from ..model import Declaration, ParseIssue, new_ulid

FORMAT = "ciqdesk/origin-certificate@1"
STATUSES = ("draft", "ready", "sent", "issued", "rejected")
STATUS_ZH = {"draft": "草稿", "ready": "待发送", "sent": "已发送", "issued": "已签证",
             "rejected": "已退回"}
STATUS_EN = {"draft": "draft", "ready": "ready", "sent": "sent", "issued": "issued",
             "rejected": "rejected"}
EDITABLE = frozenset({"draft", "rejected"})

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTY_KEYS = ("name", "address", "country", "uscc")
_TEXT = ("id", "declaration_id", "agreement", "retroactive_reason", "application_place",
         "application_date", "remarks", "certificate_no", "issued_on")
_GOODS_TEXT = ("marks", "description", "hs_code", "criterion", "quantity", "unit",
               "gross_weight_kg", "invoice_no", "invoice_date", "rvc_percent", "packages")
DATE_FIELDS = ("application_date", "transport.departure_date", "issued_on")


def new_certificate(**fields: Any) -> dict:
    """An empty draft with a fresh id (``fields`` override the defaults)."""
    doc: dict[str, Any] = {"format": FORMAT, "id": new_ulid(), "agreement": None,
                           "exporter": {}, "producer": {}, "consignee": {}, "transport": {},
                           "goods": [], "third_party_invoicing": False, "third_party": {},
                           "retroactive": False, "retroactive_reason": None,
                           "application_place": None, "application_date": None}
    doc.update(fields)
    return doc


def parse_date(text: Any) -> date | None:
    if not isinstance(text, str) or not _DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _issue(field: str, zh: str, en: str) -> ParseIssue:
    return ParseIssue("O0001", field, zh, en)


def normalise(raw: Any) -> tuple[dict | None, list[ParseIssue]]:
    """The document with every value of the wrong type removed, and what was removed."""
    if not isinstance(raw, dict):
        return None, [_issue("", "原产地证书内容应为 JSON 对象",
                             "a certificate of origin must be a JSON object")]
    doc = copy.deepcopy(raw)
    issues: list[ParseIssue] = []
    fmt = doc.get("format", FORMAT)
    if fmt != FORMAT:
        issues.append(_issue("format", f"不支持的格式 {str(fmt)[:40]}",
                             f"unsupported format {str(fmt)[:40]}"))
    doc["format"] = FORMAT
    for k in _TEXT:
        v = doc.get(k)
        if v is not None and not isinstance(v, str):
            issues.append(_issue(k, "应为文本", "must be text"))
            doc[k] = None
    for k in ("exporter", "producer", "consignee", "transport", "third_party"):
        v = doc.get(k)
        if v is None:
            doc[k] = {}
        elif not isinstance(v, dict):
            issues.append(_issue(k, "应为对象", "must be an object"))
            doc[k] = {}
        else:
            for kk, vv in list(v.items()):
                if vv is not None and not isinstance(vv, str):
                    issues.append(_issue(f"{k}.{kk}", "应为文本", "must be text"))
                    v[kk] = None
    for k in ("third_party_invoicing", "retroactive"):
        if not isinstance(doc.get(k, False), bool):
            issues.append(_issue(k, "应为 true 或 false", "must be true or false"))
            doc[k] = False
        doc.setdefault(k, False)
    goods = doc.get("goods")
    if goods is None:
        goods = []
    if not isinstance(goods, list):
        issues.append(_issue("goods", "货物应为列表", "goods must be a list"))
        goods = []
    out = []
    for i, g in enumerate(goods):
        if not isinstance(g, dict):
            issues.append(_issue(f"goods[{i}]", "货物项应为对象", "a goods line must be an object"))
            g = {}
        for k in _GOODS_TEXT:
            v = g.get(k)
            if isinstance(v, (int, float)) and not isinstance(v, bool) and k in (
                    "quantity", "gross_weight_kg", "rvc_percent", "packages"):
                g[k] = str(v)
            elif v is not None and not isinstance(v, str):
                issues.append(_issue(f"goods[{i}].{k}", "应为文本", "must be text"))
                g[k] = None
        out.append(g)
    doc["goods"] = out
    for path in DATE_FIELDS + tuple(f"goods[{i}].invoice_date" for i in range(len(out))):
        v = get_path(doc, path)
        if v not in (None, "") and parse_date(v) is None:
            issues.append(_issue(path, "日期格式应为 YYYY-MM-DD", "date must be YYYY-MM-DD"))
            set_path(doc, path, None)
    return doc, issues


def get_path(doc: dict, path: str) -> Any:
    cur: Any = doc
    for part in re.findall(r"[^.\[\]]+", path):
        if isinstance(cur, list):
            i = int(part)
            cur = cur[i] if i < len(cur) else None
        elif isinstance(cur, dict):
            cur = cur.get(part)
        else:
            return None
    return cur


def set_path(doc: dict, path: str, value: Any) -> None:
    parts = re.findall(r"[^.\[\]]+", path)
    cur: Any = doc
    for part in parts[:-1]:
        cur = cur[int(part)] if isinstance(cur, list) else cur.setdefault(part, {})
    cur[parts[-1]] = value


def _dec(v: Any) -> str | None:
    return None if v is None else format(v, "f")


def from_declaration(decl: Declaration, agreement: str, criterion: str | None = None, *,
                     today: date | None = None, place: str | None = None) -> dict:
    """A draft certificate for an outbound 报检单: its goods (HS 6 digits), consignee with
    the destination country, transport, invoice and marks carried over."""
    consignee = decl.consignee
    exporter = decl.consignor or decl.declarant
    ship = decl.ship_date
    goods = []
    for g in decl.goods:
        goods.append({"marks": decl.marks, "description": g.name_en or g.name_cn,
                      "hs_code": (g.hs_code or "")[:6] or None, "criterion": criterion,
                      "quantity": _dec(g.quantity), "unit": g.quantity_unit,
                      "gross_weight_kg": _dec(g.gross_weight_kg),
                      "invoice_no": decl.invoice_no, "invoice_date": None})
    app = today or date.today()
    return new_certificate(
        declaration_id=decl.id, agreement=agreement,
        exporter={"name": (exporter.name_en or exporter.name_cn) if exporter else None,
                  "uscc": exporter.uscc if exporter else None, "address": None,
                  "country": "CHN"},
        producer={"name": (exporter.name_en or exporter.name_cn) if exporter else None},
        consignee={"name": (consignee.name_en or consignee.name_cn) if consignee else None,
                   "address": None, "country": decl.destination_country or decl.trade_country},
        transport={"departure_date": ship.isoformat() if ship else None,
                   "means": decl.transport_name, "mode": decl.transport_mode,
                   "port_of_loading": decl.departure_port or decl.entry_exit_port,
                   "port_of_discharge": decl.arrival_port},
        goods=goods, application_place=place, application_date=app.isoformat(),
        retroactive=bool(ship and ship < app),
        retroactive_reason=None)
