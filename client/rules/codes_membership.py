"""E14xx — codes must be in their code tables (the platform's current versions), and fit
the declaration's direction where a table says so. Blank values are the required-field
rules' business; malformed HS codes are E1213's.
"""
from __future__ import annotations

from ..model import CLEARANCE_MODES, DIRECTIONS
from ._common import issue, lbl, lookups, show
from .registry import rule

_DIR_ZH = {"inbound": "入境", "outbound": "出境", "both": "出入境"}


def _unknown(code, path, value, what_zh, what_en):
    zh, en = lbl(path)
    return issue(code, path, f"{zh}“{show(value)}”不在{what_zh}代码表中，请从列表中选择",
                 f"The {en} \"{show(value)}\" is not in the {what_en} code table: pick one from "
                 f"the list.")


def _filled(v):
    return isinstance(v, str) and v.strip() != ""


@rule("E1401", "error", "direction", "出入境只能是 inbound（入境）或 outbound（出境）",
      "The direction is inbound or outbound.", scope="header")
def direction_known(decl, ctx):
    v = decl.direction
    if v and v not in DIRECTIONS and _filled(v):
        return [issue("E1401", "direction", f"出入境“{show(v)}”无效：应为 inbound（入境）或 outbound（出境）",
                      f"The direction \"{show(v)}\" is invalid: use inbound or outbound.")]
    return None


@rule("E1402", "error", "clearance_mode",
      "通关模式只能是 standard、import_direct、export_direct 或 import_transfer",
      "The clearance mode is standard, import_direct, export_direct or import_transfer.", scope="header")
def clearance_mode_known(decl, ctx):
    v = decl.clearance_mode
    if v and v not in CLEARANCE_MODES and _filled(v):
        return [issue("E1402", "clearance_mode",
                      f"通关模式“{show(v)}”无效：应为 standard（一般）、import_direct（进口直通）、"
                      f"export_direct（出口直放）或 import_transfer（进口转单）",
                      f"The clearance mode \"{show(v)}\" is invalid: use standard, import_direct, "
                      f"export_direct or import_transfer.")]
    return None


_BUREAUS = ("declare_bureau", "port_bureau", "inspect_bureau", "release_bureau")


@rule("E1403", "error", "declare_bureau", "机构代码应为直属检验检疫局代码（bureaus）",
      "Bureau codes come from the bureau table.", scope="header")
def bureaus_known(decl, ctx):
    known = lookups(ctx).bureaus
    out = None
    for name in _BUREAUS:
        v = getattr(decl, name)
        if v and v not in known and _filled(v):
            out = out or []
            out.append(_unknown("E1403", name, v, "检验检疫机构", "bureau"))
    return out


@rule("E1404", "error", "inspection_type", "报检类别应在报检类别代码表中",
      "The inspection type comes from its code table.", scope="header")
def inspection_type_known(decl, ctx):
    v = decl.inspection_type
    if v and v not in lookups(ctx).inspection_types and _filled(v):
        return [_unknown("E1404", "inspection_type", v, "报检类别", "inspection type")]
    return None


@rule("E1405", "error", "inspection_type", "报检类别应与出入境方向一致",
      "The inspection type fits the direction.", scope="header")
def inspection_type_direction(decl, ctx):
    v = decl.inspection_type
    d = decl.direction
    if d not in DIRECTIONS:
        return None
    want = lookups(ctx).inspection_types.get(v)
    if want is not None and want != "both" and want != d:
        return [issue("E1405", "inspection_type",
                      f"报检类别 {v} 只用于{_DIR_ZH.get(want, want)}报检，本报检单为{_DIR_ZH[d]}，"
                      f"请重新选择报检类别",
                      f"Inspection type {v} is for {want} declarations only, this one is {d}: "
                      f"choose another inspection type.")]
    return None


def _simple(code, name, table_attr, what_zh, what_en):
    zh_t, en_t = lbl(name)

    def check(decl, ctx):
        v = getattr(decl, name)
        if _filled(v) and v not in getattr(lookups(ctx), table_attr):
            return [_unknown(code, name, v, what_zh, what_en)]
        return None

    check.__name__ = check.__qualname__ = f"{name}_known"
    return rule(code, "error", name, f"{zh_t}应在{what_zh}代码表中",
                f"The {en_t} comes from the {what_en} code table.", scope="header")(check)


_simple("E1406", "transport_mode", "transport_modes", "运输方式", "transport mode")
_simple("E1407", "trade_mode", "trade_modes", "贸易方式", "trade mode")
_simple("E1408", "purpose", "purposes", "用途", "purpose")


def _goods_code(code, name, table_attr, what_zh, what_en):
    zh_t, en_t = lbl(f"goods[].{name}")

    def check(decl, ctx):
        table = getattr(lookups(ctx), table_attr)
        out = None
        for i, g in enumerate(decl.goods or ()):
            v = getattr(g, name)
            if v and v not in table and _filled(v):
                out = out or []
                out.append(_unknown(code, f"goods[{i}].{name}", v, what_zh, what_en))
        return out

    check.__name__ = check.__qualname__ = f"goods_{name}_known"
    return rule(code, "error", f"goods[].{name}", f"{zh_t}应在{what_zh}代码表中",
                f"A goods line's {en_t} comes from the {what_en} code table.",
                scope="goods")(check)


_goods_code("E1409", "quantity_unit", "units", "计量单位", "unit")
_goods_code("E1410", "package_type", "package_types", "包装种类", "package type")


@rule("E1411", "error", "certificates[].type", "证单类型应在证单代码表中",
      "Certificate types come from their code table.", scope="certificates")
def certificate_type_known(decl, ctx):
    table = lookups(ctx).certificates
    out = None
    for i, c in enumerate(decl.certificates or ()):
        if c.type and c.type not in table and _filled(c.type):
            out = out or []
            out.append(_unknown("E1411", f"certificates[{i}].type", c.type, "证单", "certificate"))
    return out


@rule("E1412", "error", "certificates[].type", "证单类型应与出入境方向一致",
      "Certificate types fit the direction.", scope="certificates")
def certificate_type_direction(decl, ctx):
    d = decl.direction
    if d not in DIRECTIONS:
        return None
    table = lookups(ctx).certificates
    out = None
    for i, c in enumerate(decl.certificates or ()):
        want = table.get(c.type)
        if want is not None and want != "both" and want != d:
            out = out or []
            out.append(issue("E1412", f"certificates[{i}].type",
                             f"第{i + 1}种证单（类型 {c.type}）只用于{_DIR_ZH.get(want, want)}报检，"
                             f"本报检单为{_DIR_ZH[d]}，请删除或改选证单",
                             f"Certificate {i + 1} (type {c.type}) is for {want} declarations "
                             f"only, this one is {d}: remove it or choose another."))
    return out


@rule("E1413", "error", "attachments[].type", "随附单据类型应在单据代码表中",
      "Attachment types come from their code table.", scope="attachments")
def attachment_type_known(decl, ctx):
    table = lookups(ctx).attachment_types
    out = None
    for i, a in enumerate(decl.attachments or ()):
        if a.type and a.type not in table and _filled(a.type):
            out = out or []
            out.append(_unknown("E1413", f"attachments[{i}].type", a.type, "随附单据", "document type"))
    return out


_COUNTRY_FIELDS = ("trade_country", "departure_country", "destination_country")


@rule("E1414", "error", "trade_country", "国家应为ISO 3166-1三字母代码",
      "Countries are ISO 3166-1 alpha-3 codes.", scope=("header", "goods"))
def countries_known(decl, ctx):
    known = lookups(ctx).countries
    out = None
    for name in _COUNTRY_FIELDS:
        v = getattr(decl, name)
        if v and v not in known and _filled(v):
            out = out or []
            out.append(_unknown("E1414", name, v, "ISO 3166-1 三字母国家", "ISO 3166-1 alpha-3 country"))
    for i, g in enumerate(decl.goods or ()):
        v = g.origin_country
        if v and v not in known and _filled(v):
            out = out or []
            out.append(_unknown("E1414", f"goods[{i}].origin_country", v, "ISO 3166-1 三字母国家",
                                "ISO 3166-1 alpha-3 country"))
    return out


@rule("E1415", "error", "goods[].currency", "币制应为ISO 4217三字母代码",
      "Currencies are ISO 4217 codes.", scope="goods")
def currency_known(decl, ctx):
    known = lookups(ctx).currencies
    out = None
    for i, g in enumerate(decl.goods or ()):
        v = g.currency
        if v and v not in known and _filled(v):
            out = out or []
            out.append(_unknown("E1415", f"goods[{i}].currency", v, "ISO 4217 币制", "ISO 4217 currency"))
    return out


@rule("E1416", "error", "goods[].hs_code", "HS编码前6位应存在于HS 2022目录",
      "An HS code's first 6 digits exist in the HS 2022 nomenclature.", scope="goods")
def hs_code_known(decl, ctx):
    hs6 = lookups(ctx).hs6
    out = None
    for i, g in enumerate(decl.goods or ()):
        v = g.hs_code
        if v and len(v) == 10 and v.isdigit() and v.isascii() and v[:6] not in hs6:
            path = f"goods[{i}].hs_code"
            zh, en = lbl(path)
            out = out or []
            out.append(issue("E1416", path,
                             f"{zh} {v} 的前6位 {v[:6]} 不是HS 2022目录中的子目，请核对商品编码",
                             f"The {en} {v}: its first six digits {v[:6]} are no HS 2022 "
                             f"subheading; check the commodity code."))
    return out
