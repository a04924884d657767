"""A declaration as the store writes it: the derived columns, the child rows, the kept
validation result, and :class:`RowBatch`, many of them column-wise.

Plain functions of a declaration, without SQLAlchemy: the bulk import's worker processes
(:mod:`client.interchange.import_work`) make these rows, and only
:func:`client.store.declarations.save_rows` writes them (``declarations`` re-exports
everything here).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Sequence

from ..model import Declaration, dumps_compact, format_decimal


def _name(p) -> str | None:
    if p is None:
        return None
    return p.name_cn or p.name_en


def counterparty_name(direction: str | None, consignee: str | None,
                      consignor: str | None) -> str | None:
    """The partner a list shows, from the stored ``consignee``/``consignor`` columns: the
    consignor outbound, else the consignee (``Declaration.counterparty`` in stored terms)."""
    return consignor if direction == "outbound" else consignee


def header_row(decl: Declaration, doc: str | None = None) -> dict:
    """The derived columns of ``declarations`` for a declaration (without times/status).

    ``doc`` is the declaration's JSON when the caller already has it (an import keeps the
    object it read: parsing it again gives the same declaration); else it is serialised.
    """
    total, currency = decl.total_value()
    consignee, consignor = _name(decl.consignee), _name(decl.consignor)
    # the inspection number is searched in its own index (client.store.search, migration
    # 0011_numbers): numbering a draft leaves this text, and its trigrams, as they are
    hay = " ".join(x for x in (decl.contract_no, decl.bl_no, consignee, consignor,
                               decl.invoice_no,
                               decl.consignee.name_en if decl.consignee else None,
                               decl.consignor.name_en if decl.consignor else None) if x)
    return {
        "inspection_no": decl.inspection_no or None,
        "clearance_doc_no": decl.clearance_doc_no or None,
        "direction": decl.direction,
        "clearance_mode": decl.clearance_mode,
        "declare_bureau": decl.declare_bureau,
        "contract_no": decl.contract_no,
        "bl_no": decl.bl_no,
        "consignee": consignee,
        "consignor": consignor,
        "declarant_uscc": decl.declarant.uscc if decl.declarant else None,
        "agent_uscc": decl.agent.uscc if decl.agent else None,
        "goods_summary": decl.goods_summary(),
        "total_value": format_decimal(total) if total is not None else None,
        "currency": currency,
        "search_text": hay.lower(),
        "doc": doc if doc is not None else dumps_compact(decl),
    }


def _dec(v) -> str | None:
    return format_decimal(v) if v is not None else None


#: the columns of each child table a save writes (:func:`child_rows`), in
#: ``_CHILD_TABLES`` order
CHILD_COLS: tuple[tuple[str, ...], ...] = (
    ("declaration_id", "seq", "hs_code", "name_cn", "quantity", "quantity_unit",
     "net_weight_kg", "gross_weight_kg", "value", "currency", "origin_country"),
    ("declaration_id", "seq", "number", "size_type"),
    ("declaration_id", "seq", "type", "file_name", "sha256", "size"),
    ("declaration_id", "seq", "type", "originals", "copies"))


def child_rows(decl: Declaration) -> tuple[list[tuple], list[tuple], list[tuple], list[tuple]]:
    """The rows of a declaration's child tables, as tuples of :data:`CHILD_COLS`."""
    did = decl.id
    goods = [(did, i, g.hs_code, g.name_cn, _dec(g.quantity), g.quantity_unit,
              _dec(g.net_weight_kg), _dec(g.gross_weight_kg), _dec(g.value), g.currency,
              g.origin_country) for i, g in enumerate(decl.goods)]
    conts = [(did, i, c.number, c.size_type) for i, c in enumerate(decl.containers)]
    atts = [(did, i, a.type, a.file_name, a.sha256, a.size)
            for i, a in enumerate(decl.attachments)]
    certs = [(did, i, c.type, c.originals, c.copies) for i, c in enumerate(decl.certificates)]
    return goods, conts, atts, certs


#: a validation result kept with a save: ``(valid, error count, warning count, issues JSON)``
Validation = tuple[int, int, int, str]


def validation_of(issues: Sequence[dict]) -> Validation:
    """The stored form of a validation result (a list of ``Issue.to_dict()``)."""
    errors = sum(1 for i in issues if i.get("severity") == "error")
    return (int(errors == 0), errors, len(issues) - errors,
            json.dumps(list(issues), ensure_ascii=False))


@dataclass(slots=True)
class RowBatch:
    """Declarations as the store writes them, column-wise: their ids and inspection
    numbers, the ``declarations`` columns of :func:`header_row` (``head_cols``, one tuple
    per declaration), every child row of the batch per child table (tuples of
    :data:`CHILD_COLS`, the declaration's id first) and each one's validation result
    (:func:`validation_of`; ``validation`` None: not validated). Plain lists of text and
    numbers: a bulk import makes these in worker processes
    (``client.interchange.import_work``) and only the store writes them (:func:`save_rows`).
    """

    ids: list[str]
    numbers: list[str | None]
    head_cols: tuple[str, ...]
    heads: list[tuple]
    children: tuple[list[tuple], list[tuple], list[tuple], list[tuple]]
    validation: list[Validation | None] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def inspection_nos(self) -> list[tuple[str, str | None]]:
        """``(id, inspection number)`` of each declaration."""
        return list(zip(self.ids, self.numbers))

    def only(self, keep: Sequence[int]) -> "RowBatch":
        """The batch of the declarations at positions ``keep``."""
        if len(keep) == len(self.ids):
            return self
        ids = {self.ids[i] for i in keep}
        return RowBatch([self.ids[i] for i in keep], [self.numbers[i] for i in keep],
                        self.head_cols, [self.heads[i] for i in keep],
                        tuple([r for r in rows if r[0] in ids]  # type: ignore[arg-type]
                              for rows in self.children),
                        [self.validation[i] for i in keep] if self.validation is not None
                        else None)


def row_batch(decls: Sequence[Declaration], docs: Sequence[str | None] | None = None,
              validation: Sequence[Validation | None] | None = None) -> RowBatch:
    """The :class:`RowBatch` of ``decls`` (``docs``: each one's JSON when the caller has
    it; ``validation``: each one's result, or None for "not validated")."""
    heads: list[tuple] = []
    children: tuple[list[tuple], list[tuple], list[tuple], list[tuple]] = ([], [], [], [])
    cols: tuple[str, ...] = ()
    for n, d in enumerate(decls):
        h = header_row(d, docs[n] if docs is not None else None)
        if not cols:
            cols = tuple(h)
        heads.append(tuple(h.values()))
        for bucket, rows in zip(children, child_rows(d)):
            bucket.extend(rows)
    return RowBatch([d.id or "" for d in decls], [d.inspection_no or None for d in decls],
                    cols, heads, children,
                    list(validation) if validation is not None else None)
