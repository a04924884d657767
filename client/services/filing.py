"""Filing (报检): finalise, amend, withdraw and resubmit — local transactions, no network.

:class:`Filing` is what the UI and the CLI call to move a declaration along its life
(:mod:`client.lifecycle`); the status changes go through the store's one writer
(:func:`client.store.status.record`) and the outbox rows are sent by the next sync
(:class:`client.sync.engine.SyncEngine` keeps login, leases, push and pull).

* **Finalise** = validate → number from a lease → ``ready`` → outbox row, in ONE
  transaction per chunk (each declaration complete or absent). The lease top-up before
  numbering is handed in (``top_up``, e.g. ``SyncEngine.top_up_before_numbering``);
  without one (logged out) the numbers at hand are used.
* **Amend** carries the version the user edited against (``base_version``): when the desk
  already holds a newer one it is refused at once (:class:`AmendConflict`); otherwise the
  platform judges and a stale one comes back as a ``conflict`` that is reported and never
  overwrites anything.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Callable, Sequence

from sqlalchemy import select

from .. import lifecycle, numbers
from ..errors import InputError, NotEditable, NotFound, ValidationFailed
from ..model import (Declaration, dumps_compact, dumps_doc, loads_doc, new_ulid,
                     parse_declaration)
from ..plural import count
from ..store import declarations as decl_q
from ..store import schema as s
from ..store import status as status_q
from ..store.status import Move
from ..sync.push import enqueue, enqueue_many
from ..sync.summary import FinalizeResult, Progress
from .desk import Desk

log = logging.getLogger(__name__)

#: declarations per finalise transaction (each one a sync to disk)
FINALISE_CHUNK = 500


class AmendConflict(NotEditable):
    """The amendment was edited against a version older than the one the desk holds."""

    def __init__(self, decl_id: str, base_version: int, current_version: int | None):
        super().__init__(
            f"报检单 {decl_id} 已更新到版本 {current_version}，本次修改基于版本 {base_version}，"
            "未提交（不会覆盖新版本）。请基于最新版本重新修改。",
            f"declaration {decl_id} is at version {current_version}; the amendment was made "
            f"against version {base_version} and was not filed (nothing overwritten)")
        self.decl_id = decl_id
        self.base_version = base_version
        self.current_version = current_version


class FinaliseInvalid(ValidationFailed):
    """Some declarations failed validation; none was finalised (``by_id`` lists them)."""

    def __init__(self, by_id: dict[str, list]):
        n = len(by_id)
        flat = [i for v in by_id.values() for i in v]
        super().__init__(f"{n} 份报检单未通过校验，均未定稿。请按提示修改后重试。",
                         f"{count(n, 'declaration')} failed validation; none was finalised",
                         flat if n > 1 else next(iter(by_id.values())))
        self.by_id = by_id


class Filing:
    """Moves declarations of one desk along their life cycle (no network)."""

    def __init__(self, desk: Desk, top_up: Callable[[], None] | None = None):
        self.desk = desk
        self.top_up = top_up

    @property
    def db(self):
        return self.desk.db

    # -- finalise -------------------------------------------------------------------------
    def finalise(self, ids: Sequence[str], *, skip_invalid: bool = False,
                 progress: Progress | None = None,
                 cancel: Callable[[], bool] | None = None) -> FinalizeResult:
        """定稿: validate, number, mark ``ready`` and queue for sending.

        A draft ``Desk.validate_ids`` found clean at the same ``local_rev`` under the same
        rule context is not judged again (:mod:`client.services.cleanmemo`).

        With invalid declarations and ``skip_invalid`` False, :class:`FinaliseInvalid`
        is raised (listing the issues) and nothing is finalised. A single declaration
        with no number left raises :class:`numbers.NoNumberLeft` and stays a draft.
        """
        progress = progress or (lambda d, t, m: None)
        cancel = cancel or (lambda: False)
        result = FinalizeResult()
        ctx, stamp = self.desk.rule_context_stamped()
        # drafts the batch validation just found clean under this very context, at the
        # revision read below, are not judged twice (client.services.cleanmemo)
        from ..rules import validate
        todo: list[tuple[str, tuple[int, str], numbers.Numberable, dict | str]] = []
        d = s.declarations
        cols = (d.c.id, d.c.status, d.c.local_rev, d.c.doc, d.c.inspection_no,
                d.c.declare_bureau, d.c.direction, d.c.created_at)
        ids = list(dict.fromkeys(ids))
        clean = self.desk.clean_memo.clean_under(stamp, ids)
        for k in range(0, len(ids), 500):
            with self.db.read() as conn:
                rows = {r[0]: r for r in conn.execute(
                    select(*cols).where(d.c.id.in_(ids[k:k + 500]))).all()}
                for key in ids[k:k + 500]:
                    if key not in rows:
                        real = decl_q.resolve_id(conn, key)
                        if real is None:
                            raise NotFound(f"找不到报检单 {key}", f"no declaration {key}")
                        rows[key] = conn.execute(select(*cols).where(d.c.id == real)).first()
            for key in ids[k:k + 500]:
                did, status, rev, doc, no, bureau, direction, born = rows[key]
                found_clean = clean.get(did) == (rev, born)
                if status not in lifecycle.EDITABLE:
                    result.skipped[did] = status
                    continue
                if found_clean and no is None and _unnumbered(doc):
                    # found clean at this revision: numbering needs only the columns the
                    # save derived from this very document, and the text takes the number
                    # without being parsed (numbered_text)
                    todo.append((did, (rev, born), _Draft(did, bureau, direction), doc))
                    continue
                data = loads_doc(doc)
                decl = parse_declaration(data)[0]
                if decl is None:  # pragma: no cover - the store only holds objects
                    raise ValueError(f"stored declaration {did} is not an object")
                if not found_clean:
                    issues = validate(decl, ctx)
                    if any(i.severity == "error" for i in issues):
                        result.invalid[did] = issues
                        continue
                todo.append((did, (rev, born), decl, data))
        if result.invalid and not skip_invalid:
            raise FinaliseInvalid(result.invalid)
        if len(ids) == 1 and result.skipped:
            st = next(iter(result.skipped.values()))
            raise NotEditable(f"报检单已不是草稿（当前状态：{lifecycle.status_name(st)}），"
                              "无需再次定稿。",
                              f"the declaration is {lifecycle.status_name(st, 'en')}, "
                              "not a draft")
        year = numbers.current_year()
        if todo and self.top_up is not None:
            self.top_up()
        total = len(todo)
        for k in range(0, total, FINALISE_CHUNK):
            if cancel():
                break
            self._finalise_chunk(todo[k:k + FINALISE_CHUNK], year, result)
            progress(min(total, k + FINALISE_CHUNK), total, "正在定稿…")
        if len(ids) == 1 and result.no_number:
            decl = todo[0][2]
            raise numbers.NoNumberLeft(decl.declare_bureau, decl.direction, year)
        return result

    def _finalise_chunk(self, chunk, year: int, result: FinalizeResult) -> None:
        """One transaction: number, mark ``ready`` and queue every declaration of ``chunk``."""
        d = s.declarations
        filed_by = self.desk.user()
        with self.db.write() as conn:
            # the rows locked first (office store: a desk finalising the same drafts waits,
            # then sees them ready and skips them; SQLite's one writer needs no lock)
            known: dict[str, tuple[str, int | None]] = {}
            # the version read when judged: its revision of that very row (a draft deleted
            # and stored again under its id starts at revision 1 again, with a new
            # created_at); any other is left for the next finalise
            revs: dict[str, tuple[int, str]] = {}
            for did, st, version, rev, born in conn.execute(
                    select(d.c.id, d.c.status, d.c.version, d.c.local_rev, d.c.created_at)
                    .where(d.c.id.in_([c[0] for c in chunk]))
                    .order_by(d.c.id).with_for_update()):
                known[did] = (st, version)
                revs[did] = (rev, born)
            fresh, data_of, id_of = [], {}, {}
            for did, seen, decl, data in chunk:
                st = known.get(did, ("deleted", None))[0]
                if st != "draft" or revs.get(did) != seen:
                    result.skipped[did] = st + " (changed)"
                else:
                    fresh.append(decl)
                    data_of[did] = data
                    id_of[id(decl)] = did
            numbered, missing = numbers.assign_numbers(conn, fresh, year=year)
            result.no_number += [id_of[id(x)] for x in missing]
            if not numbered:
                return
            columns, moves, outbox_rows = {}, [], []
            for decl in numbered:
                did, no = id_of[id(decl)], decl.inspection_no
                assert no is not None  # assign_numbers numbered it
                note = f"已定稿，报检号 {no}"
                if self.db.is_postgres:  # the office: the timeline names the declarer
                    note += f"，定稿人 {filed_by}"
                data = data_of[did]
                doc = numbered_text(data, no) if isinstance(data, str) else \
                    numbered_doc(data, no)
                columns[did] = {**decl_q.numbered_columns(no, doc), "filed_by": filed_by}
                moves.append(Move(did, "ready", note))
                outbox_rows.append({"mutation_id": new_ulid(), "declaration_id": did,
                                    "kind": "submit", "inspection_no": no,
                                    "base_version": None, "payload": doc})
                result.finalised.append((did, no))
            with decl_q.numbering(conn, list(columns)):
                status_q.record(conn, moves, known=known, columns=columns)
            enqueue_many(conn, outbox_rows)

    # -- amend / withdraw / resubmit --------------------------------------------------------
    def _submitted(self, conn, decl_id: str, allowed: frozenset, what: str):
        real = decl_q.resolve_id(conn, decl_id)
        row = conn.execute(select(s.declarations.c.id, s.declarations.c.status,
                                  s.declarations.c.version, s.declarations.c.inspection_no)
                           .where(s.declarations.c.id == real)).first() if real else None
        if row is None:
            raise NotFound(f"找不到报检单 {decl_id}", f"no declaration {decl_id}")
        if row[1] not in allowed or row[2] is None:
            name = lifecycle.status_name(row[1])
            raise NotEditable(f"报检单当前状态（{name}）不能{what}；只有平台已受理、未放行的报检单可以{what}。",
                              f"a declaration in status {lifecycle.status_name(row[1], 'en')} "
                              f"cannot be {'amended' if what == '修改' else 'withdrawn'}")
        return row

    def held_version(self, decl_id: str) -> int | None:
        """The platform version of the declaration the desk holds (``None`` unsent)."""
        with self.db.read() as conn:
            real = decl_q.resolve_id(conn, decl_id) or decl_id
            return conn.execute(select(s.declarations.c.version)
                                .where(s.declarations.c.id == real)).scalar()

    def amend(self, decl_id: str, new_decl: Declaration, *,
              base_version: int | None = None) -> str:
        """File an amendment (修改申请) made against ``base_version`` (default: the version
        the desk holds); returns its mutation id.

        A ``base_version`` older than the desk's raises :class:`AmendConflict` and queues
        nothing. A submission the platform refused outright (``rejected`` and never given
        a version) has nothing to amend: it is :meth:`resubmit`-ted instead.
        """
        with self.db.read() as conn:
            real = decl_q.resolve_id(conn, decl_id) or decl_id
            row = conn.execute(select(s.declarations.c.status, s.declarations.c.version)
                               .where(s.declarations.c.id == real)).first()
        if row is not None and row[0] == "rejected" and row[1] is None:
            return self.resubmit(real, new_decl)
        with self.db.read() as conn:
            did, _status, version, no = self._submitted(conn, decl_id, lifecycle.AMENDABLE,
                                                        "修改")
        if base_version is not None and base_version != version:
            raise AmendConflict(did, base_version, version)
        if new_decl.id not in (None, did):
            raise InputError(f"修改内容的本地编号 {new_decl.id} 与报检单 {did} 不一致",
                             f"the amendment's id {new_decl.id} differs from {did}", field="id")
        if new_decl.inspection_no not in (None, no):
            raise InputError("修改申请不能更改报检号（一号到底）",
                             "an amendment cannot change the inspection number",
                             field="inspection_no")
        new_decl.id, new_decl.inspection_no = did, no
        issues = self.desk.validate_decl(new_decl)
        if any(i.severity == "error" for i in issues):
            raise ValidationFailed("修改内容未通过校验，修改申请未提交。",
                                   "the amendment failed validation; nothing was queued",
                                   [i for i in issues if i.severity == "error"])
        base = version if base_version is None else base_version
        mid = new_ulid()
        with self.db.write() as conn:
            did, status, version, no = self._submitted(conn, did, lifecycle.AMENDABLE, "修改")
            if version != base:
                raise AmendConflict(did, base, version)
            enqueue(conn, mutation_id=mid, declaration_id=did, kind="amend", inspection_no=no,
                    base_version=base, payload=dumps_compact(new_decl))
            status_q.record(conn, [Move(did, status, f"修改申请已排队（基于版本 {base}），待发送",
                                        version=version, keep_status=True)])
        return mid

    def resubmit(self, did: str, new_decl: Declaration) -> str:
        """File a corrected declaration the platform refused outright, again (same id and
        number, a new mutation id): only when the user asks for it."""
        with self.db.read() as conn:
            no = conn.execute(select(s.declarations.c.inspection_no)
                              .where(s.declarations.c.id == did)).scalar()
        if new_decl.id not in (None, did) or new_decl.inspection_no not in (None, no):
            raise InputError("重新申报不能更改本地编号或报检号（一号到底）",
                             "a resubmission keeps the id and the inspection number",
                             field="inspection_no")
        new_decl.id, new_decl.inspection_no = did, no
        issues = self.desk.validate_decl(new_decl)
        if any(i.severity == "error" for i in issues):
            raise ValidationFailed("修改内容未通过校验，未重新申报。",
                                   "the corrected declaration failed validation",
                                   [i for i in issues if i.severity == "error"])
        mid = new_ulid()
        with self.db.write() as conn:
            row = conn.execute(select(s.declarations.c.status, s.declarations.c.version)
                               .where(s.declarations.c.id == did)).first()
            if row is None or row[0] != "rejected" or row[1] is not None:
                raise NotEditable("报检单状态已变化，请刷新后重试", "the declaration changed meanwhile")
            decl_q.save_many(conn, [new_decl])
            status_q.record(conn, [Move(did, "ready", f"已修改并重新定稿，报检号 {no}")])
            enqueue(conn, mutation_id=mid, declaration_id=did, kind="submit", inspection_no=no,
                    base_version=None, payload=dumps_compact(new_decl))
        return mid

    def withdraw(self, decl_id: str, reason: str) -> str:
        """File a withdrawal (撤销申请) with a reason; returns its mutation id."""
        reason = (reason or "").strip()
        if not reason:
            raise InputError("请填写撤销原因", "give a reason for the withdrawal", field="reason")
        mid = new_ulid()
        with self.db.write() as conn:
            did, status, version, no = self._submitted(conn, decl_id, lifecycle.WITHDRAWABLE,
                                                        "撤销")
            if _withdrawal_on_file(conn, did):  # the platform would reject a second one
                raise NotEditable("这份报检单已有撤销申请，正在等待平台答复，不能再次撤销。",
                                  "a withdrawal of this declaration is already waiting for "
                                  "the platform's answer")
            enqueue(conn, mutation_id=mid, declaration_id=did, kind="withdraw",
                    inspection_no=no, base_version=version,
                    payload=json.dumps({"reason": reason}, ensure_ascii=False))
            status_q.record(conn, [Move(did, status, f"撤销申请已排队：{reason}",
                                        version=version, keep_status=True)])
        return mid


def numbered_doc(data: dict, inspection_no: str) -> str:
    """The stored document ``data`` (decoded, as the store holds it) with the number
    ``inspection_no``: what :func:`~client.model.dumps_compact` of the declaration says
    about it, without serialising the whole object again (the store's documents are the
    object as read, so parsing this text gives exactly the numbered declaration)."""
    data["inspection_no"] = inspection_no
    return dumps_doc(data)


@dataclass(slots=True)
class _Draft:
    """A draft finalise numbers without parsing its document (found clean at its revision):
    the columns the store derived from that document (:class:`numbers.Numberable`)."""

    id: str
    declare_bureau: str | None
    direction: str | None
    inspection_no: str | None = None


#: the start of a stored document whose top-level ``inspection_no`` is null: the object's
#: first members, each a string, up to that one (``dumps_compact`` writes ``schema`` and
#: ``id`` before it)
_UNNUMBERED = re.compile(r'\{(?:"(?:[^"\\]|\\.)*":"(?:[^"\\]|\\.)*",)*?"inspection_no":null(?=[,}])')
_KEY = '"inspection_no"'


def _unnumbered(doc: str) -> bool:
    """Whether :func:`numbered_text` can give ``doc`` its number: its top-level
    ``inspection_no`` is null, among the first members, and the key occurs nowhere else
    (no second member of that name, no string holding it)."""
    return doc.count(_KEY) == 1 and _UNNUMBERED.match(doc) is not None


def numbered_text(doc: str, inspection_no: str) -> str:
    """The stored document ``doc`` (:func:`_unnumbered`) with its number: the same text
    with the null replaced — what :func:`numbered_doc` says, without reading the rest."""
    end = _UNNUMBERED.match(doc).end()  # type: ignore[union-attr]
    return doc[:end - 4] + json.dumps(inspection_no, ensure_ascii=False) + doc[end:]


def _withdrawal_on_file(conn, decl_id: str) -> bool:
    """Whether a withdrawal of this declaration is queued or was taken by the platform."""
    o = s.outbox
    return conn.execute(select(o.c.mutation_id).where(
        o.c.declaration_id == decl_id, o.c.kind == "withdraw",
        o.c.state.in_(("pending", "applied", "duplicate"))).limit(1)).first() is not None
