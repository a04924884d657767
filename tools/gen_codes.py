"""Build the built-in code tables in ``resources/codes/`` (run by hand, output committed).

Sources: the starter tables of ``shared/spec/codes/`` (copied as they are), ISO 3166-1
countries and ISO 4217 currencies from pycountry with their zh_CN names, GB/T 2260
divisions from python-stdnum's table (current divisions only), and the HS 2022
nomenclature reduced to its 2-, 4- and 6-digit rows.

    python tools/gen_codes.py [--spec ../shared/spec/codes]
"""
from __future__ import annotations

import argparse
import csv
import gettext
import hashlib
import io
import json
import re
import shutil
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "codes"
BUILTIN_VERSION = "2026.11.0"
COPIED = ["bureaus", "regions", "inspection_types", "transport_modes", "trade_modes",
          "purposes", "certificates", "attachment_types", "units", "package_types",
          "credit_grades", "negative_list"]


def write_csv(name: str, header: list[str], rows: list[list[str]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    (OUT / f"{name}.csv").write_text(buf.getvalue(), encoding="utf-8")


def countries() -> None:
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    rows = [[c.alpha_3, c.alpha_2, zh.gettext(c.name), c.name] for c in pycountry.countries]
    rows.sort()
    write_csv("countries", ["code", "alpha_2", "name_cn", "name_en"], rows)


def currencies() -> None:
    zh = gettext.translation("iso4217", pycountry.LOCALES_DIR, languages=["zh_CN"])
    rows = [[c.alpha_3, zh.gettext(c.name), c.name] for c in pycountry.currencies]
    rows.sort()
    write_csv("currencies", ["code", "name_cn", "name_en"], rows)


def districts() -> None:
    import stdnum.cn
    dat = Path(stdnum.cn.__file__).parent / "loc.dat"
    rows = []
    province = ""
    for line in dat.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        m = re.match(r"^(\s*)(\d+)\s+(\w+)=\"(.*)\"", line)
        if not m:
            continue
        indent, digits, kind, name = m.groups()
        if not indent:
            province = digits
            code = digits + "0000"
        elif digits == "0000":
            continue  # the province repeated as its own county row
        else:
            code = province + digits
        ended = re.match(r"^\[(\d*)-(\d*)\](.*)$", name)
        if ended:
            if ended.group(2):  # no longer in use
                continue
            name = ended.group(3)
        if kind == "province":
            rows.append([code, name, "province"])
        elif code.endswith("00"):
            rows.append([code, name, "prefecture"])
        else:
            rows.append([code, name, "county"])
    seen = {}
    for r in rows:
        seen[r[0]] = r
    write_csv("districts", ["code", "name_cn", "level"], sorted(seen.values()))


def hs(spec: Path) -> None:
    rows = []
    with open(spec / "hs2022.csv", encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh):
            code = r["hscode"]
            if r["level"] in ("2", "4", "6") and code.isdigit():
                rows.append([code, r["description"], r["section"], r["parent"]])
    write_csv("hs2022", ["code", "name_en", "section", "parent"], rows)
    shutil.copyfile(spec / "hs2022_sections.csv", OUT / "hs2022_sections.csv")


def manifest() -> None:
    tables = {}
    for p in sorted(OUT.glob("*.csv")):
        data = p.read_bytes()
        tables[p.stem] = {"version": BUILTIN_VERSION, "sha256": hashlib.sha256(data).hexdigest(),
                          "file": p.name}
    (OUT / "manifest.json").write_text(json.dumps(tables, indent=1, ensure_ascii=False) + "\n",
                                       encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--spec", type=Path, default=ROOT.parent / "shared" / "spec" / "codes")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        text = (args.spec / f"{name}.csv").read_text(encoding="utf-8-sig")
        (OUT / f"{name}.csv").write_text(text, encoding="utf-8")
    countries()
    currencies()
    districts()
    hs(args.spec)
    manifest()
    print(f"wrote {len(list(OUT.glob('*.csv')))} tables to {OUT}")


if __name__ == "__main__":
    main()
