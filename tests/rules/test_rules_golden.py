"""The rulebook's findings over a fixed, varied corpus equal the golden ones.

The corpus (``tests/data/rules_corpus.jsonl.gz``: the examples, every rule-table case valid
and broken, the four goods of issue 13 with each requirement dropped, random CIQ goods and
random mutations of sample declarations) and its golden findings
(``tests/data/rules_golden.jsonl.gz``) were computed with the code before the rulebook was
optimised for speed; ``tools/rules_golden.py`` builds both and, with ``check``, says which
rule codes differ. Any optimisation that changes a single finding (code, field, message or
order) fails here. When a rule's meaning changes on purpose, regenerate the golden with
``tools/rules_golden.py golden`` after ``check`` has shown that only the intended codes moved.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import rules_golden  # noqa: E402

CORPUS = rules_golden.load_corpus()
GOLDEN = rules_golden.load_golden()


def test_golden_covers_the_corpus_and_every_rule():
    from client.rules.registry import load_all
    assert [e["name"] for e in CORPUS] == list(GOLDEN)
    fired = {f[0] for issues in GOLDEN.values() for f in issues}
    assert set(load_all()) <= fired, "every rule fires somewhere in the corpus"
    assert sum(1 for v in GOLDEN.values() if not v) > 100, "and many entries are clean"


@pytest.mark.parametrize("fast", [True, False], ids=["fast-paths", "generic-paths"])
def test_findings_equal_the_golden(fast, codebook, monkeypatch):
    """``validate_raw`` over the corpus gives exactly the golden findings, with the fast
    parser and the engine's fast paths on, and with both off."""
    from client import model
    from client.rules import engine
    monkeypatch.setattr(model, "FAST_PARSE", fast)
    monkeypatch.setattr(engine, "FASTPATH", fast)
    differ = []
    for e in CORPUS:
        now = rules_golden.findings(e, codebook)
        if now != GOLDEN[e["name"]]:
            differ.append((e["name"], now, GOLDEN[e["name"]]))
    assert not differ, (f"{len(differ)} of {len(CORPUS)} entries differ; first: "
                        f"{differ[0][0]}\n now: {differ[0][1]}\n was: {differ[0][2]}")
