"""Excel import speed and memory: import + validate against bare reads of the same workbook.

    .venv/bin/python benchmarks/bench_excel.py [N] [--goods 2] [--book FILE] [--keep DIR]
                                               [--rss-rows 100000] [--repeat 2]

Writes N declarations (``sample_declaration``, ``--goods`` lines each: 10,000 × 2 =
20,000 goods rows by default) with the template writer (or reuses ``--book``), then
times, in the same run, best of ``--repeat``:

1. the floor: a bare python-calamine read (open, load the first sheet, visit every cell);
2. openpyxl ``load_workbook(read_only=True)`` iterating every cell with ``values_only``
   (the reader the importer used before);
3. ``client.interchange.importer.import_into(..., validate=True)`` into a fresh store
   (created and migrated before the clock starts; the code tables load inside it): read,
   save as drafts in one transaction, validate and keep every result — with the import's
   worker processes (``client.interchange.import_work``: one per core but two, none on 2
   cores; started, and their tables loaded, inside the timed import), and once more with
   the other count (one worker where the default is none, else none) for comparison.

4. the import dialog's way: ``Desk.read_import(validate=True)`` to the preview, then
   ``store_import`` (the two times printed apart).

Then, once, the CPU of each step of the import done one after the other on one thread
(:func:`stages`) and their sum spread perfectly over this machine's cores: the floor no
schedule of this work can beat here.

Targets (issue 17): step 3 ≤ 2.5x step 1, and step 2 ≥ 4x step 3. Then, in a fresh
subprocess for each of the import and the dialog's way, the peak RSS (``VmHWM`` of ``/proc/self/status``, see :func:`peak_rss_mb`) of importing
and validating a workbook of ``--rss-rows`` goods rows (the workbook above, its rows
repeated under new ids; target ≤ 400 MB). Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from client.interchange import import_work  # noqa: E402
from client.interchange.importer import import_into  # noqa: E402
from client.services import Desk, ImportReport  # noqa: E402


def calamine_read(path: Path) -> int:
    from python_calamine import CalamineWorkbook
    wb = CalamineWorkbook.from_path(str(path))
    n = 0
    for row in wb.get_sheet_by_index(0).iter_rows():
        for v in row:
            if v != "":
                n += 1
    wb.close()
    return n


def openpyxl_read(path: Path) -> int:
    from openpyxl import load_workbook
    wb = load_workbook(path, read_only=True, data_only=True)
    n = 0
    for row in wb.worksheets[0].iter_rows(values_only=True):
        for v in row:
            if v is not None:
                n += 1
    wb.close()
    return n


#: the other count of import workers timed for comparison: one when the default is none
#: (a 2-core machine), else none
OTHER = "1" if import_work.workers_for(10**9) == 0 else "0"


def _other(path: Path, profile: Path, desk: Desk) -> tuple[int, int, int]:
    old = os.environ.get("CIQDESK_IMPORT_WORKERS")
    os.environ["CIQDESK_IMPORT_WORKERS"] = OTHER
    try:
        return import_validate(path, profile, desk)
    finally:
        if old is None:
            del os.environ["CIQDESK_IMPORT_WORKERS"]
        else:
            os.environ["CIQDESK_IMPORT_WORKERS"] = old


def fresh_desk(profile: Path) -> Desk:
    """A new, empty store (created and migrated outside the timed import)."""
    shutil.rmtree(profile, ignore_errors=True)
    return Desk.open(profile)


def import_validate(path: Path, profile: Path, desk: Desk | None = None
                    ) -> tuple[int, int, int]:
    """(drafts stored, validation results kept, problems) of one import into a new store
    (``desk``: that store, already open; its code tables are loaded by the import)."""
    if desk is None:
        desk = fresh_desk(profile)
    try:
        report = ImportReport()
        import_into(desk, path, report, validate=True)
        with desk.db.read() as conn:
            from sqlalchemy import func, select

            from client.store import schema as s
            kept = conn.execute(select(func.count()).select_from(s.declarations)
                                .where(s.declarations.c.validated_rev.is_not(None))).scalar_one()
        return len(report.imported) + len(report.updated), kept, len(report.errors)
    finally:
        desk.close()


def dialog_import(path: Path, profile: Path, desk: Desk | None = None
                  ) -> tuple[int, float, float]:
    """The import dialog's way (``Desk.read_import(validate=True)``, the preview, then
    ``store_import``): (drafts stored, seconds to the preview, seconds after 导入)."""
    if desk is None:
        desk = fresh_desk(profile)
    try:
        t0 = time.perf_counter()
        parsed = desk.read_import([path], validate=True)
        t1 = time.perf_counter()
        report = desk.store_import(parsed)
        return len(report.imported) + len(report.updated), t1 - t0, time.perf_counter() - t1
    finally:
        desk.close()


def stages(path: Path, profile: Path) -> list[tuple[str, float]]:
    """CPU seconds of each step of the import done one after the other on one thread (no
    workers, no threads beside it but calamine's): what any schedule of this work must
    spend, whatever runs beside what."""
    from client.interchange import importer
    from client.interchange.excel_import import _open
    from client.perf import paused_gc
    from client.rules import validate
    from client.model import new_declaration
    desk = fresh_desk(profile)
    out = []
    try:
        with paused_gc():
            c = time.process_time()

            def lap(name: str) -> None:
                nonlocal c
                now = time.process_time()
                out.append((name, now - c))
                c = now
            codes, ctx = desk.codes, desk.rule_context()
            validate(new_declaration(), ctx)
            lap("code tables, rule context")
            sheet = _open(path)
            lap("limits check, header")
            rows = list(sheet.rows)
            lap("calamine pieces → rows")
            parts = list(sheet.reader.groups(iter(rows), sheet.columns, sheet.first_row,
                                             lambda r: None, importer.CHUNK_ROWS))
            del rows
            lap("grouping")
            done = [import_work.prepare(sheet.reader, g, codes, ctx) for g in parts]
            lap("read cells, map, validate, JSON, rows")
            with desk.importing(str(path), ImportReport()) as sink:
                for got in done:
                    importer._store_part(sink, got)
            lap("store and commit (SQLite)")
            sheet.close()
    finally:
        desk.close()
    return out


def write_book(path: Path, n: int, goods: int) -> None:
    from client.codes import default_codebook
    from client.interchange.columns import columns_for
    from client.interchange.writer import write_declarations
    from client.rules.sample import sample_declaration
    items = ((sample_declaration("inbound" if i % 2 == 0 else "outbound", goods, seed=i), None)
             for i in range(n))
    write_declarations(path, items, columns_for(None), default_codebook(), n)


_REF = re.compile(rb'(<row r="|<c r="[A-Z]{1,3})([0-9]+)"')
_CROCKFORD = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_ID = re.compile(rb'(<c r="A[0-9]+" t="inlineStr"><is><t>)[0-9A-Z]')


def scale_book(src: Path, dst: Path, rows: int) -> int:
    """``src`` with its data rows repeated (new row numbers, new ids) up to ``rows`` rows."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(info, data)
                continue
            a = data.index(b'<row r="3"')
            b = data.index(b"</sheetData>")
            head, body, tail = data[:a], data[a:b], data[b:]
            per = body.count(b"<row ")
            copies = max(1, -(-rows // per))
            with zout.open(info.filename, "w", force_zip64=True) as fh:
                fh.write(head)
                for k in range(copies):
                    off = k * per
                    part = _REF.sub(lambda m, off=off: m[1] + str(int(m[2]) + off).encode() + b'"',
                                    body)
                    if k:  # a new first character of every ULID: new declarations
                        ch = _CROCKFORD[k % 32:k % 32 + 1]
                        part = _ID.sub(lambda m, ch=ch: m[1] + ch, part)
                    fh.write(part)
                fh.write(tail)
    return copies * per


def peak_rss_mb() -> float:
    """This process's peak resident set (``VmHWM``). Not ``ru_maxrss``: Linux carries the
    parent's peak over a fork + exec into it, so a child started by this script after the
    10,000-declaration runs reported the parent's peak (553 MB against a real 255 MB)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_child(book: Path, profile: Path, way: str = "import") -> int:
    t0 = time.perf_counter()
    if way == "dialog":
        stored, _read, _store = dialog_import(book, profile)
        kept, problems = stored, 0
    else:
        stored, kept, problems = import_validate(book, profile)
    rss = peak_rss_mb()
    import resource
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest
    print(f"{stored} {kept} {problems} {time.perf_counter() - t0:.2f} {rss:.0f} {workers:.0f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=10_000)
    ap.add_argument("--goods", type=int, default=2)
    ap.add_argument("--book", help="use this workbook (written by this script) instead")
    ap.add_argument("--keep", help="keep the workbook and the store in this directory")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each step; the best counts")
    ap.add_argument("--rss-rows", type=int, default=100_000)
    ap.add_argument("--rss-child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.rss_child:
        return rss_child(Path(args.rss_child[0]), Path(args.rss_child[1]), args.rss_child[2])

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench_excel_"))
    work.mkdir(parents=True, exist_ok=True)
    if args.book:
        book = Path(args.book)
    else:
        book = work / "batch.xlsx"
        t0 = time.perf_counter()
        write_book(book, args.n, args.goods)
        print(f"workbook written in {time.perf_counter() - t0:.2f} s")
    print(f"workbook: {book.name}, {book.stat().st_size / 1e6:.1f} MB")

    best = {"calamine": (float("inf"),) * 2, "openpyxl": (float("inf"),) * 2,
            "import": (float("inf"),) * 2, "other": (float("inf"),) * 2,
            "dialog": (float("inf"),) * 2}
    dialog_split = (0.0, 0.0)
    default_n = import_work.workers_for(10**9)
    labels = {"calamine": "calamine", "openpyxl": "openpyxl",
              "import": f"import, {default_n} workers (default)",
              "other": f"import, {OTHER} workers",
              "dialog": "import dialog: preview, 导入"}
    for r in range(args.repeat):
        for name, fn in (("calamine", lambda: calamine_read(book)),
                         ("openpyxl", lambda: openpyxl_read(book)),
                         ("import", lambda: import_validate(book, work / "profile", desk)),
                         ("other", lambda: _other(book, work / "profile", desk)),
                         ("dialog", lambda: dialog_import(book, work / "profile", desk))):
            gc.collect()
            desk = fresh_desk(work / "profile") if name in ("import", "other", "dialog") \
                else None
            w0, c0 = time.perf_counter(), time.process_time()
            out = fn()
            took = (time.perf_counter() - w0, time.process_time() - c0)
            if name == "dialog" and took < best[name]:
                dialog_split = out[1:]
            best[name] = min(best[name], took)
            print(f"run {r + 1}: {labels[name]:30s} {took[0]:6.2f} s wall {took[1]:6.2f} s CPU"
                  f"  ({out})")
    cal, opx, imp = best["calamine"], best["openpyxl"], best["import"]
    print(f"bare calamine read  : {cal[0]:.2f} s wall, {cal[1]:.2f} s CPU")
    print(f"openpyxl read-only  : {opx[0]:.2f} s wall, {opx[1]:.2f} s CPU")
    print(f"import + validate   : {imp[0]:.2f} s wall, {imp[1]:.2f} s CPU of this process "
          f"({import_work.workers_for(10**9)} worker processes)")
    print(f"  with {OTHER} worker processes instead: {best['other'][0]:.2f} s wall "
          f"({best['other'][0] / cal[0]:.2f}x the calamine read)")
    print(f"import+validate / calamine read = {imp[0] / cal[0]:.2f}x wall, "
          f"{imp[1] / cal[1]:.2f}x CPU (target <= 2.5x)")
    print(f"openpyxl read / import+validate = {opx[0] / imp[0]:.2f}x wall, "
          f"{opx[1] / imp[1]:.2f}x CPU (target >= 4x)")
    dlg = best["dialog"]
    print(f"import dialog (read + validate to the preview, then 导入): {dlg[0]:.2f} s wall = "
          f"{dialog_split[0]:.2f} s to the preview + {dialog_split[1]:.2f} s after 导入")

    # the floor of this work on this machine: each step's CPU, one after the other
    steps = stages(book, work / "profile")
    total = sum(c for _, c in steps)
    cores = os.cpu_count() or 1
    print("CPU of each step, done one after the other:")
    for name, c in steps:
        print(f"  {name:40s} {c:6.2f} s")
    print(f"  {'in all':40s} {total:6.2f} s; spread perfectly over {cores} cores: "
          f"{total / cores:.2f} s = {total / cores / cal[0]:.2f}x the calamine read, "
          f"{opx[0] / (total / cores):.2f}x faster than openpyxl (no schedule of this work "
          f"does better here)")

    if args.rss_rows:
        big = work / "rss.xlsx"
        rows = scale_book(book, big, args.rss_rows)
        for way, what in (("import", "importing + validating"),
                          ("dialog", "the import dialog reading + validating, then storing,")):
            out = subprocess.run([sys.executable, __file__, "--rss-child", str(big),
                                  str(work / "rss-profile"), way], capture_output=True,
                                 text=True, check=False)
            if out.returncode:
                print(out.stderr[-2000:])
                continue
            stored, kept, problems, took, rss, workers = out.stdout.split()[-6:]
            print(f"peak RSS {what} {rows:,} goods rows ({stored} drafts, {kept} results, "
                  f"{problems} problems, {took} s): {rss} MB (target <= 400 MB); each import "
                  f"worker process at most {workers} MB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
