"""Writing the template workbook (blank, filled with declarations, or as an error report).

Workbooks are written with openpyxl's write-only mode, so a 20,000-row export streams to
disk instead of building every cell in memory. Sheet 1 is the template (labels, paths,
data from row 3); sheet 2, ``代码表``, holds the code tables the drop-down lists point at.
CSV files carry the same two header rows and columns (UTF-8 with a BOM, which Excel needs
to show Chinese correctly).

Text that would start a formula (``=``, ``+``, ``-``, ``@``, tab, CR) is never live: in a
workbook it is an explicit text cell with Excel's quote prefix, in CSV it gets a leading
apostrophe (:func:`~.cells.csv_protect`, undone on import). Excel holds at most 32,767
characters in a cell; a longer text is cut there and each cut is reported as a
:class:`CellWarning`.
"""
from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..codes import CodeBook
from ..model import Declaration
from ..lifecycle import status_name
from .cells import csv_protect, formula_like
from .columns import CODE_LISTS, FIXED_LISTS, Column
from .listcells import format_codes, format_pairs, format_seq_groups, get_in
from .progress import CancelFn, ProgressFn, Ticker

log = logging.getLogger(__name__)

CODE_SHEET = "代码表"
SHEET_TITLES = {"inbound": "入境报检", "outbound": "出境报检", None: "报检单"}
_HEADER_FILL = "DDEBF7"
_INFO_FILL = "E7E6E6"
_ERROR_FILL = "FFC7CE"
#: the most characters Excel keeps in one cell (openpyxl cuts longer text there)
CELL_TEXT_LIMIT = 32767


@dataclass(frozen=True, slots=True)
class CellWarning:
    """A cell the export had to change: its declaration, field path and full length."""

    declaration_id: str | None
    field: str
    length: int

    @property
    def message_zh(self) -> str:
        from ..fields import label
        return (f"报检单 {self.declaration_id or '?'} 的“{label(self.field)}”有 {self.length} 个字符，"
                f"超过 Excel 单元格上限 {CELL_TEXT_LIMIT}，导出时已截断")

    @property
    def message_en(self) -> str:
        from ..fields import label
        return (f"declaration {self.declaration_id or '?'}: {label(self.field, 'en')} has "
                f"{self.length} characters, more than an Excel cell holds ({CELL_TEXT_LIMIT}); "
                f"it was cut in the export")


@dataclass(slots=True)
class SheetRow:
    """One data row: values aligned with the columns, and cell notes by column index."""

    values: list
    notes: dict[int, str] | None = None


def _cell_value(value):
    """What goes into a cell: numbers stay numbers when Excel can hold them exactly."""
    if isinstance(value, Decimal):
        if len(value.as_tuple().digits) <= 15:
            return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 \
                else float(value)
        return format(value, "f")
    if isinstance(value, bool):
        return "是" if value else "否"
    return value


def _joined(items: Iterable) -> str | None:
    parts = ["" if v is None else str(v) for v in items]
    return ",".join(parts) if any(parts) else None


def declaration_rows(decl: Declaration, columns: Sequence[Column], *,
                     status: str | None = None, issues_text: str | None = None,
                     lang: str = "zh") -> list[list]:
    """The rows of one declaration: header on its first row, one row per goods line.

    Values are the model's (``Decimal``, ``date``, ``bool``, text); each writer turns them
    into cells (Excel numbers where exact, 是/否) or CSV text (plain decimals).

    The id is repeated on every row so that sorting or filtering the sheet cannot detach a
    goods line from its declaration.
    """
    n = max(1, len(decl.goods))
    rows = [[None] * len(columns) for _ in range(n)]
    for ci, col in enumerate(columns):
        path = col.path
        if col.part == "goods":
            name = path[6:]
            for ri, g in enumerate(decl.goods):
                v = get_in(g, name)
                rows[ri][ci] = (format_codes(v) or None) if col.kind == "codes" else \
                    (format_pairs(v) or None) if col.kind == "pairs" else v
            continue
        if path == "id":
            for r in rows:
                r[ci] = decl.id
            continue
        if path == "status":
            value = status_name(status, lang) if status else None
        elif path == "issues":
            value = issues_text
        elif col.kind == "pairs":
            value = format_pairs(getattr(decl, path)) or None
        elif col.kind == "groups":
            value = format_seq_groups(c.goods_seqs for c in decl.containers) or None
        elif col.part == "list":
            lst, _, name = path.partition(".")
            value = _joined(getattr(x, name) for x in getattr(decl, lst))
        elif "." in path:
            obj_name, _, name = path.partition(".")
            obj = getattr(decl, obj_name)
            value = getattr(obj, name) if obj is not None else None
        else:
            value = getattr(decl, path)
        rows[0][ci] = value
    return rows


class WorkbookWriter:
    """Streams one template workbook to ``path``; add rows, then :meth:`close`."""

    def __init__(self, path: Path, columns: Sequence[Column], codes: CodeBook, *,
                 direction: str | None = None, lang: str = "zh"):
        from openpyxl import Workbook

        self.path = Path(path)
        self.columns = list(columns)
        self.codes = codes
        self.lang = lang
        self.wb = Workbook(write_only=True)
        self.ws = self.wb.create_sheet(SHEET_TITLES.get(direction, SHEET_TITLES[None]))
        self.rows_written = 0
        self.warnings: list[CellWarning] = []
        self._id_col = next((i for i, c in enumerate(self.columns) if c.path == "id"), None)
        self._setup()

    def _text_cell(self, value: str):
        """A cell holding ``value`` as text even if it looks like a formula."""
        return self._text_cell_in(self.ws, value)

    @staticmethod
    def _text_cell_in(ws, value: str):
        from openpyxl.cell import WriteOnlyCell

        c = WriteOnlyCell(ws, value)
        c.data_type = "s"  # openpyxl makes "=..." a formula otherwise
        c.quotePrefix = True  # and Excel keeps it text when the cell is edited
        return c

    def _guard_texts(self, out: list) -> None:
        """Neutralise formula-like text in ``out`` and note texts longer than a cell holds."""
        for ci, v in enumerate(out):
            if not isinstance(v, str) or not v:
                continue
            if len(v) > CELL_TEXT_LIMIT:
                did = out[self._id_col] if self._id_col is not None else None
                w = CellWarning(did if isinstance(did, str) else None,
                                self.columns[ci].path if ci < len(self.columns) else str(ci),
                                len(v))
                self.warnings.append(w)
                log.warning("%s", w.message_en)
            if formula_like(v):
                out[ci] = self._text_cell(v)

    def _setup(self) -> None:
        from openpyxl.comments import Comment  # noqa: F401 - imported for cells with notes
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter
        from openpyxl.cell import WriteOnlyCell

        ws = self.ws
        self._letters = [get_column_letter(i + 1) for i in range(len(self.columns))]
        for letter, col in zip(self._letters, self.columns):
            dim = ws.column_dimensions[letter]
            dim.width = col.width
            if col.kind == "date":
                dim.number_format = "yyyy-mm-dd"
            elif col.kind in ("str", "list:str", "list:int"):
                dim.number_format = "@"  # keeps leading zeros of codes typed by hand
        ws.freeze_panes = "A3"
        head_font = Font(bold=True)
        path_font = Font(color="808080", size=9)
        fill = PatternFill("solid", fgColor=_HEADER_FILL)
        info_fill = PatternFill("solid", fgColor=_INFO_FILL)
        wrap = Alignment(wrap_text=True, vertical="center")
        row1, row2 = [], []
        for col in self.columns:
            c = WriteOnlyCell(ws, col.label(self.lang))
            c.font = head_font
            c.fill = info_fill if col.part == "info" else fill
            c.alignment = wrap
            row1.append(c)
            p = WriteOnlyCell(ws, col.path)
            p.font = path_font
            row2.append(p)
        ws.append(row1)
        ws.append(row2)
        self.rows_written = 2
        self._error_fill = PatternFill("solid", fgColor=_ERROR_FILL)
        self._date_cells: list[int] = [i for i, c in enumerate(self.columns) if c.kind == "date"]
        self._lists = self._write_code_sheet()

    def _write_code_sheet(self) -> None:
        """Sheet 2 with one column per code list; data validations point at its ranges."""
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.datavalidation import DataValidation

        wanted: list[str] = []
        for col in self.columns:
            name = CODE_LISTS.get(col.path)
            if name and name not in wanted:
                wanted.append(name)
        sheet = self.wb.create_sheet(CODE_SHEET)
        lists: list[list[str]] = []
        for name in wanted:
            if name in FIXED_LISTS:
                lists.append([f"{c} {n}".strip() for c, n in FIXED_LISTS[name]])
            else:
                lists.append([e.label("zh") for e in self.codes.table(name).entries])
        titles = [_LIST_TITLES.get(n, n) for n in wanted]
        sheet.append(titles)
        longest = max((len(x) for x in lists), default=0)
        for i in range(longest):
            sheet.append([(self._text_cell_in(sheet, lst[i]) if formula_like(lst[i]) else lst[i])
                          if i < len(lst) else None for lst in lists])
        for i in range(len(wanted)):
            sheet.column_dimensions[get_column_letter(i + 1)].width = 30
        ranges = {}
        for i, (name, lst) in enumerate(zip(wanted, lists)):
            letter = get_column_letter(i + 1)
            ranges[name] = f"'{CODE_SHEET}'!${letter}$2:${letter}${len(lst) + 1}"
        for letter, col in zip(self._letters, self.columns):
            name = CODE_LISTS.get(col.path)
            if not name:
                continue
            # a suggestion list, not a lock: a bare code ("310000") is as good as the entry
            dv = DataValidation(type="list", formula1=ranges[name], allow_blank=True,
                                showErrorMessage=False)
            dv.add(f"{letter}3:{letter}1048576")
            self.ws.data_validations.append(dv)

    def add_rows(self, rows: Iterable[list], notes: dict[tuple[int, int], str] | None = None
                 ) -> None:
        """Append data rows; ``notes[(row_offset, col_index)]`` highlights a cell with a comment."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import Cell
        from openpyxl.comments import Comment

        ws = self.ws
        for ri, values in enumerate(rows):
            out = [_cell_value(v) if isinstance(v, (Decimal, bool)) else v for v in values]
            self._guard_texts(out)
            for ci in self._date_cells:
                v = out[ci]
                if isinstance(v, date):
                    c = WriteOnlyCell(ws, v)
                    c.number_format = "yyyy-mm-dd"
                    out[ci] = c
            if notes:
                for (r, ci), text in notes.items():
                    if r != ri:
                        continue
                    v = out[ci]
                    c = v if isinstance(v, Cell) else WriteOnlyCell(ws, v)
                    c.fill = self._error_fill
                    comment = Comment(text, "CIQ Desk")
                    comment.width = 320
                    comment.height = max(80, 20 * (text.count("\n") + 2))
                    c.comment = comment
                    out[ci] = c
            ws.append(out)
            self.rows_written += 1

    def discard(self) -> None:
        """Give up the workbook (after a cancel or an error): no file, no temporary left."""
        for ws in self.wb.worksheets:
            writer = getattr(ws, "_writer", None)
            if writer is None:
                continue
            rows = getattr(ws, "_rows", None)
            try:
                if rows is not None:  # end the row stream first, then the sheet's XML
                    rows.close()
                writer.close()
            except Exception:  # noqa: BLE001 - the stream may be half-written already
                log.debug("closing an abandoned sheet stream failed", exc_info=True)
            ws._rows = None
            out = getattr(writer, "out", None)
            if isinstance(out, str):
                Path(out).unlink(missing_ok=True)

    def close(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".part")
        self.wb.save(tmp)
        tmp.replace(self.path)  # a half-written workbook never takes the real name
        log.info("wrote %s (%d rows)", self.path, self.rows_written)


_LIST_TITLES = {"@direction": "出入境", "@clearance_mode": "通关模式", "@yesno": "是/否",
                "inspection_types": "报检类别", "bureaus": "检验检疫机构",
                "transport_modes": "运输方式", "trade_modes": "贸易方式", "countries": "国家/地区",
                "districts": "行政区划", "purposes": "用途", "units": "计量单位",
                "currencies": "币制", "package_types": "包装种类"}


def write_template(path: Path, codes: CodeBook, *, direction: str | None = None,
                   columns: Sequence[Column] | None = None) -> Path:
    """A blank template (``.xlsx``, or ``.csv`` with just the two header rows).

    ``direction`` ``inbound``/``outbound`` leaves out the other direction's fields.
    """
    from .columns import columns_for

    path = Path(path)
    columns = list(columns) if columns is not None else columns_for(direction)
    if path.suffix.lower() == ".csv":
        write_csv(path, columns, [])
        return path
    w = WorkbookWriter(path, columns, codes, direction=direction)
    w.close()
    return path


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return csv_protect(str(value))


def write_csv(path: Path, columns: Sequence[Column], rows: Iterable[list], lang: str = "zh"
              ) -> Path:
    """The same columns as CSV: label row, path row, data (UTF-8 with BOM)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([c.label(lang) for c in columns])
        w.writerow([c.path for c in columns])
        for r in rows:
            w.writerow([_csv_text(v) for v in r])
    tmp.replace(path)
    return path


def write_declarations(path: Path, items: Iterable[tuple[Declaration, str | None]],
                       columns: Sequence[Column], codes: CodeBook, total: int, *,
                       direction: str | None = None, progress: ProgressFn = None,
                       cancel: CancelFn = None, warnings: list | None = None) -> int:
    """Write ``(declaration, status)`` pairs in template form; returns the rows written.

    ``.csv`` paths get CSV, anything else a workbook. A cancel leaves no file behind.
    Cells cut to Excel's limit are appended to ``warnings`` as :class:`CellWarning`.
    """
    path = Path(path)
    tick = Ticker(progress, cancel, total, "正在导出", every=100)
    rows_out = 0

    def gen() -> Iterator[list]:
        nonlocal rows_out
        for i, (decl, status) in enumerate(items):
            tick(i)
            rows = declaration_rows(decl, columns, status=status)
            rows_out += len(rows)
            yield from rows

    if path.suffix.lower() == ".csv":
        try:
            write_csv(path, columns, gen())
        except BaseException:
            path.with_name(path.name + ".part").unlink(missing_ok=True)
            raise
    else:
        w = WorkbookWriter(path, columns, codes, direction=direction)
        try:
            w.add_rows(gen())
        except BaseException:
            w.discard()
            raise
        w.close()
        if warnings is not None:
            warnings.extend(w.warnings)
    tick.finish()
    return rows_out
