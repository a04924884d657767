"""A declaration's life: its statuses, which moves are allowed, names and badge colours.

The one owner of the life cycle. The store checks every status change against
:func:`allowed` (``client.store.status`` is the only writer), the sandbox decides what it
accepts with :data:`AMENDABLE` / :data:`WITHDRAWABLE`, and the UI names and colours a
status with :func:`status_name` and :data:`PALETTE`.

Local life: ``draft → ready → sent``; then the platform's receipts move it on
(``accepted → under_review → inspection → released → certified``, or ``rejected``, or
``withdrawn``). Platform statuses only move **forward**: a receipt is applied when its
``(version, rank)`` is above the desk's, so the same receipt twice, or receipts out of
order, converge on the platform's status. A new platform ``version`` (an accepted
amendment or withdrawal) is the only way "back" (``rejected → accepted``).
"""
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
#: status → the sentence form after 已 (报检单已{…}，不能直接修改)
STATUS_SENTENCE: dict[str, tuple[str, str]] = {
    "draft": ("为草稿", "a draft"), "ready": ("定稿", "finalised"), "sent": ("发送", "sent"),
    "accepted": ("受理", "accepted"), "under_review": ("进入审单", "under review"),
    "inspection": ("进入查验", "under inspection"), "released": ("放行", "released"),
    "certified": ("签证", "certified"), "rejected": ("被退回", "rejected"),
    "withdrawn": ("撤销", "withdrawn"),
}

LOCAL = ("draft", "ready", "sent")
PLATFORM = ("accepted", "under_review", "inspection", "released", "certified", "rejected",
            "withdrawn")
#: local life first, then what the platform reports
STATUSES = LOCAL + PLATFORM

#: statuses a user may edit directly (everything else goes through an amendment)
EDITABLE = frozenset({"draft"})
#: platform statuses in which an amendment is accepted (a rejected one may be corrected)
AMENDABLE = frozenset({"accepted", "under_review", "inspection", "rejected"})
#: platform statuses in which a withdrawal is accepted (before release)
WITHDRAWABLE = AMENDABLE
#: no platform step follows these within one version
TERMINAL = frozenset({"released", "certified", "rejected", "withdrawn"})

#: how far along one platform version a status is; receipts only move up this order
RANK: dict[str, int] = {
    "draft": 0, "ready": 1, "sent": 2, "accepted": 3, "under_review": 4, "inspection": 5,
    "rejected": 6, "released": 6, "certified": 7, "withdrawn": 8,
}

#: local transitions (what the desk itself does)
LOCAL_MOVES: frozenset[tuple[str, str]] = frozenset({
    ("draft", "ready"),        # finalise
    ("ready", "sent"),         # the platform took the submission
    ("ready", "rejected"),     # the platform refused the submission outright
    ("sent", "rejected"),
    ("rejected", "ready"),     # a refused submission corrected and finalised again
})
#: platform transitions within one version (receipts)
PLATFORM_MOVES: frozenset[tuple[str, str]] = frozenset({
    ("accepted", "under_review"), ("accepted", "inspection"), ("accepted", "released"),
    ("accepted", "rejected"), ("accepted", "certified"),
    ("under_review", "inspection"), ("under_review", "released"),
    ("under_review", "rejected"), ("under_review", "certified"),
    ("inspection", "released"), ("inspection", "rejected"), ("inspection", "certified"),
    ("released", "certified"),
} | {(a, "withdrawn") for a in AMENDABLE})


def allowed(old: str | None, new: str, *, old_version: int | None = None,
            new_version: int | None = None, source: str = "local") -> bool:
    """May a declaration in ``old`` (at ``old_version``) move to ``new``?

    A new declaration (``old`` None) may start anywhere. Staying put is allowed (a note,
    a queued amendment). A platform receipt of a newer version moves to any platform
    status; of the same version only forward (:data:`RANK`), skipping steps the desk did
    not see; of an older version never.
    """
    if old is None or old == new:
        return True
    if source == "platform" and new in PLATFORM:
        if old in LOCAL:
            return True
        if new_version is not None and old_version is not None and new_version != old_version:
            return new_version > old_version
    return (old, new) in LOCAL_MOVES or (old, new) in PLATFORM_MOVES


def newer(old: str | None, old_version: int | None, new: str, new_version: int | None) -> bool:
    """Is a platform ``(new, new_version)`` ahead of what the desk holds? (convergence key)"""
    if old is None:
        return True
    if old in LOCAL:
        return new not in LOCAL
    ov = old_version if old_version is not None else -1
    nv = new_version if new_version is not None else ov
    return (nv, RANK.get(new, 0)) > (ov, RANK.get(old, 0))


def status_name(status: str | None, lang: str = "zh") -> str:
    """The status's name in ``lang`` ("zh" or "en"); an unknown code as it is."""
    if status is None:
        return ""
    names = STATUS_NAMES.get(status)
    if names is None:
        return status
    return names[1] if lang == "en" else names[0]


def status_sentence(status: str | None, lang: str = "zh") -> str:
    """The sentence form: 报检单已{status_sentence}… / the declaration is {…}."""
    names = STATUS_SENTENCE.get(status or "")
    if names is None:
        return status or ""
    return names[1] if lang == "en" else names[0]


#: status → (text colour, background colour, strong colour): badges in the list and the
#: editor banner use text/background; the timeline's dot and the banner's chip the strong one
PALETTE: dict[str, tuple[str, str, str]] = {
    "draft": ("#5b6673", "#eceff3", "#8c96a3"),
    "ready": ("#1f5fb8", "#e1ecfb", "#1f5fa8"),
    "sent": ("#4453c4", "#e7e9fb", "#4453c4"),
    "accepted": ("#0d7c7c", "#ddf2f1", "#0d7c7c"),
    "under_review": ("#0d7c7c", "#ddf2f1", "#2f7dd1"),
    "inspection": ("#b35f00", "#fff0db", "#d46b08"),
    "released": ("#17803a", "#dff3e5", "#237804"),
    "certified": ("#0f6a2f", "#d5eedc", "#0f6a2f"),
    "rejected": ("#c0282d", "#fde6e6", "#cf1322"),
    "withdrawn": ("#737d88", "#eff0f2", "#6b7280"),
}


def colours(status: str | None) -> tuple[str, str, str]:
    """``(text, background, strong)`` of a status badge (a draft's for unknown codes)."""
    return PALETTE.get(status or "draft", PALETTE["draft"])
