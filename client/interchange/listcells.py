"""The text form of a declaration's small lists, shared by the spreadsheet and the editor grid.

One cell (or one grid cell) holds a whole list:

* code lists such as a goods line's 货物属性: ``11,21`` (commas, full-width commas, 、,
  ; or spaces between codes);
* ``{type, number}`` lists such as a goods line's 产品资质 or the header's 企业资质:
  ``325:ABC123,411:2026011101`` (``:`` or ``：`` between type and number; a type alone,
  ``325``, is a licence whose number is still to come);
* the goods lines of each container (``containers[].goods_seqs``): the containers are
  comma-separated as in the other container columns, the goods of one container joined
  by ``/`` — ``1/2,3`` means container 1 holds goods 1 and 2, container 2 holds goods 3.

:func:`item_class` finds the dataclass a list or object field holds (``GoodsLine.licences``
→ the licence class), so rows are built by the model's own classes.
"""
from __future__ import annotations

import functools
import keyword
import re
import typing
from dataclasses import fields, is_dataclass
from typing import Any, Iterable

_ITEMS = re.compile(r"[,，;；、\s]+")
_PAIR = re.compile(r"[:：]")


def parse_codes(text: Any) -> list[str]:
    """``"11, 21"`` → ``["11", "21"]`` (empty or ``None`` → ``[]``)."""
    if text is None:
        return []
    return [p for p in _ITEMS.split(str(text).strip()) if p]


def format_codes(items: Iterable[Any] | None) -> str:
    return ",".join(str(i) for i in (items or []) if i not in (None, ""))


def parse_pairs(text: Any) -> list[tuple[str, str | None]]:
    """``"325:ABC123,411"`` → ``[("325", "ABC123"), ("411", None)]``."""
    out: list[tuple[str, str | None]] = []
    for item in parse_codes(text):
        if not _PAIR.search(item):
            out.append((item, None))
            continue
        kind, number = (p.strip() for p in _PAIR.split(item, maxsplit=1))
        if kind or number:
            out.append((kind, number or None))
    return out


def format_pairs(items: Iterable[Any] | None) -> str:
    """Objects (or dicts) with ``type`` and ``number`` → ``"325:ABC123,411"``."""
    parts = []
    for it in items or []:
        kind = it.get("type") if isinstance(it, dict) else getattr(it, "type", None)
        number = it.get("number") if isinstance(it, dict) else getattr(it, "number", None)
        if kind or number:
            parts.append(f"{kind or ''}:{number}" if number else str(kind or ""))
    return ",".join(parts)


def parse_seq_groups(text: Any) -> list[list[int]]:
    """``"1/2,3"`` → ``[[1, 2], [3]]``; raises ``ValueError`` for a part that is not a number."""
    out = []
    for item in parse_codes(text):
        out.append([int(p) for p in item.replace("／", "/").split("/") if p.strip()])
    return out


def format_seq_groups(groups: Iterable[Iterable[int] | None]) -> str:
    parts = ["/".join(str(s) for s in (g or [])) for g in groups]
    return ",".join(parts) if any(parts) else ""


_ITEM_CLASS: dict[tuple[type, str], type | None] = {}
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def item_class(owner: type, name: str) -> type | None:
    """The dataclass held by field ``name`` of dataclass ``owner`` (``X | None``,
    ``list[X]``), or ``None`` when the field holds plain values (cached: the model's
    classes do not change while the program runs)."""
    key = (owner, name)
    if key in _ITEM_CLASS:
        return _ITEM_CLASS[key]
    hints = typing.get_type_hints(owner)
    stack = [hints.get(name)]
    found: type | None = None
    while stack:
        t = stack.pop()
        if isinstance(t, type) and is_dataclass(t):
            found = t
            break
        stack.extend(typing.get_args(t))
    _ITEM_CLASS[key] = found
    return found


def make_pairs(owner: type, name: str, pairs: list[tuple[str, str | None]]) -> list:
    """The list value of ``owner.name`` for ``pairs`` (objects of the field's item class)."""
    cls = item_class(owner, name)
    if cls is None:
        return [{"type": t, "number": n} for t, n in pairs]
    return [cls(type=t, number=n) for t, n in pairs]


def field_names(cls: type) -> tuple[str, ...]:
    out = _FIELD_NAMES.get(cls)
    if out is None:
        out = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls) if f.name != "extra")
    return out


@functools.cache
def attr_name(key: str) -> str:
    """The attribute of a JSON key (``class`` → ``class_``, a Python keyword)."""
    return key + "_" if keyword.iskeyword(key) else key


def get_in(obj: Any, dotted: str) -> Any:
    """``get_in(line, "producer.name")``: ``None`` where an object on the way is missing."""
    for part in dotted.split("."):
        if obj is None:
            return None
        obj = getattr(obj, attr_name(part), None)
    return obj


def set_in(obj: Any, dotted: str, value: Any) -> None:
    """Set ``producer.name`` on a line, creating the producer (its field's class) when
    missing; an object left with every field empty becomes ``None`` again."""
    head, dot, rest = dotted.partition(".")
    if not dot:
        setattr(obj, attr_name(head), value)
        return
    sub = getattr(obj, attr_name(head), None)
    if sub is None:
        if value is None:
            return
        cls = item_class(type(obj), attr_name(head))
        if cls is None:
            raise TypeError(f"{type(obj).__name__}.{head} holds no object")
        sub = cls()
        setattr(obj, attr_name(head), sub)
    set_in(sub, rest, value)
    if all(getattr(sub, f) in (None, "", []) for f in field_names(type(sub))):
        setattr(obj, attr_name(head), None)
