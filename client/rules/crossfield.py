"""E15xx/W15xx — fields judged together: weights, amounts and their precision, dates in
order, line numbering, duplicates, packages, direction-only fields.
"""
from __future__ import annotations

from decimal import Decimal

from ._common import LOCODE_RE, Q2, Q3, has_more_decimals, issue, lbl, lookups, seq, show
from .registry import rule

_ZERO = Decimal(0)
#: more than 15 integer digits is no real amount (and overflows the platform's columns)
_MAX_AMOUNT = Decimal(10) ** 15
_AMOUNTS = ("quantity", "net_weight_kg", "gross_weight_kg", "value")


def _d(v):
    return v if isinstance(v, Decimal) else None


@rule("E1501", "error", "goods[].net_weight_kg", "净重不能大于毛重",
      "The net weight must not exceed the gross weight.", scope="goods")
def net_not_above_gross(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        net, gross = _d(g.net_weight_kg), _d(g.gross_weight_kg)
        if net is not None and gross is not None and net > gross:
            path = f"goods[{i}].net_weight_kg"
            out = out or []
            out.append(issue(
                "E1501", path,
                f"净重不能大于毛重：第{i + 1}项货物净重 {show(net)} 千克，毛重 {show(gross)} 千克，"
                f"请核对重量",
                f"The net weight must not exceed the gross weight: goods line {i + 1} has net "
                f"{show(net)} kg and gross {show(gross)} kg; check the weights."))
    return out


@rule("E1502", "error", "goods[].quantity", "数量、净重、毛重、货值应大于0",
      "Quantity, net and gross weight and value are greater than 0.", scope="goods")
def amounts_positive(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        q, n, w, v = g.quantity, g.net_weight_kg, g.gross_weight_kg, g.value
        if (q is not None and q <= _ZERO) or (n is not None and n <= _ZERO) \
                or (w is not None and w <= _ZERO) or (v is not None and v <= _ZERO):
            for name in _AMOUNTS:
                a = _d(getattr(g, name))
                if a is not None and a <= _ZERO:
                    path = f"goods[{i}].{name}"
                    zh, en = lbl(path)
                    out = out or []
                    out.append(issue("E1502", path, f"{zh}应大于0，实际为 {show(a)}",
                                     f"The {en} must be greater than 0, got {show(a)}."))
    return out


@rule("E1503", "error", "goods[].value", "货值最多保留2位小数（末尾的0不计）",
      "Values have at most 2 decimals (trailing zeros do not count).", scope="goods")
def value_two_decimals(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        v = g.value
        if v is not None and has_more_decimals(v, Q2):
            path = f"goods[{i}].value"
            zh, en = lbl(path)
            out = out or []
            out.append(issue("E1503", path, f"{zh}最多保留2位小数，实际为 {show(v)}，请四舍五入到分",
                             f"The {en} may have at most 2 decimals, got {show(v)}: round it to "
                             f"cents."))
    return out


@rule("E1504", "error", "goods[].net_weight_kg", "重量最多保留3位小数（精确到克，末尾的0不计）",
      "Weights have at most 3 decimals (grams; trailing zeros do not count).", scope="goods")
def weight_three_decimals(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        n, w = g.net_weight_kg, g.gross_weight_kg
        if (n is not None and has_more_decimals(n, Q3)) or (w is not None and has_more_decimals(w, Q3)):
            for name in ("net_weight_kg", "gross_weight_kg"):
                v = _d(getattr(g, name))
                if v is not None and has_more_decimals(v, Q3):
                    path = f"goods[{i}].{name}"
                    zh, en = lbl(path)
                    out = out or []
                    out.append(issue("E1504", path, f"{zh}最多保留3位小数（精确到克），实际为 {show(v)}",
                                     f"The {en} may have at most 3 decimals (grams), got {show(v)}."))
    return out


@rule("E1505", "error", "goods[].value", "数量、重量、货值不超过15位整数",
      "Amounts have at most 15 integer digits.", scope="goods")
def amounts_not_huge(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        q, n, w, v = g.quantity, g.net_weight_kg, g.gross_weight_kg, g.value
        if (q is not None and q >= _MAX_AMOUNT) or (n is not None and n >= _MAX_AMOUNT) \
                or (w is not None and w >= _MAX_AMOUNT) or (v is not None and v >= _MAX_AMOUNT):
            for name in _AMOUNTS:
                a = _d(getattr(g, name))
                if a is not None and a >= _MAX_AMOUNT:
                    path = f"goods[{i}].{name}"
                    zh, en = lbl(path)
                    out = out or []
                    out.append(issue("E1505", path, f"{zh} {show(a)} 超出允许范围（最多15位整数），请核对",
                                     f"The {en} {show(a)} is out of range (at most 15 integer "
                                     f"digits): check it."))
    return out


def _date_not_before_arrival(code, name):
    zh_t, en_t = lbl(name)

    def check(decl, ctx):
        a, v = decl.arrival_date, getattr(decl, name)
        if a is not None and v is not None and v < a:
            return [issue(code, name,
                          f"{zh_t} {v.isoformat()} 早于到货日期 {a.isoformat()}，请核对日期",
                          f"The {en_t} {v.isoformat()} is before the arrival date "
                          f"{a.isoformat()}: check the dates.")]
        return None

    check.__name__ = check.__qualname__ = f"{name}_not_before_arrival"
    return rule(code, "error", name, f"{zh_t}不能早于到货日期",
                f"The {en_t} is not before the arrival date.")(check)


_date_not_before_arrival("E1506", "unload_date")
_date_not_before_arrival("E1507", "claim_deadline")


@rule("E1508", "error", "goods[].seq", "货物序号应为从1开始连续不重复的整数",
      "Goods line numbers run 1, 2, 3 ... without gaps or repeats.", scope="goods")
def goods_seq_consecutive(decl, ctx):
    goods = seq(decl.goods)
    out = None
    seen = set()
    for i, g in enumerate(goods):
        s = g.seq
        if s is None:
            continue  # E1033 asks for it
        want = i + 1
        if s != want:
            path = f"goods[{i}].seq"
            if s in seen:
                zh = f"第{i + 1}项货物序号 {show(s)} 与前面的货物重复，序号应为 {want}"
                en = f"Goods line {i + 1} repeats line number {show(s)}; it should be {want}."
            else:
                zh = f"第{i + 1}项货物序号应为 {want}，实际为 {show(s)}：序号应从1开始连续编排"
                en = (f"Goods line {i + 1} should be numbered {want}, got {show(s)}: number the "
                      f"lines 1, 2, 3 ... without gaps.")
            out = out or []
            out.append(issue("E1508", path, zh, en))
        seen.add(s)
    return out


@rule("E1509", "error", "containers[].number", "同一集装箱号只能出现一次",
      "A container number appears once per declaration.", scope="containers")
def container_once(decl, ctx):
    out = None
    seen: dict[str, int] = {}
    for i, c in enumerate(decl.containers or ()):
        v = c.number
        if not isinstance(v, str) or not v:
            continue
        first = seen.get(v)
        if first is None:
            seen[v] = i
            continue
        out = out or []
        out.append(issue("E1509", f"containers[{i}].number",
                         f"集装箱号 {show(v)} 重复（与第{first + 1}个集装箱相同），请删除重复行",
                         f"Container number {show(v)} is listed twice (same as container "
                         f"{first + 1}): remove the duplicate."))
    return out


@rule("E1510", "error", "goods[].package_count", "包装件数为0时包装种类必须为00（散装）",
      "A package count of 0 only with package type 00 (bulk).", scope="goods")
def zero_packages_only_bulk(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        if g.package_count == 0 and g.package_type != "00":
            path = f"goods[{i}].package_count"
            out = out or []
            out.append(issue("E1510", path,
                             f"第{i + 1}项货物包装件数为0，但包装种类为“{show(g.package_type)}”："
                             f"只有散装（00）货物件数可为0，请填写件数或改为散装",
                             f"Goods line {i + 1} has 0 packages but package type "
                             f"\"{show(g.package_type)}\": only bulk goods (00) may have 0 "
                             f"packages; enter the count or choose bulk."))
    return out


@rule("E1511", "error", "goods[].package_count", "包装件数不能为负数",
      "The number of packages is not negative.", scope="goods")
def package_count_not_negative(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        v = g.package_count
        if isinstance(v, int) and v < 0:
            path = f"goods[{i}].package_count"
            zh, en = lbl(path)
            out = out or []
            out.append(issue("E1511", path, f"{zh}不能为负数，实际为 {show(v)}",
                             f"The {en} cannot be negative, got {show(v)}."))
    return out


@rule("E1512", "error", "goods[].quantity_unit", "填写数量时必须填写数量单位",
      "A quantity needs its unit.", scope="goods")
def quantity_needs_unit(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        if g.quantity is not None and not g.quantity_unit:
            path = f"goods[{i}].quantity_unit"
            out = out or []
            out.append(issue("E1512", path,
                             f"第{i + 1}项货物填写了数量 {show(g.quantity)}，请选择数量单位",
                             f"Goods line {i + 1} has quantity {show(g.quantity)}: choose its unit."))
    return out


@rule("E1513", "error", "goods[].currency", "填写货值时必须填写币制",
      "A value needs its currency.", scope="goods")
def value_needs_currency(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        if g.value is not None and not g.currency:
            path = f"goods[{i}].currency"
            out = out or []
            out.append(issue("E1513", path,
                             f"第{i + 1}项货物填写了货值 {show(g.value)}，请选择币制",
                             f"Goods line {i + 1} has value {show(g.value)}: choose its currency."))
    return out


@rule("E1514", "error", "lc_no", "信用证号仅用于出境报检",
      "The L/C number is for outbound declarations only.")
def lc_no_outbound_only(decl, ctx):
    if decl.direction == "inbound" and isinstance(decl.lc_no, str) and decl.lc_no.strip():
        return [issue("E1514", "lc_no", "信用证号仅用于出境报检，入境报检请清空该栏",
                      "The L/C number is for outbound declarations only: clear it on an inbound "
                      "declaration.")]
    return None


_INBOUND_ONLY = ("arrival_date", "unload_date", "claim_deadline", "destination_district",
                 "departure_country")
_OUTBOUND_ONLY = ("ship_date", "origin_district", "destination_country", "arrival_port")


@rule("W1515", "warning", "unload_date", "填写了另一方向才用的栏目（将被忽略）",
      "A field of the other direction is filled in (it will be ignored).")
def other_direction_fields(decl, ctx):
    d = decl.direction
    if d == "inbound":
        names, other_zh, other_en = _OUTBOUND_ONLY, "出境", "outbound"
    elif d == "outbound":
        names, other_zh, other_en = _INBOUND_ONLY, "入境", "inbound"
    else:
        return None
    out = None
    for name in names:
        v = getattr(decl, name)
        if v is not None and v != "":
            zh, en = lbl(name)
            out = out or []
            out.append(issue("W1515", name, f"{zh}仅用于{other_zh}报检，本单不会使用，建议清空",
                             f"The {en} is only used on {other_en} declarations and is ignored "
                             f"here: clear it."))
    return out


def _port_country_match(code, direction, port, country):
    zh_p, en_p = lbl(port)
    zh_c, en_c = lbl(country)

    def check(decl, ctx):
        if decl.direction != direction:
            return None
        p, c = getattr(decl, port), getattr(decl, country)
        if not isinstance(p, str) or not isinstance(c, str) or not LOCODE_RE.fullmatch(p):
            return None
        lk = lookups(ctx)
        c3 = lk.alpha2_to_3.get(p[:2])
        if c3 is not None and c in lk.countries and c3 != c:
            return [issue(code, port, f"{zh_p} {p} 位于 {c3}，与{zh_c} {c} 不一致，请核对",
                          f"The {en_p} {p} lies in {c3}, not in the {en_c} {c}: check both.")]
        return None

    check.__name__ = check.__qualname__ = f"{port}_in_{country}"
    return rule(code, "warning", port, f"{zh_p}应位于{zh_c}",
                f"The {en_p} lies in the {en_c}.", scope="ports")(check)


_port_country_match("W1516", "inbound", "departure_port", "departure_country")
_port_country_match("W1517", "outbound", "arrival_port", "destination_country")


@rule("E1518", "error", "certificates[].type", "同一种证单只能列一次",
      "A certificate type is listed once.", scope="certificates")
def certificate_once(decl, ctx):
    out = None
    seen = set()
    for i, c in enumerate(decl.certificates or ()):
        t = c.type
        if not t:
            continue
        if t in seen:
            out = out or []
            out.append(issue("E1518", f"certificates[{i}].type",
                             f"证单类型 {show(t)} 重复，请合并为一行并填写所需份数",
                             f"Certificate type {show(t)} is listed twice: merge the lines and "
                             f"set the number of originals and copies."))
        seen.add(t)
    return out
