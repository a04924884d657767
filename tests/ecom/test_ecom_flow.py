"""Issue 15 items 6–7 over real HTTP: registrations filed at sync, refused on the negative
list, shared by every enterprise, and checked by the declaration's rules."""
from __future__ import annotations

import json

from ecom_helpers import COSMETIC, FRESH_FISH, OPERATOR

from client.ecom import model
from client.ecom import store as q
from client.ecom import sync as ecom_sync
from client.ecom.kind import queue_registration
from client.model import Party
from client.rules.sample import sample_declaration
from client.store import declarations as decl_q



def _queue(desk, *entries):
    ids = []
    with desk.db.write() as conn:
        for e in entries:
            parsed = model.parse_entry(e, desk.codes)
            assert parsed.problems == []
            ids.append(queue_registration(conn, parsed.entry))
    return ids


def _rows(desk):
    with desk.db.read() as conn:
        return {r.id: r for r in q.all_rows(conn)}


def _ecom_decl(desk, ent, reg_no, **goods):
    d = sample_declaration("inbound", 1, seed=7)
    d.ecommerce, d.trade_mode = True, "9610"
    d.declarant = Party(name_cn=ent["name_cn"], name_en=ent["name_en"], reg_no=ent["reg_no"],
                        uscc=ent["uscc"])
    d.consignee = Party(name_cn=ent["name_cn"], name_en=ent["name_en"], reg_no=ent["reg_no"],
                        uscc=ent["uscc"])
    g = d.goods[0]
    g.hs_code, g.origin_country, g.product_reg_no = "3304990099", "KOR", reg_no
    g.ciq_code = "103"  # 成人面部驻留类化妆品 (a row of ciq_codes.csv for this HS code)
    g.name_cn, g.brand = "保湿面霜", "雪花秀"
    for k, v in goods.items():
        setattr(g, k, v)
    with desk.db.write() as conn:
        decl_q.save_many(conn, [d])
    return d


def _codes(desk, d):
    return sorted({i.code for i in desk.validate_decl(d)})


def test_product_registered_at_sync_negative_list_refused_naming_the_category(
        open_desk, make_engine, sandbox):
    desk = open_desk("aa")
    engine = make_engine(desk)
    engine.login(sandbox.url, "aa@demo", "demo123")
    ok, op, fish = _queue(desk, COSMETIC, OPERATOR, FRESH_FISH)  # the desk's precheck bypassed
    assert {r.status for r in _rows(desk).values()} == {"pending"}
    engine.sync()
    rows = _rows(desk)
    assert rows[ok].status == "registered" and model.REG_NO_RE.fullmatch(rows[ok].reg_no)
    assert rows[ok].reg_no.startswith("CBEP")
    assert rows[op].status == "registered" and rows[op].reg_no.startswith("CBEO")
    assert rows[fish].status == "refused" and rows[fish].reg_no is None
    (why,) = rows[fish].reasons
    assert why["code"] == "negative_list" and why["field"] == "entry.hs_code"
    assert "第2类" in why["message_zh"] and "0302" in why["message_zh"]
    assert "category 2" in why["message_en"]
    # a second sync resends nothing and changes nothing
    engine.sync()
    assert _rows(desk) == rows


def test_resend_after_a_lost_answer_is_the_same_registration(open_desk, make_engine, sandbox):
    from client.store import schema as s
    desk = open_desk("aa")
    engine = make_engine(desk)
    engine.login(sandbox.url, "aa@demo", "demo123")
    (rid,) = _queue(desk, COSMETIC)
    engine.sync()
    first = _rows(desk)[rid]
    assert first.status == "registered"
    with desk.db.write() as conn:  # as if the push's answer had been lost: sent again
        conn.execute(s.outbox.update().where(s.outbox.c.mutation_id == rid)
                     .values(state="pending"))
    summary = engine.sync()
    assert summary.duplicates == 1
    again = _rows(desk)[rid]
    assert (again.status, again.reg_no) == ("registered", first.reg_no)
    nxt = model.REG_NO_RE.fullmatch(first.reg_no) and first.reg_no[:-8] + \
        f"{int(first.reg_no[-8:]) + 1:08d}"
    assert ecom_sync.lookup(desk.db, engine.client(), nxt) is not None
    with desk.db.read() as conn:
        assert q.by_reg_no(conn, nxt).status == "not_found"   # no second registration


def test_one_operators_registration_validates_anothers_declaration(
        open_desk, make_engine, sandbox):
    filer = open_desk("aa")
    e1 = make_engine(filer)
    e1.login(sandbox.url, "aa@demo", "demo123")
    (rid,) = _queue(filer, COSMETIC)
    e1.sync()
    reg_no = _rows(filer)[rid].reg_no

    other = open_desk("b")
    e2 = make_engine(other)
    ent = e2.login(sandbox.url, "b@demo", "demo123")
    good = _ecom_decl(other, ent, reg_no)
    wrong_hs = _ecom_decl(other, ent, reg_no, hs_code="3305100000")
    wrong_origin = _ecom_decl(other, ent, reg_no, origin_country="JPN")
    unknown = _ecom_decl(other, ent, "CBEP202699999999")
    # before any sync the desk does not know the numbers: a warning, nothing more
    assert _codes(other, good) == ["W1806"]
    assert _codes(other, unknown) == ["W1806"]
    e2.sync()  # looks the referenced numbers up
    assert _codes(other, good) == []
    assert "E1807" in _codes(other, wrong_hs)
    (hs_issue,) = [i for i in other.validate_decl(wrong_hs) if i.code == "E1807"]
    assert hs_issue.field == "goods[0].hs_code" and reg_no in hs_issue.message_zh
    assert "E1808" in _codes(other, wrong_origin)
    assert _codes(other, unknown) == ["E1805"]
    with other.db.read() as conn:
        known = q.by_reg_no(conn, reg_no)
    assert known.source == "lookup" and known.status == "looked_up"
    assert known.registered_by == e1.desk.enterprise()["uscc"]


def test_offline_an_unknown_number_is_a_warning_not_an_error(open_desk, make_engine,
                                                            sandbox_factory):
    sb = sandbox_factory(process=True)
    desk = open_desk("b")
    engine = make_engine(desk)
    ent = engine.login(sb.url, "b@demo", "demo123")
    d = _ecom_decl(desk, ent, "CBEP202600000077")
    sb.stop()
    import pytest

    from client.errors import OfflineError
    with pytest.raises(OfflineError):
        engine.sync()
    issues = desk.validate_decl(d)
    assert [(i.code, i.severity) for i in issues] == [("W1806", "warning")]
    assert issues[0].field == "goods[0].product_reg_no"


def test_cli_register_list_lookup(tmp_path, cli, sandbox):
    prof = tmp_path / "cli"
    f = tmp_path / "regs.json"
    f.write_text(json.dumps([COSMETIC, OPERATOR]), encoding="utf-8")
    r = cli(prof, "login", "--platform", sandbox.url, "--user", "aa@demo", "--password-stdin",
            input="demo123\n")
    assert r.returncode == 0, r.stderr
    r = cli(prof, "ecom", "register", str(f), "--json")
    assert r.returncode == 0, r.stderr
    assert [x["status"] for x in json.loads(r.stdout)["queued"]] == ["pending", "pending"]
    listed = json.loads(cli(prof, "ecom", "list", "--json").stdout)
    assert [(x["status"], x["reg_no"]) for x in listed] == [("pending", None)] * 2
    assert cli(prof, "sync").returncode == 0
    listed = json.loads(cli(prof, "ecom", "list", "--json").stdout)
    assert [x["status"] for x in listed] == ["registered", "registered"]
    product = next(x for x in listed if x["kind"] == "product")
    r = cli(prof, "ecom", "lookup", product["reg_no"], "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["hs_code"] == "3304990099"
    r = cli(prof, "ecom", "lookup", "CBEP209900000001")
    assert r.returncode == 1 and "CBEP209900000001" in r.stderr


def test_cli_register_refuses_the_whole_file_pointing_at_the_field(tmp_path, cli):
    prof = tmp_path / "cli"
    bad = dict(COSMETIC, gtin="8801234567890")     # wrong check digit
    f = tmp_path / "regs.json"
    f.write_text(json.dumps([COSMETIC, bad, FRESH_FISH]), encoding="utf-8")
    r = cli(prof, "ecom", "register", str(f), "--json")
    assert r.returncode == 1
    out = json.loads(r.stdout)
    assert out["queued"] == []
    fields = [p["field"] for p in out["problems"]]
    assert fields == ["entries[1].gtin", "entries[2].hs_code"]
    assert "校验位" in out["problems"][0]["message_zh"]
    assert "负面清单第2类" in out["problems"][1]["message_zh"]
    assert json.loads(cli(prof, "ecom", "list", "--json").stdout) == []
