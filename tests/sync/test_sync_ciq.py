"""Issue 13 end to end over real HTTP: a frozen-beef import filed by the desk comes back
released with its 通关单号, stored in the declaration and named in its timeline."""
from __future__ import annotations

import json
import time
from decimal import Decimal

import pytest
from sync_helpers import party

from client.model import Attachment, GoodsLine, Licence
from client.rules.sample import sample_declaration
from client.store import declarations as decl_q

pytestmark = pytest.mark.sandbox


def _beef_import(ent):
    d = sample_declaration("inbound", 1, seed=4242)
    d.declarant = d.consignee = party(ent)
    d.goods = [GoodsLine(seq=1, hs_code="0202300090", ciq_code="102", name_cn="冻去骨牛肉",
                         name_en="frozen beef", spec="标准", brand="无", origin_country="AUS",
                         quantity=Decimal("1000"), quantity_unit="035",
                         net_weight_kg=Decimal("1000.000"), gross_weight_kg=Decimal("1050.000"),
                         value=Decimal("8000.00"), currency="USD", package_type="22",
                         package_count=100, goods_attributes=["15"],
                         licences=[Licence("325", "3252026000123"), Licence("519", "AU-1")])]
    d.attachments.append(Attachment(type="101006", file_name="vet.pdf",
                                    sha256=d.attachments[0].sha256, size=4))
    return d


def test_release_brings_the_clearance_doc_no_into_the_store_and_timeline(engine, desk, sandbox,
                                                                         cli):
    ent = engine.login(sandbox.url, "aa@demo", "demo123")
    d = _beef_import(ent)
    with desk.db.write() as conn:
        decl_q.save_many(conn, [d])
    engine.top_up()
    res = engine.filing().finalise([d.id])
    [(_, no)] = res.finalised
    for _ in range(40):
        engine.sync()
        if desk.summary(d.id).status in ("released", "certified"):
            break
        time.sleep(0.1)
    assert desk.summary(d.id).status in ("released", "certified")
    stored = desk.get(d.id)
    assert stored.clearance_doc_no == no + "001"
    notes = [h.note or "" for h in desk.history(d.id) if h.status == "released"]
    assert any(stored.clearance_doc_no in n for n in notes)
    desk.db.engine.dispose()  # the CLI reads the same file
    rows = {x["id"]: x for x in json.loads(cli("list", "--json").stdout)}
    assert rows[d.id]["clearance_doc_no"] == stored.clearance_doc_no
