"""Human names of every declaration field, in Chinese and English.

Paths use the templates of :data:`client.model.FIELD_KINDS` (``goods[].hs_code``);
:func:`label` also accepts real paths (``goods[2].hs_code``) and names the line
("第3项货物 HS编码"). Used by the rulebook's messages, the editor's labels and the Excel
template's header row.
"""
from __future__ import annotations

import re

_PARTY = {"name_cn": ("中文名称", "Chinese name"), "name_en": ("外文名称", "English name"),
          "reg_no": ("备案号", "registration no."), "uscc": ("统一社会信用代码", "USCC")}

LABELS: dict[str, tuple[str, str]] = {
    "schema": ("格式版本", "schema"),
    "id": ("本地编号", "local id"),
    "inspection_no": ("报检号", "inspection no."),
    "direction": ("出入境", "direction"),
    "inspection_type": ("报检类别", "inspection type"),
    "clearance_mode": ("通关模式", "clearance mode"),
    "declare_bureau": ("受理机构", "declaring bureau"),
    "port_bureau": ("口岸机构", "port bureau"),
    "inspect_bureau": ("施检机构", "inspecting bureau"),
    "release_bureau": ("领证/放行机构", "release bureau"),
    "declarant": ("报检单位", "declarant"),
    "agent": ("代理报检单位", "agent"),
    "declarer": ("报检员", "declarer"),
    "declarer.name": ("报检员姓名", "declarer name"),
    "declarer.phone": ("报检员电话", "declarer phone"),
    "declarer.cert_no": ("报检员证号", "declarer certificate no."),
    "consignee": ("收货人", "consignee"),
    "consignor": ("发货人", "consignor"),
    "contract_no": ("合同号", "contract no."),
    "invoice_no": ("发票号", "invoice no."),
    "lc_no": ("信用证号", "L/C no."),
    "bl_no": ("提单/运单号", "B/L no."),
    "transport_mode": ("运输方式", "transport mode"),
    "transport_name": ("运输工具名称号码", "means of transport"),
    "trade_mode": ("贸易方式", "trade mode"),
    "trade_country": ("贸易国别", "trading country"),
    "departure_country": ("启运国家", "country of departure"),
    "destination_country": ("输往国家", "country of destination"),
    "departure_port": ("启运口岸", "port of departure"),
    "entry_exit_port": ("入境/离境口岸", "port of entry/exit"),
    "arrival_port": ("到达口岸", "port of arrival"),
    "destination_district": ("目的地", "destination district"),
    "origin_district": ("产地", "district of origin"),
    "arrival_date": ("到货日期", "arrival date"),
    "unload_date": ("卸毕日期", "unloading date"),
    "claim_deadline": ("索赔有效期至", "claim deadline"),
    "ship_date": ("发货日期", "shipping date"),
    "goods_location": ("存放地点", "goods location"),
    "purpose": ("用途", "purpose"),
    "marks": ("标记及号码", "marks and numbers"),
    "ecommerce": ("跨境电商", "cross-border e-commerce"),
    "goods": ("货物明细", "goods"),
    "containers": ("集装箱", "containers"),
    "attachments": ("随附单据", "attachments"),
    "certificates": ("所需证单", "certificates"),
    "remarks": ("备注", "remarks"),
    "goods[].seq": ("序号", "line no."),
    "goods[].hs_code": ("HS编码", "HS code"),
    "goods[].ciq_code": ("检验检疫编码", "CIQ code"),
    "goods[].name_cn": ("货物名称(中文)", "goods name (Chinese)"),
    "goods[].name_en": ("货物名称(外文)", "goods name (English)"),
    "goods[].spec": ("规格型号", "specification"),
    "goods[].brand": ("品牌", "brand"),
    "goods[].origin_country": ("原产国", "country of origin"),
    "goods[].quantity": ("数量", "quantity"),
    "goods[].quantity_unit": ("数量单位", "unit"),
    "goods[].net_weight_kg": ("净重(千克)", "net weight (kg)"),
    "goods[].gross_weight_kg": ("毛重(千克)", "gross weight (kg)"),
    "goods[].value": ("货值", "value"),
    "goods[].currency": ("币制", "currency"),
    "goods[].package_type": ("包装种类", "package type"),
    "goods[].package_count": ("包装件数", "number of packages"),
    "goods[].product_reg_no": ("商品备案号", "product registration no."),
    "containers[].number": ("集装箱号", "container number"),
    "containers[].size_type": ("集装箱规格", "size-type code"),
    "containers[].goods_seqs": ("箱内货物序号", "goods in the container"),
    "goods[].goods_attributes": ("货物属性", "goods attributes"),
    "goods[].licences": ("产品资质", "product licences"),
    "goods[].licences[].type": ("许可证/审批文件类别", "licence type"),
    "goods[].licences[].number": ("许可证/审批号", "licence number"),
    "goods[].dangerous": ("危险货物信息", "dangerous goods"),
    "goods[].dangerous.un_no": ("UN编码", "UN number"),
    "goods[].dangerous.name": ("危险货物名称", "dangerous goods name"),
    "goods[].dangerous.class": ("危险货物类别", "hazard class"),
    "goods[].dangerous.pack_category": ("危包类别", "packing category"),
    "goods[].dangerous.packaging_code": ("危包规格", "packaging code"),
    "goods[].producer": ("生产单位", "producer"),
    "goods[].producer.name": ("生产单位名称", "producer name"),
    "goods[].producer.reg_no": ("生产单位注册号", "producer registration no."),
    "goods[].batch_no": ("生产批号", "batch no."),
    "goods[].production_date": ("生产日期", "production date"),
    "goods[].std_quantity": ("HS标准量", "HS standard quantity"),
    "goods[].std_unit": ("HS标准量单位", "HS standard unit"),
    "enterprise_qualifications": ("企业资质", "enterprise qualifications"),
    "enterprise_qualifications[].type": ("企业资质类别", "qualification type"),
    "enterprise_qualifications[].number": ("企业资质编号", "qualification number"),
    "customs_decl_no": ("报关单号", "customs declaration no."),
    "stopover_port": ("经停口岸", "stopover port"),
    "foreign_investment": ("外商投资财产", "foreign investment property"),
    "clearance_doc_no": ("通关单号", "clearance document no."),
    "attachments[].type": ("单据类型", "document type"),
    "attachments[].file_name": ("文件名", "file name"),
    "attachments[].sha256": ("文件摘要", "file hash"),
    "attachments[].size": ("文件大小", "file size"),
    "certificates[].type": ("证单类型", "certificate type"),
    "certificates[].originals": ("正本份数", "originals"),
    "certificates[].copies": ("副本份数", "copies"),
}
for _party in ("declarant", "agent", "consignee", "consignor"):
    for _k, (_zh, _en) in _PARTY.items():
        LABELS[f"{_party}.{_k}"] = (LABELS[_party][0] + _zh, f"{LABELS[_party][1]} {_en}")

_LIST_ZH = {"goods": "第{n}项货物", "containers": "第{n}个集装箱", "attachments": "第{n}份随附单据",
            "certificates": "第{n}种证单", "enterprise_qualifications": "第{n}项企业资质"}
_LIST_EN = {"goods": "goods line {n}", "containers": "container {n}",
            "attachments": "attachment {n}", "certificates": "certificate {n}",
            "enterprise_qualifications": "enterprise qualification {n}"}
_INDEX_RE = re.compile(r"^(\w+)\[(\d+)\]\.?(.*)$")


def _join(where: str, name: str, lang: str) -> str:
    """``第1个集装箱`` + ``集装箱号`` → ``第1个集装箱号``: the item's noun is said once."""
    if lang == "en":
        head, _, tail = name.partition(" ")
        if tail and head.lower() in where.lower().split():
            name = tail
        return f"{where} {name}"
    for n in range(min(len(where), len(name)), 0, -1):
        if where.endswith(name[:n]) and n < len(name):
            return where + name[n:]
    return where + name


def template_of(path: str) -> str:
    """``goods[3].hs_code`` → ``goods[].hs_code``."""
    return re.sub(r"\[\d+\]", "[]", path)


def label(path: str, lang: str = "zh") -> str:
    """The name of a field path for a message, naming the line for list items."""
    i = 1 if lang == "en" else 0
    m = _INDEX_RE.match(path)
    if m:
        lst, idx, rest = m.group(1), int(m.group(2)), m.group(3)
        where = (_LIST_EN if lang == "en" else _LIST_ZH).get(lst, lst + "[{n}]").format(n=idx + 1)
        if not rest:
            return where
        name = LABELS.get(f"{lst}[].{template_of(rest)}", (rest, rest))[i]
        return _join(where, name, lang)
    return LABELS.get(path, (path, path))[i]
