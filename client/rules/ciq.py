"""E20xx/W20xx — the eCIQ goods line and the inspection catalogue (法检目录).

Validity of the ``@2`` fields (E2001–E2009, E2020–E2021) and what the catalogue and the
goods attributes require (E2010–E2019). The requirements themselves are defined once, in
:mod:`client.ciq.requirements` (the editor's "本商品需要" panel reads the same table);
these rules report each missing one at its field. E2010 computes them for the whole
declaration and the rules after it read that answer (a per-thread memo set by E2010 on
every run, so nothing is computed twice and nothing is reused across runs).
"""
from __future__ import annotations

import threading
from typing import Any

from ..ciq.lookup import ciq_lookup
from ..ciq.requirements import LICENCE_TABLE, Requirement, iter_missing
from ._common import blank, issue, lbl, show
from .registry import rule

# attribute groups of which a goods line may carry at most one
EXCLUSIVE = (("11", "12", "13"), ("14", "15"), ("16", "17"), ("19", "20", "21"), ("23", "24"),
             ("25", "26", "27", "28", "29"), ("31", "32", "33"), ("34", "35", "36", "37", "38"),
             ("39", "40"))
_EXCL_OF = {a: grp for grp in EXCLUSIVE for a in grp}


def _table(ctx, name: str):
    return ctx.codes.table(name)


# ------------------------------------------------------------------- validity (E2001–)

@rule("E2001", "error", "goods[].ciq_code", "HS编码与检验检疫编码的组合必须是检验检疫编码表中的一行",
      "The HS code + CIQ code pair must be a row of the CIQ code list.", scope="ciq")
def ciq_pair(decl, ctx):
    lk = None
    out = None
    for i, g in enumerate(decl.goods or ()):
        hs, ciq = g.hs_code, g.ciq_code
        if not isinstance(hs, str) or not isinstance(ciq, str) or len(ciq) != 3:
            continue
        lk = lk or ciq_lookup(ctx.codes)
        known = lk.codes_for(hs)
        # an HS code the eCIQ list does not hold (newer HS 2022 codes) is not judged here
        if known and lk.get(hs, ciq) is None:
            path = f"goods[{i}].ciq_code"
            zh, en = lbl(path)
            choices = "、".join(c.ciq_code for c in known[:8])
            out = out or []
            out.append(issue("E2001", path,
                             f"{zh}“{show(ciq)}”不是HS编码 {show(hs)} 的检验检疫编码，可选：{choices}",
                             f"The {en} \"{show(ciq)}\" is not a CIQ code of HS {show(hs)}; "
                             f"choose one of: {choices}."))
    return out


@rule("E2002", "error", "goods[].ciq_code", "HS编码有检验检疫编码时必须选择检验检疫编码",
      "When the HS code has CIQ codes, one must be chosen.", scope="ciq")
def ciq_code_required(decl, ctx):
    lk = None
    out = None
    for i, g in enumerate(decl.goods or ()):
        if not blank(g.ciq_code) or not isinstance(g.hs_code, str) or len(g.hs_code) != 10:
            continue
        lk = lk or ciq_lookup(ctx.codes)
        known = lk.codes_for(g.hs_code)
        if known:
            path = f"goods[{i}].ciq_code"
            zh, en = lbl(path)
            choices = "、".join(c.label() for c in known[:3])
            out = out or []
            out.append(issue("E2002", path, f"请选择{zh}（HS {g.hs_code}：{choices}…）",
                             f"Choose the {en} (HS {g.hs_code}: {choices}…)."))
    return out


@rule("E2003", "error", "goods[].goods_attributes", "货物属性必须是货物属性代码表中的代码",
      "Goods attributes must be codes of the goods attribute list.", scope="ciq")
def attribute_codes(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        attrs = g.goods_attributes
        if not attrs:
            continue
        table = _table(ctx, "goods_attributes")
        for a in attrs:
            if a not in table:
                path = f"goods[{i}].goods_attributes"
                zh, en = lbl(path)
                out = out or []
                out.append(issue("E2003", path, f"{zh}“{show(a)}”不是货物属性代码",
                                 f"\"{show(a)}\" in the {en} is not a goods attribute code."))
    return out


@rule("E2004", "error", "goods[].goods_attributes", "互相排斥的货物属性不能同时选择（如3C目录内/3C目录外）",
      "Attributes that exclude each other cannot be chosen together (e.g. in/outside CCC).", scope="ciq")
def attribute_exclusive(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        attrs = g.goods_attributes
        if not attrs or len(attrs) < 2:
            continue
        seen: dict[tuple, str] = {}
        for a in attrs:
            grp = _EXCL_OF.get(a)
            if grp is None:
                continue
            other = seen.get(grp)
            if other is not None and other != a:
                t = _table(ctx, "goods_attributes")
                n1, n2 = t.get(other), t.get(a)
                path = f"goods[{i}].goods_attributes"
                zh, en = lbl(path)
                out = out or []
                out.append(issue(
                    "E2004", path,
                    f"{zh}不能同时为 {other} {n1.name_cn if n1 else ''} 和 {a} "
                    f"{n2.name_cn if n2 else ''}：请只保留一个",
                    f"The {en} cannot be both {other} ({n1.name_en if n1 else ''}) and {a} "
                    f"({n2.name_en if n2 else ''}): keep one."))
            seen.setdefault(grp, a)
    return out


@rule("E2005", "error", "goods[].licences[].type", "产品资质类别必须属于本出入境方向的许可证代码表",
      "A licence type must be in the licence list of the declaration's direction.", scope="ciq")
def licence_type(decl, ctx):
    out = None
    table = None
    for i, g in enumerate(decl.goods or ()):
        for j, lic in enumerate(g.licences or ()):
            t = lic.type
            if table is None:
                table = _table(ctx, LICENCE_TABLE.get(decl.direction or "", "licences_inbound"))
            if t in table:
                continue
            path = f"goods[{i}].licences[{j}].type"
            zh, en = lbl(path)
            if blank(t):
                out = out or []
                out.append(issue("E2005", path, f"请填写{zh}", f"Fill in the {en}."))
            else:
                side = "出境" if decl.direction == "outbound" else "入境"
                out = out or []
                out.append(issue("E2005", path, f"{zh}“{show(t)}”不是{side}许可证/审批文件代码",
                                 f"The {en} \"{show(t)}\" is not a licence code of this "
                                 f"direction."))
    return out


@rule("E2006", "error", "goods[].licences[].number", "产品资质必须填写许可证/审批号",
      "Every licence needs its number.", scope="ciq")
def licence_number(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        for j, lic in enumerate(g.licences or ()):
            if blank(lic.number):
                path = f"goods[{i}].licences[{j}].number"
                zh, en = lbl(path)
                out = out or []
                out.append(issue("E2006", path, f"请填写{zh}（类别 {show(lic.type or '')}）",
                                 f"Fill in the {en} (type {show(lic.type or '')})."))
    return out


@rule("E2007", "error", "goods[].dangerous.pack_category", "危包类别必须是危包类别代码（1一类 2二类 3三类 4无）",
      "The packing category must be a code of the list (1, 2, 3, 4 none).", scope="ciq")
def pack_category(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        d = g.dangerous
        if d is None or blank(d.pack_category):
            continue
        if d.pack_category not in _table(ctx, "dangerous_pack_categories"):
            path = f"goods[{i}].dangerous.pack_category"
            zh, en = lbl(path)
            out = out or []
            out.append(issue("E2007", path, f"{zh}“{show(d.pack_category)}”不是危包类别代码（1–4）",
                             f"The {en} \"{show(d.pack_category)}\" is not a packing category "
                             f"code (1–4)."))
    return out


@rule("E2008", "error", "enterprise_qualifications[].type", "企业资质类别必须是企业资质代码，且须填写编号",
      "An enterprise qualification needs a type from the list and a number.", scope="ciq")
def qualifications(decl, ctx):
    out = None
    for j, q in enumerate(decl.enterprise_qualifications or ()):
        path = f"enterprise_qualifications[{j}].type"
        zh, en = lbl(path)
        if blank(q.type) or q.type not in _table(ctx, "enterprise_qualifications"):
            out = out or []
            out.append(issue("E2008", path, f"{zh}“{show(q.type or '')}”不是企业资质代码",
                             f"The {en} \"{show(q.type or '')}\" is not a qualification code."))
        if blank(q.number):
            p2 = f"enterprise_qualifications[{j}].number"
            zh2, en2 = lbl(p2)
            out = out or []
            out.append(issue("E2008", p2, f"请填写{zh2}", f"Fill in the {en2}."))
    return out


def _eighteen(decl: Any, name: str, code: str):
    v = getattr(decl, name)
    if blank(v) or (len(v) == 18 and v.isdigit() and v.isascii()):
        return None
    zh, en = lbl(name)
    return [issue(code, name, f"{zh}应为18位数字，实际为“{show(v)}”",
                  f"The {en} must be 18 digits, got \"{show(v)}\".")]


@rule("E2009", "error", "customs_decl_no", "报关单号应为18位数字", "The customs declaration no. has 18 digits.", scope="ciq")
def customs_decl_no(decl, ctx):
    return _eighteen(decl, "customs_decl_no", "E2009")


@rule("E2020", "error", "clearance_doc_no", "通关单号应为18位数字", "The clearance document no. has 18 digits.", scope="ciq")
def clearance_doc_no(decl, ctx):
    return _eighteen(decl, "clearance_doc_no", "E2020")


@rule("E2021", "error", "containers[].goods_seqs", "集装箱内货物序号必须是本单货物的序号",
      "The goods in a container must be goods lines of this declaration.", scope="ciq")
def container_goods(decl, ctx):
    out = None
    seqs = None
    for j, c in enumerate(decl.containers or ()):
        if not c.goods_seqs:
            continue
        if seqs is None:
            seqs = {g.seq for g in decl.goods or ()}
        bad = [s for s in c.goods_seqs if s not in seqs]
        if bad:
            path = f"containers[{j}].goods_seqs"
            zh, en = lbl(path)
            out = out or []
            text = "、".join(str(s) for s in bad)
            out.append(issue("E2021", path, f"{zh}中的 {text} 不是本单货物的序号",
                             f"{text} in the {en} are not goods line numbers of this "
                             f"declaration."))
    return out


@rule("E2022", "error", "goods[].std_unit", "填写HS标准量时必须填写其单位",
      "An HS standard quantity needs its unit.", scope="ciq")
def std_unit(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        if g.std_quantity is not None and blank(g.std_unit):
            path = f"goods[{i}].std_unit"
            zh, en = lbl(path)
            out = out or []
            out.append(issue("E2022", path, f"请填写{zh}", f"Fill in the {en}."))
    return out


@rule("W2001", "warning", "goods[].production_date", "生产日期晚于今天",
      "The production date is in the future.", scope="ciq")
def production_date(decl, ctx):
    out = None
    for i, g in enumerate(decl.goods or ()):
        d = g.production_date
        if d is not None and d > ctx.today:
            path = f"goods[{i}].production_date"
            zh, en = lbl(path)
            out = out or []
            out.append(issue("W2001", path, f"{zh} {d.isoformat()} 晚于今天，请核对",
                             f"The {en} {d.isoformat()} is after today: check it."))
    return out


# ------------------------------------------------------ requirements (E2010–E2019)

_memo = threading.local()


def _missing(decl, ctx) -> dict[str, list[Requirement]]:
    """The missing requirements by rule code (computed by E2010, read by the others)."""
    m = getattr(_memo, "value", None)
    if m is not None and m[0] is decl:
        return m[1]
    return _compute(decl, ctx)


def _compute(decl, ctx) -> dict[str, list[Requirement]]:
    out: dict[str, list[Requirement]] = {}
    for r in iter_missing(decl, ctx.codes, named=False):
        out.setdefault(r.rule, []).append(r)
    _memo.value = (decl, out)
    return out


def _report(decl, ctx, code: str):
    found = _missing(decl, ctx).get(code)
    if not found:
        return None
    out = []
    for r in found:
        i = r.field.split("]", 1)[0].split("[", 1)[1] if r.field.startswith("goods[") else None
        where_zh = f"第{int(i) + 1}项货物" if i is not None else "本单"
        where_en = f"Goods line {int(i) + 1}" if i is not None else "The declaration"
        if r.kind == "licence":
            what_zh = f"须有产品资质 {'/'.join(r.alternatives)} {r.name_cn}（填写许可证/审批号）"
            what_en = f"needs licence {'/'.join(r.alternatives)} ({r.name_en}) with its number"
        elif r.kind == "attachment":
            what_zh = f"须随附 {'/'.join(r.alternatives)} {r.name_cn} 之一"
            what_en = f"needs one of the attachments {'/'.join(r.alternatives)} ({r.name_en})"
        elif r.kind == "attribute":
            what_zh = f"须选择货物属性 {'/'.join(r.alternatives)}（{r.name_cn}）之一"
            what_en = f"needs one of the goods attributes {'/'.join(r.alternatives)} ({r.name_en})"
        else:
            zh, en = lbl(r.field)
            what_zh = f"须填写{zh}"
            what_en = f"needs its {en} filled in"
        out.append(issue(code, r.field, f"{where_zh}{what_zh}：{r.why_cn}",
                         f"{where_en} {what_en}: {r.why_en}."))
    return out


@rule("E2010", "error", "goods[].licences", "法检目录为该商品列出的许可证必须填写（如进境动植物检疫许可证 325）",
      "Licences the inspection catalogue lists for the goods are required (e.g. 325).", scope="ciq")
def catalogue_licences(decl, ctx):
    _compute(decl, ctx)  # always fresh: the rules after this one read its answer
    return _report(decl, ctx, "E2010")


@rule("E2011", "error", "attachments", "P类进境货物须随附输出国官方证书（101006/101007/101008）",
      "Category P inbound: attach the exporting country's certificate (101006/7/8).", scope="ciq")
def origin_certificate(decl, ctx):
    return _report(decl, ctx, "E2011")


@rule("E2012", "error", "goods[].licences", "R类进口食品须有境外生产企业注册（519）",
      "Category R imported food needs the foreign producer's registration (519).", scope="ciq")
def food_producer_registration(decl, ctx):
    return _report(decl, ctx, "E2012")


@rule("E2013", "error", "goods[].goods_attributes", "R类进口食品须申明预包装或非预包装（14/15）",
      "Category R imported food: say pre-packaged or not (attribute 14/15).", scope="ciq")
def food_packaging_attribute(decl, ctx):
    return _report(decl, ctx, "E2013")


@rule("E2014", "error", "goods[].licences", "预包装进口食品须有标签备案（517）",
      "Pre-packaged imported food needs its label filing (517).", scope="ciq")
def food_label_filing(decl, ctx):
    return _report(decl, ctx, "E2014")


@rule("E2015", "error", "goods[].producer.reg_no", "S类出口食品须在生产单位注册号填写出口食品生产企业备案号（518）",
      "Category S exported food: the producer's filing no. (518) in producer.reg_no.", scope="ciq")
def food_producer_filing(decl, ctx):
    return _report(decl, ctx, "E2015")


@rule("E2016", "error", "goods[].goods_attributes", "L类商品须申明3C属性（11/12/13）",
      "Category L goods: say whether CCC applies (attribute 11/12/13).", scope="ciq")
def ccc_attribute(decl, ctx):
    return _report(decl, ctx, "E2016")


@rule("E2017", "error", "goods[].licences", "3C目录内商品须有CCC证书（411）或免办证明（410）",
      "Goods in the CCC catalogue need a CCC certificate (411) or exemption (410).", scope="ciq")
def ccc_certificate(decl, ctx):
    return _report(decl, ctx, "E2017")


@rule("E2018", "error", "goods[].dangerous.un_no", "危险化学品（属性31/32）须填写危险货物信息（UN编码、类别、危包类别）",
      "Dangerous chemicals (31/32): fill in the UN no., class and packing category.", scope="ciq")
def dangerous_filled(decl, ctx):
    return _report(decl, ctx, "E2018")


@rule("E2019", "error", "goods[].licences", "出境危险货物须有包装使用鉴定结果单（425）和性能检验结果单（426）",
      "Outbound dangerous goods need the packaging results 425 and 426.", scope="ciq")
def dangerous_packaging(decl, ctx):
    return _report(decl, ctx, "E2019")
