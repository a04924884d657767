"""How big a workbook or CSV file the importer accepts, and the check made before reading.

An ``.xlsx`` file is a zip archive; its sheets are XML parts that compress very well, so a
2 MB file can expand to gigabytes (a "zip bomb"). Before any sheet is parsed,
:func:`check_xlsx` looks at every part of the archive:

* the uncompressed size the archive declares for a sheet part must not exceed
  :data:`MAX_PART_BYTES` (any other part :data:`MAX_OTHER_BYTES`), and all parts together
  not :data:`MAX_TOTAL_BYTES`;
* the compression ratio of a part above :data:`RATIO_FLOOR_BYTES` must not exceed
  :data:`MAX_RATIO` (a template's sheet compresses about 10–20 : 1);
* the declared sizes are then verified by decompressing the parts as a stream and
  counting bytes (nothing is kept), stopping as soon as a limit is passed — so a file
  that lies about its sizes is refused too, within a second or two.

After the checks the reader refuses a sheet of more than :data:`MAX_ROWS` rows and a file
of more than :data:`MAX_DECLARATIONS` declarations. The user guide (``docs/batch.md``)
lists these limits; change them together.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from ..errors import DeskError

#: rows of one sheet (the header rows included)
MAX_ROWS = 200_000
#: declarations of one file
MAX_DECLARATIONS = 100_000
#: uncompressed bytes of one sheet part or of the shared strings
MAX_PART_BYTES = 768 * 1024 * 1024
#: uncompressed bytes of any other part (styles, drawings, the workbook part…)
MAX_OTHER_BYTES = 64 * 1024 * 1024
#: uncompressed bytes of all parts and the shared strings together
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
#: uncompressed : compressed bytes of one part
MAX_RATIO = 200
#: parts smaller than this (uncompressed) are not held to :data:`MAX_RATIO`
RATIO_FLOOR_BYTES = 8 * 1024 * 1024

_CHUNK = 1024 * 1024


class UnreadableFile(DeskError):
    """The whole file cannot be read (not a workbook, no header row, bad encoding, too big).

    The importer turns it into one problem of the file (no row, no column), so the other
    files of the same import go on; the CLI then exits 2.
    """


class FileTooLarge(UnreadableFile):
    """A file over one of the documented limits, or a zip bomb."""


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def _bomb(name: str, detail_zh: str, detail_en: str) -> FileTooLarge:
    return FileTooLarge(
        f"工作簿的内容“{name}”{detail_zh}，疑似压缩炸弹或超出导入上限，未读取；"
        f"请把数据分成几个较小的文件（每个不超过 {MAX_ROWS:,} 行）再导入",
        f"the workbook part {name} {detail_en}: it looks like a zip bomb or exceeds the import "
        f"limits and was not read; split the data into smaller files (at most {MAX_ROWS:,} "
        f"rows each)")


def _is_sheet_part(name: str) -> bool:
    low = name.lower()
    return (low.startswith("xl/worksheets/") and low.endswith(".xml")) or \
        low == "xl/sharedstrings.xml"


#: a long integer stored as a number (16+ digits: more than a float keeps)
_LONG_V = re.compile(rb"<v>-?[0-9]{16,}</v>")
_LONG_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3}[0-9]{1,7})"[^>]*>(?:(?!</c>).){0,4096}?'
                        rb'<v>(-?[0-9]{16,})</v>', re.DOTALL)

NoteFn = Callable[[str, str, dict], None]


_LAST_ROW = re.compile(rb'<row\b[^>]*?\sr="([0-9]{1,9})"')


def check_xlsx(path: Path, note_long: NoteFn | None = None,
               last_rows: dict[str, int] | None = None) -> dict[str, dict]:
    """Refuse a zip bomb or an oversized workbook before any sheet is parsed.

    Every part of the archive is checked (sheets and shared strings against
    :data:`MAX_PART_BYTES`, any other part against :data:`MAX_OTHER_BYTES`). Raises
    :class:`FileTooLarge`; returns quietly for an acceptable file, and also for a file
    that is not a zip at all (the workbook reader then says it is no workbook).

    Returns ``{sheet part: {...}}`` filled by ``note_long(cell ref, digits, into)`` for
    each cell of a sheet part whose stored number is an integer of 16 or more digits.
    ``last_rows`` gets ``{sheet part: number of its last row}`` (Excel's number, from the
    ``r`` of the last ``<row>``; a sheet whose rows carry no number is left out).
    """
    found: dict[str, dict] = {}
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return found
    with zf:
        parts = zf.infolist()
        total = 0
        for info in parts:
            size, packed = info.file_size, info.compress_size
            limit = MAX_PART_BYTES if _is_sheet_part(info.filename) else MAX_OTHER_BYTES
            if size > limit:
                raise _bomb(info.filename, f"解压后有 {_mb(size)}（上限 {_mb(limit)}）",
                            f"expands to {_mb(size)} (limit {_mb(limit)})")
            if size > RATIO_FLOOR_BYTES and size > MAX_RATIO * max(packed, 1):
                ratio = size // max(packed, 1)
                raise _bomb(info.filename, f"压缩比为 {ratio}:1（上限 {MAX_RATIO}:1）",
                            f"has a compression ratio of {ratio}:1 (limit {MAX_RATIO}:1)")
            total += size
        if total > MAX_TOTAL_BYTES:
            raise _bomb("xl/worksheets", f"合计解压后有 {_mb(total)}（上限 {_mb(MAX_TOTAL_BYTES)}）",
                        f"expand to {_mb(total)} together (limit {_mb(MAX_TOTAL_BYTES)})")
        for info in parts:
            note = note_long if info.filename.lower().startswith("xl/worksheets/") else None
            cells: dict = {}
            last = _verify_size(zf, info, (lambda ref, text, into=cells, note=note:
                                           note(ref, text, into))
                                if note is not None else None,
                                last_rows is not None and note is not None)
            if cells:
                found[info.filename] = cells
            if last and last_rows is not None:
                last_rows[info.filename] = last
    return found


def _verify_size(zf: zipfile.ZipFile, info: zipfile.ZipInfo, note, rows: bool = False) -> int:
    """Decompress one part as a stream and count its bytes against the limits; with
    ``rows``, returns the number of the part's last ``<row>`` (0: none found)."""
    limit = max(info.file_size, 0)
    seen = 0
    tail = b""
    last = 0
    edge = b""
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                seen += len(chunk)
                if seen > limit or (seen > RATIO_FLOOR_BYTES
                                    and seen > MAX_RATIO * max(info.compress_size, 1)):
                    raise _bomb(info.filename, "解压后比文件中声明的更大",
                                "expands to more than the archive declares")
                if rows:  # the last row tag of this block (one split at the edge too)
                    window = edge + chunk
                    j = window.rfind(b"<row")
                    m = _LAST_ROW.match(window, j) if j >= 0 else None
                    if m:
                        last = int(m[1])
                    edge = window[-512:]
                if note is not None:
                    buf = tail + chunk
                    cut = buf.rfind(b"</c>") + 4 if b"</c>" in buf else 0
                    done, tail = buf[:cut], buf[cut:][-65536:]
                    if _LONG_V.search(done):
                        for m in _LONG_CELL.finditer(done):
                            note(m[1].decode(), m[2].decode())
    except zipfile.BadZipFile:  # a CRC error: never let the sheet parser at such a part
        raise UnreadableFile("工作簿已损坏（压缩数据校验失败），请在 Excel 中打开并另存后重试",
                             "the workbook is damaged (a part fails its checksum): open it "
                             "in Excel and save it again") from None
    except (OSError, EOFError, NotImplementedError, ValueError, RuntimeError, zlib.error):
        return 0  # unreadable another way: the workbook reader reports the file
    return last


def too_many_rows(rows: int) -> FileTooLarge:
    """The error for a sheet of ``rows`` rows (over :data:`MAX_ROWS`)."""
    return FileTooLarge(
        f"工作表有 {rows:,} 行，超过每个文件 {MAX_ROWS:,} 行的上限；请分成几个文件再导入",
        f"the sheet has {rows:,} rows, over the limit of {MAX_ROWS:,} rows per file; "
        f"split it into several files")


def too_many_declarations(count: int) -> FileTooLarge:
    """The error for a file of more than :data:`MAX_DECLARATIONS` declarations."""
    return FileTooLarge(
        f"文件中有 {count:,} 份以上的报检单，超过每个文件 {MAX_DECLARATIONS:,} 份的上限；"
        f"请分成几个文件再导入",
        f"the file holds {count:,} or more declarations, over the limit of "
        f"{MAX_DECLARATIONS:,} per file; split it into several files")
