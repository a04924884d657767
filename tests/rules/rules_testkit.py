"""Helpers for the rulebook tests: set a field by path, build contexts, read issue codes."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone

from client.codes import default_codebook
from client.rules import RuleContext, validate
from client.rules.sample import sample_declaration

TODAY = date(2026, 11, 26)
_PART = re.compile(r"(\w+)(?:\[(\d+)\])?")


def setp(obj, path: str, value):
    """Set ``goods[1].hs_code``-style paths on a declaration (in place); returns ``obj``."""
    parts = path.split(".")
    target = obj
    for part in parts[:-1]:
        name, idx = _PART.fullmatch(part).groups()
        target = getattr(target, name)
        if idx is not None:
            target = target[int(idx)]
    name, idx = _PART.fullmatch(parts[-1]).groups()
    if idx is None:
        setattr(target, name, value)
    else:
        getattr(target, name)[int(idx)] = value
    return obj


def ctx(codes=None, **kw) -> RuleContext:
    """A context judged on :data:`TODAY`, grade A synced today unless told otherwise."""
    kw.setdefault("credit_grade", "A")
    kw.setdefault("grade_synced_at", datetime(2026, 11, 26, 8, 0, tzinfo=timezone.utc))
    kw.setdefault("today", TODAY)
    return RuleContext(codes=codes or default_codebook(), **kw)


def codes_of(issues) -> set[str]:
    return {i.code for i in issues}


def fields_of(issues, code: str) -> list[str]:
    return [i.field for i in issues if i.code == code]


def run(decl, **kw):
    return validate(decl, ctx(**kw))


__all__ = ["TODAY", "setp", "ctx", "codes_of", "fields_of", "run", "sample_declaration"]


def fast_and_slow(decl, c):
    """``validate`` with the engine's fast paths off and on: asserts both give the same
    issues (the fast paths change nothing but speed) and returns them."""
    from client.rules import engine
    engine.FASTPATH = False
    try:
        slow = validate(decl, c)
    finally:
        engine.FASTPATH = True
    fast = validate(decl, c)
    assert fast == slow
    return fast
