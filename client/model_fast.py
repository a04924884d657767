"""The generated straight-line readers of :mod:`client.model` (its "parse: fast path").

Split from ``model.py`` to keep that module readable; the explanation of what the fast
readers accept and why they agree with the generic reader is in ``model.py``.
"""
from __future__ import annotations

import keyword
from dataclasses import fields
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any


#: text -> date already read: declarations carry few distinct days (dates are immutable,
#: so one object may serve every declaration); bounded against odd input
_DATES: dict[str, date] = {}


def parse_date(value: Any) -> date | None:
    """A real calendar date from ``YYYY-MM-DD`` (``2026-02-30`` is not one)."""
    if value.__class__ is not str:
        return None
    hit = _DATES.get(value)
    if hit is not None:
        return hit
    if (len(value) == 10 and value[4] == "-" and value[7] == "-"
            and value.isascii() and value[:4].isdigit() and value[5:7].isdigit()
            and value[8:].isdigit()):
        try:
            hit = date.fromisoformat(value)
        except ValueError:
            return None
        if len(_DATES) < 8192:
            _DATES[value] = hit
        return hit
    return None


def _attr(name: str) -> str:
    """The dataclass attribute of JSON key ``name`` (``class`` → ``class_``)."""
    return name + "_" if keyword.iskeyword(name) else name




class Slow(Exception):
    """A fast reader met something not plainly well-formed: use the generic path."""


_I64 = 2 ** 63  # _p_int keeps an int as it is when bit_length() <= 63, i.e. |v| < 2**63


def _fast_field(name: str, kind: str, f: Any, acc: str) -> list[str]:
    """The lines reading field ``name`` (dataclass field ``f``) into ``o``; ``acc`` spells
    the lookup (``d[{name}]`` or ``g({name})``)."""
    lines = [f"v = {acc.format(name=repr(name))}"]
    if kind == "str":
        lines.append("if v.__class__ is not str and v is not None: raise _Slow")
    elif kind == "int":
        lines.append(f"if v is not None and (v.__class__ is not int or not "
                     f"{-_I64} < v < {_I64}): raise _Slow")
    elif kind == "bool":
        lines.append("if v is not None and v is not True and v is not False: raise _Slow")
    elif kind == "date":
        lines += ["if v is not None:",
                  "    v = _parse_date(v)",
                  "    if v is None: raise _Slow"]
    elif kind == "dec":  # parse_decimal on a str, inlined (20 amounts per declaration)
        lines += ["if v is not None:",
                  "    if (v.__class__ is not str or 'e' in v or 'E' in v or '_' in v",
                  "            or not v.isascii()): raise _Slow",
                  "    try: v = _Decimal(v)",
                  "    except _InvalidOperation: raise _Slow",
                  "    if not v.is_finite(): raise _Slow"]
    elif kind == "strs":
        lines += ["if v is None: v = []",
                  "elif v.__class__ is list and all(x.__class__ is str for x in v): v = v[:]",
                  "else: raise _Slow"]
    elif kind == "ints":
        lines += ["if v is None: v = []",
                  f"elif v.__class__ is list and all(x.__class__ is int and {-_I64} < x < {_I64}"
                  " for x in v): v = v[:]",
                  "else: raise _Slow"]
    elif kind.startswith("obj:"):
        lines.append(f"if v is not None: v = _fast_{kind[4:]}(v)")
    elif kind.startswith("list:"):  # a fresh list every time, like list() in _maker
        lines += ["if v is None: v = []",
                  f"elif v.__class__ is list: v = [_fast_{kind[5:]}(x) for x in v] if v else []",
                  "else: raise _Slow"]
    else:  # pragma: no cover - a kind added to the tables but not here
        raise AssertionError(kind)
    if kind.startswith("list:") or kind in ("strs", "ints"):
        assert f.default_factory is list, name
    else:
        assert f.default is None or f.default.__class__ is str, name
        if f.default is not None:  # "schema": null reads as SCHEMA, as in _maker
            lines.append(f"if v is None: v = {f.default!r}")
    lines.append(f"o.{_attr(name)} = v")
    return lines


def fast_parsers(classes: dict[str, tuple[type, tuple]]) -> dict[str, Any]:
    """Generate ``_fast_<key>(d)`` for every class: the object read from ``d``, or _Slow."""
    env: dict[str, Any] = {"_new": object.__new__, "_Slow": Slow, "_Decimal": Decimal,
                           "_InvalidOperation": InvalidOperation, "_parse_date": parse_date}
    for key, (cls, spec) in classes.items():
        slots = {f.name: f for f in fields(cls)}
        # every slot gets set: the known fields, then extra
        assert set(slots) == {_attr(n) for n, _ in spec} | {"extra"}, key
        assert slots["extra"].default_factory is dict, key  # type: ignore[misc]
        env[f"_cls_{key}"] = cls
        env[f"_known_{key}"] = frozenset(n for n, _ in spec)

        full, partial = ([" " * indent + line for name, kind in spec
                          for line in _fast_field(name, kind, slots[_attr(name)], acc)]
                         for acc, indent in (("d[{name}]", 12), ("g({name})", 8)))
        lines = [f"def _fast_{key}(d):",
                 "    if d.__class__ is not dict:",
                 "        raise _Slow",
                 f"    o = _new(_cls_{key})",
                 # every key present (as to_dict writes them): subscripts, cheaper than get;
                 # as many keys as known fields, each of them read, means no unknown key
                 f"    if len(d) == {len(spec)}:",
                 "        try:",
                 *full,
                 "        except KeyError:",
                 "            raise _Slow from None",
                 f"    elif not _known_{key}.issuperset(d):",
                 "        raise _Slow",
                 "    else:",
                 "        g = d.get",
                 *partial,
                 "    o.extra = {}",
                 "    return o"]
        exec("\n".join(lines), env)  # noqa: S102 - generated from the field tables only
    return {key: env[f"_fast_{key}"] for key in classes}




def _finite(x: Any) -> None:
    """Raise ValueError for a NaN or an infinity anywhere in ``x`` (an unknown key's value,
    kept from a JSON file): orjson would write it as ``null``, and the store keeps valid,
    faithful JSON only."""
    if isinstance(x, float):
        if x != x or x in (_INF, -_INF):
            raise ValueError("NaN or Infinity")
    elif isinstance(x, dict):
        for v in x.values():
            _finite(v)
    elif isinstance(x, (list, tuple)):
        for v in x:
            _finite(v)


_INF = float("inf")


def fast_dumpers(classes: dict[str, tuple[type, tuple]], *, finite: bool = False
                 ) -> dict[str, Any]:
    """Generate ``_dump_<key>(o)`` for every class: the straight-line equivalent of
    ``model._dump_obj(key, o)`` (the same keys in the same order, ``None`` kept, each
    kind written the same way, unknown keys from ``extra`` after the known ones). With
    ``finite`` a NaN or infinity under an unknown key raises ValueError (:func:`_finite`;
    the store's writer, ``model.dumps_compact``, uses these)."""
    env: dict[str, Any] = {"_finite": _finite}
    for key, (_cls, spec) in classes.items():
        pre, items = [], []
        for i, (name, kind) in enumerate(spec):
            v = f"v{i}"
            pre.append(f"    {v} = o.{_attr(name)}")
            if kind in ("strs", "ints"):
                expr = f"None if {v} is None else list({v})"
            elif kind == "dec":
                expr = f"None if {v} is None else format({v}, 'f')"
            elif kind == "date":
                expr = f"None if {v} is None else {v}.isoformat()"
            elif kind.startswith("obj:"):
                expr = f"None if {v} is None else _dump_{kind[4:]}({v})"
            elif kind.startswith("list:"):
                expr = f"None if {v} is None else [_dump_{kind[5:]}(x) for x in {v}]"
            else:
                expr = v
            items.append(f"{name!r}: {expr}")
        lines = [f"def _dump_{key}(o):", *pre,
                 "    out = {" + ", ".join(items) + "}",
                 "    extra = o.extra",
                 "    if extra:",
                 "        for k, x in extra.items():",
                 *(["            _finite(x)"] if finite else []),
                 "            out.setdefault(k, x)",
                 "    return out"]
        exec("\n".join(lines), env)  # noqa: S102 - generated from the field tables only
    return {key: env[f"_dump_{key}"] for key in classes}
