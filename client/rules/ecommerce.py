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


@rule("W1803", "warning", "trade_mode", "跨境电商报检的贸易方式通常为电商类（1210/9610/9710/9810）",
      "E-commerce declarations normally use an e-commerce trade mode (1210/9610/9710/9810).")
def ecommerce_trade_mode(decl, ctx):
    tm = decl.trade_mode
    if decl.ecommerce is True and isinstance(tm, str) and tm in lookups(ctx).trade_modes \
            and tm not in ECOMMERCE_TRADE_MODES:
        return [issue("W1803", "trade_mode",
                      f"本单标为跨境电商，但贸易方式为 {tm}（非电商类），请核对贸易方式或跨境电商标记",
                      f"The declaration is marked cross-border e-commerce but its trade mode "
                      f"{tm} is not an e-commerce one: check the trade mode or the flag.")]
    return None


@rule("W1804", "warning", "ecommerce", "贸易方式为电商类时应勾选跨境电商",
      "An e-commerce trade mode normally goes with the e-commerce flag.")
def ecommerce_flag(decl, ctx):
    tm = decl.trade_mode
    if decl.ecommerce is not True and tm in ECOMMERCE_TRADE_MODES:
        return [issue("W1804", "ecommerce",
                      f"贸易方式 {tm} 为跨境电商类，但未勾选跨境电商，负面清单与商品备案检查不会进行；请核对",
                      f"Trade mode {tm} is a cross-border e-commerce mode but the e-commerce "
                      f"flag is not set, so the negative-list and product registration checks "
                      f"do not run: check it.")]
    return None
