"""Declarations in the store: save (one or many), load, list by keyset pages, search.

Everything here takes a :class:`sqlalchemy.Connection` inside a transaction opened by the
caller (``Database.read()`` / ``Database.write()``), so a service can combine several
steps in one transaction (finalise = validate + number + status + outbox).
Rows leave this module as frozen :class:`DeclarationSummary` dataclasses or model
:class:`~client.model.Declaration` objects, never as live ORM objects.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from typing import Iterable, Iterator, Sequence

from sqlalchemy import (Connection, and_, delete, func, or_, select, text, tuple_,
                        update)

from ..lifecycle import EDITABLE, STATUSES
from ..model import Declaration, loads_stored
from . import dialect
from .rows import (CHILD_COLS, RowBatch, Validation, child_rows,  # noqa: F401 - the API
                   counterparty_name, header_row, row_batch, validation_of)
from . import schema as s
from . import search as _search
from .quick import like_escape as _like_escape
from .db import utcnow

__all__ = ["EDITABLE", "STATUSES"]  # re-exported from client.lifecycle for store callers

_SUMMARY_COLS = (s.declarations.c.id, s.declarations.c.inspection_no,
                 s.declarations.c.direction, s.declarations.c.clearance_mode,
                 s.declarations.c.status, s.declarations.c.declare_bureau,
                 s.declarations.c.contract_no, s.declarations.c.bl_no,
                 s.declarations.c.consignee, s.declarations.c.consignor,
                 s.declarations.c.declarant_uscc, s.declarations.c.goods_summary,
                 s.declarations.c.total_value, s.declarations.c.currency,
                 s.declarations.c.created_at, s.declarations.c.updated_at,
                 s.declarations.c.last_receipt_at, s.declarations.c.status_note,
                 s.declarations.c.valid, s.declarations.c.error_count,
                 s.declarations.c.warning_count, s.declarations.c.version,
                 s.declarations.c.filed_by, s.declarations.c.local_rev,
                 s.declarations.c.saved_by, s.declarations.c.clearance_doc_no)


@dataclass(frozen=True, slots=True)
class DeclarationSummary:
    """One row of the declarations list (what the table and ``list --json`` show)."""

    id: str
    inspection_no: str | None
    direction: str | None
    clearance_mode: str | None
    status: str
    declare_bureau: str | None
    contract_no: str | None
    bl_no: str | None
    consignee: str | None
    consignor: str | None
    declarant_uscc: str | None
    goods_summary: str | None
    total_value: str | None
    currency: str | None
    created_at: str
    updated_at: str
    last_receipt_at: str | None
    status_note: str | None
    valid: int | None
    error_count: int | None
    warning_count: int | None
    version: int | None
    #: who finalised it (the office store's declarer, migration 0006_office)
    filed_by: str | None = None
    #: the draft's revision and who saved it (an editor saves against this revision)
    local_rev: int | None = None
    saved_by: str | None = None
    #: the platform's 通关单号 once released (A/B goods, migration 0005_ciq)
    clearance_doc_no: str | None = None

    @property
    def counterparty(self) -> str | None:
        return counterparty_name(self.direction, self.consignee, self.consignor)

    @property
    def cursor(self) -> tuple[str, str]:
        """The keyset position of this row in a list ordered newest first."""
        return (self.updated_at, self.id)


def numbered_columns(inspection_no: str, doc: str) -> dict:
    """The columns of :func:`header_row` that change when a stored draft is given its
    number, ``doc`` being its document with that number: the number and the document (the
    search text leaves the number to its own index; every other column is derived from
    what the number does not touch). Finalise writes these with ``ready``."""
    return {"inspection_no": inspection_no, "doc": doc}


@contextmanager
def numbering(conn: Connection, ids: list[str]) -> Iterator[None]:
    """A block that gives numbers to the drafts ``ids`` (finalise): on SQLite the numbers
    are put into the search index in one ``INSERT … SELECT`` per 500 at its end instead of
    one trigger run per row (:class:`client.store.search.Deferred`), in the caller's
    transaction; PostgreSQL's trigram index is the table's own."""
    if dialect.is_postgres(conn):
        yield
        return
    deferred = _search.Deferred(conn.exec_driver_sql)
    with deferred:
        yield
        deferred.numbers(ids)


_CHILD_TABLES = (s.goods_lines, s.containers, s.attachments, s.certificates)


def existing_status(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    """``{id: status}`` for those of ``ids`` already stored."""
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = list(ids[i:i + 500])
        rows = conn.execute(select(s.declarations.c.id, s.declarations.c.status)
                            .where(s.declarations.c.id.in_(chunk)))
        out.update({r[0]: r[1] for r in rows})
    return out


def number_conflicts(conn: Connection, decls: Sequence[Declaration] | RowBatch
                     ) -> dict[str, str]:
    """``{declaration id: other id}`` for declarations whose inspection number is already
    held by another stored declaration (or by an earlier one in ``decls``)."""
    t = s.declarations
    pairs = decls.inspection_nos if isinstance(decls, RowBatch) else \
        [(d.id or "", d.inspection_no or None) for d in decls]
    wanted = {no: did for did, no in reversed(pairs) if no}
    out: dict[str, str] = {}
    seen: dict[str, str] = {}
    for did, no in pairs:
        if no:
            if no in seen and seen[no] != did:
                out[did] = seen[no]
            seen.setdefault(no, did)
    nos = list(wanted)
    for i in range(0, len(nos), 500):
        rows = conn.execute(select(t.c.id, t.c.inspection_no)
                            .where(t.c.inspection_no.in_(nos[i:i + 500])))
        for other_id, no in rows:
            for did, mine in pairs:
                if mine == no and did != other_id:
                    out[did] = other_id
    return out


def _insert_tuples(conn: Connection, table, cols: tuple[str, ...], rows: list[tuple]) -> None:
    """Bulk insert of rows given as tuples of ``cols``.

    On SQLite, as multi-row ``INSERT … VALUES (…), (…)`` statements of up to
    :data:`_SQLITE_PARAMS` parameters each: one ``sqlite3_step`` stores a few hundred rows
    (the driver's ``executemany`` steps once a row, taking the GIL back each time, so a
    writer thread beside busy Python code crawled; measured 0.20 s against 0.27 s alone for
    30,000 rows of 30 columns, and 0.45 s against 1.72 s beside a busy thread). Every full
    statement has the same text, so the driver's statement cache compiles it once. On
    PostgreSQL the driver's ``executemany`` (psycopg pipelines it).
    """
    if not rows:
        return
    names = ", ".join(cols)
    one = f"({', '.join('?' * len(cols))})"
    if dialect.is_postgres(conn):
        conn.exec_driver_sql(dialect.driver_sql(
            conn, f"INSERT INTO {table.name} ({names}) VALUES {one}"), rows)
        return
    per = max(1, _SQLITE_PARAMS // len(cols))
    head = f"INSERT INTO {table.name} ({names}) VALUES "
    full = None  # the text of a full statement, made once a batch has one (a save of one
    # declaration, the editor's, has none)
    for i in range(0, len(rows), per):
        chunk = rows[i:i + per]
        if len(chunk) == per:
            full = full or head + ", ".join([one] * per)
            sql = full
        else:
            sql = head + ", ".join([one] * len(chunk))
        conn.exec_driver_sql(sql, tuple(chain.from_iterable(chunk)))


#: parameters in one multi-row insert on SQLite (its limit is 32,766 since 3.32; smaller
#: statements compile faster and are as fast to run)
_SQLITE_PARAMS = 8000


_NOT_VALIDATED = (None, None, None, None)


def save_many(conn: Connection, decls: Sequence[Declaration], *, status: str = "draft",
              note: str | None = None, docs: Sequence[str | None] | None = None,
              existing: dict[str, str] | None = None,
              validation: Sequence[Validation | None] | None = None
              ) -> tuple[list[str], list[str]]:
    """Insert new declarations and update stored ones, in the caller's transaction.

    Returns ``(inserted_ids, updated_ids)``. An update rewrites the derived columns and
    child rows, bumps ``local_rev`` and clears the stored validation result. Callers make
    sure only drafts are updated (see :data:`EDITABLE`). ``docs`` optionally gives each
    declaration's JSON text (see :func:`header_row`); ``existing`` the
    :func:`existing_status` of ``decls`` when the caller read it in this transaction;
    ``validation`` each declaration's result (:func:`validation_of`) of validating
    exactly what is saved, kept as the result of the revision this save writes.
    """
    return save_rows(conn, row_batch(decls, docs, validation), status=status, note=note,
                     existing=existing)


_NEW_COLS = ("id", "status", "local_rev", "created_at", "updated_at")
_VALIDATION_COLS = ("valid", "error_count", "warning_count", "issues", "validated_rev")


def save_rows(conn: Connection, batch: RowBatch, *, status: str = "draft",
              note: str | None = None, existing: dict[str, str] | None = None
              ) -> tuple[list[str], list[str]]:
    """:func:`save_many` of declarations already turned into rows (the one writer of
    declarations' rows: ``save_many`` comes here). A batch with ``validation`` stores
    each result (None: "not validated") as the result of the revision written."""
    now = utcnow()
    if existing is None:
        existing = existing_status(conn, batch.ids)
    with_validation = batch.validation is not None
    new_rows: list[tuple] = []
    new_ids: list[str] = []
    hist_rows: list[tuple] = []
    updated: list[str] = []
    seen: set[str] = set()
    for n, did in enumerate(batch.ids):
        kept = batch.validation[n] if batch.validation is not None else None
        valid, errors, warnings, issues = kept or _NOT_VALIDATED
        if did in existing or did in seen:
            rev = s.declarations.c.local_rev + 1
            conn.execute(update(s.declarations).where(s.declarations.c.id == did).values(
                **dict(zip(batch.head_cols, batch.heads[n])), updated_at=now, local_rev=rev,
                valid=valid, error_count=errors, warning_count=warnings, issues=issues,
                validated_rev=rev if kept else None))
            for t in _CHILD_TABLES:
                conn.execute(delete(t).where(t.c.declaration_id == did))
            updated.append(did)
        else:
            row = batch.heads[n] + (did, status, 1, now, now)
            if with_validation:  # every row of one executemany has the same columns
                row += (valid, errors, warnings, issues, 1 if kept else None)
            new_rows.append(row)
            new_ids.append(did)
            hist_rows.append((did, status, now, note, "local", None))
            seen.add(did)
    cols = batch.head_cols + _NEW_COLS + (_VALIDATION_COLS if with_validation else ())
    if new_rows and not dialect.is_postgres(conn):
        # the FTS5 index in one INSERT … SELECT per 500 rows instead of the per-row
        # trigger (search.Deferred), in this transaction
        with _search.Deferred(conn.exec_driver_sql) as index:
            _insert_tuples(conn, s.declarations, cols, new_rows)
            index(new_ids)
    else:
        _insert_tuples(conn, s.declarations, cols, new_rows)
    _insert_tuples(conn, s.status_history,
                   ("declaration_id", "status", "at", "note", "source", "version"), hist_rows)
    for table, tcols, rows in zip(_CHILD_TABLES, CHILD_COLS, batch.children):
        _insert_tuples(conn, table, tcols, rows)
    from .office import notify
    notify(conn, new_ids + updated)  # the office's other desks
    return new_ids, updated


def save(conn: Connection, decl: Declaration, *, status: str = "draft") -> bool:
    """Save one declaration; True when it was new."""
    inserted, _ = save_many(conn, [decl], status=status)
    return bool(inserted)


def load(conn: Connection, decl_id: str) -> Declaration | None:
    doc = conn.execute(select(s.declarations.c.doc).where(s.declarations.c.id == decl_id)).scalar()
    return loads_stored(doc) if doc is not None else None


def load_doc(conn: Connection, decl_id: str) -> str | None:
    return conn.execute(select(s.declarations.c.doc).where(s.declarations.c.id == decl_id)).scalar()


def summary(conn: Connection, decl_id: str) -> DeclarationSummary | None:
    row = conn.execute(select(*_SUMMARY_COLS).where(s.declarations.c.id == decl_id)).first()
    return DeclarationSummary(*row) if row else None


def resolve_id(conn: Connection, key: str) -> str | None:
    """A declaration id from an id or an inspection number."""
    t = s.declarations
    row = conn.execute(select(t.c.id).where(or_(t.c.id == key, t.c.inspection_no == key))).first()
    return row[0] if row else None


def _filters(status: str | Iterable[str] | None, search: str | None, declarant: str | None):
    t = s.declarations
    conds = []
    if status:
        if isinstance(status, str):
            conds.append(t.c.status == status)
        else:
            conds.append(t.c.status.in_(list(status)))
    if declarant:
        conds.append(t.c.declarant_uscc == declarant)
    if search and search.strip():
        q = search.strip().lower()
        conds.append(t.c.search_text.like(f"%{_like_escape(q)}%", escape="\\"))
    return conds


_SUMMARY_SQL = ", ".join(c.name for c in _SUMMARY_COLS)


def list_page(conn: Connection, *, status: str | Iterable[str] | None = None,
              search: str | None = None, declarant: str | None = None, limit: int = 200,
              after: tuple[str, str] | None = None, offset: int = 0,
              floor: tuple[str, str] | None = None,
              deadline: float | None = None) -> list[DeclarationSummary]:
    """The next ``limit`` declarations, newest change first, after keyset ``after``.

    Keyset (not OFFSET) paging: every page costs the same however deep the user scrolls;
    ``offset`` skips rows after the keyset (a list window jumping ahead of its anchors).
    A search text goes through :func:`client.store.search.plan`: the trigram index for
    rare texts (cost ∝ hits, nothing for no match), the covering index in list order for
    common or short ones. ``floor`` (a list key, :func:`scan_floor`) keeps only the rows at
    or above it: the search box's bounded walk (a floor always walks, the index is not
    asked). ``deadline``: seconds the index may take (``search.TooSlow`` past them).
    """
    t = s.declarations
    if search and search.strip():
        return _search_page(conn, search.strip().lower(), status, declarant, limit, after,
                            offset, floor, deadline)
    conds = _filters(status, None, declarant)
    if floor is not None:
        conds.append(tuple_(t.c.updated_at, t.c.id) >= tuple_(*floor))
    if after is not None:
        u, i = after
        conds.append(tuple_(t.c.updated_at, t.c.id) < tuple_(u, i))
    q = select(*_SUMMARY_COLS)
    if conds:
        q = q.where(and_(*conds))
    q = q.order_by(t.c.updated_at.desc(), t.c.id.desc()).limit(limit)
    if offset:
        q = q.offset(offset)
    return [DeclarationSummary(*r) for r in conn.execute(q)]


def _plain_filters(status, declarant, floor=None) -> tuple[list[str], dict]:
    """SQL text conditions and parameters for the status, declarant and floor filters."""
    where: list[str] = []
    params: dict = {}
    if floor is not None:
        where.append("(updated_at, id) >= (:fu, :fi)")
        params.update(fu=floor[0], fi=floor[1])
    if status:
        statuses = [status] if isinstance(status, str) else list(status)
        names = [f":st{i}" for i in range(len(statuses))]
        where.append(f"status IN ({', '.join(names)})")
        params.update({f"st{i}": v for i, v in enumerate(statuses)})
    if declarant:
        where.append("declarant_uscc = :declarant")
        params["declarant"] = declarant
    return where, params


def _search_page(conn: Connection, q: str, status, declarant, limit: int,
                 after: tuple[str, str] | None, offset: int = 0,
                 floor: tuple[str, str] | None = None,
                 deadline: float | None = None) -> list[DeclarationSummary]:
    cond, found, source = _search.plan(conn.connection.driver_connection, q,
                                       dialect.is_postgres(conn), walk=floor is not None,
                                       deadline=deadline)
    if cond is None:
        return []
    where, params = _plain_filters(status, declarant, floor)
    where.insert(0, cond)
    params.update(found, limit=int(limit), offset=int(offset))
    if after is not None:
        where.append("(updated_at, id) < (:au, :ai)")
        params.update(au=after[0], ai=after[1])
    sql = (f"SELECT {_SUMMARY_SQL} FROM {source} "
           f"WHERE {' AND '.join(where)} ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset")
    return [DeclarationSummary(*r) for r in conn.execute(text(sql), params)]


def count(conn: Connection, *, status=None, search=None, declarant=None,
          floor: tuple[str, str] | None = None) -> int:
    """How many declarations the filters (as :func:`list_page` takes them) select."""
    if search and search.strip():
        cond, found, source = _search.plan(conn.connection.driver_connection,
                                           search.strip().lower(), dialect.is_postgres(conn),
                                           walk=floor is not None)
        if cond is None:
            return 0
        if source == _search.FROM_COVER and not (status or declarant or floor) and \
                _search.uses_index(search.strip().lower()) and not _search.may_span(
                    conn.connection.driver_connection, search.strip().lower()):
            # a common text (the list is walked for its pages): the index counts it without
            # reading the list, 20x faster at 1,000,000 (the same rows: phrase = substring;
            # a text that may run across the end of a number is counted as it is listed)
            return conn.execute(text(_search.COUNT_SQL),
                                {"fts": _search.match_expr(search.strip().lower())}).scalar_one()
        where, params = _plain_filters(status, declarant, floor)
        sql = f"SELECT count(*) FROM {source} WHERE {' AND '.join([cond] + where)}"
        return conn.execute(text(sql), dict(params, **found)).scalar_one()
    conds = _filters(status, search, declarant)
    if floor is not None:
        t = s.declarations
        conds.append(tuple_(t.c.updated_at, t.c.id) >= tuple_(*floor))
    q = select(func.count()).select_from(s.declarations)
    if conds:
        q = q.where(and_(*conds))
    return conn.execute(q).scalar_one()


def scan_floor(conn: Connection, budget: int = _search.SHORT_BUDGET) -> tuple[str, str] | None:
    """The list key of the ``budget``-th newest declaration (the last row a bounded walk
    reads), or ``None`` when the store holds fewer (the walk reads everything)."""
    source = "declarations" if dialect.is_postgres(conn) else _search.FROM_COVER
    row = conn.execute(text(f"SELECT updated_at, id FROM {source} ORDER BY updated_at DESC, "
                            f"id DESC LIMIT 1 OFFSET :skip"), {"skip": int(budget) - 1}).first()
    return (row[0], row[1]) if row else None


def counts_by_status(conn: Connection, declarant: str | None = None) -> dict[str, int]:
    t = s.declarations
    q = select(t.c.status, func.count()).group_by(t.c.status)
    if declarant:
        q = q.where(t.c.declarant_uscc == declarant)
    out = {st: 0 for st in STATUSES}
    out.update({r[0]: r[1] for r in conn.execute(q)})
    return out


def find_by(conn: Connection, column: str, value: str, limit: int = 200) -> list[DeclarationSummary]:
    """Exact match on an indexed column: inspection_no, contract_no, bl_no or consignee."""
    if column not in ("inspection_no", "contract_no", "bl_no", "consignee"):
        raise ValueError(column)
    t = s.declarations
    q = (select(*_SUMMARY_COLS).where(t.c[column] == value)
         .order_by(t.c.updated_at.desc()).limit(limit))
    return [DeclarationSummary(*r) for r in conn.execute(q)]


def set_status(conn: Connection, decl_id: str, status: str, *, note: str | None = None,
               source: str = "local", version: int | None = None, at: str | None = None,
               receipt: bool = False) -> None:
    """Place a declaration in ``status`` and append it to its history, without the life
    cycle's checks: for fixtures, demo data and tools. Services move statuses with
    :func:`client.store.status.record`, which checks every move."""
    from .status import Move, record
    record(conn, [Move(decl_id, status, note, source, version, at, receipt)], check=False)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One status change of a declaration (local or a platform receipt)."""

    status: str
    at: str
    note: str | None
    source: str
    version: int | None


def history(conn: Connection, decl_id: str) -> list[HistoryEntry]:
    t = s.status_history
    rows = conn.execute(select(t.c.status, t.c.at, t.c.note, t.c.source, t.c.version)
                        .where(t.c.declaration_id == decl_id).order_by(t.c.id))
    return [HistoryEntry(*r) for r in rows]


def set_validation(conn: Connection, decl_id: str, issues: list[dict], *,
                   rev: int | None = None) -> bool:
    """Keep the latest validation result of a declaration (for markers without re-running).

    With ``rev`` (the ``local_rev`` that was validated) the result is written only if the
    draft is still at that revision (compare-and-set); returns whether it was written."""
    errors = sum(1 for i in issues if i.get("severity") == "error")
    t = s.declarations
    if rev is None:
        rev = conn.execute(select(t.c.local_rev).where(t.c.id == decl_id)).scalar()
    res = conn.execute(update(t).where(t.c.id == decl_id, t.c.local_rev == rev).values(
        valid=int(errors == 0), error_count=errors, warning_count=len(issues) - errors,
        issues=json.dumps(issues, ensure_ascii=False), validated_rev=rev))
    return res.rowcount > 0


def set_validation_many(conn: Connection, results: Sequence[tuple[str, list[dict], int]]
                        ) -> None:
    """:func:`set_validation` of many ``(id, issues, rev)`` in one driver executemany
    (each written only if its draft is still at ``rev``, and only if the stored result
    differs: validating again what was validated, say at import, rewrites no row)."""
    rows = []
    for decl_id, issues, rev in results:
        errors = sum(1 for i in issues if i.get("severity") == "error")
        values = (int(errors == 0), errors, len(issues) - errors,
                  json.dumps(issues, ensure_ascii=False), rev)
        rows.append((*values, decl_id, rev, *values))
    if rows:
        conn.exec_driver_sql(dialect.driver_sql(
            conn, "UPDATE declarations SET valid = ?, error_count = ?, warning_count = ?,"
            " issues = ?, validated_rev = ? WHERE id = ? AND local_rev = ?"
            " AND NOT (COALESCE(valid, -1) = ? AND COALESCE(error_count, -1) = ?"
            " AND COALESCE(warning_count, -1) = ? AND COALESCE(issues, '') = ?"
            " AND COALESCE(validated_rev, -1) = ?)"), rows)


def stored_issues(conn: Connection, decl_id: str) -> list[dict] | None:
    """The stored validation result, or ``None`` when the draft changed since."""
    t = s.declarations
    row = conn.execute(select(t.c.issues, t.c.validated_rev, t.c.local_rev)
                       .where(t.c.id == decl_id)).first()
    if not row or row[0] is None or row[1] != row[2]:
        return None
    return json.loads(row[0])
