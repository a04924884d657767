"""Which transport/trade lists a code book holds: customs or eCIQ (issue 13, no store).

Until a desk takes version ``2027.01.0`` of ``transport_modes``/``trade_modes`` from the
platform, both tables hold the customs lists; that version holds the eCIQ lists, marked
by the column ``code_list`` = ``eciq`` (``resources/codes/eciq/``). The rulebook, the
importer, the editor and the platform ask :func:`eciq_fields`.
"""
from __future__ import annotations

from pathlib import Path

from .. import paths
from ..codes import CodeBook

#: the platform code-table version in which the 报检单 uses the eCIQ lists
ECIQ_VERSION = "2027.01.0"
#: the two tables that switch, and the declaration field each one checks
SWITCHED = {"transport_modes": "transport_mode", "trade_modes": "trade_mode"}


def is_eciq_rows(rows: list[dict[str, str]]) -> bool:
    """True for a transport/trade table whose rows are the eCIQ list."""
    return bool(rows) and rows[0].get("code_list") == "eciq"


def eciq_fields(codes: CodeBook) -> frozenset[str]:
    """The declaration fields (``transport_mode``, ``trade_mode``) that ``codes`` holds in
    eCIQ terms (cached until a table is replaced)."""
    def build() -> frozenset[str]:
        return frozenset(f for t, f in SWITCHED.items() if is_eciq_rows(codes.table(t).rows))
    return codes._cached("ciq_eciq_fields", build)  # type: ignore[no-any-return]


def switch_csv(table: str, codes_dir: Path | None = None) -> str:
    """The CSV text of version :data:`ECIQ_VERSION` of ``table`` (what the platform publishes)."""
    root = codes_dir or paths.resource_dir() / "codes"
    return (root / "eciq" / f"{table}.csv").read_text("utf-8")


def eciq_codebook(codes_dir: Path | None = None) -> CodeBook:
    """The built-in tables with version :data:`ECIQ_VERSION` of the switched ones in force,
    as on a desk that has taken it (tools, benchmarks and tests)."""
    return CodeBook(codes_dir, overrides={
        t: (ECIQ_VERSION, "", switch_csv(t, codes_dir)) for t in SWITCHED})
