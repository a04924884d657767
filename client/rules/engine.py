"""Running the rulebook over a declaration (typed or raw JSON)."""
from __future__ import annotations

import logging
from typing import Any

from ..model import Declaration, ParseIssue, parse_declaration
from .base import Issue, RuleContext
from .registry import load_all

log = logging.getLogger(__name__)


def parse_issue_to_issue(p: ParseIssue) -> Issue:
    return Issue(p.code, "error", p.field, p.message_zh, p.message_en)


def validate(decl: Declaration, ctx: RuleContext) -> list[Issue]:
    """All issues the rulebook finds, errors first, then by field path.

    A rule that crashes on odd data is a bug: it is logged with its traceback and reported
    as an internal-check warning instead of taking the whole validation down.
    """
    issues: list[Issue] = []
    for info in load_all().values():
        try:
            found = info.fn(decl, ctx)
            if found:
                issues.extend(found)
        except Exception:  # noqa: BLE001 - a rule bug must not hide the other findings
            log.exception("rule %s failed on declaration %s", info.code, decl.id)
            issues.append(Issue("W9999", "warning", "", f"内部校验规则 {info.code} 出错，已记录日志",
                                f"internal check {info.code} failed; see the log"))
    issues.sort(key=lambda i: (i.severity != "error", i.field, i.code))
    return issues


def validate_raw(data: Any, ctx: RuleContext) -> tuple[Declaration | None, list[Issue]]:
    """Parse decoded JSON of any shape and validate it; never raises for bad input."""
    decl, parse_issues = parse_declaration(data)
    issues = [parse_issue_to_issue(p) for p in parse_issues]
    if decl is None:
        return None, issues
    return decl, issues + validate(decl, ctx)


def summarize(issues: list[Issue]) -> tuple[bool, int, int]:
    """``(valid, errors, warnings)``: valid means no error (warnings do not block)."""
    errors = sum(1 for i in issues if i.severity == "error")
    return errors == 0, errors, len(issues) - errors
