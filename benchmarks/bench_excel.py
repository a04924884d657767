"""Excel import speed: import + validate, relative to openpyxl merely reading the workbook.

    .venv/bin/python benchmarks/bench_excel.py [N] [--goods 2] [--keep DIR]

Writes N declarations (``sample_declaration``, ``--goods`` lines each: 10,000 × 2 =
20,000 goods rows by default) with the template writer, then times, in the same run:

1. the baseline: ``openpyxl.load_workbook(read_only=True)`` and iterating every cell of
   the sheet with ``values_only=True``;
2. ``client.interchange.excel_import.import_into`` into a fresh store (one transaction)
   followed by ``Desk.validate_ids`` of everything imported (results stored).

Target: step 2 within 2x step 1. Figures are printed, never asserted.
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

    gc.collect()
    t0 = time.perf_counter()
    cells = bare_read(book)
    t_read = time.perf_counter() - t0
    print(f"baseline  openpyxl read-only iteration: {t_read:.2f} s ({cells} non-empty cells)")

    profile = work / "profile"
    shutil.rmtree(profile, ignore_errors=True)
    desk = Desk.open(profile)
    try:
        gc.collect()
        t0 = time.perf_counter()
        report = ImportReport()
        import_into(desk, book, report)
        t_import = time.perf_counter() - t0
        ids = report.imported + report.updated
        desk.validate_ids(ids)
        t_total = time.perf_counter() - t0
    finally:
        desk.close()
    print(f"import    read + store {len(ids)} drafts: {t_import:.2f} s "
          f"({len(report.errors)} problems)")
    print(f"validate  rulebook + stored results: {t_total - t_import:.2f} s")
    print(f"import+validate: {t_total:.2f} s = {t_total / t_read:.2f}x the bare read "
          f"(target <= 2x)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
