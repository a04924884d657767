"""Excel import speed: import + validate, relative to openpyxl merely reading the workbook.

    .venv/bin/python benchmarks/bench_excel.py [N] [--goods 2] [--keep DIR]

Writes N declarations (``sample_declaration``, ``--goods`` lines each: 10,000 × 2 =
20,000 goods rows by default) with the template writer, then times, in the same run:

1. the baseline: ``openpyxl.load_workbook(read_only=True)`` and iterating every cell of
   the sheet with ``values_only=True``;
2. ``client.interchange.excel_import.import_into(..., validate=True)`` into a fresh store:
   read, save as drafts in one transaction, validate and keep every result.

Both wall-clock and process CPU time are printed (CPU is steadier on a shared machine),
best of ``--repeat`` runs each. Target: step 2 within 2x step 1. Figures are printed,
never asserted.
"""
from __future__ import annotations

import argparse
import gc
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from client.codes import default_codebook  # noqa: E402
from client.interchange.columns import columns_for  # noqa: E402
from client.interchange.excel_import import import_into  # noqa: E402
from client.interchange.writer import write_declarations  # noqa: E402
from client.rules.sample import sample_declaration  # noqa: E402
from client.services import Desk, ImportReport  # noqa: E402


def bare_read(path: Path) -> int:
    from openpyxl import load_workbook
    wb = load_workbook(path, read_only=True, data_only=True)
    n = 0
    for row in wb.worksheets[0].iter_rows(values_only=True):
        for v in row:
            if v is not None:
                n += 1
    wb.close()
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=10_000)
    ap.add_argument("--goods", type=int, default=2)
    ap.add_argument("--keep", help="keep the workbook and the store in this directory")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each step; the best counts")
    args = ap.parse_args(argv)

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench_excel_"))
    work.mkdir(parents=True, exist_ok=True)
    book = work / "batch.xlsx"
    t0 = time.perf_counter()
    items = ((sample_declaration("inbound" if i % 2 == 0 else "outbound", args.goods, seed=i),
              None) for i in range(args.n))
    rows = write_declarations(book, items, columns_for(None), default_codebook(), args.n)
    t_write = time.perf_counter() - t0
    print(f"workbook: {args.n} declarations, {rows} goods rows, "
          f"{book.stat().st_size / 1e6:.1f} MB, written in {t_write:.2f} s")

    best_read = best_all = (float("inf"), float("inf"))
    for r in range(args.repeat):
        gc.collect()
        w0, c0 = time.perf_counter(), time.process_time()
        cells = bare_read(book)
        read = (time.perf_counter() - w0, time.process_time() - c0)
        best_read = min(best_read, read)
        print(f"run {r + 1}: baseline openpyxl read-only iteration: {read[0]:.2f} s wall, "
              f"{read[1]:.2f} s CPU ({cells} non-empty cells)")

        profile = work / f"profile{r}"
        shutil.rmtree(profile, ignore_errors=True)
        desk = Desk.open(profile)
        try:
            gc.collect()
            w0, c0 = time.perf_counter(), time.process_time()
            report = ImportReport()
            import_into(desk, book, report, validate=True)
            total = (time.perf_counter() - w0, time.process_time() - c0)
            ids = report.imported + report.updated
            with desk.db.read() as conn:
                from sqlalchemy import func, select

                from client.store import schema as s
                kept = conn.execute(select(func.count()).select_from(s.declarations)
                                    .where(s.declarations.c.validated_rev.is_not(None))
                                    ).scalar_one()
        finally:
            desk.close()
        best_all = min(best_all, total)
        print(f"run {r + 1}: import + validate {len(ids)} drafts ({kept} results kept, "
              f"{len(report.errors)} problems): {total[0]:.2f} s wall, {total[1]:.2f} s CPU")
    print(f"import+validate (best of {args.repeat}): {best_all[0]:.2f} s wall = "
          f"{best_all[0] / best_read[0]:.2f}x the bare read; CPU {best_all[1]:.2f} s = "
          f"{best_all[1] / best_read[1]:.2f}x (target <= 2x)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
