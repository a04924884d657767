"""Reading template workbooks and CSV files into declarations (storing them as drafts:
``importer.import_into``).

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
from typing import Any, Callable, Iterable, Iterator

from ..model import (CertificateRequest, Container, Declaration, Declarer, GoodsLine, Party,
                     SCHEMA)
from .cells import CellError, csv_unprotect, reader_for
from .columns import BY_PATH, EXPORT_ONLY, Column, labels_to_paths
from .listcells import attr_name, make_pairs, set_in
from .progress import CancelFn, ProgressFn, Ticker
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


class RowsApart(Exception):
    """A row belongs to a declaration whose earlier rows were already handed out (rows of
    one declaration apart in the sheet): read the file whole instead."""


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
    #: ``(Excel row, cell values)`` of each row, as read, until :meth:`SheetReader.read_groups`
    rows: list[tuple[int, list]] = field(default_factory=list)
    #: the list columns' values (containers, certificates) by path
    header: dict[str, Any] = field(default_factory=dict)
    #: the declaration's own fields read so far, and each party's (``_build`` adds the rest)
    kw: dict[str, Any] = field(default_factory=dict)
    parties: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: ``(Excel row, {GoodsLine attribute: value})`` of each goods line
    goods: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
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
        """Every declaration of ``rows`` with its first row (all held until the end)."""
        out: list[tuple[Declaration, int]] = []
        for part in self.parts(rows, columns, first_row, tick, None):
            out.extend(part)
        return out

    def parts(self, rows: Iterable[tuple], columns: list[tuple[int, Column]], first_row: int,
              tick: Callable[[int], None], flush_rows: int | None
              ) -> Iterator[list[tuple[Declaration, int]]]:
        """The declarations of ``rows`` in parts (:meth:`groups`, each part read by
        :meth:`read_groups`)."""
        for groups in self.groups(rows, columns, first_row, tick, flush_rows):
            yield self.read_groups(groups)

    def use_columns(self, columns: list[tuple[int, Column]]) -> None:
        """Read cells of these columns (:meth:`groups` calls it; a reader working on
        groups another reader made, in another process, calls it itself)."""
        self._idx = {col.path: ci for ci, col in columns}
        self._columns = columns
        # each header cell's place in the declaration: (field, party field or ""), or
        # ("", "") for a list column (containers, certificates), which _pairs reads whole
        self._head = [(ci, col, reader_for(col), _cache_for(col), *_split(col.path))
                      for ci, col in columns if col.part in ("header", "list")]
        # each goods cell's GoodsLine attribute (a dotted name such as producer.name stays
        # dotted: _build sets it on the object made on the way)
        self._goods = [(ci, col.path[6:], _goods_attr(col.path[6:]), reader_for(col),
                        _cache_for(col)) for ci, col in columns if col.part == "goods"]
        self._dotted = tuple(name for _ci, name, attr, _r, _c in self._goods if "." in attr)

    def groups(self, rows: Iterable[tuple], columns: list[tuple[int, Column]], first_row: int,
               tick: Callable[[int], None], flush_rows: int | None
               ) -> Iterator[list[_Group]]:
        """The rows of ``rows`` grouped into declarations (not yet read: see
        :meth:`read_groups`), in parts: every ``flush_rows`` rows, the groups whose rows
        have all been seen so far (all but the one the last row belongs to), the rest at
        the end; ``None``: one part at the end. A declaration's rows are taken to be
        together: a row that belongs to a declaration already handed out raises
        :class:`RowsApart` (the caller then reads the file whole, :meth:`read`)."""
        self.use_columns(columns)
        idx = self._idx
        id_i, contract_i = idx.get("id"), idx.get("contract_no")
        uscc_i = idx.get("declarant.uscc")
        id_read = reader_for(BY_PATH["id"])
        contract_read = reader_for(BY_PATH["contract_no"])
        uscc_read = reader_for(BY_PATH["declarant.uscc"])
        groups: dict[tuple, _Group] = {}
        by_contract: dict[str, tuple] = {}
        done: set[tuple] = set()  # keys of the declarations handed out
        current: _Group | None = None
        width = max((ci for ci, _ in columns), default=-1) + 1
        since = 0

        def cell(values, i):
            return values[i] if i is not None and i < len(values) else None

        for rno, values in enumerate(rows, start=first_row):
            tick(rno)
            since += 1
            if flush_rows is not None and since >= flush_rows and len(groups) > 1:
                finished = [g for g in groups.values() if g is not current]
                done.update(g.key for g in finished)
                groups = {current.key: current} if current is not None else {}
                since = 0
                yield finished
            if not any(v is not None and v != "" and not (isinstance(v, str) and not v.strip())
                       for v in values[:width]):
                continue
            try:
                rid = id_read(cell(values, id_i))
                contract = contract_read(cell(values, contract_i))
                uscc = uscc_read(cell(values, uscc_i))
            except CellError:  # reported when the row's header cells are read
                rid = contract = uscc = None
            if rid:
                key = ("id", rid)
            elif contract:
                key = ("c", uscc or "", contract)
                if not uscc and key not in groups and key not in done \
                        and contract in by_contract:
                    key = by_contract[contract]
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
                if key in done:
                    raise RowsApart(rno)
                if len(groups) + len(done) >= MAX_DECLARATIONS:
                    raise too_many_declarations(len(groups) + len(done) + 1)
                group = _Group(rno, key)
                groups[key] = group
                if contract:
                    by_contract[contract] = key
            group.rows.append((rno, values))
            current = group
        yield list(groups.values())

    def read_groups(self, groups: list[_Group]) -> list[tuple[Declaration, int]]:
        """The declarations of ``groups`` (in order) with their first rows; the cells of a
        group that cannot be read are reported (:attr:`problems`) and it is left out."""
        for g in groups:
            self._read_group(g)
        return self._finish(groups, self._idx)

    def _read_group(self, group: _Group) -> None:
        """Read the header cells of a group's first row and the goods cells of each row,
        each filed where :meth:`_build` takes it (:meth:`use_columns` planned where)."""
        head, goods = self._head, self._goods
        rno, values = group.rows[0]
        header, kw, parties = group.header, group.kw, group.parties
        n_values = len(values)
        for ci, col, read, cache, name, sub in head:
            v = values[ci] if ci < n_values else None
            if not v and (v is None or v == ""):  # an empty cell: None or ""
                continue
            cacheable = cache is not None and (v.__class__ is str or v.__class__ is float)
            x = cache.get(v, _MISS) if cacheable else _MISS
            if x is _MISS:
                try:
                    x = read(v)
                except CellError as exc:
                    group.problems.append(_cell_problem(rno, ci, col.path, exc))
                    continue
                if cacheable and len(cache) < _CACHE_MAX:
                    cache[v] = x
            if not name:  # a list column (containers, certificates): _pairs reads it
                header[col.path] = x
            elif x is None:
                continue
            elif sub:  # a party's field
                party = parties.get(name)
                if party is None:
                    party = parties[name] = {}
                party[sub] = x
            else:
                kw[name] = x
        for rno, values in group.rows:
            bad = self.bad_cells.get(rno) if self.bad_cells else None
            if bad:
                cols = dict(self._columns)
                for ci, exc in bad.items():
                    col = cols.get(ci)
                    if col is not None:
                        path = f"goods[{len(group.goods)}].{col.path[6:]}" \
                            if col.part == "goods" else col.path
                        group.problems.append(_cell_problem(rno, ci, path, exc))
            line: dict[str, Any] = {}
            unreadable = False
            n_values = len(values)
            # read as the header cells above are, written out again on purpose: this is
            # the import's hottest loop (half a million cells a 10,000-declaration sheet)
            # and a helper would add a call per cell
            for ci, name, attr, read, cache in goods:
                v = values[ci] if ci < n_values else None
                if not v and (v is None or v == ""):
                    continue
                cacheable = cache is not None and (v.__class__ is str or v.__class__ is float)
                x = cache.get(v, _MISS) if cacheable else _MISS
                if x is _MISS:
                    try:
                        x = read(v)
                    except CellError as exc:
                        path = f"goods[{len(group.goods)}].{name}"
                        group.problems.append(_cell_problem(rno, ci, path, exc))
                        unreadable = True
                        continue
                    if cacheable and len(cache) < _CACHE_MAX:
                        cache[v] = x
                if x is not None:
                    line[attr] = x
            if line or unreadable:
                group.goods.append((rno, line))
        group.rows = []  # read: the raw cells are not needed any more

    def _finish(self, groups: list[_Group], idx: dict[str, int]) -> list[tuple[Declaration, int]]:
        """The declarations of ``groups`` (in order); a group with problems is reported."""
        out: list[tuple[Declaration, int]] = []
        for group in groups:
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
        kw = g.kw
        parties = g.parties
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
        dotted_names = self._dotted
        for i, (_row, line) in enumerate(g.goods):
            dotted = [(n, line.pop(n)) for n in dotted_names if n in line] \
                if dotted_names else None
            if "licences" in line:
                line["licences"] = make_pairs(GoodsLine, "licences", line["licences"])
            # the rows' order is the goods order (a deleted row leaves no gap)
            line["seq"] = i + 1
            gl = GoodsLine(**line)
            if dotted:
                for name, value in dotted:
                    set_in(gl, name, value)
            lines.append(gl)
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


#: column kinds whose cells read to an immutable value (text, a number, a date, yes/no):
#: the same cell text read once per import (:func:`_cache_for`)
_CACHED_KINDS = frozenset({"str", "dec", "int", "date", "bool"})
#: distinct cell values remembered per column (a column of unique names stops growing)
_CACHE_MAX = 50_000
_MISS = object()


def _cache_for(col: Column) -> dict | None:
    """An empty ``{cell value: value read}`` memo for a column whose reader is a pure
    function of the cell to an immutable value (codes, names, amounts, dates repeat over
    thousands of rows), else None. Only ``str`` and ``float`` cells are remembered (a
    ``True`` cell would share a key with ``1.0``); cells that cannot be read are not."""
    return {} if col.kind in _CACHED_KINDS else None


_LIST = ("", "")


def _split(path: str) -> tuple[str, str]:
    """Where a header column's value goes: ``(field, "")``, ``(party, party field)``, or
    :data:`_LIST` for a list column (containers, certificates)."""
    if path.startswith(("containers.", "certificates.")):
        return _LIST
    head, _dot, tail = path.partition(".")
    return head, tail


def _goods_attr(name: str) -> str:
    """The GoodsLine attribute a goods column sets (a dotted name stays as it is)."""
    return name if "." in name else attr_name(name)


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
    contract = g.kw.get("contract_no")
    if lang == "en":
        return f"the declaration of contract {contract}" if contract else \
            f"the declaration starting on row {g.first_row}"
    return f"合同号 {contract} 的报检单" if contract else f"第 {g.first_row} 行起的报检单"


# ----------------------------------------------------------------------------- sources

def _xlsx_rows(path: Path, chunked: bool = True):
    """``(row iterator, row count or None, sheet title, close, other template sheets)``."""
    from .xlsx_rows import open_xlsx
    return open_xlsx(path, chunked=chunked)


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


@dataclass
class _Sheet:
    """An opened source: its reader (header row mapped), its data rows and how to close it."""

    reader: SheetReader
    rows: Iterable[tuple]
    columns: list[tuple[int, Column]]
    first_row: int
    total: int | None
    close: Callable[[], None]


def _open(path: Path, chunked: bool = True) -> _Sheet:
    """Open ``path`` and map its header row; raises :class:`UnreadableFile`. ``chunked``:
    a large sheet is read in chunks (:mod:`.xlsx_rows`; its rows may raise
    :class:`~.xlsx_rows.ReadWhole`)."""
    if path.suffix.lower() == ".xls":
        raise UnreadableFile("不支持旧版 Excel 文件（.xls），请在 Excel 中“另存为”.xlsx 后再导入",
                             "old Excel files (.xls) are not supported: save as .xlsx first")
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        rows, total, title, close, ignored, bad = _csv_rows(path)
    else:
        rows, total, title, close, ignored = _xlsx_rows(path, chunked)
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
    except BaseException:
        close()
        raise
    start, columns = found

    def rest():
        yield from head[start:]
        yield from rows
    return _Sheet(reader, rest(), columns, start + 1, total, close)


def _read(path: Path, progress: ProgressFn, cancel: CancelFn, chunked: bool = True):
    from .xlsx_rows import ReadWhole
    try:
        sheet = _open(path, chunked)
    except ReadWhole as exc:
        log.info("%s: %s; reading the sheet in one piece", path.name, exc)
        return _read(path, progress, cancel, chunked=False)
    try:
        tick = Ticker(progress, cancel, sheet.total or 0, "正在读取", every=500)
        decls = sheet.reader.read(sheet.rows, sheet.columns, sheet.first_row, tick)
        tick.finish()
        return decls, sheet.reader.problems
    except ReadWhole as exc:
        log.info("%s: %s; reading the sheet in one piece", path.name, exc)
    finally:
        sheet.close()
    return _read(path, progress, cancel, chunked=False)
