"""Reading an interchange JSON file someone handed us, refusing what would break later.

:func:`load_json_document` is the one place import and validate decode a JSON file. Beyond
what :func:`json.loads` refuses it refuses, with a Chinese and an English message:

* ``NaN``, ``Infinity`` and ``-Infinity`` (not JSON; kept in an unknown key they would be
  printed as invalid JSON and sent to the platform);
* a string holding a lone UTF-16 surrogate such as ``"\\ud800"`` (it cannot be stored as
  UTF-8);
* nesting deeper than :data:`MAX_DEPTH` (a declaration is four levels deep; thousands of
  brackets would end in a ``RecursionError`` somewhere later);
* integers too long for Python to convert (over 4,300 digits).
"""
from __future__ import annotations

import json
import re
from itertools import accumulate
from pathlib import Path
from typing import Any

from ..errors import InputError

#: the deepest nesting of arrays/objects accepted (the interchange format needs 4)
MAX_DEPTH = 64

_STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKET_RE = re.compile(r"[^\[\]{}]+")
_SURROGATE_ESCAPE_RE = re.compile(r"\\u[dD][89a-fA-F]")
_WS = " \t\n\r"


class UnreadableJson(InputError):
    """A JSON file that is refused whole: nothing from it is imported."""


class _Constant(Exception):
    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


def _refuse_constant(name: str):
    raise _Constant(name)


_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)


def _depth(text: str) -> int:
    brackets = _NOT_BRACKET_RE.sub("", _STRING_RE.sub("", text))
    if len(brackets) <= 2 * MAX_DEPTH:
        return len(brackets) // 2
    return max(accumulate(1 if c in "[{" else -1 for c in brackets), default=0)


def _has_lone_surrogate(obj: Any) -> bool:
    stack = [obj]
    while stack:
        o = stack.pop()
        if isinstance(o, str):
            try:
                o.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(o, dict):
            stack.extend(o.keys())
            stack.extend(o.values())
        elif isinstance(o, list):
            stack.extend(o)
    return False


def _split_list(text: str) -> tuple[list, list[str]] | None:
    """A top-level list decoded item by item with each item's own text, or None."""
    n, i = len(text), 0
    while i < n and text[i] in _WS:
        i += 1
    if i >= n or text[i] != "[":
        return None
    items: list[Any] = []
    raws: list[str] = []
    i += 1
    try:
        while True:
            while i < n and text[i] in _WS:
                i += 1
            if i < n and text[i] == "]" and not items:
                i += 1
                break
            obj, end = _DECODER.raw_decode(text, i)
            items.append(obj)
            raws.append(text[i:end])
            i = end
            while i < n and text[i] in _WS:
                i += 1
            if i < n and text[i] == ",":
                i += 1
                continue
            if i < n and text[i] == "]":
                i += 1
                break
            return None
        if text[i:].strip(_WS):
            return None
    except ValueError:
        return None  # the whole-document decode says where the error is
    return items, raws


#: the json module's messages (``JSONDecodeError.msg``) in Chinese, by their start
_JSON_MSG_ZH = (
    ("Expecting value", "此处应为一个值（缺少值，或多了逗号）"),
    ("Expecting ',' delimiter", "缺少逗号“,”"),
    ("Expecting ':' delimiter", "缺少冒号“:”"),
    ("Expecting property name enclosed in double quotes", "键名应放在英文双引号中（或多了逗号）"),
    ("Unterminated string", "字符串缺少结束的双引号"),
    ("Invalid control character", "字符串中有不允许的控制字符（如换行、制表符）"),
    ("Invalid \\uXXXX escape", "无效的 \\u 转义（应为 \\u 加 4 位十六进制数）"),
    ("Invalid \\escape", "无效的反斜杠转义"),
    ("Extra data", "JSON 结束后还有多余内容"),
)


def json_msg_zh(msg: str) -> str:
    """A :class:`json.JSONDecodeError` message in Chinese (an unknown one as it is)."""
    for en, zh in _JSON_MSG_ZH:
        if msg.startswith(en):
            return zh
    return msg


def load_json_document(source: str | Path | bytes, *, keep_text: bool = False) -> Any:
    """Decode the JSON file at ``source`` (a path, or the file's bytes).

    With ``keep_text`` returns ``(data, raws)``: for a top-level list ``raws`` holds each
    item's text as it stood in the file (so the store can keep it as read), else None.
    Raises :class:`UnreadableJson` (file missing or unreadable, encoding, syntax, NaN,
    lone surrogate, too deep); never another exception for any content.
    """
    if isinstance(source, (bytes, bytearray)):
        raw = bytes(source)
    else:
        try:
            raw = Path(source).read_bytes()
        except FileNotFoundError:
            raise UnreadableJson("文件不存在", "file not found") from None
        except OSError as exc:
            raise UnreadableJson(f"无法读取文件：{exc.strerror or exc}",
                                 f"cannot read file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableJson(f"不是 UTF-8 编码的文本（第 {exc.start + 1} 个字节）",
                             f"not UTF-8 text (byte {exc.start + 1})") from None
    if _depth(text) > MAX_DEPTH:
        raise UnreadableJson(f"JSON 嵌套超过 {MAX_DEPTH} 层，不是报检单文件",
                             f"JSON nested deeper than {MAX_DEPTH} levels: not a declaration file")
    try:
        split = _split_list(text) if keep_text else None
        if split is not None:
            data, raws = split
        else:
            data, raws = _DECODER.decode(text), None
    except _Constant as exc:
        raise UnreadableJson(f"JSON 中不允许 {exc.name}（不是有效的 JSON 数值）",
                             f"{exc.name} is not allowed in JSON (not a valid number)") from None
    except json.JSONDecodeError as exc:
        raise UnreadableJson(f"JSON 格式错误（第 {exc.lineno} 行第 {exc.colno} 列）：{json_msg_zh(exc.msg)}",
                             f"broken JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
                             ) from None
    except (ValueError, RecursionError) as exc:  # e.g. an integer of over 4,300 digits
        raise UnreadableJson(f"JSON 无法读取：{exc}", f"unreadable JSON: {exc}") from None
    if _SURROGATE_ESCAPE_RE.search(text) and _has_lone_surrogate(data):
        raise UnreadableJson("JSON 中含有不成对的代理字符（如 \\ud800），无法保存",
                             "a string holds a lone surrogate (such as \\ud800) that cannot "
                             "be stored")
    return (data, raws) if keep_text else data
