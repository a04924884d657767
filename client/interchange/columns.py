"""The columns of the Excel/CSV template: which field each column holds and how.

One layout serves the blank template, the importer, the exporter and the error report, so
a workbook CIQ Desk writes can always be read back. Row 1 holds the Chinese labels
(:func:`client.fields.label`), row 2 the field paths, data starts on row 3, one row per
goods line:

* header fields by their path (``contract_no``, ``declarant.uscc``);
* goods fields as ``goods.<field>`` (one goods line per row);
* containers as ``containers.number`` / ``containers.size_type`` and certificates as
  ``certificates.type`` / ``.originals`` / ``.copies``: comma-separated lists in the first
  row of a declaration;
* the goods line's lists and objects (``ciqdesk/declaration@2``): ``goods.goods_attributes``
  (codes, comma-separated), ``goods.licences`` (``type:number`` pairs, comma-separated),
  ``goods.dangerous.<field>`` and ``goods.producer.<field>`` one column each; the header's
  ``enterprise_qualifications`` as ``type:number`` pairs; ``containers.goods_seqs`` the
  goods of each container joined by ``/`` (see :mod:`.listcells`);
* ``inspection_no``, ``status`` and ``clearance_doc_no`` are written by exports so a broker can hand a client
  their declarations; imports ignore them (numbers come from finalising, statuses from
  the platform). The error report adds an ``issues`` column, also ignored on import.

Attachments are not part of the spreadsheet.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..fields import label
from ..model import FIELD_KINDS, GOODS_FIELDS, PARTY_FIELDS, SCALAR_KINDS

#: fields whose values are names or free text: only stripped, never NFKC-normalised
TEXT_FIELDS = frozenset(
    [f"{p}.{n}" for p in ("declarant", "agent", "consignee", "consignor") for n in ("name_cn", "name_en")]
    + ["declarer.name", "transport_name", "goods_location", "marks", "remarks",
       "goods.name_cn", "goods.name_en", "goods.spec", "goods.brand", "goods.dangerous.name",
       "goods.producer.name"])

#: code fields written in capitals (countries, currencies, ports, containers, USCCs)
UPPER_FIELDS = frozenset(
    ["trade_country", "departure_country", "destination_country", "departure_port",
     "entry_exit_port", "arrival_port", "goods.origin_country", "goods.currency",
     "containers.number", "containers.size_type", "goods.hs_code", "stopover_port",
     "goods.licences", "enterprise_qualifications"]
    + [f"{p}.uscc" for p in ("declarant", "agent", "consignee", "consignor")])

#: numeric codes with a fixed width: an Excel number loses leading zeros (1 → "001")
FIXED_WIDTH = {
    "inspection_type": 2, "declare_bureau": 6, "port_bureau": 6, "inspect_bureau": 6,
    "release_bureau": 6, "trade_mode": 4, "destination_district": 6, "origin_district": 6,
    "purpose": 2, "transport_mode": 1, "goods.hs_code": 10, "goods.ciq_code": 3,
    "goods.quantity_unit": 3, "goods.std_unit": 3, "goods.package_type": 2, "certificates.type": 2,
    **{f"{p}.reg_no": 10 for p in ("declarant", "agent", "consignee", "consignor")},
}

#: drop-down lists: field → code table (see :mod:`client.codes`) or a fixed list name
CODE_LISTS = {
    "direction": "@direction", "clearance_mode": "@clearance_mode", "ecommerce": "@yesno",
    "inspection_type": "inspection_types", "declare_bureau": "bureaus",
    "port_bureau": "bureaus", "inspect_bureau": "bureaus", "release_bureau": "bureaus",
    "transport_mode": "transport_modes", "trade_mode": "trade_modes",
    "trade_country": "countries", "departure_country": "countries",
    "destination_country": "countries", "destination_district": "districts",
    "origin_district": "districts", "purpose": "purposes",
    "goods.origin_country": "countries", "goods.quantity_unit": "units",
    "goods.currency": "currencies", "goods.package_type": "package_types",
    "goods.std_unit": "units",
}

FIXED_LISTS = {
    "@direction": [("inbound", "入境"), ("outbound", "出境")],
    "@clearance_mode": [("standard", "一般报检"), ("import_direct", "进口直通"),
                        ("export_direct", "出口直放"), ("import_transfer", "进口转单")],
    "@yesno": [("是", ""), ("否", "")],
}

#: columns an import never reads
EXPORT_ONLY = frozenset({"inspection_no", "status", "issues", "clearance_doc_no"})

INBOUND_ONLY = frozenset({"departure_country", "destination_district", "arrival_date",
                          "unload_date", "claim_deadline", "foreign_investment"})
OUTBOUND_ONLY = frozenset({"lc_no", "destination_country", "arrival_port", "origin_district",
                           "ship_date"})

_EXTRA_LABELS = {"status": ("状态(仅导出)", "status (export only)"),
                 "inspection_no": ("报检号(仅导出)", "inspection no. (export only)"),
                 "issues": ("校验问题(仅报告)", "issues (report only)"),
                 "containers.number": ("集装箱号(逗号分隔)", "container numbers (comma-separated)"),
                 "containers.size_type": ("集装箱规格(逗号分隔)", "size-type codes (comma-separated)"),
                 "certificates.type": ("所需证单类型(逗号分隔)", "certificate types (comma-separated)"),
                 "certificates.originals": ("证单正本份数(逗号分隔)", "originals (comma-separated)"),
                 "certificates.copies": ("证单副本份数(逗号分隔)", "copies (comma-separated)"),
                 "containers.goods_seqs": ("箱内货物序号(如1/2,3)", "goods per container (e.g. 1/2,3)"),
                 "goods.goods_attributes": ("货物属性(逗号分隔)", "goods attributes (comma-separated)"),
                 "goods.licences": ("产品资质(类别:编号,逗号分隔)", "licences (type:number, comma-separated)"),
                 "enterprise_qualifications": ("企业资质(类别:编号,逗号分隔)",
                                               "enterprise qualifications (type:number, comma-separated)"),
                 "clearance_doc_no": ("通关单号(仅导出)", "clearance doc. no. (export only)")}


@dataclass(frozen=True, slots=True)
class Column:
    """One template column: its path (row 2), label (row 1) and the kind of value it holds.

    ``kind`` is ``str``/``int``/``dec``/``date``/``bool`` as in
    :data:`client.model.FIELD_KINDS`, ``list:str``/``list:int`` for comma-separated
    containers and certificates, ``codes`` (a code list), ``pairs`` (``type:number`` list)
    or ``groups`` (``containers.goods_seqs``). ``part`` says where the value goes: ``header``, ``goods``,
    ``list`` (containers/certificates) or ``info`` (export-only).
    """

    path: str
    kind: str
    part: str
    width: float

    def label(self, lang: str = "zh") -> str:
        extra = _EXTRA_LABELS.get(self.path)
        if extra:
            return extra[1] if lang == "en" else extra[0]
        return label(self.path.replace("goods.", "goods[].", 1) if self.part == "goods"
                     else self.path, lang)

    @property
    def model_template(self) -> str:
        """The path template of :data:`FIELD_KINDS` (``goods[].hs_code``)."""
        if self.part in ("goods", "list"):
            head, _, tail = self.path.partition(".")
            return f"{head}[].{tail}"
        return self.path


def _header_paths() -> list[str]:
    out = ["id", "inspection_no", "status", "direction", "inspection_type", "clearance_mode",
           "declare_bureau", "port_bureau", "inspect_bureau", "release_bureau"]
    for party in ("declarant", "agent"):
        out += [f"{party}.{n}" for n in PARTY_FIELDS]
    out += ["declarer.name", "declarer.phone", "declarer.cert_no"]
    for party in ("consignee", "consignor"):
        out += [f"{party}.{n}" for n in PARTY_FIELDS]
    out += ["contract_no", "invoice_no", "lc_no", "bl_no", "transport_mode", "transport_name",
            "trade_mode", "trade_country", "departure_country", "destination_country",
            "departure_port", "entry_exit_port", "arrival_port", "destination_district",
            "origin_district", "arrival_date", "unload_date", "claim_deadline", "ship_date",
            "goods_location", "purpose", "marks", "ecommerce", "remarks",
            "enterprise_qualifications", "customs_decl_no", "stopover_port",
            "foreign_investment", "clearance_doc_no"]
    return out


def _width(path: str, kind: str) -> float:
    text = _EXTRA_LABELS.get(path, (label(path.replace("goods.", "goods[].", 1)),))[0]
    # CJK characters are about two Latin widths wide
    w = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) + 2
    if kind == "date":
        w = max(w, 12)
    if path in ("id", "goods_location", "transport_name", "goods.spec", "remarks", "marks") \
            or path.endswith(".name_cn") or path.endswith(".name_en"):
        w = max(w, 28)
    if kind == "pairs" or path == "goods.goods_attributes":
        w = max(w, 24)
    if path.endswith(".uscc") or path.startswith("containers.") or path == "goods.hs_code":
        w = max(w, 20)
    return float(min(max(w, 8), 40))


def _build() -> list[Column]:
    cols = []
    for path in _header_paths():
        if path in ("inspection_no", "status", "clearance_doc_no"):
            cols.append(Column(path, "str", "info", _width(path, "str")))
        elif path == "enterprise_qualifications":
            cols.append(Column(path, "pairs", "header", _width(path, "pairs")))
        else:
            kind = FIELD_KINDS[path]
            cols.append(Column(path, kind, "header", _width(path, kind)))
    for path, kind in (("containers.number", "list:str"), ("containers.size_type", "list:str"),
                       ("containers.goods_seqs", "groups"), ("certificates.type", "list:str"), ("certificates.originals", "list:int"),
                       ("certificates.copies", "list:int")):
        cols.append(Column(path, kind, "list", _width(path, kind)))
    for name in GOODS_FIELDS:
        kind = FIELD_KINDS.get(f"goods[].{name}", "")
        if kind == "strs":
            kind = "codes"
        elif not kind and f"goods[].{name}[].type" in FIELD_KINDS:
            kind = "pairs"
        elif not kind:  # an object of the goods line: one column per field
            for sub, sub_kind in FIELD_KINDS.items():
                if sub.startswith(f"goods[].{name}.") and sub_kind in SCALAR_KINDS:
                    path = "goods." + sub[8:]
                    cols.append(Column(path, sub_kind, "goods", _width(path, sub_kind)))
            continue
        elif kind not in SCALAR_KINDS:
            raise TypeError(f"goods[].{name}: no template column for kind {kind!r}")
        cols.append(Column(f"goods.{name}", kind, "goods", _width(f"goods.{name}", kind)))
    return cols


#: every column, in template order
COLUMNS: tuple[Column, ...] = tuple(_build())
BY_PATH: dict[str, Column] = {c.path: c for c in COLUMNS}
ISSUES_COLUMN = Column("issues", "str", "info", 60.0)


def columns_for(direction: str | None = None, *, issues: bool = False) -> list[Column]:
    """The columns of a template for ``direction`` (``None``: both directions' fields)."""
    skip = OUTBOUND_ONLY if direction == "inbound" else INBOUND_ONLY \
        if direction == "outbound" else frozenset()
    cols = [c for c in COLUMNS if c.path not in skip]
    if issues:
        cols.append(ISSUES_COLUMN)
    return cols


def labels_to_paths() -> dict[str, str]:
    """Chinese and English labels → paths, for a sheet whose row of paths was deleted."""
    out: dict[str, str] = {}
    for c in COLUMNS + (ISSUES_COLUMN,):
        out[c.label("zh")] = c.path
        out[c.label("en")] = c.path
    return out
