"""Operator and product registrations (经营企业/物流仓储企业/交易平台运营企业; 商品备案).

:func:`parse_entry` turns one JSON object ``{"kind": "operator"|"product", …}`` into an
:class:`Operator` or a :class:`Product` plus the :class:`Problem`\\ s found, each naming the
field (``entries[3].gtin``) in Chinese and English. The same checks run on the desk (before
anything is queued) and on the platform (:mod:`sandbox.ecom`), which adds the negative list
(:func:`negative_list_problem`, the rulebook's own matcher — one owner).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from stdnum import ean
from stdnum.cn import uscc as stdnum_uscc

from ..codes import CodeBook

KINDS = ("operator", "product")
#: operator roles: code -> (Chinese, English)
ROLES: dict[str, tuple[str, str]] = {
    "ecommerce_operator": ("跨境电商经营企业", "e-commerce operator"),
    "logistics_warehouse": ("物流仓储企业", "logistics / warehousing enterprise"),
    "platform_operator": ("交易平台运营企业", "trading platform operator"),
}
HS_RE = re.compile(r"[0-9]{6}([0-9]{2}){0,2}")
#: registration numbers the platform assigns (see sandbox/PROTOCOL.md "E-commerce")
REG_NO_RE = re.compile(r"CBE[OP][0-9]{12}")
LIMITS = {"name_cn": 100, "brand": 64, "spec": 100, "ingredients": 500, "contact": 50,
          "phone": 30, "address": 200}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an entry: the field path it points at, Chinese and English."""

    field: str
    message_zh: str
    message_en: str

    def to_dict(self) -> dict:
        return {"field": self.field, "message_zh": self.message_zh,
                "message_en": self.message_en}


@dataclass(frozen=True, slots=True)
class Operator:
    """An enterprise registered for cross-border e-commerce in one of :data:`ROLES`."""

    role: str
    name_cn: str
    uscc: str
    contact: str | None = None
    phone: str | None = None
    address: str | None = None
    kind: str = "operator"

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}

    @property
    def title(self) -> str:
        return self.name_cn


@dataclass(frozen=True, slots=True)
class Product:
    """A product registration: what a goods line's ``product_reg_no`` points at."""

    name_cn: str
    brand: str
    spec: str
    hs_code: str
    origin_country: str
    gtin: str
    ingredients: str | None = None
    kind: str = "product"

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}

    @property
    def title(self) -> str:
        return f"{self.brand} {self.name_cn}"


@dataclass
class Parsed:
    """The result of :func:`parse_entry`: the registration (``None`` when unusable) and
    every problem found."""

    entry: Operator | Product | None
    problems: list[Problem] = field(default_factory=list)


def needs_ingredients(hs_code: str) -> bool:
    """Food (HS chapters 02–24 except 06 and 14) and cosmetics (3303–3307) must list their
    main ingredients."""
    ch = hs_code[:2]
    return ("02" <= ch <= "24" and ch not in ("06", "14")) or "3303" <= hs_code[:4] <= "3307"


def _text(d: dict, key: str, path: str, zh: str, en: str, problems: list[Problem],
          required: bool = True) -> str | None:
    v = d.get(key)
    if v is None or (isinstance(v, str) and not v.strip()):
        if required:
            problems.append(Problem(f"{path}.{key}", f"请填写{zh}（{key}）",
                                    f"fill in the {en} ({key})"))
        return None
    if not isinstance(v, str):
        problems.append(Problem(f"{path}.{key}", f"{zh}（{key}）应为文字",
                                f"the {en} ({key}) must be text"))
        return None
    v = v.strip()
    limit = LIMITS.get(key)
    if limit and len(v) > limit:
        problems.append(Problem(f"{path}.{key}", f"{zh}不得超过{limit}个字符（现有{len(v)}个）",
                                f"the {en} is at most {limit} characters (has {len(v)})"))
    return v


def parse_entry(d: Any, codes: CodeBook, path: str = "entry") -> Parsed:
    """Check one registration object; ``path`` prefixes every problem's field."""
    problems: list[Problem] = []
    if not isinstance(d, dict):
        return Parsed(None, [Problem(path, "每条备案应为一个 JSON 对象",
                                     "each registration must be a JSON object")])
    kind = d.get("kind")
    if kind not in KINDS:
        return Parsed(None, [Problem(f"{path}.kind",
                                     "备案类型（kind）应为 operator（企业备案）或 product（商品备案）",
                                     "kind must be \"operator\" or \"product\"")])
    if kind == "operator":
        return _operator(d, path, problems)
    return _product(d, codes, path, problems)


def _operator(d: dict, path: str, problems: list[Problem]) -> Parsed:
    role = d.get("role")
    if role not in ROLES:
        names = "、".join(f"{k}（{v[0]}）" for k, v in ROLES.items())
        problems.append(Problem(f"{path}.role", f"企业类型（role）应为 {names} 之一",
                                "role must be one of " + ", ".join(ROLES)))
    name = _text(d, "name_cn", path, "企业名称", "enterprise name", problems)
    code = _text(d, "uscc", path, "统一社会信用代码", "unified social credit code", problems)
    if code is not None and not stdnum_uscc.is_valid(code):
        problems.append(Problem(f"{path}.uscc", f"统一社会信用代码 {code} 无效（校验码不符或格式错误）",
                                f"the unified social credit code {code} is invalid"))
    contact = _text(d, "contact", path, "联系人", "contact", problems, required=False)
    phone = _text(d, "phone", path, "联系电话", "phone", problems, required=False)
    address = _text(d, "address", path, "地址", "address", problems, required=False)
    if problems:
        return Parsed(None, problems)
    assert name is not None and code is not None and isinstance(role, str)
    return Parsed(Operator(role, name, stdnum_uscc.compact(code), contact, phone, address))


def _product(d: dict, codes: CodeBook, path: str, problems: list[Problem]) -> Parsed:
    name = _text(d, "name_cn", path, "商品名称", "product name", problems)
    brand = _text(d, "brand", path, "品牌", "brand", problems)
    spec = _text(d, "spec", path, "规格型号", "specification", problems)
    hs = _text(d, "hs_code", path, "HS编码", "HS code", problems)
    if hs is not None:
        if not HS_RE.fullmatch(hs):
            problems.append(Problem(f"{path}.hs_code", f"HS编码 {hs} 应为6、8或10位数字",
                                    f"the HS code {hs} must be 6, 8 or 10 digits"))
            hs = None
        elif hs[:6] not in codes.table("hs2022"):
            problems.append(Problem(f"{path}.hs_code", f"HS编码前6位 {hs[:6]} 不在HS 2022编码表中",
                                    f"the first 6 digits {hs[:6]} are not an HS 2022 subheading"))
    origin = _text(d, "origin_country", path, "原产国（地区）", "country of origin", problems)
    if origin is not None:
        origin = origin.upper()
        if origin not in codes.table("countries"):
            problems.append(Problem(f"{path}.origin_country",
                                    f"原产国（地区）{origin} 不是 ISO 3166 三字母代码（如 KOR、AUS）",
                                    f"{origin} is not an ISO 3166 alpha-3 country code "
                                    "(e.g. KOR, AUS)"))
    gtin = _text(d, "gtin", path, "商品条码（GTIN-13）", "barcode (GTIN-13)", problems)
    if gtin is not None:
        if len(gtin) != 13 or not gtin.isdigit():
            problems.append(Problem(f"{path}.gtin", f"商品条码 {gtin} 应为13位数字（GTIN-13/EAN-13）",
                                    f"the barcode {gtin} must be 13 digits (GTIN-13/EAN-13)"))
        elif not ean.is_valid(gtin):
            problems.append(Problem(f"{path}.gtin", f"商品条码 {gtin} 的校验位不正确",
                                    f"the check digit of the barcode {gtin} is wrong"))
    ingredients = _text(d, "ingredients", path, "主要成分", "main ingredients", problems,
                        required=False)
    if hs is not None and ingredients is None and needs_ingredients(hs) \
            and not any(p.field == f"{path}.ingredients" for p in problems):
        problems.append(Problem(f"{path}.ingredients",
                                f"HS {hs} 属于食品或化妆品，请填写主要成分（ingredients）",
                                f"HS {hs} is food or cosmetics: list the main ingredients"))
    if problems:
        return Parsed(None, problems)
    assert name and brand and spec and hs and origin and gtin
    return Parsed(Product(name, brand, spec, hs, origin, gtin, ingredients))


def negative_list_problem(product: Product, codes: CodeBook,
                          path: str = "entry") -> Problem | None:
    """The negative-list refusal of a product (the rulebook's matcher, E1801's table)."""
    from ..rules._common import fresh_lookups, negative_match
    hit = negative_match(fresh_lookups(codes), product.hs_code)
    if hit is None:
        return None
    cat, name, prefix = hit
    return Problem(f"{path}.hs_code",
                   f"商品（HS {product.hs_code}）属于跨境电商负面清单第{cat}类“{name}”"
                   f"（编码前缀 {prefix}），不予备案",
                   f"the product (HS {product.hs_code}) falls under category {cat} of the "
                   f"cross-border e-commerce negative list (\"{name}\", prefix {prefix}) "
                   "and cannot be registered")


def entry_from_dict(d: dict, codes: CodeBook) -> Operator | Product:
    """A stored, already validated entry back as its dataclass."""
    parsed = parse_entry(d, codes)
    if parsed.entry is None:
        raise ValueError(f"stored registration does not parse: {parsed.problems[:2]}")
    return parsed.entry
