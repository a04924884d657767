"""E18xx/W18xx — cross-border e-commerce (``ecommerce`` true): the negative list
(``codes/negative_list.csv``, matched by HS prefix) and product registration numbers.
"""
from __future__ import annotations

from ._common import ECOMMERCE_TRADE_MODES, blank, issue, lookups, negative_match, show
from .registry import rule


@rule("E1801", "error", "goods[].hs_code", "跨境电商负面清单内的商品不得通过跨境电商渠道申报",
      "Goods on the cross-border e-commerce negative list are refused.")
def negative_list(decl, ctx):
    if decl.ecommerce is not True:
        return None
    lk = lookups(ctx)
    out = None
    for i, g in enumerate(decl.goods or ()):
        hs = g.hs_code
        if not isinstance(hs, str) or not hs:
            continue
        hit = negative_match(lk, hs)
        if hit is not None:
            cat, name, prefix = hit
            out = out or []
            out.append(issue(
                "E1801", f"goods[{i}].hs_code",
                f"第{i + 1}项货物（HS {show(hs)}）属于跨境电商负面清单第{cat}类“{name}”"
                f"（编码前缀 {prefix}），不得通过跨境电商申报：请删除该货物或按一般贸易另行报检",
                f"Goods line {i + 1} (HS {show(hs)}) falls under category {cat} of the "
                f"cross-border e-commerce negative list (\"{name}\", prefix {prefix}) and "
                f"cannot be declared as e-commerce: remove it or declare it as general trade."))
    return out


@rule("E1802", "error", "goods[].product_reg_no", "跨境电商报检每项货物必须填写商品备案号",
      "Cross-border e-commerce: every goods line needs its product registration no.")
def product_reg_no_required(decl, ctx):
    if decl.ecommerce is not True:
        return None
    out = None
    for i, g in enumerate(decl.goods or ()):
        if blank(g.product_reg_no):
            out = out or []
            out.append(issue("E1802", f"goods[{i}].product_reg_no",
                             f"跨境电商报检：请填写第{i + 1}项货物的商品备案号",
                             f"Cross-border e-commerce: fill in the product registration no. of "
                             f"goods line {i + 1}."))
    return out


def ecommerce_trade(decl, lk) -> bool:
    """Whether the trade mode is a cross-border e-commerce one: customs 1210/9610/9710/9810;
    in eCIQ terms 42, or 11 whose customs code (``customs_trade_mode``, kept by the mapping)
    is B2B e-commerce 9710/9810 (eCIQ 11 alone loses that distinction)."""
    tm = decl.trade_mode
    if tm in lk.ecommerce_trade_modes:
        return True
    if "trade_mode" in lk.eciq and decl.extra:
        return decl.extra.get("customs_trade_mode") in ECOMMERCE_TRADE_MODES
    return False


@rule("W1803", "warning", "trade_mode", "跨境电商报检的贸易方式通常为电商类（海关 1210/9610/9710/9810，"
      "检验检疫 42）",
      "E-commerce declarations normally use an e-commerce trade mode (customs "
      "1210/9610/9710/9810, eCIQ 42).")
def ecommerce_trade_mode(decl, ctx):
    tm = decl.trade_mode
    lk = lookups(ctx)
    if decl.ecommerce is True and isinstance(tm, str) and tm in lk.trade_modes \
            and not ecommerce_trade(decl, lk):
        return [issue("W1803", "trade_mode",
                      f"本单标为跨境电商，但贸易方式为 {tm}（非电商类），请核对贸易方式或跨境电商标记",
                      f"The declaration is marked cross-border e-commerce but its trade mode "
                      f"{tm} is not an e-commerce one: check the trade mode or the flag.")]
    return None


@rule("W1804", "warning", "ecommerce", "贸易方式为电商类时应勾选跨境电商",
      "An e-commerce trade mode normally goes with the e-commerce flag.")
def ecommerce_flag(decl, ctx):
    tm = decl.trade_mode
    if decl.ecommerce is not True and isinstance(tm, str) and ecommerce_trade(decl, lookups(ctx)):
        return [issue("W1804", "ecommerce",
                      f"贸易方式 {tm} 为跨境电商类，但未勾选跨境电商，负面清单与商品备案检查不会进行；请核对",
                      f"Trade mode {tm} is a cross-border e-commerce mode but the e-commerce "
                      f"flag is not set, so the negative-list and product registration checks "
                      f"do not run: check it.")]
    return None


# -- product registrations (issue 15): the number must be one the platform knows ----------
def _registered_lines(decl, ctx):
    """``(index, goods line, number, ProductRef | None, known registrations)`` of each
    e-commerce goods line with a product registration number (none when the context holds
    no registrations)."""
    known = ctx.ecom_registrations
    if decl.ecommerce is not True or known is None:
        return
    for i, g in enumerate(decl.goods or ()):
        no = g.product_reg_no
        if isinstance(no, str) and no.strip():
            yield i, g, no.strip(), known.products.get(no.strip()), known


@rule("E1805", "error", "goods[].product_reg_no", "商品备案号须为平台已备案的商品",
      "The product registration no. must be a product the platform has registered.")
def product_reg_unknown(decl, ctx):
    out = None
    for i, _g, no, ref, known in _registered_lines(decl, ctx):
        if ref is None and (no in known.not_found or no in known.operators):
            what = ("是企业备案号而非商品备案号" if no in known.operators else "平台查无此商品备案")
            what_en = ("is an operator registration, not a product one" if no in known.operators
                       else "is not a product registration the platform knows")
            out = out or []
            out.append(issue("E1805", f"goods[{i}].product_reg_no",
                             f"第{i + 1}项货物的商品备案号 {show(no)} {what}：请核对备案号，"
                             "或先办理商品备案（ecom register）",
                             f"Goods line {i + 1}: the product registration no. {show(no)} "
                             f"{what_en}; check it or register the product first."))
    return out


@rule("W1806", "warning", "goods[].product_reg_no", "商品备案号尚未向平台核实（离线时为提示）",
      "The product registration no. is not verified with the platform yet (offline: a warning).")
def product_reg_unverified(decl, ctx):
    out = None
    for i, _g, no, ref, known in _registered_lines(decl, ctx):
        if ref is None and no not in known.not_found and no not in known.operators:
            out = out or []
            out.append(issue("W1806", f"goods[{i}].product_reg_no",
                             f"第{i + 1}项货物的商品备案号 {show(no)} 本机尚无记录，联网同步后将向平台核实",
                             f"Goods line {i + 1}: the product registration no. {show(no)} is not "
                             "known to this desk yet; it is checked with the platform at the "
                             "next sync."))
    return out


@rule("E1807", "error", "goods[].hs_code", "货物HS编码前6位须与商品备案一致",
      "The goods line's HS code (first 6 digits) must match its product registration.")
def product_reg_hs(decl, ctx):
    out = None
    for i, g, no, ref, _known in _registered_lines(decl, ctx):
        hs = g.hs_code
        if ref is None or not ref.hs_code or not isinstance(hs, str) or not hs:
            continue
        if hs[:6] != ref.hs_code[:6]:
            out = out or []
            out.append(issue("E1807", f"goods[{i}].hs_code",
                             f"第{i + 1}项货物HS编码 {show(hs)} 与商品备案 {no}（{show(ref.title)}）"
                             f"的HS编码 {ref.hs_code} 前6位不一致：请核对HS编码或商品备案号",
                             f"Goods line {i + 1}: HS {show(hs)} does not match the first 6 "
                             f"digits of registration {no} (HS {ref.hs_code}); check the HS "
                             "code or the registration no."))
    return out


@rule("E1808", "error", "goods[].origin_country", "货物原产国须与商品备案一致",
      "The goods line's country of origin must match its product registration.")
def product_reg_origin(decl, ctx):
    out = None
    for i, g, no, ref, _known in _registered_lines(decl, ctx):
        c = g.origin_country
        if ref is None or not ref.origin_country or not isinstance(c, str) or not c:
            continue
        if c.upper() != ref.origin_country.upper():
            out = out or []
            out.append(issue("E1808", f"goods[{i}].origin_country",
                             f"第{i + 1}项货物原产国 {show(c)} 与商品备案 {no} 的原产国 "
                             f"{ref.origin_country} 不一致：请核对原产国或商品备案号",
                             f"Goods line {i + 1}: origin {show(c)} differs from registration "
                             f"{no} (origin {ref.origin_country}); check the origin or the "
                             "registration no."))
    return out
