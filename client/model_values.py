"""Reading one interchange value as its kind, for :mod:`client.model`'s parser.

``ParseIssue`` (a value that could not be read, with its field path and a bilingual message
naming the field by its label), ``parse_decimal``, and one reader per scalar or list kind
(``str``, ``dec``, ``int``, ``date``, ``bool``, ``strs``, ``ints``): each returns the value or
``None`` after appending a ``ParseIssue``. Objects and lists of objects are read by
``client.model`` itself (they need its classes).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from .fields import label
from .model_fast import parse_date


# --------------------------------------------------------------------- parse issues


@dataclass(frozen=True, slots=True)
class ParseIssue:
    """A value that could not be read as its type; ``field`` is a path like ``goods[0].seq``."""

    code: str
    field: str
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh



_KIND_ZH = {"str": "文本", "int": "整数", "dec": "数值", "date": "日期", "bool": "是/否"}
_KIND_EN = {"str": "text", "int": "a whole number", "dec": "a decimal number", "date": "a date",
            "bool": "true/false"}


def _zh(path: str) -> str:
    """The field as a declarer names it (the path itself travels in ``ParseIssue.field``:
    the CLI and the JSON report print it, the import dialog shows the label)."""
    return label(path)


def _en(path: str) -> str:
    return label(path, "en")


def _short(value: Any) -> str:
    """A value quoted in a message, cut to 40 characters; never raises (huge ints, deep
    nesting and odd objects are described instead of printed)."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        text = "<很大的整数 / huge integer>"
    elif isinstance(value, (dict, list)):
        text = "{…}" if isinstance(value, dict) else "[…]"
        try:
            text = repr(value) if len(value) < 8 else text
        except (RecursionError, ValueError):
            pass
    else:
        try:
            text = repr(value)
        except (RecursionError, ValueError):
            text = f"<{type(value).__name__}>"
    return text if len(text) <= 40 else text[:37] + "…"


def parse_decimal(value: Any) -> Decimal | None:
    """A plain decimal from a JSON string (or int); ``None`` if it is not one.

    Accepted: ``"1200.500"``, ``"-3"``, ``".5"``, surrounding spaces. Refused: exponents
    (``"1e3"``), ``NaN``/``Infinity``, digit separators, and floats on purpose: ``0.1`` as a
    float is not the amount the user typed.
    """
    if value.__class__ is str:
        if "e" in value or "E" in value or "_" in value or not value.isascii():
            return None
        try:
            dec = Decimal(value)
        except InvalidOperation:
            return None
        return dec if dec.is_finite() else None
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return None


def _join(parent: str, name: str) -> str:
    return f"{parent}.{name}" if parent else name


def _p_str(value: Any, parent: str, name: str, issues: list[ParseIssue]):
    if isinstance(value, str):
        return value
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        # a number where a code was expected: keep its digits (if it has a sane size)
        if not (isinstance(value, int) and value.bit_length() > 128):
            return str(value)
    path = _join(parent, name)
    issues.append(ParseIssue("E0003", path, f"{_zh(path)}应为文本，实际为 {_short(value)}",
                             f"{_en(path)} must be text, got {_short(value)}"))
    return None


def _p_dec(value: Any, parent: str, name: str, issues: list[ParseIssue]):
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        dec = None  # not an amount anyone typed
    else:
        dec = parse_decimal(value)
    if dec is None:
        path = _join(parent, name)
        issues.append(ParseIssue(
            "E0004", path, f"{_zh(path)}应为数值（如 \"1200.500\"），实际为 {_short(value)}",
            f"{_en(path)} must be a decimal string such as \"1200.500\", got {_short(value)}"))
    return dec


def _p_int(value: Any, parent: str, name: str, issues: list[ParseIssue]):
    if value.__class__ is int and value.bit_length() <= 63:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() <= 63:
        return int(value)
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 10:
        return int(value.strip())
    path = _join(parent, name)
    issues.append(ParseIssue("E0005", path, f"{_zh(path)}应为整数，实际为 {_short(value)}",
                             f"{_en(path)} must be a whole number, got {_short(value)}"))
    return None


def _p_date(value: Any, parent: str, name: str, issues: list[ParseIssue]):
    d = parse_date(value)
    if d is None:
        path = _join(parent, name)
        issues.append(ParseIssue(
            "E0006", path, f"{_zh(path)}应为存在的日期（YYYY-MM-DD），实际为 {_short(value)}",
            f"{_en(path)} must be an existing date (YYYY-MM-DD), got {_short(value)}"))
    return d


def _p_bool(value: Any, parent: str, name: str, issues: list[ParseIssue]):
    if isinstance(value, bool):
        return value
    path = _join(parent, name)
    issues.append(ParseIssue("E0007", path, f"{_zh(path)}应为 true/false，实际为 {_short(value)}",
                             f"{_en(path)} must be true or false, got {_short(value)}"))
    return None


def _is_list(value: Any, path: str, issues: list[ParseIssue]) -> bool:
    """Whether ``value`` is a JSON list; if not, the E0008 issue at ``path`` is added."""
    if isinstance(value, list):
        return True
    issues.append(ParseIssue("E0008", path, f"{_zh(path)}应为列表，实际为 {_short(value)}",
                             f"{_en(path)} must be a list, got {_short(value)}"))
    return False


def _p_strs(value: Any, parent: str, name: str, issues: list[ParseIssue]):
    path = _join(parent, name)
    if not _is_list(value, path, issues):
        return None
    out = []
    for i, item in enumerate(value):
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, int) and not isinstance(item, bool) and item.bit_length() <= 63:
            out.append(str(item))  # a code typed as a number: keep its digits
        else:
            issues.append(ParseIssue(
                "E0003", f"{path}[{i}]", f"{_zh(path)}第{i + 1}项应为文本，实际为 {_short(item)}",
                f"item {i + 1} of {_en(path)} must be text, got {_short(item)}"))
    return out


def _p_ints(value: Any, parent: str, name: str, issues: list[ParseIssue]):
    path = _join(parent, name)
    if not _is_list(value, path, issues):
        return None
    out = []
    for i, item in enumerate(value):
        if isinstance(item, int) and not isinstance(item, bool) and item.bit_length() <= 63:
            out.append(int(item))
        elif isinstance(item, str) and item.strip().isdigit() and len(item.strip()) < 10:
            out.append(int(item.strip()))
        else:
            issues.append(ParseIssue(
                "E0005", f"{path}[{i}]", f"{_zh(path)}第{i + 1}项应为整数，实际为 {_short(item)}",
                f"item {i + 1} of {_en(path)} must be a whole number, got {_short(item)}"))
    return out
