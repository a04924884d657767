"""The import dialog's read-then-store path (``Desk.read_import`` → ``store_import``):
a workbook's declarations are read, mapped and validated as ``import`` does, wait in a
temporary file (``client.interchange.spool``) while the user looks at the preview, and
are stored exactly as ``import`` stores them."""
from __future__ import annotations

import errno
import json
import pickle

import pytest

from batch_helpers import fill, fill_declarations, rows_of
from client.interchange import importer, spool as spool_mod
from client.interchange.importer import import_into
from client.interchange.spool import Spool
from client.model import dumps_compact
from client.rules.sample import sample_declaration
from client.services import Desk, ImportReport


def _store_of(desk: Desk) -> dict[str, tuple]:
    with desk.db.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, doc, status, valid, error_count, warning_count, issues, validated_rev,"
            " contract_no, goods_summary, total_value FROM declarations").fetchall()
        goods = conn.exec_driver_sql(
            "SELECT declaration_id, seq, hs_code, value FROM goods_lines").fetchall()
    return {"declarations": sorted(tuple(r) for r in rows),
            "goods": sorted(tuple(r) for r in goods)}


def test_the_dialog_path_stores_what_import_stores(template, desk, tmp_path, monkeypatch):
    decls = [sample_declaration("inbound" if i % 2 else "outbound", 1 + i % 3, seed=300 + i)
             for i in range(7)]
    decls[2].goods[0].hs_code = "0000000000"  # one with an error, kept with the draft
    book = fill_declarations(template, decls)
    monkeypatch.setattr(importer, "CHUNK_ROWS", 3)  # several parts
    other = Desk.open(tmp_path / "cli")
    try:
        report = ImportReport()
        import_into(other, book, report, validate=True)
        assert len(report.imported) == 7
        expected = _store_of(other)
    finally:
        other.close()
    parsed = desk.read_import([book], validate=True)
    assert desk.count() == 0  # reading stores nothing
    [held] = parsed.files
    assert isinstance(held, Spool) and held.count == 7 and held.parts >= 2
    got = desk.store_import(parsed)
    assert sorted(got.imported) == sorted(report.imported) and got.errors == []
    assert _store_of(desk) == expected


def test_the_preview_shows_each_declaration_with_its_errors(template, desk):
    a = sample_declaration("inbound", 2, seed=311)
    b = sample_declaration("outbound", 1, seed=312)
    a.goods[1].hs_code = "0000000000"
    book = fill_declarations(template, [a, b])
    parsed = desk.read_import([book], validate=True)
    items = {p.contract_no: p for p in parsed.previews()}
    pa, pb = items[a.contract_no], items[b.contract_no]
    assert pa.errors and pa.errors >= 1 and pb.errors == 0
    assert (pa.row, pb.row) == (3, 5) and (pa.goods_lines, pb.goods_lines) == (2, 1)
    assert pa.party == a.consignee.display_name and pb.party == b.consignor.display_name
    total, currency = a.total_value()
    assert (pa.direction, pa.value, pa.currency) == ("inbound", str(total), currency)
    assert pa.goods == a.goods_summary()
    parsed.close()
    unvalidated = desk.read_import([book])
    assert {p.errors for p in unvalidated.previews()} == {None}
    unvalidated.close()


def test_rows_apart_are_read_whole_on_the_dialog_path_too(template, desk, monkeypatch):
    a = sample_declaration("inbound", 3, seed=321)
    b = sample_declaration("inbound", 1, seed=322)
    rows_a, rows_b = rows_of(a), rows_of(b)
    for r in rows_a[1:]:
        r["id"] = a.id
    fill(template, [rows_a[0], rows_b[0], rows_a[1], rows_a[2]])
    monkeypatch.setattr(importer, "CHUNK_ROWS", 1)
    parsed = desk.read_import([template], validate=True)
    assert parsed.count == 2 and parsed.problems == []
    report = desk.store_import(parsed)
    assert sorted(report.imported) == sorted([a.id, b.id]) and desk.count() == 2
    assert len(desk.get(a.id).goods) == 3
    assert json.loads(dumps_compact(desk.get(b.id)))["id"] == b.id
    assert all(desk.stored_issues(i) is not None for i in report.imported)  # validated


def test_a_cancel_while_a_workbook_is_stored_stores_none_of_it(template, desk, tmp_path,
                                                               monkeypatch):
    """Two files: the JSON file first is stored; the cancel comes while the workbook's
    parts are stored, and its transaction stores nothing of it."""
    first = sample_declaration("inbound", 1, seed=331)
    js = tmp_path / "first.json"
    js.write_text(dumps_compact(first), encoding="utf-8")
    decls = [sample_declaration("outbound", 1, seed=340 + i) for i in range(6)]
    book = fill_declarations(template, decls)
    monkeypatch.setattr(importer, "CHUNK_ROWS", 2)
    parsed = desk.read_import([js, book])
    assert parsed.count == 7
    seen: list[int] = []

    def progress(done, total, name):
        seen.append(done)

    def cancel():
        return len(seen) >= 3  # the JSON file's, then the workbook's first part
    report = desk.store_import(parsed, progress=progress, cancel=cancel)
    assert report.imported == [first.id]
    assert desk.count() == 1 and desk.list(search=decls[0].contract_no.lower()) == []


def test_a_full_disk_while_reading_is_told_and_stores_nothing(template, desk, monkeypatch):
    decls = [sample_declaration("inbound", 1, seed=350 + i) for i in range(4)]
    book = fill_declarations(template, decls)
    monkeypatch.setattr(importer, "CHUNK_ROWS", 2)
    written = []
    real = pickle.dump

    def full(obj, fh, protocol=None):
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(1)
        real(obj, fh, protocol=protocol)
    monkeypatch.setattr(spool_mod.pickle, "dump", full)
    with pytest.raises(OSError) as got:
        desk.read_import([book], validate=True)
    from client.errors import describe
    assert describe(got.value).startswith("系统错误") and "No space left" in describe(got.value)
    assert desk.count() == 0


def test_a_spool_reads_back_in_order_and_is_gone_when_closed(tmp_path):
    from client.interchange.import_work import prepare_read
    from client.codes import default_codebook
    decls = [sample_declaration("inbound", 1, seed=360 + i) for i in range(5)]
    sp = Spool("x.xlsx", tmp_path / "cache")
    codes = default_codebook()
    sp.add(prepare_read([(d, 3 + i) for i, d in enumerate(decls[:2])], codes, None))
    sp.add(prepare_read([(d, 5 + i) for i, d in enumerate(decls[2:])], codes, None))
    assert sp.count == 5 and [p.row for p in sp.previews] == [3, 4, 5, 6, 7]
    for _ in range(2):  # read back as often as asked
        assert [i for got in sp for i in got.batch.ids] == [d.id for d in decls]
    sp.close()
    with pytest.raises(ValueError):
        list(sp)
