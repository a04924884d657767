"""``python -m client``: import, list, export, validate as a broker's ERP would call them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from client.cli.main import main
from client.model import to_dict
from client.rules.sample import sample_declaration

ROOT = Path(__file__).resolve().parents[2]


def run(*args, data_dir):
    """The CLI as a real process (exit code, stdout, stderr)."""
    env = dict(os.environ, CIQDESK_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT))
    p = subprocess.run([sys.executable, "-m", "client", *args], capture_output=True, text=True,
                       env=env, cwd=ROOT, timeout=120)
    return p.returncode, p.stdout, p.stderr


def write(path: Path, obj) -> Path:
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_list_export_round_trip(data_dir, tmp_path, capsys):
    decls = [sample_declaration("inbound", goods=2, seed=1), sample_declaration("outbound", seed=2)]
    f = write(tmp_path / "two.json", [to_dict(d) for d in decls])
    assert main(["import", str(f), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert sorted(out["imported"]) == sorted(d.id for d in decls) and out["errors"] == []

    assert main(["list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {r["id"] for r in listed} == {d.id for d in decls}
    row = next(r for r in listed if r["id"] == decls[0].id)
    assert row["status"] == "draft" and row["direction"] == "inbound"
    assert row["contract_no"] == decls[0].contract_no
    assert row["consignee"] == decls[0].consignee.name_cn
    assert set(row) == {"id", "inspection_no", "direction", "status", "contract_no",
                        "consignee", "updated_at", "clearance_doc_no"}

    assert main(["export", decls[0].id]) == 0
    assert json.loads(capsys.readouterr().out) == to_dict(decls[0])


def test_reimport_updates_the_draft_never_a_second_copy(data_dir, tmp_path, capsys):
    d = sample_declaration(seed=3)
    f = write(tmp_path / "one.json", to_dict(d))
    assert main(["import", str(f)]) == 0
    capsys.readouterr()
    d.remarks = "第二次导入"
    write(f, to_dict(d))
    assert main(["import", str(f), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == [d.id]
    assert main(["list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 1
    assert main(["export", d.id]) == 0
    assert json.loads(capsys.readouterr().out)["remarks"] == "第二次导入"


def test_broken_file_refused_whole_good_file_beside_it_imports(data_dir, tmp_path):
    good = write(tmp_path / "good.json", to_dict(sample_declaration(seed=4)))
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": "A"}, {"id": ', encoding="utf-8")
    code, out, err = run("import", str(bad), str(good), "--json", data_dir=data_dir)
    assert code == 2
    res = json.loads(out)
    assert len(res["imported"]) == 1
    assert res["errors"][0]["file"] == str(bad) and "JSON" in res["errors"][0]["message"]
    assert "Traceback" not in err
    code, out, _ = run("list", "--json", data_dir=data_dir)
    assert [r["id"] for r in json.loads(out)] == res["imported"]


def test_unreadable_value_names_file_row_and_field(data_dir, tmp_path, capsys):
    ok = to_dict(sample_declaration(seed=5))
    broken = to_dict(sample_declaration(seed=6))
    broken["goods"][0]["net_weight_kg"] = "二十吨"
    f = write(tmp_path / "mixed.json", [ok, broken])
    assert main(["import", str(f), "--json"]) == 1
    res = json.loads(capsys.readouterr().out)
    assert res["imported"] == [ok["id"]]
    err = res["errors"][0]
    assert err["file"] == str(f) and err["row"] == 2 and err["field"] == "goods[0].net_weight_kg"
    assert "二十吨" in err["message"] and "净重" in err["message"]


def test_validate_files_and_ids_with_exit_codes(data_dir, tmp_path, capsys):
    good = sample_declaration(seed=7)
    bad = sample_declaration(seed=8)
    bad.goods[0].net_weight_kg = bad.goods[0].gross_weight_kg * 2
    fg = write(tmp_path / "g.json", to_dict(good))
    fb = write(tmp_path / "b.json", to_dict(bad))
    assert main(["validate", str(fg), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"id": good.id, "valid": True, "issues": []}]
    assert main(["validate", str(fg), str(fb), "--json"]) == 1
    res = json.loads(capsys.readouterr().out)
    assert res[1]["valid"] is False
    issue = next(i for i in res[1]["issues"] if i["field"] == "goods[0].net_weight_kg")
    assert set(issue) == {"code", "severity", "field", "message_zh", "message_en"}
    assert issue["severity"] == "error" and "净重" in issue["message_zh"]
    # stored ids validate too, and the result is kept for the UI's markers
    assert main(["import", str(fb)]) == 0  # rule errors don't block an import: it is a draft
    capsys.readouterr()
    assert main(["validate", bad.id, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)[0]["valid"] is False


def test_validate_unreadable_input_exit_2_in_english(data_dir, tmp_path):
    f = tmp_path / "x.json"
    f.write_text("{nope", encoding="utf-8")
    code, out, err = run("--lang", "en", "validate", str(f), "NO-SUCH-ID", data_dir=data_dir)
    assert code == 2
    assert "unreadable" in err and "no declaration NO-SUCH-ID" in err
    assert "Traceback" not in err


def test_list_filters_by_status_and_rejects_unknown_status(data_dir, tmp_path, capsys):
    f = write(tmp_path / "a.json", to_dict(sample_declaration(seed=9)))
    main(["import", str(f)])
    capsys.readouterr()
    assert main(["list", "--status", "released", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["list", "--status", "nonsense"]) == 2
    assert "未知状态" in capsys.readouterr().err


def test_validate_all_drafts_keeps_results(data_dir, tmp_path, capsys):
    good, bad = sample_declaration(seed=11), sample_declaration(seed=12)
    bad.declarant.uscc = "91310000000000000X"  # wrong check character
    main(["import", str(write(tmp_path / "ab.json", [to_dict(good), to_dict(bad)]))])
    capsys.readouterr()
    assert main(["validate", "--all", "--json"]) == 1
    res = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert res[good.id]["valid"] is True and res[bad.id]["valid"] is False
    assert any(i["field"] == "declarant.uscc" for i in res[bad.id]["issues"])
    assert main(["validate"]) == 2
    assert "--all" in capsys.readouterr().err


def test_the_app_runs_the_command_line_too(data_dir, tmp_path):
    """The frozen app has no ``python -m client``: ``main.py --cli`` offers the same."""
    f = write(tmp_path / "a.json", to_dict(sample_declaration(seed=21)))
    env = dict(os.environ, CIQDESK_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT))
    p = subprocess.run([sys.executable, str(ROOT / "main.py"), "--cli", "import", str(f),
                        "--json"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert p.returncode == 0, p.stderr
    assert len(json.loads(p.stdout)["imported"]) == 1


def test_list_for_people_one_aligned_line_each_newest_first(data_dir, tmp_path, capsys):
    inbound, outbound = sample_declaration("inbound", seed=21), sample_declaration("outbound", seed=22)
    main(["import", str(write(tmp_path / "a.json", to_dict(inbound)))])
    main(["import", str(write(tmp_path / "b.json", to_dict(outbound)))])
    capsys.readouterr()

    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [ln.split()[0] for ln in lines] == [outbound.id, inbound.id]   # newest first
    newest = lines[0]
    # id, no inspection number yet, direction, status name, contract, counterparty, time
    head = f"{outbound.id}  {'-':15}  {'outbound':8}  {'草稿':8}  {outbound.contract_no:20}  "
    assert newest.startswith(head)
    # the foreign-trade partner: the consignor for an outbound declaration
    assert newest[len(head):].rsplit("  ", 1)[0] == outbound.consignor.name_cn
    assert lines[1].rsplit("  ", 2)[-2] == inbound.consignee.name_cn

    assert main(["--lang", "en", "list", "--limit", "1"]) == 0
    only = capsys.readouterr().out.splitlines()
    assert len(only) == 1 and f"  {'Draft':8}  " in only[0]

    assert main(["list", "--search", inbound.contract_no.lower()]) == 0
    assert [ln.split()[0] for ln in capsys.readouterr().out.splitlines()] == [inbound.id]
    assert main(["list", "--status", "released"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "没有报检单" in captured.err
