"""The certificate-of-origin code tables, read through the :class:`~client.codes.CodeBook`.

``origin_agreements`` (the 14 certificate types), ``origin_partners`` (agreement × partner
country × in force from/to), ``origin_criteria`` (the criteria each agreement defines, and
whether one needs a percentage) and ``gsp_donors`` (countries granting China GSP, with
dates: a table the platform maintains and publishes like every code table).
"""
from __future__ import annotations

from datetime import date

from ..codes import CodeBook, CodeEntry

AGREEMENTS = ("CN-ASEAN", "CN-PK", "CN-CL", "CN-NZ", "CN-SG", "CN-PE", "CN-CR", "CN-IS",
              "CN-CH", "CN-KR", "CN-AU", "APTA", "GSP", "NONPREF")


def _in_force(row, on: date) -> bool:
    start, end = row.get("from") or "", row.get("to") or ""
    day = on.isoformat()
    return (not start or start <= day) and (not end or day <= end)


def agreement(codes: CodeBook, code: str | None) -> CodeEntry | None:
    return codes.table("origin_agreements").get(code)


def partners(codes: CodeBook, code: str) -> list[CodeEntry]:
    return [e for e in codes.table("origin_partners").entries
            if e.row.get("agreement") == code]


def partner_row(codes: CodeBook, code: str, country: str) -> CodeEntry | None:
    """The partner row of ``country`` in agreement ``code`` (any date), or None."""
    return codes.table("origin_partners").get(f"{code}:{country}")


def is_party(codes: CodeBook, code: str, country: str, on: date) -> bool:
    e = partner_row(codes, code, country)
    return e is not None and _in_force(e.row, on)


def donor_row(codes: CodeBook, country: str) -> CodeEntry | None:
    return codes.table("gsp_donors").get(country)


def is_donor(codes: CodeBook, country: str, on: date) -> bool:
    e = donor_row(codes, country)
    return e is not None and _in_force(e.row, on)


def criteria(codes: CodeBook, code: str) -> list[CodeEntry]:
    return [e for e in codes.table("origin_criteria").entries
            if e.row.get("agreement") == code]


def criterion(codes: CodeBook, code: str, crit: str) -> CodeEntry | None:
    return codes.table("origin_criteria").get(f"{code}:{crit}")
