"""The :class:`Desk`: drafts, templates, validation, JSON import/export on one profile.

All methods are plain, blocking calls that return ids, dataclasses or model objects, so
the UI can run them on its thread pool and the CLI can call them directly.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from sqlalchemy import delete, select, update

if TYPE_CHECKING:
    from ..interchange.spool import PreviewItem, Spool

from .. import paths as paths_mod
from ..codes import CodeBook
from ..lifecycle import EDITABLE, status_sentence
from ..errors import InputError, NotEditable, NotFound, StaleDraft
from ..perf import paused_gc
from ..interchange.jsonfile import UnreadableJson, load_json_document
from ..model import (Declaration, new_declaration, new_ulid, parse_declaration, to_dict,
                     to_json)
from ..store import Store, open_store
from ..store import blobs as blob_q
from ..store import declarations as decl_q
from ..store import kv
from ..store import schema as s
from ..store.db import utcnow
from .draft_bin import delete_drafts
from .import_sink import ImportSink
from ..timeutil import parse_time
from .cleanmemo import CleanMemo, context_stamp

log = logging.getLogger(__name__)

#: validation results written per transaction by ``Desk.validate_ids``
VALIDATE_WRITE = 2000

#: files read as tables (the Excel/CSV template; ``.xls`` is refused there with advice)
TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".xls")
#: declarations stored per slice by Desk.store_imported (its progress moves once a slice)
STORE_SLICE = 1000


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """A declaration (or file) that was not imported, and why.

    ``row``/``column`` are as the source names them: for JSON the 1-based position of the
    declaration in the file's list and no column; for Excel row 17, column ``K``.
    """

    file: str
    row: int | None
    column: str | None
    field: str | None
    message: str
    message_en: str = ""
    #: "error" (not imported) or "warning" (imported, with this said about it)
    severity: str = "error"

    def to_dict(self, lang: str = "zh") -> dict:
        return {"file": self.file, "row": self.row, "column": self.column, "field": self.field,
                "message": self.message_en if lang == "en" and self.message_en else self.message,
                **({"severity": self.severity} if self.severity != "error" else {})}




@dataclass
class ImportReport:
    """What an import did: ids stored (new or updated drafts) and the problems found."""

    imported: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    errors: list[ImportProblem] = field(default_factory=list)
    files_refused: int = 0
    #: what was said about imported declarations (customs codes mapped to eCIQ, issue 13)
    warnings: list[ImportProblem] = field(default_factory=list)

    def to_dict(self, lang: str = "zh") -> dict:
        return {"imported": self.imported + self.updated,
                "errors": [e.to_dict(lang) for e in self.errors],
                **({"warnings": [w.to_dict(lang) for w in self.warnings]}
                   if self.warnings else {})}


class Desk:
    """One open profile. Thread-safe for reads; writes are serialised by the store."""

    def __init__(self, store: Store, codes: CodeBook | None = None):
        self.store = store
        self.paths = store.paths
        self._codes = codes
        #: drafts the batch validation found clean, by rule context (finalise reuses them)
        self.clean_memo = CleanMemo()

    # -- opening ----------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: str | Path | None = None) -> "Desk":
        return cls(open_store(paths_mod.resolve(data_dir)))

    def close(self) -> None:
        self.store.close()

    @property
    def db(self):
        return self.store.db

    @property
    def codes(self) -> CodeBook:
        """Built-in code tables overlaid with the newer versions the platform sent."""
        if self._codes is None:
            with self.db.read() as conn:
                rows = conn.execute(select(s.code_tables.c.name, s.code_tables.c.version,
                                           s.code_tables.c.sha256, s.code_tables.c.content))
                overrides = {r[0]: (r[1], r[2], r[3]) for r in rows}
            self._codes = CodeBook(overrides=overrides)
        return self._codes

    # -- reading ----------------------------------------------------------------
    def get(self, decl_id: str) -> Declaration:
        with self.db.read() as conn:
            real = decl_q.resolve_id(conn, decl_id)
            decl = decl_q.load(conn, real) if real else None
        if decl is None:
            raise NotFound(f"找不到报检单 {decl_id}", f"no declaration {decl_id}")
        return decl

    def summary(self, decl_id: str) -> decl_q.DeclarationSummary:
        with self.db.read() as conn:
            row = decl_q.summary(conn, decl_id)
        if row is None:
            raise NotFound(f"找不到报检单 {decl_id}", f"no declaration {decl_id}")
        return row

    def list(self, **kw: Any) -> list[decl_q.DeclarationSummary]:
        """A keyset page of summaries (see :func:`client.store.declarations.list_page`)."""
        with self.db.read() as conn:
            return decl_q.list_page(conn, **kw)

    def count(self, **kw: Any) -> int:
        with self.db.read() as conn:
            return decl_q.count(conn, **kw)

    def scan_floor(self, budget: int | None = None) -> tuple[str, str] | None:
        """The list key a bounded search walk stops at (``list``/``count``'s ``floor``),
        ``None`` when the store holds fewer than ``budget`` declarations."""
        from client.store.search import SHORT_BUDGET
        with self.db.read() as conn:
            return decl_q.scan_floor(conn, budget or SHORT_BUDGET)

    def search_first_page(self, *, search: str, limit: int = 200,
                          floor_hint: tuple[str, str] | None = None, **filters: Any
                          ) -> tuple[tuple[str, str] | None, list[decl_q.DeclarationSummary]]:
        """``(floor, rows)``: the first page of a search as the search box asks for it, one
        keystroke's worth of work. One or two characters (no trigram answers them), or a
        text the index cannot answer within ``search.PROBE_DEADLINE``, walk only the
        newest ``search.SHORT_BUDGET`` declarations: ``floor`` is then where that walk
        stops (pass it to ``list``/``count``/``Selection``), else ``None`` (every match).
        ``floor_hint``: a floor read before (the list keeps it until the store changes),
        saving the walk that finds it."""
        from client.store import search as fts
        q = (search or "").strip().lower()
        filters.pop("floor", None)
        if not fts.needs_floor(q):
            try:
                with self.db.read() as conn:
                    return None, decl_q.list_page(conn, search=q, limit=limit,
                                                  deadline=fts.PROBE_DEADLINE, **filters)
            except fts.TooSlow:
                pass
        with self.db.read() as conn:
            floor = floor_hint or decl_q.scan_floor(conn, fts.SHORT_BUDGET)
            return floor, decl_q.list_page(conn, search=q, limit=limit, floor=floor, **filters)

    def counts_by_status(self, declarant: str | None = None) -> dict[str, int]:
        with self.db.read() as conn:
            return decl_q.counts_by_status(conn, declarant)

    def history(self, decl_id: str) -> list[decl_q.HistoryEntry]:
        with self.db.read() as conn:
            return decl_q.history(conn, decl_id)

    def export_json(self, decl_id: str, indent: int | None = 2) -> str:
        return to_json(self.get(decl_id), indent=indent)

    # -- drafts -----------------------------------------------------------------
    def new_draft(self, direction: str = "inbound", **fields: Any) -> Declaration:
        """A new draft (not yet saved) with the enterprise's own details filled in."""
        decl = new_declaration(direction, **fields)
        me = self.enterprise()
        if me and decl.declarant is not None and not decl.declarant.uscc:
            decl.declarant.name_cn = me.get("name_cn")
            decl.declarant.name_en = me.get("name_en")
            decl.declarant.reg_no = me.get("reg_no")
            decl.declarant.uscc = me.get("uscc")
        return decl

    def user(self) -> str:
        """Who works at this desk: the platform login, else the OS user (``filed_by``,
        ``saved_by`` and the presence rows of the office store name them)."""
        with self.db.read() as conn:
            name = kv.get(conn, "username")
        if name:
            return str(name)
        import getpass
        try:
            return getpass.getuser()
        except Exception:  # noqa: BLE001 - no user name in this environment
            return "?"

    def save_draft(self, decl: Declaration, *,
                   base_rev: int | None = None) -> decl_q.DeclarationSummary:
        """Create or update a draft; a finalised/submitted declaration is refused.

        ``base_rev``: the ``local_rev`` the editor loaded. When the stored draft is newer
        (a colleague saved it meanwhile, on the office store) the save is refused with
        :class:`StaleDraft` naming who saved it; nothing is overwritten."""
        if not decl.id:
            decl.id = new_ulid()
        user = self.user()
        with self.db.write() as conn:
            if base_rev is not None:
                d = s.declarations
                row = conn.execute(select(d.c.local_rev, d.c.saved_by, d.c.updated_at)
                                   .where(d.c.id == decl.id).with_for_update()).first()
                if row is not None and row[0] != base_rev:
                    raise StaleDraft(decl.id, row[0], row[1], row[2])
            status = decl_q.existing_status(conn, [decl.id]).get(decl.id)
            if status is not None and status not in EDITABLE:
                raise NotEditable(
                    f"报检单已{status_sentence(status)}，不能直接修改；请使用修改申请。",
                    f"the declaration is {status}; change it with an amendment", field=None)
            clash = decl_q.number_conflicts(conn, [decl])
            if clash:
                raise InputError(f"报检号 {decl.inspection_no} 已被另一份报检单使用",
                                 f"inspection number {decl.inspection_no} is already used by "
                                 f"another declaration", field="inspection_no")
            decl_q.save(conn, decl)
            conn.execute(update(s.declarations).where(s.declarations.c.id == decl.id)
                         .values(saved_by=user))
            return decl_q.summary(conn, decl.id)

    def draft_rev(self, decl_id: str) -> tuple[int, str | None] | None:
        """``(local_rev, saved_by)`` of a stored declaration (``None`` when not stored)."""
        d = s.declarations
        with self.db.read() as conn:
            row = conn.execute(select(d.c.local_rev, d.c.saved_by).where(d.c.id == decl_id)).first()
        return (row[0], row[1]) if row else None

    def duplicate(self, decl_id: str) -> Declaration:
        """复制: a new draft with everything but the id, number and attachments' state."""
        src = self.get(decl_id)
        copy = src.copy()
        copy.id = new_ulid()
        copy.inspection_no = None
        self.save_draft(copy)
        return copy

    def delete_draft(self, decl_id: str) -> None:
        """Delete one draft, kept in the bin (:func:`.draft_bin.delete_drafts`)."""
        if not delete_drafts(self, [decl_id]):
            raise NotFound(f"找不到报检单 {decl_id}", f"no declaration {decl_id}")

    # -- amendment drafts --------------------------------------------------------
    # A submitted declaration is never edited in place; an amendment (修改申请) being
    # written is kept apart, under its declaration's id, until it is submitted or dropped,
    # so a crash or a closed window never loses it.
    def save_amendment_draft(self, decl: Declaration) -> None:
        """Keep the amendment being written for ``decl.id`` (replacing the previous one)."""
        with self.db.write() as conn:
            if decl_q.existing_status(conn, [decl.id]).get(decl.id) is None:
                raise NotFound(f"找不到报检单 {decl.id}", f"no declaration {decl.id}")
            kv.put(conn, f"amend_draft:{decl.id}", {"saved_at": utcnow(), "doc": to_dict(decl)})

    def load_amendment_draft(self, decl_id: str) -> Declaration | None:
        """The unsubmitted amendment of a declaration, if one was being written."""
        with self.db.read() as conn:
            stored = kv.get(conn, f"amend_draft:{decl_id}")
        if not stored:
            return None
        decl, _ = parse_declaration(stored.get("doc"))
        return decl

    def discard_amendment_draft(self, decl_id: str) -> None:
        with self.db.write() as conn:
            kv.remove(conn, f"amend_draft:{decl_id}")

    # -- templates --------------------------------------------------------------
    def save_template(self, name: str, decl: Declaration) -> str:
        """Keep a declaration as a named template (goods kept; numbers and dates cleared)."""
        t = decl.copy()
        t.id = None
        t.inspection_no = None
        t.arrival_date = t.unload_date = t.claim_deadline = t.ship_date = None
        tid = new_ulid()
        from ..store import dialect
        with self.db.write() as conn:
            stmt = dialect.insert(conn, s.templates).values(
                id=tid, name=name, direction=t.direction, doc=to_json(t), created_at=utcnow())
            conn.execute(stmt.on_conflict_do_update(
                index_elements=[s.templates.c.name],
                set_={"doc": stmt.excluded.doc, "direction": stmt.excluded.direction}))
            tid = conn.execute(select(s.templates.c.id)
                               .where(s.templates.c.name == name)).scalar_one()
        return tid

    def templates(self) -> list[tuple[str, str, str | None]]:
        """``(id, name, direction)`` of every template, by name."""
        with self.db.read() as conn:
            rows = conn.execute(select(s.templates.c.id, s.templates.c.name,
                                       s.templates.c.direction).order_by(s.templates.c.name))
            return [tuple(r) for r in rows]

    def delete_template(self, template_id: str) -> None:
        """Delete a template (the drafts made from it are their own copies: untouched)."""
        with self.db.write() as conn:
            gone = conn.execute(delete(s.templates).where(s.templates.c.id == template_id))
        if not gone.rowcount:
            raise NotFound("找不到模板", "no such template")

    def new_from_template(self, template_id: str) -> Declaration:
        with self.db.read() as conn:
            doc = conn.execute(select(s.templates.c.doc)
                               .where(s.templates.c.id == template_id)).scalar()
        if doc is None:
            raise NotFound("找不到模板", "no such template")
        decl, _ = parse_declaration(json.loads(doc))
        assert decl is not None
        decl.id = new_ulid()
        return decl

    # -- attachments ------------------------------------------------------------
    def store_attachment(self, file: Path) -> tuple[str, int]:
        """Copy a file into the attachment store; returns ``(sha256, size)``."""
        with self.db.write() as conn:
            return blob_q.store_file(conn, self.paths.attachments, Path(file))

    def attachment_path(self, sha256: str) -> Path:
        return blob_q.blob_path(self.paths.attachments, sha256)

    # -- enterprise ------------------------------------------------------------
    def enterprise(self) -> dict | None:
        """The logged-in enterprise as last synced (``None`` before the first login)."""
        with self.db.read() as conn:
            return kv.get(conn, "enterprise")

    def credit_grade(self) -> tuple[str | None, datetime | None]:
        """The last synced credit grade and when it was set (``None``s before a login)."""
        return _grade_of(self.enterprise() or {})

    # -- validation ------------------------------------------------------------
    def rule_context(self):
        """What the rulebook judges against: code tables, the last synced credit grade and
        whom the logged-in enterprise may declare for."""
        return self.rule_context_stamped()[0]

    def rule_context_stamped(self) -> tuple[Any, tuple]:
        """:meth:`rule_context` and its :func:`~client.services.cleanmemo.context_stamp`."""
        from ..rules import RuleContext
        me = self.enterprise() or {}
        grade, at = _grade_of(me)
        clients = me.get("clients")
        from ..ecom import store as ecom_q
        with self.db.read() as conn:  # the known registrations, reloaded only when changed
            mark = ecom_q.version(conn)
            cached = getattr(self, "_ecom_known", None)
            if cached is None or cached[0] != mark:
                cached = self._ecom_known = (mark, ecom_q.known(conn))
        registrations = cached[1]
        ctx = RuleContext(
            codes=self.codes, credit_grade=grade, grade_synced_at=at,
            ecom_registrations=registrations,
            enterprise_uscc=me.get("uscc") or None,
            client_usccs=frozenset(c.get("uscc") for c in clients if isinstance(c, dict)
                                   and c.get("uscc")) if isinstance(clients, list) else None)
        return ctx, context_stamp(ctx, mark)

    def validate_decl(self, decl: Declaration, ctx=None) -> list:
        from ..rules import validate
        return validate(decl, ctx or self.rule_context())

    def validate_ids(self, ids: Sequence[str], *, store_result: bool = True) -> dict[str, list]:
        """Validate stored declarations and keep each result for the UI's markers."""
        ctx, stamp = self.rule_context_stamped()
        out: dict[str, list] = {}
        with paused_gc():
            self._validate_chunks(ids, ctx, stamp, out, store_result)
        return out

    def _validate_chunks(self, ids: Sequence[str], ctx, stamp: tuple, out: dict,
                         store_result: bool) -> None:
        """Read 500 at a time; write the results every :data:`VALIDATE_WRITE` (each
        transaction is a sync to disk). 4,000 drafts or more are shared with worker
        processes (:mod:`client.interchange.import_work`), the results kept in order."""
        from ..interchange import import_work
        ids = list(dict.fromkeys(ids))
        workers = import_work.workers_for(len(ids))
        pool = import_work.start_pool(ctx.codes, ctx, workers) if workers else None

        def local(rows: list) -> list:
            return import_work.validate_stored(rows, ctx)
        born: dict[str, str] = {}  # each row's created_at: with local_rev, its version
        done = import_work.in_order(pool, self._stored_docs(ids, born), local,
                                    import_work._validate_work)
        results: list[tuple[str, list[dict], int]] = []
        try:
            for _rows, got in done:
                for decl_id, issues, rev in got:
                    out[decl_id] = issues
                    results.append((decl_id, [x.to_dict() for x in issues], rev))
                if len(results) >= VALIDATE_WRITE:
                    self._keep_results(stamp, results, store_result, born)
                    results = []
        finally:
            if pool is not None:
                pool.close()
        self._keep_results(stamp, results, store_result, born)

    def _stored_docs(self, ids: list[str], born: dict[str, str]
                     ) -> Iterator[list[tuple[str, str, int]]]:
        """``(id, document, local_rev)`` of ``ids``, 500 at a time (NotFound for an id
        not stored); each one's ``created_at`` goes into ``born``."""
        d = s.declarations
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            with self.db.read() as conn:
                rows = {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
                    select(d.c.id, d.c.doc, d.c.local_rev, d.c.created_at)
                    .where(d.c.id.in_(chunk)))}
            part = []
            for decl_id in chunk:
                row = rows.get(decl_id)
                if row is None:
                    raise NotFound(f"找不到报检单 {decl_id}", f"no declaration {decl_id}")
                part.append((decl_id, row[0], row[1]))
                born[decl_id] = row[2]
            yield part

    def _keep_results(self, stamp: tuple, results: list[tuple[str, list[dict], int]],
                      store_result: bool, born: dict[str, str]) -> None:
        if not results:
            return
        self.clean_memo.record(stamp, [
            (did, (rev, born.get(did)), not any(x["severity"] == "error" for x in found))
            for did, found, rev in results])
        if store_result:
            with self.db.write() as conn:
                decl_q.set_validation_many(conn, results)

    def stored_issues(self, decl_id: str) -> list[dict] | None:
        with self.db.read() as conn:
            return decl_q.stored_issues(conn, decl_id)

    # -- JSON import ----------------------------------------------------------
    def import_files(self, files: Iterable[str | Path]) -> ImportReport:
        """Import files by type: Excel/CSV through the template reader
        (:func:`client.interchange.importer.import_into`), anything else as JSON. The
        one import path of the CLI; problems are ``{file, row, column, field, message}``."""
        report = ImportReport()
        json_files: list[str | Path] = []
        for f in files:
            if Path(f).suffix.lower() in TABLE_SUFFIXES:
                from ..interchange.importer import import_into
                import_into(self, Path(f), report)
            else:
                json_files.append(f)
        if json_files:
            part = self.import_json_files(json_files)
            report.imported += part.imported
            report.updated += part.updated
            report.errors += part.errors
            report.files_refused += part.files_refused
            report.warnings += part.warnings
        return report

    def import_json_files(self, files: Iterable[str | Path]) -> ImportReport:
        """Import JSON files (one declaration or a list each) as drafts.

        A file that cannot be read or parsed is refused whole and stores nothing; a good
        file beside it still imports. A declaration with an unreadable value is reported
        with its field and not imported; the others of its file are. A stored id is
        updated in place (never a second copy) while it is still a draft.
        """
        report = ImportReport()
        with paused_gc():
            for f in files:
                self._import_json_file(f, report)
        return report

    def _import_json_file(self, f: str | Path, report: ImportReport) -> None:
        """Import one JSON file into ``report``; a file that cannot be read stores nothing."""
        part = read_json_file(f, report.errors)
        if part is None:
            report.files_refused += 1
            return
        self.store_imported(part.decls, part.rows, part.source, report, docs=part.docs)

    def import_objects(self, data: Any, source: str, report: ImportReport,
                       raws: list[str] | None = None) -> None:
        """Import decoded JSON (an object or a list of objects) from ``source``.

        ``raws`` optionally holds the JSON text of each item as it stood in the file.
        """
        part = parse_json_objects(data, source, report.errors, raws)
        self.store_imported(part.decls, part.rows, part.source, report, docs=part.docs)

    # -- read, preview, then store (the import dialog) ---------------------------------
    def read_import(self, files: Iterable[str | Path], progress=None, cancel=None, *,
                    validate: bool = False) -> "ParsedImport":
        """Read ``files`` (JSON, or Excel/CSV by suffix) without storing anything.

        The same readers and problem messages as :meth:`import_files`. ``progress(done,
        total, name)`` is called per file and, within a workbook, as its rows are read; a
        true ``cancel()`` stops between files (an Excel reader may raise
        :class:`~client.interchange.progress.Cancelled`). A workbook is read, mapped to
        eCIQ and (with ``validate``) validated as ``import`` does, and kept prepared in a
        temporary file (:mod:`client.interchange.spool`), not in memory; call
        :meth:`ParsedImport.close` for what is not stored.
        """
        files = [str(f) for f in files]
        out = ParsedImport(validate=validate)
        try:
            for n, f in enumerate(files):
                if cancel is not None and cancel():
                    break
                if progress is not None:
                    progress(n, len(files), Path(f).name)
                if Path(f).suffix.lower() in TABLE_SUFFIXES:
                    from ..interchange.importer import spool_file
                    # the rows of a workbook move the bar (one big file is the broker's case)
                    rows_read = (lambda done, total, _msg, name=Path(f).name:
                                 progress(done, total, name)) if progress is not None else None
                    read = ImportReport()
                    spool = spool_file(self, f, read, rows_read, cancel, validate=validate)
                    out.problems.extend(read.errors)
                    out.files_refused += read.files_refused
                    if spool is not None and spool.count:
                        out.files.append(spool)
                    elif spool is not None:
                        spool.close()
                    continue
                part = read_json_file(f, out.problems)
                if part is None:
                    out.files_refused += 1
                    continue
                if part.decls:
                    out.files.append(part)
        except BaseException:
            out.close()
            raise
        if progress is not None:
            progress(len(files), len(files), "")
        return out

    def store_import(self, parsed: "ParsedImport", progress=None, cancel=None
                     ) -> ImportReport:
        """Store what :meth:`read_import` read, one transaction per file.

        A true ``cancel()`` stops between files (and between the parts of a workbook,
        whose transaction then rolls back), so every file is either wholly stored or not
        at all. The report's problems are those found on reading plus on storing. Read with
        ``validate``, each declaration's result is kept with it (the list's error counts and
        the editor's markers, at once): a workbook's was judged on reading, a JSON
        file's is judged as it is stored.
        """
        from ..interchange.importer import store_spooled
        from ..interchange.progress import Cancelled
        report = ImportReport(errors=list(parsed.problems), files_refused=parsed.files_refused)
        total = parsed.count
        done = 0
        try:
            with paused_gc():
                for part in parsed.files:
                    if cancel is not None and cancel():
                        break
                    name = Path(part.source).name
                    moved = (lambda n, _t=0, _m="", before=done, name=name:
                             progress(before + n, total, name)) if progress is not None else None
                    if isinstance(part, ParsedFile):
                        count = len(part.decls)
                        self.store_imported(part.decls, part.rows, part.source, report,
                                            docs=part.docs, stored=moved,
                                            validate=parsed.validate)
                    else:
                        count = part.count
                        try:
                            store_spooled(self, part, report, moved, cancel)
                        except Cancelled:
                            break
                    done += count
                    if progress is not None:
                        progress(done, total, name)
        finally:
            parsed.close()
        return report

    @contextmanager
    def importing(self, source: str, report: ImportReport) -> Iterator[ImportSink]:
        """One write transaction storing an import from ``source`` in parts
        (:class:`~client.services.import_sink.ImportSink`); ``report`` gets what was
        stored and refused once the transaction has committed (nothing on an exception)."""
        with self.db.write() as conn:
            sink = ImportSink(conn, source, self.codes)
            yield sink
        report.errors.extend(sink.errors)
        report.warnings.extend(sink.warnings)
        report.imported.extend(sink.imported)
        report.updated.extend(sink.updated)

    def store_imported(self, decls: list[Declaration], rows: list[int], source: str,
                       report: ImportReport, docs: list[str] | None = None,
                       stored: Callable[[int], None] | None = None,
                       validate: bool = False) -> None:
        """Save parsed declarations as drafts in one transaction, refusing non-drafts.

        ``docs`` optionally holds each declaration's JSON as read (see ``header_row``).
        They are stored :data:`STORE_SLICE` at a time (still one transaction), and
        ``stored(n)`` is told the number stored so far after each slice (a progress bar).
        ``validate``: each is judged (in eCIQ terms, after the mapping) and the result kept.
        """
        if not decls:
            return
        ctx = self.rule_context() if validate else None
        with self.importing(source, report) as sink:
            for i in range(0, len(decls), STORE_SLICE):
                j = i + STORE_SLICE
                part, part_rows = decls[i:j], rows[i:j]
                part_docs = docs[i:j] if docs is not None else None
                kept = None
                if ctx is not None:
                    from ..interchange.import_work import judged
                    mapped = sink.map_codes(part, part_rows)  # judged as it will be stored
                    if part_docs is not None:  # a mapped declaration's JSON as read is stale
                        part_docs = [None if m else d for m, d in zip(mapped, part_docs)]
                    kept = judged(part, ctx)
                sink.store(part, part_rows, part_docs, kept)
                if stored is not None:
                    stored(min(j, len(decls)))


@dataclass
class ParsedFile:
    """The declarations read from one file, not yet stored (``rows`` as problems name them;
    ``docs`` each declaration's JSON as read, or None)."""

    source: str
    decls: list[Declaration]
    rows: list[int]
    docs: list[str] | None = None


@dataclass
class ParsedImport:
    """What :meth:`Desk.read_import` read: the files with declarations (a JSON file's in
    memory, a workbook's prepared in a :class:`~client.interchange.spool.Spool`), and the
    problems."""

    files: list["ParsedFile | Spool"] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    files_refused: int = 0
    #: read to be validated (``Desk.read_import``): the results are stored with the drafts
    validate: bool = False

    @property
    def count(self) -> int:
        """The declarations that would be imported."""
        return sum(len(p.decls) if isinstance(p, ParsedFile) else p.count for p in self.files)

    def previews(self) -> "list[PreviewItem]":
        """What the import dialog lists of each declaration that would be imported."""
        from ..interchange.spool import preview_of
        out = []
        for p in self.files:
            if isinstance(p, ParsedFile):
                out.extend(preview_of(p.source, d, r) for d, r in zip(p.decls, p.rows))
            else:
                out.extend(p.previews)
        return out

    def close(self) -> None:
        """Delete the workbooks' prepared parts (:meth:`Desk.store_import` does, after)."""
        for p in self.files:
            if not isinstance(p, ParsedFile):
                p.close()


def read_json_file(f: str | Path, problems: list[ImportProblem]) -> ParsedFile | None:
    """Read one JSON import file; None (and one problem) when it is refused whole."""
    name = str(f)
    try:
        data, raws = load_json_document(Path(f), keep_text=True)
    except UnreadableJson as exc:
        problems.append(ImportProblem(name, None, None, None, exc.message_zh + "，整个文件未导入",
                                      exc.message_en + "; nothing from this file was imported"))
        return None
    return parse_json_objects(data, name, problems, raws)


def parse_json_objects(data: Any, source: str, problems: list[ImportProblem],
                       raws: list[str] | None = None) -> ParsedFile:
    """Parse decoded JSON (an object or a list of objects) into declarations to store.

    ``raws`` optionally holds the JSON text of each item as it stood in the file. A
    declaration without an id gets the Excel import's stable id (declarant USCC + contract
    number, :func:`~client.interchange.excel_import.stable_id`), so importing the file again
    updates the same drafts; without a contract number it gets a new one. Either way its
    JSON is written out again with the id.
    """
    items = data if isinstance(data, list) else [data]
    good: list[Declaration] = []
    rows: list[int] = []
    docs: list[str] = []
    seen: dict[str, int] = {}
    for idx, item in enumerate(items, start=1):
        decl, issues = parse_declaration(item)
        if decl is None or issues:
            for p in issues or [None]:
                problems.append(ImportProblem(
                    source, idx, None, p.field if p else None,
                    (p.message_zh if p else "不是报检单对象") + "，该报检单未导入",
                    (p.message_en if p else "not a declaration object")
                    + "; this declaration was not imported"))
            continue
        by_contract = False
        if not decl.id:
            # the Excel import's identity: the same USCC + contract updates the same draft
            if decl.contract_no:
                from ..interchange.excel_import import stable_id
                decl.id = item["id"] = stable_id(
                    decl.declarant.uscc if decl.declarant else None, decl.contract_no)
                by_contract = True
            else:
                decl.id = item["id"] = new_ulid()
            raw = None
        else:
            raw = raws[idx - 1] if raws is not None else None
        if decl.id in seen and by_contract:
            problems.append(ImportProblem(
                source, idx, None, "contract_no",
                f"合同号 {decl.contract_no} 在本文件中重复（第 {seen[decl.id]} 份已导入），"
                "该报检单未导入",
                f"contract no. {decl.contract_no} appears twice in this file (declaration "
                f"{seen[decl.id]} was imported); this declaration was not imported"))
            continue
        if decl.id in seen:  # the same id twice in one file (found by the fuzz test)
            problems.append(ImportProblem(
                source, idx, None, "id",
                f"编号 {decl.id} 在本文件中重复（第 {seen[decl.id]} 份已导入），该报检单未导入",
                f"id {decl.id} appears twice in this file (declaration {seen[decl.id]} "
                f"was imported); this declaration was not imported"))
            continue
        seen[decl.id] = idx
        good.append(decl)
        rows.append(idx)
        # the object as read: parsing it again yields exactly ``decl``
        docs.append(raw if raw is not None else
                    json.dumps(item, ensure_ascii=False, separators=(",", ":")))
    return ParsedFile(source, good, rows, docs)


def _grade_of(me: dict) -> tuple[str | None, datetime | None]:
    """The credit grade of a synced enterprise record and when it was set."""
    at = me.get("credit_grade_updated_at") or me.get("credit_grade_synced_at")
    return me.get("credit_grade"), parse_time(at)


