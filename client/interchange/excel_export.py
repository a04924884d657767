"""Exporting stored declarations to the template, and the error-report workbook.

The export is the template filled in: a broker hands it to a client, the client edits it
and sends it back, and ``import`` updates the same drafts (the ``id`` column is kept).
Each declaration's inspection number and status are included for information; an import
ignores them.

The error report is the same workbook with every cell the rulebook complains about
filled red and the messages in the cell's comment, plus a ``校验问题`` column listing all of
a declaration's problems. :func:`cell_of` maps a rule's field path (``goods[3].hs_code``,
``declarant.uscc``) to the row offset and column of the template.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from sqlalchemy import select

from ..fields import label
from ..model import Declaration, loads_stored
from ..store import schema as s
from .columns import Column, columns_for
from .progress import CancelFn, ProgressFn, Ticker
from .writer import WorkbookWriter, declaration_rows, write_declarations

log = logging.getLogger(__name__)

_PATH_RE = re.compile(r"^(\w+)(?:\[(\d+)\])?(?:\.(.*))?$")
_FIRST_COLUMN = {"declarant": "declarant.name_cn", "agent": "agent.name_cn",
                 "consignee": "consignee.name_cn", "consignor": "consignor.name_cn",
                 "declarer": "declarer.name", "goods": "goods.seq",
                 "containers": "containers.number", "certificates": "certificates.type"}


def iter_declarations(desk, ids: Sequence[str], chunk: int = 200
                      ) -> Iterator[tuple[Declaration, str, str | None]]:
    """``(declaration, status, stored issues JSON)`` for ``ids``, read 200 at a time."""
    t = s.declarations
    for i in range(0, len(ids), chunk):
        part = list(ids[i:i + chunk])
        with desk.db.read() as conn:
            rows = {r[0]: r[1:] for r in conn.execute(
                select(t.c.id, t.c.doc, t.c.status, t.c.issues, t.c.inspection_no)
                .where(t.c.id.in_(part)))}
        for did in part:
            row = rows.get(did)
            if row is not None:
                decl = loads_stored(row[0])
                decl.inspection_no = decl.inspection_no or row[3]  # the column is the record
                yield decl, row[1], row[2]


def common_direction(desk, ids: Sequence[str]) -> str | None:
    """The one direction of all ``ids`` (so the export can use that template), else None."""
    t = s.declarations
    found: set = set()
    with desk.db.read() as conn:
        for i in range(0, len(ids), 500):
            found |= {r[0] for r in conn.execute(select(t.c.direction).distinct()
                                                 .where(t.c.id.in_(list(ids[i:i + 500]))))}
            if len(found) > 1:
                return None
    return found.pop() if len(found) == 1 else None


def export_workbook(desk, ids: Sequence[str], path: str | Path, *, progress: ProgressFn = None,
                    cancel: CancelFn = None, warnings: list | None = None) -> int:
    """Write ``ids`` to ``path`` (``.xlsx`` or ``.csv``) in template form; returns the count.

    Cells cut to Excel's 32,767-character limit are appended to ``warnings``
    (:class:`~.writer.CellWarning`, one per cell).
    """
    direction = common_direction(desk, ids)
    columns = columns_for(direction)
    items = ((d, st) for d, st, _ in iter_declarations(desk, ids))
    write_declarations(Path(path), items, columns, desk.codes, len(ids), direction=direction,
                       progress=progress, cancel=cancel, warnings=warnings)
    return len(ids)


def cell_of(path: str, columns: Sequence[Column], n_rows: int) -> tuple[int, int]:
    """``(row offset, column index)`` of the cell showing field ``path`` of a declaration.

    Goods fields land on their goods line's row; containers and certificates on the
    comma-separated cells of the first row; anything without a column (attachments, the
    declaration as a whole) on the ``id`` cell.
    """
    index = {c.path: i for i, c in enumerate(columns)}
    fallback = (0, index.get("id", 0))
    m = _PATH_RE.match(path or "")
    if not m:
        return fallback
    head, item, rest = m.group(1), m.group(2), m.group(3)
    row = 0
    if head == "goods":
        if item is not None and int(item) < n_rows:
            row = int(item)
        col = f"goods.{rest}" if rest else "goods.seq"
    elif head in ("containers", "certificates"):
        col = f"{head}.{rest}" if rest else _FIRST_COLUMN[head]
    elif rest:
        col = f"{head}.{rest}"
    else:
        col = _FIRST_COLUMN.get(head, head)
    if col not in index:
        col = _FIRST_COLUMN.get(head, "")
    if col not in index:
        return (row if head == "goods" else 0, fallback[1])
    return row, index[col]


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """What an error report holds: declarations, how many have errors, issues written."""

    declarations: int
    with_errors: int
    issues: int
    warnings: tuple = ()  # CellWarning for each cell cut to Excel's limit


def _issue_line(x: dict, lang: str) -> str:
    sev = ("错误" if x.get("severity") == "error" else "提示") if lang != "en" else \
        ("error" if x.get("severity") == "error" else "warning")
    msg = x.get("message_en") if lang == "en" else x.get("message_zh")
    return f"[{sev}] {x.get('code', '')} {msg}"


def error_report(desk, ids: Sequence[str], path: str | Path, *, validate: bool = True,
                 lang: str = "zh", progress: ProgressFn = None, cancel: CancelFn = None
                 ) -> ReportSummary:
    """Validate ``ids`` (keeping the results) and write the error-report workbook."""
    ids = list(ids)
    if validate:
        tick = Ticker(progress, cancel, len(ids), "正在校验", every=1)
        for i in range(0, len(ids), 500):
            tick(i, force=True)
            desk.validate_ids(ids[i:i + 500])
    direction = common_direction(desk, ids)
    columns = columns_for(direction, issues=True)
    writer = WorkbookWriter(Path(path), columns, desk.codes, direction=direction, lang=lang)
    tick = Ticker(progress, cancel, len(ids), "正在写入报告", every=100)
    try:
        with_errors, n_issues = _report_rows(desk, ids, columns, writer, tick, lang)
    except BaseException:
        writer.discard()
        raise
    writer.close()
    tick.finish()
    return ReportSummary(len(ids), with_errors, n_issues, tuple(writer.warnings))


def _report_rows(desk, ids, columns, writer, tick, lang) -> tuple[int, int]:
    with_errors = n_issues = 0
    for i, (decl, status, issues_json) in enumerate(iter_declarations(desk, ids)):
        tick(i)
        issues = json.loads(issues_json) if issues_json else []
        if any(x.get("severity") == "error" for x in issues):
            with_errors += 1
        n_issues += len(issues)
        text = "\n".join(f"{label(x['field'], lang) if x.get('field') else ''}: "
                         f"{_issue_line(x, lang)}" for x in issues) or None
        rows = declaration_rows(decl, columns, status=status, issues_text=text, lang=lang)
        notes: dict[tuple[int, int], list[str]] = {}
        for x in issues:
            notes.setdefault(cell_of(x.get("field") or "", columns, len(rows)), []) \
                .append(_issue_line(x, lang))
        writer.add_rows(rows, {k: "\n".join(v) for k, v in notes.items()})
    return with_errors, n_issues
