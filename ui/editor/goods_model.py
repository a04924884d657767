"""The goods lines (货物明细) and containers (集装箱) as editable table models.

Both are :class:`~ui.editor.table_model.RowsTableModel`s: see there for the signals
(``edited``, ``rejected``). A new goods line copies origin country, unit, currency and
package type from the line above, as declarers usually repeat them.
"""
from __future__ import annotations

from client.model import Container, GoodsLine

from .table_model import Column, RowsTableModel


class GoodsTableModel(RowsTableModel):
    """货物明细: seq is renumbered 1..n after every insert, remove or copy."""

    LIST = "goods"
    COLUMNS = (
        Column("seq", "seq", width=44),
        Column("hs_code", "code", "hs2022", prefix=6, full_length=10, width=104),
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
        Column("product_reg_no", width=100),
        Column("ciq_code", width=90),
        Column("name_en", width=140),
        Column("brand", width=80),
    )

    def make_row(self, before=None) -> GoodsLine:
        if before is None:
            return GoodsLine()
        return GoodsLine(origin_country=before.origin_country, quantity_unit=before.quantity_unit,
                         currency=before.currency, package_type=before.package_type)


class ContainersModel(RowsTableModel):
    """集装箱: ISO 6346 number and size-type code, one row each."""

    LIST = "containers"
    COLUMNS = (Column("number", width=160), Column("size_type", width=120))

    def make_row(self, before=None) -> Container:
        return Container(size_type=before.size_type if before else None)

    def parse(self, col, value):
        ok, parsed, why = super().parse(col, value)
        if ok and isinstance(parsed, str):
            parsed = parsed.replace(" ", "").upper()
        return ok, parsed, why
