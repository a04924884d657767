"""Reading one spreadsheet cell as the value its column holds, the way brokers type them.

Accepted, per kind (after stripping leading/trailing spaces, full-width ones included):

* codes and numbers are NFKC-normalised (``ＡＢＣ１２３`` → ``ABC123``, full-width comma and
  space → ASCII); names and free text (:data:`~.columns.TEXT_FIELDS`) are kept as typed;
  country, currency, port, container and USCC codes are upper-cased; a number where a
  fixed-width numeric code belongs gets its leading zeros back (unit ``1`` → ``001``);
  a drop-down entry such as ``310000 上海出入境检验检疫局`` is read as its code ``310000``;
* decimals from text (``25200.50``, ``25,200.50``) or Excel numbers; an Excel float is
  read as the shortest decimal that round-trips (``25200.5``), never ``25200.500000001``;
* whole numbers from text or Excel numbers (``3.0`` is 3, ``3.5`` is refused);
* dates from Excel dates, text ``2026-11-30`` / ``2026/11/30`` / ``2026.11.30`` /
  ``20261130`` or an Excel serial day number; a date that does not exist is refused;
* yes/no from 是/否, Y/N, yes/no, true/false, 1/0 and Excel booleans.

A value that cannot be read raises :class:`CellError` with a Chinese and an English message.
"""
from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from .columns import CODE_LISTS, FIXED_WIDTH, TEXT_FIELDS, UPPER_FIELDS, Column
from .listcells import parse_pairs, parse_seq_groups


class CellError(ValueError):
    """A cell whose content cannot be read as its column's kind."""

    def __init__(self, message_zh: str, message_en: str):
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en


_DEC_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_THOUSANDS_RE = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")
_DATE_RE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
_DATE8_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SPLIT_RE = re.compile(r"[,;、\s]+")
_EXCEL_EPOCH = date(1899, 12, 30)
_YES = frozenset({"是", "y", "yes", "true", "1", "t", "√"})
_NO = frozenset({"否", "n", "no", "false", "0", "f", "×"})


def _show(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 30 else text[:27] + "…"


def norm_code(text: str) -> str:
    """NFKC + strip: ``ＣＴ２０２６　`` → ``CT2026``."""
    if text.isascii():
        return text.strip()
    return unicodedata.normalize("NFKC", text).strip()


def float_to_decimal(f: float) -> Decimal:
    """The decimal a user typed into Excel: shortest round-trip form, at most 15 digits.

    ``25200.5`` → ``Decimal('25200.5')``; ``0.30000000000000004`` (an Excel sum, displayed
    as 0.3) → ``Decimal('0.3')``; ``3.0`` → ``Decimal('3')``.
    """
    if f != f or f in (float("inf"), float("-inf")):
        raise CellError(f"“{f}”不是数值", f"{f!r} is not a number")
    if f.is_integer() and abs(f) < 1e15:
        return Decimal(int(f))
    text = repr(f)
    if len(text) <= 15:  # at most 15 digits, no exponent to the 16th power
        return Decimal(text)
    d = Decimal(text)
    if len(d.as_tuple().digits) > 15:
        d = Decimal(format(f, ".15g"))
    return d


def to_decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError(f"“{value}”不是数值", f"{value!r} is not a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return float_to_decimal(value)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        text = norm_code(value)
        if not text:
            return None
        text = text.replace(" ", "")
        if _DEC_RE.match(text):
            return Decimal(text)
        if _THOUSANDS_RE.match(text):
            return Decimal(text.replace(",", ""))
        raise CellError(f"“{_show(value)}”不是数值（应如 1200.5）",
                        f"{_show(value)!r} is not a number (e.g. 1200.5)")
    raise CellError(f"“{_show(value)}”不是数值", f"{_show(value)!r} is not a number")


def to_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = norm_code(value).replace(" ", "")
        if not text:
            return None
        if text.isdigit() and len(text) < 10:
            return int(text)
        try:
            d = Decimal(text)
        except InvalidOperation:
            d = None
        if (d is not None and d.is_finite() and d.adjusted() < 9  # 1E999999999 overflows
                and d == d.to_integral_value()):
            return int(d)
    raise CellError(f"“{_show(value)}”不是整数", f"{_show(value)!r} is not a whole number")


def _make_date(y: int, m: int, d: int, raw: Any) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise CellError(f"日期“{_show(raw)}”不存在", f"the date {_show(raw)!r} does not exist") \
            from None


def to_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise CellError(f"“{_show(value)}”不是日期（应如 2026-11-30）",
                            f"{_show(value)!r} is not a date (e.g. 2026-11-30)")
        if isinstance(value, float) and not value.is_integer():
            value = int(value)  # a date-time serial: the day is what counts
        n = int(value)
        m = _DATE8_RE.match(str(n))
        if m:
            return _make_date(int(m[1]), int(m[2]), int(m[3]), value)
        if 36526 <= n <= 73050:  # an Excel serial day between 2000-01-01 and 2099-12-31
            return _EXCEL_EPOCH + timedelta(days=n)
        raise CellError(f"“{_show(value)}”不是日期（应如 2026-11-30）",
                        f"{_show(value)!r} is not a date (e.g. 2026-11-30)")
    if isinstance(value, str):
        text = norm_code(value)
        if not text:
            return None
        text = text.split(" ")[0].split("T")[0] if len(text) > 10 and text[4] in "-/" else text
        m = _DATE_RE.match(text) or _DATE8_RE.match(text)
        if m:
            return _make_date(int(m[1]), int(m[2]), int(m[3]), value)
    raise CellError(f"“{_show(value)}”不是日期（应如 2026-11-30）",
                    f"{_show(value)!r} is not a date (e.g. 2026-11-30)")


def to_bool(value: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = norm_code(value).lower()
        if not text:
            return None
        if text in _YES:
            return True
        if text in _NO:
            return False
    raise CellError(f"“{_show(value)}”应为“是”或“否”", f"{_show(value)!r} must be yes or no")


def _num_to_text(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return format(float_to_decimal(value), "f")
    if isinstance(value, datetime):
        return value.date().isoformat() if not (value.hour or value.minute) else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def text_reader(col: Column) -> Callable[[Any], str | None]:
    """A reader for a text or code column (see the module doc for what it normalises)."""
    path = col.path
    if path in TEXT_FIELDS:
        def read_text(value):
            if value is None:
                return None
            text = (value if isinstance(value, str) else _num_to_text(value)).strip()
            return text or None
        return read_text
    upper = path in UPPER_FIELDS
    width = FIXED_WIDTH.get(path)
    dropdown = path in CODE_LISTS and path not in ("ecommerce",)
    lower = path in ("direction", "clearance_mode")

    def read_code(value):
        if value is None:
            return None
        if isinstance(value, str):
            text = norm_code(value)
            if not text:
                return None
            if dropdown and " " in text:
                text = text.split(" ", 1)[0]  # "310000 上海…" picked from the list
        else:
            text = _num_to_text(value)
            if width and isinstance(value, (int, float)) and text.isdigit() and len(text) < width:
                text = text.zfill(width)
        if upper:
            text = text.upper()
        elif lower:
            text = _DIRECTION_WORDS.get(text, text.lower())
        return text
    return read_code


_DIRECTION_WORDS = {"入境": "inbound", "出境": "outbound", "进口": "inbound", "出口": "outbound",
                    "一般报检": "standard", "进口直通": "import_direct", "出口直放": "export_direct",
                    "进口转单": "import_transfer"}


def split_list(value: Any) -> list[str]:
    """A comma-separated cell (full-width commas, 、 and ; too) as its stripped items."""
    if value is None:
        return []
    text = norm_code(value) if isinstance(value, str) else _num_to_text(value)
    return [p for p in _SPLIT_RE.split(text) if p]


def reader_for(col: Column) -> Callable[[Any], Any]:
    """The function that reads a cell of ``col`` (raises :class:`CellError`)."""
    kind = col.kind
    if kind == "dec":
        return to_decimal
    if kind == "int":
        return to_int
    if kind == "date":
        return to_date
    if kind == "bool":
        return to_bool
    if kind == "list:int":
        def read_ints(value):
            return [to_int(p) for p in split_list(value)]
        return read_ints
    if kind == "codes":
        def read_codes(value):
            return [p.zfill(2) if p.isdigit() and len(p) < 2 else p for p in split_list(value)]
        return read_codes
    if kind == "pairs":
        def read_pairs(value):
            text = norm_code(value) if isinstance(value, str) else _num_to_text(value)
            pairs = parse_pairs(text.upper() if col.path in UPPER_FIELDS else text)
            if any(not t for t, _n in pairs):
                raise CellError(f"“{_show(value)}”中有编号缺少类别，应写成“类别:编号”，如 325:ABC123",
                                f"{_show(value)!r} has a number without its type; write "
                                f"type:number, e.g. 325:ABC123")
            return pairs
        return read_pairs
    if kind == "groups":
        def read_groups(value):
            text = norm_code(value) if isinstance(value, str) else _num_to_text(value)
            try:
                return parse_seq_groups(text)
            except ValueError:
                raise CellError(f"“{_show(value)}”不是货物序号列表，应写成如 1/2,3（每个集装箱的货物序号用/分隔）",
                                f"{_show(value)!r} is not a list of goods numbers; write e.g. "
                                f"1/2,3 (the goods of each container joined by /)") from None
        return read_groups
    if kind == "list:str":
        upper = col.path in UPPER_FIELDS
        width = FIXED_WIDTH.get(col.path)

        def read_strs(value):
            items = split_list(value)
            if width:
                items = [p.zfill(width) if p.isdigit() and len(p) < width else p for p in items]
            return [p.upper() for p in items] if upper else items
        return read_strs
    return text_reader(col)


# ------------------------------------------------------------------ formula neutralising
#: first characters that make a spreadsheet program read a typed or CSV cell as a formula
FORMULA_LEADS = frozenset("=+-@\t\r")


def formula_like(text: str) -> bool:
    """Whether ``text`` would start a formula in Excel (``=``, ``+``, ``-``, ``@``, tab, CR)."""
    return text[:1] in FORMULA_LEADS


def csv_protect(text: str) -> str:
    """``text`` as a CSV cell Excel will not evaluate: a leading ``'`` before a formula lead.

    Text that already starts with apostrophes followed by a formula lead gets one more, so
    :func:`csv_unprotect` gives back exactly what was written (``'=x`` → ``''=x`` → ``'=x``).
    """
    return "'" + text if text.lstrip("'")[:1] in FORMULA_LEADS else text


def csv_unprotect(text: str) -> str:
    """The inverse of :func:`csv_protect`, applied to every CSV cell on import.

    One leading ``'`` is removed only when the apostrophes are followed by a formula lead
    (``'=SUM(A1)`` → ``=SUM(A1)``); any other apostrophe (``'abc``) is kept as typed.
    """
    if text[:1] == "'" and text.lstrip("'")[:1] in FORMULA_LEADS:
        return text[1:]
    return text
