"""Pulling the change feed and, when the cursor expired, a full snapshot.

``GET /v1/changes?since=CURSOR`` is read page by page. Each page is checked whole
(:mod:`client.sync.shapes`), code tables it announces are fetched and checked, and only then
is the page applied and the new cursor stored, in ONE transaction: a crash re-applies a
page (harmless: receipts already in the history are skipped), never skips one.

A receipt for a declaration this desk does not hold (filed from another device of the
account, or by a broker for this enterprise) is remembered in the same transaction
(:data:`UNKNOWN_KEY`); after the feed, each such declaration is fetched whole
(``GET /v1/declarations/{id}``) and stored, with its history. One that cannot be fetched
now stays remembered for the next sync; one the platform does not show this login is
dropped and counted in ``summary.unknown_receipts``.

A 410 answer means the cursor is too old: :meth:`Puller.resync` reads
``GET /v1/declarations`` (the platform's view of every declaration of this login), the
enterprise and the code-table versions, and continues from the snapshot's cursor.
"""
from __future__ import annotations

import logging
from typing import Callable
from urllib.parse import quote

from sqlalchemy import Connection, select, text, update

from .. import lifecycle
from ..ciq import switch as ciq_switch
from ..codes import CodeBook, CodeTableError
from ..ecert import sync as ecert_sync
from ..fields import label
from ..model import parse_declaration
from ..store import declarations as decl_q
from ..store import kv
from ..store import schema as s
from ..store import status as status_q
from ..store.status import Move
from ..store.db import Database, utcnow
from ..timeutil import store_time
from . import kinds
from .http import BadResponse, Cancelled, CursorExpired, PlatformClient, RequestRefused
from .shapes import (check_changes_page, check_code_table, check_declaration_item,
                     check_declarations_page, check_enterprise)
from .summary import Progress, StatusChange, SyncSummary
from ..store import dialect

#: the platform-assigned 通关单号 written into the stored JSON and its list column (SQLite's
#: json_set; on the office store PostgreSQL's jsonb_set over the JSON text)
_SET_CLEARANCE = (
    text("UPDATE declarations SET doc = json_set(doc, '$.clearance_doc_no', :n), "
         "clearance_doc_no = :n WHERE id = :id"),
    text("UPDATE declarations SET doc = CAST(jsonb_set(CAST(doc AS jsonb), '{clearance_doc_no}', "
         "to_jsonb(CAST(:n AS text))) AS text), clearance_doc_no = :n WHERE id = :id"),
)

log = logging.getLogger(__name__)

CURSOR_KEY = "sync.cursor"
#: ids (or inspection numbers) of declarations receipts named that are not on this desk yet
UNKNOWN_KEY = "sync.unknown_declarations"
#: more unknown declarations than this are read through the paged snapshot instead
FETCH_ONE_BY_ONE = 200
PAGE_LIMIT = 2000


def receipt_note(note: str | None, reasons: list[dict] | None) -> str | None:
    parts = [note] if note else []
    for r in reasons or []:
        msg = r.get("message_zh") or r.get("message") or r.get("code")
        if msg:
            parts.append(f"[{label(r['field'])}] {msg}" if r.get("field") else msg)
    return "；".join(parts) if parts else None


def store_enterprise(conn: Connection, ent: dict) -> None:
    """Keep the logged-in enterprise in kv ``enterprise`` and the ``enterprises`` table."""
    now = utcnow()
    mine = dict(ent)
    mine["synced_at"] = now
    kv.put(conn, "enterprise", mine)
    rows = [(ent, 1)] + [(c, 0) for c in ent.get("clients") or []]
    for e, is_self in rows:
        values = {"uscc": e["uscc"], "name_cn": e.get("name_cn"), "name_en": e.get("name_en"),
                  "reg_no": e.get("reg_no"), "credit_grade": e.get("credit_grade"),
                  "credit_grade_updated_at": e.get("credit_grade_updated_at"),
                  "is_self": is_self, "synced_at": now}
        stmt = dialect.insert(conn, s.enterprises).values(**values)
        conn.execute(stmt.on_conflict_do_update(
            index_elements=[s.enterprises.c.uscc],
            set_={k: v for k, v in values.items() if k != "uscc"}))


class Puller:
    """Applies the platform's change feed to one desk."""

    def __init__(self, db: Database, client: PlatformClient, codes: CodeBook, *,
                 page_limit: int = PAGE_LIMIT, progress: Progress | None = None,
                 cancel: Callable[[], bool] | None = None):
        self.db = db
        self.client = client
        self.codes = codes
        self.page_limit = page_limit
        self.progress = progress or (lambda done, total, msg: None)
        self.cancel = cancel or (lambda: False)

    # -- the feed ---------------------------------------------------------------------
    def run(self, summary: SyncSummary) -> SyncSummary:
        with self.db.read() as conn:
            cursor = kv.get(conn, CURSOR_KEY)
        start = cursor
        seen = 0
        while True:
            if self.cancel():
                raise Cancelled("同步已取消", "sync cancelled")
            params = {"limit": self.page_limit}
            if cursor:
                params["since"] = cursor
            try:
                body = self.client.get("/v1/changes", params=params)
            except CursorExpired:
                log.warning("change cursor expired: taking a full snapshot")
                return self.resync(summary)
            changes, nxt, more = check_changes_page(body)
            tables = self._fetch_tables([c for c in changes if c["kind"] == "codes"])
            with self.db.write() as conn:
                unknown = self._apply_page(conn, changes, tables, summary)
                if unknown:
                    kv.put(conn, UNKNOWN_KEY,
                           sorted(set(kv.get(conn, UNKNOWN_KEY) or []) | unknown))
                kv.put(conn, CURSOR_KEY, nxt)
            self._install_tables(tables, summary)
            cursor = nxt
            seen += len(changes)
            self.progress(seen, 0, f"已接收 {seen} 条平台变更")
            if not more:
                self._fetch_unknown(summary, since=start)
                return summary

    def _fetch_unknown(self, summary: SyncSummary, since: str | None) -> None:
        """Fetch and store the declarations receipts named that this desk does not hold.

        Many of them (a new device, a long time offline) are read through the paged
        snapshot of what changed ``since`` the feed cursor this run started from; the
        rest one by one."""
        with self.db.read() as conn:
            keys = list(kv.get(conn, UNKNOWN_KEY) or [])
        if len(keys) > FETCH_ONE_BY_ONE:
            got = self._snapshot_declarations(summary, since=since, continue_feed=False)
            with self.db.write() as conn:
                keys = _forget_unknown(conn, got)
        for n, key in enumerate(keys, start=1):
            if self.cancel():
                raise Cancelled("同步已取消", "sync cancelled")
            try:
                item = check_declaration_item(
                    self.client.get(f"/v1/declarations/{quote(key, safe='')}"))
            except RequestRefused as exc:
                if exc.status != 404:
                    raise
                log.warning("declaration %s of a receipt is not visible to this login", key)
                item = None
                summary.unknown_receipts += 1
            with self.db.write() as conn:
                if item is not None:
                    self._apply_snapshot(conn, [item], summary, history=True)
                _forget_unknown(conn, {key})
            self.progress(n, len(keys), f"正在取回其他设备提交的报检单 {n}/{len(keys)}")

    def _fetch_tables(self, changes: list[dict]) -> dict[str, dict]:
        """The announced code tables that differ from ours, fetched and checked."""
        out: dict[str, dict] = {}
        have = self.codes.versions()
        for c in changes:
            name, version = c["table"], c["version"]
            if have.get(name) == version and name not in out:
                continue
            body = self.client.get(f"/v1/codes/{name}", params={"version": version})
            check_code_table(body, name)
            if body["sha256"] != c["sha256"] or body["version"] != version:
                raise BadResponse(f"代码表 {name} 的版本或校验值与变更通知不一致")
            try:
                CodeBook._build(name, version, body["content"], body["sha256"], "platform")
            except CodeTableError as exc:
                raise BadResponse(f"代码表 {name} 内容无效：{exc}") from exc
            out[name] = body
        return out

    def _install_tables(self, tables: dict[str, dict], summary: SyncSummary) -> None:
        for name, body in tables.items():
            self.codes.replace(name, body["version"], body["content"], body["sha256"])
            summary.code_tables.append((name, body["version"]))

    def _apply_page(self, conn: Connection, changes: list[dict], tables: dict[str, dict],
                    summary: SyncSummary) -> set[str]:
        """Apply one page; returns the ids (or numbers) of declarations its receipts named
        that are not on this desk."""
        unknown: set[str] = set()
        # receipts and credit changes in feed order, so a release is recorded under the
        # grade in force at that point of the feed (receipts between two credit changes
        # are applied as one batch)
        receipts: list[dict] = []
        for c in changes:
            if c["kind"] == "status":
                receipts.append(c)
            elif c["kind"] == "credit":
                if receipts:
                    unknown |= self._apply_receipts(conn, receipts, summary)
                    receipts = []
                self._apply_credit(conn, c, summary)
        if receipts:
            unknown |= self._apply_receipts(conn, receipts, summary)
        ecert_sync.announce(conn, changes)  # e-certificates to fetch (client.ecert.sync)
        by_kind: dict[str, list[dict]] = {}  # other document kinds (client.sync.kinds)
        for c in changes:
            if c["kind"] == kinds.DOC_STATUS:
                by_kind.setdefault(c["doc_kind"], []).append(c)
        for name, part in by_kind.items():
            dk = kinds.get(name)
            if dk is not None and dk.apply_changes is not None:
                dk.apply_changes(conn, part, summary)
        now = utcnow()
        # the eCIQ lists arriving (issue 13): editable drafts converted in this transaction
        fields = ciq_switch.switching(self.codes, tables)
        if fields:
            version = next(tables[t]["version"] for t in ciq_switch.SWITCHED if t in tables)
            summary.ciq_converted += len(ciq_switch.convert_stored(conn, self.codes, fields,
                                                                   version))
        for name, body in tables.items():
            values = {"name": name, "version": body["version"], "sha256": body["sha256"],
                      "content": body["content"], "updated_at": now}
            stmt = dialect.insert(conn, s.code_tables).values(**values)
            conn.execute(stmt.on_conflict_do_update(
                index_elements=[s.code_tables.c.name],
                set_={k: v for k, v in values.items() if k != "name"}))
        return unknown

    def _apply_receipts(self, conn: Connection, receipts: list[dict],
                        summary: SyncSummary) -> set[str]:
        d, h = s.declarations, s.status_history
        ids = sorted({c["declaration_id"] for c in receipts if c.get("declaration_id")})
        nos = sorted({c["inspection_no"] for c in receipts if c.get("inspection_no")})
        local: dict[str, list] = {}   # id -> [status, version, inspection_no]
        by_no: dict[str, str] = {}
        cols = (d.c.id, d.c.status, d.c.version, d.c.inspection_no)
        # by id first (primary key), then by number for receipts whose id is unknown here;
        # two indexed lookups, never an OR that would scan the table
        for k in range(0, len(ids), 500):
            for r in conn.execute(select(*cols).where(d.c.id.in_(ids[k:k + 500]))):
                local[r[0]] = [r[1], r[2], r[3]]
                if r[3]:
                    by_no[r[3]] = r[0]
        nos = [n for n in nos if n not in by_no]
        for k in range(0, len(nos), 500):
            for r in conn.execute(select(*cols).where(d.c.inspection_no.in_(nos[k:k + 500]))):
                local[r[0]] = [r[1], r[2], r[3]]
                by_no[r[3]] = r[0]
        known = sorted(local)
        have: set[tuple[str, str, str]] = set()
        for k in range(0, len(known), 500):
            for r in conn.execute(select(h.c.declaration_id, h.c.status, h.c.at).where(
                    h.c.declaration_id.in_(known[k:k + 500]), h.c.source == "platform")):
                have.add((r[0], r[1], r[2]))
        moves: list[Move] = []
        clearance: list[dict] = []   # 通关单号 issued on release (监管条件 A/B goods)
        unknown: set[str] = set()
        for c in receipts:
            did = c.get("declaration_id")
            if did not in local:
                did = by_no.get(c.get("inspection_no") or "")
            if did is None:
                key = c.get("declaration_id") or c.get("inspection_no")
                if key:
                    unknown.add(key)
                else:
                    summary.unknown_receipts += 1
                continue
            at = _store_time(c["at"])
            key = (did, c["status"], at)
            if key in have:
                continue  # this receipt was applied before (a page read twice)
            have.add(key)
            moves.append(Move(did, c["status"], receipt_note(c.get("note"), c.get("reasons")),
                              "platform", c.get("version"), at, receipt=True))
            if c.get("clearance_doc_no"):
                clearance.append({"n": c["clearance_doc_no"], "id": did})
            summary.receipts += 1
        # the one writer: history for every new receipt, the status only moves forward
        known = {did: (v[0], v[1]) for did, v in local.items()}
        for a in status_q.record(conn, moves, known=known):
            m = a.move
            summary.status_changes.append(StatusChange(m.declaration_id,
                                                       local[m.declaration_id][2], a.old,
                                                       m.status, m.note))
        if clearance:  # the platform-assigned field of the stored declaration (not a status)
            conn.execute(_SET_CLEARANCE[conn.dialect.name == "postgresql"], clearance)
        return unknown

    def _apply_credit(self, conn: Connection, c: dict, summary: SyncSummary) -> None:
        me = kv.get(conn, "enterprise") or {}
        uscc = c.get("uscc") or me.get("uscc")
        at = c["at"]
        conn.execute(update(s.enterprises).where(s.enterprises.c.uscc == uscc).values(
            credit_grade=c["grade"], credit_grade_updated_at=at, synced_at=utcnow()))
        if me and uscc == me.get("uscc"):
            old = me.get("credit_grade")
            me["credit_grade"] = c["grade"]
            me["credit_grade_updated_at"] = at
            kv.put(conn, "enterprise", me)
            if old != c["grade"]:
                prev = summary.credit_grade[0] if summary.credit_grade else old
                summary.credit_grade = (prev, c["grade"])
        else:
            for cl in me.get("clients") or []:
                if cl.get("uscc") == uscc:
                    cl["credit_grade"] = c["grade"]
                    cl["credit_grade_updated_at"] = at
            if me:
                kv.put(conn, "enterprise", me)

    # -- full snapshot ------------------------------------------------------------------
    def resync(self, summary: SyncSummary) -> SyncSummary:
        """Rebuild the platform-owned state from snapshots; continue from their cursor."""
        summary.resynced = True
        ent = check_enterprise(self.client.get("/v1/enterprise"))
        listing = self.client.get("/v1/codes")
        if not isinstance(listing, dict) or not isinstance(listing.get("tables"), list):
            raise BadResponse("代码表清单格式错误")
        announced = []
        for t in listing["tables"]:
            if not isinstance(t, dict):
                raise BadResponse("代码表清单项不是对象")
            announced.append({"kind": "codes", "table": t.get("table"),
                              "version": t.get("version"), "sha256": t.get("sha256")})
        from .shapes import check_change
        for a in announced:
            check_change(a)
        tables = self._fetch_tables(announced)
        with self.db.write() as conn:
            old = (kv.get(conn, "enterprise") or {}).get("credit_grade")
            store_enterprise(conn, ent)
            if old != ent.get("credit_grade"):
                summary.credit_grade = (old, ent.get("credit_grade"))
            self._apply_page(conn, [], tables, summary)
        self._install_tables(tables, summary)
        self._snapshot_declarations(summary, continue_feed=True)
        for dk in kinds.all_kinds():
            if dk.resync is not None:
                dk.resync(self.client, self.db, summary)
        return summary

    def _snapshot_declarations(self, summary: SyncSummary, *, since: str | None = None,
                               continue_feed: bool) -> set[str]:
        """Read ``GET /v1/declarations`` (changed after ``since``; all without) page by page
        and store the platform's view; returns the ids and numbers read. With
        ``continue_feed`` the feed continues from the final page's cursor (a resync)."""
        cursor = since
        seen = 0
        got: set[str] = set()
        while True:
            if self.cancel():
                raise Cancelled("同步已取消", "sync cancelled")
            params = {"limit": self.page_limit}
            if cursor:
                params["since"] = cursor
            items, nxt, more = check_declarations_page(
                self.client.get("/v1/declarations", params=params))
            with self.db.write() as conn:
                self._apply_snapshot(conn, items, summary)
                if not more and continue_feed:
                    kv.put(conn, CURSOR_KEY, nxt)
                    kv.remove(conn, UNKNOWN_KEY)  # everything this login sees is here
            for x in items:
                got.add(x["id"])
                if x.get("inspection_no"):
                    got.add(x["inspection_no"])
            cursor = nxt
            seen += len(items)
            self.progress(seen, 0, f"完整同步：已核对 {seen} 份报检单")
            if not more:
                return got

    def _apply_snapshot(self, conn: Connection, items: list[dict], summary: SyncSummary,
                        *, history: bool = False) -> None:
        """Store the platform's view of ``items``: import the unknown ones, bring the
        others' status (and accepted document) up to date. With ``history``, an imported
        declaration also gets the status history the item carries."""
        d = s.declarations
        ids = [x["id"] for x in items]
        local = {}
        for k in range(0, len(ids), 500):
            for r in conn.execute(select(d.c.id, d.c.status, d.c.version, d.c.inspection_no)
                                  .where(d.c.id.in_(ids[k:k + 500]))):
                local[r[0]] = (r[1], r[2], r[3])
        for x in items:
            at = _store_time(x.get("status_at")) or utcnow()
            note = receipt_note(x.get("note"), x.get("reasons"))
            cur = local.get(x["id"])
            if cur is None:
                payload = x.get("payload")
                decl, _problems = parse_declaration(payload) if payload else (None, [])
                if decl is None or decl.id != x["id"]:
                    log.warning("snapshot declaration %s has no usable payload", x["id"])
                    summary.errors.append(f"平台上的报检单 {x.get('inspection_no') or x['id']} "
                                          f"内容无法读取，未导入")
                    continue
                decl_q.save_many(conn, [decl], status=x["status"], note="完整同步：来自平台")
                conn.execute(update(d).where(d.c.id == x["id"]).values(
                    version=x.get("version"), status_note=note, last_receipt_at=at))
                if history:
                    self._import_history(conn, x)
                summary.imported += 1
                continue
            status, version, _no = cur
            if not lifecycle.newer(status, version, x["status"], x.get("version")):
                continue  # the desk already holds this or a later state
            payload = x.get("payload")
            if payload and x.get("version") != version and version is not None:
                decl, _ = parse_declaration(payload)
                if decl is not None and decl.id == x["id"]:
                    decl_q.save_many(conn, [decl])
            for a in status_q.record(conn, [Move(x["id"], x["status"], note, "platform",
                                                 x.get("version"), at, receipt=True)]):
                summary.status_changes.append(StatusChange(x["id"], x.get("inspection_no"),
                                                           a.old, x["status"], note))

    def _import_history(self, conn: Connection, x: dict) -> None:
        """The platform's status changes of a declaration just imported (after the row
        ``save_many`` wrote), so its timeline shows what happened before it arrived."""
        rows = [(x["id"], h["status"], _store_time(h["at"]),
                 receipt_note(h.get("note"), h.get("reasons")), "platform", h.get("version"))
                for h in x.get("history") or () if h.get("kind", "status") == "status"]
        status_q.insert_history(conn, rows)


def _forget_unknown(conn: Connection, done: set[str]) -> list[str]:
    """Drop ``done`` from the remembered unknown declarations; returns those left."""
    left = [k for k in (kv.get(conn, UNKNOWN_KEY) or []) if k not in done]
    if left:
        kv.put(conn, UNKNOWN_KEY, left)
    else:
        kv.remove(conn, UNKNOWN_KEY)
    return left


def _store_time(text: str | None) -> str | None:
    """A platform time in the store's format; unreadable text is kept as it came."""
    return store_time(text) or (text or None)
