"""English counts agree with their number (issue 18 item 13: "1 errors", "1 lines")."""
from __future__ import annotations

import json

import pytest

from client.cli.main import main
from client.model import to_dict
from client.plural import count
from client.rules.sample import sample_declaration


@pytest.mark.parametrize("n, noun, want", [(1, "error", "1 error"), (2, "error", "2 errors"),
                                           (0, "draft", "0 drafts"), (1, "entry", "1 entry"),
                                           (3, "entry", "3 entries"), (2, "day", "2 days"),
                                           (1200, "line", "1,200 lines"),
                                           (2, "status change", "2 status changes")])
def test_count(n, noun, want):
    assert count(n, noun) == want


def test_cli_import_report_in_english_agrees(data_dir, tmp_path, capsys):
    f = tmp_path / "one.json"
    f.write_text(json.dumps(to_dict(sample_declaration(seed=41))), encoding="utf-8")
    assert main(["--lang", "en", "import", str(f)]) == 0
    out = capsys.readouterr().out
    assert "imported 1 new declaration, updated 0 drafts" in out
