"""Declaration statuses: the local lifecycle and the platform's receipts, with names."""
from __future__ import annotations

#: status → (Chinese, English)
STATUS_NAMES: dict[str, tuple[str, str]] = {
    "draft": ("草稿", "Draft"),
    "ready": ("已定稿待发送", "Finalised, waiting to send"),
    "sent": ("已发送", "Sent"),
    "accepted": ("已受理", "Accepted"),
    "under_review": ("审单中", "Under review"),
    "inspection": ("查验", "Inspection"),
    "released": ("已放行", "Released"),
    "certified": ("已签证", "Certified"),
    "rejected": ("退回", "Rejected"),
    "withdrawn": ("已撤销", "Withdrawn"),
}
LOCAL = ("draft", "ready", "sent")
PLATFORM = ("accepted", "under_review", "inspection", "released", "certified", "rejected",
            "withdrawn")


def status_name(status: str | None, lang: str = "zh") -> str:
    if status is None:
        return ""
    names = STATUS_NAMES.get(status)
    if names is None:
        return status
    return names[1] if lang == "en" else names[0]
