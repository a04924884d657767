"""Reading template workbooks and CSV files into declarations, and importing them as drafts.

Rules (the user guide is ``docs/batch.md``):

* The columns are found by the field paths in a header row (row 2 of the template); a
  sheet whose path row was deleted is read by its Chinese (or English) labels instead.
* One row per goods line. Rows with the same ``id`` form one declaration; when ``id`` is
  empty, rows with the same ``contract_no`` (and declarant USCC) do; a row whose id and
  contract cells are both blank continues the declaration above. Header fields, containers
  and certificates come from a declaration's first row.
* A cell that cannot be read is reported with its Excel row and column (row 17, column
  ``K``) and its declaration is not imported; every other declaration is.
* **Stable ids.** A declaration with an empty ``id`` gets
  ``uuid5(IMPORT_NAMESPACE, "<declarant USCC>\\x1f<contract_no>")``, so importing the same
  file again updates the same drafts instead of adding copies. An ``id`` that is not a
  ULID or UUID (a broker's own label such as ``A-17``) is kept stable the same way:
  ``uuid5(IMPORT_NAMESPACE, "label\\x1f<declarant USCC>\\x1f<label>")``.
* Goods lines are numbered by their rows' order (the ``goods.seq`` column is only
  informative), so deleting or inserting a row never leaves a gap.
* Blank cells get the defaults of a new draft: clearance mode ``standard``, not
  e-commerce, marks ``N/M``; a blank ``direction`` takes the direction of a template made
  with ``--direction`` (its sheet is named 入境报检/出境报检).
"""
from __future__ import annotations

import csv
import io
import logging
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from ..model import (CertificateRequest, Container, Declaration, Declarer, GoodsLine, Party,
                     SCHEMA)
from .cells import CellError, csv_unprotect, reader_for
from .columns import BY_PATH, EXPORT_ONLY, Column, labels_to_paths
from .listcells import make_pairs, set_in
from .progress import CancelFn, Cancelled, ProgressFn, Ticker
from .workbook_limits import (MAX_DECLARATIONS, MAX_PART_BYTES, MAX_ROWS, FileTooLarge,
                              UnreadableFile, too_many_declarations,
                              too_many_rows)

log = logging.getLogger(__name__)

#: namespace of the stable ids of imported declarations without an id (never change it):
#: ``uuid5(NAMESPACE_URL, "urn:ciqdesk:import:declaration")``
IMPORT_NAMESPACE = uuid.UUID("d265b0ef-2bf6-590e-8a18-8cdb39c8c73b")

_ULID_RE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{26}$")
_UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_PARTIES = ("declarant", "agent", "consignee", "consignor")


def stable_id(declarant_uscc: str | None, contract_no: str) -> str:
    """The id an imported declaration without one gets: the same for the same USCC + contract."""
    return str(uuid.uuid5(IMPORT_NAMESPACE, f"{declarant_uscc or ''}\x1f{contract_no}"))


def label_id(declarant_uscc: str | None, label: str) -> str:
    """The stable id for a declaration whose ``id`` cell holds a label, not a ULID/UUID."""
    return str(uuid.uuid5(IMPORT_NAMESPACE, f"label\x1f{declarant_uscc or ''}\x1f{label}"))


def column_letter(index: int) -> str:
    """0-based column index → Excel letters (0 → ``A``, 26 → ``AA``)."""
    n = index + 1
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


@dataclass(frozen=True, slots=True)
class Problem:
    """A cell or row that could not be read (converted to an ``ImportProblem`` by callers)."""

    row: int | None
    column: str | None
    field: str | None
    message: str
    message_en: str


@dataclass
class _Group:
    """The rows of one declaration being read."""

    first_row: int
    key: tuple
    header: dict[str, Any] = field(default_factory=dict)
    goods: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class SheetReader:
    """Turns the rows of one sheet (any source of value tuples) into declarations."""

    def __init__(self, default_direction: str | None = None):
        self.default_direction = default_direction
        self.problems: list[Problem] = []
        #: ``row → {column index: CellError}``: cells the source could not even hold
        #: (a CSV field over the csv module's limit); reported like any unreadable cell
        self.bad_cells: dict[int, dict[int, CellError]] = {}

    # -- header row ------------------------------------------------------------
    def map_columns(self, header_rows: list[tuple]) -> tuple[int, list[tuple[int, Column]]] | None:
        """Find the header row among the first rows; returns (data start index, columns)."""
        for i, row in enumerate(header_rows):
            paths = [_as_path(v) for v in row]
            if sum(1 for p in paths if p in BY_PATH) >= 3:
                return i + 1, self._columns(i, paths)
        labels = labels_to_paths()
        for i, row in enumerate(header_rows):
            paths = [labels.get(v.strip()) if isinstance(v, str) else None for v in row]
            if sum(1 for p in paths if p) >= 3:
                # a path row right under the labels wins (it is the template's row 2)
                return i + 1, self._columns(i, [p or "" for p in paths])
        return None

    def _columns(self, row_index: int, paths: list[str | None]) -> list[tuple[int, Column]]:
        out: list[tuple[int, Column]] = []
        seen: dict[str, int] = {}
        for ci, p in enumerate(paths):
            if not p or p in EXPORT_ONLY:
                continue
            col = BY_PATH.get(p)
            if col is None:
                self.problems.append(Problem(
                    row_index + 1, column_letter(ci), None,
                    f"不认识的列“{p}”，该列未导入（字段名见模板第2行）",
                    f"unknown column {p!r} was not imported (see row 2 of the template)"))
                continue
            if p in seen:
                self.problems.append(Problem(
                    row_index + 1, column_letter(ci), p,
                    f"“{p}”列重复（已在 {column_letter(seen[p])} 列），此列未导入",
                    f"column {p!r} repeats column {column_letter(seen[p])}; ignored"))
                continue
            seen[p] = ci
            out.append((ci, col))
        return out

    # -- data rows ---------------------------------------------------------------
    def read(self, rows: Iterable[tuple], columns: list[tuple[int, Column]], first_row: int,
             tick: Callable[[int], None]) -> list[tuple[Declaration, int]]:
        idx = {col.path: ci for ci, col in columns}
        id_i, contract_i = idx.get("id"), idx.get("contract_no")
        uscc_i = idx.get("declarant.uscc")
        head = [(ci, col, reader_for(col)) for ci, col in columns if col.part in ("header", "list")]
        goods = [(ci, col.path[6:], col, reader_for(col)) for ci, col in columns
                 if col.part == "goods"]
        id_read = reader_for(BY_PATH["id"])
        contract_read = reader_for(BY_PATH["contract_no"])
        uscc_read = reader_for(BY_PATH["declarant.uscc"])
        groups: dict[tuple, _Group] = {}
        by_contract: dict[str, _Group] = {}
        current: _Group | None = None
        width = max((ci for ci, _ in columns), default=-1) + 1

        def cell(values, i):
            return values[i] if i is not None and i < len(values) else None

        for rno, values in enumerate(rows, start=first_row):
            tick(rno)
            if not any(v is not None and v != "" and not (isinstance(v, str) and not v.strip())
                       for v in values[:width]):
                continue
            try:
                rid = id_read(cell(values, id_i))
                contract = contract_read(cell(values, contract_i))
                uscc = uscc_read(cell(values, uscc_i))
            except CellError:  # reported when the row's header cells are read below
                rid = contract = uscc = None
            if rid:
                key = ("id", rid)
            elif contract:
                key = ("c", uscc or "", contract)
                if not uscc and key not in groups and contract in by_contract:
                    key = by_contract[contract].key
            else:
                if current is None:
                    self.problems.append(Problem(
                        rno, None, None,
                        f"第 {rno} 行没有本地编号和合同号，也不在任何报检单之下，未导入",
                        f"row {rno} has no id or contract no. and follows no declaration; "
                        f"not imported"))
                    continue
                key = current.key
            group = groups.get(key)
            if group is None:
                if len(groups) >= MAX_DECLARATIONS:
                    raise too_many_declarations(len(groups) + 1)
                group = _Group(rno, key)
                groups[key] = group
                if contract:
                    by_contract[contract] = group
                for ci, col, read in head:
                    v = values[ci] if ci < len(values) else None
                    if not v and (v is None or v == ""):  # an empty cell: None or ""
                        continue
                    try:
                        group.header[col.path] = read(v)
                    except CellError as exc:
                        group.problems.append(_cell_problem(rno, ci, col.path, exc))
            current = group
            bad = self.bad_cells.get(rno) if self.bad_cells else None
            if bad:
                cols = dict(columns)
                for ci, exc in bad.items():
                    col = cols.get(ci)
                    if col is not None:
                        path = f"goods[{len(group.goods)}].{col.path[6:]}" \
                            if col.part == "goods" else col.path
                        group.problems.append(_cell_problem(rno, ci, path, exc))
            line: dict[str, Any] = {}
            for ci, name, col, read in goods:
                v = values[ci] if ci < len(values) else None
                if not v and (v is None or v == ""):
                    continue
                try:
                    x = read(v)
                except CellError as exc:
                    path = f"goods[{len(group.goods)}].{name}"
                    group.problems.append(_cell_problem(rno, ci, path, exc))
                    x = None
                    line.setdefault("_bad", True)
                if x is not None:
                    line[name] = x
            if line:
                line["_row"] = rno
                group.goods.append(line)
        out: list[tuple[Declaration, int]] = []
        for group in groups.values():
            decl = self._build(group, idx)
            if group.problems:
                who = _who(group)
                for p in group.problems:
                    self.problems.append(Problem(
                        p.row, p.column, p.field, f"{p.message}；{who}未导入",
                        f"{p.message_en}; {_who(group, 'en')} was not imported"))
                continue
            out.append((decl, group.first_row))
        return out

    def _build(self, g: _Group, idx: dict[str, int]) -> Declaration:
        h = g.header
        kw: dict[str, Any] = {}
        parties: dict[str, dict] = {}
        for path, value in h.items():
            if value is None or path.startswith(("containers.", "certificates.")):
                continue
            head, dot, tail = path.partition(".")
            if dot:
                parties.setdefault(head, {})[tail] = value
            else:
                kw[head] = value
        for name in _PARTIES:
            p = parties.get(name)
            if p or name != "agent":
                kw[name] = Party(**(p or {}))
        kw["declarer"] = Declarer(**parties.get("declarer", {}))
        kw.setdefault("direction", self.default_direction)
        kw.setdefault("clearance_mode", "standard")
        kw.setdefault("ecommerce", False)
        kw.setdefault("marks", "N/M")
        kw["containers"] = self._pairs(g, idx, "containers", ("number", "size_type"), Container)
        if not kw["containers"] and g.header.get("containers.goods_seqs"):
            kw["containers"] = [Container() for _ in g.header["containers.goods_seqs"]]
        kw["certificates"] = self._pairs(g, idx, "certificates", ("type", "originals", "copies"),
                                         CertificateRequest)
        lines = []
        if kw.get("enterprise_qualifications"):
            kw["enterprise_qualifications"] = make_pairs(
                Declaration, "enterprise_qualifications", kw["enterprise_qualifications"])
        groups = g.header.get("containers.goods_seqs") or []
        for c, seqs in zip(kw["containers"], groups):
            c.goods_seqs = seqs
        for i, line in enumerate(g.goods):
            row = line.pop("_row")
            line.pop("_bad", None)
            gl = GoodsLine()
            for name, value in line.items():
                if name == "licences":
                    value = make_pairs(GoodsLine, name, value)
                set_in(gl, name, value)
            gl.seq = i + 1  # the rows' order is the goods order (a deleted row leaves no gap)
            lines.append(gl)
            line["_row"] = row
        kw["goods"] = lines
        uscc = kw["declarant"].uscc
        rid = kw.pop("id", None)
        if rid and _ULID_RE.match(rid.upper()):
            decl_id = rid.upper()
        elif rid and _UUID_RE.match(rid):
            decl_id = rid.lower()
        elif rid:
            decl_id = label_id(uscc, rid)
        else:
            decl_id = stable_id(uscc, kw.get("contract_no") or "")
        return Declaration(id=decl_id, schema=SCHEMA, **kw)

    @staticmethod
    def _pairs(g: _Group, idx: dict[str, int], lst: str, names: tuple, cls) -> list:
        values = {n: g.header.get(f"{lst}.{n}") or [] for n in names}
        n = max(len(v) for v in values.values())
        for name, items in values.items():
            if len(items) == 1 and n > 1:
                values[name] = items * n
            elif items and len(items) != n:
                col = idx.get(f"{lst}.{name}")
                g.problems.append(Problem(
                    g.first_row, column_letter(col) if col is not None else None,
                    f"{lst}", f"{BY_PATH[f'{lst}.{name}'].label()}有 {len(items)} 项，"
                    f"与同一报检单的其他{'集装箱' if lst == 'containers' else '证单'}列（{n} 项）对不上",
                    f"{lst}.{name} lists {len(items)} items where the other {lst} columns list {n}"))
                return []
        return [cls(**{k: (values[k][i] if values[k] else None) for k in names}) for i in range(n)]


def _as_path(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    p = value.strip()
    return p.replace("[]", "") if "[]." in p else p


def _cell_problem(row: int, ci: int, path: str, exc: CellError) -> Problem:
    from ..fields import label
    return Problem(row, column_letter(ci), path, f"{label(path)}：{exc.message_zh}",
                   f"{label(path, 'en')}: {exc.message_en}")


def _who(g: _Group, lang: str = "zh") -> str:
    contract = g.header.get("contract_no")
    if lang == "en":
        return f"the declaration of contract {contract}" if contract else \
            f"the declaration starting on row {g.first_row}"
    return f"合同号 {contract} 的报检单" if contract else f"第 {g.first_row} 行起的报检单"


# ----------------------------------------------------------------------------- sources

def _xlsx_rows(path: Path):
    """``(row iterator, row count or None, sheet title, close, other template sheets)``."""
    from .xlsx_rows import open_xlsx
    return open_xlsx(path)


def _csv_rows(path: Path):
    try:
        if path.stat().st_size > MAX_PART_BYTES:
            raise FileTooLarge(
                f"CSV 文件有 {path.stat().st_size / 2**20:.0f} MB，超过 {MAX_PART_BYTES // 2**20} MB "
                f"的上限；请分成几个文件再导入",
                f"the CSV file is {path.stat().st_size / 2**20:.0f} MB, over the limit of "
                f"{MAX_PART_BYTES // 2**20} MB; split it into several files")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile("文件不存在", "file not found") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise UnreadableFile("无法识别文件编码，请保存为 UTF-8 或 GBK 编码的 CSV",
                                 "unknown encoding: save the CSV as UTF-8 or GBK") from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    lines = _csv_lines(text, delimiter)
    if len(lines) > MAX_ROWS:
        raise too_many_rows(len(lines))
    bad: dict[int, dict[int, CellError]] = {}
    for rno, r in enumerate(lines, start=1):
        for ci, v in enumerate(r):
            if len(v) > _CSV_FIELD_LIMIT:
                bad.setdefault(rno, {})[ci] = CellError(
                    f"内容有 {len(v):,} 个字符，超过每格 {_CSV_FIELD_LIMIT:,} 个字符的上限",
                    f"the cell holds {len(v):,} characters, over the limit of "
                    f"{_CSV_FIELD_LIMIT:,} per cell")
                r[ci] = ""
    rows = (tuple(csv_unprotect(v) if v != "" else None for v in r) for r in lines)
    return rows, len(lines), "", lambda: None, [], bad


#: the longest CSV field read (the csv module's default field limit)
_CSV_FIELD_LIMIT = 131_072


def _csv_lines(text: str, delimiter: str) -> list[list[str]]:
    """All rows of a CSV text; a field over the csv module's limit is kept for a cell error.

    The whole text is already in memory, so no field can be longer than it: the limit is
    lifted to the text's length for this read and put back afterwards.
    """
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, len(text) + 1))
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise UnreadableFile(f"CSV 格式错误：{exc}", f"broken CSV: {exc}") from None
    finally:
        csv.field_size_limit(old)


_DIRECTION_BY_TITLE = {"入境报检": "inbound", "出境报检": "outbound"}


def read_workbook(path: str | Path, progress: ProgressFn = None, cancel: CancelFn = None
                  ) -> tuple[list[tuple[Declaration, int]], list]:
    """Read a template ``.xlsx`` or ``.csv`` file.

    Returns ``(declarations with their first source row, problems)``; problems are
    :class:`~client.services.desk.ImportProblem` objects (row/column as Excel names them).
    Raises :class:`~.progress.Cancelled` when ``cancel()`` turns true; nothing is kept.
    """
    from ..services.desk import ImportProblem

    path = Path(path)
    name = str(path)
    try:
        decls, problems = _read(path, progress, cancel)
    except UnreadableFile as exc:
        return [], [ImportProblem(name, None, None, None, exc.message_zh + "，整个文件未导入",
                                  exc.message_en + "; nothing from this file was imported")]
    return decls, [ImportProblem(name, p.row, p.column, p.field, p.message, p.message_en)
                   for p in problems]


def _read(path: Path, progress: ProgressFn, cancel: CancelFn):
    if path.suffix.lower() == ".xls":
        raise UnreadableFile("不支持旧版 Excel 文件（.xls），请在 Excel 中“另存为”.xlsx 后再导入",
                             "old Excel files (.xls) are not supported: save as .xlsx first")
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        rows, total, title, close, ignored, bad = _csv_rows(path)
    else:
        rows, total, title, close, ignored = _xlsx_rows(path)
        bad = {}
    try:
        reader = SheetReader(_DIRECTION_BY_TITLE.get(title))
        reader.bad_cells = bad
        for name in ignored:
            reader.problems.append(Problem(
                None, None, None,
                f"只导入第一张工作表“{title}”；工作表“{name}”未导入，请把它移到单独的文件中再导入",
                f"only the first sheet ({title}) is imported; sheet {name!r} was not: put it in "
                f"a file of its own"))
        head: list[tuple] = []
        for r in rows:
            head.append(r)
            if len(head) >= 5:
                break
        found = reader.map_columns(head)
        if found is None:
            raise UnreadableFile("找不到表头（模板第2行的字段名或第1行的中文列名）",
                                 "no header row (field paths of row 2 or the labels of row 1)")
        start, columns = found

        def rest():
            yield from head[start:]
            yield from rows
        tick = Ticker(progress, cancel, total or 0, "正在读取", every=500)
        decls = reader.read(rest(), columns, start + 1, tick)
        tick.finish()
        return decls, reader.problems
    finally:
        close()


def import_into(desk, path: str | Path, report, progress: ProgressFn = None,
                cancel: CancelFn = None, *, validate: bool = False):
    """Import a template ``.xlsx``/``.csv`` file as drafts, filling ``report``.

    Readable declarations are saved in one transaction (new drafts, or updates of drafts
    with the same id); a cancel before that transaction stores nothing and raises
    :class:`~.progress.Cancelled`. With ``validate`` the stored drafts are also validated
    (from the objects just read, without loading them again) and the results kept for
    the editor's markers, as ``Desk.validate_ids`` would.
    """
    from ..perf import paused_gc
    with paused_gc():
        return _import_into(desk, path, report, progress, cancel, validate=validate)


def _import_into(desk, path: str | Path, report, progress: ProgressFn, cancel: CancelFn, *,
                 validate: bool):
    path = Path(path)
    decls, problems = read_workbook(path, progress, cancel)
    report.errors.extend(problems)
    if any(p.row is None and p.column is None for p in problems) and not decls:
        report.files_refused += 1
        return report
    if cancel is not None and cancel():
        raise Cancelled()
    if progress is not None:
        progress(0, len(decls), "正在保存")
    before = set(report.imported) | set(report.updated)
    from ..model import dumps_compact
    docs = {d.id: dumps_compact(d) for d, _ in decls}  # written once, compared once
    desk.store_imported([d for d, _ in decls], [r for _, r in decls], str(path), report,
                        docs=[docs[d.id] for d, _ in decls])
    if progress is not None:
        progress(len(decls), len(decls), "正在保存")
    if validate:
        stored = (set(report.imported) | set(report.updated)) - before
        keep_validation(desk, [d for d, _ in decls if d.id in stored], progress, docs=docs)
    log.info("imported %s: %d declarations, %d problems", path.name, len(decls), len(problems))
    return report


def keep_validation(desk, decls: list[Declaration], progress: ProgressFn = None, *,
                    docs: dict[str, str] | None = None) -> None:
    """Validate declarations just saved and store each result (bulk, one transaction).

    A result is stored only where the stored document is still exactly the declaration
    validated (a draft edited meanwhile keeps "not validated since the last change");
    ``docs`` are the documents as stored (each declaration's :func:`dumps_compact`).
    """
    import json

    from sqlalchemy import bindparam, select, update

    from ..model import dumps_compact
    from ..rules import validate
    from ..store import schema as s

    ctx = desk.rule_context()
    tick = Ticker(progress, None, len(decls), "正在校验", every=500)
    results = {}
    for i, d in enumerate(decls):
        tick(i)
        results[d.id] = (d, [x.to_dict() for x in validate(d, ctx)])
    t = s.declarations
    stmt = update(t).where(t.c.id == bindparam("b_id")).values(
        valid=bindparam("b_valid"), error_count=bindparam("b_errors"),
        warning_count=bindparam("b_warnings"), issues=bindparam("b_issues"),
        validated_rev=bindparam("b_rev"))
    ids = list(results)
    with desk.db.write() as conn:
        for k in range(0, len(ids), 500):
            chunk = ids[k:k + 500]
            params = []
            for did, rev, doc in conn.execute(select(t.c.id, t.c.local_rev, t.c.doc)
                                              .where(t.c.id.in_(chunk))):
                decl, issues = results[did]
                if doc != (docs[did] if docs is not None and did in docs
                           else dumps_compact(decl)):
                    continue
                errors = sum(1 for x in issues if x["severity"] == "error")
                params.append({"b_id": did, "b_valid": int(errors == 0), "b_errors": errors,
                               "b_warnings": len(issues) - errors, "b_rev": rev,
                               "b_issues": json.dumps(issues, ensure_ascii=False)})
            if params:
                conn.execute(stmt, params)
    tick.finish()
