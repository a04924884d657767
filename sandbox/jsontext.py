"""Reading a request's JSON body safely: what cannot be stored is a 400, never a 500.

:func:`loads` refuses, with :class:`~sandbox.protocol.ApiError` 400, text that is not
JSON or not UTF-8, ``NaN``/``Infinity`` (not JSON, and the platform could not answer
them back), nesting deeper than :data:`MAX_DEPTH` (a declaration is a few levels deep;
hundreds of levels only exhaust the stack) and strings or keys holding a lone UTF-16
surrogate such as ``"\\ud800"`` (valid JSON escapes, but no UTF-8 text can hold them).
"""
from __future__ import annotations

import json
import re
from typing import Any

from .protocol import ApiError

#: deepest nesting of arrays/objects a request body may have
MAX_DEPTH = 32


def _constant(name: str):
    raise ValueError(f"{name} is not JSON")


def has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def check(value: Any, max_depth: int = MAX_DEPTH, strings: bool = True) -> None:
    """Raise ApiError 400 if ``value`` (parsed JSON) is too deep or holds a lone surrogate
    (strings are looked at only with ``strings``)."""
    stack = [(value, 1)]
    while stack:
        v, depth = stack.pop()
        if strings and isinstance(v, str):
            if has_lone_surrogate(v):
                raise ApiError(400, "invalid_text",
                               "a string holds a lone UTF-16 surrogate (\\ud800-\\udfff), "
                               "which is not text")
        elif isinstance(v, (dict, list)):
            if depth > max_depth:
                raise ApiError(400, "json_too_deep",
                               f"the JSON body is nested deeper than {max_depth} levels")
            if isinstance(v, dict):
                for k, item in v.items():
                    stack.append((k, depth))
                    stack.append((item, depth + 1))
            else:
                stack.extend((item, depth + 1) for item in v)


#: a JSON string (escapes included) or a run of anything but brackets and quotes
_NOT_BRACKETS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[^\[\]{}"]+')
#: an innermost pair of brackets
_PAIR = re.compile(r"\[\]|\{\}")


def too_deep(text: str, max_depth: int = MAX_DEPTH) -> bool:
    """Whether JSON ``text`` (already known to parse) nests arrays/objects deeper than
    ``max_depth``: the brackets outside strings, with each pass of the regular
    expression taking away the innermost pairs — one level per pass, in C."""
    rest = _NOT_BRACKETS.sub("", text)
    for _ in range(max_depth):
        if not rest:
            return False
        rest = _PAIR.sub("", rest)
    return bool(rest)


def loads(raw: bytes | str) -> Any:
    """``raw`` as JSON, checked (see the module docstring)."""
    try:
        # strict UTF-8 first: json.loads would decode bytes with "surrogatepass"
        text = raw.decode("utf-8") if isinstance(raw, (bytes, bytearray)) else raw
        value = json.loads(text, parse_constant=_constant)
    except RecursionError:
        raise ApiError(400, "json_too_deep",
                       f"the JSON body is nested deeper than {MAX_DEPTH} levels") from None
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "invalid_json", "the body is not JSON (UTF-8, no NaN/Infinity)") \
            from None
    if too_deep(text):
        raise ApiError(400, "json_too_deep",
                       f"the JSON body is nested deeper than {MAX_DEPTH} levels")
    # a lone surrogate can now only come from a \\uD800-\\uDFFF escape in the text
    if "\\u" in text and ("\\ud" in text or "\\uD" in text):
        check(value)
    return value
