"""Build the code tables of the eCIQ switch (issue 13, run by hand, output committed).

Writes into ``resources/codes/``:

* ``transport_modes_eciq.csv`` / ``trade_modes_eciq.csv`` (version :data:`VERSION`): the
  published eCIQ lists **plus every target of the official customs → eCIQ mapping that
  the published list lacks** (trade 31, 34, 35, 37, 38, 40, 41, 42, 43; transport P, S),
  each named from the mapping's customs name(s). Column ``source`` says which rows are
  published (``eciq``) and which are extensions (``mapping``). So 1210/1239/9610 → 42 is a
  valid eCIQ trade mode.
* ``transport_modes_customs.csv`` / ``trade_modes_customs.csv``: the customs lists under
  their own names, for the link to the customs declaration (``customs_decl_no``).
* ``eciq/transport_modes.csv`` / ``eciq/trade_modes.csv``: version :data:`VERSION` of the
  tables ``transport_modes``/``trade_modes`` **as the platform publishes it** (the eCIQ
  lists above with ``code_list = eciq``). Not in the manifest: the desk takes it at sync
  (``sandbox`` ``POST /admin/codes:eciq`` publishes it; see docs/declaration-v2.md).

    python tools/gen_eciq_switch.py [--spec ../shared/spec/codes]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ciq_names_en as en  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "codes"
VERSION = "2027.01.0"

#: English names of the extension rows (the mapping's customs names, in English)
EXTENSION_EN = {
    "31": "other goods free of charge / levied later", "34": "small-value trade with Taiwan",
    "35": "direct return / repairs / other trade", "37": "official goods of resident offices",
    "38": "compensation goods free of charge", "40": "military goods and aid",
    "41": "duty-free and foreign-currency goods", "42": "e-commerce (incl. bonded e-commerce)",
    "43": "goods in and out of special customs areas",
    "P": "Yangpu bonded port area", "S": "special comprehensive bonded zone",
}


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def extended(spec: Path, listed: str, mapping: str, names_en: dict[str, str]) -> list[list[str]]:
    """``[code, name_cn, name_en, source]``: the published rows, then the mapping targets
    the published list lacks (named from the customs names that map to them)."""
    rows = [[r["code"], r["name_cn"], names_en.get(r["code"], ""), "eciq"]
            for r in _read(spec / "ciq" / f"{listed}.csv")]
    have = {r[0] for r in rows}
    extra: dict[str, list[str]] = {}
    for r in _read(spec / "ciq" / f"{mapping}.csv"):
        if r["eciq_code"] not in have:
            names = extra.setdefault(r["eciq_code"], [])
            if r["name_cn"] not in names:
                names.append(r["name_cn"])
    for code in sorted(extra):
        rows.append([code, "、".join(extra[code]), EXTENSION_EN.get(code, ""), "mapping"])
    return rows


def build(spec: Path) -> list[str]:
    (OUT / "eciq").mkdir(parents=True, exist_ok=True)
    head = ["code", "name_cn", "name_en", "source"]
    for table, listed, mapping, names in (
            ("transport_modes", "transport_modes_eciq", "transport_mode_mapping", en.TRANSPORT),
            ("trade_modes", "trade_modes_eciq", "trade_mode_mapping", en.TRADE)):
        rows = extended(spec, listed, mapping, names)
        _write(OUT / f"{table}_eciq.csv", head, rows)
        _write(OUT / "eciq" / f"{table}.csv", head + ["code_list"], [r + ["eciq"] for r in rows])
        customs = (OUT / f"{table}.csv").read_text("utf-8")
        (OUT / f"{table}_customs.csv").write_text(customs, encoding="utf-8")
    return ["transport_modes_eciq", "trade_modes_eciq", "transport_modes_customs",
            "trade_modes_customs"]


def update_manifest(names: list[str]) -> None:
    """Enter ``names`` at :data:`VERSION`, leaving every other entry and the order alone."""
    path = OUT / "manifest.json"
    manifest = json.loads(path.read_text("utf-8"))
    for name in names:
        data = (OUT / f"{name}.csv").read_bytes()
        manifest[name] = {"version": VERSION, "sha256": hashlib.sha256(data).hexdigest(),
                          "file": f"{name}.csv"}
    path.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--spec", type=Path, default=ROOT.parent / "shared" / "spec" / "codes")
    args = ap.parse_args()
    names = build(args.spec)
    update_manifest(names)
    print(f"wrote {', '.join(names)} and eciq/transport_modes.csv, eciq/trade_modes.csv "
          f"(version {VERSION}) to {OUT}")


if __name__ == "__main__":
    main()
