"""The goods lines (货物明细) and containers (集装箱) as editable table models.

Both are :class:`~ui.editor.table_model.RowsTableModel`s: see there for the signals
(``edited``, ``rejected``). A new goods line copies origin country, unit, currency and
package type from the line above, as declarers usually repeat them.
"""
from __future__ import annotations

from PySide6.QtCore import Qt

from client.ciq import ciq_lookup
from client.codes import CodeTable
from client.model import Container, GoodsLine

from .table_model import Column, RowsTableModel


class GoodsTableModel(RowsTableModel):
    """货物明细: seq is renumbered 1..n after every insert, remove or copy."""

    LIST = "goods"
    ROW_CLASS = GoodsLine
    COLUMNS = (
        Column("seq", "seq", width=44),
        Column("hs_code", "code", "hs2022", prefix=6, full_length=10, width=104),
        Column("ciq_code", "ciq", width=150),
        Column("catalogue", "chips", width=96),
        Column("name_cn", width=130),
        Column("spec", width=96),
        Column("origin_country", "code", "countries", width=96),
        Column("quantity", "dec", width=80),
        Column("quantity_unit", "code", "units", width=74),
        Column("net_weight_kg", "dec", width=92),
        Column("gross_weight_kg", "dec", width=92),
        Column("value", "dec", width=96),
        Column("currency", "code", "currencies", width=80),
        Column("package_type", "code", "package_types", width=96),
        Column("package_count", "int", width=74),
        Column("goods_attributes", "codes", "goods_attributes", width=100),
        Column("licences", "pairs", "licences_inbound", width=170),
        Column("producer.name", width=140),
        Column("producer.reg_no", width=110),
        Column("batch_no", width=90),
        Column("production_date", "date", width=96),
        Column("std_quantity", "dec", width=80),
        Column("std_unit", "code", "units", width=74),
        Column("dangerous.un_no", width=80),
        Column("dangerous.name", width=110),
        Column("dangerous.class", width=70),
        Column("dangerous.pack_category", "code", "dangerous_pack_categories", width=80),
        Column("dangerous.packaging_code", width=80),
        Column("product_reg_no", width=100),
        Column("name_en", width=140),
        Column("brand", width=80),
    )

    def __init__(self, rows=None, codes=None, lang: str = "zh", parent=None,
                 direction: str = "inbound"):
        super().__init__(rows, codes, lang, parent, direction)
        if direction == "outbound":  # the licence list of the direction
            self.COLUMNS = tuple(Column("licences", "pairs", "licences_outbound", width=170)
                                 if c.field == "licences" else c for c in self.COLUMNS)
        self._ciq_tables: dict[str | None, CodeTable] = {}

    def ciq_table(self, row: int) -> CodeTable:
        """The CIQ codes of row ``row``'s HS code as a code table (for the picker)."""
        hs = self.rows[row].hs_code if 0 <= row < len(self.rows) else None
        table = self._ciq_tables.get(hs)
        if table is None:
            found = ciq_lookup(self.codes).codes_for(hs) if self.codes is not None and hs \
                else []
            table = CodeTable("ciq_codes", "", [{"code": c.ciq_code, "name_cn": c.name_cn}
                                                for c in found])
            self._ciq_tables = {hs: table}  # one HS code at a time is enough
        return table

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS) \
                and self.COLUMNS[section].kind == "chips" and role in (
                    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole:
                return "检验检疫类别 / 监管条件 — CIQ categories / supervision conditions"
            return "CIQ cat." if self.lang == "en" else "检验检疫类别"
        return super().headerData(section, orientation, role)

    def catalogue(self, row: int) -> tuple[tuple[str, ...], str | None]:
        """Row ``row``'s 检验检疫类别 letters and 监管条件 for the declaration's direction."""
        line = self.rows[row]
        if self.codes is None or not line.hs_code:
            return (), None
        entry = ciq_lookup(self.codes).catalogue(line.hs_code, line.ciq_code)
        if entry is None:
            return (), None
        return entry.letters(self.direction), entry.condition(self.direction)

    def add_item(self, row: int, field: str, item) -> bool:
        """Append ``item`` to the list field ``field`` of row ``row`` (one action of the
        "本商品需要" panel); ``False`` if it is there already or the table is read-only."""
        if self.read_only or not 0 <= row < len(self.rows):
            return False
        line = self.rows[row]
        items = list(getattr(line, field) or [])
        if item in items:
            return False
        self._push_value(row, field, items + [item])  # a step Ctrl+Z takes back
        return True

    def ciq_name(self, row: int) -> str | None:
        line = self.rows[row]
        if self.codes is None:
            return None
        return ciq_lookup(self.codes).name(line.hs_code, line.ciq_code)

    def make_row(self, before=None) -> GoodsLine:
        if before is None:
            return GoodsLine()
        return GoodsLine(origin_country=before.origin_country, quantity_unit=before.quantity_unit,
                         currency=before.currency, package_type=before.package_type)


class ContainersModel(RowsTableModel):
    """集装箱: ISO 6346 number and size-type code, one row each."""

    LIST = "containers"
    COLUMNS = (Column("number", width=160), Column("size_type", width=120),
               Column("goods_seqs", "ints", width=140))

    def make_row(self, before=None) -> Container:
        return Container(size_type=before.size_type if before else None)

    def parse(self, col, value):
        ok, parsed, why = super().parse(col, value)
        if ok and isinstance(parsed, str):
            parsed = parsed.replace(" ", "").upper()
        return ok, parsed, why
