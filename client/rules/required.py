"""E10xx — what must be filled in, depending on direction, transport mode and lines.

A field counts as missing when it is ``None`` (absent, ``null`` or unreadable: an
unreadable value already has its E000x parse issue, and also gets the missing-field issue
here only when the field is required) or text of blanks only.
"""
from __future__ import annotations

from ._common import blank, issue, lbl, lookups, seq
from .registry import rule

MAX_GOODS = 50


def _missing(code: str, path: str, hint_zh: str = "", hint_en: str = ""):
    zh, en = lbl(path)
    return [issue(code, path, f"请填写{zh}{hint_zh}", f"Fill in the {en}{hint_en}.")]


def _header_required(code: str, name: str, *, direction: str | None = None,
                     zh_note: str = "", en_note: str = ""):
    """Register "``name`` is required" (only for ``direction`` when given)."""
    zh, en = lbl(name)
    when_zh = {"inbound": "入境报检", "outbound": "出境报检", None: ""}[direction]
    when_en = {"inbound": "inbound ", "outbound": "outbound ", None: ""}[direction]
    summary_zh = f"{when_zh}必须填写{zh}{zh_note}"
    summary_en = f"The {en} is required{' on ' + when_en + 'declarations' if direction else ''}{en_note}."

    def check(decl, ctx):
        if direction is not None and decl.direction != direction:
            return None
        v = getattr(decl, name)
        if v is None or (v.__class__ is str and (not v or v.isspace())):
            hint_zh = f"（{when_zh}必填）" if direction else ""
            hint_en = f" (required on {when_en}declarations)" if direction else ""
            return _missing(code, name, hint_zh, hint_en)
        return None

    check.__name__ = f"required_{name}" + (f"_{direction}" if direction else "")
    check.__qualname__ = check.__name__
    check.__doc__ = summary_en
    return rule(code, "error", name, summary_zh, summary_en, scope="header")(check)


@rule("E1001", "error", "direction", "必须选择出入境（入境/出境）",
      "The direction (inbound or outbound) is required.", scope="header")
def direction_required(decl, ctx):
    if blank(decl.direction):
        return _missing("E1001", "direction", "：入境(inbound)或出境(outbound)",
                        ": inbound or outbound")
    return None


_header_required("E1002", "inspection_type")
_header_required("E1003", "clearance_mode")
_header_required("E1004", "declare_bureau")
_header_required("E1005", "port_bureau")
_header_required("E1006", "inspect_bureau")


@rule("E1007", "error", "declarant.reg_no", "必须填写报检单位备案号",
      "The declarant's CIQ registration number is required.", scope="parties")
def declarant_reg_no_required(decl, ctx):
    p = decl.declarant
    if p is None or blank(p.reg_no):
        return _missing("E1007", "declarant.reg_no", "（10位报检单位登记号）",
                        " (the 10-digit CIQ registration number)")
    return None


@rule("E1008", "error", "declarant.uscc", "必须填写报检单位统一社会信用代码",
      "The declarant's unified social credit code is required.", scope="parties")
def declarant_uscc_required(decl, ctx):
    p = decl.declarant
    if p is None or blank(p.uscc):
        return _missing("E1008", "declarant.uscc", "（18位）", " (18 characters)")
    return None


@rule("E1009", "error", "declarer.name", "必须填写报检员姓名", "The declarer's name is required.", scope="parties")
def declarer_name_required(decl, ctx):
    p = decl.declarer
    if p is None or blank(p.name):
        return _missing("E1009", "declarer.name")
    return None


@rule("E1010", "error", "consignee.name_cn", "入境报检必须填写收货人中文名称",
      "Inbound: the consignee's Chinese name is required.", scope="parties")
def consignee_name_cn_inbound(decl, ctx):
    if decl.direction != "inbound":
        return None
    p = decl.consignee
    if p is None or blank(p.name_cn):
        return _missing("E1010", "consignee.name_cn", "（入境必填）", " (required inbound)")
    return None


@rule("E1011", "error", "consignee.name_en", "出境报检必须填写收货人名称（中文或外文）",
      "Outbound: the consignee's name (Chinese or English) is required.", scope="parties")
def consignee_name_outbound(decl, ctx):
    if decl.direction != "outbound":
        return None
    p = decl.consignee
    if p is None or (blank(p.name_cn) and blank(p.name_en)):
        return [issue("E1011", "consignee.name_en", "请填写收货人名称（外文名称或中文名称至少一项）",
                      "Fill in the consignee's name (English or Chinese).")]
    return None


@rule("E1012", "error", "consignor.name_cn", "出境报检必须填写发货人中文名称",
      "Outbound: the consignor's Chinese name is required.", scope="parties")
def consignor_name_cn_outbound(decl, ctx):
    if decl.direction != "outbound":
        return None
    p = decl.consignor
    if p is None or blank(p.name_cn):
        return _missing("E1012", "consignor.name_cn", "（出境必填）", " (required outbound)")
    return None


@rule("E1013", "error", "consignor.name_en", "入境报检必须填写发货人名称（中文或外文）",
      "Inbound: the consignor's name (Chinese or English) is required.", scope="parties")
def consignor_name_inbound(decl, ctx):
    if decl.direction != "inbound":
        return None
    p = decl.consignor
    if p is None or (blank(p.name_cn) and blank(p.name_en)):
        return [issue("E1013", "consignor.name_en", "请填写发货人名称（外文名称或中文名称至少一项）",
                      "Fill in the consignor's name (English or Chinese).")]
    return None


_header_required("E1014", "contract_no")


#: eCIQ transport modes that carry no B/L or waybill: 5 旅客携带, 6 管道运输
_NO_BL_ECIQ = frozenset({"5", "6"})


def _bl_exempt(decl, ctx) -> bool | None:
    """True when the transport needs no B/L, None when it cannot be told (eCIQ 9 其他
    without the customs code: mail or another carriage; W1015 asks)."""
    tm = decl.transport_mode
    if "transport_mode" not in lookups(ctx).eciq:
        return tm == "6"                                  # customs 6 邮件运输
    if tm in _NO_BL_ECIQ:
        return True
    if tm == "9":                                         # eCIQ 9 其他 includes mail
        customs = decl.extra.get("customs_transport_mode") if decl.extra else None
        return None if customs is None else customs == "6"
    return False


@rule("E1015", "error", "bl_no", "入境报检必须填写提单/运单号（邮件、旅客携带、管道运输除外）",
      "Inbound: the B/L no. is required unless the goods come by mail, with a passenger or "
      "by pipeline (customs transport mode 6; eCIQ 5, 6, or 9 with customs mode 6).")
def bl_no_inbound(decl, ctx):
    if decl.direction != "inbound" or _bl_exempt(decl, ctx) is not False:
        return None
    if blank(decl.bl_no):
        return _missing("E1015", "bl_no", "（入境必填，邮件、旅客携带、管道运输除外）",
                        " (required inbound unless the goods come by mail, with a passenger "
                        "or by pipeline)")
    return None


@rule("W1015", "warning", "bl_no", "运输方式为 9 其他（含邮件）的入境报检未填提单/运单号",
      "Inbound by eCIQ transport mode 9 (other, incl. mail) without a B/L no.")
def bl_no_inbound_other(decl, ctx):
    if decl.direction != "inbound" or _bl_exempt(decl, ctx) is not None or not blank(decl.bl_no):
        return None
    return [issue("W1015", "bl_no",
                  "运输方式为 9 其他运输（含邮件）：邮件无需提单/运单号；其他运输方式请填写提单/运单号",
                  "Transport mode 9 (other, incl. mail): mail needs no B/L no.; any other "
                  "carriage does: fill it in.")]


_header_required("E1016", "transport_mode")
_header_required("E1017", "transport_name")
_header_required("E1018", "trade_mode")
_header_required("E1019", "trade_country")
_header_required("E1020", "departure_country", direction="inbound")
_header_required("E1021", "destination_country", direction="outbound")
_header_required("E1022", "destination_district", direction="inbound")
_header_required("E1023", "origin_district", direction="outbound")
_header_required("E1024", "arrival_date", direction="inbound")
_header_required("E1025", "ship_date", direction="outbound")
_header_required("E1026", "goods_location")
_header_required("E1027", "purpose")


@rule("E1028", "error", "goods", "至少填写一项货物", "At least one goods line is required.")
def goods_present(decl, ctx):
    if not seq(decl.goods):
        return [issue("E1028", "goods", "请至少填写一项货物明细",
                      "Add at least one goods line.")]
    return None


@rule("E1029", "error", "goods", "货物不能超过50项", "At most 50 goods lines.")
def goods_at_most_50(decl, ctx):
    n = len(seq(decl.goods))
    if n > MAX_GOODS:
        return [issue("E1029", "goods", f"货物明细最多{MAX_GOODS}项，现有{n}项，请拆分为多份报检单",
                      f"At most {MAX_GOODS} goods lines are allowed, there are {n}: split the "
                      f"declaration.")]
    return None


def _goods_required(code: str, name: str):
    path_t = f"goods[].{name}"
    zh_t, en_t = lbl(path_t)

    def check(decl, ctx):
        out = None
        for i, g in enumerate(decl.goods or ()):
            v = getattr(g, name)
            if v is None or (v.__class__ is str and (not v or v.isspace())):
                path = f"goods[{i}].{name}"
                zh, en = lbl(path)
                out = out or []
                out.append(issue(code, path, f"请填写{zh}", f"Fill in the {en}."))
        return out

    check.__name__ = check.__qualname__ = f"goods_{name}_required"
    return rule(code, "error", path_t, f"每项货物必须填写{zh_t}",
                f"Every goods line needs its {en_t}.", scope="goods")(check)


_goods_required("E1030", "hs_code")
_goods_required("E1031", "name_cn")
_goods_required("E1032", "origin_country")
_goods_required("E1033", "seq")


@rule("E1034", "error", "containers[].number", "集装箱必须填写箱号",
      "Every container needs its number.", scope="containers")
def container_number_required(decl, ctx):
    out = None
    for i, c in enumerate(decl.containers or ()):
        if blank(c.number):
            out = out or []
            out.append(issue("E1034", f"containers[{i}].number", f"请填写第{i + 1}个集装箱的箱号",
                             f"Fill in the number of container {i + 1}."))
    return out


@rule("E1035", "error", "attachments[].sha256", "随附单据必须有类型、文件名和文件摘要",
      "Every attachment needs its type, file name and file hash.", scope="attachments")
def attachment_fields_required(decl, ctx):
    out = None
    for i, a in enumerate(decl.attachments or ()):
        for name in ("type", "file_name", "sha256"):
            if blank(getattr(a, name)):
                path = f"attachments[{i}].{name}"
                zh, en = lbl(path)
                out = out or []
                out.append(issue("E1035", path, f"请填写{zh}（或删除该随附单据后重新添加文件）",
                                 f"Fill in the {en} (or remove the attachment and add the file "
                                 f"again)."))
    return out


@rule("E1036", "error", "certificates[].type", "所需证单必须选择证单类型",
      "Every requested certificate needs its type.", scope="certificates")
def certificate_type_required(decl, ctx):
    out = None
    for i, c in enumerate(decl.certificates or ()):
        if blank(c.type):
            path = f"certificates[{i}].type"
            zh, en = lbl(path)
            out = out or []
            out.append(issue("E1036", path, f"请选择{zh}", f"Choose the {en}."))
    return out


@rule("E1037", "error", "agent.reg_no", "填写了代理报检单位时必须填写其备案号",
      "When an agent files, the agent's registration number is required.", scope="parties")
def agent_reg_no_required(decl, ctx):
    a = decl.agent
    if a is None:
        return None
    if all(blank(v) for v in (a.name_cn, a.name_en, a.reg_no, a.uscc)):
        return None  # an empty agent block means "no agent"
    if blank(a.reg_no):
        return _missing("E1037", "agent.reg_no", "（代理报检必填）", " (required when an agent files)")
    return None
