"""The rows of a template workbook, read with python-calamine (Rust's calamine).

:func:`open_xlsx` checks the file against the limits first (:mod:`.workbook_limits`), then
hands the first sheet (the code sheet 代码表 excepted) to the importer as tuples of cell
values, one per row, numbered as Excel numbers them: empty cells are ``""``, text is
``str``, numbers are ``float``, dates ``date``/``datetime``, booleans ``bool``.

Numbers read back exactly. The sheet XML stores a number as text (``25200.5``; the
``.500`` a user sees comes from the number format, not the value) and calamine parses it
into a float; the shortest text of that float is the stored text, so
:func:`~.cells.float_to_decimal` gives ``Decimal('25200.5')``. Only integers of 16 or more
digits (an 18-digit USCC or a long number typed as a number) do not survive a float: the
limit check, which decompresses the sheet parts anyway, notes the stored text of such
cells and they are read as exact ``int`` values.
"""
from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from .workbook_limits import MAX_ROWS, UnreadableFile, check_xlsx, too_many_rows

log = logging.getLogger(__name__)

_NOT_A_WORKBOOK = ("不是有效的 Excel 工作簿（.xlsx），请用 Excel 另存为 .xlsx 后重试",
                   "not a valid Excel workbook (.xlsx)")
_CELL_REF_RE = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its part in the archive (``xl/worksheets/sheet1.xml``)."""
    from lxml import etree
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    book = etree.fromstring(zf.read("xl/workbook.xml"), parser)
    rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"), parser)
    targets = {}
    for rel in rels:
        target = rel.get("Target") or ""
        target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        targets[rel.get("Id")] = str(PurePosixPath(target))
    out = {}
    for sheet in book.iter(f"{ns_main}sheet"):
        part = targets.get(sheet.get(f"{ns_rel}id"))
        if part:
            out[sheet.get("name")] = part
    return out


def _long_numbers(path: Path, found: dict[str, dict[tuple[int, int], str]], sheet: str
                  ) -> dict[int, dict[int, int]]:
    """``row index → {column index: exact int}`` for the long integers of ``sheet``."""
    if not found:
        return {}
    try:
        with zipfile.ZipFile(path) as zf:
            part = _sheet_parts(zf).get(sheet)
    except Exception as exc:  # noqa: BLE001 - calamine read the file; keep its floats
        log.info("cannot map the sheets of %s: %r", path.name, exc)
        return {}
    out: dict[int, dict[int, int]] = {}
    for (row, col), text in (found.get(part, {}) if part is not None else {}).items():
        out.setdefault(row, {})[col] = int(text)
    return out


def long_number_cells(ref: str, text: str, into: dict[tuple[int, int], str]) -> None:
    """Note the stored text of cell ``ref`` (``K17``) holding a long integer."""
    m = _CELL_REF_RE.match(ref)
    if m:
        into[(int(m[2]) - 1, _col_index(m[1]))] = text


def open_xlsx(path: Path):
    """``(row iterator, row count or None, sheet title, close, other template sheets)``."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    from .writer import CODE_SHEET

    if not path.exists():
        raise UnreadableFile("文件不存在", "file not found")
    found = check_xlsx(path, long_number_cells)
    try:
        wb = CalamineWorkbook.from_path(str(path))
        names = [m.name for m in wb.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        names = [n for n in names if n != CODE_SHEET] or names
        if not names:
            raise ValueError("no worksheet")
        title = names[0]
        ws = wb.get_sheet_by_name(title)
    except (UnreadableFile, MemoryError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - zip/XML errors (or a calamine panic, which
        # is a BaseException) of a file that is no workbook
        log.info("cannot open %s as a workbook: %r", path, exc)
        raise UnreadableFile(*_NOT_A_WORKBOOK) from None
    start = ws.start or (0, 0)
    total = ws.end[0] + 1 if ws.end and ws.height else 0
    if total > MAX_ROWS:
        wb.close()
        raise too_many_rows(total)
    try:
        ignored = [n for n in names[1:] if _looks_like_template(wb, n)]
    except (MemoryError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - a damaged second sheet does not stop the first
        log.info("cannot read the other sheets of %s: %r", path.name, exc)
        ignored = []
    exact = _long_numbers(path, found, title)
    return _rows(ws, start, exact), (total if total > 1 else None), title, wb.close, ignored


def _rows(ws, start: tuple[int, int], exact: dict[int, dict[int, int]]) -> Iterator[tuple]:
    # calamine's iter_rows starts at row 1 (the rows above the first used one come empty)
    # but at the first used column: put the columns to its left
    # back; empty cells stay "" (the sheet reader skips them as it skips None)
    pad = [""] * start[1]
    for i, row in enumerate(ws.iter_rows()):
        if pad:
            row = pad + row
        fix = exact.get(i) if exact else None
        if fix:
            for ci, value in fix.items():
                if ci < len(row) and isinstance(row[ci], float):
                    row[ci] = value
        yield row


def _looks_like_template(wb, name: str) -> bool:
    """Whether a sheet's first rows hold the template's field paths."""
    from .columns import BY_PATH
    from .excel_import import _as_path
    rows: Any = wb.get_sheet_by_name(name).to_python(nrows=5)
    return any(sum(1 for v in row if _as_path(v) in BY_PATH) >= 3 for row in rows)
