"""The Excel import stored in parts (issue 17): every CHUNK_ROWS rows the declarations read
so far are stored and dropped, in one transaction; the result is the whole read's."""
from __future__ import annotations

import pytest

from batch_helpers import count_parts, fill, fill_declarations, rows_of
from client.interchange import excel_import, importer
from client.interchange.excel_import import read_workbook
from client.interchange.importer import import_into
from client.interchange.progress import Cancelled
from client.model import dumps_compact
from client.rules.sample import sample_declaration
from client.services import ImportReport


def _stored(desk, ids):
    return {i: dumps_compact(desk.get(i)) for i in ids}


def test_parts_give_exactly_what_the_whole_read_gives(template, desk, monkeypatch):
    decls = [sample_declaration("inbound" if i % 2 else "outbound", 1 + i % 3, seed=40 + i)
             for i in range(9)]
    book = fill_declarations(template, decls)
    whole, problems = read_workbook(book)
    assert problems == [] and len(whole) == 9
    monkeypatch.setattr(importer, "CHUNK_ROWS", 2)
    parts = count_parts(monkeypatch)
    report = ImportReport()
    import_into(desk, book, report, validate=True)
    assert report.errors == [] and sorted(report.imported) == sorted(d.id for d, _ in whole)
    assert len(parts) > 3 and sum(parts) == 9  # it was stored in parts
    assert _stored(desk, report.imported) == {d.id: dumps_compact(d) for d, _ in whole}
    # the results kept with the save are those validate_ids gives
    kept = {i: desk.stored_issues(i) for i in report.imported}
    again = desk.validate_ids(report.imported)
    assert kept == {i: [x.to_dict() for x in again[i]] for i in report.imported}


def test_rows_of_one_declaration_apart_are_read_whole(template, desk, monkeypatch):
    a = sample_declaration("inbound", 3, seed=61)
    b = sample_declaration("inbound", 1, seed=62)
    # a's first row, b, then a's other goods rows (its id repeated): a's rows are apart
    rows_a, rows_b = rows_of(a), rows_of(b)
    for r in rows_a[1:]:
        r["id"] = a.id
    fill(template, [rows_a[0], rows_b[0], rows_a[1], rows_a[2]])
    whole, _ = read_workbook(template)
    assert [len(d.goods) for d, _ in whole] == [3, 1]
    monkeypatch.setattr(importer, "CHUNK_ROWS", 1)
    report = ImportReport()
    import_into(desk, template, report)
    assert report.errors == [] and report.files_refused == 0
    assert sorted(report.imported) == sorted([a.id, b.id])
    assert desk.count() == 2  # stored once: the streamed attempt was rolled back
    assert _stored(desk, [a.id, b.id]) == {d.id: dumps_compact(d) for d, _ in whole}


def test_a_cancel_after_some_parts_were_stored_stores_nothing(template, desk, monkeypatch):
    decls = [sample_declaration("outbound", 1, seed=70 + i) for i in range(6)]
    book = fill_declarations(template, decls)
    monkeypatch.setattr(importer, "CHUNK_ROWS", 2)
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 2  # after two parts were stored
    with pytest.raises(Cancelled):
        import_into(desk, book, ImportReport(), cancel=cancel)
    assert desk.count() == 0
    assert desk.list(search=decls[0].contract_no.lower()) == []


def test_a_file_refused_part_way_stores_nothing(template, desk, monkeypatch):
    decls = [sample_declaration("outbound", 1, seed=80 + i) for i in range(5)]
    book = fill_declarations(template, decls)
    monkeypatch.setattr(importer, "CHUNK_ROWS", 1)
    monkeypatch.setattr(excel_import, "MAX_DECLARATIONS", 3)
    report = ImportReport()
    import_into(desk, book, report)
    assert report.imported == [] and report.files_refused == 1
    [err] = report.errors
    assert err.row is None and "整个文件未导入" in err.message
    assert desk.count() == 0


def test_a_bad_cell_in_a_later_part_skips_only_its_declaration(template, desk, monkeypatch):
    decls = [sample_declaration("inbound", 1, seed=90 + i) for i in range(5)]
    book = fill_declarations(template, decls)
    letters = fill(book, [{"goods.net_weight_kg": "约12公斤"}], start=3 + 3)
    monkeypatch.setattr(importer, "CHUNK_ROWS", 2)
    report = ImportReport()
    import_into(desk, book, report)
    [err] = report.errors
    assert (err.row, err.column) == (6, letters["goods.net_weight_kg"])
    assert "未导入" in err.message
    assert sorted(report.imported) == sorted(d.id for i, d in enumerate(decls) if i != 3)


_KILL_CHILD = r'''
import sys
from pathlib import Path
from client.interchange import importer
from client.services import Desk, ImportReport
from client.services.import_sink import ImportSink

importer.CHUNK_ROWS = 4
real = ImportSink.store_rows

def store(self, *a, **kw):
    out = real(self, *a, **kw)
    print("stored", len(out), flush=True)  # a part is in the open transaction
    sys.stdin.readline()                   # wait here until the parent kills us
    return out

ImportSink.store_rows = store
desk = Desk.open(Path(sys.argv[1]))
importer.import_into(desk, Path(sys.argv[2]), ImportReport(), validate=True)
print("committed", flush=True)
'''


def test_a_kill_after_parts_were_stored_leaves_store_and_index_consistent(template, data_dir,
                                                                       desk, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    decls = [sample_declaration("inbound", 1, seed=120 + i) for i in range(8)]
    book = fill_declarations(template, decls)
    root = Path(excel_import.__file__).resolve().parents[2]
    with subprocess.Popen([sys.executable, "-c", _KILL_CHILD, str(data_dir), str(book)],
                          cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                          env={**os.environ, "PYTHONPATH": str(root)}) as child:
        try:
            assert child.stdout is not None and child.stdin is not None
            assert child.stdout.readline().split()[0] == "stored"
            child.stdin.write("\n")
            child.stdin.flush()
            assert child.stdout.readline().split()[0] == "stored"  # two parts, uncommitted
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=60)
    with desk.db.read() as conn:
        counts = [conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                  for t in ("declarations", "decl_search", "decl_search_key",
                            "decl_search_defer", "goods_lines", "status_history")]
    assert counts == [0, 0, 0, 0, 0, 0]
    # the store takes the same file afterwards, whole
    report = ImportReport()
    import_into(desk, book, report)
    assert len(report.imported) == 8
    assert [r.id for r in desk.list(search=decls[5].contract_no.lower())] == [decls[5].id]


_PATHS = ["contract_no", "declarant.uscc", "goods.gross_weight_kg", "goods.name_cn",
          "arrival_date"]


def _raw_book(tmp_path, name, extra_rows=()):
    from datetime import date

    from xlsx_raw import Num, write_xlsx
    rows = [["合同号"], _PATHS] + [[f"CT-{i}", "91310000MA1FL8XQ3T", Num(f"{i}.500"),
                                    f"货物{i}", date(2026, 11, i + 1)] for i in range(12)]
    return write_xlsx(tmp_path / name, rows, sheet_xml_rows=extra_rows)


def _all_rows(book, chunked):
    from client.interchange import xlsx_rows
    rows, total, _title, close, _ = xlsx_rows.open_xlsx(book, chunked=chunked)
    try:
        return [list(r) for r in rows], total
    finally:
        close()


def test_a_large_sheet_is_really_read_in_chunks_with_the_same_cells(tmp_path, monkeypatch):
    from client.interchange import xlsx_rows
    book = _raw_book(tmp_path, "chunks.xlsx")
    whole, total = _all_rows(book, False)
    monkeypatch.setattr(xlsx_rows, "CHUNKED_FROM", 0)
    monkeypatch.setattr(xlsx_rows, "CHUNK_BYTES", 300)
    pieces = []
    real = xlsx_rows._chunk_book

    def spy(parts, part, xml):
        pieces.append(xml.count(b"<row "))
        return real(parts, part, xml)
    monkeypatch.setattr(xlsx_rows, "_chunk_book", spy)
    chunked, total2 = _all_rows(book, True)
    assert len(pieces) >= 6 and sum(pieces) == 14  # cut into pieces, every row once
    strip = [[v for v in r if v != ""] for r in whole]
    assert [[v for v in r if v != ""] for r in chunked] == strip and total == total2 == 14
    got, problems = read_workbook(book)
    assert problems == [] and str(got[3][0].goods[0].gross_weight_kg) == "3.5"


@pytest.mark.parametrize("oddity", [
    '<!-- a comment --><row r="15"><c r="A15" t="inlineStr"><is><t>CT-X</t></is></c></row>',
    '<row><c t="inlineStr"><is><t>CT-Y</t></is></c></row>'
    '<row r="16"><c r="A16" t="inlineStr"><is><t>CT-Z</t></is></c></row>',
])
def test_a_sheet_that_cannot_be_cut_is_read_in_one_piece(tmp_path, monkeypatch, oddity):
    from client.interchange import xlsx_rows
    book = _raw_book(tmp_path, "odd.xlsx", [oddity])
    expect, problems = read_workbook(book)
    monkeypatch.setattr(xlsx_rows, "CHUNKED_FROM", 0)
    monkeypatch.setattr(xlsx_rows, "CHUNK_BYTES", 300)
    with pytest.raises(xlsx_rows.ReadWhole):
        _all_rows(book, True)
    got, problems2 = read_workbook(book)
    assert [dumps_compact(d) for d, _ in got] == [dumps_compact(d) for d, _ in expect]
    assert problems2 == problems and len(got) == 12 + len(oddity.split("</row>")) - 1


def test_a_store_failing_part_way_is_raised_and_leaves_nothing(template, desk, monkeypatch):
    """The parts are stored on a thread of their own (perf.Behind): a disk full on the
    third part is raised by import_into, not lost on that thread, and the transaction
    takes back the two parts already written."""
    from client.services.import_sink import ImportSink

    decls = [sample_declaration("inbound", 1, seed=700 + i) for i in range(9)]
    book = fill_declarations(template, decls)
    monkeypatch.setattr(importer, "CHUNK_ROWS", 2)
    real = ImportSink.store_rows
    calls = []

    def store(self, batch, rows):
        calls.append(len(batch))
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(self, batch, rows)

    monkeypatch.setattr(ImportSink, "store_rows", store)
    with pytest.raises(OSError, match="No space left"):
        import_into(desk, book, ImportReport(), validate=True)
    assert len(calls) == 3  # nothing was stored after the failure
    assert desk.count() == 0
    monkeypatch.setattr(ImportSink, "store_rows", real)
    report = ImportReport()
    import_into(desk, book, report)  # the same file imports whole afterwards
    assert len(report.imported) == 9 and desk.count() == 9
