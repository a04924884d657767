"""A broker's client enterprises: listing, per-client defaults, drafts filed for a client."""
from __future__ import annotations

import json

import pytest

from client.cli.main import main
from client.errors import InputError, NotFound
from client.services.clients import ClientsService, default_keys
from client.store import kv

BROKER = {"uscc": "91310000MA1FL8TQ0X", "name_cn": "申通报关代理有限公司",
          "name_en": "Shentong Customs Brokerage", "reg_no": "3100900001", "credit_grade": "A",
          "clients": [
              {"uscc": "91310115MA1K4AB2C0", "name_cn": "浦江国际物流有限公司",
               "name_en": "Pujiang Logistics", "reg_no": "3100600001", "credit_grade": "AA"},
              {"uscc": "91310115MA1H7XK03T", "name_cn": "黄浦江食品有限公司",
               "name_en": None, "reg_no": "3100600002", "credit_grade": "C"}]}


@pytest.fixture
def broker(desk):
    with desk.db.write() as conn:
        kv.put(conn, "enterprise", BROKER)
    return ClientsService(desk)


def test_clients_come_from_the_login_and_keep_their_defaults(broker, desk):
    clients = broker.list()
    assert [c.name_cn for c in clients] == ["浦江国际物流有限公司", "黄浦江食品有限公司"]
    food = broker.get("91310115MA1H7XK03T")
    assert food.credit_grade == "C" and food.name_cn == "黄浦江食品有限公司"

    got = broker.set_defaults("91310115MA1H7XK03T", {
        "entry_exit_port": "ｃｎｓｈａ", "declare_bureau": "310000 上海出入境检验检疫局",
        "consignee.name_cn": "黄浦江食品有限公司", "declarer.name": "王芳", "ecommerce": "否"})
    assert got["entry_exit_port"] == "CNSHA" and got["declare_bureau"] == "310000"
    assert got["ecommerce"] is False

    # a new login refreshes names and grades but never drops the defaults
    changed = json.loads(json.dumps(BROKER))
    changed["clients"][1]["credit_grade"] = "B"
    with desk.db.write() as conn:
        kv.put(conn, "enterprise", changed)
    food = broker.get("91310115MA1H7XK03T")
    assert broker.list() and food.defaults["declarer.name"] == "王芳"
    assert [c.credit_grade for c in broker.list() if c.uscc == food.uscc] == ["B"]

    assert "entry_exit_port" not in broker.set_defaults(food.uscc, {"entry_exit_port": ""})


def test_new_draft_for_a_client_is_declared_by_it_through_the_broker(broker, desk):
    broker.set_defaults("91310115MA1K4AB2C0", {"port_bureau": "310000",
                                                "consignee.name_cn": "浦江国际物流有限公司",
                                                "goods_location": "外高桥保税区"})
    d = broker.new_draft_for("91310115MA1K4AB2C0", "inbound", save=True)
    assert d.declarant.uscc == "91310115MA1K4AB2C0" and d.declarant.reg_no == "3100600001"
    assert d.agent.uscc == BROKER["uscc"] and d.agent.name_cn == "申通报关代理有限公司"
    assert d.port_bureau == "310000" and d.goods_location == "外高桥保税区"
    assert d.consignee.name_cn == "浦江国际物流有限公司"
    stored = desk.get(d.id)
    assert stored.agent.uscc == BROKER["uscc"] and desk.summary(d.id).status == "draft"
    assert desk.count(declarant="91310115MA1K4AB2C0") == 1


def test_defaults_refuse_what_cannot_be_a_default(broker):
    with pytest.raises(InputError) as e:
        broker.set_defaults("91310115MA1K4AB2C0", {"declarant.uscc": "X"})
    assert "不能作为委托企业的默认值" in e.value.message_zh
    with pytest.raises(InputError):
        broker.set_defaults("91310115MA1K4AB2C0", {"ecommerce": "也许"})
    with pytest.raises(NotFound):
        broker.new_draft_for("91440300000000000X", "inbound")
    assert "arrival_date" not in default_keys() and "consignee.name_cn" in default_keys()


def test_clients_cli(broker, data_dir, capsys):
    assert main(["clients", "--json"]) == 0
    assert {c["uscc"] for c in json.loads(capsys.readouterr().out)} == {
        "91310115MA1K4AB2C0", "91310115MA1H7XK03T"}
    assert main(["clients", "defaults", "91310115MA1K4AB2C0", "--set", "entry_exit_port=CNSHA",
                 "--set", "purpose=99", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"entry_exit_port": "CNSHA", "purpose": "99"}
    assert main(["clients", "defaults", "91310115MA1K4AB2C0", "--set", "bogus=1"]) == 2
    assert "bogus" in capsys.readouterr().err
    assert main(["clients", "new", "91310115MA1K4AB2C0", "--direction", "outbound"]) == 0
    new_id = capsys.readouterr().out.strip()
    assert main(["export", new_id]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["declarant"]["uscc"] == "91310115MA1K4AB2C0" and doc["entry_exit_port"] == "CNSHA"
