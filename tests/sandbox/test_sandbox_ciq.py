"""Issue 13 on the platform: the same E20xx rules and catalogue refuse what the desk flags,
and a release of 监管条件 A/B goods carries its 18-digit 通关单号 (clearance_doc_no)."""
from __future__ import annotations

import time

import pytest
from sbx_helpers import (lease, make_declaration, number, pull_all, push, submit,
                         upload_sample_attachment)

pytestmark = pytest.mark.sandbox

BEEF = {"seq": 1, "hs_code": "0202300090", "ciq_code": "102", "name_cn": "冻去骨牛肉",
        "name_en": "frozen boneless beef", "spec": "标准", "brand": "无",
        "origin_country": "AUS", "quantity": "1000", "quantity_unit": "035",
        "net_weight_kg": "1000.000", "gross_weight_kg": "1050.000", "value": "8000.00",
        "currency": "USD", "package_type": "22", "package_count": 100,
        "goods_attributes": ["15"],
        "licences": [{"type": "325", "number": "3252026000123"},
                     {"type": "519", "number": "AU-EST-0001"}]}
SHOES = dict(BEEF, hs_code="6403990090", ciq_code="101", name_cn="皮鞋", goods_attributes=[],
             licences=[])


def _filed(sb, user, goods_line, *, attach_vet=True):
    s = sb.login(user)
    upload_sample_attachment(s)
    ent = s.get("/v1/enterprise").json()
    le = lease(s, 1)
    d = make_declaration(ent, number(le, le["first"]), seed=77)
    d["goods"] = [dict(goods_line)]
    if attach_vet:
        d["attachments"].append(dict(d["attachments"][0], type="101006"))
    return s, d


def _released(s, decl_id, timeout=20.0):
    end = time.time() + timeout
    while time.time() < end:
        changes, _ = pull_all(s)
        for c in changes:
            if c["kind"] == "status" and c["declaration_id"] == decl_id \
                    and c["status"] == "released":
                return c
        time.sleep(0.05)
    raise AssertionError("never released")


def test_platform_refuses_a_beef_import_without_its_quarantine_permit(shared_sandbox):
    line = dict(BEEF, licences=[x for x in BEEF["licences"] if x["type"] != "325"])
    s, d = _filed(shared_sandbox, "aa@demo", line)
    [res] = push(s, [submit(d)])
    assert res["outcome"] == "rejected"
    assert [(r["code"], r["field"]) for r in res["reasons"]] == [("E2010", "goods[0].licences")]


def test_platform_refuses_a_missing_origin_certificate(shared_sandbox):
    s, d = _filed(shared_sandbox, "aa@demo", BEEF, attach_vet=False)
    [res] = push(s, [submit(d)])
    assert res["outcome"] == "rejected"
    assert [(r["code"], r["field"]) for r in res["reasons"]] == [("E2011", "attachments")]


def test_release_of_ab_goods_carries_the_clearance_doc_no(shared_sandbox):
    s, d = _filed(shared_sandbox, "aa@demo", BEEF)
    [res] = push(s, [submit(d)])
    assert res["outcome"] == "applied", res
    rel = _released(s, d["id"])
    assert rel["clearance_doc_no"] == d["inspection_no"] + "001"
    assert len(rel["clearance_doc_no"]) == 18 and rel["clearance_doc_no"].isdigit()
    assert rel["clearance_doc_no"] in rel["note"]


def test_goods_outside_the_catalogue_get_no_clearance_doc_no(shared_sandbox):
    s, d = _filed(shared_sandbox, "aa@demo", SHOES, attach_vet=False)
    [res] = push(s, [submit(d)])
    assert res["outcome"] == "applied", res
    rel = _released(s, d["id"])
    assert "clearance_doc_no" not in rel and "通关单号" not in rel["note"]
