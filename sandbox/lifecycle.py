"""How an accepted declaration moves through the platform, decided up front.

When a submission (or amendment) is accepted, :func:`plan` draws the whole future of the
declaration from an RNG seeded with ``declaration_id`` and ``version``: the same declaration
always gets the same path. Offsets are *platform* seconds after acceptance; the server
divides them by ``--time-scale`` to get real delays and applies the steps lazily (whenever
a feed is read or a batch arrives), emitting one status change per step.

Grade behaviour (``codes/credit_grades.csv``): AA is fastest and rarely inspected (2 %),
D is always inspected (so a D declaration always shows ``inspection``; it is never
auto-rejected in review); review rejections (退回) never happen for AA, 1 % A, 2 % B, 5 % C.
"""
from __future__ import annotations

import hashlib
import random

from client.lifecycle import AMENDABLE, PLATFORM, TERMINAL, WITHDRAWABLE

__all__ = ["AMENDABLE", "PLATFORM", "STATUSES", "TERMINAL", "WITHDRAWABLE", "plan"]

# platform seconds
_GRADE = {
    #      review_s, inspect_p, inspect_s, reject_p
    "AA": (60, 0.02, 1800, 0.0),
    "A": (600, 0.10, 3600, 0.01),
    "B": (1800, 0.30, 7200, 0.02),
    "C": (3600, 0.60, 14400, 0.05),
    "D": (7200, 1.00, 21600, 0.0),   # every D batch is inspected: never auto-rejected
}
_DEFAULT = _GRADE["B"]

ACCEPT_TO_REVIEW_S = 30
RELEASE_AFTER_S = 300
CERTIFY_AFTER_S = 1800

#: the platform's statuses and what it accepts in them: the desk's own life cycle
STATUSES = PLATFORM

NOTES = {
    "accepted": "已受理 / accepted",
    "amended": "修改申请已受理 / amendment accepted",
    "under_review": "审单中 / under document review",
    "released": "已放行 / released",
    "certified": "证单已签发 / certificates issued",
    "withdrawn": "撤销申请已受理 / withdrawal accepted",
}
_INSPECTION_NOTES = [
    "布控查验：开箱查验 / targeted inspection: container opened",
    "现场查验：核对货证 / on-site inspection: goods checked against documents",
    "抽样送检 / samples taken for laboratory testing",
    "随机抽查 / random sampling",
]
_REJECT_REASONS = [
    ("R001", "goods[0].name_cn", "货物名称与HS编码不符，请核实后重新申报",
     "goods description does not match the HS code; check and amend"),
    ("R002", "attachments", "随附单据不全，请补充合同/发票",
     "supporting documents incomplete; add contract and invoice"),
    ("R003", "consignee", "收货人信息与备案不一致", "consignee differs from the registered record"),
]


def _rng(declaration_id: str, version: int) -> random.Random:
    seed = hashlib.sha256(f"{declaration_id}:{version}".encode()).digest()
    return random.Random(int.from_bytes(seed[:8], "big"))


def plan(declaration_id: str, version: int, grade: str | None, wants_certificates: bool,
         clearance_doc_no: str | None = None) -> list[list]:
    """The steps after ``accepted``: ``[[offset_s, status, note, reasons|None], ...]``.

    With ``clearance_doc_no`` (goods of 监管条件 A/B, :mod:`sandbox.clearance`) the
    ``released`` step has a fifth element ``{"clearance_doc_no": …}`` and says so in its note.
    """
    review_s, inspect_p, inspect_s, reject_p = _GRADE.get(grade or "", _DEFAULT)
    r = _rng(declaration_id, version)
    t = ACCEPT_TO_REVIEW_S * (0.5 + r.random())
    steps: list[list] = [[round(t, 3), "under_review", NOTES["under_review"], None]]
    t += review_s * (0.5 + r.random())
    if r.random() < reject_p:
        code, field, zh, en = r.choice(_REJECT_REASONS)
        reasons = [{"code": code, "field": field, "message": zh, "message_zh": zh,
                    "message_en": en}]
        steps.append([round(t, 3), "rejected", f"退单 / rejected: {zh}", reasons])
        return steps
    if inspect_p >= 1.0 or r.random() < inspect_p:
        steps.append([round(t, 3), "inspection", r.choice(_INSPECTION_NOTES), None])
        t += inspect_s * (0.5 + r.random())
    t += RELEASE_AFTER_S * (0.5 + r.random())
    if clearance_doc_no:
        steps.append([round(t, 3), "released",
                      f"{NOTES['released']}；通关单号 / clearance no. {clearance_doc_no}", None,
                      {"clearance_doc_no": clearance_doc_no}])
    else:
        steps.append([round(t, 3), "released", NOTES["released"], None])
    if wants_certificates:
        t += CERTIFY_AFTER_S * (0.5 + r.random())
        steps.append([round(t, 3), "certified", NOTES["certified"], None])
    return steps
