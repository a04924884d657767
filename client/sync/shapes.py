"""Checks of what the platform answers, before anything is applied locally.

Each ``check_*`` function takes a decoded JSON body and either returns it (possibly
normalised) or raises :class:`~client.sync.http.BadResponse`. The sync engine checks a
whole answer first and only then opens the write transaction, so a garbled or mistyped
answer changes nothing on the desk.
"""
from __future__ import annotations

import re
from typing import Any

from .http import BadResponse

OUTCOMES = ("applied", "duplicate", "rejected", "conflict")
PLATFORM_STATUSES = ("accepted", "under_review", "inspection", "released", "certified",
                     "rejected", "withdrawn")
_SHA = re.compile(r"^[0-9a-f]{64}$")
_NO15 = re.compile(r"^\d{15}$")


def _need(cond: bool, what: str) -> None:
    if not cond:
        raise BadResponse(what)


def _str(v: Any) -> bool:
    return isinstance(v, str)


def _opt_str(v: Any) -> bool:
    return v is None or isinstance(v, str)


def _int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _opt_int(v: Any) -> bool:
    return v is None or _int(v)


def check_session(body: Any, need_refresh: bool = True) -> dict:
    _need(isinstance(body, dict), "登录应答不是对象")
    _need(_str(body.get("access_token")) and body["access_token"] != "", "缺少 access_token")
    if need_refresh:
        _need(_str(body.get("refresh_token")) and body["refresh_token"] != "",
              "缺少 refresh_token")
    if "enterprise" in body:
        check_enterprise(body["enterprise"])
    return body


def check_enterprise(ent: Any) -> dict:
    _need(isinstance(ent, dict), "企业信息不是对象")
    _need(_str(ent.get("uscc")), "企业信息缺少 uscc")
    for k in ("name_cn", "name_en", "reg_no", "credit_grade", "credit_grade_updated_at"):
        _need(_opt_str(ent.get(k)), f"企业信息字段 {k} 类型错误")
    clients = ent.get("clients", [])
    _need(isinstance(clients, list), "企业信息 clients 不是列表")
    for c in clients:
        check_enterprise(c)
    return ent


def check_lease(body: Any) -> dict:
    _need(isinstance(body, dict), "号段应答不是对象")
    _need(_str(body.get("lease_id")) and body["lease_id"] != "", "号段缺少 lease_id")
    _need(_str(body.get("bureau")) and len(body["bureau"]) == 6, "号段 bureau 错误")
    _need(body.get("direction") in ("inbound", "outbound"), "号段 direction 错误")
    y = body.get("year")
    _need((_str(y) and y.isdigit() and len(y) in (2, 4)) or _int(y), "号段 year 错误")
    _need(_int(body.get("first")) and _int(body.get("last")), "号段 first/last 不是整数")
    _need(1 <= body["first"] <= body["last"] <= 999999, "号段范围错误")
    _need(_opt_str(body.get("expires_at")), "号段 expires_at 类型错误")
    return body


def check_lease_close(body: Any) -> dict:
    _need(isinstance(body, dict), "关闭号段应答不是对象")
    _need(_int(body.get("void_count", 0)), "void_count 类型错误")
    _need(isinstance(body.get("void_ranges", []), list), "void_ranges 类型错误")
    return body


def check_batch(body: Any, sent_ids: list[str]) -> list[dict]:
    """The results of ``mutations:batch``: one per sent mutation, every id accounted for."""
    _need(isinstance(body, dict), "批量提交应答不是对象")
    results = body.get("results")
    _need(isinstance(results, list), "批量提交应答缺少 results 列表")
    _need(len(results) == len(sent_ids), f"发送 {len(sent_ids)} 项，应答 {len(results)} 项")
    sent = set(sent_ids)
    seen: set[str] = set()
    for r in results:
        _need(isinstance(r, dict), "结果项不是对象")
        mid = r.get("mutation_id")
        _need(_str(mid) and mid in sent and mid not in seen, "结果项的 mutation_id 不符")
        seen.add(mid)
        _need(r.get("outcome") in OUTCOMES, f"未知的结果 {str(r.get('outcome'))[:20]}")
        _need(_opt_int(r.get("version")), "结果项 version 不是整数")
        if r["outcome"] == "applied" or r["outcome"] == "duplicate":
            _need(_int(r.get("version")), "已受理的结果缺少 version")
        reasons = r.get("reasons") or []
        _need(isinstance(reasons, list), "结果项 reasons 不是列表")
        for x in reasons:
            _need(isinstance(x, dict), "退回原因不是对象")
            for k in ("code", "field", "message", "message_zh", "message_en"):
                _need(_opt_str(x.get(k)), f"退回原因字段 {k} 类型错误")
        _need(isinstance(r.get("retryable", False), bool), "retryable 类型错误")
    return results


def check_change(c: Any) -> dict | None:
    """One change of the feed; ``None`` for a kind this client does not know (skipped)."""
    _need(isinstance(c, dict), "变更项不是对象")
    kind = c.get("kind")
    _need(_str(kind), "变更项缺少 kind")
    if kind == "status":
        _need(_opt_str(c.get("declaration_id")), "回执 declaration_id 类型错误")
        no = c.get("inspection_no")
        _need(no is None or (_str(no) and _NO15.match(no) is not None), "回执报检号格式错误")
        _need(c.get("declaration_id") or no, "回执没有报检单编号")
        _need(c.get("status") in PLATFORM_STATUSES, f"未知的回执状态 {str(c.get('status'))[:20]}")
        _need(_str(c.get("at")), "回执缺少时间")
        _need(_opt_str(c.get("note")), "回执 note 类型错误")
        cdn = c.get("clearance_doc_no")
        _need(cdn is None or (isinstance(cdn, str) and len(cdn) == 18 and cdn.isdigit()),
              "回执 clearance_doc_no 应为18位数字")
        _need(_opt_int(c.get("version")), "回执 version 不是整数")
        reasons = c.get("reasons") or []
        _need(isinstance(reasons, list) and all(isinstance(x, dict) for x in reasons),
              "回执 reasons 类型错误")
        return c
    if kind == "credit":
        _need(_str(c.get("grade")) and 0 < len(c["grade"]) <= 3, "信用等级变更缺少 grade")
        _need(_str(c.get("at")), "信用等级变更缺少时间")
        _need(_opt_str(c.get("uscc")), "信用等级变更 uscc 类型错误")
        return c
    if kind == "codes":
        _need(_str(c.get("table")) and c["table"] != "", "代码表变更缺少 table")
        _need(_str(c.get("version")) and c["version"] != "", "代码表变更缺少 version")
        _need(_str(c.get("sha256")) and _SHA.match(c["sha256"]) is not None,
              "代码表变更 sha256 格式错误")
        return c
    if kind == "doc_status":  # issue 15: a status of another document kind (client.sync.kinds)
        from . import kinds
        dk = kinds.get(c.get("doc_kind")) if _str(c.get("doc_kind")) else None
        if dk is None or dk.name == kinds.DECLARATION or dk.apply_changes is None:
            return None  # a kind this desk does not file: skipped like an unknown change
        _need(_str(c.get("doc_id")) and c["doc_id"] != "", "文书状态变更缺少 doc_id")
        _need(_str(c.get("status")) and c["status"] != "", "文书状态变更缺少 status")
        _need(_str(c.get("at")), "文书状态变更缺少时间")
        _need(_opt_str(c.get("note")) and _opt_int(c.get("version")), "文书状态变更字段类型错误")
        reasons = c.get("reasons") or []
        _need(isinstance(reasons, list) and all(isinstance(x, dict) for x in reasons),
              "文书状态变更 reasons 类型错误")
        return dk.check_change(c) if dk.check_change is not None else c
    if kind == "ecert":  # issue 14: an e-certificate issued or cancelled (client.ecert.sync)
        _need(_str(c.get("number")) and _str(c.get("declaration_id")), "电子证书变更缺少编号")
        _need(c.get("status") in ("issued", "cancelled"), "电子证书变更状态未知")
        return c
    return None


def check_changes_page(body: Any) -> tuple[list[dict], str, bool]:
    _need(isinstance(body, dict), "变更应答不是对象")
    changes = body.get("changes")
    _need(isinstance(changes, list), "变更应答缺少 changes 列表")
    _need(_str(body.get("next_cursor")) and body["next_cursor"] != "", "变更应答缺少 next_cursor")
    _need(isinstance(body.get("has_more"), bool), "变更应答 has_more 类型错误")
    known = [x for x in (check_change(c) for c in changes) if x is not None]
    return known, body["next_cursor"], body["has_more"]


def check_code_table(body: Any, table: str) -> dict:
    _need(isinstance(body, dict), "代码表应答不是对象")
    _need(body.get("table") == table, "代码表名称不符")
    _need(_str(body.get("version")) and _str(body.get("content")), "代码表缺少 version/content")
    _need(_str(body.get("sha256")) and _SHA.match(body["sha256"]) is not None,
          "代码表 sha256 格式错误")
    return body


def check_declarations_page(body: Any) -> tuple[list[dict], str, bool]:
    _need(isinstance(body, dict), "报检单快照应答不是对象")
    items = body.get("declarations")
    _need(isinstance(items, list), "报检单快照缺少 declarations 列表")
    _need(_str(body.get("next_cursor")) and body["next_cursor"] != "", "快照缺少 next_cursor")
    _need(isinstance(body.get("has_more"), bool), "快照 has_more 类型错误")
    for d in items:
        check_declaration_item(d)
    return items, body["next_cursor"], body["has_more"]


def check_declaration_item(d: Any) -> dict:
    """One declaration as the platform holds it (a snapshot item, or the answer of
    ``GET /v1/declarations/{id}``, whose ``history`` is checked too when present)."""
    _need(isinstance(d, dict), "快照项不是对象")
    _need(_str(d.get("id")) and d["id"] != "", "快照项缺少 id")
    no = d.get("inspection_no")
    _need(no is None or (_str(no) and _NO15.match(no) is not None), "快照项报检号格式错误")
    _need(d.get("status") in PLATFORM_STATUSES, "快照项状态未知")
    _need(_opt_str(d.get("status_at")) and _opt_str(d.get("note")), "快照项时间/备注类型错误")
    _need(_opt_int(d.get("version")), "快照项 version 不是整数")
    _need(d.get("payload") is None or isinstance(d.get("payload"), dict), "快照项 payload 类型错误")
    _need(isinstance(d.get("reasons") or [], list), "快照项 reasons 类型错误")
    hist = d.get("history")
    _need(hist is None or isinstance(hist, list), "报检单历史不是列表")
    for h in hist or ():
        _need(isinstance(h, dict) and _str(h.get("at")), "报检单历史项格式错误")
        _need(h.get("kind", "status") != "status" or h.get("status") in PLATFORM_STATUSES,
              "报检单历史项状态未知")
        _need(_opt_str(h.get("note")) and _opt_int(h.get("version")), "报检单历史项类型错误")
    return d
