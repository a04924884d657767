"""The rows of a template workbook, read with python-calamine (Rust's calamine).

:func:`open_xlsx` checks the file against the limits first (:mod:`.workbook_limits`), then
hands the first sheet (the code sheet 代码表 excepted) to the importer as tuples of cell
values, one per row, numbered as Excel numbers them: empty cells are ``""``, text is
``str``, numbers are ``float``, dates ``date``/``datetime``, booleans ``bool``.

Large sheets are read in chunks (:func:`_chunked_rows`): python-calamine loads a whole
sheet into memory (391 MB for a 100,000-row template), so a sheet part of more than
:data:`CHUNKED_FROM` bytes is decompressed as a stream and cut after a ``</row>`` every
:data:`CHUNK_BYTES`; each piece, with the workbook's styles and shared strings, is handed
to calamine as a small workbook of its own and read there. The cells are calamine's, read
the same way; only a bounded slice of the sheet is in memory at a time. A sheet that
cannot be cut safely (no plain ``<sheetData>``, rows without their ``r`` number, comments
or CDATA between the rows) raises :class:`ReadWhole` and is read in one piece.

Numbers read back exactly. The sheet XML stores a number as text (``25200.5``; the
``.500`` a user sees comes from the number format, not the value) and calamine parses it
into a float; the shortest text of that float is the stored text, so
:func:`~.cells.float_to_decimal` gives ``Decimal('25200.5')``. Only integers of 16 or more
digits (an 18-digit USCC or a long number typed as a number) do not survive a float: the
limit check, which decompresses the sheet parts anyway, notes the stored text of such
cells and they are read as exact ``int`` values.
"""
from __future__ import annotations

import io
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


#: sheet parts bigger than this (uncompressed) are read in chunks
CHUNKED_FROM = 16 * 2**20
#: uncompressed sheet XML per chunk (at least: the shared strings are parsed per chunk)
CHUNK_BYTES = 8 * 2**20
#: the first chunk is smaller, and each next one twice the last up to CHUNK_BYTES, so the
#: importer starts on rows at once and calamine keeps ahead of it (an 8 MB first chunk kept
#: a 10,000-declaration import waiting ~0.2 s, and then ~0.2 s more for the second)
FIRST_CHUNK_BYTES = 2**20


class ReadWhole(Exception):
    """The sheet cannot be read in chunks (see the module doc): read it in one piece."""


def open_xlsx(path: Path, *, chunked: bool = True):
    """``(row iterator, row count or None, sheet title, close, other template sheets)``.

    ``chunked``: read a large sheet in chunks (its iterator may raise :class:`ReadWhole`
    before yielding anything wrong: the caller then opens the file again with False)."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    from .writer import CODE_SHEET

    if not path.exists():
        raise UnreadableFile("文件不存在", "file not found")
    last_rows: dict[str, int] = {}
    found = check_xlsx(path, long_number_cells, last_rows)
    try:
        wb = CalamineWorkbook.from_path(str(path))
        names = [m.name for m in wb.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        names = [n for n in names if n != CODE_SHEET] or names
        if not names:
            raise ValueError("no worksheet")
        title = names[0]
    except (UnreadableFile, MemoryError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - zip/XML errors (or a calamine panic, which
        # is a BaseException) of a file that is no workbook
        log.info("cannot open %s as a workbook: %r", path, exc)
        raise UnreadableFile(*_NOT_A_WORKBOOK) from None
    try:
        ignored = [n for n in names[1:] if _looks_like_template(wb, n)]
    except (MemoryError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - a damaged second sheet does not stop the first
        log.info("cannot read the other sheets of %s: %r", path.name, exc)
        ignored = []
    exact = _long_numbers(path, found, title)
    part = _big_part(path, title) if chunked else None
    if part is not None and last_rows.get(part):
        total = last_rows[part]
        if total > MAX_ROWS:
            wb.close()
            raise too_many_rows(total)
        return (_chunked_rows(path, part, title, exact), total if total > 1 else None, title,
                wb.close, ignored)
    try:
        ws = wb.get_sheet_by_name(title)
    except (MemoryError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - as above: a file that is no workbook
        log.info("cannot read the sheet of %s: %r", path, exc)
        wb.close()
        raise UnreadableFile(*_NOT_A_WORKBOOK) from None
    start = ws.start or (0, 0)
    total = ws.end[0] + 1 if ws.end and ws.height else 0
    if total > MAX_ROWS:
        wb.close()
        raise too_many_rows(total)
    return _rows(ws, start, exact), (total if total > 1 else None), title, wb.close, ignored


def _rows(ws, start: tuple[int, int], exact: dict[int, dict[int, int]]) -> Iterator[list]:
    # calamine's iter_rows starts at row 1 (the rows above the first used one come empty)
    # but at the first used column: put the columns to its left
    # back; empty cells stay "" (the sheet reader skips them as it skips None)
    pad = [""] * start[1]
    for i, row in enumerate(ws.iter_rows()):
        yield _as_read(row, pad, exact.get(i) if exact else None)


def _as_read(row: list, pad: list, fix: dict[int, int] | None) -> list:
    """A row from calamine with the columns left of its first used one put back (``pad``)
    and the numbers whose text must not drift replaced by it (``fix``: column → value)."""
    if pad:
        row = pad + row
    if fix:
        for ci, value in fix.items():
            if ci < len(row) and isinstance(row[ci], float):
                row[ci] = value
    return row


def _looks_like_template(wb, name: str) -> bool:
    """Whether a sheet's first rows hold the template's field paths."""
    from .columns import BY_PATH
    from .excel_import import _as_path
    rows: Any = wb.get_sheet_by_name(name).to_python(nrows=5)
    return any(sum(1 for v in row if _as_path(v) in BY_PATH) >= 3 for row in rows)


# ---------------------------------------------------------------------- chunked reading
#: a chunk's workbook carries every XML part of the file (the sheet list, relationships,
#: number formats for dates, shared strings, whatever they are named) except the other
#: sheets; parts above this size only when the workbook's relationships name them as its
#: shared strings or styles (pictures and other large parts are left out)
_KEEP_BELOW = 4 * 2**20
_KEEP_TYPES = ("/sharedStrings", "/styles")
_EMPTY_SHEET = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b'<sheetData/></worksheet>')
_ROW_WITHOUT_R = re.compile(rb"<row(?=[\s>/])(?![^>]*\sr=)")
_DIMENSION = re.compile(rb"<dimension\b[^>]*/>")
_READ = 1024 * 1024


def _big_part(path: Path, title: str) -> str | None:
    """The name of ``title``'s sheet part when it is big enough to be read in chunks."""
    try:
        with zipfile.ZipFile(path) as zf:
            name = _sheet_parts(zf).get(title)
            if name is None or zf.getinfo(name).file_size <= CHUNKED_FROM:
                return None
    except Exception as exc:  # noqa: BLE001 - calamine opened it: read it in one piece
        log.info("cannot map the sheets of %s: %r", path.name, exc)
        return None
    return name


def _chunks(zf: zipfile.ZipFile, part: str) -> Iterator[tuple[bytes, bytes]]:
    """``(head, rows)`` pieces of the sheet part: ``head`` is the XML up to and with the
    ``<sheetData>`` tag (the same for every piece), ``rows`` whole ``<row>`` elements,
    about :data:`CHUNK_BYTES` of them."""
    with zf.open(part) as fh:
        buf = b""
        while b"<sheetData" not in buf or b">" not in buf[buf.find(b"<sheetData"):]:
            block = fh.read(_READ)
            if not block:
                raise ReadWhole("no <sheetData>")
            buf += block
            if len(buf) > 64 * _READ:
                raise ReadWhole("no <sheetData> near the start")
        a = buf.index(b"<sheetData")
        b = buf.index(b">", a) + 1
        if buf[b - 2:b] == b"/>":  # an empty sheet
            return
        head = _DIMENSION.sub(b"", buf[:b])
        buf = buf[b:]
        end = buf.find(b"</sheetData>")
        at_end = end >= 0
        if at_end:
            buf = buf[:end]
        more = False  # a row longer than what is in the buffer: read on
        size = min(FIRST_CHUNK_BYTES, CHUNK_BYTES)
        while True:
            while not at_end and (more or len(buf) < size):
                # a piece's bytes in one read: each read decompresses, checks the CRC and
                # reads the file without the GIL, and takes it back after each of these
                # (~5 ms each beside the busy importer: 1 MB reads cost ~0.7 s a sheet)
                block = fh.read(max(_READ, size - len(buf)))
                if not block:
                    raise ReadWhole("no </sheetData>")
                from_ = max(0, len(buf) - 12)
                buf += block
                more = False
                end = buf.find(b"</sheetData>", from_)
                if end >= 0:
                    buf, at_end = buf[:end], True
            if not buf.strip():
                return
            if at_end and len(buf) <= size:
                rows, buf = buf, b""
            else:
                cut = buf.rfind(b"</row>", 0, size)
                if cut < 0:
                    cut = buf.find(b"</row>", size)
                if cut < 0 and not at_end:
                    more = True
                    continue
                cut = cut + len(b"</row>") if cut >= 0 else len(buf)
                rows, buf = buf[:cut], buf[cut:]
            if b"<!--" in rows or b"<![CDATA[" in rows:
                raise ReadWhole("comments or CDATA between rows")
            if _ROW_WITHOUT_R.search(rows):
                raise ReadWhole("a row without its number")
            yield head, rows
            size = min(2 * size, CHUNK_BYTES)


def _needed_parts(zf: zipfile.ZipFile) -> set[str]:
    """The shared strings and styles parts the workbook's relationships name."""
    from lxml import etree
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"), parser)
    out = set()
    for rel in rels:
        if (rel.get("Type") or "").endswith(_KEEP_TYPES):
            target = rel.get("Target") or ""
            target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            out.add(str(PurePosixPath(target)))
    return out


def _chunk_book(parts: dict[str, bytes], part: str, sheet_xml: bytes) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name, data in parts.items():
            z.writestr(name, sheet_xml if name == part else data)
    out.seek(0)
    return out


def _chunked_rows(path: Path, part: str, title: str, exact: dict[int, dict[int, int]]
                  ) -> Iterator[list]:
    """The rows of sheet ``title`` (part ``part``), numbered from Excel row 1 as
    :func:`_rows` numbers them, read a chunk at a time (see the module doc). Anything
    unexpected in the archive raises :class:`ReadWhole`: the one-piece reader then
    judges the file (and names what is wrong with it)."""
    try:
        yield from _chunked(path, part, title, exact)
    except (UnreadableFile, ReadWhole, MemoryError, KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # noqa: BLE001 - zip/zlib errors of a damaged part
        log.info("cannot read %s in chunks: %r", path.name, exc)
        raise ReadWhole("a damaged part") from None


def _chunked(path: Path, part: str, title: str, exact: dict[int, dict[int, int]]
             ) -> Iterator[list]:
    from ..perf import prefetched

    nxt = 0  # index of the next row to yield (0 = Excel row 1)
    # calamine parses the next piece on its own thread (it releases the GIL while it
    # parses) while the importer works on the rows of this one
    for start, got in prefetched(_pieces(path, part, title), depth=2, name="xlsx-reader"):
        first, col = start
        if first < nxt:
            raise ReadWhole("rows out of order")
        if first + len(got) > MAX_ROWS:
            raise too_many_rows(first + len(got))
        while nxt < first:
            nxt += 1
            yield []
        pad = [""] * col
        for row in got:
            row = _as_read(row, pad, exact.get(nxt) if exact else None)
            nxt += 1
            yield row


def _pieces(path: Path, part: str, title: str) -> Iterator[tuple[tuple[int, int], list]]:
    """``((first row index, first column index), rows)`` of each piece of the sheet that
    holds cells, as calamine reads it (see :func:`_chunks`)."""
    from python_calamine import CalamineWorkbook

    with zipfile.ZipFile(path) as zf:
        needed = _needed_parts(zf)
        parts: dict[str, bytes] = {}
        for info in zf.infolist():
            low = info.filename.lower()
            if info.filename == part:
                parts[part] = b""
            elif low.startswith("xl/worksheets/") and low.endswith(".xml"):
                parts[info.filename] = _EMPTY_SHEET
            elif info.filename in needed or (low.endswith((".xml", ".rels"))
                                             and info.file_size <= _KEEP_BELOW):
                parts[info.filename] = zf.read(info)
        for head, rows in _chunks(zf, part):
            book = _chunk_book(parts, part, head + rows + b"</sheetData></worksheet>")
            del rows
            try:
                wb = CalamineWorkbook.from_filelike(book)
                try:
                    ws = wb.get_sheet_by_name(title)
                    start = ws.start
                    got = ws.to_python() if start is not None else []
                finally:
                    wb.close()
            except (MemoryError, KeyboardInterrupt, SystemExit):
                raise
            except BaseException as exc:  # noqa: BLE001 - a piece calamine cannot read
                log.info("cannot read a chunk of %s: %r", path.name, exc)
                raise ReadWhole("a chunk calamine cannot read") from None
            del book
            if start is not None:
                yield start, got
