"""The one registry of rules. A rule is a function ``(decl, ctx) -> Iterable[Issue]``
decorated with :func:`rule`, which records its code, severity, field and message
templates (for the generated rules table in ``docs/rules.md``)."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable, Iterable

from ..model import Declaration
from .base import Issue, RuleContext, Severity

RuleFn = Callable[[Declaration, RuleContext], Iterable[Issue]]


@dataclass(frozen=True)
class RuleInfo:
    """What a rule is, for documentation: code, severity, field path template, messages."""

    code: str
    severity: Severity
    field: str
    summary_zh: str
    summary_en: str
    family: str
    fn: RuleFn


RULES: dict[str, RuleInfo] = {}

#: the modules that hold rules, one per family, imported by :func:`load_all`.
FAMILIES: list[str] = []


def rule(code: str, severity: Severity, field: str, summary_zh: str, summary_en: str):
    """Register a rule function under a stable code (codes never change meaning)."""
    def deco(fn: RuleFn) -> RuleFn:
        if code in RULES:
            raise ValueError(f"rule code {code} registered twice")
        family = fn.__module__.rsplit(".", 1)[-1]
        RULES[code] = RuleInfo(code, severity, field, summary_zh, summary_en, family, fn)
        return fn
    return deco


_loaded = False


def load_all() -> dict[str, RuleInfo]:
    """Import every family module once and return the registry."""
    global _loaded
    if not _loaded:
        for name in FAMILIES:
            importlib.import_module(f"{__package__}.{name}")
        _loaded = True
    return RULES
