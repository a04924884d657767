"""E17xx/W17xx — the enterprise: what its credit grade allows (``codes/credit_grades.csv``)
and whom it may declare for (itself; a broker, its client enterprises as their agent).

Only ``import_direct``/``export_direct`` and a cross-bureau ``declare_bureau`` (declared
somewhere other than the inspecting bureau) depend on the grade; a declaration using none
of them gets no credit finding at all.

Offline the last synced grade (``ctx.credit_grade``, ``ctx.grade_synced_at``) is used:
no grade yet is a warning, not an error (the platform decides on receipt); a grade older
than :data:`STALE_AFTER_DAYS` days is named with its age.
"""
from __future__ import annotations

from datetime import date, datetime

from ._common import issue, lookups
from .registry import rule

STALE_AFTER_DAYS = 7
DIRECT_MODES = ("import_direct", "export_direct")


def _uses_direct(decl) -> bool:
    return decl.clearance_mode in DIRECT_MODES


def _uses_cross_bureau(decl) -> bool:
    b, i = decl.declare_bureau, decl.inspect_bureau
    return isinstance(b, str) and isinstance(i, str) and bool(b) and bool(i) and b != i


def _grade(ctx):
    g = ctx.credit_grade
    if not isinstance(g, str) or not g.strip():
        return None, None
    g = g.strip().upper()
    return g, lookups(ctx).grades.get(g)


def grade_age_days(ctx) -> int | None:
    """Whole days since the grade was synced (``None`` when unknown)."""
    at = ctx.grade_synced_at
    today = ctx.today
    if isinstance(at, datetime):
        at = at.date()
    if not isinstance(at, date) or not isinstance(today, date):
        return None
    return (today - at).days


def _age_note(ctx) -> tuple[str, str]:
    age = grade_age_days(ctx)
    if age is None:
        return "（该等级的同步时间未知）", " (when it was synced is unknown)"
    if age > STALE_AFTER_DAYS:
        return f"（该等级为{age}天前同步的结果）", f" (as synced {age} days ago)"
    return "", ""


def _features(decl) -> tuple[list[str], list[str]]:
    zh, en = [], []
    if _uses_direct(decl):
        zh.append("进口直通" if decl.clearance_mode == "import_direct" else "出口直放")
        en.append(decl.clearance_mode)
    if _uses_cross_bureau(decl):
        zh.append("异地受理（通报）")
        en.append("cross-bureau declaring")
    return zh, en


@rule("W1701", "warning", "clearance_mode", "企业信用等级未知（尚未同步），无法确认可否使用直通/直放或异地受理",
      "The credit grade is unknown (not synced yet): direct modes and cross-bureau declaring "
      "cannot be confirmed.")
def grade_unknown(decl, ctx):
    zh_f, en_f = _features(decl)
    if not zh_f:
        return None
    g, row = _grade(ctx)
    if row is not None:
        return None
    field = "clearance_mode" if _uses_direct(decl) else "declare_bureau"
    if g is None:
        zh_why, en_why = "尚未从平台同步企业信用等级", "the enterprise's credit grade has not been synced from the platform yet"
    else:
        zh_why, en_why = f"信用等级“{g}”不在信用等级代码表中", f"the credit grade \"{g}\" is not in the credit grade table"
    return [issue("W1701", field,
                  f"本单使用{'、'.join(zh_f)}，但{zh_why}，无法确认是否允许；请联网同步后再提交，"
                  f"否则可能被平台退回",
                  f"This declaration uses {', '.join(en_f)}, but {en_why}, so it cannot be "
                  f"confirmed that this is allowed: sync before sending or the platform may "
                  f"reject it.")]


def _refused(code, field, grade, row, ctx, what_zh, what_en, fix_zh, fix_en):
    note_zh, note_en = _age_note(ctx)
    return [issue(code, field,
                  f"企业信用等级为 {row[2]}{note_zh}，不允许{what_zh}：{fix_zh}",
                  f"The enterprise's credit grade {grade}{note_en} does not allow {what_en}: "
                  f"{fix_en}")]


@rule("E1702", "error", "clearance_mode", "信用等级不允许进口直通/出口直放",
      "The credit grade does not allow import_direct/export_direct.")
def direct_mode_needs_grade(decl, ctx):
    if not _uses_direct(decl):
        return None
    g, row = _grade(ctx)
    if row is None or row[0]:
        return None
    m = decl.clearance_mode
    return _refused("E1702", "clearance_mode", g, row, ctx,
                    "进口直通" if m == "import_direct" else "出口直放", m,
                    "请改为一般通关（standard）", "choose standard clearance.")


@rule("E1703", "error", "declare_bureau", "信用等级不允许异地受理（受理机构与施检机构不同）",
      "The credit grade does not allow declaring at a bureau other than the inspecting one.")
def cross_bureau_needs_grade(decl, ctx):
    if not _uses_cross_bureau(decl):
        return None
    g, row = _grade(ctx)
    if row is None or row[1]:
        return None
    return _refused("E1703", "declare_bureau", g, row, ctx,
                    f"在施检机构 {decl.inspect_bureau} 以外的机构 {decl.declare_bureau} 受理",
                    f"declaring at {decl.declare_bureau} instead of the inspecting bureau "
                    f"{decl.inspect_bureau}",
                    "请将受理机构改为施检机构", "declare at the inspecting bureau.")


@rule("W1704", "warning", "clearance_mode", "企业信用等级已较久未同步（超过7天），结果可能已过时",
      "The credit grade was synced more than 7 days ago and may be out of date.")
def grade_stale(decl, ctx):
    zh_f, en_f = _features(decl)
    if not zh_f:
        return None
    g, row = _grade(ctx)
    if row is None:
        return None  # W1701 speaks
    age = grade_age_days(ctx)
    if age is not None and age <= STALE_AFTER_DAYS:
        return None
    field = "clearance_mode" if _uses_direct(decl) else "declare_bureau"
    if age is None:
        zh_age, en_age = "同步时间未知", "it is unknown when it was synced"
    else:
        zh_age, en_age = f"为{age}天前同步的结果", f"it was synced {age} days ago"
    return [issue("W1704", field,
                  f"本单使用{'、'.join(zh_f)}，依据的企业信用等级 {g} {zh_age}，可能已变化；请联网同步后再提交",
                  f"This declaration uses {', '.join(en_f)} on the strength of credit grade {g}, "
                  f"but {en_age} and it may have changed: sync before sending.")]


def _who(ctx) -> tuple[str | None, frozenset[str]]:
    me = ctx.enterprise_uscc if isinstance(ctx.enterprise_uscc, str) else None
    clients = ctx.client_usccs if isinstance(ctx.client_usccs, frozenset) else frozenset()
    return me, clients


def _uscc_of(party) -> str | None:
    """A party's USCC when it is text (``None`` for no party or an unreadable value)."""
    return party.uscc if party is not None and isinstance(party.uscc, str) else None


@rule("E1710", "error", "declarant.uscc",
      "报检单位须为当前登录企业（代理报检时为其委托企业）",
      "The declarant must be the logged-in enterprise (or, for a broker, one of its clients).")
def declarant_is_permitted(decl, ctx):
    me, clients = _who(ctx)
    uscc = _uscc_of(decl.declarant)
    if me is None or not uscc or uscc == me or uscc in clients:
        return None
    whom = "或其委托企业" if clients else ""
    whom_en = " or one of its clients" if clients else ""
    return [issue("E1710", "declarant.uscc",
                  f"报检单位统一社会信用代码 {uscc} 不是当前登录企业（{me}）{whom}，平台将退回；"
                  f"请核对报检单位，或以该企业的账号登录",
                  f"The declarant {uscc} is not the logged-in enterprise ({me}){whom_en}; the "
                  f"platform would reject it. Check the declarant or log in as that enterprise.")]


@rule("E1711", "error", "agent.uscc", "代理报检时代理报检单位须为当前登录的代理企业",
      "When a broker files for a client, the agent must be the broker itself.")
def broker_is_agent(decl, ctx):
    me, clients = _who(ctx)
    uscc = _uscc_of(decl.declarant)
    if me is None or not uscc or uscc == me or uscc not in clients:
        return None
    agent = _uscc_of(decl.agent)
    if agent == me:
        return None
    shown = agent or "（未填）"
    return [issue("E1711", "agent.uscc",
                  f"为委托企业 {uscc} 代理报检时，代理报检单位应为本企业（{me}），当前为 {shown}",
                  f"Filing for client {uscc}, the agent must be this broker ({me}), "
                  f"not {agent or 'empty'}.")]
