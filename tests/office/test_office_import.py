"""A workbook import stored in parts (issue 17) on both store dialects: one transaction,
the validation kept with the rows, the search index in step at once."""
from __future__ import annotations

from client.interchange import importer
from client.interchange.columns import columns_for
from client.interchange.importer import import_into
from client.interchange.writer import write_declarations
from client.rules.sample import sample_declaration
from client.services import ImportReport


def test_a_workbook_stored_in_parts_is_validated_and_searchable(open_desk, tmp_path,
                                                                  monkeypatch):
    desk = open_desk("a")
    decls = [sample_declaration("inbound" if i % 2 else "outbound", 2, seed=300 + i)
             for i in range(7)]
    book = tmp_path / "office.xlsx"
    write_declarations(book, ((d, None) for d in decls), columns_for(None), desk.codes,
                       len(decls))
    monkeypatch.setattr(importer, "CHUNK_ROWS", 3)
    report = ImportReport()
    import_into(desk, book, report, validate=True)
    assert report.errors == [] and sorted(report.imported) == sorted(d.id for d in decls)
    kept = {d.id: desk.stored_issues(d.id) for d in decls}
    again = desk.validate_ids([d.id for d in decls], store_result=False)
    assert kept == {i: [x.to_dict() for x in issues] for i, issues in again.items()}
    for d in (decls[0], decls[4]):
        assert [r.id for r in desk.list(search=d.contract_no.lower())] == [d.id]
    # importing the same file again updates in place: a new revision, its result kept
    report = ImportReport()
    import_into(desk, book, report, validate=True)
    assert sorted(report.updated) == sorted(d.id for d in decls)
    s = desk.summary(decls[2].id)
    assert s.local_rev == 2 and desk.stored_issues(decls[2].id) == kept[decls[2].id]
