"""A broker's whole batch day against a real sandbox platform over HTTP on 127.0.0.1:
clients from the login, a workbook for one client, import, batch finalise with a cancel
and a resume, push, and a re-import that changes nothing on the platform."""
from __future__ import annotations

import pytest

from client.interchange.columns import columns_for
from client.interchange.excel_import import stable_id
from client.interchange.importer import import_into
from client.interchange.writer import WorkbookWriter, declaration_rows
from client.rules.sample import sample_declaration
from client.services import ImportReport
from client.services.batch import BatchRunner, batch_info, finalise_step
from client.services.clients import ClientsService

pytestmark = pytest.mark.sandbox


def test_broker_batch_day(desk, batch_sandbox, batch_creds, tmp_path):
    from client.sync.engine import SyncEngine
    from client.sync.http import RetryPolicy

    engine = SyncEngine(desk, batch_creds, retry=RetryPolicy(attempts=4, base=0.01, cap=0.1),
                        timeout=(2.0, 30.0))
    try:
        ent = engine.login(str(batch_sandbox.url), "broker@demo", "demo123")
        clients = ClientsService(desk)
        listed = clients.list()
        assert len(listed) == 3 and {c.uscc for c in listed} == {c["uscc"] for c in ent["clients"]}
        client = listed[0]
        clients.set_defaults(client.uscc, {"goods_location": "外高桥保税区港城路1号"})

        # the client's spreadsheet: five inbound declarations, no ids (stable ids on import)
        cols = columns_for("inbound")
        book = tmp_path / f"{client.name_cn}.xlsx"
        w = WorkbookWriter(book, cols, desk.codes, direction="inbound")
        contracts = []
        for i in range(5):
            d = sample_declaration("inbound", 2, seed=200 + i)
            d.id = None
            d.declarant = client.party()
            d.consignee = client.party()
            d.agent = clients.broker()
            contracts.append(d.contract_no)
            w.add_rows(declaration_rows(d, cols))
        w.close()
        report = ImportReport()
        import_into(desk, book, report)
        assert report.errors == [] and len(report.imported) == 5
        ids = [stable_id(client.uscc, c) for c in contracts]
        assert sorted(report.imported) == sorted(ids)

        engine.top_up()
        runner = BatchRunner(desk, "finalise", finalise_step(desk, engine))
        calls = {"n": 0}

        def cancel_after_two():
            calls["n"] += 1
            return calls["n"] > 2

        info = runner.start(ids, cancel=cancel_after_two)
        assert (info.state, info.done) == ("paused", 2)
        info = runner.run(info.id)
        assert (info.state, info.done, info.failed) == ("done", 5, 0), batch_info(desk, info.id)

        summary = engine.push()
        assert summary.applied == 5 and not summary.rejected
        again = engine.push()
        assert again.pushed == 0  # nothing is ever sent twice

        body = engine.client().get("/v1/declarations", params={"limit": 1000, "payload": "false"})
        on_platform = [d for d in body["declarations"] if d["id"] in ids]
        assert sorted(d["id"] for d in on_platform) == sorted(ids)
        numbers = {d["id"]: d["inspection_no"] for d in on_platform}
        assert numbers == {i: desk.get(i).inspection_no for i in ids}

        # the client sends the same sheet again: submitted declarations are not touched
        report = ImportReport()
        import_into(desk, book, report)
        assert report.imported == [] and report.updated == []
        assert len(report.errors) == 5 and all(e.field == "id" for e in report.errors)
        assert desk.count() == 5
    finally:
        engine.close()
