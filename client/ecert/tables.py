"""The code mappings an e-certificate needs, read once from ``resources/ecert/``.

* certificate types: the desk's 证单 codes 14–18 → UN/EDIFACT 1001 ``TypeCode`` (851
  phytosanitary, 852 sanitary, 853 veterinary) and, inbound, ``TypeCode`` → the attachment
  type of the foreign certificate (101007, 101008, 101006);
* transport: the eCIQ 运输方式 list of the 报检单 (``spec/codes/ciq/transport_modes_eciq.csv``:
  1 水路 2 铁路 3 公路 4 航空 5 旅客携带 6 管道 9 其他) ↔ UN/ECE Recommendation 19
  ``ModeCode``, one table ``transport_rec19.csv`` with a flag per direction (``to_rec19``:
  the code an outbound certificate carries; ``from_rec19``: the eCIQ code an inbound draft
  gets — inland water → 1, mail, multimodal, not specified → 9, fixed installation → 6);
* packages: the desk's package types ↔ Recommendation 21 ``TypeCode``;
* countries: ISO alpha-3 (the desk) ↔ alpha-2 (SPS), by pycountry.
"""
from __future__ import annotations

import csv
from decimal import Decimal
from functools import lru_cache

from .. import paths

#: Recommendation 20 weight units → kilograms per unit
WEIGHT_UNITS = {"KGM": Decimal(1), "TNE": Decimal(1000), "GRM": Decimal("0.001")}


def _rows(name: str) -> list[dict]:
    with open(paths.resource_dir() / "ecert" / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


class _Pair:
    """A desk code ↔ standard code table with one preferred row per direction."""

    def __init__(self, rows: list[dict], desk: str, std: str,
                 to_std: str | None = None, from_std: str | None = None):
        self.to_std: dict[str, str] = {}
        self.to_desk: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.names_cn: dict[str, str] = {}   # standard code → Chinese name of its desk code
        for r in rows:
            if to_std and from_std:   # a flag per direction
                if r[to_std] == "1":
                    self.to_std.setdefault(r[desk], r[std])
                if r[from_std] == "1":
                    self.to_desk.setdefault(r[std], r[desk])
                    self.names.setdefault(r[std], r["name_en"])
                    self.names_cn.setdefault(r[std], r.get("eciq_name_cn") or "")
                continue
            self.names.setdefault(r[std], r["name_en"])
            if r["preferred"] == "1":
                self.to_std.setdefault(r[desk], r[std])
                self.to_desk[r[std]] = r[desk]
            else:
                self.to_desk.setdefault(r[std], r[desk])


@lru_cache(maxsize=None)
def transport() -> _Pair:
    """eCIQ 运输方式 ↔ Recommendation 19 ``ModeCode``."""
    return _Pair(_rows("transport_rec19.csv"), "eciq_code", "rec19", "to_rec19", "from_rec19")


@lru_cache(maxsize=None)
def packages() -> _Pair:
    return _Pair(_rows("package_rec21.csv"), "desk_code", "rec21")


@lru_cache(maxsize=None)
def _cert_rows() -> list[dict]:
    return _rows("certificate_types.csv")


def certificate_type(desk_type: str) -> dict | None:
    """``{type_code, name_en, name_cn}`` of a desk certificate type that is issued
    electronically (14–18), else ``None``."""
    for r in _cert_rows():
        if r["desk_type"] == desk_type:
            return r
    return None


def foreign_attachment(type_code: str) -> tuple[str, str] | None:
    """``(attachment type, name_cn)`` for a foreign certificate's ``TypeCode``."""
    for r in _cert_rows():
        if not r["desk_type"] and r["type_code"] == type_code:
            return r["foreign_attachment"], r["name_cn"]
    return None


def type_name(type_code: str) -> tuple[str, str]:
    """``(name_cn, name_en)`` of a TypeCode."""
    for r in _cert_rows():
        if not r["desk_type"] and r["type_code"] == type_code:
            return r["name_cn"], r["name_en"]
    return type_code, type_code


@lru_cache(maxsize=512)
def alpha2(alpha3: str | None) -> str | None:
    if not alpha3:
        return None
    import pycountry
    c = pycountry.countries.get(alpha_3=alpha3.upper())
    return c.alpha_2 if c else None


@lru_cache(maxsize=512)
def alpha3(alpha2_code: str | None) -> str | None:
    if not alpha2_code:
        return None
    import pycountry
    c = pycountry.countries.get(alpha_2=alpha2_code.upper())
    return c.alpha_3 if c else None


def country_name(alpha2_code: str) -> str:
    import pycountry
    c = pycountry.countries.get(alpha_2=alpha2_code.upper())
    return c.name if c else alpha2_code
