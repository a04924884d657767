"""Item 5: the shipped examples import and validate as the README's walk-through says."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from client.model import from_dict
from client.services import Desk
from tests.desk_fixtures import take_eciq_lists

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
#: the warnings an example is meant to show (the credit grade is unknown until a sync)
MEANT = {"inbound-import-direct.json": {"W1701"}, "outbound-export-direct.json": {"W1701"},
         # its product registration is unknown to a desk that has not synced (issue 15)
         "inbound-ecommerce.json": {"W1806"}}


def _examples() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(EXAMPLES.glob("*.json"))}


def test_examples_cover_both_directions_every_clearance_mode_and_e_commerce():
    docs = _examples().values()
    assert {d["direction"] for d in docs} == {"inbound", "outbound"}
    assert {d["clearance_mode"] for d in docs} == {"standard", "import_direct",
                                                   "export_direct", "import_transfer"}
    assert sum(bool(d["ecommerce"]) for d in docs) == 1
    assert {d["direction"] for d in docs if d["clearance_mode"] == "standard"} == {
        "inbound", "outbound"}


def test_every_example_imports_and_validates_clean(data_dir):
    """The examples carry eCIQ transport/trade codes: a desk that has taken the eCIQ lists
    (version 2027.01.0, issue 13) judges them; a desk still on the customs lists does not
    hold trade mode 11 (the README's walk-through syncs first)."""
    files = sorted(EXAMPLES.glob("*.json"))
    desk = Desk.open(data_dir)
    try:
        take_eciq_lists(desk)
        report = desk.import_json_files(files)
        assert report.errors == [] and len(report.imported) == len(files)
        results = desk.validate_ids(report.imported)
        by_id = {doc["id"]: name for name, doc in _examples().items()}
        assert report.warnings == []    # already in eCIQ terms: nothing mapped
        for decl_id, issues in results.items():
            name = by_id[decl_id]
            assert [i for i in issues if i.severity == "error"] == [], name
            assert {i.code for i in issues} == MEANT.get(name, set()), name
    finally:
        desk.close()


def test_the_broker_workbook_holds_the_same_declarations(tmp_path):
    profile = tmp_path / "broker"
    done = subprocess.run([sys.executable, "-m", "client", "--data-dir", str(profile),
                           "import", str(EXAMPLES / "broker-workbook.xlsx")],
                          cwd=str(REPO), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "已导入 6 份新报检单" in done.stdout
    desk = Desk.open(profile)
    try:
        for name, doc in _examples().items():
            got, want = desk.get(doc["id"]), from_dict(doc)  # Decimals compare by value
            for key in ("direction", "clearance_mode", "ecommerce", "trade_mode",
                        "declare_bureau", "port_bureau", "inspect_bureau", "contract_no",
                        "declarant", "goods", "containers"):
                assert getattr(got, key) == getattr(want, key), (name, key)
    finally:
        desk.close()


def test_the_readme_walk_through_uses_files_that_exist():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Trying it end to end", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"examples/[\w.*-]+", section))
    assert "examples/broker-workbook.xlsx" in named
    for pattern in named:
        assert list(REPO.glob(pattern)), pattern
