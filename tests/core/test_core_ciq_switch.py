"""Issue 13 on the store (both dialects): customs codes of imported files mapped with a
warning once the desk holds the eCIQ lists, and the conversion of stored drafts.

The eCIQ lists are put in force as a sync leaves them: version 2027.01.0 of
``transport_modes``/``trade_modes`` in the store's ``code_tables`` (the HTTP path is
``tests/sync/test_sync_ciq_switch.py``)."""
from __future__ import annotations

import json

import pytest

from client.ciq import switch
from client.ciq.lists import ECIQ_VERSION, eciq_codebook, eciq_fields
from client.model import SCHEMA, SCHEMA_V1, to_dict
from client.rules.sample import sample_declaration
from client.services import Desk
from client.store import declarations as decl_q
from client.store import kv
from tests.desk_fixtures import take_eciq_lists


@pytest.fixture
def desk(data_dir):
    d = Desk.open(data_dir)
    yield d
    d.close()


def _file(tmp_path, name, **fields):
    d = sample_declaration("inbound", 1, seed=hash(name) % 1000)
    doc = to_dict(d)
    doc.update(fields)
    p = tmp_path / name
    p.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return p, doc["id"]


def test_an_at1_file_imports_with_mapped_codes_and_a_warning_per_field(desk, tmp_path):
    take_eciq_lists(desk)
    assert eciq_fields(desk.codes) == {"transport_mode", "trade_mode"}
    f, decl_id = _file(tmp_path, "v1.json", schema=SCHEMA_V1, transport_mode="2",
                       trade_mode="0110")
    report = desk.import_files([f])
    assert report.errors == [] and report.imported == [decl_id]
    got = desk.get(decl_id)
    assert (got.schema, got.transport_mode, got.trade_mode) == (SCHEMA, "1", "11")
    assert got.extra == {}   # no customs declaration linked: the customs codes are not kept
    w = {x.field: x for x in report.warnings}
    assert set(w) == {"transport_mode", "trade_mode"}
    assert w["transport_mode"].severity == "warning" and w["transport_mode"].row == 1
    assert "海关代码 2 已换为检验检疫代码 1（水路运输）" in w["transport_mode"].message
    assert "customs code 0110 replaced by eCIQ code 11" in w["trade_mode"].message_en
    assert report.to_dict("en")["warnings"][0]["severity"] == "warning"
    # what was stored is the mapped declaration, not the file's text
    assert json.loads(decl_q_doc(desk, decl_id))["transport_mode"] == "1"


def decl_q_doc(desk, decl_id):
    with desk.db.read() as conn:
        return decl_q.load_doc(conn, decl_id)


def test_a_lossy_mapping_warns_naming_the_alternatives(desk, tmp_path):
    take_eciq_lists(desk)
    f, decl_id = _file(tmp_path, "v1-9.json", schema=SCHEMA_V1, transport_mode="9",
                       trade_mode="9610")
    report = desk.import_files([f])
    got = desk.get(decl_id)
    assert (got.transport_mode, got.trade_mode) == ("9", "42")
    [msg] = [x.message for x in report.warnings if x.field == "transport_mode"]
    assert "5 旅客携带" in msg and "6 管道运输" in msg


def test_an_at2_file_with_a_customs_trade_code_is_mapped_an_eciq_one_is_not(desk, tmp_path):
    take_eciq_lists(desk)
    f1, id1 = _file(tmp_path, "customs.json", transport_mode="5", trade_mode="0110")
    f2, id2 = _file(tmp_path, "eciq.json", transport_mode="4", trade_mode="11")
    report = desk.import_files([f1, f2])
    assert sorted(report.imported) == sorted([id1, id2])
    assert {x.file for x in report.warnings} == {str(f1)}
    assert (desk.get(id1).transport_mode, desk.get(id1).trade_mode) == ("4", "11")
    assert (desk.get(id2).transport_mode, desk.get(id2).trade_mode, desk.get(id2).extra) == (
        "4", "11", {})


def test_before_the_switch_an_at1_file_keeps_its_customs_codes(desk, tmp_path):
    f, decl_id = _file(tmp_path, "v1.json", schema=SCHEMA_V1, transport_mode="2",
                       trade_mode="0110")
    report = desk.import_files([f])
    assert report.warnings == [] and report.errors == []
    got = desk.get(decl_id)
    assert (got.transport_mode, got.trade_mode) == ("2", "0110")


def _drafts(desk, n, **fields):
    decls = []
    for k in range(n):
        d = sample_declaration("inbound", 1, seed=500 + k)
        for a, v in fields.items():
            setattr(d, a, v)
        decls.append(d)
    with desk.db.write() as conn:
        decl_q.save_many(conn, decls)
    return [d.id for d in decls]


def test_convert_stored_maps_editable_drafts_writes_history_and_skips_others(desk):
    drafts = _drafts(desk, 2)
    [eciq_already] = _drafts(desk, 1, transport_mode="4", trade_mode="11")
    [ready] = _drafts(desk, 1)
    with desk.db.write() as conn:
        decl_q.set_status(conn, ready, "ready")
    codes = eciq_codebook()
    with desk.db.write() as conn:
        done = switch.convert_stored(conn, codes, frozenset({"transport_mode", "trade_mode"}),
                                     ECIQ_VERSION)
    assert sorted(c.declaration_id for c in done) == sorted(drafts)
    for i in drafts:
        g = desk.get(i)
        assert (g.transport_mode, g.trade_mode) == ("1", "11")
        assert desk.summary(i).status == "draft"
        assert "海关 2 → 1" in desk.history(i)[-1].note
    assert desk.get(ready).trade_mode == "0110"            # not editable: as it was
    assert desk.get(eciq_already).extra == {}              # already in eCIQ terms
    with desk.db.read() as conn:
        mark = kv.get(conn, switch.KV_KEY)
    assert mark["version"] == ECIQ_VERSION and mark["converted"] == 2


def test_convert_stored_is_all_or_nothing(desk, monkeypatch):
    ids = _drafts(desk, 3)
    before = {i: (decl_q_doc(desk, i), len(desk.history(i))) for i in ids}
    real, n = switch.map_customs_codes, []

    def fails_on_the_third(decl, codes, only=None):
        n.append(1)
        if len(n) == 3:
            raise RuntimeError("killed")
        return real(decl, codes, only=only)

    monkeypatch.setattr(switch, "map_customs_codes", fails_on_the_third)
    with pytest.raises(RuntimeError), desk.db.write() as conn:
        switch.convert_stored(conn, eciq_codebook(), frozenset({"trade_mode"}), ECIQ_VERSION)
    assert {i: (decl_q_doc(desk, i), len(desk.history(i))) for i in ids} == before
    with desk.db.read() as conn:
        assert kv.get(conn, switch.KV_KEY) is None


@pytest.mark.parametrize("transport,trade,rec19", [
    ("2", "0110", "1"),    # customs 水路 (a payload in customs terms) → eCIQ 1 → maritime
    ("1", "11", "1"),      # eCIQ 水路 → maritime
    ("2", "11", "2"),      # eCIQ 铁路 → rail
    ("6", "0110", "9"),    # customs 邮件 → eCIQ 9 其他 → not applicable
])
def test_the_e_certificate_mode_code_is_read_from_the_eciq_code(transport, trade, rec19):
    from client.ecert import sps
    d = to_dict(sample_declaration("outbound", 1, seed=77))
    d["transport_mode"], d["trade_mode"] = transport, trade
    root = sps.build(d, number="CN310000226000009-18-00", desk_type="18",
                     issued_at="2026-11-30T22:00:00Z", issuer_id="CN-GACC",
                     issuer_name="海关总署")
    assert sps.read(root).transport_mode == rec19


def test_convert_stored_pages_through_many_drafts(desk, monkeypatch):
    ids = _drafts(desk, 5)
    monkeypatch.setattr(switch, "CHUNK", 2)
    with desk.db.write() as conn:
        done = switch.convert_stored(conn, eciq_codebook(), frozenset({"trade_mode"}),
                                     ECIQ_VERSION)
    assert sorted(c.declaration_id for c in done) == sorted(ids)
    assert {desk.get(i).trade_mode for i in ids} == {"11"}
    assert all(len([h for h in desk.history(i) if "海关 0110 → 11" in (h.note or "")]) == 1
               for i in ids)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("path", ["streamed", "whole"])
def test_a_workbook_in_customs_codes_is_mapped_on_import_with_a_warning(
        desk, data_dir, tmp_path, monkeypatch, suffix, path):
    """The workbook path stores in parts and validates before it stores (issue 17): the
    mapping comes first, so the stored codes, the result kept and the warnings agree."""
    from client.interchange import excel_import, importer
    from client.interchange.excel_export import export_workbook
    # a desk still on the customs lists (on PostgreSQL the same office store, so the
    # import below updates that draft instead of creating it)
    other = Desk.open(tmp_path / "before-switch")
    try:
        d = sample_declaration("inbound", 1, seed=77)
        d.transport_mode, d.trade_mode = "2", "0110"
        other.save_draft(d)
        book = tmp_path / f"customs{suffix}"
        export_workbook(other, [d.id], book)
    finally:
        other.close()
    take_eciq_lists(desk)
    if path == "whole":
        def _apart(*a, **k):
            raise excel_import.RowsApart(1)
        monkeypatch.setattr(importer, "_read_streamed", _apart)
    from client.services import ImportReport
    report = ImportReport()
    importer.import_into(desk, book, report, validate=True)
    assert report.errors == [] and report.imported + report.updated == [d.id]
    got = desk.get(d.id)
    assert (got.transport_mode, got.trade_mode) == ("1", "11")
    assert {w.field for w in report.warnings} == {"transport_mode", "trade_mode"}
    assert all(w.file == str(book) and w.row is not None for w in report.warnings)
    assert json.loads(decl_q_doc(desk, d.id))["trade_mode"] == "11"
    # the result kept at import judged the mapped codes (no E1406/E1407 of a customs code)
    with desk.db.read() as conn:
        kept = conn.exec_driver_sql(
            "SELECT issues FROM declarations WHERE id = '%s'" % d.id).scalar()
    assert kept is not None
    assert not {i["code"] for i in json.loads(kept)} & {"E1406", "E1407"}
