"""Importing one template workbook or CSV file into the store as drafts (issue 17).

:func:`import_into` reads the sheet with ``excel_import`` in parts (``SheetReader.groups``),
has each part prepared by ``import_work`` (here, or in its worker processes), and stores
the parts in the sheet's order in one transaction (``Desk.importing``), each on a thread
of its own while the next part is prepared (``perf.Behind``). A sheet whose declarations'
rows are apart, or that cannot be cut into pieces, is read whole instead
(:func:`_read_whole`), and its declarations prepared and stored the same way.

The import dialog reads first and stores when the user says so: :func:`spool_file` runs
the same reading and keeps the prepared parts in a :class:`~.spool.Spool` (a temporary
file), :func:`store_spooled` stores them in one transaction. Both ways go through
:func:`_read`, so a file gives the same drafts, problems and results either way.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from ..perf import Behind
from .excel_import import Problem, RowsApart, _open, read_workbook
from .import_work import Prepared
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
    part_report = _new_report()
    done = _read(desk, Path(path), report, progress, cancel, validate,
                 lambda: _into_store(desk, Path(path), part_report))
    if done is not None:
        _merge(report, part_report)
        if progress is not None:
            progress(done, done, "正在保存")
    return report


def spool_file(desk, path: str | Path, report, progress: ProgressFn = None,
               cancel: CancelFn = None, *, validate: bool = False):
    """Read and prepare a template file as :func:`import_into` does, storing nothing: the
    prepared parts go to a :class:`~.spool.Spool` (returned; None when the file is
    refused whole) for :func:`store_spooled`, the problems found on reading to
    ``report.errors`` (the import dialog's preview)."""
    from .spool import Spool
    spool = Spool(str(path), desk.paths.cache)
    try:
        done = _read(desk, Path(path), report, progress, cancel, validate,
                     lambda: _into_spool(spool))
    except BaseException:
        spool.close()
        raise
    if done is None:
        spool.close()
        return None
    return spool


def store_spooled(desk, spool, report, progress: ProgressFn = None,
                  cancel: CancelFn = None) -> None:
    """Store the parts :func:`spool_file` prepared, in one transaction (a cancel between
    parts raises :class:`~.progress.Cancelled` and stores nothing), then close the spool.
    ``progress(done, total, "正在保存")`` after each part."""
    part_report = _new_report()
    done = 0
    try:
        with _into_store(desk, Path(spool.source), part_report) as put:
            for got in spool:
                if cancel is not None and cancel():
                    raise Cancelled()
                put(got)
                done += len(got.batch)
                if progress is not None:
                    progress(done, spool.count, "正在保存")
    finally:
        spool.close()
    _merge(report, part_report)


def _new_report():
    from ..services.desk import ImportReport
    return ImportReport()


def _merge(report, part_report) -> None:
    """What a transaction stored and refused (on commit) into ``report``."""
    report.errors.extend(part_report.errors)
    report.warnings.extend(part_report.warnings)
    report.imported.extend(part_report.imported)
    report.updated.extend(part_report.updated)


@contextmanager
def _into_store(desk, path: Path, part_report) -> Iterator[Callable[[Prepared], None]]:
    """One transaction taking prepared parts, each stored on a thread of its own while
    the next is read and validated (the store's statements run without the GIL); leaving
    the block waits for the last and commits (an exception rolls everything back)."""
    with desk.importing(str(path), part_report) as sink, Behind("import-store") as later:
        yield lambda got: later(_store_part, sink, got)


@contextmanager
def _into_spool(spool) -> Iterator[Callable[[Prepared], None]]:
    """The spool taking prepared parts; a read that fails part-way (or starts over whole)
    leaves it as it was, as a rolled-back transaction leaves the store."""
    mark = spool.mark()
    try:
        yield spool.add
    except BaseException:
        spool.rollback(mark)
        raise


def _read(desk, path: Path, report, progress: ProgressFn, cancel: CancelFn, validate: bool,
          target: Callable[[], AbstractContextManager[Callable[[Prepared], None]]]
          ) -> int | None:
    """Read ``path`` in prepared parts handed, in the sheet's order, to the callable
    ``target()`` gives (a context: it ends when the file has been read). The problems
    found on reading go to ``report.errors``; returns the declarations handed over, or
    None when the file was refused (``report.files_refused`` counts it)."""
    from ..perf import paused_gc, short_switches
    from .xlsx_rows import ReadWhole
    with paused_gc(), short_switches():
        try:
            return _read_streamed(desk, path, report, progress, cancel, validate, target)
        except RowsApart as exc:
            log.info("%s: rows of one declaration are apart (row %s); reading it whole",
                     path.name, exc)
        except ReadWhole as exc:
            log.info("%s: %s; reading the sheet in one piece", path.name, exc)
        return _read_whole(desk, path, report, progress, cancel, validate, target)


def _problems(path: Path, problems: list[Problem]) -> list:
    from ..services.desk import ImportProblem
    return [ImportProblem(str(path), p.row, p.column, p.field, p.message, p.message_en)
            for p in problems]


def _refused(path: Path, exc: UnreadableFile) -> list:
    from ..services.desk import ImportProblem
    return [ImportProblem(str(path), None, None, None, exc.message_zh + "，整个文件未导入",
                          exc.message_en + "; nothing from this file was imported")]


def _read_streamed(desk, path: Path, report, progress: ProgressFn, cancel: CancelFn,
                   validate: bool, target) -> int | None:
    from . import import_work
    try:
        sheet = _open(path)
    except UnreadableFile as exc:
        report.errors.extend(_refused(path, exc))
        report.files_refused += 1
        return None
    workers = 0 if sheet.reader.bad_cells else import_work.workers_for(sheet.total)
    pool = None
    handed = 0
    try:
        codes = desk.codes
        ctx = desk.rule_context() if validate else None
        if workers:  # the workers load their tables while this process reads
            pool = import_work.start_pool(codes, ctx, workers,
                                          [(ci, col.path) for ci, col in sheet.columns],
                                          sheet.reader.default_direction)
        tick = Ticker(progress, cancel, sheet.total or 0, "正在读取", every=500)

        def local(groups: list) -> Prepared:
            return import_work.prepare(sheet.reader, groups, codes, ctx)

        parts = sheet.reader.groups(sheet.rows, sheet.columns, sheet.first_row, tick,
                                    import_work.POOL_PART_ROWS if pool else CHUNK_ROWS)
        done = import_work.in_order(pool, parts, local)
        with target() as put:
            for _groups, got in done:
                if cancel is not None and cancel():
                    raise Cancelled()
                sheet.reader.problems.extend(got.problems)
                put(got)
                handed += len(got.batch)
                del got
            if cancel is not None and cancel():
                raise Cancelled()
    except UnreadableFile as exc:  # refused part-way (too many declarations): nothing stored
        report.errors.extend(_problems(path, sheet.reader.problems) + _refused(path, exc))
        report.files_refused += 1
        return None
    finally:
        if pool is not None:
            pool.close()
        sheet.close()
    tick.finish()
    report.errors.extend(_problems(path, sheet.reader.problems))
    log.info("read %s: %d declarations, %d problems%s", path.name, handed,
             len(sheet.reader.problems), f" ({workers} worker processes)" if workers else "")
    if not handed and any(p.row is None and p.column is None for p in sheet.reader.problems):
        report.files_refused += 1
        return None
    return handed


def _store_part(sink, got) -> None:
    """Store one prepared part of an import (``import_work.Prepared``) through ``sink``."""
    for row, field_, zh, en in got.warnings:
        sink.warn(row, field_, zh, en)
    sink.store_rows(got.batch, got.rows)


def _read_whole(desk, path: Path, report, progress: ProgressFn, cancel: CancelFn,
                validate: bool, target) -> int | None:
    """The whole file read first (rows of one declaration may be anywhere in the sheet),
    then prepared and handed over :data:`~client.services.desk.STORE_SLICE` at a time."""
    from ..services.desk import STORE_SLICE
    from .import_work import prepare_read
    decls, problems = read_workbook(path, progress, cancel)
    report.errors.extend(problems)
    if any(p.row is None and p.column is None for p in problems) and not decls:
        report.files_refused += 1
        return None
    if cancel is not None and cancel():
        raise Cancelled()
    if progress is not None:
        progress(0, len(decls), "正在保存")
    codes = desk.codes
    ctx = desk.rule_context() if validate else None
    with target() as put:
        for i in range(0, len(decls), STORE_SLICE):
            # mapped to eCIQ, validated and stored as a streamed file's parts are
            put(prepare_read(decls[i:i + STORE_SLICE], codes, ctx))
            if progress is not None:
                progress(min(i + STORE_SLICE, len(decls)), len(decls), "正在保存")
    log.info("read %s whole: %d declarations, %d problems", path.name, len(decls),
             len(problems))
    return len(decls)
