"""docs/rules.md is generated from the registry and must be up to date."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from client.rules.registry import load_all

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("gen_rules_doc", ROOT / "tools" / "gen_rules_doc.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_rules_doc_is_up_to_date():
    tool = _tool()
    current = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert current == tool.render(), "docs/rules.md is stale: run .venv/bin/python tools/gen_rules_doc.py"


def test_rules_doc_lists_every_code():
    text = (ROOT / "docs" / "rules.md").read_text("utf-8")
    for code in load_all():
        assert f"`{code}`" in text
