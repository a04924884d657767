"""Write ``examples/broker-workbook.xlsx`` from the example declarations in ``examples/``.

    .venv/bin/python tools/make_examples.py [--out FILE]

The JSON files in ``examples/`` are the source (one declaration each: inbound and outbound
in every clearance mode, one cross-border e-commerce); the workbook is the broker's Excel
template (``client.interchange.writer``) filled with the same declarations, as a broker
would send it. Run it after changing an example and commit both
(``tests/packaging/test_pack_examples.py`` checks that they agree).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

EXAMPLES = REPO / "examples"
WORKBOOK = EXAMPLES / "broker-workbook.xlsx"


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.json"))


def load_examples():
    from client.model import from_dict
    return [from_dict(json.loads(p.read_text(encoding="utf-8"))) for p in example_files()]


def write_workbook(path: Path = WORKBOOK) -> int:
    """The examples carry eCIQ transport/trade codes: the template's lists are those of a
    desk that has taken version 2027.01.0 (``client.ciq.lists``)."""
    from client.ciq.lists import eciq_codebook
    from client.interchange.columns import columns_for
    from client.interchange.writer import write_declarations
    decls = load_examples()
    return write_declarations(path, ((d, None) for d in decls), columns_for(None),
                              eciq_codebook(), len(decls))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=WORKBOOK)
    a = ap.parse_args(argv)
    rows = write_workbook(a.out)
    print(f"{a.out}: {len(example_files())} declarations, {rows} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
