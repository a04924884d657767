"""The ecom_registrations table as validation sees it: Desk.rule_context() keeps a copy of
the known registrations and reloads it after any write (client.ecom.store)."""
from __future__ import annotations

from ecom_helpers import COSMETIC

from client.ecom import model
from client.ecom import store as q
from client.services import Desk


def test_rule_context_follows_every_write(tmp_path):
    desk = Desk.open(tmp_path / "p")
    try:
        first = desk.rule_context().ecom_registrations
        assert first.products == {} and first.not_found == frozenset()
        assert desk.rule_context().ecom_registrations is first        # cached: nothing written
        with desk.db.write() as conn:
            rid = q.queue(conn, model.parse_entry(COSMETIC, desk.codes).entry)
        assert desk.rule_context().ecom_registrations.products == {}  # pending: not known yet
        with desk.db.write() as conn:
            assert q.set_result(conn, rid, "registered", "CBEP202600000009", None, "X")
        ref = desk.rule_context().ecom_registrations.products["CBEP202600000009"]
        assert (ref.hs_code, ref.origin_country) == ("3304990099", "KOR")
        with desk.db.write() as conn:
            q.remember_lookup(conn, "CBEP202600000010", None)
            q.remember_lookup(conn, "CBEP202600000009", None)   # a filed row keeps its answer
        known = desk.rule_context().ecom_registrations
        assert known.not_found == frozenset({"CBEP202600000010"})
        assert "CBEP202600000009" in known.products
        with desk.db.write() as conn:  # a later lookup that finds it replaces "not found"
            q.remember_lookup(conn, "CBEP202600000010", {
                "reg_no": "CBEP202600000010", "kind": "product", "registered_by": "Y",
                "entry": dict(COSMETIC, hs_code="8471300000", origin_country="DEU")})
        known = desk.rule_context().ecom_registrations
        assert known.not_found == frozenset()
        assert known.products["CBEP202600000010"].hs_code == "8471300000"
    finally:
        desk.close()
