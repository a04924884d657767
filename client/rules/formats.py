"""E12xx/W12xx — the shape of numbers and codes: inspection number, registration numbers,
UN/LOCODE ports, GB/T 2260 districts, HS and CIQ codes, certificate counts, size-type codes.

Dates need no rule here: the model only accepts dates that exist (E0006).
"""
from __future__ import annotations

from ._common import (CONTROL_RE, DISTRICT_RE, INSPECTION_NO_RE, LOCODE_RE, SIZE_TYPE_RE,
                      ULID_RE, UUID_RE, issue, lbl, lookups, show)
from .registry import rule

PORT_FIELDS = ("departure_port", "entry_exit_port", "arrival_port")
PARTIES = ("declarant", "agent", "consignee", "consignor")


def _str(v):
    return v if isinstance(v, str) and v else None


@rule("E1201", "error", "inspection_no", "报检号应为15位数字",
      "The inspection number has 15 digits.")
def inspection_no_format(decl, ctx):
    v = _str(decl.inspection_no)
    if v is not None and not INSPECTION_NO_RE.fullmatch(v):
        return [issue("E1201", "inspection_no",
                      f"报检号应为15位数字（受理机构6位+类别1位+年份2位+流水号6位），实际为“{show(v)}”；"
                      f"报检号由系统在定稿时分配，请勿手工填写",
                      f"The inspection number must be 15 digits (bureau 6 + type 1 + year 2 + "
                      f"serial 6), got \"{show(v)}\"; it is assigned when you finalise, do not "
                      f"type it.")]
    return None


@rule("E1202", "error", "inspection_no", "报检号前6位应为受理机构代码",
      "The inspection number starts with the declaring bureau's code.")
def inspection_no_bureau(decl, ctx):
    v = _str(decl.inspection_no)
    b = _str(decl.declare_bureau)
    if v is None or b is None or not INSPECTION_NO_RE.fullmatch(v):
        return None
    if v[:6] != b:
        return [issue("E1202", "inspection_no",
                      f"报检号前6位 {v[:6]} 与受理机构 {show(b)} 不一致：报检号属于其受理机构，"
                      f"更换受理机构需重新取号",
                      f"The inspection number's first six digits {v[:6]} differ from the declaring "
                      f"bureau {show(b)}: a number belongs to its bureau; take a new number for "
                      f"another bureau.")]
    return None


@rule("E1203", "error", "inspection_no", "报检号第7位：入境为1，出境为2",
      "The inspection number's 7th digit is 1 inbound, 2 outbound.")
def inspection_no_direction(decl, ctx):
    v = _str(decl.inspection_no)
    if v is None or not INSPECTION_NO_RE.fullmatch(v):
        return None
    want = {"inbound": "1", "outbound": "2"}.get(decl.direction)
    if want is not None and v[6] != want:
        zh_dir = "入境" if want == "1" else "出境"
        return [issue("E1203", "inspection_no",
                      f"报检号第7位应为 {want}（{zh_dir}），实际为 {v[6]}：报检号与出入境方向不符",
                      f"The 7th digit of the inspection number must be {want} ({decl.direction}), "
                      f"got {v[6]}: the number does not match the direction.")]
    return None


@rule("E1204", "error", "declarant.reg_no", "备案号应为10位数字",
      "CIQ registration numbers have 10 digits.", scope="parties")
def reg_no_format(decl, ctx):
    out = None
    for role in PARTIES:
        p = getattr(decl, role)
        v = p.reg_no if p is not None else None
        if v and v.__class__ is str and not (len(v) == 10 and v.isdigit() and v.isascii()):
            path = f"{role}.reg_no"
            zh, en = lbl(path)
            out = out or []
            out.append(issue("E1204", path, f"{zh}应为10位数字，实际为“{show(v)}”，请核对登记证书",
                             f"The {en} must be 10 digits, got \"{show(v)}\": check the "
                             f"registration certificate."))
    return out


def _ports(decl):
    return (("departure_port", decl.departure_port), ("entry_exit_port", decl.entry_exit_port),
            ("arrival_port", decl.arrival_port))


@rule("E1205", "error", "departure_port", "口岸应为5位UN/LOCODE（2位国家代码+3位地点代码）",
      "Ports are 5-character UN/LOCODEs (country + location).", scope="ports")
def locode_format(decl, ctx):
    out = None
    for name, v in _ports(decl):
        if v and v.__class__ is str and not LOCODE_RE.fullmatch(v):
            zh, en = lbl(name)
            out = out or []
            out.append(issue("E1205", name,
                             f"{zh}应为5位联合国贸易地点代码（UN/LOCODE，如 CNSHA、DEHAM），"
                             f"实际为“{show(v)}”",
                             f"The {en} must be a 5-character UN/LOCODE such as CNSHA or DEHAM, "
                             f"got \"{show(v)}\"."))
    return out


@rule("E1206", "error", "departure_port", "口岸代码的前两位应为ISO国家代码",
      "A UN/LOCODE starts with a real ISO 3166 country code.", scope="ports")
def locode_country(decl, ctx):
    out = None
    alpha2 = lookups(ctx).alpha2
    for name, v in _ports(decl):
        if v and v.__class__ is str and v[:2] not in alpha2 and LOCODE_RE.fullmatch(v):
            zh, en = lbl(name)
            out = out or []
            out.append(issue("E1206", name, f"{zh}“{v}”的国家代码 {v[:2]} 不存在，请核对口岸代码",
                             f"The {en} \"{v}\" starts with {v[:2]}, which is no ISO country "
                             f"code: check the port code."))
    return out


def _port_country_rule(code, severity, name, direction, want_cn, zh_sum, en_sum, zh_fix, en_fix):
    def check(decl, ctx):
        if direction is not None and decl.direction != direction:
            return None
        v = _str(getattr(decl, name))
        if v is None or not LOCODE_RE.fullmatch(v):
            return None
        if (v[:2] == "CN") != want_cn:
            zh, en = lbl(name)
            return [issue(code, name, f"{zh}“{v}”{zh_fix}", f"The {en} \"{v}\" {en_fix}")]
        return None

    check.__name__ = check.__qualname__ = f"{name}_{'chinese' if want_cn else 'foreign'}"
    return rule(code, severity, name, zh_sum, en_sum, scope="ports")(check)


_port_country_rule("E1207", "error", "departure_port", "inbound", False,
                   "入境报检的启运口岸应为境外口岸", "Inbound: the port of departure is a foreign port.",
                   "是中国口岸：入境货物的启运口岸应为境外装运港",
                   "is a Chinese port: inbound goods depart from a foreign port.")
_port_country_rule("E1208", "error", "entry_exit_port", None, True,
                   "入境/离境口岸应为中国口岸（CN开头）",
                   "The port of entry/exit is a Chinese port (CN...).",
                   "不是中国口岸：入境/离境口岸应为中国口岸（CN开头，如 CNSHA）",
                   "is not a Chinese port: the port of entry/exit must be in China (CN..., e.g. "
                   "CNSHA).")
_port_country_rule("E1209", "error", "departure_port", "outbound", True,
                   "出境报检的启运口岸应为中国口岸", "Outbound: the port of departure is a Chinese port.",
                   "不是中国口岸：出境货物的启运口岸应为中国口岸（CN开头）",
                   "is not a Chinese port: outbound goods depart from a Chinese port (CN...).")
_port_country_rule("W1210", "warning", "arrival_port", "outbound", False,
                   "出境报检的到达口岸通常为境外口岸",
                   "Outbound: the port of arrival is normally a foreign port.",
                   "是中国口岸，出境货物的到达口岸通常为境外目的港，请核对",
                   "is a Chinese port; outbound goods normally arrive at a foreign port: check it.")


_DISTRICTS = ("destination_district", "origin_district")


@rule("E1211", "error", "destination_district", "目的地/产地应为6位行政区划代码",
      "Districts are 6-digit GB/T 2260 codes.", scope="header")
def district_format(decl, ctx):
    out = None
    for name in _DISTRICTS:
        v = _str(getattr(decl, name))
        if v is not None and not DISTRICT_RE.fullmatch(v):
            zh, en = lbl(name)
            out = out or []
            out.append(issue("E1211", name, f"{zh}应为6位行政区划代码（GB/T 2260，如 310115），"
                                            f"实际为“{show(v)}”",
                             f"The {en} must be a 6-digit GB/T 2260 division code such as 310115, "
                             f"got \"{show(v)}\"."))
    return out


@rule("E1212", "error", "destination_district", "目的地/产地代码应为存在的行政区划",
      "Districts must exist in GB/T 2260.", scope="header")
def district_exists(decl, ctx):
    out = None
    districts = lookups(ctx).districts
    for name in _DISTRICTS:
        v = _str(getattr(decl, name))
        if v is not None and DISTRICT_RE.fullmatch(v) and v not in districts:
            zh, en = lbl(name)
            out = out or []
            out.append(issue("E1212", name, f"{zh}“{v}”不是现行行政区划代码，请从列表中选择",
                             f"The {en} \"{v}\" is not a current GB/T 2260 division: pick one "
                             f"from the list."))
    return out


@rule("E1213", "error", "goods[].hs_code", "HS编码应为10位数字", "HS codes have 10 digits.", scope="goods")
def hs_code_format(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        v = g.hs_code
        if v and not (len(v) == 10 and v.isdigit() and v.isascii()):
            path = f"goods[{i}].hs_code"
            zh, en = lbl(path)
            out = out or []
            out.append(issue("E1213", path, f"{zh}应为10位数字，实际为“{show(v)}”",
                             f"The {en} must be 10 digits, got \"{show(v)}\"."))
    return out


@rule("E1214", "error", "goods[].ciq_code", "检验检疫编码应为3位数字",
      "CIQ codes have 3 digits.", scope="goods")
def ciq_code_format(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        v = g.ciq_code
        if v and not (len(v) == 3 and v.isdigit() and v.isascii()):
            path = f"goods[{i}].ciq_code"
            zh, en = lbl(path)
            out = out or []
            out.append(issue("E1214", path, f"{zh}应为3位数字，实际为“{show(v)}”",
                             f"The {en} must be 3 digits, got \"{show(v)}\"."))
    return out


@rule("E1215", "error", "certificates[].originals", "证单正本/副本份数应为0至9",
      "Certificate originals and copies are 0 to 9.", scope="certificates")
def certificate_counts(decl, ctx):
    out = None
    for i, c in enumerate(decl.certificates or ()):
        for name in ("originals", "copies"):
            v = getattr(c, name)
            if v is not None and not (isinstance(v, int) and 0 <= v <= 9):
                path = f"certificates[{i}].{name}"
                zh, en = lbl(path)
                out = out or []
                out.append(issue("E1215", path, f"{zh}应为0至9份，实际为 {show(v)}",
                                 f"The {en} must be 0 to 9, got {show(v)}."))
    return out


@rule("E1216", "error", "containers[].size_type", "集装箱规格应为ISO 6346尺寸类型代码（如22G1、45G1）",
      "Container size-type codes follow ISO 6346 (e.g. 22G1, 45G1).", scope="containers")
def size_type_format(decl, ctx):
    out = None
    for i, c in enumerate(decl.containers or ()):
        v = _str(c.size_type)
        if v is not None and not SIZE_TYPE_RE.fullmatch(v):
            path = f"containers[{i}].size_type"
            zh, en = lbl(path)
            out = out or []
            out.append(issue("E1216", path, f"{zh}应为ISO 6346尺寸类型代码（如 22G1、45G1），"
                                            f"实际为“{show(v)}”",
                             f"The {en} must be an ISO 6346 size-type code such as 22G1 or 45G1, "
                             f"got \"{show(v)}\"."))
    return out


@rule("E1217", "error", "id", "本地编号应为ULID或UUID", "The local id is a ULID or a UUID.")
def id_format(decl, ctx):
    v = decl.id
    if v is None:
        return None
    if not isinstance(v, str) or not (ULID_RE.fullmatch(v) or UUID_RE.fullmatch(v)):
        return [issue("E1217", "id", f"本地编号“{show(v)}”不是ULID或UUID：请用本程序新建或导入报检单，"
                                     f"不要手工修改编号",
                      f"The local id \"{show(v)}\" is neither a ULID nor a UUID: create or import "
                      f"the declaration with CIQ Desk instead of editing the id.")]
    return None


_TEXT_HEADER = ("contract_no", "invoice_no", "lc_no", "bl_no", "transport_name",
                "goods_location", "marks", "remarks")
_TEXT_GOODS = ("name_cn", "name_en", "spec", "brand", "product_reg_no")


@rule("E1218", "error", "goods[].name_cn", "文本中不能含控制字符或无效字符",
      "Text must not contain control characters or invalid Unicode.")
def no_control_characters(decl, ctx):
    # fast path: one C-level isprintable() over all the text of a clean declaration
    texts = [decl.contract_no, decl.invoice_no, decl.lc_no, decl.bl_no, decl.transport_name,
             decl.goods_location, decl.marks, decl.remarks]
    for p in (decl.declarant, decl.agent, decl.consignee, decl.consignor):  # PARTIES
        if p is not None:
            texts += (p.name_cn, p.name_en)
    for g in decl.goods or ():
        texts += (g.name_cn, g.name_en, g.spec, g.brand, g.product_reg_no)
    try:
        if "".join(filter(None, texts)).isprintable():
            return None
    except TypeError:
        pass
    found = []
    for name in _TEXT_HEADER:
        v = getattr(decl, name)
        if isinstance(v, str) and not v.isprintable() and CONTROL_RE.search(v):
            found.append(name)
    for role in PARTIES:
        p = getattr(decl, role)
        if p is not None:
            for name in ("name_cn", "name_en"):
                v = getattr(p, name)
                if isinstance(v, str) and not v.isprintable() and CONTROL_RE.search(v):
                    found.append(f"{role}.{name}")
    for i, g in enumerate(decl.goods or ()):
        for name in _TEXT_GOODS:
            v = getattr(g, name)
            if isinstance(v, str) and not v.isprintable() and CONTROL_RE.search(v):
                found.append(f"goods[{i}].{name}")
    if not found:
        return None
    out = []
    for path in found:
        zh, en = lbl(path)
        out.append(issue("E1218", path, f"{zh}含有控制字符或无效字符（常见于从其他软件复制粘贴），请删除后重新输入",
                         f"The {en} contains control characters or invalid Unicode (often from a "
                         f"copy and paste): delete them and type the text again."))
    return out
