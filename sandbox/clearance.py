"""通关单号 (clearance_doc_no): what the platform issues on release of 监管条件 A/B goods.

A declaration any of whose goods lines the inspection catalogue (the platform's version,
the same :class:`client.codes.CodeBook` that judges submissions) marks ``A`` (inbound) or
``B`` (outbound) gets an 18-digit clearance document number on release: its 15-digit
inspection number followed by its 3-digit version (unique, and stable for a version). It
travels in the ``released`` status change (``clearance_doc_no``) and in its note.
"""
from __future__ import annotations

from typing import Any

from client.ciq import ciq_lookup
from client.codes import CodeBook


def needs_clearance(payload: Any, codes: CodeBook) -> bool:
    """True when a goods line of ``payload`` (decoded JSON) carries 监管条件 A/B."""
    if not isinstance(payload, dict) or not isinstance(payload.get("goods"), list):
        return False
    direction = payload.get("direction")
    lk = ciq_lookup(codes)
    for g in payload["goods"]:
        if not isinstance(g, dict) or not isinstance(g.get("hs_code"), str):
            continue
        ciq = g.get("ciq_code") if isinstance(g.get("ciq_code"), str) else None
        entry = lk.catalogue(g["hs_code"], ciq)
        if entry is not None and entry.condition(direction) is not None:
            return True
    return False


def clearance_doc_no(payload: Any, inspection_no: str, version: int,
                     codes: CodeBook) -> str | None:
    """The number to issue on release, or ``None`` when the goods need no 通关单."""
    if not needs_clearance(payload, codes):
        return None
    return f"{inspection_no}{version % 1000:03d}"
