"""Running the rulebook over a declaration (typed or raw JSON).

Codes outside the rule families:

* ``E0001``–``E0008`` — values :func:`client.model.parse_declaration` could not read;
* ``E0009`` — input that could not be read at all (the parser itself failed);
* ``W9999`` — a rule crashed on odd data (a bug: logged with its traceback).
"""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from ..model import Declaration, ParseIssue, parse_declaration
from ._common import fresh_lookups
from .base import Issue, RuleContext
from .fastpath import CHECKS
from .registry import load_all, scope_names

log = logging.getLogger(__name__)

#: use the fast paths of ``fastpath.py`` (skip a scope's rules when its check finds the
#: declaration plainly clean there); tests switch it off to prove it changes nothing but speed
FASTPATH = True

_rules: tuple | None = None   # every rule, in code order
#: (bit, check) per fast-path scope
_CHECKS = tuple((1 << n, check) for n, check in enumerate(CHECKS.values()))
_BIT = {scope: 1 << n for n, scope in enumerate(CHECKS)}
#: bitmask of the clean scopes -> the rules to run (filled as masks are met)
_subsets: dict[int, tuple] = {}


def _rule_fns() -> tuple:
    global _rules
    if _rules is None:
        _rules = tuple(i.fn for i in load_all().values())
    return _rules


def _scope_bits(scope) -> int:
    bits = 0
    for name in scope_names(scope):
        bits |= _BIT[name]
    return bits


def _subset(mask: int) -> tuple:
    """The rules to run when the scopes in ``mask`` are clean: a rule is skipped when all
    the scopes it names are clean."""
    rules = []
    for info in load_all().values():
        bits = _scope_bits(info.scope)
        if not bits or mask & bits != bits:
            rules.append(info.fn)
    rules = tuple(rules)
    _subsets[mask] = rules
    return rules


def _select(decl, ctx, lk) -> tuple:
    if not FASTPATH:
        return _rules or _rule_fns()
    mask = 0
    for bit, check in _CHECKS:
        try:
            if check(decl, ctx, lk):
                mask |= bit
        except Exception:  # noqa: BLE001 - odd objects: no shortcut, the rules will tell
            pass
    rules = _subsets.get(mask)
    return rules if rules is not None else _subset(mask)


def _code_of(fn) -> str:
    for info in load_all().values():
        if info.fn is fn:
            return info.code
    return "?"  # pragma: no cover


def _sort_key(i: Issue):
    return (i.severity != "error", i.field, i.code)


def parse_issue_to_issue(p: ParseIssue) -> Issue:
    return Issue(p.code, "error", p.field, p.message_zh, p.message_en)


def validate(decl: Declaration, ctx: RuleContext) -> list[Issue]:
    """All issues the rulebook finds, errors first, then by field path.

    A rule that crashes on odd data is a bug: it is logged with its traceback and reported
    as an internal-check warning instead of taking the whole validation down.
    """
    if ctx.codes is None:
        from ..codes import default_codebook
        ctx = replace(ctx, codes=default_codebook())
    lk = ctx.lookups = fresh_lookups(ctx.codes)  # one dict hit; picks up replaced tables
    issues: list[Issue] = []
    for fn in _select(decl, ctx, lk):
        try:
            found = fn(decl, ctx)
            if found:
                issues.extend(found)
        except Exception:  # noqa: BLE001 - a rule bug must not hide the other findings
            code = _code_of(fn)
            log.exception("rule %s failed on declaration %s", code,
                          getattr(decl, "id", None))
            issues.append(Issue("W9999", "warning", "", f"内部校验规则 {code} 出错，已记录日志",
                                f"internal check {code} failed; see the log"))
    if len(issues) > 1:
        issues.sort(key=_sort_key)
    return issues


def validate_raw(data: Any, ctx: RuleContext) -> tuple[Declaration | None, list[Issue]]:
    """Parse decoded JSON of any shape and validate it; never raises for bad input."""
    try:
        decl, parse_issues = parse_declaration(data)
    except Exception:  # noqa: BLE001 - e.g. a structure too deep for the parser
        log.exception("declaration could not be parsed")
        return None, [Issue("E0009", "error", "$", "报检单数据无法读取，请检查文件格式",
                            "The declaration data cannot be read: check the file format.")]
    issues = [parse_issue_to_issue(p) for p in parse_issues]
    if decl is None:
        return None, issues
    found = validate(decl, ctx)
    if issues:
        found = sorted(issues + found, key=_sort_key)
    return decl, found


def summarize(issues: list[Issue]) -> tuple[bool, int, int]:
    """``(valid, errors, warnings)``: valid means no error (warnings do not block)."""
    errors = sum(1 for i in issues if i.severity == "error")
    return errors == 0, errors, len(issues) - errors
