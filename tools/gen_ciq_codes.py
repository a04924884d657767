"""Build the eCIQ code tables of ``resources/codes/`` (run by hand, output committed).

Sources: ``shared/spec/codes/ciq/`` (the official eCIQ tables, see its README) with the
English names of ``tools/ciq_names_en.py``; and the **stand-in** inspection catalogue
(法检目录) built below from HS chapters and headings, because no public copy of the
official catalogue exists. The platform's published version of ``inspection_catalogue``
replaces the stand-in at the first sync.

Tables written (version :data:`CIQ_VERSION`, entered in ``manifest.json``):
``ciq_codes`` (code = HS10 + CIQ3), ``goods_attributes``, ``licences_inbound``,
``licences_outbound``, ``dangerous_pack_categories``, ``enterprise_qualifications``,
``attachment_types_eciq`` and ``certificates_eciq`` (the full eCIQ lists),
``transport_modes_eciq`` and ``trade_modes_eciq`` (the eCIQ lists, beside the customs lists
``transport_modes``/``trade_modes`` the rulebook still checks), ``transport_mode_mapping``
and ``trade_mode_mapping`` (customs → eCIQ) and ``inspection_catalogue``.

    python tools/gen_ciq_codes.py [--spec ../shared/spec/codes]
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
CIQ_VERSION = "2026.12.0"

# --------------------------------------------------------------- the stand-in catalogue
# hs_prefix, categories (inbound letters / outbound letters, joined by "."), conditions
# (A = inbound 通关单, B = outbound 通关单), licences the catalogue itself requires inbound
# and outbound ("|"-separated), and the basis of the row. A STAND-IN, built openly from
# the HS chapters and headings and the letters' published meaning (M 进口商品检验, N 出口
# 商品检验, P 进境动植物检疫, Q 出境动植物检疫, R 进口食品, S 出口食品, L 民用商品入境验证);
# not the official 法检目录.
_ANIMAL_FOOD = ("P.R/Q.S", "A/B")
_PLANT_FOOD = ("P.R/Q.S", "A/B")
_FOOD = ("R/S", "A/B")
_QUARANTINE = ("P/Q", "A/B")
_COMMODITY = ("M/N", "A/B")
_CCC = ("L.M/N", "A/B")
CATALOGUE: list[tuple[str, tuple[str, str], str, str, str]] = [
    ("01", _QUARANTINE, "325", "", "第1章 活动物：动物检疫，须检疫许可"),
    ("02", _ANIMAL_FOOD, "325", "", "第2章 肉及食用杂碎：动物产品检疫＋食品"),
    ("03", _ANIMAL_FOOD, "", "", "第3章 水产品：动物产品检疫＋食品"),
    ("0301", _QUARANTINE, "325", "", "0301 活鱼：动物检疫，须检疫许可"),
    ("04", _ANIMAL_FOOD, "", "", "第4章 乳品、蛋品、蜂蜜：动物产品检疫＋食品"),
    ("0407", _ANIMAL_FOOD, "325", "", "0407 带壳禽蛋：须检疫许可"),
    ("05", _QUARANTINE, "325", "", "第5章 其他动物产品：动物产品检疫，须检疫许可"),
    ("06", _QUARANTINE, "325", "", "第6章 活植物：植物检疫，须检疫许可"),
    ("07", _PLANT_FOOD, "", "", "第7章 蔬菜：植物产品检疫＋食品"),
    ("08", _PLANT_FOOD, "", "", "第8章 水果及坚果：植物产品检疫＋食品"),
    ("09", _PLANT_FOOD, "", "", "第9章 咖啡、茶、香料：植物产品检疫＋食品"),
    ("10", _PLANT_FOOD, "325", "", "第10章 谷物：植物产品检疫＋食品，须检疫许可"),
    ("11", _PLANT_FOOD, "", "", "第11章 制粉工业产品"),
    ("12", _PLANT_FOOD, "", "", "第12章 油籽、籽仁"),
    ("1201", _PLANT_FOOD, "325", "", "1201 大豆：须检疫许可"),
    ("1209", _QUARANTINE, "325", "", "1209 种植用种子：植物检疫，须检疫许可"),
    ("13", _PLANT_FOOD, "", "", "第13章 虫胶、树胶、树脂"),
    ("14", _QUARANTINE, "", "", "第14章 编结用植物材料"),
    ("15", _FOOD, "", "", "第15章 动植物油脂：食品"),
    ("1501", _ANIMAL_FOOD, "", "", "1501–1506 动物油脂：动物产品检疫＋食品"),
    ("1502", _ANIMAL_FOOD, "", "", "1501–1506 动物油脂"),
    ("1503", _ANIMAL_FOOD, "", "", "1501–1506 动物油脂"),
    ("1504", _ANIMAL_FOOD, "", "", "1501–1506 动物油脂"),
    ("1505", _ANIMAL_FOOD, "", "", "1501–1506 动物油脂"),
    ("1506", _ANIMAL_FOOD, "", "", "1501–1506 动物油脂"),
    ("16", _ANIMAL_FOOD, "", "", "第16章 肉、鱼制品：动物产品检疫＋食品"),
    ("17", _FOOD, "", "", "第17章 糖及糖食：食品"),
    ("18", _FOOD, "", "", "第18章 可可及其制品：食品"),
    ("1801", _PLANT_FOOD, "", "", "1801 可可豆：植物产品检疫＋食品"),
    ("19", _FOOD, "", "", "第19章 谷物粉、淀粉或乳的制品；糕饼点心：食品"),
    ("20", _FOOD, "", "", "第20章 蔬菜、水果制品：食品"),
    ("21", _FOOD, "", "", "第21章 杂项食品：食品"),
    ("22", _FOOD, "", "", "第22章 饮料、酒及醋：食品"),
    ("23", _QUARANTINE, "325", "", "第23章 食品工业残渣、动物饲料：检疫，须检疫许可"),
    ("2401", _QUARANTINE, "", "", "2401 烟草原料：植物检疫"),
    ("28", _COMMODITY, "", "", "第28章 无机化学品：商品检验（危险化学品）"),
    ("29", _COMMODITY, "", "", "第29章 有机化学品：商品检验（危险化学品）"),
    ("3303", _COMMODITY, "", "", "3303–3307 化妆品：商品检验"),
    ("3304", _COMMODITY, "", "", "3303–3307 化妆品"),
    ("3305", _COMMODITY, "", "", "3303–3307 化妆品"),
    ("3306", _COMMODITY, "", "", "3303–3307 化妆品"),
    ("3307", _COMMODITY, "", "", "3303–3307 化妆品"),
    ("4401", _QUARANTINE, "", "", "4401–4407 木材：植物检疫"),
    ("4403", _QUARANTINE, "325", "", "4403 原木：植物检疫，须检疫许可"),
    ("4406", _QUARANTINE, "", "", "4401–4407 木材"),
    ("4407", _QUARANTINE, "", "", "4401–4407 锯材"),
    ("5101", _QUARANTINE, "", "", "5101 未梳原毛：动物产品检疫"),
    ("5201", ("M.P/N.Q", "A/B"), "", "", "5201 未梳棉花：商品检验＋植物检疫"),
    ("8415", _CCC, "", "", "8415 空调：CCC 目录，入境验证＋商品检验"),
    ("8418", _CCC, "", "", "8418 冰箱、冷柜：CCC 目录"),
    ("8450", _CCC, "", "", "8450 洗衣机：CCC 目录"),
    ("8471", _CCC, "", "", "8471 计算机：CCC 目录"),
    ("8509", _CCC, "", "", "8509 家用电动器具：CCC 目录"),
    ("8516", _CCC, "", "", "8516 电热器具：CCC 目录"),
    ("8528", _CCC, "", "", "8528 电视机、显示器：CCC 目录"),
    ("8544", _CCC, "", "", "8544 电线电缆：CCC 目录"),
    ("8703", _CCC, "", "", "8703 小客车：CCC 目录"),
    ("9503", _CCC, "", "417", "9503 玩具：CCC 目录；出口玩具须质量许可"),
]


def write_csv(name: str, header: list[str], rows: list[list[str]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    (OUT / f"{name}.csv").write_text(buf.getvalue(), encoding="utf-8")


def read(spec: Path, name: str) -> list[dict[str, str]]:
    with open(spec / "ciq" / f"{name}.csv", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def simple(spec: Path, src: str, dst: str, names: dict[str, str]) -> None:
    rows = read(spec, src)
    write_csv(dst, ["code", "name_cn", "name_en"],
              [[r["code"], r["name_cn"], names.get(r["code"], "")] for r in rows])


def build(spec: Path) -> list[str]:
    """Write every eCIQ table; returns their names (for the manifest)."""
    OUT.mkdir(parents=True, exist_ok=True)
    codes = read(spec, "ciq_codes")
    write_csv("ciq_codes", ["code", "hs_code", "ciq_code", "name_cn"],
              [[r["hs_code"] + r["ciq_code"], r["hs_code"], r["ciq_code"], r["name_cn"]]
               for r in codes])
    simple(spec, "goods_attributes", "goods_attributes", en.GOODS_ATTRIBUTES)
    simple(spec, "licences_inbound", "licences_inbound", en.LICENCES)
    simple(spec, "licences_outbound", "licences_outbound", en.LICENCES)
    simple(spec, "dangerous_pack_categories", "dangerous_pack_categories", en.PACK_CATEGORIES)
    simple(spec, "enterprise_qualification_types", "enterprise_qualifications",
           en.QUALIFICATIONS)
    simple(spec, "attachment_types_full", "attachment_types_eciq", en.ATTACHMENTS)
    simple(spec, "certificates_full", "certificates_eciq", en.CERTIFICATES)
    simple(spec, "transport_modes_eciq", "transport_modes_eciq", en.TRANSPORT)
    simple(spec, "trade_modes_eciq", "trade_modes_eciq", en.TRADE)
    for name in ("transport_mode_mapping", "trade_mode_mapping"):
        rows = read(spec, name)
        write_csv(name, ["code", "eciq_code", "name_cn"],
                  [[r["customs_code"], r["eciq_code"], r["name_cn"]] for r in rows])
    write_csv("inspection_catalogue",
              ["code", "hs_prefix", "ciq_code", "categories", "conditions",
               "licences_inbound", "licences_outbound", "basis"],
              [[prefix, prefix, "", cats, cond, lin, lout,
                "STAND-IN 替代目录（非官方法检目录，平台发布的版本将取代本表）：" + basis]
               for prefix, (cats, cond), lin, lout, basis in CATALOGUE])
    return ["ciq_codes", "goods_attributes", "licences_inbound", "licences_outbound",
            "dangerous_pack_categories", "enterprise_qualifications", "attachment_types_eciq",
            "certificates_eciq", "transport_modes_eciq", "trade_modes_eciq",
            "transport_mode_mapping", "trade_mode_mapping", "inspection_catalogue"]


def update_manifest(names: list[str]) -> None:
    path = OUT / "manifest.json"
    manifest = json.loads(path.read_text("utf-8"))
    for name in names:
        data = (OUT / f"{name}.csv").read_bytes()
        manifest[name] = {"version": CIQ_VERSION, "sha256": hashlib.sha256(data).hexdigest(),
                          "file": f"{name}.csv"}
    path.write_text(json.dumps(dict(sorted(manifest.items())), indent=1, ensure_ascii=False)
                    + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--spec", type=Path, default=ROOT.parent / "shared" / "spec" / "codes")
    args = ap.parse_args()
    names = build(args.spec)
    update_manifest(names)
    print(f"wrote {len(names)} eCIQ tables (version {CIQ_VERSION}) to {OUT}")


if __name__ == "__main__":
    main()
