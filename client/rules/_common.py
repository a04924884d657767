"""Helpers shared by the rule families (not a family itself: it registers no rule).

* :func:`lookups` — every code table the rules consult, turned once per :class:`CodeBook`
  into plain sets and dicts (cached in the code book's derived-lookup cache, which is
  cleared whenever a table is replaced, so a newer table from the platform takes effect at
  once). Rules never scan a list.
* :func:`issue` — build an :class:`Issue` for a registered code (severity from the registry).
* :func:`show`, :func:`lbl` — the value and the field name as a message prints them.
* :func:`blank` — "not filled in" (``None``, or text that is empty or only spaces).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..ciq.lists import eciq_fields
from ..codes import CodeBook
from ..fields import label
from ..model import format_decimal
from .base import Issue, RuleContext
from .registry import RULES

# ------------------------------------------------------------------ precompiled formats
INSPECTION_NO_RE = re.compile(r"[0-9]{15}")
LOCODE_RE = re.compile(r"[A-Z]{2}[A-Z2-9]{3}")
DISTRICT_RE = re.compile(r"[0-9]{6}")
SHA256_RE = re.compile(r"[0-9a-fA-F]{64}")
#: ISO 6346 size-type code: length, height/width, type group letter, type digit (22G1, 45G1, L5G1)
SIZE_TYPE_RE = re.compile(r"[1-4ABCDEFGHKLMNP][0-9CDEFLMNP][A-Z][0-9]")
#: owner code (3 letters) + category (U, J, Z) + 6-digit serial + check digit
CONTAINER_RE = re.compile(r"[A-Z]{3}[UJZ][0-9]{7}")
#: a USCC in canonical form: 8 digits, then 10 characters of the GB 32100 alphabet
#: (no I, O, S, V, Z); its check character is then verified by python-stdnum
USCC_RE = re.compile(r"[0-9]{8}[0-9A-HJ-NPQRTUWXY]{10}")
ULID_RE = re.compile(r"[0-9A-HJKMNP-TV-Z]{26}")
UUID_RE = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")
#: C0/C1 control characters other than tab/newline, plus lone surrogates and non-characters
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

MIB = 1024 * 1024


# ------------------------------------------------------------------------ lookups
@dataclass(frozen=True, slots=True)
class Lookups:
    """The code tables as sets/dicts, built once per code-book version."""

    bureaus: frozenset
    bureau_names: dict
    inspection_types: dict        # code -> direction
    transport_modes: frozenset
    trade_modes: frozenset
    ecommerce_trade_modes: frozenset
    purposes: frozenset
    certificates: dict            # code -> direction
    attachment_types: frozenset
    units: dict                   # code -> Chinese name
    package_types: frozenset
    countries: frozenset          # ISO alpha-3
    alpha2: frozenset             # ISO alpha-2 (UN/LOCODE prefixes)
    alpha2_to_3: dict
    currencies: frozenset
    districts: frozenset
    hs6: frozenset
    negative: dict                # HS prefix -> (category, name_cn)
    negative_lengths: tuple       # prefix lengths, longest first
    regions_of: dict              # bureau -> frozenset(region)
    region_names: dict
    grades: dict                  # grade -> (direct_ok, cross_ok, name_cn)
    #: the fields whose table holds the eCIQ list (client.ciq.lists; issue 13)
    eciq: frozenset = frozenset()


_YES = ("yes", "true", "1", "y")
#: trade modes that are cross-border e-commerce by definition (see trade_modes.csv)
ECOMMERCE_TRADE_MODES = frozenset({"1210", "9610", "9710", "9810"})
#: the same in eCIQ terms: 42 电子商务/保税电商 (B2B 9710/9810 map to 11 一般贸易 and are
#: known by ``customs_trade_mode``, see :func:`client.rules.ecommerce.ecommerce_trade`)
ECOMMERCE_TRADE_MODES_ECIQ = frozenset({"42"})


def _build(codes: CodeBook) -> Lookups:
    def keyset(name: str) -> frozenset:
        return frozenset(codes.table(name).codes())

    def direction_map(name: str) -> dict:
        return {e.code: e.row.get("direction", "both") or "both" for e in codes.table(name).entries}

    regions: dict[str, set] = {}
    names: dict[str, str] = {}
    for r in codes.table("regions").rows:
        regions.setdefault(r.get("bureau", ""), set()).add(r.get("region", ""))
        names[r.get("region", "")] = r.get("name_cn") or r.get("region", "")
    negative: dict[str, tuple[str, str]] = {}
    for r in codes.table("negative_list").rows:
        p = r.get("hs_prefix", "")
        if p:
            negative[p] = (r.get("category", ""), r.get("name_cn", ""))
    grades = {}
    for e in codes.table("credit_grades").entries:
        grades[e.code] = (e.row.get("direct_modes_allowed", "").lower() in _YES,
                          e.row.get("cross_bureau_declaration_allowed", "").lower() in _YES,
                          e.name_cn or e.code)
    countries = codes.table("countries")
    a2to3 = {e.row.get("alpha_2", ""): e.code for e in countries.entries if e.row.get("alpha_2")}
    hs = codes.table("hs2022")
    trade = keyset("trade_modes")
    eciq = eciq_fields(codes)
    return Lookups(
        bureaus=keyset("bureaus"),
        bureau_names={e.code: e.name_cn for e in codes.table("bureaus").entries},
        inspection_types=direction_map("inspection_types"),
        transport_modes=keyset("transport_modes"),
        trade_modes=trade,
        ecommerce_trade_modes=ECOMMERCE_TRADE_MODES_ECIQ if "trade_mode" in eciq
        else ECOMMERCE_TRADE_MODES,
        purposes=keyset("purposes"),
        certificates=direction_map("certificates"),
        attachment_types=keyset("attachment_types"),
        units={e.code: e.name_cn for e in codes.table("units").entries},
        package_types=keyset("package_types"),
        countries=frozenset(countries.codes()),
        alpha2=frozenset(a2to3),
        alpha2_to_3=a2to3,
        currencies=keyset("currencies"),
        districts=keyset("districts"),
        hs6=frozenset(c for c in hs.codes() if len(c) == 6),
        negative=negative,
        negative_lengths=tuple(sorted({len(p) for p in negative}, reverse=True)),
        regions_of={k: frozenset(v) for k, v in regions.items()},
        region_names=names,
        grades=grades,
        eciq=eciq,
    )


def fresh_lookups(codes: CodeBook) -> Lookups:
    """The rules' view of ``codes`` (built on first use, rebuilt after a table swap)."""
    derived = codes._derived  # the code book's own cache, cleared by CodeBook.replace()
    lk = derived.get("rules.lookups")
    if lk is None:
        lk = _build(codes)
        derived["rules.lookups"] = lk
    return lk


def lookups(ctx: RuleContext) -> Lookups:
    """``ctx.lookups`` as the engine refreshed it for this run (computed if unset)."""
    lk = ctx.lookups
    if lk is None:
        lk = ctx.lookups = fresh_lookups(ctx.codes)
    return lk




def negative_match(lk: Lookups, hs: str) -> tuple[str, str, str] | None:
    """``(category, name_cn, prefix)`` if ``hs`` falls under the e-commerce negative list."""
    neg = lk.negative
    n_hs = len(hs)
    for n in lk.negative_lengths:
        if n <= n_hs:
            hit = neg.get(hs[:n])
            if hit is not None:
                return hit[0], hit[1], hs[:n]
    return None


def same_region(lk: Lookups, a: str | None, b: str | None) -> bool:
    ra = lk.regions_of.get(a)
    rb = lk.regions_of.get(b)
    return bool(ra and rb and ra & rb)


def regions_text(lk: Lookups, bureau: str | None) -> tuple[str, str]:
    regs = sorted(lk.regions_of.get(bureau, ()))
    if not regs:
        return "不属于任何通关一体化区域", "belongs to no integration region"
    return ("属于" + "、".join(lk.region_names.get(r, r) for r in regs),
            "belongs to " + ", ".join(regs))


# ------------------------------------------------------------------------ messages
def issue(code: str, field: str, zh: str, en: str) -> Issue:
    """An :class:`Issue` of a registered rule code (its severity comes from the registry)."""
    return Issue(code, RULES[code].severity, field, zh, en)


def show(value: Any, limit: int = 40) -> str:
    """A value as a message quotes it: decimals plainly, long text shortened."""
    if isinstance(value, Decimal):
        text = format_decimal(value) if value.is_finite() else str(value)
    elif isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 60:
        # Python refuses to print ints beyond 4300 digits; nobody wants to read them anyway
        text = f"{'-' if value < 0 else ''}≈10^{int(value.bit_length() * 0.30103)}"
    elif isinstance(value, str):
        text = value
    else:
        text = repr(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def fmt_int(n: int) -> str:
    """``12,345`` for a sane integer, :func:`show`'s short form for an absurd one."""
    return f"{n:,}" if n.bit_length() <= 60 else show(n)


def lbl(path: str) -> tuple[str, str]:
    """(Chinese, English) name of a field path."""
    return label(path, "zh"), label(path, "en")


def blank(value: Any) -> bool:
    if value is None:
        return True
    if value.__class__ is str:
        return not value or value.isspace()
    return isinstance(value, str) and not value.strip()




Q2 = Decimal("0.01")
Q3 = Decimal("0.001")


def has_more_decimals(d: Decimal, q: Decimal) -> bool:
    """Whether ``d`` has non-zero digits beyond the exponent of ``q`` (trailing zeros don't count)."""
    try:
        return bool(d % q)  # 3x cheaper than quantize
    except ArithmeticError:  # a number too large for the context: E1505 reports it
        return False




def seq(value: Any) -> Any:
    """A list attribute to iterate over (``None`` or a non-list reads as empty)."""
    return value if isinstance(value, list) else ()
