"""The per-declaration work of an import, and worker processes that share it out (issue 17).

The same workers validate many stored drafts at once (``Desk.validate_ids`` of 4,000 or
more: :func:`validate_stored`).

Importing a large workbook is mostly Python work per declaration: reading its cells,
building it, mapping customs codes to eCIQ, validating it, writing its JSON and the rows
the store keeps (:func:`prepare`). Only the store's one writer has to stay in the desk's
process. So for a large sheet the importer (``importer._read_streamed``) hands
parts of it — rows already grouped into declarations, plain lists of cell values — to an
:class:`WorkerPool` of worker processes and prepares other parts itself while they work;
it stores every part, in the sheet's order, as its result arrives. The result of a part is
the same whichever process prepared it (a test imports one workbook both ways and compares
the stores).

The workers are started with ``spawn`` (the only start method on Windows, and safe beside
the importer's reader thread), each with the desk's code tables and rule context, and live
for one import. A worker that cannot start or dies is logged and its part prepared here:
an import never fails because a worker did.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Callable

from ..codes import CodeBook
from ..perf import paused_gc
from ..store.rows import RowBatch, Validation, row_batch, validation_of
from .columns import BY_PATH, Column

log = logging.getLogger(__name__)

#: sheets of fewer rows are prepared in the importer's process alone (a worker takes
#: about half a second to start)
POOL_FROM_ROWS = 4000
#: rows per part when workers share the work (parts small enough to balance)
POOL_PART_ROWS = 1000
#: the most worker processes one import starts
MAX_WORKERS = 4
#: parts handed to each worker ahead (one running, the next ones waiting: a worker never
#: waits for this process to hand it the next)
_QUEUED = 3
#: parts prepared here that may wait for an earlier part a worker is still preparing
_HELD = 6
#: seconds a worker may take over one part before it is taken for hung, ended, and its
#: part prepared here
PART_TIMEOUT = 120.0


@dataclass
class Prepared:
    """One part of an import, prepared: the store's rows of the declarations read, each
    one's first source row, the eCIQ mapping warnings ``(row, field, zh, en)`` and the reader's
    problems with the part's cells (``excel_import.Problem``)."""

    batch: RowBatch
    rows: list[int]
    warnings: list[tuple[int, str | None, str, str]]
    problems: list


def prepare(reader: Any, groups: list, codes: CodeBook, ctx: Any | None) -> Prepared:
    """Read ``groups`` (``excel_import._Group``) with ``reader`` (a ``SheetReader``
    whose columns are set), map each declaration to the eCIQ lists in force, validate it
    against ``ctx`` (None: not validated) and turn it into the store's rows."""
    since = len(reader.problems)
    part = reader.read_groups(groups)
    problems = reader.problems[since:]
    del reader.problems[since:]
    return prepare_read(part, codes, ctx, problems)


def prepare_read(part: list[tuple[Any, int]], codes: CodeBook, ctx: Any | None,
                 problems: list | None = None) -> Prepared:
    """:func:`prepare` of declarations already read: ``(declaration, first row)`` each
    (a sheet read whole, ``importer._read_whole``), with the reader's ``problems``."""
    from ..ciq.importing import map_on_import
    from ..model import dumps_compact
    warnings: list[tuple[int, str | None, str, str]] = []
    decls = [d for d, _ in part]
    for decl, row in part:
        for note in map_on_import(decl, codes):
            warnings.append((row, note.field, note.message_zh, note.message_en))
    kept = judged(decls, ctx) if ctx is not None else None
    batch = row_batch(decls, [dumps_compact(d) for d in decls], kept)
    return Prepared(batch, [r for _, r in part], warnings, problems or [])


def judged(decls: list, ctx: Any) -> list[Validation]:
    """Each declaration's result against ``ctx``, as the store keeps it with the save
    (an import's results: :func:`prepare`, ``Desk.store_imported``)."""
    from ..rules import validate
    return [validation_of([x.to_dict() for x in validate(d, ctx)]) for d in decls]


def validate_stored(rows: list[tuple[str, str, int]], ctx: Any
                    ) -> list[tuple[str, list, int]]:
    """``(id, issues, local_rev)`` of each stored ``(id, document, local_rev)``: the
    document read and judged against ``ctx`` (``Desk.validate_ids``' work, here or in a
    worker)."""
    from ..model import loads_stored
    from ..rules import validate
    return [(did, validate(loads_stored(doc), ctx), rev) for did, doc, rev in rows]


def workers_for(total_rows: int | None) -> int:
    """How many worker processes an import of ``total_rows`` rows starts: none below
    :data:`POOL_FROM_ROWS`, else one per core but two (at most :data:`MAX_WORKERS`):
    the importer's own process keeps two cores busy (calamine's reader thread, and the
    grouping and storing), and on a 2-core machine one worker measured no faster than
    none (it costs ~1.1 s of CPU to start and ~0.8 s to feed). ``CIQDESK_IMPORT_WORKERS``
    overrides the count (``0``: never)."""
    default = min(MAX_WORKERS, (os.cpu_count() or 1) - 2)
    env = os.environ.get("CIQDESK_IMPORT_WORKERS", "").strip()
    n = default
    if env:
        try:
            n = int(env)
        except ValueError:
            log.warning("CIQDESK_IMPORT_WORKERS=%r is not a number; ignored", env)
    if not total_rows or total_rows < POOL_FROM_ROWS:
        return 0
    return max(0, n)


# ----------------------------------------------------------------- the worker process

@dataclass(frozen=True)
class WorkerSpec:
    """What a worker needs to prepare parts exactly as the importer would: the sheet's
    columns (``(index, path)``), the direction a blank cell takes, the code tables
    (:meth:`CodeBook.spec`) and the rule context's other fields (None: no validation)."""

    columns: list[tuple[int, str]]
    default_direction: str | None
    codes_dir: str
    overrides: dict[str, tuple[str, str, str]]
    context: dict[str, Any] | None


_STATE: dict[str, Any] = {}


def _init(spec: WorkerSpec) -> None:
    """Worker start-up: build the reader, the code book and the rule context once, and
    load every table the rules read (the first part then starts at full speed)."""
    from .excel_import import SheetReader
    columns: list[tuple[int, Column]] = [(ci, BY_PATH[path]) for ci, path in spec.columns]
    reader = SheetReader(spec.default_direction)
    reader.use_columns(columns)
    codes = CodeBook(Path(spec.codes_dir), spec.overrides)
    ctx = None
    if spec.context is not None:
        from ..model import new_declaration
        from ..rules import RuleContext, validate
        ctx = RuleContext(codes=codes, **spec.context)
        validate(new_declaration(), ctx)
    _STATE.update(reader=reader, codes=codes, ctx=ctx)


def _warm() -> int:
    return os.getpid()


def _validate_work(rows: list[tuple[str, str, int]]) -> list[tuple[str, list, int]]:
    with paused_gc():
        return validate_stored(rows, _STATE["ctx"])


def _work_here(groups: list) -> tuple[int, Prepared]:
    return os.getpid(), _work(groups)


def _work(groups: list) -> Prepared:
    with paused_gc():
        return prepare(_STATE["reader"], groups, _STATE["codes"], _STATE["ctx"])


def context_fields(ctx: Any) -> dict[str, Any]:
    """A ``RuleContext``'s fields but its code book and its cache (sent to workers)."""
    return {f.name: getattr(ctx, f.name) for f in fields(ctx)
            if f.name not in ("codes", "lookups")}


def start_pool(codes: CodeBook, ctx: Any | None, workers: int,
               columns: list[tuple[int, str]] | None = None,
               default_direction: str | None = None) -> "WorkerPool | None":
    """A :class:`WorkerPool` of ``workers`` with the code tables of ``codes``, the rule
    context ``ctx`` (None: parts are not validated) and a sheet's ``columns``
    (``(index, path)``; none for validation), or None when the workers cannot start
    (logged: the work is then done in this process alone)."""
    codes_dir, overrides = codes.spec()
    spec = WorkerSpec(columns or [], default_direction, str(codes_dir), overrides,
                      context_fields(ctx) if ctx is not None else None)
    try:
        return WorkerPool(spec, workers)
    except (OSError, RuntimeError, ValueError):
        log.exception("cannot start worker processes; working in this process alone")
        return None


def in_order(pool: "WorkerPool | None", parts, local: Callable[[list], Any],
             work: Callable[[list], Any] | None = None):
    """``(part, result)`` of each non-empty part, in order: shared with ``pool``
    (:meth:`WorkerPool.run`), or all ``local(part)`` without one."""
    if pool is not None:
        return pool.run(parts, local, work)
    return ((part, local(part)) for part in parts if part)


class WorkerPool:
    """Worker processes preparing parts of one import (see the module doc).

    :meth:`run` takes the parts in the sheet's order and hands back their results in the
    same order, preparing a part itself (``local``) whenever every worker is busy.
    """

    def __init__(self, spec: WorkerSpec, workers: int):
        self.workers = workers
        self._hung = False
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_init, initargs=(spec,))
        for _ in range(workers):  # start them now: they load while the sheet is read
            self._pool.submit(_warm)

    def run(self, parts, local: Callable[[list], Any], work: Callable[[list], Any] | None = None):
        """``(part, result)`` of each part of ``parts``, in order: ``work(part)`` in a
        worker (``_work``: a part of a sheet, groups in, :class:`Prepared` out;
        ``_validate_work``: stored documents in, issues out), ``local(part)`` here."""
        work = work or _work
        pending: deque[tuple[list, Any]] = deque()
        busy = 0
        for groups in parts:
            if not groups:
                continue
            if self._pool is not None and busy < _QUEUED * self.workers:
                try:
                    pending.append((groups, self._pool.submit(work, groups)))
                    busy += 1
                except RuntimeError:  # the pool broke (a worker died)
                    self._broken("submit")
                    pending.append((groups, local(groups)))
            else:
                pending.append((groups, local(groups)))
            # results are stored in order: a slow worker's part holds back those after it,
            # at most _HELD parts (memory stays bounded), then this process waits for it
            while pending and (not isinstance(pending[0][1], Future) or pending[0][1].done()
                               or len(pending) > _HELD + _QUEUED * self.workers):
                groups, got = pending.popleft()
                if isinstance(got, Future):
                    busy -= 1
                yield groups, self._result(groups, got, local)
        # every part is handed out: take back those no worker has started (this process
        # would only wait for them otherwise)
        for i in range(len(pending) - 1, -1, -1):
            groups, got = pending[i]
            if isinstance(got, Future) and got.cancel():
                pending[i] = (groups, local(groups))
        while pending:
            groups, got = pending.popleft()
            yield groups, self._result(groups, got, local)

    def call(self, groups: list) -> tuple[int, Prepared]:
        """Prepare one part in a worker and wait for it: ``(worker's pid, result)`` (the
        self-test's check that workers start, in the frozen app too)."""
        assert self._pool is not None
        return self._pool.submit(_work_here, groups).result(timeout=PART_TIMEOUT)

    def _result(self, groups: list, got: Any, local) -> Any:
        if not isinstance(got, Future):
            return got
        try:
            return got.result(timeout=PART_TIMEOUT)
        except TimeoutError:
            log.error("an import worker has not finished a part in %s s; preparing it in "
                      "this process", PART_TIMEOUT)
            self._hung = True
            self._broken("timeout")
            return local(groups)
        except Exception:  # noqa: BLE001 - a worker's failure: prepare the part here
            log.exception("an import worker failed; preparing its part in this process")
            self._broken("result")
            return local(groups)

    def _broken(self, where: str) -> None:
        log.warning("import workers stopped (%s); the rest is prepared in this process", where)
        self.close()

    def close(self) -> None:
        """Stop the workers (their pending parts are dropped) and wait for them; a worker
        that overran :data:`PART_TIMEOUT` is ended first."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if self._hung:
            for proc in list((getattr(pool, "_processes", None) or {}).values()):
                if proc.is_alive():
                    log.error("import worker %s did not finish its part; ending it", proc.pid)
                    proc.kill()
        pool.shutdown(wait=True, cancel_futures=True)
