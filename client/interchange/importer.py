"""Importing one template workbook or CSV file into the store as drafts (issue 17).

:func:`import_into` reads the sheet with ``excel_import`` in parts (``SheetReader.groups``),
has each part prepared by ``import_work`` (here, or in its worker processes), and stores
the parts in the sheet's order in one transaction (``Desk.importing``), each on a thread
of its own while the next part is prepared (``perf.Behind``). A sheet whose declarations'
rows are apart, or that cannot be cut into pieces, is read whole instead
(:func:`_import_whole`).
"""
from __future__ import annotations

import logging
from pathlib import Path

from ..perf import Behind
from .excel_import import Problem, RowsApart, _open, read_workbook
from .progress import CancelFn, Cancelled, ProgressFn, Ticker
from .workbook_limits import UnreadableFile

log = logging.getLogger(__name__)


#: rows read before the declarations read so far are stored (and dropped from memory)
CHUNK_ROWS = 2000


def import_into(desk, path: str | Path, report, progress: ProgressFn = None,
                cancel: CancelFn = None, *, validate: bool = False):
    """Import a template ``.xlsx``/``.csv`` file as drafts, filling ``report``.

    The file is read and stored in parts of about :data:`CHUNK_ROWS` rows, all in one
    transaction (:meth:`~client.services.desk.Desk.importing`), so memory does not grow
    with the file: readable declarations are saved (new drafts, or updates of drafts with
    the same id) when the whole file has been read; a cancel, or a file refused part-way
    (too many declarations), stores nothing (a cancel raises
    :class:`~.progress.Cancelled`). A sheet whose declaration's rows are apart (another
    declaration's rows between them) is read again whole, with the same result. With
    ``validate`` each declaration is also validated as it is stored and the result kept
    for the editor's markers, as ``Desk.validate_ids`` would.
    """
    from ..perf import paused_gc, short_switches
    from .xlsx_rows import ReadWhole
    with paused_gc(), short_switches():
        try:
            return _import_streamed(desk, Path(path), report, progress, cancel, validate)
        except RowsApart as exc:
            log.info("%s: rows of one declaration are apart (row %s); reading it whole",
                     Path(path).name, exc)
        except ReadWhole as exc:
            log.info("%s: %s; reading the sheet in one piece", Path(path).name, exc)
        return _import_whole(desk, Path(path), report, progress, cancel, validate=validate)


def _problems(path: Path, problems: list[Problem]) -> list:
    from ..services.desk import ImportProblem
    return [ImportProblem(str(path), p.row, p.column, p.field, p.message, p.message_en)
            for p in problems]


def _refused(path: Path, exc: UnreadableFile) -> list:
    from ..services.desk import ImportProblem
    return [ImportProblem(str(path), None, None, None, exc.message_zh + "，整个文件未导入",
                          exc.message_en + "; nothing from this file was imported")]


def _import_streamed(desk, path: Path, report, progress: ProgressFn, cancel: CancelFn,
                     validate: bool):
    from ..services.desk import ImportReport
    from . import import_work
    try:
        sheet = _open(path)
    except UnreadableFile as exc:
        report.errors.extend(_refused(path, exc))
        report.files_refused += 1
        return report
    part_report = ImportReport()
    workers = 0 if sheet.reader.bad_cells else import_work.workers_for(sheet.total)
    pool = None
    stored = 0
    try:
        codes = desk.codes
        ctx = desk.rule_context() if validate else None
        if workers:  # the workers load their tables while this process reads
            pool = import_work.start_pool(codes, ctx, workers,
                                          [(ci, col.path) for ci, col in sheet.columns],
                                          sheet.reader.default_direction)
        tick = Ticker(progress, cancel, sheet.total or 0, "正在读取", every=500)

        def local(groups: list) -> import_work.Prepared:
            return import_work.prepare(sheet.reader, groups, codes, ctx)

        parts = sheet.reader.groups(sheet.rows, sheet.columns, sheet.first_row, tick,
                                    import_work.POOL_PART_ROWS if pool else CHUNK_ROWS)
        done = import_work.in_order(pool, parts, local)
        # each part is stored on a thread of its own while the next is read and validated
        # (the store's statements run without the GIL); leaving the block waits for it
        with desk.importing(str(path), part_report) as sink, Behind("import-store") as later:
            for _groups, got in done:
                if cancel is not None and cancel():
                    raise Cancelled()
                sheet.reader.problems.extend(got.problems)
                later(_store_part, sink, got)
                stored += len(got.batch)
                del got
            if cancel is not None and cancel():
                raise Cancelled()
    except UnreadableFile as exc:  # refused part-way (too many declarations): nothing stored
        report.errors.extend(_problems(path, sheet.reader.problems) + _refused(path, exc))
        report.files_refused += 1
        return report
    finally:
        if pool is not None:
            pool.close()
        sheet.close()
    tick.finish()
    if not stored and any(p.row is None and p.column is None for p in sheet.reader.problems):
        report.files_refused += 1
    report.errors.extend(_problems(path, sheet.reader.problems) + part_report.errors)
    report.warnings.extend(part_report.warnings)
    report.imported.extend(part_report.imported)
    report.updated.extend(part_report.updated)
    if progress is not None:
        progress(stored, stored, "正在保存")
    log.info("imported %s: %d declarations, %d problems%s", path.name, stored,
             len(sheet.reader.problems), f" ({workers} worker processes)" if workers else "")
    return report


def _store_part(sink, got) -> None:
    """Store one prepared part of an import (``import_work.Prepared``) through ``sink``."""
    for row, field_, zh, en in got.warnings:
        sink.warn(row, field_, zh, en)
    sink.store_rows(got.batch, got.rows)


def _import_whole(desk, path: Path, report, progress: ProgressFn, cancel: CancelFn, *,
                  validate: bool):
    """The whole file read first, then stored in one transaction (rows of one declaration
    may be anywhere in the sheet)."""
    decls, problems = read_workbook(path, progress, cancel)
    report.errors.extend(problems)
    if any(p.row is None and p.column is None for p in problems) and not decls:
        report.files_refused += 1
        return report
    if cancel is not None and cancel():
        raise Cancelled()
    if progress is not None:
        progress(0, len(decls), "正在保存")
    # mapped to eCIQ, validated and stored as the import dialog's files are
    desk.store_imported([d for d, _ in decls], [r for _, r in decls], str(path), report,
                        stored=(lambda n: progress(n, len(decls), "正在保存"))
                        if progress is not None else None, validate=validate)
    log.info("imported %s: %d declarations, %d problems", path.name, len(decls), len(problems))
    return report
