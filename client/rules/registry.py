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
    #: the fast-path scope covering this rule, or a tuple of scopes that together cover it
    #: (``None``: always run). The engine skips the rule when the check of that scope (of
    #: every one of those scopes) in ``client/rules/fastpath.py`` finds the declaration
    #: plainly clean there; see :data:`SCOPES`
    scope: str | tuple[str, ...] | None = None


RULES: dict[str, RuleInfo] = {}

#: the fast-path scopes a rule may name (one check each in ``fastpath.py``):
#: ``goods`` — looks only at each goods line's own fields (and index);
#: ``header`` — a plain required / length / code-table check of a header field;
#: ``parties`` — declarant, agent, consignee, consignor and declarer fields;
#: ``ports`` — the UN/LOCODE ports (and their countries);
#: ``containers``, ``attachments``, ``certificates`` — those lists' own entries;
#: ``ciq`` — the E20xx family (the eCIQ goods line and what the catalogue requires).
SCOPES = ("goods", "header", "parties", "ports", "containers", "attachments", "certificates",
          "ciq")


def scope_names(scope: str | tuple[str, ...] | None) -> tuple[str, ...]:
    """A rule's ``scope`` as a tuple of scope names (empty: the rule always runs)."""
    return (scope,) if isinstance(scope, str) else tuple(scope or ())

#: the modules that hold rules, one per family, imported by :func:`load_all`.
#: Codes: ``E``/``W`` + family number (``10``–``20``) + two-digit number (see ``docs/rules.md``).
FAMILIES: list[str] = [
    "required",          # E10xx  what must be filled in
    "lengths",           # E11xx  maximum text lengths
    "formats",           # E12xx  shapes of numbers and codes
    "checkdigits",       # E13xx  USCC and ISO 6346 check characters (python-stdnum)
    "codes_membership",  # E14xx  codes exist in their tables and fit the direction
    "crossfield",        # E15xx  fields judged together
    "integration",       # E16xx  三通两直: direct modes, cross-bureau declaring/release
    "credit",            # E17xx  what the credit grade allows
    "ecommerce",         # E18xx  cross-border e-commerce
    "attachments",       # E19xx  attached documents
    "ciq",               # E20xx  the eCIQ goods line and the inspection catalogue
]

#: family module -> (code prefix, Chinese title, English title), for the generated docs
FAMILY_TITLES: dict[str, tuple[str, str, str]] = {
    "model": ("00", "解析", "parsing (client.model)"),
    "required": ("10", "必填项", "required fields"),
    "lengths": ("11", "长度", "lengths"),
    "formats": ("12", "格式", "formats"),
    "checkdigits": ("13", "校验码", "check characters"),
    "codes_membership": ("14", "代码表", "code tables"),
    "crossfield": ("15", "字段关联", "cross-field"),
    "integration": ("16", "三通两直", "clearance integration"),
    "credit": ("17", "信用等级", "credit grade"),
    "ecommerce": ("18", "跨境电商", "cross-border e-commerce"),
    "attachments": ("19", "随附单据", "attachments"),
    "ciq": ("20", "检验检疫编码与法检目录", "eCIQ goods line and inspection catalogue"),
}


def rule(code: str, severity: Severity, field: str, summary_zh: str, summary_en: str, *,
         scope: str | tuple[str, ...] | None = None):
    """Register a rule function under a stable code (codes never change meaning).

    ``scope`` (one of :data:`SCOPES`, or a tuple of them) declares that the rule cannot
    fire when that scope's fast-path check in ``fastpath.py`` passes (every one of them for
    a tuple), so the engine may skip it then (speed only).
    """
    def deco(fn: RuleFn) -> RuleFn:
        if code in RULES:
            raise ValueError(f"rule code {code} registered twice")
        for sc in scope_names(scope):
            if sc not in SCOPES:
                raise ValueError(f"rule {code}: unknown fast-path scope {sc!r}")
        family = fn.__module__.rsplit(".", 1)[-1]
        if severity not in ("error", "warning") or code[0] != ("E" if severity == "error" else "W"):
            raise ValueError(f"rule code {code} does not match severity {severity}")
        RULES[code] = RuleInfo(code, severity, field, summary_zh, summary_en, family, fn, scope)
        return fn
    return deco


_loaded = False


def load_all() -> dict[str, RuleInfo]:
    """Import every family module once and return the registry (ordered by code)."""
    global _loaded
    if not _loaded:
        for name in FAMILIES:
            importlib.import_module(f"{__package__}.{name}")
        ordered = sorted(RULES.items(), key=lambda kv: (kv[0][1:], kv[0]))
        RULES.clear()
        RULES.update(ordered)
        _loaded = True
    return RULES
