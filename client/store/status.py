"""The one writer of a declaration's status and its ``status_history``.

Every status change — finalise, resubmit, amend, withdraw, push results, pulled receipts
and snapshot rows — is a :class:`Move` handed to :func:`record`, in the caller's
transaction. :func:`record` checks each move against the life cycle
(:mod:`client.lifecycle`) and writes the batch with two driver ``executemany`` calls.

* A **local** move that the transition table does not allow raises :class:`IllegalMove`
  (a caller's bug or a race: the transaction rolls back, nothing is half-written).
* A **platform** move (receipt, snapshot row, push result) is always kept in the history,
  but moves the status column only when it is ahead of what the desk holds
  (:func:`client.lifecycle.newer`): the same receipt twice, or receipts out of order,
  converge on the platform's status.
* ``keep_status`` moves (a queued amendment, a refused withdrawal) only add a history row.

No other module writes ``declarations.status`` or ``status_history`` (a test holds it so).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import Connection, select

from .. import lifecycle
from ..errors import NotEditable
from . import dialect
from . import schema as s
from .db import utcnow


class IllegalMove(NotEditable):
    """A local status change the life cycle does not allow (the declaration moved on)."""

    def __init__(self, decl_id: str, old: str | None, new: str):
        super().__init__(
            f"报检单 {decl_id} 当前状态为{lifecycle.status_name(old)}，不能变为"
            f"{lifecycle.status_name(new)}；请刷新后重试。",
            f"declaration {decl_id} is {lifecycle.status_name(old, 'en')}; it cannot become "
            f"{lifecycle.status_name(new, 'en')}")
        self.decl_id, self.old, self.new = decl_id, old, new


@dataclass(frozen=True, slots=True)
class Move:
    """One status change to record (``version`` None keeps the stored version)."""

    declaration_id: str
    status: str
    note: str | None = None
    source: str = "local"
    version: int | None = None
    at: str | None = None
    #: a platform receipt: also sets ``last_receipt_at``
    receipt: bool = False
    #: only a history row (the status column stays as it is)
    keep_status: bool = False
    #: the credit grade in force (a ``released`` move without one gets the declarant's
    #: grade as the store holds it now, see :func:`grades_in_force`)
    grade: str | None = None


@dataclass(frozen=True, slots=True)
class Applied:
    """A move that changed the status column: the status it left."""

    move: Move
    old: str | None


def current(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[str, int | None]]:
    """``{id: (status, version)}`` of those of ``ids`` stored."""
    d = s.declarations
    out: dict[str, tuple[str, int | None]] = {}
    ids = list(dict.fromkeys(ids))
    for k in range(0, len(ids), 500):
        for r in conn.execute(select(d.c.id, d.c.status, d.c.version)
                              .where(d.c.id.in_(ids[k:k + 500]))):
            out[r[0]] = (r[1], r[2])
    return out


def record(conn: Connection, moves: Sequence[Move], *,
           known: dict[str, tuple[str, int | None]] | None = None,
           check: bool = True, columns: dict[str, dict] | None = None) -> list[Applied]:
    """Write ``moves`` (in order) to the status column and the history; returns those that
    changed the status. ``known`` is :func:`current` of the moves' declarations when the
    caller read it in this transaction (it is updated as the moves apply). ``check=False``
    places the statuses as given (fixtures and demo data only; see
    :func:`client.store.declarations.set_status`). ``columns`` (``{id: {column: value}}``,
    the same columns for every id) are written in the same ``UPDATE`` as the status of
    each declaration whose status the moves change (finalise: number and document with
    ``ready``, one pass over the rows instead of two)."""
    if not moves:
        return []
    now = utcnow()
    state = known if known is not None else current(conn, [m.declaration_id for m in moves])
    hist: list[tuple] = []
    final: dict[str, tuple] = {}
    applied: list[Applied] = []
    released = [m.declaration_id for m in moves if m.status == "released" and m.grade is None]
    grades = grades_in_force(conn, released) if released else {}
    for m in moves:
        at = m.at or now
        grade = (m.grade or grades.get(m.declaration_id)) if m.status == "released" else None
        hist.append((m.declaration_id, m.status, at, m.note, m.source, m.version, grade))
        if m.declaration_id not in state:
            continue  # deleted meanwhile: the history row is all there is (FK drops it)
        old, old_version = state[m.declaration_id]
        if m.keep_status:
            continue
        if not check:
            pass
        elif m.source == "platform":
            if not (lifecycle.newer(old, old_version, m.status, m.version)
                    and lifecycle.allowed(old, m.status, old_version=old_version,
                                          new_version=m.version, source="platform")):
                if old == m.status and m.version in (None, old_version):
                    prev = final.get(m.declaration_id)
                    final[m.declaration_id] = (old, m.note, old_version,
                                               at if m.receipt else (prev[3] if prev else None))
                continue
        elif not lifecycle.allowed(old, m.status, old_version=old_version,
                                   new_version=m.version, source=m.source):
            raise IllegalMove(m.declaration_id, old, m.status)
        version = m.version if m.version is not None else old_version
        state[m.declaration_id] = (m.status, version)
        prev = final.get(m.declaration_id)
        final[m.declaration_id] = (m.status, m.note, version,
                                   at if m.receipt else (prev[3] if prev else None))
        if old != m.status:
            applied.append(Applied(m, old))
    conn.exec_driver_sql(dialect.driver_sql(
        conn, "INSERT INTO status_history (declaration_id, status, at, note, source, version,"
        " credit_grade) VALUES (?, ?, ?, ?, ?, ?, ?)"), hist)
    if final:
        from .office import notify
        notify(conn, list(final))  # the office's other desks (PostgreSQL; SQLite: nothing)
        sql = ("UPDATE declarations SET status = ?, status_note = ?, version = ?,"
               " last_receipt_at = COALESCE(?, last_receipt_at), updated_at = ?")
        extra = next(iter(columns.values())) if columns else None
        if columns and extra:
            names = list(extra)
            sql += "".join(f", {c} = ?" for c in names)
            conn.exec_driver_sql(dialect.driver_sql(conn, sql + " WHERE id = ?"), [
                (st, note, v, rec, now, *(columns[did][c] for c in names), did)
                for did, (st, note, v, rec) in final.items()])
        else:
            conn.exec_driver_sql(dialect.driver_sql(conn, sql + " WHERE id = ?"), [
                (st, note, v, rec, now, did) for did, (st, note, v, rec) in final.items()])
    return applied


def grades_in_force(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    """``{id: credit grade}`` of the declarants of ``ids`` as the store holds them now
    (the ``enterprises`` row of the declarant's USCC — a broker's client, or the desk's own
    enterprise — else the logged-in enterprise in kv when it is the declarant);
    declarations whose declarant has no known grade are left out."""
    from . import kv
    d, e = s.declarations, s.enterprises
    me = kv.get(conn, "enterprise") or {}
    out: dict[str, str] = {}
    ids = list(dict.fromkeys(ids))
    for k in range(0, len(ids), 500):
        for did, uscc, grade in conn.execute(
                select(d.c.id, d.c.declarant_uscc, e.c.credit_grade)
                .outerjoin(e, e.c.uscc == d.c.declarant_uscc)
                .where(d.c.id.in_(ids[k:k + 500]))):
            if not grade and uscc and uscc == me.get("uscc"):
                grade = me.get("credit_grade")
            if grade:
                out[did] = grade
    return out


def insert_history(conn: Connection, rows: Sequence[tuple]) -> None:
    """History rows ``(declaration_id, status, at, note, source, version)`` of declarations
    stored in this transaction with that status (a new draft, an imported declaration)."""
    if rows:
        conn.exec_driver_sql(dialect.driver_sql(
            conn, "INSERT INTO status_history (declaration_id, status, at, note, source, version)"
            " VALUES (?, ?, ?, ?, ?, ?)"), list(rows))
