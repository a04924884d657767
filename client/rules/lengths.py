"""E11xx — maximum lengths of text fields (characters, as the platform counts them).

Limits from the data dictionary; party names and declarer details, which it leaves open,
get generous limits so that a runaway paste cannot reach the platform.
"""
from __future__ import annotations

from ._common import issue, lbl
from .registry import rule


def _too_long(code: str, path: str, value: str, limit: int):
    zh, en = lbl(path)
    n = len(value)
    return issue(code, path, f"{zh}最多{limit}个字符，现有{n}个，请删减",
                 f"The {en} may have at most {limit} characters, it has {n}: shorten it.")


def _header(code: str, name: str, limit: int):
    zh, en = lbl(name)

    def check(decl, ctx):
        v = getattr(decl, name)
        if isinstance(v, str) and len(v) > limit:
            return [_too_long(code, name, v, limit)]
        return None

    check.__name__ = check.__qualname__ = f"{name}_max_{limit}"
    return rule(code, "error", name, f"{zh}不超过{limit}个字符",
                f"The {en} has at most {limit} characters.", scope="header")(check)


def _goods(code: str, name: str, limit: int):
    zh, en = lbl(f"goods[].{name}")

    def check(decl, ctx):
        out = None
        for i, g in enumerate(decl.goods or ()):
            v = getattr(g, name, None)
            if isinstance(v, str) and len(v) > limit:
                out = out or []
                out.append(_too_long(code, f"goods[{i}].{name}", v, limit))
        return out

    check.__name__ = check.__qualname__ = f"goods_{name}_max_{limit}"
    return rule(code, "error", f"goods[].{name}", f"货物{zh}不超过{limit}个字符",
                f"A goods line's {en} has at most {limit} characters.", scope="goods")(check)


_header("E1101", "contract_no", 32)
_header("E1102", "invoice_no", 32)
_header("E1103", "lc_no", 32)
_header("E1104", "bl_no", 50)
_header("E1105", "transport_name", 64)
_header("E1106", "goods_location", 100)
_header("E1107", "marks", 400)
_header("E1108", "remarks", 400)
_goods("E1109", "name_cn", 255)
_goods("E1110", "name_en", 255)
_goods("E1111", "spec", 255)
_goods("E1112", "brand", 64)
_goods("E1113", "product_reg_no", 64)

PARTY_NAME_MAX = 255
DECLARER_MAX = 64


@rule("E1114", "error", "declarant.name_cn", "单位名称不超过255个字符",
      "Party names have at most 255 characters.", scope="parties")
def party_names_max(decl, ctx):
    out = None
    for role in ("declarant", "agent", "consignee", "consignor"):
        p = getattr(decl, role)
        if p is None:
            continue
        for name in ("name_cn", "name_en"):
            v = getattr(p, name)
            if isinstance(v, str) and len(v) > PARTY_NAME_MAX:
                out = out or []
                out.append(_too_long("E1114", f"{role}.{name}", v, PARTY_NAME_MAX))
    return out


@rule("E1115", "error", "declarer.phone", "报检员姓名、电话、证号各不超过64个字符",
      "The declarer's name, phone and certificate no. have at most 64 characters each.", scope="parties")
def declarer_fields_max(decl, ctx):
    p = decl.declarer
    if p is None:
        return None
    out = None
    for name in ("name", "phone", "cert_no"):
        v = getattr(p, name)
        if isinstance(v, str) and len(v) > DECLARER_MAX:
            out = out or []
            out.append(_too_long("E1115", f"declarer.{name}", v, DECLARER_MAX))
    return out
