"""Storing an import in parts inside one transaction (issue 17: bounded memory).

:meth:`client.services.desk.Desk.importing` opens one write transaction and hands out an
:class:`ImportSink`; the reader of a large workbook stores each chunk of declarations as
soon as it is read (:meth:`ImportSink.store`) and drops it, so memory stays flat however
large the file is. :meth:`Desk.store_imported` is the same sink used once. Either the
whole file is stored (the transaction commits) or nothing is (a cancel, a refused file or
a killed process rolls it back); the report is filled only on commit.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from sqlalchemy import Connection

from ..ciq.importing import map_on_import
from ..codes import CodeBook
from ..lifecycle import EDITABLE, status_sentence
from ..model import Declaration
from ..store import declarations as decl_q


class ImportSink:
    """The declarations of one import source, stored chunk by chunk in one transaction.

    Refuses what an import may not change (a finalised declaration, an inspection number
    held by another declaration), reporting it by row; everything else is inserted or
    updated as a draft through :func:`client.store.declarations.save_many`.
    """

    def __init__(self, conn: Connection, source: str, codes: CodeBook):
        self.conn = conn
        self.source = source
        self.codes = codes
        #: customs codes mapped to eCIQ on import, one warning per field (issue 13)
        self.warnings: list = []
        self.note = f"导入 {Path(source).name}"
        self.imported: list[str] = []
        self.updated: list[str] = []
        self.errors: list = []

    def map_codes(self, decls: Sequence[Declaration], rows: Sequence[int]) -> list[bool]:
        """Map declarations written in customs terms to the eCIQ lists in force, in place
        (:func:`client.ciq.importing.map_on_import`; nothing before the switch), each
        mapped field a warning at its row; returns which were mapped. Readers that
        validate or serialise before :meth:`store` call this first; :meth:`store` calls it
        too (a declaration already mapped is in eCIQ terms and maps to nothing)."""
        out = []
        for d, row in zip(decls, rows):
            notes = map_on_import(d, self.codes)
            for note in notes:
                self.warn(row, note.field, note.message_zh, note.message_en)
            out.append(bool(notes))
        return out

    def warn(self, row: int | None, field: str | None, message_zh: str, message_en: str
             ) -> None:
        """A customs code mapped to eCIQ at ``row`` (here, or by an import worker)."""
        from .desk import ImportProblem
        self.warnings.append(ImportProblem(self.source, row, None, field, message_zh,
                                           message_en, severity="warning"))

    def store(self, decls: Sequence[Declaration], rows: Sequence[int],
              docs: Sequence[str] | None = None,
              validation: Sequence[decl_q.Validation | None] | None = None) -> list[str]:
        """Save one chunk; returns the ids stored. ``docs`` each declaration's JSON as
        read, ``validation`` each one's result (see ``declarations.save_many``)."""
        if not decls:
            return []
        # a declaration mapped here: the JSON as read and a result judged before are stale
        mapped = self.map_codes(decls, rows)
        batch = decl_q.row_batch(
            decls, [None if mapped[n] or docs is None else docs[n] for n in range(len(decls))],
            [None if mapped[n] else validation[n] for n in range(len(decls))]
            if validation is not None else None)
        return self.store_rows(batch, rows)

    def store_rows(self, batch: decl_q.RowBatch, rows: Sequence[int]) -> list[str]:
        """Save one chunk already turned into rows (mapped to eCIQ and, with its
        ``validation``, validated: :mod:`client.interchange.import_work`); ``rows`` the
        source row of each. Returns the ids stored."""
        from .desk import ImportProblem
        if not len(batch):
            return []
        conn = self.conn
        existing = decl_q.existing_status(conn, batch.ids)
        clashes = decl_q.number_conflicts(conn, batch)
        keep = []
        for n, (did, no, row) in enumerate(zip(batch.ids, batch.numbers, rows)):
            if did in clashes:
                self.errors.append(ImportProblem(
                    self.source, row, None, "inspection_no",
                    f"报检号 {no} 已被另一份报检单（{clashes[did]}）使用，该报检单未导入",
                    f"inspection number {no} is already used by declaration "
                    f"{clashes[did]}; not imported"))
                continue
            st = existing.get(did)
            if st is not None and st not in EDITABLE:
                self.errors.append(ImportProblem(
                    self.source, row, None, "id",
                    f"报检单 {did} 已{status_sentence(st)}，不能通过导入修改",
                    f"declaration {did} is {st} and cannot be changed by import"))
                continue
            keep.append(n)
        inserted, updated = decl_q.save_rows(conn, batch.only(keep), note=self.note,
                                             existing=existing)
        self.imported.extend(inserted)
        self.updated.extend(updated)
        return inserted + updated
